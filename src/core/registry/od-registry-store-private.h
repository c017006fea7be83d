/* od-registry-store-private.h — what the organization and person stores,
 * the helpers they share (od-registry-store.c), the trash callbacks
 * (od-registry-trash.c) and the entity descriptors use of each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-entity-store.h"
#include "od-entity.h"
#include "od-registry-store.h"

G_BEGIN_DECLS

/* --- od-organization-store.c, od-person-store.c --- */

/* The row ID, live or (with INCLUDE_DELETED) in the trash; NULL without an
 * error when there is none. */
OdOrganizationFields *_od_organization_load_row        (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);
OdPersonFields       *_od_person_load_row              (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);

/* --- od-registry-store.c: what the two stores share --- */

#define OD_REGISTRY_PERSON_SEARCH_UPSERT \
  "INSERT INTO person_search (id, text, initials) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, initials = excluded.initials"

/* How one of the registry's tables is read and written; the reading, the
 * save itself (load the old row, check, refuse, insert or update, search
 * row, audit entry) and the typed API around them
 * (OD_REGISTRY_DEFINE_STORE) are the same for both. */
typedef struct
{
  const OdEntity *entity;
  /* Reading: SELECT is "SELECT alias.id, … FROM table alias …", without a
   * WHERE; LOAD_SQL and LOAD_ANY_SQL add "WHERE alias.id = ?1", with and
   * without "AND alias.deleted_at IS NULL". */
  const char     *select;
  const char     *load_sql;
  const char     *load_any_sql;
  const char     *id_column;       /* "o.id" */
  const char     *deleted_column;  /* "o.deleted_at" */
  gpointer      (*from_row)      (OdStmt *stmt);
  GObject      *(*item_from_row) (OdStmt *stmt);
  /* Writing: */
  const char     *insert_sql;   /* binds what BIND binds */
  const char     *update_sql;   /* the same, "… WHERE id = ?ID_INDEX AND uuid = ?1" */
  int             id_index;
  /* A copy of FIELDS in the stored normal form. */
  gpointer      (*normalize)    (gconstpointer fields);
  /* Adds F's problems and sets what they imply (a type from a valid code);
   * FALSE on a database error. */
  gboolean      (*check)        (OdDb *db, gpointer f, GPtrArray *problems, GError **error);
  gboolean      (*bind)         (OdStmt *stmt, gconstpointer f, const char *sort_key,
                                 const char *now, GError **error);
  /* The search row of F (and what depends on it when OLD differs). */
  gboolean      (*write_search) (OdDb *db, gconstpointer f, gconstpointer old, GError **error);
} OdRegistryTable;

/* Row ID, live or (INCLUDE_DELETED) in the trash; when there is none, NULL
 * with the not-found error (only for live rows; none otherwise). */
gpointer    _od_registry_load                    (OdDb                  *db,
                                                  const OdRegistryTable *table,
                                                  gint64                 id,
                                                  gboolean               include_deleted,
                                                  GError               **error);
/* The live rows among IDS[0..N_IDS) as items, in that order. */
GPtrArray  *_od_registry_load_items              (OdDb                  *db,
                                                  const OdRegistryTable *table,
                                                  const gint64          *ids,
                                                  guint                  n_ids,
                                                  GError               **error);
/* Every problem of FIELDS, errors first (what the entity's validate gives). */
GPtrArray  *_od_registry_validate                (OdDb                  *db,
                                                  const OdRegistryTable *table,
                                                  gconstpointer          fields);
/* Inserts (id 0) or updates FIELDS of TABLE in one transaction; the id, or
 * 0 with the store's error. */
gint64      _od_registry_save                    (OdDb                  *db,
                                                  const OdRegistryTable *table,
                                                  gconstpointer          fields,
                                                  GError               **error);

/* Space-joined, dropping empty pieces. */
char       *_od_registry_join_nonempty           (const char *const *pieces,
                                                  guint              n_pieces);
/* Sets ERROR from the first blocking problem; FALSE when none blocks.
 * CODE_FIELD, if not NULL, is the field whose warnings need a reason. */
gboolean    _od_registry_set_error_from_problems (GPtrArray         *problems,
                                                  const char        *code_field,
                                                  const char        *override,
                                                  GError           **error);
gboolean    _od_registry_write_search_row        (OdDb              *db,
                                                  const char        *sql,
                                                  gint64             id,
                                                  const char        *text,
                                                  const char        *initials,
                                                  GError           **error);
/* A person's search text: name, mobile and organization, folded. */
char       *_od_registry_person_search_text      (const char        *name,
                                                  const char        *mobile,
                                                  const char        *organization_name);

/* The typed API of a registry store (od-registry-store.h): PREFIX_count,
 * _load, _load_items, _validate, _save, _delete and _PREFIX_load_row over
 * TABLE, an OdRegistryTable of FIELDS. */
#define OD_REGISTRY_DEFINE_STORE(prefix, Fields, table)                          \
  gint64 prefix##_count (OdDb *db, GError **error)                               \
  {                                                                              \
    return od_entity_store_count ((table).entity, db, error);                    \
  }                                                                              \
  Fields *prefix##_load (OdDb *db, gint64 id, GError **error)                    \
  {                                                                              \
    return _od_registry_load (db, &(table), id, FALSE, error);                   \
  }                                                                              \
  Fields *_##prefix##_load_row (OdDb *db, gint64 id, gboolean include_deleted,   \
                                GError **error)                                  \
  {                                                                              \
    return _od_registry_load (db, &(table), id, include_deleted, error);         \
  }                                                                              \
  GPtrArray *prefix##_load_items (OdDb *db, const gint64 *ids, guint n_ids,      \
                                  GError **error)                                \
  {                                                                              \
    return _od_registry_load_items (db, &(table), ids, n_ids, error);            \
  }                                                                              \
  GPtrArray *prefix##_validate (OdDb *db, const Fields *fields)                  \
  {                                                                              \
    return _od_registry_validate (db, &(table), fields);                         \
  }                                                                              \
  gint64 prefix##_save (OdDb *db, const Fields *fields, GError **error)          \
  {                                                                              \
    return _od_registry_save (db, &(table), fields, error);                      \
  }                                                                              \
  gboolean prefix##_delete (OdDb *db, gint64 id, GError **error)                 \
  {                                                                              \
    return _od_registry_delete (db, &(table), id, error);                        \
  }

gboolean    _od_registry_delete                  (OdDb                  *db,
                                                  const OdRegistryTable *table,
                                                  gint64                 id,
                                                  GError               **error);

/* --- od-registry-trash.c: the trash's callbacks (od-trash.h) --- */

char       *_od_registry_person_label            (const OdPersonFields       *f);
gboolean    _od_registry_org_check_restore       (OdDb                       *db,
                                                  const OdOrganizationFields *f,
                                                  GError                    **error);
gboolean    _od_registry_person_check_restore    (OdDb                       *db,
                                                  const OdPersonFields       *f,
                                                  GError                    **error);
gboolean    _od_registry_org_check_purge         (OdDb                       *db,
                                                  gint64                      id,
                                                  const char                 *label,
                                                  GError                    **error);

G_END_DECLS
