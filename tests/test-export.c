/* test-export.c — the registry demo data, CSV/JSON export, orgdesk-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-test-util.h"
#include "od-validate.h"

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
  g_autoptr(OdOrgFields) fields = od_org_fields_new ();
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

static gint64
query_int (OdDb       *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (od_db_query_int64 (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

/* --- demo data --- */

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
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡市养生协会'"
                                  " AND party_org_form = 'independent' AND party_members = 5"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡慧芳公益发展中心'"
                                  " AND registered_on BETWEEN '2016-07-01' AND '2016-12-31'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE name = '宝鸡市社会组织促进会'"
                                  " AND member_role IS NULL"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE member_role = 'president'"),
                   ==, 1);

  /* Spread: every area, every type, about 60% members, some not active. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT area_id) FROM organizations"), ==, 13);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT category_id) FROM organizations"), >=, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE org_type = 'foundation'"),
                   >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE org_type = 'social_group'"),
                   >=, 150);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations"
                                  " WHERE org_type = 'social_service'"), >=, 100);
  n_members = query_int (db, "SELECT count(*) FROM organizations WHERE member_role IS NOT NULL");
  g_assert_cmpint (n_members * 100, >=, n_orgs * 50);
  g_assert_cmpint (n_members * 100, <=, n_orgs * 70);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE status <> 'active'"
                                  " AND status_date IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE status <> 'active'"
                                  " AND status_date IS NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organizations WHERE party_org_form = 'independent'")
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
      g_assert_true (result.inner_check_ok);
      g_assert_cmpint (result.department, ==, '5');
      g_assert_cmpstr (od_org_type_to_key (result.org_type), ==, od_stmt_get_text (stmt, 1));
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

/* --- orgdesk-cli export --- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

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
test_cli (OdTestFixture *f,
          gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (f->dir, "orgs.json", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "people.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "not-a-database.db", NULL);
  g_autofree char *contents = NULL;
  Result r;

  if (g_getenv ("ORGDESK_CLI") == NULL)
    {
      g_test_skip ("ORGDESK_CLI is not set");
      return;
    }

  r = run ("--db", f->path, "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run ("--db", f->path, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, BOM "uuid,name,"));
  g_assert_nonnull (strstr (r.out, "宝鸡市养生协会"));
  result_clear (&r);

  r = run ("--db", f->path, "export", "organizations", "--format", "json", "-o", json_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "[\n{"));
  g_clear_pointer (&contents, g_free);
  result_clear (&r);

  /* ID numbers masked by default, in full on request. */
  r = run ("--db", f->path, "export", "people", "-o", csv_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "********"));
  g_clear_pointer (&contents, g_free);
  result_clear (&r);
  r = run ("--db", f->path, "export", "people", "--full-id-numbers", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "********"));
  result_clear (&r);

  /* Usage errors: 2. */
  r = run ("--db", f->path, "export", "organizations", "--format", "xlsx", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "XLSX"));
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
  r = run ("--db", f->path, "export", "organizations", "--format", "ods", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run ("--db", f->path, "export", "trainings", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "trainings"));
  result_clear (&r);
  r = run ("--db", f->path, "export", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run ("--db", f->path, "export", "people", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  /* Database errors: 3, and no database is created. */
  r = run ("--db", missing, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  result_clear (&r);
  g_assert_true (g_file_set_contents (not_db, "this is not a database, just text\n", -1, NULL));
  r = run ("--db", not_db, "export", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
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
  OD_TEST_ADD ("/export/unknown-entity", test_unknown_entity);
  OD_TEST_ADD ("/export/empty", test_empty);
  OD_TEST_ADD ("/export/cli", test_cli);

  return g_test_run ();
}
