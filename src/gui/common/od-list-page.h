/* od-list-page.h — a registry section: search, a sortable list loaded on
 * demand, and the record's editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-entity.h"
#include "od-export.h"
#include "od-id-list-model.h"
#include "od-page.h"

G_BEGIN_DECLS

/* What a column shows beyond its text. */
typedef enum
{
  OD_LIST_COLUMN_TOOLTIP = 1 << 0,   /* the text again as tooltip, for a cell cut short */
  OD_LIST_COLUMN_NUMERIC = 1 << 1,   /* tabular digits, never cut short */
} OdListColumnFlags;

#define OD_LIST_COLUMN_UNSORTED (-1)

/* What the list asks of a section's query. */
typedef struct
{
  const char *search;       /* the search entry's text */
  int         sort;         /* the entity's sort key */
  gboolean    descending;
} OdListRequest;

typedef struct
{
  const char        *context;   /* msgctxt of TITLE, or NULL */
  const char        *title;     /* N_() or NC_() */
  int                width;     /* fixed width, or 0: as wide as the content */
  gboolean           expand;
  int                sort;      /* the entity's sort key, or OD_LIST_COLUMN_UNSORTED */
  OdListColumnFlags  flags;
} OdListColumn;

#define OD_TYPE_LIST_PAGE (od_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (OdListPage, od_list_page, OD, LIST_PAGE, OdPage)

struct _OdListPageClass
{
  OdPageClass parent_class;

  /* --- set in class_init --- */

  /* The entity listed (od-entity.h): its rows are loaded by its
   * load_items() as ITEM_TYPE items, counted, deleted to the trash, named
   * in messages and exported through it. */
  const OdEntity     *entity;
  GType               item_type;
  /* The columns, in order; the first one sorts by default. */
  const OdListColumn *columns;
  guint               n_columns;

  /* Texts that differ, N_() (translated when shown). */
  const char         *empty_title;           /* no records at all */
  const char         *empty_description;
  const char         *no_match_description;  /* none for the search and filters */
  const char         *unsaved_body;          /* "Save Changes?" before leaving a record */

  /* --- the list --- */

  /* The ids for REQUEST (the search entry's text and the sort) and the
   * section's own filters; *FILTERED: whether anything is left out. */
  GArray  *(*query)           (OdListPage          *self,
                               OdDb                *db,
                               const OdListRequest *request,
                               gboolean            *filtered,
                               GError             **error);
  char    *(*cell_text)       (OdListPage  *self,
                               gpointer     item,
                               guint        column);
  /* Back to "all" in the section's own filters (the search is cleared by
   * the list page); called with the list's updates held. */
  void     (*clear_filters)   (OdListPage  *self);
  /* Optional: fill the filter choices that come from the database;
   * called with the list's updates held, after the editor got it. */
  void     (*reload_filters)  (OdListPage  *self);

  /*< private >*/
  const char *action_prefix;   /* od_list_page_class_install_actions() */
};

/* For subclasses' class_init */
void       od_list_page_class_set_template_from_resource (OdListPageClass *klass,
                                                          const char      *resource_name);
void       od_list_page_class_install_actions            (OdListPageClass *klass,
                                                          const char      *prefix);

/* For subclasses */
GtkWidget *od_list_page_get_editor      (OdListPage *self);
void       od_list_page_reread          (OdListPage *self);

void       od_list_page_set_query       (OdListPage *self,
                                         const char *query);
guint      od_list_page_get_n_shown     (OdListPage *self);
void       od_list_page_select_id       (OdListPage *self,
                                         gint64      id);
gint64     od_list_page_delete_selected (OdListPage *self);
void       od_list_page_undo_delete     (OdListPage *self);
gboolean   od_list_page_export_to       (OdListPage      *self,
                                         const char      *path,
                                         OdExportFormat   format,
                                         gboolean         full_ids,
                                         GError         **error);

G_END_DECLS
