/* test-evaluation-reports.c — grade evaluation's and the annual
 * inspection's charts and prints, on the demo database: every chart adds
 * up to the figures of od-stats, the publicity list names the round's
 * graded organizations, a certificate page per 3A and above
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-evaluation-query.h"
#include "od-render-registry.h"
#include "od-stats.h"
#include "od-test-util.h"

#define ASSOCIATION "宝鸡市社会组织促进会"

typedef struct
{
  OdTestFixture  base;
  OdDb          *db;
  GVariant      *stats;
  gint64         round_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  od_test_fixture_setup (&f->base, data);
  f->db = od_db_open (f->base.path, OD_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (od_demo_load (f->db, FALSE, &error));
  g_assert_no_error (error);
  f->stats = od_stats_gather (f->db, 2017, &error);
  g_assert_no_error (error);
  g_assert_true (od_evaluation_round_for_year (f->db, 2017, "grade", &f->round_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->round_id, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->stats, g_variant_unref);
  g_clear_object (&f->db);
  od_test_fixture_teardown (&f->base, data);
}

static OdChart *
build (Fixture    *f,
       const char *kind,
       gint64      org_id)
{
  OdRenderRequest request = { f->db, 2017, org_id, ASSOCIATION };
  g_autoptr(GError) error = NULL;
  OdChart *chart = od_render_build_chart (kind, &request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* The sum of every value of CHART, from its data table. */
static double
chart_total (OdChart *chart)
{
  g_autoptr(OdTable) table = od_chart_to_table (chart);
  double total = 0;

  for (guint row = 0; row < od_table_get_n_rows (table); row++)
    for (guint column = 1; column < od_table_get_n_columns (table); column++)
      {
        g_autofree char *plain = g_strdup (od_table_get_cell (table, row, column));
        char *p, *q;

        /* "1,644" → "1644" */
        for (p = q = plain; *p != '\0'; p++)
          if (*p != ',')
            *q++ = *p;
        *q = '\0';
        total += g_ascii_strtod (plain, NULL);
      }
  return total;
}

/* The round's results FILTER gives. */
static GPtrArray *
results (Fixture         *f,
         OdResultsFilter  filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = od_round_list_results (f->db, f->round_id, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The organization types among RESULTS. */
static guint
count_types (GPtrArray *list)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < list->len; i++)
    g_hash_table_add (types, ((OdEvaluationResult *) g_ptr_array_index (list, i))->org_type);
  return g_hash_table_size (types);
}

/* The text of the report KIND of 2017, without white space (table cells
 * wrap, and pdftotext breaks lines there); its pages in *N_PAGES. */
static char *
report_text (Fixture    *f,
             const char *kind,
             guint      *n_pages)
{
  OdRenderRequest request = { f->db, 2017, 0, ASSOCIATION };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDocument) doc = od_render_build_report (kind, &request, &error);
  g_autofree char *name = g_strconcat (kind, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (f->base.dir, name, NULL);
  g_autofree char *tool = od_test_require_program ("pdftotext", "poppler-utils");
  g_autofree char *info = od_test_require_program ("pdfinfo", "poppler-utils");
  g_autofree char *command = g_strdup_printf ("%s -enc UTF-8 %s -", tool, pdf);
  g_autofree char *info_command = g_strdup_printf ("%s %s", info, pdf);
  g_autofree char *info_text = NULL;
  char *text = NULL;
  const char *pages;
  int status = -1;
  char *q;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (od_document_save (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_spawn_command_line_sync (info_command, &info_text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  pages = strstr (info_text, "Pages:");
  g_assert_nonnull (pages);
  *n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + 6, " "), NULL, 10);

  q = text;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      *q++ = *p;
  *q = '\0';
  return text;
}

/* An organization graded in the 2017 round (the first of the list). */
static gint64
graded_organization (Fixture *f)
{
  g_autoptr(GPtrArray) list = results (f, OD_RESULTS_CONFIRMED);

  g_assert_cmpuint (list->len, >, 0);
  return ((OdEvaluationResult *) g_ptr_array_index (list, 0))->evaluation->organization_id;
}

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) graded = results (f, OD_RESULTS_CONFIRMED);
  g_autoptr(GPtrArray) scored = results (f, OD_RESULTS_SCORED);
  g_autoptr(OdChart) grades = build (f, "grades", 0);
  g_autoptr(OdChart) histogram = build (f, "score-histogram", 0);
  g_autoptr(OdChart) averages = build (f, "indicator-averages", 0);
  g_autoptr(OdChart) inspections = build (f, "inspections", 0);
  g_autoptr(OdChart) radar = build (f, "indicator-radar", graded_organization (f));
  g_autoptr(GVariant) by_year = od_stats_lookup (f->stats, "inspection.by_year");
  gint64 inspected = 0;

  /* 20 graded in 2017 (DESIGN.md §6): the bars add up to them, by type. */
  g_assert_cmpint (od_stats_lookup_int (f->stats, "evaluation.graded"), ==, 20);
  g_assert_cmpuint (graded->len, ==, 20);
  g_assert_cmpuint (od_chart_get_n_categories (grades), ==, 5);
  g_assert_cmpuint (od_chart_get_n_series (grades), ==, count_types (graded));
  g_assert_cmpfloat (chart_total (grades), ==, 20.0);

  /* Below 500, 500–549 … 900–949, 950 and above: every scored total. */
  g_assert_cmpuint (scored->len, >, graded->len);
  g_assert_cmpuint (od_chart_get_n_categories (histogram), ==, 11);
  g_assert_cmpuint (od_chart_get_n_series (histogram), ==, 1);
  g_assert_cmpfloat (chart_total (histogram), ==, (double) scored->len);

  /* Five first-level indicators; one series per type scored. */
  g_assert_cmpuint (od_chart_get_n_categories (averages), ==, 5);
  g_assert_cmpuint (od_chart_get_n_series (averages), ==, count_types (scored));

  /* The organization, the round's average, the maximum. */
  g_assert_cmpuint (od_chart_get_n_categories (radar), ==, 5);
  g_assert_cmpuint (od_chart_get_n_series (radar), ==, 3);
  g_assert_false (od_chart_is_empty (radar));

  /* 2015–2018, five conclusions, every inspection of those years. */
  for (gsize i = 0; i < g_variant_n_children (by_year); i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (by_year, i);
      g_autoptr(GVariant) counts = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) dict = g_variant_get_variant (counts);
      const char *keys[] = { "qualified", "basically_qualified", "unqualified", "not_submitted",
                             "exempt" };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        inspected += od_stats_lookup_int (dict, keys[k]);
    }
  g_assert_cmpuint (od_chart_get_n_categories (inspections), ==, 4);
  g_assert_cmpuint (od_chart_get_n_series (inspections), ==, 5);
  g_assert_cmpfloat (chart_total (inspections), ==, (double) inspected);
}

/* The radar is about one evaluation: without --organization it says so;
 * a year with no round says so too. */
static void
test_needs_record (Fixture       *f,
                   gconstpointer  data)
{
  OdRenderRequest request = { f->db, 2017, 0, ASSOCIATION };
  OdRenderRequest no_round = { f->db, 2012, 0, ASSOCIATION };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdChart) radar = od_render_build_chart ("indicator-radar", &request, &error);
  g_autoptr(OdDocument) roster = NULL;

  g_assert_null (radar);
  g_assert_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD);
  g_clear_error (&error);
  roster = od_render_build_report ("evaluation-roster", &no_round, &error);
  g_assert_null (roster);
  g_assert_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD);
}

static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = results (f, OD_RESULTS_PUBLICIZED);
  g_autoptr(GPtrArray) scored = results (f, OD_RESULTS_SCORED);
  g_autoptr(OdEvaluationRoundFields) round = od_evaluation_round_load (f->db, f->round_id, NULL);
  g_autofree char *text = NULL;
  guint n_pages = 0, n_named = 0;

  text = report_text (f, "evaluation-roster", &n_pages);
  g_assert_nonnull (strstr (text, round->name));
  /* Every confirmed graded organization, with its grade; nobody else. */
  g_assert_cmpuint (listed->len, ==, 20);
  for (guint i = 0; i < scored->len; i++)
    {
      const OdEvaluationResult *r = g_ptr_array_index (scored, i);
      gboolean in_list = r->grade > 0 && g_str_equal (r->evaluation->state, "confirmed");

      if (in_list)
        n_named++;
      g_assert_true ((strstr (text, r->evaluation->organization_name) != NULL) == in_list);
    }
  g_assert_cmpuint (n_named, ==, 20);
  for (gint64 grade = 1; grade <= 5; grade++)
    {
      gboolean given = FALSE;

      for (guint i = 0; i < listed->len; i++)
        given |= ((OdEvaluationResult *) g_ptr_array_index (listed, i))->grade == grade;
      if (given)
        g_assert_nonnull (strstr (text, od_grade_label ("grade", grade)));
    }
  /* The list is in order: grade first, then total. */
  for (guint i = 1; i < listed->len; i++)
    {
      const OdEvaluationResult *a = g_ptr_array_index (listed, i - 1);
      const OdEvaluationResult *b = g_ptr_array_index (listed, i);

      g_assert_true (a->grade > b->grade
                     || (a->grade == b->grade && a->totals.total >= b->totals.total));
    }
}

static void
test_cards_and_certificates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) graded = results (f, OD_RESULTS_CONFIRMED);
  g_autoptr(GPtrArray) scored = results (f, OD_RESULTS_SCORED);
  g_autofree char *cards = NULL;
  g_autofree char *certificates = NULL;
  guint n_cards = 0, n_certificates = 0, n_3a = 0;

  cards = report_text (f, "evaluation-cards", &n_cards);
  /* A page per scored organization. */
  g_assert_cmpuint (n_cards, ==, scored->len);
  for (guint i = 0; i < scored->len; i++)
    g_assert_nonnull (strstr (cards, ((OdEvaluationResult *) g_ptr_array_index (scored, i))
                                     ->evaluation->organization_name));

  certificates = report_text (f, "evaluation-certificates", &n_certificates);
  for (guint i = 0; i < graded->len; i++)
    {
      const OdEvaluationResult *r = g_ptr_array_index (graded, i);

      if (r->grade >= 3)
        {
          n_3a++;
          g_assert_nonnull (r->evaluation->certificate_no);
          g_assert_nonnull (strstr (certificates, r->evaluation->certificate_no));
        }
    }
  g_assert_cmpuint (n_3a, >, 0);
  g_assert_cmpuint (n_certificates, ==, n_3a);
}

static void
test_inspections_report (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *inspected = g_strdup_printf ("Inspected:%" G_GINT64_FORMAT ".",
                                                od_stats_lookup_int (f->stats,
                                                                     "inspection.inspected"));
  g_autofree char *qualified = g_strdup_printf ("Qualified:%" G_GINT64_FORMAT,
                                                od_stats_lookup_int (f->stats,
                                                                     "inspection.by_conclusion."
                                                                     "qualified"));
  guint n_pages = 0;

  text = report_text (f, "inspections", &n_pages);
  g_assert_nonnull (strstr (text, "Annualinspectionresultsof2017"));
  /* The counts line at the top. */
  g_assert_nonnull (strstr (text, inspected));
  g_assert_nonnull (strstr (text, qualified));
  g_assert_nonnull (strstr (text, "Basicallyqualified:"));
}

/* orgdesk-cli makes them as a user would. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->base.dir, "grades.png", NULL);
  g_autofree char *pdf = g_build_filename (f->base.dir, "roster.pdf", NULL);
  OdTestRun run;

  run = od_test_run_cli ("--db", f->base.path, "chart", "grades", "--year", "2017", "-o", png,
                         NULL);
  g_assert_cmpint (run.status, ==, 0);
  od_test_run_clear (&run);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  run = od_test_run_cli ("--db", f->base.path, "report", "evaluation-roster", "--year", "2017",
                         "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  od_test_run_clear (&run);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* The radar needs its organization. */
  run = od_test_run_cli ("--db", f->base.path, "chart", "indicator-radar", "--year", "2017", "-o",
                         png, NULL);
  g_assert_cmpint (run.status, !=, 0);
  od_test_run_clear (&run);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/evaluation-reports/charts", test_charts);
  ADD ("/evaluation-reports/needs-record", test_needs_record);
  ADD ("/evaluation-reports/roster", test_roster);
  ADD ("/evaluation-reports/cards-and-certificates", test_cards_and_certificates);
  ADD ("/evaluation-reports/inspections", test_inspections_report);
  ADD ("/evaluation-reports/cli", test_cli);
  return g_test_run ();
}
