/* od-training-charts.c — training's charts and its yearly report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number comes from the "training" figures of od_stats_gather()
 * (src/core/training/od-training-stats.c), the course list from the
 * training queries; nothing is counted here.
 */
#define G_LOG_DOMAIN "orgdesk-training-charts"

#include "config.h"

#include <glib/gi18n.h>

#include "od-stats.h"
#include "od-training-charts.h"
#include "od-training-entities.h"
#include "od-training-query.h"
#include "od-training-store.h"

#define RANKING_SIZE 10

static const char *const month_names[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

/* The training figures of the year asked for (the current one for 0). */
static GVariant *
gather (const OdRenderRequest  *request,
        int                    *year,
        GError                **error)
{
  g_autoptr(GVariant) stats = od_stats_gather (request->db, request->year, error);

  if (stats == NULL)
    return NULL;
  *year = (int) od_stats_lookup_int (stats, "year");
  return od_stats_lookup (stats, "training");
}

static OdChart *
new_chart (OdChartKind  kind,
           const char  *title,
           int          year)
{
  OdChart *chart = od_chart_new (kind);
  g_autofree char *empty = g_strdup_printf (_("No training recorded for %d"), year);

  od_chart_set_title (chart, title);
  od_chart_set_empty_text (chart, empty);
  return chart;
}

/* Each chart from the training figures of YEAR, already gathered. */
typedef OdChart *(*ChartBuilder) (GVariant *training,
                                  int       year);

static OdChart *
build_by_month (GVariant *training,
                int       year)
{
  const char *labels[G_N_ELEMENTS (month_names)];
  g_autofree char *title = NULL;
  OdChart *chart;
  gint64 total = 0;

  /* Translators: a chart title; %d is a year */
  title = g_strdup_printf (_("Training attendees by month, %d"), year);
  chart = new_chart (OD_CHART_STACKED_BAR, title, year);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    labels[i] = _(month_names[i]);
  od_chart_set_categories (chart, labels, G_N_ELEMENTS (labels));
  for (guint k = 0; od_course_kind_choices[k].key != NULL; k++)
    {
      g_autofree char *key = g_strdup_printf ("%s_by_month", od_course_kind_choices[k].key);
      g_autoptr(GVariant) months = od_stats_lookup (training, key);
      double values[G_N_ELEMENTS (month_names)] = { 0 };

      for (gsize i = 0; months != NULL && i < g_variant_n_children (months) && i < 12; i++)
        {
          g_autoptr(GVariant) value = g_variant_get_child_value (months, i);

          values[i] = (double) g_variant_get_int64 (value);
          total += g_variant_get_int64 (value);
        }
      od_chart_add_series (chart, _(od_course_kind_choices[k].label), values, G_N_ELEMENTS (values));
    }
  if (total == 0)
    {
      od_chart_unref (chart);
      chart = new_chart (OD_CHART_STACKED_BAR, title, year);
    }
  return chart;
}

static OdChart *
build_rate (GVariant *training,
            int       year)
{
  g_autoptr(GVariant) sessions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;
  OdChart *chart;

  /* Translators: a chart title; %d is a year */
  title = g_strdup_printf (_("Attendance rate by session, %d"), year);
  chart = new_chart (OD_CHART_LINE, title, year);
  od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
  sessions = od_stats_lookup (training, "sessions");
  for (gsize i = 0; sessions != NULL && i < g_variant_n_children (sessions); i++)
    {
      const char *course, *date;
      double rate;

      g_variant_get_child (sessions, i, "(&s&sd)", &course, &date, &rate);
      /* "03-07": the month and day; the year is in the title. */
      g_ptr_array_add (labels, g_strdup (date + 5));
      rate *= 100.0;
      g_array_append_val (rates, rate);
    }
  if (rates->len > 0)
    {
      od_chart_set_categories (chart, (const char *const *) labels->pdata, labels->len);
      od_chart_add_series (chart, _("Attendance rate"), (const double *) (gpointer) rates->data,
                           rates->len);
    }
  return chart;
}

/* A chart of the (name, count) pairs of MEMBER ("by_topic": a donut,
 * "top_organizations": a ranking), in their order. */
static OdChart *
build_pairs (GVariant   *training,
             int         year,
             const char *member)
{
  gboolean topics = g_str_equal (member, "by_topic");
  g_autoptr(GVariant) pairs = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;
  OdChart *chart;

  title = topics
          /* Translators: a chart title; %d is a year */
          ? g_strdup_printf (_("Training attendees by topic, %d"), year)
          /* Translators: a chart title; %d is a year */
          : g_strdup_printf (_("Organizations sending the most people to training, %d"), year);
  chart = new_chart (topics ? OD_CHART_DONUT : OD_CHART_RANKING, title, year);
  pairs = od_stats_lookup (training, member);
  for (gsize i = 0; pairs != NULL && i < g_variant_n_children (pairs) && i < RANKING_SIZE; i++)
    {
      g_autoptr(GVariant) pair = g_variant_get_child_value (pairs, i);
      const char *name;
      gint64 count;
      double value;

      g_variant_get (pair, topics ? "{&sx}" : "(&sx)", &name, &count);
      g_ptr_array_add (labels, (gpointer) (name[0] != '\0' ? name : _("No topic")));
      value = (double) count;
      g_array_append_val (values, value);
    }
  if (values->len > 0)
    {
      od_chart_set_categories (chart, (const char *const *) labels->pdata, labels->len);
      od_chart_add_series (chart, _("Attendees"), (const double *) (gpointer) values->data,
                           values->len);
    }
  return chart;
}

static OdChart *
build_by_topic (GVariant *training,
                int       year)
{
  return build_pairs (training, year, "by_topic");
}

static OdChart *
build_by_org (GVariant *training,
              int       year)
{
  return build_pairs (training, year, "top_organizations");
}

/* The chart BUILD makes from the figures of the year REQUEST asks for. */
static OdChart *
build_chart (const OdRenderRequest  *request,
             ChartBuilder            build,
             GError                **error)
{
  g_autoptr(GVariant) training = NULL;
  int year;

  training = gather (request, &year, error);
  return training != NULL ? build (training, year) : NULL;
}

OdChart *
od_training_chart_by_month (const OdRenderRequest  *request,
                            GError                **error)
{
  return build_chart (request, build_by_month, error);
}

OdChart *
od_training_chart_rate (const OdRenderRequest  *request,
                        GError                **error)
{
  return build_chart (request, build_rate, error);
}

OdChart *
od_training_chart_by_topic (const OdRenderRequest  *request,
                            GError                **error)
{
  return build_chart (request, build_by_topic, error);
}

OdChart *
od_training_chart_by_org (const OdRenderRequest  *request,
                          GError                **error)
{
  return build_chart (request, build_by_org, error);
}

static char *
count_text (GVariant   *training,
            const char *path)
{
  return od_stats_format_count (od_stats_lookup_int (training, path));
}

OdDocument *
od_training_report (const OdRenderRequest  *request,
                    GError                **error)
{
  static const ChartBuilder charts[] = {
    build_by_month, build_rate, build_by_topic, build_by_org,
  };
  const char *headers[] = {
    _("Course"), _("Kind"), _("Topic"), _("Dates"), _("Sessions"), _("Enrolled"), _("Attendees"),
  };
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdTable) table = od_table_new (G_N_ELEMENTS (headers), headers);
  g_autoptr(GVariant) training = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autofree char *title = NULL;
  g_autofree char *general = NULL;
  g_autofree char *project = NULL;
  g_autofree char *general_courses = NULL;
  g_autofree char *project_courses = NULL;
  g_autofree char *rate = NULL;
  OdCourseFilter filter = { 0 };
  int year;

  training = gather (request, &year, error);
  if (training == NULL)
    return NULL;
  general = count_text (training, "general.attendees");
  project = count_text (training, "project.attendees");
  general_courses = count_text (training, "general.courses");
  project_courses = count_text (training, "project.courses");
  rate = od_stats_format_percent (od_stats_lookup_double (training, "attendance_rate"));
  {
    const OdKeyFigure figures[] = {
      { _("General training courses"), general_courses, NULL },
      { _("Attendees of general training"), general, NULL },
      { _("Project-execution courses"), project_courses, NULL },
      { _("Attendees of project-execution training"), project, NULL },
      { _("Attendance rate"), rate, NULL },
    };

    /* Translators: a report title; %d is a year */
    title = g_strdup_printf (_("Training in %d"), year);
    od_document_set_title (doc, title);
    od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
    if (request->association != NULL)
      od_document_set_header_text (doc, request->association);
    od_document_add_title (doc, title);
    od_document_add_heading (doc, 1, _("Key figures"));
    od_document_add_key_figures (doc, figures, G_N_ELEMENTS (figures));
  }

  od_document_add_heading (doc, 1, _("Charts"));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      /* From the figures gathered once above. */
      g_autoptr(OdChart) chart = charts[i] (training, year);

      od_document_add_chart (doc, chart, 85.0);
    }

  filter.year = year;
  courses = od_course_list (request->db, &filter, error);
  if (courses == NULL)
    return NULL;
  od_document_add_page_break (doc);
  od_document_add_heading (doc, 1, _("Courses"));
  for (guint i = courses->len; i > 0; i--)
    {
      const OdCourseSummary *c = g_ptr_array_index (courses, i - 1);
      g_autofree char *dates = c->first_date == NULL ? g_strdup ("")
                               : g_str_equal (c->first_date, c->last_date) ? g_strdup (c->first_date)
                               : g_strdup_printf ("%s – %s", c->first_date, c->last_date + 5);
      g_autofree char *sessions = od_stats_format_count (c->n_sessions);
      g_autofree char *enrolled = od_stats_format_count (c->n_enrolled);
      g_autofree char *attendees = od_stats_format_count (c->n_attendees);
      const OdChoice *kind = od_choices_find (od_course_kind_choices, c->kind);
      const char *cells[] = {
        c->title, kind != NULL ? _(kind->label) : c->kind, c->topic, dates, sessions, enrolled,
        attendees,
      };

      od_table_add_row (table, cells);
    }
  od_table_set_weight (table, 0, 3.0);
  od_table_set_weight (table, 3, 1.8);
  for (guint column = 4; column < G_N_ELEMENTS (headers); column++)
    od_table_set_align (table, column, OD_TABLE_ALIGN_END);
  od_document_add_table (doc, table);
  return g_steal_pointer (&doc);
}

/* Rows left blank at the end of a sign-in sheet, for walk-ins. */
#define BLANK_ROWS 5

OdDocument *
od_training_sign_in_sheet (const OdRenderRequest  *request,
                           GError                **error)
{
  const char *headers[] = {
    _("No."), C_("person", "Name"), _("Organization"), _("Signature"),
  };
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdTable) table = od_table_new (G_N_ELEMENTS (headers), headers);
  g_autoptr(OdCourseSessionFields) session = NULL;
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  guint number = 0;

  if (request->session_id == 0)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                   _("Say which session the sign-in sheet is for: --session ID."));
      return NULL;
    }
  session = od_course_session_load (request->db, request->session_id, error);
  if (session == NULL)
    return NULL;
  course = od_course_load (request->db, session->course_id, error);
  if (course == NULL)
    return NULL;
  enrolees = od_course_list_enrolees (request->db, session->course_id, error);
  if (enrolees == NULL)
    return NULL;

  /* Translators: the title of a sign-in sheet (签到表); %s is a course title */
  title = g_strdup_printf (_("Sign-in sheet: %s"), course->title);
  when = session->starts_at[0] != '\0'
         ? (session->ends_at[0] != '\0'
            ? g_strdup_printf ("%s %s–%s", session->held_on, session->starts_at, session->ends_at)
            : g_strdup_printf ("%s %s", session->held_on, session->starts_at))
         : g_strdup (session->held_on);
  od_document_set_title (doc, title);
  od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
  if (request->association != NULL)
    od_document_set_header_text (doc, request->association);
  od_document_add_title (doc, title);
  {
    g_autofree char *line = course->venue[0] != '\0'
                            /* Translators: the date and time of a session, then its venue */
                            ? g_strdup_printf (_("%s, %s"), when, course->venue)
                            : g_strdup (when);

    od_document_add_paragraph (doc, line);
  }

  for (guint i = 0; i < enrolees->len; i++)
    {
      const OdEnrolee *e = g_ptr_array_index (enrolees, i);
      g_autofree char *n = NULL;

      if (!g_str_equal (e->status, "enrolled"))
        continue;
      n = g_strdup_printf ("%u", ++number);
      {
        const char *cells[] = { n, e->name, e->organization, "" };

        od_table_add_row (table, cells);
      }
    }
  for (guint i = 0; i < BLANK_ROWS; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", ++number);
      const char *cells[] = { n, "", "", "" };

      od_table_add_row (table, cells);
    }
  od_table_set_weight (table, 0, 0.5);
  od_table_set_weight (table, 1, 1.2);
  od_table_set_weight (table, 2, 2.6);
  od_table_set_weight (table, 3, 1.7);
  od_table_set_align (table, 0, OD_TABLE_ALIGN_END);
  od_document_add_table (doc, table);
  return g_steal_pointer (&doc);
}

OdDocument *
od_training_certificates (const OdRenderRequest  *request,
                          GError                **error)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) graduates = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *title = NULL;
  const char *first = "", *last = "";

  if (request->course_id == 0)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                   _("Say which course the certificates are for: --course ID."));
      return NULL;
    }
  course = od_course_load (request->db, request->course_id, error);
  if (course == NULL)
    return NULL;
  graduates = od_course_list_graduates (request->db, request->course_id, error);
  if (graduates == NULL)
    return NULL;
  sessions = od_course_list_sessions (request->db, request->course_id, error);
  if (sessions == NULL)
    return NULL;
  if (sessions->len > 0)
    {
      first = ((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->held_on;
      last = ((OdCourseSessionFields *) g_ptr_array_index (sessions, sessions->len - 1))->held_on;
    }

  /* Translators: the title of a PDF of certificates; %s is a course title */
  title = g_strdup_printf (_("Certificates: %s"), course->title);
  od_document_set_title (doc, title);
  od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
  if (request->association != NULL)
    od_document_set_header_text (doc, request->association);

  if (graduates->len == 0)
    {
      od_document_add_title (doc, title);
      od_document_add_paragraph (doc, course->certificate_threshold > 0
                                      ? _("Nobody has attended enough of the course for a "
                                          "certificate yet.")
                                      : _("This course gives no certificates. Set the attendance "
                                          "needed for one in the course's details."));
      return g_steal_pointer (&doc);
    }
  for (guint i = 0; i < graduates->len; i++)
    {
      const OdEnrolee *e = g_ptr_array_index (graduates, i);
      g_autofree char *text = NULL;
      g_autofree char *signed_by = NULL;

      if (i > 0)
        od_document_add_page_break (doc);
      od_document_add_title (doc, _("Certificate of Completion"));
      text = e->organization[0] != '\0'
             /* Translators: a certificate; a person's name, their organization, a
              * course title, its first and last dates */
             ? g_strdup_printf (_("%s, of %s, took part in %s from %s to %s and completed the "
                                  "course."), e->name, e->organization, course->title, first, last)
             /* Translators: as above, for a person with no organization */
             : g_strdup_printf (_("%s took part in %s from %s to %s and completed the course."),
                                e->name, course->title, first, last);
      od_document_add_paragraph (doc, text);
      /* Translators: the signature line of a certificate: the association and a date */
      signed_by = g_strdup_printf (_("%s, %s"), request->association != NULL
                                                ? request->association : "", last);
      od_document_add_paragraph (doc, signed_by);
    }
  return g_steal_pointer (&doc);
}
