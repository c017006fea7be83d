/* od-training-store.h — courses, sessions, enrolments and attendance
 * marks: saving with their defaults, marking attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stores are od-entity-store.h's, from the field tables of
 * od-training-entities.c; these fill what a new record needs (a badge
 * token, the date, the time of a mark) and check before saving. Refusals
 * are OD_STORE_ERROR errors.
 */
#pragma once

#include "od-db.h"
#include "od-training.h"

G_BEGIN_DECLS

gint64                  od_course_save              (OdDb                          *db,
                                                     const OdCourseFields          *fields,
                                                     GError                       **error);
OdCourseFields         *od_course_load              (OdDb                          *db,
                                                     gint64                         id,
                                                     GError                       **error);
gint64                  od_course_session_save      (OdDb                          *db,
                                                     const OdCourseSessionFields   *fields,
                                                     GError                       **error);
OdCourseSessionFields  *od_course_session_load      (OdDb                          *db,
                                                     gint64                         id,
                                                     GError                       **error);
/* A new enrolment gets today's date and a badge token when it has none;
 * one that would go beyond the course's capacity is put on the waiting
 * list (walk-ins excepted: they are in the room). */
gint64                  od_enrolment_save           (OdDb                          *db,
                                                     const OdEnrolmentFields       *fields,
                                                     GError                       **error);
OdEnrolmentFields      *od_enrolment_load           (OdDb                          *db,
                                                     gint64                         id,
                                                     GError                       **error);
/* A new mark gets the current time when it has none. */
gint64                  od_attendance_mark_save     (OdDb                          *db,
                                                     const OdAttendanceMarkFields  *fields,
                                                     GError                       **error);
/* Marks PERSON_ID at SESSION_ID with STATUS ("present", "late", …) and
 * METHOD, replacing an earlier mark of the same session; committed at once.
 * Returns the mark's id, or 0. */
gint64                  od_attendance_mark_set      (OdDb                          *db,
                                                     gint64                         session_id,
                                                     gint64                         person_id,
                                                     const char                    *status,
                                                     const char                    *method,
                                                     GError                       **error);
/* The door (attendance mode): the mark as taken, committed at once in the
 * door's log (a single row, the cheapest committed write), with the time
 * now. FALSE on error. The log is applied by od_attendance_door_apply(). */
gboolean                od_attendance_door_mark     (OdDb                          *db,
                                                     gint64                         session_id,
                                                     gint64                         person_id,
                                                     const char                    *status,
                                                     const char                    *method,
                                                     GError                       **error);
/* Applies the door's log to the marks, oldest first, each as
 * od_attendance_mark_set() would with the time it was taken (and its audit
 * entry), and empties it; one transaction. A logged mark that no longer
 * fits (its session or person deleted meanwhile) is dropped; *N_DROPPED
 * (if not NULL) says how many. The number applied, or -1 on error. */
gint                    od_attendance_door_apply    (OdDb                          *db,
                                                     guint                         *n_dropped,
                                                     GError                       **error);
/* A copy of course ID to plan the next one: its fields, the title marked
 * as a copy, its sessions (times, topics, trainers) moved so that the
 * first is on FIRST_DATE (or on the same days when NULL); no enrolments.
 * The new course's id, or 0. */
gint64                  od_course_copy              (OdDb                          *db,
                                                     gint64                         id,
                                                     const char                    *first_date,
                                                     GError                       **error);
/* Enrols every live person of the organizations ORGANIZATION_IDS not yet
 * enrolled, in one step (beyond the capacity: on the waiting list);
 * N_ADDED gets how many. */
gboolean                od_course_enrol_organizations (OdDb                        *db,
                                                     gint64                         course_id,
                                                     const gint64                  *organization_ids,
                                                     guint                          n_organizations,
                                                     guint                         *n_added,
                                                     GError                       **error);
/* How many are enrolled (status "enrolled") in COURSE_ID; -1 on error. */
gint64                  od_course_count_enrolled    (OdDb                          *db,
                                                     gint64                         course_id,
                                                     GError                       **error);

/* A random badge token: 12 letters and digits, no look-alikes (0/O, 1/I). */
char                   *od_enrolment_new_token      (void);

G_END_DECLS
