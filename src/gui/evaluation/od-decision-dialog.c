/* od-decision-dialog.c — the evaluation committee's grade for one
 * evaluation, with its reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": the committee may set a grade other
 * than the one the total gives, with a recorded reason. The store says
 * when a reason is missing; the window stays open to show it.
 */
#define G_LOG_DOMAIN "orgdesk-decision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "od-decision-dialog.h"
#include "od-evaluation-store.h"
#include "od-form.h"

struct _OdDecisionDialog
{
  AdwWindow         parent_instance;

  OdDb             *db;
  gint64            evaluation_id;
  char             *kind;       /* of the evaluation's scheme: how grades are shown */

  GtkLabel         *body_label;
  AdwComboRow      *grade_row;
  AdwEntryRow      *reason_row;
  GtkLabel         *problem_label;
  GtkWidget        *decide_button;
};

enum
{
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdDecisionDialog, od_decision_dialog, ADW_TYPE_WINDOW)

/* Position 0 of the grade row is "as proposed", then 5A down to 1A, then
 * "no grade". */
static gint64
grade_at (guint position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return -1;
  return position <= OD_GRADE_LEVELS ? OD_GRADE_LEVELS + 1 - (gint64) position : 0;
}

static guint
position_of (gint64 grade)
{
  if (grade < 0)
    return 0;
  return grade == 0 ? OD_GRADE_LEVELS + 1 : (guint) (OD_GRADE_LEVELS + 1 - grade);
}

/* --- callbacks --- */

static void
on_decide_clicked_cb (OdDecisionDialog *self)
{
  if (od_decision_dialog_decide (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* --- overrides --- */

static void
od_decision_dialog_dispose (GObject *object)
{
  OdDecisionDialog *self = OD_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_DECISION_DIALOG);
  g_clear_object (&self->db);
  g_clear_pointer (&self->kind, g_free);
  G_OBJECT_CLASS (od_decision_dialog_parent_class)->dispose (object);
}

static void
od_decision_dialog_class_init (OdDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_decision_dialog_dispose;

  /**
   * OdDecisionDialog::decided:
   *
   * The committee's grade was stored.
   */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdDecisionDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, OdDecisionDialog, grade_row);
  gtk_widget_class_bind_template_child (widget_class, OdDecisionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, OdDecisionDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OdDecisionDialog, decide_button);
  gtk_widget_class_bind_template_callback (widget_class, on_decide_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_decision_dialog_init (OdDecisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

OdDecisionDialog *
od_decision_dialog_new (GtkWindow *parent,
                        OdDb      *db,
                        gint64     evaluation_id)
{
  g_autoptr(OdEvaluationFields) evaluation = NULL;
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  OdDecisionDialog *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (evaluation_id > 0, NULL);

  self = g_object_new (OD_TYPE_DECISION_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->evaluation_id = evaluation_id;
  evaluation = od_evaluation_load (db, evaluation_id, &error);
  if (evaluation != NULL)
    scheme = od_rating_scheme_load (db, evaluation->scheme_id, &error);
  self->kind = g_strdup (scheme != NULL ? scheme->kind : "grade");

  if (evaluation != NULL && evaluation->proposed_grade > 0)
    {
      g_autofree char *proposed = NULL;

      /* Translators: the first choice of the committee's grade; %s is the
       * grade proposed from the total ("4A") */
      proposed = g_strdup_printf (_("As proposed (%s)"),
                                  od_grade_label (self->kind, evaluation->proposed_grade));
      gtk_string_list_append (grades, proposed);
    }
  else
    gtk_string_list_append (grades, _("As proposed"));
  for (gint64 grade = OD_GRADE_LEVELS; grade >= 1; grade--)
    gtk_string_list_append (grades, od_grade_label (self->kind, grade));
  gtk_string_list_append (grades, _("No grade"));
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));

  if (evaluation != NULL)
    {
      /* Translators: %s is the organization evaluated */
      body = g_strdup_printf (_("The grade the evaluation committee gives %s. A grade other than "
                                "the proposed one needs a reason, which is kept with it."),
                              evaluation->organization_name);
      gtk_label_set_text (self->body_label, body);
      od_decision_dialog_set (self, evaluation->decided_grade, evaluation->decision_reason);
    }
  else
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
  return self;
}

void
od_decision_dialog_set (OdDecisionDialog *self,
                        gint64            grade,
                        const char       *reason)
{
  g_return_if_fail (OD_IS_DECISION_DIALOG (self));

  adw_combo_row_set_selected (self->grade_row, position_of (grade));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}

/* Stores the grade chosen; on a refusal shows why and returns FALSE. */
gboolean
od_decision_dialog_decide (OdDecisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (OD_IS_DECISION_DIALOG (self), FALSE);

  reason = od_form_get_text (self->reason_row, FALSE);
  if (!od_evaluation_decide (self->db, self->evaluation_id,
                             grade_at (adw_combo_row_get_selected (self->grade_row)), reason, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[DECIDED], 0);
  return TRUE;
}
