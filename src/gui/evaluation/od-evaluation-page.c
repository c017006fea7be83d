/* od-evaluation-page.c — the evaluation section: rounds of grade
 * evaluation, their organizations and scoring sheets, and the annual
 * inspections of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": a round (评估批次) takes organizations
 * through applied → eligible → scored → proposed → publicized → review →
 * confirmed. A few rounds a year of a few dozen organizations each, so
 * plain list boxes refilled from the store. Each participant row offers
 * only the steps od_evaluation_advance() accepts from its state
 * (od_evaluation_next_states); a refusal is shown as the store words it.
 */
#define G_LOG_DOMAIN "orgdesk-evaluation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "od-add-organizations-dialog.h"
#include "od-decision-dialog.h"
#include "od-evaluation-entities.h"
#include "od-charts-window.h"
#include "od-evaluation-page.h"
#include "od-print-operation.h"
#include "od-settings-store.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-organization-type.h"
#include "od-round-dialog.h"

struct _OdEvaluationPage
{
  OdPage             parent_instance;

  GPtrArray         *rounds;        /* OdEvaluationRoundFields, as listed */
  GPtrArray         *participants;  /* OdEvaluationFields of the round shown, as shown */
  gint64             round_id;      /* shown; 0 */
  gboolean           updating;

  AdwViewStack      *view_stack;
  GtkLabel          *rounds_count_label;
  GtkStack          *rounds_stack;
  GtkListBox        *round_list;
  GtkStack          *pane_stack;
  GtkLabel          *round_title;
  GtkLabel          *round_dates;
  GtkDropDown       *step_dropdown;
  GtkLabel          *participants_count_label;
  GtkStack          *participants_stack;
  GtkListBox        *participants_list;
  AdwStatusPage     *participants_empty;
  OdInspectionsView *inspections_view;
  GtkWidget         *print_button;
  GtkStack          *watch_stack;
  GtkLabel          *watch_label;
  GtkListBox        *watch_list;
};

G_DEFINE_FINAL_TYPE (OdEvaluationPage, od_evaluation_page, OD_TYPE_PAGE)

static void reload_participants (OdEvaluationPage *self);

/* --- helpers --- */

static void
show_error (OdEvaluationPage *self,
            const char       *message)
{
  g_debug ("evaluation: %s", message);
  od_form_show_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static GtkWindow *
parent_window (OdEvaluationPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* What each step is called as an action on a participant. */
static const char *
step_action_label (const char *state)
{
  static const struct
  {
    const char *state;
    const char *label;
  } labels[] = {
    { "eligible", N_("Mark Eligible") },
    { "scored", N_("Mark Scored") },
    { "proposed", N_("Propose Grade") },
    { "publicized", N_("Publicize") },
    { "review", N_("Review") },
    { "confirmed", N_("Confirm") },
    { "rejected", N_("Reject") },
    { "withdrawn", N_("Withdraw") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].state, state))
      return _(labels[i].label);
  return state;
}

static const char *
selected_step (OdEvaluationPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->step_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return od_label_key_at (od_evaluation_state_choices, selected - 1);
}

/* "Scored 3 · Confirmed 20": the evaluations of a round by step, the
 * steps with none left out. */
static char *
step_counts_text (GPtrArray *evaluations)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; od_evaluation_state_choices[c].key != NULL; c++)
    {
      guint n = 0;

      for (guint i = 0; i < evaluations->len; i++)
        if (g_strcmp0 (((OdEvaluationFields *) g_ptr_array_index (evaluations, i))->state,
                       od_evaluation_state_choices[c].key) == 0)
          n++;
      if (n > 0)
        /* Translators: a step of a round and how many organizations are at it */
        g_ptr_array_add (parts, g_strdup_printf (_("%s %u"), _(od_evaluation_state_choices[c].label), n));
    }
  if (parts->len == 0)
    return g_strdup (_("No organizations yet"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
round_row (OdEvaluationPage        *self,
           OdEvaluationRoundFields *round)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GPtrArray) evaluations = od_round_list_evaluations (db, round->id, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (round->name);
  GtkWidget *meta, *counts;
  g_autofree char *meta_text = NULL;
  g_autofree char *counts_text = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* Translators: a round in the list: the year evaluated and its kind */
  meta_text = g_strdup_printf (_("%d · %s"), (int) round->year, od_label_for (od_scheme_kind_choices, round->kind));
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  counts_text = evaluations != NULL ? step_counts_text (evaluations) : g_strdup ("");
  counts = gtk_label_new (counts_text);
  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_label_set_wrap (GTK_LABEL (counts), TRUE);
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_add_css_class (counts, "numeric");
  gtk_box_append (GTK_BOX (box), counts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "od-id", g_memdup2 (&round->id, sizeof (gint64)), g_free);
  return row;
}

static void
select_round_row (OdEvaluationPage *self,
                  gint64            id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->round_list, i)) != NULL; i++)
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "od-id") == id)
      {
        gtk_list_box_select_row (self->round_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->round_list);
}

static void
reload_rounds (OdEvaluationPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  self->updating = TRUE;
  od_form_clear_list (self->round_list);
  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  if (db != NULL)
    {
      self->rounds = od_evaluation_round_list (db, &error);
      if (self->rounds == NULL)
        show_error (self, error->message);
    }
  if (self->rounds == NULL)
    self->rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) od_evaluation_round_fields_free);
  for (guint i = 0; i < self->rounds->len; i++)
    gtk_list_box_append (self->round_list, round_row (self, g_ptr_array_index (self->rounds, i)));
  count = g_strdup_printf (ngettext ("%u round", "%u rounds", self->rounds->len), self->rounds->len);
  gtk_label_set_text (self->rounds_count_label, count);
  gtk_stack_set_visible_child_name (self->rounds_stack, self->rounds->len > 0 ? "list" : "empty");
  select_round_row (self, self->round_id);
  self->updating = FALSE;
}

/* The round's dates, those set. */
static char *
round_dates_text (const OdEvaluationRoundFields *round)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const struct
  {
    const char *label;
    const char *date;
  } dates[] = {
    /* Translators: the dates of a round's steps, each followed by its
     * date: "Applications until 2019-06-30" */
    { N_("Applications until"), round->applications_until },
    { N_("First review"), round->first_review_on },
    { N_("Publicity from"), round->publicity_from },
    { N_("Publicity until"), round->publicity_until },
    { N_("Announced"), round->announced_on },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i].date != NULL && dates[i].date[0] != '\0')
      /* Translators: a step of a round and its date */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), _(dates[i].label), dates[i].date));
  if (parts->len == 0)
    return g_strdup (_("No dates planned yet"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
participant_menu_button (OdEvaluationFields *evaluation)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) steps = g_menu_new ();
  g_autofree const char **next = od_evaluation_next_states (evaluation->state);
  GtkWidget *button = gtk_menu_button_new ();

  for (guint i = 0; next[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (step_action_label (next[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "evaluation.advance",
                                               g_variant_new ("(xs)", evaluation->id, next[i]));
      g_menu_append_item (steps, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (steps));
  if (!od_evaluation_state_is_final (evaluation->state))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Committee’s Grade…"), NULL);
      g_autoptr(GMenu) decide = g_menu_new ();

      g_menu_item_set_action_and_target_value (item, "evaluation.decide",
                                               g_variant_new_int64 (evaluation->id));
      g_menu_append_item (decide, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (decide));
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Steps"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, next[0] != NULL || !od_evaluation_state_is_final (evaluation->state));
  return button;
}

static GtkWidget *
participant_row (OdEvaluationPage   *self,
                 OdEvaluationFields *evaluation)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(OdOrganizationFields) org = od_organization_load (db, evaluation->organization_id, NULL);
  g_autoptr(OdRatingSchemeFields) scheme = od_rating_scheme_load (db, evaluation->scheme_id, NULL);
  OdEvaluationTotals totals = { 0 };
  const char *kind = scheme != NULL ? scheme->kind : "grade";
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *step = gtk_label_new (od_label_for (od_evaluation_state_choices, evaluation->state));
  GtkWidget *grade = gtk_label_new ("");
  GtkWidget *sheet = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *points = NULL;
  g_autofree char *points_text = NULL;

  if (od_evaluation_get_totals (db, evaluation->id, &totals, NULL) && totals.n_scored > 0)
    {
      points = od_points_format (totals.total);
      /* Translators: the total points of an evaluation */
      points_text = g_strdup_printf (_("%s points"), points);
    }
  else
    points_text = g_strdup (_("not scored yet"));
  /* Translators: a participant: its organization type and its points */
  subtitle = g_strdup_printf (_("%s · %s"),
                              org != NULL ? od_organization_type_to_string (org->org_type) : "",
                              points_text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evaluation->organization_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (evaluation->eligibility_reason != NULL && evaluation->eligibility_reason[0] != '\0')
    {
      g_autofree char *tooltip = NULL;

      /* Translators: why an organization takes part although a check failed */
      tooltip = g_strdup_printf (_("Taking part by exception: %s"), evaluation->eligibility_reason);
      gtk_widget_set_tooltip_text (row, tooltip);
    }

  /* The committee's grade wins over the proposed one. */
  if (evaluation->decided_grade >= 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the committee's grade ("4A", or "" for none) */
      text = g_strdup_printf (_("Committee: %s"), evaluation->decided_grade > 0
                                                  ? od_grade_label (kind, evaluation->decided_grade)
                                                  : _("no grade"));
      gtk_label_set_text (GTK_LABEL (grade), text);
      if (evaluation->decision_reason != NULL)
        gtk_widget_set_tooltip_text (grade, evaluation->decision_reason);
    }
  else if (evaluation->proposed_grade > 0)
    gtk_label_set_text (GTK_LABEL (grade), od_grade_label (kind, evaluation->proposed_grade));
  gtk_widget_add_css_class (grade, "heading");
  gtk_widget_add_css_class (step, "dim-label");
  gtk_widget_add_css_class (step, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), step);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);

  gtk_widget_set_tooltip_text (sheet, _("Scoring Sheet"));
  gtk_widget_set_valign (sheet, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (sheet, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sheet), "evaluation.score");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (sheet), g_variant_new_int64 (evaluation->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sheet);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), participant_menu_button (evaluation));
  return row;
}

static void
reload_participants (OdEvaluationPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *count = NULL;
  const char *step = selected_step (self);

  od_form_clear_list (self->participants_list);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) od_evaluation_fields_free);
  if (db == NULL || self->round_id <= 0
      || (round = od_evaluation_round_load (db, self->round_id, &error)) == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      self->round_id = 0;
      gtk_stack_set_visible_child_name (self->pane_stack, "none");
      return;
    }
  gtk_label_set_text (self->round_title, round->name);
  dates = round_dates_text (round);
  gtk_label_set_text (self->round_dates, dates);

  all = od_round_list_evaluations (db, self->round_id, &error);
  if (all == NULL)
    {
      show_error (self, error->message);
      all = g_ptr_array_new ();
    }
  for (guint i = 0; i < all->len; i++)
    {
      OdEvaluationFields *evaluation = g_ptr_array_index (all, i);

      if (step == NULL || g_strcmp0 (evaluation->state, step) == 0)
        {
          g_ptr_array_add (self->participants, evaluation);
          all->pdata[i] = NULL;
        }
    }
  g_ptr_array_set_free_func (all, (GDestroyNotify) od_evaluation_fields_free);
  for (guint i = 0; i < self->participants->len; i++)
    gtk_list_box_append (self->participants_list,
                         participant_row (self, g_ptr_array_index (self->participants, i)));

  if (step != NULL)
    count = g_strdup_printf (ngettext ("%u of %u organization", "%u of %u organizations", all->len),
                             self->participants->len, all->len);
  else
    count = g_strdup_printf (ngettext ("%u organization", "%u organizations", all->len), all->len);
  gtk_label_set_text (self->participants_count_label, count);

  if (self->participants->len > 0)
    gtk_stack_set_visible_child_name (self->participants_stack, "list");
  else
    {
      if (all->len == 0)
        {
          adw_status_page_set_title (self->participants_empty, _("No Organizations in This Round"));
          adw_status_page_set_description (self->participants_empty,
                                           _("Add the organizations that applied: each is checked "
                                             "against the eligibility rules as it is added."));
        }
      else
        {
          adw_status_page_set_title (self->participants_empty, _("None at This Step"));
          adw_status_page_set_description (self->participants_empty,
                                           _("No organization of this round is at this step. Choose another step."));
        }
      gtk_stack_set_visible_child_name (self->participants_stack, "empty");
    }
  gtk_stack_set_visible_child_name (self->pane_stack, "round");
}

/* The watch list of today (DESIGN.md §2): grades expiring within six
 * months, downgrade triggers in graded organizations' inspections. */
static void
reload_watch (OdEvaluationPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GPtrArray) watch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  od_form_clear_list (self->watch_list);
  if (db != NULL && (watch = od_grade_watch_list (db, NULL, &error)) == NULL)
    show_error (self, error->message);
  if (watch == NULL || watch->len == 0)
    {
      gtk_stack_set_visible_child_name (self->watch_stack, "empty");
      return;
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organization to watch",
                                        "%u organizations to watch", watch->len), watch->len);
  gtk_label_set_text (self->watch_label, count);
  for (guint i = 0; i < watch->len; i++)
    {
      const OdGradeWatch *item = g_ptr_array_index (watch, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *grade = gtk_label_new (od_grade_label ("grade", item->grade));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->organization_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->reason);
      gtk_widget_add_css_class (grade, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);
      gtk_list_box_append (self->watch_list, row);
    }
  gtk_stack_set_visible_child_name (self->watch_stack, "list");
}

/* After a change to a participant: its row, the round's counts. */
static void
participants_changed (OdEvaluationPage *self)
{
  reload_rounds (self);
  reload_participants (self);
  reload_watch (self);
}

/* --- callbacks --- */

static void
on_round_selected_cb (OdEvaluationPage *self,
                      GtkListBoxRow    *row)
{
  if (self->updating || row == NULL)
    return;
  self->round_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "od-id");
  reload_participants (self);
}

static void
on_step_changed_cb (OdEvaluationPage *self)
{
  if (!self->updating)
    reload_participants (self);
}

static void
on_round_saved_cb (OdEvaluationPage *self,
                   gint64            id)
{
  self->round_id = id;
  participants_changed (self);
}

/* --- actions --- */

/* Prints the round's report KIND (the parameter): the publicity list,
 * the report cards, the certificates, the year's inspection results. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autofree char *association = NULL;
  g_autoptr(GError) error = NULL;
  OdRenderRequest request = { 0 };

  if (db == NULL || self->round_id <= 0
      || (round = od_evaluation_round_load (db, self->round_id, &error)) == NULL)
    return;
  association = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);
  request.db = db;
  request.year = (int) round->year;
  request.round_id = round->id;
  request.association = association;
  if (!od_print_report (widget, g_variant_get_string (parameter, NULL), &request, &error))
    show_error (self, error->message);
}

/* The round's charts (its year's grades, scores, indicator averages, and
 * the inspections by year), side by side. */
static void
charts_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  static const char *const kinds[] = {
    "grades", "score-histogram", "indicator-averages", "inspections", NULL,
  };
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  OdRenderRequest request = { 0 };
  GtkWidget *window;

  if (db == NULL || self->round_id <= 0
      || (round = od_evaluation_round_load (db, self->round_id, &error)) == NULL)
    return;
  request.db = db;
  request.year = (int) round->year;
  request.round_id = round->id;
  /* Translators: %s is a round's name */
  title = g_strdup_printf (_("Charts of %s"), round->name);
  window = od_charts_window_new (parent_window (self), title, kinds, &request, &error);
  if (window == NULL)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdRoundDialog *dialog;

  if (db == NULL)
    return;
  dialog = od_round_dialog_new (parent_window (self), db);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_round_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_organizations_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdAddOrganizationsDialog *dialog;

  if (db == NULL || self->round_id <= 0)
    return;
  dialog = od_add_organizations_dialog_new (parent_window (self), db, self->round_id);
  g_signal_connect_object (dialog, "added", G_CALLBACK (participants_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdScoringSheet *sheet;

  if (db == NULL)
    return;
  sheet = od_scoring_sheet_new (parent_window (self), db, g_variant_get_int64 (parameter));
  g_signal_connect_object (sheet, "changed", G_CALLBACK (participants_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (sheet));
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;
  const char *state = NULL;
  gint64 id = 0;

  if (db == NULL)
    return;
  g_variant_get (parameter, "(x&s)", &id, &state);
  if (!od_evaluation_advance (db, id, state, &error))
    {
      show_error (self, error->message);
      return;
    }
  participants_changed (self);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (widget);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdDecisionDialog *dialog;

  if (db == NULL)
    return;
  dialog = od_decision_dialog_new (parent_window (self), db, g_variant_get_int64 (parameter));
  g_signal_connect_object (dialog, "decided", G_CALLBACK (participants_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides --- */

static void
od_evaluation_page_reload (OdPage *page)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (page);
  OdDb *db = od_page_get_db (page);

  od_inspections_view_set_db (self->inspections_view, db);
  reload_rounds (self);
  reload_participants (self);
  reload_watch (self);
}

static void
od_evaluation_page_dispose (GObject *object)
{
  OdEvaluationPage *self = OD_EVALUATION_PAGE (object);

  g_clear_pointer (&self->rounds, g_ptr_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  G_OBJECT_CLASS (od_evaluation_page_parent_class)->dispose (object);
}

static void
od_evaluation_page_class_init (OdEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdPageClass *page_class = OD_PAGE_CLASS (klass);

  object_class->dispose = od_evaluation_page_dispose;
  page_class->reload = od_evaluation_page_reload;

  gtk_widget_class_install_action (widget_class, "evaluation.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "evaluation.charts", NULL, charts_action);
  gtk_widget_class_install_action (widget_class, "evaluation.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "evaluation.add-organizations", NULL,
                                   add_organizations_action);
  gtk_widget_class_install_action (widget_class, "evaluation.score", "x", score_action);
  gtk_widget_class_install_action (widget_class, "evaluation.advance", "(xs)", advance_action);
  gtk_widget_class_install_action (widget_class, "evaluation.decide", "x", decide_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "evaluation.new-round", NULL);

  g_type_ensure (OD_TYPE_INSPECTIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, rounds_count_label);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, rounds_stack);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, round_list);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, round_title);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, round_dates);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, participants_count_label);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, participants_stack);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, participants_list);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, participants_empty);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, inspections_view);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, watch_stack);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, watch_label);
  gtk_widget_class_bind_template_child (widget_class, OdEvaluationPage, watch_list);
  gtk_widget_class_bind_template_callback (widget_class, on_round_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_step_changed_cb);
}

static void
od_evaluation_page_init (OdEvaluationPage *self)
{
  g_autoptr(GtkStringList) steps = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = TRUE;
  steps = od_label_model (od_evaluation_state_choices, _("All steps"));
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (steps));
  self->updating = FALSE;
  reload_rounds (self);
  reload_participants (self);
}

/* --- public API --- */

void
od_evaluation_page_show_view (OdEvaluationPage *self,
                              const char       *name)
{
  g_return_if_fail (OD_IS_EVALUATION_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Shows round ROUND_ID, as choosing its row does. */
void
od_evaluation_page_select_round (OdEvaluationPage *self,
                                 gint64            round_id)
{
  g_return_if_fail (OD_IS_EVALUATION_PAGE (self));

  self->round_id = round_id;
  self->updating = TRUE;
  select_round_row (self, round_id);
  self->updating = FALSE;
  reload_participants (self);
}

gint64
od_evaluation_page_get_round (OdEvaluationPage *self)
{
  g_return_val_if_fail (OD_IS_EVALUATION_PAGE (self), 0);

  return self->round_id;
}

void
od_evaluation_page_set_step_filter (OdEvaluationPage *self,
                                    const char       *step)
{
  g_return_if_fail (OD_IS_EVALUATION_PAGE (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->step_dropdown,
                              step != NULL ? od_label_index (od_evaluation_state_choices, step) + 1 : 0);
  self->updating = FALSE;
  reload_participants (self);
}

guint
od_evaluation_page_get_n_participants (OdEvaluationPage *self)
{
  g_return_val_if_fail (OD_IS_EVALUATION_PAGE (self), 0);

  return self->participants != NULL ? self->participants->len : 0;
}

gint64
od_evaluation_page_get_evaluation_at (OdEvaluationPage *self,
                                      guint             index)
{
  g_return_val_if_fail (OD_IS_EVALUATION_PAGE (self), 0);

  if (self->participants == NULL || index >= self->participants->len)
    return 0;
  return ((OdEvaluationFields *) g_ptr_array_index (self->participants, index))->id;
}

OdInspectionsView *
od_evaluation_page_get_inspections (OdEvaluationPage *self)
{
  g_return_val_if_fail (OD_IS_EVALUATION_PAGE (self), NULL);

  return self->inspections_view;
}
