/* od-evaluation-stats.c — the figures of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §5 "evaluation", counted from the records over live rows, for
 * the rounds of the year Y asked for (the current year when none is):
 *
 * - rounds: rounds of Y;
 * - evaluated: organizations in them, not withdrawn;
 * - graded: confirmed with a grade (the committee's, else the proposed);
 * - by_grade: graded by grade, "5A" … "1A" (stars count as their number);
 * - by_type: graded by organization type and grade ([type, 5A, 4A, 3A,
 *   2A, 1A]), for the grade distribution chart.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-stats"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-evaluation-stats.h"

#define INDENT "  "

static const char *const grade_keys[] = { "1A", "2A", "3A", "4A", "5A" };

#define FINAL_GRADE "CASE WHEN e.decided_grade >= 0 THEN e.decided_grade ELSE e.proposed_grade END"

static const char counts_sql[] =
  "SELECT (SELECT count(*) FROM evaluation_rounds WHERE year = ?1 AND deleted_at IS NULL),"
  " count(e.id) FILTER (WHERE e.state <> 'withdrawn'),"
  " count(e.id) FILTER (WHERE e.state = 'confirmed' AND " FINAL_GRADE " > 0)"
  " FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id"
  " WHERE r.year = ?1 AND r.deleted_at IS NULL AND e.deleted_at IS NULL";

static const char by_grade_sql[] =
  "SELECT o.org_type, " FINAL_GRADE ", count(*)"
  " FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id"
  " JOIN organizations o ON o.id = e.organization_id"
  " WHERE r.year = ?1 AND r.deleted_at IS NULL AND e.deleted_at IS NULL"
  " AND e.state = 'confirmed' AND " FINAL_GRADE " > 0"
  " GROUP BY o.org_type, " FINAL_GRADE " ORDER BY o.org_type";

static gboolean
gather_evaluation (OdDb             *db,
                   int               year,
                   GVariantBuilder  *figures,
                   GError          **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gint64 by_grade[G_N_ELEMENTS (grade_keys)] = { 0 };
  GVariantBuilder grades, by_type;
  GHashTableIter iter;
  gpointer key, value;
  OdStep step;

  if (year == 0)
    {
      g_autofree char *now = od_db_now (db);

      year = atoi (now);
    }
  stmt = od_db_prepare (db, counts_sql, error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, year, error)
      || od_stmt_step (stmt, error) != OD_STEP_ROW)
    return FALSE;
  g_variant_builder_add (figures, "{sv}", "rounds", g_variant_new_int64 (od_stmt_get_int64 (stmt, 0)));
  g_variant_builder_add (figures, "{sv}", "evaluated",
                         g_variant_new_int64 (od_stmt_get_int64 (stmt, 1)));
  g_variant_builder_add (figures, "{sv}", "graded", g_variant_new_int64 (od_stmt_get_int64 (stmt, 2)));
  g_clear_pointer (&stmt, od_stmt_free);

  stmt = od_db_prepare (db, by_grade_sql, error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, year, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 grade = od_stmt_get_int64 (stmt, 1);
      const char *type = od_stmt_get_text (stmt, 0);
      gint64 *row = g_hash_table_lookup (types, type != NULL ? type : "");

      if (grade < 1 || grade > (gint64) G_N_ELEMENTS (grade_keys))
        continue;
      if (row == NULL)
        {
          row = g_new0 (gint64, G_N_ELEMENTS (grade_keys));
          g_hash_table_insert (types, g_strdup (type != NULL ? type : ""), row);
        }
      row[grade - 1] += od_stmt_get_int64 (stmt, 2);
      by_grade[grade - 1] += od_stmt_get_int64 (stmt, 2);
    }
  if (step == OD_STEP_ERROR)
    return FALSE;

  g_variant_builder_init (&grades, G_VARIANT_TYPE ("a{sv}"));
  for (int i = G_N_ELEMENTS (grade_keys) - 1; i >= 0; i--)
    g_variant_builder_add (&grades, "{sv}", grade_keys[i], g_variant_new_int64 (by_grade[i]));
  g_variant_builder_add (figures, "{sv}", "by_grade", g_variant_builder_end (&grades));

  g_variant_builder_init (&by_type, G_VARIANT_TYPE ("a{sv}"));
  g_hash_table_iter_init (&iter, types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const gint64 *row = value;
      GVariantBuilder counts;

      g_variant_builder_init (&counts, G_VARIANT_TYPE ("a{sv}"));
      for (int i = G_N_ELEMENTS (grade_keys) - 1; i >= 0; i--)
        g_variant_builder_add (&counts, "{sv}", grade_keys[i], g_variant_new_int64 (row[i]));
      g_variant_builder_add (&by_type, "{sv}", (const char *) key, g_variant_builder_end (&counts));
    }
  g_variant_builder_add (figures, "{sv}", "by_type", g_variant_builder_end (&by_type));
  return TRUE;
}

static void
describe_evaluation (GVariant *figures,
                     GString  *out)
{
  gint64 n_rounds = od_stats_lookup_int (figures, "rounds");
  gint64 n_evaluated = od_stats_lookup_int (figures, "evaluated");
  g_autofree char *rounds = od_stats_format_count (n_rounds);
  g_autofree char *evaluated = od_stats_format_count (n_evaluated);
  g_autofree char *graded = od_stats_format_count (od_stats_lookup_int (figures, "graded"));

  g_string_append (out, _("Grade evaluation:\n"));
  g_string_append (out, INDENT);
  /* Translators: a number of rounds */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s round", "%s rounds",
                                            (gulong) n_rounds), rounds);
  g_string_append (out, ", ");
  /* Translators: a number of organizations evaluated, then of those graded */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%s organization evaluated, %s graded\n",
                                            "%s organizations evaluated, %s graded\n",
                                            (gulong) n_evaluated), evaluated, graded);
  g_string_append (out, INDENT);
  g_string_append (out, _("By grade:"));
  for (int i = G_N_ELEMENTS (grade_keys) - 1; i >= 0; i--)
    {
      g_autofree char *path = g_strdup_printf ("by_grade.%s", grade_keys[i]);
      g_autofree char *n = od_stats_format_count (od_stats_lookup_int (figures, path));

      g_string_append_printf (out, " %s %s", grade_keys[i], n);
    }
  g_string_append (out, "\n");
}

const OdStatsDomain od_evaluation_stats_domain = {
  "evaluation", gather_evaluation, describe_evaluation,
};
