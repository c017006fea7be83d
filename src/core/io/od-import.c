/* od-import.c — spreadsheets (CSV, XLSX) into the registry, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The design is described in od-import.h. In short: read the file into rows
 * of text, find the header row and map its columns to the entity's keys,
 * then make two passes over the rows. The first converts and checks every
 * row without writing anything and keeps only a plan (insert / update /
 * skip, and the matched id) per row, so 100,000 rows cost the table and a
 * few bytes each. The second, inside one transaction, converts each
 * planned row again and saves it through the store.
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-audit.h"
#include "od-import.h"
#include "od-import-private.h"
#include "od-json.h"
#include "od-money.h"
#include "od-points.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"
#include "od-xlsx-reader.h"

/* Rows under the header that od_import_peek() gives. */
#define PEEK_ROWS 5

G_DEFINE_QUARK (od-import-error-quark, od_import_error)

/* --- the state of one import (Import and its parts: od-import-private.h) --- */

typedef struct
{
  Import   *imp;
  gboolean  completed;
} WriteData;

/* --- helpers: the sheet --- */

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->csv, od_csv_table_free);
  g_clear_pointer (&sheet->xlsx, od_xlsx_sheet_free);
}

guint
_od_import_sheet_n_rows (const Sheet *sheet)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_n_rows (sheet->csv);
  return od_xlsx_sheet_get_n_rows (sheet->xlsx);
}

guint
_od_import_sheet_n_fields (const Sheet *sheet,
                           guint        row)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_n_fields (sheet->csv, row);
  return od_xlsx_sheet_get_n_fields (sheet->xlsx, row);
}

const char *
_od_import_sheet_cell (const Sheet *sheet,
                       guint        row,
                       guint        column)
{
  if (sheet->csv != NULL)
    {
      if (column >= od_csv_table_get_n_fields (sheet->csv, row))
        return "";
      return od_csv_table_get_row (sheet->csv, row)[column];
    }
  return od_xlsx_sheet_get_cell (sheet->xlsx, row, column);
}

/* The row number the user sees. */
guint
_od_import_sheet_row_number (const Sheet *sheet,
                             guint        row)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_line (sheet->csv, row);
  return od_xlsx_sheet_get_row_number (sheet->xlsx, row);
}

/* --- helpers: problems --- */

static OdImportProblem *
problem_new (guint       row,
             const char *column,
             const char *value,
             char       *message)
{
  OdImportProblem *problem = g_new0 (OdImportProblem, 1);

  problem->row = row;
  problem->column = g_strdup (column != NULL ? column : "");
  problem->value = g_strdup (value);
  problem->message = message;
  return problem;
}

void
_od_import_add_notice (Import *imp,
                       char   *message)
{
  g_ptr_array_add (imp->result->notices, message);
}

/* The header of entity column COLUMN in the file, or its key. */
static const char *
column_header (Import               *imp,
               const OdEntityField *column)
{
  guint i = (guint) (column - imp->entity->fields);

  if (imp->file_column[i] >= 0)
    return g_ptr_array_index (imp->headers, imp->file_column[i]);
  return column->key;
}

/* The value shown for a cell: ID numbers masked (DESIGN.md §2). */
static char *
shown_value (const OdEntityField *column,
             const char           *raw)
{
  if (raw == NULL)
    return NULL;
  if (column != NULL && (column->kind == OD_FIELD_ID_NUMBER))
    {
      g_autofree char *clean = _od_import_clean_cell (raw);

      return od_id_number_mask (clean);
    }
  return _od_import_clean_cell (raw);
}

static void
add_cell_problem (GPtrArray            *problems,
                  Import               *imp,
                  guint                 row,
                  const OdEntityField *column,
                  const char           *raw,
                  char                 *message)
{
  g_autofree char *value = shown_value (column, raw);

  g_ptr_array_add (problems, problem_new (row, column != NULL ? column_header (imp, column) : "",
                                          value, message));
}

/* The entity column a store problem is about: by key or by member name. */
static const OdEntityField *
column_for_field (const OdEntity *entity,
                  const char           *field)
{
  if (field == NULL || field[0] == '\0')
    return NULL;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *column = &entity->fields[i];

      if (g_str_equal (column->key, field) || g_strcmp0 (column->member, field) == 0)
        return column;
    }
  return NULL;
}

const OdEntityField *
_od_import_find_column (const OdEntity *entity,
                        const char           *key)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].key, key))
      return &entity->fields[i];
  return NULL;
}

guint
_od_import_column_index (const OdEntity *entity,
                         const OdEntityField *column)
{
  return (guint) (column - entity->fields);
}

/* --- reading the file --- */

typedef enum
{
  FORMAT_CSV,
  FORMAT_XLSX,
} Format;

/* The file's format, from its extension and first bytes: some web systems
 * write tab-separated text or an HTML table under the name .xls. */
static gboolean
detect_format (Import      *imp,
               const char  *path,
               Format      *format,
               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  guchar head[8] = { 0 };
  gsize n = 0;
  FILE *file;
  gboolean zip, ole, html;
  g_autofree char *name = g_filename_display_basename (path);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("“%s” cannot be opened: %s. Check the file name."), name,
                   g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (head, 1, sizeof head, file);
  fclose (file);

  zip = n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0;
  ole = n >= 8 && memcmp (head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
  html = n >= 1 && (head[0] == '<'
                    || (n >= 4 && memcmp (head, "\xEF\xBB\xBF<", 4) == 0));

  if (g_str_has_suffix (lower, ".ods"))
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is an OpenDocument spreadsheet. Open it and save it as an Excel "
                     "workbook (.xlsx) or as CSV, then import that file."), name);
      return FALSE;
    }
  if (ole)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is an old Excel 97–2003 workbook (.xls). Open it in Excel or WPS "
                     "and save it as an Excel workbook (.xlsx), then import that file."), name);
      return FALSE;
    }
  if (zip)
    {
      *format = FORMAT_XLSX;
      return TRUE;
    }
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
      || (g_str_has_suffix (lower, ".xls") && html))
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is not an Excel workbook (it may be a web page saved under that "
                     "name). Open it in Excel or WPS and save it as an Excel workbook (.xlsx), "
                     "then import that file."), name);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".xls"))
    _od_import_add_notice (imp, g_strdup_printf (_("“%s” is text, not an Excel workbook: it was read as "
                                        "CSV."), name));
  *format = FORMAT_CSV;
  return TRUE;
}

static gboolean
read_sheet (Import      *imp,
            const char  *path,
            GError     **error)
{
  Format format = FORMAT_CSV;

  if (!detect_format (imp, path, &format, error))
    return FALSE;

  if (format == FORMAT_CSV)
    {
      OdCsvEncoding found;

      if (imp->options->sheet > 1)
        {
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       _("A CSV file has only one sheet; leave out the sheet number."));
          return FALSE;
        }
      imp->sheet.csv = od_csv_read_file (path, imp->options->encoding, error);
      if (imp->sheet.csv == NULL)
        {
          /* The CSV reader's messages say what and where, not which file. */
          if (error != NULL && *error != NULL && (*error)->domain == OD_CSV_ERROR)
            g_prefix_error (error, "%s: ", imp->result->path);
          return FALSE;
        }
      found = od_csv_table_get_encoding (imp->sheet.csv);
      if (imp->options->encoding == OD_CSV_ENCODING_AUTO && found == OD_CSV_ENCODING_GB18030)
        _od_import_add_notice (imp, g_strdup (_("The file was read as GB18030 (GBK), the encoding of "
                                     "Excel's CSV files on Chinese Windows.")));
      else if (found == OD_CSV_ENCODING_UTF16LE || found == OD_CSV_ENCODING_UTF16BE)
        _od_import_add_notice (imp, g_strdup (_("The file was read as UTF-16 (Excel's “Unicode "
                                     "text”).")));
    }
  else
    {
      g_autoptr(OdXlsxBook) book = od_xlsx_open (path, error);
      guint n_sheets, index;

      if (book == NULL)
        return FALSE;
      n_sheets = od_xlsx_get_n_sheets (book);
      index = imp->options->sheet > 0 ? imp->options->sheet - 1 : 0;
      if (index >= n_sheets)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *listed = NULL;

          for (guint i = 0; i < n_sheets; i++)
            g_ptr_array_add (names, g_strdup_printf ("%u “%s”", i + 1,
                                                     od_xlsx_get_sheet_name (book, i)));
          listed = od_text_join_list (names);
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: %u is a sheet number, %s the list of sheets */
                       _("The workbook has no sheet %u. Its sheets are: %s."),
                       imp->options->sheet, listed);
          return FALSE;
        }
      /* Columns past OD_XLSX_IMPORT_MAX_COLUMNS are never read: a cell in
       * XFD on every row would otherwise cost 16,384 cells a row. */
      imp->sheet.xlsx = od_xlsx_read_sheet_sparse (book, index, OD_XLSX_IMPORT_MAX_COLUMNS,
                                                   error);
      if (imp->sheet.xlsx == NULL)
        return FALSE;
      if (n_sheets > 1)
        _od_import_add_notice (imp, g_strdup_printf (_("Sheet %u “%s” was read; the workbook has %u "
                                            "sheets."), index + 1,
                                          od_xlsx_get_sheet_name (book, index), n_sheets));
    }

  if (_od_import_sheet_n_rows (&imp->sheet) == 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_NO_COLUMN,
                   /* Translators: %s is a file name */
                   _("“%s” has no rows. Choose the file (or sheet) with the list."), name);
      return FALSE;
    }
  return TRUE;
}

/* --- rows: reading values --- */

static void
values_clear (Import *imp,
              Value  *values)
{
  for (guint i = 0; i < imp->entity->n_fields; i++)
    g_clear_pointer (&values[i].text, g_free);
  memset (values, 0, sizeof (Value) * imp->entity->n_fields);
}

/* Whether the mapped cells of ROW are all blank: a row numbered in a 序号
 * column and left empty is no record. */
static gboolean
row_is_empty (Import *imp,
              guint   row)
{
  for (guint i = 0; i < imp->entity->n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (imp->file_column[i] < 0 || imp->entity->fields[i].input == OD_INPUT_READ_ONLY)
        continue;
      text = _od_import_clean_cell (_od_import_sheet_cell (&imp->sheet, row, (guint) imp->file_column[i]));
      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
lookup_result_free (gpointer data)
{
  LookupResult *found = data;

  g_free (found->problem);
  g_free (found);
}

/* What COLUMN's lookup gives for TEXT, asked once per text and import;
 * NULL on a database failure. */
static const LookupResult *
lookup_cell (Import              *imp,
             const OdEntityField *column,
             const char          *text,
             GError             **error)
{
  guint index = _od_import_column_index (imp->entity, column);
  LookupResult *found;

  if (imp->lookups[index] == NULL)
    imp->lookups[index] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 lookup_result_free);
  found = g_hash_table_lookup (imp->lookups[index], text);
  if (found != NULL)
    return found;

  found = g_new0 (LookupResult, 1);
  if (!column->lookup (imp->db, text, &found->id, &found->problem, error))
    {
      lookup_result_free (found);
      return NULL;
    }
  if (found->id == 0 && found->problem == NULL)
    /* Translators: %s is a cell's text */
    found->problem = g_strdup_printf (_("“%s” was not found."), text);
  g_hash_table_insert (imp->lookups[index], g_strdup (text), found);
  return found;
}

/* Reads the cells of ROW into VALUES; what cannot be read goes to PROBLEMS
 * (not given then). FALSE on a database failure. */
static gboolean
read_values (Import     *imp,
             guint       row,
             Value      *values,
             GPtrArray  *problems,
             GError    **error)
{
  guint row_number = _od_import_sheet_row_number (&imp->sheet, row);

  for (guint i = 0; i < imp->entity->n_fields; i++)
    {
      const OdEntityField *column = &imp->entity->fields[i];
      Value *value = &values[i];
      g_autofree char *clean = NULL;
      g_autofree char *folded = NULL;

      if (imp->file_column[i] < 0 || column->input == OD_INPUT_READ_ONLY)
        continue;
      value->raw = _od_import_sheet_cell (&imp->sheet, row, (guint) imp->file_column[i]);
      clean = _od_import_clean_cell (value->raw);
      if (clean[0] == '\0')
        continue;
      folded = od_text_fold_width (clean);

      switch (column->input)
        {
        case OD_INPUT_TEXT:
        case OD_INPUT_UUID:
          value->text = g_steal_pointer (&clean);
          value->given = TRUE;
          break;

        case OD_INPUT_PHONE:
          value->text = g_steal_pointer (&folded);
          value->given = TRUE;
          break;

        case OD_INPUT_MOBILE:
          value->text = _od_import_clean_mobile (folded);
          value->given = TRUE;
          break;

        case OD_INPUT_CODE:
          /* An export without full ID numbers masks them: not given. */
          if ((column->kind == OD_FIELD_ID_NUMBER) && strchr (folded, '*') != NULL)
            {
              imp->n_masked++;
              break;
            }
          value->text = _od_import_normalize_code (folded);
          value->given = value->text[0] != '\0';
          break;

        case OD_INPUT_DATE:
          value->text = _od_import_parse_date (folded);
          if (value->text == NULL)
            add_cell_problem (problems, imp, row_number, column, value->raw,
                              /* Translators: %s is a cell's text */
                              g_strdup_printf (_("“%s” is not a date. Write it as 2017-10-19, "
                                                 "2017/10/19, 2017.10.19 or 2017年10月19日."),
                                               clean));
          value->given = value->text != NULL;
          break;

        case OD_INPUT_COUNT:
          value->given = _od_import_parse_count (folded, &value->number);
          if (!value->given)
            add_cell_problem (problems, imp, row_number, column, value->raw,
                              /* Translators: %s is a cell's text */
                              g_strdup_printf (_("“%s” is not a whole number. Write digits "
                                                 "only, e.g. 3."), clean));
          break;

        case OD_INPUT_POINTS:
          value->given = od_points_parse (folded, &value->number);
          if (!value->given)
            add_cell_problem (problems, imp, row_number, column, value->raw,
                              /* Translators: %s is a cell's text */
                              g_strdup_printf (_("“%s” is not a number of points. Write it "
                                                 "with at most one decimal, e.g. 27.5 or 30."),
                                               clean));
          break;

        case OD_INPUT_CHOICE:
          {
            const char *key = _od_import_match_choice (column->choices, clean);

            if (key == NULL)
              {
                g_autofree char *choices = _od_import_choices_text (column->choices);

                add_cell_problem (problems, imp, row_number, column, value->raw,
                                  /* Translators: the first %s is a cell's text, the second
                                   * the allowed values */
                                  g_strdup_printf (_("“%s” is not one of the values of this "
                                                     "column: %s."), clean, choices));
                break;
              }
            value->text = g_strdup (key);
            value->given = TRUE;
          }
          break;

        case OD_INPUT_MONEY:
          {
            g_autoptr(GError) money_error = NULL;

            value->given = od_money_parse (folded, &value->number, &money_error);
            if (!value->given)
              add_cell_problem (problems, imp, row_number, column, value->raw,
                                /* Translators: %s is a cell's text */
                                g_strdup_printf (_("“%s” is not an amount of money. Write it as "
                                                   "35000, 35,000.50 or 3.5万."), clean));
          }
          break;

        case OD_INPUT_LOOKUP:
          {
            const LookupResult *found = lookup_cell (imp, column, clean, error);

            if (found == NULL)
              return FALSE;
            value->number = found->id;
            value->given = found->id != 0;
            if (!value->given)
              add_cell_problem (problems, imp, row_number, column, value->raw,
                                g_strdup (found->problem));
          }
          break;

        case OD_INPUT_READ_ONLY:
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* Writes the given VALUES into RECORD; the uuid only into a new record. */
static void
apply_values (Import   *imp,
              Value    *values,
              gpointer  record,
              gboolean  is_new)
{
  for (guint i = 0; i < imp->entity->n_fields; i++)
    {
      const OdEntityField *column = &imp->entity->fields[i];
      const Value *value = &values[i];

      if (!value->given || (column->input == OD_INPUT_UUID && !is_new))
        continue;

      switch (column->kind)
        {
        case OD_FIELD_TEXT:
        case OD_FIELD_NULLABLE:
        case OD_FIELD_ID_NUMBER:
          g_free (G_STRUCT_MEMBER (char *, record, column->offset));
          G_STRUCT_MEMBER (char *, record, column->offset) = g_strdup (value->text);
          break;
        case OD_FIELD_INT:
        case OD_FIELD_MONEY:
        case OD_FIELD_REF:
          G_STRUCT_MEMBER (gint64, record, column->offset) = value->number;
          break;
        case OD_FIELD_ENUM:
          G_STRUCT_MEMBER (int, record, column->offset) = column->enum_from_key (value->text);
          break;
        case OD_FIELD_NONE:
        default:
          break;
        }
    }
}

/* --- rows: matching --- */

/* The values of MATCH's keys joined, or NULL when one is not given. */
static char *
match_values (Import              *imp,
              const OdEntityMatch *match,
              Value               *values,
              const char          *texts[2])
{
  GString *joined = g_string_new (NULL);

  texts[0] = texts[1] = NULL;
  for (guint k = 0; match->keys[k] != NULL && k < 2; k++)
    {
      const OdEntityField *column = _od_import_find_column (imp->entity, match->keys[k]);
      const Value *value = &values[_od_import_column_index (imp->entity, column)];

      if (!value->given || value->text == NULL)
        {
          g_string_free (joined, TRUE);
          return NULL;
        }
      texts[k] = value->text;
      if (k > 0)
        g_string_append_c (joined, '\x1f');
      g_string_append (joined, value->text);
    }
  return g_string_free (joined, FALSE);
}

/* The existing record of the row, or 0. A uuid of a record in the trash
 * sets *IN_TRASH. */
static gboolean
find_match (Import               *imp,
            Value                *values,
            gint64               *match_id,
            const OdEntityMatch **matched_by,
            gboolean             *in_trash,
            GError              **error)
{
  *match_id = 0;
  *matched_by = NULL;
  *in_trash = FALSE;

  for (guint m = 0; m < imp->entity->n_matches; m++)
    {
      const OdEntityMatch *match = &imp->entity->matches[m];
      const char *texts[2];
      g_autofree char *joined = match_values (imp, match, values, texts);
      g_autoptr(OdStmt) stmt = NULL;

      if (joined == NULL)
        continue;
      stmt = od_db_prepare (imp->db, match->sql, error);
      if (stmt == NULL || !od_stmt_bind_text (stmt, 1, texts[0], error)
          || (texts[1] != NULL && !od_stmt_bind_text (stmt, 2, texts[1], error)))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          if (match->is_uuid && od_stmt_get_int64 (stmt, 1) != 0)
            {
              *in_trash = TRUE;
              *matched_by = match;
              return TRUE;
            }
          *match_id = od_stmt_get_int64 (stmt, 0);
          *matched_by = match;
          return TRUE;
        case OD_STEP_DONE:
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static const OdEntityField *
match_column (Import              *imp,
              const OdEntityMatch *match)
{
  /* name + mobile: reported at the mobile number, the part that tells
   * two people of the same name apart. */
  guint last = match->keys[1] != NULL ? 1 : 0;

  return _od_import_find_column (imp->entity, match->keys[last]);
}

/* --- rows: checking --- */

typedef struct
{
  GHashTable **seen;          /* per match: joined values → first row number */
  GHashTable  *matched;       /* existing id → first row number */
} Seen;

/* Rows of the file that repeat an earlier one. */
static void
check_repeats (Import    *imp,
               Seen      *seen,
               guint      row_number,
               Value     *values,
               GPtrArray *problems)
{
  for (guint m = 0; m < imp->entity->n_matches; m++)
    {
      const OdEntityMatch *match = &imp->entity->matches[m];
      const OdEntityField *column = match_column (imp, match);
      const char *texts[2];
      g_autofree char *joined = match_values (imp, match, values, texts);
      gpointer first;

      if (joined == NULL)
        continue;
      first = g_hash_table_lookup (seen->seen[m], joined);
      if (first != NULL)
        {
          const Value *value = &values[_od_import_column_index (imp->entity, column)];

          add_cell_problem (problems, imp, row_number, column, value->raw,
                            /* Translators: the first %s is what is the same (“credit code”,
                             * “name”), %u a row number of the file, the second %s is a
                             * record noun (“organization”) */
                            g_strdup_printf (_("Same %s as row %u. Each %s may appear only "
                                               "once in the file: merge the two rows or "
                                               "delete one."),
                                             _(match->what), GPOINTER_TO_UINT (first),
                                             _(imp->entity->noun)));
        }
      else
        g_hash_table_insert (seen->seen[m], g_steal_pointer (&joined),
                             GUINT_TO_POINTER (row_number));
    }
}

/* The position of a problem's column in the file; after the last for a
 * column the file does not have. */
static guint
problem_position (Import                *imp,
                  const OdImportProblem *problem)
{
  for (guint c = 0; c < imp->n_file_columns; c++)
    if (g_strcmp0 (g_ptr_array_index (imp->headers, c), problem->column) == 0)
      return c;
  return imp->n_file_columns;
}

/* A row's problems left to right, as the user reads the row (stable: the
 * order found is kept within a cell). */
static int
compare_problems_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  guint pa = problem_position (user_data, *(OdImportProblem *const *) a);
  guint pb = problem_position (user_data, *(OdImportProblem *const *) b);

  return (pa > pb) - (pa < pb);
}

/* Store problems of RECORD as row errors and warnings. */
static void
add_store_problems (Import    *imp,
                    guint      row_number,
                    Value     *values,
                    GPtrArray *problems,
                    gboolean   is_new,
                    gpointer   record)
{
  const OdEntity *entity = imp->entity;
  g_autoptr(GPtrArray) found = entity->validate (imp->db, record);
  const OdEntityField *reason = entity->reason_key != NULL
                                 ? _od_import_find_column (entity, entity->reason_key) : NULL;
  gboolean has_reason_column = reason != NULL
                               && imp->file_column[_od_import_column_index (entity, reason)] >= 0;

  for (guint i = 0; i < found->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (found, i);
      const OdEntityField *column = column_for_field (entity, problem->field);
      const char *raw = column != NULL ? values[_od_import_column_index (entity, column)].raw : NULL;
      const char *header = column != NULL ? column_header (imp, column) : problem->field;
      gboolean in_file = column != NULL
                         && imp->file_column[_od_import_column_index (entity, column)] >= 0;
      g_autofree char *value = shown_value (column, raw);

      switch (problem->severity)
        {
        case OD_PROBLEM_ERROR:
          /* A cell that could not be read has its problem already; the
           * store finding the field missing says nothing more. */
          if (column != NULL && raw != NULL && raw[0] != '\0'
              && !values[_od_import_column_index (entity, column)].given)
            break;
          g_ptr_array_add (problems, problem_new (row_number, header, value,
                                                  g_strdup (problem->message)));
          break;

        case OD_PROBLEM_WARNING:
          /* DESIGN.md §2: a failing credit code is kept only with a reason,
           * which an import can take only from a column of its own. */
          if (entity->reason_field != NULL && g_strcmp0 (problem->field, entity->reason_field) == 0)
            {
              g_autofree char *reason_header = g_strdup (has_reason_column
                                                         ? column_header (imp, reason)
                                                         : "保留理由");

              g_ptr_array_add (problems,
                               problem_new (row_number, header, value,
                                            /* Translators: the first %s is the store's
                                             * message about the code, the second the
                                             * header of the reason column */
                                            g_strdup_printf (_("%s Correct the code, or give "
                                                               "the reason to keep it in a "
                                                               "column “%s”."),
                                                             problem->message,
                                                             reason_header)));
            }
          else if (is_new || in_file)
            g_ptr_array_add (imp->result->warnings,
                             problem_new (row_number, header, value,
                                          g_strdup (problem->message)));
          break;

        case OD_PROBLEM_HINT:
        default:
          break;
        }
    }
}

/* Checks every row, writing nothing; fills the plan and the result. */
static gboolean
check_rows (Import  *imp,
            GError **error)
{
  const OdEntity *entity = imp->entity;
  OdImportResult *result = imp->result;
  g_autofree Value *values = g_new0 (Value, entity->n_fields);
  Seen seen;
  gboolean ok = TRUE;

  seen.seen = g_new0 (GHashTable *, entity->n_matches);
  for (guint m = 0; m < entity->n_matches; m++)
    seen.seen[m] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint row = imp->header_index + 1; row < _od_import_sheet_n_rows (&imp->sheet) && ok; row++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
      guint row_number = _od_import_sheet_row_number (&imp->sheet, row);
      const OdEntityMatch *matched_by = NULL;
      gboolean in_trash = FALSE;
      Plan plan = { row, ACTION_INSERT, 0 };
      guint n_repeats;

      if (row_is_empty (imp, row))
        continue;
      result->n_rows++;

      values_clear (imp, values);
      if (!read_values (imp, row, values, problems, error)
          || !find_match (imp, values, &plan.match_id, &matched_by, &in_trash, error))
        {
          ok = FALSE;
          break;
        }

      if (plan.match_id != 0)
        plan.action = imp->options->on_match == OD_IMPORT_ON_MATCH_SKIP ? ACTION_SKIP
                                                                         : ACTION_UPDATE;
      /* A row that is left alone is not checked: only its repeats are. */
      if (plan.action == ACTION_SKIP)
        g_ptr_array_set_size (problems, 0);

      n_repeats = problems->len;
      check_repeats (imp, &seen, row_number, values, problems);
      n_repeats = problems->len - n_repeats;

      if (in_trash)
        {
          const OdEntityField *column = _od_import_find_column (entity, "uuid");

          add_cell_problem (problems, imp, row_number, column,
                            values[_od_import_column_index (entity, column)].raw,
                            /* Translators: %s is a record noun (“organization”) */
                            g_strdup_printf (_("This %s is in the trash. Restore it first, or "
                                               "clear the uuid cell to import the row as a new "
                                               "record."), _(entity->noun)));
        }
      else if (plan.match_id != 0)
        {
          gint64 *key = g_new (gint64, 1);
          gpointer first;

          *key = plan.match_id;
          first = g_hash_table_lookup (seen.matched, key);
          if (first != NULL && n_repeats > 0)
            g_free (key);
          else if (first != NULL)
            {
              const OdEntityField *column = match_column (imp, matched_by);

              g_free (key);
              add_cell_problem (problems, imp, row_number, column,
                                values[_od_import_column_index (entity, column)].raw,
                                /* Translators: the first %s is a record noun
                                 * (“organization”), %u a row number of the file */
                                g_strdup_printf (_("This row and row %u are the same existing "
                                                   "%s. Merge the two rows or delete one."),
                                                 GPOINTER_TO_UINT (first),
                                                 _(entity->noun)));
            }
          else
            g_hash_table_insert (seen.matched, key, GUINT_TO_POINTER (row_number));
        }

      if (plan.action != ACTION_SKIP && !in_trash)
        {
          gpointer record;

          if (plan.match_id != 0)
            {
              record = entity->record_load (imp->db, plan.match_id, error);
              if (record == NULL)
                {
                  ok = FALSE;
                  break;
                }
            }
          else
            record = entity->record_new ();
          apply_values (imp, values, record, plan.match_id == 0);
          add_store_problems (imp, row_number, values, problems, plan.match_id == 0, record);
          entity->record_free (record);
        }

      if (problems->len > 0)
        {
          g_ptr_array_sort_with_data (problems, compare_problems_cb, imp);
          result->n_error_rows++;
          for (guint i = 0; i < problems->len; i++)
            g_ptr_array_add (result->errors, g_steal_pointer (&problems->pdata[i]));
          continue;
        }

      switch (plan.action)
        {
        case ACTION_INSERT:
          result->n_inserted++;
          break;
        case ACTION_UPDATE:
          result->n_updated++;
          break;
        case ACTION_SKIP:
        default:
          result->n_skipped++;
          break;
        }
      if (plan.action != ACTION_SKIP)
        g_array_append_val (imp->plan, plan);
    }

  values_clear (imp, values);
  for (guint m = 0; m < entity->n_matches; m++)
    g_hash_table_unref (seen.seen[m]);
  g_free (seen.seen);
  g_hash_table_unref (seen.matched);

  if (ok && imp->n_masked > 0)
    _od_import_add_notice (imp, g_strdup_printf (ngettext ("%u ID number was masked (as an export "
                                                "without full ID numbers writes them) and was "
                                                "not imported.",
                                                "%u ID numbers were masked (as an export "
                                                "without full ID numbers writes them) and were "
                                                "not imported.", imp->n_masked),
                                      imp->n_masked));
  return ok;
}

/* --- writing --- */

void
_od_import_ids_json (OdJsonWriter *writer,
                     const char   *key,
                     GArray       *ids)
{
  od_json_begin_array (writer, key);
  for (guint i = 0; i < ids->len; i++)
    od_json_int (writer, NULL, g_array_index (ids, gint64, i));
  od_json_end_array (writer);
}

/* What the import changed in a record, as it was before: one member
 * "ID":{"key":old value,…} of the audit entry's "old", for od_import_undo(). */
static void
add_old_values (Import        *imp,
                gint64         id,
                gconstpointer  before,
                gconstpointer  after)
{
  const OdEntity *entity = imp->entity;
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *json = NULL;

  od_json_begin_object (writer, NULL);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *column = &entity->fields[i];
      gpointer b = (gpointer) before;
      gpointer a = (gpointer) after;

      if (column->input == OD_INPUT_UUID)
        continue;
      switch (column->kind)
        {
        case OD_FIELD_TEXT:
        case OD_FIELD_NULLABLE:
        case OD_FIELD_ID_NUMBER:
          {
            const char *old = G_STRUCT_MEMBER (const char *, b, column->offset);

            if (g_strcmp0 (old, G_STRUCT_MEMBER (const char *, a, column->offset)) == 0)
              break;
            if (old == NULL)
              od_json_null (writer, column->key);
            else
              od_json_string (writer, column->key, old);
          }
          break;
        case OD_FIELD_INT:
        case OD_FIELD_MONEY:
        case OD_FIELD_REF:
          if (G_STRUCT_MEMBER (gint64, b, column->offset)
              != G_STRUCT_MEMBER (gint64, a, column->offset))
            od_json_int (writer, column->key, G_STRUCT_MEMBER (gint64, b, column->offset));
          break;
        case OD_FIELD_ENUM:
          if (G_STRUCT_MEMBER (int, b, column->offset) != G_STRUCT_MEMBER (int, a, column->offset))
            od_json_string (writer, column->key,
                            column->enum_to_key (G_STRUCT_MEMBER (int, b, column->offset)));
          break;
        case OD_FIELD_NONE:
        default:
          break;
        }
    }
  od_json_end_object (writer);
  json = od_json_writer_finish (g_steal_pointer (&writer));

  if (imp->old_values->len > 0)
    g_string_append_c (imp->old_values, ',');
  g_string_append_printf (imp->old_values, "\"%" G_GINT64_FORMAT "\":%s", id, json);
}

static gboolean
write_audit (Import  *imp,
             GError **error)
{
  OdImportResult *result = imp->result;
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  od_json_begin_object (writer, NULL);
  od_json_string (writer, "file", imp->file_name);
  od_json_int (writer, "rows", result->n_rows);
  od_json_int (writer, "inserted_count", result->n_inserted);
  od_json_int (writer, "updated_count", result->n_updated);
  od_json_int (writer, "unchanged_count", result->n_unchanged);
  od_json_int (writer, "skipped_count", result->n_skipped);
  _od_import_ids_json (writer, "inserted", result->inserted_ids);
  _od_import_ids_json (writer, "updated", result->updated_ids);
  if (result->backup_path != NULL)
    od_json_string (writer, "backup", result->backup_path);
  od_json_end_object (writer);
  changes = od_json_writer_finish (g_steal_pointer (&writer));
  /* The writer has no way to put in ready-made JSON: "old" goes in before
   * the closing brace of the (compact) object. */
  if (g_str_has_suffix (changes, "}"))
    {
      g_autofree char *spliced = NULL;

      changes[strlen (changes) - 1] = '\0';
      spliced = g_strdup_printf ("%s,\"old\":{%s}}", changes, imp->old_values->str);
      g_free (changes);
      changes = g_steal_pointer (&spliced);
    }

  /* Translators: the summary of an import in the history; %s is a file name,
   * the numbers are rows inserted, updated, unchanged and skipped */
  summary = g_strdup_printf (_("Imported %s: %u inserted, %u updated, %u unchanged, %u skipped"),
                             imp->file_name, result->n_inserted, result->n_updated,
                             result->n_unchanged, result->n_skipped);
  if (!od_audit_record (imp->db, imp->entity->name, 0, NULL, "import", changes, summary, error))
    return FALSE;
  result->audit_id = od_db_last_insert_rowid (imp->db);
  return TRUE;
}

static gboolean
save_row (Import      *imp,
          const Plan  *plan,
          Value       *values,
          GError     **error)
{
  const OdEntity *entity = imp->entity;
  OdImportResult *result = imp->result;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  gpointer record = NULL;
  gpointer before = NULL;
  gpointer after = NULL;
  gint64 id;
  gboolean ok = FALSE;

  values_clear (imp, values);
  if (!read_values (imp, plan->index, values, problems, error))
    return FALSE;

  if (plan->action == ACTION_UPDATE)
    {
      record = entity->record_load (imp->db, plan->match_id, error);
      before = record != NULL ? entity->record_load (imp->db, plan->match_id, error) : NULL;
      if (before == NULL)
        goto out;
    }
  else
    record = entity->record_new ();
  apply_values (imp, values, record, plan->action == ACTION_INSERT);

  id = entity->save (imp->db, record, error);
  if (id <= 0)
    goto out;

  if (plan->action == ACTION_INSERT)
    {
      result->n_inserted++;
      g_array_append_val (result->inserted_ids, id);
    }
  else
    {
      after = entity->record_load (imp->db, id, error);
      if (after == NULL)
        goto out;
      if (od_entity_records_equal (entity, before, after))
        result->n_unchanged++;
      else
        {
          result->n_updated++;
          g_array_append_val (result->updated_ids, id);
          add_old_values (imp, id, before, after);
        }
    }
  ok = TRUE;

out:
  if (record != NULL)
    entity->record_free (record);
  if (before != NULL)
    entity->record_free (before);
  if (after != NULL)
    entity->record_free (after);
  return ok;
}

static gboolean
write_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  WriteData *data = user_data;
  Import *imp = data->imp;
  g_autofree Value *values = g_new0 (Value, imp->entity->n_fields);

  for (guint i = 0; i < imp->plan->len; i++)
    {
      const Plan *plan = &g_array_index (imp->plan, Plan, i);

      if (!save_row (imp, plan, values, error))
        {
          values_clear (imp, values);
          g_prefix_error (error, "%s:%u: ", imp->result->path,
                          _od_import_sheet_row_number (&imp->sheet, plan->index));
          return FALSE;
        }
    }
  values_clear (imp, values);

  if (!write_audit (imp, error))
    return FALSE;

  data->completed = TRUE;
  if (imp->options->dry_run)
    {
      /* Rolled back: a dry run has tried every save and keeps nothing. */
      g_set_error_literal (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_SAVE, "dry run");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_rows (Import  *imp,
            GError **error)
{
  OdImportResult *result = imp->result;
  WriteData data = { imp, FALSE };
  g_autoptr(GError) local_error = NULL;

  if (!imp->options->dry_run)
    {
      g_autofree char *backup = od_db_backup_file_name (od_db_get_path (imp->db), "before-import");

      if (!od_db_backup_to (imp->db, backup, error))
        return FALSE;
      result->backup_path = g_steal_pointer (&backup);
    }

  /* The counts of the check are estimates; the saves give the real ones. */
  result->n_inserted = result->n_updated = result->n_unchanged = 0;
  g_array_set_size (result->inserted_ids, 0);
  g_array_set_size (result->updated_ids, 0);
  result->audit_id = 0;
  if (imp->old_values == NULL)
    imp->old_values = g_string_new (NULL);
  g_string_truncate (imp->old_values, 0);

  if (od_db_transaction (imp->db, write_cb, &data, &local_error))
    {
      result->written = TRUE;
      return TRUE;
    }
  result->audit_id = 0;
  if (data.completed && imp->options->dry_run)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* --- public API --- */

void
od_import_options_init (OdImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->encoding = OD_CSV_ENCODING_AUTO;
  options->on_match = OD_IMPORT_ON_MATCH_UPDATE;
}

static OdImportResult *
result_new (const char *path,
            const char *entity,
            gboolean    dry_run)
{
  OdImportResult *result = g_new0 (OdImportResult, 1);

  result->path = g_strdup (path);
  result->entity = g_strdup (entity);
  result->dry_run = dry_run;
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  result->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  result->notices = g_ptr_array_new_with_free_func (g_free);
  result->columns = g_ptr_array_new_with_free_func (g_free);
  result->inserted_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->updated_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return result;
}

static void
import_clear (Import *imp)
{
  sheet_clear (&imp->sheet);
  g_clear_pointer (&imp->file_name, g_free);
  g_clear_pointer (&imp->headers, g_ptr_array_unref);
  g_clear_pointer (&imp->file_column, g_free);
  if (imp->lookups != NULL)
    for (guint i = 0; i < imp->entity->n_fields; i++)
      g_clear_pointer (&imp->lookups[i], g_hash_table_unref);
  g_clear_pointer (&imp->lookups, g_free);
  g_clear_pointer (&imp->plan, g_array_unref);
  if (imp->old_values != NULL)
    g_string_free (g_steal_pointer (&imp->old_values), TRUE);
}

/**
 * od_import_file:
 * @db: the database
 * @entity: "organizations" or "people"
 * @path: a .csv, .txt, .tsv or .xlsx file
 * @options: (nullable): options, or %NULL for the defaults
 * @error: return location for an error about the file as a whole
 *
 * Imports @path as described in od-import.h: every row is checked first;
 * when any has an error nothing is written and the result lists them all.
 * Otherwise, unless it is a dry run, a backup is taken and every row saved
 * in one transaction with one "import" audit entry.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
OdImportResult *
od_import_file (OdDb                   *db,
                const char             *entity,
                const char             *path,
                const OdImportOptions  *options,
                GError                **error)
{
  g_autoptr(OdImportResult) result = NULL;
  OdImportOptions defaults;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      od_import_options_init (&defaults);
      options = &defaults;
    }

  imp.entity = od_import_find_entity (entity);
  if (imp.entity == NULL)
    {
      g_autofree char *names = od_import_entities ();

      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNKNOWN_ENTITY,
                   /* Translators: the first %s is what was asked for, the second the list
                    * of what can be imported; keep the English names, they are typed */
                   _("“%s” cannot be imported. Choose one of: %s."),
                   entity != NULL ? entity : "", names);
      return NULL;
    }

  result = result_new (path, imp.entity->name, options->dry_run);
  imp.db = db;
  imp.options = options;
  imp.result = result;
  imp.file_name = g_filename_display_basename (path);
  imp.plan = g_array_new (FALSE, FALSE, sizeof (Plan));
  imp.lookups = g_new0 (GHashTable *, imp.entity->n_fields);

  ok = read_sheet (&imp, path, error) && _od_import_map_columns (&imp, error)
       && check_rows (&imp, error);
  /* All or nothing, unless the user chose to import the valid rows only. */
  if (ok && imp.plan->len > 0 && (result->errors->len == 0 || options->valid_rows_only))
    ok = write_rows (&imp, error);

  import_clear (&imp);
  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}

/* The header row for a preview, which is not told the entity: the row
 * _od_import_find_header_row () finds for one of them (with the options' mapping
 * where it reads for that entity). When two find different rows, the one
 * with the more columns recognised wins, then the one nearer the top: a
 * people list may have "单位名称 | 宝鸡市养生协会" above its headers, which
 * would do for organizations, but its header row is recognised column
 * after column. */
static guint
peek_header_row (Import *imp)
{
  guint best = G_MAXUINT;
  guint best_score = 0;
  gboolean any_found = FALSE;

  guint n_entities;
  const OdEntity *const *entities = od_entity_list (&n_entities);

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(GPtrArray) mapping = NULL;
      gboolean found;
      guint header;
      guint score = 0;

      if (!od_entity_can_import (entities[i]))
        continue;
      imp->entity = entities[i];
      mapping = _od_import_parse_mapping (imp->entity, imp->options->mapping, NULL);
      if (mapping == NULL)
        mapping = g_ptr_array_new_with_free_func (_od_import_map_entry_free);
      header = _od_import_find_header_row (imp, mapping, &found);
      if (!found)
        {
          if (!any_found)
            best = header;
          continue;
        }

      for (guint c = 0; c < _od_import_sheet_n_fields (&imp->sheet, header); c++)
        {
          gboolean mapped;

          if (_od_import_column_of_cell (imp, mapping, header, c, &mapped) != NULL)
            score++;
        }
      if (!any_found || score > best_score || (score == best_score && header < best))
        {
          best = header;
          best_score = score;
        }
      any_found = TRUE;
    }
  imp->entity = NULL;
  return best;
}

/**
 * od_import_peek:
 * @path: a .csv, .txt, .tsv or .xlsx file
 * @options: (nullable): the encoding and sheet to read with, or %NULL
 * @headers: (out) (transfer full): char *: the cells of the header row, found
 *   as od_import_file() finds it (title rows above the table passed over)
 * @rows: (out) (transfer full): GStrv: the cells of the next up to 5 non-blank rows
 * @error: return location for an error about the file
 *
 * Reads @path as od_import_file() does, for a preview and a mapping step.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
od_import_peek (const char             *path,
                const OdImportOptions  *options,
                GPtrArray             **headers,
                GPtrArray             **rows,
                GError                **error)
{
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GPtrArray) found_headers = NULL;
  g_autoptr(GPtrArray) found_rows = NULL;
  OdImportOptions defaults;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (headers != NULL && rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      od_import_options_init (&defaults);
      options = &defaults;
    }
  result = result_new (path, "", TRUE);
  imp.options = options;
  imp.result = result;
  ok = read_sheet (&imp, path, error);
  if (ok)
    {
      guint n_rows = _od_import_sheet_n_rows (&imp.sheet);
      guint header = peek_header_row (&imp);

      found_headers = g_ptr_array_new_with_free_func (g_free);
      found_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      /* Only blank rows: no headers and no rows. */
      if (!_od_import_row_is_blank (&imp, header))
        for (guint c = 0; c < _od_import_sheet_n_fields (&imp.sheet, header); c++)
          g_ptr_array_add (found_headers, _od_import_display_header (_od_import_sheet_cell (&imp.sheet, header, c)));
      for (guint row = header + 1; row < n_rows && found_rows->len < PEEK_ROWS; row++)
        {
          guint n_fields = _od_import_sheet_n_fields (&imp.sheet, row);
          char **cells;

          if (_od_import_row_is_blank (&imp, row))
            continue;
          cells = g_new0 (char *, n_fields + 1);
          for (guint c = 0; c < n_fields; c++)
            cells[c] = _od_import_clean_cell (_od_import_sheet_cell (&imp.sheet, row, c));
          g_ptr_array_add (found_rows, cells);
        }
    }
  import_clear (&imp);
  if (!ok)
    return FALSE;
  *headers = g_steal_pointer (&found_headers);
  *rows = g_steal_pointer (&found_rows);
  return TRUE;
}

char *
od_import_problem_format (const OdImportResult  *result,
                          const OdImportProblem *problem)
{
  g_return_val_if_fail (result != NULL && problem != NULL, NULL);

  if (problem->row == 0)
    return g_strdup_printf ("%s: %s", result->path, problem->message);
  if (problem->column == NULL || problem->column[0] == '\0')
    return g_strdup_printf ("%s:%u: %s", result->path, problem->row, problem->message);
  return g_strdup_printf ("%s:%u:%s: %s", result->path, problem->row, problem->column,
                          problem->message);
}

void
od_import_problem_free (OdImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

void
od_import_result_free (OdImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->entity);
  g_ptr_array_unref (result->errors);
  g_ptr_array_unref (result->warnings);
  g_ptr_array_unref (result->notices);
  g_ptr_array_unref (result->columns);
  g_array_unref (result->inserted_ids);
  g_array_unref (result->updated_ids);
  g_free (result->backup_path);
  g_free (result);
}

/**
 * od_import_find_entity:
 * @name: a registered entity: "organizations", "people", …
 *
 * Returns: (nullable): the importable entity called @name
 */
const OdEntity *
od_import_find_entity (const char *name)
{
  const OdEntity *entity = od_entity_find (name);

  return entity != NULL && od_entity_can_import (entity) ? entity : NULL;
}

/* The importable entities' names, for messages. */
char *
od_import_entities (void)
{
  return od_entity_names (od_entity_can_import);
}
