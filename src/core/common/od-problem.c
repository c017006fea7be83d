/* od-problem.c — what is wrong with a record, field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "od-problem.h"

OdProblem *
od_problem_new (const char        *field,
                OdProblemSeverity  severity,
                gint64             other_id,
                char              *message)
{
  OdProblem *problem = g_new0 (OdProblem, 1);

  problem->field = g_strdup (field != NULL ? field : "");
  problem->severity = severity;
  problem->other_id = other_id;
  problem->message = message;
  return problem;
}

void
od_problem_free (OdProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
od_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) od_problem_free);
}

void
od_problems_add (GPtrArray         *problems,
                 const char        *field,
                 OdProblemSeverity  severity,
                 gint64             other_id,
                 char              *message)
{
  g_return_if_fail (problems != NULL);

  g_ptr_array_add (problems, od_problem_new (field, severity, other_id, message));
}

void
od_problems_add_db_error (GPtrArray    *problems,
                          const GError *error)
{
  g_return_if_fail (problems != NULL && error != NULL);

  od_problems_add (problems, "", OD_PROBLEM_ERROR, 0,
                   /* Translators: %s is the database's own message */
                   g_strdup_printf (_("The record could not be checked: %s"), error->message));
}

GPtrArray *
od_problems_sorted (GPtrArray *problems)
{
  GPtrArray *sorted = od_problems_new ();

  g_return_val_if_fail (problems != NULL, sorted);

  for (int severity = OD_PROBLEM_ERROR; severity <= OD_PROBLEM_HINT; severity++)
    for (guint i = 0; i < problems->len; i++)
      {
        OdProblem *problem = g_ptr_array_index (problems, i);

        if ((int) problem->severity == severity)
          g_ptr_array_add (sorted, od_problem_new (problem->field, problem->severity,
                                                   problem->other_id,
                                                   g_strdup (problem->message)));
      }
  return sorted;
}

const OdProblem *
od_problems_find_severity (GPtrArray         *problems,
                           OdProblemSeverity  severity)
{
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity)
        return problem;
    }
  return NULL;
}
