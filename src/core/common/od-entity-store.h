/* od-entity-store.h — a store made from an entity's field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a table whose columns are the names of its entity's fields (the
 * member names, od_entity_field_name()), plus id, created_at, updated_at
 * and deleted_at, these functions load, save (in one transaction with its
 * audit entry), list and check records without a line of SQL of the
 * domain's own. A domain with more to do (search rows, sort keys, derived
 * fields) writes its store by hand, as the registry does.
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-entity.h"

G_BEGIN_DECLS

/* A new record like RECORD, every text field in its normal form
 * (od-text.h), "" as NULL in nullable ones. */
gpointer    od_entity_record_normalize  (const OdEntity  *entity,
                                         gconstpointer    record);
/* The checks every record gets: required fields given, choice keys known,
 * dates real (YYYY-MM-DD), no control characters. */
void        od_entity_check_fields      (const OdEntity  *entity,
                                         GPtrArray       *problems,
                                         gconstpointer    record);

/* ERROR: record ID of ENTITY does not exist or is in the trash
 * (OD_STORE_ERROR_NOT_FOUND). */
void        od_entity_set_not_found     (const OdEntity  *entity,
                                         gint64           id,
                                         GError         **error);
/* Row ID; a live one, or NULL with OD_STORE_ERROR_NOT_FOUND. With
 * INCLUDE_DELETED, one in the trash too, and NULL without an error when
 * there is none. REF fields get their names (OdEntityField.ref_sql). */
gpointer    od_entity_store_load        (const OdEntity  *entity,
                                         OdDb            *db,
                                         gint64           id,
                                         gboolean         include_deleted,
                                         GError         **error);
/* Inserts (id 0) or updates RECORD, normalized, after the entity's
 * validate() (a blocking problem → OD_STORE_ERROR_INVALID, or DUPLICATE
 * when it names another record); one audit entry. Returns the id, or 0. */
gint64      od_entity_store_save        (const OdEntity  *entity,
                                         OdDb            *db,
                                         gconstpointer    record,
                                         GError         **error);
/* The live records; -1 on error. */
gint64      od_entity_store_count       (const OdEntity  *entity,
                                         OdDb            *db,
                                         GError         **error);
/* The live ids, in the order of ORDER_BY (SQL over the table's columns,
 * fixed text: "held_on, starts_at, id"). */
GArray     *od_entity_store_list_ids    (const OdEntity  *entity,
                                         OdDb            *db,
                                         const char      *order_by,
                                         GError         **error);
/* The live records among IDS[0..N_IDS), in that order (export's
 * load_items: a GPtrArray freeing them; item_record is the identity). */
GPtrArray  *od_entity_store_load_records (const OdEntity *entity,
                                          OdDb           *db,
                                          const gint64   *ids,
                                          guint           n_ids,
                                          GError        **error);

G_END_DECLS
