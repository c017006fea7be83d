/* test-paths.c — which database file is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "od-paths.h"
#include "od-test-util.h"

static void
test_resolve (void)
{
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *remembered = g_build_filename (dir, "last.db", NULL);
  g_autofree char *fallback = od_paths_default_database ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *relative_expected = g_build_filename (cwd, "rel.db", NULL);
  char *path;

  g_unsetenv ("ORGDESK_DB");
  g_assert_true (g_str_has_suffix (fallback, "/orgdesk/orgdesk.db"));
  g_assert_true (g_str_has_prefix (fallback, g_get_user_data_dir ()));

  /* A remembered file that no longer exists falls back to the default. */
  path = od_paths_resolve_database (NULL, remembered);
  g_assert_cmpstr (path, ==, fallback);
  g_free (path);

  g_assert_true (g_file_set_contents (remembered, "", 0, NULL));
  path = od_paths_resolve_database (NULL, remembered);
  g_assert_cmpstr (path, ==, remembered);
  g_free (path);

  /* ORGDESK_DB wins over the remembered file; the option over both. */
  g_setenv ("ORGDESK_DB", "/srv/office/env.db", TRUE);
  path = od_paths_resolve_database (NULL, remembered);
  g_assert_cmpstr (path, ==, "/srv/office/env.db");
  g_free (path);
  path = od_paths_resolve_database ("/srv/office/option.db", remembered);
  g_assert_cmpstr (path, ==, "/srv/office/option.db");
  g_free (path);
  g_unsetenv ("ORGDESK_DB");

  /* Relative names are made absolute, so they mean the same file tomorrow. */
  path = od_paths_resolve_database ("rel.db", NULL);
  g_assert_cmpstr (path, ==, relative_expected);
  g_free (path);

  od_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paths/resolve", test_resolve);
  return g_test_run ();
}
