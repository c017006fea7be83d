/* od-round-dialog.h — a small window to start a round of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_ROUND_DIALOG (od_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdRoundDialog, od_round_dialog, OD, ROUND_DIALOG, AdwWindow)

/* A new round: name, year, kind, the dates of its steps. Emits "saved"
 * (gint64 round id) when the round was stored. */
OdRoundDialog *od_round_dialog_new  (GtkWindow     *parent,
                                     OdDb          *db);
gboolean       od_round_dialog_save (OdRoundDialog *self);

G_END_DECLS
