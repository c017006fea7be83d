/* od-id-list-model.h — a GListModel over an ordered array of row ids,
 * loading rows on demand (DESIGN.md §3 "Large lists")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "od-db.h"

G_BEGIN_DECLS

/* Loads the rows IDS[0..N_IDS) as items, in that order. */
typedef GPtrArray *(*OdIdListLoader) (OdDb          *db,
                                      const gint64  *ids,
                                      guint          n_ids,
                                      GError       **error);

#define OD_TYPE_ID_LIST_MODEL (od_id_list_model_get_type ())
G_DECLARE_FINAL_TYPE (OdIdListModel, od_id_list_model, OD, ID_LIST_MODEL, GObject)

OdIdListModel *od_id_list_model_new         (GType           item_type,
                                             OdIdListLoader  loader);
void           od_id_list_model_set_db      (OdIdListModel  *self,
                                             OdDb           *db);
void           od_id_list_model_set_ids     (OdIdListModel  *self,
                                             GArray         *ids);
void           od_id_list_model_invalidate  (OdIdListModel  *self);
gint64         od_id_list_model_get_id      (OdIdListModel  *self,
                                             guint           position);
guint          od_id_list_model_find        (OdIdListModel  *self,
                                             gint64          id);
guint          od_id_list_model_get_n_cached (OdIdListModel *self);

G_END_DECLS
