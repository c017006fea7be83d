/* od-xlsx-sheet.c — a worksheet of an XLSX workbook read into sparse rows:
 * cells as text (shared strings referenced, not copied), dates from their
 * number formats, the limits on cells and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-xlsx-reader"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-xlsx-private.h"

/* --- cells --- */

/* An Excel serial day number as ISO 8601, or NULL when it is no real date. */
static char *
format_serial (const char *written,
               NumberKind  kind,
               gboolean    date1904)
{
  GDate date;
  double serial;
  char *end;
  gint64 total;
  guint days;
  guint seconds;

  serial = g_ascii_strtod (written, &end);
  if (end == written || *end != '\0' || !(serial >= 0.0 && serial < MAX_DATE_SERIAL))
    return NULL;

  /* To the nearest second, as Excel shows it; 23:59:59.6 is the next day. */
  total = (gint64) (serial * SECONDS_PER_DAY + 0.5);
  days = (guint) (total / SECONDS_PER_DAY);
  seconds = (guint) (total % SECONDS_PER_DAY);

  if (kind == NUMBER_TIME && days == 0)
    return g_strdup_printf ("%02u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);

  if (date1904)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
      g_date_add_days (&date, days);
    }
  else
    {
      /* Serial 1 is 1900-01-01, and 60 is 1900-02-29, which never was:
       * Lotus 1-2-3 took 1900 for a leap year and Excel kept the mistake.
       * Serial 0 would be 1900-01-00. */
      if (days == 0 || days == 60)
        return NULL;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
      g_date_add_days (&date, days < 60 ? days : days - 1);
    }

  if (g_date_get_year (&date) > 9999)
    return NULL;
  if (seconds == 0)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                            (guint) g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:%02u", g_date_get_year (&date),
                          (guint) g_date_get_month (&date), g_date_get_day (&date),
                          seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* The text of <v> without surrounding white space (numbers, indexes). */
static const char *
value_stripped (GString *text)
{
  char *start = text->str;

  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  while (g_ascii_isspace (*start))
    start++;
  return start;
}

/* Sets *@result to the text of the cell just read, "" for none. When
 * *@kept is TRUE it lives as long as the workbook's shared strings (a
 * shared string, or static); otherwise only until the next cell. */
static gboolean
cell_text (SheetReader  *sr,
           const char  **result,
           gboolean     *kept,
           GError      **error)
{
  OdXlsxBook *book = sr->book;
  const char *value;

  *result = "";
  *kept = TRUE;
  g_clear_pointer (&sr->formatted, g_free);

  /* fullCalcOnLoad says the cached values were never computed: libxlsxwriter
   * writes <v>0</v> under every formula and leaves the sums to Excel. */
  if (sr->has_formula && book->stale_formulas)
    return TRUE;

  switch (sr->type)
    {
    case CELL_SHARED_STRING:
      {
        guint64 index;

        value = value_stripped (sr->text);
        if (*value == '\0')
          return TRUE;
        if (!_od_xlsx_parse_uint (value, G_MAXUINT, &index) || index >= book->shared->strings->len)
          {
            g_autofree char *what = NULL;
            char reference[16];

            _od_xlsx_format_cell_reference (reference, sr->column, sr->row_number);
            /* Translators: %s is a cell reference such as “B7” */
            what = g_strdup_printf (_("cell %s refers to a shared text that does not exist"),
                                    reference);
            _od_xlsx_set_corrupt_error (error, book, what);
            return FALSE;
          }
        /* Not copied: a text shown in 2,000 cells is kept once. */
        *result = g_ptr_array_index (book->shared->strings, index);
      }
      return TRUE;

    case CELL_INLINE_STRING:
    case CELL_FORMULA_STRING:
      _od_xlsx_unescape_xstring (sr->text);
      *result = sr->text->str;
      *kept = FALSE;
      return TRUE;

    case CELL_ERROR:
    case CELL_ISO_DATE:
      *result = value_stripped (sr->text);
      *kept = FALSE;
      return TRUE;

    case CELL_BOOLEAN:
      value = value_stripped (sr->text);
      if (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0)
        *result = "TRUE";
      else if (strcmp (value, "0") == 0 || g_ascii_strcasecmp (value, "false") == 0)
        *result = "FALSE";
      else
        {
          *result = value;
          *kept = FALSE;
        }
      return TRUE;

    case CELL_NUMBER:
    default:
      value = value_stripped (sr->text);
      *kept = FALSE;
      if (*value == '\0')
        return TRUE;
      if (sr->style < book->xf_kinds->len)
        {
          NumberKind kind = g_array_index (book->xf_kinds, guint8, sr->style);

          if (kind != NUMBER_PLAIN)
            sr->formatted = format_serial (value, kind, book->date1904);
        }
      *result = sr->formatted != NULL ? sr->formatted : value;
      return TRUE;
    }
}

static CellType
parse_cell_type (const char *type)
{
  static const struct
  {
    const char *name;
    CellType    type;
  } types[] = {
    { "s", CELL_SHARED_STRING },
    { "inlineStr", CELL_INLINE_STRING },
    { "str", CELL_FORMULA_STRING },
    { "b", CELL_BOOLEAN },
    { "e", CELL_ERROR },
    { "d", CELL_ISO_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i].name) == 0)
      return types[i].type;
  return CELL_NUMBER;
}

/* --- worksheets --- */

static gboolean
sheet_start_row (SheetReader      *sr,
                 xmlTextReaderPtr  reader,
                 GError          **error)
{
  g_autofree char *number = _od_xlsx_dup_attribute (reader, "r");
  guint64 row;

  if (number == NULL)
    row = (guint64) sr->row_number + 1;
  else if (!_od_xlsx_parse_uint (number, G_MAXINT, &row) || row == 0)
    {
      /* Translators: %s is what the file gives as a row number */
      g_autofree char *what = g_strdup_printf (_("a row has the impossible number “%s”"),
                                               number);

      _od_xlsx_set_corrupt_error (error, sr->book, what);
      return FALSE;
    }

  sr->in_row = TRUE;
  sr->row_number = (guint) row;
  sr->next_column = 0;
  sr->row_unsorted = FALSE;
  g_array_set_size (sr->row_cells, 0);
  return TRUE;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  guint column_a = ((const Cell *) a)->column;
  guint column_b = ((const Cell *) b)->column;

  return column_a < column_b ? -1 : column_a > column_b;
}

static void
sheet_end_row (SheetReader *sr)
{
  OdXlsxSheet *sheet = sr->sheet;
  GArray *cells = sr->row_cells;
  RowInfo info;

  sr->in_row = FALSE;
  if (cells->len == 0)
    return;

  /* Writers put cells left to right; a file that does not is sorted, and
   * of two cells with one reference the later wins. g_array_sort() is
   * stable. */
  if (sr->row_unsorted)
    {
      guint n = 0;

      g_array_sort (cells, compare_cells);
      for (guint i = 0; i < cells->len; i++)
        {
          if (n > 0 && g_array_index (cells, Cell, n - 1).column
                       == g_array_index (cells, Cell, i).column)
            n--;
          g_array_index (cells, Cell, n++) = g_array_index (cells, Cell, i);
        }
      g_array_set_size (cells, n);
    }

  info.first_cell = sheet->cells->len;
  info.n_cells = cells->len;
  info.number = sr->row_number;
  g_array_append_vals (sheet->cells, cells->data, cells->len);
  g_array_append_val (sheet->rows, info);
  g_array_set_size (cells, 0);
}

static gboolean
sheet_start_cell (SheetReader      *sr,
                  xmlTextReaderPtr  reader,
                  GError          **error)
{
  sr->in_cell = TRUE;
  sr->skip_cell = FALSE;
  sr->column = sr->next_column;
  sr->type = CELL_NUMBER;
  sr->style = 0;
  sr->has_formula = FALSE;
  sr->in_value = FALSE;
  g_string_truncate (sr->text, 0);
  _od_xlsx_rich_text_end_item (&sr->rich);

  /* The attributes are read in place: this runs for every cell. */
  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        {
          const xmlChar *name = xmlTextReaderConstLocalName (reader);
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value == NULL || xmlTextReaderConstNamespaceUri (reader) != NULL)
            continue;
          if (_od_xlsx_name_is (name, "r"))
            {
              if (!_od_xlsx_parse_cell_column (value, &sr->column))
                {
                  /* Translators: %s is what the file gives as a cell reference */
                  g_autofree char *what =
                    g_strdup_printf (_("a cell has the impossible reference “%s”"), value);

                  xmlTextReaderMoveToElement (reader);
                  _od_xlsx_set_corrupt_error (error, sr->book, what);
                  return FALSE;
                }
            }
          else if (_od_xlsx_name_is (name, "t"))
            sr->type = parse_cell_type (value);
          else if (_od_xlsx_name_is (name, "s"))
            {
              guint64 style;

              sr->style = _od_xlsx_parse_uint (value, G_MAXUINT, &style) ? (guint) style : 0;
            }
        }
      while (xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }

  /* A cell further right than anything read is not read at all, and
   * cells without a reference after it are as far right. */
  sr->skip_cell = sr->column >= sr->max_columns;
  sr->next_column = sr->skip_cell ? sr->max_columns : sr->column + 1;
  return TRUE;
}

/* Text inside <v> or <t>: a cell that cannot fit in Excel's limit is
 * refused before it is complete, so that no cell costs more. */
static gboolean
sheet_append_text (SheetReader  *sr,
                   const char   *text,
                   GError      **error)
{
  if (sr->skip_cell)
    return TRUE;
  g_string_append (sr->text, text);
  if (sr->text->len > MAX_CELL_XML_TEXT)
    {
      _od_xlsx_set_cell_too_long_error (error, sr->book, sr->column, sr->row_number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sheet_end_cell (SheetReader  *sr,
                GError      **error)
{
  const char *text;
  gboolean kept;
  gsize len;
  Cell cell;

  sr->in_cell = FALSE;
  sr->in_value = FALSE;
  _od_xlsx_rich_text_end_item (&sr->rich);

  if (sr->skip_cell)
    return TRUE;
  if (!cell_text (sr, &text, &kept, error))
    return FALSE;
  if (*text == '\0')
    return TRUE;

  /* Counted before anything is kept: a hostile sheet stops here. Only a
   * text longer in bytes than the limit in characters needs counting. */
  len = strlen (text);
  if (len > OD_XLSX_MAX_CELL_CHARS && g_utf8_strlen (text, len) > OD_XLSX_MAX_CELL_CHARS)
    {
      _od_xlsx_set_cell_too_long_error (error, sr->book, sr->column, sr->row_number);
      return FALSE;
    }
  sr->n_text += len;
  if (sr->n_text > OD_XLSX_MAX_TEXT_SIZE)
    {
      _od_xlsx_set_too_much_text_error (error, sr->book);
      return FALSE;
    }
  if (++sr->n_cells > OD_XLSX_MAX_CELLS)
    {
      _od_xlsx_set_too_many_cells_error (error, sr->book);
      return FALSE;
    }

  cell.column = sr->column;
  cell.text = kept ? text : g_string_chunk_insert_len (sr->sheet->chunk, text, len);
  if (sr->row_cells->len > 0
      && g_array_index (sr->row_cells, Cell, sr->row_cells->len - 1).column >= cell.column)
    sr->row_unsorted = TRUE;
  g_array_append_val (sr->row_cells, cell);
  return TRUE;
}

static gboolean
sheet_start_element (SheetReader      *sr,
                     xmlTextReaderPtr  reader,
                     GError          **error)
{
  const xmlChar *name = xmlTextReaderConstLocalName (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  int depth;

  if (!sr->in_sheet_data)
    {
      if (_od_xlsx_name_is (name, "sheetData") && !empty)
        sr->in_sheet_data = TRUE;
      return TRUE;
    }

  if (_od_xlsx_name_is (name, "row"))
    {
      if (!sheet_start_row (sr, reader, error))
        return FALSE;
      if (empty)
        sheet_end_row (sr);
      return TRUE;
    }
  if (!sr->in_row)
    return TRUE;

  if (_od_xlsx_name_is (name, "c"))
    {
      if (!sheet_start_cell (sr, reader, error))
        return FALSE;
      return !empty || sheet_end_cell (sr, error);
    }
  if (!sr->in_cell)
    return TRUE;
  /* Cells that share a formula have an empty <f t="shared" si="0"/>. */
  if (_od_xlsx_name_is (name, "f"))
    {
      sr->has_formula = TRUE;
      return TRUE;
    }
  if (empty)
    return TRUE;

  depth = xmlTextReaderDepth (reader);
  if (_od_xlsx_name_is (name, "v"))
    sr->in_value = TRUE;
  else if (_od_xlsx_name_is (name, "is"))
    {
      /* Some writers leave t="inlineStr" out. */
      sr->type = CELL_INLINE_STRING;
      g_string_truncate (sr->text, 0);
      _od_xlsx_rich_text_begin_item (&sr->rich, depth);
    }
  else
    _od_xlsx_rich_text_start_element (&sr->rich, name, depth, empty);
  return TRUE;
}

static gboolean
sheet_end_element (SheetReader      *sr,
                   xmlTextReaderPtr  reader,
                   GError          **error)
{
  const xmlChar *name = xmlTextReaderConstLocalName (reader);

  if (!sr->in_sheet_data)
    return TRUE;

  if (_od_xlsx_name_is (name, "sheetData"))
    sr->done = TRUE;
  else if (_od_xlsx_name_is (name, "row"))
    {
      if (sr->in_row)
        sheet_end_row (sr);
    }
  else if (_od_xlsx_name_is (name, "c"))
    {
      if (sr->in_cell)
        return sheet_end_cell (sr, error);
    }
  else if (_od_xlsx_name_is (name, "v"))
    sr->in_value = FALSE;
  else if (_od_xlsx_name_is (name, "is"))
    _od_xlsx_rich_text_end_item (&sr->rich);
  else
    _od_xlsx_rich_text_end_element (&sr->rich, name, xmlTextReaderDepth (reader));
  return TRUE;
}

static gboolean
read_worksheet (OdXlsxBook   *book,
                const char   *part,
                OdXlsxSheet  *sheet,
                guint         max_columns,
                GError      **error)
{
  g_autoptr(GArray) row_cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GString) text = g_string_new (NULL);
  SheetReader sr = {
    .book = book,
    .sheet = sheet,
    .max_columns = max_columns,
    .row_cells = row_cells,
    .text = text,
    .rich = { -1, -1, FALSE },
  };
  gboolean ok = TRUE;
  PartReader pr;
  int rc = 0;

  if (!_od_xlsx_part_reader_open (&pr, book, part, error))
    return FALSE;

  while (ok && !sr.done && (rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (pr.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        ok = sheet_start_element (&sr, pr.reader, error);
      else if (type == XML_READER_TYPE_END_ELEMENT)
        ok = sheet_end_element (&sr, pr.reader, error);
      else if ((sr.in_value || sr.rich.in_text) && _od_xlsx_node_is_text (type))
        ok = sheet_append_text (&sr, (const char *) xmlTextReaderConstValue (pr.reader),
                                error);
    }

  if (ok)
    ok = _od_xlsx_part_reader_finish (&pr, sr.done ? 1 : rc, error);
  _od_xlsx_part_reader_clear (&pr);
  g_free (sr.formatted);
  return ok;
}

OdXlsxSheet *
od_xlsx_read_sheet_sparse (OdXlsxBook  *book,
                           guint        index,
                           guint        max_columns,
                           GError     **error)
{
  g_autoptr(OdXlsxSheet) sheet = NULL;
  Sheet *info;

  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (index < book->sheets->len, NULL);
  g_return_val_if_fail (max_columns > 0 && max_columns <= OD_XLSX_MAX_COLUMNS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_od_xlsx_load_shared_parts (book, error))
    return NULL;

  info = g_ptr_array_index (book->sheets, index);
  sheet = g_new0 (OdXlsxSheet, 1);
  sheet->shared = g_atomic_rc_box_acquire (book->shared);
  sheet->chunk = g_string_chunk_new (64 * 1024);
  sheet->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (RowInfo));
  if (!read_worksheet (book, info->part, sheet, max_columns, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

void
od_xlsx_sheet_free (OdXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_clear_pointer (&sheet->shared, _od_xlsx_shared_strings_release);
  g_string_chunk_free (sheet->chunk);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->rows);
  g_free (sheet);
}

guint
od_xlsx_sheet_get_n_rows (OdXlsxSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->rows->len;
}

guint
od_xlsx_sheet_get_n_fields (OdXlsxSheet *sheet,
                            guint        row)
{
  const RowInfo *info;

  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (row < sheet->rows->len, 0);

  info = &g_array_index (sheet->rows, RowInfo, row);
  return g_array_index (sheet->cells, Cell, info->first_cell + info->n_cells - 1).column + 1;
}

const char *
od_xlsx_sheet_get_cell (OdXlsxSheet *sheet,
                        guint        row,
                        guint        column)
{
  const RowInfo *info;
  const Cell *cells;
  guint low = 0, high;

  g_return_val_if_fail (sheet != NULL, "");
  g_return_val_if_fail (row < sheet->rows->len, "");

  info = &g_array_index (sheet->rows, RowInfo, row);
  cells = &g_array_index (sheet->cells, Cell, info->first_cell);
  high = info->n_cells;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (cells[middle].column == column)
        return cells[middle].text;
      if (cells[middle].column < column)
        low = middle + 1;
      else
        high = middle;
    }
  return "";
}

guint
od_xlsx_sheet_get_row_number (OdXlsxSheet *sheet,
                              guint        row)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (row < sheet->rows->len, 0);

  return g_array_index (sheet->rows, RowInfo, row).number;
}

GPtrArray *
od_xlsx_read_sheet (OdXlsxBook  *book,
                    guint        index,
                    GError     **error)
{
  return od_xlsx_read_sheet_full (book, index, NULL, error);
}

GPtrArray *
od_xlsx_read_sheet_full (OdXlsxBook  *book,
                         guint        index,
                         GArray     **row_numbers,
                         GError     **error)
{
  g_autoptr(OdXlsxSheet) sheet = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) numbers = NULL;

  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (index < book->sheets->len, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (row_numbers != NULL)
    *row_numbers = NULL;
  sheet = od_xlsx_read_sheet_sparse (book, index, OD_XLSX_MAX_COLUMNS, error);
  if (sheet == NULL)
    return NULL;

  rows = g_ptr_array_new_full (sheet->rows->len, (GDestroyNotify) g_strfreev);
  numbers = g_array_sized_new (FALSE, FALSE, sizeof (guint), sheet->rows->len);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const RowInfo *info = &g_array_index (sheet->rows, RowInfo, r);
      guint n = od_xlsx_sheet_get_n_fields (sheet, r);
      char **row = g_new (char *, n + 1);
      guint c = 0;

      for (guint i = 0; i < info->n_cells; i++)
        {
          const Cell *cell = &g_array_index (sheet->cells, Cell, info->first_cell + i);

          for (; c < cell->column; c++)
            row[c] = g_strdup ("");
          row[c++] = g_strdup (cell->text);
        }
      row[n] = NULL;
      g_ptr_array_add (rows, row);
      g_array_append_val (numbers, info->number);
    }

  if (row_numbers != NULL)
    *row_numbers = g_steal_pointer (&numbers);
  return g_steal_pointer (&rows);
}
