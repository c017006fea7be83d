/* od-list-page.c — a registry section: search, a sortable list loaded on
 * demand, and the record's editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organizations and people sections are list pages. The list page's
 * template (od-list-page.ui) is the shell they share: the toolbar with the
 * search entry, Export and New, the count, the column view or an empty
 * state, and the editor beside it in an AdwFlap. A subclass's template,
 * applied after it, brings what differs: its filters (<child type="filter">,
 * put after the search entry), its editor (<child type="editor">, an
 * OdRecordEditor with the id "editor") and its texts (the properties
 * search-placeholder, search-label, new-tooltip); its class brings the
 * columns and the queries. The list page runs the list, its sorting, the
 * selection, the count and the empty states, unsaved changes, deleting
 * with Undo, and exporting the rows as shown (their search, filters and
 * sort) to CSV, XLSX or JSON.
 * What it lists is a registered entity (od-entity.h), the class's entity:
 * its count, its records' names, the trash and the export go through it.
 */
#define G_LOG_DOMAIN "orgdesk-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"

#include "od-entity-store.h"
#include "od-entity.h"
#include "od-list-page.h"
#include "od-record-editor.h"
#include "od-registry-store.h"

typedef struct
{
  OdIdListModel      *model;
  GtkSingleSelection *selection;
  gint64              shown_id;     /* the record in the editor */
  gint64              deleted_id;   /* for Undo */
  gboolean            updating;
  guint               sorted_by;    /* a column, written by the column sorters' probe */

  char               *search_label;  /* the search entry's accessible label */

  GtkBox             *toolbar;
  GtkSearchEntry     *search_entry;
  GtkButton          *export_button;
  GtkButton          *new_button;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  AdwFlap            *flap;          /* list and editor side by side, or folded */
  AdwBin             *editor_bin;
  OdRecordEditor     *editor;        /* the subclass's, in editor_bin */
} OdListPagePrivate;

enum {
  PROP_0,
  PROP_SEARCH_PLACEHOLDER,
  PROP_SEARCH_LABEL,
  PROP_NEW_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static void od_list_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (OdListPage, od_list_page, OD_TYPE_PAGE,
                                  G_ADD_PRIVATE (OdListPage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                         od_list_page_buildable_init))

#define PRIV(self) ((OdListPagePrivate *) od_list_page_get_instance_private (OD_LIST_PAGE (self)))
#define CLASS(self) (OD_LIST_PAGE_GET_CLASS (self))

/* --- helpers --- */

static void
set_action_name (GtkButton  *button,
                 const char *prefix,
                 const char *action)
{
  g_autofree char *name = g_strconcat (prefix, ".", action, NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const OdListColumn *column = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A number cut short is no use: those columns keep their width. */
  if (column->flags & OD_LIST_COLUMN_NUMERIC)
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
  OdListPage *self = user_data;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GObject *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (row, CLASS (self)->item_type))
    {
      gtk_label_set_label (label, "");
      return;
    }
  text = CLASS (self)->cell_text (self, row, column);
  gtk_label_set_label (label, text);
  if (CLASS (self)->columns[column].flags & OD_LIST_COLUMN_TOOLTIP)
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
  OdListPage *self = g_object_get_data (G_OBJECT (user_data), "page");

  PRIV (self)->sorted_by = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_SMALLER;
}

static void
read_sort (OdListPage *self,
           int        *sort,
           gboolean   *descending)
{
  OdListPagePrivate *priv = PRIV (self);
  const OdListColumn *columns = CLASS (self)->columns;
  guint n_columns = CLASS (self)->n_columns;
  GtkSorter *sorter = gtk_column_view_get_sorter (priv->column_view);
  /* Two distinct objects: GTK answers "equal" for one object compared with
   * itself without asking the column sorters. */
  g_autoptr(GObject) probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  priv->sorted_by = n_columns;
  order = gtk_sorter_compare (sorter, probe_a, probe_b);
  if (order == GTK_ORDERING_EQUAL || priv->sorted_by >= n_columns)
    {
      *sort = columns[0].sort;
      *descending = FALSE;
      return;
    }
  *sort = columns[priv->sorted_by].sort;
  *descending = order == GTK_ORDERING_LARGER;
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
scroll_to_position (OdListPage *self,
                    guint       position)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (PRIV (self)->column_view));

  /* Before the first layout there is nothing to scroll yet. */
  if (list_view != NULL && gtk_widget_get_mapped (list_view) && gtk_widget_get_height (list_view) > 0)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
select_shown (OdListPage *self)
{
  OdListPagePrivate *priv = PRIV (self);
  guint position = priv->shown_id != 0 ? od_id_list_model_find (priv->model, priv->shown_id)
                                       : G_MAXUINT;

  priv->updating = TRUE;
  gtk_single_selection_set_selected (priv->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  priv->updating = FALSE;
  if (position != G_MAXUINT)
    scroll_to_position (self, position);
}

static void
show_empty (OdListPage *self,
            const char *title,
            const char *description)
{
  adw_status_page_set_title (PRIV (self)->empty_page, title);
  adw_status_page_set_description (PRIV (self)->empty_page, description);
}

/* Runs the query for the current search, filters and sort. */
static void
refresh (OdListPage *self)
{
  OdListPagePrivate *priv = PRIV (self);
  OdListPageClass *klass = CLASS (self);
  OdDb *db = od_page_get_db (OD_PAGE (self));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *n_total = NULL;
  gboolean filtered = FALSE;
  gboolean descending;
  OdListRequest request;
  gint64 total = 0;
  int sort;

  if (db == NULL)
    return;

  read_sort (self, &sort, &descending);
  request.search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  request.sort = sort;
  request.descending = descending;
  ids = klass->query (self, db, &request, &filtered, &error);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->updating = TRUE;
  od_id_list_model_set_ids (priv->model, ids);
  priv->updating = FALSE;
  select_shown (self);

  total = od_entity_store_count (klass->entity, db, NULL);
  n_total = od_entity_format_count (klass->entity, total);
  if (filtered)
    {
      g_autofree char *n_shown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shown",
                                                               "%u shown", ids->len), ids->len);

      /* Translators: "412 organizations · 37 shown", "1,024 people · 37 shown" */
      count = g_strdup_printf (_("%s · %s"), n_total, n_shown);
    }
  else
    count = g_strdup (n_total);
  gtk_label_set_label (priv->count_label, count);

  if (ids->len > 0)
    gtk_stack_set_visible_child_name (priv->list_stack, "list");
  else
    {
      if (error != NULL)
        show_empty (self, _("The Search Failed"), error->message);
      else if (total == 0)
        show_empty (self, _(klass->empty_title), _(klass->empty_description));
      else
        show_empty (self, _("No Matches"), _(klass->no_match_description));
      gtk_stack_set_visible_child_name (priv->list_stack, "empty");
    }
}

static void
show_toast (OdListPage *self,
            AdwToast   *toast)
{
  od_form_show_toast (GTK_WIDGET (self), toast);
}

static void
show_error (OdListPage   *self,
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
show_record (OdListPage *self,
             gint64      id)
{
  PRIV (self)->shown_id = id;
  od_record_editor_load (PRIV (self)->editor, id);
  /* On a narrow window the editor slides over the list. */
  if (id != 0)
    adw_flap_set_reveal_flap (PRIV (self)->flap, TRUE);
}

/* --- callbacks --- */

static void
on_filter_changed_cb (OdListPage *self)
{
  if (!PRIV (self)->updating)
    refresh (self);
}

static void
on_sorter_changed_cb (OdListPage *self)
{
  refresh (self);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        OdListPage       *self)
{
  gint64 wanted = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "wanted-id"));

  /* A refused save (the editor says why) keeps the record being edited:
   * so does the list, which already highlights the row clicked. */
  if (g_str_equal (response, "save"))
    {
      if (od_record_editor_save (PRIV (self)->editor))
        show_record (self, wanted);
    }
  else if (g_str_equal (response, "discard"))
    show_record (self, wanted);
  select_shown (self);
}

/* Leaves the record shown only after asking, when it has unsaved changes. */
static void
request_record (OdListPage *self,
                gint64      id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!od_record_editor_is_dirty (PRIV (self)->editor))
    {
      show_record (self, id);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes?"),
                                                       _(CLASS (self)->unsaved_body)));
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
on_selection_changed_cb (OdListPage *self)
{
  OdListPagePrivate *priv = PRIV (self);
  guint position = gtk_single_selection_get_selected (priv->selection);
  gint64 id;

  if (priv->updating || position == GTK_INVALID_LIST_POSITION)
    return;
  id = od_id_list_model_get_id (priv->model, position);
  if (id != priv->shown_id || od_record_editor_get_id (priv->editor) != id)
    request_record (self, id);
}

static void
on_saved_cb (OdListPage *self,
             gint64      id)
{
  PRIV (self)->shown_id = id;
  od_id_list_model_invalidate (PRIV (self)->model);
  refresh (self);
}

static void
on_open_record_cb (OdListPage *self,
                   gint64      id)
{
  od_list_page_select_id (self, id);
}

static void
on_undo_clicked_cb (OdListPage *self)
{
  od_list_page_undo_delete (self);
}

static void
on_delete_requested_cb (OdListPage *self,
                        gint64      id)
{
  od_list_page_delete_selected (self);
}

/* --- actions --- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OdListPage *self = OD_LIST_PAGE (widget);
  OdListPagePrivate *priv = PRIV (self);

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;
  priv->updating = TRUE;
  gtk_single_selection_set_selected (priv->selection, GTK_INVALID_LIST_POSITION);
  priv->updating = FALSE;
  priv->shown_id = 0;
  od_record_editor_new_record (priv->editor);
  adw_flap_set_reveal_flap (priv->flap, TRUE);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PRIV (widget)->search_entry));
}

/* What the export dialog chose, kept until the file is chosen. */
typedef struct
{
  OdExportFormat format;
  gboolean       full_ids;
} ExportChoice;

static const struct
{
  OdExportFormat  format;
  const char     *extension;
  const char     *pattern;
  const char     *mime_type;
} export_formats[] = {
  { OD_EXPORT_FORMAT_CSV, ".csv", "*.csv", "text/csv" },
  { OD_EXPORT_FORMAT_XLSX, ".xlsx", "*.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { OD_EXPORT_FORMAT_JSON, ".json", "*.json", "application/json" },
};

static guint
export_format_index (OdExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i].format == format)
      return i;
  g_assert_not_reached ();
  return 0;
}

static const char *
export_format_name (OdExportFormat format)
{
  switch (format)
    {
    case OD_EXPORT_FORMAT_CSV:
      return _("CSV files");
    case OD_EXPORT_FORMAT_XLSX:
      return _("Excel workbooks");
    case OD_EXPORT_FORMAT_JSON:
    default:
      return _("JSON files");
    }
}

static const OdEntity *
page_entity (OdListPage *self)
{
  return CLASS (self)->entity;
}

/* How record ID is named in messages: as in the trash. */
static char *
dup_record_name (OdListPage *self,
                 OdDb       *db,
                 gint64      id)
{
  const OdEntity *entity = page_entity (self);
  gpointer record = entity->record_load (db, id, NULL);
  char *name;

  if (record == NULL)
    return g_strdup ("");
  name = entity->describe (record);
  entity->record_free (record);
  return name;
}

/* Whether the export asks about personal data (ID numbers). */
static gboolean
exports_personal_data (OdListPage *self)
{
  return od_entity_has_personal_data (page_entity (self));
}

/* "社会组织-2026-11-27.xlsx": the section, today, the format's extension. */
static char *
export_suggested_name (OdListPage     *self,
                       OdExportFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  const char *section = _(page_entity (self)->plural);

  return g_strconcat (section, "-", date, export_formats[export_format_index (format)].extension,
                      NULL);
}

static void
on_export_file_response_cb (GtkNativeDialog *native,
                            int              response,
                            OdListPage      *self)
{
  ExportChoice *choice = g_object_get_data (G_OBJECT (native), "choice");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer."));
      if (path != NULL && od_list_page_export_to (self, path, choice->format, choice->full_ids, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          guint n = od_list_page_get_n_shown (self);
          g_autofree char *message = NULL;

          /* Translators: %u is a number of rows, %s a file name */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”",
                                                  "Exported %u rows to “%s”", n), n, name);
          show_toast (self, adw_toast_new (message));
        }
      else
        show_error (self, _("Export Failed"), error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_export_file (OdListPage     *self,
                    OdExportFormat  format,
                    gboolean        full_ids)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = export_suggested_name (self, format);
  guint index = export_format_index (format);
  ExportChoice *choice = g_new0 (ExportChoice, 1);

  choice->format = format;
  choice->full_ids = full_ids;
  native = gtk_file_chooser_native_new (_("Export the List"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, export_format_name (format));
  gtk_file_filter_add_pattern (filter, export_formats[index].pattern);
  gtk_file_filter_add_mime_type (filter, export_formats[index].mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "choice", choice, g_free);
  g_signal_connect (native, "response", G_CALLBACK (on_export_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_export_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              OdListPage       *self)
{
  GtkCheckButton *csv = g_object_get_data (G_OBJECT (dialog), "csv");
  GtkCheckButton *json = g_object_get_data (G_OBJECT (dialog), "json");
  GtkCheckButton *full_ids = g_object_get_data (G_OBJECT (dialog), "full-ids");
  OdExportFormat format = OD_EXPORT_FORMAT_XLSX;

  if (!g_str_equal (response, "export"))
    return;
  if (gtk_check_button_get_active (csv))
    format = OD_EXPORT_FORMAT_CSV;
  else if (gtk_check_button_get_active (json))
    format = OD_EXPORT_FORMAT_JSON;
  choose_export_file (self, format,
                      full_ids != NULL && gtk_check_button_get_active (full_ids));
}

static GtkWidget *
add_format_button (GtkBox         *box,
                   GtkCheckButton *group,
                   const char     *label)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_box_append (box, button);
  return button;
}

/* Asks for the format (and, for people, whether ID numbers go in full),
 * then for the file. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdListPage *self = OD_LIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n = od_list_page_get_n_shown (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkBox *box;
  GtkWidget *xlsx, *csv, *json;

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;

  /* Translators: %u is the number of rows in the list */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u row shown is exported, in the order shown.",
                                       "The %u rows shown are exported, in the order shown.", n),
                          n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Export the List"), body));
  box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  xlsx = add_format_button (box, NULL, _("Excel _workbook (XLSX)"));
  csv = add_format_button (box, GTK_CHECK_BUTTON (xlsx), _("_CSV (UTF-8, opens in Excel)"));
  json = add_format_button (box, GTK_CHECK_BUTTON (xlsx), _("_JSON"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (xlsx), TRUE);
  g_object_set_data (G_OBJECT (dialog), "csv", csv);
  g_object_set_data (G_OBJECT (dialog), "json", json);

  if (exports_personal_data (self))
    {
      GtkWidget *full_ids = gtk_check_button_new_with_mnemonic (_("Include full _ID numbers"));
      GtkWidget *warning = gtk_label_new (_("ID numbers are personal data; share the file only "
                                            "with those who need it."));

      gtk_widget_set_margin_top (full_ids, 12);
      gtk_box_append (box, full_ids);
      gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_widget_add_css_class (warning, "caption");
      gtk_widget_add_css_class (warning, "warning");
      /* Said when it matters: once full ID numbers are asked for. */
      g_object_bind_property (full_ids, "active", warning, "visible", G_BINDING_SYNC_CREATE);
      gtk_box_append (box, warning);
      g_object_set_data (G_OBJECT (dialog), "full-ids", full_ids);
    }
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (box));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "export", n > 0);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- overrides --- */

static void
reload (OdPage *page)
{
  OdListPage *self = OD_LIST_PAGE (page);
  OdListPagePrivate *priv = PRIV (self);
  OdDb *db = od_page_get_db (page);

  priv->updating = TRUE;
  od_id_list_model_set_db (priv->model, db);
  od_record_editor_set_db (priv->editor, db);
  if (CLASS (self)->reload_filters != NULL)
    CLASS (self)->reload_filters (self);
  priv->updating = FALSE;
  priv->shown_id = 0;
  refresh (self);
}

static gboolean
is_dirty (OdPage *page)
{
  return od_record_editor_is_dirty (PRIV (page)->editor);
}

static gboolean
save (OdPage *page)
{
  return od_record_editor_save (PRIV (page)->editor);
}

static void
discard (OdPage *page)
{
  od_record_editor_revert (PRIV (page)->editor);
}

static void
add_columns (OdListPage *self)
{
  OdListPagePrivate *priv = PRIV (self);
  OdListPageClass *klass = CLASS (self);

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const OdListColumn *info = &klass->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      const char *title = info->context != NULL ? g_dpgettext2 (NULL, info->context, info->title)
                                                : _(info->title);

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (title, g_object_ref (factory));
      if (info->width > 0)
        gtk_column_view_column_set_fixed_width (column, info->width);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (info->sort != OD_LIST_COLUMN_UNSORTED)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, NULL, NULL));

          g_object_set_data (G_OBJECT (sorter), "page", self);
          g_object_set_data (G_OBJECT (sorter), "column", GUINT_TO_POINTER (i));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare_cb, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (priv->column_view, column);
    }
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (priv->column_view), 0);

    gtk_column_view_sort_by_column (priv->column_view, first, GTK_SORT_ASCENDING);
  }
  g_signal_connect_object (gtk_column_view_get_sorter (priv->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Both templates are built by now (the instance inits): the subclass's
 * added its filters and editor. */
static void
od_list_page_constructed (GObject *object)
{
  OdListPage *self = OD_LIST_PAGE (object);
  OdListPagePrivate *priv = PRIV (self);
  OdListPageClass *klass = CLASS (self);

  G_OBJECT_CLASS (od_list_page_parent_class)->constructed (object);

  g_assert (priv->editor != NULL);
  g_assert (klass->action_prefix != NULL);

  set_action_name (priv->export_button, klass->action_prefix, "export");
  set_action_name (priv->new_button, klass->action_prefix, "new");

  priv->model = od_id_list_model_new (klass->item_type, klass->entity->load_items);
  priv->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->model)));
  gtk_single_selection_set_autoselect (priv->selection, FALSE);
  gtk_single_selection_set_can_unselect (priv->selection, TRUE);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
  g_signal_connect_object (priv->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);

  add_columns (self);

  g_signal_connect_object (priv->editor, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->editor, "open-record", G_CALLBACK (on_open_record_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->editor, "delete-requested", G_CALLBACK (on_delete_requested_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
od_list_page_dispose (GObject *object)
{
  OdListPagePrivate *priv = PRIV (object);

  g_clear_object (&priv->model);
  g_clear_object (&priv->selection);

  G_OBJECT_CLASS (od_list_page_parent_class)->dispose (object);
}

static void
od_list_page_finalize (GObject *object)
{
  g_free (PRIV (object)->search_label);

  G_OBJECT_CLASS (od_list_page_parent_class)->finalize (object);
}

static void
od_list_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OdListPagePrivate *priv = PRIV (object);

  switch (prop_id)
    {
    case PROP_SEARCH_PLACEHOLDER:
      g_object_get_property (G_OBJECT (priv->search_entry), "placeholder-text", value);
      break;
    case PROP_SEARCH_LABEL:
      g_value_set_string (value, priv->search_label);
      break;
    case PROP_NEW_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (priv->new_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OdListPagePrivate *priv = PRIV (object);
  g_autofree char *placeholder = NULL;
  const char *text;

  switch (prop_id)
    {
    case PROP_SEARCH_PLACEHOLDER:
      text = g_value_get_string (value);
      g_object_get (priv->search_entry, "placeholder-text", &placeholder, NULL);
      if (g_strcmp0 (placeholder, text) == 0)
        return;
      g_object_set (priv->search_entry, "placeholder-text", text, NULL);
      break;
    case PROP_SEARCH_LABEL:
      text = g_value_get_string (value);
      if (g_strcmp0 (priv->search_label, text) == 0)
        return;
      g_free (priv->search_label);
      priv->search_label = g_strdup (text);
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search_entry),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->search_entry),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL);
      break;
    case PROP_NEW_TOOLTIP:
      text = g_value_get_string (value);
      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (priv->new_button)), text) == 0)
        return;
      gtk_widget_set_tooltip_text (GTK_WIDGET (priv->new_button), text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

/* <child type="filter">: after the search entry and the filters before it;
 * <child type="editor">: the record editor, beside the list. */
static void
od_list_page_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  OdListPagePrivate *priv = PRIV (buildable);

  if (g_strcmp0 (type, "filter") == 0 && GTK_IS_WIDGET (child))
    gtk_box_insert_child_after (priv->toolbar, GTK_WIDGET (child),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (priv->export_button)));
  else if (g_strcmp0 (type, "editor") == 0 && OD_IS_RECORD_EDITOR (child))
    {
      g_return_if_fail (priv->editor == NULL);
      priv->editor = OD_RECORD_EDITOR (child);
      adw_bin_set_child (priv->editor_bin, GTK_WIDGET (child));
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
od_list_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = od_list_page_buildable_add_child;
}

static void
od_list_page_class_init (OdListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdPageClass *page_class = OD_PAGE_CLASS (klass);

  object_class->constructed = od_list_page_constructed;
  object_class->dispose = od_list_page_dispose;
  object_class->finalize = od_list_page_finalize;
  object_class->get_property = od_list_page_get_property;
  object_class->set_property = od_list_page_set_property;
  page_class->reload = reload;
  page_class->is_dirty = is_dirty;
  page_class->save = save;
  page_class->discard = discard;

  /* The search entry's hint, "Search name, code, pinyin initials…" */
  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The search entry's accessible label, "Search organizations" */
  properties[PROP_SEARCH_LABEL] =
    g_param_spec_string ("search-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The New button's tooltip, "New Organization" */
  properties[PROP_NEW_TOOLTIP] =
    g_param_spec_string ("new-tooltip", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-list-page.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child_private (widget_class, OdListPage, name)
  BIND (toolbar);
  BIND (search_entry);
  BIND (export_button);
  BIND (new_button);
  BIND (count_label);
  BIND (list_stack);
  BIND (column_view);
  BIND (empty_page);
  BIND (flap);
  BIND (editor_bin);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
}

static void
od_list_page_init (OdListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- for subclasses --- */

/* Sets the template of a list page subclass, applied after the list page's
 * own (od-list-page.ui). Its <child type="filter"> widgets go after the
 * search entry, and call the handler "on_filter_changed_cb" (swapped) when
 * they change; its <child type="editor"> is an OdRecordEditor with the id
 * "editor"; its properties search-placeholder, search-label and new-tooltip
 * give the texts. */
void
od_list_page_class_set_template_from_resource (OdListPageClass *klass,
                                               const char      *resource_name)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, resource_name);
  /* The list page keeps the editor (its add_child); bound here so that
   * gtk_widget_get_template_child() finds it under the subclass too. */
  gtk_widget_class_bind_template_child_full (widget_class, "editor", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
}

/* Installs PREFIX.new (a new record), PREFIX.search (Ctrl+F) and
 * PREFIX.export (the rows shown, to a file), the actions of the New and
 * Export buttons. */
void
od_list_page_class_install_actions (OdListPageClass *klass,
                                    const char      *prefix)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *new_name = g_strconcat (prefix, ".new", NULL);
  g_autofree char *search_name = g_strconcat (prefix, ".search", NULL);
  g_autofree char *export_name = g_strconcat (prefix, ".export", NULL);

  klass->action_prefix = g_intern_string (prefix);
  gtk_widget_class_install_action (widget_class, new_name, NULL, new_action);
  gtk_widget_class_install_action (widget_class, search_name, NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, export_name, NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_name, NULL);
}

GtkWidget *
od_list_page_get_editor (OdListPage *self)
{
  g_return_val_if_fail (OD_IS_LIST_PAGE (self), NULL);
  return GTK_WIDGET (PRIV (self)->editor);
}

/* Reads the rows again, which may have changed elsewhere. */
void
od_list_page_reread (OdListPage *self)
{
  g_return_if_fail (OD_IS_LIST_PAGE (self));

  if (od_page_get_db (OD_PAGE (self)) == NULL)
    return;
  od_id_list_model_invalidate (PRIV (self)->model);
  refresh (self);
}

/* --- public API --- */

void
od_list_page_set_query (OdListPage *self,
                        const char *query)
{
  g_return_if_fail (OD_IS_LIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (PRIV (self)->search_entry), query);
  /* The entry waits a moment before "search-changed"; callers want it now. */
  refresh (self);
}

guint
od_list_page_get_n_shown (OdListPage *self)
{
  g_return_val_if_fail (OD_IS_LIST_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (PRIV (self)->model));
}

/* Shows record ID, clearing the search and filters if it is hidden by them. */
void
od_list_page_select_id (OdListPage *self,
                        gint64      id)
{
  OdListPagePrivate *priv;

  g_return_if_fail (OD_IS_LIST_PAGE (self));
  priv = PRIV (self);

  if (od_id_list_model_find (priv->model, id) == G_MAXUINT)
    {
      priv->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      CLASS (self)->clear_filters (self);
      priv->updating = FALSE;
      refresh (self);
    }
  request_record (self, id);
  select_shown (self);
}

/* Moves the record shown to the trash, with an Undo toast. Returns its id. */
gint64
od_list_page_delete_selected (OdListPage *self)
{
  OdDb *db;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gint64 id;

  g_return_val_if_fail (OD_IS_LIST_PAGE (self), 0);
  db = od_page_get_db (OD_PAGE (self));
  id = od_record_editor_get_id (PRIV (self)->editor);

  if (db == NULL || id == 0)
    return 0;
  name = dup_record_name (self, db, id);
  if (!od_trash_move (db, page_entity (self), id, &error))
    {
      show_error (self, _("Not Deleted"), error);
      return 0;
    }
  PRIV (self)->deleted_id = id;
  PRIV (self)->shown_id = 0;
  od_record_editor_load (PRIV (self)->editor, 0);
  refresh (self);

  message = g_strdup_printf (_("“%s” moved to the trash"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  show_toast (self, toast);
  return id;
}

void
od_list_page_undo_delete (OdListPage *self)
{
  OdListPagePrivate *priv;
  OdDb *db;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_LIST_PAGE (self));
  priv = PRIV (self);
  db = od_page_get_db (OD_PAGE (self));

  if (db == NULL || priv->deleted_id == 0)
    return;
  if (!od_trash_restore (db, page_entity (self)->name, priv->deleted_id, &error))
    {
      show_error (self, _("Not Restored"), error);
      return;
    }
  /* Shown again, unless the user is already busy with another record. */
  if (!od_record_editor_is_dirty (priv->editor))
    {
      priv->shown_id = priv->deleted_id;
      od_record_editor_load (priv->editor, priv->shown_id);
    }
  priv->deleted_id = 0;
  od_id_list_model_invalidate (priv->model);
  refresh (self);
}

/**
 * od_list_page_export_to:
 * @self: a list page
 * @path: the file to write; replaced if it exists
 * @format: CSV, JSON or XLSX
 * @full_ids: write ID numbers in full instead of masked (people only)
 * @error: return location for an error
 *
 * Writes the rows shown, with the current search, filters and sort, in
 * their order: what Export… writes after asking for the format and file.
 *
 * Returns: %TRUE on success
 */
gboolean
od_list_page_export_to (OdListPage      *self,
                        const char      *path,
                        OdExportFormat   format,
                        gboolean         full_ids,
                        GError         **error)
{
  OdListPagePrivate *priv;
  OdDb *db;
  g_autoptr(GArray) ids = NULL;
  guint n;

  g_return_val_if_fail (OD_IS_LIST_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  priv = PRIV (self);
  db = od_page_get_db (OD_PAGE (self));
  g_return_val_if_fail (db != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (priv->model));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = od_id_list_model_get_id (priv->model, i);

      g_array_append_val (ids, id);
    }
  return od_export_write_ids_file (db, page_entity (self)->name, format,
                                   (const gint64 *) (gpointer) ids->data, ids->len,
                                   full_ids && exports_personal_data (self), path, error);
}
