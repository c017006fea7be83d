/* od-evaluation-print.h — what grade evaluation's charts and prints share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-evaluation-query.h"
#include "od-render-registry.h"

G_BEGIN_DECLS

/* The year REQUEST asks for, the current one for 0. */
int         _od_evaluation_request_year   (const OdRenderRequest  *request);
/* The round REQUEST asks for (round_id, else the year's grade round):
 * NULL with OD_RENDER_ERROR_NEEDS_RECORD when there is none. */
OdEvaluationRoundFields *
            _od_evaluation_request_round  (const OdRenderRequest  *request,
                                           GError                **error);
/* The evaluation of request->org_id in ROUND; NEEDS_RECORD when none. */
gint64      _od_evaluation_request_evaluation (const OdRenderRequest   *request,
                                           const OdEvaluationRoundFields *round,
                                           GError                 **error);
/* An ISO date as printed (DESIGN.md §2 "Conventions of official print":
 * 2017年12月15日, no zero padding); "" for NULL. */
char       *_od_evaluation_print_date     (const char             *iso);
/* An A4 document titled TITLE, with the association in its header. */
OdDocument *_od_evaluation_document_new   (const OdRenderRequest  *request,
                                           const char             *title);
/* The type of an organization as printed, from its key. */
const char *_od_evaluation_type_label     (const char             *type_key);
/* The radar of SHEET's first level against the maximum and AVERAGES
 * (od_round_indicator_averages of its scheme). */
OdChart    *_od_evaluation_radar_new      (const OdEvaluationSheet *sheet,
                                           GPtrArray              *averages);

/* The organization types shown, in order (graded ones are of these). */
extern const char *const _od_evaluation_type_keys[];

G_END_DECLS
