/* od-evaluation-rules.c — grades from totals, validity, the indicator tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-evaluation-rules.h"
#include "od-problem.h"

#define MAX_LEVELS 4



gint64
od_scheme_grade_for_total (const OdRatingSchemeFields *scheme,
                           gint64                      total,
                           gboolean                    has_party_org)
{
  const gint64 thresholds[] = { scheme->threshold_5, scheme->threshold_4, scheme->threshold_3,
                                scheme->threshold_2, scheme->threshold_1 };

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      gint64 grade = OD_GRADE_LEVELS - i;

      if (total < thresholds[i])
        continue;
      /* 5A needs a party organization where the scheme says so (DESIGN.md
       * §2); the total then gives the grade below. */
      if (grade == OD_GRADE_LEVELS && scheme->party_required_top && !has_party_org)
        continue;
      return grade;
    }
  return 0;
}

gint64
od_scheme_cap_bonus (const OdRatingSchemeFields *scheme,
                     gint64                      bonus)
{
  return CLAMP (bonus, 0, scheme->bonus_cap);
}

gboolean
od_grade_validity (const char  *rule,
                   gint64       years,
                   const char  *announced_on,
                   char       **valid_from,
                   char       **valid_until)
{
  GDate date;

  *valid_from = NULL;
  *valid_until = NULL;
  if (announced_on == NULL || years < 1)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, announced_on);
  if (!g_date_valid (&date) || strlen (announced_on) != 10)
    return FALSE;

  if (g_strcmp0 (rule, "next_year") == 0)
    {
      /* The 2026 rule: 1 January after the announcement to 31 December of
       * the fifth year. */
      int year = g_date_get_year (&date) + 1;

      *valid_from = g_strdup_printf ("%04d-01-01", year);
      *valid_until = g_strdup_printf ("%04d-12-31", year + (int) years - 1);
    }
  else
    {
      /* The 2010 rule: from the announcement, for YEARS years. */
      char buffer[16];

      *valid_from = g_strdup (announced_on);
      g_date_add_years (&date, (guint) years);
      g_date_subtract_days (&date, 1);
      g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
      *valid_until = g_strdup (buffer);
    }
  return TRUE;
}

/* --- the tree --- */

static void
node_free (gpointer data)
{
  OdIndicatorNode *node = data;

  g_ptr_array_unref (node->children);
  g_free (node);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const OdIndicatorNode *x = *(OdIndicatorNode *const *) a;
  const OdIndicatorNode *y = *(OdIndicatorNode *const *) b;

  if (x->indicator->position != y->indicator->position)
    return x->indicator->position < y->indicator->position ? -1 : 1;
  return x->indicator->id < y->indicator->id ? -1 : x->indicator->id > y->indicator->id;
}

static void
set_levels (GPtrArray *nodes,
            guint      level)
{
  g_ptr_array_sort (nodes, compare_positions);
  for (guint i = 0; i < nodes->len; i++)
    {
      OdIndicatorNode *node = g_ptr_array_index (nodes, i);

      node->level = level;
      set_levels (node->children, level + 1);
    }
}

GPtrArray *
od_indicator_tree_build (GPtrArray *indicators)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *roots = g_ptr_array_new_with_free_func (node_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < indicators->len; i++)
    {
      OdIndicatorNode *node = g_new0 (OdIndicatorNode, 1);

      node->indicator = g_ptr_array_index (indicators, i);
      node->children = g_ptr_array_new_with_free_func (node_free);
      node->self_score = node->expert_score = -1;
      g_hash_table_insert (by_id, (gpointer) &node->indicator->id, node);
      g_ptr_array_add (all, node);
    }
  for (guint i = 0; i < all->len; i++)
    {
      OdIndicatorNode *node = g_ptr_array_index (all, i);
      OdIndicatorNode *parent = NULL;

      if (node->indicator->parent_id == 0)
        {
          g_ptr_array_add (roots, node);
          continue;
        }
      parent = g_hash_table_lookup (by_id, &node->indicator->parent_id);
      if (parent != NULL && parent != node)
        g_ptr_array_add (parent->children, node);
      else
        node_free (node);
    }
  set_levels (roots, 1);
  return roots;
}

static void
check_nodes (GPtrArray *nodes,
             GPtrArray *problems)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      OdIndicatorNode *node = g_ptr_array_index (nodes, i);
      gint64 sum = 0;

      if (node->level > MAX_LEVELS)
        od_problems_add (problems, "max_points", OD_PROBLEM_WARNING, node->indicator->id,
                         /* Translators: %s is an indicator's name */
                         g_strdup_printf (_("“%s” is on the fifth level; a scheme has at most "
                                            "four. Move it up a level."),
                                          node->indicator->name));
      if (node->children->len == 0)
        continue;
      for (guint j = 0; j < node->children->len; j++)
        sum += ((OdIndicatorNode *) g_ptr_array_index (node->children, j))->indicator->max_points;
      if (sum != node->indicator->max_points)
        {
          g_autofree char *got = od_points_format (sum);
          g_autofree char *want = od_points_format (node->indicator->max_points);

          od_problems_add (problems, "max_points", OD_PROBLEM_WARNING, node->indicator->id,
                           /* Translators: %s is an indicator's name, then two numbers of
                            * points */
                           g_strdup_printf (_("The indicators under “%s” add up to %s points, "
                                              "not its %s. Change a maximum so that they add "
                                              "up."), node->indicator->name, got, want));
        }
      check_nodes (node->children, problems);
    }
}

void
od_indicator_tree_check (GPtrArray *roots,
                         gint64     max_score,
                         GPtrArray *problems)
{
  gint64 sum = 0;

  for (guint i = 0; i < roots->len; i++)
    sum += ((OdIndicatorNode *) g_ptr_array_index (roots, i))->indicator->max_points;
  if (roots->len > 0 && sum != max_score)
    {
      g_autofree char *got = od_points_format (sum);
      g_autofree char *want = od_points_format (max_score);

      od_problems_add (problems, "max_points", OD_PROBLEM_WARNING, 0,
                       /* Translators: two numbers of points */
                       g_strdup_printf (_("The first-level indicators add up to %s points, not "
                                          "the scheme's maximum of %s. Change a maximum so that "
                                          "they add up."), got, want));
    }
  check_nodes (roots, problems);
}

static void
roll_up (OdIndicatorNode *node,
         GHashTable      *scores)
{
  if (node->children->len == 0)
    {
      const OdEvaluationScoreFields *score = g_hash_table_lookup (scores, &node->indicator->id);

      node->self_score = score != NULL ? score->self_score : -1;
      node->expert_score = score != NULL ? score->expert_score : -1;
      return;
    }
  node->self_score = node->expert_score = -1;
  for (guint i = 0; i < node->children->len; i++)
    {
      OdIndicatorNode *child = g_ptr_array_index (node->children, i);

      roll_up (child, scores);
      if (child->self_score >= 0)
        node->self_score = MAX (node->self_score, 0) + child->self_score;
      if (child->expert_score >= 0)
        node->expert_score = MAX (node->expert_score, 0) + child->expert_score;
    }
}

void
od_indicator_tree_roll_up (GPtrArray  *roots,
                           GHashTable *scores)
{
  for (guint i = 0; i < roots->len; i++)
    roll_up (g_ptr_array_index (roots, i), scores);
}

static void
add_leaves (GPtrArray *nodes,
            GPtrArray *leaves)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      OdIndicatorNode *node = g_ptr_array_index (nodes, i);

      if (node->children->len == 0)
        g_ptr_array_add (leaves, node);
      else
        add_leaves (node->children, leaves);
    }
}

GPtrArray *
od_indicator_tree_leaves (GPtrArray *roots)
{
  GPtrArray *leaves = g_ptr_array_new ();

  add_leaves (roots, leaves);
  return leaves;
}
