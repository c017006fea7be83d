/* od-demo.c — the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each domain adds one part to the table below (DESIGN.md §6). Parts run in
 * order inside one transaction, with the clock pinned, so the same program
 * always writes the same rows. Figures are never stored: each part writes
 * the records (people, marks, contributions) that od-stats counts.
 */
#define G_LOG_DOMAIN "orgdesk-demo"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-demo.h"
#include "od-domains.h"
#include "od-lookup-store.h"
#include "od-settings-store.h"

typedef gboolean (*DemoPartFunc) (OdDb *db, GError **error);

typedef struct
{
  const char   *name;
  DemoPartFunc  load;
} DemoPart;

G_DEFINE_QUARK (od-demo-error-quark, od_demo_error)

/* Tables that hold no user content of their own: the log and trash
 * describe other rows; besides, the tables domains seed (od-domains.h). */
static const char *const bookkeeping_tables[] = {
  "settings", "audit_log", "trash", NULL
};

/* --- parts --- */

static gboolean
load_association (OdDb    *db,
                  GError **error)
{
  /* 宝鸡市社会组织促进会, the association of the seed article. */
  const char *keys[] = {
    OD_SETTING_ASSOCIATION_NAME, OD_SETTING_CITY_NAME, OD_SETTING_CITY_AREA_CODE,
    OD_SETTING_INITIALIZED, NULL
  };
  const char *values[] = { "宝鸡市社会组织促进会", "宝鸡市", "610300", "demo", NULL };

  return od_settings_set_many (db, keys, values, error);
}

static gboolean
load_lookups (OdDb    *db,
              GError **error)
{
  /* The lookups themselves come with the first migration; the demo brings
   * back any seeded row that was deleted, so that every demo has them all. */
  return od_lookup_undelete_all (db, error);
}

/* What comes before any domain's demo data; then each domain's, in the
 * order of od-domains.c. */
static const DemoPart demo_parts[] = {
  { "association", load_association },
  { "lookups", load_lookups },
};

/* --- helpers --- */

static gboolean
is_bookkeeping (const char *table)
{
  return g_strv_contains (bookkeeping_tables, table) || od_domains_is_seeded_table (table);
}

static gboolean
clear_content (OdDb    *db,
               GError **error)
{
  g_autoptr(GPtrArray) tables = od_db_list_tables (db, error);

  if (tables == NULL)
    return FALSE;
  /* Deleting table by table would trip foreign keys midway; checked at commit. */
  if (!od_db_defer_foreign_keys (db, error))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      if (is_bookkeeping (table))
        continue;
      if (!od_db_delete_all_rows (db, table, error))
        return FALSE;
    }
  return od_db_delete_all_rows (db, "trash", error) && od_db_delete_all_rows (db, "settings", error);
}

static gboolean
load_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  gboolean force = GPOINTER_TO_INT (user_data);
  guint n_domains;
  const OdDomain *const *domains = od_domains_list (&n_domains);

  if (force && !clear_content (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_parts); i++)
    if (!demo_parts[i].load (db, error))
      {
        g_prefix_error (error, _("Loading the demo data (%s) failed: "), demo_parts[i].name);
        return FALSE;
      }
  for (guint i = 0; i < n_domains; i++)
    if (domains[i]->load_demo != NULL && !domains[i]->load_demo (db, error))
      {
        g_prefix_error (error, _("Loading the demo data (%s) failed: "), domains[i]->name);
        return FALSE;
      }

  return od_audit_record (db, "database", 0, NULL, "demo", NULL,
                          "demo data loaded", error);
}

/* --- public API --- */

/* Empty: the association is not set up and no table holds content. */
gboolean
od_demo_database_is_empty (OdDb      *db,
                           gboolean  *empty,
                           GError   **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  name = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (name != NULL)
    {
      *empty = FALSE;
      return TRUE;
    }

  tables = od_db_list_tables (db, error);
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gboolean table_empty = TRUE;

      if (is_bookkeeping (table))
        continue;
      if (!od_db_table_is_empty (db, table, &table_empty, error))
        return FALSE;
      if (!table_empty)
        {
          *empty = FALSE;
          return TRUE;
        }
    }
  *empty = TRUE;
  return TRUE;
}

/* Loads the demo data. A database with content is refused unless FORCE,
 * which replaces its content after taking a backup. */
gboolean
od_demo_load (OdDb      *db,
              gboolean   force,
              GError   **error)
{
  gboolean empty = FALSE;
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!od_demo_database_is_empty (db, &empty, error))
    return FALSE;
  if (!empty && !force)
    {
      g_set_error (error, OD_DEMO_ERROR, OD_DEMO_ERROR_NOT_EMPTY,
                   _("The database already has data, so the demo data was not loaded. Use an "
                     "empty database, or replace the data on purpose (orgdesk-cli demo --force; "
                     "a backup is taken first)."));
      return FALSE;
    }
  if (!empty)
    {
      g_autofree char *backup = od_db_backup_file_name (od_db_get_path (db), "before-demo");

      if (!od_db_backup_to (db, backup, error))
        return FALSE;
    }

  od_db_set_fixed_now (db, OD_DEMO_NOW);
  ok = od_db_transaction (db, load_cb, GINT_TO_POINTER (!empty), error);
  od_db_set_fixed_now (db, NULL);
  return ok;
}
