/* test-import.c — spreadsheets into the registry: mapping, values, checks,
 * matching, all or nothing, the audit entry, orgdesk-cli import
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
#include "od-import.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-validate.h"

#define BOM "\xEF\xBB\xBF"

/* Rare characters of names: 堃 (U+5803) and 䶮 (U+4DAE, CJK extension A,
 * four bytes in GB18030). */
#define KUN "堃"
#define YAN "䶮"

/* --- helpers --- */

static OdDb *
open_db (OdTestFixture *f,
         const char    *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static char *
write_file (OdTestFixture *f,
            const char    *name,
            const char    *data,
            gssize         length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports PATH, which must be readable as a whole. */
static OdImportResult *
import_with (OdDb                  *db,
             const char            *entity,
             const char            *path,
             const OdImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  OdImportResult *result = od_import_file (db, entity, path, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static OdImportResult *
import_file (OdDb       *db,
             const char *entity,
             const char *path)
{
  return import_with (db, entity, path, NULL);
}

/* Imports and expects no row errors, showing them if there are. */
static OdImportResult *
import_ok (OdDb       *db,
           const char *entity,
           const char *path)
{
  OdImportResult *result = import_file (db, entity, path);

  for (guint i = 0; i < result->errors->len; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->errors, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_true (result->written);
  return result;
}

/* The text of the first column of the first row of SQL with ?1 = ARG. */
static char *
query_text (OdDb       *db,
            const char *sql,
            const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (arg != NULL)
    g_assert_true (od_stmt_bind_text (stmt, 1, arg, &error));
  if (od_stmt_step (stmt, &error) != OD_STEP_ROW)
    return NULL;
  return od_stmt_column_is_null (stmt, 0) ? NULL : g_strdup (od_stmt_get_text (stmt, 0));
}

static char *
export_string (OdDb       *db,
               const char *entity)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char zero = '\0';

  g_assert_true (od_export_write (db, entity, OD_EXPORT_FORMAT_CSV, TRUE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &zero, 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_file (OdTestFixture *f,
             OdDb          *db,
             const char    *entity,
             const char    *name)
{
  g_autofree char *text = export_string (db, entity);

  return write_file (f, name, text, -1);
}

/* A valid unified social credit code from its first 17 characters
 * (GB 32100-2015, DESIGN.md §2). */
static char *
credit_code (const char *first17)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0, check;

  g_assert_cmpuint (strlen (first17), ==, 17);
  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (charset, first17[i]) - charset) * weights[i];
  check = 31 - sum % 31;
  return g_strdup_printf ("%s%c", first17, charset[check == 31 ? 0 : check]);
}

/* A valid resident ID number from its first 17 digits (GB 11643-1999). */
static char *
id_number (const char *first17)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, "10X98765432"[sum % 11]);
}

/* The same code with a wrong check character. */
static char *
bad_credit_code (const char *first17)
{
  char *code = credit_code (first17);

  code[17] = code[17] == '0' ? '1' : '0';
  return code;
}

static gboolean
has_notice (OdImportResult *result,
            const char     *part)
{
  for (guint i = 0; i < result->notices->len; i++)
    if (strstr (g_ptr_array_index (result->notices, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static OdImportProblem *
error_at (OdImportResult *result,
          guint           index)
{
  g_assert_cmpuint (index, <, result->errors->len);
  return g_ptr_array_index (result->errors, index);
}

static gint64
org_id (OdDb       *db,
        const char *name)
{
  g_autofree char *text = query_text (db, "SELECT id FROM organizations WHERE name = ?1"
                                          " AND deleted_at IS NULL", name);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gint64
save_org (OdDb       *db,
          const char *name,
          const char *code,
          const char *phone)
{
  g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (fields->name);
  fields->name = g_strdup (name);
  fields->credit_code = g_strdup (code);
  g_free (fields->phone);
  fields->phone = g_strdup (phone != NULL ? phone : "");
  id = od_organization_save (db, fields, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
backups_exist (OdTestFixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);

  return od_test_count_files (dir) > 0;
}

/* --- round trips --- */

/* Demo data exported, imported into an empty database and exported again:
 * the same bytes. The clock is pinned to the demo's, so that created_at and
 * updated_at (set by the store, not imported) agree too. */
static void
test_round_trip_organizations (OdTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(OdDb) source = open_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  gint64 n;

  g_assert_true (od_demo_load (source, FALSE, &error));
  g_assert_no_error (error);

  /* Besides the demo: a failing code kept with a reason, text a spreadsheet
   * would run as a formula, a line break, quotes and commas. */
  od_db_set_fixed_now (source, OD_DEMO_NOW);
  {
    g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
    g_autofree char *bad = bad_credit_code ("51610300MJX519999");

    g_free (fields->name);
    fields->name = g_strdup ("宝鸡市\"老证\"协会");
    fields->credit_code = g_strdup (bad);
    g_free (fields->credit_code_override);
    fields->credit_code_override = g_strdup ("证书所载, 核对无误");
    g_free (fields->notes);
    fields->notes = g_strdup ("=1+1\n第二行");
    g_free (fields->legal_representative);
    fields->legal_representative = g_strdup ("@王");
    g_assert_cmpint (od_organization_save (source, fields, &error), >, 0);
    g_assert_no_error (error);
  }
  n = od_organization_count (source, NULL);
  g_assert_cmpint (n, >=, 400);
  g_assert_cmpint (od_test_query_int (source, "SELECT count(*) FROM organizations"
                                      " WHERE member_role IS NOT NULL"), >, 0);
  g_assert_cmpint (od_test_query_int (source, "SELECT count(*) FROM organizations"
                                      " WHERE status <> 'active'"), >, 0);
  g_assert_cmpint (od_test_query_int (source, "SELECT count(*) FROM organizations"
                                      " WHERE party_members > 0"), >, 0);

  before = export_string (source, "organizations");
  path = write_file (f, "organizations.csv", before, -1);

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  result = import_ok (target, "organizations", path);
  g_assert_cmpuint (result->n_rows, ==, n);
  g_assert_cmpuint (result->n_inserted, ==, n);
  g_assert_cmpuint (result->n_updated + result->n_unchanged + result->n_skipped, ==, 0);
  g_assert_cmpuint (result->warnings->len, ==, 0);

  after = export_string (target, "organizations");
  g_assert_cmpstr (after, ==, before);

  /* Again: every row matches (by uuid), nothing changes, nothing doubles. */
  g_clear_pointer (&result, od_import_result_free);
  result = import_ok (target, "organizations", path);
  g_assert_cmpuint (result->n_unchanged, ==, n);
  g_assert_cmpuint (result->n_inserted + result->n_updated, ==, 0);
  g_assert_cmpint (od_organization_count (target, NULL), ==, n);
  g_clear_pointer (&after, g_free);
  after = export_string (target, "organizations");
  g_assert_cmpstr (after, ==, before);
}

static void
test_round_trip_people (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) source = open_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) orgs = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *org_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  gint64 n;

  g_assert_true (od_demo_load (source, FALSE, &error));
  g_assert_no_error (error);
  n = od_person_count (source, NULL);
  g_assert_cmpint (n, >=, 800);
  g_assert_cmpint (od_test_query_int (source, "SELECT count(*) FROM people WHERE id_number IS NOT NULL"),
                   >, 0);

  org_path = export_file (f, source, "organizations", "organizations.csv");
  before = export_string (source, "people");
  path = write_file (f, "people.csv", before, -1);

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  orgs = import_ok (target, "organizations", org_path);
  people = import_ok (target, "people", path);
  g_assert_cmpuint (people->n_inserted, ==, n);

  after = export_string (target, "people");
  g_assert_cmpstr (after, ==, before);
}

/* --- headers and encodings --- */

static void
test_chinese_headers (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autofree char *code = credit_code ("51610300MJX510000");
  g_autofree char *id = id_number ("61030219900307123");
  g_autofree char *text = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *people_path = NULL;
  g_autofree char *value = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;

  /* A title row above the header, a 序号 column, headers with spaces,
   * full-width forms and a required-mark, an unknown column. */
  text = g_strdup_printf ("2017年宝鸡市社会组织名录,,,,,,,,,,,,,,,\n"
                          "序号,单位名称*,统一社会信用代码,法人代表,联系人,联系电话（办公）,"
                          "成立日期,所在地区,住所,业务主管单位,组织类型,类别,状  态,电子邮箱,网站,"
                          "其他说明\n"
                          "1,宝鸡市书法家协会,%s,张三,李四,0917 3212345,2016年3月1日,凤翔县,"
                          "宝鸡市渭滨区经二路1号,宝鸡市文联,社会团体,文化,正常,sf@example.com,"
                          "www.example.com,x\n"
                          "2,,,,,,,,,,,,,,,\n",
                          code);
  path = write_file (f, "名录.csv", text, -1);
  result = import_ok (db, "organizations", path);

  g_assert_cmpuint (result->header_row, ==, 2);
  g_assert_cmpuint (result->n_rows, ==, 1);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_true (has_notice (result, "序号"));
  g_assert_true (has_notice (result, "其他说明"));
  g_assert_true (has_notice (result, "row 2"));
  g_assert_cmpuint (result->columns->len, ==, 16);
  g_assert_cmpstr (g_ptr_array_index (result->columns, 0), ==, "");
  g_assert_cmpstr (g_ptr_array_index (result->columns, 1), ==, "name");
  g_assert_cmpstr (g_ptr_array_index (result->columns, 5), ==, "phone");
  g_assert_cmpstr (g_ptr_array_index (result->columns, 12), ==, "status");

  org = od_organization_load (db, org_id (db, "宝鸡市书法家协会"), NULL);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->credit_code, ==, code);
  g_assert_cmpstr (org->legal_representative, ==, "张三");
  g_assert_cmpstr (org->contact_person, ==, "李四");
  g_assert_cmpstr (org->phone, ==, "0917-3212345");
  g_assert_cmpstr (org->registered_on, ==, "2016-03-01");
  /* 凤翔县 is the former name of 凤翔区 (DESIGN.md §2). */
  g_assert_cmpstr (org->area_name, ==, "凤翔区");
  g_assert_cmpstr (org->address, ==, "宝鸡市渭滨区经二路1号");
  g_assert_cmpstr (org->supervising_unit, ==, "宝鸡市文联");
  g_assert_cmpint (org->org_type, ==, OD_ORGANIZATION_TYPE_SOCIAL_GROUP);
  g_assert_cmpstr (org->category_name, ==, "文化");
  g_assert_cmpstr (org->status, ==, "active");
  g_assert_cmpstr (org->email, ==, "sf@example.com");
  g_assert_cmpstr (org->website, ==, "www.example.com");

  /* People: 姓 名 with a space as forms write it, 所在单位, 手机号码. */
  people_text = g_strdup_printf ("姓 名,性别,所在单位,职务,手机号码,身份证号码,备注\n"
                                 "王" KUN ",男,宝鸡市书法家协会,秘书长,138-1234-5678,%s,会员\n"
                                 "李" YAN ",女,宝鸡市书法家协会,,,,\n", id);
  people_path = write_file (f, "人员.csv", people_text, -1);
  people = import_ok (db, "people", people_path);
  g_assert_cmpuint (people->n_inserted, ==, 2);
  value = query_text (db, "SELECT mobile || '|' || position || '|' || gender || '|' || id_number"
                          " || '|' || organization_id FROM people WHERE name = ?1", "王" KUN);
  g_assert_nonnull (value);
  {
    g_autofree char *expected = g_strdup_printf ("13812345678|秘书长|male|%s|%" G_GINT64_FORMAT,
                                                 id, org_id (db, "宝鸡市书法家协会"));

    g_assert_cmpstr (value, ==, expected);
  }

  g_assert_cmpstr (od_import_match_header (od_import_find_entity ("organizations"),
                                           " 统一社会信用代码（必填） "), ==, "credit_code");
  g_assert_cmpstr (od_import_match_header (od_import_find_entity ("people"), "公民身份号码"), ==,
                   "id_number");
  g_assert_null (od_import_match_header (od_import_find_entity ("people"), "序号"));
}

static void
test_gb18030 (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *utf8 = "单位名称,法定代表人,联系电话,所属区县\r\n"
                     "宝鸡市" KUN YAN "文化交流协会,张" KUN ",13812345678,渭滨区\r\n"
                     "宝鸡市" YAN "公益服务中心,李" YAN ",09173212345,岐山县\r\n";
  const char *people_utf8 = "姓名,单位,手机\r\n"
                            "刘" YAN ",宝鸡市" YAN "公益服务中心,13900001111\r\n";
  g_autofree char *gb = NULL;
  g_autofree char *people_gb = NULL;
  g_autofree char *path = NULL;
  g_autofree char *people_path = NULL;
  g_autofree char *name = NULL;
  gsize gb_len = 0, people_len = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  /* Really not UTF-8: 䶮 is FE 9F, one of the GBK codes GB18030-2005 gives
   * to CJK extension A. */
  g_assert_false (g_utf8_validate (gb, (gssize) gb_len, NULL));
  g_assert_nonnull (g_strstr_len (gb, (gssize) gb_len, "\xFE\x9F"));
  people_gb = g_convert (people_utf8, -1, "GB18030", "UTF-8", NULL, &people_len, &error);
  g_assert_no_error (error);

  path = write_file (f, "gbk.csv", gb, (gssize) gb_len);
  result = import_ok (db, "organizations", path);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  g_assert_true (has_notice (result, "GB18030"));
  g_assert_cmpint (org_id (db, "宝鸡市" KUN YAN "文化交流协会"), >, 0);
  name = query_text (db, "SELECT legal_representative FROM organizations WHERE name = ?1",
                     "宝鸡市" YAN "公益服务中心");
  g_assert_cmpstr (name, ==, "李" YAN);

  people_path = write_file (f, "people-gbk.csv", people_gb, (gssize) people_len);
  people = import_ok (db, "people", people_path);
  g_assert_cmpuint (people->n_inserted, ==, 1);
  g_clear_pointer (&name, g_free);
  name = query_text (db, "SELECT o.name FROM people p JOIN organizations o"
                         " ON o.id = p.organization_id WHERE p.name = ?1", "刘" YAN);
  g_assert_cmpstr (name, ==, "宝鸡市" YAN "公益服务中心");
}

/* Excel's "CSV UTF-8": a BOM, CRLF, a cell with a line break inside quotes
 * (Alt+Enter), which moves the line numbers of later rows. */
static void
test_excel_crlf_bom (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *notes = NULL;
  const char *text = BOM "单位名称,备注,登记日期\r\n"
                     "宝鸡市甲协会,\"第一行\r\n第二行\",2017/10/19\r\n"
                     "\r\n"
                     "宝鸡市乙协会,,2017-99-99\r\n";

  path = write_file (f, "excel.csv", text, -1);
  result = import_file (db, "organizations", path);
  /* The bad date is on line 5: line 2, its continuation, a blank line. */
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpuint (error_at (result, 0)->row, ==, 5);
  g_assert_cmpstr (error_at (result, 0)->column, ==, "登记日期");
  g_assert_cmpstr (error_at (result, 0)->value, ==, "2017-99-99");
  g_assert_cmpint (od_organization_count (db, NULL), ==, 0);

  text = BOM "单位名称,备注,登记日期\r\n"
         "宝鸡市甲协会,\"第一行\r\n第二行\",2017/10/19\r\n"
         "\r\n"
         "宝鸡市乙协会,,2017-09-09\r\n";
  g_clear_pointer (&path, g_free);
  path = write_file (f, "excel.csv", text, -1);
  g_clear_pointer (&result, od_import_result_free);
  result = import_ok (db, "organizations", path);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  notes = query_text (db, "SELECT notes FROM organizations WHERE name = ?1", "宝鸡市甲协会");
  g_assert_cmpstr (notes, ==, "第一行\r\n第二行");
  /* The BOM is not part of the first header, and no header is left over. */
  g_assert_cmpstr (g_ptr_array_index (result->columns, 0), ==, "name");
}

/* --- all or nothing --- */

#define N_BIG 1000

typedef struct
{
  guint       index;     /* data row, 0-based: the file line is index + 2 */
  const char *column;    /* header of the bad cell */
} BadRow;

static const BadRow bad_rows[] = {
  { 16, "登记日期" },
  { 249, "联系电话" },
  { 499, "所属区县" },
  { 750, "统一社会信用代码" },
  { 998, "类型" },
};

/* 1,000 organizations, 5 of them wrong in one cell each. */
static char *
big_file (OdTestFixture *f)
{
  g_autoptr(GString) text = g_string_new ("单位名称,统一社会信用代码,联系电话,登记日期,所属区县,类型\n");

  for (guint i = 0; i < N_BIG; i++)
    {
      g_autofree char *first17 = g_strdup_printf ("51610300MJ%07u", i);
      g_autofree char *code = credit_code (first17);
      g_autofree char *phone = g_strdup_printf ("0917-32%05u", i);
      const char *date = "2017/10/19";
      const char *area = "金台区";
      const char *type = "社会团体";

      if (i == bad_rows[0].index)
        date = "2017-13-45";
      if (i == bad_rows[1].index)
        {
          g_free (phone);
          phone = g_strdup ("12345");
        }
      if (i == bad_rows[2].index)
        area = "火星区";
      if (i == bad_rows[3].index)
        {
          g_free (code);
          code = bad_credit_code (first17);
        }
      if (i == bad_rows[4].index)
        type = "公司";
      g_string_append_printf (text, "宝鸡市测试协会%04u,%s,%s,%s,%s,%s\n", i, code, phone, date,
                              area, type);
    }
  return write_file (f, "big.csv", text->str, (gssize) text->len);
}

static void
test_bad_rows (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = big_file (f);
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  gint64 n_orgs, n_audit;

  save_org (db, "宝鸡市已有协会", NULL, NULL);
  n_orgs = od_test_query_int (db, "SELECT count(*) FROM organizations");
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  result = import_file (db, "organizations", path);
  g_assert_cmpuint (result->n_rows, ==, N_BIG);
  g_assert_cmpuint (result->errors->len, ==, G_N_ELEMENTS (bad_rows));
  g_assert_cmpuint (result->n_error_rows, ==, G_N_ELEMENTS (bad_rows));
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_assert_cmpuint (error_at (result, i)->row, ==, bad_rows[i].index + 2);
      g_assert_cmpstr (error_at (result, i)->column, ==, bad_rows[i].column);
    }
  g_assert_cmpuint (result->n_inserted, ==, N_BIG - G_N_ELEMENTS (bad_rows));
  g_assert_false (result->written);

  line = od_import_problem_format (result, error_at (result, 2));
  expected = g_strdup_printf ("%s:501:所属区县: “火星区” is not a district or county", path);
  g_assert_true (g_str_has_prefix (line, expected));
  /* The failing code names the expected check character. */
  g_assert_nonnull (strstr (error_at (result, 3)->message, "should be"));

  /* Nothing written: no row, no audit entry, no backup. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations"), ==, n_orgs);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organization_search"), ==, n_orgs);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);
  g_assert_null (result->backup_path);
  g_assert_false (backups_exist (f));
}

/* "Import valid rows only", on explicit choice: the 995 good rows go in,
 * the 5 bad ones are reported and left out. */
static void
test_valid_rows_only (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = big_file (f);
  OdImportOptions options;
  gint64 n_orgs;

  save_org (db, "宝鸡市已有协会", NULL, NULL);
  n_orgs = od_test_query_int (db, "SELECT count(*) FROM organizations");

  od_import_options_init (&options);
  g_assert_false (options.valid_rows_only);
  options.valid_rows_only = TRUE;
  result = import_with (db, "organizations", path, &options);
  g_assert_cmpuint (result->n_error_rows, ==, G_N_ELEMENTS (bad_rows));
  g_assert_cmpuint (result->errors->len, ==, G_N_ELEMENTS (bad_rows));
  g_assert_true (result->written);
  g_assert_nonnull (result->backup_path);
  g_assert_cmpuint (result->n_inserted, ==, N_BIG - G_N_ELEMENTS (bad_rows));
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations"), ==,
                   n_orgs + N_BIG - G_N_ELEMENTS (bad_rows));
}

static void
test_dry_run (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *code_a = credit_code ("51610300MJX510001");
  g_autofree char *code_b = credit_code ("51610300MJX510002");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *phone = NULL;
  OdImportOptions options;
  gint64 n_audit;

  save_org (db, "宝鸡市甲协会", code_a, "0917-3212345");
  save_org (db, "宝鸡市乙协会", code_b, "0917-3212346");
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  /* 甲 changes its phone, 乙 is given as it is, 丙 is new. */
  text = g_strdup_printf ("单位名称,统一社会信用代码,联系电话\n"
                          "宝鸡市甲协会,%s,0917-3299999\n"
                          "宝鸡市乙协会,%s,0917-3212346\n"
                          "宝鸡市丙协会,,\n", code_a, code_b);
  path = write_file (f, "dry.csv", text, -1);
  od_import_options_init (&options);
  options.dry_run = TRUE;
  result = import_with (db, "organizations", path, &options);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_true (result->dry_run);
  g_assert_false (result->written);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_cmpuint (result->n_updated, ==, 1);
  g_assert_cmpuint (result->n_unchanged, ==, 1);
  g_assert_cmpuint (result->n_skipped, ==, 0);

  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);
  phone = query_text (db, "SELECT phone FROM organizations WHERE name = ?1", "宝鸡市甲协会");
  g_assert_cmpstr (phone, ==, "0917-3212345");
  g_assert_null (result->backup_path);
  g_assert_false (backups_exist (f));
}

/* --- checks --- */

static void
test_duplicates_in_file (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) orgs = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autofree char *code = credit_code ("51610300MJX510003");
  g_autofree char *existing = credit_code ("51610300MJX510004");
  g_autofree char *id = id_number ("61030219800101002");
  g_autofree char *text = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *people_path = NULL;
  g_autofree char *masked = NULL;

  save_org (db, "宝鸡市老协会", existing, NULL);

  /* line 3 repeats the code of line 2, line 4 the name of line 2; line 6
   * is the existing organization by name, line 5 by its code. */
  text = g_strdup_printf ("单位名称,统一社会信用代码\n"
                          "宝鸡市甲协会,%s\n"
                          "宝鸡市乙协会,%s\n"
                          "宝鸡市甲协会,\n"
                          "宝鸡市老协会新名,%s\n"
                          "宝鸡市老协会,\n", code, code, existing);
  path = write_file (f, "dup.csv", text, -1);
  orgs = import_file (db, "organizations", path);
  g_assert_cmpuint (orgs->errors->len, ==, 3);
  g_assert_cmpuint (error_at (orgs, 0)->row, ==, 3);
  g_assert_cmpstr (error_at (orgs, 0)->column, ==, "统一社会信用代码");
  g_assert_nonnull (strstr (error_at (orgs, 0)->message, "row 2"));
  g_assert_cmpuint (error_at (orgs, 1)->row, ==, 4);
  g_assert_cmpstr (error_at (orgs, 1)->column, ==, "单位名称");
  g_assert_nonnull (strstr (error_at (orgs, 1)->message, "row 2"));
  g_assert_cmpuint (error_at (orgs, 2)->row, ==, 6);
  g_assert_nonnull (strstr (error_at (orgs, 2)->message, "row 5"));
  g_assert_cmpint (od_organization_count (db, NULL), ==, 1);

  people_text = g_strdup_printf ("姓名,手机,身份证号\n"
                                 "张三,13800000001,%s\n"
                                 "张三丰,13800000002,%s\n"
                                 "李四,13800000003,\n"
                                 "李四,138 0000 0003,\n"
                                 "李四,13800000004,\n", id, id);
  people_path = write_file (f, "people.csv", people_text, -1);
  people = import_file (db, "people", people_path);
  g_assert_cmpuint (people->errors->len, ==, 2);
  g_assert_cmpuint (error_at (people, 0)->row, ==, 3);
  g_assert_cmpstr (error_at (people, 0)->column, ==, "身份证号");
  /* ID numbers are personal data: masked in messages and values. */
  g_assert_null (strstr (error_at (people, 0)->message, id));
  masked = od_id_number_mask (id);
  g_assert_cmpstr (error_at (people, 0)->value, ==, masked);
  g_assert_nonnull (strstr (error_at (people, 0)->message, "row 2"));
  g_assert_cmpuint (error_at (people, 1)->row, ==, 5);
  g_assert_cmpstr (error_at (people, 1)->column, ==, "手机");
  g_assert_nonnull (strstr (error_at (people, 1)->message, "row 4"));
  g_assert_cmpint (od_person_count (db, NULL), ==, 0);
}

static void
test_credit_code_reason (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) rejected = NULL;
  g_autoptr(OdImportResult) kept = NULL;
  g_autofree char *bad = bad_credit_code ("51610300MJX510005");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;

  text = g_strdup_printf ("单位名称,统一社会信用代码\n宝鸡市旧证协会,%s\n", bad);
  path = write_file (f, "code.csv", text, -1);
  rejected = import_file (db, "organizations", path);
  g_assert_cmpuint (rejected->errors->len, ==, 1);
  g_assert_cmpstr (error_at (rejected, 0)->column, ==, "统一社会信用代码");
  g_assert_nonnull (strstr (error_at (rejected, 0)->message, "保留理由"));
  g_assert_cmpint (od_organization_count (db, NULL), ==, 0);

  g_free (text);
  text = g_strdup_printf ("单位名称,统一社会信用代码,保留理由\n宝鸡市旧证协会,%s,证书如此\n", bad);
  g_free (path);
  path = write_file (f, "code.csv", text, -1);
  kept = import_ok (db, "organizations", path);
  g_assert_cmpuint (kept->n_inserted, ==, 1);
  reason = query_text (db, "SELECT credit_code_override FROM organizations WHERE credit_code = ?1",
                       bad);
  g_assert_cmpstr (reason, ==, "证书如此");
}

/* --- values --- */

static void
test_dates (OdTestFixture *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *cell;
    const char *iso;
  } dates[] = {
    { "2017/10/19", "2017-10-19" },
    { "2017-10-19", "2017-10-19" },
    { "2017.10.19", "2017-10-19" },
    { "2017年10月19日", "2017-10-19" },
    { "2017年1月9日", "2017-01-09" },
    { "2017/1/9", "2017-01-09" },
    { "20171019", "2017-10-19" },
    { "43027", "2017-10-19" },            /* Excel serial */
    { "43027.5", "2017-10-19" },          /* with a time of day */
    { "2017/10/19 0:00", "2017-10-19" },
    { "2017-10-19T00:00:00", "2017-10-19" },
    { "２０１７年１０月１９日", "2017-10-19" },  /* full-width digits */
    { " 2017-10-19 ", "2017-10-19" },
  };
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(GString) text = g_string_new ("单位名称,登记日期\n");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) bad = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_string_append_printf (text, "宝鸡市日期协会%u,\"%s\"\n", i, dates[i].cell);
  path = write_file (f, "dates.csv", text->str, -1);
  result = import_ok (db, "organizations", path);
  g_assert_cmpuint (result->n_inserted, ==, G_N_ELEMENTS (dates));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *name = g_strdup_printf ("宝鸡市日期协会%u", i);
      g_autofree char *iso = query_text (db, "SELECT registered_on FROM organizations"
                                             " WHERE name = ?1", name);

      g_test_message ("%s", dates[i].cell);
      g_assert_cmpstr (iso, ==, dates[i].iso);
    }

  /* Not dates: words, a month without a day, a number far from any date. */
  g_free (path);
  path = write_file (f, "bad-dates.csv",
                     "单位名称,登记日期\n宝鸡市甲,去年\n宝鸡市乙,2017年10月\n宝鸡市丙,12\n", -1);
  bad = import_file (db, "organizations", path);
  g_assert_cmpuint (bad->errors->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (error_at (bad, i)->row, ==, i + 2);
      g_assert_nonnull (strstr (error_at (bad, i)->message, "is not a date"));
    }
}

/* Values as Excel writes them, and the neutralised formulas of the export. */
static void
test_values (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdDb) copy = open_db (f, "copy.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) again = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  g_autoptr(OdOrganizationFields) copied = NULL;
  g_autofree char *code = credit_code ("51610300MJX510006");
  g_autofree char *wide_code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_path = NULL;
  GString *wide = g_string_new (NULL);

  /* The code typed with full-width characters. */
  for (const char *p = code; *p != '\0'; p++)
    g_string_append_unichar (wide, (gunichar) (*p) + 0xFEE0);
  wide_code = g_string_free (wide, FALSE);

  text = g_strdup_printf ("单位名称,统一社会信用代码,联系电话,党员人数,所属区县,业务类别,备注,"
                          "法定代表人,类型,党组织形式,会员类别,入会日期\n"
                          "  宝鸡市值协会\u3000,%s,０９１７－３２１２３４５,\"1,234\",宝鸡市渭滨区,"
                          "行业协会商会,'=SUM(A1),'-张三,基金会,联合组建,理事单位,2016/5/1\n"
                          "宝鸡市代码协会,,+86 138 1234 5678,3,610322,education,'@home,,"
                          "social_service,independent,member,2016-05-01\n",
                          wide_code);
  path = write_file (f, "values.csv", text, -1);
  result = import_ok (db, "organizations", path);

  org = od_organization_load (db, org_id (db, "宝鸡市值协会"), NULL);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->credit_code, ==, code);
  g_assert_cmpstr (org->phone, ==, "0917-3212345");
  g_assert_cmpint (org->party_members, ==, 1234);
  g_assert_cmpstr (org->area_name, ==, "渭滨区");
  g_assert_cmpstr (org->category_name, ==, "工商服务业/行业协会商会");
  g_assert_cmpstr (org->notes, ==, "=SUM(A1)");
  g_assert_cmpstr (org->legal_representative, ==, "-张三");
  /* A valid code decides the type (GB 32100 position 2: 1 社会团体); the
   * store warns about the 基金会 in the file. */
  g_assert_cmpint (org->org_type, ==, OD_ORGANIZATION_TYPE_SOCIAL_GROUP);
  g_assert_cmpuint (result->warnings->len, ==, 1);
  g_assert_cmpstr (((OdImportProblem *) g_ptr_array_index (result->warnings, 0))->column, ==,
                   "类型");
  g_assert_cmpstr (org->party_org_form, ==, "joint");
  g_assert_cmpstr (org->member_role, ==, "director");
  g_assert_cmpstr (org->member_since, ==, "2016-05-01");
  g_clear_pointer (&org, od_organization_fields_free);

  org = od_organization_load (db, org_id (db, "宝鸡市代码协会"), NULL);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->phone, ==, "13812345678");
  g_assert_cmpstr (org->area_name, ==, "凤翔区");
  g_assert_cmpstr (org->category_name, ==, "教育");
  g_assert_cmpstr (org->notes, ==, "@home");
  g_assert_cmpint (org->org_type, ==, OD_ORGANIZATION_TYPE_SOCIAL_SERVICE);
  g_assert_cmpstr (org->member_role, ==, "member");

  /* The export neutralises = - @ with an apostrophe; importing it back
   * gives the text that was stored. */
  exported = export_string (db, "organizations");
  g_assert_nonnull (strstr (exported, "'=SUM(A1)"));
  g_assert_nonnull (strstr (exported, "'-张三"));
  exported_path = write_file (f, "exported.csv", exported, -1);
  again = import_ok (copy, "organizations", exported_path);
  copied = od_organization_load (copy, org_id (copy, "宝鸡市值协会"), NULL);
  g_assert_nonnull (copied);
  g_assert_cmpstr (copied->notes, ==, "=SUM(A1)");
  g_assert_cmpstr (copied->legal_representative, ==, "-张三");
}

static void
test_lookups_unknown (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = NULL;

  save_org (db, "宝鸡市江苏商会", NULL, NULL);
  path = write_file (f, "people.csv",
                     "姓名,所在单位,性别\n"
                     "张三,江苏商会,男\n"
                     "李四,宝鸡市浙江商会,女\n"
                     "王五,宝鸡市江苏商会,不详\n", -1);
  result = import_file (db, "people", path);
  g_assert_cmpuint (result->errors->len, ==, 3);
  /* A name that is part of a registered one: suggested. */
  g_assert_cmpuint (error_at (result, 0)->row, ==, 2);
  g_assert_cmpstr (error_at (result, 0)->column, ==, "所在单位");
  g_assert_nonnull (strstr (error_at (result, 0)->message, "“江苏商会”"));
  g_assert_nonnull (strstr (error_at (result, 0)->message, "宝鸡市江苏商会"));
  g_assert_cmpuint (error_at (result, 1)->row, ==, 3);
  g_assert_nonnull (strstr (error_at (result, 1)->message, "宝鸡市浙江商会"));
  g_assert_cmpstr (error_at (result, 2)->column, ==, "性别");
  g_assert_nonnull (strstr (error_at (result, 2)->message, "男"));
  g_assert_cmpint (od_person_count (db, NULL), ==, 0);
}

static void
test_masked_id_numbers (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = NULL;

  path = write_file (f, "masked.csv",
                     "姓名,身份证号\n张三,610302********123X\n李四,\n", -1);
  result = import_ok (db, "people", path);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  g_assert_true (has_notice (result, "masked"));
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM people WHERE id_number IS NULL"), ==, 2);
}

/* --- matching --- */

static void
test_match_update (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autoptr(OdOrganizationFields) by_code = NULL;
  g_autoptr(OdOrganizationFields) by_name = NULL;
  g_autoptr(OdPersonFields) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *code = credit_code ("51610300MJX510007");
  g_autofree char *id = id_number ("61030219850505003");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *people_path = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *expected = NULL;
  gint64 code_id, name_id, new_id, person_id, mobile_person_id;

  code_id = save_org (db, "宝鸡市旧名协会", code, "0917-3212345");
  name_id = save_org (db, "宝鸡市按名协会", NULL, "0917-3212346");
  {
    g_autoptr(OdOrganizationFields) fields = od_organization_load (db, code_id, NULL);

    g_free (fields->address);
    fields->address = g_strdup ("经二路1号");
    g_assert_cmpint (od_organization_save (db, fields, &error), ==, code_id);
    g_assert_no_error (error);
  }

  /* By code: renamed, phone changed, the blank address kept. By name: the
   * code filled in. One new. */
  text = g_strdup_printf ("单位名称,统一社会信用代码,联系电话,地址\n"
                          "宝鸡市新名协会,%s,0917-3299999,\n"
                          "宝鸡市按名协会,%s,,\n"
                          "宝鸡市新来协会,,,\n", code, "");
  path = write_file (f, "update.csv", text, -1);
  result = import_ok (db, "organizations", path);
  g_assert_cmpuint (result->n_updated, ==, 1);
  g_assert_cmpuint (result->n_unchanged, ==, 1);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 3);

  by_code = od_organization_load (db, code_id, NULL);
  g_assert_cmpstr (by_code->name, ==, "宝鸡市新名协会");
  g_assert_cmpstr (by_code->phone, ==, "0917-3299999");
  g_assert_cmpstr (by_code->address, ==, "经二路1号");
  by_name = od_organization_load (db, name_id, NULL);
  g_assert_cmpstr (by_name->phone, ==, "0917-3212346");
  new_id = org_id (db, "宝鸡市新来协会");
  g_assert_cmpint (new_id, >, 0);

  /* One "import" entry with the file and the ids; a backup beside the
   * database. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
  stmt = od_db_prepare (db, "SELECT table_name, changes, summary, row_id IS NULL FROM audit_log"
                            " WHERE action = 'import'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stmt_step (stmt, &error), ==, OD_STEP_ROW);
  g_assert_cmpstr (od_stmt_get_text (stmt, 0), ==, "organizations");
  changes = g_strdup (od_stmt_get_text (stmt, 1));
  g_assert_nonnull (strstr (changes, "\"file\":\"update.csv\""));
  expected = g_strdup_printf ("\"inserted\":[%" G_GINT64_FORMAT "]", new_id);
  g_assert_nonnull (strstr (changes, expected));
  g_free (expected);
  expected = g_strdup_printf ("\"updated\":[%" G_GINT64_FORMAT "]", code_id);
  g_assert_nonnull (strstr (changes, expected));
  g_assert_nonnull (strstr (od_stmt_get_text (stmt, 2), "update.csv"));
  g_assert_cmpint (od_stmt_get_int64 (stmt, 3), ==, 1);
  g_assert_nonnull (result->backup_path);
  g_assert_true (g_file_test (result->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (strstr (result->backup_path, "before-import") != NULL);

  /* People: by ID number, else name + mobile; the organization by name. */
  {
    g_autoptr(OdPersonFields) fields = od_person_fields_new ();

    g_free (fields->name);
    fields->name = g_strdup ("张三");
    fields->id_number = g_strdup (id);
    person_id = od_person_save (db, fields, &error);
    g_assert_no_error (error);

    g_clear_pointer (&fields, od_person_fields_free);
    fields = od_person_fields_new ();
    g_free (fields->name);
    fields->name = g_strdup ("李四");
    g_free (fields->mobile);
    fields->mobile = g_strdup ("13800000009");
    mobile_person_id = od_person_save (db, fields, &error);
    g_assert_no_error (error);
  }
  people_text = g_strdup_printf ("姓名,身份证号,手机,单位,职务\n"
                                 "张三,%s,13900000000,宝鸡市新名协会,会长\n"
                                 "李四,,13800000009,宝鸡市新来协会,\n"
                                 "李四,,13800000010,,\n", id);
  people_path = write_file (f, "people.csv", people_text, -1);
  people = import_ok (db, "people", people_path);
  g_assert_cmpuint (people->n_updated, ==, 2);
  g_assert_cmpuint (people->n_inserted, ==, 1);
  g_assert_cmpint (od_person_count (db, NULL), ==, 3);
  person = od_person_load (db, person_id, NULL);
  g_assert_cmpstr (person->mobile, ==, "13900000000");
  g_assert_cmpstr (person->position, ==, "会长");
  g_assert_cmpint (person->organization_id, ==, code_id);
  g_clear_pointer (&person, od_person_fields_free);
  person = od_person_load (db, mobile_person_id, NULL);
  g_assert_cmpint (person->organization_id, ==, new_id);
}

static void
test_on_match_skip (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *code = credit_code ("51610300MJX510008");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *phone = NULL;
  OdImportOptions options;
  gint64 id;

  id = save_org (db, "宝鸡市在册协会", code, "0917-3212345");
  /* The matched row has a bad date: it is left alone, so not checked. */
  text = g_strdup_printf ("单位名称,统一社会信用代码,联系电话,登记日期\n"
                          "宝鸡市在册协会改名,%s,0917-3299999,不详\n"
                          "宝鸡市新协会,,0917-3200000,2017-01-01\n", code);
  path = write_file (f, "skip.csv", text, -1);
  od_import_options_init (&options);
  options.on_match = OD_IMPORT_ON_MATCH_SKIP;
  result = import_with (db, "organizations", path, &options);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_cmpuint (result->n_updated, ==, 0);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 2);
  phone = query_text (db, "SELECT phone || name FROM organizations WHERE credit_code = ?1", code);
  g_assert_cmpstr (phone, ==, "0917-3212345宝鸡市在册协会");
  g_assert_cmpint (org_id (db, "宝鸡市在册协会"), ==, id);
}

static void
test_uuid_in_trash (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *path = NULL;
  gint64 id = save_org (db, "宝鸡市已删协会", NULL, NULL);

  exported = export_string (db, "organizations");
  path = write_file (f, "deleted.csv", exported, -1);
  g_assert_true (od_organization_delete (db, id, &error));
  g_assert_no_error (error);

  result = import_file (db, "organizations", path);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpstr (error_at (result, 0)->column, ==, "uuid");
  g_assert_nonnull (strstr (error_at (result, 0)->message, "trash"));
}

/* --- mapping and files --- */

static void
test_mapping (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *value = NULL;
  OdImportOptions options;

  path = write_file (f, "odd.csv",
                     "机构全称,负责人,号码,电话\n宝鸡市映射协会,赵六,0917-3212345,0917-3200000\n",
                     -1);

  /* No column for the name: refused before any row is read. */
  g_assert_null (od_import_file (db, "organizations", path, NULL, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_NO_COLUMN);
  g_assert_nonnull (strstr (error->message, "机构全称"));
  g_clear_error (&error);

  od_import_options_init (&options);
  options.mapping = "机构全称=name，负责人=legal_representative, 号码=phone, 电话=-";
  result = import_with (db, "organizations", path, &options);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  value = query_text (db, "SELECT legal_representative || phone FROM organizations"
                          " WHERE name = ?1", "宝鸡市映射协会");
  g_assert_cmpstr (value, ==, "赵六0917-3212345");

  options.mapping = "机构全称=nom";
  g_assert_null (od_import_file (db, "organizations", path, &options, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION);
  g_assert_nonnull (strstr (error->message, "credit_code"));
  g_clear_error (&error);

  options.mapping = "全称=name";
  g_assert_null (od_import_file (db, "organizations", path, &options, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION);
  g_assert_nonnull (strstr (error->message, "全称"));
  g_clear_error (&error);

  g_assert_null (od_import_file (db, "unicorns", path, NULL, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNKNOWN_ENTITY);
}

/* A minimal OOXML workbook, written part by part with libzip. */
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"

static char *
write_xlsx (OdTestFixture *f,
            const char    *name,
            const char    *shared_strings,
            const char    *sheet_data)
{
  const char *parts[][2] = {
    { "[Content_Types].xml",
      XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>" },
    { "_rels/.rels",
      XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\"><Relationship Id=\"rId1\" Type=\""
      NS_R "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>" },
    { "xl/workbook.xml",
      XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
      "<sheet name=\"名录\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
      "<Relationship Id=\"rId1\" Type=\"" NS_R "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" NS_R "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
      "</Relationships>" },
    /* cellXfs: 0 General, 1 a date (built-in format 14) */
    { "xl/styles.xml",
      XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
      "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>" },
  };
  g_autofree char *strings = g_strconcat (XML_DECL "<sst xmlns=\"" NS_MAIN "\">", shared_strings,
                                          "</sst>", NULL);
  g_autofree char *sheet = g_strconcat (XML_DECL "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>",
                                        sheet_data, "</sheetData></worksheet>", NULL);
  char *path = g_build_filename (f->dir, name, NULL);
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      zip_source_t *source = zip_source_buffer (zip, parts[i][1], strlen (parts[i][1]), 0);

      g_assert_cmpint (zip_file_add (zip, parts[i][0], source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_file_add (zip, "xl/sharedStrings.xml",
                                 zip_source_buffer (zip, strings, strlen (strings), 0),
                                 ZIP_FL_ENC_UTF_8), >=, 0);
  g_assert_cmpint (zip_file_add (zip, "xl/worksheets/sheet1.xml",
                                 zip_source_buffer (zip, sheet, strlen (sheet), 0),
                                 ZIP_FL_ENC_UTF_8), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  return path;
}

static void
test_xlsx (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) bad = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = credit_code ("51610300MJX510009");
  g_autofree char *strings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  OdImportOptions options;
  /* Row 1 a title, row 3 the header (row 2 absent), data in rows 4 and 7:
   * shared strings, an inline string, a date cell (style 1), a bare serial
   * in a date column, a number. */
  const char *sheet =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c>"
    "<c r=\"C3\" t=\"s\"><v>3</v></c><c r=\"D3\" t=\"s\"><v>4</v></c>"
    "<c r=\"E3\" t=\"s\"><v>5</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>6</v></c><c r=\"B4\" t=\"s\"><v>7</v></c>"
    "<c r=\"C4\" s=\"1\"><v>43027</v></c><c r=\"D4\"><v>3</v></c>"
    "<c r=\"E4\" t=\"s\"><v>8</v></c></row>"
    "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>宝鸡市" YAN "表格协会</t></is></c>"
    "<c r=\"C7\"><v>42736</v></c><c r=\"E7\" t=\"inlineStr\"><is><t>眉县</t></is></c></row>";
  const char *bad_sheet =
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c>"
    "<c r=\"C3\" t=\"s\"><v>3</v></c><c r=\"D3\" t=\"s\"><v>4</v></c>"
    "<c r=\"E3\" t=\"s\"><v>5</v></c></row>"
    "<row r=\"9\"><c r=\"A9\" t=\"s\"><v>6</v></c><c r=\"D9\" t=\"inlineStr\"><is><t>三个</t></is>"
    "</c></row>";

  strings = g_strdup_printf ("<si><t>2017年名录</t></si><si><t>单位名称</t></si>"
                             "<si><t>统一社会信用代码</t></si><si><t>登记日期</t></si>"
                             "<si><t>党员人数</t></si><si><t>所属区县</t></si>"
                             "<si><t>宝鸡市" KUN "表格协会</t></si><si><t>%s</t></si>"
                             "<si><t>金台区</t></si>", code);
  path = write_xlsx (f, "名录.xlsx", strings, sheet);
  result = import_ok (db, "organizations", path);
  g_assert_cmpuint (result->header_row, ==, 3);
  g_assert_cmpuint (result->n_inserted, ==, 2);

  org = od_organization_load (db, org_id (db, "宝鸡市" KUN "表格协会"), NULL);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->credit_code, ==, code);
  g_assert_cmpstr (org->registered_on, ==, "2017-10-19");
  g_assert_cmpint (org->party_members, ==, 3);
  g_assert_cmpstr (org->area_name, ==, "金台区");
  g_clear_pointer (&org, od_organization_fields_free);
  org = od_organization_load (db, org_id (db, "宝鸡市" YAN "表格协会"), NULL);
  g_assert_nonnull (org);
  g_assert_cmpstr (org->registered_on, ==, "2017-01-01");
  g_assert_cmpstr (org->area_name, ==, "眉县");

  /* Errors name the sheet's own row number. */
  bad_path = write_xlsx (f, "bad.xlsx", strings, bad_sheet);
  bad = import_file (db, "organizations", bad_path);
  g_assert_cmpuint (bad->errors->len, ==, 1);
  g_assert_cmpuint (error_at (bad, 0)->row, ==, 9);
  g_assert_cmpstr (error_at (bad, 0)->column, ==, "党员人数");

  od_import_options_init (&options);
  options.sheet = 2;
  g_assert_null (od_import_file (db, "organizations", path, &options, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION);
  g_assert_nonnull (strstr (error->message, "名录"));
}

static void
test_refused_files (OdTestFixture *f,
                    gconstpointer  data)
{
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an old workbook";
  g_autoptr(OdDb) db = open_db (f, "office.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xls = write_file (f, "old.xls", ole, sizeof ole - 1);
  g_autofree char *html = write_file (f, "web.xls", "<html><table></table></html>", -1);
  g_autofree char *tsv = write_file (f, "text.xls", "单位名称\t联系人\n宝鸡市制表协会\t孙七\n", -1);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *empty = write_file (f, "empty.csv", BOM "\r\n", -1);

  g_assert_null (od_import_file (db, "organizations", xls, NULL, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_clear_error (&error);

  g_assert_null (od_import_file (db, "organizations", html, NULL, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_assert_null (od_import_file (db, "organizations", missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (od_import_file (db, "organizations", empty, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.csv"));
  g_clear_error (&error);

  /* What web systems export as ".xls" is often tab-separated text. */
  result = import_ok (db, "organizations", tsv);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_true (has_notice (result, "CSV"));
}

/* --- orgdesk-cli import --- */

/* The lines of TEXT that start with PREFIX. */
static GPtrArray *
lines_with_prefix (const char *text,
                   const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      g_ptr_array_add (found, g_strdup (lines[i]));
  return found;
}

static void
test_cli (OdTestFixture *f,
          gconstpointer  data)
{
  g_autofree char *big = big_file (f);
  g_autofree char *good = write_file (f, "good.csv",
                                      "单位名称,联系电话\n宝鸡市命令协会,0917-3212345\n", -1);
  g_autofree char *xls = write_file (f, "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  g_autofree char *not_db = write_file (f, "not.db", "this is not a database at all, no", -1);
  g_autofree char *prefix = g_strconcat (big, ":", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(OdDb) db = NULL;
  OdTestRun r;

  r = od_test_run_cli ("--db", f->path, "init", NULL);
  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  /* 5 bad rows: exactly 5 error lines naming file, row and column; exit 1;
   * nothing written. */
  r = od_test_run_cli ("--db", f->path, "import", "organizations", big, NULL);
  g_assert_cmpint (r.status, ==, 1);
  lines = lines_with_prefix (r.err, prefix);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (bad_rows));
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s:%u:%s: ", big, bad_rows[i].index + 2,
                                                   bad_rows[i].column);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, i), expected));
    }
  g_assert_nonnull (strstr (r.err, "nothing was imported"));
  od_test_run_clear (&r);

  db = od_db_open (f->path, OD_DB_OPEN_DEFAULT, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 0);
  g_clear_object (&db);
  g_assert_false (backups_exist (f));

  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "would insert 1"));
  od_test_run_clear (&r);
  g_assert_false (backups_exist (f));

  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "inserted 1"));
  g_assert_cmpstr (r.err, ==, "");
  od_test_run_clear (&r);
  g_assert_true (backups_exist (f));

  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, "--on-match", "skip", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "skipped 1"));
  od_test_run_clear (&r);

  /* Usage: 2. */
  r = od_test_run_cli ("--db", f->path, "import", "budgets", good, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "budgets"));
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "import", "organizations", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, "--on-match", "merge", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, "--encoding", "latin1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "import", "organizations", good, "--map", "单位名称=nom", NULL);
  g_assert_cmpint (r.status, ==, 2);
  od_test_run_clear (&r);

  /* Rejected data: 1. */
  r = od_test_run_cli ("--db", f->path, "import", "organizations", xls, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, ".xlsx"));
  od_test_run_clear (&r);

  /* Database: 3. */
  r = od_test_run_cli ("--db", not_db, "import", "organizations", good, NULL);
  g_assert_cmpint (r.status, ==, 3);
  od_test_run_clear (&r);
}

static OdDb *
open_demo_db (OdTestFixture *f,
              const char    *name)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = open_db (f, name);

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  return db;
}

/* ENTITY of DB written by libxlsxwriter as F->dir/NAME; returns the path. */
static char *
export_xlsx (OdTestFixture *f,
             OdDb          *db,
             const char    *entity,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (od_export_write_file (db, entity, OD_EXPORT_FORMAT_XLSX, TRUE, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* The first line of TEXT, without a BOM and the line end. */
static char *
first_line (const char *text)
{
  if (g_str_has_prefix (text, BOM))
    text += strlen (BOM);
  return g_strndup (text, strcspn (text, "\r\n"));
}

/* --- round trip through XLSX --- */

/* Demo data exported as .xlsx, imported into an empty database with the
 * demo's clock (as the CSV round trip of test-import.c does), and both
 * databases exported as CSV: the same bytes. */
static void
test_xlsx_round_trip_organizations (OdTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(OdDb) source = open_demo_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n = od_organization_count (source, NULL);

  g_assert_cmpint (n, >=, 400);
  path = export_xlsx (f, source, "organizations", "organizations.xlsx");

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  result = import_ok (target, "organizations", path);
  g_assert_cmpuint (result->n_inserted, ==, n);
  g_assert_cmpuint (result->n_rows, ==, n);
  g_assert_cmpuint (result->header_row, ==, 1);
  g_assert_cmpint (od_organization_count (target, NULL), ==, n);

  before = export_string (source, "organizations");
  after = export_string (target, "organizations");
  g_assert_nonnull (strstr (before, "宝鸡市养生协会"));
  g_assert_cmpstr (after, ==, before);
}

static void
test_xlsx_round_trip_people (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) source = open_demo_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) orgs = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autofree char *org_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n = od_person_count (source, NULL);

  g_assert_cmpint (n, >=, 800);
  /* People name their organization: those come first, also as .xlsx. */
  org_path = export_xlsx (f, source, "organizations", "organizations.xlsx");
  path = export_xlsx (f, source, "people", "people.xlsx");

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  orgs = import_ok (target, "organizations", org_path);
  g_assert_cmpuint (orgs->n_inserted, ==, orgs->n_rows);
  people = import_ok (target, "people", path);
  g_assert_cmpuint (people->n_inserted, ==, n);
  g_assert_cmpuint (people->n_rows, ==, n);
  g_assert_cmpint (od_person_count (target, NULL), ==, n);

  before = export_string (source, "people");
  after = export_string (target, "people");
  g_assert_cmpstr (after, ==, before);
}

/* --- read by LibreOffice --- */

/* Our .xlsx (libxlsxwriter) converted to CSV by LibreOffice: it opens the
 * file, and the header row and the names come out as written. */
static void
test_libreoffice (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *program = od_test_require_program ("libreoffice", "libreoffice-calc-nogui");
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *header = NULL;
  g_autofree char *their_header = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;


  db = open_demo_db (f, "office.db");
  path = export_xlsx (f, db, "organizations", "organizations.xlsx");
  outdir = g_build_filename (f->dir, "converted", NULL);
  g_assert_cmpint (g_mkdir_with_parents (outdir, 0700), ==, 0);
  /* A profile of its own, so that a running LibreOffice is not used. */
  profile = g_build_filename (f->dir, "lo-profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  {
    /* csv with its filter options: comma, double quote, UTF-8 (76). */
    const char *argv[] = {
      program, profile_arg, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir", outdir, path, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  g_test_message ("libreoffice: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  csv_path = g_build_filename (outdir, "organizations.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (csv, -1, NULL));

  ours = export_string (db, "organizations");
  header = first_line (ours);
  their_header = first_line (csv);
  g_assert_cmpstr (header, !=, "");
  g_assert_cmpstr (their_header, ==, header);
  g_assert_nonnull (strstr (csv, "宝鸡市养生协会"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/import/round-trip/organizations", test_round_trip_organizations);
  OD_TEST_ADD ("/import/round-trip/people", test_round_trip_people);
  OD_TEST_ADD ("/import/chinese-headers", test_chinese_headers);
  OD_TEST_ADD ("/import/gb18030", test_gb18030);
  OD_TEST_ADD ("/import/excel-crlf-bom", test_excel_crlf_bom);
  OD_TEST_ADD ("/import/bad-rows", test_bad_rows);
  OD_TEST_ADD ("/import/dry-run", test_dry_run);
  OD_TEST_ADD ("/import/valid-rows-only", test_valid_rows_only);
  OD_TEST_ADD ("/import/duplicates-in-file", test_duplicates_in_file);
  OD_TEST_ADD ("/import/credit-code-reason", test_credit_code_reason);
  OD_TEST_ADD ("/import/dates", test_dates);
  OD_TEST_ADD ("/import/values", test_values);
  OD_TEST_ADD ("/import/lookups-unknown", test_lookups_unknown);
  OD_TEST_ADD ("/import/masked-id-numbers", test_masked_id_numbers);
  OD_TEST_ADD ("/import/match-update", test_match_update);
  OD_TEST_ADD ("/import/on-match-skip", test_on_match_skip);
  OD_TEST_ADD ("/import/uuid-in-trash", test_uuid_in_trash);
  OD_TEST_ADD ("/import/mapping", test_mapping);
  OD_TEST_ADD ("/import/xlsx", test_xlsx);
  OD_TEST_ADD ("/import/xlsx/round-trip/organizations", test_xlsx_round_trip_organizations);
  OD_TEST_ADD ("/import/xlsx/round-trip/people", test_xlsx_round_trip_people);
  OD_TEST_ADD ("/import/xlsx/libreoffice", test_libreoffice);
  OD_TEST_ADD ("/import/refused-files", test_refused_files);
  OD_TEST_ADD ("/import/cli", test_cli);

  return g_test_run ();
}
