/* od-settings-store.c — settings kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-settings-store"

#include "od-audit.h"
#include "od-json.h"
#include "od-settings-store.h"

/* Returns NULL (without an error) when the key was never set. */
char *
od_settings_get (OdDb        *db,
                 const char  *key,
                 GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = od_db_prepare (db, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, key, error))
    return NULL;
  if (od_stmt_step (stmt, error) == OD_STEP_ROW)
    return g_strdup (od_stmt_get_text (stmt, 0));
  return NULL;
}

typedef struct
{
  const char *const *keys;
  const char *const *values;
} SetData;

static gboolean
set_many_cb (OdDb      *db,
             gpointer   user_data,
             GError   **error)
{
  SetData *data = user_data;
  g_autoptr(OdJsonWriter) changes = od_json_writer_new (FALSE);
  g_autoptr(OdStmt) upsert = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *json = NULL;
  guint n_changed = 0;

  upsert = od_db_prepare (db,
                          "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                          " updated_at = excluded.updated_at", error);
  if (upsert == NULL)
    return FALSE;

  od_json_begin_object (changes, NULL);
  for (guint i = 0; data->keys[i] != NULL; i++)
    {
      g_autofree char *old = NULL;
      g_autoptr(GError) local_error = NULL;

      old = od_settings_get (db, data->keys[i], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_strcmp0 (old, data->values[i]) == 0)
        continue;

      od_stmt_reset (upsert, NULL);
      if (!od_stmt_bind_text (upsert, 1, data->keys[i], error)
          || !od_stmt_bind_text (upsert, 2, data->values[i], error)
          || !od_stmt_bind_text (upsert, 3, now, error)
          || !od_stmt_run (upsert, error))
        return FALSE;

      od_json_begin_array (changes, data->keys[i]);
      od_json_string (changes, NULL, old);
      od_json_string (changes, NULL, data->values[i]);
      od_json_end_array (changes);
      n_changed++;
    }
  od_json_end_object (changes);
  json = od_json_writer_finish (g_steal_pointer (&changes));

  if (n_changed == 0)
    return TRUE;
  return od_audit_record (db, "settings", 0, NULL, "update", json, NULL, error);
}

/* Sets several keys in one transaction with one audit entry. */
gboolean
od_settings_set_many (OdDb              *db,
                      const char *const *keys,
                      const char *const *values,
                      GError           **error)
{
  SetData data = { keys, values };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (keys != NULL && values != NULL, FALSE);

  for (guint i = 0; keys[i] != NULL; i++)
    g_return_val_if_fail (values[i] != NULL, FALSE);

  return od_db_transaction (db, set_many_cb, &data, error);
}

gboolean
od_settings_set (OdDb        *db,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  const char *keys[] = { key, NULL };
  const char *values[] = { value, NULL };

  return od_settings_set_many (db, keys, values, error);
}
