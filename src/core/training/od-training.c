/* od-training.c — the records of training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-training"

#include "config.h"

#include "od-training.h"

/* A new record has "" in every text that cannot be NULL, and the defaults
 * of its enums. */

OdCourseFields *
od_course_fields_new (void)
{
  OdCourseFields *f = g_new0 (OdCourseFields, 1);

  f->uuid = g_strdup ("");
  f->title = g_strdup ("");
  f->kind = g_strdup ("general");
  f->topic = g_strdup ("");
  f->organizer = g_strdup ("");
  f->venue = g_strdup ("");
  f->trainers = g_strdup ("");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_course_fields_free (OdCourseFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->title);
  g_free (f->kind);
  g_free (f->topic);
  g_free (f->organizer);
  g_free (f->venue);
  g_free (f->trainers);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdCourseSessionFields *
od_course_session_fields_new (void)
{
  OdCourseSessionFields *f = g_new0 (OdCourseSessionFields, 1);

  f->uuid = g_strdup ("");
  f->course_title = g_strdup ("");
  f->starts_at = g_strdup ("");
  f->ends_at = g_strdup ("");
  f->topic = g_strdup ("");
  f->trainer = g_strdup ("");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_course_session_fields_free (OdCourseSessionFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->course_title);
  g_free (f->held_on);
  g_free (f->starts_at);
  g_free (f->ends_at);
  g_free (f->topic);
  g_free (f->trainer);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdEnrolmentFields *
od_enrolment_fields_new (void)
{
  OdEnrolmentFields *f = g_new0 (OdEnrolmentFields, 1);

  f->uuid = g_strdup ("");
  f->course_title = g_strdup ("");
  f->person_name = g_strdup ("");
  f->status = g_strdup ("enrolled");
  f->token = g_strdup ("");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_enrolment_fields_free (OdEnrolmentFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->course_title);
  g_free (f->person_name);
  g_free (f->status);
  g_free (f->enrolled_on);
  g_free (f->token);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdAttendanceMarkFields *
od_attendance_mark_fields_new (void)
{
  OdAttendanceMarkFields *f = g_new0 (OdAttendanceMarkFields, 1);

  f->uuid = g_strdup ("");
  f->session_label = g_strdup ("");
  f->person_name = g_strdup ("");
  f->status = g_strdup ("present");
  f->method = g_strdup ("manual");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_attendance_mark_fields_free (OdAttendanceMarkFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->session_label);
  g_free (f->person_name);
  g_free (f->status);
  g_free (f->marked_at);
  g_free (f->method);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}
