/* od-screenshots.c — every page of OrgDesk as PNG, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: od-screenshots OUTDIR LANG     (LANG: en or zh_CN)
 * Run by `build-aux/dev screenshots` once per language; look at the results.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "od-application.h"
#include "od-attendance-window-private.h"
#include "od-chart-view.h"
#include "od-i18n.h"
#include "od-demo.h"
#include "od-gui-resources.h"
#include "od-import-window.h"
#include "od-people-page.h"
#include "od-person-dialog.h"
#include "od-organizations-page.h"
#include "od-preferences-window.h"
#include "od-registry-store.h"
#include "od-sample.h"
#include "od-test-ui-util.h"
#include "od-training-query.h"
#include "od-trash-window.h"
#include "od-training-page.h"
#include "od-evaluation-page.h"
#include "od-evaluation-store.h"
#include "od-window.h"

static char *outdir;

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (outdir, file, NULL);

  od_test_spin (150);
  od_test_save_png (widget, path);
  g_print ("%s\n", path);
}

static OdWindow *
window_sized (OdApplication *app,
              const char    *db_path,
              gboolean       create,
              int            width,
              int            height)
{
  OdWindow *window = od_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  od_window_open_database (window, db_path, create);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (GTK_WIDGET (window));
  return window;
}

static OdWindow *
window_for (OdApplication *app,
            const char    *db_path,
            gboolean       create)
{
  return window_sized (app, db_path, create, 1200, 760);
}

/* The sample charts in a grid, as the sections will show them. */
static void
shoot_charts (const OdChartKind *kinds,
              guint              n_kinds,
              const char        *name,
              gboolean           dark)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(OdChart) chart = od_sample_chart (kinds[i]);
      GtkWidget *view = od_chart_view_new ();

      od_chart_view_set_chart (OD_CHART_VIEW (view), chart);
      gtk_grid_attach (GTK_GRID (grid), view, (int) i % 2, (int) i / 2, 1, 1);
    }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, n_kinds > 2 ? 820 : 420);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (window);
  shoot (window, name);
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The door of the first session of a 2017 course, its marks cleared: after
 * one check-in, with several people matching, and the walk-in form. */
static void
shoot_attendance (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (db_path, OD_DB_OPEN_DEFAULT, &error);
  OdCourseFilter filter = { .year = 2017 };
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = NULL;
  OdCourseSessionFields *session = NULL;
  OdEnrolee *first;
  GtkWidget *door;
  GtkWidget *entry;
  int year, month, day, hour, minute;

  g_assert_no_error (error);
  courses = od_course_list (db, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < courses->len && session == NULL; i++)
    {
      g_clear_pointer (&sessions, g_ptr_array_unref);
      sessions = od_course_list_sessions (db, ((OdCourseSummary *) g_ptr_array_index (courses, i))->id, NULL);
      if (sessions != NULL && sessions->len > 0)
        session = g_ptr_array_index (sessions, 0);
    }
  g_assert_nonnull (session);
  enrolees = od_course_list_enrolees (db, session->course_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < enrolees->len; i++)
    od_attendance_mark_clear (db, session->id, ((OdEnrolee *) g_ptr_array_index (enrolees, i))->person_id, NULL);

  g_assert_cmpint (sscanf (session->held_on, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_assert_cmpint (sscanf (session->starts_at, "%d:%d", &hour, &minute), ==, 2);
  start = g_date_time_new_local (year, month, day, hour, minute, 0);
  now = g_date_time_add_minutes (start, -8);

  door = od_attendance_window_new (NULL, db, session->id);
  _od_attendance_window_set_now (OD_ATTENDANCE_WINDOW (door), now);
  gtk_window_present (GTK_WINDOW (door));
  od_test_wait_allocated (door);
  entry = GTK_WIDGET (gtk_widget_get_template_child (door, OD_TYPE_ATTENDANCE_WINDOW, "entry"));
  first = g_ptr_array_index (enrolees, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), first->token);
  g_signal_emit_by_name (entry, "activate");
  shoot (door, "45-attendance");

  {
    g_autofree char *initials = g_strndup (((OdEnrolee *) g_ptr_array_index (enrolees, 1))->initials, 2);

    gtk_editable_set_text (GTK_EDITABLE (entry), initials);
  }
  g_signal_emit_by_name (entry, "activate");
  gtk_widget_activate_action (door, "attendance.select-next", NULL);
  shoot (door, "46-attendance-pick");

  gtk_editable_set_text (GTK_EDITABLE (entry), "张晓来");
  g_signal_emit_by_name (entry, "activate");
  shoot (door, "47-attendance-walk-in");
  gtk_window_destroy (GTK_WINDOW (door));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *demo_db = NULL;
  g_autofree char *bad_db = NULL;
  OdWindow *window;
  GtkWidget *preferences;
  GtkWidget *shortcuts;

  if (argc != 3)
    {
      g_printerr ("usage: od-screenshots OUTDIR LANG\n");
      return 2;
    }
  outdir = g_build_filename (argv[1], argv[2], NULL);
  g_mkdir_with_parents (outdir, 0755);

  if (g_str_equal (argv[2], "zh_CN"))
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
    }
  else
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    }
  od_i18n_init ();
  g_assert_nonnull (od_gui_get_resource ());

  tmp = g_dir_make_tmp ("orgdesk-shots-XXXXXX", &error);
  g_assert_no_error (error);
  empty_db = g_build_filename (tmp, "empty.db", NULL);
  demo_db = g_build_filename (tmp, "demo.db", NULL);
  bad_db = g_build_filename (tmp, "名单.db", NULL);
  g_file_set_contents (bad_db, "单位名称,统一社会信用代码\n", -1, NULL);

  {
    g_autoptr(OdDb) db = od_db_open (demo_db, OD_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (od_demo_load (db, FALSE, &error));
  }

  app = od_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  window = window_for (app, empty_db, TRUE);
  shoot (GTK_WIDGET (window), "01-welcome");
  gtk_window_destroy (GTK_WINDOW (window));

  window = window_for (app, bad_db, FALSE);
  shoot (GTK_WIDGET (window), "02-problem-not-a-database");
  gtk_window_destroy (GTK_WINDOW (window));

  window = window_for (app, demo_db, FALSE);
  od_window_show_section (window, "overview");
  shoot (GTK_WIDGET (window), "03-overview");
  od_window_show_section (window, "lookups");
  shoot (GTK_WIDGET (window), "04-reference-data");

  /* Organizations: the whole list with 宝鸡市养生协会 open, then a search. */
  {
    OdOrganizationsPage *orgs = OD_ORGANIZATIONS_PAGE (od_test_find_child (GTK_WIDGET (window),
                                                                           OD_TYPE_ORGANIZATIONS_PAGE));
    OdOrganizationFilter filter;
    g_autoptr(GArray) found = NULL;

    od_organization_filter_init (&filter);
    filter.query = "宝鸡市养生协会";
    found = od_organization_query_ids (od_window_get_db (window), &filter, NULL);
    g_assert_true (found != NULL && found->len > 0);
    od_window_show_section (window, "organizations");
    od_list_page_select_id (OD_LIST_PAGE (orgs), g_array_index (found, gint64, 0));
    shoot (GTK_WIDGET (window), "08-organizations");
    od_list_page_set_query (OD_LIST_PAGE (orgs), "bjsyx");
    shoot (GTK_WIDGET (window), "09-organizations-pinyin-search");
    od_list_page_set_query (OD_LIST_PAGE (orgs), "");
  }

  /* Training: the 2017 general courses with the first one open, its
   * attendance grid further down the pane, then a search matching none. */
  {
    OdTrainingPage *training = OD_TRAINING_PAGE (od_test_find_child (GTK_WIDGET (window),
                                                                     OD_TYPE_TRAINING_PAGE));
    OdCourseEditor *editor = od_training_page_get_editor (training);
    AdwViewStack *course_stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                OD_TYPE_COURSE_EDITOR,
                                                                                "course_stack"));

    od_window_show_section (window, "training");
    od_training_page_set_filter (training, 2017, "general", NULL, NULL);
    g_assert_cmpuint (od_training_page_get_n_shown (training), >, 0);
    od_training_page_select_course (training, od_training_page_get_course_at (training, 0));
    shoot (GTK_WIDGET (window), "40-training");
    adw_view_stack_set_visible_child_name (course_stack, "sessions");
    shoot (GTK_WIDGET (window), "41-training-sessions");
    adw_view_stack_set_visible_child_name (course_stack, "enrolment");
    shoot (GTK_WIDGET (window), "42-training-enrolment");
    adw_view_stack_set_visible_child_name (course_stack, "attendance");
    shoot (GTK_WIDGET (window), "43-training-attendance");
    adw_view_stack_set_visible_child_name (course_stack, "details");
    od_training_page_set_filter (training, 2017, NULL, NULL, "没有这样的培训班");
    shoot (GTK_WIDGET (window), "44-training-no-match");
    /* The year's charts, in their own window. */
    od_training_page_set_filter (training, 2017, NULL, NULL, NULL);
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      gtk_widget_activate_action (GTK_WIDGET (training), "training.charts", NULL);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (gtk_window_get_transient_for (w) == GTK_WINDOW (window)
              && od_test_find_child (GTK_WIDGET (w), OD_TYPE_CHART_VIEW) != NULL)
            {
              shoot (GTK_WIDGET (w), "48-training-charts");
              gtk_window_destroy (w);
              break;
            }
        }
    }
    od_training_page_set_filter (training, 0, NULL, NULL, NULL);
  }

  /* Evaluation: the 2017 round with its organizations, the scoring sheet
   * of its first one, then the 2017 annual inspections. */
  {
    OdEvaluationPage *evaluation = OD_EVALUATION_PAGE (od_test_find_child (GTK_WIDGET (window),
                                                                           OD_TYPE_EVALUATION_PAGE));
    g_autoptr(GPtrArray) rounds = od_evaluation_round_list (od_window_get_db (window), NULL);
    gint64 round_2017 = 0;

    for (guint i = 0; rounds != NULL && i < rounds->len; i++)
      if (((OdEvaluationRoundFields *) g_ptr_array_index (rounds, i))->year == 2017)
        round_2017 = ((OdEvaluationRoundFields *) g_ptr_array_index (rounds, i))->id;
    g_assert_cmpint (round_2017, >, 0);
    od_window_show_section (window, "evaluation");
    od_evaluation_page_select_round (evaluation, round_2017);
    shoot (GTK_WIDGET (window), "50-evaluation");
    gtk_widget_activate_action (GTK_WIDGET (evaluation), "evaluation.score", "x",
                                od_evaluation_page_get_evaluation_at (evaluation, 0));
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (OD_IS_SCORING_SHEET (w))
            {
              shoot (GTK_WIDGET (w), "51-scoring-sheet");
              gtk_window_destroy (w);
              break;
            }
        }
    }
    od_evaluation_page_show_view (evaluation, "inspections");
    od_inspections_view_set_year (od_evaluation_page_get_inspections (evaluation), 2017);
    shoot (GTK_WIDGET (window), "52-inspections");
    od_evaluation_page_show_view (evaluation, "rounds");
  }

  {
    OdWindow *narrow = window_sized (app, demo_db, FALSE, 400, 700);

    /* Folded: the sidebar, then a section chosen in it, with its back button. */
    shoot (GTK_WIDGET (narrow), "05-narrow");
    od_window_show_section (narrow, "organizations");
    shoot (GTK_WIDGET (narrow), "05-narrow-organizations");
    gtk_window_destroy (GTK_WINDOW (narrow));
  }

  preferences = GTK_WIDGET (od_preferences_window_new (GTK_WINDOW (window), od_window_get_db (window)));
  gtk_window_present (GTK_WINDOW (preferences));
  shoot (preferences, "06-preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The import window checking a bureau list with one bad row. */
  {
    g_autofree char *csv = g_build_filename (tmp, "民政局名单.csv", NULL);
    OdImportWindow *import;

    g_file_set_contents (csv,
                         "单位名称,统一社会信用代码,法定代表人,联系电话,登记日期\r\n"
                         "宝鸡市示例书画协会,,王芳,0917-3212345,2017/10/19\r\n"
                         "宝鸡市示例志愿服务中心,,李明,12345,2017年3月8日\r\n", -1, NULL);
    import = od_import_window_new (GTK_WINDOW (window), od_window_get_db (window));
    /* Tall enough to show the preview and the column choices too. */
    gtk_window_set_default_size (GTK_WINDOW (import), 680, 1300);
    gtk_window_present (GTK_WINDOW (import));
    od_import_window_set_file (import, csv);
    shoot (GTK_WIDGET (import), "34-import-check");
    gtk_window_destroy (GTK_WINDOW (import));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (shortcuts);
  shoot (shortcuts, "07-shortcuts");

  /* People: a record shown (its ID number masked), the Add Person dialog,
   * the trash. A window of its own: the narrow one above resized the first. */
  {
    OdWindow *people = window_for (app, demo_db, FALSE);
    OdDb *db = od_window_get_db (people);
    OdPersonFilter filter;
    g_autoptr(GArray) ids = NULL;
    g_autoptr(OdPersonFields) person = NULL;
    GtkWidget *dialog;
    GtkWidget *trash;

    /* The first person with an ID number, to show it masked. */
    od_person_filter_init (&filter);
    ids = od_person_query_ids (db, &filter, NULL);
    for (guint i = 0; i < ids->len && (person == NULL || person->id_number == NULL); i++)
      {
        g_clear_pointer (&person, od_person_fields_free);
        person = od_person_load (db, g_array_index (ids, gint64, i), NULL);
      }
    od_window_show_section (people, "people");
    od_list_page_select_id (OD_LIST_PAGE (od_test_find_child (GTK_WIDGET (people), OD_TYPE_PEOPLE_PAGE)),
                            person->id);
    shoot (GTK_WIDGET (people), "30-people");
    dialog = GTK_WIDGET (od_person_dialog_new (GTK_WINDOW (people), db, person->organization_id));
    gtk_window_present (GTK_WINDOW (dialog));
    shoot (dialog, "31-person-dialog");
    gtk_window_destroy (GTK_WINDOW (dialog));

    trash = GTK_WIDGET (od_trash_window_new (GTK_WINDOW (people), db));
    gtk_window_present (GTK_WINDOW (trash));
    shoot (trash, "32-trash-empty");
    od_person_delete (db, person->id, NULL);
    od_organization_delete (db, person->organization_id, NULL);
    od_trash_window_reload (OD_TRASH_WINDOW (trash));
    shoot (trash, "33-trash");
    gtk_window_destroy (GTK_WINDOW (trash));
    gtk_window_destroy (GTK_WINDOW (people));
  }

  gtk_window_destroy (GTK_WINDOW (window));

  shoot_attendance (demo_db);

  {
    const OdChartKind first[] = { OD_CHART_BAR, OD_CHART_GROUPED_BAR, OD_CHART_STACKED_BAR,
                                  OD_CHART_RANKING };
    const OdChartKind second[] = { OD_CHART_LINE, OD_CHART_PIE, OD_CHART_DONUT, OD_CHART_RADAR };
    const OdChartKind third[] = { OD_CHART_STARS, OD_CHART_PROGRESS };

    shoot_charts (first, G_N_ELEMENTS (first), "10-charts-bars", FALSE);
    shoot_charts (second, G_N_ELEMENTS (second), "11-charts-lines-circles", FALSE);
    shoot_charts (third, G_N_ELEMENTS (third), "12-charts-stars-progress", FALSE);
    shoot_charts (second, G_N_ELEMENTS (second), "13-charts-dark", TRUE);
  }

  od_test_spin (50);
  return 0;
}
