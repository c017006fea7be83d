/* od-scoring-sheet.c — the scoring sheet of one evaluation: its indicator
 * tree with self-assessment and expert scores on the leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": a scheme's tree of up to 4 levels, each
 * with maximum points; the first review scores each indicator (初评). Only
 * leaves are scored; parents and the total roll up from them
 * (od_indicator_tree_roll_up), re-read after each score saved. Points are
 * in tenths.
 */
#define G_LOG_DOMAIN "orgdesk-scoring-sheet"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-scoring-sheet.h"

/* One row of the sheet: a leaf has entries, a parent labels. */
typedef struct
{
  OdIndicatorNode *node;        /* borrowed from roots */
  GtkWidget       *self_widget;
  GtkWidget       *expert_widget;
  gint64           self_score;  /* as saved; -1 = not given */
  gint64           expert_score;
} SheetRow;

struct _OdScoringSheet
{
  AdwWindow       parent_instance;

  OdDb           *db;
  gint64          evaluation_id;
  GPtrArray      *indicators;   /* OdSchemeIndicatorFields, kept for the tree */
  GPtrArray      *roots;        /* OdIndicatorNode */
  GPtrArray      *rows;         /* SheetRow, in the grid's order */
  GPtrArray      *leaves;       /* SheetRow (borrowed from rows), depth first */
  gboolean        filling;
  gboolean        disposing;   /* the entries' focus leaves: nothing to save */

  AdwWindowTitle *window_title;
  GtkGrid        *grid;
  GtkLabel       *problem_label;
  GtkEntry       *bonus_entry;
  GtkLabel       *totals_label;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdScoringSheet, od_scoring_sheet, ADW_TYPE_WINDOW)

/* --- helpers --- */

static void
show_problem (OdScoringSheet *self,
              const char     *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
set_points (GtkWidget *widget,
            gint64     tenths)
{
  g_autofree char *text = od_points_format (tenths);

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_label_set_text (GTK_LABEL (widget), text);
}

/* The scores saved, rolled up the tree into the parents' labels, and the
 * totals. */
static void
refresh (OdScoringSheet *self)
{
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(GError) error = NULL;
  OdEvaluationTotals totals = { 0 };
  g_autoptr(OdEvaluationFields) evaluation = NULL;
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autofree char *self_total = NULL, *expert_total = NULL, *bonus = NULL, *total = NULL,
                  *maximum = NULL, *text = NULL;

  scores = od_evaluation_list_scores (self->db, self->evaluation_id, &error);
  if (scores == NULL
      || !od_evaluation_get_totals (self->db, self->evaluation_id, &totals, &error)
      || (evaluation = od_evaluation_load (self->db, self->evaluation_id, &error)) == NULL
      || (scheme = od_rating_scheme_load (self->db, evaluation->scheme_id, &error)) == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  od_indicator_tree_roll_up (self->roots, scores);

  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->rows, i);

      if (row->node->children->len > 0)
        {
          set_points (row->self_widget, row->node->self_score);
          set_points (row->expert_widget, row->node->expert_score);
        }
      else
        {
          OdEvaluationScoreFields *score = g_hash_table_lookup (scores, &row->node->indicator->id);

          row->self_score = score != NULL ? score->self_score : -1;
          row->expert_score = score != NULL ? score->expert_score : -1;
          set_points (row->self_widget, row->self_score);
          set_points (row->expert_widget, row->expert_score);
        }
    }
  set_points (GTK_WIDGET (self->bonus_entry), evaluation->bonus);
  self->filling = FALSE;

  self_total = od_points_format (totals.self_total);
  expert_total = od_points_format (totals.expert_total);
  bonus = od_points_format (totals.bonus);
  total = od_points_format (totals.total);
  maximum = od_points_format (scheme->max_score);
  /* Translators: the totals of a scoring sheet: the self-assessment, the
   * expert scores, the bonus, the total of the maximum, and how many of
   * the indicators have an expert score */
  text = g_strdup_printf (_("Self %s · Experts %s · Bonus %s · Total %s of %s (%u of %u scored)"),
                          self_total, expert_total, bonus, total, maximum,
                          totals.n_scored, totals.n_leaves);
  gtk_label_set_text (self->totals_label, text);
}

static SheetRow *
row_of_entry (OdScoringSheet *self,
              GtkWidget      *entry,
              gboolean       *expert)
{
  for (guint i = 0; self->leaves != NULL && i < self->leaves->len; i++)
    {
      SheetRow *row = g_ptr_array_index (self->leaves, i);

      if (row->self_widget == entry || row->expert_widget == entry)
        {
          *expert = row->expert_widget == entry;
          return row;
        }
    }
  return NULL;
}

/* Saves the score typed in ENTRY when it differs from the one saved.
 * FALSE, with the entry marked and the problem shown, when it is not a
 * number of points or the store refuses it. */
static gboolean
commit_entry (OdScoringSheet *self,
              GtkWidget      *entry)
{
  gboolean expert = FALSE;
  SheetRow *row;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 value;

  if (self->filling || self->disposing || (row = row_of_entry (self, entry, &expert)) == NULL)
    return TRUE;
  if (!od_scoring_parse_points (gtk_editable_get_text (GTK_EDITABLE (entry)), row->node->indicator->max_points,
                        &value, &message))
    {
      g_autofree char *full = NULL;

      /* Translators: the first %s is an indicator's name, the second why
       * what was typed is not taken */
      full = g_strdup_printf (_("%s: %s"), row->node->indicator->name, message);
      gtk_widget_add_css_class (entry, "error");
      show_problem (self, full);
      return FALSE;
    }
  gtk_widget_remove_css_class (entry, "error");
  if (value == (expert ? row->expert_score : row->self_score))
    {
      show_problem (self, NULL);
      return TRUE;
    }
  if (!od_evaluation_set_score (self->db, self->evaluation_id, row->node->indicator->id,
                                expert ? row->self_score : value, expert ? value : row->expert_score,
                                &error))
    {
      gtk_widget_add_css_class (entry, "error");
      show_problem (self, error->message);
      return FALSE;
    }
  show_problem (self, NULL);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
commit_bonus (OdScoringSheet *self)
{
  g_autoptr(OdEvaluationFields) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 value;

  if (self->filling || self->disposing)
    return TRUE;
  if (!od_scoring_parse_points (gtk_editable_get_text (GTK_EDITABLE (self->bonus_entry)), -1, &value, &message))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->bonus_entry), "error");
      show_problem (self, message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->bonus_entry), "error");
  value = MAX (value, 0);
  evaluation = od_evaluation_load (self->db, self->evaluation_id, &error);
  if (evaluation != NULL && evaluation->bonus != value)
    {
      evaluation->bonus = value;
      if (od_evaluation_save (self->db, evaluation, &error) <= 0)
        {
          show_problem (self, error->message);
          return FALSE;
        }
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else if (evaluation == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  show_problem (self, NULL);
  refresh (self);
  return TRUE;
}

/* --- callbacks --- */

/* Enter: saved, then the same column of the next leaf; after the last
 * self-assessment the first expert score, after the last expert score
 * the bonus. */
static void
on_entry_activate_cb (GtkEntry       *entry,
                      OdScoringSheet *self)
{
  gboolean expert = FALSE;
  SheetRow *row = row_of_entry (self, GTK_WIDGET (entry), &expert);
  guint index;

  if (row == NULL || !commit_entry (self, GTK_WIDGET (entry)))
    return;
  g_assert (g_ptr_array_find (self->leaves, row, &index));
  if (index + 1 < self->leaves->len)
    {
      SheetRow *next = g_ptr_array_index (self->leaves, index + 1);

      gtk_widget_grab_focus (expert ? next->expert_widget : next->self_widget);
    }
  else if (!expert)
    gtk_widget_grab_focus (((SheetRow *) g_ptr_array_index (self->leaves, 0))->expert_widget);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->bonus_entry));
}

/* Tab and clicks elsewhere save too. */
static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   OdScoringSheet          *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_bonus_activate_cb (OdScoringSheet *self)
{
  commit_bonus (self);
}

/* --- building the rows --- */

static GtkWidget *
points_label (void)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
score_entry (OdScoringSheet *self,
             const char     *tooltip)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_widget_add_css_class (entry, "numeric");
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_entry_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
add_rows (OdScoringSheet *self,
          GPtrArray      *nodes,
          int            *grid_row)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      OdIndicatorNode *node = g_ptr_array_index (nodes, i);
      SheetRow *row = g_new0 (SheetRow, 1);
      gboolean leaf = node->children->len == 0;
      GtkWidget *name = gtk_label_new (node->indicator->name);
      GtkWidget *max = points_label ();

      row->node = node;
      row->self_score = row->expert_score = -1;
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_margin_start (name, 18 * (int) (node->level - 1));
      if (!leaf)
        {
          gtk_widget_add_css_class (name, "heading");
          gtk_widget_set_margin_top (name, node->level == 1 ? 12 : 6);
        }
      set_points (max, node->indicator->max_points);
      gtk_widget_add_css_class (max, "dim-label");
      if (leaf)
        {
          row->self_widget = score_entry (self, _("Self-assessment"));
          row->expert_widget = score_entry (self, _("Expert score"));
          g_ptr_array_add (self->leaves, row);
        }
      else
        {
          row->self_widget = points_label ();
          row->expert_widget = points_label ();
          gtk_widget_add_css_class (row->self_widget, "heading");
          gtk_widget_add_css_class (row->expert_widget, "heading");
        }
      gtk_widget_set_valign (max, leaf ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
      gtk_widget_set_valign (row->self_widget, leaf ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
      gtk_widget_set_valign (row->expert_widget, leaf ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
      gtk_grid_attach (self->grid, name, 0, *grid_row, 1, 1);
      gtk_grid_attach (self->grid, max, 1, *grid_row, 1, 1);
      gtk_grid_attach (self->grid, row->self_widget, 2, *grid_row, 1, 1);
      gtk_grid_attach (self->grid, row->expert_widget, 3, *grid_row, 1, 1);
      g_ptr_array_add (self->rows, row);
      (*grid_row)++;
      add_rows (self, node->children, grid_row);
    }
}

static void
load (OdScoringSheet *self)
{
  g_autoptr(OdEvaluationFields) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  int grid_row = 1;

  evaluation = od_evaluation_load (self->db, self->evaluation_id, &error);
  if (evaluation == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  adw_window_title_set_title (self->window_title, evaluation->organization_name);
  adw_window_title_set_subtitle (self->window_title, evaluation->round_name);
  self->indicators = od_scheme_list_indicators (self->db, evaluation->scheme_id, &error);
  if (self->indicators == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  self->roots = od_indicator_tree_build (self->indicators);
  add_rows (self, self->roots, &grid_row);
  refresh (self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (commit_bonus), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->bonus_entry), focus);
  }
  if (self->leaves->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), ((SheetRow *) g_ptr_array_index (self->leaves, 0))->self_widget);
}

/* --- overrides --- */

/* Closing saves the entry being typed in, as leaving it would. */
static gboolean
od_scoring_sheet_close_request (GtkWindow *window)
{
  OdScoringSheet *self = OD_SCORING_SHEET (window);
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus != NULL)
    {
      GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);

      if (entry == GTK_WIDGET (self->bonus_entry))
        commit_bonus (self);
      else if (entry != NULL)
        commit_entry (self, entry);
    }
  return GTK_WINDOW_CLASS (od_scoring_sheet_parent_class)->close_request != NULL
         && GTK_WINDOW_CLASS (od_scoring_sheet_parent_class)->close_request (window);
}

static void
od_scoring_sheet_dispose (GObject *object)
{
  OdScoringSheet *self = OD_SCORING_SHEET (object);

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_SCORING_SHEET);
  g_clear_pointer (&self->leaves, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (od_scoring_sheet_parent_class)->dispose (object);
}

static void
od_scoring_sheet_class_init (OdScoringSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_scoring_sheet_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = od_scoring_sheet_close_request;

  /**
   * OdScoringSheet::changed:
   *
   * A score or the bonus was saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-scoring-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, OdScoringSheet, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdScoringSheet, grid);
  gtk_widget_class_bind_template_child (widget_class, OdScoringSheet, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OdScoringSheet, bonus_entry);
  gtk_widget_class_bind_template_child (widget_class, OdScoringSheet, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_bonus_activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_scoring_sheet_init (OdScoringSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->leaves = g_ptr_array_new ();
}

/* --- public API --- */

OdScoringSheet *
od_scoring_sheet_new (GtkWindow *parent,
                      OdDb      *db,
                      gint64     evaluation_id)
{
  OdScoringSheet *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (evaluation_id > 0, NULL);

  self = g_object_new (OD_TYPE_SCORING_SHEET, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->evaluation_id = evaluation_id;
  load (self);
  return self;
}

guint
od_scoring_sheet_get_n_leaves (OdScoringSheet *self)
{
  g_return_val_if_fail (OD_IS_SCORING_SHEET (self), 0);

  return self->leaves->len;
}

GtkWidget *
od_scoring_sheet_get_entry (OdScoringSheet *self,
                            guint           index,
                            gboolean        expert)
{
  SheetRow *row;

  g_return_val_if_fail (OD_IS_SCORING_SHEET (self), NULL);
  g_return_val_if_fail (index < self->leaves->len, NULL);

  row = g_ptr_array_index (self->leaves, index);
  return expert ? row->expert_widget : row->self_widget;
}

gboolean
od_scoring_parse_points (const char  *text,
                         gint64       max,
                         gint64      *tenths,
                         char       **message)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  *tenths = -1;
  if (*copy == '\0')
    return TRUE;
  /* A decimal comma, as some keyboards type it. */
  g_strdelimit (copy, ",", '.');
  if (!od_points_parse (copy, tenths))
    {
      *tenths = -1;
      /* Translators: %s is what was typed in place of points */
      *message = g_strdup_printf (_("“%s” is not a number of points: type it with at most one "
                                    "decimal, such as 27.5."), text);
      return FALSE;
    }
  if (max >= 0 && *tenths > max)
    {
      g_autofree char *most = od_points_format (max);

      /* Translators: the first %s is what was typed, the second the most
       * points the indicator gives */
      *message = g_strdup_printf (_("%s is more than the maximum of %s points."), copy, most);
      *tenths = -1;
      return FALSE;
    }
  return TRUE;
}
