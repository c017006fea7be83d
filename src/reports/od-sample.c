/* od-sample.c — sample charts and a sample report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures modelled on the seed article (Baoji, 2017). They exercise every
 * chart kind and a table long enough to break across pages; real charts and
 * reports come from od-stats.
 */
#define G_LOG_DOMAIN "orgdesk-sample"

#include <glib/gi18n.h>

#include "od-sample.h"

#define YUAN(y) ((double) (y) * 100.0)   /* chart values in fen */

static const char *const month_names[] = {
  N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
};

/* Well-known member organizations of the seed article. */
static const char *const organizations[] = {
  "宝鸡慧芳公益发展中心", "宝鸡市上善公益援助中心", "宝鸡市三联社会工作服务中心",
  "宝鸡市餐饮饭店行业协会", "宝鸡市青年企业家协会", "宝鸡市江苏商会", "宝鸡市养生协会",
};

static void
set_months (OdChart *chart)
{
  const char *labels[G_N_ELEMENTS (month_names)];

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    labels[i] = _(month_names[i]);
  od_chart_set_categories (chart, labels, G_N_ELEMENTS (labels));
}

static OdChart *
new_chart (OdChartKind  kind,
           const char  *title)
{
  OdChart *chart = od_chart_new (kind);

  od_chart_set_title (chart, title);
  od_chart_set_subtitle (chart, _("Sample data"));
  return chart;
}

OdChart *
od_sample_chart (OdChartKind kind)
{
  OdChart *chart = NULL;

  switch (kind)
    {
    case OD_CHART_BAR:
      {
        /* 10 general courses in 4 months, 937 attendees (article: 900余人) */
        const double attendees[] = { 212, 305, 268, 152 };

        chart = new_chart (kind, _("Attendees of general training by month, 2017"));
        set_months (chart);
        od_chart_add_series (chart, _("Attendees"), attendees, G_N_ELEMENTS (attendees));
      }
      break;

    case OD_CHART_GROUPED_BAR:
    case OD_CHART_STACKED_BAR:
      {
        const double general[] = { 3, 3, 2, 2 };
        const double project[] = { 2, 3, 2, 2 };

        chart = new_chart (kind, kind == OD_CHART_GROUPED_BAR
                                   ? _("Courses by kind and month, 2017")
                                   : _("Courses by month, 2017 (stacked)"));
        set_months (chart);
        od_chart_add_series (chart, _("General training"), general, G_N_ELEMENTS (general));
        od_chart_add_series (chart, _("Project-execution training"), project, G_N_ELEMENTS (project));
      }
      break;

    case OD_CHART_RANKING:
      {
        const double activities[] = { 37, 24, 19, 12, 9, 7, 5 };

        chart = new_chart (kind, _("Public-welfare activities by organization, 2017"));
        od_chart_set_categories (chart, organizations, G_N_ELEMENTS (organizations));
        od_chart_add_series (chart, _("Activities"), activities, G_N_ELEMENTS (activities));
      }
      break;

    case OD_CHART_LINE:
      {
        const double general[] = { 88, 91, 86, 93 };
        const double project[] = { 79, 84, 90, 87 };

        chart = new_chart (kind, _("Attendance rate by month, 2017"));
        set_months (chart);
        od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
        od_chart_add_series (chart, _("General training"), general, G_N_ELEMENTS (general));
        od_chart_add_series (chart, _("Project-execution training"), project, G_N_ELEMENTS (project));
      }
      break;

    case OD_CHART_PIE:
      {
        const char *themes[] = {
          _("Poverty relief"), _("Orphans and disabled"), _("Education"), _("Children"),
          _("Medical aid"),
        };
        const double spent[] = { YUAN (152000), YUAN (46000), YUAN (58000), YUAN (61000),
                                 YUAN (33000) };

        chart = new_chart (kind, _("Relief spending by theme, 2017"));
        od_chart_set_unit (chart, OD_CHART_UNIT_FEN);
        od_chart_set_categories (chart, themes, G_N_ELEMENTS (themes));
        od_chart_add_series (chart, _("Spending"), spent, G_N_ELEMENTS (spent));
      }
      break;

    case OD_CHART_DONUT:
      {
        const char *grades[] = { "5A", "4A", "3A", "2A", "1A" };
        const double graded[] = { 2, 6, 8, 3, 1 };

        chart = new_chart (kind, _("Organizations graded in the 2017 round"));
        od_chart_set_categories (chart, grades, G_N_ELEMENTS (grades));
        od_chart_add_series (chart, _("Organizations"), graded, G_N_ELEMENTS (graded));
      }
      break;

    case OD_CHART_RADAR:
      {
        const char *indicators[] = {
          _("Basic conditions"), _("Internal governance"), _("Work performance"),
          _("Social evaluation"), _("Party building"),
        };
        const double maxima[] = { 100, 300, 400, 100, 100 };
        const double one[] = { 92, 268, 351, 88, 95 };
        const double average[] = { 85, 240, 310, 80, 70 };

        chart = new_chart (kind, _("Evaluation scores by indicator"));
        od_chart_set_categories (chart, indicators, G_N_ELEMENTS (indicators));
        od_chart_set_maxima (chart, maxima, G_N_ELEMENTS (maxima));
        od_chart_add_series (chart, "宝鸡市养生协会", one, G_N_ELEMENTS (one));
        od_chart_add_series (chart, _("Average of the round"), average, G_N_ELEMENTS (average));
      }
      break;

    case OD_CHART_STARS:
      {
        const double stars[] = { 5, 4, 4, 3.5, 3, 2 };

        chart = new_chart (kind, _("Grades of member organizations"));
        od_chart_set_categories (chart, organizations + 1, G_N_ELEMENTS (stars));
        od_chart_add_series (chart, _("Grade"), stars, G_N_ELEMENTS (stars));
      }
      break;

    case OD_CHART_PROGRESS:
      {
        const char *villages[] = { "麟游县常丰镇许家村", "太白县桃川镇", "渭滨区高家镇晁峪村" };
        const double done[] = { YUAN (98000), YUAN (41000), YUAN (35000) };
        const double committed[] = { YUAN (150000), YUAN (120000), YUAN (80000) };

        chart = new_chart (kind, _("Relief agreements: delivered of committed"));
        od_chart_set_unit (chart, OD_CHART_UNIT_FEN);
        od_chart_set_categories (chart, villages, G_N_ELEMENTS (villages));
        od_chart_add_series (chart, _("Delivered"), done, G_N_ELEMENTS (done));
        od_chart_add_series (chart, _("Committed"), committed, G_N_ELEMENTS (committed));
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return chart;
}

/* A long, varied, deterministic list of organizations for the sample table. */
static OdTable *
sample_table (void)
{
  static const char *const places[] = {
    "宝鸡市", "渭滨区", "金台区", "陈仓区", "凤翔区", "岐山县", "扶风县", "眉县", "陇县",
    "千阳县", "麟游县", "凤县", "太白县",
  };
  static const char *const fields[] = {
    "养老服务", "青少年发展", "社会工作服务", "慈善", "志愿者", "餐饮饭店行业", "物流行业",
    "中医药文化研究", "残疾人康复服务", "乡村振兴产业发展", "书法", "摄影",
  };
  static const char *const forms[] = { "协会", "中心", "促进会", "基金会", "研究会" };
  static const char *const grades[] = { "5A", "4A", "4A", "3A", "3A", "3A", "2A", "1A" };
  const char *headers[] = {
    _("No."), _("Organization"), _("District or county"), _("Grade"), _("Score"),
  };
  OdTable *table = od_table_new (G_N_ELEMENTS (headers), headers);

  od_table_set_weight (table, 0, 0.5);
  od_table_set_weight (table, 1, 3.0);
  od_table_set_align (table, 0, OD_TABLE_ALIGN_END);
  od_table_set_align (table, 3, OD_TABLE_ALIGN_CENTER);
  od_table_set_align (table, 4, OD_TABLE_ALIGN_END);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strconcat (places[i % G_N_ELEMENTS (places)],
                                           fields[(i * 7) % G_N_ELEMENTS (fields)],
                                           forms[(i * 3) % G_N_ELEMENTS (forms)], NULL);
      g_autofree char *score = g_strdup_printf ("%u", 980 - (i * 37) % 480);
      const char *row[] = {
        number, name, places[(i * 5) % G_N_ELEMENTS (places)],
        grades[i % G_N_ELEMENTS (grades)], score,
      };

      od_table_add_row (table, row);
    }
  return table;
}

/* Key figures are the sums of the sample charts, never typed in. */
static char *
sum_text (OdChart *chart)
{
  g_autoptr(OdTable) table = od_chart_to_table (chart);
  double total = 0;

  for (guint r = 0; r < od_table_get_n_rows (table); r++)
    {
      g_autofree char *cell = g_strdup (od_table_get_cell (table, r, 1));
      g_auto(GStrv) groups = g_strsplit (cell, ",", -1);
      g_autofree char *digits = g_strjoinv ("", groups);

      total += g_ascii_strtod (digits, NULL);
    }
  return g_strdup_printf ("%.0f", total);
}

OdDocument *
od_sample_report (const OdRenderRequest  *request,
                  GError                **error)
{
  static const OdChartKind kinds[] = {
    OD_CHART_BAR, OD_CHART_GROUPED_BAR, OD_CHART_STACKED_BAR, OD_CHART_RANKING, OD_CHART_LINE,
    OD_CHART_PIE, OD_CHART_DONUT, OD_CHART_RADAR, OD_CHART_STARS, OD_CHART_PROGRESS,
  };
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdTable) table = sample_table ();
  g_autoptr(OdChart) attendance = od_sample_chart (OD_CHART_BAR);
  g_autoptr(OdChart) graded = od_sample_chart (OD_CHART_DONUT);
  g_autofree char *n_attendees = sum_text (attendance);
  g_autofree char *n_graded = sum_text (graded);
  const OdKeyFigure figures[] = {
    { _("Attendees of general training"), n_attendees, NULL },
    { _("Graded organizations"), n_graded, NULL },
  };

  od_document_set_title (doc, _("Sample report"));
  od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
  od_document_set_subject (doc, _("Every chart kind and a long table, to check printing"));
  if (request->association != NULL)
    od_document_set_header_text (doc, request->association);

  od_document_add_title (doc, _("Sample report"));
  od_document_add_paragraph (doc, _("This sample shows every kind of chart OrgDesk draws and a "
                                    "table long enough to continue over several pages, so that "
                                    "printers and PDF viewers can be checked before a real "
                                    "report is made. The figures are illustrative."));
  od_document_add_heading (doc, 1, _("Key figures"));
  od_document_add_key_figures (doc, figures, G_N_ELEMENTS (figures));
  od_document_add_paragraph (doc,
                             "加强培训是提升社会组织各项能力的有力抓手。宝鸡市社会组织促进会积极落实"
                             "宝鸡市民政局《宝鸡市社会组织培训方案》，今年利用4个月时间举办10期培训班，"
                             "市级社会组织900余人参加了党建知识、社会组织最新法规，社会组织内部治理、"
                             "能力提升、信息宣传等业务学习和培训。");

  od_document_add_heading (doc, 1, _("Charts"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(OdChart) chart = od_sample_chart (kinds[i]);

      /* The chart carries its own title; no heading repeats it. */
      od_document_add_chart (doc, chart, 85.0);
    }

  od_document_add_page_break (doc);
  od_document_add_heading (doc, 1, _("Organizations (sample list)"));
  od_document_add_table (doc, table);

  return g_steal_pointer (&doc);
}
