/* od-paths.c — where the database lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-paths"

#include "od-paths.h"

/* $XDG_DATA_HOME/orgdesk/orgdesk.db (DESIGN.md §3). */
/* A program run from its meson build folder (build/src/orgdesk) finds the
 * build's compiled GSettings schema and translations, as an installed one
 * finds the system's: without this, GLib aborts on the missing schema.
 * The build folder is recognised by its build.ninja; variables already set
 * are left alone. */
void
od_paths_use_build_tree (const char *argv0)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *ninja = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *po = NULL;

  if (exe == NULL && argv0 != NULL)
    exe = g_canonicalize_filename (argv0, NULL);
  if (exe == NULL)
    return;
  bindir = g_path_get_dirname (exe);
  root = g_path_get_dirname (bindir);
  ninja = g_build_filename (root, "build.ninja", NULL);
  schemas = g_build_filename (root, "data", "gschemas.compiled", NULL);
  if (!g_file_test (ninja, G_FILE_TEST_IS_REGULAR)
      || !g_file_test (schemas, G_FILE_TEST_IS_REGULAR))
    return;
  g_clear_pointer (&schemas, g_free);
  schemas = g_build_filename (root, "data", NULL);
  po = g_build_filename (root, "po", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
  g_setenv ("ORGDESK_LOCALEDIR", po, FALSE);
}

char *
od_paths_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "orgdesk", "orgdesk.db", NULL);
}

/* In order: --database / --db, $ORGDESK_DB, the database opened last (if it
 * still exists), the default. Relative paths are made absolute so that the
 * remembered path means the same file tomorrow. */
char *
od_paths_resolve_database (const char *option_value,
                           const char *remembered)
{
  const char *env = g_getenv ("ORGDESK_DB");
  const char *chosen = NULL;

  if (option_value != NULL && *option_value != '\0')
    chosen = option_value;
  else if (env != NULL && *env != '\0')
    chosen = env;
  else if (remembered != NULL && *remembered != '\0'
           && g_file_test (remembered, G_FILE_TEST_IS_REGULAR))
    chosen = remembered;

  if (chosen == NULL)
    return od_paths_default_database ();
  if (g_path_is_absolute (chosen))
    return g_strdup (chosen);
  return g_canonicalize_filename (chosen, NULL);
}
