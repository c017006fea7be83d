/* od-decision-dialog.h — the evaluation committee's grade for one
 * evaluation, with its reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_DECISION_DIALOG (od_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdDecisionDialog, od_decision_dialog, OD, DECISION_DIALOG, AdwWindow)

/* The committee's grade for evaluation EVALUATION_ID. Emits "decided"
 * when od_evaluation_decide() took it. */
OdDecisionDialog *od_decision_dialog_new    (GtkWindow        *parent,
                                             OdDb             *db,
                                             gint64            evaluation_id);
/* GRADE: 1–5, or -1 for "as proposed". */
void              od_decision_dialog_set    (OdDecisionDialog *self,
                                             gint64            grade,
                                             const char       *reason);
gboolean          od_decision_dialog_decide (OdDecisionDialog *self);

G_END_DECLS
