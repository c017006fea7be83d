/* test-training-reports.c — training's charts and report are the figures
 * of od-stats, drawn: every number of a chart adds up to the figure it
 * shows, the report prints the year's key figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-render-registry.h"
#include "od-stats.h"
#include "od-test-util.h"
#include "od-training-query.h"

typedef struct
{
  OdTestFixture  base;
  OdDb          *db;
  GVariant      *stats;
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
       int         year)
{
  OdRenderRequest request = { f->db, year, 0, "宝鸡市社会组织促进会" };
  g_autoptr(GError) error = NULL;
  OdChart *chart = od_render_build_chart (kind, &request, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* The sum of every value of CHART, from its data table (the last columns
 * hold the series). */
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

static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(OdChart) by_month = build (f, "attendance-by-month", 2017);
  g_autoptr(OdChart) by_topic = build (f, "attendance-by-topic", 2017);
  g_autoptr(OdChart) by_org = build (f, "attendance-by-org", 2017);
  g_autoptr(OdChart) rate = build (f, "attendance-rate", 2017);
  g_autoptr(OdChart) empty = build (f, "attendance-by-month", 2015);
  gint64 attendees = od_stats_lookup_int (f->stats, "training.general.attendees")
                     + od_stats_lookup_int (f->stats, "training.project.attendees");

  g_assert_cmpuint (od_chart_get_n_categories (by_month), ==, 12);
  g_assert_cmpuint (od_chart_get_n_series (by_month), ==, 2);
  g_assert_cmpfloat (chart_total (by_month), ==, (double) attendees);
  g_assert_cmpfloat (chart_total (by_topic), ==, (double) attendees);
  g_assert_cmpuint (od_chart_get_n_categories (by_org), ==, 10);
  g_assert_cmpuint (od_chart_get_n_categories (rate), ==,
                    od_stats_lookup_int (f->stats, "training.general.sessions")
                    + od_stats_lookup_int (f->stats, "training.project.sessions"));
  g_assert_true (od_chart_is_empty (empty));
  g_assert_false (od_chart_is_empty (by_month));
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  OdRenderRequest request = { f->db, 2017, 0, "宝鸡市社会组织促进会" };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDocument) doc = od_render_build_report ("training", &request, &error);
  g_autofree char *pdf = g_build_filename (f->base.dir, "training.pdf", NULL);
  g_autofree char *tool = od_test_require_program ("pdftotext", "poppler-utils");
  g_autofree char *command = g_strdup_printf ("%s -enc UTF-8 %s -", tool, pdf);
  g_autofree char *text = NULL;
  g_autofree char *general = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              od_stats_lookup_int (f->stats,
                                                                   "training.general.attendees"));
  g_autofree char *project = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              od_stats_lookup_int (f->stats,
                                                                   "training.project.attendees"));
  int status = -1;

  g_assert_no_error (error);
  g_assert_true (od_document_save (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* Table cells wrap, and pdftotext breaks lines there: compare without
   * white space. */
  {
    char *q = text;

    for (const char *p = text; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        *q++ = *p;
    *q = '\0';
  }
  g_assert_nonnull (strstr (text, "Trainingin2017"));
  g_assert_nonnull (strstr (text, general));
  g_assert_nonnull (strstr (text, project));
  /* The course list names every 2017 course. */
  g_assert_nonnull (strstr (text, "2017年第九期执行项目培训班"));
  g_assert_nonnull (strstr (text, "2017年社会组织法规政策培训班"));
}

/* A session's sign-in sheet lists its course's enrolled, nobody else. */
static void
test_sign_in_sheet (Fixture       *f,
                    gconstpointer  data)
{
  OdRenderRequest request = { f->db, 0, 0, "宝鸡市社会组织促进会", 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDocument) missing = od_render_build_report ("sign-in-sheet", &request, &error);
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *pdf = g_build_filename (f->base.dir, "sign-in.pdf", NULL);
  g_autofree char *tool = od_test_require_program ("pdftotext", "poppler-utils");
  g_autofree char *command = g_strdup_printf ("%s -enc UTF-8 %s -", tool, pdf);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *waiting = NULL;
  gint64 session_id = 0;
  int status = -1;

  g_assert_null (missing);
  g_assert_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD);
  g_clear_error (&error);

  /* The first session of 2017; one of its enrolled; someone who waits. */
  g_assert_true (od_db_query_int64 (f->db, "SELECT min (id) FROM course_sessions"
                                           " WHERE held_on >= '2017-01-01'", &session_id, NULL));
  {
    g_autoptr(OdStmt) stmt = od_db_prepare (f->db,
                                            "SELECT p.name FROM enrolments e JOIN people p"
                                            " ON p.id = e.person_id JOIN course_sessions s"
                                            " ON s.course_id = e.course_id WHERE s.id = ?1"
                                            " ORDER BY e.id LIMIT 1", NULL);

    g_assert_true (od_stmt_bind_int64 (stmt, 1, session_id, NULL));
    g_assert_cmpint (od_stmt_step (stmt, NULL), ==, OD_STEP_ROW);
    first = g_strdup (od_stmt_get_text (stmt, 0));
  }
  g_assert_true (od_db_exec (f->db, "UPDATE enrolments SET status = 'waitlisted' WHERE id ="
                                    " (SELECT max (e.id) FROM enrolments e JOIN course_sessions s"
                                    " ON s.course_id = e.course_id WHERE s.id ="
                                    " (SELECT min (id) FROM course_sessions"
                                    "  WHERE held_on >= '2017-01-01'))", NULL));
  {
    g_autoptr(OdStmt) stmt = od_db_prepare (f->db,
                                            "SELECT p.name FROM enrolments e JOIN people p"
                                            " ON p.id = e.person_id WHERE e.status = 'waitlisted'",
                                            NULL);

    g_assert_cmpint (od_stmt_step (stmt, NULL), ==, OD_STEP_ROW);
    waiting = g_strdup (od_stmt_get_text (stmt, 0));
  }

  request.session_id = session_id;
  doc = od_render_build_report ("sign-in-sheet", &request, &error);
  g_assert_no_error (error);
  g_assert_true (od_document_save (doc, pdf, &error));
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Sign-in sheet: 2017"));
  g_assert_nonnull (strstr (text, first));
  g_assert_null (strstr (text, waiting));
}

/* The badges' QR codes, printed and read back, are the enrolees' tokens. */
static void
test_badges (Fixture       *f,
             gconstpointer  data)
{
  OdRenderRequest request = { f->db, 0, 0, "宝鸡市社会组织促进会", 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDocument) missing = od_render_build_report ("badges", &request, &error);
  g_autoptr(OdDocument) doc = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autofree char *pdf = g_build_filename (f->base.dir, "badges.pdf", NULL);
  g_autofree char *png = g_build_filename (f->base.dir, "badges", NULL);
  g_autofree char *pdftoppm = od_test_require_program ("pdftoppm", "poppler-utils");
  g_autofree char *zbarimg = od_test_require_program ("zbarimg", "zbar-tools");
  g_autofree char *render = g_strdup_printf ("%s -r 200 -f 1 -l 1 -singlefile -png %s %s", pdftoppm, pdf, png);
  g_autofree char *read = g_strdup_printf ("%s --raw -q %s.png", zbarimg, png);
  g_autofree char *codes = NULL;
  g_auto(GStrv) tokens = NULL;
  gint64 course_id = 0;
  guint n_read = 0;
  int status = -1;

  g_assert_null (missing);
  g_assert_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD);
  g_clear_error (&error);

  g_assert_true (od_db_query_int64 (f->db, "SELECT min (course_id) FROM course_sessions"
                                           " WHERE held_on >= '2017-01-01'", &course_id, NULL));
  request.course_id = course_id;
  doc = od_render_build_report ("badges", &request, &error);
  g_assert_no_error (error);
  g_assert_true (od_document_save (doc, pdf, &error));
  g_assert_no_error (error);
  enrolees = od_course_list_enrolees (f->db, course_id, &error);
  g_assert_no_error (error);
  /* Eight badges a page. */
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, (enrolees->len + 7) / 8);

  g_assert_true (g_spawn_command_line_sync (render, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_spawn_command_line_sync (read, &codes, NULL, &status, &error));
  g_assert_no_error (error);
  tokens = g_strsplit (g_strstrip (codes), "\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      guint n_matches = 0;

      for (guint e = 0; e < enrolees->len; e++)
        if (g_str_equal (((OdEnrolee *) g_ptr_array_index (enrolees, e))->token, tokens[i])
            && od_enrolee_matches (g_ptr_array_index (enrolees, e), tokens[i]))
          n_matches++;
      g_assert_cmpuint (n_matches, ==, 1);
      n_read++;
    }
  g_assert_cmpuint (n_read, ==, MIN (enrolees->len, 8));
}

/* One certificate a page, for those above the threshold. */
static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  OdRenderRequest request = { f->db, 0, 0, "宝鸡市社会组织促进会", 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDocument) none = NULL;
  g_autoptr(OdDocument) doc = NULL;
  g_autoptr(GPtrArray) graduates = NULL;
  gint64 course_id = 0;

  g_assert_true (od_db_query_int64 (f->db, "SELECT min (course_id) FROM course_sessions"
                                           " WHERE held_on >= '2017-01-01'", &course_id, NULL));
  request.course_id = course_id;
  none = od_render_build_report ("certificates", &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_document_paginate (none), ==, 1);

  g_assert_true (od_db_exec (f->db, "UPDATE courses SET certificate_threshold = 100", NULL));
  graduates = od_course_list_graduates (f->db, course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graduates->len, >, 0);
  doc = od_render_build_report ("certificates", &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_document_paginate (doc), ==, graduates->len);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/training-reports/charts", Fixture, NULL, fixture_setup, test_charts,
              fixture_teardown);
  g_test_add ("/training-reports/report", Fixture, NULL, fixture_setup, test_report,
              fixture_teardown);
  g_test_add ("/training-reports/sign-in-sheet", Fixture, NULL, fixture_setup,
              test_sign_in_sheet, fixture_teardown);
  g_test_add ("/training-reports/badges", Fixture, NULL, fixture_setup, test_badges,
              fixture_teardown);
  g_test_add ("/training-reports/certificates", Fixture, NULL, fixture_setup, test_certificates,
              fixture_teardown);
  return g_test_run ();
}
