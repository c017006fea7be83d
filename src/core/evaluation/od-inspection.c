/* od-inspection.c — the record of an annual inspection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-inspection"

#include "config.h"

#include "od-inspection.h"

/* A new record has "" in every text that cannot be NULL, and the default
 * conclusion of the table (qualified). */
OdInspectionFields *
od_inspection_fields_new (void)
{
  OdInspectionFields *f = g_new0 (OdInspectionFields, 1);

  f->uuid = g_strdup ("");
  f->organization_name = g_strdup ("");
  f->supervising_opinion = g_strdup ("");
  f->conclusion = g_strdup ("qualified");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_inspection_fields_free (OdInspectionFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->organization_name);
  g_free (f->submitted_on);
  g_free (f->supervising_opinion);
  g_free (f->conclusion);
  g_free (f->rectified_on);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdInspectionFields *
od_inspection_fields_copy (const OdInspectionFields *f)
{
  OdInspectionFields *copy;

  g_return_val_if_fail (f != NULL, NULL);

  copy = g_memdup2 (f, sizeof *f);
  copy->uuid = g_strdup (f->uuid);
  copy->organization_name = g_strdup (f->organization_name);
  copy->submitted_on = g_strdup (f->submitted_on);
  copy->supervising_opinion = g_strdup (f->supervising_opinion);
  copy->conclusion = g_strdup (f->conclusion);
  copy->rectified_on = g_strdup (f->rectified_on);
  copy->notes = g_strdup (f->notes);
  copy->created_at = g_strdup (f->created_at);
  copy->updated_at = g_strdup (f->updated_at);
  return copy;
}
