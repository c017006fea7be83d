/* od-inspections-view.c — the annual inspections of one year, as a grid
 * edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Annual inspection": per organization per year, the date
 * submitted, the conclusion, rectification required and done, notes. The
 * rows are od_inspection_year_list(): every active organization due that
 * year, with its inspection or none; a change to a row saves it at once
 * through od_inspection_save() (creating the inspection when there is
 * none), and the counts above are re-read.
 */
#define G_LOG_DOMAIN "orgdesk-inspections-view"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"
#include "od-inspection-entities.h"
#include "od-inspection-store.h"
#include "od-inspections-view.h"
#include "od-labels.h"
#include "od-organization-type.h"

/* A row of the grid: the index of its OdInspectionYearRow in year_rows. */
#define OD_TYPE_INSPECTION_ITEM (od_inspection_item_get_type ())
G_DECLARE_FINAL_TYPE (OdInspectionItem, od_inspection_item, OD, INSPECTION_ITEM, GObject)

struct _OdInspectionItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (OdInspectionItem, od_inspection_item, G_TYPE_OBJECT)

static void od_inspection_item_class_init (OdInspectionItemClass *klass) { }
static void od_inspection_item_init (OdInspectionItem *self) { }

struct _OdInspectionsView
{
  GtkBox               parent_instance;

  OdDb                *db;
  GPtrArray           *year_rows;   /* OdInspectionYearRow */
  GArray              *years;       /* int: the year drop-down's entries */
  GListStore          *items;       /* OdInspectionItem */
  gboolean             updating;
  gboolean             disposing;  /* the cells' focus leaves: nothing to save */

  GtkDropDown         *year_dropdown;
  GtkLabel            *counts_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *conclusion_column;
  GtkColumnViewColumn *submitted_column;
  GtkColumnViewColumn *rectification_column;
  GtkColumnViewColumn *notes_column;
};

G_DEFINE_FINAL_TYPE (OdInspectionsView, od_inspections_view, GTK_TYPE_BOX)

/* The cell kinds: what a change to a cell sets. */
typedef enum
{
  CELL_CONCLUSION,
  CELL_SUBMITTED,
  CELL_RECTIFICATION_REQUIRED,
  CELL_RECTIFIED_ON,
  CELL_NOTES,
} CellKind;

/* --- helpers --- */

static void
show_error (OdInspectionsView *self,
            const char        *message)
{
  g_debug ("inspections: %s", message);
  od_form_show_toast (GTK_WIDGET (self), adw_toast_new (message));
}

static void
update_counts (OdInspectionsView *self)
{
  OdInspectionCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int year = od_inspections_view_get_year (self);

  if (self->db == NULL || year == 0)
    {
      gtk_label_set_text (self->counts_label, "");
      return;
    }
  if (!od_inspection_year_counts (self->db, year, &counts, &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: the inspections of a year by conclusion, and the
   * organizations with none entered yet */
  text = g_strdup_printf (_("Qualified %u · Basically qualified %u · Unqualified %u · "
                            "Not submitted %u · Exempt %u · Not entered %u"),
                          (guint) counts.qualified, (guint) counts.basically_qualified,
                          (guint) counts.unqualified, (guint) counts.not_submitted,
                          (guint) counts.exempt, (guint) counts.missing);
  gtk_label_set_text (self->counts_label, text);
}

static OdInspectionYearRow *
row_of_widget (OdInspectionsView *self,
               GtkWidget         *widget)
{
  OdInspectionItem *item = g_object_get_data (G_OBJECT (widget), "od-item");

  if (item == NULL || self->year_rows == NULL || item->index >= self->year_rows->len)
    return NULL;
  return g_ptr_array_index (self->year_rows, item->index);
}

static char *
nullable_text (GtkWidget *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Saves ROW with the change of cell WIDGET (of KIND); the row keeps what
 * was saved. On a refusal the cell shows the saved value again. */
static gboolean
save_cell (OdInspectionsView *self,
           OdInspectionYearRow *row,
           GtkWidget         *widget,
           CellKind           kind)
{
  g_autoptr(OdInspectionFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (row->inspection != NULL)
    fields = od_inspection_fields_copy (row->inspection);
  else
    {
      fields = od_inspection_fields_new ();
      fields->organization_id = row->organization_id;
      fields->year = od_inspections_view_get_year (self);
    }
  switch (kind)
    {
    case CELL_CONCLUSION:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (widget));

        /* Position 0 is "none entered": nothing to save. */
        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
          return TRUE;
        g_free (fields->conclusion);
        fields->conclusion = g_strdup (od_label_key_at (od_inspection_conclusion_choices, selected - 1));
      }
      break;
    case CELL_SUBMITTED:
      g_free (fields->submitted_on);
      fields->submitted_on = nullable_text (widget);
      break;
    case CELL_RECTIFICATION_REQUIRED:
      fields->rectification_required = gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
      break;
    case CELL_RECTIFIED_ON:
      g_free (fields->rectified_on);
      fields->rectified_on = nullable_text (widget);
      break;
    case CELL_NOTES:
      g_free (fields->notes);
      fields->notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
      break;
    default:
      g_assert_not_reached ();
    }
  /* Nothing changed: no save, no audit entry. */
  if (row->inspection != NULL
      && g_strcmp0 (fields->conclusion, row->inspection->conclusion) == 0
      && g_strcmp0 (fields->submitted_on, row->inspection->submitted_on) == 0
      && fields->rectification_required == row->inspection->rectification_required
      && g_strcmp0 (fields->rectified_on, row->inspection->rectified_on) == 0
      && g_strcmp0 (fields->notes, row->inspection->notes) == 0)
    return TRUE;
  if (row->inspection == NULL && kind != CELL_CONCLUSION && kind != CELL_RECTIFICATION_REQUIRED
      && gtk_editable_get_text (GTK_EDITABLE (widget))[0] == '\0')
    return TRUE;

  id = od_inspection_save (self->db, fields, &error);
  if (id <= 0)
    {
      gtk_widget_add_css_class (widget, "error");
      show_error (self, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (widget, "error");
  g_clear_pointer (&row->inspection, od_inspection_fields_free);
  row->inspection = od_inspection_load (self->db, id, &error);
  if (row->inspection == NULL)
    show_error (self, error->message);
  update_counts (self);
  return TRUE;
}

/* --- callbacks --- */

static void
on_conclusion_changed_cb (GtkDropDown       *dropdown,
                          GParamSpec        *pspec,
                          OdInspectionsView *self)
{
  OdInspectionYearRow *row = row_of_widget (self, GTK_WIDGET (dropdown));

  if (row != NULL && !self->updating)
    save_cell (self, row, GTK_WIDGET (dropdown), CELL_CONCLUSION);
}

static void
on_required_toggled_cb (GtkCheckButton    *check,
                        OdInspectionsView *self)
{
  OdInspectionYearRow *row = row_of_widget (self, GTK_WIDGET (check));

  if (row != NULL && !self->updating)
    save_cell (self, row, GTK_WIDGET (check), CELL_RECTIFICATION_REQUIRED);
}

static void
commit_entry (OdInspectionsView *self,
              GtkWidget         *entry)
{
  OdInspectionYearRow *row = row_of_widget (self, entry);

  if (row != NULL && !self->updating && !self->disposing)
    save_cell (self, row, entry, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "od-cell")));
}

static void
on_entry_activate_cb (GtkEntry          *entry,
                      OdInspectionsView *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
on_entry_leave_cb (GtkEventControllerFocus *controller,
                   OdInspectionsView       *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_year_changed_cb (OdInspectionsView *self)
{
  if (!self->updating)
    od_inspections_view_set_year (self, od_inspections_view_get_year (self));
}

/* --- the cells --- */

static GtkWidget *
cell_entry (OdInspectionsView *self,
            CellKind           kind,
            int                width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  if (kind != CELL_NOTES)
    /* Translators: how a date is typed in the inspections grid */
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  g_object_set_data (G_OBJECT (entry), "od-cell", GINT_TO_POINTER (kind));
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_entry_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          OdInspectionsView        *self)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  GtkWidget *child;

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  switch ((int) kind)
    {
    case -2:
    case -1:
      child = gtk_label_new ("");
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      break;
    case CELL_CONCLUSION:
      {
        g_autoptr(GtkStringList) labels = od_label_model (od_inspection_conclusion_choices,
                                                          /* Translators: no conclusion entered yet */
                                                          _("—"));

        child = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        g_signal_connect_object (child, "notify::selected", G_CALLBACK (on_conclusion_changed_cb), self, 0);
      }
      break;
    case CELL_RECTIFICATION_REQUIRED:
      {
        GtkWidget *check = gtk_check_button_new_with_label (_("Required"));
        GtkWidget *entry = cell_entry (self, CELL_RECTIFIED_ON, 10);

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        g_signal_connect_object (check, "toggled", G_CALLBACK (on_required_toggled_cb), self, 0);
        gtk_box_append (GTK_BOX (child), check);
        gtk_box_append (GTK_BOX (child), entry);
      }
      break;
    case CELL_SUBMITTED:
      child = cell_entry (self, kind, 10);
      break;
    case CELL_NOTES:
      child = cell_entry (self, kind, 16);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_list_item_set_child (list_item, child);
}

static void
set_item (GtkWidget *widget,
          gpointer   item)
{
  g_object_set_data (G_OBJECT (widget), "od-item", item);
}

static void
set_entry (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_remove_css_class (entry, "error");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         OdInspectionsView        *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "od-cell"));
  OdInspectionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  OdInspectionYearRow *row = g_ptr_array_index (self->year_rows, item->index);
  OdInspectionFields *inspection = row->inspection;

  self->updating = TRUE;
  switch (kind)
    {
    case -2:
      gtk_label_set_text (GTK_LABEL (child), row->organization_name);
      gtk_widget_set_tooltip_text (child, row->organization_name);
      break;
    case -1:
      gtk_label_set_text (GTK_LABEL (child), od_label_for (od_labels_org_type, row->org_type));
      break;
    case CELL_CONCLUSION:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (child),
                                  inspection != NULL
                                  ? od_label_index (od_inspection_conclusion_choices, inspection->conclusion) + 1
                                  : 0);
      set_item (child, item);
      break;
    case CELL_SUBMITTED:
      set_entry (child, inspection != NULL ? inspection->submitted_on : NULL);
      set_item (child, item);
      break;
    case CELL_RECTIFICATION_REQUIRED:
      {
        GtkWidget *check = gtk_widget_get_first_child (child);
        GtkWidget *entry = gtk_widget_get_next_sibling (check);

        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     inspection != NULL && inspection->rectification_required);
        set_entry (entry, inspection != NULL ? inspection->rectified_on : NULL);
        set_item (check, item);
        set_item (entry, item);
      }
      break;
    case CELL_NOTES:
      set_entry (child, inspection != NULL ? inspection->notes : NULL);
      set_item (child, item);
      break;
    default:
      g_assert_not_reached ();
    }
  self->updating = FALSE;
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           OdInspectionsView        *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  set_item (child, NULL);
  for (GtkWidget *part = gtk_widget_get_first_child (child); GTK_IS_BOX (child) && part != NULL;
       part = gtk_widget_get_next_sibling (part))
    set_item (part, NULL);
}

static void
set_factory (OdInspectionsView   *self,
             GtkColumnViewColumn *column,
             int                  kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "od-cell", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* The years with inspections, this year and the year before (the one
 * usually being entered), newest first. */
static void
reload_years (OdInspectionsView *self)
{
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  if (self->db != NULL)
    listed = od_inspection_list_years (self->db, NULL);
  for (int year = this_year; year >= this_year - 1; year--)
    g_array_append_val (self->years, year);
  for (guint i = listed != NULL ? listed->len : 0; i > 0; i--)
    {
      int year = g_array_index (listed, int, i - 1);

      if (year < this_year - 1)
        g_array_append_val (self->years, year);
    }
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, i));

      gtk_string_list_append (model, text);
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (model));
}

/* --- overrides --- */

static void
od_inspections_view_dispose (GObject *object)
{
  OdInspectionsView *self = OD_INSPECTIONS_VIEW (object);

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_INSPECTIONS_VIEW);
  g_clear_object (&self->items);
  g_clear_pointer (&self->year_rows, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (od_inspections_view_parent_class)->dispose (object);
}

static void
od_inspections_view_class_init (OdInspectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_inspections_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-inspections-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, type_column);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, conclusion_column);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, submitted_column);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, rectification_column);
  gtk_widget_class_bind_template_child (widget_class, OdInspectionsView, notes_column);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
}

static void
od_inspections_view_init (OdInspectionsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (OD_TYPE_INSPECTION_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  set_factory (self, self->name_column, -2);
  set_factory (self, self->type_column, -1);
  set_factory (self, self->conclusion_column, CELL_CONCLUSION);
  set_factory (self, self->submitted_column, CELL_SUBMITTED);
  set_factory (self, self->rectification_column, CELL_RECTIFICATION_REQUIRED);
  set_factory (self, self->notes_column, CELL_NOTES);
  self->updating = TRUE;
  reload_years (self);
  self->updating = FALSE;
}

/* --- public API --- */

void
od_inspections_view_set_db (OdInspectionsView *self,
                            OdDb              *db)
{
  int year;

  g_return_if_fail (OD_IS_INSPECTIONS_VIEW (self));

  year = od_inspections_view_get_year (self);
  g_set_object (&self->db, db);
  self->updating = TRUE;
  reload_years (self);
  self->updating = FALSE;
  od_inspections_view_set_year (self, year);
}

/* Shows YEAR's grid (a year not in the drop-down yet is added). */
void
od_inspections_view_set_year (OdInspectionsView *self,
                              int                year)
{
  g_autoptr(GError) error = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (OD_IS_INSPECTIONS_VIEW (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      position = i;
  if (position == GTK_INVALID_LIST_POSITION && year > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->year_dropdown)), text);
      position = self->years->len - 1;
    }
  self->updating = TRUE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->year_dropdown, position);
  self->updating = FALSE;

  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->year_rows, g_ptr_array_unref);
  year = od_inspections_view_get_year (self);
  if (self->db != NULL && year > 0)
    {
      self->year_rows = od_inspection_year_list (self->db, year, &error);
      if (self->year_rows == NULL)
        show_error (self, error->message);
    }
  if (self->year_rows == NULL)
    self->year_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) od_inspection_year_row_free);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->year_rows->len; i++)
      {
        OdInspectionItem *item = g_object_new (OD_TYPE_INSPECTION_ITEM, NULL);

        item->index = i;
        g_ptr_array_add (items, item);
      }
    g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  }
  gtk_stack_set_visible_child_name (self->stack, self->year_rows->len > 0 ? "grid" : "empty");
  update_counts (self);
}

int
od_inspections_view_get_year (OdInspectionsView *self)
{
  guint selected;

  g_return_val_if_fail (OD_IS_INSPECTIONS_VIEW (self), 0);

  selected = gtk_drop_down_get_selected (self->year_dropdown);
  if (self->years == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->years->len)
    return 0;
  return g_array_index (self->years, int, selected);
}

guint
od_inspections_view_get_n_rows (OdInspectionsView *self)
{
  g_return_val_if_fail (OD_IS_INSPECTIONS_VIEW (self), 0);

  return self->year_rows != NULL ? self->year_rows->len : 0;
}

gint64
od_inspections_view_get_organization_at (OdInspectionsView *self,
                                         guint              index)
{
  g_return_val_if_fail (OD_IS_INSPECTIONS_VIEW (self), 0);

  if (self->year_rows == NULL || index >= self->year_rows->len)
    return 0;
  return ((OdInspectionYearRow *) g_ptr_array_index (self->year_rows, index))->organization_id;
}

gboolean
od_inspections_view_set_conclusion (OdInspectionsView *self,
                                    guint              index,
                                    const char        *key)
{
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(OdInspectionItem) item = NULL;
  GtkWidget *dropdown;
  gboolean saved;

  g_return_val_if_fail (OD_IS_INSPECTIONS_VIEW (self), FALSE);
  g_return_val_if_fail (self->year_rows != NULL && index < self->year_rows->len, FALSE);

  /* The same path as the row's drop-down, on a drop-down of its own: the
   * row may be scrolled out of sight, its cell recycled. */
  labels = od_label_model (od_inspection_conclusion_choices, _("—"));
  dropdown = g_object_ref_sink (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), od_label_index (od_inspection_conclusion_choices, key) + 1);
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  set_item (dropdown, item);
  saved = save_cell (self, g_ptr_array_index (self->year_rows, index), dropdown, CELL_CONCLUSION);
  g_object_unref (dropdown);
  /* Rebind the row so its cells show what was saved. */
  g_list_store_splice (self->items, index, 1, (gpointer *) &item, 1);
  return saved;
}
