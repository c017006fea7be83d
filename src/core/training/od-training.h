/* od-training.h — the records of training: courses, their sessions,
 * enrolments and attendance marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs of fields, as the stores read and write them (NULL text
 * only where noted; enums are the stored English keys). Their field
 * tables are in od-training-entities.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;               /* 0 for a record not saved yet */
  char   *uuid;
  char   *title;
  char   *kind;             /* "general" (培训班), "project" (执行项目培训班) */
  char   *topic;
  char   *organizer;
  char   *venue;
  gint64  capacity;         /* 0 = no limit */
  char   *trainers;
  gint64  certificate_threshold;  /* % of the sessions attended for a certificate; 0 = none */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdCourseFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  course_id;
  char   *course_title;     /* read-only */
  char   *held_on;          /* ISO date */
  char   *starts_at;        /* "09:00" or "" */
  char   *ends_at;
  char   *topic;
  char   *trainer;
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdCourseSessionFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  course_id;
  char   *course_title;     /* read-only */
  gint64  person_id;
  char   *person_name;      /* read-only */
  char   *status;           /* "enrolled", "waitlisted", "cancelled" */
  char   *enrolled_on;      /* ISO date */
  gint64  walk_in;          /* 1 = enrolled at the door */
  char   *token;            /* what the badge's QR code carries; made when empty */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdEnrolmentFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  session_id;
  char   *session_label;    /* read-only: "course title 2017-10-19" */
  gint64  person_id;
  char   *person_name;      /* read-only */
  char   *status;           /* "present", "late", "absent", "excused" */
  char   *marked_at;        /* ISO date and time */
  char   *method;           /* "scan", "manual", "paper", "import" */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdAttendanceMarkFields;

OdCourseFields          *od_course_fields_new             (void);
void                     od_course_fields_free            (OdCourseFields          *fields);
OdCourseSessionFields   *od_course_session_fields_new     (void);
void                     od_course_session_fields_free    (OdCourseSessionFields   *fields);
OdEnrolmentFields       *od_enrolment_fields_new          (void);
void                     od_enrolment_fields_free         (OdEnrolmentFields       *fields);
OdAttendanceMarkFields  *od_attendance_mark_fields_new    (void);
void                     od_attendance_mark_fields_free   (OdAttendanceMarkFields  *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCourseFields, od_course_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCourseSessionFields, od_course_session_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEnrolmentFields, od_enrolment_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdAttendanceMarkFields, od_attendance_mark_fields_free)

G_END_DECLS
