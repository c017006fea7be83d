/* od-evaluation-store.h — saving and reading grade evaluations: schemes
 * and their trees, rounds, the organizations in a round, their scores,
 * the steps of a round and the grades they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Points are in tenths; grades 1–5, 0 = none (od-evaluation.h). The rules
 * that need no database are in od-evaluation-rules.h.
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-evaluation.h"
#include "od-problem.h"

G_BEGIN_DECLS

/* --- the records (od-entity-store, with their checks) --- */

gint64                    od_rating_scheme_save      (OdDb                           *db,
                                                      const OdRatingSchemeFields     *fields,
                                                      GError                        **error);
OdRatingSchemeFields     *od_rating_scheme_load      (OdDb                           *db,
                                                      gint64                          id,
                                                      GError                        **error);
gint64                    od_scheme_indicator_save   (OdDb                           *db,
                                                      const OdSchemeIndicatorFields  *fields,
                                                      GError                        **error);
gint64                    od_evaluation_round_save   (OdDb                           *db,
                                                      const OdEvaluationRoundFields  *fields,
                                                      GError                        **error);
OdEvaluationRoundFields  *od_evaluation_round_load   (OdDb                           *db,
                                                      gint64                          id,
                                                      GError                        **error);
gint64                    od_evaluation_save         (OdDb                           *db,
                                                      const OdEvaluationFields       *fields,
                                                      GError                        **error);
OdEvaluationFields       *od_evaluation_load         (OdDb                           *db,
                                                      gint64                          id,
                                                      GError                        **error);
gint64                    od_evaluation_score_save   (OdDb                           *db,
                                                      const OdEvaluationScoreFields  *fields,
                                                      GError                        **error);
OdEvaluationScoreFields  *od_evaluation_score_load   (OdDb                           *db,
                                                      gint64                          id,
                                                      GError                        **error);
OdSchemeIndicatorFields  *od_scheme_indicator_load   (OdDb                           *db,
                                                      gint64                          id,
                                                      GError                        **error);

/* --- schemes --- */

/* The live schemes (OdRatingSchemeFields), by name. */
GPtrArray  *od_rating_scheme_list        (OdDb        *db,
                                          GError     **error);
/* The scheme shipped for KIND ("grade", "stars") and organization type
 * TYPE_KEY ("social_group"…): the first live one by id that lists the
 * type, else one for every type; 0 when there is none. */
gint64      od_rating_scheme_for_type    (OdDb        *db,
                                          const char  *kind,
                                          const char  *type_key,
                                          GError     **error);
/* Whether a confirmed evaluation used scheme ID: then it is frozen. */
gboolean    od_rating_scheme_is_frozen   (OdDb        *db,
                                          gint64       id,
                                          gboolean    *frozen,
                                          GError     **error);
/* A copy of scheme ID and its tree, called NAME; the copy's id, or 0. */
gint64      od_rating_scheme_copy        (OdDb        *db,
                                          gint64       id,
                                          const char  *name,
                                          GError     **error);
/* Saves SCHEME and its tree in one transaction: INDICATORS
 * (OdSchemeIndicatorFields) are saved in order, parents first; a new one
 * has id 0 and, when its parent is new too, parent_id −(1 + the parent's
 * index in INDICATORS). DELETED_IDS (gint64) go to the trash. The
 * scheme's id, or 0 with the first refusal. */
gint64      od_rating_scheme_save_tree   (OdDb                        *db,
                                          const OdRatingSchemeFields  *scheme,
                                          GPtrArray                   *indicators,
                                          GArray                      *deleted_ids,
                                          GError                     **error);
/* The live indicators of scheme ID (OdSchemeIndicatorFields), parents
 * before children, in position order. */
GPtrArray  *od_scheme_list_indicators    (OdDb        *db,
                                          gint64       scheme_id,
                                          GError     **error);

/* --- rounds --- */

/* The live rounds (OdEvaluationRoundFields), newest year first. */
GPtrArray  *od_evaluation_round_list     (OdDb        *db,
                                          GError     **error);
/* The live evaluations of round ID (OdEvaluationFields), by the
 * organization's pinyin order. */
GPtrArray  *od_round_list_evaluations    (OdDb        *db,
                                          gint64       round_id,
                                          GError     **error);
/* The eligibility checks of DESIGN.md §2 (the 2010 rule; the 2026 one
 * where the scheme says so) of ORGANIZATION_ID for a round of YEAR with
 * SCHEME_ID: each failure a WARNING in PROBLEMS (field "organization_id").
 * FALSE on a database error. */
gboolean    od_evaluation_check_eligibility (OdDb      *db,
                                          gint64       organization_id,
                                          gint64       year,
                                          gint64       scheme_id,
                                          GPtrArray   *problems,
                                          GError     **error);
/* Adds ORGANIZATION_ID to round ROUND_ID with the scheme of its type:
 * "applied", then "eligible" when the checks pass or REASON (not empty)
 * overrides them. Refused with OD_STORE_ERROR_NEEDS_REASON, listing the
 * failed checks, when one fails and there is no reason. The evaluation's
 * id, or 0. */
gint64      od_round_add_organization    (OdDb        *db,
                                          gint64       round_id,
                                          gint64       organization_id,
                                          const char  *reason,
                                          GError     **error);

/* --- scores --- */

typedef struct
{
  gint64  self_total;     /* tenths: the leaves' self-assessment */
  gint64  expert_total;   /* the leaves' expert scores */
  gint64  bonus;          /* capped by the scheme */
  gint64  total;          /* expert_total + bonus, at most the maximum */
  guint   n_leaves;
  guint   n_scored;       /* leaves with an expert score */
} OdEvaluationTotals;

/* Sets the self-assessment and expert score of leaf INDICATOR_ID (-1 =
 * not given) of evaluation EVALUATION_ID, replacing what was there. */
gboolean    od_evaluation_set_score      (OdDb        *db,
                                          gint64       evaluation_id,
                                          gint64       indicator_id,
                                          gint64       self_score,
                                          gint64       expert_score,
                                          GError     **error);
/* Indicator id → OdEvaluationScoreFields of EVALUATION_ID's live scores. */
GHashTable *od_evaluation_list_scores    (OdDb        *db,
                                          gint64       evaluation_id,
                                          GError     **error);
gboolean    od_evaluation_get_totals     (OdDb        *db,
                                          gint64       evaluation_id,
                                          OdEvaluationTotals *totals,
                                          GError     **error);

/* --- steps --- */

/* The states od_evaluation_advance() accepts from STATE, in the order of
 * the workflow: a NULL-terminated array of static keys, to be freed with
 * g_free(). */
const char **od_evaluation_next_states   (const char  *state);
/* Whether STATE is final: confirmed, rejected or withdrawn. */
gboolean    od_evaluation_state_is_final (const char  *state);
/* Moves evaluation ID to STATE, if the workflow allows it from where it
 * is (applied → eligible → scored → proposed → publicized → review →
 * confirmed; rejected or withdrawn from any step before confirmed):
 * "scored" needs every leaf's expert score; "proposed" sets the grade the
 * total and the scheme give; "confirmed" sets the validity from the
 * round's announcement (or today) by the scheme's rule and a certificate
 * number for 3A and above. OD_STORE_ERROR_INVALID with why not. */
gboolean    od_evaluation_advance        (OdDb        *db,
                                          gint64       id,
                                          const char  *state,
                                          GError     **error);
/* The committee's grade GRADE for evaluation ID (-1: as proposed), with
 * REASON, needed when it differs from the proposed grade. */
gboolean    od_evaluation_decide         (OdDb        *db,
                                          gint64       id,
                                          gint64       grade,
                                          const char  *reason,
                                          GError     **error);

/* --- grades of organizations --- */

typedef struct
{
  gint64  evaluation_id;  /* 0: no valid grade */
  gint64  grade;
  char   *kind;           /* the scheme's: "grade" or "stars" */
  char   *valid_from;
  char   *valid_until;
  char   *round_name;
} OdCurrentGrade;

void        od_current_grade_clear       (OdCurrentGrade *grade);
/* The grade of kind KIND organization ORGANIZATION_ID holds on DATE
 * (ISO; NULL = today): its latest confirmed evaluation valid then. */
gboolean    od_organization_get_grade    (OdDb        *db,
                                          gint64       organization_id,
                                          const char  *kind,
                                          const char  *date,
                                          OdCurrentGrade *grade,
                                          GError     **error);
/* Its latest confirmed evaluation of kind KIND, valid or not. */
gboolean    od_organization_get_last_grade (OdDb      *db,
                                          gint64       organization_id,
                                          const char  *kind,
                                          OdCurrentGrade *grade,
                                          GError     **error);
/* Its confirmed grade evaluations (kind "grade", OdEvaluationFields),
 * newest first. */
GPtrArray  *od_organization_list_grades  (OdDb        *db,
                                          gint64       organization_id,
                                          GError     **error);

typedef struct
{
  gint64  organization_id;
  char   *organization_name;
  gint64  grade;
  char   *valid_until;
  char   *reason;         /* translated: why it is on the list */
} OdGradeWatch;

void        od_grade_watch_free          (OdGradeWatch *watch);
/* The watch list on DATE (NULL = today), OdGradeWatch: grades that expire
 * within 6 months, soonest first; then graded organizations whose
 * inspections of this or last year call for a downgrade (DESIGN.md §2),
 * by name, one row per trigger. */
GPtrArray  *od_grade_watch_list          (OdDb        *db,
                                          const char  *date,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdGradeWatch, od_grade_watch_free)

G_END_DECLS
