/* od-evaluation-print.c — what grade evaluation's charts and prints share:
 * the round and evaluation a request names, dates as printed, the radar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-print"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-evaluation-print.h"
#include "od-evaluation-rules.h"
#include "od-organization-type.h"

const char *const _od_evaluation_type_keys[] = {
  "social_group", "social_service", "foundation", "other", NULL,
};

int
_od_evaluation_request_year (const OdRenderRequest *request)
{
  g_autofree char *now = NULL;

  if (request->year != 0)
    return request->year;
  now = od_db_now (request->db);
  return atoi (now);
}

OdEvaluationRoundFields *
_od_evaluation_request_round (const OdRenderRequest  *request,
                              GError                **error)
{
  gint64 round_id = request->round_id;
  int year = _od_evaluation_request_year (request);

  if (round_id == 0 && !od_evaluation_round_for_year (request->db, year, "grade", &round_id, error))
    return NULL;
  if (round_id == 0)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                   /* Translators: %d is a year */
                   _("There is no grade evaluation round in %d. Choose another year (--year) or "
                     "a round (--round ID)."), year);
      return NULL;
    }
  return od_evaluation_round_load (request->db, round_id, error);
}

gint64
_od_evaluation_request_evaluation (const OdRenderRequest          *request,
                                   const OdEvaluationRoundFields  *round,
                                   GError                        **error)
{
  gint64 id = 0;

  if (request->org_id == 0)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                   _("Say which organization's evaluation to show: --organization ID."));
      return 0;
    }
  if (!od_round_find_evaluation (request->db, round->id, request->org_id, &id, error))
    return 0;
  if (id == 0)
    g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                 /* Translators: %s is the name of an evaluation round */
                 _("The organization was not evaluated in “%s”. Choose its round (--round ID or "
                   "--year)."), round->name);
  return id;
}

char *
_od_evaluation_print_date (const char *iso)
{
  g_autoptr(GDate) date = g_date_new ();

  if (iso == NULL || iso[0] == '\0')
    return g_strdup ("");
  g_date_set_parse (date, iso);
  if (!g_date_valid (date))
    return g_strdup (iso);
  /* Translators: a date in print: year, month, day (2017年12月15日, no
   * zero padding) */
  return g_strdup_printf (_("%d-%02d-%02d"), g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

OdDocument *
_od_evaluation_document_new (const OdRenderRequest *request,
                             const char            *title)
{
  OdDocument *doc = od_document_new (OD_PAPER_A4);

  od_document_set_title (doc, title);
  od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
  if (request->association != NULL)
    od_document_set_header_text (doc, request->association);
  return doc;
}

const char *
_od_evaluation_type_label (const char *type_key)
{
  return od_organization_type_to_string (od_organization_type_from_key (type_key));
}

OdChart *
_od_evaluation_radar_new (const OdEvaluationSheet *sheet,
                          GPtrArray               *averages)
{
  guint n = sheet->roots->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree double *own = g_new0 (double, n);
  g_autofree double *full = g_new0 (double, n);
  g_autofree double *average = g_new0 (double, n);
  g_autofree char *title = NULL;
  OdChart *chart = od_chart_new (OD_CHART_RADAR);

  /* Translators: a chart title; %s is an organization */
  title = g_strdup_printf (_("First-level indicators of %s"), sheet->evaluation->organization_name);
  od_chart_set_title (chart, title);
  od_chart_set_subtitle (chart, sheet->evaluation->round_name);
  od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
  od_chart_set_empty_text (chart, _("No scores recorded for this evaluation"));
  if (sheet->totals.n_scored == 0)
    return chart;
  for (guint i = 0; i < n; i++)
    {
      const OdIndicatorNode *node = g_ptr_array_index (sheet->roots, i);
      gint64 max = node->indicator->max_points;

      labels[i] = node->indicator->name;
      own[i] = max > 0 && node->expert_score >= 0 ? 100.0 * node->expert_score / max : 0;
      full[i] = 100.0;
      for (guint j = 0; averages != NULL && j < averages->len; j++)
        {
          const OdIndicatorAverage *a = g_ptr_array_index (averages, j);

          if (a->position == node->indicator->position)
            average[i] = a->percent;
        }
    }
  od_chart_set_categories (chart, labels, n);
  /* No maxima: every axis goes to the "Maximum" series' 100%, and the axis
   * labels stay the indicators' names (a maximum would print as points). */
  od_chart_add_series (chart, sheet->evaluation->organization_name, own, n);
  od_chart_add_series (chart, _("Round average"), average, n);
  od_chart_add_series (chart, _("Maximum"), full, n);
  return chart;
}
