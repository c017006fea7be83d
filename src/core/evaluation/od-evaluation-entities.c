/* od-evaluation-entities.c — rating schemes, indicators, rounds,
 * evaluations and scores in the entity registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity's field table (audit, export, import), its choices, the
 * lookups an imported cell goes through, and the checks of each record.
 * The stores are the generic ones of od-entity-store.h; the workflow of a
 * round is od-evaluation-store.c's.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-entities"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-demo-evaluation.h"
#include "od-entity-store.h"
#include "od-evaluation-entities.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-stats.h"
#include "od-evaluation-store.h"
#include "od-inspection-store.h"
#include "od-organization-type.h"
#include "od-problem.h"
#include "od-registry-entities.h"
#include "od-store-util.h"
#include "od-text.h"

/* --- choices --- */

const OdChoice od_scheme_kind_choices[] = {
  { "grade", N_("Grades 5A to 1A"), OD_WORDS ("等级评估", "等级", "5A") },
  { "stars", N_("Stars 1 to 5"), OD_WORDS ("星级", "评星", "评星晋级") },
  { NULL, NULL, NULL }
};

/* DESIGN.md §2: the 2026 rule and the 2010 one. */
const OdChoice od_validity_rule_choices[] = {
  { "next_year", N_("From 1 January after the announcement"), OD_WORDS ("次年起算", "次年1月1日起") },
  { "announcement", N_("From the announcement"), OD_WORDS ("公告之日起", "自公告之日起") },
  { NULL, NULL, NULL }
};

/* DESIGN.md §2, the workflow of a round. */
const OdChoice od_evaluation_state_choices[] = {
  { "applied", N_("Applied"), OD_WORDS ("已申请", "申请") },
  { "eligible", N_("Eligible"), OD_WORDS ("资格审查通过", "符合条件") },
  { "scored", N_("Scored"), OD_WORDS ("已初评", "初评") },
  { "proposed", N_("Grade proposed"), OD_WORDS ("拟定等级", "拟评") },
  { "publicized", N_("Publicized"), OD_WORDS ("公示中", "公示") },
  { "review", N_("Under review"), OD_WORDS ("复核", "复核中") },
  { "confirmed", N_("Confirmed"), OD_WORDS ("已确认", "终评", "确认") },
  { "rejected", N_("Rejected"), OD_WORDS ("未通过", "不予评定") },
  { "withdrawn", N_("Withdrawn from the round"), OD_WORDS ("撤回", "已撤回") },
  { NULL, NULL, NULL }
};

/* --- lookups --- */

/* A live row of TABLE by its name (COLUMN) or record key, with the
 * problem a cell gets when there is none or several. */
static gboolean
lookup_named (OdDb        *db,
              const char  *sql,
              const char  *what,
              const char  *text,
              gint64      *id,
              char       **problem,
              GError     **error)
{
  gint64 n;

  if (!od_store_lookup_unique (db, sql, text, id, &n, error))
    return FALSE;
  if (n == 0)
    /* Translators: the first %s is what is looked for ("rating scheme"), the second
     * the text from the file */
    *problem = g_strdup_printf (_("No %s is called “%s”. Add it first, or correct the name."),
                                _(what), text);
  else if (n > 1)
    /* Translators: the first %s is what is looked for ("indicator"), the second the
     * text from the file */
    *problem = g_strdup_printf (_("Several of the %s are called “%s”. Use the record key "
                                  "(uuid) from an export instead."), _(what), text);
  return TRUE;
}

static gboolean
lookup_scheme (OdDb        *db,
               const char  *text,
               gint64      *id,
               char       **problem,
               GError     **error)
{
  return lookup_named (db, "SELECT id FROM rating_schemes WHERE deleted_at IS NULL"
                           " AND (name = ?1 OR uuid = ?1)", N_("rating scheme"), text, id,
                       problem, error);
}

static gboolean
lookup_indicator (OdDb        *db,
                  const char  *text,
                  gint64      *id,
                  char       **problem,
                  GError     **error)
{
  return lookup_named (db, "SELECT id FROM scheme_indicators WHERE deleted_at IS NULL"
                           " AND (name = ?1 OR uuid = ?1)", N_("indicator"), text, id,
                       problem, error);
}

static gboolean
lookup_round (OdDb        *db,
              const char  *text,
              gint64      *id,
              char       **problem,
              GError     **error)
{
  return lookup_named (db, "SELECT id FROM evaluation_rounds WHERE deleted_at IS NULL"
                           " AND (name = ?1 OR uuid = ?1)", N_("evaluation round"), text, id,
                       problem, error);
}

static gboolean
lookup_evaluation (OdDb        *db,
                   const char  *text,
                   gint64      *id,
                   char       **problem,
                   GError     **error)
{
  return lookup_named (db, "SELECT id FROM evaluations WHERE deleted_at IS NULL AND uuid = ?1",
                       N_("evaluation"), text, id, problem, error);
}

/* --- fields --- */

#define SCHEME_FIELD(...) OD_ENTITY_FIELD (OdRatingSchemeFields, __VA_ARGS__)
#define THRESHOLD(n, label_, header_) \
  SCHEME_FIELD ("threshold_" #n, label_, OD_INPUT_POINTS, OD_FIELD_INT, threshold_##n, \
                .headers = OD_HEADERS (header_))

static const OdEntityField scheme_fields[] = {
  SCHEME_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  SCHEME_FIELD ("name", N_("Scheme name"), OD_INPUT_TEXT, OD_FIELD_TEXT, name,
                .headers = OD_HEADERS ("方案名称", "评估方案", "名称"), .required = TRUE),
  SCHEME_FIELD ("kind", N_("Kind"), OD_INPUT_CHOICE, OD_FIELD_TEXT, kind,
                .headers = OD_HEADERS ("类型"), .choices = od_scheme_kind_choices),
  SCHEME_FIELD ("org_types", N_("For organization types"), OD_INPUT_TEXT, OD_FIELD_TEXT, org_types,
                .headers = OD_HEADERS ("适用类型")),
  SCHEME_FIELD ("max_score", N_("Maximum score"), OD_INPUT_POINTS, OD_FIELD_INT, max_score,
                .headers = OD_HEADERS ("满分")),
  SCHEME_FIELD ("bonus_cap", N_("Bonus points at most"), OD_INPUT_POINTS, OD_FIELD_INT, bonus_cap,
                .headers = OD_HEADERS ("加分上限")),
  THRESHOLD (5, N_("Least total for 5A"), "5A分数线"),
  THRESHOLD (4, N_("Least total for 4A"), "4A分数线"),
  THRESHOLD (3, N_("Least total for 3A"), "3A分数线"),
  THRESHOLD (2, N_("Least total for 2A"), "2A分数线"),
  THRESHOLD (1, N_("Least total for 1A"), "1A分数线"),
  SCHEME_FIELD ("validity_years", N_("Valid for (years)"), OD_INPUT_COUNT, OD_FIELD_INT,
                validity_years, .headers = OD_HEADERS ("有效期", "有效期（年）")),
  SCHEME_FIELD ("validity_rule", N_("Validity starts"), OD_INPUT_CHOICE, OD_FIELD_TEXT,
                validity_rule, .headers = OD_HEADERS ("有效期起算"),
                .choices = od_validity_rule_choices),
  SCHEME_FIELD ("party_required_top", N_("Top grade needs a party organization"), OD_INPUT_COUNT,
                OD_FIELD_INT, party_required_top, .headers = OD_HEADERS ("最高等级须建党组织")),
  SCHEME_FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
                .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdRatingSchemeFields),
};

#define INDICATOR_FIELD(...) OD_ENTITY_FIELD (OdSchemeIndicatorFields, __VA_ARGS__)

static const OdEntityField indicator_fields[] = {
  INDICATOR_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  INDICATOR_FIELD ("scheme", N_("Rating scheme"), OD_INPUT_LOOKUP, OD_FIELD_REF, scheme_id,
                   .member = "scheme_id",
                   .text_offset = G_STRUCT_OFFSET (OdSchemeIndicatorFields, scheme_name),
                   .ref_sql = "SELECT name FROM rating_schemes WHERE id = ?1",
                   .headers = OD_HEADERS ("评估方案", "方案名称"), .lookup = lookup_scheme,
                   .required = TRUE),
  INDICATOR_FIELD ("parent", N_("Under"), OD_INPUT_LOOKUP, OD_FIELD_REF, parent_id,
                   .member = "parent_id",
                   .text_offset = G_STRUCT_OFFSET (OdSchemeIndicatorFields, parent_name),
                   .ref_sql = "SELECT name FROM scheme_indicators WHERE id = ?1",
                   .headers = OD_HEADERS ("上级指标"), .lookup = lookup_indicator),
  INDICATOR_FIELD ("position", N_("Order"), OD_INPUT_COUNT, OD_FIELD_INT, position,
                   .headers = OD_HEADERS ("序号")),
  INDICATOR_FIELD ("name", N_("Indicator"), OD_INPUT_TEXT, OD_FIELD_TEXT, name,
                   .headers = OD_HEADERS ("指标", "指标名称"), .required = TRUE),
  INDICATOR_FIELD ("max_points", N_("Maximum points"), OD_INPUT_POINTS, OD_FIELD_INT,
                   max_points, .headers = OD_HEADERS ("分值", "满分")),
  INDICATOR_FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
                   .headers = OD_HEADERS ("评分标准", "备注")),
  OD_ENTITY_TIMESTAMPS (OdSchemeIndicatorFields),
};

#define ROUND_FIELD(...) OD_ENTITY_FIELD (OdEvaluationRoundFields, __VA_ARGS__)

static const OdEntityField round_fields[] = {
  ROUND_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  ROUND_FIELD ("name", N_("Round name"), OD_INPUT_TEXT, OD_FIELD_TEXT, name,
               .headers = OD_HEADERS ("批次名称", "评估批次", "名称"), .required = TRUE),
  ROUND_FIELD ("year", N_("Year"), OD_INPUT_COUNT, OD_FIELD_INT, year,
               .headers = OD_HEADERS ("年度")),
  ROUND_FIELD ("kind", N_("Kind"), OD_INPUT_CHOICE, OD_FIELD_TEXT, kind,
               .headers = OD_HEADERS ("类型"), .choices = od_scheme_kind_choices),
  ROUND_FIELD ("applications_until", N_("Applications until"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
               applications_until, .headers = OD_HEADERS ("申报截止")),
  ROUND_FIELD ("first_review_on", N_("First review on"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
               first_review_on, .headers = OD_HEADERS ("初评日期")),
  ROUND_FIELD ("publicity_from", N_("Publicity from"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
               publicity_from, .headers = OD_HEADERS ("公示开始")),
  ROUND_FIELD ("publicity_until", N_("Publicity until"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
               publicity_until, .headers = OD_HEADERS ("公示结束")),
  ROUND_FIELD ("announced_on", N_("Announced on"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
               announced_on, .headers = OD_HEADERS ("公告日期", "确认日期")),
  ROUND_FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
               .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdEvaluationRoundFields),
};

#define EVALUATION_FIELD(...) OD_ENTITY_FIELD (OdEvaluationFields, __VA_ARGS__)

static const OdEntityField evaluation_fields[] = {
  EVALUATION_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  EVALUATION_FIELD ("round", N_("Round"), OD_INPUT_LOOKUP, OD_FIELD_REF, round_id,
                    .member = "round_id",
                    .text_offset = G_STRUCT_OFFSET (OdEvaluationFields, round_name),
                    .ref_sql = "SELECT name FROM evaluation_rounds WHERE id = ?1",
                    .headers = OD_HEADERS ("评估批次", "批次名称"), .lookup = lookup_round,
                    .required = TRUE),
  EVALUATION_FIELD ("organization", N_("Organization"), OD_INPUT_LOOKUP, OD_FIELD_REF,
                    organization_id, .member = "organization_id",
                    .text_offset = G_STRUCT_OFFSET (OdEvaluationFields, organization_name),
                    .ref_sql = "SELECT name FROM organizations WHERE id = ?1",
                    .headers = OD_HEADERS ("单位名称", "组织名称", "社会组织名称"),
                    .lookup = od_organization_lookup, .required = TRUE),
  EVALUATION_FIELD ("scheme", N_("Rating scheme"), OD_INPUT_LOOKUP, OD_FIELD_REF, scheme_id,
                    .member = "scheme_id",
                    .text_offset = G_STRUCT_OFFSET (OdEvaluationFields, scheme_name),
                    .ref_sql = "SELECT name FROM rating_schemes WHERE id = ?1",
                    .headers = OD_HEADERS ("评估方案"), .lookup = lookup_scheme, .required = TRUE),
  EVALUATION_FIELD ("state", N_("Step"), OD_INPUT_CHOICE, OD_FIELD_TEXT, state,
                    .headers = OD_HEADERS ("状态", "评估状态"), .choices = od_evaluation_state_choices),
  EVALUATION_FIELD ("applied_on", N_("Applied on"), OD_INPUT_DATE, OD_FIELD_NULLABLE, applied_on,
                    .headers = OD_HEADERS ("申报日期")),
  EVALUATION_FIELD ("eligibility_reason", N_("Why eligible despite a check"), OD_INPUT_TEXT,
                    OD_FIELD_TEXT, eligibility_reason, .headers = OD_HEADERS ("资格说明")),
  EVALUATION_FIELD ("bonus", N_("Bonus"), OD_INPUT_POINTS, OD_FIELD_INT, bonus,
                    .headers = OD_HEADERS ("加分")),
  EVALUATION_FIELD ("comments", N_("Comments"), OD_INPUT_TEXT, OD_FIELD_TEXT, comments,
                    .headers = OD_HEADERS ("评估意见", "意见")),
  EVALUATION_FIELD ("proposed_grade", N_("Proposed grade"), OD_INPUT_COUNT, OD_FIELD_INT,
                    proposed_grade, .headers = OD_HEADERS ("拟定等级")),
  EVALUATION_FIELD ("decided_grade", N_("Committee's grade"), OD_INPUT_COUNT, OD_FIELD_INT,
                    decided_grade, .headers = OD_HEADERS ("评定等级")),
  EVALUATION_FIELD ("decision_reason", N_("Reason for the committee's grade"), OD_INPUT_TEXT,
                    OD_FIELD_TEXT, decision_reason, .headers = OD_HEADERS ("调整理由")),
  EVALUATION_FIELD ("valid_from", N_("Valid from"), OD_INPUT_DATE, OD_FIELD_NULLABLE, valid_from,
                    .headers = OD_HEADERS ("有效期起")),
  EVALUATION_FIELD ("valid_until", N_("Valid until"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
                    valid_until, .headers = OD_HEADERS ("有效期至")),
  EVALUATION_FIELD ("certificate_no", N_("Certificate number"), OD_INPUT_TEXT, OD_FIELD_TEXT,
                    certificate_no, .headers = OD_HEADERS ("证书编号")),
  OD_ENTITY_TIMESTAMPS (OdEvaluationFields),
};

#define SCORE_FIELD(...) OD_ENTITY_FIELD (OdEvaluationScoreFields, __VA_ARGS__)

static const OdEntityField score_fields[] = {
  SCORE_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  SCORE_FIELD ("evaluation", N_("Evaluation"), OD_INPUT_LOOKUP, OD_FIELD_REF, evaluation_id,
               .member = "evaluation_id",
               .text_offset = G_STRUCT_OFFSET (OdEvaluationScoreFields, evaluation_label),
               .ref_sql = "SELECT o.name || ' · ' || r.name FROM evaluations e"
                          " JOIN organizations o ON o.id = e.organization_id"
                          " JOIN evaluation_rounds r ON r.id = e.round_id WHERE e.id = ?1",
               .headers = OD_HEADERS ("评估记录"), .lookup = lookup_evaluation, .required = TRUE),
  SCORE_FIELD ("indicator", N_("Indicator"), OD_INPUT_LOOKUP, OD_FIELD_REF, indicator_id,
               .member = "indicator_id",
               .text_offset = G_STRUCT_OFFSET (OdEvaluationScoreFields, indicator_name),
               .ref_sql = "SELECT name FROM scheme_indicators WHERE id = ?1",
               .headers = OD_HEADERS ("指标", "指标名称"), .lookup = lookup_indicator,
               .required = TRUE),
  SCORE_FIELD ("self_score", N_("Self-assessment"), OD_INPUT_POINTS, OD_FIELD_INT,
               self_score, .headers = OD_HEADERS ("自评分")),
  SCORE_FIELD ("expert_score", N_("Expert score"), OD_INPUT_POINTS, OD_FIELD_INT,
               expert_score, .headers = OD_HEADERS ("专家评分", "得分")),
  SCORE_FIELD ("comment", N_("Comment"), OD_INPUT_TEXT, OD_FIELD_TEXT, comment,
               .headers = OD_HEADERS ("扣分说明", "备注")),
  OD_ENTITY_TIMESTAMPS (OdEvaluationScoreFields),
};

#define UUID_MATCH(table) \
  { { { "uuid", NULL }, N_("record key (uuid)"), \
      "SELECT id, deleted_at IS NOT NULL FROM " table " WHERE uuid = ?1", TRUE } }

static const OdEntityMatch scheme_matches[] = UUID_MATCH ("rating_schemes");
static const OdEntityMatch indicator_matches[] = UUID_MATCH ("scheme_indicators");
static const OdEntityMatch round_matches[] = UUID_MATCH ("evaluation_rounds");
static const OdEntityMatch evaluation_matches[] = UUID_MATCH ("evaluations");
static const OdEntityMatch score_matches[] = UUID_MATCH ("evaluation_scores");

/* --- checks --- */

/* An ERROR on FIELD when SCHEME_ID is frozen: a confirmed evaluation used
 * it, so its figures are history (DESIGN.md §2). */
static void
check_not_frozen (OdDb       *db,
                  gint64      scheme_id,
                  const char *field,
                  GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  gboolean frozen = FALSE;

  if (scheme_id == 0)
    return;
  if (!od_rating_scheme_is_frozen (db, scheme_id, &frozen, &error))
    od_problems_add_db_error (problems, error);
  else if (frozen)
    od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                     g_strdup (_("This rating scheme was used by a confirmed evaluation, so it "
                                 "cannot change any more. Copy it and change the copy.")));
}

static GPtrArray *
validate_scheme (OdDb          *db,
                 gconstpointer  record)
{
  const OdRatingSchemeFields *f = record;
  const gint64 thresholds[] = { f->threshold_5, f->threshold_4, f->threshold_3, f->threshold_2,
                                f->threshold_1 };
  GPtrArray *problems = od_problems_new ();
  g_auto(GStrv) types = g_strsplit (f->org_types, " ", -1);

  od_entity_check_fields (&od_rating_scheme_entity, problems, record);
  if (f->id != 0)
    check_not_frozen (db, f->id, "name", problems);
  if (f->max_score <= 0)
    od_problems_add (problems, "max_score", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The maximum score must be more than 0 points.")));
  if (f->bonus_cap < 0)
    od_problems_add (problems, "bonus_cap", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The bonus cap cannot be negative. Type 0 for no bonus.")));
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    if (thresholds[i] < 0 || thresholds[i] > f->max_score
        || (i > 0 && thresholds[i] > thresholds[i - 1]))
      {
        od_problems_add (problems, "threshold_1", OD_PROBLEM_ERROR, 0,
                         g_strdup (_("Each grade's least total must be between 0 and the "
                                     "maximum score, and no higher than the grade above it.")));
        break;
      }
  if (f->validity_years < 1 || f->validity_years > 20)
    od_problems_add (problems, "validity_years", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("A grade is valid for 1 to 20 years.")));
  for (guint i = 0; types[i] != NULL; i++)
    if (types[i][0] != '\0'
        && od_organization_type_from_key (types[i]) == OD_ORGANIZATION_TYPE_UNKNOWN)
      od_problems_add (problems, "org_types", OD_PROBLEM_ERROR, 0,
                       /* Translators: %s is what was typed as an organization type */
                       g_strdup_printf (_("“%s” is not an organization type. Use social_group, "
                                          "social_service or foundation, separated by spaces, "
                                          "or leave it empty for every type."), types[i]));
  return problems;
}

static GPtrArray *
validate_indicator (OdDb          *db,
                    gconstpointer  record)
{
  const OdSchemeIndicatorFields *f = record;
  GPtrArray *problems = od_problems_new ();

  od_entity_check_fields (&od_scheme_indicator_entity, problems, record);
  check_not_frozen (db, f->scheme_id, "name", problems);
  if (f->max_points < 0)
    od_problems_add (problems, "max_points", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The maximum points cannot be negative.")));
  if (f->parent_id != 0 && f->parent_id == f->id)
    od_problems_add (problems, "parent_id", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("An indicator cannot be under itself. Choose another one.")));
  else if (f->parent_id != 0)
    {
      g_autoptr(GError) error = NULL;
      gint64 parent_scheme = 0;

      /* The parent must be an indicator of the same scheme. */
      if (!od_store_query_row (db, "SELECT scheme_id FROM scheme_indicators WHERE id = ?1"
                                   " AND deleted_at IS NULL",
                               OD_STORE_VALUES (f->parent_id), &parent_scheme, NULL, &error))
        od_problems_add_db_error (problems, error);
      else if (parent_scheme != f->scheme_id)
        od_problems_add (problems, "parent_id", OD_PROBLEM_ERROR, 0,
                         g_strdup (_("The indicator above it belongs to another scheme (or "
                                     "is gone). Choose one of this scheme's indicators.")));
    }
  return problems;
}

static GPtrArray *
validate_round (OdDb          *db,
                gconstpointer  record)
{
  const OdEvaluationRoundFields *f = record;
  GPtrArray *problems = od_problems_new ();

  od_entity_check_fields (&od_evaluation_round_entity, problems, record);
  if (f->year < 1949 || f->year > 2100)
    od_problems_add (problems, "year", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("Type the year of the round, e.g. 2017.")));
  if (f->publicity_from != NULL && f->publicity_until != NULL
      && strcmp (f->publicity_until, f->publicity_from) < 0)
    od_problems_add (problems, "publicity_until", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The publicity ends before it starts. Check the two dates.")));
  return problems;
}

static GPtrArray *
validate_evaluation (OdDb          *db,
                     gconstpointer  record)
{
  const OdEvaluationFields *f = record;
  GPtrArray *problems = od_problems_new ();
  g_autoptr(GError) error = NULL;
  gint64 other = 0;

  od_entity_check_fields (&od_evaluation_entity, problems, record);
  if (!od_store_query_row (db, "SELECT id FROM evaluations WHERE round_id = ?1"
                               " AND organization_id = ?2 AND deleted_at IS NULL AND id <> ?3",
                           OD_STORE_VALUES (f->round_id, f->organization_id, f->id), &other,
                           NULL, &error))
    od_problems_add_db_error (problems, error);
  else if (other != 0)
    od_problems_add (problems, "organization_id", OD_PROBLEM_ERROR, other,
                     g_strdup (_("This organization is already in the round. Open its "
                                 "evaluation instead.")));
  if (f->proposed_grade < 0 || f->proposed_grade > OD_GRADE_LEVELS
      || f->decided_grade < -1 || f->decided_grade > OD_GRADE_LEVELS)
    od_problems_add (problems, "decided_grade", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("A grade is 1 to 5 (5A or five stars), or 0 for no grade.")));
  if (f->decided_grade >= 0 && f->decided_grade != f->proposed_grade
      && f->decision_reason[0] == '\0')
    od_problems_add (problems, "decision_reason", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The committee's grade differs from the proposed one: write "
                                 "down why.")));
  if (f->bonus < 0)
    od_problems_add (problems, "bonus", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The bonus cannot be negative.")));
  return problems;
}

static GPtrArray *
validate_score (OdDb          *db,
                gconstpointer  record)
{
  const OdEvaluationScoreFields *f = record;
  GPtrArray *problems = od_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *max_text = NULL;
  gint64 other = 0;

  od_entity_check_fields (&od_evaluation_score_entity, problems, record);
  if (!od_store_query_row (db, "SELECT id FROM evaluation_scores WHERE evaluation_id = ?1"
                               " AND indicator_id = ?2 AND deleted_at IS NULL AND id <> ?3",
                           OD_STORE_VALUES (f->evaluation_id, f->indicator_id, f->id), &other,
                           NULL, &error))
    od_problems_add_db_error (problems, error);
  else if (other != 0)
    od_problems_add (problems, "indicator_id", OD_PROBLEM_ERROR, other,
                     g_strdup (_("This indicator is already scored for this evaluation. "
                                 "Change that score instead.")));
  /* A leaf of the evaluation's scheme, and no more than its maximum. */
  if (!od_store_query_row (db, "SELECT i.max_points + 1, i.name FROM scheme_indicators i"
                               " JOIN evaluations e ON e.scheme_id = i.scheme_id"
                               " WHERE e.id = ?1 AND i.id = ?2 AND i.deleted_at IS NULL"
                               " AND NOT EXISTS (SELECT 1 FROM scheme_indicators c"
                               " WHERE c.parent_id = i.id AND c.deleted_at IS NULL)",
                           OD_STORE_VALUES (f->evaluation_id, f->indicator_id), &other,
                           &max_text, &error))
    od_problems_add_db_error (problems, error);
  else if (other == 0)
    od_problems_add (problems, "indicator_id", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("Only the last level of the evaluation's own scheme is "
                                 "scored. Choose one of those indicators.")));
  else if (f->self_score >= other || f->expert_score >= other)
    {
      g_autofree char *max = od_points_format (other - 1);

      od_problems_add (problems, "expert_score", OD_PROBLEM_ERROR, 0,
                       /* Translators: %s is an indicator's name, %s its maximum points */
                       g_strdup_printf (_("“%s” has at most %s points. Correct the score."),
                                        max_text, max));
    }
  if (f->self_score < -1 || f->expert_score < -1)
    od_problems_add (problems, "expert_score", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("A score cannot be negative.")));
  return problems;
}

/* --- the store functions, typed --- */

static char *
describe_scheme (gconstpointer record)
{
  return g_strdup (((const OdRatingSchemeFields *) record)->name);
}

static char *
describe_indicator (gconstpointer record)
{
  const OdSchemeIndicatorFields *f = record;

  return g_strdup_printf ("%s · %s", f->scheme_name, f->name);
}

static char *
describe_round (gconstpointer record)
{
  return g_strdup (((const OdEvaluationRoundFields *) record)->name);
}

static char *
describe_evaluation (gconstpointer record)
{
  const OdEvaluationFields *f = record;

  return g_strdup_printf ("%s · %s", f->organization_name, f->round_name);
}

static char *
describe_score (gconstpointer record)
{
  const OdEvaluationScoreFields *f = record;

  return g_strdup_printf ("%s · %s", f->evaluation_label, f->indicator_name);
}

OD_ENTITY_STORE_CALLBACKS (scheme, od_rating_scheme_entity)
OD_ENTITY_STORE_CALLBACKS (indicator, od_scheme_indicator_entity)
OD_ENTITY_STORE_CALLBACKS (round, od_evaluation_round_entity)
OD_ENTITY_STORE_CALLBACKS (evaluation, od_evaluation_entity)
OD_ENTITY_STORE_CALLBACKS (score, od_evaluation_score_entity)

const OdEntity od_rating_scheme_entity =
  OD_ENTITY_STORE_ENTITY (OdRatingSchemeFields, "rating_schemes", N_("rating scheme"),
                          N_("Rating Schemes"), N_("Rating scheme"), scheme_fields, scheme_matches,
                          scheme, "name, id", validate_scheme, od_rating_scheme_save,
                          od_rating_scheme_fields_free, od_rating_scheme_fields_new);

const OdEntity od_scheme_indicator_entity =
  OD_ENTITY_STORE_ENTITY (OdSchemeIndicatorFields, "scheme_indicators", N_("indicator"),
                          N_("Indicators"), N_("Indicator"), indicator_fields, indicator_matches,
                          indicator, "scheme_id, parent_id IS NOT NULL, parent_id, position, id",
                          validate_indicator, od_scheme_indicator_save,
                          od_scheme_indicator_fields_free, od_scheme_indicator_fields_new);

const OdEntity od_evaluation_round_entity =
  OD_ENTITY_STORE_ENTITY (OdEvaluationRoundFields, "evaluation_rounds", N_("evaluation round"),
                          N_("Evaluation Rounds"), N_("Evaluation round"), round_fields,
                          round_matches, round, "year, id", validate_round,
                          od_evaluation_round_save, od_evaluation_round_fields_free,
                          od_evaluation_round_fields_new);

const OdEntity od_evaluation_entity =
  OD_ENTITY_STORE_ENTITY (OdEvaluationFields, "evaluations", N_("evaluation"), N_("Evaluations"),
                          N_("Evaluation"), evaluation_fields, evaluation_matches, evaluation,
                          "round_id, id", validate_evaluation, od_evaluation_save,
                          od_evaluation_fields_free, od_evaluation_fields_new);

const OdEntity od_evaluation_score_entity =
  OD_ENTITY_STORE_ENTITY (OdEvaluationScoreFields, "evaluation_scores", N_("score"), N_("Scores"),
                          N_("Score"), score_fields, score_matches, score,
                          "evaluation_id, indicator_id, id", validate_score,
                          od_evaluation_score_save, od_evaluation_score_fields_free,
                          od_evaluation_score_fields_new);

void
od_evaluation_register_entities (void)
{
  od_entity_register (&od_rating_scheme_entity);
  od_entity_register (&od_scheme_indicator_entity);
  od_entity_register (&od_evaluation_round_entity);
  od_entity_register (&od_evaluation_entity);
  od_entity_register (&od_evaluation_score_entity);
}

/* The organization's latest grade of each kind, and the downgrade
 * triggers in its inspections of the last two years while a grade is
 * valid. */
static gboolean
organization_facts (OdDb       *db,
                    gint64      id,
                    GPtrArray  *facts,
                    GError    **error)
{
  static const struct
  {
    const char *kind;
    const char *title;
  } kinds[] = {
    { "grade", N_("Grade") },
    { "stars", N_("Party-building stars") },
  };
  g_autofree char *today = od_db_now (db);

  today[10] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      OdCurrentGrade grade = { 0 };
      gboolean valid;
      char *value;

      if (!od_organization_get_last_grade (db, id, kinds[i].kind, &grade, error))
        return FALSE;
      if (grade.evaluation_id == 0)
        {
          if (i == 0)
            od_facts_add (facts, g_strdup (_(kinds[i].title)), g_strdup (_("Not graded yet")),
                          FALSE);
          continue;
        }
      valid = grade.valid_until != NULL && strcmp (grade.valid_until, today) >= 0;
      if (grade.grade == 0)
        /* Translators: %s is a round's name */
        value = g_strdup_printf (_("No grade given in %s"), grade.round_name);
      else if (valid)
        /* Translators: a grade ("4A", "★★★"), a date, a round's name */
        value = g_strdup_printf (_("%s, valid until %s (%s)"), od_grade_label (grade.kind, grade.grade),
                                 grade.valid_until, grade.round_name);
      else
        /* Translators: a grade ("4A", "★★★"), a date, a round's name */
        value = g_strdup_printf (_("%s, expired on %s (%s)"), od_grade_label (grade.kind, grade.grade),
                                 grade.valid_until, grade.round_name);
      od_facts_add (facts, g_strdup (_(kinds[i].title)), value, FALSE);

      if (valid && grade.grade > 0 && i == 0)
        for (int year = atoi (today) - 1; year <= atoi (today); year++)
          {
            g_autoptr(GPtrArray) warnings = od_inspection_warnings (db, id, year, TRUE, error);

            if (warnings == NULL)
              {
                od_current_grade_clear (&grade);
                return FALSE;
              }
            for (guint j = 0; j < warnings->len; j++)
              {
                OdInspectionWarning *warning = g_ptr_array_index (warnings, j);

                if (warning->kind == OD_INSPECTION_WARNING_DOWNGRADE)
                  od_facts_add (facts, g_strdup (_("Downgrade to consider")),
                                g_strdup (warning->message), TRUE);
              }
          }
      od_current_grade_clear (&grade);
    }

  /* The grades before the latest one: the history. */
  {
    g_autoptr(GPtrArray) grades = od_organization_list_grades (db, id, error);
    g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_free);

    if (grades == NULL)
      return FALSE;
    for (guint i = 1; i < grades->len; i++)
      {
        const OdEvaluationFields *e = g_ptr_array_index (grades, i);
        gint64 final = e->decided_grade >= 0 ? e->decided_grade : e->proposed_grade;

        /* Translators: a round's name, then the grade it gave ("3A") */
        g_ptr_array_add (earlier, g_strdup_printf (_("%s: %s"), e->round_name,
                                                   final > 0 ? od_grade_label ("grade", final)
                                                             : _("no grade")));
      }
    if (earlier->len > 0)
      od_facts_add (facts, g_strdup (_("Earlier grades")), od_text_join_list (earlier), FALSE);
  }
  return TRUE;
}

/* Its grade valid today, and its party-building stars: "4A ★★★". */
static char *
organization_badge (OdDb   *db,
                    gint64  id)
{
  const char *const kinds[] = { "grade", "stars" };
  GString *badge = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      OdCurrentGrade grade = { 0 };

      if (od_organization_get_grade (db, id, kinds[i], NULL, &grade, NULL) && grade.grade > 0)
        g_string_append_printf (badge, "%s%s", badge->len > 0 ? " " : "",
                                od_grade_label (grade.kind, grade.grade));
      od_current_grade_clear (&grade);
    }
  return g_string_free (badge, FALSE);
}

/* The shipped rating schemes come with 0008-default-schemes.sql. */
static const char *const evaluation_seeded_tables[] = {
  "rating_schemes", "scheme_indicators", NULL
};

const OdDomain od_evaluation_domain = {
  .name = "evaluation",
  .seeded_tables = evaluation_seeded_tables,
  .register_entities = od_evaluation_register_entities,
  .stats = &od_evaluation_stats_domain,
  .load_demo = od_demo_load_evaluation,
  .organization_facts = organization_facts,
  .organization_badge = organization_badge,
};
