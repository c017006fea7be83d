/* od-lookups-page.c — reference data: areas (GB/T 2260) and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-lookups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "od-lookup-store.h"
#include "od-lookups-page.h"

struct _OdLookupsPage
{
  OdPage      parent_instance;

  GtkListBox *areas_list;
  GtkListBox *categories_list;
};

G_DEFINE_FINAL_TYPE (OdLookupsPage, od_lookups_page, OD_TYPE_PAGE)

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
reload (OdPage *page)
{
  OdLookupsPage *self = OD_LOOKUPS_PAGE (page);
  OdDb *db = od_page_get_db (page);
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  clear_list (self->areas_list);
  clear_list (self->categories_list);
  if (db == NULL)
    return;

  areas = od_lookup_list_areas (db, NULL);
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

  categories = od_lookup_list_categories (db, NULL);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      OdCategory *category = g_ptr_array_index (categories, i);

      gtk_list_box_append (self->categories_list, new_row (category->name, NULL, NULL));
    }
}

/* --- overrides --- */

static void
od_lookups_page_class_init (OdLookupsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  OD_PAGE_CLASS (klass)->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-lookups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdLookupsPage, areas_list);
  gtk_widget_class_bind_template_child (widget_class, OdLookupsPage, categories_list);
}

static void
od_lookups_page_init (OdLookupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
