/* od-evaluation-page.h — the evaluation section: rounds of grade
 * evaluation, their organizations and scoring sheets, and the annual
 * inspections of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-inspections-view.h"
#include "od-page.h"
#include "od-scoring-sheet.h"

G_BEGIN_DECLS

#define OD_TYPE_EVALUATION_PAGE (od_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (OdEvaluationPage, od_evaluation_page, OD, EVALUATION_PAGE, OdPage)

/* The page's actions (each participant row activates them):
 *   evaluation.new-round            the New Round window
 *   evaluation.add-organizations    the Add Organizations window for the round shown
 *   evaluation.score (x)            the scoring sheet of an evaluation
 *   evaluation.advance ((xs))       an evaluation to a state (od_evaluation_advance)
 *   evaluation.decide (x)           the committee's grade of an evaluation */

/* Shows "rounds" or "inspections". */
void               od_evaluation_page_show_view          (OdEvaluationPage *self,
                                                          const char       *name);
void               od_evaluation_page_select_round       (OdEvaluationPage *self,
                                                          gint64            round_id);
gint64             od_evaluation_page_get_round          (OdEvaluationPage *self);
/* The participants shown: STEP a state key, or NULL for all. */
void               od_evaluation_page_set_step_filter    (OdEvaluationPage *self,
                                                          const char       *step);
guint              od_evaluation_page_get_n_participants (OdEvaluationPage *self);
/* The evaluation of participant row INDEX, or 0. */
gint64             od_evaluation_page_get_evaluation_at  (OdEvaluationPage *self,
                                                          guint             index);
OdInspectionsView *od_evaluation_page_get_inspections    (OdEvaluationPage *self);

G_END_DECLS
