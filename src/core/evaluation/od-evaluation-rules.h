/* od-evaluation-rules.h — the rules of grade evaluation that need no
 * database: grades from totals, validity, the indicator tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation". Points in tenths; grades 1–5, 0 = none.
 */
#pragma once

#include <glib.h>

#include "od-evaluation.h"
#include "od-points.h"

G_BEGIN_DECLS

/* The grade SCHEME gives a TOTAL: the highest whose threshold it reaches;
 * with party_required_top, the top grade only when HAS_PARTY_ORG. */
gint64      od_scheme_grade_for_total   (const OdRatingSchemeFields *scheme,
                                         gint64                      total,
                                         gboolean                    has_party_org);
/* BONUS capped by the scheme's bonus cap. */
gint64      od_scheme_cap_bonus         (const OdRatingSchemeFields *scheme,
                                         gint64                      bonus);
/* The validity of a grade announced on ANNOUNCED_ON (ISO date) under RULE
 * for YEARS years: "next_year" (the 2026 rule) from 1 January of the next
 * year to 31 December of the YEARS-th; "announcement" (2010) from the
 * announcement to the day before its YEARS-th anniversary. FALSE when
 * ANNOUNCED_ON is not a date. */
gboolean    od_grade_validity           (const char                 *rule,
                                         gint64                      years,
                                         const char                 *announced_on,
                                         char                      **valid_from,
                                         char                      **valid_until);

/* One node of a scheme's indicator tree, with its score rolled up. */
typedef struct _OdIndicatorNode OdIndicatorNode;
struct _OdIndicatorNode
{
  const OdSchemeIndicatorFields *indicator;   /* borrowed */
  guint                          level;       /* 1 for the first level */
  GPtrArray                     *children;    /* OdIndicatorNode */
  gint64                         self_score;  /* rolled up; -1 when no leaf below is scored */
  gint64                         expert_score;
};

/* The tree of INDICATORS (OdSchemeIndicatorFields, borrowed: keep them
 * alive): its first-level nodes, in position order. Nodes whose parent is
 * missing are left out. */
GPtrArray  *od_indicator_tree_build     (GPtrArray                  *indicators);
/* The problems of the tree ROOTS of a scheme of MAX_SCORE: children that
 * do not add up to their parent, first levels that do not add up to the
 * maximum, more than 4 levels (WARNINGs, field "max_points"). */
void        od_indicator_tree_check     (GPtrArray                  *roots,
                                         gint64                      max_score,
                                         GPtrArray                  *problems);
/* Rolls the scores of the leaves up the tree: SCORES maps an indicator
 * id (gint64 *) to an OdEvaluationScoreFields. */
void        od_indicator_tree_roll_up   (GPtrArray                  *roots,
                                         GHashTable                 *scores);
/* The leaves, depth first in position order (borrowed nodes). */
GPtrArray  *od_indicator_tree_leaves    (GPtrArray                  *roots);

G_END_DECLS
