/* od-overview-page.c — the association and its database at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-lookup-store.h"
#include "od-overview-page.h"
#include "od-settings-store.h"

struct _OdOverviewPage
{
  AdwBin        parent_instance;

  OdDb         *db;

  AdwActionRow *association_row;
  AdwActionRow *city_row;
  AdwActionRow *file_row;
  AdwActionRow *version_row;
  AdwActionRow *size_row;
  AdwActionRow *areas_row;
  AdwActionRow *categories_row;
};

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdOverviewPage, od_overview_page, ADW_TYPE_BIN)

/* --- helpers --- */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not set"));
}

static void
reload (OdOverviewPage *self)
{
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

  if (self->db == NULL)
    return;

  association = od_settings_get (self->db, OD_SETTING_ASSOCIATION_NAME, NULL);
  city = od_settings_get (self->db, OD_SETTING_CITY_NAME, NULL);
  code = od_settings_get (self->db, OD_SETTING_CITY_AREA_CODE, NULL);
  if (city != NULL && code != NULL)
    /* Translators: a city and its GB/T 2260 area code, e.g. "宝鸡市 (610300)" */
    city_text = g_strdup_printf (_("%s (%s)"), city, code);
  else
    city_text = g_strdup (city != NULL ? city : code);
  set_row (self->association_row, association);
  set_row (self->city_row, city_text);

  set_row (self->file_row, od_db_get_path (self->db));
  /* Translators: database schema version, e.g. "Version 1" */
  version = g_strdup_printf (_("Version %u"), od_db_get_schema_version (self->db));
  set_row (self->version_row, version);
  if (g_stat (od_db_get_path (self->db), &st) == 0)
    size_text = g_format_size ((guint64) st.st_size);
  set_row (self->size_row, size_text);

  areas = od_lookup_list_areas (self->db, NULL);
  categories = od_lookup_list_categories (self->db, NULL);
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
od_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdOverviewPage *self = OD_OVERVIEW_PAGE (object);

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
od_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdOverviewPage *self = OD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      od_overview_page_set_db (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_overview_page_dispose (GObject *object)
{
  OdOverviewPage *self = OD_OVERVIEW_PAGE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (od_overview_page_parent_class)->dispose (object);
}

static void
od_overview_page_class_init (OdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_overview_page_dispose;
  object_class->get_property = od_overview_page_get_property;
  object_class->set_property = od_overview_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, OD_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

/* --- public API --- */

/* Setting the same database again re-reads it (after a change elsewhere). */
void
od_overview_page_set_db (OdOverviewPage *self,
                         OdDb           *db)
{
  g_return_if_fail (OD_IS_OVERVIEW_PAGE (self));

  if (g_set_object (&self->db, db))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  reload (self);
}
