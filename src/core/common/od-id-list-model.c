/* od-id-list-model.c — a GListModel over row ids, rows loaded on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query returns only the ordered ids (8 bytes a row); rows are loaded a
 * page at a time when a view asks for them and a bounded number of pages is
 * kept, so 100,000 organizations cost neither seconds nor hundreds of MB.
 */
#define G_LOG_DOMAIN "orgdesk-id-list-model"

#include "od-id-list-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 40

struct _OdIdListModel
{
  GObject         parent_instance;

  GType           item_type;
  OdIdListLoader  loader;
  OdDb           *db;
  GArray         *ids;      /* gint64 */
  GHashTable     *pages;    /* page number → GPtrArray of items */
  GQueue          lru;      /* page numbers, most recent first */
};

static void od_id_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OdIdListModel, od_id_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      od_id_list_model_list_model_init))

/* --- helpers --- */

static void
clear_pages (OdIdListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

static void
touch_page (OdIdListModel *self,
            guint          page)
{
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
}

static GPtrArray *
load_page (OdIdListModel *self,
           guint          page)
{
  g_autoptr(GError) error = NULL;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  GPtrArray *items;

  items = self->loader (self->db, &g_array_index (self->ids, gint64, start), n, &error);
  if (items == NULL)
    {
      /* The view shows an empty row; the next draw tries again. */
      g_debug ("Loading rows %u–%u failed: %s", start, start + n, error->message);
      return NULL;
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

/* --- GListModel --- */

static GType
od_id_list_model_get_item_type (GListModel *model)
{
  return OD_ID_LIST_MODEL (model)->item_type;
}

static guint
od_id_list_model_get_n_items (GListModel *model)
{
  OdIdListModel *self = OD_ID_LIST_MODEL (model);

  return self->ids != NULL ? self->ids->len : 0;
}

static gpointer
od_id_list_model_get_item (GListModel *model,
                           guint       position)
{
  OdIdListModel *self = OD_ID_LIST_MODEL (model);
  guint page = position / PAGE_SIZE;
  gint64 id;
  GPtrArray *items;

  if (self->ids == NULL || position >= self->ids->len || self->db == NULL)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL && (items = load_page (self, page)) == NULL)
    return NULL;
  touch_page (self, page);

  /* A row deleted since the query is missing from its page: find by id. */
  id = g_array_index (self->ids, gint64, position);
  if (position % PAGE_SIZE < items->len)
    {
      GObject *item = g_ptr_array_index (items, position % PAGE_SIZE);
      gint64 item_id = 0;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id == id)
        return g_object_ref (item);
    }
  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      gint64 item_id = 0;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id == id)
        return g_object_ref (item);
    }
  return NULL;
}

static void
od_id_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = od_id_list_model_get_item_type;
  iface->get_n_items = od_id_list_model_get_n_items;
  iface->get_item = od_id_list_model_get_item;
}

/* --- overrides --- */

static void
od_id_list_model_dispose (GObject *object)
{
  OdIdListModel *self = OD_ID_LIST_MODEL (object);

  clear_pages (self);
  g_clear_object (&self->db);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (od_id_list_model_parent_class)->dispose (object);
}

static void
od_id_list_model_finalize (GObject *object)
{
  OdIdListModel *self = OD_ID_LIST_MODEL (object);

  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (od_id_list_model_parent_class)->finalize (object);
}

static void
od_id_list_model_class_init (OdIdListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_id_list_model_dispose;
  object_class->finalize = od_id_list_model_finalize;
}

static void
od_id_list_model_init (OdIdListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/* --- public API --- */

/* ITEM_TYPE must have an int64 "id" property, matched against the ids. */
OdIdListModel *
od_id_list_model_new (GType          item_type,
                      OdIdListLoader loader)
{
  OdIdListModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (loader != NULL, NULL);

  self = g_object_new (OD_TYPE_ID_LIST_MODEL, NULL);
  self->item_type = item_type;
  self->loader = loader;
  return self;
}

void
od_id_list_model_set_db (OdIdListModel *self,
                         OdDb          *db)
{
  g_return_if_fail (OD_IS_ID_LIST_MODEL (self));

  if (g_set_object (&self->db, db))
    od_id_list_model_set_ids (self, NULL);
}

/* Replaces the rows (a new query); takes a reference on IDS (NULL = none). */
void
od_id_list_model_set_ids (OdIdListModel *self,
                          GArray        *ids)
{
  guint removed, added;

  g_return_if_fail (OD_IS_ID_LIST_MODEL (self));

  removed = self->ids != NULL ? self->ids->len : 0;
  g_clear_pointer (&self->ids, g_array_unref);
  if (ids != NULL)
    self->ids = g_array_ref (ids);
  added = self->ids != NULL ? self->ids->len : 0;
  clear_pages (self);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/* Rows changed in the database: reload them when next shown. */
void
od_id_list_model_invalidate (OdIdListModel *self)
{
  guint n;

  g_return_if_fail (OD_IS_ID_LIST_MODEL (self));

  clear_pages (self);
  n = self->ids != NULL ? self->ids->len : 0;
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

gint64
od_id_list_model_get_id (OdIdListModel *self,
                         guint          position)
{
  g_return_val_if_fail (OD_IS_ID_LIST_MODEL (self), 0);

  if (self->ids == NULL || position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/* The position of ID, or G_MAXUINT. */
guint
od_id_list_model_find (OdIdListModel *self,
                       gint64         id)
{
  g_return_val_if_fail (OD_IS_ID_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; self->ids != NULL && i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/* Items held in memory now (for tests: loading is on demand and bounded). */
guint
od_id_list_model_get_n_cached (OdIdListModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (OD_IS_ID_LIST_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;
  return n;
}
