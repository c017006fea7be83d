/* od-training-query.h — what the training page and the door need to see:
 * courses with their counts, a course's sessions, enrolees and marks, and
 * attendance at the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"
#include "od-training.h"

G_BEGIN_DECLS

typedef struct
{
  int          year;     /* 0 = every year; else courses with a session that year */
  const char  *kind;     /* "general", "project", or NULL for both */
  const char  *topic;    /* exactly, or NULL */
  const char  *query;    /* part of the title, or NULL */
} OdCourseFilter;

/* A course as the list shows it. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *kind;
  char   *topic;
  gint64  capacity;
  char   *first_date;     /* of its sessions; NULL when it has none */
  char   *last_date;
  gint64  n_sessions;
  gint64  n_enrolled;     /* status "enrolled" */
  gint64  n_waitlisted;
  gint64  n_attendees;    /* distinct people present or late at one session */
} OdCourseSummary;

/* Someone enrolled in a course, as the door and the grid show them. */
typedef struct
{
  gint64  enrolment_id;
  gint64  person_id;
  char   *name;
  char   *initials;       /* pinyin initials of the name, every reading: "zs zhs" */
  char   *organization;   /* "" when none */
  char   *mobile;         /* "" when none */
  char   *status;         /* "enrolled", "waitlisted", "cancelled" */
  char   *token;
  gboolean walk_in;
} OdEnrolee;

/* The counts at one session's door. */
typedef struct
{
  guint enrolled;   /* status "enrolled" */
  guint present;
  guint late;
  guint absent;
  guint excused;
  guint not_yet;    /* enrolled, no mark */
} OdSessionCounts;

void        od_course_summary_free        (OdCourseSummary   *summary);
void        od_enrolee_free               (OdEnrolee         *enrolee);

/* Live courses matching FILTER, the latest first (by first session). */
GPtrArray  *od_course_list                (OdDb              *db,
                                           const OdCourseFilter *filter,
                                           GError           **error);
/* The topics of the live courses, for a filter (char *). */
GPtrArray  *od_course_list_topics         (OdDb              *db,
                                           GError           **error);
/* The live sessions of COURSE_ID by date and time (OdCourseSessionFields). */
GPtrArray  *od_course_list_sessions       (OdDb              *db,
                                           gint64             course_id,
                                           GError           **error);
/* The live enrolments of COURSE_ID, by pinyin of the name (OdEnrolee). */
GPtrArray  *od_course_list_enrolees       (OdDb              *db,
                                           gint64             course_id,
                                           GError           **error);
/* The live marks of the sessions of COURSE_ID (OdAttendanceMarkFields,
 * session_id, person_id, status, marked_at, method set). */
GPtrArray  *od_course_list_marks          (OdDb              *db,
                                           gint64             course_id,
                                           GError           **error);
/* The enrolled of COURSE_ID who attended (present or late) at least its
 * certificate_threshold percent of its sessions, by name (OdEnrolee);
 * empty when the course gives no certificates. */
GPtrArray  *od_course_list_graduates      (OdDb              *db,
                                           gint64             course_id,
                                           GError           **error);
gboolean    od_session_get_counts         (OdDb              *db,
                                           gint64             session_id,
                                           OdSessionCounts   *counts,
                                           GError           **error);

/* Whether ENROLEE is who QUERY names at the door: the badge token
 * (exactly), part of the name, the start of the pinyin initials ("zs"),
 * or the last 4 or more digits of the mobile. */
gboolean    od_enrolee_matches            (const OdEnrolee   *enrolee,
                                           const char        *query);

/* Enrols someone at the door: a new person (NAME, MOBILE, ORGANIZATION_ID
 * or 0) unless PERSON_ID is given, enrolled as a walk-in; the enrolment's
 * id, or 0. */
gint64      od_course_enrol_walk_in       (OdDb              *db,
                                           gint64             course_id,
                                           gint64             person_id,
                                           const char        *name,
                                           const char        *mobile,
                                           gint64             organization_id,
                                           GError           **error);
/* Removes the mark of PERSON_ID at SESSION_ID (undoing a mark that had
 * none before); audited. */
gboolean    od_attendance_mark_clear      (OdDb              *db,
                                           gint64             session_id,
                                           gint64             person_id,
                                           GError           **error);
/* Marks everyone enrolled in SESSION_ID's course and not yet marked with
 * STATUS ("absent" or "excused"), in one transaction; N_MARKED gets how
 * many. */
gboolean    od_session_mark_remaining     (OdDb              *db,
                                           gint64             session_id,
                                           const char        *status,
                                           guint             *n_marked,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCourseSummary, od_course_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEnrolee, od_enrolee_free)

G_END_DECLS
