/* od-evaluation.h — the records of grade evaluation: rating schemes, their
 * indicators, rounds, the organizations evaluated and their scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs of fields, as the stores read and write them (NULL text
 * only where noted; enums are the stored English keys). Points are in
 * tenths (27.5 points is 275); grades are 1–5 (5A or 5 stars), 0 = none.
 * Their field tables are in od-evaluation-entities.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OD_GRADE_LEVELS 5

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *kind;               /* "grade" (5A…1A) or "stars" (1–5 stars) */
  char   *org_types;          /* space-separated organization types; "" = every type */
  gint64  max_score;          /* tenths */
  gint64  bonus_cap;
  gint64  threshold_5;        /* the least total for 5A (5 stars) */
  gint64  threshold_4;
  gint64  threshold_3;
  gint64  threshold_2;
  gint64  threshold_1;
  gint64  validity_years;
  char   *validity_rule;      /* "next_year" (2026 rule) or "announcement" (2010) */
  gint64  party_required_top; /* 1: the top grade needs a party organization */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdRatingSchemeFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  scheme_id;
  char   *scheme_name;        /* read-only */
  gint64  parent_id;          /* 0: a first-level indicator */
  char   *parent_name;        /* read-only */
  gint64  position;
  char   *name;
  gint64  max_points;         /* tenths */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdSchemeIndicatorFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;               /* "2017年度社会组织等级评估" */
  gint64  year;
  char   *kind;               /* "grade" or "stars": the schemes it uses */
  char   *applications_until; /* ISO dates, NULL when not set */
  char   *first_review_on;
  char   *publicity_from;
  char   *publicity_until;
  char   *announced_on;
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdEvaluationRoundFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  round_id;
  char   *round_name;         /* read-only */
  gint64  organization_id;
  char   *organization_name;  /* read-only */
  gint64  scheme_id;
  char   *scheme_name;        /* read-only */
  char   *state;              /* "applied" … "confirmed", "rejected", "withdrawn" */
  char   *applied_on;         /* NULL when not set */
  char   *eligibility_reason; /* why it takes part although a check failed; "" */
  gint64  bonus;              /* tenths, capped by the scheme */
  char   *comments;
  gint64  proposed_grade;     /* from the total, when proposed */
  gint64  decided_grade;      /* the committee's, -1 = as proposed */
  char   *decision_reason;
  char   *valid_from;         /* set on confirming; NULL before */
  char   *valid_until;
  char   *certificate_no;
  char   *created_at;
  char   *updated_at;
} OdEvaluationFields;

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  evaluation_id;
  char   *evaluation_label;   /* read-only: "organization · round" */
  gint64  indicator_id;
  char   *indicator_name;     /* read-only */
  gint64  self_score;         /* tenths; -1 = not given */
  gint64  expert_score;
  char   *comment;
  char   *created_at;
  char   *updated_at;
} OdEvaluationScoreFields;

OdRatingSchemeFields     *od_rating_scheme_fields_new       (void);
void                      od_rating_scheme_fields_free      (OdRatingSchemeFields     *fields);
OdSchemeIndicatorFields  *od_scheme_indicator_fields_new    (void);
void                      od_scheme_indicator_fields_free   (OdSchemeIndicatorFields  *fields);
OdEvaluationRoundFields  *od_evaluation_round_fields_new    (void);
void                      od_evaluation_round_fields_free   (OdEvaluationRoundFields  *fields);
OdEvaluationFields       *od_evaluation_fields_new          (void);
void                      od_evaluation_fields_free         (OdEvaluationFields       *fields);
OdEvaluationScoreFields  *od_evaluation_score_fields_new    (void);
void                      od_evaluation_score_fields_free   (OdEvaluationScoreFields  *fields);

/* The grade of a scheme's kind as shown: "5A" or "★★★★★"; "" for 0. */
const char               *od_grade_label                    (const char               *kind,
                                                             gint64                    grade);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdRatingSchemeFields, od_rating_scheme_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdSchemeIndicatorFields, od_scheme_indicator_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEvaluationRoundFields, od_evaluation_round_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEvaluationFields, od_evaluation_fields_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdEvaluationScoreFields, od_evaluation_score_fields_free)

G_END_DECLS
