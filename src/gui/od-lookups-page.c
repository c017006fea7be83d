/* od-lookups-page.c — reference data: areas (GB/T 2260) and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "od-lookup-store.h"
#include "od-lookups-page.h"

struct _OdLookupsPage
{
  AdwBin      parent_instance;

  OdDb       *db;

  GtkListBox *areas_list;
  GtkListBox *categories_list;
};

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdLookupsPage, od_lookups_page, ADW_TYPE_BIN)

/* --- helpers --- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static const char *
level_name (const char *level)
{
  if (g_strcmp0 (level, "city") == 0)
    return C_("area level", "City");
  if (g_strcmp0 (level, "district") == 0)
    return C_("area level", "District");
  if (g_strcmp0 (level, "county") == 0)
    return C_("area level", "County");
  return level;
}

static void
reload (OdLookupsPage *self)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  clear_list (self->areas_list);
  clear_list (self->categories_list);
  if (self->db == NULL)
    return;

  areas = od_lookup_list_areas (self->db, NULL);
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (areas, i);
      g_autofree char *subtitle = NULL;

      if (area->former_code != NULL)
        /* Translators: an area's level and the code it had before, e.g. "District · formerly 610322" */
        subtitle = g_strdup_printf (_("%s · formerly %s"), level_name (area->level), area->former_code);
      else
        subtitle = g_strdup (level_name (area->level));
      gtk_list_box_append (self->areas_list, new_row (area->name, subtitle, area->code));
    }

  categories = od_lookup_list_categories (self->db, NULL);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      OdCategory *category = g_ptr_array_index (categories, i);

      gtk_list_box_append (self->categories_list, new_row (category->name, NULL, NULL));
    }
}

/* --- overrides --- */

static void
od_lookups_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdLookupsPage *self = OD_LOOKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_lookups_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OdLookupsPage *self = OD_LOOKUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      od_lookups_page_set_db (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_lookups_page_dispose (GObject *object)
{
  OdLookupsPage *self = OD_LOOKUPS_PAGE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (od_lookups_page_parent_class)->dispose (object);
}

static void
od_lookups_page_class_init (OdLookupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_lookups_page_dispose;
  object_class->get_property = od_lookups_page_get_property;
  object_class->set_property = od_lookups_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, OD_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-lookups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdLookupsPage, areas_list);
  gtk_widget_class_bind_template_child (widget_class, OdLookupsPage, categories_list);
}

static void
od_lookups_page_init (OdLookupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

void
od_lookups_page_set_db (OdLookupsPage *self,
                        OdDb          *db)
{
  g_return_if_fail (OD_IS_LOOKUPS_PAGE (self));

  if (g_set_object (&self->db, db))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  reload (self);
}
