/* od-evaluation-reports.c — grade evaluation's prints: the publicity list,
 * the score cards, the certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation" (the publicity step, certificates for 3A
 * and above) printed after "Conventions of official print" (A4, GB/T 9704
 * margins, dates as 2017年12月15日). The results and totals are the
 * evaluation queries' (od-evaluation-query.h).
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "od-evaluation-print.h"
#include "od-evaluation-reports.h"
#include "od-evaluation-rules.h"
#include "od-stats.h"

/* The least grade with a certificate and plaque (DESIGN.md §2). */
#define CERTIFICATE_GRADE 3
/* The height of the radar on a score card. */
#define CARD_RADAR_MM 72.0

/* The grade as printed: "4A" or the stars; "none" for 0. */
static const char *
grade_text (const char *kind,
            gint64      grade)
{
  /* Translators: no grade given (a total below 1A) */
  return grade > 0 ? od_grade_label (kind, grade) : C_("grade", "None");
}

OdDocument *
od_evaluation_roster (const OdRenderRequest  *request,
                      GError                **error)
{
  const char *headers[] = {
    _("No."), _("Organization"), _("Type"), _("Total points"), _("Grade"),
  };
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OdTable) table = od_table_new (G_N_ELEMENTS (headers), headers);
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *title = NULL;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL)
    return NULL;
  results = od_round_list_results (request->db, round->id, OD_RESULTS_PUBLICIZED, error);
  if (results == NULL)
    return NULL;

  /* Translators: the title of a publicity list (公示名单); %s is a round,
   * "2017年度社会组织等级评估" */
  title = g_strdup_printf (_("%s: publicity list of the results"), round->name);
  doc = _od_evaluation_document_new (request, title);
  od_document_add_title (doc, title);
  if (round->publicity_from != NULL && round->publicity_until != NULL)
    {
      g_autofree char *from = _od_evaluation_print_date (round->publicity_from);
      g_autofree char *until = _od_evaluation_print_date (round->publicity_until);
      g_autofree char *line = NULL;

      /* Translators: the publicity period of a list; two dates */
      line = g_strdup_printf (_("Publicity period: %s to %s. Objections may be raised with the "
                                "evaluation office within this period."), from, until);
      od_document_add_paragraph (doc, line);
    }
  if (results->len == 0)
    {
      od_document_add_paragraph (doc, _("No organization of this round has reached publicity "
                                        "with a grade yet."));
      return g_steal_pointer (&doc);
    }
  {
    g_autofree char *count = od_stats_format_count (results->len);
    g_autofree char *line = NULL;

    /* Translators: %s is a number of organizations */
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s organization is proposed for a grade, listed by "
                                         "grade and total points:",
                                         "%s organizations are proposed for a grade, listed by "
                                         "grade and total points:", results->len), count);
    od_document_add_paragraph (doc, line);
  }
  for (guint i = 0; i < results->len; i++)
    {
      const OdEvaluationResult *r = g_ptr_array_index (results, i);
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *total = od_points_format (r->totals.total);
      const char *cells[] = {
        n, r->evaluation->organization_name, _od_evaluation_type_label (r->org_type), total,
        grade_text (r->kind, r->grade),
      };

      od_table_add_row (table, cells);
    }
  od_table_set_weight (table, 0, 0.5);
  od_table_set_weight (table, 1, 3.2);
  od_table_set_weight (table, 2, 1.5);
  od_table_set_weight (table, 3, 1.0);
  od_table_set_weight (table, 4, 0.8);
  od_table_set_align (table, 0, OD_TABLE_ALIGN_END);
  od_table_set_align (table, 3, OD_TABLE_ALIGN_END);
  od_table_set_align (table, 4, OD_TABLE_ALIGN_CENTER);
  od_document_add_table (doc, table);
  return g_steal_pointer (&doc);
}

/* The second level under NODE as one cell, "法人资格 28.4/30；章程 19.1/20":
 * a card keeps every first-level indicator on one row, so that the table,
 * the totals and the radar share one page. Deeper levels are rolled up
 * into theirs. */
static char *
children_text (const OdIndicatorNode *node)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < node->children->len; i++)
    {
      const OdIndicatorNode *child = g_ptr_array_index (node->children, i);
      g_autofree char *expert = child->expert_score >= 0 ? od_points_format (child->expert_score)
                                                         : g_strdup ("—");
      g_autofree char *max = od_points_format (child->indicator->max_points);

      if (i > 0)
        /* Translators: between the second-level indicators of a score card */
        g_string_append (text, _("; "));
      /* Translators: a second-level indicator on a score card: its name, the
       * expert score and the maximum, "法人资格 28.4/30" */
      g_string_append_printf (text, _("%s %s/%s"), child->indicator->name, expert, max);
    }
  return g_string_free (text, FALSE);
}

/* One organization's card: its scores, totals, grade and radar. */
static void
add_card (OdDocument              *doc,
          const OdEvaluationSheet *sheet,
          GPtrArray               *averages)
{
  const char *headers[] = {
    _("Indicator"), _("Maximum"), _("Self-assessment"), _("Expert score"),
    _("Second-level indicators (expert score/maximum)"),
  };
  g_autoptr(OdTable) table = od_table_new (G_N_ELEMENTS (headers), headers);
  g_autoptr(OdChart) radar = _od_evaluation_radar_new (sheet, averages);
  g_autofree char *max = od_points_format (sheet->scheme->max_score);
  g_autofree char *self = od_points_format (sheet->totals.self_total);
  g_autofree char *expert = od_points_format (sheet->totals.expert_total);
  g_autofree char *bonus = od_points_format (sheet->totals.bonus);
  g_autofree char *total = od_points_format (sheet->totals.total);
  g_autofree char *grade = NULL;
  g_autofree char *line = NULL;
  g_autofree char *summary = NULL;
  const char *kind = sheet->scheme->kind;

  od_document_add_title (doc, sheet->evaluation->organization_name);
  /* Translators: a score card's first line: the round, then the scheme */
  line = g_strdup_printf (_("%s · %s"), sheet->evaluation->round_name, sheet->scheme->name);
  od_document_add_paragraph (doc, line);

  for (guint i = 0; i < sheet->roots->len; i++)
    {
      const OdIndicatorNode *node = g_ptr_array_index (sheet->roots, i);
      g_autofree char *node_max = od_points_format (node->indicator->max_points);
      g_autofree char *node_self = od_points_format (node->self_score);
      g_autofree char *node_expert = od_points_format (node->expert_score);
      g_autofree char *children = children_text (node);
      const char *cells[] = { node->indicator->name, node_max, node_self, node_expert, children };

      od_table_add_row (table, cells);
    }
  {
    const char *cells[] = { _("Total of the indicators"), max, self, expert, "" };

    od_table_add_row (table, cells);
  }
  od_table_set_weight (table, 0, 1.6);
  od_table_set_weight (table, 4, 4.4);
  for (guint column = 1; column < 4; column++)
    od_table_set_align (table, column, OD_TABLE_ALIGN_END);
  od_document_add_table (doc, table);

  /* "4A ★★★★": the grade and its stars, as on the plaque. */
  grade = sheet->grade > 0 && g_strcmp0 (kind, "stars") != 0
          ? g_strdup_printf ("%s %s", od_grade_label (kind, sheet->grade),
                             od_grade_label ("stars", sheet->grade))
          : g_strdup (grade_text (kind, sheet->grade));
  /* One line, not key figures: the radar must fit on the card's page. */
  /* Translators: a score card's result: the bonus points, the total and
   * the grade ("5A ★★★★★") */
  summary = g_strdup_printf (_("Bonus: %s    Total points: %s    Grade: %s"), bonus, total, grade);
  od_document_add_paragraph (doc, summary);
  od_document_add_chart (doc, radar, CARD_RADAR_MM);
}

OdDocument *
od_evaluation_cards (const OdRenderRequest  *request,
                     GError                **error)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) averages = NULL;
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *title = NULL;
  guint n_cards = 0;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL)
    return NULL;
  results = od_round_list_results (request->db, round->id, OD_RESULTS_SCORED, error);
  if (results == NULL)
    return NULL;
  if (request->org_id != 0 && _od_evaluation_request_evaluation (request, round, error) == 0)
    return NULL;

  /* Translators: the title of a PDF of score cards; %s is a round */
  title = g_strdup_printf (_("Score cards: %s"), round->name);
  doc = _od_evaluation_document_new (request, title);
  /* The round's averages, once per scheme. */
  averages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < results->len; i++)
    {
      const OdEvaluationResult *r = g_ptr_array_index (results, i);
      g_autoptr(OdEvaluationSheet) sheet = NULL;
      GPtrArray *scheme_averages;

      if (request->org_id != 0 && r->evaluation->organization_id != request->org_id)
        continue;
      sheet = od_evaluation_sheet_load (request->db, r->evaluation->id, error);
      if (sheet == NULL)
        return NULL;
      scheme_averages = g_hash_table_lookup (averages, &sheet->scheme->id);
      if (scheme_averages == NULL)
        {
          scheme_averages = od_round_indicator_averages (request->db, round->id, sheet->scheme->id,
                                                         NULL, error);
          if (scheme_averages == NULL)
            return NULL;
          g_hash_table_insert (averages, g_memdup2 (&sheet->scheme->id, sizeof (gint64)),
                               scheme_averages);
        }
      if (n_cards++ > 0)
        od_document_add_page_break (doc);
      add_card (doc, sheet, scheme_averages);
    }
  if (n_cards == 0)
    {
      od_document_add_title (doc, title);
      od_document_add_paragraph (doc, _("No evaluation of the round is scored yet."));
    }
  return g_steal_pointer (&doc);
}

OdDocument *
od_evaluation_certificates (const OdRenderRequest  *request,
                            GError                **error)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *announced = NULL;
  guint n_pages = 0;

  round = _od_evaluation_request_round (request, error);
  if (round == NULL)
    return NULL;
  results = od_round_list_results (request->db, round->id, OD_RESULTS_CONFIRMED, error);
  if (results == NULL)
    return NULL;

  /* Translators: the title of a PDF of grade certificates; %s is a round */
  title = g_strdup_printf (_("Grade certificates: %s"), round->name);
  doc = _od_evaluation_document_new (request, title);
  announced = _od_evaluation_print_date (round->announced_on);
  for (guint i = 0; i < results->len; i++)
    {
      const OdEvaluationResult *r = g_ptr_array_index (results, i);
      const OdEvaluationFields *e = r->evaluation;
      g_autofree char *text = NULL;
      g_autofree char *number = NULL;
      g_autofree char *validity = NULL;
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      g_autofree char *signed_by = NULL;

      if (r->grade < CERTIFICATE_GRADE)
        continue;
      if (n_pages++ > 0)
        od_document_add_page_break (doc);
      od_document_add_title (doc, _("Certificate of Social Organization Grade"));
      od_document_add_heading (doc, 1, e->organization_name);
      /* Translators: a grade certificate: a round, then the grade ("4A") */
      text = g_strdup_printf (_("In %s, this organization was rated grade %s."), round->name,
                              od_grade_label (r->kind, r->grade));
      od_document_add_paragraph (doc, text);
      od_document_add_paragraph (doc, od_grade_label ("stars", r->grade));
      /* Translators: %s is a certificate number */
      number = g_strdup_printf (_("Certificate number: %s"),
                                e->certificate_no != NULL ? e->certificate_no : "");
      od_document_add_paragraph (doc, number);
      from = _od_evaluation_print_date (e->valid_from);
      until = _od_evaluation_print_date (e->valid_until);
      /* Translators: the validity of a grade; two dates */
      validity = g_strdup_printf (_("Valid from %s to %s"), from, until);
      od_document_add_paragraph (doc, validity);
      /* Translators: the signature line of a certificate: the association and a date */
      signed_by = g_strdup_printf (_("%s, %s"), request->association != NULL
                                                ? request->association : "", announced);
      od_document_add_paragraph (doc, signed_by);
    }
  if (n_pages == 0)
    {
      od_document_add_title (doc, title);
      od_document_add_paragraph (doc, _("No organization of this round was confirmed at 3A or "
                                        "above: there are no certificates to print."));
    }
  return g_steal_pointer (&doc);
}
