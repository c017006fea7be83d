/* od-training-laptop.c — a course to a laptop database, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both directions attach the other file as the schema "laptop" (outside
 * any transaction, as SQLite requires) and copy rows with fixed SQL; the
 * laptop file is made by od_db_open() so its schema is this version's.
 */
#define G_LOG_DOMAIN "orgdesk-training-laptop"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-audit.h"
#include "od-json.h"
#include "od-entity-store.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-training-entities.h"
#include "od-training-laptop.h"
#include "od-training-store.h"

void
od_merge_result_free (OdMergeResult *result)
{
  if (result == NULL)
    return;
  g_free (result->backup_path);
  g_ptr_array_unref (result->conflicts);
  g_ptr_array_unref (result->skipped);
  g_free (result);
}

static gboolean
run_sql (OdDb        *db,
         const char  *sql,
         gint64       id,
         GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  return stmt != NULL && (strstr (sql, "?1") == NULL || od_stmt_bind_int64 (stmt, 1, id, error))
         && od_stmt_run (stmt, error);
}

static gboolean
attach (OdDb        *db,
        const char  *path,
        GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "ATTACH DATABASE ?1 AS laptop", error);

  return stmt != NULL && od_stmt_bind_text (stmt, 1, path, error) && od_stmt_run (stmt, error);
}

static void
detach (OdDb *db)
{
  g_autoptr(GError) error = NULL;

  if (!od_db_exec (db, "DETACH DATABASE laptop", &error))
    g_warning ("Could not detach the laptop database: %s", error->message);
}

/* --- export --- */

/* The people of the course, then their organizations, then the course. ?1
 * is the course. Search rows go along, so the laptop finds people too. */
static const char *const export_sql[] = {
  "INSERT INTO laptop.settings SELECT * FROM main.settings WHERE true"
  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  "INSERT INTO laptop.organizations SELECT * FROM main.organizations WHERE id IN"
  " (SELECT p.organization_id FROM main.people p JOIN main.enrolments e ON e.person_id = p.id"
  "  WHERE e.course_id = ?1)",
  "INSERT INTO laptop.organization_search SELECT * FROM main.organization_search WHERE id IN"
  " (SELECT id FROM laptop.organizations)",
  "INSERT INTO laptop.people SELECT * FROM main.people WHERE id IN"
  " (SELECT person_id FROM main.enrolments WHERE course_id = ?1)",
  "INSERT INTO laptop.person_search SELECT * FROM main.person_search WHERE id IN"
  " (SELECT id FROM laptop.people)",
  "INSERT INTO laptop.courses SELECT * FROM main.courses WHERE id = ?1",
  "INSERT INTO laptop.course_sessions SELECT * FROM main.course_sessions WHERE course_id = ?1",
  "INSERT INTO laptop.enrolments SELECT * FROM main.enrolments WHERE course_id = ?1",
  "INSERT INTO laptop.attendance_marks SELECT m.* FROM main.attendance_marks m"
  " JOIN main.course_sessions s ON s.id = m.session_id WHERE s.course_id = ?1",
};

gboolean
od_training_export_course (OdDb        *db,
                           gint64       course_id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  course = od_course_load (db, course_id, error);
  if (course == NULL)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   /* Translators: %s is a file name */
                   _("“%s” exists already. Choose a new file name for the laptop's copy."),
                   name);
      return FALSE;
    }

  /* A new database of this version, closed again before it is attached. */
  {
    g_autoptr(OdDb) laptop = od_db_open (path, OD_DB_OPEN_CREATE, error);

    if (laptop == NULL)
      return FALSE;
  }
  if (!attach (db, path, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (export_sql); i++)
    ok = run_sql (db, export_sql[i], course_id, &local_error);
  detach (db);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      g_unlink (path);
    }
  return ok;
}

/* --- merge --- */

typedef struct
{
  OdMergeResult *result;
  GHashTable    *people;     /* laptop person id → office person id (gint64 *) */
} Merge;

/* The office row SQL (fixed text) finds for TEXT (?1); 0 when none. */
static gboolean
office_id_by (OdDb        *db,
              const char  *sql,
              const char  *text,
              gint64      *id,
              GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  return stmt != NULL && od_stmt_bind_text (stmt, 1, text, error)
         && od_stmt_step_int64 (stmt, id, error);
}

/* Maps every laptop person named by an enrolment or a mark to an office
 * person: by uuid, else by ID number, else by name and mobile, else a new
 * record (a walk-in). */
static gboolean
merge_people (OdDb    *db,
              Merge   *merge,
              GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT p.id, p.uuid, p.name, p.gender, p.mobile, p.id_number,"
                        " p.position, o.uuid FROM laptop.people p"
                        " LEFT JOIN laptop.organizations o ON o.id = p.organization_id"
                        " WHERE p.id IN (SELECT person_id FROM laptop.enrolments"
                        "  UNION SELECT person_id FROM laptop.attendance_marks)", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 laptop_id = od_stmt_get_int64 (stmt, 0);
      const char *uuid = od_stmt_get_text (stmt, 1);
      const char *name = od_stmt_get_text (stmt, 2);
      const char *mobile = od_stmt_get_text (stmt, 4);
      const char *id_number = od_stmt_get_text (stmt, 5);
      gint64 office = 0;
      gboolean by_uuid;
      gint64 *key, *value;

      if (!office_id_by (db, "SELECT id FROM main.people WHERE uuid = ?1"
                         " AND deleted_at IS NULL", uuid, &office, error))
        return FALSE;
      by_uuid = office != 0;
      if (office == 0 && id_number != NULL
          && !office_id_by (db, "SELECT id FROM main.people WHERE id_number = ?1"
                            " AND deleted_at IS NULL", id_number, &office, error))
        return FALSE;
      if (office == 0 && mobile != NULL && mobile[0] != '\0')
        {
          g_autoptr(OdStmt) by_mobile = od_db_prepare (db,
                                                       "SELECT id FROM main.people WHERE name = ?1"
                                                       " AND mobile = ?2 AND deleted_at IS NULL"
                                                       " ORDER BY id LIMIT 1", error);

          if (by_mobile == NULL || !od_stmt_bind_text (by_mobile, 1, name, error)
              || !od_stmt_bind_text (by_mobile, 2, mobile, error)
              || !od_stmt_step_int64 (by_mobile, &office, error))
            return FALSE;
        }
      /* Known by another uuid: a walk-in typed again at the door. */
      if (office != 0 && !by_uuid)
        merge->result->people_matched++;
      if (office == 0)
        {
          g_autoptr(OdPersonFields) person = od_person_fields_new ();
          const char *org_uuid = od_stmt_get_text (stmt, 7);
          gint64 org = 0;

          g_free (person->uuid);
          person->uuid = g_strdup (uuid);
          g_free (person->name);
          person->name = g_strdup (name);
          g_free (person->gender);
          person->gender = g_strdup (od_stmt_get_text (stmt, 3));
          g_free (person->mobile);
          person->mobile = g_strdup (mobile != NULL ? mobile : "");
          person->id_number = g_strdup (id_number);
          g_free (person->position);
          person->position = g_strdup (od_stmt_get_text (stmt, 6) != NULL
                                       ? od_stmt_get_text (stmt, 6) : "");
          if (org_uuid != NULL
              && !office_id_by (db, "SELECT id FROM main.organizations WHERE uuid = ?1"
                                " AND deleted_at IS NULL", org_uuid, &org, error))
            return FALSE;
          person->organization_id = org;
          office = od_person_save (db, person, error);
          if (office == 0)
            return FALSE;
          merge->result->people_added++;
        }
      key = g_new (gint64, 1);
      value = g_new (gint64, 1);
      *key = laptop_id;
      *value = office;
      g_hash_table_insert (merge->people, key, value);
    }
  return step == OD_STEP_DONE;
}

static gint64
office_person (Merge  *merge,
               gint64  laptop_id)
{
  gint64 *office = g_hash_table_lookup (merge->people, &laptop_id);

  return office != NULL ? *office : 0;
}

/* Walk-ins enrolled on the laptop: added unless enrolled already. */
static gboolean
merge_enrolments (OdDb    *db,
                  Merge   *merge,
                  GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT e.uuid, c.uuid, e.person_id, e.status, e.enrolled_on, e.walk_in,"
                        " e.token, c.title FROM laptop.enrolments e"
                        " JOIN laptop.courses c ON c.id = e.course_id WHERE e.deleted_at IS NULL",
                        error);
  if (stmt == NULL)
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      g_autoptr(OdEnrolmentFields) enrolment = NULL;
      gint64 course = 0, existing = 0;
      gint64 person = office_person (merge, od_stmt_get_int64 (stmt, 2));

      if (!office_id_by (db, "SELECT id FROM main.courses WHERE uuid = ?1"
                         " AND deleted_at IS NULL", od_stmt_get_text (stmt, 1), &course,
                         error))
        return FALSE;
      if (course == 0)
        continue;   /* reported with the marks */
      {
        g_autoptr(OdStmt) find = od_db_prepare (db,
                                                "SELECT id FROM main.enrolments WHERE (uuid = ?1"
                                                " OR (course_id = ?2 AND person_id = ?3))"
                                                " AND deleted_at IS NULL", error);

        if (find == NULL || !od_stmt_bind_text (find, 1, od_stmt_get_text (stmt, 0), error)
            || !od_stmt_bind_int64 (find, 2, course, error)
            || !od_stmt_bind_int64 (find, 3, person, error)
            || !od_stmt_step_int64 (find, &existing, error))
          return FALSE;
      }
      if (existing != 0)
        continue;
      enrolment = od_enrolment_fields_new ();
      g_free (enrolment->uuid);
      enrolment->uuid = g_strdup (od_stmt_get_text (stmt, 0));
      enrolment->course_id = course;
      enrolment->person_id = person;
      g_free (enrolment->status);
      enrolment->status = g_strdup (od_stmt_get_text (stmt, 3));
      enrolment->enrolled_on = g_strdup (od_stmt_get_text (stmt, 4));
      enrolment->walk_in = od_stmt_get_int64 (stmt, 5);
      g_free (enrolment->token);
      enrolment->token = g_strdup (od_stmt_get_text (stmt, 6));
      if (od_enrolment_save (db, enrolment, error) == 0)
        return FALSE;
      merge->result->enrolments_added++;
    }
  return step == OD_STEP_DONE;
}

static gboolean
merge_marks (OdDb    *db,
             Merge   *merge,
             GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT m.uuid, s.uuid, m.person_id, m.status, m.marked_at, m.method,"
                        " c.title, s.held_on, p.name FROM laptop.attendance_marks m"
                        " JOIN laptop.course_sessions s ON s.id = m.session_id"
                        " JOIN laptop.courses c ON c.id = s.course_id"
                        " JOIN laptop.people p ON p.id = m.person_id"
                        " WHERE m.deleted_at IS NULL ORDER BY m.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      const char *status = od_stmt_get_text (stmt, 3);
      const char *marked_at = od_stmt_get_text (stmt, 4);
      const char *label_course = od_stmt_get_text (stmt, 6);
      const char *held_on = od_stmt_get_text (stmt, 7);
      gint64 person = office_person (merge, od_stmt_get_int64 (stmt, 2));
      g_autoptr(OdAttendanceMarkFields) office = NULL;
      gint64 session = 0, existing = 0;

      if (!office_id_by (db, "SELECT s.id FROM main.course_sessions s JOIN main.courses c"
                         " ON c.id = s.course_id WHERE s.uuid = ?1"
                         " AND s.deleted_at IS NULL AND c.deleted_at IS NULL",
                         od_stmt_get_text (stmt, 1), &session, error))
        return FALSE;
      if (session == 0)
        {
          g_autofree char *what = g_strdup_printf ("%s %s", label_course, held_on);

          if (!g_hash_table_contains (reported, what))
            g_ptr_array_add (merge->result->skipped,
                             /* Translators: %s is a course title and a date */
                             g_strdup_printf (_("The session %s was deleted in the office "
                                                "meanwhile; its marks were not brought back. "
                                                "Restore it from the trash and merge again."),
                                              what));
          g_hash_table_add (reported, g_steal_pointer (&what));
          continue;
        }
      {
        g_autoptr(OdStmt) find = od_db_prepare (db,
                                                "SELECT id FROM main.attendance_marks"
                                                " WHERE session_id = ?1 AND person_id = ?2"
                                                " AND deleted_at IS NULL", error);

        if (find == NULL || !od_stmt_bind_int64 (find, 1, session, error)
            || !od_stmt_bind_int64 (find, 2, person, error)
            || !od_stmt_step_int64 (find, &existing, error))
          return FALSE;
      }
      if (existing == 0)
        {
          g_autoptr(OdAttendanceMarkFields) mark = od_attendance_mark_fields_new ();

          g_free (mark->uuid);
          mark->uuid = g_strdup (od_stmt_get_text (stmt, 0));
          mark->session_id = session;
          mark->person_id = person;
          g_free (mark->status);
          mark->status = g_strdup (status);
          mark->marked_at = g_strdup (marked_at);
          g_free (mark->method);
          mark->method = g_strdup (od_stmt_get_text (stmt, 5));
          if (od_attendance_mark_save (db, mark, error) == 0)
            return FALSE;
          merge->result->marks_added++;
          continue;
        }

      office = od_entity_store_load (&od_attendance_mark_entity, db, existing, FALSE, error);
      if (office == NULL)
        return FALSE;
      if (g_str_equal (office->status, status))
        {
          merge->result->marks_unchanged++;
          continue;
        }
      /* Both sides marked this person differently: the later mark wins. */
      {
        gboolean laptop_newer = g_strcmp0 (marked_at, office->marked_at) > 0;
        const OdChoice *office_choice = od_choices_find (od_attendance_status_choices,
                                                         office->status);
        const OdChoice *laptop_choice = od_choices_find (od_attendance_status_choices, status);
        const char *office_label = office_choice != NULL ? _(office_choice->label) : office->status;
        const char *laptop_label = laptop_choice != NULL ? _(laptop_choice->label) : status;

        g_ptr_array_add (merge->result->conflicts,
                         laptop_newer
                         /* Translators: a conflict of a merge; a person's name, a course
                          * and a date, the office's mark and its time, the laptop's mark
                          * and its time */
                         ? g_strdup_printf (_("%s, %s %s: the office has “%s” (%s), the laptop "
                                              "“%s” (%s); the laptop's, the later, was kept."),
                                            od_stmt_get_text (stmt, 8), label_course, held_on,
                                            office_label, office->marked_at, laptop_label,
                                            marked_at)
                         /* Translators: as above, when the office's mark is the later */
                         : g_strdup_printf (_("%s, %s %s: the office has “%s” (%s), the laptop "
                                              "“%s” (%s); the office's, the later, was kept."),
                                            od_stmt_get_text (stmt, 8), label_course, held_on,
                                            office_label, office->marked_at, laptop_label,
                                            marked_at));
        if (laptop_newer)
          {
            g_free (office->status);
            office->status = g_strdup (status);
            g_free (office->marked_at);
            office->marked_at = g_strdup (marked_at);
            g_free (office->method);
            office->method = g_strdup (od_stmt_get_text (stmt, 5));
            if (od_attendance_mark_save (db, office, error) == 0)
              return FALSE;
            merge->result->marks_updated++;
          }
      }
    }
  return step == OD_STEP_DONE;
}

static gboolean
merge_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  Merge *merge = user_data;
  OdMergeResult *r = merge->result;
  g_autofree char *summary = NULL;
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *changes = NULL;

  if (!merge_people (db, merge, error) || !merge_enrolments (db, merge, error)
      || !merge_marks (db, merge, error))
    return FALSE;

  od_json_begin_object (writer, NULL);
  od_json_int (writer, "people_added", r->people_added);
  od_json_int (writer, "enrolments_added", r->enrolments_added);
  od_json_int (writer, "marks_added", r->marks_added);
  od_json_int (writer, "marks_updated", r->marks_updated);
  od_json_int (writer, "conflicts", r->conflicts->len);
  if (r->backup_path != NULL)
    od_json_string (writer, "backup", r->backup_path);
  od_json_end_object (writer);
  changes = od_json_writer_finish (g_steal_pointer (&writer));
  /* Translators: the summary of a merge in the history: marks added,
   * marks changed, conflicts */
  summary = g_strdup_printf (_("Laptop attendance merged: %u marks added, %u changed, %u "
                               "conflicts"), r->marks_added, r->marks_updated, r->conflicts->len);
  /* A merge is an import of another OrgDesk file (the log knows no other
   * action for it). */
  if (!od_audit_record (db, "attendance_marks", 0, NULL, "import", changes, summary, error))
    return FALSE;
  r->audit_id = od_db_last_insert_rowid (db);
  return TRUE;
}

gboolean
od_training_merge_is_last (OdDb                *db,
                           const OdMergeResult *result,
                           GError             **error)
{
  gint64 last = 0;

  if (!od_db_query_int64 (db, "SELECT coalesce (max (id), 0) FROM audit_log", &last, error))
    return FALSE;
  return result->audit_id != 0 && last == result->audit_id;
}

OdMergeResult *
od_training_merge (OdDb        *db,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(OdMergeResult) result = g_new0 (OdMergeResult, 1);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr(GError) local_error = NULL;
  Merge merge = { result, people };
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  result->conflicts = g_ptr_array_new_with_free_func (g_free);
  result->skipped = g_ptr_array_new_with_free_func (g_free);

  /* The laptop file must be an OrgDesk database of this version. */
  if (!od_db_check_file (path, error))
    return NULL;
  /* Marks its door logged but did not apply (the laptop was switched off). */
  {
    g_autoptr(OdDb) laptop = od_db_open (path, OD_DB_OPEN_DEFAULT, error);

    if (laptop == NULL || od_attendance_door_apply (laptop, NULL, error) < 0)
      return NULL;
  }
  result->backup_path = od_db_backup_file_name (od_db_get_path (db), "before-merge");
  if (!od_db_backup_to (db, result->backup_path, error))
    return NULL;
  if (!attach (db, path, error))
    return NULL;
  ok = od_db_transaction (db, merge_cb, &merge, &local_error);
  detach (db);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&result);
}
