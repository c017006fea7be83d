/* test-cli.c — orgdesk-cli: commands, output and exit codes (DESIGN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-db.h"
#include "od-test-util.h"

static void
test_usage (OdTestFixture *f,
            gconstpointer  data)
{
  OdTestRun r = od_test_run_cli (NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "check-code"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "info", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "restore"));
  od_test_run_clear (&r);
}

static void
test_check_code (OdTestFixture *f,
                 gconstpointer  data)
{
  OdTestRun r;
  g_auto(GStrv) lines = NULL;

  /* No database is needed, or touched. */
  r = od_test_run_cli ("--db", f->path, "check-code", "516103000812345619", "110101199003074477", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "valid"));
  /* ID numbers are masked in output. */
  g_assert_nonnull (strstr (lines[1], "110101********4477"));
  g_assert_null (strstr (r.out, "110101199003074477"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);

  /* One bad check character: exit 1, the expected character named. */
  r = od_test_run_cli ("check-code", "516103000812345619", "51610300081234561A", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "invalid"));
  g_assert_nonnull (strstr (r.out, "“9”"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("check-code", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
}

static void
test_init_info (OdTestFixture *f,
                gconstpointer  data)
{
  OdTestRun r = od_test_run_cli ("--db", f->path, "init", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *version = g_strdup_printf ("\"schema_version\": %u", od_db_get_latest_version ());

    g_assert_nonnull (strstr (r.out, version));
  }
  g_assert_nonnull (strstr (r.out, "\"areas\": 13"));
  g_assert_nonnull (strstr (r.out, "\"categories\": 14"));
  g_assert_nonnull (strstr (r.out, "\"association_name\": null"));
  od_test_run_clear (&r);

  /* ORGDESK_DB is honoured when --db is absent. */
  g_setenv ("ORGDESK_DB", f->path, TRUE);
  r = od_test_run_cli ("info", NULL);
  g_unsetenv ("ORGDESK_DB");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, f->path));
  od_test_run_clear (&r);
}

static void
test_refusals (OdTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OdTestRun r;

  g_assert_true (g_file_set_contents (f->path, "名称,代码\n宝鸡市江苏商会,1\n", -1, NULL));
  before = od_test_file_checksum (f->path);
  r = od_test_run_cli ("--db", f->path, "info", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "office.db"));
  after = od_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", missing, "info", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);
}

static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  OdTestRun r = od_test_run_cli ("--db", f->path, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "info", "--json", NULL);
  g_assert_nonnull (strstr (r.out, "\"association_name\": \"宝鸡市社会组织促进会\""));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "demo", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--force"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "demo", "--force", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
}

static void
test_backup_restore (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "saved.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "new.csv", NULL);
  g_autofree char *kept = NULL;
  OdTestRun r = od_test_run_cli ("--db", f->path, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "backup", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "backup", "-o", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  od_test_run_clear (&r);

  /* Change the database for real (a new organization), then restore: the
   * change is gone, and the file replaced is kept with the change in it. */
  g_assert_true (g_file_set_contents (csv, "单位名称,所属区县\n宝鸡市恢复测试新协会,渭滨区\n", -1,
                                      NULL));
  r = od_test_run_cli ("--db", f->path, "import", "organizations", csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "organizations", NULL);
  g_assert_nonnull (strstr (r.out, "宝鸡市恢复测试新协会"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "restore", backup, NULL);
  g_assert_cmpint (r.status, ==, 0);
  kept = strstr (r.out, "before-restore") != NULL ? g_strdup (r.out) : NULL;
  g_assert_nonnull (kept);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "宝鸡市恢复测试新协会"));
  g_assert_nonnull (strstr (r.out, "宝鸡市江苏商会"));
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "宝鸡市社会组织促进会"));
  od_test_run_clear (&r);

  /* The kept file is the database as it was, with the new organization. */
  {
    const char *start = strstr (kept, "/backups/");
    g_autofree char *kept_path = NULL;
    g_autofree char *kept_name = NULL;

    g_assert_nonnull (start);
    kept_name = g_strndup (start + strlen ("/backups/"), strcspn (start, "\n") - strlen ("/backups/"));
    kept_path = g_build_filename (f->dir, "backups", kept_name, NULL);
    r = od_test_run_cli ("--db", kept_path, "export", "organizations", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "宝鸡市恢复测试新协会"));
    od_test_run_clear (&r);
  }

  g_assert_true (g_file_set_contents (garbage, "PK\003\004 an xlsx, not a backup", -1, NULL));
  r = od_test_run_cli ("--db", f->path, "restore", garbage, NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_nonnull (strstr (r.err, "garbage.db"));
  od_test_run_clear (&r);
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL) || size < length)
    return FALSE;
  return memcmp (contents, magic, length) == 0;
}

static void
test_chart (OdTestFixture *f,
            gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "bar.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "radar.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "pie.svg", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "bar.txt", NULL);
  OdTestRun r;

  r = od_test_run_cli ("chart", "--list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "sample-radar"));
  od_test_run_clear (&r);

  /* Sample charts need no database, and make none. */
  r = od_test_run_cli ("--db", f->path, "chart", "sample", "-o", png, "--width", "640", "--height", "400", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (file_starts_with (png, "\x89PNG", 4));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);

  r = od_test_run_cli ("chart", "sample-radar", "--lang", "zh_CN", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  od_test_run_clear (&r);

  r = od_test_run_cli ("chart", "sample-pie", "--lang", "en", "-o", svg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (file_starts_with (svg, "<?xml", 5));
  od_test_run_clear (&r);

  /* Usage errors: exit 2, nothing written. */
  r = od_test_run_cli ("chart", "sample", "-o", txt, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);
  r = od_test_run_cli ("chart", "no-such-chart", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "no-such-chart"));
  od_test_run_clear (&r);
  r = od_test_run_cli ("chart", "sample", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
  r = od_test_run_cli ("chart", "sample", "--lang", "fr", "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
}

static void
test_report (OdTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "sample.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *command = NULL;
  OdTestRun r;

  r = od_test_run_cli ("report", "sample", "--lang", "zh_CN", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  od_test_run_clear (&r);

  g_free (od_test_require_program ("pdfinfo", "poppler-utils"));
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  /* Ten charts and a 300-row table make many pages. */
  g_assert_true (g_regex_match_simple ("Pages:\\s+([1-9][0-9]|[6-9])\\b", out, 0, 0));

  r = od_test_run_cli ("report", "nothing", "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/cli/usage", test_usage);
  OD_TEST_ADD ("/cli/check-code", test_check_code);
  OD_TEST_ADD ("/cli/init-info", test_init_info);
  OD_TEST_ADD ("/cli/refusals", test_refusals);
  OD_TEST_ADD ("/cli/demo", test_demo);
  OD_TEST_ADD ("/cli/backup-restore", test_backup_restore);
  OD_TEST_ADD ("/cli/chart", test_chart);
  OD_TEST_ADD ("/cli/report", test_report);

  return g_test_run ();
}
