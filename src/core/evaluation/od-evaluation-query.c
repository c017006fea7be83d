/* od-evaluation-query.c — the reads of grade evaluation's charts and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the round's publicity list (公示名单), the score cards, the
 * certificates and the charts read (DESIGN.md §2 "Grade evaluation"),
 * made from the store's lists and the tree's roll-up: the totals are the
 * store's (od_evaluation_get_totals), never summed again here.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-query"

#include "config.h"

#include <string.h>

#include "od-evaluation-query.h"
#include "od-evaluation-rules.h"
#include "od-store-util.h"

gint64
od_evaluation_final_grade (const OdEvaluationFields *evaluation)
{
  g_return_val_if_fail (evaluation != NULL, 0);

  return MAX (evaluation->decided_grade >= 0 ? evaluation->decided_grade
                                             : evaluation->proposed_grade, 0);
}

gboolean
od_evaluation_round_for_year (OdDb        *db,
                              int          year,
                              const char  *kind,
                              gint64      *round_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) rounds = NULL;

  g_return_val_if_fail (round_id != NULL, FALSE);

  *round_id = 0;
  rounds = od_evaluation_round_list (db, error);
  if (rounds == NULL)
    return FALSE;
  /* The list is newest year first, and by id descending within a year:
   * the last match is the first by id. */
  for (guint i = 0; i < rounds->len; i++)
    {
      const OdEvaluationRoundFields *round = g_ptr_array_index (rounds, i);

      if (round->year == year && g_strcmp0 (round->kind, kind) == 0)
        *round_id = round->id;
    }
  return TRUE;
}

gboolean
od_round_find_evaluation (OdDb    *db,
                          gint64   round_id,
                          gint64   organization_id,
                          gint64  *evaluation_id,
                          GError **error)
{
  g_return_val_if_fail (evaluation_id != NULL, FALSE);

  return od_store_query_row (db, "SELECT id FROM evaluations WHERE round_id = ?1"
                                 " AND organization_id = ?2 AND deleted_at IS NULL"
                                 " ORDER BY id LIMIT 1",
                             OD_STORE_VALUES (round_id, organization_id), evaluation_id, NULL,
                             error);
}

/* The type key of ORGANIZATION_ID ("" when unknown). */
static char *
organization_type (OdDb     *db,
                   gint64    organization_id,
                   GError  **error)
{
  g_autofree char *type = NULL;
  gint64 found = 0;

  if (!od_store_query_row (db, "SELECT 1, org_type FROM organizations WHERE id = ?1",
                           OD_STORE_VALUES (organization_id), &found, &type, error))
    return NULL;
  return type != NULL ? g_steal_pointer (&type) : g_strdup ("");
}

/* Whether FILTER lets EVALUATION through, before its scores are known. */
static gboolean
filter_state (const OdEvaluationFields *evaluation,
              OdResultsFilter           filter)
{
  const char *state = evaluation->state;

  switch (filter)
    {
    case OD_RESULTS_SCORED:
      return g_strcmp0 (state, "withdrawn") != 0;
    case OD_RESULTS_PUBLICIZED:
      return (g_strcmp0 (state, "publicized") == 0 || g_strcmp0 (state, "review") == 0
              || g_strcmp0 (state, "confirmed") == 0)
             && od_evaluation_final_grade (evaluation) > 0;
    case OD_RESULTS_CONFIRMED:
    default:
      return g_strcmp0 (state, "confirmed") == 0 && od_evaluation_final_grade (evaluation) > 0;
    }
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const OdEvaluationResult *x = *(OdEvaluationResult *const *) a;
  const OdEvaluationResult *y = *(OdEvaluationResult *const *) b;

  if (x->grade != y->grade)
    return x->grade > y->grade ? -1 : 1;
  if (x->totals.total != y->totals.total)
    return x->totals.total > y->totals.total ? -1 : 1;
  /* The store's pinyin order stays: the sort is stable. */
  return 0;
}

GPtrArray *
od_round_list_results (OdDb             *db,
                       gint64            round_id,
                       OdResultsFilter   filter,
                       GError          **error)
{
  g_autoptr(GPtrArray) evaluations = od_round_list_evaluations (db, round_id, error);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) kinds = NULL;

  if (evaluations == NULL)
    return NULL;
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) od_evaluation_result_free);
  kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < evaluations->len; i++)
    {
      OdEvaluationFields *evaluation = g_ptr_array_index (evaluations, i);
      g_autoptr(OdEvaluationResult) result = NULL;
      const char *kind;

      if (!filter_state (evaluation, filter))
        continue;
      kind = g_hash_table_lookup (kinds, &evaluation->scheme_id);
      if (kind == NULL)
        {
          g_autoptr(OdRatingSchemeFields) scheme = od_rating_scheme_load (db, evaluation->scheme_id,
                                                                          error);

          if (scheme == NULL)
            return NULL;
          kind = scheme->kind;
          g_hash_table_insert (kinds, g_memdup2 (&scheme->id, sizeof scheme->id),
                               g_steal_pointer (&scheme->kind));
        }
      result = g_new0 (OdEvaluationResult, 1);
      result->kind = g_strdup (kind);
      result->grade = od_evaluation_final_grade (evaluation);
      result->evaluation = g_ptr_array_steal_index (evaluations, i--);
      if (!od_evaluation_get_totals (db, result->evaluation->id, &result->totals, error)
          || (result->org_type = organization_type (db, result->evaluation->organization_id,
                                                    error)) == NULL)
        return NULL;
      if (filter == OD_RESULTS_SCORED && result->totals.n_scored == 0)
        continue;
      g_ptr_array_add (results, g_steal_pointer (&result));
    }
  g_ptr_array_sort (results, compare_results);
  return g_steal_pointer (&results);
}

OdEvaluationSheet *
od_evaluation_sheet_load (OdDb    *db,
                          gint64   evaluation_id,
                          GError **error)
{
  g_autoptr(OdEvaluationSheet) sheet = g_new0 (OdEvaluationSheet, 1);

  sheet->evaluation = od_evaluation_load (db, evaluation_id, error);
  if (sheet->evaluation == NULL)
    return NULL;
  sheet->scheme = od_rating_scheme_load (db, sheet->evaluation->scheme_id, error);
  if (sheet->scheme == NULL)
    return NULL;
  sheet->indicators = od_scheme_list_indicators (db, sheet->scheme->id, error);
  if (sheet->indicators == NULL)
    return NULL;
  sheet->scores = od_evaluation_list_scores (db, evaluation_id, error);
  if (sheet->scores == NULL || !od_evaluation_get_totals (db, evaluation_id, &sheet->totals, error))
    return NULL;
  sheet->roots = od_indicator_tree_build (sheet->indicators);
  od_indicator_tree_roll_up (sheet->roots, sheet->scores);
  sheet->grade = od_evaluation_final_grade (sheet->evaluation);
  return g_steal_pointer (&sheet);
}

/* Adds the first-level percentages of SHEET to AVERAGES (by position). */
static void
add_to_averages (GPtrArray               *averages,
                 const OdEvaluationSheet *sheet)
{
  for (guint i = 0; i < sheet->roots->len; i++)
    {
      const OdIndicatorNode *node = g_ptr_array_index (sheet->roots, i);
      const OdSchemeIndicatorFields *indicator = node->indicator;
      OdIndicatorAverage *average = NULL;

      if (node->expert_score < 0 || indicator->max_points <= 0)
        continue;
      for (guint j = 0; j < averages->len && average == NULL; j++)
        if (((OdIndicatorAverage *) g_ptr_array_index (averages, j))->position == indicator->position)
          average = g_ptr_array_index (averages, j);
      if (average == NULL)
        {
          average = g_new0 (OdIndicatorAverage, 1);
          average->name = g_strdup (indicator->name);
          average->position = indicator->position;
          average->max_points = indicator->max_points;
          g_ptr_array_add (averages, average);
        }
      else if (!g_str_equal (average->name, indicator->name)
               && strstr (average->name, indicator->name) == NULL)
        {
          char *name = g_strconcat (average->name, "／", indicator->name, NULL);

          g_free (average->name);
          average->name = name;
        }
      /* A running mean of the percentages. */
      average->n++;
      average->percent += (100.0 * node->expert_score / indicator->max_points - average->percent)
                          / average->n;
    }
}

static int
compare_average_positions (gconstpointer a,
                           gconstpointer b)
{
  const OdIndicatorAverage *x = *(OdIndicatorAverage *const *) a;
  const OdIndicatorAverage *y = *(OdIndicatorAverage *const *) b;

  return x->position < y->position ? -1 : x->position > y->position;
}

GPtrArray *
od_round_indicator_averages (OdDb        *db,
                             gint64       round_id,
                             gint64       scheme_id,
                             const char  *type_key,
                             GError     **error)
{
  g_autoptr(GPtrArray) evaluations = od_round_list_evaluations (db, round_id, error);
  g_autoptr(GPtrArray) averages = NULL;

  if (evaluations == NULL)
    return NULL;
  averages = g_ptr_array_new_with_free_func ((GDestroyNotify) od_indicator_average_free);
  for (guint i = 0; i < evaluations->len; i++)
    {
      const OdEvaluationFields *evaluation = g_ptr_array_index (evaluations, i);
      g_autoptr(OdEvaluationSheet) sheet = NULL;

      if (g_strcmp0 (evaluation->state, "withdrawn") == 0
          || (scheme_id != 0 && evaluation->scheme_id != scheme_id))
        continue;
      if (type_key != NULL)
        {
          g_autofree char *type = organization_type (db, evaluation->organization_id, error);

          if (type == NULL)
            return NULL;
          if (!g_str_equal (type, type_key))
            continue;
        }
      sheet = od_evaluation_sheet_load (db, evaluation->id, error);
      if (sheet == NULL)
        return NULL;
      if (sheet->totals.n_scored > 0)
        add_to_averages (averages, sheet);
    }
  g_ptr_array_sort (averages, compare_average_positions);
  return g_steal_pointer (&averages);
}

void
od_evaluation_result_free (OdEvaluationResult *result)
{
  if (result == NULL)
    return;
  od_evaluation_fields_free (result->evaluation);
  g_free (result->org_type);
  g_free (result->kind);
  g_free (result);
}

void
od_evaluation_sheet_free (OdEvaluationSheet *sheet)
{
  if (sheet == NULL)
    return;
  /* The tree borrows the indicators: free it first. */
  g_clear_pointer (&sheet->roots, g_ptr_array_unref);
  g_clear_pointer (&sheet->indicators, g_ptr_array_unref);
  g_clear_pointer (&sheet->scores, g_hash_table_unref);
  g_clear_pointer (&sheet->scheme, od_rating_scheme_fields_free);
  g_clear_pointer (&sheet->evaluation, od_evaluation_fields_free);
  g_free (sheet);
}

void
od_indicator_average_free (OdIndicatorAverage *average)
{
  if (average == NULL)
    return;
  g_free (average->name);
  g_free (average);
}
