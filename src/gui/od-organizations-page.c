/* od-organizations-page.c — the registry of organizations: search, filters,
 * a sortable list loaded on demand, and the editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "od-id-list-model.h"
#include "od-labels.h"
#include "od-lookup-store.h"
#include "od-organization-editor.h"
#include "od-organizations-page.h"
#include "od-person-dialog.h"
#include "od-registry-store.h"
#include "od-validate.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_AREA,
  COLUMN_CATEGORY,
  COLUMN_CODE,
  COLUMN_MEMBER,
  COLUMN_PARTY,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

struct _OdOrganizationsPage
{
  OdPage                parent_instance;

  OdIdListModel        *model;
  GtkSingleSelection   *selection;
  GArray               *area_ids;
  GArray               *category_ids;
  gint64                shown_id;     /* the record in the editor */
  gint64                deleted_id;   /* for Undo */
  gboolean              updating;
  Column                sorted_by;    /* written by the column sorters' probe */

  GtkSearchEntry       *search_entry;
  GtkDropDown          *type_dropdown;
  GtkDropDown          *area_dropdown;
  GtkDropDown          *category_dropdown;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *membership_dropdown;
  GtkDropDown          *party_dropdown;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  AdwFlap              *flap;
  AdwStatusPage        *empty_page;
  OdOrganizationEditor *editor;
};

G_DEFINE_FINAL_TYPE (OdOrganizationsPage, od_organizations_page, OD_TYPE_PAGE)

/* Widths fit the usual content (a 12-character Chinese name, an 18-character
 * code); the list scrolls sideways when the window is narrower. */
static const struct
{
  const char *title;   /* N_() */
  OdOrgSort   sort;
  int         width;
} columns[N_COLUMNS] = {
  [COLUMN_NAME] = { N_("Name"), OD_ORG_SORT_NAME, 240 },
  [COLUMN_TYPE] = { N_("Type"), OD_ORG_SORT_TYPE, 100 },
  [COLUMN_AREA] = { N_("District or county"), OD_ORG_SORT_AREA, 90 },
  [COLUMN_CATEGORY] = { N_("Category"), OD_ORG_SORT_CATEGORY, 120 },
  [COLUMN_CODE] = { N_("Credit code"), OD_ORG_SORT_CREDIT_CODE, 175 },
  [COLUMN_MEMBER] = { N_("Membership"), OD_ORG_SORT_MEMBER_ROLE, 110 },
  [COLUMN_PARTY] = { N_("Party"), OD_ORG_SORT_PARTY, 60 },
  [COLUMN_STATUS] = { N_("Status"), OD_ORG_SORT_STATUS, 80 },
};

/* --- helpers --- */

static const char *
short_type (OdOrgType type)
{
  switch (type)
    {
    case OD_ORG_TYPE_SOCIAL_GROUP:
      return _("Social group");
    case OD_ORG_TYPE_SOCIAL_SERVICE:
      /* Translators: short for social service organization, in a narrow column */
      return _("Social service");
    case OD_ORG_TYPE_FOUNDATION:
      return _("Foundation");
    case OD_ORG_TYPE_OTHER:
      return _("Other");
    case OD_ORG_TYPE_UNKNOWN:
    default:
      return "";
    }
}

static char *
cell_text (const OdOrgFields *f,
           Column             column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (f->name);
    case COLUMN_TYPE:
      return g_strdup (short_type (f->org_type));
    case COLUMN_AREA:
      return g_strdup (f->area_name != NULL ? f->area_name : "");
    case COLUMN_CATEGORY:
      return g_strdup (f->category_name != NULL ? f->category_name : "");
    case COLUMN_CODE:
      return g_strdup (f->credit_code != NULL ? f->credit_code : "");
    case COLUMN_MEMBER:
      return g_strdup (f->member_role != NULL ? od_label_for (od_labels_member_role, f->member_role) : "");
    case COLUMN_PARTY:
      /* Two ticks: organization and work coverage ("两个覆盖"). */
      return g_strdup (od_org_fields_has_org_coverage (f) ? "✓✓"
                       : od_org_fields_has_work_coverage (f) ? "✓" : "");
    case COLUMN_STATUS:
      return g_strdup (od_label_for (od_labels_status, f->status));
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
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
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

  if (!OD_IS_ORGANIZATION (row))
    {
      gtk_label_set_label (label, "");
      return;
    }
  text = cell_text (od_organization_get_fields (OD_ORGANIZATION (row)), column);
  gtk_label_set_label (label, text);
  if (column == COLUMN_NAME)
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
  OdOrganizationsPage *self = g_object_get_data (G_OBJECT (user_data), "page");

  self->sorted_by = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_SMALLER;
}

static void
read_sort (OdOrganizationsPage *self,
           OdOrgSort           *sort,
           gboolean            *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->sorted_by = N_COLUMNS;
  order = gtk_sorter_compare (sorter, probe, probe);
  if (order == GTK_ORDERING_EQUAL || self->sorted_by == N_COLUMNS)
    {
      *sort = OD_ORG_SORT_NAME;
      *descending = FALSE;
      return;
    }
  *sort = columns[self->sorted_by].sort;
  *descending = order == GTK_ORDERING_LARGER;
}

static guint
selected_index (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static void
build_filter (OdOrganizationsPage *self,
              OdOrgFilter         *filter)
{
  guint type = selected_index (self->type_dropdown);
  guint status = selected_index (self->status_dropdown);
  guint area = selected_index (self->area_dropdown);
  guint category = selected_index (self->category_dropdown);

  od_org_filter_init (filter);
  filter->query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  /* Position 0 of every drop-down is "all". */
  if (type > 0)
    filter->type = od_org_type_from_key (od_label_key_at (od_labels_org_type, type - 1));
  if (status > 0)
    filter->status = od_label_key_at (od_labels_status, status - 1);
  if (self->area_ids != NULL && area < self->area_ids->len)
    filter->area_id = g_array_index (self->area_ids, gint64, area);
  if (self->category_ids != NULL && category < self->category_ids->len)
    filter->category_id = g_array_index (self->category_ids, gint64, category);
  filter->membership = (int) selected_index (self->membership_dropdown) - 1;
  filter->party = (OdPartyFilter) selected_index (self->party_dropdown);
  read_sort (self, &filter->sort, &filter->descending);
}

static gboolean
filter_is_active (const OdOrgFilter *filter)
{
  return (filter->query != NULL && *filter->query != '\0') || filter->type != OD_ORG_TYPE_UNKNOWN
         || filter->status != NULL || filter->area_id != 0 || filter->category_id != 0
         || filter->membership >= 0 || filter->party != OD_PARTY_ANY;
}

/* GTK 4.8 has no gtk_column_view_scroll_to (4.12); the list view inside
 * the column view has the "list.scroll-to-item" action. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_to_position (OdOrganizationsPage *self,
                    guint                position)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  /* Before the first layout there is nothing to scroll yet. */
  if (list_view != NULL && gtk_widget_get_mapped (list_view) && gtk_widget_get_height (list_view) > 0)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
select_shown (OdOrganizationsPage *self)
{
  guint position = self->shown_id != 0 ? od_id_list_model_find (self->model, self->shown_id)
                                       : G_MAXUINT;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  if (position != G_MAXUINT)
    scroll_to_position (self, position);
}

/* Runs the query for the current search, filters and sort. */
static void
refresh (OdOrganizationsPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *n_total = NULL;
  OdOrgFilter filter;
  gint64 total = 0;

  if (db == NULL)
    return;

  build_filter (self, &filter);
  ids = od_organization_query_ids (db, &filter, &error);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->updating = TRUE;
  od_id_list_model_set_ids (self->model, ids);
  self->updating = FALSE;
  select_shown (self);

  total = od_organization_count (db, NULL);
  n_total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " organization",
                                          "%" PRId64 " organizations", total), total);
  if (filter_is_active (&filter))
    {
      g_autofree char *n_shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown",
                                                               "%u shown", ids->len), ids->len);

      /* Translators: "412 organizations · 37 shown" */
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
          adw_status_page_set_title (self->empty_page, _("No Organizations Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Add the first one with the + button."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matches"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try a shorter search or clear the filters. Pinyin "
                                             "initials work too, such as bjsyx."));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
set_dropdown_model (GtkDropDown   *dropdown,
                    GtkStringList *model)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
fill_lookup_filters (OdOrganizationsPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) area_list = db != NULL ? od_lookup_list_areas (db, NULL) : NULL;
  g_autoptr(GPtrArray) category_list = db != NULL ? od_lookup_list_categories (db, NULL) : NULL;
  gint64 none = 0;

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->area_ids, none);
  g_array_append_val (self->category_ids, none);
  gtk_string_list_append (areas, _("All areas"));
  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; area_list != NULL && i < area_list->len; i++)
    {
      OdArea *area = g_ptr_array_index (area_list, i);

      g_array_append_val (self->area_ids, area->id);
      gtk_string_list_append (areas, area->name);
    }
  for (guint i = 0; category_list != NULL && i < category_list->len; i++)
    {
      OdCategory *category = g_ptr_array_index (category_list, i);

      g_array_append_val (self->category_ids, category->id);
      gtk_string_list_append (categories, category->name);
    }
  set_dropdown_model (self->area_dropdown, areas);
  set_dropdown_model (self->category_dropdown, categories);
}

static AdwToastOverlay *
toast_overlay (OdOrganizationsPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

static void
show_toast (OdOrganizationsPage *self,
            AdwToast            *toast)
{
  AdwToastOverlay *overlay = toast_overlay (self);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (OdOrganizationsPage *self,
            const char          *heading,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- callbacks --- */

static void
on_filter_changed_cb (OdOrganizationsPage *self)
{
  if (!self->updating)
    refresh (self);
}

static void
on_sorter_changed_cb (OdOrganizationsPage *self)
{
  refresh (self);
}

static void
show_record (OdOrganizationsPage *self,
             gint64               id)
{
  self->shown_id = id;
  od_organization_editor_load (self->editor, id);
  /* On a narrow window the editor slides over the list. */
  if (id != 0)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
on_unsaved_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        OdOrganizationsPage *self)
{
  gint64 wanted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "wanted-id"));

  if (g_str_equal (response, "save"))
    {
      if (!od_organization_editor_save (self->editor))
        return;
      show_record (self, wanted);
    }
  else if (g_str_equal (response, "discard"))
    show_record (self, wanted);
  select_shown (self);
}

/* Leaves the record shown only after asking, when it has unsaved changes. */
static void
request_record (OdOrganizationsPage *self,
                gint64               id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!od_organization_editor_is_dirty (self->editor))
    {
      show_record (self, id);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"),
                                                       _("The organization shown has changes that "
                                                         "are not saved yet.")));
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
on_selection_changed_cb (OdOrganizationsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  gint64 id;

  if (self->updating || position == GTK_INVALID_LIST_POSITION)
    return;
  id = od_id_list_model_get_id (self->model, position);
  if (id != self->shown_id || od_organization_editor_get_id (self->editor) != id)
    request_record (self, id);
}

static void
on_saved_cb (OdOrganizationsPage *self,
             gint64               id)
{
  self->shown_id = id;
  od_id_list_model_invalidate (self->model);
  refresh (self);
}

static void
on_open_record_cb (OdOrganizationsPage *self,
                   gint64               id)
{
  od_organizations_page_select_id (self, id);
}

static void
on_undo_clicked_cb (OdOrganizationsPage *self)
{
  od_organizations_page_undo_delete (self);
}

static void
on_delete_requested_cb (OdOrganizationsPage *self,
                        gint64               id)
{
  od_organizations_page_delete_selected (self);
}

static void
on_person_added_cb (OdOrganizationsPage *self,
                    gint64               person_id,
                    OdPersonDialog      *dialog)
{
  gint64 org_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "organization-id"));

  /* Shows the new person on the People tab; never drops unsaved edits. */
  if (od_organization_editor_get_id (self->editor) == org_id
      && !od_organization_editor_is_dirty (self->editor))
    od_organization_editor_load (self->editor, org_id);
}

static void
on_add_person_cb (OdOrganizationsPage *self,
                  gint64               org_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  OdPersonDialog *dialog;

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;
  dialog = od_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 od_page_get_db (OD_PAGE (self)), org_id);
  g_object_set_data (G_OBJECT (dialog), "organization-id", GSIZE_TO_POINTER (org_id));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- actions --- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (widget);

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  self->shown_id = 0;
  od_organization_editor_new_record (self->editor);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (OD_ORGANIZATIONS_PAGE (widget)->search_entry));
}

/* --- overrides --- */

static void
reload (OdPage *page)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (page);
  OdDb *db = od_page_get_db (page);

  self->updating = TRUE;
  od_id_list_model_set_db (self->model, db);
  od_organization_editor_set_db (self->editor, db);
  fill_lookup_filters (self);
  self->updating = FALSE;
  self->shown_id = 0;
  refresh (self);
}

static void
od_organizations_page_dispose (GObject *object)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (object);

  g_clear_object (&self->model);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (od_organizations_page_parent_class)->dispose (object);
}

static void
od_organizations_page_class_init (OdOrganizationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_organizations_page_dispose;
  OD_PAGE_CLASS (klass)->reload = reload;

  g_type_ensure (OD_TYPE_ORGANIZATION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/od-organizations-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdOrganizationsPage, name)
  BIND (search_entry);
  BIND (type_dropdown);
  BIND (area_dropdown);
  BIND (category_dropdown);
  BIND (status_dropdown);
  BIND (membership_dropdown);
  BIND (party_dropdown);
  BIND (count_label);
  BIND (list_stack);
  BIND (column_view);
  BIND (flap);
  BIND (empty_page);
  BIND (editor);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "organizations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "organizations.search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "organizations.search", NULL);
}

static void
od_organizations_page_init (OdOrganizationsPage *self)
{
  g_autoptr(GtkStringList) types = od_label_model (od_labels_org_type, _("All types"));
  g_autoptr(GtkStringList) statuses = od_label_model (od_labels_status, _("Any status"));
  g_autoptr(GtkStringList) membership = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) party = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  /* The last type key is "unknown", which is no filter choice. */
  gtk_string_list_remove (types, g_list_model_get_n_items (G_LIST_MODEL (types)) - 1);
  set_dropdown_model (self->type_dropdown, types);
  set_dropdown_model (self->status_dropdown, statuses);
  gtk_string_list_append (membership, _("Members and others"));
  gtk_string_list_append (membership, _("Not members"));
  gtk_string_list_append (membership, _("Members"));
  set_dropdown_model (self->membership_dropdown, membership);
  /* Same order as OdPartyFilter. */
  gtk_string_list_append (party, _("Any party status"));
  gtk_string_list_append (party, _("Has a party organization"));
  gtk_string_list_append (party, _("Instructor or liaison only"));
  gtk_string_list_append (party, _("Not covered"));
  set_dropdown_model (self->party_dropdown, party);
  fill_lookup_filters (self);
  self->updating = FALSE;

  self->model = od_id_list_model_new (OD_TYPE_ORGANIZATION, od_organization_load_items);
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
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, NULL, NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      g_object_set_data (G_OBJECT (sorter), "page", self);
      g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (i));
      gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare_cb, sorter, NULL);
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
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
  g_signal_connect_object (self->editor, "add-person", G_CALLBACK (on_add_person_cb), self,
                           G_CONNECT_SWAPPED);
}

/* --- public API --- */

void
od_organizations_page_set_query (OdOrganizationsPage *self,
                                 const char          *query)
{
  g_return_if_fail (OD_IS_ORGANIZATIONS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  /* The entry waits a moment before "search-changed"; callers want it now. */
  refresh (self);
}

guint
od_organizations_page_get_n_shown (OdOrganizationsPage *self)
{
  g_return_val_if_fail (OD_IS_ORGANIZATIONS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/* Shows record ID, clearing the search and filters if it is hidden by them. */
void
od_organizations_page_select_id (OdOrganizationsPage *self,
                                 gint64               id)
{
  g_return_if_fail (OD_IS_ORGANIZATIONS_PAGE (self));

  if (od_id_list_model_find (self->model, id) == G_MAXUINT)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->type_dropdown, 0);
      gtk_drop_down_set_selected (self->area_dropdown, 0);
      gtk_drop_down_set_selected (self->category_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->membership_dropdown, 0);
      gtk_drop_down_set_selected (self->party_dropdown, 0);
      self->updating = FALSE;
      refresh (self);
    }
  request_record (self, id);
  select_shown (self);
}

/* Moves the record shown to the trash, with an Undo toast. Returns its id. */
gint64
od_organizations_page_delete_selected (OdOrganizationsPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = od_organization_editor_get_id (self->editor);
  g_autoptr(OdOrgFields) fields = NULL;
  AdwToast *toast;

  g_return_val_if_fail (OD_IS_ORGANIZATIONS_PAGE (self), 0);

  if (db == NULL || id == 0)
    return 0;
  fields = od_organization_load (db, id, NULL);
  if (!od_organization_delete (db, id, &error))
    {
      show_error (self, _("Not Deleted"), error);
      return 0;
    }
  self->deleted_id = id;
  self->shown_id = 0;
  od_organization_editor_load (self->editor, 0);
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
od_organizations_page_undo_delete (OdOrganizationsPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_ORGANIZATIONS_PAGE (self));

  if (db == NULL || self->deleted_id == 0)
    return;
  if (!od_trash_restore (db, "organizations", self->deleted_id, &error))
    {
      show_error (self, _("Not Restored"), error);
      return;
    }
  self->shown_id = self->deleted_id;
  self->deleted_id = 0;
  od_id_list_model_invalidate (self->model);
  refresh (self);
  od_organization_editor_load (self->editor, self->shown_id);
}
