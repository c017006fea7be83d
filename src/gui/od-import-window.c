/* od-import-window.c — import a spreadsheet: choose, check, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of file or option runs the import as a dry run, so the user
 * sees what would be added and updated, and every problem with its row and
 * column, before anything is written. Import stays off while a row is
 * wrong: a rejected import writes nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "od-import.h"
#include "od-import-window.h"

struct _OdImportWindow
{
  AdwWindow       parent_instance;

  OdDb           *db;
  char           *path;
  OdImportResult *checked;

  GtkButton      *import_button;
  AdwActionRow   *file_row;
  AdwComboRow    *entity_row;
  AdwComboRow    *match_row;
  AdwComboRow    *encoding_row;
  AdwPreferencesGroup *result_group;
  AdwActionRow   *summary_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox     *problems_list;
  AdwPreferencesGroup *columns_group;
  GtkListBox     *columns_list;
};

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdImportWindow, od_import_window, ADW_TYPE_WINDOW)

/* Same order as the entity combo. */
static const char *const entities[] = { "organizations", "people" };
static const OdCsvEncoding encodings[] = {
  OD_CSV_ENCODING_AUTO, OD_CSV_ENCODING_UTF8, OD_CSV_ENCODING_GB18030,
};

/* --- helpers --- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_append (list, row);
}

static void
read_options (OdImportWindow  *self,
              OdImportOptions *options)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);

  od_import_options_init (options);
  options->on_match = adw_combo_row_get_selected (self->match_row) == 1
                      ? OD_IMPORT_ON_MATCH_SKIP : OD_IMPORT_ON_MATCH_UPDATE;
  options->encoding = encodings[encoding < G_N_ELEMENTS (encodings) ? encoding : 0];
}

static const char *
entity_name (OdImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->entity_row);

  return entities[selected < G_N_ELEMENTS (entities) ? selected : 0];
}

static void
show_columns (OdImportWindow       *self,
              const OdImportResult *result)
{
  const OdImportEntity *entity = od_import_find_entity (result->entity);
  guint ignored = 0;

  clear_list (self->columns_list);
  for (guint i = 0; result->columns != NULL && i < result->columns->len; i++)
    {
      const char *key = g_ptr_array_index (result->columns, i);
      g_autofree char *position = g_strdup_printf (_("Column %u"), i + 1);

      if (key == NULL || *key == '\0')
        {
          ignored++;
          continue;
        }
      for (guint c = 0; entity != NULL && c < entity->n_columns; c++)
        if (g_str_equal (entity->columns[c].key, key))
          {
            add_row (self->columns_list, _(entity->columns[c].label), position, "emblem-ok-symbolic");
            break;
          }
    }
  if (ignored > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u column not recognised: ignored",
                                                            "%u columns not recognised: ignored",
                                                            ignored), ignored);

      add_row (self->columns_list, text, NULL, "dialog-information-symbolic");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), result->columns != NULL);
}

static void
show_result (OdImportWindow       *self,
             const OdImportResult *result)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  guint shown = 0;

  clear_list (self->problems_list);
  if (result->errors->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u row has problems. Nothing will be imported until "
                                          "they are fixed in the file.",
                                          "%u rows have problems. Nothing will be imported until "
                                          "they are fixed in the file.",
                                          result->n_error_rows), result->n_error_rows);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row is ready to import.",
                                          "%u rows are ready to import.", result->n_rows),
                             result->n_rows);
  /* Translators: what an import would do; the numbers are rows */
  details = g_strdup_printf (_("New: %u · Updated: %u · Unchanged: %u · Skipped: %u"),
                             result->n_inserted, result->n_updated, result->n_unchanged,
                             result->n_skipped);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  adw_action_row_set_subtitle (self->summary_row, details);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);

  for (guint i = 0; i < result->errors->len && shown < 200; i++, shown++)
    {
      OdImportProblem *problem = g_ptr_array_index (result->errors, i);
      g_autofree char *where = NULL;

      where = problem->row > 0
        ? g_strdup_printf (_("Row %u · %s"), problem->row, problem->column)
        : g_strdup (problem->column);
      add_row (self->problems_list, problem->message, where, "dialog-error-symbolic");
    }
  for (guint i = 0; i < result->warnings->len && shown < 200; i++, shown++)
    {
      OdImportProblem *problem = g_ptr_array_index (result->warnings, i);
      g_autofree char *where = g_strdup_printf (_("Row %u · %s"), problem->row, problem->column);

      add_row (self->problems_list, problem->message, where, "dialog-warning-symbolic");
    }
  for (guint i = 0; i < result->notices->len && shown < 200; i++, shown++)
    add_row (self->problems_list, g_ptr_array_index (result->notices, i), NULL,
             "dialog-information-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), shown > 0);
  show_columns (self, result);
}

static void
show_file_error (OdImportWindow *self,
                 const GError   *error)
{
  clear_list (self->problems_list);
  clear_list (self->columns_list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), error->message);
  adw_action_row_set_subtitle (self->summary_row, _("Nothing will be imported."));
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
}

/* A dry run: exact counts and every problem, nothing written. */
static void
check (OdImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  OdImportOptions options;

  g_clear_pointer (&self->checked, od_import_result_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  if (self->path == NULL || self->db == NULL)
    return;

  read_options (self, &options);
  options.dry_run = TRUE;
  self->checked = od_import_file (self->db, entity_name (self), self->path, &options, &error);
  if (self->checked == NULL)
    {
      show_file_error (self, error);
      return;
    }
  show_result (self, self->checked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            od_import_window_can_import (self));
}

/* --- callbacks --- */

static void
on_option_changed_cb (OdImportWindow *self)
{
  check (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        OdImportWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        od_import_window_set_file (self, path);
    }
  g_object_unref (native);
  g_object_unref (self);
}

/* --- actions --- */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdImportWindow *self = OD_IMPORT_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV, Excel)"));
  gtk_file_filter_add_pattern (sheets, "*.csv");
  gtk_file_filter_add_pattern (sheets, "*.CSV");
  gtk_file_filter_add_pattern (sheets, "*.txt");
  gtk_file_filter_add_pattern (sheets, "*.xlsx");
  gtk_file_filter_add_pattern (sheets, "*.XLSX");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  od_import_window_run (OD_IMPORT_WINDOW (widget));
}

/* --- overrides --- */

static void
od_import_window_dispose (GObject *object)
{
  OdImportWindow *self = OD_IMPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->checked, od_import_result_free);

  G_OBJECT_CLASS (od_import_window_parent_class)->dispose (object);
}

static void
od_import_window_class_init (OdImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_import_window_dispose;

  /* The summary of a finished import, for a toast, and its audit entry
   * (OdImportResult.audit_id), for od_import_undo(). */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-import-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdImportWindow, name)
  BIND (import_button);
  BIND (file_row);
  BIND (entity_row);
  BIND (match_row);
  BIND (encoding_row);
  BIND (result_group);
  BIND (summary_row);
  BIND (problems_group);
  BIND (problems_list);
  BIND (columns_group);
  BIND (columns_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_import_window_init (OdImportWindow *self)
{
  g_autoptr(GtkStringList) entity_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) match_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (entity_names, _("Organizations"));
  gtk_string_list_append (entity_names, _("People"));
  gtk_string_list_append (match_names, _("Update them"));
  gtk_string_list_append (match_names, _("Leave them as they are"));
  gtk_string_list_append (encoding_names, _("Detect automatically"));
  gtk_string_list_append (encoding_names, "UTF-8");
  gtk_string_list_append (encoding_names, _("GB18030 (GBK, Excel on Chinese Windows)"));
  adw_combo_row_set_model (self->entity_row, G_LIST_MODEL (entity_names));
  adw_combo_row_set_model (self->match_row, G_LIST_MODEL (match_names));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));
}

/* --- public API --- */

OdImportWindow *
od_import_window_new (GtkWindow *parent,
                      OdDb      *db)
{
  OdImportWindow *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  return self;
}

void
od_import_window_set_file (OdImportWindow *self,
                           const char     *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (OD_IS_IMPORT_WINDOW (self));

  g_free (self->path);
  self->path = g_strdup (path);
  name = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->file_row, name);
  check (self);
}

gboolean
od_import_window_can_import (OdImportWindow *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_WINDOW (self), FALSE);

  return self->checked != NULL && self->checked->errors->len == 0 && self->checked->n_rows > 0;
}

/* Imports for real; closes the window and emits "imported" when done. */
gboolean
od_import_window_run (OdImportWindow *self)
{
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  OdImportOptions options;

  g_return_val_if_fail (OD_IS_IMPORT_WINDOW (self), FALSE);

  if (!od_import_window_can_import (self))
    return FALSE;
  read_options (self, &options);
  result = od_import_file (self->db, entity_name (self), self->path, &options, &error);
  if (result == NULL)
    {
      show_file_error (self, error);
      return FALSE;
    }
  if (!result->written)
    {
      show_result (self, result);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return FALSE;
    }
  /* Translators: after an import: rows added, updated, left unchanged */
  summary = g_strdup_printf (_("Imported: %u new, %u updated, %u unchanged"),
                             result->n_inserted, result->n_updated, result->n_unchanged);
  g_signal_emit (self, signals[IMPORTED], 0, summary, result->audit_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
