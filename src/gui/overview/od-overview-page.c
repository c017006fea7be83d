/* od-overview-page.c — the association and its database at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-lookup-store.h"
#include "od-overview-page.h"
#include "od-settings-store.h"

struct _OdOverviewPage
{
  OdPage        parent_instance;

  AdwActionRow *association_row;
  AdwActionRow *city_row;
  AdwActionRow *file_row;
  AdwActionRow *version_row;
  AdwActionRow *size_row;
  AdwActionRow *areas_row;
  AdwActionRow *categories_row;
};

G_DEFINE_FINAL_TYPE (OdOverviewPage, od_overview_page, OD_TYPE_PAGE)

/* --- helpers --- */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not set"));
}

static void
reload (OdPage *page)
{
  OdOverviewPage *self = OD_OVERVIEW_PAGE (page);
  OdDb *db = od_page_get_db (page);
  g_autofree char *association = NULL;
  g_autofree char *city = NULL;
  g_autofree char *code = NULL;
  g_autofree char *city_text = NULL;
  g_autofree char *version = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *n_areas = NULL;
  g_autofree char *n_categories = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  GStatBuf st;

  if (db == NULL)
    return;

  association = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  city = od_settings_get (db, OD_SETTING_CITY_NAME, NULL);
  code = od_settings_get (db, OD_SETTING_CITY_AREA_CODE, NULL);
  if (city != NULL && code != NULL)
    /* Translators: a city and its GB/T 2260 area code, e.g. "宝鸡市 (610300)" */
    city_text = g_strdup_printf (_("%s (%s)"), city, code);
  else
    city_text = g_strdup (city != NULL ? city : code);
  set_row (self->association_row, association);
  set_row (self->city_row, city_text);

  set_row (self->file_row, od_db_get_path (db));
  /* Translators: database schema version, e.g. "Version 1" */
  version = g_strdup_printf (_("Version %u"), od_db_get_schema_version (db));
  set_row (self->version_row, version);
  if (g_stat (od_db_get_path (db), &st) == 0)
    size_text = g_format_size ((guint64) st.st_size);
  set_row (self->size_row, size_text);

  areas = od_lookup_list_areas (db, NULL);
  categories = od_lookup_list_categories (db, NULL);
  n_areas = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u area", "%u areas",
                                          areas != NULL ? areas->len : 0),
                             areas != NULL ? areas->len : 0);
  n_categories = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories",
                                               categories != NULL ? categories->len : 0),
                                  categories != NULL ? categories->len : 0);
  set_row (self->areas_row, n_areas);
  set_row (self->categories_row, n_categories);
}

/* --- overrides --- */

static void
od_overview_page_class_init (OdOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  OD_PAGE_CLASS (klass)->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, association_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, city_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, areas_row);
  gtk_widget_class_bind_template_child (widget_class, OdOverviewPage, categories_row);
}

static void
od_overview_page_init (OdOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
