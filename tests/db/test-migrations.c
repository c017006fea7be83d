/* test-migrations.c — schema migrations, the shared tables, settings, demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-audit.h"
#include "od-db.h"
#include "od-demo.h"
#include "od-lookup-store.h"
#include "od-settings-store.h"
#include "od-test-util.h"

static const OdMigration v1[] = {
  { 1, "0001-test.sql", "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);" },
};
static const OdMigration v2[] = {
  { 1, "0001-test.sql", "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);" },
  { 2, "0002-test.sql", "ALTER TABLE t ADD COLUMN y TEXT; UPDATE t SET y = 'seven';" },
};
static const OdMigration v2_broken[] = {
  { 1, "0001-test.sql", "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);" },
  { 2, "0002-broken.sql", "CREATE TABLE u (z); UPDATE t SET x = 8; INSERT INTO missing VALUES (1);" },
};

static gint64
query (OdDb       *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (od_db_query_int64 (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

static OdDb *
open_with (const char        *path,
           const OdMigration *migrations,
           guint              n)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open_with_migrations (path, OD_DB_OPEN_CREATE, migrations, n, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_fresh (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) tables = NULL;
  const char *expected[] = { "areas", "audit_log", "categories", "settings", "trash" };

  g_assert_no_error (error);
  tables = od_db_list_tables (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < tables->len; j++)
        found |= g_str_equal (g_ptr_array_index (tables, j), expected[i]);
      g_assert_true (found);
    }

  /* Baoji's 13 areas (GB/T 2260) and the 14 civil-affairs categories. */
  g_assert_cmpint (query (db, "SELECT count(*) FROM areas"), ==, 13);
  g_assert_cmpint (query (db, "SELECT count(*) FROM areas WHERE level = 'county'"), ==, 8);
  g_assert_cmpint (query (db, "SELECT count(*) FROM categories"), ==, 14);
  g_assert_cmpint (query (db, "SELECT count(DISTINCT uuid) FROM areas"), ==, 13);
  g_assert_cmpint (query (db, "PRAGMA application_id"), !=, 0);
  g_assert_cmpint (query (db, "SELECT count(*) FROM areas WHERE created_at NOT GLOB "
                              "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'"), ==, 0);
}

static void
test_idempotent (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *first = NULL;
  OdDb *db;

  db = od_db_open (f->path, OD_DB_OPEN_CREATE, NULL);
  g_object_unref (db);
  first = od_test_file_checksum (f->path);

  db = od_db_open (f->path, OD_DB_OPEN_DEFAULT, NULL);
  g_assert_nonnull (db);
  g_assert_null (od_db_get_backup_path (db));
  g_assert_cmpuint (od_db_get_schema_version (db), ==, od_db_get_latest_version ());
  g_assert_cmpint (query (db, "SELECT count(*) FROM areas"), ==, 13);
  g_object_unref (db);

  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (first, ==, od_test_file_checksum (f->path));
}

static void
test_backup_before_migration (OdTestFixture *f,
                              gconstpointer  data)
{
  OdDb *db = open_with (f->path, v1, G_N_ELEMENTS (v1));
  g_autofree char *backup = NULL;

  g_assert_cmpuint (od_db_get_schema_version (db), ==, 1);
  g_assert_null (od_db_get_backup_path (db));
  g_object_unref (db);

  db = open_with (f->path, v2, G_N_ELEMENTS (v2));
  g_assert_cmpuint (od_db_get_schema_version (db), ==, 2);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t WHERE y = 'seven'"), ==, 1);
  backup = g_strdup (od_db_get_backup_path (db));
  g_object_unref (db);

  /* The backup is the database as it was: version 1, no column y. */
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->dir));
  g_assert_nonnull (strstr (backup, "before-migration"));
  db = open_with (backup, v1, G_N_ELEMENTS (v1));
  g_assert_cmpuint (od_db_get_schema_version (db), ==, 1);
  g_assert_cmpint (query (db, "SELECT count(*) FROM pragma_table_info('t') WHERE name = 'y'"), ==, 0);
  g_object_unref (db);
}

static void
test_failed_migration_rolls_back (OdTestFixture *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = open_with (f->path, v1, G_N_ELEMENTS (v1));

  g_object_unref (db);
  db = od_db_open_with_migrations (f->path, OD_DB_OPEN_DEFAULT, v2_broken,
                                   G_N_ELEMENTS (v2_broken), &error);
  g_assert_null (db);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "0002-broken.sql"));

  db = open_with (f->path, v1, G_N_ELEMENTS (v1));
  g_assert_cmpuint (od_db_get_schema_version (db), ==, 1);
  g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_master WHERE name = 'u'"), ==, 0);
  g_assert_cmpint (query (db, "SELECT x FROM t"), ==, 7);
  g_object_unref (db);
}

static void
test_newer_than_program (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  OdDb *db = open_with (f->path, v2, G_N_ELEMENTS (v2));

  g_assert_true (od_db_exec (db, "PRAGMA journal_mode = DELETE", NULL));
  g_object_unref (db);
  before = od_test_file_checksum (f->path);

  db = od_db_open_with_migrations (f->path, OD_DB_OPEN_DEFAULT, v1, G_N_ELEMENTS (v1), &error);
  g_assert_null (db);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_NEWER_SCHEMA);
  g_assert_cmpstr (before, ==, od_test_file_checksum (f->path));
}

static void
test_settings_audit (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  OdAuditEntry *entry;

  g_assert_null (od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, &error));
  g_assert_no_error (error);

  g_assert_true (od_settings_set (db, OD_SETTING_ASSOCIATION_NAME, "宝鸡市社会组织促进会", &error));
  g_assert_true (od_settings_set (db, OD_SETTING_ASSOCIATION_NAME, "渭南市社会组织促进会", &error));
  /* Setting the same value again is no change and writes no entry. */
  g_assert_true (od_settings_set (db, OD_SETTING_ASSOCIATION_NAME, "渭南市社会组织促进会", &error));
  g_assert_no_error (error);

  value = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (value, ==, "渭南市社会组织促进会");

  entries = od_audit_list_for_row (db, "settings", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_nonnull (strstr (entry->actor, "@"));
  g_assert_cmpstr (entry->changes, ==,
                   "{\"association_name\":[\"宝鸡市社会组织促进会\",\"渭南市社会组织促进会\"]}");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->changes, ==, "{\"association_name\":[null,\"宝鸡市社会组织促进会\"]}");
}

static void
test_lookups (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, NULL);
  g_autoptr(GPtrArray) areas = od_lookup_list_areas (db, NULL);
  g_autoptr(GPtrArray) categories = od_lookup_list_categories (db, NULL);
  g_autofree char *fengxiang = od_lookup_area_name (db, "610322", NULL);
  g_autofree char *weibin = od_lookup_area_name (db, "610302", NULL);
  g_autofree char *nowhere = od_lookup_area_name (db, "110101", NULL);
  OdArea *first;

  g_assert_cmpuint (areas->len, ==, 13);
  first = g_ptr_array_index (areas, 0);
  g_assert_cmpstr (first->code, ==, "610300");
  g_assert_cmpstr (first->name, ==, "宝鸡市");
  g_assert_cmpuint (categories->len, ==, 14);
  g_assert_cmpstr (((OdCategory *) g_ptr_array_index (categories, 0))->name, ==, "工商服务业/行业协会商会");

  /* 凤翔 became a district in 2021: its old county code still resolves. */
  g_assert_cmpstr (fengxiang, ==, "凤翔区");
  g_assert_cmpstr (weibin, ==, "渭滨区");
  g_assert_null (nowhere);
}

static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, NULL);
  g_autoptr(OdDb) db2 = od_db_open (other, OD_DB_OPEN_CREATE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean empty = FALSE;
  const char *compare =
    "SELECT group_concat(key || '=' || value || '@' || updated_at, ';') FROM"
    " (SELECT * FROM settings ORDER BY key)";
  g_autoptr(OdStmt) a = NULL;
  g_autoptr(OdStmt) b = NULL;

  g_assert_true (od_demo_database_is_empty (db, &empty, &error));
  g_assert_true (empty);

  g_assert_true (od_db_exec (db, "UPDATE areas SET deleted_at = '2018-01-01T00:00:00Z' WHERE code = '610331'", NULL));
  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  name = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (name, ==, "宝鸡市社会组织促进会");
  g_assert_cmpint (query (db, "SELECT count(*) FROM areas WHERE deleted_at IS NULL"), ==, 13);
  g_assert_true (od_demo_database_is_empty (db, &empty, NULL));
  g_assert_false (empty);

  /* Not again over data, unless forced; forcing keeps a backup first. */
  g_assert_false (od_demo_load (db, FALSE, &error));
  g_assert_error (error, OD_DEMO_ERROR, OD_DEMO_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_true (od_demo_load (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (od_test_count_files (backups), ==, 1);

  /* Deterministic: another database gets the same rows. */
  g_assert_true (od_demo_load (db2, FALSE, &error));
  a = od_db_prepare (db, compare, NULL);
  b = od_db_prepare (db2, compare, NULL);
  g_assert_cmpint (od_stmt_step (a, NULL), ==, OD_STEP_ROW);
  g_assert_cmpint (od_stmt_step (b, NULL), ==, OD_STEP_ROW);
  g_assert_cmpstr (od_stmt_get_text (a, 0), ==, od_stmt_get_text (b, 0));
  g_assert_nonnull (strstr (od_stmt_get_text (a, 0), OD_DEMO_NOW));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/migrations/fresh", test_fresh);
  OD_TEST_ADD ("/migrations/idempotent", test_idempotent);
  OD_TEST_ADD ("/migrations/backup-first", test_backup_before_migration);
  OD_TEST_ADD ("/migrations/failure-rolls-back", test_failed_migration_rolls_back);
  OD_TEST_ADD ("/migrations/newer-than-program", test_newer_than_program);
  OD_TEST_ADD ("/settings/audit", test_settings_audit);
  OD_TEST_ADD ("/lookups/areas-categories", test_lookups);
  OD_TEST_ADD ("/demo/load", test_demo);

  return g_test_run ();
}
