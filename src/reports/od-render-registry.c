/* od-render-registry.c — the charts and reports that can be made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-render-registry"

#include <glib/gi18n.h>

#include "od-evaluation-reports.h"
#include "od-render-registry.h"
#include "od-sample.h"
#include "od-training-charts.h"

G_DEFINE_QUARK (od-render-error-quark, od_render_error)

static OdChart *
sample_chart (const OdRenderRequest  *request,
              GError                **error)
{
  return od_sample_chart (OD_CHART_BAR);
}

#define SAMPLE(kind_name, kind)                                        \
  static OdChart *                                                     \
  sample_##kind_name (const OdRenderRequest *request, GError **error)  \
  {                                                                    \
    return od_sample_chart (kind);                                     \
  }

SAMPLE (bar, OD_CHART_BAR)
SAMPLE (grouped_bar, OD_CHART_GROUPED_BAR)
SAMPLE (stacked_bar, OD_CHART_STACKED_BAR)
SAMPLE (ranking, OD_CHART_RANKING)
SAMPLE (line, OD_CHART_LINE)
SAMPLE (pie, OD_CHART_PIE)
SAMPLE (donut, OD_CHART_DONUT)
SAMPLE (radar, OD_CHART_RADAR)
SAMPLE (stars, OD_CHART_STARS)
SAMPLE (progress, OD_CHART_PROGRESS)

#undef SAMPLE

/* Domain issues add their kinds here (DESIGN.md §5: chart KIND, report KIND). */
static const OdRenderKind kinds[] = {
  { "sample", N_("Sample bar chart (no database needed)"), FALSE, sample_chart, NULL },
  { "sample-bar", N_("Sample: vertical bars"), FALSE, sample_bar, NULL },
  { "sample-grouped-bar", N_("Sample: grouped bars"), FALSE, sample_grouped_bar, NULL },
  { "sample-stacked-bar", N_("Sample: stacked bars"), FALSE, sample_stacked_bar, NULL },
  { "sample-ranking", N_("Sample: horizontal ranking"), FALSE, sample_ranking, NULL },
  { "sample-line", N_("Sample: lines"), FALSE, sample_line, NULL },
  { "sample-pie", N_("Sample: pie"), FALSE, sample_pie, NULL },
  { "sample-donut", N_("Sample: donut"), FALSE, sample_donut, NULL },
  { "sample-radar", N_("Sample: radar"), FALSE, sample_radar, NULL },
  { "sample-stars", N_("Sample: star ratings"), FALSE, sample_stars, NULL },
  { "sample-progress", N_("Sample: progress"), FALSE, sample_progress, NULL },
  { "sample", N_("Sample report: every chart kind and a 300-row table (no database needed)"),
    FALSE, NULL, od_sample_report },
  { "attendance-by-month", N_("Training attendees by month, by kind of course"), TRUE,
    od_training_chart_by_month, NULL },
  { "attendance-rate", N_("Attendance rate of each training session"), TRUE,
    od_training_chart_rate, NULL },
  { "attendance-by-topic", N_("Training attendees by topic"), TRUE, od_training_chart_by_topic,
    NULL },
  { "attendance-by-org", N_("Organizations sending the most people to training"), TRUE,
    od_training_chart_by_org, NULL },
  { "training", N_("The year's training: key figures, charts and the courses"), TRUE, NULL,
    od_training_report },
  { "sign-in-sheet", N_("The sign-in sheet of a training session (--session ID)"), TRUE, NULL,
    od_training_sign_in_sheet },
  { "badges", N_("Name badges with QR codes for a course (--course ID)"), TRUE, NULL,
    od_training_badges },
  { "certificates", N_("Certificates of completion of a course (--course ID)"), TRUE, NULL,
    od_training_certificates },
  { "grades", N_("Grades confirmed in the year's evaluation round, by organization type"), TRUE,
    od_evaluation_chart_grades, NULL },
  { "indicator-radar", N_("One evaluation's first-level indicators against the round's average "
                          "(--organization ID)"), TRUE, od_evaluation_chart_radar, NULL },
  { "score-histogram", N_("Total scores of the year's evaluation round, in bands of 50 points"),
    TRUE, od_evaluation_chart_histogram, NULL },
  { "indicator-averages", N_("First-level indicator averages of the year's round, by "
                             "organization type"), TRUE, od_evaluation_chart_averages, NULL },
  { "inspections", N_("Annual inspection conclusions by year"), TRUE, od_inspection_chart_by_year,
    NULL },
  { "evaluation-roster", N_("The publicity list of the year's evaluation round"), TRUE, NULL,
    od_evaluation_roster },
  { "evaluation-cards", N_("A score card for each organization of the year's evaluation round"),
    TRUE, NULL, od_evaluation_cards },
  { "evaluation-certificates", N_("Grade certificates for 3A and above of the year's round"), TRUE,
    NULL, od_evaluation_certificates },
  { "inspections", N_("The annual inspection results of the year"), TRUE, NULL,
    od_inspection_report },
};

/* The chart kinds (CHARTS) or the report kinds, as const OdRenderKind pointers. */
GPtrArray *
od_render_list_kinds (gboolean charts)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if ((charts && kinds[i].chart != NULL) || (!charts && kinds[i].report != NULL))
      g_ptr_array_add (list, (gpointer) &kinds[i]);
  return list;
}

const OdRenderKind *
od_render_find_kind (const char *name,
                     gboolean    chart)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, name)
        && ((chart && kinds[i].chart != NULL) || (!chart && kinds[i].report != NULL)))
      return &kinds[i];
  return NULL;
}

/* Finds KIND and checks what it needs; sets ERROR when it cannot be made. */
static const OdRenderKind *
find_for_request (const char             *name,
                  gboolean                chart,
                  const OdRenderRequest  *request,
                  GError                **error)
{
  const OdRenderKind *kind = od_render_find_kind (name, chart);

  if (kind == NULL)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_UNKNOWN_KIND,
                   chart ? _("There is no chart “%s”. See the list with orgdesk-cli chart --list.")
                         : _("There is no report “%s”. See the list with orgdesk-cli report --list."),
                   name);
      return NULL;
    }
  if (kind->needs_db && request->db == NULL)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_DATABASE,
                   _("“%s” is made from the database; open one first."), name);
      return NULL;
    }
  return kind;
}

OdChart *
od_render_build_chart (const char             *name,
                       const OdRenderRequest  *request,
                       GError                **error)
{
  const OdRenderKind *kind = find_for_request (name, TRUE, request, error);

  return kind != NULL ? kind->chart (request, error) : NULL;
}

OdDocument *
od_render_build_report (const char             *name,
                        const OdRenderRequest  *request,
                        GError                **error)
{
  const OdRenderKind *kind = find_for_request (name, FALSE, request, error);

  return kind != NULL ? kind->report (request, error) : NULL;
}
