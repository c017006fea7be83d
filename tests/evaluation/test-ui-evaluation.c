/* test-ui-evaluation.c — the evaluation section driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-add-organizations-dialog.h"
#include "od-application.h"
#include "od-decision-dialog.h"
#include "od-chart-view.h"
#include "od-demo.h"
#include "od-evaluation-page.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-gui-resources.h"
#include "od-inspection-store.h"
#include "od-organization-type.h"
#include "od-problem.h"
#include "od-registry-store.h"
#include "od-render-registry.h"
#include "od-round-dialog.h"
#include "od-scoring-sheet.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-test-window.h"
#include "od-window.h"

static OdApplication *app;
/* The demo data, loaded once: each test opens a copy of it. */
static OdDb *demo_db;

/* The window of TYPE opened last over the others. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  g_error ("no window of type %s", g_type_name (type));
  return NULL;
}

static OdWindow *
open_demo_window (OdTestFixture *f)
{
  return od_test_open_window (app, demo_db, f, "evaluation", 1400, 900);
}

static OdEvaluationPage *
evaluation_page (OdWindow *window)
{
  GtkWidget *page = od_test_find_child (GTK_WIDGET (window), OD_TYPE_EVALUATION_PAGE);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return OD_EVALUATION_PAGE (page);
}

/* The first organization of a social-group scheme whose eligibility for
 * a 2019 round has no failed check (PASSES), or some (not PASSES). */
static gint64
find_organization (OdDb     *db,
                   gboolean  passes)
{
  OdOrganizationFilter filter;
  g_autoptr(GArray) ids = NULL;

  od_organization_filter_init (&filter);
  ids = od_organization_query_ids (db, &filter, NULL);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(OdOrganizationFields) org = od_organization_load (db, id, NULL);
      g_autoptr(GPtrArray) problems = od_problems_new ();
      g_autoptr(GError) error = NULL;
      gint64 scheme;

      if (org == NULL || g_strcmp0 (org->status, "active") != 0)
        continue;
      scheme = od_rating_scheme_for_type (db, "grade", od_organization_type_to_key (org->org_type), NULL);
      if (scheme <= 0)
        continue;
      g_assert_true (od_evaluation_check_eligibility (db, id, 2019, scheme, problems, &error));
      if ((problems->len == 0) == passes)
        return id;
    }
  g_error ("no organization that %s", passes ? "passes" : "fails");
  return 0;
}

/* Searches ORGANIZATION_ID's name in the dialog and activates its row. */
static void
add_through_search (OdAddOrganizationsDialog *dialog,
                    OdDb                     *db,
                    gint64                    organization_id)
{
  g_autoptr(OdOrganizationFields) org = od_organization_load (db, organization_id, NULL);
  GtkListBox *results = od_test_child (dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "results_list");
  GtkWidget *search = od_test_child (dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "search_entry");
  GtkListBoxRow *row;

  gtk_editable_set_text (GTK_EDITABLE (search), org->name);
  g_signal_emit_by_name (search, "search-changed");
  od_test_spin (20);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "od-id");

      if (id != NULL && *id == organization_id)
        {
          g_signal_emit_by_name (results, "row-activated", row);
          od_test_spin (20);
          return;
        }
    }
  g_error ("%s not found", org->name);
}

static char *
state_of (OdDb   *db,
          gint64  evaluation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdEvaluationFields) evaluation = od_evaluation_load (db, evaluation_id, &error);

  g_assert_no_error (error);
  return g_strdup (evaluation->state);
}

static void
advance (OdEvaluationPage *page,
         OdDb             *db,
         gint64            evaluation_id,
         const char       *state)
{
  g_autofree char *now = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.advance", "(xs)", evaluation_id, state);
  od_test_spin (20);
  now = state_of (db, evaluation_id);
  g_assert_cmpstr (now, ==, state);
}

/* A round for 2019 through the dialog, an organization that passes and
 * one that needs a reason, every leaf scored through the sheet's entries,
 * the steps to Confirmed through the page's actions. */
static void
test_round_to_confirmed (OdTestFixture *f,
                         gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdEvaluationPage *page = evaluation_page (window);
  gint64 good = find_organization (db, TRUE);
  gint64 failing = find_organization (db, FALSE);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  OdRoundDialog *round_dialog;
  OdAddOrganizationsDialog *add_dialog;
  OdScoringSheet *sheet;
  OdDecisionDialog *decision;
  gint64 round_id, good_id = 0, failing_id = 0;
  gint64 expected_self = 0, expected_expert = 0;
  guint n_leaves;
  OdEvaluationTotals totals;
  g_autofree char *text = NULL;

  /* The round. */
  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.new-round", NULL);
  od_test_spin (20);
  round_dialog = find_toplevel (OD_TYPE_ROUND_DIALOG);
  od_test_set_text (round_dialog, OD_TYPE_ROUND_DIALOG, "year_row", "2019");
  g_assert_cmpstr (gtk_editable_get_text (od_test_child (round_dialog, OD_TYPE_ROUND_DIALOG, "name_row")), ==,
                   "2019 Grade Evaluation of Social Organizations");
  od_test_set_text (round_dialog, OD_TYPE_ROUND_DIALOG, "applications_row", "2019-06-30");
  od_test_set_text (round_dialog, OD_TYPE_ROUND_DIALOG, "announced_row", "2019-12-20");
  g_signal_emit_by_name (od_test_child (round_dialog, OD_TYPE_ROUND_DIALOG, "save_button"), "clicked");
  od_test_spin (50);
  rounds = od_evaluation_round_list (db, NULL);
  g_assert_cmpint (((OdEvaluationRoundFields *) g_ptr_array_index (rounds, 0))->year, ==, 2019);
  round_id = ((OdEvaluationRoundFields *) g_ptr_array_index (rounds, 0))->id;
  round = od_evaluation_round_load (db, round_id, NULL);
  g_assert_cmpstr (round->announced_on, ==, "2019-12-20");
  g_assert_cmpint (od_evaluation_page_get_round (page), ==, round_id);
  g_assert_cmpuint (od_evaluation_page_get_n_participants (page), ==, 0);

  /* The organizations: one passes, one needs a reason. */
  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.add-organizations", NULL);
  od_test_spin (20);
  add_dialog = find_toplevel (OD_TYPE_ADD_ORGANIZATIONS_DIALOG);
  add_through_search (add_dialog, db, good);
  g_assert_false (gtk_revealer_get_reveal_child (od_test_child (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG,
                                                           "reason_revealer")));
  add_through_search (add_dialog, db, failing);
  g_assert_true (gtk_revealer_get_reveal_child (od_test_child (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG,
                                                          "reason_revealer")));
  g_assert_cmpstr (adw_preferences_group_get_description (od_test_child (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG,
                                                                    "reason_group")), !=, "");
  /* No reason: refused, still waiting. */
  od_test_click (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "add_anyway_button");
  g_assert_cmpuint (od_evaluation_page_get_n_participants (page), ==, 1);
  od_test_set_text (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "reason_row", "整改完成，经评估委员会同意参评");
  od_test_click (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "add_anyway_button");
  g_assert_false (gtk_revealer_get_reveal_child (od_test_child (add_dialog, OD_TYPE_ADD_ORGANIZATIONS_DIALOG,
                                                           "reason_revealer")));
  gtk_window_destroy (GTK_WINDOW (add_dialog));
  g_assert_cmpuint (od_evaluation_page_get_n_participants (page), ==, 2);

  evaluations = od_round_list_evaluations (db, round_id, NULL);
  g_assert_cmpuint (evaluations->len, ==, 2);
  for (guint i = 0; i < evaluations->len; i++)
    {
      OdEvaluationFields *e = g_ptr_array_index (evaluations, i);

      g_assert_cmpstr (e->state, ==, "eligible");
      if (e->organization_id == good)
        {
          good_id = e->id;
          g_assert_cmpstr (e->eligibility_reason, ==, "");
        }
      else
        {
          g_assert_cmpint (e->organization_id, ==, failing);
          failing_id = e->id;
          g_assert_cmpstr (e->eligibility_reason, ==, "整改完成，经评估委员会同意参评");
        }
    }
  g_assert_cmpint (good_id, >, 0);
  g_assert_cmpint (failing_id, >, 0);

  /* Not scored yet: "scored" is refused, the state stays. */
  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.advance", "(xs)", good_id, "scored");
  od_test_spin (20);
  text = state_of (db, good_id);
  g_assert_cmpstr (text, ==, "eligible");
  g_clear_pointer (&text, g_free);

  /* The scoring sheet: a bad text is refused, then every leaf typed. */
  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.score", "x", good_id);
  od_test_spin (50);
  sheet = find_toplevel (OD_TYPE_SCORING_SHEET);
  n_leaves = od_scoring_sheet_get_n_leaves (sheet);
  g_assert_cmpuint (n_leaves, >, 10);
  {
    GtkWidget *entry = od_scoring_sheet_get_entry (sheet, 0, TRUE);
    g_autoptr(GHashTable) scores = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "27,5x");
    g_signal_emit_by_name (entry, "activate");
    od_test_spin (20);
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    g_assert_true (gtk_widget_get_visible (od_test_child (sheet, OD_TYPE_SCORING_SHEET, "problem_label")));
    g_assert_nonnull (strstr (gtk_label_get_text (od_test_child (sheet, OD_TYPE_SCORING_SHEET, "problem_label")),
                              "27.5"));
    scores = od_evaluation_list_scores (db, good_id, NULL);
    g_assert_cmpuint (g_hash_table_size (scores), ==, 0);
  }
  {
    g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, good_id, NULL);
    g_autoptr(GPtrArray) indicators = od_scheme_list_indicators (db, e->scheme_id, NULL);
    g_autoptr(GPtrArray) roots = od_indicator_tree_build (indicators);
    g_autoptr(GPtrArray) leaves = od_indicator_tree_leaves (roots);

    g_assert_cmpuint (leaves->len, ==, n_leaves);
    for (guint i = 0; i < n_leaves; i++)
      {
        const OdIndicatorNode *leaf = g_ptr_array_index (leaves, i);
        /* 80% self, 95% by the experts (in tenths: one decimal). */
        gint64 self = leaf->indicator->max_points * 8 / 10;
        gint64 expert = leaf->indicator->max_points * 95 / 100;
        g_autofree char *self_text = od_points_format (self);
        g_autofree char *expert_text = od_points_format (expert);
        GtkWidget *self_entry = od_scoring_sheet_get_entry (sheet, i, FALSE);
        GtkWidget *expert_entry = od_scoring_sheet_get_entry (sheet, i, TRUE);

        gtk_editable_set_text (GTK_EDITABLE (self_entry), self_text);
        g_signal_emit_by_name (self_entry, "activate");
        gtk_editable_set_text (GTK_EDITABLE (expert_entry), expert_text);
        g_signal_emit_by_name (expert_entry, "activate");
        g_assert_false (gtk_widget_has_css_class (expert_entry, "error"));
        expected_self += self;
        expected_expert += expert;
      }
    od_test_spin (20);
  }
  g_assert_false (gtk_widget_get_visible (od_test_child (sheet, OD_TYPE_SCORING_SHEET, "problem_label")));
  g_assert_true (od_evaluation_get_totals (db, good_id, &totals, NULL));
  g_assert_cmpint (totals.self_total, ==, expected_self);
  g_assert_cmpint (totals.expert_total, ==, expected_expert);
  g_assert_cmpuint (totals.n_scored, ==, n_leaves);
  {
    g_autofree char *self_text = od_points_format (expected_self);
    g_autofree char *expert_text = od_points_format (expected_expert);
    g_autofree char *expected = g_strdup_printf ("Self %s · Experts %s · Bonus 0 · Total %s of 1000 (%u of %u scored)",
                                                 self_text, expert_text, expert_text, n_leaves, n_leaves);

    g_assert_cmpstr (gtk_label_get_text (od_test_child (sheet, OD_TYPE_SCORING_SHEET, "totals_label")), ==, expected);
  }
  gtk_window_destroy (GTK_WINDOW (sheet));

  /* The steps, through the page's actions. */
  advance (page, db, good_id, "scored");
  advance (page, db, good_id, "proposed");
  {
    g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, good_id, NULL);

    /* 95% of 1000: 5A by the shipped thresholds. */
    g_assert_cmpint (e->proposed_grade, ==, 5);
  }
  advance (page, db, good_id, "publicized");
  advance (page, db, good_id, "review");

  /* The committee's grade: another grade needs a reason. */
  gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.decide", "x", good_id);
  od_test_spin (20);
  decision = find_toplevel (OD_TYPE_DECISION_DIALOG);
  adw_combo_row_set_selected (od_test_child (decision, OD_TYPE_DECISION_DIALOG, "grade_row"), 2);  /* 4A */
  od_test_click (decision, OD_TYPE_DECISION_DIALOG, "decide_button");
  g_assert_true (gtk_widget_get_visible (od_test_child (decision, OD_TYPE_DECISION_DIALOG, "problem_label")));
  {
    g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, good_id, NULL);

    g_assert_cmpint (e->decided_grade, ==, -1);
  }
  od_test_set_text (decision, OD_TYPE_DECISION_DIALOG, "reason_row", "复核中发现财务制度执行不到位");
  od_test_click (decision, OD_TYPE_DECISION_DIALOG, "decide_button");
  {
    g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, good_id, NULL);

    g_assert_cmpint (e->decided_grade, ==, 4);
    g_assert_cmpstr (e->decision_reason, ==, "复核中发现财务制度执行不到位");
  }

  advance (page, db, good_id, "confirmed");
  {
    g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, good_id, NULL);

    g_assert_nonnull (e->valid_from);
    g_assert_nonnull (e->valid_until);
  }
  /* The other one withdraws. */
  advance (page, db, failing_id, "withdrawn");

  /* The step filter. */
  od_evaluation_page_set_step_filter (page, "confirmed");
  g_assert_cmpuint (od_evaluation_page_get_n_participants (page), ==, 1);
  g_assert_cmpint (od_evaluation_page_get_evaluation_at (page, 0), ==, good_id);
  od_evaluation_page_set_step_filter (page, NULL);
  g_assert_cmpuint (od_evaluation_page_get_n_participants (page), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The steps offered are those the store takes: every state pair tried
 * on a fresh evaluation agrees with od_evaluation_next_states(). */
static void
test_next_states_agree (OdTestFixture *f,
                        gconstpointer  data)
{
  static const char *const chain[] = { "applied", "eligible", "scored", "proposed", "publicized", "review",
                                       "confirmed", "rejected", "withdrawn" };
  g_autofree const char **from_applied = od_evaluation_next_states ("applied");
  g_autofree const char **from_publicized = od_evaluation_next_states ("publicized");
  g_autofree const char **from_confirmed = od_evaluation_next_states ("confirmed");

  g_assert_cmpstr (from_applied[0], ==, "eligible");
  g_assert_cmpstr (from_applied[1], ==, "rejected");
  g_assert_cmpstr (from_applied[2], ==, "withdrawn");
  g_assert_null (from_applied[3]);
  g_assert_cmpstr (from_publicized[0], ==, "review");
  g_assert_cmpstr (from_publicized[1], ==, "confirmed");
  g_assert_null (from_confirmed[0]);
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    g_assert_true (od_evaluation_state_is_final (chain[i]) == (i >= 6));
}

/* The inspections grid: a conclusion chosen in a row's drop-down is saved. */
/* The watch list: nothing today (the demo's grades ended in 2022); on
 * 2022-08-01 the 2017 round's grades expire within six months. */
static void
test_watch_list (OdTestFixture *f,
                 gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdEvaluationPage *page = evaluation_page (window);
  GtkStack *stack = od_test_child (page, OD_TYPE_EVALUATION_PAGE, "watch_stack");
  GtkListBox *list = od_test_child (page, OD_TYPE_EVALUATION_PAGE, "watch_list");
  g_autoptr(GPtrArray) expected = NULL;
  guint n_rows = 0;

  od_evaluation_page_show_view (page, "watch");
  od_test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  od_db_set_fixed_now (db, "2022-08-01T08:00:00Z");
  od_page_reload (OD_PAGE (page));
  od_test_spin (50);
  expected = od_grade_watch_list (db, NULL, NULL);
  g_assert_cmpuint (expected->len, >=, 20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  while (gtk_list_box_get_row_at_index (list, (int) n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, expected->len);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, ((OdGradeWatch *) g_ptr_array_index (expected, 0))->organization_name);
  od_db_set_fixed_now (db, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* The round's charts open side by side in a window of their own. */
static void
test_charts (OdTestFixture *f,
             gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdEvaluationPage *page = evaluation_page (window);
  gint64 round = od_test_query_int (db, "SELECT id FROM evaluation_rounds WHERE year = 2017");
  GtkWidget *charts;
  guint n_views = 0;

  od_evaluation_page_select_round (page, round);
  od_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.charts", NULL));
  od_test_spin (100);
  charts = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (charts)), ==,
                   "Charts of 2017年度社会组织等级评估");
  for (GtkWidget *grid = od_test_find_child (charts, GTK_TYPE_GRID),
       *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_views += OD_IS_CHART_VIEW (child);
  g_assert_cmpuint (n_views, ==, 4);
  gtk_window_destroy (GTK_WINDOW (charts));

  /* The print menu offers the round's four prints, each a registered
   * report kind that builds for this round. */
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (od_test_child (page, OD_TYPE_EVALUATION_PAGE,
                                                                      "print_button"));
    guint n_items = 0;

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *target = NULL;
            OdRenderRequest request = { db, 2017, 0, "宝鸡市社会组织促进会", 0, 0, round };
            g_autoptr(OdDocument) doc = NULL;
            g_autoptr(GError) error = NULL;

            g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_TARGET,
                                                            "s", &target));
            doc = od_render_build_report (target, &request, &error);
            g_assert_no_error (error);
            g_assert_nonnull (doc);
            n_items++;
          }
      }
    g_assert_cmpuint (n_items, ==, 4);
    g_assert_true (gtk_widget_is_sensitive (od_test_child (page, OD_TYPE_EVALUATION_PAGE, "print_button")));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

static void
test_inspections_grid (OdTestFixture *f,
                       gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdEvaluationPage *page = evaluation_page (window);
  OdInspectionsView *view = od_evaluation_page_get_inspections (page);
  GtkWidget *column_view = od_test_child (view, OD_TYPE_INSPECTIONS_VIEW, "column_view");
  OdInspectionCounts before, after;
  GtkWidget *dropdown;
  gint64 organization, id = 0;
  guint index;
  g_autoptr(OdInspectionFields) inspection = NULL;
  const char *target;

  od_evaluation_page_show_view (page, "inspections");
  od_inspections_view_set_year (view, 2017);
  od_test_spin (100);
  g_assert_cmpint (od_inspections_view_get_year (view), ==, 2017);
  g_assert_cmpuint (od_inspections_view_get_n_rows (view), >, 10);
  g_assert_true (od_inspection_year_counts (db, 2017, &before, NULL));

  /* The first drop-down shown: its row's organization. */
  dropdown = od_test_find_child (column_view, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  index = ((struct { GObject parent; guint index; } *) g_object_get_data (G_OBJECT (dropdown), "od-item"))->index;
  organization = od_inspections_view_get_organization_at (view, index);
  g_assert_true (od_inspection_find (db, organization, 2017, 0, &id, NULL));
  if (id > 0)
    inspection = od_inspection_load (db, id, NULL);
  target = inspection != NULL && g_str_equal (inspection->conclusion, "unqualified") ? "exempt" : "unqualified";
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), g_str_equal (target, "unqualified") ? 3 : 5);
  od_test_spin (20);

  g_assert_true (od_inspection_find (db, organization, 2017, 0, &id, NULL));
  g_assert_cmpint (id, >, 0);
  g_clear_pointer (&inspection, od_inspection_fields_free);
  inspection = od_inspection_load (db, id, NULL);
  g_assert_cmpstr (inspection->conclusion, ==, target);
  g_assert_true (od_inspection_year_counts (db, 2017, &after, NULL));
  if (g_str_equal (target, "unqualified"))
    g_assert_cmpint (after.unqualified, ==, before.unqualified + 1);
  else
    g_assert_cmpint (after.exempt, ==, before.exempt + 1);
  g_assert_nonnull (strstr (gtk_label_get_text (od_test_child (view, OD_TYPE_INSPECTIONS_VIEW, "counts_label")),
                            "Unqualified"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (od_gui_get_resource ());

  app = od_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  demo_dir = od_test_make_dir ();
  demo_path = g_build_filename (demo_dir, "demo.db", NULL);
  demo_db = od_db_open (demo_path, OD_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (od_demo_load (demo_db, FALSE, &error));
  g_assert_no_error (error);

  OD_TEST_ADD ("/ui/evaluation/round-to-confirmed", test_round_to_confirmed);
  OD_TEST_ADD ("/ui/evaluation/next-states", test_next_states_agree);
  OD_TEST_ADD ("/ui/evaluation/inspections-grid", test_inspections_grid);
  OD_TEST_ADD ("/ui/evaluation/charts", test_charts);
  OD_TEST_ADD ("/ui/evaluation/watch-list", test_watch_list);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_object (&demo_db);
  od_test_remove_tree (demo_dir);
  return status;
}
