/* test-files.c — the files OrgDesk reads and writes, given as a user types
 * them: relative names, the database under another name, devices and pipes,
 * folders, two processes at once, and who may read what is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <sqlite3.h>

#include "od-db.h"
#include "od-import.h"
#include "od-test-util.h"

/* --- helpers --- */

static gint64
count_rows (const char *db_path,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (db_path, OD_DB_OPEN_DEFAULT, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted_at IS NULL",
                                          table);
  gint64 n = -1;

  g_assert_no_error (error);
  g_assert_true (od_db_query_int64 (db, sql, &n, &error));
  g_assert_no_error (error);
  return n;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* --- relative names, one file under two names --- */

static void
test_restore_relative (OdTestFixture *f,
                       gconstpointer  data)
{
  OdTestRun r;

  r = od_test_run_cli_in (f->dir, "--db", "office.db", "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", "office.db", "backup", "-o", "empty.db", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", "office.db", "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpint (count_rows (f->path, "organizations"), >, 0);

  /* The backup, named as the user typed it, is a good backup. */
  r = od_test_run_cli_in (f->dir, "--db", "office.db", "restore", "empty.db", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpint (count_rows (f->path, "organizations"), ==, 0);

  r = od_test_run_cli_in (f->dir, "--db", "./office.db", "restore", "./backups/../empty.db", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
}

static void
test_backup_not_over_itself (OdTestFixture *f,
                             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *dotted = g_build_filename (f->dir, ".", "office.db", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.db", NULL);
  const char *names[] = { "./office.db", "office.db", dotted, "link.db" };
  OdTestRun r;

  r = od_test_run_cli_in (f->dir, "--db", f->path, "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpint (symlink ("office.db", link), ==, 0);
  before = od_test_file_checksum (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *after = NULL;

      r = od_test_run_cli_in (f->dir, "--db", f->path, "backup", "-o", names[i], NULL);
      g_assert_cmpint (r.status, !=, 0);
      g_assert_nonnull (strstr (r.err, "database itself"));
      od_test_run_clear (&r);
      after = od_test_file_checksum (f->path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_cmpint (count_rows (f->path, "organizations"), >, 0);
}

/* --- what is not a regular file --- */

static void
test_fifo_database (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.db", NULL);
  OdTestRun r;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  r = od_test_run_cli_in (f->dir, "--db", fifo, "info", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "not a regular file"));
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "restore", fifo, NULL);
  g_assert_cmpint (r.status, ==, 3);
  od_test_run_clear (&r);
}

typedef struct
{
  int         fd;
  GByteArray *bytes;
} FifoReader;

static gpointer
read_fifo_thread (gpointer user_data)
{
  FifoReader *reader = user_data;
  guint8 buffer[65536];
  ssize_t n;

  while ((n = read (reader->fd, buffer, sizeof buffer)) > 0)
    g_byte_array_append (reader->bytes, buffer, (guint) n);
  return NULL;
}

/* Each writer given a FIFO: it is still a FIFO afterwards, and the bytes went
 * through it. Renamed over, it would be a regular file (as /dev/null was).
 * The test holds the FIFO open at both ends while the command runs, so that
 * nothing blocks whatever the command does; the reader sees the end once the
 * command has exited and the test's own end is closed. */
static void
check_fifo_writer (OdTestFixture *f,
                   const char    *magic,
                   gsize          magic_length,
                   const char    *first,
                   ...)
{
  g_autofree char *fifo = g_build_filename (f->dir, "out.fifo", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  FifoReader reader = { -1, g_byte_array_new () };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GThread *thread;
  int wait_status = 0;
  int write_end;
  GStatBuf st;
  va_list args;

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader.fd = open (fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  g_assert_cmpint (reader.fd, >=, 0);
  write_end = open (fifo, O_WRONLY | O_CLOEXEC);
  g_assert_cmpint (write_end, >=, 0);
  g_assert_cmpint (fcntl (reader.fd, F_SETFL, 0), ==, 0);
  thread = g_thread_new ("fifo", read_fifo_thread, &reader);

  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "60");
  g_ptr_array_add (argv, (char *) g_getenv ("ORGDESK_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) "-o");
  g_ptr_array_add (argv, fifo);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (f->dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                &err, &wait_status, &error);
  close (write_end);
  g_thread_join (thread);
  close (reader.fd);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed: %s", first, err);

  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (reader.bytes->len, >, magic_length);
  g_assert_cmpmem (reader.bytes->data, magic_length, magic, magic_length);
  g_byte_array_unref (reader.bytes);
}

static void
test_writers_keep_fifo (OdTestFixture *f,
                        gconstpointer  data)
{
  OdTestRun r = od_test_run_cli_in (f->dir, "--db", f->path, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  check_fifo_writer (f, "SQLite format 3", 16, "--db", f->path, "backup", NULL);
  check_fifo_writer (f, "\xEF\xBB\xBF", 3, "--db", f->path, "export", "organizations", NULL);
  check_fifo_writer (f, "PK", 2, "--db", f->path, "export", "people", "--format", "xlsx", NULL);
  check_fifo_writer (f, "%PDF", 4, "report", "sample", NULL);
  check_fifo_writer (f, "\x89PNG", 4, "chart", "sample-bar", "--format", "png", NULL);
}

static void
test_writers_stdout_and_folders (OdTestFixture *f,
                                 gconstpointer  data)
{
  OdTestRun r = od_test_run_cli_in (f->dir, "--db", f->path, "demo", NULL);
  const char *folder = "a-folder";

  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  /* "-" is standard output, with nothing else on it. */
  r = od_test_run_cli_in (f->dir, "--db", f->path, "backup", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "SQLite format 3"));
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "export", "organizations", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "\xEF\xBB\xBF"));
  g_assert_null (strstr (r.out, "Written to"));
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "report", "sample", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "%PDF"));
  od_test_run_clear (&r);
  /* A chart needs to be told its type when the name cannot tell it. */
  r = od_test_run_cli_in (f->dir, "chart", "sample-bar", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--format"));
  od_test_run_clear (&r);

  /* A folder is refused, and stays a folder. */
  g_assert_cmpint (g_mkdir (g_build_filename (f->dir, folder, NULL), 0700), ==, 0);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "export", "organizations", "-o", folder, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "folder"));
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "backup", "-o", folder, NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "folder"));
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "chart", "sample-bar", "-o", "a-folder/../a-folder/", "--format", "png",
                  NULL);
  g_assert_cmpint (r.status, !=, 0);
  od_test_run_clear (&r);
  g_assert_true (g_file_test (g_build_filename (f->dir, folder, NULL), G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (od_test_count_files (g_build_filename (f->dir, folder, NULL)), ==, 0);
}

/* --- private files --- */

static void
test_private_files (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->dir, "new", "place", "office.db", NULL);
  g_autofree char *nested_dir = g_path_get_dirname (nested);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = NULL;
  mode_t old_mask = umask (022);
  OdTestRun r;

  r = od_test_run_cli_in (f->dir, "--db", f->path, "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);

  /* While open, the WAL and its index are as private as the file. */
  db = od_db_open (f->path, OD_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (od_db_exec (db, "UPDATE settings SET value = value", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_clear_object (&db);

  r = od_test_run_cli_in (f->dir, "--db", f->path, "backup", "-o", "copy.db", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (g_build_filename (f->dir, "copy.db", NULL)), ==, 0600);

  /* Full ID numbers are private; the masked list is an ordinary file. */
  r = od_test_run_cli_in (f->dir, "--db", f->path, "export", "people", "--full-id-numbers", "-o",
                  "full.csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (g_build_filename (f->dir, "full.csv", NULL)), ==, 0600);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "export", "people", "-o", "masked.csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (g_build_filename (f->dir, "masked.csv", NULL)), ==, 0644);

  /* Restore keeps the database private, and its backups folder too. */
  r = od_test_run_cli_in (f->dir, "--db", f->path, "restore", "copy.db", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (f->path), ==, 0600);
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  {
    GDir *dir = g_dir_open (backups, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);

        g_assert_cmpuint (file_mode (path), ==, 0600);
        n++;
      }
    g_dir_close (dir);
    g_assert_cmpuint (n, >, 0);
  }

  /* Folders OrgDesk makes for a new database are its owner's alone. */
  r = od_test_run_cli_in (f->dir, "--db", nested, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  g_assert_cmpuint (file_mode (nested_dir), ==, 0700);
  g_assert_cmpuint (file_mode (nested), ==, 0600);
  umask (old_mask);
}

/* --- two processes at once --- */

static const char org_csv[] =
  "单位名称,统一社会信用代码,所属区县\n"
  "宝鸡市测试一协会,,渭滨区\n"
  "宝鸡市测试二协会,,金台区\n";

/* Two imports started together both succeed: the second waits for the
 * first, each has its own backup, and neither deletes the other's files. */
static void
test_concurrent_imports (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autofree char *a = g_build_filename (f->dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.csv", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  const char *cli = g_getenv ("ORGDESK_CLI");
  OdTestRun r;

  write_text (a, org_csv);
  write_text (b, "单位名称,所属区县\n宝鸡市测试三协会,陈仓区\n");
  r = od_test_run_cli_in (f->dir, "--db", f->path, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  for (guint trial = 0; trial < 6; trial++)
    {
      const char *files[2] = { a, b };
      GPid pids[2];
      int err_fds[2];

      for (guint i = 0; i < 2; i++)
        {
          const char *argv[] = { cli, "--db", f->path, "import", "organizations", files[i],
                                 "--on-match", "update", NULL };
          g_autoptr(GError) error = NULL;

          g_spawn_async_with_pipes (f->dir, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                                    | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pids[i], NULL,
                                    NULL, &err_fds[i], &error);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          char message[4096] = "";
          ssize_t n = read (err_fds[i], message, sizeof message - 1);
          int status = 0;

          close (err_fds[i]);
          g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
          g_spawn_close_pid (pids[i]);
          if (n > 0)
            message[n] = '\0';
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            g_error ("trial %u, import %u: status %d: %s", trial, i, status, message);
        }
    }
  g_assert_cmpint (count_rows (f->path, "organizations"), ==, 3);

  /* 12 imports, 12 backups, each a complete database. */
  {
    GDir *dir = g_dir_open (backups, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (backups, name, NULL);
        g_autoptr(GError) error = NULL;

        if (!g_str_has_suffix (name, "-before-import.db") && strstr (name, "before-import") == NULL)
          continue;
        g_assert_true (od_db_check_file (path, &error));
        g_assert_no_error (error);
        n++;
      }
    g_dir_close (dir);
    g_assert_cmpuint (n, ==, 12);
  }
}

/* A writer that waited long enough is told, once and clearly, why. */
static void
test_busy_message (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "a.csv", NULL);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = NULL;
  OdImportOptions options;
  sqlite3 *other = NULL;

  write_text (csv, org_csv);
  db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  od_db_set_busy_timeout (db, 300);

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  od_import_options_init (&options);
  result = od_import_file (db, "organizations", csv, &options, &error);
  g_assert_null (result);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program is writing"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "organizations"), ==, 0);
}

/* --- imports with nothing in them --- */

static void
test_header_only_import (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "empty.csv", NULL);
  OdTestRun r;

  write_text (csv, "单位名称,统一社会信用代码\n");
  r = od_test_run_cli_in (f->dir, "--db", f->path, "init", NULL);
  od_test_run_clear (&r);
  r = od_test_run_cli_in (f->dir, "--db", f->path, "import", "organizations", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "(null)"));
  g_assert_nonnull (strstr (r.out, "no rows below the headers"));
  od_test_run_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/files/restore-relative", test_restore_relative);
  OD_TEST_ADD ("/files/backup-not-over-itself", test_backup_not_over_itself);
  OD_TEST_ADD ("/files/fifo-database", test_fifo_database);
  OD_TEST_ADD ("/files/writers-keep-fifo", test_writers_keep_fifo);
  OD_TEST_ADD ("/files/writers-stdout-and-folders", test_writers_stdout_and_folders);
  OD_TEST_ADD ("/files/private", test_private_files);
  OD_TEST_ADD ("/files/concurrent-imports", test_concurrent_imports);
  OD_TEST_ADD ("/files/busy-message", test_busy_message);
  OD_TEST_ADD ("/files/header-only-import", test_header_only_import);

  return g_test_run ();
}
