/* od-inspection-stats.c — the figures of the annual inspection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counted from the live inspections of live organizations for the year
 * inspected Y (the current year when none is asked; DESIGN.md §2 "Annual
 * inspection"):
 *
 * - inspected: the inspections of Y, whatever their conclusion;
 * - by_conclusion: those by conclusion (qualified, basically_qualified,
 *   unqualified, not_submitted, exempt), adding up to inspected;
 * - missing: active organizations registered before 1 July of Y (or on an
 *   unknown date) with no inspection of Y;
 * - by_year: for the stacked chart, each year with inspections ("2017")
 *   → the same five counts and its missing.
 */
#define G_LOG_DOMAIN "orgdesk-inspection-stats"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-inspection-stats.h"
#include "od-inspection-store.h"

#define INDENT "  "

static void
add_counts (GVariantBuilder          *figures,
            const OdInspectionCounts *counts)
{
  od_stats_add_int (figures, "qualified", counts->qualified);
  od_stats_add_int (figures, "basically_qualified", counts->basically_qualified);
  od_stats_add_int (figures, "unqualified", counts->unqualified);
  od_stats_add_int (figures, "not_submitted", counts->not_submitted);
  od_stats_add_int (figures, "exempt", counts->exempt);
}

static gboolean
gather_inspection (OdDb             *db,
                   int               year,
                   GVariantBuilder  *figures,
                   GError          **error)
{
  g_auto(GVariantBuilder) by_conclusion = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) by_year = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GArray) years = NULL;
  OdInspectionCounts counts;

  if (year == 0)
    {
      g_autofree char *now = od_db_now (db);

      year = atoi (now);
    }
  if (!od_inspection_year_counts (db, year, &counts, error))
    return FALSE;
  od_stats_add_int (figures, "inspected", counts.qualified + counts.basically_qualified
                                          + counts.unqualified + counts.not_submitted
                                          + counts.exempt);
  add_counts (&by_conclusion, &counts);
  od_stats_add_dict (figures, "by_conclusion", &by_conclusion);
  od_stats_add_int (figures, "missing", counts.missing);

  years = od_inspection_list_years (db, error);
  if (years == NULL)
    return FALSE;
  for (guint i = 0; i < years->len; i++)
    {
      g_auto(GVariantBuilder) dict = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      int y = g_array_index (years, int, i);
      g_autofree char *key = g_strdup_printf ("%d", y);

      if (!od_inspection_year_counts (db, y, &counts, error))
        return FALSE;
      add_counts (&dict, &counts);
      od_stats_add_int (&dict, "missing", counts.missing);
      od_stats_add_dict (&by_year, key, &dict);
    }
  od_stats_add_dict (figures, "by_year", &by_year);
  return TRUE;
}

static char *
count_at (GVariant   *figures,
          const char *path)
{
  return od_stats_format_count (od_stats_lookup_int (figures, path));
}

static void
describe_inspection (GVariant *figures,
                     GString  *out)
{
  g_autofree char *inspected = count_at (figures, "inspected");
  g_autofree char *qualified = count_at (figures, "by_conclusion.qualified");
  g_autofree char *basically = count_at (figures, "by_conclusion.basically_qualified");
  g_autofree char *unqualified = count_at (figures, "by_conclusion.unqualified");
  g_autofree char *not_submitted = count_at (figures, "by_conclusion.not_submitted");
  g_autofree char *exempt = count_at (figures, "by_conclusion.exempt");
  g_autofree char *missing = count_at (figures, "missing");

  g_string_append (out, _("Annual inspection:\n"));
  g_string_append (out, INDENT);
  /* Translators: %s is a number of organizations */
  g_string_append_printf (out, _("Inspected: %s\n"), inspected);
  g_string_append (out, INDENT);
  /* Translators: numbers of inspections by conclusion */
  g_string_append_printf (out, _("%s qualified, %s basically qualified, %s unqualified, "
                                 "%s not submitted, %s exempt\n"),
                          qualified, basically, unqualified, not_submitted, exempt);
  g_string_append (out, INDENT);
  /* Translators: %s is a number of organizations */
  g_string_append_printf (out, _("Not recorded although due: %s\n"), missing);
}

const OdStatsDomain od_inspection_stats_domain = {
  "inspection", gather_inspection, describe_inspection,
};
