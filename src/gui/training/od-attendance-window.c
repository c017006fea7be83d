/* od-attendance-window.c — attendance at the door of one session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the trainer at the door with a USB scanner that types a badge code and
 * Enter (DESIGN.md §4, "Attendance mode"): one entry that keeps the focus,
 * filtering the enrolees loaded when the window opens. Every mark is
 * committed at once to the door's log (od_attendance_door_mark: one row,
 * as cheap as a committed write gets) and shown from memory; the log is
 * applied to the marks (with their audit entries) two seconds after the
 * last mark, before anything else here writes or reads them again, and
 * when the window closes.
 */
#define G_LOG_DOMAIN "orgdesk-attendance-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "od-attendance-window-private.h"
#include "od-registry-store.h"
#include "od-training-query.h"
#include "od-training-store.h"

/* More rows than this and the trainer should type more letters. */
#define MAX_PICKS 8
/* The door's log is applied this long after the last mark. */
#define APPLY_DELAY_MS 2000

/* One mark made here, and what it replaced: what "Undo Last Mark" restores. */
typedef struct
{
  gint64  person_id;
  char   *name;
  char   *before_status;   /* NULL: there was no mark */
  char   *before_method;
} UndoStep;

struct _OdAttendanceWindow
{
  AdwWindow               parent_instance;

  AdwWindowTitle         *window_title;
  GtkLabel               *present_label;
  GtkLabel               *late_label;
  GtkLabel               *not_yet_label;
  GtkLabel               *enrolled_label;
  GtkEntry               *entry;
  GtkListBox             *pick_list;
  GtkRevealer            *walk_in_revealer;
  AdwEntryRow            *walk_in_name_row;
  AdwEntryRow            *walk_in_mobile_row;
  AdwEntryRow            *walk_in_org_row;
  GtkLabel               *name_label;
  GtkLabel               *organization_label;
  GtkLabel               *result_label;
  GtkButton              *undo_button;
  GtkSpinButton          *grace_spin;
  GtkCheckButton         *late_any_day_check;

  OdDb                   *db;
  gint64                  session_id;
  OdCourseSessionFields  *session;
  OdCourseFields         *course;
  GPtrArray              *enrolees;    /* OdEnrolee, loaded once (and after a walk-in) */
  GPtrArray              *marks;       /* OdAttendanceMarkFields of this session */
  GHashTable             *mark_of;     /* person id → its mark in marks */
  GPtrArray              *matches;     /* OdEnrolee borrowed from enrolees */
  GPtrArray              *undo;        /* UndoStep, the last at the end */
  OdSessionCounts         counts;
  GDateTime              *fixed_now;
  gboolean                logged;        /* marks in the door's log, not applied yet */
  guint                   apply_source;
};

G_DEFINE_FINAL_TYPE (OdAttendanceWindow, od_attendance_window, ADW_TYPE_WINDOW)

/* --- helpers --- */

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->name);
  g_free (step->before_status);
  g_free (step->before_method);
  g_free (step);
}

static GDateTime *
window_now (OdAttendanceWindow *self)
{
  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);
  return g_date_time_new_now_local ();
}

/* "09:02" of a stored mark time (UTC or with an offset), in local time. */
static char *
mark_time_text (const OdAttendanceMarkFields *mark)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (mark->marked_at == NULL)
    return g_strdup ("");
  when = g_date_time_new_from_iso8601 (mark->marked_at, NULL);
  if (when == NULL)
    return g_strdup (mark->marked_at);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%H:%M");
}

static gboolean
is_checked_in (const OdAttendanceMarkFields *mark)
{
  return mark != NULL && (g_strcmp0 (mark->status, "present") == 0
                          || g_strcmp0 (mark->status, "late") == 0);
}

static gboolean
has_non_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  const char *styles[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

static void
show_feedback (OdAttendanceWindow *self,
               const char         *name,
               const char         *organization,
               const char         *result,
               const char         *style)
{
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->organization_label, organization != NULL ? organization : "");
  gtk_widget_set_visible (GTK_WIDGET (self->organization_label),
                          organization != NULL && organization[0] != '\0');
  gtk_label_set_text (self->result_label, result);
  set_style (GTK_WIDGET (self->result_label), style);
}

static void
show_error (OdAttendanceWindow *self,
            const GError       *error)
{
  show_feedback (self, _("Not saved"), NULL, error != NULL ? error->message : "", "error");
}

static void
focus_entry (OdAttendanceWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->walk_in_revealer))
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
update_undo_action (OdAttendanceWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendance.undo", self->undo->len > 0);
}

static gboolean
load_marks (OdAttendanceWindow  *self,
            GError             **error)
{
  g_autoptr(GPtrArray) all = od_course_list_marks (self->db, self->course->id, error);

  if (all == NULL)
    return FALSE;
  g_hash_table_remove_all (self->mark_of);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  self->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) od_attendance_mark_fields_free);
  for (guint i = 0; i < all->len; i++)
    {
      OdAttendanceMarkFields *mark = g_ptr_array_index (all, i);

      if (mark->session_id != self->session_id)
        continue;
      g_ptr_array_add (self->marks, g_ptr_array_steal_index (all, i--));
      g_hash_table_insert (self->mark_of, &mark->person_id, mark);
    }
  return TRUE;
}

static void refilter (OdAttendanceWindow *self);

static gboolean
load_enrolees (OdAttendanceWindow  *self,
               GError             **error)
{
  GPtrArray *enrolees = od_course_list_enrolees (self->db, self->course->id, error);

  if (enrolees == NULL)
    return FALSE;
  g_ptr_array_set_size (self->matches, 0);
  g_clear_pointer (&self->enrolees, g_ptr_array_unref);
  self->enrolees = enrolees;
  /* The pick list's rows point into the old list. */
  refilter (self);
  return TRUE;
}

static void
show_counts (OdAttendanceWindow *self)
{
  char text[32];

  g_snprintf (text, sizeof text, "%u", self->counts.present);
  gtk_label_set_text (self->present_label, text);
  g_snprintf (text, sizeof text, "%u", self->counts.late);
  gtk_label_set_text (self->late_label, text);
  g_snprintf (text, sizeof text, "%u", self->counts.not_yet);
  gtk_label_set_text (self->not_yet_label, text);
  g_snprintf (text, sizeof text, "%u", self->counts.enrolled);
  gtk_label_set_text (self->enrolled_label, text);
}

static void
update_counts (OdAttendanceWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!od_session_get_counts (self->db, self->session_id, &self->counts, &error))
    {
      show_error (self, error);
      return;
    }
  show_counts (self);
}

static void
reload_after_mark (OdAttendanceWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!load_marks (self, &error))
    show_error (self, error);
  update_counts (self);
  update_undo_action (self);
}

/* Applies the door's log (the marks taken since the last time) and reads
 * the session's marks again; whatever reads or writes marks here calls it
 * first. */
static void
apply_log (OdAttendanceWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (!self->logged)
    return;
  self->logged = FALSE;
  if (od_attendance_door_apply (self->db, NULL, &error) < 0)
    {
      show_error (self, error);
      return;
    }
  reload_after_mark (self);
}

static gboolean
apply_log_timeout_cb (gpointer user_data)
{
  OdAttendanceWindow *self = user_data;

  self->apply_source = 0;
  apply_log (self);
  return G_SOURCE_REMOVE;
}

/* What the door's log now holds for ENROLEE, in the window's own list and
 * counts until it is applied. */
static void
note_mark (OdAttendanceWindow *self,
           OdEnrolee          *enrolee,
           const char         *status,
           const char         *method)
{
  OdAttendanceMarkFields *mark = g_hash_table_lookup (self->mark_of, &enrolee->person_id);
  guint *counts[] = { &self->counts.present, &self->counts.late, &self->counts.absent,
                      &self->counts.excused };
  const char *statuses[] = { "present", "late", "absent", "excused" };

  if (mark == NULL)
    {
      mark = od_attendance_mark_fields_new ();
      mark->session_id = self->session_id;
      mark->person_id = enrolee->person_id;
      g_ptr_array_add (self->marks, mark);
      g_hash_table_insert (self->mark_of, &mark->person_id, mark);
      if (g_strcmp0 (enrolee->status, "enrolled") == 0 && self->counts.not_yet > 0)
        self->counts.not_yet--;
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_strcmp0 (mark->status, statuses[i]) == 0 && *counts[i] > 0)
        (*counts[i])--;
      if (g_str_equal (status, statuses[i]))
        (*counts[i])++;
    }
  g_free (mark->status);
  mark->status = g_strdup (status);
  g_free (mark->method);
  mark->method = g_strdup (method);
  g_free (mark->marked_at);
  mark->marked_at = od_db_now (self->db);
  show_counts (self);

  self->logged = TRUE;
  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->apply_source = g_timeout_add (APPLY_DELAY_MS, apply_log_timeout_cb, self);
}

static void
clear_entry (OdAttendanceWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  focus_entry (self);
}

static GtkWidget *
pick_row_new (OdAttendanceWindow *self,
              OdEnrolee          *enrolee)
{
  OdAttendanceMarkFields *mark = g_hash_table_lookup (self->mark_of, &enrolee->person_id);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), enrolee->name);
  if (is_checked_in (mark))
    {
      g_autofree char *time = mark_time_text (mark);
      g_autofree char *done = g_strdup_printf (_("Checked in at %s"), time);

      subtitle = enrolee->organization[0] != '\0'
                   ? g_strdup_printf ("%s · %s", enrolee->organization, done)
                   : g_steal_pointer (&done);
    }
  else
    subtitle = g_strdup (enrolee->organization);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "enrolee", enrolee);
  return row;
}

static void
rebuild_pick_list (OdAttendanceWindow *self,
                   const char         *text)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pick_list))) != NULL)
    gtk_list_box_remove (self->pick_list, child);

  if (text[0] == '\0' || self->matches->len == 1)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->pick_list), FALSE);
      return;
    }

  if (self->matches->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Nobody enrolled matches “%s”"), text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Press Enter to add a walk-in: enrol them and check them in"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "walk-in", GINT_TO_POINTER (TRUE));
      gtk_list_box_append (self->pick_list, row);
    }
  for (guint i = 0; i < self->matches->len && i < MAX_PICKS; i++)
    gtk_list_box_append (self->pick_list, pick_row_new (self, g_ptr_array_index (self->matches, i)));
  if (self->matches->len > MAX_PICKS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      guint more = self->matches->len - MAX_PICKS;

      title = g_strdup_printf (ngettext ("%u more: type more letters", "%u more: type more letters", more),
                               more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->pick_list, row);
    }
  gtk_list_box_unselect_all (self->pick_list);
  gtk_widget_set_visible (GTK_WIDGET (self->pick_list), TRUE);
}

static void
refilter (OdAttendanceWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  g_ptr_array_set_size (self->matches, 0);
  if (text[0] != '\0' && self->enrolees != NULL)
    for (guint i = 0; i < self->enrolees->len; i++)
      {
        OdEnrolee *enrolee = g_ptr_array_index (self->enrolees, i);

        if (g_strcmp0 (enrolee->status, "cancelled") != 0 && od_enrolee_matches (enrolee, text))
          g_ptr_array_add (self->matches, enrolee);
      }
  rebuild_pick_list (self, text);
}

static void
check_in (OdAttendanceWindow *self,
          OdEnrolee          *enrolee,
          const char         *typed)
{
  OdAttendanceMarkFields *before = g_hash_table_lookup (self->mark_of, &enrolee->person_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = window_now (self);
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *result = NULL;
  const char *status, *method;
  UndoStep *step;
  gboolean late;

  if (is_checked_in (before))
    {
      g_autofree char *then = mark_time_text (before);

      /* A second scan changes nothing: the first arrival counts. */
      result = g_strdup_printf (_("Already checked in at %s"), then);
      show_feedback (self, enrolee->name, enrolee->organization, result, "warning");
      clear_entry (self);
      return;
    }

  late = od_attendance_is_late (self->session->held_on, self->session->starts_at,
                                (guint) gtk_spin_button_get_value_as_int (self->grace_spin),
                                gtk_check_button_get_active (self->late_any_day_check), now);
  status = late ? "late" : "present";
  method = typed != NULL && g_ascii_strcasecmp (typed, enrolee->token) == 0 ? "scan" : "manual";
  if (!od_attendance_door_mark (self->db, self->session_id, enrolee->person_id, status, method, &error))
    {
      show_error (self, error);
      return;
    }

  step = g_new0 (UndoStep, 1);
  step->person_id = enrolee->person_id;
  step->name = g_strdup (enrolee->name);
  if (before != NULL)
    {
      step->before_status = g_strdup (before->status);
      step->before_method = g_strdup (before->method);
    }
  g_ptr_array_add (self->undo, step);

  result = late ? g_strdup_printf (_("Late: checked in at %s"), time)
                : g_strdup_printf (_("Checked in at %s"), time);
  show_feedback (self, enrolee->name, enrolee->organization, result, late ? "warning" : "success");
  note_mark (self, enrolee, status, method);
  update_undo_action (self);
  clear_entry (self);
}

static void
open_walk_in (OdAttendanceWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  gboolean is_name = has_non_ascii (text);

  /* What was typed is the name when it looks like one (Han characters);
   * a code or pinyin letters are not. */
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_name_row), is_name ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_mobile_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->walk_in_org_row), "");
  gtk_revealer_set_reveal_child (self->walk_in_revealer, TRUE);
  show_feedback (self, _("New walk-in"), NULL,
                 _("Check the name, then press Enter to enrol and check in"), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (is_name ? self->walk_in_mobile_row : self->walk_in_name_row));
}

static void
close_walk_in (OdAttendanceWindow *self)
{
  gtk_revealer_set_reveal_child (self->walk_in_revealer, FALSE);
  focus_entry (self);
}

/* The organization named TEXT: its exact name, or the only one the search
 * finds; 0 and an error otherwise. */
static gboolean
find_organization (OdAttendanceWindow  *self,
                   const char          *text,
                   gint64              *organization_id,
                   GError             **error)
{
  OdOrganizationFilter filter;
  g_autoptr(GArray) ids = NULL;

  *organization_id = 0;
  if (text[0] == '\0')
    return TRUE;
  od_organization_filter_init (&filter);
  filter.query = text;
  ids = od_organization_query_ids (self->db, &filter, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len && i < 50; i++)
    {
      g_autoptr(OdOrganizationFields) organization = od_organization_load (self->db,
                                                                           g_array_index (ids, gint64, i),
                                                                           NULL);

      if (organization != NULL && g_strcmp0 (organization->name, text) == 0)
        {
          *organization_id = organization->id;
          return TRUE;
        }
    }
  if (ids->len == 1)
    {
      *organization_id = g_array_index (ids, gint64, 0);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               ids->len == 0 ? _("No organization is called “%s”: type its registered name, or leave it empty.")
                             : _("Several organizations match “%s”: type the full registered name, or leave it empty."),
               text);
  return FALSE;
}

static void
add_walk_in (OdAttendanceWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->walk_in_name_row))));
  g_autofree char *mobile = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->walk_in_mobile_row))));
  g_autofree char *org = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->walk_in_org_row))));
  g_autoptr(OdEnrolmentFields) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 organization_id, enrolment_id;

  if (name[0] == '\0')
    {
      show_feedback (self, _("Not saved"), NULL, _("Type the walk-in’s name first."), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->walk_in_name_row));
      return;
    }
  if (!find_organization (self, org, &organization_id, &error))
    {
      show_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->walk_in_org_row));
      return;
    }
  apply_log (self);
  enrolment_id = od_course_enrol_walk_in (self->db, self->course->id, 0, name, mobile, organization_id, &error);
  if (enrolment_id == 0 || (enrolment = od_enrolment_load (self->db, enrolment_id, &error)) == NULL
      || !load_enrolees (self, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_revealer_set_reveal_child (self->walk_in_revealer, FALSE);
  for (guint i = 0; i < self->enrolees->len; i++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (self->enrolees, i);

      if (enrolee->person_id == enrolment->person_id)
        {
          check_in (self, enrolee, NULL);
          return;
        }
    }
  update_counts (self);
  clear_entry (self);
}

static void
activate_row (OdAttendanceWindow *self,
              GtkListBoxRow      *row)
{
  OdEnrolee *enrolee = g_object_get_data (G_OBJECT (row), "enrolee");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (enrolee != NULL)
    check_in (self, enrolee, text);
  else if (g_object_get_data (G_OBJECT (row), "walk-in") != NULL)
    open_walk_in (self);
}

static void
select_step (OdAttendanceWindow *self,
             int                 delta)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->pick_list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta : (delta > 0 ? 0 : -1);
  GtkListBoxRow *row;

  if (index < 0)
    {
      gtk_list_box_unselect_all (self->pick_list);
      return;
    }
  row = gtk_list_box_get_row_at_index (self->pick_list, index);
  if (row != NULL && gtk_list_box_row_get_selectable (row))
    gtk_list_box_select_row (self->pick_list, row);
}

static void
show_final_counts (OdAttendanceWindow *self,
                   const char         *heading)
{
  g_autofree char *summary = NULL;

  /* Translators: the counts of a finished session at the door. */
  summary = g_strdup_printf (_("Present %u · Late %u · Absent %u · Excused %u · Enrolled %u"),
                             self->counts.present, self->counts.late, self->counts.absent,
                             self->counts.excused, self->counts.enrolled);
  show_feedback (self, heading, NULL, summary, NULL);
}

/* --- callbacks --- */

static void
on_entry_changed_cb (OdAttendanceWindow *self)
{
  refilter (self);
}

static void
on_entry_activate_cb (OdAttendanceWindow *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->pick_list);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *result = NULL;

  if (text[0] == '\0')
    return;
  if (selected != NULL)
    activate_row (self, selected);
  else if (self->matches->len == 1)
    check_in (self, g_ptr_array_index (self->matches, 0), text);
  else if (self->matches->len == 0)
    open_walk_in (self);
  else
    {
      select_step (self, 1);
      result = g_strdup_printf (ngettext ("%u person matches", "%u people match", self->matches->len),
                                self->matches->len);
      show_feedback (self, result, NULL, _("Choose with ↑ ↓, then press Enter"), NULL);
    }
}

static void
on_pick_row_activated_cb (OdAttendanceWindow *self,
                          GtkListBoxRow      *row)
{
  activate_row (self, row);
}

static void
on_walk_in_activated_cb (OdAttendanceWindow *self)
{
  add_walk_in (self);
}

static void
on_popover_closed_cb (OdAttendanceWindow *self)
{
  focus_entry (self);
}

static void
on_finish_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       OdAttendanceWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_marked = 0;

  if (g_str_equal (response, "absent") || g_str_equal (response, "excused"))
    {
      apply_log (self);
      if (!od_session_mark_remaining (self->db, self->session_id, response, &n_marked, &error))
        show_error (self, error);
      else
        {
          /* Those marks are the session's end, not a door mark to undo. */
          g_ptr_array_set_size (self->undo, 0);
          reload_after_mark (self);
          show_final_counts (self, _("Attendance finished"));
        }
    }
  focus_entry (self);
}

/* --- actions --- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OdAttendanceWindow *self = OD_ATTENDANCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  UndoStep *step;
  gboolean ok;

  if (self->undo->len == 0)
    return;
  apply_log (self);
  step = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (step->before_status == NULL)
    ok = od_attendance_mark_clear (self->db, self->session_id, step->person_id, &error);
  else
    ok = od_attendance_mark_set (self->db, self->session_id, step->person_id, step->before_status,
                                 step->before_method != NULL ? step->before_method : "manual", &error) != 0;
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  show_feedback (self, step->name, NULL, _("Mark undone"), NULL);
  g_ptr_array_set_size (self->undo, self->undo->len - 1);
  reload_after_mark (self);
  refilter (self);
  focus_entry (self);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdAttendanceWindow *self = OD_ATTENDANCE_WINDOW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  apply_log (self);
  update_counts (self);
  if (self->counts.not_yet == 0)
    {
      show_final_counts (self, _("Everyone enrolled has a mark"));
      focus_entry (self);
      return;
    }
  body = g_strdup_printf (ngettext ("%u person enrolled has not checked in. Mark them absent, or excused?",
                                    "%u people enrolled have not checked in. Mark them absent, or excused?",
                                    self->counts.not_yet),
                          self->counts.not_yet);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Finish Attendance?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "excused", _("Mark _Excused"),
                                    "absent", _("Mark _Absent"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "absent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "absent");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  select_step (OD_ATTENDANCE_WINDOW (widget), 1);
}

static void
select_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  select_step (OD_ATTENDANCE_WINDOW (widget), -1);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdAttendanceWindow *self = OD_ATTENDANCE_WINDOW (widget);

  if (gtk_revealer_get_reveal_child (self->walk_in_revealer))
    close_walk_in (self);
  else
    clear_entry (self);
}

static void
add_walk_in_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_walk_in (OD_ATTENDANCE_WINDOW (widget));
}

static void
cancel_walk_in_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  close_walk_in (OD_ATTENDANCE_WINDOW (widget));
}

/* --- overrides --- */

static gboolean
od_attendance_window_close_request (GtkWindow *window)
{
  apply_log (OD_ATTENDANCE_WINDOW (window));
  return GTK_WINDOW_CLASS (od_attendance_window_parent_class)->close_request (window);
}

static void
od_attendance_window_dispose (GObject *object)
{
  OdAttendanceWindow *self = OD_ATTENDANCE_WINDOW (object);

  /* Destroyed without a close request: nothing is shown any more. */
  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->logged && self->db != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->logged = FALSE;
      if (od_attendance_door_apply (self->db, NULL, &error) < 0)
        g_message ("The door's marks stay logged, to be applied on the next opening: %s",
                   error->message);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_ATTENDANCE_WINDOW);
  G_OBJECT_CLASS (od_attendance_window_parent_class)->dispose (object);
}

static void
od_attendance_window_finalize (GObject *object)
{
  OdAttendanceWindow *self = OD_ATTENDANCE_WINDOW (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->session, od_course_session_fields_free);
  g_clear_pointer (&self->course, od_course_fields_free);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->enrolees, g_ptr_array_unref);
  g_clear_pointer (&self->mark_of, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  G_OBJECT_CLASS (od_attendance_window_parent_class)->finalize (object);
}

static void
od_attendance_window_class_init (OdAttendanceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_attendance_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = od_attendance_window_close_request;
  object_class->finalize = od_attendance_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-attendance-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, present_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, late_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, not_yet_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, enrolled_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, pick_list);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, walk_in_revealer);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, walk_in_name_row);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, walk_in_mobile_row);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, walk_in_org_row);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, organization_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, grace_spin);
  gtk_widget_class_bind_template_child (widget_class, OdAttendanceWindow, late_any_day_check);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_walk_in_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed_cb);

  gtk_widget_class_install_action (widget_class, "attendance.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "attendance.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "attendance.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "attendance.select-previous", NULL, select_previous_action);
  gtk_widget_class_install_action (widget_class, "attendance.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "attendance.add-walk-in", NULL, add_walk_in_action);
  gtk_widget_class_install_action (widget_class, "attendance.cancel-walk-in", NULL, cancel_walk_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "attendance.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "attendance.escape", NULL);
}

static void
od_attendance_window_init (OdAttendanceWindow *self)
{
  static gboolean styled;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (!styled)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/od-attendance-window.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      styled = TRUE;
    }

  /* The arrows choose in the pick list while the focus stays in the entry
   * (captured before the entry's own key handling). */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, 0),
                                                          gtk_named_action_new ("attendance.select-next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, 0),
                                                          gtk_named_action_new ("attendance.select-previous")));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->mark_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->matches = g_ptr_array_new ();
  self->undo = g_ptr_array_new_with_free_func (undo_step_free);
  update_undo_action (self);
}

/* --- private API (tests) --- */

gboolean
od_attendance_is_late (const char *held_on,
                       const char *starts_at,
                       guint       grace_minutes,
                       gboolean    late_any_day,
                       GDateTime  *now)
{
  int hour, minute;
  char today[16];

  g_return_val_if_fail (now != NULL, FALSE);

  if (starts_at == NULL || sscanf (starts_at, "%d:%d", &hour, &minute) != 2
      || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;
  if (!late_any_day)
    {
      g_snprintf (today, sizeof today, "%04d-%02d-%02d", g_date_time_get_year (now),
                  g_date_time_get_month (now), g_date_time_get_day_of_month (now));
      if (g_strcmp0 (held_on, today) != 0)
        return FALSE;
    }
  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now)
         > hour * 60 + minute + (int) grace_minutes;
}

void
_od_attendance_window_set_now (OdAttendanceWindow *self,
                               GDateTime          *now)
{
  g_return_if_fail (OD_IS_ATTENDANCE_WINDOW (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (now != NULL)
    self->fixed_now = g_date_time_ref (now);
}

/* --- public API --- */

static char *
session_subtitle (const OdCourseSessionFields *session)
{
  int year, month, day;
  g_autofree char *date = NULL;
  GString *text = g_string_new (NULL);

  if (session->held_on != NULL && sscanf (session->held_on, "%d-%d-%d", &year, &month, &day) == 3)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, 0, 0, 0);

      /* Translators: the date of a session, for g_date_time_format(): in
       * Chinese "%Y年%-m月%-d日". */
      date = when != NULL ? g_date_time_format (when, _("%b %-d, %Y")) : NULL;
    }
  g_string_append (text, date != NULL ? date : session->held_on);
  if (session->starts_at != NULL && session->starts_at[0] != '\0')
    {
      g_string_append_printf (text, " %s", session->starts_at);
      if (session->ends_at != NULL && session->ends_at[0] != '\0')
        g_string_append_printf (text, "–%s", session->ends_at);
    }
  if (session->topic != NULL && session->topic[0] != '\0')
    g_string_append_printf (text, " · %s", session->topic);
  return g_string_free (text, FALSE);
}

/* A window taking attendance at SESSION_ID's door, over DB. A session that
 * cannot be read is said in the window, which then marks nothing. */
GtkWidget *
od_attendance_window_new (GtkWindow *parent,
                          OdDb      *db,
                          gint64     session_id)
{
  OdAttendanceWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_ATTENDANCE_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->session_id = session_id;

  self->session = od_course_session_load (db, session_id, &error);
  if (self->session != NULL)
    self->course = od_course_load (db, self->session->course_id, &error);
  if (self->course == NULL || !load_enrolees (self, &error) || !load_marks (self, &error))
    {
      show_feedback (self, _("This session cannot be opened"), NULL,
                     error != NULL ? error->message : "", "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->entry), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendance.finish", FALSE);
      return GTK_WIDGET (self);
    }

  subtitle = session_subtitle (self->session);
  title = g_strdup_printf ("%s · %s", self->course->title, subtitle);
  adw_window_title_set_title (self->window_title, self->course->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_counts (self);
  show_feedback (self, _("Ready"), NULL, _("Scan a badge or type a name, then press Enter."), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}
