/* od-scoring-sheet.h — the scoring sheet of one evaluation: its indicator
 * tree with self-assessment and expert scores on the leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_SCORING_SHEET (od_scoring_sheet_get_type ())
G_DECLARE_FINAL_TYPE (OdScoringSheet, od_scoring_sheet, OD, SCORING_SHEET, AdwWindow)

/* The sheet of evaluation EVALUATION_ID. Each score is saved when its
 * entry is committed (Enter, or leaving it); emits "changed" then. */
OdScoringSheet *od_scoring_sheet_new          (GtkWindow      *parent,
                                               OdDb           *db,
                                               gint64          evaluation_id);
guint           od_scoring_sheet_get_n_leaves (OdScoringSheet *self);
/* The entry of leaf INDEX (depth first): its expert score, or its
 * self-assessment. */
GtkWidget      *od_scoring_sheet_get_entry    (OdScoringSheet *self,
                                               guint           index,
                                               gboolean        expert);

/* Points as typed: "27.5" is 275 tenths, "" is -1 (not given). FALSE with
 * a translated MESSAGE for anything else, or more than MAX (tenths; -1 =
 * no maximum). */
gboolean        od_scoring_parse_points       (const char     *text,
                                               gint64          max,
                                               gint64         *tenths,
                                               char          **message);

G_END_DECLS
