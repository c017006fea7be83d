/* od-export.c — any registered entity as CSV, XLSX or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All formats use the same column keys: the keys of the entity's field
 * table (od-entity.h; references by name), the import's own, so that an
 * import can read an export back. Rows are the live ones in the entity's
 * order (list_order: organizations and people by the pinyin of the name), or
 * those of a list as shown, in its order (od_export_write_ids_file),
 * loaded a chunk at a time so 100,000 rows stay small.
 *
 * CSV is for Excel on Chinese Windows: UTF-8 with a BOM (without it Excel
 * reads the file as GBK), CRLF line ends, RFC 4180 quoting. Cells that a
 * spreadsheet would run as a formula (= + - @, or a leading tab or CR) get
 * a single quote in front (CSV injection). ID numbers are personal data:
 * masked unless asked for in full (DESIGN.md §2).
 *
 * XLSX has the CSV's columns and rows, as typed cells: numbers as numbers,
 * dates as Excel dates shown yyyy-mm-dd, money in a currency format, codes,
 * ID numbers and phones as text (as numbers Excel would drop digits and
 * leading zeros). Every text is written as a string cell, never a formula,
 * so a text starting with = + - @ needs no quote in front as in CSV.
 * libxlsxwriter only writes to a path, in constant-memory mode one row at a
 * time (100,000 rows stay small); the file is made beside the target and
 * renamed, so a failed export never leaves half a workbook.
 */
#define G_LOG_DOMAIN "orgdesk-export"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "od-entity-store.h"
#include "od-entity.h"
#include "od-export.h"
#include "od-output.h"
#include "od-json.h"
#include "od-money.h"
#include "od-points.h"
#include "od-validate.h"

#define CHUNK 500

/* Column widths fitted to the content stop here, so that one long note
 * does not push every other column off the screen. */
#define MAX_COLUMN_WIDTH 60

typedef enum
{
  COLUMN_TEXT,        /* char *, NULL allowed */
  COLUMN_CODE,        /* char *: digits that must stay text (credit codes, phones) */
  COLUMN_DATE,        /* char *: an ISO date, YYYY-MM-DD; NULL allowed */
  COLUMN_INT,         /* gint64 */
  COLUMN_MONEY,       /* gint64 fen (分): yuan in CSV and XLSX, fen in JSON */
  COLUMN_POINTS,      /* gint64 tenths: points in CSV and XLSX ("" when -1), tenths in JSON */
  COLUMN_ENUM,        /* an int enum, as its stored key */
  COLUMN_ID_NUMBER,   /* char *, masked unless full ID numbers are asked for */
} ColumnKind;

/* One column, from a field of the entity's table. */
typedef struct
{
  const char  *key;
  ColumnKind   kind;
  gsize        offset;
  const char *(*enum_to_key) (int value);
} Column;

/* The UTF-8 byte order mark. */
static const char csv_bom[] = "\xEF\xBB\xBF";

typedef struct
{
  OdExportFormat  format;
  gboolean        full_id_numbers;
  Column         *columns;
  guint           n_columns;
  GOutputStream  *out;       /* CSV and JSON */
  GString        *buffer;
  guint           n_rows;

  /* XLSX */
  lxw_worksheet  *sheet;
  lxw_format     *header_format;
  lxw_format     *date_format;
  lxw_format     *text_format;
  lxw_format     *money_format;
  guint          *widths;       /* per column, in character cells */
  GError         *xlsx_error;   /* the first cell that could not be written */
} Writer;

G_DEFINE_QUARK (od-export-error-quark, od_export_error)

/* --- helpers --- */

/* How FIELD is written: REF fields by the referenced name, inputs that
 * are digits (codes, phones) as text. */
static void
column_init (Column              *column,
             const OdEntityField *field)
{
  column->key = field->key;
  column->offset = field->offset;
  column->enum_to_key = field->enum_to_key;
  switch (field->kind)
    {
    case OD_FIELD_INT:
      column->kind = field->input == OD_INPUT_POINTS ? COLUMN_POINTS : COLUMN_INT;
      break;
    case OD_FIELD_MONEY:
      column->kind = COLUMN_MONEY;
      break;
    case OD_FIELD_ENUM:
      column->kind = COLUMN_ENUM;
      break;
    case OD_FIELD_ID_NUMBER:
      column->kind = COLUMN_ID_NUMBER;
      break;
    case OD_FIELD_REF:
      column->kind = COLUMN_TEXT;
      column->offset = field->text_offset;
      break;
    case OD_FIELD_TEXT:
    case OD_FIELD_NULLABLE:
    case OD_FIELD_NONE:
    default:
      if (field->input == OD_INPUT_CODE || field->input == OD_INPUT_PHONE
          || field->input == OD_INPUT_MOBILE)
        column->kind = COLUMN_CODE;
      else if (field->input == OD_INPUT_DATE)
        column->kind = COLUMN_DATE;
      else
        column->kind = COLUMN_TEXT;
      break;
    }
}

static gboolean
is_number_kind (ColumnKind kind)
{
  return kind == COLUMN_INT || kind == COLUMN_MONEY || kind == COLUMN_POINTS;
}

static gint64
column_int (const Column  *column,
            gconstpointer  record)
{
  return *(const gint64 *) (gconstpointer) ((const char *) record + column->offset);
}

/* FEN as a plain decimal number of yuan ("-35000.50"): what a spreadsheet
 * reads as a number, without the ¥ and the separators of od_money_format(). */
static char *
format_yuan (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/* The value of COLUMN in RECORD as text; NULL for a NULL text. */
static char *
column_value (const Writer *writer,
              const Column *column,
              gconstpointer record)
{
  gconstpointer member = (const char *) record + column->offset;

  switch (column->kind)
    {
    case COLUMN_TEXT:
    case COLUMN_CODE:
    case COLUMN_DATE:
      return g_strdup (*(char *const *) member);

    case COLUMN_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *) member);

    case COLUMN_MONEY:
      return format_yuan (*(const gint64 *) member);

    case COLUMN_POINTS:
      return od_points_format (*(const gint64 *) member);

    case COLUMN_ENUM:
      return g_strdup (column->enum_to_key (*(const int *) member));

    case COLUMN_ID_NUMBER:
      if (writer->full_id_numbers)
        return g_strdup (*(char *const *) member);
      return od_id_number_mask (*(char *const *) member);

    default:
      g_assert_not_reached ();
      return NULL;
    }
}

/* A spreadsheet runs a cell starting with one of these as a formula. */
static gboolean
needs_neutralizing (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* A NUMBER cell is one of ours ("-12.50" is read as a number, not run as a
 * formula), so only text gets the quote. */
static void
append_csv_cell (GString    *buffer,
                 const char *text,
                 gboolean    number)
{
  gboolean quote;

  if (text == NULL)
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (buffer, '"');
  if (!number && needs_neutralizing (text))
    g_string_append_c (buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  if (quote)
    g_string_append_c (buffer, '"');
}

/* --- XLSX --- */

/* How many character cells TEXT takes in a spreadsheet column: Han
 * characters and other wide (East Asian Wide / Fullwidth) ones count two;
 * the longest line of a multi-line text counts. */
static guint
display_width (const char *text)
{
  guint widest = 0;
  guint line = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else if (!g_unichar_iszerowidth (c))
        line += g_unichar_iswide (c) ? 2 : 1;
    }
  return MAX (widest, line);
}

static void
fit_width (Writer *writer,
           guint   column,
           guint   width)
{
  writer->widths[column] = MAX (writer->widths[column], width);
}

/* TEXT as an Excel date when it is exactly YYYY-MM-DD and a real day from
 * 1900-03-01 on: earlier days fall before Excel's phantom 1900-02-29 and
 * are counted differently by different programs, so they stay text. */
static gboolean
parse_date (const char   *text,
            lxw_datetime *date)
{
  int parts[3] = { 0, 0, 0 };
  guint part = 0;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          part++;
          continue;
        }
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      parts[part] = parts[part] * 10 + g_ascii_digit_value (text[i]);
    }
  if (!g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0])
      || parts[0] < 1900 || (parts[0] == 1900 && parts[1] < 3))
    return FALSE;

  date->year = parts[0];
  date->month = parts[1];
  date->day = parts[2];
  date->hour = 0;
  date->min = 0;
  date->sec = 0.0;
  return TRUE;
}

/* Keeps the first failure: the export stops at the end of the chunk. */
static void
check_cell (Writer       *writer,
            lxw_error     status,
            lxw_row_t     row,
            const Column *column)
{
  if (status == LXW_NO_ERROR || writer->xlsx_error != NULL)
    return;

  if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    /* Translators: %u is a row number as the spreadsheet shows it, %s a column name */
    g_set_error (&writer->xlsx_error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_TOO_LARGE,
                 _("Row %u, column “%s”: the text is longer than the 32,767 characters a "
                   "spreadsheet cell can hold. Shorten it, or export as CSV or JSON."),
                 (guint) row + 1, column->key);
  else if (status == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
    g_set_error (&writer->xlsx_error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_TOO_LARGE,
                 _("There are more rows than a spreadsheet can hold (1,048,575 besides the "
                   "header). Export as CSV or JSON."));
  else
    /* Translators: %u is a row number, the first %s a column name, the second the reason */
    g_set_error (&writer->xlsx_error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_WRITE,
                 _("Row %u, column “%s” could not be written to the spreadsheet: %s."),
                 (guint) row + 1, column->key, lxw_strerror (status));
}

/* An amount of money in yuan with the currency format. Fen up to
 * OD_MONEY_MAX_FEN are below 2^53, so the double is the nearest to the
 * exact amount and shows it exactly with two decimals. */
static lxw_error
write_money_cell (Writer    *writer,
                  lxw_row_t  row,
                  lxw_col_t  col,
                  gint64     fen)
{
  g_autofree char *shown = od_money_format (fen);

  fit_width (writer, col, display_width (shown));
  return worksheet_write_number (writer->sheet, row, col, (double) fen / 100.0,
                                 writer->money_format);
}

static void
write_xlsx_header (Writer *writer)
{
  for (guint i = 0; i < writer->n_columns; i++)
    {
      const Column *column = &writer->columns[i];

      fit_width (writer, i, display_width (column->key));
      check_cell (writer,
                  worksheet_write_string (writer->sheet, 0, (lxw_col_t) i, column->key,
                                          writer->header_format),
                  0, column);
    }
}

static void
write_xlsx_record (Writer        *writer,
                   gconstpointer  record)
{
  lxw_row_t row = (lxw_row_t) writer->n_rows + 1;

  for (guint i = 0; i < writer->n_columns; i++)
    {
      const Column *column = &writer->columns[i];
      lxw_col_t col = (lxw_col_t) i;
      g_autofree char *value = NULL;
      lxw_datetime date;
      lxw_format *format = NULL;
      lxw_error status;

      if (column->kind == COLUMN_INT)
        {
          value = column_value (writer, column, record);
          fit_width (writer, i, display_width (value));
          status = worksheet_write_number (writer->sheet, row, col,
                                           (double) column_int (column, record), NULL);
          check_cell (writer, status, row, column);
          continue;
        }
      if (column->kind == COLUMN_MONEY)
        {
          status = write_money_cell (writer, row, col, column_int (column, record));
          check_cell (writer, status, row, column);
          continue;
        }
      if (column->kind == COLUMN_POINTS)
        {
          value = column_value (writer, column, record);
          if (value[0] == '\0')
            continue;
          fit_width (writer, i, display_width (value));
          status = worksheet_write_number (writer->sheet, row, col,
                                           (double) column_int (column, record) / 10.0, NULL);
          check_cell (writer, status, row, column);
          continue;
        }

      value = column_value (writer, column, record);
      if (value == NULL || value[0] == '\0')
        continue;
      if (column->kind == COLUMN_DATE && parse_date (value, &date))
        {
          fit_width (writer, i, 10);
          status = worksheet_write_datetime (writer->sheet, row, col, &date, writer->date_format);
          check_cell (writer, status, row, column);
          continue;
        }
      if (column->kind == COLUMN_CODE || column->kind == COLUMN_ID_NUMBER)
        format = writer->text_format;
      fit_width (writer, i, display_width (value));
      /* A string cell, also for "=…": libxlsxwriter writes a formula only
       * through worksheet_write_formula(). */
      status = worksheet_write_string (writer->sheet, row, col, value, format);
      check_cell (writer, status, row, column);
    }
}

/* Widths, the frozen bold header with its filter buttons, and no green
 * "number stored as text" marks on the codes that are text on purpose. */
static void
finish_xlsx_sheet (Writer *writer)
{
  lxw_row_t last_row = (lxw_row_t) writer->n_rows;
  lxw_col_t last_col = (lxw_col_t) writer->n_columns - 1;
  char range[64];

  for (guint i = 0; i < writer->n_columns; i++)
    {
      ColumnKind kind = writer->columns[i].kind;
      lxw_format *format = NULL;
      /* Two more for the filter button over the header cell. */
      guint width = MIN (writer->widths[i] + 2, MAX_COLUMN_WIDTH);

      if (kind == COLUMN_CODE || kind == COLUMN_ID_NUMBER)
        format = writer->text_format;
      else if (kind == COLUMN_DATE)
        format = writer->date_format;
      else if (kind == COLUMN_MONEY)
        format = writer->money_format;
      worksheet_set_column (writer->sheet, (lxw_col_t) i, (lxw_col_t) i, width, format);
    }
  worksheet_freeze_panes (writer->sheet, 1, 0);
  worksheet_autofilter (writer->sheet, 0, 0, last_row, last_col);
  lxw_rowcol_to_range (range, 0, 0, last_row, last_col);
  worksheet_ignore_errors (writer->sheet, LXW_IGNORE_NUMBER_STORED_AS_TEXT, range);
}

static const char *
sheet_name (const OdEntity *entity)
{
  /* The plural is used as the name of the worksheet: at most 31
   * characters, none of : \ / ? * [ ] (else the default name is used). */
  return _(entity->plural);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the reason */
  g_set_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_WRITE,
               _("“%s” could not be written: %s. Check that the folder exists, can be written "
                 "to and has free space."), name, reason);
}

/* --- every format --- */

static gboolean
flush (Writer  *writer,
       GError **error)
{
  gboolean ok;

  if (writer->format == OD_EXPORT_FORMAT_XLSX)
    {
      if (writer->xlsx_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&writer->xlsx_error));
      return FALSE;
    }

  ok = g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len, NULL,
                                  NULL, error);
  g_string_truncate (writer->buffer, 0);
  return ok;
}

static void
write_header (Writer *writer)
{
  if (writer->format == OD_EXPORT_FORMAT_XLSX)
    {
      write_xlsx_header (writer);
      return;
    }
  if (writer->format == OD_EXPORT_FORMAT_JSON)
    {
      g_string_append_c (writer->buffer, '[');
      return;
    }
  g_string_append (writer->buffer, csv_bom);
  for (guint i = 0; i < writer->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      append_csv_cell (writer->buffer, writer->columns[i].key, FALSE);
    }
  g_string_append (writer->buffer, "\r\n");
}

static void
write_record (Writer        *writer,
              gconstpointer  record)
{
  if (writer->format == OD_EXPORT_FORMAT_XLSX)
    write_xlsx_record (writer, record);
  else if (writer->format == OD_EXPORT_FORMAT_JSON)
    {
      g_autoptr(OdJsonWriter) json = od_json_writer_new (FALSE);
      g_autofree char *text = NULL;

      od_json_begin_object (json, NULL);
      for (guint i = 0; i < writer->n_columns; i++)
        {
          const Column *column = &writer->columns[i];
          g_autofree char *value = NULL;

          /* Numbers stay numbers; money in fen, as stored. */
          if (is_number_kind (column->kind))
            {
              od_json_int (json, column->key, column_int (column, record));
              continue;
            }
          value = column_value (writer, column, record);
          od_json_string (json, column->key, value);
        }
      od_json_end_object (json);
      text = od_json_writer_finish (g_steal_pointer (&json));
      /* One object per line: readable, and easy to diff. */
      g_string_append (writer->buffer, writer->n_rows > 0 ? ",\n" : "\n");
      g_string_append (writer->buffer, text);
    }
  else
    {
      for (guint i = 0; i < writer->n_columns; i++)
        {
          const Column *column = &writer->columns[i];
          g_autofree char *value = column_value (writer, column, record);

          if (i > 0)
            g_string_append_c (writer->buffer, ',');
          append_csv_cell (writer->buffer, value, is_number_kind (column->kind));
        }
      g_string_append (writer->buffer, "\r\n");
    }
  writer->n_rows++;
}

static void
write_footer (Writer *writer)
{
  if (writer->format == OD_EXPORT_FORMAT_XLSX)
    finish_xlsx_sheet (writer);
  else if (writer->format == OD_EXPORT_FORMAT_JSON)
    g_string_append (writer->buffer, writer->n_rows > 0 ? "\n]\n" : "]\n");
}

/* The live rows among IDS[0..N_IDS), in that order. */
static gboolean
write_rows (Writer        *writer,
            OdDb          *db,
            const OdEntity *entity,
            const gint64  *ids,
            guint          n_ids,
            GError       **error)
{
  for (guint start = 0; start < n_ids; start += CHUNK)
    {
      guint n = MIN (CHUNK, n_ids - start);
      const gint64 *chunk = ids + start;
      g_autoptr(GPtrArray) items = NULL;

      items = entity->load_items (db, chunk, n, error);
      if (items == NULL)
        return FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          write_record (writer, entity->item_record (g_ptr_array_index (items, i)));
        }
      if (!flush (writer, error))
        return FALSE;
    }
  return TRUE;
}

static void
writer_init (Writer         *writer,
             const OdEntity *entity,
             OdExportFormat  format,
             gboolean        full_id_numbers)
{
  memset (writer, 0, sizeof *writer);
  writer->format = format;
  writer->full_id_numbers = full_id_numbers;
  writer->columns = g_new0 (Column, entity->n_fields);
  for (guint i = 0; i < entity->n_fields; i++)
    column_init (&writer->columns[writer->n_columns++], &entity->fields[i]);
}

/* The exportable entity called NAME, or NULL with ERROR. */
static const OdEntity *
export_entity (const char  *name,
               GError     **error)
{
  const OdEntity *entity = od_entity_find (name);
  g_autofree char *names = NULL;

  if (entity != NULL && od_entity_can_export (entity))
    return entity;

  names = od_export_entities ();
  /* Translators: the first %s is what was asked for, the second the list
   * of what can be exported; keep the English names, they are typed */
  g_set_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_UNKNOWN_ENTITY,
               _("“%s” cannot be exported. Choose one of: %s."),
               name != NULL ? name : "", names);
  return NULL;
}

/* Writes the XLSX workbook to PATH (replaced), the entity checked. */
static gboolean
write_xlsx (OdDb          *db,
            const OdEntity *entity,
            gboolean       full_id_numbers,
            const gint64  *ids,
            guint          n_ids,
            const char    *path,
            GError       **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  const char *name = sheet_name (entity);
  g_autofree guint *widths = NULL;
  Writer writer;
  gboolean ok;
  lxw_error status;

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      set_write_error (error, path, g_strerror (ENOMEM));
      return FALSE;
    }

  writer_init (&writer, entity, OD_EXPORT_FORMAT_XLSX, full_id_numbers);
  widths = g_new0 (guint, writer.n_columns);
  writer.widths = widths;
  /* A translation that Excel refuses as a sheet name gets the default one. */
  if (workbook_validate_sheet_name (workbook, name) != LXW_NO_ERROR)
    name = NULL;
  writer.sheet = workbook_add_worksheet (workbook, name);
  writer.header_format = workbook_add_format (workbook);
  format_set_bold (writer.header_format);
  writer.date_format = workbook_add_format (workbook);
  format_set_num_format (writer.date_format, "yyyy-mm-dd");
  writer.text_format = workbook_add_format (workbook);
  format_set_num_format (writer.text_format, "@");
  writer.money_format = workbook_add_format (workbook);
  format_set_num_format (writer.money_format, "¥#,##0.00;-¥#,##0.00");

  if (writer.sheet == NULL)
    {
      /* constant_memory keeps the rows in a temporary file. */
      set_write_error (error, path, _("no temporary file could be made for the sheet"));
      ok = FALSE;
    }
  else
    {
      write_header (&writer);
      ok = write_rows (&writer, db, entity, ids, n_ids, error);
      if (ok)
        {
          write_footer (&writer);
          ok = flush (&writer, error);
        }
    }
  g_clear_error (&writer.xlsx_error);
  g_free (writer.columns);

  /* Always closed, as that frees the workbook; the caller drops the file
   * when anything failed. */
  status = workbook_close (workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      set_write_error (error, path, lxw_strerror (status));
      ok = FALSE;
    }
  return ok;
}

/* The XLSX workbook into OUT, through a temporary file (libxlsxwriter
 * writes to paths only). */
static gboolean
write_xlsx_to_stream (OdDb           *db,
                      const OdEntity *entity,
                      gboolean        full_id_numbers,
                      const gint64   *ids,
                      guint           n_ids,
                      GOutputStream  *out,
                      GError        **error)
{
  g_autofree char *temp = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  gboolean ok;
  int fd;

  fd = g_file_open_tmp ("orgdesk-export-XXXXXX.xlsx", &temp, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);

  ok = write_xlsx (db, entity, full_id_numbers, ids, n_ids, temp, error);
  if (ok)
    {
      file = g_file_new_for_path (temp);
      in = g_file_read (file, NULL, error);
      ok = in != NULL
           && g_output_stream_splice (out, G_INPUT_STREAM (in),
                                      G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) >= 0;
    }
  g_unlink (temp);
  return ok;
}

/* IDS[0..N_IDS) of ENTITY (checked) into OUT, in any format. */
static gboolean
write_stream (OdDb            *db,
              const OdEntity *entity,
              OdExportFormat   format,
              gboolean         full_id_numbers,
              const gint64    *ids,
              guint            n_ids,
              GOutputStream   *out,
              GError         **error)
{
  g_autoptr(GString) buffer = NULL;
  Writer writer;
  gboolean ok;

  if (format == OD_EXPORT_FORMAT_XLSX)
    return write_xlsx_to_stream (db, entity, full_id_numbers, ids, n_ids, out, error);

  buffer = g_string_sized_new (64 * 1024);
  writer_init (&writer, entity, format, full_id_numbers);
  writer.out = out;
  writer.buffer = buffer;

  write_header (&writer);
  ok = write_rows (&writer, db, entity, ids, n_ids, error);
  if (ok)
    {
      write_footer (&writer);
      ok = flush (&writer, error);
    }
  g_free (writer.columns);
  return ok;
}

typedef struct
{
  OdDb          *db;
  const OdEntity *entity;
  gboolean       full_id_numbers;
  const gint64  *ids;
  guint          n_ids;
} XlsxJob;

static gboolean
write_xlsx_cb (const char  *path,
               gpointer     user_data,
               GError     **error)
{
  XlsxJob *job = user_data;

  return write_xlsx (job->db, job->entity, job->full_id_numbers, job->ids, job->n_ids, path,
                     error);
}

/* IDS[0..N_IDS) of ENTITY (checked) into PATH (od-output.h: a regular file
 * is written beside and renamed into place; "-", a device or a pipe gets
 * the bytes as they are made). A file with full ID numbers is private. */
static gboolean
write_file (OdDb            *db,
            const OdEntity *entity,
            OdExportFormat   format,
            gboolean         full_id_numbers,
            const gint64    *ids,
            guint            n_ids,
            const char      *path,
            GError         **error)
{
  g_autoptr(OdOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  output = od_output_new (path, full_id_numbers ? OD_OUTPUT_PRIVATE : OD_OUTPUT_DEFAULT,
                          &local_error);
  if (output == NULL)
    {
      set_write_error (error, path, local_error->message);
      return FALSE;
    }

  if (format == OD_EXPORT_FORMAT_XLSX)
    {
      XlsxJob job = { db, entity, full_id_numbers, ids, n_ids };

      ok = od_output_write_with_path (output, write_xlsx_cb, &job, error);
    }
  else
    ok = write_stream (db, entity, format, full_id_numbers, ids, n_ids,
                       od_output_get_stream (output), error);

  if (ok && !od_output_commit (output, &local_error))
    {
      set_write_error (error, path, local_error->message);
      ok = FALSE;
    }
  return ok;
}

/* --- public API --- */

/* Whether the entity called NAME can be exported by od_export_write(). */
gboolean
od_export_has_entity (const char *name)
{
  const OdEntity *entity = od_entity_find (name);

  return entity != NULL && od_entity_can_export (entity);
}

/* The exportable entities' names, for messages. */
char *
od_export_entities (void)
{
  return od_entity_names (od_entity_can_export);
}

/**
 * od_export_write:
 * @db: the database
 * @name: an exportable entity: "organizations", "people", …
 * @format: CSV, JSON or XLSX
 * @full_id_numbers: write ID numbers in full instead of masked
 * @out: where to write; not closed
 * @error: return location for an error
 *
 * Writes the live rows of the entity in pinyin order of the name, with a
 * header row (CSV, XLSX) or as an array of objects (JSON) under the same
 * keys. XLSX goes through a temporary file; od_export_write_file() writes
 * it straight to its place.
 *
 * Returns: %TRUE on success
 */
gboolean
od_export_write (OdDb            *db,
                 const char      *name,
                 OdExportFormat   format,
                 gboolean         full_id_numbers,
                 GOutputStream   *out,
                 GError         **error)
{
  const OdEntity *entity;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (format == OD_EXPORT_FORMAT_CSV || format == OD_EXPORT_FORMAT_JSON
                        || format == OD_EXPORT_FORMAT_XLSX, FALSE);

  entity = export_entity (name, error);
  if (entity == NULL)
    return FALSE;
  ids = od_entity_store_list_ids (entity, db, entity->list_order, error);
  if (ids == NULL)
    return FALSE;
  return write_stream (db, entity, format, full_id_numbers, (const gint64 *) (gpointer) ids->data,
                       ids->len, out, error);
}

/**
 * od_export_write_file:
 * @db: the database
 * @name: an exportable entity: "organizations", "people", …
 * @format: CSV, JSON or XLSX
 * @full_id_numbers: write ID numbers in full instead of masked
 * @path: the file to write; replaced if it exists
 * @error: return location for an error
 *
 * Like od_export_write(), into the file @path. The file is written beside
 * it under a hidden name and renamed into place at the end, so a failure
 * leaves @path as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
od_export_write_file (OdDb            *db,
                      const char      *name,
                      OdExportFormat   format,
                      gboolean         full_id_numbers,
                      const char      *path,
                      GError         **error)
{
  const OdEntity *entity;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format == OD_EXPORT_FORMAT_CSV || format == OD_EXPORT_FORMAT_JSON
                        || format == OD_EXPORT_FORMAT_XLSX, FALSE);

  entity = export_entity (name, error);
  if (entity == NULL)
    return FALSE;
  ids = od_entity_store_list_ids (entity, db, entity->list_order, error);
  if (ids == NULL)
    return FALSE;
  return write_file (db, entity, format, full_id_numbers, (const gint64 *) (gpointer) ids->data,
                     ids->len, path, error);
}

/**
 * od_export_write_ids_file:
 * @db: the database
 * @name: an exportable entity: "organizations", "people", …
 * @format: CSV, JSON or XLSX
 * @ids: (array length=n_ids): row ids of the entity, in the order wanted
 * @n_ids: the number of @ids
 * @full_id_numbers: write ID numbers in full instead of masked
 * @path: the file to write; replaced if it exists
 * @error: return location for an error
 *
 * Like od_export_write_file(), with the rows @ids in their order instead
 * of all of them by name: a list as shown, with its search, filters and
 * sort. Ids of missing or deleted rows are skipped.
 *
 * Returns: %TRUE on success
 */
gboolean
od_export_write_ids_file (OdDb            *db,
                          const char      *name,
                          OdExportFormat   format,
                          const gint64    *ids,
                          guint            n_ids,
                          gboolean         full_id_numbers,
                          const char      *path,
                          GError         **error)
{
  const OdEntity *entity;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format == OD_EXPORT_FORMAT_CSV || format == OD_EXPORT_FORMAT_JSON
                        || format == OD_EXPORT_FORMAT_XLSX, FALSE);

  entity = export_entity (name, error);
  if (entity == NULL)
    return FALSE;
  return write_file (db, entity, format, full_id_numbers, ids, n_ids, path, error);
}
