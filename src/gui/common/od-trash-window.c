/* od-trash-window.c — the deleted records: restore them, or delete them forever
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deletes are soft (DESIGN.md §3): a deleted organization or person waits
 * here. Deleting forever is refused by the store while other records still
 * refer to the row; its message says which, and is shown as it is.
 */
#define G_LOG_DOMAIN "orgdesk-trash-window"

#include "config.h"

#include <glib/gi18n.h>

#include "od-entity.h"
#include "od-trash.h"
#include "od-trash-window.h"

struct _OdTrashWindow
{
  AdwWindow        parent_instance;

  OdDb            *db;
  GPtrArray       *entries;      /* OdTrashEntry, as listed */

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdTrashWindow, od_trash_window, ADW_TYPE_WINDOW)

/* --- helpers --- */

/* What a record of TABLE_NAME is, from the entity registry. */
static const char *
kind_label (const char *table_name)
{
  const OdEntity *entity = od_entity_find (table_name);

  return entity != NULL ? _(entity->kind) : table_name;
}

/* "2018-12-28 17:00" in local time; the text as stored if it is no date. */
static char *
format_when (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const OdTrashEntry *
find_entry (OdTrashWindow *self,
            const char    *table_name,
            gint64         row_id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const OdTrashEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->row_id == row_id && g_strcmp0 (entry->table_name, table_name) == 0)
        return entry;
    }
  return NULL;
}

static GtkWidget *
entry_row (const OdTrashEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *purge = gtk_button_new_with_mnemonic (_("Delete _Forever"));
  g_autofree char *when = format_when (entry->deleted_at);
  g_autofree char *subtitle = NULL;

  if (entry->deleted_by != NULL && *entry->deleted_by != '\0')
    /* Translators: "Organization · deleted 2018-12-28 17:00 by wang" */
    subtitle = g_strdup_printf (_("%s · deleted %s by %s"), kind_label (entry->table_name), when,
                                entry->deleted_by);
  else
    /* Translators: "Organization · deleted 2018-12-28 17:00" */
    subtitle = g_strdup_printf (_("%s · deleted %s"), kind_label (entry->table_name), when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 entry->label != NULL && *entry->label != '\0' ? entry->label : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "(sx)", entry->table_name, entry->row_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  gtk_widget_set_valign (purge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (purge, "flat");
  gtk_widget_add_css_class (purge, "error");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (purge), "trash.purge");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (purge), "(sx)", entry->table_name, entry->row_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), purge);
  return row;
}

static void
show_error (OdTrashWindow *self,
            const char    *heading,
            const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (OdTrashWindow *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After any restore or purge: the list here, and the pages of the window. */
static void
changed (OdTrashWindow *self)
{
  od_trash_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
purge (OdTrashWindow *self,
       const char    *table_name,
       gint64         row_id)
{
  const OdTrashEntry *entry = find_entry (self, table_name, row_id);
  g_autofree char *label = g_strdup (entry != NULL ? entry->label : "");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!od_trash_purge (self->db, table_name, row_id, &error))
    {
      show_error (self, _("Not Deleted"), error->message);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted forever"), label);
  changed (self);
  show_toast (self, message);
}

static void
empty_trash (OdTrashWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_kept = 0;
  gboolean ok = od_trash_empty (self->db, &n_kept, &error);

  changed (self);
  if (!ok)
    show_error (self, _("The Trash Was Not Emptied"), error->message);
  else if (n_kept > 0)
    {
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item was kept because other "
                                                            "records still refer to it. Delete "
                                                            "it forever on its own to see which.",
                                                            "%u items were kept because other "
                                                            "records still refer to them. Delete "
                                                            "one forever on its own to see which.",
                                                            n_kept), n_kept);

      show_error (self, _("Some Items Were Kept"), body);
    }
  else
    show_toast (self, _("The trash is empty"));
}

/* --- callbacks --- */

static void
on_purge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      OdTrashWindow    *self)
{
  if (g_str_equal (response, "delete"))
    purge (self, g_object_get_data (G_OBJECT (dialog), "table-name"),
           *(gint64 *) g_object_get_data (G_OBJECT (dialog), "row-id"));
}

static void
on_empty_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      OdTrashWindow    *self)
{
  if (g_str_equal (response, "empty"))
    empty_trash (self);
}

/* --- actions --- */

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OdTrashWindow *self = OD_TRASH_WINDOW (widget);
  const char *table_name = NULL;
  gint64 row_id = 0;
  const OdTrashEntry *entry;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&sx)", &table_name, &row_id);
  entry = find_entry (self, table_name, row_id);
  label = g_strdup (entry != NULL ? entry->label : "");
  if (self->db == NULL)
    return;
  if (!od_trash_restore (self->db, table_name, row_id, &error))
    {
      show_error (self, _("Not Restored"), error->message);
      return;
    }
  message = g_strdup_printf (_("“%s” restored"), label);
  changed (self);
  show_toast (self, message);
}

static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdTrashWindow *self = OD_TRASH_WINDOW (widget);
  const char *table_name = NULL;
  gint64 row_id = 0;
  const OdTrashEntry *entry;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_variant_get (parameter, "(&sx)", &table_name, &row_id);
  entry = find_entry (self, table_name, row_id);
  body = g_strdup_printf (_("“%s” will be deleted for good. This cannot be undone."),
                          entry != NULL ? entry->label : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Forever?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete Forever"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "table-name", g_strdup (table_name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "row-id", g_memdup2 (&row_id, sizeof row_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdTrashWindow *self = OD_TRASH_WINDOW (widget);
  guint n = od_trash_window_get_n_entries (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (n == 0)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u item in the trash will be deleted for good. This "
                                       "cannot be undone.",
                                       "All %u items in the trash will be deleted for good. This "
                                       "cannot be undone.", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Empty the Trash?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "empty", _("_Empty Trash"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_empty_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides --- */

static void
od_trash_window_dispose (GObject *object)
{
  OdTrashWindow *self = OD_TRASH_WINDOW (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (od_trash_window_parent_class)->dispose (object);
}

static void
od_trash_window_class_init (OdTrashWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_trash_window_dispose;

  /* Records were restored or deleted forever: what shows them is out of date. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-trash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdTrashWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdTrashWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OdTrashWindow, list);

  gtk_widget_class_install_action (widget_class, "trash.restore", "(sx)", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.purge", "(sx)", purge_action);
  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_trash_window_init (OdTrashWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

OdTrashWindow *
od_trash_window_new (GtkWindow *parent,
                     OdDb      *db)
{
  OdTrashWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_TRASH_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  od_trash_window_reload (self);
  return self;
}

/* Re-reads the trash; a failure to read it is said, not hidden. */
void
od_trash_window_reload (OdTrashWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (OD_IS_TRASH_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (self->db != NULL)
    self->entries = od_trash_list (self->db, &error);
  if (error != NULL)
    show_error (self, _("The Trash Could Not Be Read"), error->message);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    gtk_list_box_append (self->list, entry_row (g_ptr_array_index (self->entries, i)));
  gtk_stack_set_visible_child_name (self->stack,
                                    od_trash_window_get_n_entries (self) > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty",
                                 od_trash_window_get_n_entries (self) > 0);
}

guint
od_trash_window_get_n_entries (OdTrashWindow *self)
{
  g_return_val_if_fail (OD_IS_TRASH_WINDOW (self), 0);
  return self->entries != NULL ? self->entries->len : 0;
}
