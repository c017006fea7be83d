/* od-window.c — the main window: start pages, sidebar sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "od-backup.h"
#include "od-demo.h"
#include "od-domains.h"
#include "od-settings-store.h"
#include "od-organizations-page.h"
#include "od-people-page.h"
#include "od-attendance-window.h"
#include "od-evaluation-page.h"
#include "od-training-page.h"
#include "od-window-private.h"

G_DEFINE_FINAL_TYPE (OdWindow, od_window, ADW_TYPE_APPLICATION_WINDOW)

/* --- helpers --- */

/* Every section page gets the open database, so that a new section only
 * has to be added to the stack in od-window.ui. */
static void
propagate_db (OdWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (OD_IS_PAGE (child))
      od_page_set_db (OD_PAGE (child), self->db);
}

static void
update_titles (OdWindow *self)
{
  g_autofree char *association = NULL;
  GtkStackPage *page;

  if (self->db != NULL)
    association = od_settings_get (self->db, OD_SETTING_ASSOCIATION_NAME, NULL);
  adw_window_title_set_subtitle (self->sidebar_title, association != NULL ? association : "");

  page = gtk_stack_get_page (self->section_stack,
                             gtk_stack_get_visible_child (self->section_stack));
  adw_window_title_set_title (self->section_title,
                              page != NULL ? gtk_stack_page_get_title (page) : "");
}

static void
show_start_or_sections (OdWindow *self)
{
  g_autofree char *initialized = NULL;
  gboolean empty = FALSE;

  initialized = od_settings_get (self->db, OD_SETTING_INITIALIZED, NULL);
  if (initialized == NULL && od_demo_database_is_empty (self->db, &empty, NULL) && empty)
    {
      od_welcome_page_set_path (self->welcome_page, self->db_path);
      gtk_stack_set_visible_child_name (self->start_stack, "welcome");
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "sections");
  update_titles (self);
}

/* GtkStackSidebar keeps its list box to itself; it is the only one inside. */
static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static OdPage *
first_dirty_page (OdWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (OD_IS_PAGE (child) && od_page_is_dirty (OD_PAGE (child)))
      return OD_PAGE (child);
  return NULL;
}

/* --- callbacks --- */

static void
on_close_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      OdWindow         *self)
{
  OdPage *page;

  if (g_str_equal (response, "cancel"))
    return;
  while ((page = first_dirty_page (self)) != NULL)
    {
      if (g_str_equal (response, "discard"))
        od_page_discard (page);
      else if (!od_page_save (page))
        {
          /* The page shows what is wrong; the window stays open. */
          GtkStackPage *stack_page = gtk_stack_get_page (self->section_stack, GTK_WIDGET (page));

          od_window_show_section (self, gtk_stack_page_get_name (stack_page));
          return;
        }
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Unsaved edits are never lost by closing the window: ask first. */
static gboolean
on_close_request_cb (GtkWindow *window)
{
  OdWindow *self = OD_WINDOW (window);
  AdwMessageDialog *dialog;

  if (first_dirty_page (self) == NULL)
    return GTK_WINDOW_CLASS (od_window_parent_class)->close_request != NULL
           && GTK_WINDOW_CLASS (od_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"),
                                                       _("Some changes are not saved yet. Save "
                                                         "them before closing?")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_section_changed_cb (OdWindow *self)
{
  update_titles (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Folded, choosing a section goes to it, also the one shown already
 * (whose row is selected, so the stack does not change). */
static void
on_sidebar_row_activated_cb (OdWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked_cb (OdWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* --- overrides --- */

static void
od_window_dispose (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_WINDOW);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (od_window_parent_class)->dispose (object);
}

static void
od_window_finalize (GObject *object)
{
  OdWindow *self = OD_WINDOW (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (od_window_parent_class)->finalize (object);
}

/* A session's "Take Attendance": the door window, over this one. */
static void
on_take_attendance_cb (OdTrainingPage *page,
                       gint64          session_id,
                       OdWindow       *self)
{
  GtkWidget *door = od_attendance_window_new (GTK_WINDOW (self), od_page_get_db (OD_PAGE (page)),
                                              session_id);

  gtk_window_present (GTK_WINDOW (door));
}

static void
od_window_class_init (OdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_window_dispose;
  object_class->finalize = od_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request_cb;

  g_type_ensure (OD_TYPE_WELCOME_PAGE);
  g_type_ensure (OD_TYPE_PROBLEM_PAGE);
  g_type_ensure (OD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (OD_TYPE_LOOKUPS_PAGE);
  g_type_ensure (OD_TYPE_ORGANIZATIONS_PAGE);
  g_type_ensure (OD_TYPE_PEOPLE_PAGE);
  g_type_ensure (OD_TYPE_TRAINING_PAGE);
  g_type_ensure (OD_TYPE_EVALUATION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, start_stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, stack_sidebar);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, OdWindow, lookups_page);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_take_attendance_cb);

  _od_window_class_install_actions (widget_class);
}

static void
od_window_init (OdWindow *self)
{
  GtkListBox *sidebar_list;

  gtk_widget_init_template (GTK_WIDGET (self));

  sidebar_list = find_list_box (GTK_WIDGET (self->stack_sidebar));
  g_assert (sidebar_list != NULL);
  g_signal_connect_object (sidebar_list, "row-activated", G_CALLBACK (on_sidebar_row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  _od_window_update_actions (self);
}

/* --- public API and internals --- */

OdWindow *
od_window_new (OdApplication *app)
{
  return g_object_new (OD_TYPE_WINDOW, "application", app, NULL);
}

void
_od_window_set_db (OdWindow   *self,
                   OdDb       *db,
                   const char *path)
{
  g_autofree char *old_path = g_steal_pointer (&self->db_path);

  /* PATH may be the window's own db_path. */
  self->db_path = g_strdup (path);
  g_set_object (&self->db, db);
  propagate_db (self);
  _od_window_update_actions (self);
}

/* Opens PATH in this window. A refusal shows the problem page with its
 * choices (open another, restore a backup, new database); the file is left
 * as it was. Returns whether the database is open. */
gboolean
od_window_open_database (OdWindow   *self,
                         const char *path,
                         gboolean    create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = NULL;

  g_return_val_if_fail (OD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = od_db_open (path, create ? OD_DB_OPEN_CREATE : OD_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      _od_window_set_db (self, NULL, path);
      od_problem_page_set_error (self->problem_page, path, error);
      gtk_stack_set_visible_child_name (self->start_stack, "problem");
      gtk_stack_set_visible_child_name (self->main_stack, "start");
      update_titles (self);
      return FALSE;
    }

  /* Marks the door logged last time but did not apply (od-domains.h);
   * they stay logged if this fails, for the next time. */
  {
    g_autoptr(GError) open_error = NULL;

    if (!od_domains_open (db, &open_error))
      g_message ("Finishing the last run's work in %s failed: %s", path, open_error->message);
  }
  _od_window_set_db (self, db, path);
  g_settings_set_string (self->settings, "last-database", path);

  /* One backup a day, kept 14 days and 12 months (od-backup): a failure
   * here must not stop the office from working, so it is only logged. */
  {
    g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
    g_autoptr(GError) backup_error = NULL;

    if (!od_backup_daily (db, folder, NULL, NULL, &backup_error))
      g_message ("Daily backup of %s failed: %s", path, backup_error->message);
  }
  show_start_or_sections (self);

  if (od_db_get_backup_path (db) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The database was updated; a backup of the old "
                                                    "version is in %s"),
                                                  od_db_get_backup_path (db));
      od_window_show_toast (self, message);
    }
  return TRUE;
}

OdDb *
od_window_get_db (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);
  return self->db;
}

const char *
od_window_get_db_path (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);
  return self->db_path;
}

/* "welcome", "problem" or "sections": what the window shows now. */
const char *
od_window_get_state (OdWindow *self)
{
  g_return_val_if_fail (OD_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sections") == 0)
    return "sections";
  return gtk_stack_get_visible_child_name (self->start_stack);
}

/* Shows section NAME; on a folded window, instead of the sidebar. */
void
od_window_show_section (OdWindow   *self,
                        const char *name)
{
  g_return_if_fail (OD_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->section_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
od_window_show_toast (OdWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (OD_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Re-reads what the pages show, after a change made elsewhere. */
void
od_window_reload (OdWindow *self)
{
  g_return_if_fail (OD_IS_WINDOW (self));

  if (self->db == NULL)
    return;
  propagate_db (self);
  show_start_or_sections (self);
}

void
_od_window_show_error (OdWindow     *self,
                       const char   *heading,
                       const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
