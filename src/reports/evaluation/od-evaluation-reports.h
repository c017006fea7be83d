/* od-evaluation-reports.h — grade evaluation's and the annual inspection's
 * charts and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The round is the year's (request->year, the current year for 0) unless
 * request->round_id names one; an evaluation is request->org_id's in it.
 */
#pragma once

#include "od-render-registry.h"

G_BEGIN_DECLS

/* The confirmed grades of the year: one bar per grade, stacked by type. */
OdChart    *od_evaluation_chart_grades          (const OdRenderRequest  *request,
                                                 GError                **error);
/* One evaluation's first-level indicators, % of each maximum, against the
 * maximum and the round's average of the same scheme. */
OdChart    *od_evaluation_chart_radar           (const OdRenderRequest  *request,
                                                 GError                **error);
/* The round's totals in bands of 50 points. */
OdChart    *od_evaluation_chart_histogram       (const OdRenderRequest  *request,
                                                 GError                **error);
/* The round's first-level averages (% of maximum) by organization type. */
OdChart    *od_evaluation_chart_averages        (const OdRenderRequest  *request,
                                                 GError                **error);
/* Inspection conclusions per year, stacked. */
OdChart    *od_inspection_chart_by_year         (const OdRenderRequest  *request,
                                                 GError                **error);

/* The round's publicity list (公示名单): organizations by grade and total. */
OdDocument *od_evaluation_roster                (const OdRenderRequest  *request,
                                                 GError                **error);
/* A score card per scored organization of the round (or request->org_id's). */
OdDocument *od_evaluation_cards                 (const OdRenderRequest  *request,
                                                 GError                **error);
/* A certificate page per confirmed 3A and above of the round. */
OdDocument *od_evaluation_certificates          (const OdRenderRequest  *request,
                                                 GError                **error);
/* The year's inspection results, with the counts per conclusion. */
OdDocument *od_inspection_report                (const OdRenderRequest  *request,
                                                 GError                **error);

G_END_DECLS
