/* od-training-query.c — courses with their counts, a course's sessions,
 * enrolees and marks, and attendance at the door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-training-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-entity-store.h"
#include "od-pinyin.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-training-entities.h"
#include "od-training-query.h"
#include "od-training-store.h"

void
od_course_summary_free (OdCourseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->kind);
  g_free (summary->topic);
  g_free (summary->first_date);
  g_free (summary->last_date);
  g_free (summary);
}

void
od_enrolee_free (OdEnrolee *enrolee)
{
  if (enrolee == NULL)
    return;
  g_free (enrolee->name);
  g_free (enrolee->initials);
  g_free (enrolee->organization);
  g_free (enrolee->mobile);
  g_free (enrolee->status);
  g_free (enrolee->token);
  g_free (enrolee);
}

/* --- courses --- */

static const char course_list_sql[] =
  "SELECT c.id, c.title, c.kind, c.topic, c.capacity,"
  " (SELECT min (held_on) FROM course_sessions s WHERE s.course_id = c.id AND s.deleted_at IS NULL),"
  " (SELECT max (held_on) FROM course_sessions s WHERE s.course_id = c.id AND s.deleted_at IS NULL),"
  " (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.deleted_at IS NULL),"
  " (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.deleted_at IS NULL"
  "  AND e.status = 'enrolled'),"
  " (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.deleted_at IS NULL"
  "  AND e.status = 'waitlisted'),"
  " (SELECT count(DISTINCT m.person_id) FROM attendance_marks m JOIN course_sessions s"
  "  ON s.id = m.session_id WHERE s.course_id = c.id AND s.deleted_at IS NULL"
  "  AND m.deleted_at IS NULL AND m.status IN ('present', 'late'))"
  " FROM courses c WHERE c.deleted_at IS NULL"
  " AND (?1 = 0 OR EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id"
  "      AND s.deleted_at IS NULL AND s.held_on BETWEEN printf ('%04d-01-01', ?1)"
  "      AND printf ('%04d-12-31', ?1)))"
  " AND (?2 IS NULL OR c.kind = ?2) AND (?3 IS NULL OR c.topic = ?3)"
  " AND (?4 IS NULL OR instr (c.title, ?4) > 0)"
  " ORDER BY 6 DESC, c.id DESC";

GPtrArray *
od_course_list (OdDb                  *db,
                const OdCourseFilter  *filter,
                GError               **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) od_course_summary_free);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, course_list_sql, error);
  const char *query = filter->query != NULL && filter->query[0] != '\0' ? filter->query : NULL;
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, filter->year, error)
      || !od_stmt_bind_text (stmt, 2, filter->kind, error)
      || !od_stmt_bind_text (stmt, 3, filter->topic, error)
      || !od_stmt_bind_text (stmt, 4, query, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdCourseSummary *c = g_new0 (OdCourseSummary, 1);

      c->id = od_stmt_get_int64 (stmt, 0);
      c->title = od_store_dup_column_or_empty (stmt, 1);
      c->kind = od_store_dup_column_or_empty (stmt, 2);
      c->topic = od_store_dup_column_or_empty (stmt, 3);
      c->capacity = od_stmt_get_int64 (stmt, 4);
      c->first_date = od_store_dup_column (stmt, 5);
      c->last_date = od_store_dup_column (stmt, 6);
      c->n_sessions = od_stmt_get_int64 (stmt, 7);
      c->n_enrolled = od_stmt_get_int64 (stmt, 8);
      c->n_waitlisted = od_stmt_get_int64 (stmt, 9);
      c->n_attendees = od_stmt_get_int64 (stmt, 10);
      g_ptr_array_add (list, c);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
od_course_list_topics (OdDb    *db,
                       GError **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT DISTINCT topic FROM courses"
                                          " WHERE deleted_at IS NULL AND topic <> ''"
                                          " ORDER BY topic", error);
  OdStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    g_ptr_array_add (topics, g_strdup (od_stmt_get_text (stmt, 0)));
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&topics);
}

/* The records SQL's ids (?1 bound to ID) load as, through ENTITY's store. */
static GPtrArray *
load_by_ids (const OdEntity  *entity,
             OdDb            *db,
             const char      *sql,
             gint64           id,
             GError         **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 row = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, row);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, od_stmt_free);
  return od_entity_store_load_records (entity, db, (const gint64 *) (gpointer) ids->data,
                                       ids->len, error);
}

GPtrArray *
od_course_list_sessions (OdDb    *db,
                         gint64   course_id,
                         GError **error)
{
  return load_by_ids (&od_course_session_entity, db,
                      "SELECT id FROM course_sessions WHERE course_id = ?1 AND deleted_at IS NULL"
                      " ORDER BY held_on, starts_at, id", course_id, error);
}

GPtrArray *
od_course_list_marks (OdDb    *db,
                      gint64   course_id,
                      GError **error)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) od_attendance_mark_fields_free);
  g_autoptr(OdStmt) stmt = od_db_prepare (db,
                                          "SELECT m.id, m.session_id, m.person_id, m.status,"
                                          " m.marked_at, m.method FROM attendance_marks m"
                                          " JOIN course_sessions s ON s.id = m.session_id"
                                          " WHERE s.course_id = ?1 AND s.deleted_at IS NULL"
                                          " AND m.deleted_at IS NULL", error);
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdAttendanceMarkFields *m = od_attendance_mark_fields_new ();

      m->id = od_stmt_get_int64 (stmt, 0);
      m->session_id = od_stmt_get_int64 (stmt, 1);
      m->person_id = od_stmt_get_int64 (stmt, 2);
      g_free (m->status);
      m->status = od_store_dup_column_or_empty (stmt, 3);
      m->marked_at = od_store_dup_column_or_empty (stmt, 4);
      g_free (m->method);
      m->method = od_store_dup_column_or_empty (stmt, 5);
      g_ptr_array_add (marks, m);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&marks);
}

GPtrArray *
od_course_list_enrolees (OdDb    *db,
                         gint64   course_id,
                         GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) od_enrolee_free);
  g_autoptr(OdStmt) stmt = od_db_prepare (db,
                                          "SELECT e.id, p.id, p.name, coalesce (o.name, ''),"
                                          " p.mobile, e.status, e.token, e.walk_in"
                                          " FROM enrolments e JOIN people p ON p.id = e.person_id"
                                          " LEFT JOIN organizations o ON o.id = p.organization_id"
                                          " WHERE e.course_id = ?1 AND e.deleted_at IS NULL"
                                          " ORDER BY p.sort_key, p.id", error);
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdEnrolee *e = g_new0 (OdEnrolee, 1);

      e->enrolment_id = od_stmt_get_int64 (stmt, 0);
      e->person_id = od_stmt_get_int64 (stmt, 1);
      e->name = od_store_dup_column_or_empty (stmt, 2);
      e->initials = od_pinyin_search_terms (e->name);
      e->organization = od_store_dup_column_or_empty (stmt, 3);
      e->mobile = od_store_dup_column_or_empty (stmt, 4);
      e->status = od_store_dup_column_or_empty (stmt, 5);
      e->token = od_store_dup_column_or_empty (stmt, 6);
      e->walk_in = od_stmt_get_int64 (stmt, 7) != 0;
      g_ptr_array_add (list, e);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
od_course_list_graduates (OdDb    *db,
                          gint64   course_id,
                          GError **error)
{
  g_autoptr(GPtrArray) enrolees = od_course_list_enrolees (db, course_id, error);
  g_autoptr(GPtrArray) graduates = g_ptr_array_new_with_free_func ((GDestroyNotify) od_enrolee_free);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) attended = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 threshold = 0, n_sessions = 0;
  OdStep step;

  if (enrolees == NULL)
    return NULL;
  stmt = od_db_prepare (db, "SELECT c.certificate_threshold, (SELECT count(*) FROM course_sessions s"
                            " WHERE s.course_id = c.id AND s.deleted_at IS NULL)"
                            " FROM courses c WHERE c.id = ?1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error))
    return NULL;
  step = od_stmt_step (stmt, error);
  if (step == OD_STEP_ERROR)
    return NULL;
  if (step == OD_STEP_ROW)
    {
      threshold = od_stmt_get_int64 (stmt, 0);
      n_sessions = od_stmt_get_int64 (stmt, 1);
    }
  g_clear_pointer (&stmt, od_stmt_free);
  if (threshold <= 0 || n_sessions == 0)
    return g_steal_pointer (&graduates);

  stmt = od_db_prepare (db, "SELECT m.person_id, count(*) FROM attendance_marks m"
                            " JOIN course_sessions s ON s.id = m.session_id"
                            " WHERE s.course_id = ?1 AND s.deleted_at IS NULL"
                            " AND m.deleted_at IS NULL AND m.status IN ('present', 'late')"
                            " GROUP BY m.person_id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, course_id, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 *person = g_new (gint64, 1);

      *person = od_stmt_get_int64 (stmt, 0);
      g_hash_table_insert (attended, person, GINT_TO_POINTER ((int) od_stmt_get_int64 (stmt, 1)));
    }
  if (step == OD_STEP_ERROR)
    return NULL;

  for (guint i = 0; i < enrolees->len; i++)
    {
      OdEnrolee *e = g_ptr_array_index (enrolees, i);
      gint64 n = GPOINTER_TO_INT (g_hash_table_lookup (attended, &e->person_id));

      /* n ÷ sessions ≥ threshold %, in integers. */
      if (!g_str_equal (e->status, "cancelled") && n * 100 >= threshold * n_sessions)
        g_ptr_array_add (graduates, g_ptr_array_steal_index (enrolees, i--));
    }
  return g_steal_pointer (&graduates);
}

gboolean
od_session_get_counts (OdDb             *db,
                       gint64            session_id,
                       OdSessionCounts  *counts,
                       GError          **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db,
                                          "SELECT count(*) FILTER (WHERE e.status = 'enrolled'),"
                                          " count(*) FILTER (WHERE m.status = 'present'),"
                                          " count(*) FILTER (WHERE m.status = 'late'),"
                                          " count(*) FILTER (WHERE m.status = 'absent'),"
                                          " count(*) FILTER (WHERE m.status = 'excused'),"
                                          " count(*) FILTER (WHERE e.status = 'enrolled'"
                                          "                  AND m.id IS NULL)"
                                          " FROM course_sessions s"
                                          " JOIN enrolments e ON e.course_id = s.course_id"
                                          "  AND e.deleted_at IS NULL"
                                          " LEFT JOIN attendance_marks m ON m.session_id = s.id"
                                          "  AND m.person_id = e.person_id AND m.deleted_at IS NULL"
                                          " WHERE s.id = ?1", error);

  memset (counts, 0, sizeof *counts);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, session_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      counts->enrolled = (guint) od_stmt_get_int64 (stmt, 0);
      counts->present = (guint) od_stmt_get_int64 (stmt, 1);
      counts->late = (guint) od_stmt_get_int64 (stmt, 2);
      counts->absent = (guint) od_stmt_get_int64 (stmt, 3);
      counts->excused = (guint) od_stmt_get_int64 (stmt, 4);
      counts->not_yet = (guint) od_stmt_get_int64 (stmt, 5);
      return TRUE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* --- the door --- */

static gboolean
all_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return text[0] != '\0';
}

gboolean
od_enrolee_matches (const OdEnrolee *enrolee,
                    const char      *query)
{
  g_autofree char *wanted = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *lower = NULL;

  if (wanted[0] == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (wanted, enrolee->token) == 0)
    return TRUE;
  if (all_digits (wanted))
    return strlen (wanted) >= 4 && g_str_has_suffix (enrolee->mobile, wanted);
  if (strstr (enrolee->name, wanted) != NULL)
    return TRUE;

  lower = g_ascii_strdown (wanted, -1);
  if (enrolee->initials != NULL)
    {
      g_auto(GStrv) terms = g_strsplit (enrolee->initials, " ", -1);

      for (guint i = 0; terms[i] != NULL; i++)
        if (terms[i][0] != '\0' && g_str_has_prefix (terms[i], lower))
          return TRUE;
    }
  return FALSE;
}

gint64
od_course_enrol_walk_in (OdDb        *db,
                         gint64       course_id,
                         gint64       person_id,
                         const char  *name,
                         const char  *mobile,
                         gint64       organization_id,
                         GError     **error)
{
  g_autoptr(OdEnrolmentFields) enrolment = od_enrolment_fields_new ();

  if (person_id == 0)
    {
      g_autoptr(OdPersonFields) person = od_person_fields_new ();

      g_free (person->name);
      person->name = g_strdup (name);
      g_free (person->mobile);
      person->mobile = g_strdup (mobile != NULL ? mobile : "");
      person->organization_id = organization_id;
      person_id = od_person_save (db, person, error);
      if (person_id == 0)
        return 0;
    }
  enrolment->course_id = course_id;
  enrolment->person_id = person_id;
  enrolment->walk_in = 1;
  return od_enrolment_save (db, enrolment, error);
}

typedef struct
{
  gint64 session_id;
  gint64 person_id;
} ClearData;

static gboolean
clear_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  ClearData *data = user_data;
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(OdAttendanceMarkFields) mark = NULL;
  g_autofree char *label = NULL;
  gint64 id = 0;

  stmt = od_db_prepare (db, "SELECT id FROM attendance_marks WHERE session_id = ?1"
                            " AND person_id = ?2 AND deleted_at IS NULL", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->session_id, error)
      || !od_stmt_bind_int64 (stmt, 2, data->person_id, error)
      || !od_stmt_step_int64 (stmt, &id, error))
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);
  if (id == 0)
    return TRUE;

  mark = od_entity_store_load (&od_attendance_mark_entity, db, id, FALSE, error);
  if (mark == NULL)
    return FALSE;
  label = od_attendance_mark_entity.describe (mark);
  stmt = od_db_prepare (db, "DELETE FROM attendance_marks WHERE id = ?1", error);
  return stmt != NULL && od_stmt_bind_int64 (stmt, 1, id, error) && od_stmt_run (stmt, error)
         && od_audit_record (db, "attendance_marks", id, mark->uuid, "purge", NULL, label, error);
}

gboolean
od_attendance_mark_clear (OdDb    *db,
                          gint64   session_id,
                          gint64   person_id,
                          GError **error)
{
  ClearData data = { session_id, person_id };

  return od_db_transaction (db, clear_cb, &data, error);
}

typedef struct
{
  gint64      session_id;
  const char *status;
  guint       n_marked;
} RemainingData;

static gboolean
remaining_cb (OdDb      *db,
              gpointer   user_data,
              GError   **error)
{
  RemainingData *data = user_data;
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT e.person_id FROM course_sessions s"
                        " JOIN enrolments e ON e.course_id = s.course_id AND e.deleted_at IS NULL"
                        "  AND e.status = 'enrolled'"
                        " WHERE s.id = ?1 AND NOT EXISTS (SELECT 1 FROM attendance_marks m"
                        "  WHERE m.session_id = s.id AND m.person_id = e.person_id"
                        "  AND m.deleted_at IS NULL)", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->session_id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 person = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (people, person);
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);

  for (guint i = 0; i < people->len; i++)
    {
      if (od_attendance_mark_set (db, data->session_id, g_array_index (people, gint64, i),
                                  data->status, "manual", error) == 0)
        return FALSE;
      data->n_marked++;
    }
  return TRUE;
}

gboolean
od_session_mark_remaining (OdDb        *db,
                           gint64       session_id,
                           const char  *status,
                           guint       *n_marked,
                           GError     **error)
{
  RemainingData data = { session_id, status, 0 };

  if (!od_db_transaction (db, remaining_cb, &data, error))
    return FALSE;
  if (n_marked != NULL)
    *n_marked = data.n_marked;
  return TRUE;
}
