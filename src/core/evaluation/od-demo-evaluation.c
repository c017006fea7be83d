/* od-demo-evaluation.c — the grade evaluation part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 2016, 2017 and 2018 rounds (DESIGN.md §6: 20 organizations graded in
 * the 2017 round — “20家社会组织通过了2017年度等级评估”), with the shipped
 * schemes. Each round takes organizations registered two full years
 * before it that no earlier round graded, in registry order; each leaf's
 * expert score is a share of its maximum set by the grade the demo aims
 * at, varied a little per indicator (deterministic); the grades come from
 * the totals as in a real round. A few are rejected (below 1A) and one
 * withdraws.
 */
#define G_LOG_DOMAIN "orgdesk-demo-evaluation"

#include "config.h"

#include "od-demo-evaluation.h"
#include "od-evaluation-store.h"
#include "od-organization-type.h"
#include "od-store-util.h"

typedef struct
{
  gint64      year;
  const char *name;
  const char *announced_on;
  guint       n_graded;    /* confirmed with a grade */
  guint       n_rejected;  /* below 1A */
  guint       n_withdrawn;
} DemoRound;

static const DemoRound rounds[] = {
  { 2016, "2016年度社会组织等级评估", "2016-12-20", 12, 1, 0 },
  { 2017, "2017年度社会组织等级评估", "2017-12-15", 20, 2, 1 },
  { 2018, "2018年度社会组织等级评估", "2018-12-18", 15, 1, 1 },
};

/* The share of the maximum (per mille) aimed at for the N-th graded
 * organization of a round: a few 5A, more 4A and 3A. */
static gint64
aim_for (guint n)
{
  static const gint64 aims[] = { 935, 860, 770, 840, 720, 665, 790, 910, 745, 560, 815, 705,
                                 780, 620, 850, 735, 690, 765, 580, 825 };

  return aims[n % G_N_ELEMENTS (aims)];
}

/* A deterministic variation of −30…+30 per mille for (A, B). */
static gint64
jitter (gint64 a,
        gint64 b)
{
  guint32 h = (guint32) (a * 2654435761u) ^ (guint32) (b * 40503u + 97);

  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return (gint64) (h % 61) - 30;
}

/* The live active organizations registered by FIRST_DAY (two full years
 * before the round) that no confirmed evaluation graded yet, in id order. */
static GArray *
candidates (OdDb        *db,
            const char  *first_day,
            GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT o.id FROM organizations o"
                                              " WHERE o.deleted_at IS NULL AND o.status = 'active'"
                                              " AND o.registered_on <= ?1"
                                              " AND o.org_type IN ('social_group', 'social_service',"
                                              "  'foundation')"
                                              " AND NOT EXISTS (SELECT 1 FROM evaluations e"
                                              "  WHERE e.organization_id = o.id"
                                              "  AND e.deleted_at IS NULL)"
                                              " ORDER BY o.id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, first_day, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

/* Every leaf of evaluation ID scored at about AIM per mille. */
static gboolean
score_all (OdDb    *db,
           gint64   id,
           gint64   scheme_id,
           gint64   aim,
           GError **error)
{
  g_autoptr(GPtrArray) indicators = od_scheme_list_indicators (db, scheme_id, error);

  if (indicators == NULL)
    return FALSE;
  for (guint i = 0; i < indicators->len; i++)
    {
      OdSchemeIndicatorFields *indicator = g_ptr_array_index (indicators, i);
      gboolean leaf = TRUE;
      gint64 share, expert, self;

      for (guint j = 0; j < indicators->len && leaf; j++)
        leaf = ((OdSchemeIndicatorFields *) g_ptr_array_index (indicators, j))->parent_id
               != indicator->id;
      if (!leaf)
        continue;
      share = CLAMP (aim + jitter (id, indicator->id), 0, 1000);
      expert = indicator->max_points * share / 1000;
      /* Organizations rate themselves a little higher. */
      self = MIN (indicator->max_points, expert + indicator->max_points * 4 / 100);
      if (!od_evaluation_set_score (db, id, indicator->id, self, expert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_round (OdDb            *db,
            const DemoRound *demo,
            GError         **error)
{
  g_autoptr(OdEvaluationRoundFields) round = od_evaluation_round_fields_new ();
  g_autofree char *first_day = g_strdup_printf ("%04" G_GINT64_FORMAT "-01-01", demo->year - 2);
  g_autoptr(GArray) ids = NULL;
  guint n_wanted = demo->n_graded + demo->n_rejected + demo->n_withdrawn;
  guint n_graded = 0;
  gint64 round_id;

  g_free (round->name);
  round->name = g_strdup (demo->name);
  round->year = demo->year;
  round->applications_until = g_strdup_printf ("%04" G_GINT64_FORMAT "-06-30", demo->year);
  round->first_review_on = g_strdup_printf ("%04" G_GINT64_FORMAT "-09-20", demo->year);
  round->publicity_from = g_strdup_printf ("%04" G_GINT64_FORMAT "-11-20", demo->year);
  round->publicity_until = g_strdup_printf ("%04" G_GINT64_FORMAT "-11-26", demo->year);
  round->announced_on = g_strdup (demo->announced_on);
  if ((round_id = od_evaluation_round_save (db, round, error)) == 0
      || (ids = candidates (db, first_day, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len && i < n_wanted; i++)
    {
      gint64 organization_id = g_array_index (ids, gint64, i);
      g_autoptr(OdEvaluationFields) evaluation = od_evaluation_fields_new ();
      gboolean withdraws = i >= demo->n_graded + demo->n_rejected;
      gboolean rejected = !withdraws && i >= demo->n_graded;
      g_autofree char *type = NULL;
      gint64 found = 0, scheme_id, id;

      if (!od_store_query_row (db, "SELECT 1, org_type FROM organizations WHERE id = ?1",
                               OD_STORE_VALUES (organization_id), &found, &type, error))
        return FALSE;
      scheme_id = od_rating_scheme_for_type (db, "grade", type, error);
      if (scheme_id <= 0)
        return FALSE;
      evaluation->round_id = round_id;
      evaluation->organization_id = organization_id;
      evaluation->scheme_id = scheme_id;
      g_free (evaluation->state);
      evaluation->state = g_strdup ("eligible");
      evaluation->applied_on = g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02u", demo->year,
                                                4 + i % 3, 3 + (i * 7) % 25);
      if ((id = od_evaluation_save (db, evaluation, error)) == 0)
        return FALSE;
      if (withdraws)
        {
          if (!od_evaluation_advance (db, id, "withdrawn", error))
            return FALSE;
          continue;
        }
      if (!score_all (db, id, scheme_id, rejected ? 430 : aim_for (n_graded++), error)
          || !od_evaluation_advance (db, id, "scored", error)
          || !od_evaluation_advance (db, id, "proposed", error)
          || !od_evaluation_advance (db, id, "publicized", error)
          || !od_evaluation_advance (db, id, rejected ? "rejected" : "confirmed", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
od_demo_load_evaluation (OdDb    *db,
                         GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    if (!load_round (db, &rounds[i], error))
      return FALSE;
  return TRUE;
}
