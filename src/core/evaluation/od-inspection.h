/* od-inspection.h — the record of an annual inspection (年检)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain struct of fields, as the store reads and writes it (NULL text
 * only where noted; the conclusion is its stored English key). Its field
 * table is in od-inspection-entities.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;                      /* 0 for a record not saved yet */
  char   *uuid;
  gint64  organization_id;
  char   *organization_name;       /* read-only */
  gint64  year;                    /* the year inspected */
  char   *submitted_on;            /* ISO date; NULL when not submitted */
  char   *supervising_opinion;     /* 业务主管单位意见 */
  char   *conclusion;              /* "qualified", "basically_qualified", "unqualified",
                                    * "not_submitted", "exempt" */
  gint64  rectification_required;  /* 1 = 需整改 */
  char   *rectified_on;            /* ISO date; NULL while not done */
  gint64  audit_report;            /* 1 = an audit report was handed in */
  gint64  penalized;               /* 1 = an administrative penalty that year */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdInspectionFields;

OdInspectionFields  *od_inspection_fields_new   (void);
void                 od_inspection_fields_free  (OdInspectionFields        *fields);
OdInspectionFields  *od_inspection_fields_copy  (const OdInspectionFields  *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInspectionFields, od_inspection_fields_free)

G_END_DECLS
