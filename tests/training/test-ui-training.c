/* test-ui-training.c — the training section driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-application.h"
#include "od-attendance-grid.h"
#include "od-course-editor.h"
#include "od-demo.h"
#include "od-gui-resources.h"
#include "od-labels.h"
#include "od-session-dialog.h"
#include "od-test-util.h"
#include "od-chart-view.h"
#include "od-test-ui-util.h"
#include "od-training-entities.h"
#include "od-training-page.h"
#include "od-training-query.h"
#include "od-training-store.h"
#include "od-test-window.h"
#include "od-window.h"

static OdApplication *app;
/* The demo data, loaded once: each test opens a copy of it. */
static OdDb *demo_db;

static OdWindow *
open_demo_window (OdTestFixture *f)
{
  return od_test_open_window (app, demo_db, f, "training", 1400, 900);
}

static OdTrainingPage *
training_page (OdWindow *window)
{
  GtkWidget *page = od_test_find_child (GTK_WIDGET (window), OD_TYPE_TRAINING_PAGE);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  return OD_TRAINING_PAGE (page);
}

/* Chooses the drop-down's entry with TEXT, as a click would. */
static void
choose (GtkDropDown *dropdown,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          od_test_spin (20);
          return;
        }
    }
  g_error ("no “%s” in the drop-down", text);
}

static guint
count_courses (OdDb       *db,
               int         year,
               const char *kind)
{
  OdCourseFilter filter = { .year = year, .kind = kind };
  g_autoptr(GPtrArray) courses = od_course_list (db, &filter, NULL);

  g_assert_nonnull (courses);
  return courses->len;
}

static char *
label_text_of_row (GtkListBox *list,
                   guint       index,
                   guint       line)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  for (guint i = 0; i < line; i++)
    label = gtk_widget_get_next_sibling (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* The filters narrow the list as the model does, and a course's figures
 * (row, enrolment, grid footer) are the model's. */
static void
test_filter_and_counts (OdTestFixture *f,
                        gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdTrainingPage *page = training_page (window);
  OdCourseEditor *editor = od_training_page_get_editor (page);
  GtkListBox *list = od_test_child (page, OD_TYPE_TRAINING_PAGE, "course_list");
  OdCourseFilter filter = { .year = 2017, .kind = "general" };
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  OdCourseSummary *first;
  OdSessionCounts counts;
  g_autofree char *expected = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *count_text = NULL;
  guint total = count_courses (db, 0, NULL);

  g_assert_cmpuint (total, >, 10);
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, total);

  /* Year 2017, then general courses only: the article's 10 (DESIGN.md §6). */
  choose (od_test_child (page, OD_TYPE_TRAINING_PAGE, "year_dropdown"), "2017");
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, count_courses (db, 2017, NULL));
  g_assert_cmpuint (od_training_page_get_n_shown (page), <, total);
  choose (od_test_child (page, OD_TYPE_TRAINING_PAGE, "kind_dropdown"), "General training");
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, 10);
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, count_courses (db, 2017, "general"));
  count_text = g_strdup_printf ("10 of %u courses", total);
  g_assert_cmpstr (gtk_label_get_text (od_test_child (page, OD_TYPE_TRAINING_PAGE, "count_label")), ==, count_text);

  /* Select the first row: the editor shows it, with the model's figures. */
  courses = od_course_list (db, &filter, NULL);
  first = g_ptr_array_index (courses, 0);
  g_assert_cmpint (od_training_page_get_course_at (page, 0), ==, first->id);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  od_test_spin (50);
  g_assert_cmpint (od_course_editor_get_id (editor), ==, first->id);
  g_assert_cmpstr (gtk_editable_get_text (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "title_row")), ==, first->title);
  g_assert_cmpint (first->n_attendees, >, 0);

  figures = label_text_of_row (list, 0, 2);
  expected = g_strdup_printf ("Enrolled %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " · Attended %" G_GINT64_FORMAT,
                              first->n_enrolled, first->capacity, first->n_attendees);
  g_assert_cmpstr (figures, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " places taken",
                              first->n_enrolled, first->capacity);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (od_test_child (editor, OD_TYPE_COURSE_EDITOR,
                                                                 "enrolment_count_label")), expected));

  sessions = od_course_list_sessions (db, first->id, NULL);
  g_assert_cmpuint (sessions->len, ==, (guint) first->n_sessions);
  g_assert_true (od_session_get_counts (db, ((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->id,
                                        &counts, NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u of %u", counts.present + counts.late, counts.enrolled);
  g_assert_cmpstr (gtk_label_get_text (od_attendance_grid_get_counts_label (od_course_editor_get_grid (editor),
                                                                            ((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->id)),
                   ==, expected);

  /* A search nobody matches: the empty state. */
  od_training_page_set_filter (page, 2017, "general", NULL, "没有这样的培训班");
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (od_test_child (page, OD_TYPE_TRAINING_PAGE, "list_stack")), ==, "empty");
  od_training_page_set_filter (page, 0, NULL, NULL, NULL);
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, total);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

static OdSessionDialog *
find_session_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OD_IS_SESSION_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return OD_SESSION_DIALOG (window);
    }
  return NULL;
}

/* The year's charts: a window of four chart views, none empty for 2017. */
static void
test_charts (OdTestFixture *f,
             gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdTrainingPage *page = training_page (window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  GtkWindow *charts = NULL;
  guint n_views = 0;

  choose (od_test_child (page, OD_TYPE_TRAINING_PAGE, "year_dropdown"), "2017");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "training.charts", NULL));
  od_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        charts = w;
    }
  g_assert_nonnull (charts);
  g_assert_cmpstr (gtk_window_get_title (charts), ==, "Training Charts, 2017");
  {
    GSList *stack = g_slist_prepend (NULL, charts);

    while (stack != NULL)
      {
        GtkWidget *w = stack->data;

        stack = g_slist_delete_link (stack, stack);
        if (OD_IS_CHART_VIEW (w))
          {
            g_assert_false (od_chart_is_empty (od_chart_view_get_chart (OD_CHART_VIEW (w))));
            n_views++;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          stack = g_slist_prepend (stack, c);
      }
  }
  g_assert_cmpuint (n_views, ==, 4);
  gtk_window_destroy (charts);
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

static void
on_take_attendance_cb (OdTrainingPage *page,
                       gint64          session_id,
                       gint64         *got)
{
  *got = session_id;
}

/* A course made through the widgets: saved, a session added, a person
 * found by pinyin initials and enrolled, a mark set in the grid. */
static void
test_create_enrol_mark (OdTestFixture *f,
                        gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdTrainingPage *page = training_page (window);
  OdCourseEditor *editor = od_training_page_get_editor (page);
  guint total = count_courses (db, 0, NULL);
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  OdSessionDialog *dialog;
  OdEnrolee *enrolee;
  GtkListBox *results;
  GtkListBoxRow *row = NULL;
  GtkDropDown *cell;
  OdAttendanceMarkFields *mark;
  gint64 id, session_id, got = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "training.new", NULL));
  od_test_spin (20);
  g_assert_cmpint (od_course_editor_get_id (editor), ==, 0);
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "title_row", "2019年社会组织财务管理培训班");
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "topic_row", "内部治理");
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "venue_row", "宝鸡市社会组织孵化基地");
  gtk_spin_button_set_value (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "capacity_spin"), 1);
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "save_button");
  id = od_course_editor_get_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_false (od_course_editor_is_dirty (editor));
  course = od_course_load (db, id, NULL);
  g_assert_cmpstr (course->title, ==, "2019年社会组织财务管理培训班");
  g_assert_cmpstr (course->venue, ==, "宝鸡市社会组织孵化基地");
  g_assert_cmpint (course->capacity, ==, 1);
  g_assert_cmpuint (count_courses (db, 0, NULL), ==, total + 1);
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, total + 1);

  /* A session, through its dialog. */
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "add_session_button");
  dialog = find_session_dialog ();
  g_assert_nonnull (dialog);
  od_test_set_text (dialog, OD_TYPE_SESSION_DIALOG, "date_row", "2019-03-15");
  od_test_set_text (dialog, OD_TYPE_SESSION_DIALOG, "starts_row", "09:00");
  od_test_set_text (dialog, OD_TYPE_SESSION_DIALOG, "ends_row", "11:30");
  od_test_set_text (dialog, OD_TYPE_SESSION_DIALOG, "topic_row", "年度财务报告");
  od_test_click (dialog, OD_TYPE_SESSION_DIALOG, "save_button");
  g_assert_null (find_session_dialog ());
  sessions = od_course_list_sessions (db, id, NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  session_id = ((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->id;
  g_assert_cmpstr (((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->held_on, ==, "2019-03-15");
  /* The year of the new session is offered by the year filter now. */
  choose (od_test_child (page, OD_TYPE_TRAINING_PAGE, "year_dropdown"), "2019");
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, 1);
  choose (od_test_child (page, OD_TYPE_TRAINING_PAGE, "year_dropdown"), "All years");

  /* Take attendance: the page's signal carries the session. */
  g_signal_connect (page, "take-attendance", G_CALLBACK (on_take_attendance_cb), &got);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "training.take-attendance", "x", session_id));
  g_assert_cmpint (got, ==, session_id);

  /* 丁东祥, found by the pinyin initials of the name. */
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "person_search", "ddx");
  g_signal_emit_by_name (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "person_search"), "search-changed");
  results = od_test_child (editor, OD_TYPE_COURSE_EDITOR, "person_results");
  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "丁东祥"))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (results, "row-activated", row);
  od_test_spin (20);
  enrolees = od_course_list_enrolees (db, id, NULL);
  g_assert_cmpuint (enrolees->len, ==, 1);
  enrolee = g_ptr_array_index (enrolees, 0);
  g_assert_cmpstr (enrolee->name, ==, "丁东祥");
  g_assert_cmpstr (enrolee->status, ==, "enrolled");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (od_test_child (editor, OD_TYPE_COURSE_EDITOR,
                                                                 "enrolment_count_label")),
                                   "1 of 1 place taken"));

  /* Present, in the grid: stored at once, by hand. */
  cell = od_attendance_grid_get_cell (od_course_editor_get_grid (editor), enrolee->person_id, session_id);
  g_assert_nonnull (cell);
  g_assert_cmpuint (gtk_drop_down_get_selected (cell), ==, 0);
  gtk_drop_down_set_selected (cell, od_label_index (od_attendance_status_choices, "present") + 1);
  od_test_spin (20);
  marks = od_course_list_marks (db, id, NULL);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpint (mark->person_id, ==, enrolee->person_id);
  g_assert_cmpint (mark->session_id, ==, session_id);
  g_assert_cmpstr (mark->status, ==, "present");
  g_assert_cmpstr (mark->method, ==, "manual");
  g_assert_cmpstr (gtk_label_get_text (od_attendance_grid_get_counts_label (od_course_editor_get_grid (editor),
                                                                            session_id)), ==, "1 of 1");
  /* Back to "not yet": the mark is gone. */
  cell = od_attendance_grid_get_cell (od_course_editor_get_grid (editor), enrolee->person_id, session_id);
  gtk_drop_down_set_selected (cell, 0);
  od_test_spin (20);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = od_course_list_marks (db, id, NULL);
  g_assert_cmpuint (marks->len, ==, 0);

  /* Typed in afterwards from the signed sheet: the method says so. */
  gtk_switch_set_active (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "paper_switch"), TRUE);
  cell = od_attendance_grid_get_cell (od_course_editor_get_grid (editor), enrolee->person_id, session_id);
  gtk_drop_down_set_selected (cell, od_label_index (od_attendance_status_choices, "late") + 1);
  od_test_spin (20);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = od_course_list_marks (db, id, NULL);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((OdAttendanceMarkFields *) g_ptr_array_index (marks, 0))->method, ==, "paper");
  g_assert_cmpstr (((OdAttendanceMarkFields *) g_ptr_array_index (marks, 0))->status, ==, "late");
  gtk_switch_set_active (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "paper_switch"), FALSE);

  /* Everyone of an organization at once; the one place is taken, so they
   * wait. */
  {
    gint64 n_people = -1;
    g_autoptr(GPtrArray) all = NULL;
    guint waiting = 0;

    g_assert_true (od_db_query_int64 (db, "SELECT count(*) FROM people p JOIN organizations o"
                                          " ON o.id = p.organization_id WHERE o.name = '宝鸡市养生协会'"
                                          " AND p.deleted_at IS NULL", &n_people, NULL));
    g_assert_cmpint (n_people, >, 0);
    od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "person_search", "宝鸡市养生协会");
    g_signal_emit_by_name (od_test_child (editor, OD_TYPE_COURSE_EDITOR, "person_search"), "search-changed");
    for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)) != NULL; i++)
      if (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "宝鸡市养生协会")
          && g_object_get_data (G_OBJECT (row), "od-organization-id") != NULL)
        break;
    g_assert_nonnull (row);
    g_signal_emit_by_name (results, "row-activated", row);
    od_test_spin (20);
    all = od_course_list_enrolees (db, id, NULL);
    g_assert_cmpuint (all->len, ==, 1 + (guint) n_people);
    for (guint i = 0; i < all->len; i++)
      waiting += g_str_equal (((OdEnrolee *) g_ptr_array_index (all, i))->status, "waitlisted");
    g_assert_cmpuint (waiting, ==, (guint) n_people);
  }

  /* Copy: the same fields under a new title, the session with its date. */
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "copy_button");
  g_assert_cmpint (od_course_editor_get_id (editor), >, id);
  {
    g_autoptr(OdCourseFields) copy = od_course_load (db, od_course_editor_get_id (editor), NULL);
    g_autoptr(GPtrArray) copied = od_course_list_sessions (db, copy->id, NULL);

    g_assert_cmpstr (copy->title, ==, "2019年社会组织财务管理培训班 (copy)");
    g_assert_cmpstr (copy->venue, ==, course->venue);
    g_assert_cmpuint (copied->len, ==, 1);
    g_assert_cmpstr (((OdCourseSessionFields *) g_ptr_array_index (copied, 0))->held_on, ==, "2019-03-15");
  }
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, total + 2);

  /* The copy to the trash: gone from the list. */
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "delete_button");
  g_assert_cmpint (od_course_editor_get_id (editor), ==, -1);
  g_assert_cmpuint (count_courses (db, 0, NULL), ==, total + 1);
  g_assert_cmpuint (od_training_page_get_n_shown (page), ==, total + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* An empty title: the problem is shown and nothing is written. */
static void
test_empty_title_refused (OdTestFixture *f,
                          gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  OdTrainingPage *page = training_page (window);
  OdCourseEditor *editor = od_training_page_get_editor (page);
  guint total = count_courses (db, 0, NULL);
  gint64 first = od_training_page_get_course_at (page, 0);
  g_autoptr(OdCourseFields) before = od_course_load (db, first, NULL);
  g_autoptr(OdCourseFields) after = NULL;
  GtkWidget *problems = od_test_child (editor, OD_TYPE_COURSE_EDITOR, "problems_group");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "training.new", NULL));
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "topic_row", "党建知识");
  g_assert_false (gtk_widget_get_visible (problems));
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "save_button");
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_cmpint (od_course_editor_get_id (editor), ==, 0);
  g_assert_cmpuint (count_courses (db, 0, NULL), ==, total);

  /* The same for a stored course emptied: its title stays as it was. */
  od_training_page_select_course (page, first);
  od_test_spin (20);
  /* The new course had unsaved input: it stays until it is fixed. */
  g_assert_cmpint (od_course_editor_get_id (editor), ==, 0);
  od_course_editor_revert (editor);
  od_training_page_select_course (page, first);
  od_test_spin (20);
  g_assert_cmpint (od_course_editor_get_id (editor), ==, first);
  g_assert_false (gtk_widget_get_visible (problems));
  od_test_set_text (editor, OD_TYPE_COURSE_EDITOR, "title_row", "   ");
  od_test_click (editor, OD_TYPE_COURSE_EDITOR, "save_button");
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_true (od_course_editor_is_dirty (editor));
  after = od_course_load (db, first, NULL);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpstr (after->updated_at, ==, before->updated_at);
  od_course_editor_revert (editor);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
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

  OD_TEST_ADD ("/ui/training/filter-and-counts", test_filter_and_counts);
  OD_TEST_ADD ("/ui/training/create-enrol-mark", test_create_enrol_mark);
  OD_TEST_ADD ("/ui/training/empty-title-refused", test_empty_title_refused);
  OD_TEST_ADD ("/ui/training/charts", test_charts);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_object (&demo_db);
  od_test_remove_tree (demo_dir);
  return status;
}
