/* test-ui-schemes.c — rating schemes in Preferences: the list, a frozen
 * scheme shown read-only, a copy edited through its dialog and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-demo.h"
#include "od-evaluation-store.h"
#include "od-gui-resources.h"
#include "od-preferences-window.h"
#include "od-scheme-dialog.h"
#include "od-test-db.h"
#include "od-test-ui-util.h"


static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The button in ROOT whose tooltip is TOOLTIP. */
static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_with_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
last_scheme_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OD_IS_SCHEME_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WIDGET (window);
    }
  return found;
}

static void
test_schemes (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  OdPreferencesWindow *prefs;
  GtkListBox *list;
  GtkWidget *dialog;
  GtkListBoxRow *row = NULL;
  gint64 group_scheme = od_test_query_int (db, "SELECT id FROM rating_schemes WHERE"
                                               " uuid = 'scheme-social-group'");
  gint64 n_before = od_test_query_int (db, "SELECT count(*) FROM rating_schemes");

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  prefs = od_preferences_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (prefs));
  od_test_wait_allocated (GTK_WIDGET (prefs));
  list = GTK_LIST_BOX (od_test_child (prefs, OD_TYPE_PREFERENCES_WINDOW, "schemes_list"));
  g_assert_cmpuint (n_rows (list), ==, 4);

  /* The social groups' scheme graded the demo's rounds: shown read-only. */
  dialog = od_scheme_dialog_new (GTK_WINDOW (prefs), db, group_scheme);
  gtk_window_present (GTK_WINDOW (dialog));
  od_test_wait_allocated (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "frozen_group"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "save_button"))));
  g_assert_cmpuint (od_scheme_dialog_get_n_indicators (OD_SCHEME_DIALOG (dialog)), ==, 25);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "problems_label"))),
                   ==, "Everything adds up.");
  g_assert_false (od_scheme_dialog_save (OD_SCHEME_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Copy it from its row: the copy opens, editable. */
  for (guint i = 0; i < n_rows (list); i++)
    {
      GtkListBoxRow *r = gtk_list_box_get_row_at_index (list, (int) i);

      if (strcmp (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)), "社会团体等级评估（默认）") == 0)
        row = r;
    }
  g_assert_nonnull (row);
  g_assert_nonnull (button_with_tooltip (GTK_WIDGET (row), "Copy as a New Scheme"));
  g_signal_emit_by_name (button_with_tooltip (GTK_WIDGET (row), "Copy as a New Scheme"), "clicked");
  od_test_spin (50);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM rating_schemes"), ==, n_before + 1);
  dialog = last_scheme_dialog ();
  g_assert_nonnull (dialog);
  od_test_wait_allocated (dialog);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "save_button"))));

  /* A lower cut-off for 4A, and a maximum that no longer adds up: said,
   * not blocking; then a typo in points: blocking. */
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "max_row")), "1000");
  {
    GtkWidget *thresholds = GTK_WIDGET (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "thresholds_group"));
    GtkWidget *entry_row = od_test_find_child (thresholds, ADW_TYPE_ENTRY_ROW);
    GtkWidget *second = NULL;

    /* The rows are 5A first; the second is 4A. */
    for (GtkWidget *w = entry_row; w != NULL; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w) && w != entry_row && second == NULL)
        second = w;
    g_assert_nonnull (second);
    gtk_editable_set_text (GTK_EDITABLE (second), "780");
  }
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "max_row")), "1100");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "problems_label"))),
                            "not the scheme's maximum of 1100"));
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "bonus_row")), "五十");
  g_assert_false (od_scheme_dialog_save (OD_SCHEME_DIALOG (dialog)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "problems_label"))),
                            "is not a number of points"));
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "bonus_row")), "50");
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (dialog, OD_TYPE_SCHEME_DIALOG, "max_row")), "1000");
  g_assert_true (od_scheme_dialog_save (OD_SCHEME_DIALOG (dialog)));
  g_assert_cmpint (od_test_query_int (db, "SELECT threshold_4 FROM rating_schemes WHERE"
                                          " id = (SELECT max (id) FROM rating_schemes)"), ==, 7800);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators WHERE"
                                          " scheme_id = (SELECT max (id) FROM rating_schemes)"
                                          " AND deleted_at IS NULL"), ==, 25);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (prefs));
  od_test_spin (20);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (od_gui_get_resource ());
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  OD_TEST_ADD ("/ui/evaluation/schemes", test_schemes);
  return g_test_run ();
}
