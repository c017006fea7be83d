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
#include "od-trash.h"

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

/* A record that is its own export item (load_items of od-entity-store). */
gconstpointer od_entity_record_itself   (gpointer         item);

/* The store callbacks of ENTITY (declared extern) over these functions, as
 * static functions PREFIX_load, PREFIX_load_any, PREFIX_load_items and
 * PREFIX_trash; OD_ENTITY_STORE_ENTITY puts them in an OdEntity. */
#define OD_ENTITY_STORE_CALLBACKS(prefix, entity)                                \
  static gpointer                                                                \
  prefix##_load (OdDb *db, gint64 id, GError **error)                            \
  {                                                                              \
    return od_entity_store_load (&entity, db, id, FALSE, error);                 \
  }                                                                              \
  static gpointer                                                                \
  prefix##_load_any (OdDb *db, gint64 id, GError **error)                        \
  {                                                                              \
    return od_entity_store_load (&entity, db, id, TRUE, error);                  \
  }                                                                              \
  static GPtrArray *                                                             \
  prefix##_load_items (OdDb *db, const gint64 *ids, guint n_ids, GError **error) \
  {                                                                              \
    return od_entity_store_load_records (&entity, db, ids, n_ids, error);        \
  }                                                                              \
  static gboolean                                                                \
  prefix##_trash (OdDb *db, gint64 id, GError **error)                           \
  {                                                                              \
    return od_trash_move (db, &entity, id, error);                               \
  }

/* The typed PREFIX_save() and PREFIX_load() (a live record) of ENTITY,
 * whose records are FIELDS. */
#define OD_ENTITY_STORE_TYPED(prefix, Fields, entity)                            \
  gint64                                                                         \
  prefix##_save (OdDb *db, const Fields *fields, GError **error)                 \
  {                                                                              \
    return od_entity_store_save (&(entity), db, fields, error);                  \
  }                                                                              \
  Fields *                                                                       \
  prefix##_load (OdDb *db, gint64 id, GError **error)                            \
  {                                                                              \
    return od_entity_store_load (&(entity), db, id, FALSE, error);               \
  }

/* The OdEntity of a table od-entity-store keeps: TYPE the record struct
 * (with id and uuid), the callbacks of OD_ENTITY_STORE_CALLBACKS (PREFIX),
 * describe_PREFIX (its label), and the given fields, matches, export
 * order, validate, save (typed), free and new. */
#define OD_ENTITY_STORE_ENTITY(type, name_, noun_, plural_, kind_, fields_, matches_, prefix,  \
                               order_, validate_, save_, free_, new_)                        \
  {                                                                                          \
    .name = name_, .noun = noun_, .plural = plural_, .kind = kind_,                          \
    .fields = fields_, .n_fields = G_N_ELEMENTS (fields_),                                   \
    .matches = matches_, .n_matches = G_N_ELEMENTS (matches_),                               \
    .id_offset = G_STRUCT_OFFSET (type, id), .uuid_offset = G_STRUCT_OFFSET (type, uuid),    \
    .record_new = (gpointer (*) (void)) new_, .record_load = prefix##_load,                  \
    .record_free = (void (*) (gpointer)) free_, .validate = validate_,                       \
    .save = (gint64 (*) (OdDb *, gconstpointer, GError **)) save_,                           \
    .describe = describe_##prefix, .list_order = order_,                                     \
    .load_items = prefix##_load_items, .item_record = od_entity_record_itself,               \
    .trash = prefix##_trash, .record_load_any = prefix##_load_any,                           \
  }

G_END_DECLS
