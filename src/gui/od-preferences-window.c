/* od-preferences-window.c — the association's settings, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "od-lookup-store.h"
#include "od-preferences-window.h"
#include "od-settings-store.h"

struct _OdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  OdDb                 *db;

  AdwEntryRow          *association_row;
  AdwEntryRow          *city_row;
  AdwEntryRow          *area_code_row;
  GtkLabel             *area_code_hint;
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
