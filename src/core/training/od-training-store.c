/* od-training-store.c — saving courses, sessions, enrolments and
 * attendance marks with their defaults, and marking attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-training-store"

#include "config.h"

#include <glib/gi18n.h>

#include "od-entity-store.h"
#include "od-store-util.h"
#include "od-training-entities.h"
#include "od-training-store.h"

/* Letters and digits that cannot be misread on a badge. */
static const char token_alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

#define TOKEN_LENGTH 12

char *
od_enrolment_new_token (void)
{
  GString *token = g_string_sized_new (TOKEN_LENGTH);

  for (guint i = 0; i < TOKEN_LENGTH; i++)
    g_string_append_c (token, token_alphabet[g_random_int_range (0, sizeof token_alphabet - 1)]);
  return g_string_free (token, FALSE);
}

gint64
od_course_save (OdDb                  *db,
                const OdCourseFields  *fields,
                GError               **error)
{
  return od_entity_store_save (&od_course_entity, db, fields, error);
}

OdCourseFields *
od_course_load (OdDb    *db,
                gint64   id,
                GError **error)
{
  return od_entity_store_load (&od_course_entity, db, id, FALSE, error);
}

gint64
od_course_session_save (OdDb                         *db,
                        const OdCourseSessionFields  *fields,
                        GError                      **error)
{
  return od_entity_store_save (&od_course_session_entity, db, fields, error);
}

OdCourseSessionFields *
od_course_session_load (OdDb    *db,
                        gint64   id,
                        GError **error)
{
  return od_entity_store_load (&od_course_session_entity, db, id, FALSE, error);
}

/* Today in the local time zone, as the database clock says. */
static char *
today (OdDb *db)
{
  GDate date;
  char text[16];

  od_store_get_today (db, &date);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

gint64
od_enrolment_save (OdDb                     *db,
                   const OdEnrolmentFields  *fields,
                   GError                  **error)
{
  OdEnrolmentFields with_defaults = *fields;
  g_autofree char *date = NULL;
  g_autofree char *token = NULL;

  /* A shallow copy: only the two members replaced here are owned. */
  if (fields->enrolled_on == NULL || fields->enrolled_on[0] == '\0')
    with_defaults.enrolled_on = date = today (db);
  if (fields->token == NULL || fields->token[0] == '\0')
    with_defaults.token = token = od_enrolment_new_token ();
  return od_entity_store_save (&od_enrolment_entity, db, &with_defaults, error);
}

OdEnrolmentFields *
od_enrolment_load (OdDb    *db,
                   gint64   id,
                   GError **error)
{
  return od_entity_store_load (&od_enrolment_entity, db, id, FALSE, error);
}

gint64
od_attendance_mark_save (OdDb                          *db,
                         const OdAttendanceMarkFields  *fields,
                         GError                       **error)
{
  OdAttendanceMarkFields with_defaults = *fields;
  g_autofree char *now = NULL;

  if (fields->marked_at == NULL || fields->marked_at[0] == '\0')
    with_defaults.marked_at = now = od_db_now (db);
  return od_entity_store_save (&od_attendance_mark_entity, db, &with_defaults, error);
}

gint64
od_attendance_mark_set (OdDb        *db,
                        gint64       session_id,
                        gint64       person_id,
                        const char  *status,
                        const char  *method,
                        GError     **error)
{
  g_autoptr(OdAttendanceMarkFields) mark = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gint64 existing = 0;

  stmt = od_db_prepare (db, "SELECT id FROM attendance_marks WHERE session_id = ?1"
                            " AND person_id = ?2 AND deleted_at IS NULL", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, session_id, error)
      || !od_stmt_bind_int64 (stmt, 2, person_id, error)
      || !od_stmt_step_int64 (stmt, &existing, error))
    return 0;
  g_clear_pointer (&stmt, od_stmt_free);

  if (existing != 0)
    {
      mark = od_entity_store_load (&od_attendance_mark_entity, db, existing, FALSE, error);
      if (mark == NULL)
        return 0;
      g_clear_pointer (&mark->marked_at, g_free);
    }
  else
    {
      mark = od_attendance_mark_fields_new ();
      mark->session_id = session_id;
      mark->person_id = person_id;
    }
  g_free (mark->status);
  mark->status = g_strdup (status);
  g_free (mark->method);
  mark->method = g_strdup (method);
  return od_attendance_mark_save (db, mark, error);
}
