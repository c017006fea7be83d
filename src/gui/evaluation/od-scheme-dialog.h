/* od-scheme-dialog.h — a rating scheme and its indicator tree, to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_SCHEME_DIALOG (od_scheme_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdSchemeDialog, od_scheme_dialog, OD, SCHEME_DIALOG, AdwWindow)

/* Scheme SCHEME_ID of DB, shown read-only when a confirmed evaluation used
 * it. "saved" is emitted with the scheme's id. */
GtkWidget *od_scheme_dialog_new        (GtkWindow *parent,
                                        OdDb      *db,
                                        gint64     scheme_id);
/* For tests: the dialog's rows of indicators, and saving as Save does. */
guint      od_scheme_dialog_get_n_indicators (OdSchemeDialog *self);
gboolean   od_scheme_dialog_save       (OdSchemeDialog *self);

G_END_DECLS
