/* od-organizations-page.c — the registry of organizations: search, filters,
 * a sortable list loaded on demand, and the editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-organizations-page"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "od-domains.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-organization-editor.h"
#include "od-organizations-page.h"
#include "od-person-dialog.h"
#include "od-registry-entities.h"
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
  COLUMN_BADGES,
  N_COLUMNS
} Column;

struct _OdOrganizationsPage
{
  OdListPage   parent_instance;

  GArray      *area_ids;
  GArray      *category_ids;

  GtkDropDown *type_dropdown;
  GtkDropDown *area_dropdown;
  GtkDropDown *category_dropdown;
  GtkDropDown *status_dropdown;
  GtkDropDown *membership_dropdown;
  GtkDropDown *party_dropdown;
};

G_DEFINE_FINAL_TYPE (OdOrganizationsPage, od_organizations_page, OD_TYPE_LIST_PAGE)

/* Widths fit the usual content (a 12-character Chinese name, an 18-character
 * code); the list scrolls sideways when the window is narrower. */
static const OdListColumn columns[N_COLUMNS] = {
  [COLUMN_NAME] = { NULL, N_("Name"), 240, FALSE, OD_ORGANIZATION_SORT_NAME, OD_LIST_COLUMN_TOOLTIP },
  [COLUMN_TYPE] = { NULL, N_("Type"), 100, FALSE, OD_ORGANIZATION_SORT_TYPE, 0 },
  [COLUMN_AREA] = { NULL, N_("District or county"), 90, FALSE, OD_ORGANIZATION_SORT_AREA, 0 },
  [COLUMN_CATEGORY] = { NULL, N_("Category"), 120, FALSE, OD_ORGANIZATION_SORT_CATEGORY, 0 },
  [COLUMN_CODE] = { NULL, N_("Credit code"), 175, FALSE, OD_ORGANIZATION_SORT_CREDIT_CODE, 0 },
  [COLUMN_MEMBER] = { NULL, N_("Membership"), 110, FALSE, OD_ORGANIZATION_SORT_MEMBER_ROLE, 0 },
  [COLUMN_PARTY] = { NULL, N_("Party"), 60, FALSE, OD_ORGANIZATION_SORT_PARTY, 0 },
  [COLUMN_STATUS] = { NULL, N_("Status"), 80, FALSE, OD_ORGANIZATION_SORT_STATUS, 0 },
  /* What the other sections show beside it: its grade ("4A"). */
  [COLUMN_BADGES] = { NULL, N_("Grade"), 80, FALSE, OD_LIST_COLUMN_UNSORTED, 0 },
};

/* --- helpers --- */

static const char *
short_type (OdOrganizationType type)
{
  switch (type)
    {
    case OD_ORGANIZATION_TYPE_SOCIAL_GROUP:
      return _("Social group");
    case OD_ORGANIZATION_TYPE_SOCIAL_SERVICE:
      /* Translators: short for social service organization, in a narrow column */
      return _("Social service");
    case OD_ORGANIZATION_TYPE_FOUNDATION:
      return _("Foundation");
    case OD_ORGANIZATION_TYPE_OTHER:
      return _("Other");
    case OD_ORGANIZATION_TYPE_UNKNOWN:
    default:
      return "";
    }
}

static guint
selected_index (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

/* FILTER for REQUEST and the section's filters; whether anything is left
 * out. */
static gboolean
build_filter (OdOrganizationsPage  *self,
              const OdListRequest  *request,
              OdOrganizationFilter *filter)
{
  guint type = selected_index (self->type_dropdown);
  guint status = selected_index (self->status_dropdown);
  guint area = selected_index (self->area_dropdown);
  guint category = selected_index (self->category_dropdown);

  od_organization_filter_init (filter);
  filter->query = request->search;
  filter->sort = request->sort;
  filter->descending = request->descending;
  /* Position 0 of every drop-down is "all". */
  if (type > 0)
    filter->type = od_organization_type_from_key (od_label_key_at (od_labels_org_type, type - 1));
  if (status > 0)
    filter->status = od_label_key_at (od_labels_status, status - 1);
  if (self->area_ids != NULL && area < self->area_ids->len)
    filter->area_id = g_array_index (self->area_ids, gint64, area);
  if (self->category_ids != NULL && category < self->category_ids->len)
    filter->category_id = g_array_index (self->category_ids, gint64, category);
  filter->membership = (int) selected_index (self->membership_dropdown) - 1;
  filter->party = (OdPartyFilter) selected_index (self->party_dropdown);
  return (filter->query != NULL && *filter->query != '\0')
         || filter->type != OD_ORGANIZATION_TYPE_UNKNOWN || filter->status != NULL
         || filter->area_id != 0 || filter->category_id != 0 || filter->membership >= 0
         || filter->party != OD_PARTY_ANY;
}

static void
set_dropdown_model (GtkDropDown   *dropdown,
                    GtkStringList *model)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The areas and categories to filter by, from the database. */
static void
od_organizations_page_reload_filters (OdListPage *page)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (page);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GtkStringList) areas = od_form_area_choices (db, _("All areas"), &self->area_ids);
  g_autoptr(GtkStringList) categories = od_form_category_choices (db, _("All categories"),
                                                                   &self->category_ids);

  set_dropdown_model (self->area_dropdown, areas);
  set_dropdown_model (self->category_dropdown, categories);
}

/* --- callbacks --- */

static void
on_person_added_cb (OdOrganizationsPage *self,
                    gint64               person_id,
                    OdPersonDialog      *dialog)
{
  OdRecordEditor *editor = OD_RECORD_EDITOR (od_list_page_get_editor (OD_LIST_PAGE (self)));
  gint64 org_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "organization-id"));

  /* Shows the new person on the People tab; never drops unsaved edits. */
  if (od_record_editor_get_id (editor) == org_id && !od_record_editor_is_dirty (editor))
    od_record_editor_load (editor, org_id);
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

/* --- OdListPage --- */

static GArray *
od_organizations_page_query (OdListPage          *page,
                             OdDb                *db,
                             const OdListRequest *request,
                             gboolean            *filtered,
                             GError             **error)
{
  OdOrganizationFilter filter;

  *filtered = build_filter (OD_ORGANIZATIONS_PAGE (page), request, &filter);
  return od_organization_query_ids (db, &filter, error);
}

static char *
od_organizations_page_cell_text (OdListPage *page,
                                 gpointer    item,
                                 guint       column)
{
  const OdOrganizationFields *f = od_organization_get_fields (OD_ORGANIZATION (item));

  switch ((Column) column)
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
      return g_strdup (od_organization_fields_has_org_coverage (f) ? "✓✓"
                       : od_organization_fields_has_work_coverage (f) ? "✓" : "");
    case COLUMN_STATUS:
      return g_strdup (od_label_for (od_labels_status, f->status));
    case COLUMN_BADGES:
      return od_domains_organization_badges (od_page_get_db (OD_PAGE (page)), f->id);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
od_organizations_page_clear_filters (OdListPage *page)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (page);

  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->membership_dropdown, 0);
  gtk_drop_down_set_selected (self->party_dropdown, 0);
}

/* --- overrides --- */

static void
od_organizations_page_dispose (GObject *object)
{
  OdOrganizationsPage *self = OD_ORGANIZATIONS_PAGE (object);

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (od_organizations_page_parent_class)->dispose (object);
}

static void
od_organizations_page_class_init (OdOrganizationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdListPageClass *list_class = OD_LIST_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_organizations_page_dispose;

  list_class->entity = &od_organization_entity;
  list_class->item_type = OD_TYPE_ORGANIZATION;
  list_class->columns = columns;
  list_class->n_columns = N_COLUMNS;
  list_class->empty_title = N_("No Organizations Yet");
  list_class->empty_description = N_("Add the first one with the + button.");
  list_class->no_match_description = N_("Try a shorter search or clear the filters. Pinyin "
                                        "initials work too, such as bjsyx.");
  list_class->unsaved_body = N_("The organization shown has changes that "
                                "are not saved yet.");
  list_class->query = od_organizations_page_query;
  list_class->cell_text = od_organizations_page_cell_text;
  list_class->clear_filters = od_organizations_page_clear_filters;
  list_class->reload_filters = od_organizations_page_reload_filters;

  g_type_ensure (OD_TYPE_ORGANIZATION_EDITOR);
  od_list_page_class_set_template_from_resource (list_class,
                                                 RESOURCE_PREFIX "/od-organizations-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdOrganizationsPage, name)
  BIND (type_dropdown);
  BIND (area_dropdown);
  BIND (category_dropdown);
  BIND (status_dropdown);
  BIND (membership_dropdown);
  BIND (party_dropdown);
#undef BIND

  od_list_page_class_install_actions (list_class, "organizations");
}

static void
od_organizations_page_init (OdOrganizationsPage *self)
{
  g_autoptr(GtkStringList) types = od_label_model (od_labels_org_type, _("All types"));
  g_autoptr(GtkStringList) statuses = od_label_model (od_labels_status, _("Any status"));
  g_autoptr(GtkStringList) membership = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) party = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* With no database yet, the filters' "changed" handler has nothing to do.
   * The last type key is "unknown", which is no filter choice. */
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
  od_organizations_page_reload_filters (OD_LIST_PAGE (self));

  g_signal_connect_object (od_list_page_get_editor (OD_LIST_PAGE (self)), "add-person",
                           G_CALLBACK (on_add_person_cb), self, G_CONNECT_SWAPPED);
}
