/* od-evaluation-store.c — schemes, rounds, evaluations, scores, steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of DESIGN.md §2 "Grade evaluation" that need the database:
 * eligibility (registered two full years; last year's annual inspection
 * taken and not 不合格; not 基本合格 two years running; no valid grade,
 * which the 2026 rule allows to re-apply in its first 4 years), the
 * workflow of a round and the grades it gives.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-entity-store.h"
#include "od-evaluation-entities.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-inspection-store.h"
#include "od-organization-type.h"
#include "od-registry-store.h"
#include "od-store-util.h"

#define FINAL_GRADE "CASE WHEN e.decided_grade >= 0 THEN e.decided_grade ELSE e.proposed_grade END"

/* --- records --- */

OD_ENTITY_STORE_TYPED (od_rating_scheme, OdRatingSchemeFields, od_rating_scheme_entity)
OD_ENTITY_STORE_TYPED (od_scheme_indicator, OdSchemeIndicatorFields, od_scheme_indicator_entity)
OD_ENTITY_STORE_TYPED (od_evaluation_round, OdEvaluationRoundFields, od_evaluation_round_entity)
OD_ENTITY_STORE_TYPED (od_evaluation, OdEvaluationFields, od_evaluation_entity)
OD_ENTITY_STORE_TYPED (od_evaluation_score, OdEvaluationScoreFields, od_evaluation_score_entity)









/* The records of ENTITY whose ids SQL lists (?1 = ARG), in that order. */
static GPtrArray *
load_listed (const OdEntity *entity,
             OdDb           *db,
             const char     *sql,
             gint64          arg,
             GError        **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdStep step;

  if (stmt == NULL || (od_stmt_get_n_params (stmt) > 0 && !od_stmt_bind_int64 (stmt, 1, arg, error)))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return od_entity_store_load_records (entity, db, (const gint64 *) (gpointer) ids->data, ids->len,
                                       error);
}

/* --- schemes --- */

GPtrArray *
od_rating_scheme_list (OdDb    *db,
                       GError **error)
{
  return load_listed (&od_rating_scheme_entity, db,
                      "SELECT id FROM rating_schemes WHERE deleted_at IS NULL ORDER BY name, id",
                      0, error);
}

gint64
od_rating_scheme_for_type (OdDb        *db,
                           const char  *kind,
                           const char  *type_key,
                           GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  gint64 id = 0;

  stmt = od_db_prepare (db, "SELECT id FROM rating_schemes WHERE deleted_at IS NULL AND kind = ?1"
                            " AND (instr (' ' || org_types || ' ', ' ' || ?2 || ' ') > 0"
                            "      OR org_types = '')"
                            " ORDER BY org_types = '', id LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, kind, error)
      || !od_stmt_bind_text (stmt, 2, type_key != NULL ? type_key : "", error)
      || !od_stmt_step_int64 (stmt, &id, error))
    return -1;
  return id;
}

gboolean
od_rating_scheme_is_frozen (OdDb      *db,
                            gint64     id,
                            gboolean  *frozen,
                            GError   **error)
{
  gint64 found = 0;

  if (!od_store_query_row (db, "SELECT 1 FROM evaluations WHERE scheme_id = ?1"
                               " AND state = 'confirmed' AND deleted_at IS NULL LIMIT 1",
                           OD_STORE_VALUES (id), &found, NULL, error))
    return FALSE;
  *frozen = found != 0;
  return TRUE;
}

GPtrArray *
od_scheme_list_indicators (OdDb    *db,
                           gint64   scheme_id,
                           GError **error)
{
  return load_listed (&od_scheme_indicator_entity, db,
                      "SELECT id FROM scheme_indicators WHERE scheme_id = ?1 AND deleted_at IS NULL"
                      " ORDER BY parent_id IS NOT NULL, parent_id, position, id", scheme_id, error);
}

typedef struct
{
  gint64      id;
  const char *name;
  gint64      copy_id;
} CopyData;

static gboolean
copy_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  CopyData *data = user_data;
  g_autoptr(OdRatingSchemeFields) scheme = od_rating_scheme_load (db, data->id, error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (scheme == NULL || (indicators = od_scheme_list_indicators (db, data->id, error)) == NULL)
    return FALSE;
  scheme->id = 0;
  g_free (scheme->uuid);
  scheme->uuid = g_strdup ("");
  g_free (scheme->name);
  scheme->name = g_strdup (data->name);
  if ((data->copy_id = od_rating_scheme_save (db, scheme, error)) == 0)
    return FALSE;
  /* Parents come first in the list, so their copies exist by then. */
  for (guint i = 0; i < indicators->len; i++)
    {
      OdSchemeIndicatorFields *indicator = g_ptr_array_index (indicators, i);
      gint64 old_id = indicator->id;
      gint64 *parent = indicator->parent_id != 0
                       ? g_hash_table_lookup (new_ids, &indicator->parent_id) : NULL;
      gint64 new_id;

      indicator->id = 0;
      g_free (indicator->uuid);
      indicator->uuid = g_strdup ("");
      indicator->scheme_id = data->copy_id;
      indicator->parent_id = parent != NULL ? *parent : 0;
      if ((new_id = od_scheme_indicator_save (db, indicator, error)) == 0)
        return FALSE;
      g_hash_table_insert (new_ids, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

gint64
od_rating_scheme_copy (OdDb        *db,
                       gint64       id,
                       const char  *name,
                       GError     **error)
{
  CopyData data = { id, name, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!od_db_transaction (db, copy_cb, &data, error))
    return 0;
  return data.copy_id;
}

typedef struct
{
  const OdRatingSchemeFields *scheme;
  GPtrArray                  *indicators;
  GArray                     *deleted_ids;
  gint64                      id;
} TreeData;

static gboolean
save_tree_cb (OdDb      *db,
              gpointer   user_data,
              GError   **error)
{
  TreeData *data = user_data;
  g_autoptr(GArray) saved = g_array_sized_new (FALSE, TRUE, sizeof (gint64),
                                               data->indicators->len);

  if ((data->id = od_rating_scheme_save (db, data->scheme, error)) == 0)
    return FALSE;
  for (guint i = 0; data->deleted_ids != NULL && i < data->deleted_ids->len; i++)
    if (!od_trash_move (db, &od_scheme_indicator_entity,
                        g_array_index (data->deleted_ids, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < data->indicators->len; i++)
    {
      OdSchemeIndicatorFields *indicator = g_ptr_array_index (data->indicators, i);
      gint64 parent = indicator->parent_id;
      gint64 id;

      if (parent < 0)
        {
          guint index = (guint) (-parent - 1);

          g_return_val_if_fail (index < i, FALSE);
          indicator->parent_id = g_array_index (saved, gint64, index);
        }
      indicator->scheme_id = data->id;
      id = od_scheme_indicator_save (db, indicator, error);
      indicator->parent_id = parent;
      if (id == 0)
        return FALSE;
      g_array_append_val (saved, id);
    }
  return TRUE;
}

gint64
od_rating_scheme_save_tree (OdDb                        *db,
                            const OdRatingSchemeFields  *scheme,
                            GPtrArray                   *indicators,
                            GArray                      *deleted_ids,
                            GError                     **error)
{
  TreeData data = { scheme, indicators, deleted_ids, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);

  if (!od_db_transaction (db, save_tree_cb, &data, error))
    return 0;
  return data.id;
}

/* --- rounds --- */

GPtrArray *
od_evaluation_round_list (OdDb    *db,
                          GError **error)
{
  return load_listed (&od_evaluation_round_entity, db,
                      "SELECT id FROM evaluation_rounds WHERE deleted_at IS NULL"
                      " ORDER BY year DESC, id DESC", 0, error);
}

GPtrArray *
od_round_list_evaluations (OdDb    *db,
                           gint64   round_id,
                           GError **error)
{
  return load_listed (&od_evaluation_entity, db,
                      "SELECT e.id FROM evaluations e JOIN organizations o ON o.id = e.organization_id"
                      " WHERE e.round_id = ?1 AND e.deleted_at IS NULL ORDER BY o.sort_key, e.id",
                      round_id, error);
}

/* The conclusion of ORGANIZATION_ID's annual inspection of YEAR, or NULL
 * when it has none. */
static gboolean
inspection_conclusion (OdDb        *db,
                       gint64       organization_id,
                       gint64       year,
                       char       **conclusion,
                       GError     **error)
{
  gint64 found = 0;

  return od_store_query_row (db, "SELECT 1, conclusion FROM inspections WHERE organization_id = ?1"
                                 " AND year = ?2 AND deleted_at IS NULL",
                             OD_STORE_VALUES (organization_id, year), &found, conclusion, error);
}

static void
add_warning (GPtrArray *problems,
             char      *message)
{
  od_problems_add (problems, "organization_id", OD_PROBLEM_WARNING, 0, message);
}

gboolean
od_evaluation_check_eligibility (OdDb       *db,
                                 gint64      organization_id,
                                 gint64      year,
                                 gint64      scheme_id,
                                 GPtrArray  *problems,
                                 GError    **error)
{
  g_autoptr(OdOrganizationFields) organization = od_organization_load (db, organization_id, error);
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autofree char *last = NULL;
  g_autofree char *before_last = NULL;
  g_autofree char *two_years = g_strdup_printf ("%04" G_GINT64_FORMAT "-01-01", year - 2);
  g_autofree char *round_start = g_strdup_printf ("%04" G_GINT64_FORMAT "-01-01", year);
  OdCurrentGrade grade = { 0 };
  gboolean ok;

  if (organization == NULL || (scheme = od_rating_scheme_load (db, scheme_id, error)) == NULL)
    return FALSE;

  /* Registered two full years before the round's year. */
  if (organization->registered_on == NULL || organization->registered_on[0] == '\0')
    add_warning (problems, g_strdup (_("Its registration date is not recorded, so two full "
                                       "years of registration cannot be checked. Add the date "
                                       "in the registry.")));
  else if (strcmp (organization->registered_on, two_years) > 0)
    add_warning (problems,
                 /* Translators: %s is a date */
                 g_strdup_printf (_("It was registered on %s: not two full years before the "
                                    "round."), organization->registered_on));

  /* Last year's annual inspection: taken, and not 不合格; not 基本合格 two
   * years running. */
  if (!inspection_conclusion (db, organization_id, year - 1, &last, error)
      || !inspection_conclusion (db, organization_id, year - 2, &before_last, error))
    return FALSE;
  if (last == NULL || g_str_equal (last, "not_submitted"))
    add_warning (problems,
                 /* Translators: %d is a year */
                 g_strdup_printf (_("It did not take the annual inspection of %d."),
                                  (int) (year - 1)));
  else if (g_str_equal (last, "unqualified"))
    add_warning (problems,
                 /* Translators: %d is a year */
                 g_strdup_printf (_("Its annual inspection of %d was unqualified (不合格)."),
                                  (int) (year - 1)));
  if (g_strcmp0 (last, "basically_qualified") == 0
      && g_strcmp0 (before_last, "basically_qualified") == 0)
    add_warning (problems,
                 /* Translators: %d are two years */
                 g_strdup_printf (_("Its annual inspections of %d and %d were both basically "
                                    "qualified (基本合格)."), (int) (year - 2), (int) (year - 1)));

  /* No valid grade; the 2026 rule lets a grade be re-evaluated in its
   * first four years. */
  ok = od_organization_get_grade (db, organization_id, scheme->kind, round_start, &grade, error);
  if (ok && grade.evaluation_id != 0)
    {
      int from_year = grade.valid_from != NULL ? atoi (grade.valid_from) : 0;
      gboolean early = g_str_equal (scheme->validity_rule, "next_year") && from_year > 0
                       && year <= from_year + 3;

      if (!early)
        add_warning (problems,
                     /* Translators: the first %s is a grade ("4A"), the second a date */
                     g_strdup_printf (_("It holds a valid grade (%s, until %s)."),
                                      od_grade_label (grade.kind, grade.grade), grade.valid_until));
    }
  od_current_grade_clear (&grade);
  return ok;
}

gint64
od_round_add_organization (OdDb        *db,
                           gint64       round_id,
                           gint64       organization_id,
                           const char  *reason,
                           GError     **error)
{
  g_autoptr(OdEvaluationRoundFields) round = od_evaluation_round_load (db, round_id, error);
  g_autoptr(OdOrganizationFields) organization = NULL;
  g_autoptr(OdEvaluationFields) evaluation = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autofree char *today = NULL;
  gint64 scheme_id;

  if (round == NULL || (organization = od_organization_load (db, organization_id, error)) == NULL)
    return 0;
  scheme_id = od_rating_scheme_for_type (db, round->kind,
                                         od_organization_type_to_key (organization->org_type), error);
  if (scheme_id < 0)
    return 0;
  if (scheme_id == 0)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                   _("No rating scheme of this round's kind applies to this organization's type. "
                     "Add one in Preferences, or set the organization's type."));
      return 0;
    }
  if (!od_evaluation_check_eligibility (db, organization_id, round->year, scheme_id, problems,
                                        error))
    return 0;
  if (problems->len > 0 && (reason == NULL || reason[0] == '\0'))
    {
      g_autoptr(GPtrArray) messages = g_ptr_array_new ();
      g_autofree char *listed = NULL;

      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (messages, ((OdProblem *) g_ptr_array_index (problems, i))->message);
      g_ptr_array_add (messages, NULL);
      listed = g_strjoinv (" ", (char **) messages->pdata);
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NEEDS_REASON,
                   /* Translators: %s lists the failed eligibility checks */
                   _("%s Give a reason to let it take part anyway."), listed);
      return 0;
    }

  evaluation = od_evaluation_fields_new ();
  evaluation->round_id = round_id;
  evaluation->organization_id = organization_id;
  evaluation->scheme_id = scheme_id;
  g_free (evaluation->state);
  evaluation->state = g_strdup ("eligible");
  today = od_db_now (db);
  today[10] = '\0';
  evaluation->applied_on = g_strdup (today);
  if (problems->len > 0)
    {
      g_free (evaluation->eligibility_reason);
      evaluation->eligibility_reason = g_strstrip (g_strdup (reason));
    }
  return od_evaluation_save (db, evaluation, error);
}

/* --- scores --- */

gboolean
od_evaluation_set_score (OdDb    *db,
                         gint64   evaluation_id,
                         gint64   indicator_id,
                         gint64   self_score,
                         gint64   expert_score,
                         GError **error)
{
  g_autoptr(OdEvaluationScoreFields) score = NULL;
  gint64 existing = 0;

  if (!od_store_query_row (db, "SELECT id FROM evaluation_scores WHERE evaluation_id = ?1"
                               " AND indicator_id = ?2 AND deleted_at IS NULL",
                           OD_STORE_VALUES (evaluation_id, indicator_id), &existing, NULL, error))
    return FALSE;
  if (existing != 0)
    score = od_entity_store_load (&od_evaluation_score_entity, db, existing, FALSE, error);
  else
    {
      score = od_evaluation_score_fields_new ();
      score->evaluation_id = evaluation_id;
      score->indicator_id = indicator_id;
    }
  if (score == NULL)
    return FALSE;
  score->self_score = self_score;
  score->expert_score = expert_score;
  return od_evaluation_score_save (db, score, error) != 0;
}

GHashTable *
od_evaluation_list_scores (OdDb    *db,
                           gint64   evaluation_id,
                           GError **error)
{
  g_autoptr(GPtrArray) scores = load_listed (&od_evaluation_score_entity, db,
                                             "SELECT id FROM evaluation_scores WHERE evaluation_id = ?1"
                                             " AND deleted_at IS NULL ORDER BY id",
                                             evaluation_id, error);
  GHashTable *by_indicator;

  if (scores == NULL)
    return NULL;
  by_indicator = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) od_evaluation_score_fields_free);
  for (guint i = 0; i < scores->len; i++)
    {
      OdEvaluationScoreFields *score = g_ptr_array_steal_index (scores, i--);

      g_hash_table_replace (by_indicator, &score->indicator_id, score);
    }
  return by_indicator;
}

/* TOTALS of EVALUATION (of SCHEME). */
static gboolean
compute_totals (OdDb                        *db,
                const OdEvaluationFields    *evaluation,
                const OdRatingSchemeFields  *scheme,
                OdEvaluationTotals          *totals,
                GError                     **error)
{
  g_autoptr(GPtrArray) indicators = od_scheme_list_indicators (db, scheme->id, error);
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) leaves = NULL;

  memset (totals, 0, sizeof *totals);
  if (indicators == NULL || (scores = od_evaluation_list_scores (db, evaluation->id, error)) == NULL)
    return FALSE;
  roots = od_indicator_tree_build (indicators);
  od_indicator_tree_roll_up (roots, scores);
  leaves = od_indicator_tree_leaves (roots);
  totals->n_leaves = leaves->len;
  for (guint i = 0; i < leaves->len; i++)
    {
      OdIndicatorNode *leaf = g_ptr_array_index (leaves, i);

      if (leaf->self_score >= 0)
        totals->self_total += leaf->self_score;
      if (leaf->expert_score >= 0)
        {
          totals->expert_total += leaf->expert_score;
          totals->n_scored++;
        }
    }
  totals->bonus = od_scheme_cap_bonus (scheme, evaluation->bonus);
  totals->total = MIN (totals->expert_total + totals->bonus, scheme->max_score + scheme->bonus_cap);
  return TRUE;
}

gboolean
od_evaluation_get_totals (OdDb                *db,
                          gint64               evaluation_id,
                          OdEvaluationTotals  *totals,
                          GError             **error)
{
  g_autoptr(OdEvaluationFields) evaluation = od_evaluation_load (db, evaluation_id, error);
  g_autoptr(OdRatingSchemeFields) scheme = NULL;

  if (evaluation == NULL || (scheme = od_rating_scheme_load (db, evaluation->scheme_id, error)) == NULL)
    return FALSE;
  return compute_totals (db, evaluation, scheme, totals, error);
}

/* --- steps --- */

/* The steps that may follow each one (DESIGN.md §2); rejected and
 * withdrawn may follow any step before confirmed. */
static const struct
{
  const char *from;
  const char *to;
} steps[] = {
  { "applied", "eligible" },
  { "eligible", "scored" },
  { "scored", "proposed" },
  { "proposed", "publicized" },
  { "publicized", "review" },
  { "publicized", "confirmed" },
  { "review", "confirmed" },
};

static const char *
state_label (const char *state)
{
  const OdChoice *choice = od_choices_find (od_evaluation_state_choices, state);

  return choice != NULL ? _(choice->label) : state;
}

gboolean
od_evaluation_state_is_final (const char *state)
{
  return g_strcmp0 (state, "confirmed") == 0 || g_strcmp0 (state, "rejected") == 0
         || g_strcmp0 (state, "withdrawn") == 0;
}

static gboolean
step_allowed (const char *from,
              const char *to)
{
  if (!od_evaluation_state_is_final (from)
      && (g_str_equal (to, "rejected") || g_str_equal (to, "withdrawn")))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].from, from) && g_str_equal (steps[i].to, to))
      return TRUE;
  return FALSE;
}

const char **
od_evaluation_next_states (const char *state)
{
  GPtrArray *states = g_ptr_array_new ();

  /* The choices are in the order of the workflow. */
  for (guint i = 0; od_evaluation_state_choices[i].key != NULL; i++)
    if (state != NULL && step_allowed (state, od_evaluation_state_choices[i].key))
      g_ptr_array_add (states, (gpointer) od_evaluation_state_choices[i].key);
  g_ptr_array_add (states, NULL);
  return (const char **) g_ptr_array_free (states, FALSE);
}

typedef struct
{
  gint64      id;
  const char *state;
} AdvanceData;

static gboolean
has_party_organization (OdDb    *db,
                        gint64   organization_id,
                        GError **error)
{
  g_autoptr(OdOrganizationFields) organization = od_organization_load (db, organization_id, error);

  return organization != NULL && organization->party_org_form != NULL
         && (g_str_equal (organization->party_org_form, "independent")
             || g_str_equal (organization->party_org_form, "joint"));
}

/* The next certificate number of ROUND: "2017-001", in confirmation order. */
static char *
next_certificate_no (OdDb                          *db,
                     const OdEvaluationRoundFields *round,
                     GError                       **error)
{
  gint64 n = 0;

  if (!od_store_query_row (db, "SELECT count(*) FROM evaluations WHERE round_id = ?1"
                               " AND certificate_no <> '' AND deleted_at IS NULL",
                           OD_STORE_VALUES (round->id), &n, NULL, error))
    return NULL;
  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%03" G_GINT64_FORMAT, round->year, n + 1);
}

static gboolean
advance_cb (OdDb      *db,
            gpointer   user_data,
            GError   **error)
{
  AdvanceData *data = user_data;
  g_autoptr(OdEvaluationFields) evaluation = od_evaluation_load (db, data->id, error);
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  OdEvaluationTotals totals;

  if (evaluation == NULL
      || (scheme = od_rating_scheme_load (db, evaluation->scheme_id, error)) == NULL
      || (round = od_evaluation_round_load (db, evaluation->round_id, error)) == NULL
      || !compute_totals (db, evaluation, scheme, &totals, error))
    return FALSE;
  if (!step_allowed (evaluation->state, data->state))
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                   /* Translators: two steps of an evaluation ("Scored", "Confirmed") */
                   _("An evaluation cannot go from “%s” to “%s”. Take the steps in order."),
                   state_label (evaluation->state), state_label (data->state));
      return FALSE;
    }

  if (g_str_equal (data->state, "scored") && totals.n_scored < totals.n_leaves)
    {
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                   /* Translators: %u are numbers of indicators */
                   _("%u of the %u indicators have an expert score. Score them all first."),
                   totals.n_scored, totals.n_leaves);
      return FALSE;
    }
  if (g_str_equal (data->state, "proposed"))
    {
      g_autoptr(GError) local_error = NULL;
      gboolean party = has_party_organization (db, evaluation->organization_id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      evaluation->proposed_grade = od_scheme_grade_for_total (scheme, totals.total, party);
    }
  if (g_str_equal (data->state, "confirmed"))
    {
      gint64 grade = evaluation->decided_grade >= 0 ? evaluation->decided_grade
                                                    : evaluation->proposed_grade;
      g_autofree char *today = od_db_now (db);

      today[10] = '\0';
      g_clear_pointer (&evaluation->valid_from, g_free);
      g_clear_pointer (&evaluation->valid_until, g_free);
      if (grade > 0)
        od_grade_validity (scheme->validity_rule, scheme->validity_years,
                           round->announced_on != NULL ? round->announced_on : today,
                           &evaluation->valid_from, &evaluation->valid_until);
      /* 3A and above get a certificate and a plaque (DESIGN.md §2). */
      if (grade >= 3 && evaluation->certificate_no[0] == '\0')
        {
          char *number = next_certificate_no (db, round, error);

          if (number == NULL)
            return FALSE;
          g_free (evaluation->certificate_no);
          evaluation->certificate_no = number;
        }
    }
  g_free (evaluation->state);
  evaluation->state = g_strdup (data->state);
  return od_evaluation_save (db, evaluation, error) != 0;
}

gboolean
od_evaluation_advance (OdDb        *db,
                       gint64       id,
                       const char  *state,
                       GError     **error)
{
  AdvanceData data = { id, state };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (od_choices_find (od_evaluation_state_choices, state) != NULL, FALSE);

  return od_db_transaction (db, advance_cb, &data, error);
}

gboolean
od_evaluation_decide (OdDb        *db,
                      gint64       id,
                      gint64       grade,
                      const char  *reason,
                      GError     **error)
{
  g_autoptr(OdEvaluationFields) evaluation = od_evaluation_load (db, id, error);

  if (evaluation == NULL)
    return FALSE;
  if (g_str_equal (evaluation->state, "confirmed"))
    {
      g_set_error_literal (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID,
                           _("The grade is confirmed already and cannot change."));
      return FALSE;
    }
  evaluation->decided_grade = grade;
  g_free (evaluation->decision_reason);
  evaluation->decision_reason = g_strdup (reason != NULL ? reason : "");
  return od_evaluation_save (db, evaluation, error) != 0;
}

/* --- grades of organizations --- */

void
od_current_grade_clear (OdCurrentGrade *grade)
{
  g_clear_pointer (&grade->kind, g_free);
  g_clear_pointer (&grade->valid_from, g_free);
  g_clear_pointer (&grade->valid_until, g_free);
  g_clear_pointer (&grade->round_name, g_free);
  memset (grade, 0, sizeof *grade);
}

/* The latest confirmed evaluation of ORGANIZATION_ID of KIND valid on
 * DATE, or whatever its validity when DATE is NULL, into GRADE. */
static gboolean
read_grade (OdDb            *db,
            gint64           organization_id,
            const char      *kind,
            const char      *date,
            OdCurrentGrade  *grade,
            GError         **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  memset (grade, 0, sizeof *grade);
  stmt = od_db_prepare (db, "SELECT e.id, " FINAL_GRADE ", s.kind, e.valid_from, e.valid_until, r.name"
                            " FROM evaluations e JOIN rating_schemes s ON s.id = e.scheme_id"
                            " JOIN evaluation_rounds r ON r.id = e.round_id"
                            " WHERE e.organization_id = ?1 AND s.kind = ?2 AND e.state = 'confirmed'"
                            " AND e.deleted_at IS NULL"
                            " AND (?3 IS NULL OR (e.valid_from <= ?3 AND e.valid_until >= ?3))"
                            " ORDER BY e.valid_from DESC, e.id DESC LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, organization_id, error)
      || !od_stmt_bind_text (stmt, 2, kind, error) || !od_stmt_bind_text (stmt, 3, date, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      grade->evaluation_id = od_stmt_get_int64 (stmt, 0);
      grade->grade = od_stmt_get_int64 (stmt, 1);
      grade->kind = g_strdup (od_stmt_get_text (stmt, 2));
      grade->valid_from = g_strdup (od_stmt_get_text (stmt, 3));
      grade->valid_until = g_strdup (od_stmt_get_text (stmt, 4));
      grade->round_name = g_strdup (od_stmt_get_text (stmt, 5));
      return TRUE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
od_organization_get_grade (OdDb            *db,
                           gint64           organization_id,
                           const char      *kind,
                           const char      *date,
                           OdCurrentGrade  *grade,
                           GError         **error)
{
  g_autofree char *today = NULL;

  if (date == NULL)
    {
      today = od_db_now (db);
      today[10] = '\0';
      date = today;
    }
  return read_grade (db, organization_id, kind, date, grade, error);
}

gboolean
od_organization_get_last_grade (OdDb            *db,
                                gint64           organization_id,
                                const char      *kind,
                                OdCurrentGrade  *grade,
                                GError         **error)
{
  return read_grade (db, organization_id, kind, NULL, grade, error);
}

GPtrArray *
od_organization_list_grades (OdDb    *db,
                             gint64   organization_id,
                             GError **error)
{
  return load_listed (&od_evaluation_entity, db,
                      "SELECT e.id FROM evaluations e JOIN rating_schemes s ON s.id = e.scheme_id"
                      " WHERE e.organization_id = ?1 AND e.state = 'confirmed' AND s.kind = 'grade'"
                      " AND e.deleted_at IS NULL ORDER BY e.valid_from DESC, e.id DESC",
                      organization_id, error);
}

void
od_grade_watch_free (OdGradeWatch *watch)
{
  if (watch == NULL)
    return;
  g_free (watch->organization_name);
  g_free (watch->valid_until);
  g_free (watch->reason);
  g_free (watch);
}

/* The organizations holding a grade on DATE, with it (WATCH rows without a
 * reason yet), by the pinyin of their names; EXPIRING: only those ending
 * within six months, unless a later confirmed evaluation follows. */
static gboolean
list_graded (OdDb        *db,
             const char  *date,
             gboolean     expiring,
             GPtrArray   *list,
             GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db, expiring
                            ? "SELECT e.organization_id, o.name, " FINAL_GRADE ", e.valid_until"
                              " FROM evaluations e JOIN organizations o ON o.id = e.organization_id"
                              " WHERE e.state = 'confirmed' AND e.deleted_at IS NULL"
                              " AND o.deleted_at IS NULL AND e.valid_from <= ?1"
                              " AND e.valid_until >= ?1"
                              " AND e.valid_until < date (?1, '+6 months')"
                              " AND NOT EXISTS (SELECT 1 FROM evaluations l WHERE"
                              "  l.organization_id = e.organization_id AND l.state = 'confirmed'"
                              "  AND l.deleted_at IS NULL AND l.valid_until > e.valid_until)"
                              " ORDER BY e.valid_until, o.sort_key"
                            : "SELECT e.organization_id, o.name, " FINAL_GRADE ", e.valid_until"
                              " FROM evaluations e JOIN organizations o ON o.id = e.organization_id"
                              " WHERE e.state = 'confirmed' AND e.deleted_at IS NULL"
                              " AND o.deleted_at IS NULL AND e.valid_from <= ?1"
                              " AND e.valid_until >= ?1 AND " FINAL_GRADE " > 0"
                              " ORDER BY o.sort_key, e.valid_until DESC", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, date, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdGradeWatch *watch = g_new0 (OdGradeWatch, 1);

      watch->organization_id = od_stmt_get_int64 (stmt, 0);
      watch->organization_name = g_strdup (od_stmt_get_text (stmt, 1));
      watch->grade = od_stmt_get_int64 (stmt, 2);
      watch->valid_until = g_strdup (od_stmt_get_text (stmt, 3));
      g_ptr_array_add (list, watch);
    }
  return step == OD_STEP_DONE;
}

GPtrArray *
od_grade_watch_list (OdDb        *db,
                     const char  *date,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) od_grade_watch_free);
  g_autoptr(GPtrArray) graded = g_ptr_array_new_with_free_func ((GDestroyNotify) od_grade_watch_free);
  g_autofree char *today = NULL;
  gint64 last_id = 0;
  int year;

  if (date == NULL)
    {
      today = od_db_now (db);
      today[10] = '\0';
      date = today;
    }
  if (!list_graded (db, date, TRUE, list, error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      OdGradeWatch *watch = g_ptr_array_index (list, i);

      /* Translators: %s is a date */
      watch->reason = g_strdup_printf (_("Its grade expires on %s."), watch->valid_until);
    }

  /* Downgrade triggers (DESIGN.md §2) in the inspections of the last two
   * years a graded organization was inspected for. */
  year = atoi (date);
  if (!list_graded (db, date, FALSE, graded, error))
    return NULL;
  for (guint i = 0; i < graded->len; i++)
    {
      OdGradeWatch *holder = g_ptr_array_index (graded, i);

      if (holder->organization_id == last_id)
        continue;
      last_id = holder->organization_id;
      for (int y = year - 1; y <= year; y++)
        {
          g_autoptr(GPtrArray) warnings = od_inspection_warnings (db, holder->organization_id, y,
                                                                  TRUE, error);

          if (warnings == NULL)
            return NULL;
          for (guint j = 0; j < warnings->len; j++)
            {
              OdInspectionWarning *warning = g_ptr_array_index (warnings, j);
              OdGradeWatch *watch;

              if (warning->kind != OD_INSPECTION_WARNING_DOWNGRADE)
                continue;
              watch = g_new0 (OdGradeWatch, 1);
              watch->organization_id = holder->organization_id;
              watch->organization_name = g_strdup (holder->organization_name);
              watch->grade = holder->grade;
              watch->valid_until = g_strdup (holder->valid_until);
              watch->reason = g_strdup (warning->message);
              g_ptr_array_add (list, watch);
            }
        }
    }
  return g_steal_pointer (&list);
}
