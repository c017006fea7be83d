/* od-trash.c — soft deletes of any registered entity, and the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See od-trash.h. The SQL names an entity's table only as registered
 * (OdEntity.name, quoted), never as the caller wrote it: an unknown table
 * name is refused before anything is built from it.
 */
#define G_LOG_DOMAIN "orgdesk-trash"

#include "config.h"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-json.h"
#include "od-store-util.h"
#include "od-trash.h"

/* Names listed when a purge is refused. */
#define MAX_NAMES_LISTED 5

typedef struct
{
  const OdEntity *entity;
  gint64          row_id;
} TrashData;

/* The registered entity whose records go to the trash, or NULL with ERROR. */
static const OdEntity *
trash_entity (const char  *table_name,
              GError     **error)
{
  const OdEntity *entity = od_entity_find (table_name);

  if (entity != NULL && od_entity_can_trash (entity))
    return entity;

  g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a table name such as “courses” */
               _("Records of “%s” cannot be restored or removed from here. Use the section "
                 "they belong to."), table_name != NULL ? table_name : "");
  return NULL;
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

/* Sets deleted_at (NOW, or NULL to restore) of a row of ENTITY. */
static gboolean
set_deleted_at (OdDb            *db,
                const OdEntity  *entity,
                gint64           row_id,
                const char      *deleted_at,
                const char      *now,
                GError         **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *table = od_db_quote_identifier (entity->name);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1, updated_at = ?2"
                                          " WHERE id = ?3", table);

  stmt = od_db_prepare (db, sql, error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, deleted_at, error)
         && od_stmt_bind_text (stmt, 2, now, error)
         && od_stmt_bind_int64 (stmt, 3, row_id, error)
         && od_stmt_run (stmt, error);
}

static gboolean
move_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  TrashData *data = user_data;
  const OdEntity *entity = data->entity;
  gpointer old;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  g_autofree char *label = NULL;
  gboolean ok;

  old = entity->record_load (db, data->row_id, error);
  if (old == NULL)
    return FALSE;

  /* Search rows stay: queries skip deleted rows, and a restore needs them. */
  label = entity->describe (old);
  changes = deleted_at_json (NULL, now);
  ok = set_deleted_at (db, entity, data->row_id, now, now, error)
       && add_trash_entry (db, entity->name, data->row_id, label, now, error)
       && od_audit_record (db, entity->name, data->row_id, od_entity_record_uuid (entity, old),
                           "delete", changes, label, error);
  entity->record_free (old);
  return ok;
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
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                   _("The record is not in the trash (any more). Reload the trash."));
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

/* The entry of row ROW_ID of ENTITY: its label and its record (loaded
 * live or not) with the record's uuid; FALSE (NOT_FOUND) when the entry is
 * gone, or the record when MUST_EXIST (a purge clears an entry whose row
 * has gone anyway). */
static gboolean
load_entry (OdDb            *db,
            const OdEntity  *entity,
            gint64           row_id,
            gboolean         must_exist,
            char           **label,
            char           **row_uuid,
            gpointer        *record,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *label = trash_label (db, entity->name, row_id, error);
  if (*label == NULL)
    return FALSE;
  *record = entity->record_load_any (db, row_id, &local_error);
  if (*record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (!must_exist)
        return TRUE;
      else
        g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is the label of a trash entry */
                     _("“%s” no longer exists. Reload the trash."), *label);
      return FALSE;
    }
  *row_uuid = g_strdup (od_entity_record_uuid (entity, *record));
  return TRUE;
}

static gboolean
restore_cb (OdDb      *db,
            gpointer   user_data,
            GError   **error)
{
  TrashData *data = user_data;
  const OdEntity *entity = data->entity;
  g_autofree char *label = NULL;
  g_autofree char *now = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *row_uuid = NULL;
  g_autofree char *deleted_at = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gpointer record = NULL;
  gboolean restorable;

  if (!load_entry (db, entity, data->row_id, TRUE, &label, &row_uuid, &record, error))
    return FALSE;
  restorable = entity->check_restore == NULL || entity->check_restore (db, record, error);
  entity->record_free (record);
  if (!restorable)
    return FALSE;

  stmt = od_db_prepare (db, "SELECT deleted_at FROM trash WHERE table_name = ?1 AND row_id = ?2",
                        error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, entity->name, error)
      || !od_stmt_bind_int64 (stmt, 2, data->row_id, error)
      || od_stmt_step (stmt, error) != OD_STEP_ROW)
    return FALSE;
  deleted_at = g_strdup (od_stmt_get_text (stmt, 0));

  now = od_db_now (db);
  changes = deleted_at_json (deleted_at, NULL);
  return set_deleted_at (db, entity, data->row_id, NULL, now, error)
         && remove_trash_entry (db, entity->name, data->row_id, error)
         && od_audit_record (db, entity->name, data->row_id, row_uuid, "restore", changes,
                             label, error);
}

static gboolean
purge_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  TrashData *data = user_data;
  const OdEntity *entity = data->entity;
  g_autofree char *label = NULL;
  g_autofree char *row_uuid = NULL;
  g_autofree char *table = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gpointer record = NULL;

  if (!load_entry (db, entity, data->row_id, FALSE, &label, &row_uuid, &record, error))
    return FALSE;
  if (record != NULL)
    entity->record_free (record);

  if (entity->check_purge != NULL
      ? !entity->check_purge (db, data->row_id, label, error)
      : !od_trash_check_unreferenced (db, entity->name, data->row_id, label, NULL, error))
    return FALSE;

  /* Rows that belong to it go with it (ON DELETE CASCADE: search rows, and
   * their FTS entries by trigger). Only a row in the trash is ever purged. */
  table = od_db_quote_identifier (entity->name);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND deleted_at IS NOT NULL", table);
  stmt = od_db_prepare (db, sql, error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->row_id, error)
      || !od_stmt_run (stmt, error))
    return FALSE;

  return remove_trash_entry (db, entity->name, data->row_id, error)
         && od_audit_record (db, entity->name, data->row_id, row_uuid, "purge", NULL, label,
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
  guint n_entities;
  const OdEntity *const *entities = od_entity_list (&n_entities);

  /* Dependents first (people before their organizations), and again while
   * anything went: a record can go once what referred to it is gone. */
  while (progress)
    {
      progress = FALSE;
      g_clear_pointer (&entries, g_ptr_array_unref);
      entries = od_trash_list (db, error);
      if (entries == NULL)
        return FALSE;

      for (guint e = n_entities; e > 0; e--)
        {
          const OdEntity *entity = entities[e - 1];

          for (guint i = 0; i < entries->len; i++)
            {
              OdTrashEntry *entry = g_ptr_array_index (entries, i);
              g_autoptr(GError) local_error = NULL;

              if (!g_str_equal (entry->table_name, entity->name))
                continue;
              if (od_trash_purge (db, entry->table_name, entry->row_id, &local_error))
                {
                  progress = TRUE;
                  continue;
                }
              if (!g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_REFERENCED))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
            }
        }
    }

  /* What stays: referred to, or of a table no registered entity owns. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = od_trash_list (db, error);
  if (entries == NULL)
    return FALSE;
  data->n_kept = entries->len;
  return TRUE;
}

gboolean
od_trash_check_unreferenced (OdDb        *db,
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
          g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_REFERENCED,
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

/* --- public API --- */

gboolean
od_trash_move (OdDb            *db,
               const OdEntity  *entity,
               gint64           id,
               GError         **error)
{
  TrashData data = { entity, id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  return od_db_transaction (db, move_cb, &data, error);
}

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

/* Runs CB on row ROW_ID of the trash of TABLE_NAME, in one transaction. */
static gboolean
on_entry (OdDb                 *db,
          const char           *table_name,
          gint64                row_id,
          OdDbTransactionFunc   cb,
          GError              **error)
{
  TrashData data = { NULL, row_id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  data.entity = trash_entity (table_name, error);
  if (data.entity == NULL)
    return FALSE;
  return od_db_transaction (db, cb, &data, error);
}

gboolean
od_trash_restore (OdDb        *db,
                  const char  *table_name,
                  gint64       row_id,
                  GError     **error)
{
  return on_entry (db, table_name, row_id, restore_cb, error);
}

gboolean
od_trash_purge (OdDb        *db,
                const char  *table_name,
                gint64       row_id,
                GError     **error)
{
  return on_entry (db, table_name, row_id, purge_cb, error);
}

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
