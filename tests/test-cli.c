/* test-cli.c — orgdesk-cli: commands, output and exit codes (DESIGN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = od_test_make_dir ();
  f->db = g_build_filename (f->dir, "office.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  od_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs orgdesk-cli with the NULL-terminated arguments. */
static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ORGDESK_CLI");
  Result r = { 0 };
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  Result r = run (NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "check-code"));
  result_clear (&r);

  r = run ("--db", f->db, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  result_clear (&r);

  r = run ("--db", f->db, "info", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  r = run ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "restore"));
  result_clear (&r);
}

static void
test_check_code (Fixture       *f,
                 gconstpointer  data)
{
  Result r;
  g_auto(GStrv) lines = NULL;

  /* No database is needed, or touched. */
  r = run ("--db", f->db, "check-code", "516103000812345619", "110101199003074477", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "valid"));
  /* ID numbers are masked in output. */
  g_assert_nonnull (strstr (lines[1], "110101********4477"));
  g_assert_null (strstr (r.out, "110101199003074477"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  result_clear (&r);

  /* One bad check character: exit 1, the expected character named. */
  r = run ("check-code", "516103000812345619", "51610300081234561A", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "invalid"));
  g_assert_nonnull (strstr (r.out, "“9”"));
  result_clear (&r);

  r = run ("check-code", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
}

static void
test_init_info (Fixture       *f,
                gconstpointer  data)
{
  Result r = run ("--db", f->db, "init", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);

  r = run ("--db", f->db, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"schema_version\": 1"));
  g_assert_nonnull (strstr (r.out, "\"areas\": 13"));
  g_assert_nonnull (strstr (r.out, "\"categories\": 14"));
  g_assert_nonnull (strstr (r.out, "\"association_name\": null"));
  result_clear (&r);

  /* ORGDESK_DB is honoured when --db is absent. */
  g_setenv ("ORGDESK_DB", f->db, TRUE);
  r = run ("info", NULL);
  g_unsetenv ("ORGDESK_DB");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, f->db));
  result_clear (&r);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Result r;

  g_assert_true (g_file_set_contents (f->db, "名称,代码\n宝鸡市江苏商会,1\n", -1, NULL));
  before = od_test_file_checksum (f->db);
  r = run ("--db", f->db, "info", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "office.db"));
  after = od_test_file_checksum (f->db);
  g_assert_cmpstr (before, ==, after);
  result_clear (&r);

  r = run ("--db", missing, "info", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&r);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  Result r = run ("--db", f->db, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run ("--db", f->db, "info", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"association_name\": \"宝鸡市社会组织促进会\""));
  result_clear (&r);

  r = run ("--db", f->db, "demo", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--force"));
  result_clear (&r);

  r = run ("--db", f->db, "demo", "--force", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "saved.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  Result r = run ("--db", f->db, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run ("--db", f->db, "backup", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  r = run ("--db", f->db, "backup", "-o", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);

  /* Change the database, then restore: the change is gone, the old file kept. */
  r = run ("--db", f->db, "demo", "--force", NULL);
  result_clear (&r);
  r = run ("--db", f->db, "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "before-restore"));
  result_clear (&r);

  r = run ("--db", f->db, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "宝鸡市社会组织促进会"));
  result_clear (&r);

  g_assert_true (g_file_set_contents (garbage, "PK\003\004 an xlsx, not a backup", -1, NULL));
  r = run ("--db", f->db, "restore", garbage, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "garbage.db"));
  result_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/usage", test_usage);
  ADD ("/cli/check-code", test_check_code);
  ADD ("/cli/init-info", test_init_info);
  ADD ("/cli/refusals", test_refusals);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/backup-restore", test_backup_restore);

#undef ADD
  return g_test_run ();
}
