/* test-ui.c — every template instantiated, the window driven under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-application.h"
#include "od-chart-data-window.h"
#include "od-chart-view.h"
#include "od-db.h"
#include "od-gui-resources.h"
#include "od-import-window.h"
#include "od-labels.h"
#include "od-lookups-page.h"
#include "od-organization-editor.h"
#include "od-organizations-page.h"
#include "od-overview-page.h"
#include "od-people-page.h"
#include "od-person-dialog.h"
#include "od-person-editor.h"
#include "od-preferences-window.h"
#include "od-print-operation.h"
#include "od-sample.h"
#include "od-problem-page.h"
#include "od-registry-store.h"
#include "od-settings-store.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-trash-window.h"
#include "od-welcome-page.h"
#include "od-window.h"

static OdApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  OdWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = od_test_make_dir ();
  f->path = g_build_filename (f->dir, "office.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  od_test_spin (20);
  od_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static OdWindow *
open_window (const char *path,
             gboolean    create)
{
  OdWindow *window = od_window_new (app);

  od_window_open_database (window, path, create);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (GTK_WIDGET (window));
  return window;
}

static GObject *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static void
test_templates (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const GType types[] = {
    OD_TYPE_WELCOME_PAGE, OD_TYPE_PROBLEM_PAGE, OD_TYPE_OVERVIEW_PAGE, OD_TYPE_LOOKUPS_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, types[i]));
      g_assert_finalize_object (widget);
    }

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
test_welcome_demo (Fixture       *f,
                   gconstpointer  data)
{
  AdwWindowTitle *title;
  g_autofree char *name = NULL;

  f->window = open_window (f->path, TRUE);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "welcome");

  /* The welcome page's first choice: the demo data. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_test_spin (20);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "sections");

  name = od_settings_get (od_window_get_db (f->window), OD_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (name, ==, "宝鸡市社会组织促进会");
  title = ADW_WINDOW_TITLE (template_child (f->window, OD_TYPE_WINDOW, "sidebar_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "宝鸡市社会组织促进会");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (
                     template_child (f->window, OD_TYPE_WINDOW, "overview_page"),
                     OD_TYPE_OVERVIEW_PAGE, "association_row"))), ==, "宝鸡市社会组织促进会");

  /* The database is remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last, ==, f->path);
  }

  /* Reopened later, it goes straight to the sections. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = open_window (f->path, FALSE);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "sections");
}

static void
test_start_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *initialized = NULL;

  f->window = open_window (f->path, TRUE);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.start-empty", NULL);
  od_test_spin (20);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "sections");
  initialized = od_settings_get (od_window_get_db (f->window), OD_SETTING_INITIALIZED, NULL);
  g_assert_cmpstr (initialized, ==, "empty");
}

/* Selects every row of the sidebar and checks the section shown follows. */
static void
test_sidebar (Fixture       *f,
              gconstpointer  data)
{
  GtkStackSidebar *sidebar;
  GtkStack *stack;
  GtkListBox *list;
  AdwWindowTitle *section_title;
  g_autoptr(GListModel) pages = NULL;
  guint n_rows = 0;

  f->window = open_window (f->path, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_test_spin (20);

  sidebar = GTK_STACK_SIDEBAR (od_test_find_child (GTK_WIDGET (f->window), GTK_TYPE_STACK_SIDEBAR));
  g_assert_nonnull (sidebar);
  stack = gtk_stack_sidebar_get_stack (sidebar);
  list = GTK_LIST_BOX (od_test_find_child (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX));
  section_title = ADW_WINDOW_TITLE (template_child (f->window, OD_TYPE_WINDOW, "section_title"));
  pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), >=, 2);

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (list, ++n_rows))
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, n_rows);
      GtkStackPage *page = GTK_STACK_PAGE (item);

      gtk_list_box_select_row (list, row);
      od_test_spin (10);
      g_assert_true (gtk_stack_get_visible_child (stack) == gtk_stack_page_get_child (page));
      g_assert_cmpstr (adw_window_title_get_title (section_title), ==, gtk_stack_page_get_title (page));
    }
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (pages));

  /* The reference data page lists Baoji's areas with their codes. */
  od_window_show_section (f->window, "lookups");
  od_test_spin (10);
  {
    GtkListBox *areas = GTK_LIST_BOX (template_child (template_child (f->window, OD_TYPE_WINDOW,
                                                                      "lookups_page"),
                                                      OD_TYPE_LOOKUPS_PAGE, "areas_list"));
    guint n = 0;

    while (gtk_list_box_get_row_at_index (areas, n) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 13);
  }
}

static void
test_problem_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwStatusPage *status;
  GtkWidget *problem;

  g_assert_true (g_file_set_contents (f->path, "名称,代码\n", -1, NULL));
  before = od_test_file_checksum (f->path);

  f->window = open_window (f->path, FALSE);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "problem");
  g_assert_null (od_window_get_db (f->window));

  problem = GTK_WIDGET (template_child (f->window, OD_TYPE_WINDOW, "problem_page"));
  status = ADW_STATUS_PAGE (template_child (problem, OD_TYPE_PROBLEM_PAGE, "status_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "office.db"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (template_child (problem, OD_TYPE_PROBLEM_PAGE,
                                                                     "restore_button"))));
  /* The way out is offered; nothing that needs the database is; the file is untouched. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (template_child (problem, OD_TYPE_PROBLEM_PAGE,
                                                                      "open_button"))));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL)
                  && od_window_get_db (f->window) != NULL);
  after = od_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  OdPreferencesWindow *preferences;
  OdDb *db;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  f->window = open_window (f->path, TRUE);
  db = od_window_get_db (f->window);
  preferences = od_preferences_window_new (GTK_WINDOW (f->window), db);
  gtk_window_present (GTK_WINDOW (preferences));

  gtk_editable_set_text (GTK_EDITABLE (template_child (preferences, OD_TYPE_PREFERENCES_WINDOW,
                                                       "association_row")), "  渭南市社会组织促进会 ");
  gtk_editable_set_text (GTK_EDITABLE (template_child (preferences, OD_TYPE_PREFERENCES_WINDOW,
                                                       "area_code_row")), "6105");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (template_child (preferences,
                                                                       OD_TYPE_PREFERENCES_WINDOW,
                                                                       "area_code_row")), "error"));
  /* An invalid code saves nothing at all. */
  g_assert_false (od_preferences_window_save (preferences));
  name = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_null (name);

  gtk_editable_set_text (GTK_EDITABLE (template_child (preferences, OD_TYPE_PREFERENCES_WINDOW,
                                                       "area_code_row")), "610300");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (preferences,
                                                                  OD_TYPE_PREFERENCES_WINDOW,
                                                                  "area_code_hint"))), ==, "宝鸡市");
  g_assert_true (od_preferences_window_save (preferences));
  name = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  code = od_settings_get (db, OD_SETTING_CITY_AREA_CODE, NULL);
  g_assert_cmpstr (name, ==, "渭南市社会组织促进会");
  g_assert_cmpstr (code, ==, "610300");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_chart_view (void)
{
  g_autoptr(OdChart) chart = od_sample_chart (OD_CHART_BAR);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = od_chart_view_new ();
  const GArray *items;
  const OdChartItem *mark = NULL;
  const OdChartItem *hit;
  GtkWindow *data_window;
  GtkWidget *grid;
  g_autoptr(GdkTexture) texture = NULL;

  od_chart_view_set_chart (OD_CHART_VIEW (view), chart);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (view);
  od_test_spin (100);

  /* Drawn at the widget's size, with a mark per month. */
  items = od_chart_get_items (chart);
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, OdChartItem, i).kind == OD_CHART_ITEM_MARK)
      {
        mark = &g_array_index (items, OdChartItem, i);
        break;
      }
  g_assert_nonnull (mark);
  g_assert_cmpfloat (mark->x + mark->width, <=, gtk_widget_get_width (view) + 0.5);

  /* Hovering a bar tells its exact value. */
  hit = od_chart_hit_test (chart, mark->x + mark->width / 2, mark->y + mark->height / 2);
  g_assert_nonnull (hit);
  g_assert_nonnull (strstr (hit->text, "212"));

  texture = od_chart_view_render_texture (OD_CHART_VIEW (view));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (view));

  /* View data: the same figures as a table. */
  g_assert_true (gtk_widget_activate_action (view, "chart.view-data", NULL));
  od_test_spin (50);
  data_window = find_toplevel (OD_TYPE_CHART_DATA_WINDOW);
  g_assert_nonnull (data_window);
  grid = od_test_find_child (GTK_WIDGET (data_window), GTK_TYPE_GRID);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0))),
                   ==, "Attendees");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))),
                   ==, "212");

  gtk_window_destroy (data_window);
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* The print operation, exported to PDF without a dialog. */
static void
test_print_export (void)
{
  OdRenderRequest request = { NULL, 0, 0, "宝鸡市社会组织促进会" };
  g_autoptr(OdDocument) document = od_sample_report (&request, NULL);
  g_autoptr(OdPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (document);
  operation = od_print_operation_new (document);
  g_assert_true (od_print_operation_export_pdf (operation, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* The page setup is kept for the next print (GSettings). */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(GVariant) setup = g_settings_get_value (settings, "page-setup");

    g_assert_cmpuint (g_variant_n_children (setup), >, 0);
  }

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      od_test_remove_tree (dir);
      return;
    }
  command = g_strdup_printf ("pdfinfo '%s'", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  expected = g_strdup_printf ("Pages:\\s+%u\n", od_document_get_n_pages (document));
  g_assert_true (g_regex_match_simple (expected, out, 0, 0));
  /* A4 in points. */
  g_assert_nonnull (strstr (out, "595.276 x 841.89 pts"));
  od_test_remove_tree (dir);
}

/* Every label's text under ROOT, one per line: what the user can read. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The first button under ROOT whose action is ACTION_NAME. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
on_person_saved_cb (GObject *dialog,
                    gint64   id,
                    gint64  *out)
{
  *out = id;
}

/* A person created through the editor's widgets: the list shows the ID
 * number masked and nowhere in full; the editor only on purpose. Then one
 * added from an organization's People tab, through the dialog. */
static void
test_people_create_and_mask (Fixture       *f,
                             gconstpointer  data)
{
  const char *full = "610302198503171231";
  const char *masked = "610302********1231";
  OdPeoplePage *page;
  OdPersonEditor *editor;
  GtkEditable *id_row;
  GtkToggleButton *reveal;
  OdDb *db;
  gint64 id, org_id, added = 0;
  g_autoptr(OdPersonFields) stored = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) org_ids = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  OdOrganizationFilter org_filter;

  f->window = open_window (f->path, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_window_show_section (f->window, "people");
  od_test_spin (50);
  db = od_window_get_db (f->window);
  page = OD_PEOPLE_PAGE (od_test_find_child (GTK_WIDGET (f->window), OD_TYPE_PEOPLE_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==,
                    (guint) od_person_count (db, NULL));
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), >, 0);

  editor = OD_PERSON_EDITOR (template_child (page, OD_TYPE_PEOPLE_PAGE, "editor"));
  id_row = GTK_EDITABLE (template_child (editor, OD_TYPE_PERSON_EDITOR, "id_number_row"));
  reveal = GTK_TOGGLE_BUTTON (template_child (editor, OD_TYPE_PERSON_EDITOR, "reveal_button"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.new", NULL));
  /* A new record has no number to hide: it can be typed at once. */
  g_assert_true (gtk_toggle_button_get_active (reveal));
  g_assert_true (gtk_editable_get_editable (id_row));
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, OD_TYPE_PERSON_EDITOR, "name_row")),
                         "测试员甲");
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, OD_TYPE_PERSON_EDITOR, "mobile_row")),
                         "13800138001");
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, OD_TYPE_PERSON_EDITOR,
                                                             "organization_row")), 1);
  gtk_editable_set_text (id_row, "61030219850317123");
  /* 17 characters: a problem, said before saving. */
  g_assert_cmpuint (od_record_editor_get_n_problems (OD_RECORD_EDITOR (editor)), >, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (id_row), "error"));
  gtk_editable_set_text (id_row, full);
  g_assert_cmpuint (od_record_editor_get_n_problems (OD_RECORD_EDITOR (editor)), ==, 0);
  /* The 17th digit is odd: a man, filled in since no gender was given. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (template_child (editor,
                                                                              OD_TYPE_PERSON_EDITOR,
                                                                              "gender_row"))),
                    ==, od_label_index (od_labels_gender, "male"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  id = od_record_editor_get_id (OD_RECORD_EDITOR (editor));
  g_assert_cmpint (id, >, 0);
  g_assert_false (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
  stored = od_person_load (db, id, NULL);
  g_assert_cmpstr (stored->id_number, ==, full);

  /* Saved: masked again, and not editable until revealed. */
  g_assert_false (gtk_toggle_button_get_active (reveal));
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, masked);
  g_assert_false (gtk_editable_get_editable (id_row));

  od_list_page_set_query (OD_LIST_PAGE (page), "测试员甲");
  od_test_spin (100);
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==, 1);
  collect_labels (GTK_WIDGET (template_child (page, OD_TYPE_LIST_PAGE, "column_view")), text);
  g_assert_nonnull (strstr (text->str, "测试员甲"));
  g_assert_nonnull (strstr (text->str, masked));
  /* Nowhere in the window in full: list, editor header, history. */
  g_string_truncate (text, 0);
  collect_labels (GTK_WIDGET (f->window), text);
  g_assert_null (strstr (text->str, full));
  g_assert_null (strstr (text->str, "19850317"));

  /* Revealed on purpose, and only then. */
  gtk_toggle_button_set_active (reveal, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, full);
  g_assert_true (gtk_editable_get_editable (id_row));
  g_assert_false (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
  gtk_toggle_button_set_active (reveal, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (id_row), ==, masked);

  /* From an organization's People tab: the dialog, pre-set to it. */
  od_organization_filter_init (&org_filter);
  org_ids = od_organization_query_ids (db, &org_filter, NULL);
  org_id = g_array_index (org_ids, gint64, 0);
  org = od_organization_load (db, org_id, NULL);
  od_window_show_section (f->window, "organizations");
  od_test_spin (50);
  {
    OdOrganizationsPage *orgs = OD_ORGANIZATIONS_PAGE (od_test_find_child (GTK_WIDGET (f->window),
                                                                            OD_TYPE_ORGANIZATIONS_PAGE));
    GtkWidget *org_editor = GTK_WIDGET (template_child (orgs, OD_TYPE_ORGANIZATIONS_PAGE, "editor"));
    OdPersonDialog *dialog;
    OdPersonEditor *dialog_editor;
    GObject *chosen;

    od_list_page_select_id (OD_LIST_PAGE (orgs), org_id);
    g_assert_true (gtk_widget_activate_action (org_editor, "editor.add-person", NULL));
    od_test_spin (50);
    dialog = OD_PERSON_DIALOG (find_toplevel (OD_TYPE_PERSON_DIALOG));
    g_assert_nonnull (dialog);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_signal_connect (dialog, "saved", G_CALLBACK (on_person_saved_cb), &added);
    dialog_editor = OD_PERSON_EDITOR (template_child (dialog, OD_TYPE_PERSON_DIALOG, "editor"));
    chosen = adw_combo_row_get_selected_item (ADW_COMBO_ROW (template_child (dialog_editor,
                                                                            OD_TYPE_PERSON_EDITOR,
                                                                            "organization_row")));
    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (chosen)), ==, org->name);

    /* Refused without a name: the dialog stays and says why. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
    g_assert_cmpint (added, ==, 0);
    g_assert_nonnull (dialog);
    gtk_editable_set_text (GTK_EDITABLE (template_child (dialog_editor, OD_TYPE_PERSON_EDITOR,
                                                         "name_row")), "测试员乙");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
    od_test_spin (50);
    g_assert_cmpint (added, >, 0);
    g_assert_null (dialog);

    g_string_truncate (text, 0);
    collect_labels (org_editor, text);
    g_assert_nonnull (strstr (text->str, "测试员乙"));
  }
  g_clear_pointer (&stored, od_person_fields_free);
  stored = od_person_load (db, added, NULL);
  g_assert_cmpint (stored->organization_id, ==, org_id);
}

/* Deleted organizations wait in the trash; purging one that people refer
 * to is refused with the store's reason; Restore brings it back. */
static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  OdOrganizationsPage *orgs;
  OdTrashWindow *trash;
  OdDb *db;
  OdOrganizationFilter filter;
  OdPersonFilter people_filter;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *row = NULL;
  GtkWidget *button;
  gint64 total, id;
  guint n_entries;

  f->window = open_window (f->path, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_window_show_section (f->window, "organizations");
  od_test_spin (50);
  db = od_window_get_db (f->window);
  orgs = OD_ORGANIZATIONS_PAGE (od_test_find_child (GTK_WIDGET (f->window), OD_TYPE_ORGANIZATIONS_PAGE));
  total = od_organization_count (db, NULL);

  od_organization_filter_init (&filter);
  ids = od_organization_query_ids (db, &filter, NULL);
  id = g_array_index (ids, gint64, 0);
  org = od_organization_load (db, id, NULL);
  od_person_filter_init (&people_filter);
  people_filter.organization_id = id;
  people = od_person_query_ids (db, &people_filter, NULL);
  g_assert_cmpuint (people->len, >, 0);
  g_assert_true (od_organization_delete (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "database.trash", NULL));
  od_test_spin (50);
  trash = OD_TRASH_WINDOW (find_toplevel (OD_TYPE_TRASH_WINDOW));
  g_assert_nonnull (trash);
  n_entries = od_trash_window_get_n_entries (trash);
  g_assert_cmpuint (n_entries, >=, 1);

  /* Purging it is refused while its people refer to it; the store says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.purge", "(sx)",
                                             "organizations", id));
  dialog = find_message_dialog ("Delete Forever?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = find_message_dialog ("Not Deleted");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (od_trash_window_get_n_entries (trash), ==, n_entries);

  /* Its row, by the organization's name, and the row's Restore button. */
  list = GTK_LIST_BOX (template_child (trash, OD_TYPE_TRASH_WINDOW, "list"));
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), org->name) == 0)
      break;
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Organization"));
  button = find_action_button (GTK_WIDGET (row), "trash.restore");
  g_assert_nonnull (button);
  /* An activated button clicks once its pressed look has shown (250 ms). */
  g_assert_true (gtk_widget_activate (button));
  od_test_spin (400);

  g_assert_cmpint (od_organization_count (db, NULL), ==, total);
  g_assert_cmpuint (od_trash_window_get_n_entries (trash), ==, n_entries - 1);
  /* "changed" reloaded the window's pages. */
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (orgs)), ==, (guint) total);
  if (n_entries == 1)
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (template_child (trash,
                                                                                  OD_TYPE_TRASH_WINDOW,
                                                                                  "stack"))),
                     ==, "empty");
  gtk_window_destroy (GTK_WINDOW (trash));
}

/* Restore replaces the database file: before it does, the windows that
 * keep it open (the trash, an import, the preferences) are closed, and no connection to the
 * old file is left; the window shows the restored database. */
static void
test_restore_closes_holders (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  OdOrganizationFilter filter;
  OdDb *old_db;
  GtkWindow *trash, *import, *preferences;
  AdwMessageDialog *dialog;
  gint64 total;

  f->window = open_window (f->path, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_test_spin (20);
  old_db = od_window_get_db (f->window);
  total = od_organization_count (old_db, NULL);
  g_assert_true (od_db_backup_to (old_db, backup, &error));
  g_assert_no_error (error);
  /* After the backup: one organization fewer, which the restore brings back. */
  od_organization_filter_init (&filter);
  ids = od_organization_query_ids (old_db, &filter, NULL);
  g_assert_true (od_organization_delete (old_db, g_array_index (ids, gint64, 0), &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "database.trash", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "database.import", NULL));
  od_test_spin (50);
  trash = find_toplevel (OD_TYPE_TRASH_WINDOW);
  import = find_toplevel (OD_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (trash);
  g_assert_nonnull (import);
  preferences = GTK_WINDOW (od_preferences_window_new (GTK_WINDOW (f->window), old_db));
  gtk_window_present (preferences);
  g_object_add_weak_pointer (G_OBJECT (trash), (gpointer *) &trash);
  g_object_add_weak_pointer (G_OBJECT (import), (gpointer *) &import);
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  g_object_add_weak_pointer (G_OBJECT (old_db), (gpointer *) &old_db);

  /* What Restore a Backup… does once the file is chosen. */
  od_window_restore_backup (f->window, backup);
  od_test_spin (20);
  dialog = find_message_dialog ("Restore This Backup?");
  g_assert_nonnull (dialog);
  /* The user is told those windows will close. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "are closed"));
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  od_test_spin (50);

  g_assert_null (trash);
  g_assert_null (import);
  g_assert_null (preferences);
  g_assert_null (find_toplevel (OD_TYPE_TRASH_WINDOW));
  g_assert_null (find_toplevel (OD_TYPE_IMPORT_WINDOW));
  /* Nothing holds the old connection any more. */
  g_assert_null (old_db);
  g_assert_nonnull (od_window_get_db (f->window));
  g_assert_cmpint (od_organization_count (od_window_get_db (f->window), NULL), ==, total);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "sections");
}

/* Below about 600 pixels the sidebar folds away: a section is shown alone,
 * with a back button to the sidebar; choosing a section, also the one
 * already selected, goes to it. Wide, both are side by side. */
static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet;
  GtkWidget *back, *sidebar, *sections;
  GtkListBox *list;
  GtkListBoxRow *row;
  OdWindow *wide;

  f->window = od_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 500, 700);
  od_window_open_database (f->window, f->path, TRUE);
  gtk_window_present (GTK_WINDOW (f->window));
  od_test_wait_allocated (GTK_WIDGET (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "welcome.load-demo", NULL);
  od_test_spin (100);
  g_assert_cmpstr (od_window_get_state (f->window), ==, "sections");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 600);

  leaflet = ADW_LEAFLET (template_child (f->window, OD_TYPE_WINDOW, "leaflet"));
  back = GTK_WIDGET (template_child (f->window, OD_TYPE_WINDOW, "back_button"));
  sidebar = GTK_WIDGET (template_child (f->window, OD_TYPE_WINDOW, "stack_sidebar"));
  sections = GTK_WIDGET (template_child (f->window, OD_TYPE_WINDOW, "section_stack"));
  list = GTK_LIST_BOX (od_test_find_child (sidebar, GTK_TYPE_LIST_BOX));
  od_test_wait_allocated (GTK_WIDGET (leaflet));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_visible (back));

  /* Choosing a section in the sidebar shows it, alone, with the back button. */
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  od_test_spin (20);
  g_assert_true (gtk_widget_is_ancestor (sidebar, adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_false (gtk_widget_get_mapped (sections));
  row = gtk_list_box_get_row_at_index (list, 1);
  gtk_widget_activate (GTK_WIDGET (row));
  od_test_spin (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sections)), ==, "organizations");
  g_assert_true (gtk_widget_is_ancestor (sections, adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_widget_get_mapped (sections));
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_get_mapped (back));

  /* Back to the sidebar, and again to the section selected already. */
  g_signal_emit_by_name (back, "clicked");
  od_test_spin (20);
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_false (gtk_widget_get_mapped (sections));
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  gtk_widget_activate (GTK_WIDGET (row));
  od_test_spin (20);
  g_assert_true (gtk_widget_get_mapped (sections));
  g_assert_false (gtk_widget_get_mapped (sidebar));

  /* Wide: side by side, no back button. */
  wide = od_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (wide), 1200, 760);
  od_window_open_database (wide, f->path, FALSE);
  gtk_window_present (GTK_WINDOW (wide));
  od_test_wait_allocated (GTK_WIDGET (wide));
  od_test_spin (50);
  leaflet = ADW_LEAFLET (template_child (wide, OD_TYPE_WINDOW, "leaflet"));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (wide, OD_TYPE_WINDOW,
                                                                      "back_button"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (template_child (wide, OD_TYPE_WINDOW,
                                                                    "stack_sidebar"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (template_child (wide, OD_TYPE_WINDOW,
                                                                    "section_stack"))));
  gtk_window_destroy (GTK_WINDOW (wide));

  /* The size is remembered (GSettings): the next tests get the usual one. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (od_gui_get_resource ());

  app = od_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/ui/templates", test_templates);
  ADD ("/ui/window/welcome-demo", test_welcome_demo);
  ADD ("/ui/window/start-empty", test_start_empty);
  ADD ("/ui/window/sidebar", test_sidebar);
  ADD ("/ui/window/problem-page", test_problem_page);
  ADD ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/chart-view", test_chart_view);
  g_test_add_func ("/ui/print-export", test_print_export);
  ADD ("/ui/people/create-and-mask", test_people_create_and_mask);
  ADD ("/ui/trash", test_trash);
  ADD ("/ui/window/restore-closes-holders", test_restore_closes_holders);
  ADD ("/ui/window/narrow-folds", test_narrow_window_folds);

#undef ADD
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
