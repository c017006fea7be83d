/* od-page.c — a section page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every section page derives from OdPage, so the window hands the open
 * database to each page in its stack the same way, and a new section only
 * has to be added to od-window.ui.
 */
#define G_LOG_DOMAIN "orgdesk-page"

#include "od-page.h"

typedef struct
{
  OdDb *db;
} OdPagePrivate;

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OdPage, od_page, ADW_TYPE_BIN)

static void
od_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  OdPage *self = OD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, od_page_get_db (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  OdPage *self = OD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      od_page_set_db (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_page_dispose (GObject *object)
{
  OdPagePrivate *priv = od_page_get_instance_private (OD_PAGE (object));

  g_clear_object (&priv->db);

  G_OBJECT_CLASS (od_page_parent_class)->dispose (object);
}

static void
od_page_class_init (OdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_page_dispose;
  object_class->get_property = od_page_get_property;
  object_class->set_property = od_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, OD_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
od_page_init (OdPage *self)
{
}

OdDb *
od_page_get_db (OdPage *self)
{
  OdPagePrivate *priv = od_page_get_instance_private (self);

  g_return_val_if_fail (OD_IS_PAGE (self), NULL);
  return priv->db;
}

/* Setting the same database again re-reads it. */
void
od_page_set_db (OdPage *self,
                OdDb   *db)
{
  OdPagePrivate *priv = od_page_get_instance_private (self);

  g_return_if_fail (OD_IS_PAGE (self));

  if (g_set_object (&priv->db, db))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  od_page_reload (self);
}

void
od_page_reload (OdPage *self)
{
  g_return_if_fail (OD_IS_PAGE (self));

  if (OD_PAGE_GET_CLASS (self)->reload != NULL)
    OD_PAGE_GET_CLASS (self)->reload (self);
}

gboolean
od_page_is_dirty (OdPage *self)
{
  g_return_val_if_fail (OD_IS_PAGE (self), FALSE);

  return OD_PAGE_GET_CLASS (self)->is_dirty != NULL && OD_PAGE_GET_CLASS (self)->is_dirty (self);
}

gboolean
od_page_save (OdPage *self)
{
  g_return_val_if_fail (OD_IS_PAGE (self), FALSE);

  return OD_PAGE_GET_CLASS (self)->save == NULL || OD_PAGE_GET_CLASS (self)->save (self);
}

void
od_page_discard (OdPage *self)
{
  g_return_if_fail (OD_IS_PAGE (self));

  if (OD_PAGE_GET_CLASS (self)->discard != NULL)
    OD_PAGE_GET_CLASS (self)->discard (self);
}
