/* od-application.c — the application: options, app actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "od-application.h"
#include "od-paths.h"
#include "od-preferences-window.h"
#include "od-window.h"

struct _OdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (OdApplication, od_application, ADW_TYPE_APPLICATION)

/* --- helpers --- */

static OdWindow *
get_active_window (OdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return OD_IS_WINDOW (window) ? OD_WINDOW (window) : NULL;
}

static void
open_window (OdApplication *self,
             const char    *database_option)
{
  g_autofree char *remembered = g_settings_get_string (self->settings, "last-database");
  g_autofree char *path = od_paths_resolve_database (database_option, remembered);
  OdWindow *window;

  window = od_window_new (self);
  od_window_open_database (window, path, TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* --- actions --- */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OdApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets it save its state (size, unsaved-changes guards). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  OdApplication *self = user_data;
  const char *developers[] = { _("OrgDesk developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("OrgDesk"),
                        "developer-name", _("OrgDesk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Registry, training, evaluations and reports for the "
                                      "office of a social-organization promotion association."),
                        "website", "https://github.com/orgdesk/orgdesk",
                        "issue-url", "https://github.com/orgdesk/orgdesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your name here, it shows in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  OdApplication *self = user_data;
  OdWindow *window = get_active_window (self);
  OdDb *db = window != NULL ? od_window_get_db (window) : NULL;
  GtkWindow *preferences;

  if (db == NULL)
    {
      if (window != NULL)
        od_window_show_toast (window, _("Open a database first: preferences are kept in it."));
      return;
    }
  preferences = GTK_WINDOW (od_preferences_window_new (GTK_WINDOW (window), db));
  g_signal_connect_object (preferences, "settings-changed",
                           G_CALLBACK (od_window_reload), window, G_CONNECT_SWAPPED);
  gtk_window_present (preferences);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* --- overrides --- */

static int
od_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  OdApplication *self = OD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autofree char *absolute = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      /* Relative to where the command was typed, not to the running instance. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               database);
      absolute = g_file_get_path (file);
    }

  if (absolute == NULL && get_active_window (self) != NULL)
    gtk_window_present (GTK_WINDOW (get_active_window (self)));
  else
    open_window (self, absolute);
  return 0;
}

static void
od_application_startup (GApplication *app)
{
  OdApplication *self = OD_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (od_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
od_application_activate (GApplication *app)
{
  open_window (OD_APPLICATION (app), NULL);
}

static void
od_application_dispose (GObject *object)
{
  OdApplication *self = OD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (od_application_parent_class)->dispose (object);
}

static void
od_application_class_init (OdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = od_application_dispose;
  app_class->startup = od_application_startup;
  app_class->activate = od_application_activate;
  app_class->command_line = od_application_command_line;
}

static void
od_application_init (OdApplication *self)
{
  const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE instead of the last one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("orgdesk %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

/* --- public API --- */

OdApplication *
od_application_new (void)
{
  OdApplication *app = g_object_new (OD_TYPE_APPLICATION,
                                     "application-id", APP_ID,
                                     "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                                     "resource-base-path", RESOURCE_PREFIX,
                                     NULL);

  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);
  return app;
}

GSettings *
od_application_get_settings (OdApplication *self)
{
  g_return_val_if_fail (OD_IS_APPLICATION (self), NULL);
  return self->settings;
}
