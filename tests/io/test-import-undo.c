/* test-import-undo.c — an import undone as one step: the records it inserted
 * go to the trash, the ones it updated get their earlier values back; refused
 * after a later change and a second time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-import.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-test-db.h"
#include "od-test-util.h"

#define NEW_A "宝鸡市撤销测试甲协会"
#define NEW_B "宝鸡市撤销测试乙协会"
#define NEW_PHONE "0917-3299999"
#define NEW_NOTES "由导入更新"

typedef struct
{
  OdDb   *db;
  gint64  org_id;      /* the demo organization the import updates */
  char   *org_name;
  char   *old_phone;
  char   *old_notes;
  gint64  n_orgs;      /* live organizations before the import */
  gint64  n_trash;
} Before;

static OdDb *
open_demo_db (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  return db;
}

static gint64
count_live_orgs (OdDb *db)
{
  return od_test_query_int (db, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL");
}

static gint64
org_id_by_name (OdDb       *db,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT id FROM organizations WHERE name = ?1",
                                          &error);

  g_assert_no_error (error);
  g_assert_true (od_stmt_bind_text (stmt, 1, name, &error));
  if (od_stmt_step (stmt, &error) != OD_STEP_ROW)
    return 0;
  return od_stmt_get_int64 (stmt, 0);
}

static void
before_init (Before *b,
             OdDb   *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;

  memset (b, 0, sizeof *b);
  b->db = db;
  /* A demo organization whose phone and notes the import changes. */
  b->org_id = od_test_query_int (db, "SELECT min(id) FROM organizations WHERE deleted_at IS NULL");
  g_assert_cmpint (b->org_id, >, 0);
  org = od_organization_load (db, b->org_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->phone, !=, NEW_PHONE);
  g_assert_cmpstr (org->notes, !=, NEW_NOTES);
  b->org_name = g_strdup (org->name);
  b->old_phone = g_strdup (org->phone);
  b->old_notes = g_strdup (org->notes);
  b->n_orgs = count_live_orgs (db);
  b->n_trash = od_test_query_int (db, "SELECT count(*) FROM trash");
  g_assert_cmpint (org_id_by_name (db, NEW_A), ==, 0);
  g_assert_cmpint (org_id_by_name (db, NEW_B), ==, 0);
}

static void
before_clear (Before *b)
{
  g_free (b->org_name);
  g_free (b->old_phone);
  g_free (b->old_notes);
}

/* 2 new organizations and 1 updated (matched by its name). */
static OdImportResult *
import_two_new_one_updated (OdTestFixture *f,
                            Before        *b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "undo.csv", NULL);
  g_autofree char *text = g_strdup_printf ("单位名称,联系电话,备注\n"
                                           "%s," NEW_PHONE "," NEW_NOTES "\n"
                                           NEW_A ",,\n"
                                           NEW_B ",0917-3211111,新的\n", b->org_name);
  OdImportResult *result;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  result = od_import_file (b->db, "organizations", path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->errors->len; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->errors, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_true (result->written);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  g_assert_cmpuint (result->n_updated, ==, 1);
  g_assert_cmpint (result->audit_id, >, 0);
  g_assert_cmpint (count_live_orgs (b->db), ==, b->n_orgs + 2);
  return result;
}

static void
assert_org_values (OdDb       *db,
                   gint64      id,
                   const char *phone,
                   const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = od_organization_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->phone, ==, phone);
  g_assert_cmpstr (org->notes, ==, notes);
}

static gboolean
in_trash (OdDb   *db,
          gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = od_trash_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      OdTrashEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->table_name, "organizations") && entry->row_id == id)
        return TRUE;
    }
  return FALSE;
}

/* --- tests --- */

static void
test_undo_import (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo_db (f);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Before b;
  gint64 id_a, id_b, n_audit;

  before_init (&b, db);
  result = import_two_new_one_updated (f, &b);
  id_a = org_id_by_name (db, NEW_A);
  id_b = org_id_by_name (db, NEW_B);
  g_assert_cmpint (id_a, >, 0);
  g_assert_cmpint (id_b, >, 0);
  assert_org_values (db, b.org_id, NEW_PHONE, NEW_NOTES);
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  g_assert_true (od_import_undo (db, result->audit_id, &error));
  g_assert_no_error (error);

  /* The 2 new ones are in the trash, the updated one has its old values. */
  g_assert_cmpint (count_live_orgs (db), ==, b.n_orgs);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM trash"), ==, b.n_trash + 2);
  g_assert_true (in_trash (db, id_a));
  g_assert_true (in_trash (db, id_b));
  g_assert_false (in_trash (db, b.org_id));
  assert_org_values (db, b.org_id, b.old_phone, b.old_notes);

  /* One entry of the undo itself, action "import", naming the import. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                                  " AND summary LIKE 'Undo of import undo.csv%'"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), >, n_audit);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'import'"
                                            " AND json_extract (changes, '$.undo_of') = %"
                                            G_GINT64_FORMAT, result->audit_id);
    g_assert_cmpint (od_test_query_int (db, sql), ==, 1);
  }

  /* What went to the trash can come back. */
  g_assert_true (od_trash_restore (db, "organizations", id_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_live_orgs (db), ==, b.n_orgs + 1);

  before_clear (&b);
}

static void
test_undo_refused_after_edit (OdTestFixture *f,
                              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo_db (f);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  Before b;
  gint64 id_b, n_audit;

  before_init (&b, db);
  result = import_two_new_one_updated (f, &b);
  id_b = org_id_by_name (db, NEW_B);

  /* Edited later (a minute on). */
  od_db_set_fixed_now (db, "2099-01-01T00:01:00Z");
  org = od_organization_load (db, id_b, &error);
  g_assert_no_error (error);
  g_free (org->notes);
  org->notes = g_strdup ("之后修改");
  g_assert_cmpint (od_organization_save (db, org, &error), ==, id_b);
  g_assert_no_error (error);
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  g_assert_false (od_import_undo (db, result->audit_id, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, NEW_B));
  g_assert_nonnull (strstr (error->message, "undo.csv"));
  g_clear_error (&error);

  /* Nothing changed. */
  g_assert_cmpint (count_live_orgs (db), ==, b.n_orgs + 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM trash"), ==, b.n_trash);
  assert_org_values (db, b.org_id, NEW_PHONE, NEW_NOTES);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);

  /* Also refused when only the audit log tells (same second, pinned clock),
   * and for an updated record. */
  g_clear_pointer (&org, od_organization_fields_free);
  g_clear_pointer (&result, od_import_result_free);
  od_db_set_fixed_now (db, "2099-01-01T00:02:00Z");
  {
    g_autofree char *path = g_build_filename (f->dir, "again.csv", NULL);
    g_autofree char *text = g_strdup_printf ("单位名称,备注\n%s,再次导入\n", b.org_name);

    g_file_set_contents (path, text, -1, &error);
    g_assert_no_error (error);
    result = od_import_file (db, "organizations", path, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (result->written);
  }
  org = od_organization_load (db, b.org_id, &error);
  g_assert_no_error (error);
  g_free (org->phone);
  org->phone = g_strdup ("0917-3288888");
  g_assert_cmpint (od_organization_save (db, org, &error), ==, b.org_id);
  g_assert_no_error (error);
  g_assert_false (od_import_undo (db, result->audit_id, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_assert_nonnull (strstr (error->message, b.org_name));
  g_clear_error (&error);

  before_clear (&b);
}

static void
test_undo_twice_refused (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo_db (f);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Before b;
  gint64 n_audit, undo_id;

  before_init (&b, db);
  result = import_two_new_one_updated (f, &b);
  g_assert_true (od_import_undo (db, result->audit_id, &error));
  g_assert_no_error (error);
  undo_id = od_test_query_int (db, "SELECT max(id) FROM audit_log");
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  g_assert_false (od_import_undo (db, result->audit_id, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);

  /* The undo itself is not undone, and other entries are not imports. */
  g_assert_false (od_import_undo (db, undo_id, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_clear_error (&error);
  g_assert_false (od_import_undo (db, od_test_query_int (db, "SELECT min(id) FROM audit_log"
                                                     " WHERE action = 'update'"), &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_clear_error (&error);
  g_assert_false (od_import_undo (db, undo_id + 1000, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
  g_clear_error (&error);

  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);
  g_assert_cmpint (count_live_orgs (db), ==, b.n_orgs);
  assert_org_values (db, b.org_id, b.old_phone, b.old_notes);

  before_clear (&b);
}

/* A dry run writes no entry, so there is nothing to undo. */
static void
test_dry_run_no_entry (OdTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo_db (f);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "dry.csv", NULL);
  OdImportOptions options;

  g_file_set_contents (path, "单位名称\n" NEW_A "\n", -1, &error);
  g_assert_no_error (error);
  od_import_options_init (&options);
  options.dry_run = TRUE;
  result = od_import_file (db, "organizations", path, &options, &error);
  g_assert_no_error (error);
  g_assert_false (result->written);
  g_assert_cmpint (result->audit_id, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/import/undo/inserted-to-trash-updated-restored", test_undo_import);
  OD_TEST_ADD ("/import/undo/refused-after-edit", test_undo_refused_after_edit);
  OD_TEST_ADD ("/import/undo/twice-refused", test_undo_twice_refused);
  OD_TEST_ADD ("/import/undo/dry-run-no-entry", test_dry_run_no_entry);

  return g_test_run ();
}
