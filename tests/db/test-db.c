/* test-db.c — OdDb: open, refusals, statements, transactions, backup, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sqlite3.h>

#include "od-db.h"
#include "od-import.h"
#include "od-test-util.h"

static OdDb *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

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

static void
write_raw_sqlite (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* Opens PATH expecting CODE, and checks the file was not touched. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = od_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = NULL;

  db = od_db_open (path, OD_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, OD_DB_ERROR, code);
  /* The message names the file and says what to do. */
  g_assert_nonnull (strstr (error->message, "office.db"));
  after = od_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_create (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "new.db", NULL);
  g_autoptr(OdDb) db = open_ok (nested);
  g_autoptr(OdStmt) stmt = NULL;

  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (od_db_get_schema_version (db), ==, od_db_get_latest_version ());
  g_assert_cmpuint (od_db_get_latest_version (), >=, 1);
  g_assert_null (od_db_get_backup_path (db));
  g_assert_cmpint (query (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query (db, "PRAGMA user_version"), ==, od_db_get_latest_version ());

  stmt = od_db_prepare (db, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (od_stmt_step (stmt, NULL), ==, OD_STEP_ROW);
  g_assert_cmpstr (od_stmt_get_text (stmt, 0), ==, "wal");
}

static void
test_open_missing (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_open_empty_file (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  db = open_ok (f->path);
  g_assert_cmpuint (od_db_get_schema_version (db), ==, od_db_get_latest_version ());
}

static void
test_open_folder (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->dir, OD_DB_OPEN_CREATE, &error);

  g_assert_null (db);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN);
}

static void
test_refuse_garbage (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, (char *) bytes, sizeof bytes, NULL));
  assert_refused (f->path, OD_DB_ERROR_NOT_DATABASE);

  /* A short text file (a CSV picked by mistake) too. */
  g_assert_true (g_file_set_contents (f->path, "单位名称,统一社会信用代码\n", -1, NULL));
  assert_refused (f->path, OD_DB_ERROR_NOT_DATABASE);
}

static void
test_refuse_other_sqlite (OdTestFixture *f,
                          gconstpointer  data)
{
  write_raw_sqlite (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (f->path, OD_DB_ERROR_NOT_DATABASE);
}

static void
test_refuse_newer (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;

  g_object_unref (open_ok (f->path));
  sql = g_strdup_printf ("PRAGMA user_version = %u", od_db_get_latest_version () + 1);
  write_raw_sqlite (f->path, sql);
  write_raw_sqlite (f->path, "PRAGMA journal_mode = DELETE");
  assert_refused (f->path, OD_DB_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_read_only_file (OdTestFixture *f,
                            gconstpointer  data)
{
  OdDb *db = open_ok (f->path);

  g_object_unref (db);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  assert_refused (f->path, OD_DB_ERROR_READ_ONLY);
  g_chmod (f->path, 0644);
}

static void
test_refuse_read_only_folder (OdTestFixture *f,
                              gconstpointer  data)
{
  OdDb *db = open_ok (f->path);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autoptr(GError) error = NULL;

  g_object_unref (db);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  assert_refused (f->path, OD_DB_ERROR_READ_ONLY);

  g_assert_null (od_db_open (fresh, OD_DB_OPEN_CREATE, &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_READ_ONLY);
  g_chmod (f->dir, 0755);
}

static void
test_refuse_corrupt (OdTestFixture *f,
                     gconstpointer  data)
{
  OdDb *db = open_ok (f->path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (od_db_exec (db,
                             "CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT);"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                             " INSERT INTO filler (text) SELECT printf('row %d of filler text', i) FROM n;"
                             "PRAGMA journal_mode = DELETE;", NULL));
  g_object_unref (db);

  /* Scribble over the middle pages, leaving the header intact. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  for (gsize i = 3 * 4096; i < length - 4096; i += 7)
    contents[i] = (char) 0xA5;
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  assert_refused (f->path, OD_DB_ERROR_CORRUPT);
}

static void
test_statements (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(OdDb) db = open_ok (f->path);
  g_autoptr(OdStmt) insert = NULL;
  g_autoptr(OdStmt) select = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (od_db_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER)", NULL));
  insert = od_db_prepare (db, "INSERT INTO t (name, n) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);

  /* Binds are 1-based: ?1 is the name, ?2 the number. */
  g_assert_true (od_stmt_bind_text (insert, 1, "宝鸡市养生协会'); DROP TABLE t; --", NULL));
  g_assert_true (od_stmt_bind_int64 (insert, 2, 42, NULL));
  g_assert_cmpint (od_stmt_step (insert, &error), ==, OD_STEP_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (od_db_last_insert_rowid (db), ==, 1);

  /* The same name again: a constraint error, told apart from "done". */
  od_stmt_reset (insert, NULL);
  g_assert_true (od_stmt_bind_text (insert, 1, "宝鸡市养生协会'); DROP TABLE t; --", NULL));
  g_assert_true (od_stmt_bind_null (insert, 2, NULL));
  g_assert_cmpint (od_stmt_step (insert, &error), ==, OD_STEP_ERROR);
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Out-of-range binds fail instead of binding somewhere else. */
  g_assert_false (od_stmt_bind_int64 (insert, 3, 1, &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_FAILED);
  g_clear_error (&error);

  select = od_db_prepare (db, "SELECT name, n FROM t WHERE id = ?1", NULL);
  g_assert_true (od_stmt_bind_int64 (select, 1, 1, NULL));
  g_assert_cmpint (od_stmt_step (select, NULL), ==, OD_STEP_ROW);
  g_assert_cmpstr (od_stmt_get_text (select, 0), ==, "宝鸡市养生协会'); DROP TABLE t; --");
  g_assert_cmpint (od_stmt_get_int64 (select, 1), ==, 42);
  g_assert_cmpstr (od_stmt_column_name (select, 1), ==, "n");
  g_assert_cmpint (od_stmt_step (select, NULL), ==, OD_STEP_DONE);

  g_assert_null (od_db_prepare (db, "SELEC nonsense", &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_FAILED);
}

static gboolean
insert_then (OdDb       *db,
             const char *name,
             gboolean    succeed,
             GError    **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "INSERT INTO t (name) VALUES (?1)", error);

  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, name, error) || !od_stmt_run (stmt, error))
    return FALSE;
  if (!succeed)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled on purpose");
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_ok_cb (OdDb *db, gpointer data, GError **error)
{
  return insert_then (db, data, TRUE, error);
}

static gboolean
insert_fail_cb (OdDb *db, gpointer data, GError **error)
{
  return insert_then (db, data, FALSE, error);
}

static gboolean
nested_cb (OdDb     *db,
           gpointer  data,
           GError  **error)
{
  g_autoptr(GError) inner_error = NULL;

  if (!insert_then (db, "outer", TRUE, error))
    return FALSE;
  /* The inner failure rolls back only the inner savepoint. */
  g_assert_false (od_db_transaction (db, insert_fail_cb, "inner", &inner_error));
  g_assert_error (inner_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  return od_db_transaction (db, insert_ok_cb, "inner-ok", error);
}

static void
test_transactions (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(OdDb) db = open_ok (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (od_db_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)", NULL));

  g_assert_true (od_db_transaction (db, insert_ok_cb, "committed", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t WHERE name = 'committed'"), ==, 1);

  g_assert_false (od_db_transaction (db, insert_fail_cb, "rolled-back", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t WHERE name = 'rolled-back'"), ==, 0);

  /* A failing statement inside: its own error comes back, nothing is kept. */
  g_assert_false (od_db_transaction (db, insert_ok_cb, "committed", &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (od_db_transaction (db, nested_cb, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t WHERE name IN ('outer', 'inner-ok')"), ==, 2);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t WHERE name = 'inner'"), ==, 0);
  g_assert_cmpint (query (db, "SELECT count(*) FROM t"), ==, 3);
}

static void
test_backup (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = open_ok (f->path);
  g_autofree char *dest = g_build_filename (f->dir, "copies", "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) copy = NULL;

  g_assert_true (od_db_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);", NULL));
  g_assert_true (od_db_backup_to (db, dest, &error));
  g_assert_no_error (error);

  copy = open_ok (dest);
  g_assert_cmpint (query (copy, "SELECT sum(x) FROM t"), ==, 6);
  g_assert_true (od_db_check_file (dest, &error));
  g_assert_no_error (error);

  /* Never over the database itself. */
  g_assert_false (od_db_backup_to (db, f->path, &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP);
}

static void
test_restore (OdTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  OdDb *db = open_ok (f->path);

  g_assert_true (od_db_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL));
  g_assert_true (od_db_backup_to (db, backup, NULL));
  g_assert_true (od_db_exec (db, "INSERT INTO t VALUES (2);", NULL));
  g_object_unref (db);

  /* A file that is not a backup is refused and the database is untouched. */
  g_assert_true (g_file_set_contents (garbage, "not a database at all", -1, NULL));
  before = od_test_file_checksum (f->path);
  g_assert_false (od_db_restore_file (f->path, garbage, &kept, &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  g_assert_null (kept);
  after = od_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (od_db_restore_file (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  db = open_ok (f->path);
  g_assert_cmpint (query (db, "SELECT sum(x) FROM t"), ==, 1);
  g_object_unref (db);

  /* The database as it was before the restore is kept, with both rows. */
  db = open_ok (kept);
  g_assert_cmpint (query (db, "SELECT sum(x) FROM t"), ==, 3);
  g_object_unref (db);
}

/* A damaged backup is refused before anything is touched. */
static void
test_restore_refuses_corrupt (OdTestFixture *f,
                              gconstpointer  data)
{
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  OdDb *db = open_ok (f->path);

  g_assert_true (od_db_exec (db,
                             "CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT);"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                             " INSERT INTO filler (text) SELECT printf('row %d of filler text', i) FROM n;",
                             NULL));
  g_assert_true (od_db_backup_to (db, damaged, NULL));
  g_object_unref (db);

  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  for (gsize i = 3 * 4096; i < length - 4096; i += 7)
    contents[i] = (char) 0xA5;
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));

  before = od_test_file_checksum (f->path);
  g_assert_false (od_db_restore_file (f->path, damaged, NULL, &error));
  g_assert_error (error, OD_DB_ERROR, OD_DB_ERROR_CORRUPT);
  after = od_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_now (OdTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(OdDb) db = open_ok (f->path);
  g_autofree char *now = od_db_now (db);
  g_autofree char *fixed = NULL;

  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", now, 0, 0));
  od_db_set_fixed_now (db, "2017-10-19T08:00:00Z");
  fixed = od_db_now (db);
  g_assert_cmpstr (fixed, ==, "2017-10-19T08:00:00Z");
}

/* A statement is prepared once per connection: freed, it is reset and
 * handed out again; one still in use gets a second statement; a statement
 * held past the connection's close is still freed safely. */
static void
test_statement_cache (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  const char *sql = "SELECT count(*) FROM sqlite_master WHERE type = ?1";
  OdStmt *outer, *inner, *again, *held;
  guint before;

  g_assert_no_error (error);
  before = od_db_get_n_prepared (db);
  outer = od_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_db_get_n_prepared (db), ==, before + 1);
  g_assert_true (od_stmt_bind_text (outer, 1, "table", &error));
  g_assert_cmpint (od_stmt_step (outer, &error), ==, OD_STEP_ROW);

  /* In use: the same SQL needs a statement of its own. */
  inner = od_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (inner != outer);
  g_assert_cmpuint (od_db_get_n_prepared (db), ==, before + 2);
  od_stmt_free (inner);

  /* Freed half-way (a row not read to the end): reset, values cleared,
   * and the same statement comes back without compiling again. */
  od_stmt_free (outer);
  again = od_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == outer);
  g_assert_cmpuint (od_db_get_n_prepared (db), ==, before + 2);
  g_assert_cmpint (od_stmt_step (again, &error), ==, OD_STEP_ROW);
  /* ?1 was cleared: NULL matches no type. */
  g_assert_cmpint (od_stmt_get_int64 (again, 0), ==, 0);
  od_stmt_free (again);

  /* The cache holds no read transaction: another connection can write. */
  {
    sqlite3 *other = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE cache_probe (x); DROP TABLE cache_probe;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (other);
  }

  held = od_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  od_db_close (db);
  od_stmt_free (held);
}

/* An import does not compile its statements again for every row. */
static void
test_statement_cache_import (OdTestFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  guint prepared[2];

  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      guint n_rows = round == 0 ? 10 : 200;
      g_autofree char *csv = g_strdup_printf ("%s/rows-%u.csv", f->dir, n_rows);
      g_autoptr(GString) text = g_string_new ("单位名称,所属区县,联系电话\n");
      g_autoptr(OdImportResult) result = NULL;
      OdImportOptions options;
      guint before = od_db_get_n_prepared (db);

      for (guint i = 0; i < n_rows; i++)
        g_string_append_printf (text, "宝鸡市缓存测试第%u协会,渭滨区,0917-32%05u\n",
                                round * 1000 + i, i);
      g_assert_true (g_file_set_contents (csv, text->str, -1, &error));
      od_import_options_init (&options);
      result = od_import_file (db, "organizations", csv, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result->errors->len, ==, 0);
      g_assert_cmpuint (result->n_inserted, ==, n_rows);
      prepared[round] = od_db_get_n_prepared (db) - before;
      g_test_message ("%u rows: %u statements prepared", n_rows, prepared[round]);
    }
  /* Twenty times the rows, not twenty times the statements. */
  g_assert_cmpuint (prepared[1], <, prepared[0] + 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/db/open/create", test_open_create);
  OD_TEST_ADD ("/db/open/missing", test_open_missing);
  OD_TEST_ADD ("/db/open/empty-file", test_open_empty_file);
  OD_TEST_ADD ("/db/open/folder", test_open_folder);
  OD_TEST_ADD ("/db/refuse/garbage", test_refuse_garbage);
  OD_TEST_ADD ("/db/refuse/other-sqlite", test_refuse_other_sqlite);
  OD_TEST_ADD ("/db/refuse/newer-schema", test_refuse_newer);
  OD_TEST_ADD ("/db/refuse/read-only-file", test_refuse_read_only_file);
  OD_TEST_ADD ("/db/refuse/read-only-folder", test_refuse_read_only_folder);
  OD_TEST_ADD ("/db/refuse/corrupt", test_refuse_corrupt);
  OD_TEST_ADD ("/db/statements", test_statements);
  OD_TEST_ADD ("/db/transactions", test_transactions);
  OD_TEST_ADD ("/db/backup", test_backup);
  OD_TEST_ADD ("/db/restore", test_restore);
  OD_TEST_ADD ("/db/restore-refuses-corrupt", test_restore_refuses_corrupt);
  OD_TEST_ADD ("/db/now", test_now);
  OD_TEST_ADD ("/db/statement-cache", test_statement_cache);
  OD_TEST_ADD ("/db/statement-cache-import", test_statement_cache_import);

  return g_test_run ();
}
