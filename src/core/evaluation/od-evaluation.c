/* od-evaluation.c — the records of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-evaluation"

#include "config.h"

#include "od-evaluation.h"

/* A new record has "" in every text that cannot be NULL, and the defaults
 * of its enums and numbers (the scheme's: DESIGN.md §2, 1000 points,
 * 5A ≥ 900 … 1A ≥ 500, valid 5 years from the next year). */

OdRatingSchemeFields *
od_rating_scheme_fields_new (void)
{
  OdRatingSchemeFields *f = g_new0 (OdRatingSchemeFields, 1);

  f->uuid = g_strdup ("");
  f->name = g_strdup ("");
  f->kind = g_strdup ("grade");
  f->org_types = g_strdup ("");
  f->validity_rule = g_strdup ("next_year");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  f->max_score = 10000;
  f->threshold_5 = 9000;
  f->threshold_4 = 8000;
  f->threshold_3 = 7000;
  f->threshold_2 = 6000;
  f->threshold_1 = 5000;
  f->validity_years = 5;
  return f;
}

void
od_rating_scheme_fields_free (OdRatingSchemeFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->name);
  g_free (f->kind);
  g_free (f->org_types);
  g_free (f->validity_rule);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdSchemeIndicatorFields *
od_scheme_indicator_fields_new (void)
{
  OdSchemeIndicatorFields *f = g_new0 (OdSchemeIndicatorFields, 1);

  f->uuid = g_strdup ("");
  f->scheme_name = g_strdup ("");
  f->parent_name = g_strdup ("");
  f->name = g_strdup ("");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_scheme_indicator_fields_free (OdSchemeIndicatorFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->scheme_name);
  g_free (f->parent_name);
  g_free (f->name);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

OdEvaluationRoundFields *
od_evaluation_round_fields_new (void)
{
  OdEvaluationRoundFields *f = g_new0 (OdEvaluationRoundFields, 1);

  f->uuid = g_strdup ("");
  f->name = g_strdup ("");
  f->kind = g_strdup ("grade");
  f->notes = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  return f;
}

void
od_evaluation_round_fields_free (OdEvaluationRoundFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->name);
  g_free (f->kind);
  g_free (f->notes);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f->applications_until);
  g_free (f->first_review_on);
  g_free (f->publicity_from);
  g_free (f->publicity_until);
  g_free (f->announced_on);
  g_free (f);
}

OdEvaluationFields *
od_evaluation_fields_new (void)
{
  OdEvaluationFields *f = g_new0 (OdEvaluationFields, 1);

  f->uuid = g_strdup ("");
  f->round_name = g_strdup ("");
  f->organization_name = g_strdup ("");
  f->scheme_name = g_strdup ("");
  f->state = g_strdup ("applied");
  f->eligibility_reason = g_strdup ("");
  f->comments = g_strdup ("");
  f->decision_reason = g_strdup ("");
  f->certificate_no = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  f->decided_grade = -1;
  return f;
}

void
od_evaluation_fields_free (OdEvaluationFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->round_name);
  g_free (f->organization_name);
  g_free (f->scheme_name);
  g_free (f->state);
  g_free (f->eligibility_reason);
  g_free (f->comments);
  g_free (f->decision_reason);
  g_free (f->certificate_no);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f->applied_on);
  g_free (f->valid_from);
  g_free (f->valid_until);
  g_free (f);
}

OdEvaluationScoreFields *
od_evaluation_score_fields_new (void)
{
  OdEvaluationScoreFields *f = g_new0 (OdEvaluationScoreFields, 1);

  f->uuid = g_strdup ("");
  f->evaluation_label = g_strdup ("");
  f->indicator_name = g_strdup ("");
  f->comment = g_strdup ("");
  f->created_at = g_strdup ("");
  f->updated_at = g_strdup ("");
  f->self_score = -1;
  f->expert_score = -1;
  return f;
}

void
od_evaluation_score_fields_free (OdEvaluationScoreFields *f)
{
  if (f == NULL)
    return;
  g_free (f->uuid);
  g_free (f->evaluation_label);
  g_free (f->indicator_name);
  g_free (f->comment);
  g_free (f->created_at);
  g_free (f->updated_at);
  g_free (f);
}

const char *
od_grade_label (const char *kind,
                gint64      grade)
{
  static const char *const grades[] = { "", "1A", "2A", "3A", "4A", "5A" };
  static const char *const stars[] = { "", "★", "★★", "★★★", "★★★★", "★★★★★" };

  if (grade < 0 || grade > OD_GRADE_LEVELS)
    return "";
  return g_strcmp0 (kind, "stars") == 0 ? stars[grade] : grades[grade];
}
