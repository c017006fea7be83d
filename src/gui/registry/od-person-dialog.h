/* od-person-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_PERSON_DIALOG (od_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdPersonDialog, od_person_dialog, OD, PERSON_DIALOG, AdwWindow)

OdPersonDialog *od_person_dialog_new (GtkWindow *parent,
                                      OdDb      *db,
                                      gint64     organization_id);

G_END_DECLS
