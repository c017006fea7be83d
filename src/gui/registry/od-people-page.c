/* od-people-page.c — the people who act for the organizations: search, a
 * sortable list loaded on demand, and the editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ID numbers are personal data (DESIGN.md §2): the list only ever shows
 * them masked; the editor reveals one on purpose.
 */
#define G_LOG_DOMAIN "orgdesk-people-page"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "od-labels.h"
#include "od-people-page.h"
#include "od-person-editor.h"
#include "od-registry-entities.h"
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
  OdListPage   parent_instance;

  GtkDropDown *gender_dropdown;
};

G_DEFINE_FINAL_TYPE (OdPeoplePage, od_people_page, OD_TYPE_LIST_PAGE)

static const OdListColumn columns[N_COLUMNS] = {
  /* A person's name is 姓名, an organization's 名称: the same English word. */
  [COLUMN_NAME] = { "person", NC_("person", "Name"), 0, FALSE, OD_PERSON_SORT_NAME,
                    OD_LIST_COLUMN_TOOLTIP },
  [COLUMN_GENDER] = { NULL, N_("Gender"), 0, FALSE, OD_PERSON_SORT_GENDER, 0 },
  [COLUMN_ORGANIZATION] = { NULL, N_("Organization"), 0, TRUE, OD_PERSON_SORT_ORGANIZATION,
                            OD_LIST_COLUMN_TOOLTIP },
  [COLUMN_POSITION] = { NULL, N_("Position"), 0, FALSE, OD_PERSON_SORT_POSITION, 0 },
  [COLUMN_MOBILE] = { NULL, N_("Mobile"), 0, FALSE, OD_LIST_COLUMN_UNSORTED, OD_LIST_COLUMN_NUMERIC },
  [COLUMN_ID_NUMBER] = { NULL, N_("ID number"), 0, FALSE, OD_LIST_COLUMN_UNSORTED,
                         OD_LIST_COLUMN_NUMERIC },
};

/* --- helpers --- */

/* FILTER for REQUEST and the section's filters; whether anything is left
 * out. */
static gboolean
build_filter (OdPeoplePage        *self,
              const OdListRequest *request,
              OdPersonFilter      *filter)
{
  guint gender = gtk_drop_down_get_selected (self->gender_dropdown);

  od_person_filter_init (filter);
  filter->query = request->search;
  filter->sort = request->sort;
  filter->descending = request->descending;
  /* Position 0 is "any gender". */
  if (gender != GTK_INVALID_LIST_POSITION && gender > 0)
    filter->gender = od_label_key_at (od_labels_gender, gender - 1);
  return (filter->query != NULL && *filter->query != '\0') || filter->gender != NULL;
}

/* --- OdListPage --- */

static GArray *
od_people_page_query (OdListPage          *page,
                      OdDb                *db,
                      const OdListRequest *request,
                      gboolean            *filtered,
                      GError             **error)
{
  OdPersonFilter filter;

  *filtered = build_filter (OD_PEOPLE_PAGE (page), request, &filter);
  return od_person_query_ids (db, &filter, error);
}

static char *
od_people_page_cell_text (OdListPage *page,
                          gpointer    item,
                          guint       column)
{
  const OdPersonFields *f = od_person_get_fields (OD_PERSON (item));

  switch ((Column) column)
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
od_people_page_clear_filters (OdListPage *page)
{
  gtk_drop_down_set_selected (OD_PEOPLE_PAGE (page)->gender_dropdown, 0);
}

/* --- overrides --- */

/* Organizations may have been renamed, or people added from there. */
static void
od_people_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (od_people_page_parent_class)->map (widget);

  od_list_page_reread (OD_LIST_PAGE (widget));
}

static void
od_people_page_class_init (OdPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdListPageClass *list_class = OD_LIST_PAGE_CLASS (klass);

  widget_class->map = od_people_page_map;

  list_class->entity = &od_person_entity;
  list_class->item_type = OD_TYPE_PERSON;
  list_class->columns = columns;
  list_class->n_columns = N_COLUMNS;
  list_class->empty_title = N_("No People Yet");
  list_class->empty_description = N_("Add the first one with the + button, or from an "
                                     "organization’s People tab.");
  list_class->no_match_description = N_("Try a shorter search, the last digits of a mobile "
                                        "number, or any gender. Pinyin initials work too, "
                                        "such as wf.");
  list_class->unsaved_body = N_("The person shown has changes that are "
                                "not saved yet.");
  list_class->query = od_people_page_query;
  list_class->cell_text = od_people_page_cell_text;
  list_class->clear_filters = od_people_page_clear_filters;

  g_type_ensure (OD_TYPE_PERSON_EDITOR);
  od_list_page_class_set_template_from_resource (list_class, RESOURCE_PREFIX "/od-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPeoplePage, gender_dropdown);

  od_list_page_class_install_actions (list_class, "people");
}

static void
od_people_page_init (OdPeoplePage *self)
{
  g_autoptr(GtkStringList) genders = od_label_model (od_labels_gender, _("Any gender"));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* With no database yet, the filter's "changed" handler has nothing to do. */
  gtk_drop_down_set_model (self->gender_dropdown, G_LIST_MODEL (genders));
  gtk_drop_down_set_selected (self->gender_dropdown, 0);
}
