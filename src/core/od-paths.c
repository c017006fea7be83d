/* od-paths.c — where the database lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "od-paths.h"

/* $XDG_DATA_HOME/orgdesk/orgdesk.db (DESIGN.md §3). */
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
