/* od-audit.c — the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-audit"

#include <glib.h>

#include "od-audit.h"

/* "user@host": offices share one database between a few workstations. */
char *
od_audit_actor (void)
{
  return g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
}

gboolean
od_audit_record (OdDb        *db,
                 const char  *table_name,
                 gint64       row_id,
                 const char  *row_uuid,
                 const char  *action,
                 const char  *changes_json,
                 const char  *summary,
                 GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *actor = NULL;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (table_name != NULL && action != NULL, FALSE);

  uuid = g_uuid_string_random ();
  now = od_db_now (db);
  actor = od_audit_actor ();

  stmt = od_db_prepare (db,
                        "INSERT INTO audit_log (uuid, at, actor, table_name, row_id, row_uuid,"
                        " action, changes, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (!od_stmt_bind_text (stmt, 1, uuid, error)
      || !od_stmt_bind_text (stmt, 2, now, error)
      || !od_stmt_bind_text (stmt, 3, actor, error)
      || !od_stmt_bind_text (stmt, 4, table_name, error)
      || !(row_id > 0 ? od_stmt_bind_int64 (stmt, 5, row_id, error)
                      : od_stmt_bind_null (stmt, 5, error))
      || !od_stmt_bind_text (stmt, 6, row_uuid, error)
      || !od_stmt_bind_text (stmt, 7, action, error)
      || !od_stmt_bind_text (stmt, 8, changes_json != NULL ? changes_json : "{}", error)
      || !od_stmt_bind_text (stmt, 9, summary != NULL ? summary : "", error))
    return FALSE;
  return od_stmt_run (stmt, error);
}

GPtrArray *
od_audit_list_for_row (OdDb        *db,
                       const char  *table_name,
                       gint64       row_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_audit_entry_free);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT at, actor, table_name, row_id, action, changes, summary"
                        " FROM audit_log WHERE table_name = ?1 AND row_id IS ?2"
                        " ORDER BY at DESC, id DESC", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, table_name, error)
      || !(row_id > 0 ? od_stmt_bind_int64 (stmt, 2, row_id, error)
                      : od_stmt_bind_null (stmt, 2, error)))
    return NULL;

  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdAuditEntry *entry = g_new0 (OdAuditEntry, 1);

      entry->at = g_strdup (od_stmt_get_text (stmt, 0));
      entry->actor = g_strdup (od_stmt_get_text (stmt, 1));
      entry->table_name = g_strdup (od_stmt_get_text (stmt, 2));
      entry->row_id = od_stmt_get_int64 (stmt, 3);
      entry->action = g_strdup (od_stmt_get_text (stmt, 4));
      entry->changes = g_strdup (od_stmt_get_text (stmt, 5));
      entry->summary = g_strdup (od_stmt_get_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

void
od_audit_entry_free (OdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->table_name);
  g_free (entry->action);
  g_free (entry->changes);
  g_free (entry->summary);
  g_free (entry);
}
