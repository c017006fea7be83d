/* od-training-stats.c — the figures of training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counted from the records, over live rows only, for the sessions held in
 * the year Y asked for (the current year when none is), by the kind of
 * their course (DESIGN.md §2 "Training"):
 *
 * - courses: courses with at least one session in Y; sessions: those
 *   sessions; first_date, last_date: the first and last of them; months:
 *   calendar months from the first to the last, both counted (0 when none);
 * - attendees: for each course, the distinct people present or late at one
 *   of its sessions in Y, summed over the courses ("N人参加" of a report:
 *   one person at two courses counts twice);
 * - attendance_marks: person-sessions present or late (excused and absent
 *   are not attendance);
 * - attendance_rate (both kinds together): marks ÷ (enrolled × sessions),
 *   summed over the courses, where enrolled counts live enrolments with
 *   the status "enrolled" (walk-ins included; waiting list and cancelled
 *   not). 4 decimals, 0 when nothing was planned.
 *
 * For the charts, breakdowns of the same attendees (they add up to the
 * attendees above): per kind "by_month" (12 numbers: a course's attendees
 * count in the month of its first session in Y); "by_topic" (topic →
 * attendees, both kinds); "top_organizations" (the 10 organizations whose
 * people attended most, [name, attendees], most first, then by name;
 * people with no organization are left out); "sessions" ([course title,
 * date, rate] of each session in Y, by date: its marks ÷ the course's
 * enrolled).
 */
#define G_LOG_DOMAIN "orgdesk-training-stats"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-training-stats.h"

#define INDENT "  "

#define ATTENDED "m.status IN ('present', 'late')"

#define LIVE_SESSIONS \
  " FROM course_sessions s JOIN courses c ON c.id = s.course_id" \
  " WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND s.held_on BETWEEN ?1 AND ?2"

/* Per kind: courses, sessions, first and last date. */
static const char sessions_sql[] =
  "SELECT c.kind, count(DISTINCT c.id), count(*), min(s.held_on), max(s.held_on)"
  LIVE_SESSIONS " GROUP BY c.kind";

/* Per kind: attendees (distinct people per course, summed) and marks. */
static const char attendance_sql[] =
  "SELECT c.kind, count(DISTINCT s.course_id || ':' || m.person_id), count(*)"
  " FROM attendance_marks m JOIN course_sessions s ON s.id = m.session_id"
  " JOIN courses c ON c.id = s.course_id"
  " WHERE m.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL"
  " AND s.held_on BETWEEN ?1 AND ?2 AND " ATTENDED " GROUP BY c.kind";

/* Σ enrolled × sessions over the courses with sessions in the year. */
static const char planned_sql[] =
  "SELECT coalesce (sum (e.n * p.n), 0)"
  " FROM (SELECT s.course_id, count(*) AS n" LIVE_SESSIONS " GROUP BY s.course_id) p"
  " JOIN (SELECT course_id, count(*) AS n FROM enrolments"
  "       WHERE deleted_at IS NULL AND status = 'enrolled' GROUP BY course_id) e"
  " ON e.course_id = p.course_id";

/* A course's attendees (distinct people present or late) in Y, with its
 * kind, topic and the month of its first session in Y. */
#define COURSE_ATTENDEES \
  "SELECT c.id, c.kind, c.topic, m.person_id," \
  " (SELECT CAST (substr (min (x.held_on), 6, 2) AS INTEGER) FROM course_sessions x" \
  "  WHERE x.course_id = c.id AND x.deleted_at IS NULL AND x.held_on BETWEEN ?1 AND ?2) AS month" \
  " FROM attendance_marks m JOIN course_sessions s ON s.id = m.session_id" \
  " JOIN courses c ON c.id = s.course_id" \
  " WHERE m.deleted_at IS NULL AND s.deleted_at IS NULL AND c.deleted_at IS NULL" \
  " AND s.held_on BETWEEN ?1 AND ?2 AND " ATTENDED \
  " GROUP BY c.id, m.person_id"

static const char by_month_sql[] =
  "SELECT kind, month, count(*) FROM (" COURSE_ATTENDEES ") GROUP BY kind, month";

static const char by_topic_sql[] =
  "SELECT CASE topic WHEN '' THEN NULL ELSE topic END, count(*) FROM (" COURSE_ATTENDEES ")"
  " GROUP BY 1 ORDER BY 2 DESC, 1";

static const char top_organizations_sql[] =
  "SELECT o.name, count(*) FROM (" COURSE_ATTENDEES ") a JOIN people p ON p.id = a.person_id"
  " JOIN organizations o ON o.id = p.organization_id"
  " GROUP BY o.id ORDER BY 2 DESC, o.sort_key LIMIT 10";

static const char session_rates_sql[] =
  "SELECT c.title, s.held_on,"
  " (SELECT count(*) FROM attendance_marks m WHERE m.session_id = s.id"
  "  AND m.deleted_at IS NULL AND " ATTENDED "),"
  " (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.deleted_at IS NULL"
  "  AND e.status = 'enrolled')"
  LIVE_SESSIONS " ORDER BY s.held_on, s.starts_at, s.id";

static const char *const kinds[] = { "general", "project" };

typedef struct
{
  gint64  courses;
  gint64  sessions;
  gint64  attendees;
  gint64  marks;
  char   *first_date;
  char   *last_date;
} KindFigures;

static int
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return (int) i;
  return -1;
}

/* Calendar months from FIRST to LAST (YYYY-MM-DD), both counted. */
static gint64
months_between (const char *first,
                const char *last)
{
  if (first == NULL || last == NULL || strlen (first) < 7 || strlen (last) < 7)
    return 0;
  return (atoi (last) * 12 + atoi (last + 5)) - (atoi (first) * 12 + atoi (first + 5)) + 1;
}

static gboolean
bind_year (OdStmt      *stmt,
           const char  *first,
           const char  *last,
           GError     **error)
{
  return od_stmt_bind_text (stmt, 1, first, error) && od_stmt_bind_text (stmt, 2, last, error);
}

/* The breakdowns for the charts (see the top of this file). */
static gboolean
add_breakdowns (OdDb             *db,
                const char       *first,
                const char       *last,
                GVariantBuilder  *figures,
                GError          **error)
{
  gint64 months[G_N_ELEMENTS (kinds)][12] = { { 0 } };
  g_auto(GVariantBuilder) topics = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  g_auto(GVariantBuilder) top = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sx)"));
  g_auto(GVariantBuilder) sessions = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(ssd)"));
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db, by_month_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      int k = kind_index (od_stmt_get_text (stmt, 0));
      gint64 month = od_stmt_get_int64 (stmt, 1);

      if (k >= 0 && month >= 1 && month <= 12)
        months[k][month - 1] += od_stmt_get_int64 (stmt, 2);
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *key = g_strdup_printf ("%s_by_month", kinds[k]);

      g_variant_builder_add (figures, "{sv}", key,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, months[k], 12,
                                                        sizeof (gint64)));
    }

  stmt = od_db_prepare (db, by_topic_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    g_variant_builder_add (&topics, "{sx}",
                           od_stmt_column_is_null (stmt, 0) ? "" : od_stmt_get_text (stmt, 0),
                           od_stmt_get_int64 (stmt, 1));
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);
  g_variant_builder_add (figures, "{sv}", "by_topic", g_variant_builder_end (&topics));

  stmt = od_db_prepare (db, top_organizations_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    g_variant_builder_add (&top, "(sx)", od_stmt_get_text (stmt, 0), od_stmt_get_int64 (stmt, 1));
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);
  g_variant_builder_add (figures, "{sv}", "top_organizations", g_variant_builder_end (&top));

  stmt = od_db_prepare (db, session_rates_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 attended = od_stmt_get_int64 (stmt, 2);
      gint64 enrolled = od_stmt_get_int64 (stmt, 3);

      g_variant_builder_add (&sessions, "(ssd)", od_stmt_get_text (stmt, 0),
                             od_stmt_get_text (stmt, 1),
                             enrolled > 0 ? (double) MIN (attended, enrolled) / (double) enrolled
                                          : 0.0);
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_variant_builder_add (figures, "{sv}", "sessions", g_variant_builder_end (&sessions));
  return TRUE;
}

static gboolean
gather_training (OdDb             *db,
                 int               year,
                 GVariantBuilder  *figures,
                 GError          **error)
{
  KindFigures by_kind[G_N_ELEMENTS (kinds)] = { { 0 } };
  g_autofree char *now = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gint64 planned = 0;
  gint64 marks = 0;
  gboolean ok = FALSE;
  OdStep step;

  if (year == 0)
    {
      now = od_db_now (db);
      year = atoi (now);
    }
  first = g_strdup_printf ("%04d-01-01", year);
  last = g_strdup_printf ("%04d-12-31", year);

  stmt = od_db_prepare (db, sessions_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    goto out;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      int k = kind_index (od_stmt_get_text (stmt, 0));

      if (k < 0)
        continue;
      by_kind[k].courses = od_stmt_get_int64 (stmt, 1);
      by_kind[k].sessions = od_stmt_get_int64 (stmt, 2);
      by_kind[k].first_date = g_strdup (od_stmt_get_text (stmt, 3));
      by_kind[k].last_date = g_strdup (od_stmt_get_text (stmt, 4));
    }
  if (step == OD_STEP_ERROR)
    goto out;
  g_clear_pointer (&stmt, od_stmt_free);

  stmt = od_db_prepare (db, attendance_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error))
    goto out;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      int k = kind_index (od_stmt_get_text (stmt, 0));

      if (k < 0)
        continue;
      by_kind[k].attendees = od_stmt_get_int64 (stmt, 1);
      by_kind[k].marks = od_stmt_get_int64 (stmt, 2);
      marks += by_kind[k].marks;
    }
  if (step == OD_STEP_ERROR)
    goto out;
  g_clear_pointer (&stmt, od_stmt_free);

  stmt = od_db_prepare (db, planned_sql, error);
  if (stmt == NULL || !bind_year (stmt, first, last, error)
      || !od_stmt_step_int64 (stmt, &planned, error))
    goto out;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto(GVariantBuilder) dict = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      od_stats_add_int (&dict, "courses", by_kind[k].courses);
      od_stats_add_int (&dict, "sessions", by_kind[k].sessions);
      od_stats_add_int (&dict, "attendees", by_kind[k].attendees);
      od_stats_add_int (&dict, "attendance_marks", by_kind[k].marks);
      od_stats_add_date (&dict, "first_date", by_kind[k].first_date);
      od_stats_add_date (&dict, "last_date", by_kind[k].last_date);
      od_stats_add_int (&dict, "months", months_between (by_kind[k].first_date,
                                                         by_kind[k].last_date));
      od_stats_add_dict (figures, kinds[k], &dict);
    }
  od_stats_add_rate (figures, "attendance_rate", MIN (marks, planned), planned);
  ok = add_breakdowns (db, first, last, figures, error);

out:
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_free (by_kind[k].first_date);
      g_free (by_kind[k].last_date);
    }
  return ok;
}

static void
describe_kind (GVariant   *figures,
               const char *kind,
               const char *title,
               GString    *out)
{
  g_autofree char *path_courses = g_strdup_printf ("%s.courses", kind);
  g_autofree char *path_sessions = g_strdup_printf ("%s.sessions", kind);
  g_autofree char *path_attendees = g_strdup_printf ("%s.attendees", kind);
  g_autofree char *path_months = g_strdup_printf ("%s.months", kind);
  g_autofree char *courses = od_stats_format_count (od_stats_lookup_int (figures, path_courses));
  g_autofree char *sessions = od_stats_format_count (od_stats_lookup_int (figures, path_sessions));
  g_autofree char *attendees = od_stats_format_count (od_stats_lookup_int (figures,
                                                                           path_attendees));
  g_autofree char *months = od_stats_format_count (od_stats_lookup_int (figures, path_months));

  g_string_append (out, INDENT);
  /* Translators: a kind of training (“General training”), then numbers of
   * courses, sessions, attendees and the months they span */
  g_string_append_printf (out, _("%s: %s courses, %s sessions, %s attendees, within %s months\n"),
                          title, courses, sessions, attendees, months);
}

static void
describe_training (GVariant *figures,
                   GString  *out)
{
  g_autofree char *rate = od_stats_format_percent (od_stats_lookup_double (figures,
                                                                           "attendance_rate"));

  g_string_append (out, _("Training:\n"));
  describe_kind (figures, "general", _("General training"), out);
  describe_kind (figures, "project", _("Project-execution training"), out);
  g_string_append (out, INDENT);
  /* Translators: %s is a percentage ("87.5%") */
  g_string_append_printf (out, _("Attendance rate: %s\n"), rate);
}

const OdStatsDomain od_training_stats_domain = {
  "training", gather_training, describe_training,
};
