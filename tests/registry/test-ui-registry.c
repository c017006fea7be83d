/* test-ui-registry.c — the organizations section driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <xlsxwriter.h>

#include "od-application.h"
#include "od-demo.h"
#include "od-gui-resources.h"
#include "od-import-window.h"
#include "od-list-page.h"
#include "od-organization-editor.h"
#include "od-organizations-page.h"
#include "od-people-page.h"
#include "od-person-editor.h"
#include "od-registry-store.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-test-window.h"
#include "od-window.h"

static OdApplication *app;
/* The demo data, loaded once: each test opens a copy of it. */
static OdDb *demo_db;


static void
set_row (OdOrganizationEditor *editor,
         const char           *row,
         const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (editor, OD_TYPE_ORGANIZATION_EDITOR, row)), text);
}

static OdWindow *
open_demo_window (OdTestFixture *f)
{
  return od_test_open_window (app, demo_db, f, "organizations", 1300, 800);
}

static void
test_create_edit_search_delete_undo (OdTestFixture *f,
                                     gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdOrganizationsPage *page = OD_ORGANIZATIONS_PAGE (od_test_find_child (GTK_WIDGET (window),
                                                                          OD_TYPE_ORGANIZATIONS_PAGE));
  OdOrganizationEditor *editor = OD_ORGANIZATION_EDITOR (od_test_child (page, OD_TYPE_ORGANIZATIONS_PAGE,
                                                                   "editor"));
  OdDb *db = od_window_get_db (window);
  g_autoptr(OdOrganizationFields) saved = NULL;
  gint64 total, id;

  total = od_organization_count (db, NULL);
  g_assert_cmpint (total, >, 100);
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==, (guint) total);

  /* Create: a failing credit code is refused until a reason is given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organizations.new", NULL));
  set_row (editor, "name_row", "宝鸡市测试公益服务中心");
  set_row (editor, "credit_code_row", "52610300MJ0000000X");
  set_row (editor, "phone_row", "0917-3212345");
  g_assert_cmpuint (od_record_editor_get_n_problems (OD_RECORD_EDITOR (editor)), >, 0);
  g_assert_false (od_record_editor_save (OD_RECORD_EDITOR (editor)));
  g_assert_cmpint (od_organization_count (db, NULL), ==, total);
  set_row (editor, "override_row", "证书上即为此代码");
  g_assert_true (od_record_editor_save (OD_RECORD_EDITOR (editor)));
  id = od_record_editor_get_id (OD_RECORD_EDITOR (editor));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total + 1);

  /* Edit and save: the change is stored and in the history. */
  set_row (editor, "legal_rep_row", "王芳");
  g_assert_true (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
  g_assert_true (od_record_editor_save (OD_RECORD_EDITOR (editor)));
  saved = od_organization_load (db, id, NULL);
  g_assert_cmpstr (saved->legal_representative, ==, "王芳");
  g_assert_cmpstr (saved->credit_code_override, ==, "证书上即为此代码");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (od_test_child (editor,
                                                                           OD_TYPE_ORGANIZATION_EDITOR,
                                                                           "history_list")), 1));

  /* Search, by name fragment and by pinyin initials. */
  od_list_page_set_query (OD_LIST_PAGE (page), "测试公益");
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==, 1);
  od_list_page_set_query (OD_LIST_PAGE (page), "bjsyx");
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), >=, 1);
  od_list_page_set_query (OD_LIST_PAGE (page), "没有这样的组织名称");
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==, 0);
  od_list_page_set_query (OD_LIST_PAGE (page), "");

  /* Delete, then undo. */
  od_list_page_select_id (OD_LIST_PAGE (page), id);
  od_test_spin (20);
  g_assert_cmpint (od_record_editor_get_id (OD_RECORD_EDITOR (editor)), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  od_test_spin (20);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total);
  g_assert_cmpuint (od_list_page_get_n_shown (OD_LIST_PAGE (page)), ==, (guint) total);
  od_list_page_undo_delete (OD_LIST_PAGE (page));
  g_assert_cmpint (od_organization_count (db, NULL), ==, total + 1);
  g_assert_cmpint (od_record_editor_get_id (OD_RECORD_EDITOR (editor)), ==, id);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* Clicking a header sorts by that column, in SQL, both ways. */
static void
test_sort_by_header (OdTestFixture *f,
                     gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  GtkWidget *page = od_test_find_child (GTK_WIDGET (window), OD_TYPE_ORGANIZATIONS_PAGE);
  GtkColumnView *view = GTK_COLUMN_VIEW (od_test_find_child (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) code_column = NULL;
  g_autofree char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (columns) && code_column == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Credit code") == 0)
        code_column = g_steal_pointer (&column);
    }
  g_assert_nonnull (code_column);

  gtk_column_view_sort_by_column (view, code_column, GTK_SORT_DESCENDING);
  od_test_spin (20);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(OdOrganization) item = g_list_model_get_item (rows, i);
      const char *code = od_organization_get_fields (item)->credit_code;

      if (previous != NULL && code != NULL)
        g_assert_cmpstr (code, <=, previous);
      if (code != NULL)
        {
          g_free (previous);
          previous = g_strdup (code);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* Text is stored and shown exactly as typed, whatever it holds. */
static void
test_hostile_text_shown (OdTestFixture *f,
                         gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  GtkWidget *page = od_test_find_child (GTK_WIDGET (window), OD_TYPE_ORGANIZATIONS_PAGE);
  OdOrganizationEditor *editor = OD_ORGANIZATION_EDITOR (od_test_find_child (page,
                                                                             OD_TYPE_ORGANIZATION_EDITOR));
  g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
  const char *hostile = "宝鸡\"<b>测试</b>'); DROP TABLE organizations; -- & 😀";
  g_autoptr(GError) error = NULL;
  GtkLabel *title;
  gint64 id;

  g_free (fields->name);
  fields->name = g_strdup (hostile);
  id = od_organization_save (od_window_get_db (window), fields, &error);
  g_assert_no_error (error);
  od_list_page_reread (OD_LIST_PAGE (page));
  od_list_page_select_id (OD_LIST_PAGE (page), id);
  od_test_spin (20);

  title = GTK_LABEL (od_test_child (editor, OD_TYPE_ORGANIZATION_EDITOR, "title_label"));
  g_assert_cmpstr (gtk_label_get_text (title), ==, hostile);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (od_test_child (editor, OD_TYPE_ORGANIZATION_EDITOR,
                                                                  "name_row"))), ==, hostile);
  g_assert_false (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* Export writes the rows shown, with the search and sort, in their order. */
static void
test_export_shown_rows (OdTestFixture *f,
                        gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdListPage *page = OD_LIST_PAGE (od_test_find_child (GTK_WIDGET (window), OD_TYPE_ORGANIZATIONS_PAGE));
  GtkColumnView *view = GTK_COLUMN_VIEW (od_test_find_child (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autofree char *path = g_build_filename (f->dir, "养生.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  guint n_shown;

  od_list_page_set_query (page, "养生");
  od_test_spin (20);
  n_shown = od_list_page_get_n_shown (page);
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, (guint) od_organization_count (od_window_get_db (window), NULL));

  /* Export… asks for the format first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organizations.export", NULL));
  od_test_spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = GTK_WINDOW (toplevel);
    }
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  g_assert_true (od_list_page_export_to (page, path, OD_EXPORT_FORMAT_CSV, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "uuid,name,"));
  /* The demo's names and notes hold no line breaks: a line is a row. */
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_shown + 2);
  g_assert_cmpstr (lines[n_shown + 1], ==, "");
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(OdOrganization) item = g_list_model_get_item (rows, i);
      g_autofree char *start = g_strconcat (od_organization_get_fields (item)->uuid, ",", NULL);

      g_assert_true (g_str_has_prefix (lines[i + 1], start));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* The import window checks first, imports only a file without errors. */
static void
test_import_window (OdTestFixture *f,
                    gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  g_autofree char *good = g_build_filename (f->dir, "名单.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  OdImportWindow *import;
  gint64 before = od_organization_count (db, NULL);
  GtkListBox *problems;

  /* A bureau list: UTF-8 with BOM, CRLF, the usual Chinese headers. */
  g_assert_true (g_file_set_contents (good,
                                      "\xEF\xBB\xBF单位名称,法定代表人,联系电话,登记日期\r\n"
                                      "宝鸡市导入测试协会,张三,0917-3212345,2017/10/19\r\n"
                                      "宝鸡市导入测试中心,李四,13812345678,2016年5月4日\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad,
                                      "单位名称,联系电话\n宝鸡市坏行测试会,12345\n", -1, NULL));

  import = od_import_window_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (import));
  od_import_window_set_file (import, bad);
  od_test_spin (20);
  g_assert_false (od_import_window_can_import (import));
  g_assert_false (od_import_window_run (import));
  problems = GTK_LIST_BOX (od_test_find_child (GTK_WIDGET (import), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (gtk_list_box_get_row_at_index (problems, 0));
  g_assert_cmpint (od_organization_count (db, NULL), ==, before);

  /* On explicit choice, the valid rows only: here there are none. */
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (import),
                                                                    OD_TYPE_IMPORT_WINDOW,
                                                                    "valid_only_switch")), TRUE);
  od_test_spin (20);
  g_assert_false (od_import_window_can_import (import));
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (import),
                                                                    OD_TYPE_IMPORT_WINDOW,
                                                                    "valid_only_switch")), FALSE);

  od_import_window_set_file (import, good);
  od_test_spin (20);
  g_assert_true (od_import_window_can_import (import));
  g_assert_cmpint (od_organization_count (db, NULL), ==, before);
  g_assert_true (od_import_window_run (import));
  g_assert_cmpint (od_organization_count (db, NULL), ==, before + 2);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* The first combo row of the import window's columns group. */
static AdwComboRow *
first_column_combo (OdImportWindow *import)
{
  GtkWidget *group = GTK_WIDGET (od_test_child (import, OD_TYPE_IMPORT_WINDOW, "columns_group"));
  AdwComboRow *row = ADW_COMBO_ROW (od_test_find_child (group, ADW_TYPE_COMBO_ROW));

  g_assert_nonnull (row);
  return row;
}

static guint
combo_index_of (AdwComboRow *row,
                const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Unusual headers: mapped in the window, remembered for the next file. */
static void
test_import_window_mapping (OdTestFixture *f,
                            gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  g_autofree char *first = g_build_filename (f->dir, "机构.csv", NULL);
  g_autofree char *second = g_build_filename (f->dir, "机构2.csv", NULL);
  g_autoptr(GArray) ids = NULL;
  OdOrganizationFilter filter;
  OdImportWindow *import;
  AdwComboRow *combo;
  guint name_index;
  gint64 before = od_organization_count (db, NULL);

  g_assert_true (g_file_set_contents (first, "机构全称,负责人\n宝鸡市映射测试协会,王五\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (second, "机构全称,负责人\n宝鸡市映射测试中心,赵六\n", -1,
                                      NULL));

  import = od_import_window_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (import));
  od_import_window_set_file (import, first);
  od_test_spin (20);
  g_assert_false (od_import_window_can_import (import));
  combo = first_column_combo (import);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (combo)), ==, "机构全称");
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 0);
  name_index = combo_index_of (combo, "Name");
  adw_combo_row_set_selected (combo, name_index);
  od_test_spin (20);
  g_assert_true (od_import_window_can_import (import));
  g_assert_true (od_import_window_run (import));
  g_assert_cmpint (od_organization_count (db, NULL), ==, before + 1);
  od_organization_filter_init (&filter);
  filter.query = "宝鸡市映射测试协会";
  ids = od_organization_query_ids (db, &filter, NULL);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);

  /* Another file with the same header: the choice is remembered. */
  import = od_import_window_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (import));
  od_import_window_set_file (import, second);
  od_test_spin (20);
  combo = first_column_combo (import);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, name_index);
  g_assert_true (od_import_window_can_import (import));
  gtk_window_destroy (GTK_WINDOW (import));

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* A workbook whose list is on its second sheet: the window asks which sheet. */
static void
test_import_window_sheet (OdTestFixture *f,
                          gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  g_autofree char *path = g_build_filename (f->dir, "两页.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (workbook, "说明");
  lxw_worksheet *list = workbook_add_worksheet (workbook, "名单");
  OdImportWindow *import;
  AdwComboRow *sheet_row;
  gint64 before = od_organization_count (db, NULL);

  worksheet_write_string (notes, 0, 0, "本表第二页为名单", NULL);
  worksheet_write_string (list, 0, 0, "单位名称", NULL);
  worksheet_write_string (list, 0, 1, "法定代表人", NULL);
  worksheet_write_string (list, 1, 0, "宝鸡市第二页测试协会", NULL);
  worksheet_write_string (list, 1, 1, "赵六", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  import = od_import_window_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (import));
  od_import_window_set_file (import, path);
  od_test_spin (20);
  sheet_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (import),
                                                            OD_TYPE_IMPORT_WINDOW, "sheet_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet_row)));
  /* The first sheet holds no list. */
  g_assert_false (od_import_window_can_import (import));
  adw_combo_row_set_selected (sheet_row, 1);
  od_test_spin (20);
  g_assert_true (od_import_window_can_import (import));
  g_assert_true (od_import_window_run (import));
  g_assert_cmpint (od_organization_count (db, NULL), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

/* The rows of an editor's problems list, one title per line. */
static char *
problem_titles (gpointer editor,
                GType    type)
{
  GtkListBox *list = GTK_LIST_BOX (od_test_child (editor, type, "problems_list"));
  GString *titles = g_string_new (NULL);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (titles, FALSE);
}

/* A save the database refuses (another program holds the write lock) is
 * said in the problems list, in the organization editor as in the person
 * editor; once the lock is gone, the same save goes through. */
static void
test_store_error_shown (OdTestFixture *f,
                        gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdDb *db = od_window_get_db (window);
  const struct { const char *section; GType page_type; GType editor_type; const char *row; } cases[] = {
    { "organizations", OD_TYPE_ORGANIZATIONS_PAGE, OD_TYPE_ORGANIZATION_EDITOR, "notes_row" },
    { "people", OD_TYPE_PEOPLE_PAGE, OD_TYPE_PERSON_EDITOR, "notes_row" },
  };

  /* Waiting for the lock would only slow the test down. */
  od_db_set_busy_timeout (db, 50);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      GtkWidget *page, *editor, *group;
      g_autoptr(OdDb) other = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) expected = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *cleared = NULL;
      gint64 id;

      od_window_show_section (window, cases[c].section);
      od_test_spin (20);
      page = od_test_find_child (GTK_WIDGET (window), cases[c].page_type);
      editor = od_list_page_get_editor (OD_LIST_PAGE (page));
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (editor, cases[c].editor_type));
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                                           GTK_COLUMN_VIEW (od_test_find_child (page, GTK_TYPE_COLUMN_VIEW)))),
                                         0);
      od_test_spin (20);
      id = od_record_editor_get_id (OD_RECORD_EDITOR (editor));
      g_assert_cmpint (id, >, 0);
      gtk_editable_set_text (GTK_EDITABLE (od_test_child (editor, cases[c].editor_type, cases[c].row)),
                             "测试：保存时数据库被占用");
      g_assert_true (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
      before = problem_titles (editor, cases[c].editor_type);

      /* Another connection holds the write lock: what the store says then. */
      other = od_db_open (f->path, OD_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (od_db_exec (other, "BEGIN IMMEDIATE", &error));
      g_assert_no_error (error);
      if (cases[c].editor_type == OD_TYPE_ORGANIZATION_EDITOR)
        {
          g_autoptr(OdOrganizationFields) fields = od_organization_load (db, id, NULL);

          g_free (fields->notes);
          fields->notes = g_strdup ("直接保存");
          g_assert_cmpint (od_organization_save (db, fields, &expected), ==, 0);
        }
      else
        {
          g_autoptr(OdPersonFields) fields = od_person_load (db, id, NULL);

          g_free (fields->notes);
          fields->notes = g_strdup ("直接保存");
          g_assert_cmpint (od_person_save (db, fields, &expected), ==, 0);
        }
      g_assert_error (expected, OD_DB_ERROR, OD_DB_ERROR_BUSY);
      g_assert_null (strstr (before, expected->message));

      g_assert_false (od_record_editor_save (OD_RECORD_EDITOR (editor)));
      group = GTK_WIDGET (od_test_child (editor, cases[c].editor_type, "problems_group"));
      g_assert_true (gtk_widget_get_visible (group));
      g_assert_true (gtk_widget_is_drawable (group));
      after = problem_titles (editor, cases[c].editor_type);
      g_assert_nonnull (strstr (after, expected->message));
      /* The form stays as typed. */
      g_assert_true (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
      g_assert_cmpint (od_record_editor_get_id (OD_RECORD_EDITOR (editor)), ==, id);

      g_assert_true (od_db_exec (other, "ROLLBACK", &error));
      g_assert_no_error (error);
      g_clear_object (&other);
      g_assert_true (od_record_editor_save (OD_RECORD_EDITOR (editor)));
      cleared = problem_titles (editor, cases[c].editor_type);
      g_assert_null (strstr (cleared, expected->message));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Another row clicked with unsaved changes, "Save" chosen, and the save
 * refused: the editor keeps the record, and the list highlights it again,
 * not the row clicked. */
static void
test_failed_save_keeps_selection (OdTestFixture *f,
                                  gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  GtkWidget *page = od_test_find_child (GTK_WIDGET (window), OD_TYPE_ORGANIZATIONS_PAGE);
  OdOrganizationEditor *editor = OD_ORGANIZATION_EDITOR (od_list_page_get_editor (OD_LIST_PAGE (page)));
  GtkColumnView *view = GTK_COLUMN_VIEW (od_test_find_child (page, GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  g_autoptr(OdOrganization) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_autoptr(OdOrganization) second = g_list_model_get_item (G_LIST_MODEL (selection), 1);
  gint64 first_id = od_organization_get_fields (first)->id;
  AdwMessageDialog *dialog;
  const char *responses[] = { "save", "cancel" };

  g_assert_cmpint (od_organization_get_fields (second)->id, !=, first_id);
  gtk_single_selection_set_selected (selection, 0);
  od_test_spin (20);
  g_assert_cmpint (od_record_editor_get_id (OD_RECORD_EDITOR (editor)), ==, first_id);

  /* A name is required: saving is refused, and the name's row is marked. */
  set_row (editor, "name_row", "");
  g_assert_true (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (od_test_child (editor, OD_TYPE_ORGANIZATION_EDITOR,
                                                                 "name_row")), "error"));

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      /* The user clicks the second row: the list highlights it and asks. */
      gtk_single_selection_set_selected (selection, 1);
      od_test_spin (20);
      dialog = find_message_dialog ("Save Changes?");
      g_assert_nonnull (dialog);
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
      adw_message_dialog_response (dialog, responses[i]);
      gtk_window_destroy (GTK_WINDOW (dialog));
      od_test_spin (20);

      g_assert_cmpint (od_record_editor_get_id (OD_RECORD_EDITOR (editor)), ==, first_id);
      g_assert_true (od_record_editor_is_dirty (OD_RECORD_EDITOR (editor)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (od_test_child (editor, OD_TYPE_ORGANIZATION_EDITOR,
                                                                      "name_row"))), ==, "");
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
    }

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

  OD_TEST_ADD ("/ui/organizations/create-edit-search-delete-undo", test_create_edit_search_delete_undo);
  OD_TEST_ADD ("/ui/organizations/sort-by-header", test_sort_by_header);
  OD_TEST_ADD ("/ui/organizations/hostile-text-shown", test_hostile_text_shown);
  OD_TEST_ADD ("/ui/import-window", test_import_window);
  OD_TEST_ADD ("/ui/import-window/sheet", test_import_window_sheet);
  OD_TEST_ADD ("/ui/import-window/mapping", test_import_window_mapping);
  OD_TEST_ADD ("/ui/organizations/export-shown-rows", test_export_shown_rows);
  OD_TEST_ADD ("/ui/editors/store-error-shown", test_store_error_shown);
  OD_TEST_ADD ("/ui/organizations/failed-save-keeps-selection", test_failed_save_keeps_selection);

  status = g_test_run ();
  g_clear_object (&app);
  g_clear_object (&demo_db);
  od_test_remove_tree (demo_dir);
  return status;
}
