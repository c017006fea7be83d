/* od-evaluation-query.h — the reads of grade evaluation's charts and
 * prints: a year's round, its results, one evaluation's score sheet, the
 * averages of first-level indicators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the store (od-evaluation-store.h) and the rules of the tree
 * (od-evaluation-rules.h). Points are in tenths; grades 1–5, 0 = none.
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-evaluation.h"
#include "od-evaluation-store.h"

G_BEGIN_DECLS

/* One organization's result in a round. */
typedef struct
{
  OdEvaluationFields  *evaluation;
  char                *org_type;   /* "social_group", … (od_organization_type_from_key) */
  char                *kind;       /* the scheme's: "grade" or "stars" */
  gint64               grade;      /* the committee's, else the proposed; 0 = none */
  OdEvaluationTotals   totals;
} OdEvaluationResult;

/* One evaluation's scores on its scheme's tree. */
typedef struct
{
  OdEvaluationFields    *evaluation;
  OdRatingSchemeFields  *scheme;
  GPtrArray             *indicators;  /* OdSchemeIndicatorFields; the tree borrows them */
  GHashTable            *scores;      /* od_evaluation_list_scores () */
  GPtrArray             *roots;       /* OdIndicatorNode, first level, rolled up */
  OdEvaluationTotals     totals;
  gint64                 grade;       /* as in OdEvaluationResult */
} OdEvaluationSheet;

/* The average of a first-level indicator over a round's scored evaluations. */
typedef struct
{
  char    *name;         /* the names, joined with "／" when schemes differ */
  gint64   position;
  gint64   max_points;   /* of the first scheme seen */
  double   percent;      /* average expert score, % of each one's maximum */
  guint    n;            /* evaluations averaged */
} OdIndicatorAverage;

/* The final grade of EVALUATION: the committee's when decided, else the
 * proposed one; 0 = none. */
gint64              od_evaluation_final_grade        (const OdEvaluationFields  *evaluation);

/* The live round of YEAR with schemes of KIND ("grade", "stars"): *ROUND_ID
 * gets the first by id, or 0 when there is none. FALSE on a database error. */
gboolean            od_evaluation_round_for_year     (OdDb                      *db,
                                                      int                        year,
                                                      const char                *kind,
                                                      gint64                    *round_id,
                                                      GError                   **error);
/* The evaluation of ORGANIZATION_ID in ROUND_ID: *EVALUATION_ID, or 0. */
gboolean            od_round_find_evaluation         (OdDb                      *db,
                                                      gint64                     round_id,
                                                      gint64                     organization_id,
                                                      gint64                    *evaluation_id,
                                                      GError                   **error);

/* Which evaluations of a round od_round_list_results() gives. */
typedef enum
{
  OD_RESULTS_SCORED,       /* not withdrawn, with at least one expert score */
  OD_RESULTS_PUBLICIZED,   /* publicized, review or confirmed, with a grade */
  OD_RESULTS_CONFIRMED,    /* confirmed with a grade */
} OdResultsFilter;

/* The evaluations of ROUND_ID that FILTER lets through: OdEvaluationResult
 * by grade (highest first), then total (highest first), then the
 * organization's pinyin order. NULL on error. */
GPtrArray          *od_round_list_results            (OdDb                      *db,
                                                      gint64                     round_id,
                                                      OdResultsFilter            filter,
                                                      GError                   **error);

OdEvaluationSheet  *od_evaluation_sheet_load         (OdDb                      *db,
                                                      gint64                     evaluation_id,
                                                      GError                   **error);

/* The average of each first-level indicator (OdIndicatorAverage, in
 * position order) over the evaluations of ROUND_ID with an expert score,
 * not withdrawn, using SCHEME_ID (0: any) by organizations of TYPE_KEY
 * (NULL: any). Empty when none matches; NULL on error. */
GPtrArray          *od_round_indicator_averages      (OdDb                      *db,
                                                      gint64                     round_id,
                                                      gint64                     scheme_id,
                                                      const char                *type_key,
                                                      GError                   **error);

void                od_evaluation_result_free        (OdEvaluationResult        *result);
void                od_evaluation_sheet_free         (OdEvaluationSheet         *sheet);
void                od_indicator_average_free        (OdIndicatorAverage        *average);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEvaluationResult, od_evaluation_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEvaluationSheet, od_evaluation_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdIndicatorAverage, od_indicator_average_free)

G_END_DECLS
