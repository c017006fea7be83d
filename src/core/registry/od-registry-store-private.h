/* od-registry-store-private.h — what the organization and person stores,
 * the helpers they share (od-registry-store.c), the trash callbacks
 * (od-registry-trash.c) and the entity descriptors use of each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-entity.h"
#include "od-registry-store.h"

G_BEGIN_DECLS

/* --- od-organization-store.c, od-person-store.c --- */

OdOrganizationFields *_od_registry_load_org_row        (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);
void                  _od_registry_set_org_not_found   (GError     **error,
                                                         gint64       id);
OdPersonFields       *_od_registry_load_person_row     (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);
void                  _od_registry_set_person_not_found (GError    **error,
                                                         gint64      id);

/* --- od-registry-store.c: what the two stores share --- */

#define OD_REGISTRY_PERSON_SEARCH_UPSERT \
  "INSERT INTO person_search (id, text, initials) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, initials = excluded.initials"

/* Row ID of SQL (the id bound as ?1), made by FROM_ROW; when there is
 * none, NULL with SET_NOT_FOUND's error (or without an error, if NULL). */
gpointer    _od_registry_load_row                (OdDb              *db,
                                                  const char        *sql,
                                                  gint64             id,
                                                  gpointer         (*from_row) (OdStmt *stmt),
                                                  void             (*set_not_found) (GError **error,
                                                                                     gint64   id),
                                                  GError           **error);

/* How one of the registry's tables is written; the save itself (load the
 * old row, check, refuse, insert or update, search row, audit entry) is
 * _od_registry_save()'s, the same for both. */
typedef struct
{
  const OdEntity *entity;
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
gint64      _od_registry_count_live              (OdDb              *db,
                                                  const char        *sql,
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
GPtrArray  *_od_registry_load_items              (OdDb              *db,
                                                  const char        *select,
                                                  const char        *id_column,
                                                  const char        *deleted_column,
                                                  const gint64      *ids,
                                                  guint              n_ids,
                                                  GObject         *(*make_item) (OdStmt *stmt),
                                                  GError           **error);

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
