/* test-ui-attendance.c — the door attendance window driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "od-attendance-window-private.h"
#include "od-demo.h"
#include "od-gui-resources.h"
#include "od-registry-store.h"
#include "od-test-util.h"
#include "od-test-ui-util.h"
#include "od-training-query.h"
#include "od-training-store.h"

/* The demo data, loaded once: each test opens a copy of it. */
static OdDb *demo_db;

typedef struct
{
  OdDb                   *db;
  gint64                  session_id;
  OdCourseSessionFields  *session;
  GPtrArray              *enrolees;
  GtkWidget              *window;
} Door;

static GObject *
child_of (Door       *door,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (door->window, OD_TYPE_ATTENDANCE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
label_text (Door       *door,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child_of (door, name)));
}

/* The local time MINUTES after the session's start (before it when negative). */
static GDateTime *
session_time (Door *door,
              int   minutes)
{
  g_autoptr(GDateTime) start = NULL;
  int year, month, day, hour, minute;

  g_assert_cmpint (sscanf (door->session->held_on, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_assert_cmpint (sscanf (door->session->starts_at, "%d:%d", &hour, &minute), ==, 2);
  start = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_add_minutes (start, minutes);
}

/* A copy of the demo data with the first session of a 2017 course, its
 * marks removed: the door before anyone came. BEFORE runs then, on the
 * database, before the window opens. */
static void
door_open (Door          *door,
           OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  OdCourseFilter filter = { .year = 2017 };
  OdCourseSessionFields *session;

  g_assert_true (od_db_backup_to (demo_db, f->path, &error));
  g_assert_no_error (error);
  door->db = od_db_open (f->path, OD_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  courses = od_course_list (door->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, >, 0);
  for (guint i = 0; i < courses->len && door->session_id == 0; i++)
    {
      OdCourseSummary *course = g_ptr_array_index (courses, i);

      g_clear_pointer (&sessions, g_ptr_array_unref);
      sessions = od_course_list_sessions (door->db, course->id, &error);
      g_assert_no_error (error);
      if (sessions->len > 0 && course->n_enrolled >= 10)
        {
          session = g_ptr_array_index (sessions, 0);
          door->session_id = session->id;
        }
    }
  g_assert_cmpint (door->session_id, >, 0);
  door->session = od_course_session_load (door->db, door->session_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (door->session->held_on, "2017-"));
  g_assert_cmpstr (door->session->starts_at, !=, "");

  door->enrolees = od_course_list_enrolees (door->db, door->session->course_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < door->enrolees->len; i++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (door->enrolees, i);

      g_assert_true (od_attendance_mark_clear (door->db, door->session_id, enrolee->person_id, &error));
      g_assert_no_error (error);
    }
}

static void
door_show (Door *door)
{
  g_autoptr(GDateTime) early = session_time (door, -10);

  door->window = od_attendance_window_new (NULL, door->db, door->session_id);
  _od_attendance_window_set_now (OD_ATTENDANCE_WINDOW (door->window), early);
  gtk_window_present (GTK_WINDOW (door->window));
  od_test_wait_allocated (door->window);
}

static void
door_close (Door *door)
{
  if (door->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&door->window)));
  g_clear_pointer (&door->session, od_course_session_fields_free);
  g_clear_pointer (&door->enrolees, g_ptr_array_unref);
  g_clear_object (&door->db);
  od_test_spin (20);
}

static gboolean
entry_has_focus (Door *door)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (door->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (child_of (door, "entry")));
}

/* Types TEXT into the entry as the scanner or the trainer would, then Enter. */
static void
type (Door       *door,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (door, "entry")), text);
  od_test_spin (10);
}

static void
press_enter (Door *door)
{
  g_signal_emit_by_name (child_of (door, "entry"), "activate");
  od_test_spin (10);
}

/* Marks taken at the door and not applied yet (od_attendance_door_mark). */
static gint64
n_logged (Door *door)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (od_db_query_int64 (door->db, "SELECT count(*) FROM attendance_door_log", &n, &error));
  g_assert_no_error (error);
  return n;
}

/* The mark of PERSON_ID at the session (a copy), or NULL; the door's log
 * applied first, as the window does two seconds after the last mark. */
static OdAttendanceMarkFields *
mark_of (Door   *door,
         gint64  person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;

  g_assert_cmpint (od_attendance_door_apply (door->db, NULL, &error), >=, 0);
  g_assert_no_error (error);
  marks = od_course_list_marks (door->db, door->session->course_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < marks->len; i++)
    {
      OdAttendanceMarkFields *mark = g_ptr_array_index (marks, i);

      if (mark->session_id == door->session_id && mark->person_id == person_id)
        return g_ptr_array_steal_index (marks, i);
    }
  return NULL;
}

static guint
n_marks (Door *door)
{
  OdSessionCounts counts;

  g_assert_true (od_session_get_counts (door->db, door->session_id, &counts, NULL));
  return counts.present + counts.late + counts.absent + counts.excused;
}

static OdEnrolee *
enrolee_at (Door  *door,
            guint  index)
{
  guint n = 0;

  for (guint i = 0; i < door->enrolees->len; i++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (door->enrolees, i);

      if (g_str_equal (enrolee->status, "enrolled") && n++ == index)
        return enrolee;
    }
  g_assert_not_reached ();
}

/* A query of pinyin initials that several enrolees match (neither EXCEPT
 * nor ALSO_EXCEPT). */
static char *
several_query (Door      *door,
               OdEnrolee *except,
               OdEnrolee *also_except)
{
  for (guint len = 1; len <= 2; len++)
    for (guint i = 0; i < door->enrolees->len; i++)
      {
        OdEnrolee *candidate = g_ptr_array_index (door->enrolees, i);
        g_autofree char *query = g_strndup (candidate->initials, len);
        guint n = 0;

        if (strlen (query) < len || strchr (query, ' ') != NULL || od_enrolee_matches (except, query)
            || od_enrolee_matches (also_except, query))
          continue;
        for (guint j = 0; j < door->enrolees->len; j++)
          {
            OdEnrolee *enrolee = g_ptr_array_index (door->enrolees, j);

            if (g_strcmp0 (enrolee->status, "cancelled") != 0 && od_enrolee_matches (enrolee, query))
              n++;
          }
        if (n >= 2 && n <= 8)
          return g_steal_pointer (&query);
      }
  g_assert_not_reached ();
}

static void
test_scan_pick_walk_in_undo (OdTestFixture *f,
                             gconstpointer  data)
{
  Door door = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(OdAttendanceMarkFields) mark = NULL;
  g_autoptr(OdAttendanceMarkFields) again = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *query = NULL;
  OdEnrolee *scanned, *absent, *picked = NULL, *walk_in = NULL;
  GtkListBox *pick_list;
  GtkListBoxRow *row;
  guint marks_before;

  door_open (&door, f);
  /* Someone marked absent on paper before the door opened. */
  absent = enrolee_at (&door, 2);
  g_assert_cmpint (od_attendance_mark_set (door.db, door.session_id, absent->person_id, "absent", "paper",
                                           &error), >, 0);
  g_assert_no_error (error);
  door_show (&door);
  pick_list = GTK_LIST_BOX (child_of (&door, "pick_list"));
  g_assert_true (entry_has_focus (&door));
  g_assert_cmpstr (label_text (&door, "present_label"), ==, "0");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child_of (&door, "undo_button"))));

  /* A badge scanned: present, by scan, committed at once (to the door's
   * log, applied to the marks later). */
  scanned = enrolee_at (&door, 0);
  type (&door, scanned->token);
  press_enter (&door);
  g_assert_cmpint (n_logged (&door), ==, 1);
  mark = mark_of (&door, scanned->person_id);
  g_assert_cmpint (n_logged (&door), ==, 0);
  g_assert_nonnull (mark);
  g_assert_cmpstr (mark->status, ==, "present");
  g_assert_cmpstr (mark->method, ==, "scan");
  g_assert_cmpstr (label_text (&door, "name_label"), ==, scanned->name);
  {
    g_autoptr(GDateTime) early = session_time (&door, -10);
    g_autofree char *expected = g_date_time_format (early, "Checked in at %H:%M");

    g_assert_cmpstr (label_text (&door, "result_label"), ==, expected);
  }
  g_assert_cmpstr (label_text (&door, "present_label"), ==, "1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (&door, "entry"))), ==, "");
  g_assert_true (entry_has_focus (&door));

  /* The same badge again: said, and nothing changes. */
  marks_before = n_marks (&door);
  type (&door, scanned->token);
  press_enter (&door);
  g_assert_true (g_str_has_prefix (label_text (&door, "result_label"), "Already checked in at "));
  again = mark_of (&door, scanned->person_id);
  g_assert_cmpint (again->id, ==, mark->id);
  g_assert_cmpstr (again->marked_at, ==, mark->marked_at);
  g_assert_cmpuint (n_marks (&door), ==, marks_before);

  /* Pinyin initials matching several: a pick list; Enter chooses the first
   * row, ↓ the next, Enter marks that one (typed, so "manual"). */
  query = several_query (&door, scanned, absent);
  type (&door, query);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child_of (&door, "pick_list"))));
  g_assert_nonnull (gtk_list_box_get_row_at_index (pick_list, 1));
  press_enter (&door);
  g_assert_cmpuint (n_marks (&door), ==, marks_before);
  row = gtk_list_box_get_selected_row (pick_list);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, 0);
  g_assert_true (gtk_widget_activate_action (door.window, "attendance.select-next", NULL));
  row = gtk_list_box_get_selected_row (pick_list);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, 1);
  picked = g_object_get_data (G_OBJECT (row), "enrolee");
  g_assert_nonnull (picked);
  {
    gint64 picked_id = picked->person_id;
    g_autoptr(OdAttendanceMarkFields) picked_mark = NULL;

    press_enter (&door);
    picked_mark = mark_of (&door, picked_id);
    g_assert_nonnull (picked_mark);
    g_assert_cmpstr (picked_mark->status, ==, "present");
    g_assert_cmpstr (picked_mark->method, ==, "manual");
    g_assert_cmpuint (n_marks (&door), ==, marks_before + 1);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child_of (&door, "pick_list"))));
  }

  /* Someone marked absent arrives: present now; undo gives the paper mark back. */
  type (&door, absent->token);
  press_enter (&door);
  {
    g_autoptr(OdAttendanceMarkFields) now = mark_of (&door, absent->person_id);
    g_autoptr(OdAttendanceMarkFields) back = NULL;

    g_assert_cmpstr (now->status, ==, "present");
    g_assert_true (gtk_widget_activate_action (door.window, "attendance.undo", NULL));
    back = mark_of (&door, absent->person_id);
    g_assert_cmpstr (back->status, ==, "absent");
    g_assert_cmpstr (back->method, ==, "paper");
    g_assert_true (entry_has_focus (&door));
  }

  /* A name nobody enrolled has: Enter opens the walk-in form with the name
   * filled in, Enter in it enrols and checks in. */
  marks_before = n_marks (&door);
  type (&door, "测试来宾");
  g_assert_nonnull (gtk_list_box_get_row_at_index (pick_list, 0));
  press_enter (&door);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (&door, "walk_in_revealer"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (&door, "walk_in_name_row"))), ==, "测试来宾");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (door.window));

    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (child_of (&door, "walk_in_mobile_row"))));
  }
  g_signal_emit_by_name (child_of (&door, "walk_in_mobile_row"), "entry-activated");
  od_test_spin (10);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (&door, "walk_in_revealer"))));
  after = od_course_list_enrolees (door.db, door.session->course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, door.enrolees->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (g_str_equal (((OdEnrolee *) g_ptr_array_index (after, i))->name, "测试来宾"))
      walk_in = g_ptr_array_index (after, i);
  g_assert_nonnull (walk_in);
  g_assert_true (walk_in->walk_in);
  {
    g_autoptr(OdAttendanceMarkFields) walk_in_mark = mark_of (&door, walk_in->person_id);
    g_autoptr(OdPersonFields) person = od_person_load (door.db, walk_in->person_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (person->name, ==, "测试来宾");
    g_assert_nonnull (walk_in_mark);
    g_assert_cmpstr (walk_in_mark->status, ==, "present");
  }
  g_assert_cmpuint (n_marks (&door), ==, marks_before + 1);
  g_assert_true (entry_has_focus (&door));

  /* Undo the last mark: the walk-in has no mark again, the rest stays. */
  g_assert_true (gtk_widget_activate_action (door.window, "attendance.undo", NULL));
  {
    g_autoptr(OdAttendanceMarkFields) gone = mark_of (&door, walk_in->person_id);
    g_autoptr(OdAttendanceMarkFields) kept = mark_of (&door, scanned->person_id);

    g_assert_null (gone);
    g_assert_nonnull (kept);
  }
  g_assert_cmpuint (n_marks (&door), ==, marks_before);
  g_assert_cmpstr (label_text (&door, "result_label"), ==, "Mark undone");

  door_close (&door);
}

static void
test_late (OdTestFixture *f,
           gconstpointer  data)
{
  Door door = { 0 };
  g_autoptr(GDateTime) at_915 = g_date_time_new_local (2017, 10, 19, 9, 15, 0);
  g_autoptr(GDateTime) at_916 = g_date_time_new_local (2017, 10, 19, 9, 16, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new_local (2017, 10, 20, 10, 0, 0);
  g_autoptr(GDateTime) late_time = NULL;
  g_autoptr(OdAttendanceMarkFields) first = NULL;
  g_autoptr(OdAttendanceMarkFields) second = NULL;
  OdEnrolee *one, *two;

  /* The rule alone. */
  g_assert_false (od_attendance_is_late ("2017-10-19", "09:00", 15, FALSE, at_915));
  g_assert_true (od_attendance_is_late ("2017-10-19", "09:00", 15, FALSE, at_916));
  g_assert_false (od_attendance_is_late ("2017-10-19", "09:00", 16, FALSE, at_916));
  g_assert_false (od_attendance_is_late ("2017-10-19", "09:00", 15, FALSE, next_day));
  g_assert_true (od_attendance_is_late ("2017-10-19", "09:00", 15, TRUE, next_day));
  g_assert_false (od_attendance_is_late ("2017-10-19", "", 15, TRUE, next_day));
  g_assert_false (od_attendance_is_late ("2017-10-19", "soon", 15, FALSE, at_916));

  /* In the window, with its clock pinned 20 minutes after the start. */
  door_open (&door, f);
  door_show (&door);
  late_time = session_time (&door, 20);
  _od_attendance_window_set_now (OD_ATTENDANCE_WINDOW (door.window), late_time);
  one = enrolee_at (&door, 0);
  type (&door, one->token);
  press_enter (&door);
  first = mark_of (&door, one->person_id);
  g_assert_cmpstr (first->status, ==, "late");
  g_assert_true (g_str_has_prefix (label_text (&door, "result_label"), "Late"));
  g_assert_cmpstr (label_text (&door, "late_label"), ==, "1");

  /* A grace of 30 minutes: the same time is on time. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (&door, "grace_spin")), 30);
  two = enrolee_at (&door, 1);
  type (&door, two->token);
  press_enter (&door);
  second = mark_of (&door, two->person_id);
  g_assert_cmpstr (second->status, ==, "present");

  door_close (&door);
}

/* The door's log is applied two seconds after the last mark, and when the
 * window closes; nothing is lost in between. */
static void
test_log_applied (OdTestFixture *f,
                  gconstpointer  data)
{
  Door door = { 0 };
  g_autoptr(OdAttendanceMarkFields) first = NULL;
  g_autoptr(OdAttendanceMarkFields) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  OdEnrolee *one, *two;

  door_open (&door, f);
  door_show (&door);
  one = enrolee_at (&door, 0);
  type (&door, one->token);
  press_enter (&door);
  g_assert_cmpint (n_logged (&door), ==, 1);
  g_assert_cmpstr (label_text (&door, "present_label"), ==, "1");

  /* The timer: about two seconds after the mark. */
  start = g_get_monotonic_time ();
  while (n_logged (&door) > 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (n_logged (&door), ==, 0);
  first = mark_of (&door, one->person_id);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->method, ==, "scan");
  g_assert_cmpstr (label_text (&door, "present_label"), ==, "1");

  /* Closing the window: applied at once. */
  two = enrolee_at (&door, 1);
  type (&door, two->token);
  press_enter (&door);
  g_assert_cmpint (n_logged (&door), ==, 1);
  gtk_window_close (GTK_WINDOW (door.window));
  g_assert_cmpint (n_logged (&door), ==, 0);
  door.window = NULL;
  second = mark_of (&door, two->person_id);
  g_assert_nonnull (second);
  g_assert_cmpstr (second->status, ==, "present");

  door_close (&door);
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
test_finish (OdTestFixture *f,
             gconstpointer  data)
{
  Door door = { 0 };
  OdSessionCounts counts;
  GtkWidget *dialog;
  OdEnrolee *one = NULL;

  door_open (&door, f);
  door_show (&door);
  one = enrolee_at (&door, 0);
  type (&door, one->token);
  press_enter (&door);

  /* Cancelled: nothing marked. */
  g_assert_true (gtk_widget_activate_action (door.window, "attendance.finish", NULL));
  od_test_spin (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  od_test_spin (20);
  g_assert_true (od_session_get_counts (door.db, door.session_id, &counts, NULL));
  g_assert_cmpuint (counts.absent, ==, 0);
  g_assert_cmpuint (counts.not_yet, ==, counts.enrolled - 1);

  /* Confirmed: the rest absent, and the counts add up. */
  g_assert_true (gtk_widget_activate_action (door.window, "attendance.finish", NULL));
  od_test_spin (20);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "absent");
  od_test_spin (20);
  g_assert_true (od_session_get_counts (door.db, door.session_id, &counts, NULL));
  g_assert_cmpuint (counts.not_yet, ==, 0);
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.absent, ==, counts.enrolled - 1);
  g_assert_cmpuint (counts.present + counts.late + counts.absent + counts.excused, ==, counts.enrolled);
  g_assert_cmpstr (label_text (&door, "not_yet_label"), ==, "0");
  g_assert_cmpstr (label_text (&door, "name_label"), ==, "Attendance finished");
  g_assert_nonnull (strstr (label_text (&door, "result_label"), "Absent"));
  g_assert_true (entry_has_focus (&door));

  door_close (&door);
}

static void
test_missing_session (OdTestFixture *f,
                      gconstpointer  data)
{
  Door door = { 0 };

  door_open (&door, f);
  door.session_id = 987654321;
  door_show (&door);
  g_assert_cmpstr (label_text (&door, "name_label"), ==, "This session cannot be opened");
  g_assert_cmpstr (label_text (&door, "result_label"), !=, "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child_of (&door, "entry"))));
  door_close (&door);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (od_gui_get_resource ());
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  demo_dir = od_test_make_dir ();
  demo_path = g_build_filename (demo_dir, "demo.db", NULL);
  demo_db = od_db_open (demo_path, OD_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (od_demo_load (demo_db, FALSE, &error));
  g_assert_no_error (error);

  OD_TEST_ADD ("/ui/attendance/scan-pick-walk-in-undo", test_scan_pick_walk_in_undo);
  OD_TEST_ADD ("/ui/attendance/late", test_late);
  OD_TEST_ADD ("/ui/attendance/log-applied", test_log_applied);
  OD_TEST_ADD ("/ui/attendance/finish", test_finish);
  OD_TEST_ADD ("/ui/attendance/missing-session", test_missing_session);

  status = g_test_run ();
  g_clear_object (&demo_db);
  od_test_remove_tree (demo_dir);
  return status;
}
