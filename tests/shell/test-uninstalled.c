/* test-uninstalled.c — the program built in build/ runs from there, as the
 * README says (build/src/orgdesk --database FILE), without the GSettings
 * schema or the translations being installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "od-test-util.h"

static void
on_exit_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_runs_from_build_tree (void)
{
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);
  const char *app = g_getenv ("ORGDESK_APP");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gboolean exited = FALSE, timed_out = FALSE;
  guint timeout;

  g_assert_nonnull (app);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* As a user's shell has it: no test set-up pointing at the build. */
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  g_subprocess_launcher_unsetenv (launcher, "ORGDESK_LOCALEDIR");
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, app, "--database", db, NULL);
  g_assert_no_error (error);

  /* It aborted within a fraction of a second when the schema was missing;
   * alive after three seconds, it has its window. */
  g_subprocess_wait_async (process, NULL, on_exit_cb, &exited);
  timeout = g_timeout_add_seconds (3, on_timeout_cb, &timed_out);
  while (!exited && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (exited)
    {
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, NULL);
      g_error ("orgdesk exited at start: %s", err != NULL ? err : "");
    }
  if (!timed_out)
    g_source_remove (timeout);
  g_subprocess_force_exit (process);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  od_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uninstalled/runs-from-build-tree", test_runs_from_build_tree);

  return g_test_run ();
}
