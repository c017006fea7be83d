/* od-preferences-window.c — the association's settings, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-preferences-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "od-backup.h"
#include "od-evaluation-entities.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-lookup-store.h"
#include "od-preferences-window.h"
#include "od-scheme-dialog.h"
#include "od-settings-store.h"

struct _OdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  OdDb                 *db;

  AdwEntryRow          *association_row;
  AdwEntryRow          *city_row;
  AdwEntryRow          *area_code_row;
  GtkLabel             *area_code_hint;
  AdwPreferencesGroup  *backups_group;
  GtkListBox           *backups_list;
  GtkListBox           *schemes_list;
};

enum {
  SETTINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdPreferencesWindow, od_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* --- helpers --- */

static void
load_row (OdPreferencesWindow *self,
          AdwEntryRow         *row,
          const char          *key)
{
  g_autofree char *value = od_settings_get (self->db, key, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

/* A GB/T 2260 code is six digits; empty means "not set". */
static gboolean
area_code_is_valid (const char *text)
{
  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 6)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
backup_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "daily") == 0)
    return _("Daily");
  if (g_strcmp0 (kind, "monthly") == 0)
    return _("Monthly");
  if (g_strcmp0 (kind, "before-import") == 0)
    return _("Before an import");
  if (g_strcmp0 (kind, "before-migration") == 0)
    return _("Before an update");
  if (g_strcmp0 (kind, "before-restore") == 0)
    return _("Before a restore");
  if (g_strcmp0 (kind, "before-demo") == 0)
    return _("Before the demo data");
  return _("Other");
}

static void
fill_backups (OdPreferencesWindow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");
  g_autoptr(GPtrArray) backups = od_backup_list (od_db_get_path (self->db), folder, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      OdBackupInfo *info = g_ptr_array_index (backups, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *date = g_date_time_format (info->date, "%Y-%m-%d %H:%M");
      g_autofree char *title = g_strdup_printf ("%s · %s", date, backup_kind_label (info->kind));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->path);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (size));
      gtk_list_box_append (self->backups_list, row);
    }
  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->backups_list, row);
    }
}

static void fill_schemes (OdPreferencesWindow *self);

static void
on_scheme_saved_cb (OdPreferencesWindow *self)
{
  fill_schemes (self);
}

static void
open_scheme (OdPreferencesWindow *self,
             gint64               id)
{
  GtkWidget *dialog = od_scheme_dialog_new (GTK_WINDOW (self), self->db, id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_scheme_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_scheme_open_clicked_cb (GtkButton           *button,
                           OdPreferencesWindow *self)
{
  open_scheme (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "scheme-id"));
}

static void
on_scheme_copy_clicked_cb (GtkButton           *button,
                           OdPreferencesWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "scheme-id");
  const char *name = g_object_get_data (G_OBJECT (button), "scheme-name");
  /* Translators: %s is a rating scheme's name */
  g_autofree char *copy_name = g_strdup_printf (_("%s (copy)"), name);
  g_autoptr(GError) error = NULL;
  gint64 copy;

  copy = od_rating_scheme_copy (self->db, id, copy_name, &error);
  if (copy == 0)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  fill_schemes (self);
  open_scheme (self, copy);
}

static GtkWidget *
scheme_button (const char          *icon,
               const char          *tooltip,
               const OdRatingSchemeFields *scheme,
               GCallback            callback,
               OdPreferencesWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "scheme-id", g_memdup2 (&scheme->id, sizeof scheme->id),
                          g_free);
  g_object_set_data_full (G_OBJECT (button), "scheme-name", g_strdup (scheme->name), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* Each scheme with its kind, cut-offs and whether it is frozen. */
static void
fill_schemes (OdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) schemes = od_rating_scheme_list (self->db, NULL);

  od_form_clear_list (self->schemes_list);
  for (guint i = 0; schemes != NULL && i < schemes->len; i++)
    {
      const OdRatingSchemeFields *scheme = g_ptr_array_index (schemes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *max = od_points_format (scheme->max_score);
      g_autofree char *top = od_points_format (scheme->threshold_5);
      g_autofree char *bottom = od_points_format (scheme->threshold_1);
      g_autofree char *subtitle = NULL;
      gboolean frozen = FALSE;

      od_rating_scheme_is_frozen (self->db, scheme->id, &frozen, NULL);
      /* Translators: a kind of scheme, its maximum score, then the top grade
       * ("5A") and its least total, the lowest grade and its least total */
      subtitle = g_strdup_printf (_("%s · %s points · %s from %s … %s from %s"),
                                  od_label_for (od_scheme_kind_choices, scheme->kind), max,
                                  od_grade_label (scheme->kind, 5), top,
                                  od_grade_label (scheme->kind, 1), bottom);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scheme->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (frozen)
        {
          GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (lock, _("Used by a confirmed evaluation: kept as it was"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 scheme_button ("edit-copy-symbolic", _("Copy as a New Scheme"), scheme,
                                                G_CALLBACK (on_scheme_copy_clicked_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 scheme_button (frozen ? "view-reveal-symbolic" : "document-edit-symbolic",
                                                frozen ? _("Show") : _("Edit"), scheme,
                                                G_CALLBACK (on_scheme_open_clicked_cb), self));
      gtk_list_box_append (self->schemes_list, row);
    }
}

/* --- callbacks --- */

static void
on_area_code_changed_cb (OdPreferencesWindow *self)
{
  g_autofree char *code = stripped_text (self->area_code_row);
  g_autofree char *area = NULL;
  gboolean valid = area_code_is_valid (code);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->area_code_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->area_code_row), "error");

  if (!valid)
    gtk_label_set_label (self->area_code_hint,
                         _("An area code has six digits (GB/T 2260), for example 610300 for Baoji."));
  else if (*code != '\0' && (area = od_lookup_area_name (self->db, code, NULL)) != NULL)
    gtk_label_set_label (self->area_code_hint, area);
  else
    gtk_label_set_label (self->area_code_hint, "");
}

static void
on_apply_cb (OdPreferencesWindow *self)
{
  od_preferences_window_save (self);
}

/* --- overrides --- */

static void
od_preferences_window_dispose (GObject *object)
{
  OdPreferencesWindow *self = OD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (od_preferences_window_parent_class)->dispose (object);
}

static void
od_preferences_window_class_init (OdPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_preferences_window_dispose;

  signals[SETTINGS_CHANGED] =
    g_signal_new ("settings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/od-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, association_row);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, city_row);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, area_code_row);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, area_code_hint);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, OdPreferencesWindow, schemes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_area_code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_cb);
}

static void
od_preferences_window_init (OdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

OdPreferencesWindow *
od_preferences_window_new (GtkWindow *parent,
                           OdDb      *db)
{
  OdPreferencesWindow *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->db = g_object_ref (db);
  load_row (self, self->association_row, OD_SETTING_ASSOCIATION_NAME);
  load_row (self, self->city_row, OD_SETTING_CITY_NAME);
  load_row (self, self->area_code_row, OD_SETTING_CITY_AREA_CODE);
  on_area_code_changed_cb (self);
  fill_backups (self);
  fill_schemes (self);
  return self;
}

/* Saves all rows in one change; an invalid area code saves nothing. */
gboolean
od_preferences_window_save (OdPreferencesWindow *self)
{
  g_autofree char *association = stripped_text (self->association_row);
  g_autofree char *city = stripped_text (self->city_row);
  g_autofree char *code = stripped_text (self->area_code_row);
  const char *keys[] = {
    OD_SETTING_ASSOCIATION_NAME, OD_SETTING_CITY_NAME, OD_SETTING_CITY_AREA_CODE, NULL
  };
  const char *values[] = { association, city, code, NULL };
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OD_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!area_code_is_valid (code))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Not saved: the area code must have six digits.")));
      return FALSE;
    }
  if (!od_settings_set_many (self->db, keys, values, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return FALSE;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
  g_signal_emit (self, signals[SETTINGS_CHANGED], 0);
  return TRUE;
}
