/* od-add-organizations-dialog.h — adding organizations of the registry to
 * a round of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_ADD_ORGANIZATIONS_DIALOG (od_add_organizations_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdAddOrganizationsDialog, od_add_organizations_dialog, OD,
                      ADD_ORGANIZATIONS_DIALOG, AdwWindow)

/* Searches the registry and adds what is chosen to round ROUND_ID. Emits
 * "added" (gint64 evaluation id) for each organization added. */
OdAddOrganizationsDialog *od_add_organizations_dialog_new (GtkWindow                *parent,
                                                           OdDb                     *db,
                                                           gint64                    round_id);
/* Adds ORGANIZATION_ID; when an eligibility check fails, shows the checks
 * and asks for a reason (then od_add_organizations_dialog_add_anyway()).
 * The evaluation's id, or 0. */
gint64 od_add_organizations_dialog_add        (OdAddOrganizationsDialog *self,
                                               gint64                    organization_id);
/* Adds the organization waiting for a reason, with the reason typed. */
gint64 od_add_organizations_dialog_add_anyway (OdAddOrganizationsDialog *self);

G_END_DECLS
