/* bench-attendance.c — the door: opening a session of 2,000 enrolled,
 * finding who is typed, committing a mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: it prints timings and asserts none (DESIGN.md
 * §7). A temporary database gets one course with 2,000 enrolled people
 * (through the stores), and optionally many more marks of other courses
 * (--marks N, inserted in bulk) so that the door's queries are timed on a
 * large table. Each figure is the median of 5 runs (of 501 marks for the
 * mark; min–max beside it), next to a floor measured in the same run:
 *
 *   open    od_course_list_enrolees () + od_session_get_counts ()
 *           floor: SELECT of the same 2,000 rows' id and name, no joins
 *   find    od_enrolee_matches () over the 2,000, for a name, pinyin
 *           initials and a mobile tail
 *           floor: strstr () of the name over the same 2,000
 *   mark    od_attendance_door_mark () of one person, committed: what the
 *           door does at the keystroke (one row in the door's log)
 *           floor: a bare prepared INSERT into a table of the same shape,
 *           committed, WAL with synchronous=NORMAL (as OrgDesk opens it)
 *   apply   od_attendance_door_apply () of one logged mark, as the door
 *           window does two seconds later (the mark and its audit entry:
 *           eight b-tree pages where the floor writes one), and of 20
 *           logged marks at once, per mark; and od_attendance_mark_set ()
 *           (the same, at once) for comparison; same floor
 *
 *   ninja -C build tests/bench-attendance
 *   build/tests/bench-attendance                  # 2,000 enrolled
 *   build/tests/bench-attendance --marks 2000000  # and 2,000,000 other marks
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "od-db.h"
#include "od-registry-store.h"
#include "od-training-query.h"
#include "od-training-store.h"

#define N_RUNS 5
#define N_ENROLLED 2000
#define N_MARK_RUNS 501   /* marks of different people: the median of many, each a commit */

typedef struct
{
  double median, min, max;
} Timing;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static Timing
summarize_n (double *runs,
             guint   n)
{
  Timing t;

  qsort (runs, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  t.median = runs[n / 2];
  t.min = runs[0];
  t.max = runs[n - 1];
  return t;
}

static Timing
summarize (double *runs)
{
  return summarize_n (runs, N_RUNS);
}

static void
print_row (const char *what,
           Timing      ours,
           Timing      floor)
{
  printf ("  %-28s %9.3f ms (%.3f–%.3f)   floor %9.3f ms   ratio %6.1f\n", what, ours.median,
          ours.min, ours.max, floor.median, floor.median > 0 ? ours.median / floor.median : 0);
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("bench-attendance: %s\n", error != NULL ? error->message : "failed");
      exit (1);
    }
}

int
main (int    argc,
      char **argv)
{
  gint64 n_marks = 0;
  const GOptionEntry entries[] = {
    { "marks", 0, 0, G_OPTION_ARG_INT64, &n_marks, "Other courses' marks to add first", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the door");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("orgdesk-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(OdDb) db = NULL;
  g_autoptr(OdCourseFields) course = od_course_fields_new ();
  g_autoptr(OdCourseSessionFields) session = od_course_session_fields_new ();
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *queries[] = { "王建", "wj", "5678" };
  double runs[N_RUNS], floor_runs[N_RUNS];
  double mark_runs[N_MARK_RUNS], mark_floor_runs[N_MARK_RUNS];
  double apply_runs[N_MARK_RUNS], set_runs[N_MARK_RUNS];
  gint64 course_id, session_id;
  GTimer *timer = g_timer_new ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  db = od_db_open (path, OD_DB_OPEN_CREATE, &error);
  check (db != NULL, error);
  g_free (course->title);
  course->title = g_strdup ("十九大精神宣讲培训班");
  course_id = od_course_save (db, course, &error);
  check (course_id != 0, error);
  session->course_id = course_id;
  session->held_on = g_strdup ("2017-11-07");
  g_free (session->starts_at);
  session->starts_at = g_strdup ("09:00");
  session_id = od_course_session_save (db, session, &error);
  check (session_id != 0, error);

  g_timer_start (timer);
  for (guint i = 0; i < N_ENROLLED; i++)
    {
      static const char *const family[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄" };
      static const char *const given[] = { "建国", "芳", "伟", "秀英", "敏", "静", "强", "磊" };
      g_autoptr(OdPersonFields) p = od_person_fields_new ();
      g_autoptr(OdEnrolmentFields) e = od_enrolment_fields_new ();
      gint64 id;

      g_free (p->name);
      p->name = g_strdup_printf ("%s%s%u", family[i % 8], given[(i / 8) % 8], i);
      g_free (p->mobile);
      p->mobile = g_strdup_printf ("138%08u", i * 7919 % 100000000);
      id = od_person_save (db, p, &error);
      check (id != 0, error);
      e->course_id = course_id;
      e->person_id = id;
      check (od_enrolment_save (db, e, &error) != 0, error);
      g_array_append_val (people, id);
    }
  printf ("%u people enrolled through the stores in %.1f s\n", N_ENROLLED, g_timer_elapsed (timer, NULL));

  if (n_marks > 0)
    {
      g_timer_start (timer);
      check (od_db_exec (db, "BEGIN", &error), error);
      check (od_db_exec (db, "INSERT INTO courses (uuid, title, created_at, updated_at)"
                             " VALUES ('bench-other', 'other', '', '')", &error), error);
      check (od_db_exec (db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                             " WHERE i < 1000) INSERT INTO course_sessions (uuid, course_id,"
                             " held_on, created_at, updated_at) SELECT 'bench-s' || i, (SELECT id"
                             " FROM courses WHERE uuid = 'bench-other'), '2016-01-01', '', ''"
                             " FROM n", &error), error);
      {
        g_autofree char *sql = g_strdup_printf (
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ")"
          " INSERT INTO attendance_marks (uuid, session_id, person_id, status, marked_at, created_at,"
          " updated_at) SELECT 'bench-m' || i, (SELECT min (id) FROM course_sessions) + 1 + i %% 1000,"
          " (SELECT min (id) FROM people) + (i / 1000) %% %u, 'present', '', '', '' FROM n",
          n_marks, N_ENROLLED);

        check (od_db_exec (db, sql, &error), error);
      }
      check (od_db_exec (db, "COMMIT", &error), error);
      printf ("%" G_GINT64_FORMAT " other marks added in %.1f s\n", n_marks, g_timer_elapsed (timer, NULL));
    }

  /* open */
  for (guint r = 0; r < N_RUNS; r++)
    {
      OdSessionCounts counts;
      g_autoptr(OdStmt) stmt = NULL;

      g_timer_start (timer);
      g_clear_pointer (&enrolees, g_ptr_array_unref);
      enrolees = od_course_list_enrolees (db, course_id, &error);
      check (enrolees != NULL && od_session_get_counts (db, session_id, &counts, &error), error);
      runs[r] = g_timer_elapsed (timer, NULL) * 1000;

      g_timer_start (timer);
      stmt = od_db_prepare (db, "SELECT id, name FROM people WHERE id IN"
                                " (SELECT person_id FROM enrolments WHERE course_id = ?1)", &error);
      check (stmt != NULL && od_stmt_bind_int64 (stmt, 1, course_id, &error), error);
      while (od_stmt_step (stmt, NULL) == OD_STEP_ROW)
        ;
      floor_runs[r] = g_timer_elapsed (timer, NULL) * 1000;
    }
  printf ("Opening the door of one session (%u enrolled):\n", enrolees->len);
  print_row ("open", summarize (runs), summarize (floor_runs));

  /* find */
  printf ("Finding who is typed among them:\n");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint hits = 0;
      volatile guint floor_hits = 0;
      g_autofree char *label = NULL;

      for (guint r = 0; r < N_RUNS; r++)
        {
          g_timer_start (timer);
          hits = 0;
          for (guint i = 0; i < enrolees->len; i++)
            hits += od_enrolee_matches (g_ptr_array_index (enrolees, i), queries[q]);
          runs[r] = g_timer_elapsed (timer, NULL) * 1000;

          g_timer_start (timer);
          for (guint i = 0; i < enrolees->len; i++)
            if (strstr (((OdEnrolee *) g_ptr_array_index (enrolees, i))->name, queries[q]) != NULL)
              floor_hits++;
          floor_runs[r] = g_timer_elapsed (timer, NULL) * 1000;
        }
      label = g_strdup_printf ("find “%s” (%u found)", queries[q], hits);
      print_row (label, summarize (runs), summarize (floor_runs));
    }

  /* mark */
  check (od_db_exec (db, "CREATE TABLE bench_marks (id INTEGER PRIMARY KEY, session_id INTEGER,"
                         " person_id INTEGER, status TEXT, marked_at TEXT)", &error), error);
  for (guint r = 0; r < N_MARK_RUNS; r++)
    {
      g_autoptr(OdStmt) stmt = NULL;

      g_timer_start (timer);
      check (od_attendance_door_mark (db, session_id, g_array_index (people, gint64, r),
                                      "present", "scan", &error), error);
      mark_runs[r] = g_timer_elapsed (timer, NULL) * 1000;

      g_timer_start (timer);
      check (od_attendance_door_apply (db, NULL, &error) == 1, error);
      apply_runs[r] = g_timer_elapsed (timer, NULL) * 1000;

      g_timer_start (timer);
      check (od_attendance_mark_set (db, session_id, g_array_index (people, gint64, r),
                                     "late", "manual", &error) != 0, error);
      set_runs[r] = g_timer_elapsed (timer, NULL) * 1000;

      g_timer_start (timer);
      stmt = od_db_prepare (db, "INSERT INTO bench_marks (session_id, person_id, status, marked_at)"
                                " VALUES (?1, ?2, 'present', '2017-11-07T09:00:00Z')", &error);
      check (stmt != NULL && od_stmt_bind_int64 (stmt, 1, session_id, &error)
             && od_stmt_bind_int64 (stmt, 2, r, &error) && od_stmt_run (stmt, &error), error);
      mark_floor_runs[r] = g_timer_elapsed (timer, NULL) * 1000;
    }
  printf ("One door mark, from the person found to the committed row (%u marks):\n",
          N_MARK_RUNS);
  print_row ("mark", summarize_n (mark_runs, N_MARK_RUNS),
             summarize_n (mark_floor_runs, N_MARK_RUNS));
  printf ("Applying the door's log (seconds later, off the keystroke):\n");
  print_row ("apply 1 mark", summarize_n (apply_runs, N_MARK_RUNS),
             summarize_n (mark_floor_runs, N_MARK_RUNS));
  for (guint r = 0; r < N_RUNS; r++)
    {
      for (guint i = 0; i < 20; i++)
        check (od_attendance_door_mark (db, session_id,
                                        g_array_index (people, gint64, N_MARK_RUNS + r * 20 + i),
                                        "present", "scan", &error), error);
      g_timer_start (timer);
      check (od_attendance_door_apply (db, NULL, &error) == 20, error);
      runs[r] = g_timer_elapsed (timer, NULL) * 1000 / 20;
      floor_runs[r] = mark_floor_runs[N_MARK_RUNS / 2];
    }
  print_row ("apply 20 marks, per mark", summarize (runs), summarize (floor_runs));
  print_row ("mark_set at once (no log)", summarize_n (set_runs, N_MARK_RUNS),
             summarize_n (mark_floor_runs, N_MARK_RUNS));

  g_timer_destroy (timer);
  g_clear_object (&db);
  g_unlink (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return 0;
}
