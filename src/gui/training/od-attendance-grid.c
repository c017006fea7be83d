/* od-attendance-grid.c — a course's attendance: people × sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code: its rows and columns are the course's enrolees and
 * sessions. Counts follow DESIGN.md §2 Training: a session's attendance is
 * the people present or late, out of those enrolled (od_session_get_counts).
 */
#define G_LOG_DOMAIN "orgdesk-attendance-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"

#include "od-attendance-grid.h"
#include "od-labels.h"
#include "od-training-entities.h"
#include "od-training-query.h"
#include "od-training-store.h"

struct _OdAttendanceGrid
{
  AdwBin      parent_instance;

  OdDb       *db;
  gint64      course_id;
  gboolean    filling;
  gboolean    from_paper;       /* marks entered from the printed sheet */

  GtkWidget  *grid;
  GHashTable *cells;           /* "person:session" → GtkDropDown (owned by the grid) */
  GHashTable *counts_labels;   /* session id (gint64 *) → GtkLabel */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdAttendanceGrid, od_attendance_grid, ADW_TYPE_BIN)

/* --- helpers --- */

static char *
cell_key (gint64 person_id,
          gint64 session_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, person_id, session_id);
}

static void
show_error (OdAttendanceGrid *self,
            const GError     *error)
{
  g_debug ("attendance: %s", error->message);
  od_form_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
update_counts (OdAttendanceGrid *self,
               gint64            session_id)
{
  GtkLabel *label = g_hash_table_lookup (self->counts_labels, &session_id);
  OdSessionCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (label == NULL)
    return;
  if (!od_session_get_counts (self->db, session_id, &counts, &error))
    {
      show_error (self, error);
      return;
    }
  /* Translators: attendance of a session: people present or late, of those enrolled */
  text = g_strdup_printf (_("%u of %u"), counts.present + counts.late, counts.enrolled);
  tooltip = g_strdup_printf (_("Present %u · Late %u · Absent %u · Excused %u · Not yet %u"),
                             counts.present, counts.late, counts.absent, counts.excused,
                             counts.not_yet);
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static GtkWidget *
header_label (const char *text,
              gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, dim ? "dim-label" : "heading");
  return label;
}

/* --- callbacks --- */

static void
on_cell_selected_cb (GtkDropDown      *cell,
                     GParamSpec       *pspec,
                     OdAttendanceGrid *self)
{
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (cell), "od-person-id");
  gint64 session_id = *(gint64 *) g_object_get_data (G_OBJECT (cell), "od-session-id");
  guint selected = gtk_drop_down_get_selected (cell);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->filling)
    return;
  /* Position 0 is "not yet": no mark. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    ok = od_attendance_mark_clear (self->db, session_id, person_id, &error);
  else
    ok = od_attendance_mark_set (self->db, session_id, person_id,
                                 od_label_key_at (od_attendance_status_choices, selected - 1),
                                 self->from_paper ? "paper" : "manual", &error) > 0;
  if (!ok)
    {
      show_error (self, error);
      od_attendance_grid_reload (self);
      return;
    }
  update_counts (self, session_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* --- overrides --- */

static void
od_attendance_grid_dispose (GObject *object)
{
  OdAttendanceGrid *self = OD_ATTENDANCE_GRID (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->counts_labels, g_hash_table_unref);
  G_OBJECT_CLASS (od_attendance_grid_parent_class)->dispose (object);
}

static void
od_attendance_grid_class_init (OdAttendanceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = od_attendance_grid_dispose;

  /**
   * OdAttendanceGrid::changed:
   *
   * A mark was stored or cleared.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
od_attendance_grid_init (OdAttendanceGrid *self)
{
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->counts_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* --- public API --- */

GtkWidget *
od_attendance_grid_new (void)
{
  return g_object_new (OD_TYPE_ATTENDANCE_GRID, NULL);
}

void
od_attendance_grid_set_course (OdAttendanceGrid *self,
                               OdDb             *db,
                               gint64            course_id)
{
  g_return_if_fail (OD_IS_ATTENDANCE_GRID (self));

  g_set_object (&self->db, db);
  self->course_id = course_id;
  od_attendance_grid_reload (self);
}

void
od_attendance_grid_reload (OdAttendanceGrid *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  GtkGrid *grid;
  int row = 1;

  g_return_if_fail (OD_IS_ATTENDANCE_GRID (self));

  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->counts_labels);
  self->grid = gtk_grid_new ();
  grid = GTK_GRID (self->grid);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  adw_bin_set_child (ADW_BIN (self), self->grid);
  if (self->db == NULL || self->course_id <= 0)
    return;

  sessions = od_course_list_sessions (self->db, self->course_id, &error);
  if (sessions != NULL)
    enrolees = od_course_list_enrolees (self->db, self->course_id, &error);
  if (enrolees != NULL)
    marks = od_course_list_marks (self->db, self->course_id, &error);
  if (marks == NULL)
    {
      show_error (self, error);
      return;
    }

  self->filling = TRUE;
  /* Translators: the column of people's names in the attendance grid */
  gtk_grid_attach (grid, header_label (C_("person", "Name"), FALSE), 0, 0, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (grid, 0, 0), GTK_ALIGN_START);
  for (guint s = 0; s < sessions->len; s++)
    {
      OdCourseSessionFields *session = g_ptr_array_index (sessions, s);
      g_autofree char *text = NULL;

      if (session->starts_at != NULL && session->starts_at[0] != '\0')
        text = g_strdup_printf ("%s\n%s", session->held_on, session->starts_at);
      else
        text = g_strdup (session->held_on);
      gtk_grid_attach (grid, header_label (text, FALSE), (int) s + 1, 0, 1, 1);
      if (session->topic != NULL && session->topic[0] != '\0')
        gtk_widget_set_tooltip_text (gtk_grid_get_child_at (grid, (int) s + 1, 0), session->topic);
    }

  for (guint e = 0; e < enrolees->len; e++)
    {
      OdEnrolee *enrolee = g_ptr_array_index (enrolees, e);
      GtkWidget *name;

      if (g_strcmp0 (enrolee->status, "cancelled") == 0)
        continue;
      name = gtk_label_new (enrolee->name);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
      gtk_widget_set_tooltip_text (name, enrolee->organization[0] != '\0' ? enrolee->organization : NULL);
      if (g_strcmp0 (enrolee->status, "waitlisted") == 0)
        gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (grid, name, 0, row, 1, 1);

      for (guint s = 0; s < sessions->len; s++)
        {
          OdCourseSessionFields *session = g_ptr_array_index (sessions, s);
          g_autoptr(GtkStringList) model = od_label_model (od_attendance_status_choices,
                                                           /* Translators: no attendance mark yet */
                                                           _("Not yet"));
          GtkWidget *cell = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
          gint64 *person_id = g_new (gint64, 1);
          gint64 *session_id = g_new (gint64, 1);
          guint selected = 0;

          for (guint m = 0; m < marks->len; m++)
            {
              OdAttendanceMarkFields *mark = g_ptr_array_index (marks, m);

              if (mark->person_id == enrolee->person_id && mark->session_id == session->id)
                selected = od_label_index (od_attendance_status_choices, mark->status) + 1;
            }
          gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), selected);
          *person_id = enrolee->person_id;
          *session_id = session->id;
          g_object_set_data_full (G_OBJECT (cell), "od-person-id", person_id, g_free);
          g_object_set_data_full (G_OBJECT (cell), "od-session-id", session_id, g_free);
          gtk_widget_set_tooltip_text (cell, enrolee->name);
          g_signal_connect_object (cell, "notify::selected", G_CALLBACK (on_cell_selected_cb), self, 0);
          gtk_grid_attach (grid, cell, (int) s + 1, row, 1, 1);
          g_hash_table_insert (self->cells, cell_key (enrolee->person_id, session->id), cell);
        }
      row++;
    }

  gtk_grid_attach (grid, header_label (_("Attended"), TRUE), 0, row, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (grid, 0, row), GTK_ALIGN_START);
  for (guint s = 0; s < sessions->len; s++)
    {
      OdCourseSessionFields *session = g_ptr_array_index (sessions, s);
      GtkWidget *label = header_label ("", TRUE);

      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, (int) s + 1, row, 1, 1);
      g_hash_table_insert (self->counts_labels, g_memdup2 (&session->id, sizeof (gint64)), label);
      update_counts (self, session->id);
    }
  self->filling = FALSE;
}

void
od_attendance_grid_set_from_paper (OdAttendanceGrid *self,
                                   gboolean          from_paper)
{
  g_return_if_fail (OD_IS_ATTENDANCE_GRID (self));

  self->from_paper = from_paper;
}

GtkDropDown *
od_attendance_grid_get_cell (OdAttendanceGrid *self,
                             gint64            person_id,
                             gint64            session_id)
{
  g_autofree char *key = cell_key (person_id, session_id);

  g_return_val_if_fail (OD_IS_ATTENDANCE_GRID (self), NULL);
  return g_hash_table_lookup (self->cells, key);
}

GtkLabel *
od_attendance_grid_get_counts_label (OdAttendanceGrid *self,
                                     gint64            session_id)
{
  g_return_val_if_fail (OD_IS_ATTENDANCE_GRID (self), NULL);
  return g_hash_table_lookup (self->counts_labels, &session_id);
}
