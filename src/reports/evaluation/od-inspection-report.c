/* od-inspection-report.c — the annual inspection's results of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Annual inspection": each organization's conclusion, when
 * it submitted, its rectification; the counts per conclusion are the
 * "inspection" figures of od_stats_gather(), the rows the year grid's
 * (od_inspection_year_list).
 */
#define G_LOG_DOMAIN "orgdesk-inspection-report"

#include "config.h"

#include <glib/gi18n.h>

#include "od-evaluation-print.h"
#include "od-evaluation-reports.h"
#include "od-inspection-entities.h"
#include "od-inspection-store.h"
#include "od-stats.h"

/* "Qualified 30, basically qualified 3, …": the counts of the year. */
static char *
counts_line (GVariant *inspection)
{
  GString *line = g_string_new (NULL);

  for (guint c = 0; od_inspection_conclusion_choices[c].key != NULL; c++)
    {
      g_autofree char *path = g_strdup_printf ("by_conclusion.%s",
                                               od_inspection_conclusion_choices[c].key);
      g_autofree char *count = od_stats_format_count (od_stats_lookup_int (inspection, path));

      if (c > 0)
        /* Translators: between the counts of the conclusions */
        g_string_append (line, _(", "));
      /* Translators: a conclusion and its count, "合格 30家" */
      g_string_append_printf (line, _("%s: %s"), _(od_inspection_conclusion_choices[c].label),
                              count);
    }
  return g_string_free (line, FALSE);
}

/* The rectification as printed: done (and when), required, or nothing. */
static char *
rectification_text (const OdInspectionFields *inspection)
{
  g_autofree char *done = NULL;

  if (inspection->rectified_on != NULL && inspection->rectified_on[0] != '\0')
    {
      done = _od_evaluation_print_date (inspection->rectified_on);
      /* Translators: a rectification done on a date */
      return g_strdup_printf (_("Rectified on %s"), done);
    }
  if (inspection->rectification_required)
    return g_strdup (_("Rectification required"));
  return g_strdup ("");
}

OdDocument *
od_inspection_report (const OdRenderRequest  *request,
                      GError                **error)
{
  const char *headers[] = {
    _("No."), _("Organization"), _("Conclusion"), _("Submitted on"), _("Rectification"),
  };
  g_autoptr(OdTable) table = od_table_new (G_N_ELEMENTS (headers), headers);
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) inspection = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *inspected = NULL;
  g_autofree char *line = NULL;
  guint number = 0;
  int year;

  stats = od_stats_gather (request->db, request->year, error);
  if (stats == NULL)
    return NULL;
  year = (int) od_stats_lookup_int (stats, "year");
  inspection = od_stats_lookup (stats, "inspection");
  rows = od_inspection_year_list (request->db, year, error);
  if (rows == NULL)
    return NULL;

  /* Translators: a report title (年检结果); %d is the year inspected */
  title = g_strdup_printf (_("Annual inspection results of %d"), year);
  doc = _od_evaluation_document_new (request, title);
  od_document_add_title (doc, title);
  inspected = od_stats_format_count (od_stats_lookup_int (inspection, "inspected"));
  counts = counts_line (inspection);
  /* Translators: the number of organizations inspected, then the counts
   * per conclusion */
  line = g_strdup_printf (_("Inspected: %s. %s."), inspected, counts);
  od_document_add_paragraph (doc, line);

  for (guint i = 0; i < rows->len; i++)
    {
      const OdInspectionYearRow *row = g_ptr_array_index (rows, i);
      const OdChoice *conclusion;
      g_autofree char *n = NULL;
      g_autofree char *submitted = NULL;
      g_autofree char *rectification = NULL;

      if (row->inspection == NULL)
        continue;
      conclusion = od_choices_find (od_inspection_conclusion_choices, row->inspection->conclusion);
      n = g_strdup_printf ("%u", ++number);
      submitted = _od_evaluation_print_date (row->inspection->submitted_on);
      rectification = rectification_text (row->inspection);
      {
        const char *cells[] = {
          n, row->organization_name,
          conclusion != NULL ? _(conclusion->label) : row->inspection->conclusion,
          submitted, rectification,
        };

        od_table_add_row (table, cells);
      }
    }
  if (number == 0)
    {
      od_document_add_paragraph (doc, _("No inspection of this year is recorded."));
      return g_steal_pointer (&doc);
    }
  od_table_set_weight (table, 0, 0.5);
  od_table_set_weight (table, 1, 3.0);
  od_table_set_weight (table, 2, 1.2);
  od_table_set_weight (table, 3, 1.5);
  od_table_set_weight (table, 4, 1.8);
  od_table_set_align (table, 0, OD_TABLE_ALIGN_END);
  od_document_add_table (doc, table);
  return g_steal_pointer (&doc);
}
