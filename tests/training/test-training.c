/* test-training.c — courses, sessions, enrolments and attendance marks:
 * the stores' checks, the figures against hand-computed ones, import and
 * export through the entity registry, the trash, the door's helpers and
 * the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "od-db.h"
#include "od-domains.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-import.h"
#include "od-registry-store.h"
#include "od-stats.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-training-entities.h"
#include "od-training-laptop.h"
#include "od-training-query.h"
#include "od-training-store.h"
#include "od-trash.h"

static gint64
add_person (OdDb       *db,
            const char *name,
            const char *mobile)
{
  g_autoptr(OdPersonFields) p = od_person_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (p->name);
  p->name = g_strdup (name);
  g_free (p->mobile);
  p->mobile = g_strdup (mobile);
  id = od_person_save (db, p, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_course (OdDb       *db,
            const char *title,
            const char *kind)
{
  g_autoptr(OdCourseFields) c = od_course_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (c->title);
  c->title = g_strdup (title);
  g_free (c->kind);
  c->kind = g_strdup (kind);
  id = od_course_save (db, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_session (OdDb       *db,
             gint64      course_id,
             const char *held_on)
{
  g_autoptr(OdCourseSessionFields) s = od_course_session_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->course_id = course_id;
  s->held_on = g_strdup (held_on);
  g_free (s->starts_at);
  s->starts_at = g_strdup ("09:00");
  id = od_course_session_save (db, s, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
enrol (OdDb       *db,
       gint64      course_id,
       gint64      person_id,
       const char *status)
{
  g_autoptr(OdEnrolmentFields) e = od_enrolment_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->course_id = course_id;
  e->person_id = person_id;
  g_free (e->status);
  e->status = g_strdup (status);
  id = od_enrolment_save (db, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
mark (OdDb       *db,
      gint64      session_id,
      gint64      person_id,
      const char *status)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (od_attendance_mark_set (db, session_id, person_id, status, "manual", &error),
                   >, 0);
  g_assert_no_error (error);
}

/* The figures of a small year, counted by hand:
 *   general course G (2017-03-07, 2017-05-02), enrolled A B C, D waitlisted;
 *     A present, late; B absent, present; C excused, absent; D present at
 *     the first (a walk-in not counted as enrolled)
 *   project course P (2017-09-05), enrolled A B; A present, B late
 *   a 2016 course with A present: not in 2017.
 * general: 1 course, 2 sessions, attendees A B D = 3, marks A A B D = 4,
 * months March–May = 3; project: 1, 1, 2, 2, 1 month;
 * rate = 6 ÷ (3 × 2 + 2 × 1) = 0.75. */
static void
test_figures (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stats = NULL;
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 b = add_person (db, "李四", "13800000002");
  gint64 c = add_person (db, "王五", "13800000003");
  gint64 d = add_person (db, "赵六", "13800000004");
  gint64 g = add_course (db, "法规政策培训班", "general");
  gint64 p = add_course (db, "执行项目培训班", "project");
  gint64 old = add_course (db, "2016年培训班", "general");
  gint64 g1 = add_session (db, g, "2017-03-07");
  gint64 g2 = add_session (db, g, "2017-05-02");
  gint64 p1 = add_session (db, p, "2017-09-05");
  gint64 o1 = add_session (db, old, "2016-06-01");

  enrol (db, g, a, "enrolled");
  enrol (db, g, b, "enrolled");
  enrol (db, g, c, "enrolled");
  enrol (db, g, d, "waitlisted");
  enrol (db, p, a, "enrolled");
  enrol (db, p, b, "enrolled");
  enrol (db, old, a, "enrolled");
  mark (db, g1, a, "present");
  mark (db, g2, a, "late");
  mark (db, g1, b, "absent");
  mark (db, g2, b, "present");
  mark (db, g1, c, "excused");
  mark (db, g2, c, "absent");
  mark (db, g1, d, "present");
  mark (db, p1, a, "present");
  mark (db, p1, b, "late");
  mark (db, o1, a, "present");
  /* The history names a mark by its person and session. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name ="
                                  " 'attendance_marks' AND summary = '张三 · 法规政策培训班 2017-03-07'"),
                   ==, 1);

  stats = od_stats_gather (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.courses"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.sessions"), ==, 2);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.attendees"), ==, 3);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.attendance_marks"), ==, 4);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.months"), ==, 3);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.courses"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.attendees"), ==, 2);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.attendance_marks"), ==, 2);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.months"), ==, 1);
  g_assert_cmpfloat (od_stats_lookup_double (stats, "training.attendance_rate"), ==, 0.75);
  {
    g_autoptr(GVariant) first = od_stats_lookup (stats, "training.general.first_date");
    g_autoptr(GVariant) inner = g_variant_get_maybe (first);

    g_assert_cmpstr (g_variant_get_string (inner, NULL), ==, "2017-03-07");
  }

  /* A mark changed replaces the earlier one; a course in the trash no
   * longer counts. */
  mark (db, g1, b, "present");
  g_clear_pointer (&stats, g_variant_unref);
  stats = od_stats_gather (db, 2017, &error);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.attendance_marks"), ==, 5);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks WHERE deleted_at IS NULL"),
                   ==, 10);
  g_assert_true (od_trash_move (db, &od_course_entity, p, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stats, g_variant_unref);
  stats = od_stats_gather (db, 2017, &error);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.courses"), ==, 0);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.attendees"), ==, 0);
}

static void
test_checks (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCourseFields) course = od_course_fields_new ();
  g_autoptr(OdCourseSessionFields) session = od_course_session_fields_new ();
  g_autoptr(OdEnrolmentFields) again = od_enrolment_fields_new ();
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  /* A course needs a title and a known kind. */
  g_assert_cmpint (od_course_save (db, course, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (course->title);
  course->title = g_strdup ("  能力提升培训班\u200b ");
  g_free (course->kind);
  course->kind = g_strdup ("seminar");
  g_assert_cmpint (od_course_save (db, course, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "general"));
  g_clear_error (&error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit);

  /* Text is stored in its normal form. */
  g_free (course->kind);
  course->kind = g_strdup ("project");
  g_assert_cmpint (od_course_save (db, course, &error), >, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM courses WHERE title = '能力提升培训班'"), ==, 1);

  /* A session needs a real date, times of day, and ends after it starts. */
  session->course_id = c;
  session->held_on = g_strdup ("2017-02-30");
  g_assert_cmpint (od_course_session_save (db, session, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (session->held_on);
  session->held_on = g_strdup ("2017-03-07");
  g_free (session->starts_at);
  session->starts_at = g_strdup ("14:00");
  g_free (session->ends_at);
  session->ends_at = g_strdup ("9:00");
  g_assert_cmpint (od_course_session_save (db, session, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (session->ends_at);
  session->ends_at = g_strdup ("12:00");
  g_assert_cmpint (od_course_session_save (db, session, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before"));
  g_clear_error (&error);

  /* Enrolled once: a second enrolment is a duplicate naming the first. */
  enrol (db, c, a, "enrolled");
  g_assert_cmpint (od_test_query_int (db, "SELECT length (token) FROM enrolments"), ==, 12);
  g_assert_cmpint (od_test_query_int (db, "SELECT enrolled_on IS NOT NULL FROM enrolments"), ==, 1);
  again->course_id = c;
  again->person_id = a;
  g_assert_cmpint (od_enrolment_save (db, again, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM enrolments"), ==, 1);
}

/* A roster through the import engine: the course and people looked up. */
static void
test_import_roster (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(OdImportResult) rejected = NULL;
  g_autofree char *roster = g_build_filename (f->dir, "roster.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *out = g_build_filename (f->dir, "marks.csv", NULL);
  g_autofree char *text = NULL;
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 s = add_session (db, c, "2017-03-07");

  add_person (db, "李四", "13800000002");
  g_assert_true (g_file_set_contents (roster, "培训名称,姓名,报名状态\n"
                                              "法规政策培训班,张三,已报名\n"
                                              "法规政策培训班,李四,候补\n", -1, NULL));
  result = od_import_file (db, "enrolments", roster, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM enrolments WHERE status = 'waitlisted'"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(DISTINCT token) FROM enrolments"), ==, 2);

  /* Someone not in the registry: reported, nothing written. */
  g_assert_true (g_file_set_contents (bad, "课次,姓名,出勤\n"
                                           "法规政策培训班 2017-03-07,张三,出席\n"
                                           "法规政策培训班 2017-03-07,无名氏,出席\n", -1, NULL));
  rejected = od_import_file (db, "attendance_marks", bad, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejected->errors->len, ==, 1);
  g_assert_false (rejected->written);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks"), ==, 0);

  /* The export names the session and the person. */
  mark (db, s, a, "late");
  g_assert_true (od_export_write_file (db, "attendance_marks", OD_EXPORT_FORMAT_CSV, FALSE, out,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "uuid,session,person,status,marked_at,method,notes"));
  g_assert_nonnull (strstr (text, ",法规政策培训班 2017-03-07,张三,late,"));
}

/* Purging a course takes its sessions, enrolments and marks. */
static void
test_trash (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 s = add_session (db, c, "2017-03-07");

  enrol (db, c, a, "enrolled");
  mark (db, s, a, "present");
  g_assert_true (od_trash_move (db, &od_course_entity, c, &error));
  g_assert_true (od_trash_restore (db, "courses", c, &error));
  g_assert_no_error (error);
  g_assert_true (od_trash_move (db, &od_course_entity, c, &error));
  g_assert_true (od_trash_purge (db, "courses", c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM course_sessions"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM enrolments"), ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks"), ==, 0);

  /* A person with attendance cannot be purged while it is kept. */
  c = add_course (db, "能力提升培训班", "general");
  s = add_session (db, c, "2017-04-07");
  mark (db, s, a, "present");
  g_assert_true (od_person_delete (db, a, &error));
  g_assert_false (od_trash_purge (db, "people", a, &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_REFERENCED);
}

/* The door: who a typed text names, counts, clearing, the remaining. */
static void
test_door (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  OdSessionCounts counts;
  OdEnrolee *zhang = NULL;
  guint n_marked = 0;
  gint64 a = add_person (db, "张三丰", "13812345678");
  gint64 b = add_person (db, "李四", "13800000002");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 s = add_session (db, c, "2017-03-07");
  gint64 walk_in;

  enrol (db, c, a, "enrolled");
  enrol (db, c, b, "enrolled");
  enrolees = od_course_list_enrolees (db, c, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrolees->len, ==, 2);
  for (guint i = 0; i < enrolees->len; i++)
    if (((OdEnrolee *) g_ptr_array_index (enrolees, i))->person_id == a)
      zhang = g_ptr_array_index (enrolees, i);
  g_assert_nonnull (zhang);
  g_assert_true (od_enrolee_matches (zhang, zhang->token));
  g_assert_true (od_enrolee_matches (zhang, "三丰"));
  g_assert_true (od_enrolee_matches (zhang, "zs"));
  g_assert_true (od_enrolee_matches (zhang, "ZSF"));
  g_assert_true (od_enrolee_matches (zhang, "5678"));
  g_assert_false (od_enrolee_matches (zhang, "678"));
  g_assert_false (od_enrolee_matches (zhang, "ls"));
  g_assert_false (od_enrolee_matches (zhang, ""));

  mark (db, s, a, "present");
  g_assert_true (od_session_get_counts (db, s, &counts, &error));
  g_assert_cmpuint (counts.enrolled, ==, 2);
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.not_yet, ==, 1);

  walk_in = od_course_enrol_walk_in (db, c, 0, "王五", "13800000003", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (walk_in, >, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT walk_in FROM enrolments WHERE id = (SELECT max (id)"
                                  " FROM enrolments)"), ==, 1);

  g_assert_true (od_attendance_mark_clear (db, s, a, &error));
  g_assert_true (od_session_get_counts (db, s, &counts, &error));
  g_assert_cmpuint (counts.present, ==, 0);
  g_assert_cmpuint (counts.not_yet, ==, 3);

  g_assert_true (od_session_mark_remaining (db, s, "absent", &n_marked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_marked, ==, 3);
  g_assert_true (od_session_get_counts (db, s, &counts, &error));
  g_assert_cmpuint (counts.absent, ==, 3);
  g_assert_cmpuint (counts.not_yet, ==, 0);
}

/* The door's log: each mark one committed row; applied with the time it
 * was taken and an audit entry each, oldest first (a later mark of the
 * same person wins); a mark of someone deleted meanwhile is dropped; what
 * a stopped application left is applied when the database is opened. */
static void
test_door_log (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  gint64 a = add_person (db, "张三丰", "13812345678");
  gint64 b = add_person (db, "李四", "13800000002");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 s = add_session (db, c, "2017-03-07");
  gint64 n_audit;
  guint n_dropped = 99;

  enrol (db, c, a, "enrolled");
  enrol (db, c, b, "enrolled");
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");

  /* Nothing logged: nothing to do, nothing written. */
  g_assert_cmpint (od_attendance_door_apply (db, &n_dropped, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_dropped, ==, 0);

  od_db_set_fixed_now (db, "2017-03-07T01:02:03Z");
  g_assert_true (od_attendance_door_mark (db, s, a, "present", "scan", &error));
  od_db_set_fixed_now (db, "2017-03-07T01:05:00Z");
  g_assert_true (od_attendance_door_mark (db, s, a, "late", "manual", &error));
  g_assert_true (od_attendance_door_mark (db, s, b, "present", "scan", &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_door_log"), ==, 3);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks"), ==, 0);

  /* B goes to the trash before the log is applied. */
  g_assert_true (od_person_delete (db, b, &error));
  g_assert_no_error (error);
  n_audit = od_test_query_int (db, "SELECT count(*) FROM audit_log");
  od_db_set_fixed_now (db, "2017-03-07T09:00:00Z");
  g_assert_cmpint (od_attendance_door_apply (db, &n_dropped, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (n_dropped, ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_door_log"), ==, 0);
  marks = od_course_list_marks (db, c, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  {
    OdAttendanceMarkFields *m = g_ptr_array_index (marks, 0);

    g_assert_cmpint (m->person_id, ==, a);
    g_assert_cmpstr (m->status, ==, "late");
    g_assert_cmpstr (m->method, ==, "manual");
    g_assert_cmpstr (m->marked_at, ==, "2017-03-07T01:05:00Z");
  }
  /* An insert and an update of A's mark: an audit entry each. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log"), ==, n_audit + 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name ="
                                  " 'attendance_marks'"), ==, 2);

  /* Left by a stopped application: applied on opening. */
  g_assert_true (od_attendance_door_mark (db, s, a, "present", "scan", &error));
  g_assert_true (od_domains_open (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_door_log"), ==, 0);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = od_course_list_marks (db, c, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((OdAttendanceMarkFields *) g_ptr_array_index (marks, 0))->status, ==, "present");
}

/* The demo's 2017 is the article's (DESIGN.md §6), counted from marks. */
static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stats = NULL;
  OdCourseFilter filter = { 2017, "general", NULL, NULL };
  g_autoptr(GPtrArray) courses = NULL;
  gint64 sum = 0;

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  stats = od_stats_gather (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.courses"), ==, 10);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.attendees"), >=, 900);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.attendees"), <=, 999);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.general.months"), <=, 4);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.courses"), ==, 9);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.attendees"), >=, 1600);
  g_assert_cmpint (od_stats_lookup_int (stats, "training.project.attendees"), <=, 1699);

  /* The list's per-course attendees add up to the figure. */
  courses = od_course_list (db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, ==, 10);
  for (guint i = 0; i < courses->len; i++)
    sum += ((OdCourseSummary *) g_ptr_array_index (courses, i))->n_attendees;
  g_assert_cmpint (sum, ==, od_stats_lookup_int (stats, "training.general.attendees"));
}

/* Planning: copying a course, enrolling organizations, the capacity. */
static void
test_planning (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = od_organization_fields_new ();
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 copy, org_id, walk_in;
  guint n_added = 0;

  add_session (db, c, "2017-03-07");
  add_session (db, c, "2017-03-08");
  copy = od_course_copy (db, c, "2018-03-13", &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 0);
  course = od_course_load (db, copy, &error);
  g_assert_cmpstr (course->title, ==, "法规政策培训班 (copy)");
  g_assert_cmpstr (course->kind, ==, "general");
  sessions = od_course_list_sessions (db, copy, &error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (((OdCourseSessionFields *) g_ptr_array_index (sessions, 0))->held_on, ==,
                   "2018-03-13");
  g_assert_cmpstr (((OdCourseSessionFields *) g_ptr_array_index (sessions, 1))->held_on, ==,
                   "2018-03-14");
  g_assert_cmpint (od_course_copy (db, c, "2018-02-30", &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Three people of one organization, two places: one waits. */
  g_free (org->name);
  org->name = g_strdup ("宝鸡市养生协会");
  org_id = od_organization_save (db, org, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(OdPersonFields) p = od_person_fields_new ();

      g_free (p->name);
      p->name = g_strdup_printf ("会员%u", i + 1);
      p->organization_id = org_id;
      g_assert_cmpint (od_person_save (db, p, &error), >, 0);
    }
  course->id = copy;
  course->capacity = 2;
  g_free (course->title);
  course->title = g_strdup ("2018年法规政策培训班");
  g_assert_cmpint (od_course_save (db, course, &error), ==, copy);
  g_assert_true (od_course_enrol_organizations (db, copy, &org_id, 1, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpint (od_course_count_enrolled (db, copy, NULL), ==, 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM enrolments WHERE status = 'waitlisted'"),
                   ==, 1);
  /* Again: nobody twice. */
  g_assert_true (od_course_enrol_organizations (db, copy, &org_id, 1, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);
  /* A walk-in is in the room, whatever the capacity. */
  walk_in = od_course_enrol_walk_in (db, copy, 0, "赵六", "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (walk_in, >, 0);
  g_assert_cmpint (od_course_count_enrolled (db, copy, NULL), ==, 3);
}

/* Certificates: those above the course's attendance threshold. */
static void
test_graduates (OdTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) half = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 b = add_person (db, "李四", "13800000002");
  gint64 c = add_person (db, "王五", "13800000003");
  gint64 id = add_course (db, "法规政策培训班", "general");
  gint64 s1 = add_session (db, id, "2017-03-07");
  gint64 s2 = add_session (db, id, "2017-03-08");

  enrol (db, id, a, "enrolled");
  enrol (db, id, b, "enrolled");
  enrol (db, id, c, "enrolled");
  mark (db, s1, a, "present");
  mark (db, s2, a, "absent");
  mark (db, s1, b, "excused");
  mark (db, s1, c, "late");
  mark (db, s2, c, "present");

  /* Without a threshold, no certificates. */
  none = od_course_list_graduates (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  course = od_course_load (db, id, &error);
  course->certificate_threshold = 50;
  g_assert_cmpint (od_course_save (db, course, &error), ==, id);
  half = od_course_list_graduates (db, id, &error);
  g_assert_cmpuint (half->len, ==, 2);
  course->certificate_threshold = 100;
  g_assert_cmpint (od_course_save (db, course, &error), ==, id);
  all = od_course_list_graduates (db, id, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((OdEnrolee *) g_ptr_array_index (all, 0))->name, ==, "王五");

  course->certificate_threshold = 120;
  g_assert_cmpint (od_course_save (db, course, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
}

/* A course taken away on a laptop and merged back. */
static void
test_laptop (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *laptop_path = g_build_filename (f->dir, "laptop.db", NULL);
  g_autoptr(OdMergeResult) result = NULL;
  g_autoptr(OdMergeResult) again = NULL;
  gint64 a = add_person (db, "张三", "13800000001");
  gint64 b = add_person (db, "李四", "13800000002");
  gint64 c = add_course (db, "法规政策培训班", "general");
  gint64 s1 = add_session (db, c, "2017-03-07");
  gint64 s2 = add_session (db, c, "2017-03-08");

  enrol (db, c, a, "enrolled");
  mark (db, s1, a, "present");
  g_assert_true (od_training_export_course (db, c, laptop_path, &error));
  g_assert_no_error (error);
  /* Never over an existing file. */
  g_assert_false (od_training_export_course (db, c, laptop_path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);

  {
    g_autoptr(OdDb) laptop = od_db_open (laptop_path, OD_DB_OPEN_DEFAULT, &error);
    gint64 walk_in;

    g_assert_no_error (error);
    /* The laptop has the course, its people and marks under the same uuids. */
    g_assert_cmpint (od_test_query_int (laptop, "SELECT count(*) FROM people"), ==, 1);
    g_assert_cmpint (od_test_query_int (laptop, "SELECT count(*) FROM attendance_marks"), ==, 1);
    /* 李四 walks in (the office knows him: same name and mobile); 张三 is
     * marked late at the second session; the first session's mark is
     * changed on the laptop later than in the office. */
    walk_in = od_course_enrol_walk_in (laptop, c, 0, "李四", "13800000002", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (walk_in, >, 0);
    /* (Taken at the door, and the laptop switched off before its door's
     * log was applied: the merge applies it.) */
    g_assert_true (od_attendance_door_mark (laptop, s2, a, "late", "scan", &error));
    g_assert_no_error (error);
    g_assert_true (od_db_exec (laptop, "UPDATE attendance_marks SET status = 'excused',"
                                       " marked_at = '2017-03-07T10:00:00+08:00'"
                                       " WHERE session_id = 1", &error));
    {
      gint64 li = od_test_query_int (laptop, "SELECT id FROM people WHERE name = '李四'");

      mark (laptop, s1, li, "present");
    }
  }
  /* Meanwhile in the office: 张三's first mark changed earlier. */
  g_assert_true (od_db_exec (db, "UPDATE attendance_marks SET status = 'absent',"
                                 " marked_at = '2017-03-07T09:00:00+08:00'", &error));

  result = od_training_merge (db, laptop_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (result->backup_path);
  g_assert_true (g_file_test (result->backup_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (result->people_added, ==, 0);
  g_assert_cmpuint (result->people_matched, ==, 1);
  g_assert_cmpuint (result->enrolments_added, ==, 1);
  g_assert_cmpuint (result->marks_added, ==, 2);
  g_assert_cmpuint (result->marks_updated, ==, 1);
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->conflicts, 0), "张三"));
  /* Nobody duplicated; the later mark kept; the walk-in enrolled. */
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM enrolments WHERE person_id = 2"
                                  " AND walk_in = 1"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks WHERE session_id = 1"
                                  " AND person_id = 1 AND status = 'excused'"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM attendance_marks"), ==, 3);
  (void) b;
  /* Undoable while it is the last change: its backup holds the rest. */
  g_assert_cmpint (result->audit_id, >, 0);
  g_assert_true (od_training_merge_is_last (db, result, &error));
  g_assert_no_error (error);
  {
    g_autoptr(OdDb) before = od_db_open (result->backup_path, OD_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (od_test_query_int (before, "SELECT count(*) FROM attendance_marks"), ==, 1);
  }

  /* Merging again changes nothing; the first merge is no longer the last
   * change, so it is no longer undone by its backup. */
  again = od_training_merge (db, laptop_path, &error);
  g_assert_no_error (error);
  g_assert_false (od_training_merge_is_last (db, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->marks_added + again->marks_updated + again->enrolments_added
                    + again->people_added, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 0);

  /* A session deleted in the office meanwhile: its marks stay out, said. */
  g_assert_true (od_trash_move (db, &od_course_session_entity, s2, &error));
  g_clear_pointer (&again, od_merge_result_free);
  again = od_training_merge (db, laptop_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (again->skipped, 0), "2017-03-08"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/training/figures", test_figures);
  OD_TEST_ADD ("/training/checks", test_checks);
  OD_TEST_ADD ("/training/import-roster", test_import_roster);
  OD_TEST_ADD ("/training/trash", test_trash);
  OD_TEST_ADD ("/training/door", test_door);
  OD_TEST_ADD ("/training/door-log", test_door_log);
  OD_TEST_ADD ("/training/planning", test_planning);
  OD_TEST_ADD ("/training/laptop", test_laptop);
  OD_TEST_ADD ("/training/graduates", test_graduates);
  OD_TEST_ADD ("/training/demo", test_demo);
  return g_test_run ();
}
