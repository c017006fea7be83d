/* od-window-actions.c — the window's actions: databases, backup, start choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "od-demo.h"
#include "od-import.h"
#include "od-import-window.h"
#include "od-output.h"
#include "od-person-dialog.h"
#include "od-preferences-window.h"
#include "od-settings-store.h"
#include "od-store-util.h"
#include "od-training-laptop.h"
#include "od-trash-window.h"
#include "od-window-private.h"

typedef void (*ChosenFunc) (OdWindow *self, const char *path);

typedef struct
{
  OdWindow   *window;
  ChosenFunc  func;
} ChooserData;

/* --- helpers --- */

static void
add_database_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("OrgDesk databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, databases);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  ChooserData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        data->func (data->window, path);
    }
  g_object_unref (data->window);
  g_free (data);
  g_object_unref (native);
}

static void
choose_file (OdWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *suggested_name,
             ChosenFunc            func)
{
  GtkFileChooserNative *native;
  ChooserData *data = g_new0 (ChooserData, 1);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_database_filters (GTK_FILE_CHOOSER (native));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  data->window = g_object_ref (self);
  data->func = func;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_database_chosen (OdWindow   *self,
                     const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_filename_display_name (path);

      /* A new database never replaces a file: whatever it holds stays. */
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or use Open Database… to open "
                     "it."), name);
      _od_window_show_error (self, _("The File Exists"), error);
      return;
    }
  od_window_open_database (self, path, TRUE);
}

static void
open_database_chosen (OdWindow   *self,
                      const char *path)
{
  od_window_open_database (self, path, FALSE);
}

static void
backup_chosen (OdWindow   *self,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!od_db_backup_to (self->db, path, &error))
    {
      _od_window_show_error (self, _("Backup Failed"), error);
      return;
    }
  message = g_strdup_printf (_("Backup saved as %s"), path);
  od_window_show_toast (self, message);
}

/* The windows that keep a database open (an OdDb of their own), made
 * transient for the main window whose database it is. */
static gboolean
keeps_db_open (GtkWindow *window)
{
  return OD_IS_TRASH_WINDOW (window) || OD_IS_IMPORT_WINDOW (window)
         || OD_IS_PREFERENCES_WINDOW (window) || OD_IS_PERSON_DIALOG (window);
}

/* Every open window, referenced: closing some changes the toplevels list. */
static GPtrArray *
list_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    g_ptr_array_add (windows, g_list_model_get_item (toplevels, i));
  return windows;
}

/* The main windows with SELF's database file open, SELF first. */
static GPtrArray *
windows_on_file (OdWindow *self)
{
  g_autoptr(GPtrArray) windows = list_windows ();
  GPtrArray *on_file = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (on_file, g_object_ref (self));
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (OD_IS_WINDOW (window) && window != GTK_WINDOW (self) && OD_WINDOW (window)->db != NULL
          && OD_WINDOW (window)->db_path != NULL && self->db_path != NULL
          && od_output_same_file (OD_WINDOW (window)->db_path, self->db_path))
        g_ptr_array_add (on_file, g_object_ref (window));
    }
  return on_file;
}

/* The windows keeping the database of one of MAIN_WINDOWS open. */
static GPtrArray *
windows_keeping_db (GPtrArray *main_windows)
{
  g_autoptr(GPtrArray) windows = list_windows ();
  GPtrArray *keeping = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);
      GtkWindow *parent = gtk_window_get_transient_for (window);

      if (keeps_db_open (window) && parent != NULL && g_ptr_array_find (main_windows, parent, NULL))
        g_ptr_array_add (keeping, g_object_ref (window));
    }
  return keeping;
}

/* Nothing may keep the file open while a restore replaces it: an old
 * connection would go on reading, or writing into, what is no longer the
 * database. The windows working on it (the trash, an import, …) are closed;
 * the main windows showing it let go of it and reopen it afterwards. */
static void
release_database (GPtrArray *main_windows)
{
  g_autoptr(GPtrArray) keeping = windows_keeping_db (main_windows);

  for (guint i = 0; i < keeping->len; i++)
    gtk_window_destroy (g_ptr_array_index (keeping, i));
  for (guint i = 0; i < main_windows->len; i++)
    {
      OdWindow *window = g_ptr_array_index (main_windows, i);

      _od_window_set_db (window, NULL, window->db_path);
    }
}

static void
restore_from (OdWindow   *self,
              const char *backup_path)
{
  g_autofree char *db_path = g_strdup (self->db_path);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) main_windows = NULL;
  gboolean restored;

  /* Check first, so that a wrong file never closes the open database. */
  if (!od_db_check_file (backup_path, &error))
    {
      _od_window_show_error (self, _("Not a Usable Backup"), error);
      return;
    }

  main_windows = windows_on_file (self);
  release_database (main_windows);
  restored = od_db_restore_file (db_path, backup_path, &kept, &error);

  /* The other windows on the file show it again, restored or not. */
  for (guint i = 1; i < main_windows->len; i++)
    {
      OdWindow *window = g_ptr_array_index (main_windows, i);
      g_autofree char *path = g_strdup (window->db_path);

      od_window_open_database (window, path, FALSE);
    }
  if (!restored)
    {
      _od_window_show_error (self, _("Restore Failed"), error);
      od_window_open_database (self, db_path, FALSE);
      return;
    }
  if (od_window_open_database (self, db_path, FALSE))
    {
      g_autofree char *message = NULL;

      message = kept != NULL
        ? g_strdup_printf (_("Backup restored. The database as it was is kept in %s"), kept)
        : g_strdup (_("Backup restored."));
      od_window_show_toast (self, message);
    }
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        OdWindow         *self)
{
  const char *backup_path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_strcmp0 (response, "restore") == 0)
    restore_from (self, backup_path);
}

static void
restore_chosen (OdWindow   *self,
                const char *backup_path)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = g_filename_display_name (backup_path);
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) main_windows = windows_on_file (self);
  g_autoptr(GPtrArray) keeping = windows_keeping_db (main_windows);

  if (keeping->len > 0)
    body = g_strdup_printf (_("The database will be replaced by the backup “%s”. The database as "
                              "it is now is kept as a backup first, and the windows working on "
                              "it, such as the trash or an import, are closed."), name);
  else
    body = g_strdup_printf (_("The database will be replaced by the backup “%s”. The database as "
                              "it is now is kept as a backup first."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (backup_path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* "Undo" of the toast after an import: the import's records go to the
 * trash, the ones it updated get their earlier values back. */
static void
on_import_undo_clicked_cb (AdwToast *toast,
                           OdWindow *self)
{
  GWeakRef *db_ref = g_object_get_data (G_OBJECT (toast), "od-db");
  gint64 *audit_id = g_object_get_data (G_OBJECT (toast), "od-audit-id");
  g_autoptr(OdDb) db = db_ref != NULL ? g_weak_ref_get (db_ref) : NULL;
  g_autoptr(GError) error = NULL;

  /* Another database was opened since. */
  if (self->db == NULL || self->db != db || audit_id == NULL)
    return;
  if (!od_import_undo (self->db, *audit_id, &error))
    {
      _od_window_show_error (self, _("Import Not Undone"), error);
      return;
    }
  od_window_reload (self);
  od_window_show_toast (self, _("Import undone"));
}

static void
on_imported_cb (OdWindow   *self,
                const char *summary,
                gint64      audit_id)
{
  AdwToast *toast;
  GWeakRef *db_ref;

  od_window_reload (self);
  if (audit_id <= 0 || self->db == NULL)
    {
      od_window_show_toast (self, summary);
      return;
    }
  toast = adw_toast_new (summary);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Not a reference: the toast must not keep a database open. */
  db_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (db_ref, self->db);
  g_object_set_data_full (G_OBJECT (toast), "od-db", db_ref, weak_ref_free);
  g_object_set_data_full (G_OBJECT (toast), "od-audit-id", g_memdup2 (&audit_id, sizeof audit_id),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_import_undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* --- actions --- */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);
  OdImportWindow *window;

  if (self->db == NULL)
    return;
  window = od_import_window_new (GTK_WINDOW (self), self->db);
  g_signal_connect_object (window, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (OD_WINDOW (widget), _("New Database"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
               "orgdesk.db", new_database_chosen);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (OD_WINDOW (widget), _("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               NULL, open_database_chosen);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: file name suggested for a backup; %s is the date */
  g_autofree char *name = g_strdup_printf (_("orgdesk-backup-%s.db"), date);

  choose_file (OD_WINDOW (widget), _("Back Up Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Save"), name, backup_chosen);
}

/* The laptop's attendance back (orgdesk-cli merge): a summary, and the
 * conflicts and what was left out in a dialog to read. */
typedef struct
{
  OdWindow      *window;
  OdMergeResult *result;
} MergeUndo;

static void
merge_undo_free (gpointer data)
{
  MergeUndo *undo = data;

  g_object_unref (undo->window);
  od_merge_result_free (undo->result);
  g_free (undo);
}

/* Undo: the backup taken just before, while the merge is the last change. */
static void
undo_merge (MergeUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->window->db == NULL)
    return;
  if (!od_training_merge_is_last (undo->window->db, undo->result, &error))
    {
      if (error == NULL)
        g_set_error (&error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                     /* Translators: %s is a backup's file name */
                     _("The database changed after the merge, so undoing it would lose those "
                       "changes too. If you are sure, restore the backup %s from Preferences → "
                       "Backups."), undo->result->backup_path);
      _od_window_show_error (undo->window, _("The Merge Cannot Be Undone"), error);
      return;
    }
  od_window_restore_backup (undo->window, undo->result->backup_path);
}

static void
on_merge_toast_undo_cb (AdwToast  *toast,
                        MergeUndo *undo)
{
  undo_merge (undo);
}

static void
on_merge_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             MergeUndo        *undo)
{
  if (g_str_equal (response, "undo"))
    undo_merge (undo);
}

/* The laptop's attendance back (orgdesk-cli merge): a summary, and the
 * conflicts and what was left out in a dialog to read; either can undo. */
static void
merge_laptop_chosen (OdWindow   *self,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  OdMergeResult *result = od_training_merge (self->db, path, &error);
  g_autofree char *summary = NULL;
  MergeUndo *undo;

  if (result == NULL)
    {
      _od_window_show_error (self, _("Merge Failed"), error);
      return;
    }
  od_window_reload (self);
  undo = g_new0 (MergeUndo, 1);
  undo->window = g_object_ref (self);
  undo->result = result;
  /* Translators: after a merge; marks added, marks changed, people added */
  summary = g_strdup_printf (_("Laptop attendance merged: %u marks added, %u changed, %u people "
                               "added"), result->marks_added, result->marks_updated,
                             result->people_added);
  if (result->conflicts->len == 0 && result->skipped->len == 0)
    {
      AdwToast *toast = adw_toast_new (summary);

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_merge_toast_undo_cb), undo,
                             (GClosureNotify) (void (*) (void)) merge_undo_free, 0);
      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  {
    g_autoptr(GString) body = g_string_new (summary);
    GtkWidget *dialog;

    g_string_append (body, "\n");
    for (guint i = 0; i < result->conflicts->len; i++)
      g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (result->conflicts, i));
    for (guint i = 0; i < result->skipped->len; i++)
      g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (result->skipped, i));
    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merged, With Differences"), body->str);
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "undo", _("_Undo the Merge"),
                                      "close", _("_Close"), NULL);
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
    adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    g_signal_connect_data (dialog, "response", G_CALLBACK (on_merge_dialog_response_cb), undo,
                           (GClosureNotify) (void (*) (void)) merge_undo_free, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
merge_laptop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (OD_WINDOW (widget), _("Merge Laptop Attendance"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Merge"), NULL, merge_laptop_chosen);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_file (OD_WINDOW (widget), _("Restore a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Choose"), NULL, restore_chosen);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);
  OdTrashWindow *trash;

  if (self->db == NULL)
    return;
  trash = od_trash_window_new (GTK_WINDOW (self), self->db);
  /* A restored or purged record changes what the sections show. */
  g_signal_connect_object (trash, "changed", G_CALLBACK (od_window_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (trash));
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!od_demo_load (self->db, FALSE, &error))
    {
      _od_window_show_error (self, _("Demo Data Not Loaded"), error);
      return;
    }
  od_window_reload (self);
  od_window_show_toast (self, _("Demo data loaded"));
}

static void
start_empty_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OdWindow *self = OD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!od_settings_set (self->db, OD_SETTING_INITIALIZED, "empty", &error))
    {
      _od_window_show_error (self, _("Could Not Start"), error);
      return;
    }
  od_window_reload (self);
}

/* --- internals --- */

void
_od_window_update_actions (OdWindow *self)
{
  gboolean has_db = self->db != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.backup", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.merge-laptop", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.import", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.trash", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.load-demo", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.start-empty", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.restore", self->db_path != NULL);
}

void
_od_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "database.new", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "database.open", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "database.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "database.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "database.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "database.merge-laptop", NULL,
                                   merge_laptop_action);
  gtk_widget_class_install_action (widget_class, "database.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "welcome.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "welcome.start-empty", NULL, start_empty_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "database.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "database.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "database.backup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* --- public API --- */

/**
 * od_window_restore_backup:
 * @self: a window
 * @backup_path: the backup file
 *
 * Asks whether to replace the database with the backup at @backup_path,
 * and does so once confirmed: what Restore a Backup… does once the file is
 * chosen.
 */
void
od_window_restore_backup (OdWindow   *self,
                          const char *backup_path)
{
  g_return_if_fail (OD_IS_WINDOW (self));
  g_return_if_fail (backup_path != NULL);

  if (self->db_path != NULL)
    restore_chosen (self, backup_path);
}
