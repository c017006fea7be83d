/* test-ui-backup.c — the window makes the daily backup of the database it
 * opens (end to end: turning off that call must fail this test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "od-application.h"
#include "od-db.h"
#include "od-gui-resources.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-window.h"

static OdApplication *app;

static guint
count_dailies (const char *folder,
               const char *today)
{
  g_autofree char *wanted = g_strdup_printf ("office-daily-%s.db", today);
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_str_equal (name, wanted))
        continue;
      /* A complete database, not an empty name. */
      g_assert_true (od_db_check_file (path, NULL));
      n++;
    }
  g_dir_close (dir);
  return n;
}

static void
test_daily_backup_on_open (void)
{
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  OdWindow *window;

  /* An existing database with something in it, opened by the window. */
  {
    g_autoptr(OdDb) db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_dailies (backups, today), ==, 0);

  for (guint round = 0; round < 2; round++)
    {
      window = od_window_new (app);
      od_window_open_database (window, path, FALSE);
      gtk_window_present (GTK_WINDOW (window));
      od_test_wait_allocated (GTK_WIDGET (window));
      /* One a day: opening again the same day makes no second one. */
      g_assert_cmpuint (count_dailies (backups, today), ==, 1);
      gtk_window_destroy (GTK_WINDOW (window));
      od_test_spin (20);
    }
  od_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (od_gui_get_resource ());

  app = od_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ui/backup/daily-on-open", test_daily_backup_on_open);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
