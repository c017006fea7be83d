/* od-people-page.c — the people who act for the organizations: search, a
 * sortable list loaded on demand, and the editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ID numbers are personal data (DESIGN.md §2): the list only ever shows
 * them masked; the editor reveals one on purpose.
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "od-id-list-model.h"
#include "od-labels.h"
#include "od-people-page.h"
#include "od-person-editor.h"
#include "od-registry-store.h"
#include "od-validate.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_GENDER,
  COLUMN_ORGANIZATION,
  COLUMN_POSITION,
  COLUMN_MOBILE,
  COLUMN_ID_NUMBER,
  N_COLUMNS
} Column;

struct _OdPeoplePage
{
  OdPage              parent_instance;

  OdIdListModel      *model;
  GtkSingleSelection *selection;
  gint64              shown_id;     /* the record in the editor */
  gint64              deleted_id;   /* for Undo */
  gboolean            updating;
  Column              sorted_by;    /* written by the column sorters' probe */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *gender_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  OdPersonEditor     *editor;
};

G_DEFINE_FINAL_TYPE (OdPeoplePage, od_people_page, OD_TYPE_PAGE)

static const struct
{
  const char   *title;   /* N_() */
  gboolean      sortable;
  OdPersonSort  sort;
  gboolean      expand;
} columns[N_COLUMNS] = {
  [COLUMN_NAME] = { N_("Name"), TRUE, OD_PERSON_SORT_NAME, FALSE },
  [COLUMN_GENDER] = { N_("Gender"), TRUE, OD_PERSON_SORT_GENDER, FALSE },
  [COLUMN_ORGANIZATION] = { N_("Organization"), TRUE, OD_PERSON_SORT_ORGANIZATION, TRUE },
  [COLUMN_POSITION] = { N_("Position"), TRUE, OD_PERSON_SORT_POSITION, FALSE },
  [COLUMN_MOBILE] = { N_("Mobile"), FALSE, OD_PERSON_SORT_NAME, FALSE },
  [COLUMN_ID_NUMBER] = { N_("ID number"), FALSE, OD_PERSON_SORT_NAME, FALSE },
};

/* --- helpers --- */

static char *
cell_text (const OdPersonFields *f,
           Column                column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (f->name);
    case COLUMN_GENDER:
      /* "Not given" would only clutter the column. */
      return g_strdup (g_strcmp0 (f->gender, "unknown") != 0 ? od_label_for (od_labels_gender, f->gender) : "");
    case COLUMN_ORGANIZATION:
      return g_strdup (f->organization_name != NULL ? f->organization_name : "");
    case COLUMN_POSITION:
      return g_strdup (f->position != NULL ? f->position : "");
    case COLUMN_MOBILE:
      return g_strdup (f->mobile != NULL ? f->mobile : "");
    case COLUMN_ID_NUMBER:
      /* Always masked here (DESIGN.md §2). */
      return f->id_number != NULL ? od_id_number_mask (f->id_number) : g_strdup ("");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A number cut short is no use: those columns keep their width. */
  if (column == COLUMN_MOBILE || column == COLUMN_ID_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GObject *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (!OD_IS_PERSON (row))
    {
      gtk_label_set_label (label, "");
      return;
    }
  text = cell_text (od_person_get_fields (OD_PERSON (row)), column);
  gtk_label_set_label (label, text);
  if (column == COLUMN_NAME || column == COLUMN_ORGANIZATION)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* GTK 4.8 cannot tell which column the view sorts by (that API is 4.10).
 * Each column's sorter records its column when asked to compare; probing
 * the view's sorter once calls the primary column's sorter first, and the
 * sign of the answer tells the direction. Rows are sorted in SQL. */
static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  OdPeoplePage *self = g_object_get_data (G_OBJECT (user_data), "page");

  self->sorted_by = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_SMALLER;
}

static void
read_sort (OdPeoplePage *self,
           OdPersonSort *sort,
           gboolean     *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->sorted_by = N_COLUMNS;
  order = gtk_sorter_compare (sorter, probe, probe);
  if (order == GTK_ORDERING_EQUAL || self->sorted_by == N_COLUMNS)
    {
      *sort = OD_PERSON_SORT_NAME;
      *descending = FALSE;
      return;
    }
  *sort = columns[self->sorted_by].sort;
  *descending = order == GTK_ORDERING_LARGER;
}

static void
build_filter (OdPeoplePage   *self,
              OdPersonFilter *filter)
{
  guint gender = gtk_drop_down_get_selected (self->gender_dropdown);

  od_person_filter_init (filter);
  filter->query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* Position 0 is "any gender". */
  if (gender != GTK_INVALID_LIST_POSITION && gender > 0)
    filter->gender = od_label_key_at (od_labels_gender, gender - 1);
  read_sort (self, &filter->sort, &filter->descending);
}

static gboolean
filter_is_active (const OdPersonFilter *filter)
{
  return (filter->query != NULL && *filter->query != '\0') || filter->gender != NULL
         || filter->organization_id != 0;
}

static void
select_shown (OdPeoplePage *self)
{
  guint position = self->shown_id != 0 ? od_id_list_model_find (self->model, self->shown_id)
                                       : G_MAXUINT;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

/* Runs the query for the current search, filter and sort. */
static void
refresh (OdPeoplePage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *n_total = NULL;
  OdPersonFilter filter;
  gint64 total = 0;

  if (db == NULL)
    return;

  build_filter (self, &filter);
  ids = od_person_query_ids (db, &filter, &error);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updating = TRUE;
  od_id_list_model_set_ids (self->model, ids);
  self->updating = FALSE;
  select_shown (self);

  total = od_person_count (db, NULL);
  n_total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " person",
                                          "%" PRId64 " people", total), total);
  if (filter_is_active (&filter))
    {
      g_autofree char *n_shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown",
                                                               "%u shown", ids->len), ids->len);

      /* Translators: "1,024 people · 37 shown" */
      count = g_strdup_printf (_("%s · %s"), n_total, n_shown);
    }
  else
    count = g_strdup (n_total);
  gtk_label_set_label (self->count_label, count);

  if (ids->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (error != NULL)
        {
          adw_status_page_set_title (self->empty_page, _("The Search Failed"));
          adw_status_page_set_description (self->empty_page, error->message);
        }
      else if (total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No People Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Add the first one with the + button, or from an "
                                             "organization’s People tab."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matches"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try a shorter search, the last digits of a mobile "
                                             "number, or any gender. Pinyin initials work too, "
                                             "such as wf."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
show_toast (OdPeoplePage *self,
            AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (OdPeoplePage *self,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_record (OdPeoplePage *self,
             gint64        id)
{
  self->shown_id = id;
  od_person_editor_load (self->editor, id);
}

/* --- callbacks --- */

static void
on_filter_changed_cb (OdPeoplePage *self)
{
  if (!self->updating)
    refresh (self);
}

static void
on_sorter_changed_cb (OdPeoplePage *self)
{
  refresh (self);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        OdPeoplePage     *self)
{
  gint64 wanted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "wanted-id"));

  if (g_str_equal (response, "save"))
    {
      if (!od_person_editor_save (self->editor))
        return;
      show_record (self, wanted);
    }
  else if (g_str_equal (response, "discard"))
    show_record (self, wanted);
  select_shown (self);
}

/* Leaves the record shown only after asking, when it has unsaved changes. */
static void
request_record (OdPeoplePage *self,
                gint64        id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!od_person_editor_is_dirty (self->editor))
    {
      show_record (self, id);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"),
                                                       _("The person shown has changes that are "
                                                         "not saved yet.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "wanted-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_selection_changed_cb (OdPeoplePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  gint64 id;

  if (self->updating || position == GTK_INVALID_LIST_POSITION)
    return;
  id = od_id_list_model_get_id (self->model, position);
  if (id != self->shown_id || od_person_editor_get_id (self->editor) != id)
    request_record (self, id);
}

static void
on_saved_cb (OdPeoplePage *self,
             gint64        id)
{
  self->shown_id = id;
  od_id_list_model_invalidate (self->model);
  refresh (self);
}

static void
on_open_record_cb (OdPeoplePage *self,
                   gint64        id)
{
  od_people_page_select_id (self, id);
}

static void
on_undo_clicked_cb (OdPeoplePage *self)
{
  od_people_page_undo_delete (self);
}

static void
on_delete_requested_cb (OdPeoplePage *self,
                        gint64        id)
{
  od_people_page_delete_selected (self);
}

/* --- actions --- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OdPeoplePage *self = OD_PEOPLE_PAGE (widget);

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  self->shown_id = 0;
  od_person_editor_new_record (self->editor);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (OD_PEOPLE_PAGE (widget)->search_entry));
}

/* --- overrides --- */

static void
reload (OdPage *page)
{
  OdPeoplePage *self = OD_PEOPLE_PAGE (page);
  OdDb *db = od_page_get_db (page);

  self->updating = TRUE;
  od_id_list_model_set_db (self->model, db);
  od_person_editor_set_db (self->editor, db);
  self->updating = FALSE;
  self->shown_id = 0;
  self->deleted_id = 0;
  refresh (self);
}

/* Organizations may have been renamed, or people added from there. */
static void
od_people_page_map (GtkWidget *widget)
{
  OdPeoplePage *self = OD_PEOPLE_PAGE (widget);

  GTK_WIDGET_CLASS (od_people_page_parent_class)->map (widget);

  if (od_page_get_db (OD_PAGE (self)) != NULL)
    {
      od_id_list_model_invalidate (self->model);
      refresh (self);
    }
}

static void
od_people_page_dispose (GObject *object)
{
  OdPeoplePage *self = OD_PEOPLE_PAGE (object);

  g_clear_object (&self->model);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (od_people_page_parent_class)->dispose (object);
}

static void
od_people_page_class_init (OdPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_people_page_dispose;
  widget_class->map = od_people_page_map;
  OD_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (OD_TYPE_PERSON_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-people-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdPeoplePage, name)
  BIND (search_entry);
  BIND (gender_dropdown);
  BIND (count_label);
  BIND (list_stack);
  BIND (column_view);
  BIND (empty_page);
  BIND (editor);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "people.search", NULL);
}

static void
od_people_page_init (OdPeoplePage *self)
{
  g_autoptr(GtkStringList) genders = od_label_model (od_labels_gender, _("Any gender"));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->gender_dropdown, G_LIST_MODEL (genders));
  gtk_drop_down_set_selected (self->gender_dropdown, 0);
  self->updating = FALSE;

  self->model = od_id_list_model_new (OD_TYPE_PERSON, od_person_load_items);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      /* A person's name is 姓名, an organization's 名称: the same English word. */
      column = gtk_column_view_column_new (i == COLUMN_NAME ? C_("person", "Name") : _(columns[i].title),
                                           g_object_ref (factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].sortable)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, NULL, NULL));

          g_object_set_data (G_OBJECT (sorter), "page", self);
          g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (i));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare_cb, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "open-record", G_CALLBACK (on_open_record_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "delete-requested", G_CALLBACK (on_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
}

/* --- public API --- */

void
od_people_page_set_query (OdPeoplePage *self,
                          const char   *query)
{
  g_return_if_fail (OD_IS_PEOPLE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  /* The entry waits a moment before "search-changed"; callers want it now. */
  refresh (self);
}

guint
od_people_page_get_n_shown (OdPeoplePage *self)
{
  g_return_val_if_fail (OD_IS_PEOPLE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* Shows record ID, clearing the search and filter if it is hidden by them. */
void
od_people_page_select_id (OdPeoplePage *self,
                          gint64        id)
{
  g_return_if_fail (OD_IS_PEOPLE_PAGE (self));

  if (od_id_list_model_find (self->model, id) == G_MAXUINT)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->gender_dropdown, 0);
      self->updating = FALSE;
      refresh (self);
    }
  request_record (self, id);
  select_shown (self);
}

/* Moves the record shown to the trash, with an Undo toast. Returns its id. */
gint64
od_people_page_delete_selected (OdPeoplePage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = od_person_editor_get_id (self->editor);
  g_autoptr(OdPersonFields) fields = NULL;
  AdwToast *toast;

  g_return_val_if_fail (OD_IS_PEOPLE_PAGE (self), 0);

  if (db == NULL || id == 0)
    return 0;
  fields = od_person_load (db, id, NULL);
  if (!od_person_delete (db, id, &error))
    {
      show_error (self, _("Not Deleted"), error);
      return 0;
    }
  self->deleted_id = id;
  self->shown_id = 0;
  od_person_editor_load (self->editor, 0);
  refresh (self);

  message = g_strdup_printf (_("“%s” moved to the trash"), fields != NULL ? fields->name : "");
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
  return id;
}

void
od_people_page_undo_delete (OdPeoplePage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_PEOPLE_PAGE (self));

  if (db == NULL || self->deleted_id == 0)
    return;
  if (!od_trash_restore (db, "people", self->deleted_id, &error))
    {
      show_error (self, _("Not Restored"), error);
      return;
    }
  /* Shown again, unless the user is already busy with another record. */
  if (!od_person_editor_is_dirty (self->editor))
    show_record (self, self->deleted_id);
  self->deleted_id = 0;
  od_id_list_model_invalidate (self->model);
  refresh (self);
}
