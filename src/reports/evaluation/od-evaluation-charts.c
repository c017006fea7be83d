/* od-evaluation-charts.c — grade evaluation's and the annual inspection's
 * charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts come from the "evaluation" and "inspection" figures of
 * od_stats_gather() (od-evaluation-stats.c, od-inspection-stats.c); the
 * scores from the evaluation queries (od-evaluation-query.h). Nothing is
 * counted from the database here.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-charts"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-evaluation-print.h"
#include "od-evaluation-reports.h"
#include "od-inspection-entities.h"
#include "od-stats.h"

/* Score bands of the histogram: below 500 points, then 50 points each
 * (the thresholds of DESIGN.md §2 fall on band edges), 950 and more. */
#define BAND_FIRST 500
#define BAND_LAST  950
#define BAND_WIDTH 50
#define N_BANDS    ((BAND_LAST - BAND_FIRST) / BAND_WIDTH + 2)

static OdChart *
new_chart (OdChartKind  kind,
           const char  *title,
           const char  *empty)
{
  OdChart *chart = od_chart_new (kind);

  od_chart_set_title (chart, title);
  od_chart_set_empty_text (chart, empty);
  return chart;
}

/* The figures of DOMAIN for the year REQUEST asks for; *YEAR the year. */
static GVariant *
gather (const OdRenderRequest  *request,
        const char             *domain,
        int                    *year,
        GError                **error)
{
  g_autoptr(GVariant) stats = od_stats_gather (request->db, request->year, error);

  if (stats == NULL)
    return NULL;
  *year = (int) od_stats_lookup_int (stats, "year");
  return od_stats_lookup (stats, domain);
}

OdChart *
od_evaluation_chart_grades (const OdRenderRequest  *request,
                            GError                **error)
{
  const char *labels[OD_GRADE_LEVELS];
  g_autoptr(GVariant) evaluation = NULL;
  g_autofree char *title = NULL;
  g_autofree char *empty = NULL;
  OdChart *chart;
  int year;

  evaluation = gather (request, "evaluation", &year, error);
  if (evaluation == NULL)
    return NULL;
  /* Translators: a chart title; %d is a year */
  title = g_strdup_printf (_("Grades given in %d, by organization type"), year);
  /* Translators: %d is a year */
  empty = g_strdup_printf (_("No grade confirmed in %d"), year);
  chart = new_chart (OD_CHART_STACKED_BAR, title, empty);
  if (od_stats_lookup_int (evaluation, "graded") == 0)
    return chart;

  for (guint i = 0; i < OD_GRADE_LEVELS; i++)
    labels[i] = od_grade_label ("grade", OD_GRADE_LEVELS - i);
  od_chart_set_categories (chart, labels, OD_GRADE_LEVELS);
  for (guint t = 0; _od_evaluation_type_keys[t] != NULL; t++)
    {
      double values[OD_GRADE_LEVELS];
      double sum = 0;

      for (guint i = 0; i < OD_GRADE_LEVELS; i++)
        {
          g_autofree char *path = g_strdup_printf ("by_type.%s.%s", _od_evaluation_type_keys[t],
                                                   labels[i]);

          values[i] = (double) od_stats_lookup_int (evaluation, path);
          sum += values[i];
        }
      /* The types with a grade only: no empty legend entries. */
      if (sum > 0)
        od_chart_add_series (chart, _od_evaluation_type_label (_od_evaluation_type_keys[t]),
                             values, OD_GRADE_LEVELS);
    }
  return chart;
}

OdChart *
od_evaluation_chart_radar (const OdRenderRequest  *request,
                           GError                **error)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(OdEvaluationSheet) sheet = NULL;
  g_autoptr(GPtrArray) averages = NULL;
  gint64 id;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL || (id = _od_evaluation_request_evaluation (request, round, error)) == 0)
    return NULL;
  sheet = od_evaluation_sheet_load (request->db, id, error);
  if (sheet == NULL)
    return NULL;
  averages = od_round_indicator_averages (request->db, round->id, sheet->scheme->id, NULL, error);
  if (averages == NULL)
    return NULL;
  return _od_evaluation_radar_new (sheet, averages);
}

OdChart *
od_evaluation_chart_histogram (const OdRenderRequest  *request,
                               GError                **error)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double counts[N_BANDS] = { 0 };
  g_autofree char *title = NULL;
  OdChart *chart;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL)
    return NULL;
  results = od_round_list_results (request->db, round->id, OD_RESULTS_SCORED, error);
  if (results == NULL)
    return NULL;
  /* Translators: a chart title; %s is the name of an evaluation round */
  title = g_strdup_printf (_("Total scores of %s"), round->name);
  chart = new_chart (OD_CHART_BAR, title, _("No evaluation of the round is scored yet"));
  if (results->len == 0)
    return chart;

  /* Translators: the lowest band of total scores, in points */
  g_ptr_array_add (labels, g_strdup_printf (_("Below %d"), BAND_FIRST));
  for (int from = BAND_FIRST; from < BAND_LAST; from += BAND_WIDTH)
    g_ptr_array_add (labels, g_strdup_printf ("%d–%d", from, from + BAND_WIDTH - 1));
  /* Translators: the highest band of total scores, in points */
  g_ptr_array_add (labels, g_strdup_printf (_("%d and above"), BAND_LAST));
  for (guint i = 0; i < results->len; i++)
    {
      const OdEvaluationResult *result = g_ptr_array_index (results, i);
      gint64 points = result->totals.total / 10;
      int band = points < BAND_FIRST ? 0
                 : (int) MIN ((points - BAND_FIRST) / BAND_WIDTH + 1, N_BANDS - 1);

      counts[band]++;
    }
  od_chart_set_subtitle (chart, _("Organizations by total score (points)"));
  od_chart_set_categories (chart, (const char *const *) labels->pdata, labels->len);
  od_chart_add_series (chart, _("Organizations"), counts, N_BANDS);
  return chart;
}

/* Whether the list of category names NAMES has NAME already. */
static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

OdChart *
od_evaluation_chart_averages (const OdRenderRequest  *request,
                              GError                **error)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) by_type = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) type_keys = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  OdChart *chart;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL)
    return NULL;
  /* Translators: a chart title; %s is the name of an evaluation round */
  title = g_strdup_printf (_("First-level indicators by organization type, %s"), round->name);
  chart = new_chart (OD_CHART_GROUPED_BAR, title, _("No evaluation of the round is scored yet"));
  od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
  od_chart_set_subtitle (chart, _("Average expert score as a percentage of each indicator's maximum"));

  for (guint t = 0; _od_evaluation_type_keys[t] != NULL; t++)
    {
      GPtrArray *averages = od_round_indicator_averages (request->db, round->id, 0,
                                                         _od_evaluation_type_keys[t], error);

      if (averages == NULL)
        {
          od_chart_unref (chart);
          return NULL;
        }
      if (averages->len == 0)
        {
          g_ptr_array_unref (averages);
          continue;
        }
      g_ptr_array_add (by_type, averages);
      g_ptr_array_add (type_keys, (gpointer) _od_evaluation_type_keys[t]);
    }

  /* The categories: first-level positions; their names those of every
   * scheme at that position (社会服务机构's 业务活动和诚信建设 beside
   * 工作绩效). */
  for (guint t = 0; t < by_type->len; t++)
    {
      GPtrArray *averages = g_ptr_array_index (by_type, t);

      for (guint i = 0; i < averages->len; i++)
        {
          const OdIndicatorAverage *a = g_ptr_array_index (averages, i);
          guint k;

          for (k = 0; k < positions->len && g_array_index (positions, gint64, k) != a->position; k++)
            ;
          if (k == positions->len)
            {
              guint at = 0;

              while (at < positions->len && g_array_index (positions, gint64, at) < a->position)
                at++;
              g_array_insert_val (positions, at, a->position);
              g_ptr_array_insert (names, at, g_strdup (a->name));
            }
          else if (!has_name (names, a->name) && strstr (g_ptr_array_index (names, k), a->name) == NULL)
            {
              char *joined = g_strconcat (g_ptr_array_index (names, k), "／", a->name, NULL);

              g_free (names->pdata[k]);
              names->pdata[k] = joined;
            }
        }
    }
  if (positions->len == 0)
    return chart;

  od_chart_set_categories (chart, (const char *const *) names->pdata, names->len);
  for (guint t = 0; t < by_type->len; t++)
    {
      GPtrArray *averages = g_ptr_array_index (by_type, t);
      g_autofree double *values = g_new0 (double, positions->len);

      for (guint i = 0; i < averages->len; i++)
        {
          const OdIndicatorAverage *a = g_ptr_array_index (averages, i);

          for (guint k = 0; k < positions->len; k++)
            if (g_array_index (positions, gint64, k) == a->position)
              values[k] = a->percent;
        }
      od_chart_add_series (chart, _od_evaluation_type_label (g_ptr_array_index (type_keys, t)),
                           values, positions->len);
    }
  return chart;
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

OdChart *
od_inspection_chart_by_year (const OdRenderRequest  *request,
                             GError                **error)
{
  g_autoptr(GVariant) inspection = NULL;
  g_autoptr(GVariant) by_year = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  GVariantIter iter;
  const char *key;
  OdChart *chart;
  int year;

  inspection = gather (request, "inspection", &year, error);
  if (inspection == NULL)
    return NULL;
  chart = new_chart (OD_CHART_STACKED_BAR, _("Annual inspection conclusions by year"),
                     _("No annual inspection recorded"));
  by_year = od_stats_lookup (inspection, "by_year");
  if (by_year == NULL)
    return chart;
  g_variant_iter_init (&iter, by_year);
  while (g_variant_iter_next (&iter, "{&sv}", &key, NULL))
    g_ptr_array_add (years, (gpointer) key);
  if (years->len == 0)
    return chart;
  g_ptr_array_sort (years, compare_years);

  od_chart_set_categories (chart, (const char *const *) years->pdata, years->len);
  for (guint c = 0; od_inspection_conclusion_choices[c].key != NULL; c++)
    {
      g_autofree double *values = g_new0 (double, years->len);

      for (guint i = 0; i < years->len; i++)
        {
          g_autofree char *path = g_strdup_printf ("by_year.%s.%s",
                                                   (const char *) g_ptr_array_index (years, i),
                                                   od_inspection_conclusion_choices[c].key);

          values[i] = (double) od_stats_lookup_int (inspection, path);
        }
      od_chart_add_series (chart, _(od_inspection_conclusion_choices[c].label), values, years->len);
    }
  return chart;
}
