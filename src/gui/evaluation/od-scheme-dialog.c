/* od-scheme-dialog.c — a rating scheme and its indicator tree, to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": a scheme is data — maximum score, bonus
 * cap, the least total of each grade, validity, the party rule, and an
 * indicator tree of up to four levels whose children add up to their
 * parent (said live, never blocking). A scheme a confirmed evaluation used
 * is shown read-only: copy it to change it. The whole scheme is saved in
 * one step (od_rating_scheme_save_tree).
 */
#define G_LOG_DOMAIN "orgdesk-scheme-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "od-evaluation-entities.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-scheme-dialog.h"

#define MAX_LEVELS 4

/* One indicator row of the form. */
typedef struct
{
  gint64     id;          /* 0: new */
  int        parent;      /* index of the parent in nodes, or -1 */
  guint      level;       /* 1 = first level */
  char      *name;        /* as loaded, for a new one "" */
  gint64     max_points;
  GtkEntry  *name_entry;
  GtkEntry  *points_entry;
} Node;

struct _OdSchemeDialog
{
  AdwWindow        parent_instance;

  OdDb            *db;
  gint64           scheme_id;
  gboolean         frozen;
  gboolean         filled;        /* the form is complete: checks may run */
  GPtrArray       *nodes;         /* Node, in tree order (parents first) */
  GArray          *deleted_ids;   /* gint64 */
  AdwEntryRow     *threshold_rows[OD_GRADE_LEVELS];   /* 5A first */

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkWidget       *frozen_group;
  GtkWidget       *scheme_group;
  GtkWidget       *thresholds_group;
  GtkWidget       *indicators_group;
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  GtkCheckButton  *social_group_check;
  GtkCheckButton  *social_service_check;
  GtkCheckButton  *foundation_check;
  AdwEntryRow     *max_row;
  AdwEntryRow     *bonus_row;
  GtkSpinButton   *years_spin;
  AdwComboRow     *rule_row;
  GtkSwitch       *party_switch;
  GtkListBox      *tree_list;
  GtkLabel        *problems_label;
  GtkWidget       *save_button;
  GtkWidget       *add_button;
};

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdSchemeDialog, od_scheme_dialog, ADW_TYPE_WINDOW)

static void node_free (gpointer data);
static void rebuild_tree (OdSchemeDialog *self);
static void check (OdSchemeDialog *self);

/* --- helpers --- */

static void
set_points (AdwEntryRow *row,
            gint64       tenths)
{
  g_autofree char *text = od_points_format (tenths);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static Node *
node_at (OdSchemeDialog *self,
         guint           index)
{
  return g_ptr_array_index (self->nodes, index);
}

/* Keeps what was typed into the entries, before the rows are rebuilt. */
static void
keep_entries (OdSchemeDialog *self)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = node_at (self, i);
      gint64 points;

      if (node->name_entry == NULL)
        continue;
      g_free (node->name);
      node->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (node->name_entry)));
      if (od_points_parse (gtk_editable_get_text (GTK_EDITABLE (node->points_entry)), &points))
        node->max_points = points;
    }
}

/* The index after NODE_INDEX's last descendant (where a new child goes). */
static guint
end_of_subtree (OdSchemeDialog *self,
                guint           node_index)
{
  guint level = node_at (self, node_index)->level;
  guint i = node_index + 1;

  while (i < self->nodes->len && node_at (self, i)->level > level)
    i++;
  return i;
}

static void
insert_node (OdSchemeDialog *self,
             guint           index,
             int             parent,
             guint           level)
{
  Node *node = g_new0 (Node, 1);

  node->parent = parent;
  node->level = level;
  node->name = g_strdup ("");
  g_ptr_array_insert (self->nodes, (int) index, node);
  /* Parents after the insertion point moved by one. */
  for (guint i = 0; i < self->nodes->len; i++)
    if (i != index && node_at (self, i)->parent >= (int) index)
      node_at (self, i)->parent++;
}

static void
on_add_child_clicked_cb (GtkButton      *button,
                         OdSchemeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "node-index"));
  guint at;

  keep_entries (self);
  at = end_of_subtree (self, index);
  insert_node (self, at, (int) index, node_at (self, index)->level + 1);
  rebuild_tree (self);
  gtk_widget_grab_focus (GTK_WIDGET (node_at (self, at)->name_entry));
  check (self);
}

static void
on_delete_clicked_cb (GtkButton      *button,
                      OdSchemeDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "node-index"));
  guint end;

  keep_entries (self);
  end = end_of_subtree (self, index);
  for (guint i = index; i < end; i++)
    if (node_at (self, i)->id != 0)
      g_array_append_val (self->deleted_ids, node_at (self, i)->id);
  g_ptr_array_remove_range (self->nodes, index, end - index);
  for (guint i = 0; i < self->nodes->len; i++)
    if (node_at (self, i)->parent >= (int) end)
      node_at (self, i)->parent -= (int) (end - index);
  rebuild_tree (self);
  check (self);
}

static void
on_tree_entry_changed_cb (OdSchemeDialog *self)
{
  check (self);
}

static GtkWidget *
icon_button (const char     *icon,
             const char     *tooltip,
             guint           index,
             GCallback       callback,
             OdSchemeDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "node-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* The rows of the tree: an indented name and its points, with buttons to
 * add an indicator under it and to remove it (and what is under it). */
static void
rebuild_tree (OdSchemeDialog *self)
{
  od_form_clear_list (self->tree_list);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = node_at (self, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *points = od_points_format (node->max_points);

      gtk_widget_set_margin_start (box, 12 + 24 * (int) (node->level - 1));
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      node->name_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_text (GTK_EDITABLE (node->name_entry), node->name);
      gtk_entry_set_placeholder_text (node->name_entry, _("Indicator"));
      gtk_widget_set_hexpand (GTK_WIDGET (node->name_entry), TRUE);
      node->points_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_text (GTK_EDITABLE (node->points_entry), points);
      gtk_editable_set_width_chars (GTK_EDITABLE (node->points_entry), 6);
      gtk_entry_set_alignment (node->points_entry, 1.0);
      gtk_entry_set_placeholder_text (node->points_entry, _("Points"));
      g_signal_connect_swapped (node->name_entry, "changed", G_CALLBACK (on_tree_entry_changed_cb), self);
      g_signal_connect_swapped (node->points_entry, "changed", G_CALLBACK (on_tree_entry_changed_cb), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (node->name_entry));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (node->points_entry));
      if (node->level < MAX_LEVELS)
        gtk_box_append (GTK_BOX (box), icon_button ("list-add-symbolic", _("Add an Indicator Under It"),
                                                    i, G_CALLBACK (on_add_child_clicked_cb), self));
      gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Remove"), i,
                                                  G_CALLBACK (on_delete_clicked_cb), self));
      gtk_widget_set_sensitive (box, !self->frozen);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->tree_list, row);
    }
}

/* The tree as records, parents first: for a new indicator under a new
 * one, parent_id is −(1 + that one's index). With CHECK_IDS, new ones get
 * made-up ids (−(1 + index)) so that the tree can be built to check it. */
static GPtrArray *
tree_records (OdSchemeDialog *self,
              gboolean        check_ids)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) od_scheme_indicator_fields_free);

  keep_entries (self);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = node_at (self, i);
      OdSchemeIndicatorFields *f = od_scheme_indicator_fields_new ();
      Node *parent = node->parent >= 0 ? node_at (self, (guint) node->parent) : NULL;
      guint position = 1;

      for (guint j = 0; j < i; j++)
        position += node_at (self, j)->parent == node->parent;
      f->id = node->id != 0 || !check_ids ? node->id : -(gint64) (i + 1);
      f->scheme_id = self->scheme_id;
      f->parent_id = parent == NULL ? 0 : parent->id != 0 ? parent->id : -(gint64) (node->parent + 1);
      f->position = position;
      g_free (f->name);
      f->name = g_strstrip (g_strdup (node->name));
      f->max_points = node->max_points;
      g_ptr_array_add (records, f);
    }
  return records;
}

static gboolean
read_points (AdwEntryRow *row,
             gint64      *tenths,
             GString     *problems)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (od_points_parse (text, tenths))
    return TRUE;
  /* Translators: the first %s is a field ("Maximum score"), the second what was typed */
  g_string_append_printf (problems, _("%s: “%s” is not a number of points. Type e.g. 1000 or "
                                      "27.5.\n"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          text);
  return FALSE;
}

/* The form as a scheme record; what cannot be read is said in PROBLEMS. */
static OdRatingSchemeFields *
form_to_scheme (OdSchemeDialog *self,
                GString        *problems)
{
  OdRatingSchemeFields *f = NULL;
  gint64 *thresholds[OD_GRADE_LEVELS];
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (self->scheme_id != 0)
    f = od_rating_scheme_load (self->db, self->scheme_id, &error);
  if (f == NULL)
    f = od_rating_scheme_fields_new ();
  thresholds[0] = &f->threshold_5;
  thresholds[1] = &f->threshold_4;
  thresholds[2] = &f->threshold_3;
  thresholds[3] = &f->threshold_2;
  thresholds[4] = &f->threshold_1;

  g_free (f->name);
  f->name = od_form_get_text (self->name_row, FALSE);
  g_free (f->kind);
  f->kind = g_strdup (od_form_get_combo_key (self->kind_row, od_scheme_kind_choices));
  if (gtk_check_button_get_active (self->social_group_check))
    g_ptr_array_add (types, (gpointer) "social_group");
  if (gtk_check_button_get_active (self->social_service_check))
    g_ptr_array_add (types, (gpointer) "social_service");
  if (gtk_check_button_get_active (self->foundation_check))
    g_ptr_array_add (types, (gpointer) "foundation");
  g_ptr_array_add (types, NULL);
  g_free (f->org_types);
  f->org_types = g_strjoinv (" ", (char **) types->pdata);
  read_points (self->max_row, &f->max_score, problems);
  read_points (self->bonus_row, &f->bonus_cap, problems);
  for (guint i = 0; i < OD_GRADE_LEVELS; i++)
    read_points (self->threshold_rows[i], thresholds[i], problems);
  f->validity_years = gtk_spin_button_get_value_as_int (self->years_spin);
  g_free (f->validity_rule);
  f->validity_rule = g_strdup (od_form_get_combo_key (self->rule_row, od_validity_rule_choices));
  f->party_required_top = gtk_switch_get_active (self->party_switch);
  return f;
}

/* Says what is wrong or does not add up, live. */
static void
check (OdSchemeDialog *self)
{
  g_autoptr(GString) problems = NULL;
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) tree_problems = od_problems_new ();

  if (!self->filled)
    return;
  problems = g_string_new (NULL);
  scheme = form_to_scheme (self, problems);
  records = tree_records (self, TRUE);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      Node *node = node_at (self, i);
      gint64 points;

      if (!od_points_parse (gtk_editable_get_text (GTK_EDITABLE (node->points_entry)), &points))
        /* Translators: %s is an indicator's name */
        g_string_append_printf (problems, _("“%s”: type its points, e.g. 30 or 27.5.\n"),
                                node->name[0] != '\0' ? node->name : _("A new indicator"));
      else if (node->name[0] == '\0')
        g_string_append (problems, _("An indicator has no name yet.\n"));
    }
  roots = od_indicator_tree_build (records);
  od_indicator_tree_check (roots, scheme->max_score, tree_problems);
  for (guint i = 0; i < tree_problems->len; i++)
    g_string_append_printf (problems, "%s\n",
                            ((OdProblem *) g_ptr_array_index (tree_problems, i))->message);
  if (problems->len == 0)
    g_string_append (problems, _("Everything adds up."));
  else
    g_string_truncate (problems, problems->len - 1);
  gtk_label_set_text (self->problems_label, problems->str);
}

static void
fill (OdSchemeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_auto(GStrv) types = NULL;
  const gint64 *thresholds[OD_GRADE_LEVELS];

  scheme = self->scheme_id != 0 ? od_rating_scheme_load (self->db, self->scheme_id, &error) : NULL;
  if (scheme == NULL)
    {
      scheme = od_rating_scheme_fields_new ();
      self->scheme_id = 0;
    }
  if (self->scheme_id != 0 && !od_rating_scheme_is_frozen (self->db, self->scheme_id, &self->frozen, &error))
    self->frozen = TRUE;
  adw_window_title_set_subtitle (self->window_title, scheme->name);
  od_form_set_text (self->name_row, scheme->name);
  od_form_set_combo_key (self->kind_row, od_scheme_kind_choices, scheme->kind);
  types = g_strsplit (scheme->org_types, " ", -1);
  gtk_check_button_set_active (self->social_group_check, g_strv_contains ((const char *const *) types, "social_group"));
  gtk_check_button_set_active (self->social_service_check, g_strv_contains ((const char *const *) types, "social_service"));
  gtk_check_button_set_active (self->foundation_check, g_strv_contains ((const char *const *) types, "foundation"));
  set_points (self->max_row, scheme->max_score);
  set_points (self->bonus_row, scheme->bonus_cap);
  thresholds[0] = &scheme->threshold_5;
  thresholds[1] = &scheme->threshold_4;
  thresholds[2] = &scheme->threshold_3;
  thresholds[3] = &scheme->threshold_2;
  thresholds[4] = &scheme->threshold_1;
  for (guint i = 0; i < OD_GRADE_LEVELS; i++)
    {
      /* Translators: %s is a grade ("5A", "★★★★★") */
      g_autofree char *title = g_strdup_printf (_("%s from"), od_grade_label (scheme->kind, OD_GRADE_LEVELS - i));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->threshold_rows[i]), title);
      set_points (self->threshold_rows[i], *thresholds[i]);
    }
  gtk_spin_button_set_value (self->years_spin, (double) scheme->validity_years);
  od_form_set_combo_key (self->rule_row, od_validity_rule_choices, scheme->validity_rule);
  gtk_switch_set_active (self->party_switch, scheme->party_required_top != 0);

  /* The tree, depth first: each node after its parent. */
  if (self->scheme_id != 0)
    indicators = od_scheme_list_indicators (self->db, self->scheme_id, &error);
  if (indicators != NULL)
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (int));

      roots = od_indicator_tree_build (indicators);
      for (guint i = roots->len; i > 0; i--)
        {
          int none = -1;

          g_ptr_array_add (stack, g_ptr_array_index (roots, i - 1));
          g_array_append_val (parents, none);
        }
      while (stack->len > 0)
        {
          OdIndicatorNode *tree_node = g_ptr_array_steal_index (stack, stack->len - 1);
          int parent = g_array_index (parents, int, parents->len - 1);
          Node *node = g_new0 (Node, 1);
          int index = (int) self->nodes->len;

          g_array_set_size (parents, parents->len - 1);
          node->id = tree_node->indicator->id;
          node->parent = parent;
          node->level = tree_node->level;
          node->name = g_strdup (tree_node->indicator->name);
          node->max_points = tree_node->indicator->max_points;
          g_ptr_array_add (self->nodes, node);
          for (guint i = tree_node->children->len; i > 0; i--)
            {
              g_ptr_array_add (stack, g_ptr_array_index (tree_node->children, i - 1));
              g_array_append_val (parents, index);
            }
        }
    }
  rebuild_tree (self);

  gtk_widget_set_visible (self->frozen_group, self->frozen);
  gtk_widget_set_sensitive (self->scheme_group, !self->frozen);
  gtk_widget_set_sensitive (self->thresholds_group, !self->frozen);
  gtk_widget_set_sensitive (self->add_button, !self->frozen);
  gtk_widget_set_sensitive (self->save_button, !self->frozen);
  self->filled = TRUE;
  check (self);
}

/* --- signal handlers --- */

static void
on_changed_cb (OdSchemeDialog *self)
{
  check (self);
}

static void
on_add_root_clicked_cb (OdSchemeDialog *self)
{
  keep_entries (self);
  insert_node (self, self->nodes->len, -1, 1);
  rebuild_tree (self);
  gtk_widget_grab_focus (GTK_WIDGET (node_at (self, self->nodes->len - 1)->name_entry));
  check (self);
}

static void
on_save_clicked_cb (OdSchemeDialog *self)
{
  if (od_scheme_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* --- overrides --- */

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_free (node);
}

static void
od_scheme_dialog_dispose (GObject *object)
{
  OdSchemeDialog *self = OD_SCHEME_DIALOG (object);

  self->filled = FALSE;
  g_clear_object (&self->db);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->deleted_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_SCHEME_DIALOG);
  G_OBJECT_CLASS (od_scheme_dialog_parent_class)->dispose (object);
}

static void
od_scheme_dialog_class_init (OdSchemeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_scheme_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-scheme-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdSchemeDialog, name)
  BIND (window_title);
  BIND (toast_overlay);
  BIND (frozen_group);
  BIND (scheme_group);
  BIND (thresholds_group);
  BIND (indicators_group);
  BIND (name_row);
  BIND (kind_row);
  BIND (social_group_check);
  BIND (social_service_check);
  BIND (foundation_check);
  BIND (max_row);
  BIND (bonus_row);
  BIND (years_spin);
  BIND (rule_row);
  BIND (party_switch);
  BIND (tree_list);
  BIND (problems_label);
  BIND (save_button);
  BIND (add_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_root_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_scheme_dialog_init (OdSchemeDialog *self)
{
  g_autoptr(GtkStringList) kinds = od_label_model (od_scheme_kind_choices, NULL);
  g_autoptr(GtkStringList) rules = od_label_model (od_validity_rule_choices, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->nodes = g_ptr_array_new_with_free_func (node_free);
  self->deleted_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rules));
  for (guint i = 0; i < OD_GRADE_LEVELS; i++)
    {
      self->threshold_rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      g_signal_connect_swapped (self->threshold_rows[i], "changed", G_CALLBACK (on_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->thresholds_group),
                                 GTK_WIDGET (self->threshold_rows[i]));
    }
}

/* --- public API --- */

GtkWidget *
od_scheme_dialog_new (GtkWindow *parent,
                      OdDb      *db,
                      gint64     scheme_id)
{
  OdSchemeDialog *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_SCHEME_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->scheme_id = scheme_id;
  fill (self);
  return GTK_WIDGET (self);
}

guint
od_scheme_dialog_get_n_indicators (OdSchemeDialog *self)
{
  g_return_val_if_fail (OD_IS_SCHEME_DIALOG (self), 0);
  return self->nodes->len;
}

gboolean
od_scheme_dialog_save (OdSchemeDialog *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(OdRatingSchemeFields) scheme = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (OD_IS_SCHEME_DIALOG (self), FALSE);

  if (self->frozen)
    return FALSE;
  scheme = form_to_scheme (self, problems);
  records = tree_records (self, FALSE);
  if (problems->len > 0)
    {
      gtk_label_set_text (self->problems_label, problems->str);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  id = od_rating_scheme_save_tree (self->db, scheme, records, self->deleted_ids, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->problems_label, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Not saved: see Check below")));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}
