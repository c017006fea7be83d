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
#include "od-training-query.h"
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





OD_ENTITY_STORE_TYPED (od_course, OdCourseFields, od_course_entity)
OD_ENTITY_STORE_TYPED (od_course_session, OdCourseSessionFields, od_course_session_entity)

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
od_course_count_enrolled (OdDb    *db,
                          gint64   course_id,
                          GError **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT count(*) FROM enrolments WHERE course_id = ?1"
                                          " AND deleted_at IS NULL AND status = 'enrolled'", error);
  gint64 n = -1;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error)
      || !od_stmt_step_int64 (stmt, &n, error))
    return -1;
  return n;
}

/* Whether course COURSE_ID has no place left; FALSE on error (ERROR set). */
static gboolean
course_is_full (OdDb     *db,
                gint64    course_id,
                gboolean *full,
                GError  **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT capacity FROM courses WHERE id = ?1", error);
  gint64 capacity = 0;
  gint64 enrolled;

  *full = FALSE;
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error)
      || !od_stmt_step_int64 (stmt, &capacity, error))
    return FALSE;
  if (capacity <= 0)
    return TRUE;
  enrolled = od_course_count_enrolled (db, course_id, error);
  if (enrolled < 0)
    return FALSE;
  *full = enrolled >= capacity;
  return TRUE;
}

gint64
od_enrolment_save (OdDb                     *db,
                   const OdEnrolmentFields  *fields,
                   GError                  **error)
{
  OdEnrolmentFields with_defaults = *fields;
  g_autofree char *date = NULL;
  g_autofree char *token = NULL;
  gboolean full = FALSE;

  /* A shallow copy: only the members replaced here are owned. */
  if (fields->enrolled_on == NULL || fields->enrolled_on[0] == '\0')
    with_defaults.enrolled_on = date = today (db);
  if (fields->token == NULL || fields->token[0] == '\0')
    with_defaults.token = token = od_enrolment_new_token ();
  if (fields->id == 0 && !fields->walk_in && g_strcmp0 (fields->status, "enrolled") == 0)
    {
      if (!course_is_full (db, fields->course_id, &full, error))
        return 0;
      if (full)
        with_defaults.status = (char *) "waitlisted";
    }
  return od_entity_store_save (&od_enrolment_entity, db, &with_defaults, error);
}

typedef struct
{
  gint64      id;
  const char *first_date;
  gint64      copy_id;
} CopyData;

static gboolean
copy_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  CopyData *data = user_data;
  g_autoptr(OdCourseFields) course = od_course_load (db, data->id, error);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *title = NULL;
  int shift = 0;

  if (course == NULL)
    return FALSE;
  sessions = od_course_list_sessions (db, data->id, error);
  if (sessions == NULL)
    return FALSE;
  if (data->first_date != NULL && sessions->len > 0)
    {
      const OdCourseSessionFields *first = g_ptr_array_index (sessions, 0);
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_parse (&from, first->held_on);
      g_date_set_parse (&to, data->first_date);
      if (!g_date_valid (&to))
        {
          g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                       /* Translators: %s is what was typed as a date */
                       _("“%s” is not a date. Type it as year-month-day, e.g. 2018-03-13."),
                       data->first_date);
          return FALSE;
        }
      shift = g_date_days_between (&from, &to);
    }

  course->id = 0;
  g_free (course->uuid);
  course->uuid = g_strdup ("");
  /* Translators: the title of a copied course; %s is the original title */
  title = g_strdup_printf (_("%s (copy)"), course->title);
  g_free (course->title);
  course->title = g_steal_pointer (&title);
  data->copy_id = od_course_save (db, course, error);
  if (data->copy_id == 0)
    return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    {
      OdCourseSessionFields *session = g_ptr_array_index (sessions, i);
      GDate date;
      char text[16];

      g_date_clear (&date, 1);
      g_date_set_parse (&date, session->held_on);
      if (shift > 0)
        g_date_add_days (&date, (guint) shift);
      else if (shift < 0)
        g_date_subtract_days (&date, (guint) -shift);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      session->id = 0;
      g_free (session->uuid);
      session->uuid = g_strdup ("");
      session->course_id = data->copy_id;
      g_free (session->held_on);
      session->held_on = g_strdup (text);
      if (od_course_session_save (db, session, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gint64
od_course_copy (OdDb        *db,
                gint64       id,
                const char  *first_date,
                GError     **error)
{
  CopyData data = { id, first_date, 0 };

  if (!od_db_transaction (db, copy_cb, &data, error))
    return 0;
  return data.copy_id;
}

typedef struct
{
  gint64        course_id;
  const gint64 *organization_ids;
  guint         n_organizations;
  guint         n_added;
} EnrolData;

static gboolean
enrol_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  EnrolData *data = user_data;

  for (guint i = 0; i < data->n_organizations; i++)
    {
      g_autoptr(OdStmt) stmt = NULL;
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
      OdStep step;

      stmt = od_db_prepare (db, "SELECT p.id FROM people p WHERE p.organization_id = ?1"
                                " AND p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM enrolments e"
                                " WHERE e.course_id = ?2 AND e.person_id = p.id"
                                " AND e.deleted_at IS NULL) ORDER BY p.sort_key, p.id", error);
      if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->organization_ids[i], error)
          || !od_stmt_bind_int64 (stmt, 2, data->course_id, error))
        return FALSE;
      while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
        {
          gint64 person = od_stmt_get_int64 (stmt, 0);

          g_array_append_val (people, person);
        }
      if (step == OD_STEP_ERROR)
        return FALSE;
      g_clear_pointer (&stmt, od_stmt_free);

      for (guint p = 0; p < people->len; p++)
        {
          g_autoptr(OdEnrolmentFields) enrolment = od_enrolment_fields_new ();

          enrolment->course_id = data->course_id;
          enrolment->person_id = g_array_index (people, gint64, p);
          if (od_enrolment_save (db, enrolment, error) == 0)
            return FALSE;
          data->n_added++;
        }
    }
  return TRUE;
}

gboolean
od_course_enrol_organizations (OdDb          *db,
                               gint64         course_id,
                               const gint64  *organization_ids,
                               guint          n_organizations,
                               guint         *n_added,
                               GError       **error)
{
  EnrolData data = { course_id, organization_ids, n_organizations, 0 };

  if (!od_db_transaction (db, enrol_cb, &data, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = data.n_added;
  return TRUE;
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

/* Marks PERSON_ID at SESSION_ID, at MARKED_AT (NULL: now). */
static gint64
mark_set_at (OdDb        *db,
             gint64       session_id,
             gint64       person_id,
             const char  *status,
             const char  *method,
             const char  *marked_at,
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
  mark->marked_at = g_strdup (marked_at);
  return od_attendance_mark_save (db, mark, error);
}

gint64
od_attendance_mark_set (OdDb        *db,
                        gint64       session_id,
                        gint64       person_id,
                        const char  *status,
                        const char  *method,
                        GError     **error)
{
  return mark_set_at (db, session_id, person_id, status, method, NULL, error);
}

gboolean
od_attendance_door_mark (OdDb        *db,
                         gint64       session_id,
                         gint64       person_id,
                         const char  *status,
                         const char  *method,
                         GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (status != NULL && method != NULL, FALSE);

  now = od_db_now (db);
  stmt = od_db_prepare (db, "INSERT INTO attendance_door_log (session_id, person_id, status,"
                            " method, marked_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  return stmt != NULL
         && od_stmt_bind_int64 (stmt, 1, session_id, error)
         && od_stmt_bind_int64 (stmt, 2, person_id, error)
         && od_stmt_bind_text (stmt, 3, status, error)
         && od_stmt_bind_text (stmt, 4, method, error)
         && od_stmt_bind_text (stmt, 5, now, error)
         && od_stmt_run (stmt, error);
}

typedef struct
{
  gint  n_applied;
  guint n_dropped;
} DoorApply;

static gboolean
door_apply_cb (OdDb      *db,
               gpointer   user_data,
               GError   **error)
{
  DoorApply *result = user_data;
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  /* A mark whose session or person went to the trash meanwhile is dropped. */
  stmt = od_db_prepare (db, "SELECT l.session_id, l.person_id, l.status, l.method, l.marked_at,"
                            " s.id IS NOT NULL AND p.id IS NOT NULL"
                            " FROM attendance_door_log l"
                            " LEFT JOIN course_sessions s ON s.id = l.session_id"
                            "  AND s.deleted_at IS NULL"
                            " LEFT JOIN people p ON p.id = l.person_id AND p.deleted_at IS NULL"
                            " ORDER BY l.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      g_autoptr(GError) refused = NULL;

      if (od_stmt_get_int64 (stmt, 5) == 0)
        result->n_dropped++;
      else if (mark_set_at (db, od_stmt_get_int64 (stmt, 0), od_stmt_get_int64 (stmt, 1),
                       od_stmt_get_text (stmt, 2), od_stmt_get_text (stmt, 3),
                       od_stmt_get_text (stmt, 4), &refused) != 0)
        result->n_applied++;
      else if (g_error_matches (refused, OD_STORE_ERROR, OD_STORE_ERROR_INVALID)
               || g_error_matches (refused, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND)
               || g_error_matches (refused, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE))
        result->n_dropped++;
      else
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }
    }
  if (step != OD_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);
  return od_db_exec (db, "DELETE FROM attendance_door_log", error);
}

gint
od_attendance_door_apply (OdDb     *db,
                          guint    *n_dropped,
                          GError  **error)
{
  DoorApply result = { 0, 0 };
  gint64 pending = 0;

  g_return_val_if_fail (OD_IS_DB (db), -1);

  if (n_dropped != NULL)
    *n_dropped = 0;
  /* Reading first: nothing to write (a read-only file) when it is empty. */
  if (!od_db_query_int64 (db, "SELECT count(*) FROM attendance_door_log", &pending, error))
    return -1;
  if (pending == 0)
    return 0;
  if (!od_db_transaction (db, door_apply_cb, &result, error))
    return -1;
  if (n_dropped != NULL)
    *n_dropped = result.n_dropped;
  return result.n_applied;
}
