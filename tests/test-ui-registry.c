/* test-ui-registry.c — the organizations section driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-application.h"
#include "od-demo.h"
#include "od-gui-resources.h"
#include "od-organization-editor.h"
#include "od-organizations-page.h"
#include "od-registry-store.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-window.h"

static OdApplication *app;

static GObject *
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static void
set_row (OdOrganizationEditor *editor,
         const char           *row,
         const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (editor, OD_TYPE_ORGANIZATION_EDITOR, row)), text);
}

static OdWindow *
open_demo_window (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  OdWindow *window;

  {
    g_autoptr(OdDb) db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (od_demo_load (db, FALSE, &error));
    g_assert_no_error (error);
  }
  window = od_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  od_window_open_database (window, f->path, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (GTK_WIDGET (window));
  od_window_show_section (window, "organizations");
  od_test_spin (50);
  return window;
}

static void
test_create_edit_search_delete_undo (OdTestFixture *f,
                                     gconstpointer  data)
{
  OdWindow *window = open_demo_window (f);
  OdOrganizationsPage *page = OD_ORGANIZATIONS_PAGE (od_test_find_child (GTK_WIDGET (window),
                                                                          OD_TYPE_ORGANIZATIONS_PAGE));
  OdOrganizationEditor *editor = OD_ORGANIZATION_EDITOR (child_of (page, OD_TYPE_ORGANIZATIONS_PAGE,
                                                                   "editor"));
  OdDb *db = od_window_get_db (window);
  g_autoptr(OdOrgFields) saved = NULL;
  gint64 total, id;

  total = od_organization_count (db, NULL);
  g_assert_cmpint (total, >, 100);
  g_assert_cmpuint (od_organizations_page_get_n_shown (page), ==, (guint) total);

  /* Create: a failing credit code is refused until a reason is given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organizations.new", NULL));
  set_row (editor, "name_row", "宝鸡市测试公益服务中心");
  set_row (editor, "credit_code_row", "52610300MJ0000000X");
  set_row (editor, "phone_row", "0917-3212345");
  g_assert_cmpuint (od_organization_editor_get_n_problems (editor), >, 0);
  g_assert_false (od_organization_editor_save (editor));
  g_assert_cmpint (od_organization_count (db, NULL), ==, total);
  set_row (editor, "override_row", "证书上即为此代码");
  g_assert_true (od_organization_editor_save (editor));
  id = od_organization_editor_get_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total + 1);

  /* Edit and save: the change is stored and in the history. */
  set_row (editor, "legal_rep_row", "王芳");
  g_assert_true (od_organization_editor_is_dirty (editor));
  g_assert_true (od_organization_editor_save (editor));
  saved = od_organization_load (db, id, NULL);
  g_assert_cmpstr (saved->legal_representative, ==, "王芳");
  g_assert_cmpstr (saved->credit_code_override, ==, "证书上即为此代码");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (editor,
                                                                           OD_TYPE_ORGANIZATION_EDITOR,
                                                                           "history_list")), 1));

  /* Search, by name fragment and by pinyin initials. */
  od_organizations_page_set_query (page, "测试公益");
  g_assert_cmpuint (od_organizations_page_get_n_shown (page), ==, 1);
  od_organizations_page_set_query (page, "bjsyx");
  g_assert_cmpuint (od_organizations_page_get_n_shown (page), >=, 1);
  od_organizations_page_set_query (page, "没有这样的组织名称");
  g_assert_cmpuint (od_organizations_page_get_n_shown (page), ==, 0);
  od_organizations_page_set_query (page, "");

  /* Delete, then undo. */
  od_organizations_page_select_id (page, id);
  od_test_spin (20);
  g_assert_cmpint (od_organization_editor_get_id (editor), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  od_test_spin (20);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total);
  g_assert_cmpuint (od_organizations_page_get_n_shown (page), ==, (guint) total);
  od_organizations_page_undo_delete (page);
  g_assert_cmpint (od_organization_count (db, NULL), ==, total + 1);
  g_assert_cmpint (od_organization_editor_get_id (editor), ==, id);

  gtk_window_destroy (GTK_WINDOW (window));
  od_test_spin (20);
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
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  OD_TEST_ADD ("/ui/organizations/create-edit-search-delete-undo", test_create_edit_search_delete_undo);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
