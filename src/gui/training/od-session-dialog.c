/* od-session-dialog.c — a small window to add or edit a course's session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"
#include "od-session-dialog.h"
#include "od-training-store.h"

struct _OdSessionDialog
{
  AdwWindow       parent_instance;

  OdDb           *db;
  gint64          course_id;
  gint64          session_id;

  AdwWindowTitle *window_title;
  GtkLabel       *problem_label;
  AdwEntryRow    *date_row;
  AdwEntryRow    *starts_row;
  AdwEntryRow    *ends_row;
  AdwEntryRow    *topic_row;
  AdwEntryRow    *trainer_row;
  GtkWidget      *save_button;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdSessionDialog, od_session_dialog, ADW_TYPE_WINDOW)

/* --- helpers --- */

static char *
row_text (AdwEntryRow *row)
{
  return od_form_get_text (row, FALSE);
}

static void
fill (OdSessionDialog *self)
{
  g_autoptr(OdCourseSessionFields) session = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session_id <= 0)
    {
      adw_window_title_set_title (self->window_title, _("New Session"));
      return;
    }
  session = od_course_session_load (self->db, self->session_id, &error);
  if (session == NULL)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  adw_window_title_set_title (self->window_title, _("Edit Session"));
  od_form_set_text (self->date_row, session->held_on);
  od_form_set_text (self->starts_row, session->starts_at);
  od_form_set_text (self->ends_row, session->ends_at);
  od_form_set_text (self->topic_row, session->topic);
  od_form_set_text (self->trainer_row, session->trainer);
}

/* --- callbacks --- */

static void
on_save_clicked_cb (OdSessionDialog *self)
{
  if (od_session_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* --- overrides --- */

static void
od_session_dialog_dispose (GObject *object)
{
  OdSessionDialog *self = OD_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_SESSION_DIALOG);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (od_session_dialog_parent_class)->dispose (object);
}

static void
od_session_dialog_class_init (OdSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_session_dialog_dispose;

  /**
   * OdSessionDialog::saved:
   * @session_id: the id of the session stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, trainer_row);
  gtk_widget_class_bind_template_child (widget_class, OdSessionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_session_dialog_init (OdSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

OdSessionDialog *
od_session_dialog_new (GtkWindow *parent,
                       OdDb      *db,
                       gint64     course_id,
                       gint64     session_id)
{
  OdSessionDialog *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (course_id > 0, NULL);

  self = g_object_new (OD_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->course_id = course_id;
  self->session_id = session_id;
  fill (self);
  return self;
}

/* Stores the form; on a refusal the problem is shown above the form and
 * FALSE returned, and nothing is written. */
gboolean
od_session_dialog_save (OdSessionDialog *self)
{
  g_autoptr(OdCourseSessionFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (OD_IS_SESSION_DIALOG (self), FALSE);

  if (self->session_id > 0)
    fields = od_course_session_load (self->db, self->session_id, &error);
  else
    fields = od_course_session_fields_new ();
  if (fields != NULL)
    {
      fields->course_id = self->course_id;
      g_free (fields->held_on);
      fields->held_on = row_text (self->date_row);
      g_free (fields->starts_at);
      fields->starts_at = row_text (self->starts_row);
      g_free (fields->ends_at);
      fields->ends_at = row_text (self->ends_row);
      g_free (fields->topic);
      fields->topic = row_text (self->topic_row);
      g_free (fields->trainer);
      fields->trainer = row_text (self->trainer_row);
      id = od_course_session_save (self->db, fields, &error);
      if (id > 0)
        {
          self->session_id = id;
          g_signal_emit (self, signals[SAVED], 0, id);
          return TRUE;
        }
    }
  gtk_label_set_text (self->problem_label, error != NULL ? error->message : _("The session could not be saved."));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  return FALSE;
}
