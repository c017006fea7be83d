/* od-course-editor.c — the course pane: its fields, sessions, enrolment and
 * attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields are saved with Save (od_course_save); sessions, enrolments
 * and marks are stored as soon as they are made, like the trainer's sheet.
 * Enrolment follows DESIGN.md §2 Training: someone added to a full course
 * goes on the waiting list, a cancelled enrolment stays listed as such.
 */
#define G_LOG_DOMAIN "orgdesk-course-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "od-course-editor.h"
#include "od-print-operation.h"
#include "od-render-registry.h"
#include "od-settings-store.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-registry-store.h"
#include "od-session-dialog.h"
#include "od-training-entities.h"
#include "od-training-laptop.h"
#include "od-training-query.h"
#include "od-training-store.h"
#include "od-trash.h"

/* How many people the search popover offers at most. */
#define MAX_ORGANIZATION_RESULTS 3
#define MAX_PERSON_RESULTS 20

struct _OdCourseEditor
{
  AdwBin             parent_instance;

  OdDb              *db;
  OdCourseFields    *course;     /* as saved; NULL when none is shown */
  GPtrArray         *enrolees;   /* OdEnrolee */
  gboolean           loading;
  gboolean           dirty;

  GtkStack          *editor_stack;
  GtkLabel          *heading_label;
  GtkWidget         *view_switcher;
  AdwViewStack      *course_stack;
  GtkWidget         *copy_button;
  GtkWidget         *delete_button;
  AdwPreferencesGroup *problems_group;
  AdwActionRow      *problem_row;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *topic_row;
  AdwEntryRow       *organizer_row;
  AdwEntryRow       *venue_row;
  GtkSpinButton     *capacity_spin;
  GtkSpinButton     *certificate_spin;
  GtkSwitch         *paper_switch;
  AdwEntryRow       *trainers_row;
  AdwEntryRow       *notes_row;
  GtkWidget         *save_button;
  GtkWidget         *cancel_button;
  GtkWidget         *sessions_group;
  GtkWidget         *add_session_button;
  GtkListBox        *sessions_list;
  GtkWidget         *enrolment_group;
  GtkPopover        *person_popover;
  GtkSearchEntry    *person_search;
  GtkListBox        *person_results;
  GtkLabel          *enrolment_count_label;
  GtkLabel          *capacity_warning_label;
  GtkListBox        *enrolees_list;
  GtkWidget         *attendance_group;
  OdAttendanceGrid  *attendance_grid;
};

enum
{
  SAVED,
  DELETED,
  COUNTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdCourseEditor, od_course_editor, ADW_TYPE_BIN)

/* --- helpers --- */

static void
show_toast (OdCourseEditor *self,
            AdwToast       *toast)
{
  od_form_show_toast (GTK_WIDGET (self), toast);
}

static void
show_error (OdCourseEditor *self,
            const GError   *error)
{
  show_toast (self, adw_toast_new (error->message));
}

static void
show_problem (OdCourseEditor *self,
              const char     *message)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), message != NULL);
}

static void
update_buttons (OdCourseEditor *self)
{
  gboolean saved = self->course != NULL && self->course->id > 0;

  gtk_widget_set_sensitive (self->save_button, self->dirty || !saved);
  gtk_widget_set_sensitive (self->cancel_button, self->dirty);
  gtk_widget_set_sensitive (self->copy_button, saved);
  gtk_widget_set_sensitive (self->delete_button, saved);
  /* Sessions, enrolment and marks belong to a stored course: their tabs
   * come once it is saved. */
  gtk_widget_set_visible (self->view_switcher, saved);
  if (!saved)
    adw_view_stack_set_visible_child_name (self->course_stack, "details");
}

static void
fill_form (OdCourseEditor *self)
{
  const OdCourseFields *course = self->course;

  self->loading = TRUE;
  od_form_set_text (self->title_row, course->title);
  od_form_set_combo_key (self->kind_row, od_course_kind_choices, course->kind != NULL ? course->kind : "general");
  od_form_set_text (self->topic_row, course->topic);
  od_form_set_text (self->organizer_row, course->organizer);
  od_form_set_text (self->venue_row, course->venue);
  gtk_spin_button_set_value (self->capacity_spin, (double) course->capacity);
  gtk_spin_button_set_value (self->certificate_spin, (double) course->certificate_threshold);
  od_form_set_text (self->trainers_row, course->trainers);
  od_form_set_text (self->notes_row, course->notes);
  gtk_label_set_text (self->heading_label,
                      course->id > 0 && course->title != NULL ? course->title : _("New Course"));
  self->loading = FALSE;
  self->dirty = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  show_problem (self, NULL);
  update_buttons (self);
}

static char *
session_title (const OdCourseSessionFields *session)
{
  if (session->starts_at != NULL && session->starts_at[0] != '\0'
      && session->ends_at != NULL && session->ends_at[0] != '\0')
    return g_strdup_printf ("%s  %s–%s", session->held_on, session->starts_at, session->ends_at);
  if (session->starts_at != NULL && session->starts_at[0] != '\0')
    return g_strdup_printf ("%s  %s", session->held_on, session->starts_at);
  return g_strdup (session->held_on);
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void on_edit_session_clicked_cb (GtkButton *button, OdCourseEditor *self);
static void on_delete_session_clicked_cb (GtkButton *button, OdCourseEditor *self);
static void on_cancel_enrolment_clicked_cb (GtkButton *button, OdCourseEditor *self);

static void
fill_sessions (OdCourseEditor *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  od_form_clear_list (self->sessions_list);
  if (self->course == NULL || self->course->id <= 0)
    return;
  sessions = od_course_list_sessions (self->db, self->course->id, &error);
  if (sessions == NULL)
    {
      show_error (self, error);
      return;
    }
  if (sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sessions yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->sessions_list, row);
      return;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      OdCourseSessionFields *session = g_ptr_array_index (sessions, i);
      g_autofree char *title = session_title (session);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      if (session->trainer != NULL && session->trainer[0] != '\0')
        /* Translators: a session's topic and its trainer */
        subtitle = g_strdup_printf (_("%s · %s"), session->topic != NULL ? session->topic : "",
                                    session->trainer);
      else
        subtitle = g_strdup (session->topic != NULL ? session->topic : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      button = gtk_button_new_with_mnemonic (_("_Take Attendance"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the door attendance window for this session"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "training.take-attendance");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", session->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = row_button ("document-print-symbolic", _("Print the Sign-in Sheet"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "course.print-sign-in");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", session->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = row_button ("document-edit-symbolic", _("Edit Session"));
      g_object_set_data_full (G_OBJECT (button), "od-id", g_memdup2 (&session->id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_session_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      button = row_button ("user-trash-symbolic", _("Move Session to Trash"));
      g_object_set_data_full (G_OBJECT (button), "od-id", g_memdup2 (&session->id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_session_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->sessions_list, row);
    }
}

static void
fill_enrolees (OdCourseEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n_enrolled = 0, n_waitlisted = 0;
  gint64 capacity;
  g_autofree char *count = NULL;

  od_form_clear_list (self->enrolees_list);
  g_clear_pointer (&self->enrolees, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->capacity_warning_label), FALSE);
  if (self->course == NULL || self->course->id <= 0)
    return;
  self->enrolees = od_course_list_enrolees (self->db, self->course->id, &error);
  if (self->enrolees == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < self->enrolees->len; i++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (self->enrolees, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (od_label_for (od_enrolment_status_choices, enrolee->status));

      if (g_strcmp0 (enrolee->status, "enrolled") == 0)
        n_enrolled++;
      else if (g_strcmp0 (enrolee->status, "waitlisted") == 0)
        n_waitlisted++;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), enrolee->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), enrolee->organization);
      gtk_widget_add_css_class (status, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      if (g_strcmp0 (enrolee->status, "cancelled") != 0)
        {
          GtkWidget *button = row_button ("edit-delete-symbolic", _("Cancel Enrolment"));

          g_object_set_data_full (G_OBJECT (button), "od-id",
                                  g_memdup2 (&enrolee->enrolment_id, sizeof (gint64)), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_cancel_enrolment_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->enrolees_list, row);
    }
  if (self->enrolees->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody is enrolled yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->enrolees_list, row);
    }

  capacity = self->course->capacity;
  if (capacity > 0)
    count = g_strdup_printf (ngettext ("%u of %u place taken", "%u of %u places taken", (gulong) capacity),
                             n_enrolled, (guint) capacity);
  else
    count = g_strdup_printf (ngettext ("%u enrolled (no limit)", "%u enrolled (no limit)", n_enrolled),
                             n_enrolled);
  if (n_waitlisted > 0)
    {
      g_autofree char *waiting = g_strdup_printf (ngettext ("%u on the waiting list",
                                                            "%u on the waiting list", n_waitlisted),
                                                  n_waitlisted);
      g_autofree char *both = g_strdup_printf ("%s · %s", count, waiting);

      g_free (count);
      count = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->enrolment_count_label, count);
  if (capacity > 0 && n_enrolled > capacity)
    {
      g_autofree char *warning = g_strdup_printf (ngettext ("Over capacity by %u person",
                                                            "Over capacity by %u people",
                                                            (gulong) (n_enrolled - capacity)),
                                                  (guint) (n_enrolled - capacity));

      gtk_label_set_text (self->capacity_warning_label, warning);
      gtk_widget_set_visible (GTK_WIDGET (self->capacity_warning_label), TRUE);
    }
}

static void
fill_related (OdCourseEditor *self)
{
  fill_sessions (self);
  fill_enrolees (self);
  od_attendance_grid_set_course (self->attendance_grid, self->db,
                                 self->course != NULL ? self->course->id : 0);
}

static void
related_changed (OdCourseEditor *self)
{
  fill_related (self);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

static void
fill_person_results (OdCourseEditor *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->person_search));
  OdPersonFilter filter;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  od_form_clear_list (self->person_results);
  if (self->db == NULL || query[0] == '\0')
    return;
  od_person_filter_init (&filter);
  filter.query = query;
  ids = od_person_query_ids (self->db, &filter, &error);
  if (ids == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < ids->len && i < MAX_PERSON_RESULTS; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(OdPersonFields) person = od_person_load (self->db, id, NULL);
      GtkWidget *row;

      if (person == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   person->organization_name != NULL ? person->organization_name : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "od-id", g_memdup2 (&id, sizeof (gint64)), g_free);
      gtk_list_box_append (self->person_results, row);
    }
  /* Organizations found too: everyone of one, enrolled at once. */
  {
    OdOrganizationFilter org_filter;
    g_autoptr(GArray) org_ids = NULL;

    od_organization_filter_init (&org_filter);
    org_filter.query = query;
    org_ids = od_organization_query_ids (self->db, &org_filter, NULL);
    for (guint i = 0; org_ids != NULL && i < org_ids->len && i < MAX_ORGANIZATION_RESULTS; i++)
      {
        gint64 id = g_array_index (org_ids, gint64, i);
        g_autoptr(OdOrganizationFields) org = od_organization_load (self->db, id, NULL);
        g_autofree char *title = NULL;
        g_autofree char *subtitle = NULL;
        GtkWidget *row;

        if (org == NULL || org->n_people == 0)
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        /* Translators: a search result that enrols all the people of an
         * organization; %s is its name */
        title = g_strdup_printf (_("Everyone of %s"), org->name);
        subtitle = g_strdup_printf (ngettext ("%u person", "%u people", (gulong) org->n_people),
                                    (guint) org->n_people);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data_full (G_OBJECT (row), "od-organization-id",
                                g_memdup2 (&id, sizeof (gint64)), g_free);
        gtk_list_box_append (self->person_results, row);
      }
  }
  if (ids->len == 0 && gtk_list_box_get_row_at_index (self->person_results, 0) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody found"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->person_results, row);
    }
}

static void
on_trash_undo_clicked_cb (AdwToast       *toast,
                          OdCourseEditor *self)
{
  const char *table = g_object_get_data (G_OBJECT (toast), "od-table");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "od-id");
  g_autoptr(GError) error = NULL;

  if (!od_trash_restore (self->db, table, id, &error))
    {
      show_error (self, error);
      return;
    }
  if (g_str_equal (table, od_course_entity.name))
    g_signal_emit (self, signals[SAVED], 0, id);
  else
    related_changed (self);
}

/* Moves record ID of ENTITY to the trash, with an Undo toast. */
static gboolean
move_to_trash (OdCourseEditor *self,
               const OdEntity *entity,
               gint64          id,
               const char     *message)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!od_trash_move (self->db, entity, id, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "od-table", (gpointer) entity->name);
  g_object_set_data_full (G_OBJECT (toast), "od-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_trash_undo_clicked_cb), self, 0);
  show_toast (self, toast);
  return TRUE;
}

static void
open_session_dialog (OdCourseEditor *self,
                     gint64          session_id)
{
  OdSessionDialog *dialog;

  if (self->course == NULL || self->course->id <= 0)
    return;
  dialog = od_session_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db,
                                  self->course->id, session_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (related_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- callbacks --- */

static void
on_form_changed_cb (OdCourseEditor *self)
{
  if (self->loading || self->course == NULL)
    return;
  self->dirty = TRUE;
  update_buttons (self);
}

static void
on_save_clicked_cb (OdCourseEditor *self)
{
  od_course_editor_save (self);
}

static void
on_cancel_clicked_cb (OdCourseEditor *self)
{
  od_course_editor_revert (self);
}

static void
on_copy_clicked_cb (OdCourseEditor *self)
{
  od_course_editor_copy (self);
}

static void
on_delete_clicked_cb (OdCourseEditor *self)
{
  od_course_editor_delete (self);
}

static void
on_add_session_clicked_cb (OdCourseEditor *self)
{
  open_session_dialog (self, 0);
}

static void
on_edit_session_clicked_cb (GtkButton      *button,
                            OdCourseEditor *self)
{
  open_session_dialog (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "od-id"));
}

static void
on_delete_session_clicked_cb (GtkButton      *button,
                              OdCourseEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "od-id");

  if (move_to_trash (self, &od_course_session_entity, id, _("Session moved to the trash")))
    related_changed (self);
}

static void
on_cancel_enrolment_clicked_cb (GtkButton      *button,
                                OdCourseEditor *self)
{
  od_course_editor_cancel_enrolment (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "od-id"));
}

static void
on_person_popover_show_cb (OdCourseEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->person_search), "");
  od_form_clear_list (self->person_results);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_search));
}

static void
on_person_search_changed_cb (OdCourseEditor *self)
{
  fill_person_results (self);
}

static void
on_person_result_activated_cb (OdCourseEditor *self,
                               GtkListBoxRow  *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "od-id");
  gint64 *organization = g_object_get_data (G_OBJECT (row), "od-organization-id");

  if (organization != NULL && self->course != NULL && self->course->id > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      guint n_added = 0;

      if (!od_course_enrol_organizations (self->db, self->course->id, organization, 1, &n_added,
                                          &error))
        {
          show_error (self, error);
          return;
        }
      gtk_popover_popdown (self->person_popover);
      fill_related (self);
      g_signal_emit (self, signals[COUNTS_CHANGED], 0);
      message = g_strdup_printf (ngettext ("%u person enrolled", "%u people enrolled",
                                           (gulong) n_added), n_added);
      show_toast (self, adw_toast_new (message));
      return;
    }
  if (id == NULL)
    return;
  if (od_course_editor_enrol (self, *id))
    gtk_popover_popdown (self->person_popover);
}

/* Enter takes the first person found. */
static void
on_person_search_activate_cb (OdCourseEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->person_results, 0);

  if (row != NULL)
    on_person_result_activated_cb (self, row);
}

static void
on_paper_switch_cb (OdCourseEditor *self,
                    GParamSpec     *pspec,
                    GtkSwitch      *paper_switch)
{
  od_attendance_grid_set_from_paper (od_course_editor_get_grid (self),
                                     gtk_switch_get_active (paper_switch));
}

static void
on_attendance_changed_cb (OdCourseEditor *self)
{
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

/* --- overrides --- */

static void
od_course_editor_dispose (GObject *object)
{
  OdCourseEditor *self = OD_COURSE_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->course, od_course_fields_free);
  g_clear_pointer (&self->enrolees, g_ptr_array_unref);
  G_OBJECT_CLASS (od_course_editor_parent_class)->dispose (object);
}

/* --- paper and the laptop --- */

/* Report NAME (od-render-registry.h) about this course or SESSION_ID, to
 * the print dialog (which also saves it as a PDF). */
static void
print_report (OdCourseEditor *self,
              const char     *name,
              gint64          session_id)
{
  g_autofree char *association = od_settings_get (self->db, OD_SETTING_ASSOCIATION_NAME, NULL);
  OdRenderRequest request = { self->db, 0, 0, association, session_id, self->course->id };
  g_autoptr(GError) error = NULL;

  if (!od_print_report (GTK_WIDGET (self), name, &request, &error))
    show_error (self, error);
}

static void
print_badges_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OdCourseEditor *self = OD_COURSE_EDITOR (widget);

  if (self->course != NULL && self->course->id > 0)
    print_report (self, "badges", 0);
}

static void
print_certificates_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  OdCourseEditor *self = OD_COURSE_EDITOR (widget);

  if (self->course != NULL && self->course->id > 0)
    print_report (self, "certificates", 0);
}

static void
print_sign_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OdCourseEditor *self = OD_COURSE_EDITOR (widget);

  if (self->course != NULL && self->course->id > 0)
    print_report (self, "sign-in-sheet", g_variant_get_int64 (parameter));
}

static void
on_take_away_response_cb (GtkNativeDialog *native,
                          int              response,
                          OdCourseEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->course != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && od_training_export_course (self->db, self->course->id, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved as %s: open it with OrgDesk on "
                                                        "the laptop, then merge it back"), name);

          show_toast (self, adw_toast_new (message));
        }
      else if (error != NULL)
        show_error (self, error);
    }
  g_object_unref (native);
}

static void
take_away_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdCourseEditor *self = OD_COURSE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (self->course == NULL || self->course->id <= 0)
    return;
  native = gtk_file_chooser_native_new (_("Take the Course to a Laptop"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: file name suggested for a course taken to a laptop;
   * %s is the course title */
  name = g_strdup_printf (_("%s (laptop).db"), self->course->title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (on_take_away_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
od_course_editor_class_init (OdCourseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_course_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[COUNTS_CHANGED] = g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (OD_TYPE_ATTENDANCE_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-course-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, course_stack);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, copy_button);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, problem_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, certificate_spin);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, paper_switch);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, trainers_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, add_session_button);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, enrolment_group);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, person_popover);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, person_search);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, person_results);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, enrolment_count_label);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, capacity_warning_label);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, enrolees_list);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, OdCourseEditor, attendance_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_session_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attendance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_switch_cb);
  gtk_widget_class_install_action (widget_class, "course.print-badges", NULL, print_badges_action);
  gtk_widget_class_install_action (widget_class, "course.print-certificates", NULL,
                                   print_certificates_action);
  gtk_widget_class_install_action (widget_class, "course.print-sign-in", "x",
                                   print_sign_in_action);
  gtk_widget_class_install_action (widget_class, "course.take-away", NULL, take_away_action);
}

static void
od_course_editor_init (OdCourseEditor *self)
{
  g_autoptr(GtkStringList) kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = TRUE;
  kinds = od_label_model (od_course_kind_choices, NULL);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->loading = FALSE;
}

/* --- public API --- */

void
od_course_editor_set_db (OdCourseEditor *self,
                         OdDb           *db)
{
  g_return_if_fail (OD_IS_COURSE_EDITOR (self));

  g_set_object (&self->db, db);
  od_course_editor_load (self, -1);
}

void
od_course_editor_load (OdCourseEditor *self,
                       gint64          id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_COURSE_EDITOR (self));

  g_clear_pointer (&self->course, od_course_fields_free);
  self->dirty = FALSE;
  if (id > 0 && self->db != NULL)
    {
      self->course = od_course_load (self->db, id, &error);
      if (self->course == NULL)
        show_error (self, error);
    }
  else if (id == 0 && self->db != NULL)
    {
      self->course = od_course_fields_new ();
      self->course->kind = g_strdup ("general");
    }

  if (self->course == NULL)
    {
      od_attendance_grid_set_course (self->attendance_grid, NULL, 0);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }
  fill_form (self);
  fill_related (self);
  gtk_stack_set_visible_child_name (self->editor_stack, "course");
  if (id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

gint64
od_course_editor_get_id (OdCourseEditor *self)
{
  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), -1);

  return self->course != NULL ? self->course->id : -1;
}

gboolean
od_course_editor_is_dirty (OdCourseEditor *self)
{
  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), FALSE);

  return self->course != NULL && self->dirty;
}

gboolean
od_course_editor_save (OdCourseEditor *self)
{
  g_autoptr(OdCourseFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), FALSE);

  if (self->course == NULL)
    return FALSE;

  fields = od_course_fields_new ();
  fields->id = self->course->id;
  fields->uuid = g_strdup (self->course->uuid);
  fields->title = od_form_get_text (self->title_row, FALSE);
  fields->kind = g_strdup (od_form_get_combo_key (self->kind_row, od_course_kind_choices));
  fields->topic = od_form_get_text (self->topic_row, FALSE);
  fields->organizer = od_form_get_text (self->organizer_row, FALSE);
  fields->venue = od_form_get_text (self->venue_row, FALSE);
  fields->capacity = gtk_spin_button_get_value_as_int (self->capacity_spin);
  fields->certificate_threshold = gtk_spin_button_get_value_as_int (self->certificate_spin);
  fields->trainers = od_form_get_text (self->trainers_row, FALSE);
  fields->notes = od_form_get_text (self->notes_row, FALSE);

  /* Said here in the words of the form; the store refuses it too. */
  if (fields->title[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      show_problem (self, _("The course needs a title: write it in the Title row, then save."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");

  id = od_course_save (self->db, fields, &error);
  if (id <= 0)
    {
      show_problem (self, error != NULL ? error->message : _("The course could not be saved."));
      return FALSE;
    }
  od_course_editor_load (self, id);
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

void
od_course_editor_revert (OdCourseEditor *self)
{
  g_return_if_fail (OD_IS_COURSE_EDITOR (self));

  if (self->course != NULL && self->course->id > 0)
    fill_form (self);
  else
    od_course_editor_load (self, -1);
}

gint64
od_course_editor_copy (OdCourseEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 new_id;

  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), 0);

  if (self->course == NULL || self->course->id <= 0)
    return 0;
  /* The copy's sessions keep their dates, for the user to move. */
  new_id = od_course_copy (self->db, self->course->id, NULL, &error);
  if (new_id == 0)
    {
      show_error (self, error);
      return 0;
    }
  od_course_editor_load (self, new_id);
  g_signal_emit (self, signals[SAVED], 0, new_id);
  show_toast (self, adw_toast_new (_("Course copied: check the dates of its sessions")));
  return new_id;
}

gboolean
od_course_editor_delete (OdCourseEditor *self)
{
  gint64 id;

  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), FALSE);

  if (self->course == NULL || self->course->id <= 0)
    return FALSE;
  id = self->course->id;
  if (!move_to_trash (self, &od_course_entity, id, _("Course moved to the trash")))
    return FALSE;
  od_course_editor_load (self, -1);
  g_signal_emit (self, signals[DELETED], 0, id);
  return TRUE;
}

gboolean
od_course_editor_enrol (OdCourseEditor *self,
                        gint64          person_id)
{
  g_autoptr(OdEnrolmentFields) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  guint n_enrolled = 0;

  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), FALSE);

  if (self->course == NULL || self->course->id <= 0 || self->enrolees == NULL)
    return FALSE;
  for (guint i = 0; i < self->enrolees->len; i++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (self->enrolees, i);

      if (g_strcmp0 (enrolee->status, "enrolled") == 0)
        n_enrolled++;
      if (enrolee->person_id != person_id)
        continue;
      if (g_strcmp0 (enrolee->status, "cancelled") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s is already enrolled"), enrolee->name);

          show_toast (self, adw_toast_new (message));
          return FALSE;
        }
      /* Enrolled again after a cancellation: the same record. */
      enrolment = od_enrolment_load (self->db, enrolee->enrolment_id, &error);
      if (enrolment == NULL)
        {
          show_error (self, error);
          return FALSE;
        }
    }
  if (enrolment == NULL)
    {
      enrolment = od_enrolment_fields_new ();
      enrolment->course_id = self->course->id;
      enrolment->person_id = person_id;
    }
  g_free (enrolment->status);
  enrolment->status = g_strdup (self->course->capacity > 0 && n_enrolled >= self->course->capacity
                                ? "waitlisted" : "enrolled");
  if (od_enrolment_save (self->db, enrolment, &error) <= 0)
    {
      show_error (self, error);
      return FALSE;
    }
  if (g_str_equal (enrolment->status, "waitlisted"))
    show_toast (self, adw_toast_new (_("The course is full: added to the waiting list")));
  related_changed (self);
  return TRUE;
}

gboolean
od_course_editor_cancel_enrolment (OdCourseEditor *self,
                                   gint64          enrolment_id)
{
  g_autoptr(OdEnrolmentFields) enrolment = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), FALSE);

  enrolment = od_enrolment_load (self->db, enrolment_id, &error);
  if (enrolment != NULL)
    {
      g_free (enrolment->status);
      enrolment->status = g_strdup ("cancelled");
      if (od_enrolment_save (self->db, enrolment, &error) > 0)
        {
          related_changed (self);
          return TRUE;
        }
    }
  show_error (self, error);
  return FALSE;
}

OdAttendanceGrid *
od_course_editor_get_grid (OdCourseEditor *self)
{
  g_return_val_if_fail (OD_IS_COURSE_EDITOR (self), NULL);

  return self->attendance_grid;
}
