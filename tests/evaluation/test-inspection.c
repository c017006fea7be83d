/* test-inspection.c — annual inspections: the store's checks, import and
 * export through the entity registry, the trash, the year's grid and
 * counts against hand-computed ones, every warning at its boundary, the
 * figures and the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-import.h"
#include "od-inspection-entities.h"
#include "od-inspection-store.h"
#include "od-problem.h"
#include "od-registry-store.h"
#include "od-stats.h"
#include "od-store-util.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-trash.h"

static gint64
add_org (OdDb       *db,
         const char *name,
         const char *registered_on,
         const char *status)
{
  g_autoptr(OdOrganizationFields) o = od_organization_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (o->name);
  o->name = g_strdup (name);
  o->registered_on = g_strdup (registered_on);
  g_free (o->status);
  o->status = g_strdup (status);
  if (!g_str_equal (status, "active"))
    o->status_date = g_strdup ("2018-03-01");
  id = od_organization_save (db, o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static OdInspectionFields *
new_inspection (gint64      organization_id,
                gint64      year,
                const char *conclusion)
{
  OdInspectionFields *i = od_inspection_fields_new ();

  i->organization_id = organization_id;
  i->year = year;
  g_free (i->conclusion);
  i->conclusion = g_strdup (conclusion);
  if (!g_str_equal (conclusion, "not_submitted") && !g_str_equal (conclusion, "exempt"))
    i->submitted_on = g_strdup_printf ("%04d-04-10", (int) year + 1);
  return i;
}

static gint64
add_inspection (OdDb       *db,
                gint64      organization_id,
                gint64      year,
                const char *conclusion,
                gboolean    penalized)
{
  g_autoptr(OdInspectionFields) i = new_inspection (organization_id, year, conclusion);
  g_autoptr(GError) error = NULL;
  gint64 id;

  i->penalized = penalized;
  id = od_inspection_save (db, i, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The kinds of WARNINGS, as "N" (not submitted or unqualified), "T" (two
 * years running) and "D" (downgrade), in order. */
static char *
kinds_of (GPtrArray *warnings)
{
  GString *kinds = g_string_new (NULL);

  for (guint i = 0; i < warnings->len; i++)
    {
      OdInspectionWarning *w = g_ptr_array_index (warnings, i);

      g_string_append_c (kinds, "NTD"[w->kind]);
    }
  return g_string_free (kinds, FALSE);
}

/* Asserts that the warnings of ORGANIZATION_ID for YEAR are of KINDS
 * (see kinds_of()), each naming the year. */
static void
assert_warnings (OdDb       *db,
                 gint64      organization_id,
                 int         year,
                 gboolean    graded,
                 const char *kinds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = od_inspection_warnings (db, organization_id, year, graded,
                                                          &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    {
      OdInspectionWarning *w = g_ptr_array_index (warnings, i);
      g_autofree char *year_text = g_strdup_printf ("%d", year);

      g_assert_cmpint (w->year, ==, year);
      g_assert_nonnull (strstr (w->message, year_text));
    }
  {
    g_autofree char *found = kinds_of (warnings);

    g_assert_cmpstr (found, ==, kinds);
  }
}

/* Saving, the duplicate of an organization and year, the checks. */
static void
test_checks (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdInspectionFields) i = NULL;
  g_autoptr(OdInspectionFields) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 org = add_org (db, "宝鸡市江苏商会", "2010-05-01", "active");
  gint64 first = add_inspection (db, org, 2017, "qualified", FALSE);
  gint64 n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");
  const OdProblem *problem;

  loaded = od_inspection_load (db, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->organization_name, ==, "宝鸡市江苏商会");
  g_assert_cmpstr (loaded->submitted_on, ==, "2018-04-10");
  g_assert_cmpint (loaded->year, ==, 2017);

  /* One live inspection per organization and year: a duplicate naming it. */
  i = new_inspection (org, 2017, "basically_qualified");
  g_assert_cmpint (od_inspection_save (db, i, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2017"));
  g_clear_error (&error);
  problems = od_inspection_entity.validate (db, i);
  problem = od_problems_find_severity (problems, OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->other_id, ==, first);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The year is in range. */
  i->year = 1900;
  g_assert_cmpint (od_inspection_save (db, i, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1900"));
  g_clear_error (&error);

  /* Rectified before it was submitted. */
  i->year = 2016;
  i->rectification_required = 1;
  i->rectified_on = g_strdup ("2017-04-09");
  g_assert_cmpint (od_inspection_save (db, i, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Yes or no only. */
  g_free (i->rectified_on);
  i->rectified_on = g_strdup ("2017-04-10");
  i->audit_report = 2;
  g_assert_cmpint (od_inspection_save (db, i, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);

  /* No date submitted: a warning that does not block, unless the
   * conclusion says it was not submitted or exempt. */
  i->audit_report = 1;
  g_clear_pointer (&i->submitted_on, g_free);
  g_clear_pointer (&i->rectified_on, g_free);
  problems = od_inspection_entity.validate (db, i);
  problem = od_problems_find_severity (problems, OD_PROBLEM_WARNING);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->field, ==, "submitted_on");
  g_assert_null (od_problems_find_severity (problems, OD_PROBLEM_ERROR));
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_free (i->conclusion);
  i->conclusion = g_strdup ("not_submitted");
  problems = od_inspection_entity.validate (db, i);
  g_assert_cmpuint (problems->len, ==, 0);
  g_free (i->conclusion);
  i->conclusion = g_strdup ("exempt");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = od_inspection_entity.validate (db, i);
  g_assert_cmpuint (problems->len, ==, 0);
  g_free (i->conclusion);
  i->conclusion = g_strdup ("excellent");
  g_assert_cmpint (od_inspection_save (db, i, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (i->conclusion);
  i->conclusion = g_strdup ("basically_qualified");
  g_assert_cmpint (od_inspection_save (db, i, &error), >, first);
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit + 1);

  /* The entity in the registry. */
  g_assert_true (od_entity_find ("inspections") == &od_inspection_entity);
  {
    g_autofree char *count = od_entity_format_count (&od_inspection_entity, 2);

    g_assert_cmpstr (count, ==, "2 inspections");
  }
}

/* A sheet with Chinese headers and conclusions through the import engine;
 * the export. */
static void
test_import_export (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) rejected = NULL;
  g_autofree char *sheet = g_build_filename (f->dir, "inspections.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(OdOrganizationFields) coded = od_organization_fields_new ();

  add_org (db, "宝鸡市江苏商会", "2010-05-01", "active");
  add_org (db, "宝鸡市养生协会", "2012-05-01", "active");
  g_free (coded->name);
  coded->name = g_strdup ("宝鸡市慧芳公益发展中心");
  coded->credit_code = g_strdup ("51610300MJY218593R");
  coded->registered_on = g_strdup ("2014-01-01");
  g_free (coded->credit_code_override);
  coded->credit_code_override = g_strdup ("原证书如此");
  g_assert_cmpint (od_organization_save (db, coded, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (sheet,
                                      "单位名称,年度,报送日期,业务主管单位意见,年检结论,需整改,整改完成日期,审计报告,备注\n"
                                      "宝鸡市江苏商会,2017,2018年4月10日,同意,合格,0,,1,\n"
                                      "宝鸡市养生协会,2017,2018/5/2,基本同意,基本合格,1,2018-06-30,0,账目不清\n"
                                      "51610300MJY218593R,2017,,,未参加年检,0,,0,\n", -1, NULL));
  result = od_import_file (db, "inspections", sheet, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, 3);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections WHERE conclusion = 'qualified'"
                                  " AND submitted_on = '2018-04-10' AND audit_report = 1"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections"
                                  " WHERE conclusion = 'basically_qualified'"
                                  " AND rectification_required = 1 AND rectified_on = '2018-06-30'"),
                   ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections WHERE conclusion = 'not_submitted'"
                                  " AND submitted_on IS NULL"), ==, 1);

  /* An organization not in the registry, a year already recorded: refused,
   * nothing written. */
  g_assert_true (g_file_set_contents (bad,
                                      "组织名称,检查年度,结论\n"
                                      "宝鸡市江苏商会,2016,合格\n"
                                      "无名协会,2017,合格\n"
                                      "宝鸡市养生协会,2017,合格\n", -1, NULL));
  rejected = od_import_file (db, "inspections", bad, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->errors->len, ==, 2);
  g_assert_false (rejected->written);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections"), ==, 3);

  g_assert_true (od_export_write_file (db, "inspections", OD_EXPORT_FORMAT_CSV, FALSE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "uuid,organization,year,submitted_on,supervising_opinion,"
                                  "conclusion,rectification_required,rectified_on,audit_report,"
                                  "penalized,notes"));
  g_assert_nonnull (strstr (text, ",宝鸡市养生协会,2017,2018-05-02,基本同意,basically_qualified,1,"
                                  "2018-06-30,0,0,账目不清,"));
}

/* The trash: a restore refused while another inspection of the year is
 * live. */
static void
test_trash (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 org = add_org (db, "宝鸡市江苏商会", "2010-05-01", "active");
  gint64 first = add_inspection (db, org, 2017, "qualified", FALSE);
  gint64 second;

  g_assert_true (od_trash_move (db, &od_inspection_entity, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM trash WHERE label LIKE '宝鸡市江苏商会%2017'"),
                   ==, 1);
  second = add_inspection (db, org, 2017, "unqualified", FALSE);
  g_assert_false (od_trash_restore (db, "inspections", first, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (od_trash_move (db, &od_inspection_entity, second, &error));
  g_assert_true (od_trash_restore (db, "inspections", first, &error));
  g_assert_no_error (error);
  g_assert_true (od_trash_purge (db, "inspections", second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections"), ==, 1);

  /* An organization with an inspection is not purged while it is kept. */
  g_assert_true (od_organization_delete (db, org, &error));
  g_assert_false (od_trash_purge (db, "organizations", org, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_REFERENCED);
}

/* The year 2017, by hand:
 *   安康协会 (2010, active): qualified          → listed, counted
 *   北辰协会 (2017-06-30, active): none          → listed, missing
 *   崇文协会 (2017-07-01, active): none          → listed, not missing (exempt by date)
 *   东方协会 (2018-01-02, active): none          → not listed, not missing
 *   恩泽协会 (2010, deregistered): unqualified   → not listed, counted
 *   方圆协会 (2010, active): exempt              → listed, counted
 * qualified 1, unqualified 1, exempt 1, missing 1. */
static void
test_year (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  OdInspectionCounts counts;
  gint64 a = add_org (db, "安康协会", "2010-05-01", "active");
  gint64 b = add_org (db, "北辰协会", "2017-06-30", "active");
  gint64 c = add_org (db, "崇文协会", "2017-07-01", "active");
  gint64 e = add_org (db, "恩泽协会", "2010-05-01", "deregistered");
  gint64 fy = add_org (db, "方圆协会", "2010-05-01", "active");

  add_org (db, "东方协会", "2018-01-02", "active");
  add_inspection (db, a, 2017, "qualified", FALSE);
  add_inspection (db, e, 2017, "unqualified", FALSE);
  add_inspection (db, fy, 2017, "exempt", FALSE);
  add_inspection (db, a, 2016, "basically_qualified", FALSE);

  rows = od_inspection_year_list (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  {
    const gint64 expected[] = { a, b, c, fy };

    for (guint i = 0; i < rows->len; i++)
      {
        OdInspectionYearRow *row = g_ptr_array_index (rows, i);

        g_assert_cmpint (row->organization_id, ==, expected[i]);
        g_assert_cmpstr (row->org_type, ==, "unknown");
        g_assert_true ((row->inspection != NULL) == (i == 0 || i == 3));
      }
  }
  g_assert_cmpstr (((OdInspectionYearRow *) g_ptr_array_index (rows, 0))->inspection->conclusion,
                   ==, "qualified");
  g_assert_cmpstr (((OdInspectionYearRow *) g_ptr_array_index (rows, 0))->organization_name,
                   ==, "安康协会");

  g_assert_true (od_inspection_year_counts (db, 2017, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.qualified, ==, 1);
  g_assert_cmpint (counts.basically_qualified, ==, 0);
  g_assert_cmpint (counts.unqualified, ==, 1);
  g_assert_cmpint (counts.not_submitted, ==, 0);
  g_assert_cmpint (counts.exempt, ==, 1);
  g_assert_cmpint (counts.missing, ==, 1);

  /* 2016: 安康 basically qualified; 北辰 and 崇文 were not registered. */
  g_assert_true (od_inspection_year_counts (db, 2016, &counts, &error));
  g_assert_cmpint (counts.basically_qualified, ==, 1);
  g_assert_cmpint (counts.missing, ==, 1);   /* 方圆 */
}

/* Every warning at its boundary, and where it does not show. */
static void
test_warnings (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) city = NULL;
  gint64 x = add_org (db, "安康协会", "2010-05-01", "active");
  gint64 before_july = add_org (db, "北辰协会", "2017-06-30", "active");
  gint64 july = add_org (db, "崇文协会", "2017-07-01", "active");
  gint64 other = add_org (db, "东方协会", "2010-05-01", "active");
  g_autoptr(GString) who = g_string_new (NULL);

  /* A year nobody entered warns of nothing. */
  assert_warnings (db, x, 2017, TRUE, "");

  /* Once the year is recorded, a missing row is due from those registered
   * before 1 July. */
  add_inspection (db, other, 2017, "qualified", FALSE);
  assert_warnings (db, x, 2017, TRUE, "N");
  assert_warnings (db, before_july, 2017, FALSE, "N");
  assert_warnings (db, july, 2017, FALSE, "");

  /* Basically qualified once: nothing; twice running: a downgrade for a
   * graded organization only. */
  add_inspection (db, x, 2017, "basically_qualified", FALSE);
  assert_warnings (db, x, 2017, TRUE, "");
  add_inspection (db, x, 2018, "basically_qualified", FALSE);
  assert_warnings (db, x, 2018, FALSE, "");
  assert_warnings (db, x, 2018, TRUE, "D");

  /* Not submitted after basically qualified: one year only. */
  add_inspection (db, x, 2019, "not_submitted", FALSE);
  assert_warnings (db, x, 2019, TRUE, "N");

  /* Unqualified after not submitted: two years running, and a downgrade. */
  add_inspection (db, x, 2020, "unqualified", FALSE);
  assert_warnings (db, x, 2020, FALSE, "NT");
  assert_warnings (db, x, 2020, TRUE, "NTD");

  /* A penalty: a downgrade, whatever the conclusion. */
  add_inspection (db, other, 2019, "qualified", TRUE);
  assert_warnings (db, other, 2019, TRUE, "D");
  assert_warnings (db, other, 2019, FALSE, "");

  /* The city's 2020: 安康 twice; 北辰 and 崇文 have no row of 2019 nor of
   * 2020, both recorded; 东方 none of 2020 only. */
  city = od_inspection_city_warnings (db, 2020, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < city->len; i++)
    {
      OdInspectionCityWarning *w = g_ptr_array_index (city, i);

      g_string_append_printf (who, "%s:%c ", w->organization_name, "NTD"[w->warning->kind]);
    }
  g_assert_cmpstr (who->str, ==,
                   "安康协会:N 安康协会:T 北辰协会:N 北辰协会:T 崇文协会:N 崇文协会:T 东方协会:N ");
}

/* The figures of the year, and of each year for the chart. */
static void
test_stats (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  gint64 a = add_org (db, "安康协会", "2010-05-01", "active");
  gint64 b = add_org (db, "北辰协会", "2010-05-01", "active");

  add_org (db, "崇文协会", "2010-05-01", "active");
  add_inspection (db, a, 2016, "qualified", FALSE);
  add_inspection (db, a, 2017, "basically_qualified", FALSE);
  add_inspection (db, b, 2017, "not_submitted", FALSE);

  stats = od_stats_gather (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.inspected"), ==, 2);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_conclusion.qualified"), ==, 0);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_conclusion.basically_qualified"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_conclusion.unqualified"), ==, 0);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_conclusion.not_submitted"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_conclusion.exempt"), ==, 0);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.missing"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_year.2016.qualified"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_year.2016.missing"), ==, 2);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_year.2017.not_submitted"), ==, 1);
  g_assert_null (od_stats_lookup (stats, "inspection.by_year.2015"));

  json = od_stats_to_json (stats, FALSE);
  g_assert_nonnull (strstr (json, "\"inspection\":{\"inspected\":2,\"by_conclusion\":{\"qualified\":0,"
                                  "\"basically_qualified\":1,\"unqualified\":0,\"not_submitted\":1,"
                                  "\"exempt\":0},\"missing\":1,\"by_year\":{\"2016\":"));
  text = od_stats_describe (stats);
  g_assert_nonnull (strstr (text, "Annual inspection:\n  Inspected: 2\n"));
}

/* The demo: every active organization registered before 2017-07-01 has its
 * 2017 inspection, the counts add up, the warnings show. */
static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GPtrArray) city = NULL;
  OdInspectionCounts counts;
  gint64 total;
  gint64 n_two_years = 0;
  gint64 n_downgrade = 0;

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM organizations o WHERE status = 'active'"
                                  " AND registered_on < '2017-07-01' AND NOT EXISTS (SELECT 1"
                                  " FROM inspections i WHERE i.organization_id = o.id"
                                  " AND i.year = 2017)"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections WHERE year < 2015 OR year > 2018"),
                   ==, 0);
  g_assert_true (od_inspection_year_counts (db, 2017, &counts, &error));
  g_assert_cmpint (counts.missing, ==, 0);
  total = counts.qualified + counts.basically_qualified + counts.unqualified
          + counts.not_submitted + counts.exempt;
  g_assert_cmpint (total, ==, od_test_query_int (db, "SELECT count(*) FROM inspections WHERE year = 2017"));
  g_assert_cmpint (total, >, 300);
  g_assert_cmpint (counts.qualified * 100, >, total * 75);
  g_assert_cmpint (counts.basically_qualified, >, 0);
  g_assert_cmpint (counts.unqualified, >, 0);
  g_assert_cmpint (counts.not_submitted, >, 0);

  stats = od_stats_gather (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.inspected"), ==, total);
  g_assert_cmpint (od_stats_lookup_int (stats, "inspection.by_year.2015.qualified"), >, 0);

  /* Foundations hand in audit reports; submitted in spring of the next year. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections i JOIN organizations o"
                                  " ON o.id = i.organization_id WHERE o.org_type = 'foundation'"
                                  " AND i.audit_report = 0"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections WHERE submitted_on IS NOT NULL"
                                  " AND (submitted_on < (year + 1) || '-03-01'"
                                  " OR submitted_on > (year + 1) || '-05-31')"), ==, 0);

  city = od_inspection_city_warnings (db, 2017, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < city->len; i++)
    {
      OdInspectionCityWarning *w = g_ptr_array_index (city, i);
      g_autoptr(GPtrArray) graded = NULL;

      if (w->warning->kind == OD_INSPECTION_WARNING_TWO_YEARS_RUNNING)
        n_two_years++;
      graded = od_inspection_warnings (db, w->organization_id, 2017, TRUE, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < graded->len; k++)
        if (((OdInspectionWarning *) g_ptr_array_index (graded, k))->kind
            == OD_INSPECTION_WARNING_DOWNGRADE)
          n_downgrade++;
    }
  g_assert_cmpint (city->len, >=, counts.unqualified + counts.not_submitted);
  g_assert_cmpint (n_two_years, >=, 1);
  g_assert_cmpint (n_downgrade, >=, 1);
  /* Basically qualified in 2016 and 2017: downgrade candidates when graded. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM inspections a JOIN inspections b"
                                  " ON b.organization_id = a.organization_id AND b.year = 2016"
                                  " WHERE a.year = 2017 AND a.conclusion = 'basically_qualified'"
                                  " AND b.conclusion = 'basically_qualified'"), >=, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/inspection/checks", test_checks);
  OD_TEST_ADD ("/inspection/import-export", test_import_export);
  OD_TEST_ADD ("/inspection/trash", test_trash);
  OD_TEST_ADD ("/inspection/year", test_year);
  OD_TEST_ADD ("/inspection/warnings", test_warnings);
  OD_TEST_ADD ("/inspection/stats", test_stats);
  OD_TEST_ADD ("/inspection/demo", test_demo);
  return g_test_run ();
}
