/* od-trash.h — soft deletes of any registered entity, and the trash:
 * restoring, purging, emptying
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deleted row keeps deleted_at and a trash entry until it is restored or
 * purged; each change runs in one od_db_transaction() with its audit entry.
 * What differs per entity (its label, whether a live duplicate blocks a
 * restore, what refers to it) comes from its OdEntity. Refusals are
 * OD_STORE_ERROR errors.
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-entity.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;            /* trash entry */
  char   *table_name;    /* "organizations", "people", … */
  gint64  row_id;
  char   *label;
  char   *deleted_at;
  char   *deleted_by;
} OdTrashEntry;

/* Moves live record ID of ENTITY to the trash (its own transaction). */
gboolean      od_trash_move             (OdDb            *db,
                                         const OdEntity  *entity,
                                         gint64           id,
                                         GError         **error);

void          od_trash_entry_free       (OdTrashEntry    *entry);
GPtrArray    *od_trash_list             (OdDb            *db,
                                         GError         **error);
gboolean      od_trash_restore          (OdDb            *db,
                                         const char      *table_name,
                                         gint64           row_id,
                                         GError         **error);
/* Removes the row for good. Refused (OD_STORE_ERROR_REFERENCED) while
 * other rows refer to it; the message names them. */
gboolean      od_trash_purge            (OdDb            *db,
                                         const char      *table_name,
                                         gint64           row_id,
                                         GError         **error);
/* Purges every entry nothing refers to, dependents first (the entities in
 * the reverse of their registration order, again while anything went);
 * N_KEPT gets how many entries stay. */
gboolean      od_trash_empty            (OdDb            *db,
                                         guint           *n_kept,
                                         GError         **error);

/* For an entity's check_purge: refuses (REFERENCED) while rows of other
 * tables refer to row ROW_ID of TABLE_NAME by a foreign key without ON
 * DELETE CASCADE / SET NULL. The tables come from the schema itself, so
 * later migrations are honoured; SKIP_TABLE (or NULL) has its own, more
 * helpful check. */
gboolean      od_trash_check_unreferenced (OdDb          *db,
                                           const char    *table_name,
                                           gint64         row_id,
                                           const char    *label,
                                           const char    *skip_table,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTrashEntry, od_trash_entry_free)

G_END_DECLS
