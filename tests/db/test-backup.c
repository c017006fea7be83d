/* test-backup.c — daily backups, rotation to 14 daily + 12 monthly, the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <gio/gio.h>

#include "od-backup.h"
#include "od-db.h"
#include "od-test-util.h"

/* --- helpers --- */

static GDateTime *
day_at (int year,
        int month,
        int day)
{
  return g_date_time_new_local (year, month, day, 9, 30, 0);
}

static char *
format_day (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d");
}

static OdDb *
open_db (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (od_db_exec (db, "CREATE TABLE walk (day TEXT)", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* Writes DATE into the database, so that each backup says which day it is. */
static void
mark_day (OdDb      *db,
          GDateTime *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = format_day (date);
  g_autoptr(OdStmt) stmt = NULL;

  g_assert_true (od_db_exec (db, "DELETE FROM walk", &error));
  g_assert_no_error (error);
  stmt = od_db_prepare (db, "INSERT INTO walk (day) VALUES (?1)", &error);
  g_assert_no_error (error);
  g_assert_true (od_stmt_bind_text (stmt, 1, day, &error));
  g_assert_true (od_stmt_run (stmt, &error));
  g_assert_no_error (error);
}

/* The day a backup file holds, read without writing anything beside it. */
static char *
backup_day (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *sqlite_uri = g_strconcat (uri, "?immutable=1", NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *day = NULL;

  g_assert_cmpint (sqlite3_open_v2 (sqlite_uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT day FROM walk", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return day;
}

static char *
backups_dir (OdTestFixture *f)
{
  return g_build_filename (f->dir, "backups", NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* Runs od_backup_daily() for NOW and checks that it made today's daily. */
static void
backup_day_expecting_new (OdDb       *db,
                          const char *folder,
                          GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *day = format_day (now);
  g_autofree char *name = g_strdup_printf ("office-daily-%s.db", day);
  g_autofree char *dir = folder != NULL ? g_strdup (folder)
                                         : od_backup_default_folder (od_db_get_path (db));
  g_autofree char *expected = g_build_filename (dir, name, NULL);

  mark_day (db, now);
  g_assert_true (od_backup_daily (db, folder, now, &made, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (made, ==, expected);
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));
}

/* Files that are not this database's dailies or monthlies, with their
 * contents: rotation must leave every one of them as it was. */
static const struct
{
  const char *name;
  const char *contents;
} others[] = {
  { "notes.txt", "备份说明\n" },
  { "office-20230215-101500-before-migration.db", "before-migration" },
  { "office-20230301-080000-before-import-2.db", "before-import, the second that second" },
  { "office-20220101-000000-manual.db", "manual, older than every daily" },
  { "other-daily-2022-01-01.db", "another database's daily" },
  { "other-monthly-2021-01.db", "another database's monthly" },
  { "office-x-daily-2022-01-01.db", "the daily of office-x.db" },
  { "office-daily-2023-1-1.db", "not the pattern: no zero padding" },
  { "office-daily-2022-02-30.db", "not a real day" },
  { "office-monthly-2022-13.db", "not a real month" },
  { "office-daily-2022-01-01.db.part", "not .db at the end" },
  { "office-daily-2022-01-01.DB", "upper-case extension" },
  { "Office-daily-2022-01-01.db", "another name (case)" },
  { "office-daily-2022-01-01.db~", "an editor's copy" },
  { "office-weekly-2022-01-01.db", "no such kind" },
};

/* --- tests --- */

static void
test_rotation (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backups_dir (f);
  g_autofree char *subdir = g_build_filename (dir, "office-daily-2022-12-01.db", NULL);
  g_autofree char *link = g_build_filename (dir, "office-daily-2022-12-02.db", NULL);
  g_autofree char *old_monthly = g_build_filename (dir, "office-monthly-2021-06.db", NULL);
  g_autofree char *old_daily = g_build_filename (dir, "office-daily-2022-12-31.db", NULL);
  g_autoptr(GPtrArray) checksums = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) first = day_at (2023, 3, 1);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) last_month = NULL;
  guint n_days = 400;

  g_assert_cmpint (g_mkdir_with_parents (subdir, 0700), ==, 0);
  g_assert_cmpint (symlink ("notes.txt", link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i].name, NULL);

      write_file (dir, others[i].name, others[i].contents);
      g_ptr_array_add (checksums, od_test_file_checksum (path));
    }
  /* Real backups of this database from before: rotated away in time. */
  g_assert_true (od_db_backup_to (db, old_monthly, &error));
  g_assert_true (od_db_backup_to (db, old_daily, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (first, (int) i);

      backup_day_expecting_new (db, NULL, now);
      /* Every few days the program starts again the same day: no second backup. */
      if (i % 37 == 5)
        {
          g_autoptr(GDateTime) later = g_date_time_add_hours (now, 8);
          g_autofree char *made = NULL;
          guint n_files = od_test_count_files (dir);

          g_assert_true (od_backup_daily (db, NULL, later, &made, &error));
          g_assert_no_error (error);
          g_assert_null (made);
          g_assert_cmpuint (od_test_count_files (dir), ==, n_files);
        }
    }

  /* 2023-03-01 + 399 days, over 2024-02-29. */
  last = g_date_time_add_days (first, (int) n_days - 1);
  {
    g_autofree char *day = format_day (last);

    g_assert_cmpstr (day, ==, "2024-04-03");
  }

  /* The 14 newest dailies, each holding its own day. */
  for (int i = 0; i < 14; i++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (last, -i);
      g_autofree char *day = format_day (date);
      g_autofree char *name = g_strdup_printf ("office-daily-%s.db", day);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *held = NULL;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      held = backup_day (path);
      g_assert_cmpstr (held, ==, day);
    }
  /* The 12 months before this one, each holding its last day. */
  last_month = g_date_time_new_local (2024, 4, 1, 0, 0, 0);
  for (int i = 1; i <= 12; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (last_month, -i);
      g_autoptr(GDateTime) next_month = g_date_time_add_months (month, 1);
      g_autoptr(GDateTime) month_end = g_date_time_add_days (next_month, -1);
      g_autofree char *stamp = g_date_time_format (month, "%Y-%m");
      g_autofree char *name = g_strdup_printf ("office-monthly-%s.db", stamp);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *held = NULL;
      g_autofree char *expected = format_day (month_end);

      g_test_message ("%s", name);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      held = backup_day (path);
      g_assert_cmpstr (held, ==, expected);
    }
  {
    g_autofree char *leap = g_build_filename (dir, "office-monthly-2024-02.db", NULL);
    g_autofree char *held = backup_day (leap);

    g_assert_cmpstr (held, ==, "2024-02-29");
  }

  /* Nothing else of ours is left: the old ones went, the others stayed. */
  g_assert_false (g_file_test (old_monthly, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_daily, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (od_test_count_files (dir), ==, 14 + 12 + G_N_ELEMENTS (others) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (dir, others[i].name, NULL);
      g_autofree char *checksum = od_test_file_checksum (path);

      g_assert_cmpstr (checksum, ==, g_ptr_array_index (checksums, i));
    }
  g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* A backup is a database that a restore accepts. */
  {
    g_autofree char *daily = g_build_filename (dir, "office-daily-2024-04-03.db", NULL);
    g_autofree char *monthly = g_build_filename (dir, "office-monthly-2023-04.db", NULL);

    g_assert_true (od_db_check_file (daily, &error));
    g_assert_no_error (error);
    g_assert_true (od_db_check_file (monthly, &error));
    g_assert_no_error (error);
  }
}

static void
test_same_day (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = day_at (2024, 5, 6);
  g_autoptr(GDateTime) evening = g_date_time_add_hours (morning, 12);
  g_autofree char *dir = backups_dir (f);
  g_autofree char *path = g_build_filename (dir, "office-daily-2024-05-06.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *made = NULL;

  backup_day_expecting_new (db, NULL, morning);
  before = od_test_file_checksum (path);
  mark_day (db, evening);
  g_assert_true (od_backup_daily (db, "", evening, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);
  after = od_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (od_test_count_files (dir), ==, 1);

  /* Without @made. */
  g_assert_true (od_backup_daily (db, NULL, evening, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (od_test_count_files (dir), ==, 1);
}

/* Months without a run get no monthly; the newest daily of a month is
 * taken even when it is not the month's last day. A chosen folder is used
 * instead of the default one. */
static void
test_gap (OdTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *folder = g_build_filename (f->dir, "elsewhere", "备份", NULL);
  g_autofree char *default_dir = backups_dir (f);
  g_autofree char *january = g_build_filename (folder, "office-monthly-2024-01.db", NULL);
  g_autofree char *held = NULL;
  const int days[][3] = { { 2024, 1, 8 }, { 2024, 1, 10 }, { 2024, 4, 2 } };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) now = day_at (days[i][0], days[i][1], days[i][2]);

      backup_day_expecting_new (db, folder, now);
    }
  g_assert_false (g_file_test (default_dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (january, G_FILE_TEST_IS_REGULAR));
  held = backup_day (january);
  g_assert_cmpstr (held, ==, "2024-01-10");
  /* Three dailies (all among the newest 14) and one monthly. */
  g_assert_cmpuint (od_test_count_files (folder), ==, 4);
}

/* A clock set back: dailies "from the future" are left alone, and today's
 * is made and kept even with 14 of them. Once the clock is right again,
 * that daily is the newest of its month and becomes the monthly (renamed,
 * as it is no longer among the 14 newest). */
static void
test_clock_back (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GDateTime) start = day_at (2025, 6, 1);
  g_autoptr(GDateTime) back = day_at (2025, 3, 1);
  g_autoptr(GDateTime) right_again = day_at (2025, 6, 21);
  g_autofree char *dir = backups_dir (f);
  g_autofree char *daily = g_build_filename (dir, "office-daily-2025-03-01.db", NULL);
  g_autofree char *monthly = g_build_filename (dir, "office-monthly-2025-03.db", NULL);
  g_autofree char *held = NULL;

  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, i);

      backup_day_expecting_new (db, NULL, now);
    }
  g_assert_cmpuint (od_test_count_files (dir), ==, 14);

  backup_day_expecting_new (db, NULL, back);
  g_assert_cmpuint (od_test_count_files (dir), ==, 15);

  backup_day_expecting_new (db, NULL, right_again);
  g_assert_false (g_file_test (daily, G_FILE_TEST_EXISTS));
  held = backup_day (monthly);
  g_assert_cmpstr (held, ==, "2025-03-01");
  g_assert_cmpuint (od_test_count_files (dir), ==, 14 + 1);
}

static void
test_list (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backups_dir (f);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) first = day_at (2024, 1, 25);
  const char *const expected[][2] = {
    { "office-daily-2024-02-10.db", "daily" },
    { "office-20240209-181500-before-import-2.db", "before-import" },
    { "office-20240209-181500-before-import.db", "before-import" },
    { "office-daily-2024-02-09.db", "daily" },
  };
  OdBackupInfo *info;

  for (int i = 0; i < 17; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (first, i);

      backup_day_expecting_new (db, NULL, now);
    }
  write_file (dir, "office-20240209-181500-before-import.db", "x");
  write_file (dir, "office-20240209-181500-before-import-2.db", "xy");
  write_file (dir, "office-20231105-090000-before-migration.db", "xyz");
  write_file (dir, "office-20240101-120000-manual.db", "manual");
  write_file (dir, "other-daily-2024-02-10.db", "another database");
  write_file (dir, "readme.txt", "not a backup");

  list = od_backup_list (f->path, NULL, &error);
  g_assert_no_error (error);
  /* 14 dailies, January's monthly, four occasional ones. */
  g_assert_cmpuint (list->len, ==, 14 + 1 + 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (dir, expected[i][0], NULL);

      info = g_ptr_array_index (list, i);
      g_assert_cmpstr (info->path, ==, path);
      g_assert_cmpstr (info->kind, ==, expected[i][1]);
    }
  info = g_ptr_array_index (list, 2);
  g_assert_cmpint (info->size, ==, 1);
  g_assert_cmpint (g_date_time_get_hour (info->date), ==, 18);
  g_assert_cmpint (g_date_time_get_minute (info->date), ==, 15);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->size, >, 1000);
  g_assert_cmpint (g_date_time_get_day_of_month (info->date), ==, 10);

  for (guint i = 0; i < list->len; i++)
    {
      info = g_ptr_array_index (list, i);
      g_test_message ("%s %s", info->kind, info->path);
      g_assert_null (strstr (info->path, "other-"));
      g_assert_null (strstr (info->path, "readme"));
      g_assert_cmpint (info->size, >, 0);
    }
  /* January's monthly sorts as the end of January: between the dailies of
   * February 1 and January 31. */
  info = g_ptr_array_index (list, 11);
  g_assert_cmpstr (info->kind, ==, "daily");
  g_assert_cmpint (g_date_time_get_month (info->date), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (info->date), ==, 1);
  info = g_ptr_array_index (list, 12);
  g_assert_cmpstr (info->kind, ==, "monthly");
  g_assert_cmpint (g_date_time_get_month (info->date), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (info->date), ==, 1);
  info = g_ptr_array_index (list, 13);
  g_assert_cmpstr (info->kind, ==, "daily");
  g_assert_cmpint (g_date_time_get_day_of_month (info->date), ==, 31);
  info = g_ptr_array_index (list, 17);
  g_assert_cmpstr (info->kind, ==, "manual");
  info = g_ptr_array_index (list, 18);
  g_assert_cmpstr (info->kind, ==, "before-migration");
}

static void
test_list_missing_folder (OdTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = od_backup_list (f->path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_folder_is_file (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = day_at (2024, 5, 6);
  g_autofree char *file = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *made = NULL;
  g_autoptr(GPtrArray) list = NULL;

  write_file (f->dir, "not-a-folder", "text");
  g_assert_false (od_backup_daily (db, file, now, &made, &error));
  g_assert_error (error, OD_BACKUP_ERROR, OD_BACKUP_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  g_assert_null (made);
  g_clear_error (&error);

  list = od_backup_list (f->path, file, &error);
  g_assert_error (error, OD_BACKUP_ERROR, OD_BACKUP_ERROR_FOLDER);
  g_assert_null (list);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/backup/rotation", test_rotation);
  OD_TEST_ADD ("/backup/same-day", test_same_day);
  OD_TEST_ADD ("/backup/gap", test_gap);
  OD_TEST_ADD ("/backup/clock-back", test_clock_back);
  OD_TEST_ADD ("/backup/list", test_list);
  OD_TEST_ADD ("/backup/list-missing-folder", test_list_missing_folder);
  OD_TEST_ADD ("/backup/folder-is-file", test_folder_is_file);

  return g_test_run ();
}
