/* test-export.c — the registry demo data, CSV/JSON/XLSX export, orgdesk-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <zip.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-validate.h"
#include "od-xlsx-reader.h"

#define BOM "\xEF\xBB\xBF"

static const char *const named_orgs[] = {
  "宝鸡市社会组织促进会", "宝鸡市江苏商会", "宝鸡市养生协会", "宝鸡市餐饮饭店行业协会",
  "宝鸡市青年企业家协会", "宝鸡市上善公益援助中心", "宝鸡市三联社会工作服务中心",
  "宝鸡慧芳公益发展中心", "陕西三和专修学院",
};

/* --- helpers --- */

static OdDb *
open_demo (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static char *
export_to_string (OdDb           *db,
                  const char     *entity,
                  OdExportFormat  format,
                  gboolean        full_id_numbers)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char zero = '\0';

  g_assert_true (od_export_write (db, entity, format, full_id_numbers, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &zero, 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* An RFC 4180 reader: rows of cells, for checking what was written. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, BOM));
  p += strlen (BOM);
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p);
            }
          /* A closing quote ends the cell. */
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\0')
            {
              g_assert_cmpint (*p, !=, '\n');
              g_assert_cmpint (*p, !=, '"');
              g_string_append_c (cell, *p++);
            }
        }

      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          /* Every row, the last included, ends in CRLF. */
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static int
column_index (GPtrArray  *rows,
              const char *key)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), key))
      return (int) i;
  g_assert_not_reached ();
  return -1;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      int        column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

static gint64
save_org (OdDb       *db,
          const char *name,
          const char *notes)
{
  g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (fields->name);
  fields->name = g_strdup (name);
  g_free (fields->notes);
  fields->notes = g_strdup (notes);
  id = od_organization_save (db, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* --- demo data --- */

/* The check characters of DESIGN.md §2, written out here on their own, so
 * that a mistake in od-validate.c (which the demo uses to make its codes)
 * cannot hide itself. GB 32100-2015: weights 3^(i-1) mod 31 over the
 * charset without I O Z S V; check = 31 - (sum mod 31), 31 -> 0. */
static char
independent_credit_check (const char *code)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30,
                                   28 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      const char *at = strchr (charset, code[i]);

      g_assert_nonnull (at);
      sum += (int) (at - charset) * weights[i];
    }
  return charset[(31 - sum % 31) % 31];
}

/* GB 11643-1999: (sum of digit x weight) mod 11 -> "10X98765432". */
static char
independent_id_check (const char *id)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    {
      g_assert_true (g_ascii_isdigit (id[i]));
      sum += (id[i] - '0') * weights[i];
    }
  return "10X98765432"[sum % 11];
}

static void
test_demo_counts (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gint64 n_orgs, n_people, n_members, n_ids, n_checked = 0;
  OdStep step;

  n_orgs = od_organization_count (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_orgs, >=, 400);
  n_people = od_person_count (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_people, >=, 2 * n_orgs);
  g_assert_cmpint (n_people, <=, 4 * n_orgs);

  for (guint i = 0; i < G_N_ELEMENTS (named_orgs); i++)
    {
      g_autoptr(OdStmt) by_name = od_db_prepare (db, "SELECT count(*) FROM organizations"
                                                 " WHERE name = ?1 AND deleted_at IS NULL", &error);

      g_assert_no_error (error);
      g_assert_true (od_stmt_bind_text (by_name, 1, named_orgs[i], &error));
      g_assert_cmpint (od_stmt_step (by_name, &error), ==, OD_STEP_ROW);
      g_test_message ("%s", named_orgs[i]);
      g_assert_cmpint (od_stmt_get_int64 (by_name, 0), ==, 1);
    }

  /* Facts of the article: 养生协会's own party organization, 慧芳 under a
   * year old in 2017, the association not a member of itself. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡市养生协会'"
                                  " AND party_org_form = 'independent' AND party_members = 5"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡慧芳公益发展中心'"
                                  " AND registered_on BETWEEN '2016-07-01' AND '2016-12-31'"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡市社会组织促进会'"
                                  " AND member_role IS NULL"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE member_role = 'president'"),
                   ==, 1);

  /* Spread: every area, every type, about 60% members, some not active. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(DISTINCT area_id) FROM organizations"), ==, 13);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(DISTINCT category_id) FROM organizations"), >=, 12);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE org_type = 'foundation'"),
                   >=, 3);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE org_type = 'social_group'"),
                   >=, 150);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations"
                                  " WHERE org_type = 'social_service'"), >=, 100);
  n_members = od_test_query_int (db, "SELECT count(*) FROM organizations WHERE member_role IS NOT NULL");
  g_assert_cmpint (n_members * 100, >=, n_orgs * 50);
  g_assert_cmpint (n_members * 100, <=, n_orgs * 70);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE status <> 'active'"
                                  " AND status_date IS NOT NULL"), >, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE status <> 'active'"
                                  " AND status_date IS NULL"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations WHERE party_org_form = 'independent'")
                   * 100, >=, n_orgs * 20);

  /* Every credit code valid, with a consistent type and a Baoji area code. */
  stmt = od_db_prepare (db, "SELECT credit_code, org_type FROM organizations", &error);
  g_assert_no_error (error);
  while ((step = od_stmt_step (stmt, &error)) == OD_STEP_ROW)
    {
      const char *code = od_stmt_get_text (stmt, 0);
      OdCodeResult result;
      gboolean valid = od_validate_credit_code (code, &result);

      if (!valid)
        g_test_message ("invalid: %s", code);
      g_assert_true (valid);
      /* Checked again by the rule as written, not by the code that made it. */
      g_assert_cmpuint (strlen (code), ==, 18);
      g_assert_cmpint (code[17], ==, independent_credit_check (code));
      g_assert_true (result.inner_check_ok);
      g_assert_cmpint (result.department, ==, '5');
      g_assert_cmpstr (od_organization_type_to_key (result.org_type), ==, od_stmt_get_text (stmt, 1));
      g_assert_true (g_str_has_prefix (result.area_code, "6103"));
      n_checked++;
    }
  g_assert_cmpint (step, ==, OD_STEP_DONE);
  g_assert_cmpint (n_checked, ==, n_orgs);
  g_clear_pointer (&stmt, od_stmt_free);

  /* Every ID number valid; about half of the people gave one. */
  n_ids = 0;
  stmt = od_db_prepare (db, "SELECT id_number, gender, mobile FROM people", &error);
  g_assert_no_error (error);
  while ((step = od_stmt_step (stmt, &error)) == OD_STEP_ROW)
    {
      const char *mobile = od_stmt_get_text (stmt, 2);
      OdCodeResult result;

      g_assert_cmpuint (strlen (mobile), ==, 11);
      g_assert_cmpint (mobile[0], ==, '1');
      if (od_stmt_column_is_null (stmt, 0))
        continue;
      g_assert_true (od_validate_id_number (od_stmt_get_text (stmt, 0), &result));
      g_assert_cmpint (od_stmt_get_text (stmt, 0)[17], ==,
                       independent_id_check (od_stmt_get_text (stmt, 0)));
      g_assert_cmpuint (result.birth_year, >=, 1955);
      g_assert_cmpuint (result.birth_year, <=, 2000);
      g_assert_cmpstr (result.male ? "male" : "female", ==, od_stmt_get_text (stmt, 1));
      g_assert_true (g_str_has_prefix (result.area_code, "6103"));
      n_ids++;
    }
  g_assert_cmpint (step, ==, OD_STEP_DONE);
  g_assert_cmpint (n_ids * 100, >=, n_people * 40);
  g_assert_cmpint (n_ids * 100, <=, n_people * 60);
}

static void
test_demo_deterministic (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) first = open_demo (f->dir, "first.db");
  g_autoptr(OdDb) second = open_demo (f->dir, "second.db");
  const char *const entities[] = { "organizations", "people" };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *a = export_to_string (first, entities[i], OD_EXPORT_FORMAT_CSV, TRUE);
      g_autofree char *b = export_to_string (second, entities[i], OD_EXPORT_FORMAT_CSV, TRUE);

      g_assert_cmpuint (strlen (a), >, 10000);
      g_assert_cmpstr (a, ==, b);
    }
}

/* --- CSV --- */

static void
test_csv_organizations (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;
  gint64 n_orgs;
  int name_column, area_column, type_column, notes_column;
  gboolean comma_found = FALSE, quote_found = FALSE, formula_found = FALSE;

  save_org (db, "宝鸡市测试,逗号协会", "");
  save_org (db, "宝鸡市\"引号\"协会", "第一行\n第二行");
  save_org (db, "=HYPERLINK(\"http://example.com\",\"点击\")", "@SUM(A1:A9)");
  save_org (db, "宝鸡市公式测试协会", "-1+2");
  n_orgs = od_organization_count (db, &error);
  g_assert_no_error (error);

  text = export_to_string (db, "organizations", OD_EXPORT_FORMAT_CSV, FALSE);
  g_assert_true (g_str_has_prefix (text, BOM "uuid,name,short_name,credit_code,"));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, n_orgs + 1);

  header = g_ptr_array_index (rows, 0);
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, header->len);
  name_column = column_index (rows, "name");
  area_column = column_index (rows, "area");
  type_column = column_index (rows, "org_type");
  notes_column = column_index (rows, "notes");
  column_index (rows, "category");
  column_index (rows, "credit_code");
  column_index (rows, "party_members");

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      /* No cell may start a formula. */
      for (guint c = 0; c < row->len; c++)
        {
          const char *value = g_ptr_array_index (row, c);

          g_assert_false (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL);
        }
      if (g_str_equal (cell (rows, r, name_column), "宝鸡市测试,逗号协会"))
        comma_found = TRUE;
      if (g_str_equal (cell (rows, r, name_column), "宝鸡市\"引号\"协会"))
        {
          quote_found = TRUE;
          g_assert_cmpstr (cell (rows, r, notes_column), ==, "第一行\n第二行");
        }
      if (g_str_equal (cell (rows, r, name_column), "'=HYPERLINK(\"http://example.com\",\"点击\")"))
        {
          formula_found = TRUE;
          g_assert_cmpstr (cell (rows, r, notes_column), ==, "'@SUM(A1:A9)");
        }
      if (g_str_equal (cell (rows, r, name_column), "宝鸡市公式测试协会"))
        g_assert_cmpstr (cell (rows, r, notes_column), ==, "'-1+2");
      if (g_str_equal (cell (rows, r, name_column), "宝鸡市养生协会"))
        {
          g_assert_cmpstr (cell (rows, r, area_column), ==, "宝鸡市");
          g_assert_cmpstr (cell (rows, r, type_column), ==, "social_group");
        }
    }
  g_assert_true (comma_found);
  g_assert_true (quote_found);
  g_assert_true (formula_found);

  /* The raw text: the comma inside quotes, quotes doubled. */
  g_assert_nonnull (strstr (text, ",\"宝鸡市测试,逗号协会\","));
  g_assert_nonnull (strstr (text, ",\"宝鸡市\"\"引号\"\"协会\","));
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点击\"\")\","));

  /* Pinyin order: 宝鸡市餐饮… (cān) before 宝鸡市社会… (shè), and both before 陕西 (shǎn). */
  {
    guint canyin = 0, cujinhui = 0, shanxi = 0;

    for (guint r = 1; r < rows->len; r++)
      {
        const char *name = cell (rows, r, name_column);

        if (g_str_equal (name, "宝鸡市餐饮饭店行业协会"))
          canyin = r;
        else if (g_str_equal (name, "宝鸡市社会组织促进会"))
          cujinhui = r;
        else if (g_str_equal (name, "陕西三和专修学院"))
          shanxi = r;
      }
    g_assert_cmpuint (canyin, >, 0);
    g_assert_cmpuint (canyin, <, cujinhui);
    g_assert_cmpuint (cujinhui, <, shanxi);
  }
}

static void
test_csv_deleted_rows (OdTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = save_org (db, "宝鸡市待删除测试协会", "");

  g_assert_true (od_organization_delete (db, id, &error));
  g_assert_no_error (error);
  text = export_to_string (db, "organizations", OD_EXPORT_FORMAT_CSV, FALSE);
  g_assert_null (strstr (text, "宝鸡市待删除测试协会"));
}

static void
test_csv_id_numbers (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *masked_text = export_to_string (db, "people", OD_EXPORT_FORMAT_CSV, FALSE);
  g_autofree char *full_text = export_to_string (db, "people", OD_EXPORT_FORMAT_CSV, TRUE);
  g_autoptr(GPtrArray) masked = parse_csv (masked_text);
  g_autoptr(GPtrArray) full = parse_csv (full_text);
  gint64 n_people = od_person_count (db, &error);
  guint n_given = 0;
  int id_column, organization_column;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (masked_text, BOM "uuid,name,gender,organization,"));
  g_assert_cmpuint (masked->len, ==, n_people + 1);
  g_assert_cmpuint (full->len, ==, masked->len);
  id_column = column_index (masked, "id_number");
  organization_column = column_index (masked, "organization");

  for (guint r = 1; r < masked->len; r++)
    {
      const char *shown = cell (masked, r, id_column);
      const char *whole = cell (full, r, id_column);
      g_autofree char *expected = NULL;

      g_assert_cmpstr (cell (masked, r, organization_column), !=, "");
      if (whole[0] == '\0')
        {
          g_assert_cmpstr (shown, ==, "");
          continue;
        }
      n_given++;
      g_assert_true (od_validate_id_number (whole, NULL));
      expected = od_id_number_mask (whole);
      g_assert_cmpstr (shown, ==, expected);
      g_assert_nonnull (strstr (shown, "********"));
      g_assert_null (strstr (masked_text, whole));
    }
  g_assert_cmpuint (n_given, >, 100);
}

/* --- JSON --- */

static void
test_json (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *orgs = NULL;
  g_autofree char *people = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 n_orgs;
  guint n_objects = 0;

  save_org (db, "宝鸡市\"引号\"协会", "第一行\n第二行");
  n_orgs = od_organization_count (db, &error);
  g_assert_no_error (error);
  orgs = export_to_string (db, "organizations", OD_EXPORT_FORMAT_JSON, FALSE);
  g_assert_true (g_str_has_prefix (orgs, "[\n{\"uuid\":"));
  g_assert_true (g_str_has_suffix (orgs, "}\n]\n"));
  for (guint i = 0; i < G_N_ELEMENTS (named_orgs); i++)
    {
      g_autofree char *member = g_strdup_printf ("\"name\":\"%s\"", named_orgs[i]);

      g_assert_nonnull (strstr (orgs, member));
    }
  g_assert_nonnull (strstr (orgs, "\"name\":\"宝鸡市\\\"引号\\\"协会\""));
  g_assert_nonnull (strstr (orgs, "\"notes\":\"第一行\\n第二行\""));
  g_assert_nonnull (strstr (orgs, "\"party_members\":5,"));
  g_assert_nonnull (strstr (orgs, "\"area\":\"宝鸡市\""));

  /* One object per line, separated by commas. */
  lines = g_strsplit (orgs, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "{"))
      {
        g_assert_true (g_str_has_suffix (lines[i], "},") || g_str_has_suffix (lines[i], "}"));
        n_objects++;
      }
  g_assert_cmpint (n_objects, ==, n_orgs);

  people = export_to_string (db, "people", OD_EXPORT_FORMAT_JSON, FALSE);
  g_assert_true (g_str_has_prefix (people, "[\n{"));
  g_assert_nonnull (strstr (people, "********"));
  g_assert_nonnull (strstr (people, "\"id_number\":null"));
}

static void
test_unknown_entity (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_assert_false (od_export_has_entity ("trainings"));
  g_assert_false (od_export_write (db, "trainings", OD_EXPORT_FORMAT_CSV, FALSE, out, &error));
  g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_UNKNOWN_ENTITY);
  g_assert_nonnull (strstr (error->message, "organizations"));
}

static void
test_empty (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  csv = export_to_string (db, "organizations", OD_EXPORT_FORMAT_CSV, FALSE);
  g_assert_true (g_str_has_prefix (csv, BOM "uuid,"));
  g_assert_true (g_str_has_suffix (csv, ",updated_at\r\n"));
  json = export_to_string (db, "people", OD_EXPORT_FORMAT_JSON, FALSE);
  g_assert_cmpstr (json, ==, "[]\n");
}

/* --- XLSX --- */

static char *
export_to_file (OdDb           *db,
                const char     *dir,
                const char     *name,
                const char     *entity,
                OdExportFormat  format,
                gboolean        full_id_numbers)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (od_export_write_file (db, entity, format, full_id_numbers, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GPtrArray *
read_xlsx (const char  *path,
           char       **sheet_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  g_assert_cmpuint (od_xlsx_get_n_sheets (book), ==, 1);
  if (sheet_name != NULL)
    *sheet_name = g_strdup (od_xlsx_get_sheet_name (book, 0));
  rows = od_xlsx_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  return rows;
}

/* One part of the zip, as text. */
static char *
read_zip_part (const char *path,
               const char *part)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);
  zip_stat_t info;
  zip_file_t *file;
  char *text;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, part, 0, &info), ==, 0);
  text = g_malloc0 (info.size + 1);
  file = zip_fopen (zip, part, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, text, info.size), ==, (zip_int64_t) info.size);
  zip_fclose (file);
  zip_close (zip);
  return text;
}

static char *
column_letters (guint index)
{
  GString *letters = g_string_new (NULL);

  for (guint n = index + 1; n > 0; n = (n - 1) / 26)
    g_string_prepend_c (letters, (char) ('A' + (n - 1) % 26));
  return g_string_free (letters, FALSE);
}

/* The CSV cell as the XLSX has it: a typed cell is never run as a formula,
 * so it has no quote in front. */
static const char *
unneutralized (const char *csv_cell)
{
  if (csv_cell[0] == '\'' && csv_cell[1] != '\0' && strchr ("=+-@\t\r", csv_cell[1]) != NULL)
    return csv_cell + 1;
  return csv_cell;
}

/* Every cell of the XLSX read back equals the CSV's, in the same order. */
static void
assert_same_cells (GPtrArray *csv_rows,
                   GPtrArray *xlsx_rows)
{
  g_assert_cmpuint (xlsx_rows->len, ==, csv_rows->len);
  for (guint r = 0; r < csv_rows->len; r++)
    {
      GPtrArray *csv_row = g_ptr_array_index (csv_rows, r);
      char **xlsx_row = g_ptr_array_index (xlsx_rows, r);
      guint n = g_strv_length (xlsx_row);

      g_assert_cmpuint (n, <=, csv_row->len);
      for (guint c = 0; c < csv_row->len; c++)
        {
          const char *expected = unneutralized (g_ptr_array_index (csv_row, c));
          const char *got = c < n ? xlsx_row[c] : "";

          if (g_strcmp0 (expected, got) != 0)
            g_test_message ("row %u, column %u", r + 1, c + 1);
          g_assert_cmpstr (got, ==, expected);
        }
    }
}

/* The cell types in the sheet XML, by column: KEYS must be text cells,
 * NUMBERS number cells (dates are numbers with a date style). */
static void
assert_cell_types (const char        *sheet_xml,
                   GPtrArray         *csv_rows,
                   const char *const *text_keys,
                   const char *const *number_keys)
{
  g_autoptr(GRegex) regex = g_regex_new ("<c r=\"([A-Z]+)([0-9]+)\"( s=\"[0-9]+\")?( t=\"([a-zA-Z]+)\")?>",
                                         G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_cells = 0;

  /* Column letters → the cell types found in it ("n" for a number). */
  g_regex_match (regex, sheet_xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *letters = g_match_info_fetch (match, 1);
      g_autofree char *row = g_match_info_fetch (match, 2);
      g_autofree char *type = g_match_info_fetch (match, 5);
      const char *seen;

      if (!g_str_equal (row, "1"))
        {
          if (type == NULL || type[0] == '\0')
            {
              g_free (type);
              type = g_strdup ("n");
            }
          seen = g_hash_table_lookup (kinds, letters);
          if (seen == NULL)
            g_hash_table_insert (kinds, g_strdup (letters), g_strdup (type));
          else if (!g_str_equal (seen, type))
            g_hash_table_insert (kinds, g_strdup (letters), g_strdup ("mixed"));
          n_cells++;
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_cells, >, 1000);

  for (guint i = 0; text_keys[i] != NULL; i++)
    {
      g_autofree char *letters = column_letters ((guint) column_index (csv_rows, text_keys[i]));
      const char *type = g_hash_table_lookup (kinds, letters);

      g_test_message ("%s (%s): %s", text_keys[i], letters, type);
      g_assert_true (g_strcmp0 (type, "inlineStr") == 0 || g_strcmp0 (type, "s") == 0);
    }
  for (guint i = 0; number_keys[i] != NULL; i++)
    {
      g_autofree char *letters = column_letters ((guint) column_index (csv_rows, number_keys[i]));

      g_test_message ("%s (%s)", number_keys[i], letters);
      g_assert_cmpstr (g_hash_table_lookup (kinds, letters), ==, "n");
    }
}

static guint
display_width (const char *text)
{
  guint width = 0;
  guint line = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          width = MAX (width, line);
          line = 0;
        }
      else
        line += g_unichar_iswide (c) ? 2 : 1;
    }
  return MAX (width, line);
}

/* The width the sheet XML gives column KEY, in whole characters. */
static guint
xml_column_width (const char *sheet_xml,
                  GPtrArray  *csv_rows,
                  const char *key)
{
  int index = column_index (csv_rows, key) + 1;
  g_autofree char *needle = g_strdup_printf ("<col min=\"%d\" max=\"%d\" width=\"", index, index);
  const char *found = strstr (sheet_xml, needle);

  g_assert_nonnull (found);
  return (guint) g_ascii_strtod (found + strlen (needle), NULL);
}

static guint
expected_width (GPtrArray  *csv_rows,
                const char *key)
{
  int column = column_index (csv_rows, key);
  guint widest = 0;

  for (guint r = 0; r < csv_rows->len; r++)
    widest = MAX (widest, display_width (unneutralized (cell (csv_rows, r, column))));
  return MIN (widest + 2, 60);
}

static void
test_xlsx_organizations (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  g_autofree char *csv_text = NULL;
  g_autoptr(GPtrArray) csv_rows = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) xlsx_rows = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autofree char *workbook_xml = NULL;
  g_autofree char *styles_xml = NULL;
  g_autofree char *filter = NULL;
  const char *const text_keys[] = { "uuid", "name", "credit_code", "phone", "created_at", NULL };
  const char *const number_keys[] = { "party_members", "registered_on", "status_date",
                                      "member_since", NULL };
  gboolean formula_found = FALSE;
  int name_column, notes_column, date_column;

  save_org (db, "=HYPERLINK(\"http://example.com\",\"点击\")", "@SUM(A1:A9)");
  save_org (db, "宝鸡市公式测试协会", "-1+2");
  save_org (db, "宝鸡市\"引号\",逗号协会", "第一行\n第二行");

  csv_text = export_to_string (db, "organizations", OD_EXPORT_FORMAT_CSV, FALSE);
  csv_rows = parse_csv (csv_text);
  path = export_to_file (db, f->dir, "社会组织.xlsx", "organizations", OD_EXPORT_FORMAT_XLSX, FALSE);
  xlsx_rows = read_xlsx (path, &sheet_name);

  /* Same cells, same order; dates back as ISO text, codes as text. */
  assert_same_cells (csv_rows, xlsx_rows);
  g_assert_true (g_str_equal (sheet_name, "Organizations") || g_str_equal (sheet_name, "社会组织"));

  /* Formula-like text is a plain string cell, kept as typed. */
  name_column = column_index (csv_rows, "name");
  notes_column = column_index (csv_rows, "notes");
  for (guint r = 1; r < xlsx_rows->len; r++)
    {
      char **row = g_ptr_array_index (xlsx_rows, r);

      if (g_str_equal (row[name_column], "=HYPERLINK(\"http://example.com\",\"点击\")"))
        {
          formula_found = TRUE;
          g_assert_cmpstr (row[notes_column], ==, "@SUM(A1:A9)");
        }
      if (g_str_equal (row[name_column], "宝鸡市公式测试协会"))
        g_assert_cmpstr (row[notes_column], ==, "-1+2");
    }
  g_assert_true (formula_found);

  sheet_xml = read_zip_part (path, "xl/worksheets/sheet1.xml");
  g_assert_null (strstr (sheet_xml, "<f>"));
  g_assert_null (strstr (sheet_xml, "<f "));
  assert_cell_types (sheet_xml, csv_rows, text_keys, number_keys);

  /* Dates carry the yyyy-mm-dd format. */
  styles_xml = read_zip_part (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles_xml, "formatCode=\"yyyy-mm-dd\""));
  date_column = column_index (csv_rows, "registered_on");
  {
    g_autofree char *letters = column_letters ((guint) date_column);
    g_autofree char *date_cell = g_strdup_printf ("<c r=\"%s2\" s=\"", letters);

    g_assert_nonnull (strstr (sheet_xml, date_cell));
  }

  /* The header: bold, frozen, with filter buttons over every row. */
  g_assert_nonnull (strstr (styles_xml, "<b/>"));
  g_assert_nonnull (strstr (sheet_xml, "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>uuid</t>"));
  g_assert_nonnull (strstr (sheet_xml, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                                       "state=\"frozen\"/>"));
  filter = g_strdup_printf ("<autoFilter ref=\"A1:AB%u\"/>", csv_rows->len);
  g_assert_nonnull (strstr (sheet_xml, filter));
  workbook_xml = read_zip_part (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook_xml, "_xlnm._FilterDatabase"));

  /* Widths fitted to the content, Han characters counting two, at most 60. */
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "uuid"), ==, 36 + 2);
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "name"), ==,
                    expected_width (csv_rows, "name"));
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "name"), >, 20);
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "address"), ==,
                    expected_width (csv_rows, "address"));
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "credit_code"), ==, 20);
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "registered_on"), ==,
                    MAX (10, strlen ("registered_on")) + 2);
  g_assert_cmpuint (xml_column_width (sheet_xml, csv_rows, "notes"), <=, 60);
}

static void
test_xlsx_people (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir, "demo.db");
  const char *const text_keys[] = { "name", "mobile", "id_number", NULL };
  const char *const number_keys[] = { NULL };

  for (int full = 0; full <= 1; full++)
    {
      g_autofree char *csv_text = export_to_string (db, "people", OD_EXPORT_FORMAT_CSV, full);
      g_autoptr(GPtrArray) csv_rows = parse_csv (csv_text);
      g_autofree char *path = export_to_file (db, f->dir, full ? "full.xlsx" : "masked.xlsx",
                                              "people", OD_EXPORT_FORMAT_XLSX, full);
      g_autoptr(GPtrArray) xlsx_rows = read_xlsx (path, NULL);
      g_autofree char *sheet_xml = read_zip_part (path, "xl/worksheets/sheet1.xml");
      int id_column = column_index (csv_rows, "id_number");
      guint n_masked = 0;

      assert_same_cells (csv_rows, xlsx_rows);
      assert_cell_types (sheet_xml, csv_rows, text_keys, number_keys);
      for (guint r = 1; r < xlsx_rows->len; r++)
        {
          char **row = g_ptr_array_index (xlsx_rows, r);
          const char *id = (guint) id_column < g_strv_length (row) ? row[id_column] : "";

          if (strstr (id, "********") != NULL)
            n_masked++;
          else if (id[0] != '\0')
            g_assert_true (od_validate_id_number (id, NULL));
        }
      if (full)
        g_assert_cmpuint (n_masked, ==, 0);
      else
        {
          g_assert_cmpuint (n_masked, >, 100);
          /* Not one full ID number anywhere in the sheet. */
          g_assert_false (g_regex_match_simple ("<t>[0-9]{17}[0-9X]</t>", sheet_xml, G_REGEX_RAW, 0));
        }
    }
}

/* od_export_write() gives the same workbook through a stream; an empty
 * database gives the header row alone. */
static void
test_xlsx_stream_and_empty (OdTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *path = g_build_filename (f->dir, "stream.xlsx", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  g_assert_no_error (error);
  save_org (db, "宝鸡市流式测试协会", NULL);
  g_assert_true (od_export_write (db, "organizations", OD_EXPORT_FORMAT_XLSX, FALSE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (memory), >, 1000);
  g_assert_cmpmem (g_memory_output_stream_get_data (memory), 4, "PK\x03\x04", 4);
  g_assert_true (g_file_set_contents (path, g_memory_output_stream_get_data (memory),
                                      (gssize) g_memory_output_stream_get_data_size (memory),
                                      &error));
  rows = read_xlsx (path, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "uuid");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "宝鸡市流式测试协会");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&path, g_free);

  path = export_to_file (db, f->dir, "people.xlsx", "people", OD_EXPORT_FORMAT_XLSX, FALSE);
  rows = read_xlsx (path, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "uuid");
}

/* od_export_write_file() replaces a file whole, and a failure leaves
 * nothing behind. */
static void
test_write_file (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);
  g_autofree char *csv = g_build_filename (f->dir, "orgs.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "orgs.xlsx", NULL);
  g_autofree char *taken = g_build_filename (f->dir, "a-folder.xlsx", NULL);
  g_autofree char *contents = NULL;
  guint n_files;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv, "old contents, longer than the new ones will be\n"
                                           "old contents, longer than the new ones will be\n",
                                      -1, NULL));
  g_free (export_to_file (db, f->dir, "orgs.csv", "organizations", OD_EXPORT_FORMAT_CSV, FALSE));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, BOM "uuid,name,short_name,credit_code,credit_code_override,"
                                 "org_type,category,area,registration_level,registered_on,"
                                 "supervising_unit,legal_representative,contact_person,phone,"
                                 "address,email,website,status,status_date,member_since,"
                                 "member_role,member_status,party_org_form,party_members,"
                                 "party_instructor,notes,created_at,updated_at\r\n");
  g_free (export_to_file (db, f->dir, "orgs.json", "organizations", OD_EXPORT_FORMAT_JSON, FALSE));
  n_files = od_test_count_files (f->dir);

  for (OdExportFormat format = OD_EXPORT_FORMAT_CSV; format <= OD_EXPORT_FORMAT_XLSX; format++)
    {
      g_assert_false (od_export_write_file (db, "organizations", format, FALSE, missing, &error));
      g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "orgs.xlsx"));
      g_clear_error (&error);
    }
  /* Written whole, then refused at the rename: the temporary file goes. */
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  n_files++;
  for (OdExportFormat format = OD_EXPORT_FORMAT_CSV; format <= OD_EXPORT_FORMAT_XLSX; format++)
    {
      g_assert_false (od_export_write_file (db, "organizations", format, FALSE, taken, &error));
      g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_WRITE);
      g_clear_error (&error);
      g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (od_test_count_files (f->dir), ==, n_files);
    }
  g_assert_false (od_export_write_file (db, "trainings", OD_EXPORT_FORMAT_XLSX, FALSE, csv, &error));
  g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_UNKNOWN_ENTITY);
  g_assert_cmpuint (od_test_count_files (f->dir), ==, n_files);
}

/* What LibreOffice makes of the workbook: Chinese text, dates as dates. */
static void
test_xlsx_libreoffice (OdTestFixture *f,
                       gconstpointer  data)
{
  g_autofree char *program = od_test_require_program ("libreoffice", "libreoffice-calc-nogui");
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *user_installation = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int wait_status = 0;

  db = open_demo (f->dir, "demo.db");
  path = export_to_file (db, f->dir, "orgs.xlsx", "organizations", OD_EXPORT_FORMAT_XLSX, FALSE);
  out_dir = g_build_filename (f->dir, "converted", NULL);
  profile = g_build_filename (f->dir, "lo-profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  {
    /* 44,34,76: comma, double quote, UTF-8. */
    const char *argv[] = { program, user_installation, "--headless", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out_dir, path,
                           NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                  &stderr_text, &wait_status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("libreoffice: %s %s", stdout_text, stderr_text);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  csv_path = g_build_filename (out_dir, "orgs.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv_text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv_text, "uuid,name,"));
  for (guint i = 0; i < G_N_ELEMENTS (named_orgs); i++)
    g_assert_nonnull (strstr (csv_text, named_orgs[i]));
  /* A date shown as yyyy-mm-dd, a code as its 18 characters. */
  g_assert_true (g_regex_match_simple (",20[0-9][0-9]-[01][0-9]-[0-3][0-9],", csv_text, 0, 0));
  g_assert_true (g_regex_match_simple (",5[1-39]6103[0-9A-Z]{12},", csv_text, 0, 0));
}

/* --- orgdesk-cli export --- */

static void
test_cli (OdTestFixture *f,
          gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (f->dir, "orgs.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "社会组织.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "not-a-database.db", NULL);
  g_autofree char *contents = NULL;
  OdTestRun r;

  if (g_getenv ("ORGDESK_CLI") == NULL)
    {
      g_test_skip ("ORGDESK_CLI is not set");
      return;
    }

  r = od_test_run_cli ("--db", f->path, "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, BOM "uuid,name,"));
  g_assert_nonnull (strstr (r.out, "宝鸡市养生协会"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "export", "organizations", "--format", "json", "-o", json_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "[\n{"));
  g_clear_pointer (&contents, g_free);
  od_test_run_clear (&r);

  /* ID numbers masked by default, in full on request. */
  r = od_test_run_cli ("--db", f->path, "export", "people", "-o", csv_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "********"));
  g_clear_pointer (&contents, g_free);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "people", "--full-id-numbers", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "********"));
  od_test_run_clear (&r);

  /* XLSX: by --format, or by the name given to -o; to standard output too. */
  r = od_test_run_cli ("--db", f->path, "export", "organizations", "-o", xlsx_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, NULL, NULL));
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_clear_pointer (&contents, g_free);
  {
    g_autoptr(GPtrArray) rows = read_xlsx (xlsx_path, NULL);

    g_assert_cmpuint (rows->len, >, 400);
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[1], ==, "name");
  }
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "people", "--format", "xlsx", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpmem (r.out, 4, "PK\x03\x04", 4);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "organizations", "--format", "csv", "-o", xlsx_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, BOM "uuid,"));
  g_clear_pointer (&contents, g_free);
  od_test_run_clear (&r);

  /* Usage errors: 2. */
  r = od_test_run_cli ("--db", f->path, "export", "organizations", "--format", "ods", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "xlsx"));
  g_assert_cmpstr (r.out, ==, "");
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "trainings", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "trainings"));
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "export", "people", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);

  /* Database errors: 3, and no database is created. */
  r = od_test_run_cli ("--db", missing, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);
  g_assert_true (g_file_set_contents (not_db, "this is not a database, just text\n", -1, NULL));
  r = od_test_run_cli ("--db", not_db, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  od_test_run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/export/demo/counts", test_demo_counts);
  OD_TEST_ADD ("/export/demo/deterministic", test_demo_deterministic);
  OD_TEST_ADD ("/export/csv/organizations", test_csv_organizations);
  OD_TEST_ADD ("/export/csv/deleted-rows", test_csv_deleted_rows);
  OD_TEST_ADD ("/export/csv/id-numbers", test_csv_id_numbers);
  OD_TEST_ADD ("/export/json", test_json);
  OD_TEST_ADD ("/export/xlsx/organizations", test_xlsx_organizations);
  OD_TEST_ADD ("/export/xlsx/people", test_xlsx_people);
  OD_TEST_ADD ("/export/xlsx/stream-and-empty", test_xlsx_stream_and_empty);
  OD_TEST_ADD ("/export/xlsx/libreoffice", test_xlsx_libreoffice);
  OD_TEST_ADD ("/export/write-file", test_write_file);
  OD_TEST_ADD ("/export/unknown-entity", test_unknown_entity);
  OD_TEST_ADD ("/export/empty", test_empty);
  OD_TEST_ADD ("/export/cli", test_cli);

  return g_test_run ();
}
