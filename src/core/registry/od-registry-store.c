/* od-registry-store.c — what the organization and person stores share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in one od_db_transaction(): validation, the row, its
 * search row and one audit entry (DESIGN.md §3) succeed or fail together.
 * Deletes are soft (od-trash.h); every query here excludes deleted rows.
 * The stores are od-organization-store.c and od-person-store.c; searching
 * and the list queries are od-search.c's.
 */
#define G_LOG_DOMAIN "orgdesk-registry-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-pinyin.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-search.h"
#include "od-store-util.h"
#include "od-trash.h"

/* Rows per `id IN (…)` when loading items: well below SQLite's limit of
 * bound values, and a screenful of rows many times over. */
#define LOAD_BATCH 500

/* Space-joined, dropping empty pieces. */
char *
_od_registry_join_nonempty (const char *const *pieces,
                            guint              n_pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    {
      if (pieces[i] == NULL || pieces[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, pieces[i]);
    }
  return g_string_free (out, FALSE);
}

/* --- helpers: problems --- */

/* Sets ERROR from the first blocking problem; FALSE when none blocks.
 * CODE_FIELD, if not NULL, is the field whose warnings need a reason. */
gboolean
_od_registry_set_error_from_problems (GPtrArray   *problems,
                                      const char  *code_field,
                                      const char  *override,
                                      GError     **error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == OD_PROBLEM_ERROR)
        {
          g_set_error_literal (error, OD_REGISTRY_ERROR,
                               problem->other_id != 0 ? OD_REGISTRY_ERROR_DUPLICATE
                                                      : OD_REGISTRY_ERROR_INVALID,
                               problem->message);
          return TRUE;
        }
    }

  if (code_field == NULL || (override != NULL && override[0] != '\0'))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == OD_PROBLEM_WARNING && g_strcmp0 (problem->field, code_field) == 0)
        {
          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON,
                       "%s %s", problem->message, _("To keep it, give a reason."));
          return TRUE;
        }
    }
  return FALSE;
}

/* --- helpers: statements --- */

/* Counts the live rows of organizations or people. */
/* "?,?,…" for N values: built from a count only, never from data. */
static char *
placeholders (guint n)
{
  GString *out = g_string_sized_new (n * 2);

  for (guint i = 0; i < n; i++)
    g_string_append (out, i == 0 ? "?" : ",?");
  return g_string_free (out, FALSE);
}

/* --- reading and saving one row --- */

gpointer
_od_registry_load (OdDb                  *db,
                   const OdRegistryTable *table,
                   gint64                 id,
                   gboolean               include_deleted,
                   GError               **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  stmt = od_db_prepare (db, include_deleted ? table->load_any_sql : table->load_sql, error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return table->from_row (stmt);
    case OD_STEP_DONE:
      if (!include_deleted)
        od_entity_set_not_found (table->entity, id, error);
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

gboolean
_od_registry_delete (OdDb                  *db,
                     const OdRegistryTable *table,
                     gint64                 id,
                     GError               **error)
{
  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_trash_move (db, table->entity, id, error);
}

typedef struct
{
  const OdRegistryTable *table;
  gconstpointer          fields;
  gint64                 id;
} SaveData;

static const char *
text_field (const OdEntity *entity,
            gconstpointer   record,
            const char     *key)
{
  const OdEntityField *field = key != NULL ? od_entity_find_field (entity, key) : NULL;

  return field != NULL ? G_STRUCT_MEMBER (const char *, (gpointer) record, field->offset) : NULL;
}

static gboolean
save_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  SaveData *data = user_data;
  const OdRegistryTable *table = data->table;
  const OdEntity *entity = table->entity;
  gpointer f = table->normalize (data->fields);
  gpointer old = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *changes = NULL;
  char **uuid = &G_STRUCT_MEMBER (char *, f, entity->uuid_offset);
  gint64 *id = &G_STRUCT_MEMBER (gint64, f, entity->id_offset);
  gboolean ok = FALSE;

  if (*id != 0 && (old = entity->record_load (db, *id, error)) == NULL)
    goto out;
  if (!table->check (db, f, problems, error))
    goto out;
  sorted = od_problems_sorted (problems);
  if (_od_registry_set_error_from_problems (sorted, entity->reason_field,
                                            text_field (entity, f, entity->reason_key), error))
    goto out;

  now = od_db_now (db);
  sort_key = od_pinyin_sort_key (text_field (entity, f, "name"));
  if (old == NULL)
    {
      if ((*uuid)[0] == '\0')
        {
          g_free (*uuid);
          *uuid = g_uuid_string_random ();
        }
      stmt = od_db_prepare (db, table->insert_sql, error);
      if (stmt == NULL || !table->bind (stmt, f, sort_key, now, error)
          || !od_stmt_run (stmt, error))
        goto out;
      *id = od_db_last_insert_rowid (db);
      changes = od_entity_changes_json (entity, NULL, f);
    }
  else
    {
      changes = od_entity_changes_json (entity, old, f);
      if (changes == NULL)
        {
          /* Nothing changed: no audit entry, updated_at stays. */
          data->id = *id;
          ok = TRUE;
          goto out;
        }
      g_free (*uuid);
      *uuid = g_strdup (od_entity_record_uuid (entity, old));
      stmt = od_db_prepare (db, table->update_sql, error);
      if (stmt == NULL || !table->bind (stmt, f, sort_key, now, error)
          || !od_stmt_bind_int64 (stmt, table->id_index, *id, error)
          || !od_stmt_run (stmt, error))
        goto out;
    }

  if (!table->write_search (db, f, old, error)
      || !od_audit_record (db, entity->name, *id, *uuid, old == NULL ? "insert" : "update",
                           changes, text_field (entity, f, "name"), error))
    goto out;
  data->id = *id;
  ok = TRUE;

out:
  if (old != NULL)
    entity->record_free (old);
  entity->record_free (f);
  return ok;
}

GPtrArray *
_od_registry_validate (OdDb                  *db,
                       const OdRegistryTable *table,
                       gconstpointer          fields)
{
  gpointer f;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  f = table->normalize (fields);
  problems = od_problems_new ();

  if (!table->check (db, f, problems, &error))
    od_problems_add_db_error (problems, error);
  table->entity->record_free (f);
  return od_problems_sorted (problems);
}

gint64
_od_registry_save (OdDb                  *db,
                   const OdRegistryTable *table,
                   gconstpointer          fields,
                   GError               **error)
{
  SaveData data = { table, fields, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!od_db_transaction (db, save_cb, &data, error))
    return 0;
  return data.id;
}

/* --- search rows --- */

gboolean
_od_registry_write_search_row (OdDb        *db,
                               const char  *sql,
                               gint64       id,
                               const char  *text,
                               const char  *initials,
                               GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  return stmt != NULL
         && od_stmt_bind_int64 (stmt, 1, id, error)
         && od_stmt_bind_text (stmt, 2, text, error)
         && od_stmt_bind_text (stmt, 3, initials, error)
         && od_stmt_run (stmt, error);
}

char *
_od_registry_person_search_text (const char *name,
                                 const char *mobile,
                                 const char *organization_name)
{
  const char *pieces[] = { name, mobile, organization_name };
  g_autofree char *joined = _od_registry_join_nonempty (pieces, G_N_ELEMENTS (pieces));

  return od_search_fold (joined);
}

/* --- loading items --- */

/* Loads the live rows among IDS into ITEMS (id → object), one batch. */
static gboolean
load_batch (OdDb                  *db,
            const OdRegistryTable *table,
            const gint64          *ids,
            guint                  n_ids,
            GHashTable            *items,
            GError               **error)
{
  g_autofree char *marks = placeholders (n_ids);
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s IN (%s) AND %s IS NULL", table->select,
                                          table->id_column, marks, table->deleted_column);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  OdStep step;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (!od_stmt_bind_int64 (stmt, (int) i + 1, ids[i], error))
      return FALSE;

  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      GObject *item;

      item = table->item_from_row (stmt);
      *key = od_stmt_get_int64 (stmt, 0);
      g_hash_table_replace (items, key, item);
    }
  return step == OD_STEP_DONE;
}

GPtrArray *
_od_registry_load_items (OdDb                  *db,
                         const OdRegistryTable *table,
                         const gint64          *ids,
                         guint                  n_ids,
                         GError               **error)
{
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  result = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint start = 0; start < n_ids; start += LOAD_BATCH)
    if (!load_batch (db, table, ids + start, MIN (LOAD_BATCH, n_ids - start), items, error))
      return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      GObject *item = g_hash_table_lookup (items, &ids[i]);

      if (item != NULL)
        g_ptr_array_add (result, g_object_ref (item));
    }
  return g_steal_pointer (&result);
}
