/* od-registry-trash.c — soft delete of organizations and people, and the
 * trash: restoring, purging, emptying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deleted row keeps deleted_at and a trash entry until it is restored or
 * purged; each change runs in one od_db_transaction() with its audit entry
 * (DESIGN.md §3). Split from od-registry-store.c.
 */
#define G_LOG_DOMAIN "orgdesk-registry-store"

#include "config.h"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-json.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-validate.h"

/* Names listed when a purge is refused. */
#define MAX_NAMES_LISTED 5

/* --- the trash --- */

/* Only the registry's tables are handled here; SQL below is chosen by
 * comparing TABLE_NAME with these, never built from it. */
static gboolean
check_known_table (const char  *table_name,
                   GError     **error)
{
  if (g_strcmp0 (table_name, "organizations") == 0 || g_strcmp0 (table_name, "people") == 0)
    return TRUE;

  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
               /* Translators: %s is a table name such as “courses” */
               _("Records of “%s” cannot be restored or removed from here. Use the section "
                 "they belong to."), table_name != NULL ? table_name : "");
  return FALSE;
}

static gboolean
add_trash_entry (OdDb        *db,
                 const char  *table_name,
                 gint64       row_id,
                 const char  *label,
                 const char  *now,
                 GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *actor = od_audit_actor ();

  stmt = od_db_prepare (db,
                        "INSERT INTO trash (uuid, table_name, row_id, label, deleted_at,"
                        " deleted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, uuid, error)
         && od_stmt_bind_text (stmt, 2, table_name, error)
         && od_stmt_bind_int64 (stmt, 3, row_id, error)
         && od_stmt_bind_text (stmt, 4, label, error)
         && od_stmt_bind_text (stmt, 5, now, error)
         && od_stmt_bind_text (stmt, 6, actor, error)
         && od_stmt_run (stmt, error);
}

static gboolean
remove_trash_entry (OdDb        *db,
                    const char  *table_name,
                    gint64       row_id,
                    GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db, "DELETE FROM trash WHERE table_name = ?1 AND row_id = ?2", error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, table_name, error)
         && od_stmt_bind_int64 (stmt, 2, row_id, error)
         && od_stmt_run (stmt, error);
}

/* {"deleted_at": [old, new]} */
static char *
deleted_at_json (const char *old_value,
                 const char *new_value)
{
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);

  od_json_begin_object (writer, NULL);
  od_json_begin_array (writer, "deleted_at");
  od_json_string (writer, NULL, old_value);
  od_json_string (writer, NULL, new_value);
  od_json_end_array (writer);
  od_json_end_object (writer);
  return od_json_writer_finish (g_steal_pointer (&writer));
}

/* Sets deleted_at (NOW, or NULL to restore) of a row of TABLE_NAME. */
static gboolean
set_deleted_at (OdDb        *db,
                const char  *table_name,
                gint64       row_id,
                const char  *deleted_at,
                const char  *now,
                GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        g_str_equal (table_name, "organizations")
                        ? "UPDATE organizations SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3"
                        : "UPDATE people SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3",
                        error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, deleted_at, error)
         && od_stmt_bind_text (stmt, 2, now, error)
         && od_stmt_bind_int64 (stmt, 3, row_id, error)
         && od_stmt_run (stmt, error);
}

gboolean
_od_registry_org_delete_cb (OdDb      *db,
                            gpointer   user_data,
                            GError   **error)
{
  TrashData *data = user_data;
  g_autoptr(OdOrganizationFields) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;

  old = _od_registry_load_org_row (db, data->row_id, FALSE, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _od_registry_set_org_not_found (error, data->row_id);
      return FALSE;
    }

  /* The search row stays: queries skip deleted rows, and a restore needs it. */
  changes = deleted_at_json (NULL, now);
  return set_deleted_at (db, "organizations", old->id, now, now, error)
         && add_trash_entry (db, "organizations", old->id, old->name, now, error)
         && od_audit_record (db, "organizations", old->id, old->uuid, "delete", changes,
                             old->name, error);
}

static char *
person_label (const OdPersonFields *f)
{
  if (f->organization_name != NULL && f->organization_name[0] != '\0')
    return g_strdup_printf ("%s · %s", f->name, f->organization_name);
  return g_strdup (f->name);
}

gboolean
_od_registry_person_delete_cb (OdDb      *db,
                               gpointer   user_data,
                               GError   **error)
{
  TrashData *data = user_data;
  g_autoptr(OdPersonFields) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  g_autofree char *label = NULL;

  old = _od_registry_load_person_row (db, data->row_id, FALSE, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _od_registry_set_person_not_found (error, data->row_id);
      return FALSE;
    }

  label = person_label (old);
  changes = deleted_at_json (NULL, now);
  return set_deleted_at (db, "people", old->id, now, now, error)
         && add_trash_entry (db, "people", old->id, label, now, error)
         && od_audit_record (db, "people", old->id, old->uuid, "delete", changes, label, error);
}

/* The trash entry of a row: its label, or NULL (NOT_FOUND) when the row is
 * not in the trash. */
static char *
trash_label (OdDb        *db,
             const char  *table_name,
             gint64       row_id,
             GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT label FROM trash WHERE table_name = ?1 AND row_id = ?2", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, table_name, error)
      || !od_stmt_bind_int64 (stmt, 2, row_id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return g_strdup (od_stmt_get_text (stmt, 0));
    case OD_STEP_DONE:
      g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
                   _("The record is not in the trash (any more). Reload the trash."));
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

/* Refuses (DUPLICATE) restoring an organization whose name or code a live
 * one has taken meanwhile: the unique indexes would refuse it anyway. */
static gboolean
check_org_restorable (OdDb               *db,
                      const OdOrganizationFields  *f,
                      GError            **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT id, name, name = ?1 FROM organizations WHERE deleted_at IS NULL"
                        " AND id <> ?3 AND (name = ?1 OR credit_code = ?2)"
                        " ORDER BY name = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->name, error)
      || !od_stmt_bind_text (stmt, 2, f->credit_code, error)
      || !od_stmt_bind_int64 (stmt, 3, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 2) != 0)
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: %s is an organization's name */
                     _("“%s” cannot be restored: another organization now has the same name. "
                       "Rename that organization first, then restore this one."), f->name);
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is an organization's name, the second a
                      * credit code, the third another organization's name */
                     _("“%s” cannot be restored: its credit code %s is now recorded for “%s”. "
                       "Correct or remove the code of “%s” first, then restore this one."),
                     f->name, f->credit_code, od_stmt_get_text (stmt, 1),
                     od_stmt_get_text (stmt, 1));
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
check_person_restorable (OdDb                  *db,
                         const OdPersonFields  *f,
                         GError               **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT name, id_number = ?1 FROM people WHERE deleted_at IS NULL"
                        " AND id <> ?4 AND (id_number = ?1 OR (?3 <> '' AND name = ?2"
                        " AND mobile = ?3)) ORDER BY id_number = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->id_number, error)
      || !od_stmt_bind_text (stmt, 2, f->name, error)
      || !od_stmt_bind_text (stmt, 3, f->mobile, error)
      || !od_stmt_bind_int64 (stmt, 4, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 1) != 0)
        {
          g_autofree char *masked = od_id_number_mask (f->id_number);

          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                       /* Translators: the first %s is a person's name, the second a masked
                        * ID number, the third another person's name */
                       _("%s cannot be restored: the ID number %s is now recorded for %s. "
                         "Correct that record first, then restore this one."),
                       f->name, masked, od_stmt_get_text (stmt, 0));
        }
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is a person's name, the second a mobile
                      * number */
                     _("%s cannot be restored: %s with the mobile number %s is recorded again "
                       "meanwhile. Rename or correct that record first, then restore this "
                       "one."), f->name, f->name, f->mobile);
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
restore_cb (OdDb      *db,
            gpointer   user_data,
            GError   **error)
{
  TrashData *data = user_data;
  g_autofree char *label = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  g_autofree char *row_uuid = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *deleted_at = NULL;

  label = trash_label (db, data->table_name, data->row_id, error);
  if (label == NULL)
    return FALSE;

  if (g_str_equal (data->table_name, "organizations"))
    {
      g_autoptr(OdOrganizationFields) f = _od_registry_load_org_row (db, data->row_id, TRUE,
                                                                     &local_error);

      if (f == NULL)
        goto missing;
      if (!check_org_restorable (db, f, error))
        return FALSE;
      row_uuid = g_strdup (f->uuid);
    }
  else
    {
      g_autoptr(OdPersonFields) f = _od_registry_load_person_row (db, data->row_id, TRUE,
                                                                  &local_error);

      if (f == NULL)
        goto missing;
      if (!check_person_restorable (db, f, error))
        return FALSE;
      row_uuid = g_strdup (f->uuid);
    }

  {
    g_autoptr(OdStmt) stmt = NULL;

    stmt = od_db_prepare (db, "SELECT deleted_at FROM trash WHERE table_name = ?1 AND row_id = ?2",
                          error);
    if (stmt == NULL
        || !od_stmt_bind_text (stmt, 1, data->table_name, error)
        || !od_stmt_bind_int64 (stmt, 2, data->row_id, error)
        || od_stmt_step (stmt, error) != OD_STEP_ROW)
      return FALSE;
    deleted_at = g_strdup (od_stmt_get_text (stmt, 0));
  }

  changes = deleted_at_json (deleted_at, NULL);
  return set_deleted_at (db, data->table_name, data->row_id, NULL, now, error)
         && remove_trash_entry (db, data->table_name, data->row_id, error)
         && od_audit_record (db, data->table_name, data->row_id, row_uuid, "restore", changes,
                             label, error);

missing:
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
                 /* Translators: %s is the label of a trash entry */
                 _("“%s” no longer exists. Reload the trash."), label);
  return FALSE;
}

/* Refuses (REFERENCED) purging an organization that people still belong
 * to, live or in the trash; the message names them. */
static gboolean
check_org_unreferenced_by_people (OdDb        *db,
                                  gint64       id,
                                  const char  *label,
                                  GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;
  gint64 n = 0;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT name, count(*) OVER () FROM people WHERE organization_id = ?1"
                        " ORDER BY deleted_at IS NOT NULL, sort_key, id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      n = od_stmt_get_int64 (stmt, 1);
      if (names->len < MAX_NAMES_LISTED)
        g_ptr_array_add (names, g_strdup (od_stmt_get_text (stmt, 0)));
      else
        break;
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (n == 0)
    return TRUE;

  if (n > (gint64) names->len)
    g_ptr_array_add (names, g_strdup ("…"));
  g_ptr_array_add (names, NULL);
  /* Translators: separates names in a list */
  listed = g_strjoinv (_(", "), (char **) names->pdata);
  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED,
               /* Translators: the first %s is an organization's name, %d a number of
                * people, the last %s their names */
               ngettext ("“%s” is still referred to by %d person (%s). Move or delete them first.",
                         "“%s” is still referred to by %d people (%s). Move or delete them first.",
                         (unsigned long) n),
               label, (int) n, listed);
  return FALSE;
}

/* Refuses (REFERENCED) purging a row that rows of other tables refer to by
 * a foreign key without ON DELETE CASCADE / SET NULL.  The tables come from
 * the schema itself, so that tables added by later migrations (inspections,
 * attendance, …) are honoured without changes here. SKIP_TABLE has its own,
 * more helpful check. */
static gboolean
check_unreferenced (OdDb        *db,
                    const char  *table_name,
                    gint64       row_id,
                    const char  *label,
                    const char  *skip_table,
                    GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT m.name, f.\"from\" FROM sqlite_master m,"
                        " pragma_foreign_key_list (m.name) f"
                        " WHERE m.type = 'table' AND f.\"table\" = ?1"
                        " AND upper (f.on_delete) NOT IN ('CASCADE', 'SET NULL')"
                        " ORDER BY m.name", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, table_name, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      const char *table = od_stmt_get_text (stmt, 0);
      const char *column = od_stmt_get_text (stmt, 1);
      g_autofree char *quoted_table = NULL;
      g_autofree char *quoted_column = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(OdStmt) count = NULL;
      gint64 n = 0;

      if (g_strcmp0 (table, skip_table) == 0)
        continue;

      /* Identifiers from sqlite_master, not user text; quoted all the same. */
      quoted_table = od_db_quote_identifier (table);
      quoted_column = od_db_quote_identifier (column);
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", quoted_table, quoted_column);
      count = od_db_prepare (db, sql, error);
      if (count == NULL || !od_stmt_bind_int64 (count, 1, row_id, error)
          || !od_stmt_step_int64 (count, &n, error))
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED,
                       /* Translators: the first %s is a record's label, %d a number of
                        * records, the last %s a table name */
                       ngettext ("“%s” is still referred to by %d record in %s. Delete or "
                                 "change it first.",
                                 "“%s” is still referred to by %d records in %s. Delete or "
                                 "change them first.", (unsigned long) n),
                       label, (int) n, table);
          return FALSE;
        }
    }
  return step == OD_STEP_DONE;
}

static gboolean
purge_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  TrashData *data = user_data;
  g_autofree char *label = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *row_uuid = NULL;
  gboolean is_org = g_str_equal (data->table_name, "organizations");

  label = trash_label (db, data->table_name, data->row_id, error);
  if (label == NULL)
    return FALSE;

  if (is_org)
    {
      g_autoptr(OdOrganizationFields) f = _od_registry_load_org_row (db, data->row_id, TRUE,
                                                                     &local_error);

      if (f != NULL)
        row_uuid = g_strdup (f->uuid);
      if (!check_org_unreferenced_by_people (db, data->row_id, label, error)
          || !check_unreferenced (db, "organizations", data->row_id, label, "people", error))
        return FALSE;
    }
  else
    {
      g_autoptr(OdPersonFields) f = _od_registry_load_person_row (db, data->row_id, TRUE,
                                                                  &local_error);

      if (f != NULL)
        row_uuid = g_strdup (f->uuid);
      if (!check_unreferenced (db, "people", data->row_id, label, NULL, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The search row goes with it (ON DELETE CASCADE), and its FTS entry with
   * the search row's trigger.  Only a row in the trash is ever purged. */
  stmt = od_db_prepare (db,
                        is_org ? "DELETE FROM organizations WHERE id = ?1 AND deleted_at IS NOT NULL"
                               : "DELETE FROM people WHERE id = ?1 AND deleted_at IS NOT NULL",
                        error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->row_id, error)
      || !od_stmt_run (stmt, error))
    return FALSE;

  return remove_trash_entry (db, data->table_name, data->row_id, error)
         && od_audit_record (db, data->table_name, data->row_id, row_uuid, "purge", NULL, label,
                             error);
}

typedef struct
{
  guint n_kept;
} EmptyData;

static gboolean
empty_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  EmptyData *data = user_data;
  gboolean progress = TRUE;
  g_autoptr(GPtrArray) entries = NULL;

  /* People first, and again while anything went: an organization can be
   * purged once the people in the trash that belonged to it are gone. */
  while (progress)
    {
      progress = FALSE;
      data->n_kept = 0;
      g_clear_pointer (&entries, g_ptr_array_unref);
      entries = od_trash_list (db, error);
      if (entries == NULL)
        return FALSE;

      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < entries->len; i++)
          {
            OdTrashEntry *entry = g_ptr_array_index (entries, i);
            gboolean is_people = g_str_equal (entry->table_name, "people");
            g_autoptr(GError) local_error = NULL;

            if ((pass == 0) != is_people)
              continue;
            if (!g_str_equal (entry->table_name, "organizations") && !is_people)
              {
                /* Other sections empty their own records. */
                data->n_kept++;
                continue;
              }
            if (od_trash_purge (db, entry->table_name, entry->row_id, &local_error))
              {
                progress = TRUE;
                continue;
              }
            if (!g_error_matches (local_error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED))
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            data->n_kept++;
          }
    }
  return TRUE;
}

/* --- public API: the trash --- */

void
od_trash_entry_free (OdTrashEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->table_name);
  g_free (entry->label);
  g_free (entry->deleted_at);
  g_free (entry->deleted_by);
  g_free (entry);
}

/* Every entry of the trash, of every table, newest first. */
GPtrArray *
od_trash_list (OdDb    *db,
               GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_trash_entry_free);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  stmt = od_db_prepare (db,
                        "SELECT id, table_name, row_id, label, deleted_at, deleted_by FROM trash"
                        " ORDER BY deleted_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdTrashEntry *entry = g_new0 (OdTrashEntry, 1);

      entry->id = od_stmt_get_int64 (stmt, 0);
      entry->table_name = od_store_dup_column_or_empty (stmt, 1);
      entry->row_id = od_stmt_get_int64 (stmt, 2);
      entry->label = od_store_dup_column_or_empty (stmt, 3);
      entry->deleted_at = od_store_dup_column_or_empty (stmt, 4);
      entry->deleted_by = od_store_dup_column_or_empty (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
od_trash_restore (OdDb        *db,
                  const char  *table_name,
                  gint64       row_id,
                  GError     **error)
{
  TrashData data = { table_name, row_id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!check_known_table (table_name, error))
    return FALSE;
  return od_db_transaction (db, restore_cb, &data, error);
}

gboolean
od_trash_purge (OdDb        *db,
                const char  *table_name,
                gint64       row_id,
                GError     **error)
{
  TrashData data = { table_name, row_id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!check_known_table (table_name, error))
    return FALSE;
  return od_db_transaction (db, purge_cb, &data, error);
}

/* Purges every organization and person in the trash that nothing refers
 * to; N_KEPT gets how many entries stay (referenced, or of other tables). */
gboolean
od_trash_empty (OdDb    *db,
                guint   *n_kept,
                GError **error)
{
  EmptyData data = { 0 };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!od_db_transaction (db, empty_cb, &data, error))
    return FALSE;
  if (n_kept != NULL)
    *n_kept = data.n_kept;
  return TRUE;
}
