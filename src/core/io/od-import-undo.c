/* od-import-undo.c — undoing an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * od_import_undo(): reads an import's audit entry, checks that none of its
 * records changed since, then moves the inserted records to the trash and
 * puts back the earlier values of the updated ones, as one step.
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include "config.h"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-import-private.h"
#include "od-json.h"
#include "od-trash.h"

/* --- undo --- */

typedef struct
{
  char   *key;
  char   *type;     /* json_each's: "null", "text", "integer", … */
  char   *atom;
} OldValue;

static void
old_value_free (gpointer data)
{
  OldValue *value = data;

  g_free (value->key);
  g_free (value->type);
  g_free (value->atom);
  g_free (value);
}

typedef struct
{
  gint64                audit_id;
  const OdEntity *entity;
  char                 *at;
  char                 *file;
  GArray               *inserted;   /* gint64 */
  GArray               *updated;    /* gint64 */
  GHashTable           *old;        /* gint64 * id → GPtrArray of OldValue */
  guint                 n_restored;
} Undo;

static void
undo_clear (Undo *undo)
{
  g_clear_pointer (&undo->at, g_free);
  g_clear_pointer (&undo->file, g_free);
  g_clear_pointer (&undo->inserted, g_array_unref);
  g_clear_pointer (&undo->updated, g_array_unref);
  g_clear_pointer (&undo->old, g_hash_table_unref);
}

static gboolean
undo_read_ids (OdDb        *db,
               gint64       audit_id,
               const char  *path,
               GArray      *ids,
               GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT j.value FROM audit_log a, json_each (a.changes, ?2) j"
                        " WHERE a.id = ?1 AND j.type = 'integer' ORDER BY j.id", error);
  if (stmt == NULL
      || !od_stmt_bind_int64 (stmt, 1, audit_id, error)
      || !od_stmt_bind_text (stmt, 2, path, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return step == OD_STEP_DONE;
}

static gboolean
undo_read_old (OdDb     *db,
               Undo     *undo,
               GError  **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT CAST (o.key AS INTEGER), f.key, f.type, f.atom"
                        " FROM audit_log a, json_each (a.changes, '$.old') o, json_each (o.value) f"
                        " WHERE a.id = ?1 ORDER BY o.id, f.id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);
      GPtrArray *values = g_hash_table_lookup (undo->old, &id);
      OldValue *value = g_new0 (OldValue, 1);

      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (old_value_free);
          g_hash_table_insert (undo->old, g_memdup2 (&id, sizeof id), values);
        }
      value->key = g_strdup (od_stmt_get_text (stmt, 1));
      value->type = g_strdup (od_stmt_get_text (stmt, 2));
      value->atom = od_stmt_column_is_null (stmt, 3) ? NULL : g_strdup (od_stmt_get_text (stmt, 3));
      g_ptr_array_add (values, value);
    }
  return step == OD_STEP_DONE;
}

/* The import's entry: which entity, when, which file, and whether it can be
 * undone at all. */
static gboolean
undo_read_entry (OdDb    *db,
                 Undo    *undo,
                 GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, undo->audit_id);
  gboolean is_import, is_undo, has_old;
  gint64 n_updated;

  stmt = od_db_prepare (db,
                        "SELECT table_name, action = 'import', at, json_extract (changes, '$.file'),"
                        " json_type (changes, '$.undo_of') IS NOT NULL,"
                        " json_type (changes, '$.old') IS NOT NULL,"
                        " coalesce (json_array_length (changes, '$.updated'), 0)"
                        " FROM audit_log WHERE id = ?1 AND json_valid (changes)", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      break;
    case OD_STEP_DONE:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a number: the entry in the history */
                   _("The history has no import with the number %s."), number);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
  table_name = g_strdup (od_stmt_get_text (stmt, 0));
  is_import = od_stmt_get_int64 (stmt, 1) != 0;
  undo->at = g_strdup (od_stmt_get_text (stmt, 2));
  undo->file = g_strdup (od_stmt_column_is_null (stmt, 3) ? "" : od_stmt_get_text (stmt, 3));
  is_undo = od_stmt_get_int64 (stmt, 4) != 0;
  has_old = od_stmt_get_int64 (stmt, 5) != 0;
  n_updated = od_stmt_get_int64 (stmt, 6);
  undo->entity = od_import_find_entity (table_name);

  if (!is_import || undo->entity == NULL)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a number: the entry in the history */
                   _("Entry %s of the history is not an import."), number);
      return FALSE;
    }
  if (is_undo)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("This entry is the undo of the import of %s and cannot be undone itself. "
                     "Import the file again instead."), undo->file);
      return FALSE;
    }
  if (!has_old && n_updated > 0)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("The import of %s did not keep the earlier values of the records it "
                     "updated, so it cannot be undone. Restore the backup taken before it "
                     "instead."), undo->file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
undo_check_not_undone (OdDb    *db,
                       Undo    *undo,
                       GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT at FROM audit_log WHERE action = 'import'"
                        " AND json_valid (changes) AND json_extract (changes, '$.undo_of') = ?1"
                        " ORDER BY id LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ROW:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("The import of %s has already been undone."), undo->file);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* Refuses when record ID was changed (or deleted, or purged) after the import. */
static gboolean
undo_check_unchanged (OdDb    *db,
                      Undo    *undo,
                      gint64   id,
                      GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *table = od_db_quote_identifier (undo->entity->name);
  gboolean changed;

  sql = g_strdup_printf ("SELECT r.updated_at > ?2 OR r.deleted_at IS NOT NULL"
                         " OR EXISTS (SELECT 1 FROM audit_log l WHERE l.table_name = ?3"
                         " AND l.row_id = r.id AND l.id > ?4)"
                         " FROM %s r WHERE r.id = ?1", table);
  stmt = od_db_prepare (db, sql, error);
  if (stmt == NULL
      || !od_stmt_bind_int64 (stmt, 1, id, error)
      || !od_stmt_bind_text (stmt, 2, undo->at, error)
      || !od_stmt_bind_text (stmt, 3, undo->entity->name, error)
      || !od_stmt_bind_int64 (stmt, 4, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      break;
    case OD_STEP_DONE:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("A record of the import of %s has been removed for good since, so the "
                     "import cannot be undone. Use the history instead."), undo->file);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
  changed = od_stmt_get_int64 (stmt, 0) != 0;
  if (changed)
    {
      gpointer record = undo->entity->record_load_any (db, id, error);

      if (record == NULL)
        return FALSE;
      name = undo->entity->describe (record);
      undo->entity->record_free (record);
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: the first %s is a record's name, the second a file name */
                   _("“%s” was changed after the import of %s, so the import cannot be undone. "
                     "Undo those changes first, or use the trash or the history instead."),
                   name, undo->file);
      return FALSE;
    }
  return TRUE;
}

/* Puts back the values the import changed in record ID. */
static gboolean
undo_restore (OdDb       *db,
              Undo       *undo,
              gint64      id,
              GPtrArray  *values,
              GError    **error)
{
  const OdEntity *entity = undo->entity;
  gpointer record;
  gboolean ok;

  record = entity->record_load (db, id, error);
  if (record == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      const OldValue *value = g_ptr_array_index (values, i);
      const OdEntityField *column = od_entity_find_field (entity, value->key);
      gboolean is_null = g_strcmp0 (value->type, "null") == 0 || value->atom == NULL;

      if (column == NULL)
        continue;
      switch (column->kind)
        {
        case OD_FIELD_TEXT:
        case OD_FIELD_NULLABLE:
        case OD_FIELD_ID_NUMBER:
          g_free (G_STRUCT_MEMBER (char *, record, column->offset));
          G_STRUCT_MEMBER (char *, record, column->offset) =
            is_null ? (column->kind == OD_FIELD_TEXT ? g_strdup ("") : NULL)
                    : g_strdup (value->atom);
          break;
        case OD_FIELD_INT:
        case OD_FIELD_MONEY:
        case OD_FIELD_REF:
          G_STRUCT_MEMBER (gint64, record, column->offset) =
            is_null ? 0 : g_ascii_strtoll (value->atom, NULL, 10);
          break;
        case OD_FIELD_ENUM:
          G_STRUCT_MEMBER (int, record, column->offset) =
            column->enum_from_key (is_null ? NULL : value->atom);
          break;
        case OD_FIELD_NONE:
        default:
          break;
        }
    }
  ok = entity->save (db, record, error) > 0;
  entity->record_free (record);
  return ok;
}

static gboolean
undo_write_audit (OdDb    *db,
                  Undo    *undo,
                  GError **error)
{
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  od_json_begin_object (writer, NULL);
  od_json_int (writer, "undo_of", undo->audit_id);
  od_json_string (writer, "file", undo->file);
  _od_import_ids_json (writer, "deleted", undo->inserted);
  _od_import_ids_json (writer, "restored", undo->updated);
  od_json_end_object (writer);
  changes = od_json_writer_finish (g_steal_pointer (&writer));

  /* Translators: the summary of an undone import in the history; %s is a
   * file name, the numbers are records moved to the trash and restored */
  summary = g_strdup_printf (_("Undo of import %s: %u moved to the trash, %u restored"),
                             undo->file, undo->inserted->len, undo->n_restored);
  return od_audit_record (db, undo->entity->name, 0, NULL, "import", changes, summary, error);
}

static gboolean
undo_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  Undo *undo = user_data;

  if (!undo_read_entry (db, undo, error)
      || !undo_check_not_undone (db, undo, error)
      || !undo_read_ids (db, undo->audit_id, "$.inserted", undo->inserted, error)
      || !undo_read_ids (db, undo->audit_id, "$.updated", undo->updated, error)
      || !undo_read_old (db, undo, error))
    return FALSE;

  /* Every check before the first change. */
  for (guint i = 0; i < undo->inserted->len; i++)
    if (!undo_check_unchanged (db, undo, g_array_index (undo->inserted, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < undo->updated->len; i++)
    if (!undo_check_unchanged (db, undo, g_array_index (undo->updated, gint64, i), error))
      return FALSE;

  for (guint i = 0; i < undo->updated->len; i++)
    {
      gint64 id = g_array_index (undo->updated, gint64, i);
      GPtrArray *values = g_hash_table_lookup (undo->old, &id);

      if (values == NULL || values->len == 0)
        continue;
      if (!undo_restore (db, undo, id, values, error))
        return FALSE;
      undo->n_restored++;
    }
  for (guint i = 0; i < undo->inserted->len; i++)
    if (!od_trash_move (db, undo->entity, g_array_index (undo->inserted, gint64, i), error))
      return FALSE;

  return undo_write_audit (db, undo, error);
}

/**
 * od_import_undo:
 * @db: the database
 * @audit_id: the import's audit entry (#OdImportResult.audit_id)
 * @error: return location for an error
 *
 * Undoes an import as one step, as described in od-import.h.
 *
 * Returns: %TRUE when undone; %FALSE with @error set (and nothing changed)
 */
gboolean
od_import_undo (OdDb    *db,
                gint64   audit_id,
                GError **error)
{
  Undo undo = { 0 };
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  undo.audit_id = audit_id;
  undo.inserted = g_array_new (FALSE, FALSE, sizeof (gint64));
  undo.updated = g_array_new (FALSE, FALSE, sizeof (gint64));
  undo.old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  ok = od_db_transaction (db, undo_cb, &undo, error);
  undo_clear (&undo);
  return ok;
}
