/* od-audit.h — the audit log: every change, who made it and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

typedef struct
{
  char   *at;
  char   *actor;
  char   *table_name;
  gint64  row_id;
  char   *action;
  char   *changes;   /* JSON: {"field": [old, new], …} */
  char   *summary;
} OdAuditEntry;

char      *od_audit_actor           (void);
gboolean   od_audit_record          (OdDb          *db,
                                     const char    *table_name,
                                     gint64         row_id,
                                     const char    *row_uuid,
                                     const char    *action,
                                     const char    *changes_json,
                                     const char    *summary,
                                     GError       **error);
GPtrArray *od_audit_list_for_row    (OdDb          *db,
                                     const char    *table_name,
                                     gint64         row_id,
                                     GError       **error);
void       od_audit_entry_free      (OdAuditEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdAuditEntry, od_audit_entry_free)

G_END_DECLS
