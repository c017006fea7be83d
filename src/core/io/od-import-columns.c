/* od-import-columns.c — the header row and the file's columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the header row of a sheet and maps its columns to the entity's keys,
 * automatically by header or by the user's mapping (od-import.h).
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-import-private.h"

/* Title rows above the header are common ("2017年社会组织名录"); the header
 * is looked for in this many non-blank rows. */
#define HEADER_SCAN_ROWS 10

/* --- columns --- */

/* The entity column a header maps to without a mapping step, or NULL. */
static const OdEntityField *
auto_column (const OdEntity *entity,
             const char           *normalized)
{
  g_autofree char *stripped = NULL;

  if (normalized[0] == '\0')
    return NULL;

  for (int pass = 0; pass < 2; pass++)
    {
      const char *wanted = pass == 0 ? normalized : stripped;

      if (wanted == NULL)
        break;
      for (guint i = 0; i < entity->n_fields; i++)
        {
          const OdEntityField *column = &entity->fields[i];

          if (g_str_equal (wanted, column->key))
            return column;
          for (guint h = 0; column->headers != NULL && column->headers[h] != NULL; h++)
            {
              g_autofree char *header = _od_import_normalize_header (column->headers[h]);

              if (g_str_equal (wanted, header))
                return column;
            }
        }
      stripped = _od_import_strip_parenthesized (normalized);
    }
  return NULL;
}

typedef struct
{
  char                 *header;      /* normalized */
  char                 *shown;       /* as typed */
  const OdEntityField *column;      /* NULL: ignore the column */
} MapEntry;

void
_od_import_map_entry_free (gpointer data)
{
  MapEntry *entry = data;

  g_free (entry->header);
  g_free (entry->shown);
  g_free (entry);
}

static char *
entity_keys (const OdEntity *entity)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].input != OD_INPUT_READ_ONLY)
      g_ptr_array_add (keys, g_strdup (entity->fields[i].key));
  return od_text_join_list (keys);
}

/* "表头=key,表头=key" ("，" and "＝" too; "表头=-" ignores a column). */
GPtrArray *
_od_import_parse_mapping (const OdEntity  *entity,
                          const char            *mapping,
                          GError               **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (_od_import_map_entry_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;

  if (mapping == NULL)
    return g_steal_pointer (&entries);

  folded = od_text_fold_width (mapping);
  items = g_strsplit (folded, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      char *equals = strrchr (item, '=');
      g_autofree char *key = NULL;
      MapEntry *entry;

      if (item[0] == '\0')
        continue;
      if (equals == NULL || equals == item)
        {
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: %s is a part of the mapping option; keep 表头=key */
                       _("“%s” is not a mapping. Write each as 表头=key, separated by commas."),
                       item);
          return NULL;
        }
      *equals = '\0';
      key = g_strstrip (g_strdup (equals + 1));
      entry = g_new0 (MapEntry, 1);
      entry->header = _od_import_normalize_header (item);
      entry->shown = g_strstrip (g_strdup (item));
      g_ptr_array_add (entries, entry);
      if (key[0] == '\0' || g_str_equal (key, "-"))
        continue;
      entry->column = _od_import_find_column (entity, key);
      if (entry->column == NULL || entry->column->input == OD_INPUT_READ_ONLY)
        {
          g_autofree char *keys = entity_keys (entity);

          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: the first %s is what was typed, the second a list of
                        * keys such as name, credit_code */
                       _("“%s” is not a column of OrgDesk. Map to one of: %s; or “-” to "
                         "leave a column out."), key, keys);
          return NULL;
        }
      for (guint j = 0; j + 1 < entries->len; j++)
        {
          MapEntry *other = g_ptr_array_index (entries, j);

          if (other->column == entry->column)
            {
              g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                           /* Translators: %s is a key such as name */
                           _("Two columns are mapped to “%s”. Map only one."), key);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&entries);
}

static MapEntry *
find_map_entry (GPtrArray  *mapping,
                const char *normalized)
{
  for (guint i = 0; i < mapping->len; i++)
    {
      MapEntry *entry = g_ptr_array_index (mapping, i);

      if (g_str_equal (entry->header, normalized))
        return entry;
    }
  return NULL;
}

/* The entity column of file column COLUMN of ROW: mapped, else automatic. */
const OdEntityField *
_od_import_column_of_cell (Import    *imp,
                           GPtrArray *mapping,
                           guint      row,
                           guint      column,
                           gboolean  *mapped)
{
  g_autofree char *normalized = _od_import_normalize_header (_od_import_sheet_cell (&imp->sheet, row, column));
  MapEntry *entry = find_map_entry (mapping, normalized);

  *mapped = entry != NULL;
  if (entry != NULL)
    return entry->column;
  return auto_column (imp->entity, normalized);
}

/* Whether ROW has a column for every required key. */
static gboolean
row_has_required (Import    *imp,
                  GPtrArray *mapping,
                  guint      row)
{
  for (guint i = 0; i < imp->entity->n_fields; i++)
    {
      const OdEntityField *required = &imp->entity->fields[i];
      gboolean found = FALSE;

      if (!required->required)
        continue;
      for (guint c = 0; c < _od_import_sheet_n_fields (&imp->sheet, row) && !found; c++)
        {
          gboolean mapped;

          found = _od_import_column_of_cell (imp, mapping, row, c, &mapped) == required;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

gboolean
_od_import_row_is_blank (Import *imp,
                         guint   row)
{
  for (guint c = 0; c < _od_import_sheet_n_fields (&imp->sheet, row); c++)
    {
      g_autofree char *text = _od_import_clean_cell (_od_import_sheet_cell (&imp->sheet, row, c));

      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The header row of imp->entity: the first of the first HEADER_SCAN_ROWS
 * non-blank rows with a column for every required key, so that title rows
 * above the table are passed over; *FOUND says whether one has them.
 * Without one, the first non-blank row (0 when there is none), which
 * messages then show. The import and its preview (od_import_peek ()) both
 * use it, so the preview shows the headers the import will read. */
guint
_od_import_find_header_row (Import    *imp,
                            GPtrArray *mapping,
                            gboolean  *found)
{
  guint n_rows = _od_import_sheet_n_rows (&imp->sheet);
  guint first = G_MAXUINT;

  *found = FALSE;
  for (guint row = 0, n_seen = 0; row < n_rows && n_seen < HEADER_SCAN_ROWS; row++)
    {
      if (_od_import_row_is_blank (imp, row))
        continue;
      n_seen++;
      if (first == G_MAXUINT)
        first = row;
      if (row_has_required (imp, mapping, row))
        {
          *found = TRUE;
          return row;
        }
    }
  return first != G_MAXUINT ? first : 0;
}

/* Refuses a mapping that names a header the header row does not have: a
 * typing mistake would otherwise leave the column out silently. */
static gboolean
check_mapping_used (Import      *imp,
                    GPtrArray   *mapping,
                    guint        header,
                    const char  *name,
                    GError     **error)
{
  for (guint i = 0; i < mapping->len; i++)
    {
      MapEntry *entry = g_ptr_array_index (mapping, i);
      gboolean present = FALSE;

      for (guint c = 0; c < _od_import_sheet_n_fields (&imp->sheet, header) && !present; c++)
        {
          g_autofree char *normalized = _od_import_normalize_header (_od_import_sheet_cell (&imp->sheet, header, c));

          present = g_str_equal (normalized, entry->header);
        }
      if (!present)
        {
          g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *listed = NULL;

          for (guint c = 0; c < imp->n_file_columns; c++)
            if (((char *) g_ptr_array_index (imp->headers, c))[0] != '\0')
              g_ptr_array_add (headers, g_strdup (g_ptr_array_index (imp->headers, c)));
          listed = od_text_join_list (headers);
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: the first %s is a header named in the mapping, the
                        * second a file name, the third the headers of that file */
                       _("The mapping names the column “%s”, which %s does not have. Its "
                         "headers are: %s."), entry->shown, name, listed);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_od_import_map_columns (Import      *imp,
                        GError     **error)
{
  const OdEntity *entity = imp->entity;
  g_autoptr(GPtrArray) mapping = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  guint header;
  gboolean found = FALSE;
  g_autofree char *name = g_filename_display_basename (imp->result->path);

  mapping = _od_import_parse_mapping (entity, imp->options->mapping, error);
  if (mapping == NULL)
    return FALSE;

  header = _od_import_find_header_row (imp, mapping, &found);
  imp->header_index = header;
  imp->result->header_row = _od_import_sheet_row_number (&imp->sheet, header);
  imp->n_file_columns = _od_import_sheet_n_fields (&imp->sheet, header);
  imp->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < imp->n_file_columns; c++)
    g_ptr_array_add (imp->headers, _od_import_display_header (_od_import_sheet_cell (&imp->sheet, header, c)));

  if (!found && !check_mapping_used (imp, mapping, header, name, error))
    return FALSE;
  if (!found)
    {
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *missing_text = NULL;
      g_autofree char *present_text = NULL;

      for (guint i = 0; i < entity->n_fields; i++)
        {
          const OdEntityField *column = &entity->fields[i];
          g_autoptr(GPtrArray) names = NULL;
          g_autofree char *listed = NULL;

          if (!column->required)
            continue;
          names = g_ptr_array_new_with_free_func (g_free);
          for (guint h = 0; column->headers != NULL && column->headers[h] != NULL; h++)
            g_ptr_array_add (names, g_strdup (column->headers[h]));
          g_ptr_array_add (names, g_strdup (column->key));
          listed = od_text_join_list (names);
          g_ptr_array_add (missing, g_strdup_printf ("“%s” (%s)", column->key, listed));
        }
      for (guint c = 0; c < imp->n_file_columns; c++)
        if (((char *) g_ptr_array_index (imp->headers, c))[0] != '\0')
          g_ptr_array_add (present, g_strdup (g_ptr_array_index (imp->headers, c)));
      missing_text = od_text_join_list (missing);
      present_text = od_text_join_list (present);
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_NO_COLUMN,
                   /* Translators: the first %s is a file name, the second the missing
                    * column(s) with the headers accepted for them, the third the headers
                    * found in the file; keep 表头=key */
                   _("%s: no column gives %s. The headers found are: %s. Rename the header "
                     "in the file, or map it (表头=key)."),
                   name, missing_text, present_text);
      return FALSE;
    }

  if (header > 0)
    _od_import_add_notice (imp, g_strdup_printf (ngettext ("The header is row %u; the row above it was "
                                                "skipped.",
                                                "The header is row %u; the rows above it were "
                                                "skipped.", header),
                                      imp->result->header_row));

  imp->file_column = g_new (int, entity->n_fields);
  for (guint i = 0; i < entity->n_fields; i++)
    imp->file_column[i] = -1;

  /* Mapped columns first, so that they win over automatic ones. */
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < imp->n_file_columns; c++)
      {
        const char *shown = g_ptr_array_index (imp->headers, c);
        gboolean mapped;
        const OdEntityField *column = _od_import_column_of_cell (imp, mapping, header, c, &mapped);
        guint index;

        if (mapped != (pass == 0))
          continue;
        if (column == NULL)
          {
            if (!mapped && shown[0] != '\0')
              g_ptr_array_add (unknown, g_strdup_printf ("“%s”", shown));
            continue;
          }
        index = _od_import_column_index (entity, column);
        if (imp->file_column[index] >= 0)
          {
            const char *first = g_ptr_array_index (imp->headers, imp->file_column[index]);

            _od_import_add_notice (imp, g_strdup_printf (/* Translators: the first %s is a header, the
                                               * second a key such as phone, the third the
                                               * header of the column that is read instead */
                                              _("The column “%s” is not imported: it gives %s "
                                                "too, which is read from “%s”."),
                                              shown, column->key, first));
            continue;
          }
        imp->file_column[index] = (int) c;
      }

  if (!check_mapping_used (imp, mapping, header, name, error))
    return FALSE;

  if (unknown->len > 0)
    {
      g_autofree char *listed = od_text_join_list (unknown);

      _od_import_add_notice (imp, g_strdup_printf (ngettext ("This column is not imported: %s. Map it "
                                                  "(表头=key) if it should be.",
                                                  "These columns are not imported: %s. Map "
                                                  "them (表头=key) if they should be.",
                                                  unknown->len), listed));
    }

  for (guint c = 0; c < imp->n_file_columns; c++)
    {
      const char *key = "";

      for (guint i = 0; i < entity->n_fields; i++)
        if (imp->file_column[i] == (int) c)
          key = entity->fields[i].key;
      g_ptr_array_add (imp->result->columns, g_strdup (key));
    }
  return TRUE;
}

/* --- public API --- */

/**
 * od_import_match_header:
 * @entity: an entity
 * @header: a header as written in a file
 *
 * Returns: (nullable): the key @header is read as without a mapping step
 */
const char *
od_import_match_header (const OdEntity *entity,
                        const char           *header)
{
  g_autofree char *normalized = NULL;
  const OdEntityField *column;

  g_return_val_if_fail (entity != NULL, NULL);

  normalized = _od_import_normalize_header (header);
  column = auto_column (entity, normalized);
  return column != NULL ? column->key : NULL;
}
