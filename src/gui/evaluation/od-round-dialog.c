/* od-round-dialog.c — a small window to start a round of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": a round (评估批次) has a year, a kind
 * (grades or stars: the schemes it uses) and the dates of its steps.
 */
#define G_LOG_DOMAIN "orgdesk-round-dialog"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "od-evaluation-entities.h"
#include "od-evaluation-store.h"
#include "od-form.h"
#include "od-round-dialog.h"

struct _OdRoundDialog
{
  AdwWindow    parent_instance;

  OdDb        *db;
  /* The name follows the year until the user types one of their own. */
  gboolean     name_edited;
  gboolean     filling;

  GtkLabel    *problem_label;
  AdwEntryRow *name_row;
  AdwEntryRow *year_row;
  AdwComboRow *kind_row;
  AdwEntryRow *applications_row;
  AdwEntryRow *first_review_row;
  AdwEntryRow *publicity_from_row;
  AdwEntryRow *publicity_until_row;
  AdwEntryRow *announced_row;
  GtkWidget   *save_button;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdRoundDialog, od_round_dialog, ADW_TYPE_WINDOW)

/* --- helpers --- */

static void
show_problem (OdRoundDialog *self,
              const char    *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static void
set_default_name (OdRoundDialog *self,
                  int            year)
{
  g_autofree char *name = NULL;

  /* Translators: the usual name of a round; %d is the year evaluated */
  name = g_strdup_printf (_("%d Grade Evaluation of Social Organizations"), year);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  self->filling = FALSE;
}

/* --- callbacks --- */

static void
on_name_changed_cb (OdRoundDialog *self)
{
  if (!self->filling)
    self->name_edited = TRUE;
}

static void
on_year_changed_cb (OdRoundDialog *self)
{
  int year = atoi (gtk_editable_get_text (GTK_EDITABLE (self->year_row)));

  if (!self->name_edited && year >= 1990 && year <= 2100)
    set_default_name (self, year);
}

static void
on_save_clicked_cb (OdRoundDialog *self)
{
  if (od_round_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* --- overrides --- */

static void
od_round_dialog_dispose (GObject *object)
{
  OdRoundDialog *self = OD_ROUND_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_ROUND_DIALOG);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (od_round_dialog_parent_class)->dispose (object);
}

static void
od_round_dialog_class_init (OdRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_round_dialog_dispose;

  /**
   * OdRoundDialog::saved:
   * @round_id: the id of the round stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, applications_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, first_review_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, publicity_from_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, publicity_until_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, announced_row);
  gtk_widget_class_bind_template_child (widget_class, OdRoundDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_round_dialog_init (OdRoundDialog *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autofree char *year = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  kinds = od_label_model (od_scheme_kind_choices, NULL);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  /* Rounds evaluate the year before, as a rule. */
  year = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
}

/* --- public API --- */

OdRoundDialog *
od_round_dialog_new (GtkWindow *parent,
                     OdDb      *db)
{
  OdRoundDialog *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_ROUND_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  return self;
}

/* Stores the round; on a refusal the problem is shown above the form and
 * FALSE returned, and nothing is written. */
gboolean
od_round_dialog_save (OdRoundDialog *self)
{
  g_autoptr(OdEvaluationRoundFields) fields = od_evaluation_round_fields_new ();
  g_autoptr(GError) error = NULL;
  const char *year_text;
  char *end = NULL;
  gint64 year, id;

  g_return_val_if_fail (OD_IS_ROUND_DIALOG (self), FALSE);

  year_text = gtk_editable_get_text (GTK_EDITABLE (self->year_row));
  year = g_ascii_strtoll (year_text, &end, 10);
  if (year_text[0] == '\0' || *end != '\0' || year < 1990 || year > 2100)
    {
      show_problem (self, _("The year evaluated must be a year such as 2019."));
      return FALSE;
    }
  fields->year = year;
  g_free (fields->name);
  fields->name = od_form_get_text (self->name_row, FALSE);
  g_free (fields->kind);
  fields->kind = g_strdup (od_form_get_combo_key (self->kind_row, od_scheme_kind_choices));
  fields->applications_until = od_form_get_text (self->applications_row, TRUE);
  fields->first_review_on = od_form_get_text (self->first_review_row, TRUE);
  fields->publicity_from = od_form_get_text (self->publicity_from_row, TRUE);
  fields->publicity_until = od_form_get_text (self->publicity_until_row, TRUE);
  fields->announced_on = od_form_get_text (self->announced_row, TRUE);
  id = od_evaluation_round_save (self->db, fields, &error);
  if (id <= 0)
    {
      show_problem (self, error != NULL ? error->message : _("The round could not be saved."));
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}
