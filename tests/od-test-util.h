/* od-test-util.h — shared helpers for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* The full path of PROGRAM, which build-aux/dev test installs (from the Debian
 * package PACKAGE): in this project a missing tool fails the test rather
 * than skipping what it checks. */
static inline char *
od_test_require_program (const char *program,
                         const char *package)
{
  char *found = g_find_program_in_path (program);

  if (found == NULL)
    g_error ("%s is not installed: run the tests with build-aux/dev test, which installs "
             "the Debian package %s", program, package);
  return found;
}

/* A fresh folder per test, removed with everything in it at the end. */
static inline char *
od_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("orgdesk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
od_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          od_test_remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline char *
od_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline guint
od_test_count_files (const char *dir_path)
{
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* A fresh folder with the path of a database in it (not created). */
typedef struct
{
  char *dir;
  char *path;
} OdTestFixture;

static inline void
od_test_fixture_setup (OdTestFixture *f,
                       gconstpointer  data)
{
  f->dir = od_test_make_dir ();
  f->path = g_build_filename (f->dir, "office.db", NULL);
}

static inline void
od_test_fixture_teardown (OdTestFixture *f,
                          gconstpointer  data)
{
  od_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

#define OD_TEST_ADD(path, func) \
  g_test_add (path, OdTestFixture, NULL, od_test_fixture_setup, func, od_test_fixture_teardown)

/* orgdesk-cli run as a user would ($ORGDESK_CLI): exit status and output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} OdTestRun;

static inline void
od_test_run_clear (OdTestRun *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs orgdesk-cli in the folder CWD (NULL: this one) with ARGS, under
 * timeout(1) so that a command that hangs fails the test after a minute. */
static inline OdTestRun
od_test_run_cli_valist (const char *cwd,
                        const char *first,
                        va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ORGDESK_CLI");
  OdTestRun r = { 0 };
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "60");
  g_ptr_array_add (argv, (char *) cli);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  g_assert_cmpint (r.status, !=, 124);   /* timeout's: it hung */
  return r;
}

/* Runs orgdesk-cli with the NULL-terminated arguments. */
static inline OdTestRun
od_test_run_cli (const char *first,
                 ...)
{
  OdTestRun r;
  va_list args;

  va_start (args, first);
  r = od_test_run_cli_valist (NULL, first, args);
  va_end (args);
  return r;
}

/* The same in the folder CWD, for relative names. */
static inline OdTestRun
od_test_run_cli_in (const char *cwd,
                    const char *first,
                    ...)
{
  OdTestRun r;
  va_list args;

  va_start (args, first);
  r = od_test_run_cli_valist (cwd, first, args);
  va_end (args);
  return r;
}
