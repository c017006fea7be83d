/* od-evaluation-view.c — what the evaluation section reads about a round
 * that the store does not say directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of a round (DESIGN.md §2 "Grade evaluation"): applied →
 * eligible → scored → proposed → publicized → (review →) confirmed;
 * rejected or withdrawn from any step before confirmed. This is the table
 * od_evaluation_advance() checks (od-evaluation-store.c); the section
 * offers only these, and tests/evaluation/test-ui-evaluation.c holds
 * both to the same answers.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-view"

#include "config.h"

#include "od-evaluation-view.h"

static const char *const next_steps[][3] = {
  { "applied", "eligible", NULL },
  { "eligible", "scored", NULL },
  { "scored", "proposed", NULL },
  { "proposed", "publicized", NULL },
  { "publicized", "review", "confirmed" },
  { "review", "confirmed", NULL },
};

gboolean
od_evaluation_state_is_final (const char *state)
{
  g_return_val_if_fail (state != NULL, TRUE);

  return g_str_equal (state, "confirmed") || g_str_equal (state, "rejected")
         || g_str_equal (state, "withdrawn");
}

const char **
od_evaluation_next_states (const char *state)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new ();

  g_return_val_if_fail (state != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (next_steps); i++)
    if (g_str_equal (next_steps[i][0], state))
      for (guint j = 1; j < 3 && next_steps[i][j] != NULL; j++)
        g_ptr_array_add (states, (gpointer) next_steps[i][j]);
  if (!od_evaluation_state_is_final (state))
    {
      g_ptr_array_add (states, (gpointer) "rejected");
      g_ptr_array_add (states, (gpointer) "withdrawn");
    }
  g_ptr_array_add (states, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&states), FALSE);
}
