/* od-import-window.c — import a spreadsheet: choose, check, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of file or option runs the import as a dry run, so the user
 * sees what would be added and updated, and every problem with its row and
 * column, before anything is written. Import stays off while a row is
 * wrong: a rejected import writes nothing.
 *
 * A chosen file is peeked (od_import_peek): its first rows are shown, and
 * each of its headers gets a combo row saying what the column holds —
 * preselected from the choice remembered for that header (GSettings
 * "import-mappings", keyed "ENTITY\x1fHEADER"), else the usual-header
 * match, else "Ignore". The dry run and the import use every combo as
 * OdImportOptions.mapping; choices that differ from the usual-header match
 * are remembered.
 */
#define G_LOG_DOMAIN "orgdesk-import-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-import.h"
#include "od-import-window.h"
#include "od-xlsx-reader.h"

struct _OdImportWindow
{
  AdwWindow       parent_instance;

  OdDb           *db;
  char           *path;
  OdImportResult *checked;
  GSettings      *settings;
  char           *mapping;        /* "header=key,…" from the combos, or NULL */
  GPtrArray      *column_rows;    /* AdwComboRow, in columns_group */
  GPtrArray      *column_keys;    /* const char *: per combo item; "-" = ignore */

  GtkButton      *import_button;
  AdwActionRow   *file_row;
  AdwComboRow    *entity_row;
  GPtrArray      *entities;       /* const OdEntity *: the importable ones, as in entity_row */
  AdwComboRow    *match_row;
  AdwComboRow    *encoding_row;
  AdwComboRow    *sheet_row;
  gboolean        filling_sheets;
  GtkSwitch      *valid_only_switch;
  AdwPreferencesGroup *result_group;
  AdwActionRow   *summary_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox     *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkGrid        *preview_grid;
  AdwPreferencesGroup *columns_group;
};

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdImportWindow, od_import_window, ADW_TYPE_WINDOW)

static const OdCsvEncoding encodings[] = {
  OD_CSV_ENCODING_AUTO, OD_CSV_ENCODING_UTF8, OD_CSV_ENCODING_GB18030,
};

#define MAPPINGS_KEY "import-mappings"
#define HEADER_DATA "od-import-header"

/* Rows that are neither the preview nor the header: at most this wide. */
#define PREVIEW_CELL_CHARS 18

/* --- helpers --- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_append (list, row);
}

static void
read_options (OdImportWindow  *self,
              OdImportOptions *options)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);

  od_import_options_init (options);
  options->on_match = adw_combo_row_get_selected (self->match_row) == 1
                      ? OD_IMPORT_ON_MATCH_SKIP : OD_IMPORT_ON_MATCH_UPDATE;
  options->encoding = encodings[encoding < G_N_ELEMENTS (encodings) ? encoding : 0];
  options->mapping = self->mapping;
  options->valid_rows_only = gtk_switch_get_active (self->valid_only_switch);
  /* 1-based; 0 (the first sheet) when the file has only one. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->sheet_row)))
    options->sheet = adw_combo_row_get_selected (self->sheet_row) + 1;
}

/* The importable entity chosen in the combo (the registry's order). */
static const OdEntity *
current_entity (OdImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->entity_row);

  return g_ptr_array_index (self->entities, selected < self->entities->len ? selected : 0);
}

static const char *
entity_name (OdImportWindow *self)
{
  return current_entity (self)->name;
}

static void
show_result (OdImportWindow       *self,
             const OdImportResult *result)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  guint shown = 0;

  clear_list (self->problems_list);
  if (result->errors->len > 0 && gtk_switch_get_active (self->valid_only_switch))
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u row has problems and will be left out.",
                                          "%u rows have problems and will be left out.",
                                          result->n_error_rows), result->n_error_rows);
  else if (result->errors->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u row has problems. Nothing will be imported until "
                                          "they are fixed in the file.",
                                          "%u rows have problems. Nothing will be imported until "
                                          "they are fixed in the file.",
                                          result->n_error_rows), result->n_error_rows);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row is ready to import.",
                                          "%u rows are ready to import.", result->n_rows),
                             result->n_rows);
  /* Translators: what an import would do; the numbers are rows */
  details = g_strdup_printf (_("New: %u · Updated: %u · Unchanged: %u · Skipped: %u"),
                             result->n_inserted, result->n_updated, result->n_unchanged,
                             result->n_skipped);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  adw_action_row_set_subtitle (self->summary_row, details);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);

  for (guint i = 0; i < result->errors->len && shown < 200; i++, shown++)
    {
      OdImportProblem *problem = g_ptr_array_index (result->errors, i);
      g_autofree char *where = NULL;

      where = problem->row > 0
        ? g_strdup_printf (_("Row %u · %s"), problem->row, problem->column)
        : g_strdup (problem->column);
      add_row (self->problems_list, problem->message, where, "dialog-error-symbolic");
    }
  for (guint i = 0; i < result->warnings->len && shown < 200; i++, shown++)
    {
      OdImportProblem *problem = g_ptr_array_index (result->warnings, i);
      g_autofree char *where = g_strdup_printf (_("Row %u · %s"), problem->row, problem->column);

      add_row (self->problems_list, problem->message, where, "dialog-warning-symbolic");
    }
  for (guint i = 0; i < result->notices->len && shown < 200; i++, shown++)
    add_row (self->problems_list, g_ptr_array_index (result->notices, i), NULL,
             "dialog-information-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), shown > 0);
}

static void
show_file_error (OdImportWindow *self,
                 const GError   *error)
{
  clear_list (self->problems_list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), error->message);
  adw_action_row_set_subtitle (self->summary_row, _("Nothing will be imported."));
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
}

/* --- the mapping step --- */

/* The choice without a mapping step: the usual-header match, or "-". */
static const char *
automatic_choice (OdImportWindow *self,
                  const char     *header)
{
  const OdEntity *entity = current_entity (self);
  const char *key = entity != NULL ? od_import_match_header (entity, header) : NULL;

  for (guint i = 1; key != NULL && i < self->column_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->column_keys, i), key))
      return key;
  return "-";
}

static char *
remembered_id (OdImportWindow *self,
               const char     *header)
{
  return g_strdup_printf ("%s\x1f%s", entity_name (self), header);
}

static guint
choice_index (OdImportWindow *self,
              const char     *key)
{
  for (guint i = 0; key != NULL && i < self->column_keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->column_keys, i), key))
      return i;
  return G_MAXUINT;
}

static const char *
row_choice (OdImportWindow *self,
            AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < self->column_keys->len ? g_ptr_array_index (self->column_keys, selected) : "-";
}

static void
update_mapping (OdImportWindow *self)
{
  GString *mapping = g_string_new (NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);

      if (mapping->len > 0)
        g_string_append_c (mapping, ',');
      g_string_append_printf (mapping, "%s=%s",
                              (const char *) g_object_get_data (G_OBJECT (row), HEADER_DATA),
                              row_choice (self, row));
    }
  g_free (self->mapping);
  self->mapping = g_string_free (mapping, mapping->len == 0);
}

/* Remembers CHOICE for HEADER when it is not the automatic one, and
 * forgets it otherwise. */
static void
remember_choice (OdImportWindow *self,
                 const char     *header,
                 const char     *choice)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, MAPPINGS_KEY);
  g_autofree char *id = remembered_id (self, header);
  gboolean keep = !g_str_equal (choice, automatic_choice (self, header));
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (keep)
    g_variant_builder_add (&builder, "{ss}", id, choice);
  g_settings_set_value (self->settings, MAPPINGS_KEY, g_variant_builder_end (&builder));
}

static void check (OdImportWindow *self);

static void
on_column_changed_cb (AdwComboRow    *row,
                      GParamSpec     *pspec,
                      OdImportWindow *self)
{
  remember_choice (self, g_object_get_data (G_OBJECT (row), HEADER_DATA), row_choice (self, row));
  update_mapping (self);
  check (self);
}

static void
clear_columns (OdImportWindow *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->column_rows, i);

      g_signal_handlers_disconnect_by_func (row, on_column_changed_cb, self);
      adw_preferences_group_remove (self->columns_group, row);
    }
  g_ptr_array_set_size (self->column_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_clear_pointer (&self->mapping, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
}

static void
add_preview_cell (OdImportWindow *self,
                  const char     *text,
                  int             column,
                  int             row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CELL_CHARS);
  gtk_widget_set_tooltip_text (label, text);
  if (row == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->preview_grid, label, column, row, 1, 1);
}

/* Peeks the file: the preview and a combo per header. */
static void
load_columns (OdImportWindow *self)
{
  const OdEntity *entity = current_entity (self);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GVariant) remembered = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *used;
  OdImportOptions options;

  clear_columns (self);
  g_ptr_array_set_size (self->column_keys, 0);
  if (self->path == NULL || entity == NULL)
    return;

  read_options (self, &options);
  if (!od_import_peek (self->path, &options, &headers, &rows, NULL))
    return;   /* the check says why */

  for (guint c = 0; c < headers->len; c++)
    add_preview_cell (self, g_ptr_array_index (headers, c), c, 0);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        add_preview_cell (self, cells[c], c, r + 1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), headers->len > 0);

  gtk_string_list_append (labels, _("Ignore this column"));
  g_ptr_array_add (self->column_keys, (gpointer) "-");
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].input != OD_INPUT_READ_ONLY)
      {
        gtk_string_list_append (labels, _(entity->fields[i].label));
        g_ptr_array_add (self->column_keys, (gpointer) entity->fields[i].key);
      }

  remembered = g_settings_get_value (self->settings, MAPPINGS_KEY);
  used = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint c = 0; c < headers->len; c++)
    {
      const char *header = g_ptr_array_index (headers, c);
      g_autofree char *id = NULL;
      g_autofree char *position = NULL;
      const char *choice = NULL;
      guint index;
      GtkWidget *row;

      /* A mapping names a column by its header: one combo per header, and
       * none for a header a mapping cannot name. */
      if (header[0] == '\0' || strchr (header, ',') != NULL || strstr (header, "，") != NULL
          || g_hash_table_contains (seen, header))
        continue;
      g_hash_table_add (seen, (gpointer) header);

      id = remembered_id (self, header);
      if (!g_variant_lookup (remembered, id, "&s", &choice)
          || choice_index (self, choice) == G_MAXUINT)
        {
          choice = automatic_choice (self, header);
          /* Two headers for one column: the first wins, as without a mapping. */
          if (g_hash_table_contains (used, choice))
            choice = "-";
        }
      if (!g_str_equal (choice, "-"))
        g_hash_table_add (used, (gpointer) choice);
      index = choice_index (self, choice);

      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header);
      position = g_strdup_printf (_("Column %u"), c + 1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), position);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), index != G_MAXUINT ? index : 0);
      g_object_set_data_full (G_OBJECT (row), HEADER_DATA, g_strdup (header), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  g_hash_table_unref (used);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), self->column_rows->len > 0);
  update_mapping (self);
}

/* A dry run: exact counts and every problem, nothing written. */
static void
check (OdImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  OdImportOptions options;

  g_clear_pointer (&self->checked, od_import_result_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  if (self->path == NULL || self->db == NULL)
    return;

  read_options (self, &options);
  options.dry_run = TRUE;
  self->checked = od_import_file (self->db, entity_name (self), self->path, &options, &error);
  if (self->checked == NULL)
    {
      show_file_error (self, error);
      return;
    }
  show_result (self, self->checked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            od_import_window_can_import (self));
}

/* A workbook with several sheets asks which one to read. */
static void
fill_sheets (OdImportWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(OdXlsxBook) book = NULL;
  g_autofree char *lower = g_ascii_strdown (self->path, -1);

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm"))
    book = od_xlsx_open (self->path, NULL);
  for (guint i = 0; book != NULL && i < od_xlsx_get_n_sheets (book); i++)
    gtk_string_list_append (names, od_xlsx_get_sheet_name (book, i));

  self->filling_sheets = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sheet_row, 0);
  self->filling_sheets = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row),
                          g_list_model_get_n_items (G_LIST_MODEL (names)) > 1);
}

/* --- callbacks --- */

static void
on_option_changed_cb (OdImportWindow *self)
{
  check (self);
}

/* The entity or the encoding: the columns and their choices change. */
static void
on_source_changed_cb (OdImportWindow *self)
{
  if (self->filling_sheets)
    return;
  load_columns (self);
  check (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        OdImportWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        od_import_window_set_file (self, path);
    }
  g_object_unref (native);
  g_object_unref (self);
}

/* --- actions --- */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdImportWindow *self = OD_IMPORT_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV, Excel)"));
  gtk_file_filter_add_pattern (sheets, "*.csv");
  gtk_file_filter_add_pattern (sheets, "*.CSV");
  gtk_file_filter_add_pattern (sheets, "*.txt");
  gtk_file_filter_add_pattern (sheets, "*.xlsx");
  gtk_file_filter_add_pattern (sheets, "*.XLSX");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  od_import_window_run (OD_IMPORT_WINDOW (widget));
}

/* --- overrides --- */

static void
od_import_window_dispose (GObject *object)
{
  OdImportWindow *self = OD_IMPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->checked, od_import_result_free);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_keys, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (od_import_window_parent_class)->dispose (object);
}

static void
od_import_window_class_init (OdImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_import_window_dispose;

  /* The summary of a finished import, for a toast, and its audit entry
   * (OdImportResult.audit_id), for od_import_undo(). */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-import-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdImportWindow, name)
  BIND (import_button);
  BIND (file_row);
  BIND (entity_row);
  BIND (match_row);
  BIND (encoding_row);
  BIND (sheet_row);
  BIND (valid_only_switch);
  BIND (result_group);
  BIND (summary_row);
  BIND (problems_group);
  BIND (problems_list);
  BIND (preview_group);
  BIND (preview_grid);
  BIND (columns_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed_cb);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_import_window_init (OdImportWindow *self)
{
  g_autoptr(GtkStringList) entity_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) match_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) encoding_names = gtk_string_list_new (NULL);
  const OdEntity *const *entities;
  guint n_entities;

  self->settings = g_settings_new (APP_ID);
  self->column_rows = g_ptr_array_new ();
  self->column_keys = g_ptr_array_new ();
  self->entities = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  entities = od_entity_list (&n_entities);
  for (guint i = 0; i < n_entities; i++)
    if (od_entity_can_import (entities[i]))
      {
        g_ptr_array_add (self->entities, (gpointer) entities[i]);
        gtk_string_list_append (entity_names, _(entities[i]->plural));
      }
  gtk_string_list_append (match_names, _("Update them"));
  gtk_string_list_append (match_names, _("Leave them as they are"));
  gtk_string_list_append (encoding_names, _("Detect automatically"));
  gtk_string_list_append (encoding_names, "UTF-8");
  gtk_string_list_append (encoding_names, _("GB18030 (GBK, Excel on Chinese Windows)"));
  adw_combo_row_set_model (self->entity_row, G_LIST_MODEL (entity_names));
  adw_combo_row_set_model (self->match_row, G_LIST_MODEL (match_names));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_names));
}

/* --- public API --- */

OdImportWindow *
od_import_window_new (GtkWindow *parent,
                      OdDb      *db)
{
  OdImportWindow *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  return self;
}

void
od_import_window_set_file (OdImportWindow *self,
                           const char     *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (OD_IS_IMPORT_WINDOW (self));

  g_free (self->path);
  self->path = g_strdup (path);
  name = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->file_row, name);
  fill_sheets (self);
  load_columns (self);
  check (self);
}

gboolean
od_import_window_can_import (OdImportWindow *self)
{
  g_return_val_if_fail (OD_IS_IMPORT_WINDOW (self), FALSE);

  if (self->checked == NULL || self->checked->n_rows == 0)
    return FALSE;
  if (self->checked->errors->len == 0)
    return TRUE;
  /* Left out on explicit choice only, and only when something is left to import. */
  return gtk_switch_get_active (self->valid_only_switch)
         && self->checked->n_inserted + self->checked->n_updated + self->checked->n_unchanged > 0;
}

/* Imports for real; closes the window and emits "imported" when done. */
gboolean
od_import_window_run (OdImportWindow *self)
{
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  OdImportOptions options;

  g_return_val_if_fail (OD_IS_IMPORT_WINDOW (self), FALSE);

  if (!od_import_window_can_import (self))
    return FALSE;
  read_options (self, &options);
  result = od_import_file (self->db, entity_name (self), self->path, &options, &error);
  if (result == NULL)
    {
      show_file_error (self, error);
      return FALSE;
    }
  if (!result->written)
    {
      show_result (self, result);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return FALSE;
    }
  /* Translators: after an import: rows added, updated, left unchanged */
  summary = g_strdup_printf (_("Imported: %u new, %u updated, %u unchanged"),
                             result->n_inserted, result->n_updated, result->n_unchanged);
  g_signal_emit (self, signals[IMPORTED], 0, summary, result->audit_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
