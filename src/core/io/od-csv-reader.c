/* od-csv-reader.c — CSV files as a plain table of strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files come from two places: OrgDesk's own exports (UTF-8 with a BOM,
 * CRLF) and Excel on Chinese Windows, whose plain "CSV" is GBK (code page
 * 936) and whose "Unicode text" is tab-separated UTF-16LE with a BOM.
 * GB18030 is a superset of GBK, so GBK files are read as GB18030
 * (DESIGN.md §8). A file that is valid UTF-8 is taken as UTF-8: GBK text
 * with Chinese characters is almost never valid UTF-8. A file that is
 * UTF-8 but for a stray byte or two is not guessed to be GBK either (that
 * would import every Chinese character as mojibake): the stray byte is
 * reported, as for a file read as UTF-8 (see looks_like_utf8 ()).
 *
 * The whole file is decoded into one UTF-8 buffer and the fields are
 * unescaped in place inside it (an unescaped field is never longer than its
 * text in the file), so a table costs the text plus one pointer per field.
 */
#define G_LOG_DOMAIN "orgdesk-csv-reader"

#include <string.h>

#include <glib/gi18n.h>

#include "od-csv-reader.h"

#define READ_CHUNK (256 * 1024)

/* Well-formed multi-byte UTF-8 sequences per invalid byte from which a file
 * is taken for damaged UTF-8 rather than for GB18030. GBK text read as
 * UTF-8 forms a sequence only where a lead byte C2–DF or E0–EF happens to
 * be followed by 80–BF: over whole files (the zh_CN catalogue, the demo
 * registry) about one sequence per four invalid bytes, and in samples of
 * a handful of characters at most 3.5. UTF-8 text has one sequence per
 * non-ASCII character and one invalid byte per stray byte, so 8 leaves a
 * margin of more than two on the GBK side and needs only eight Chinese
 * characters per stray byte — a header row has that. */
#define UTF8_SEQUENCES_PER_INVALID_BYTE 8

typedef struct
{
  guint first_cell;   /* index in cells */
  guint n_fields;
  guint line;
} Row;

struct _OdCsvTable
{
  char          *text;        /* the decoded file; the fields point into it */
  GPtrArray     *cells;       /* each row's fields followed by NULL */
  GArray        *rows;        /* Row */
  char           separator;
  OdCsvEncoding  encoding;
  gboolean       had_bom;
};

G_DEFINE_QUARK (od-csv-error-quark, od_csv_error)

/* --- helpers --- */

static gboolean
is_utf16 (OdCsvEncoding encoding)
{
  return encoding == OD_CSV_ENCODING_UTF16LE || encoding == OD_CSV_ENCODING_UTF16BE;
}

/* The 1-based line of byte OFFSET in the undecoded file. CR LF, LF and a lone
 * CR each end a line, as in the parser. In UTF-8 and GB18030 the bytes of a
 * CR or LF never occur inside another character; UTF-16 is read by code unit. */
static guint
line_at_offset (const guchar  *data,
                gsize          start,
                gsize          offset,
                OdCsvEncoding  encoding)
{
  gsize step = is_utf16 (encoding) ? 2 : 1;
  gboolean after_cr = FALSE;
  guint line = 1;

  for (gsize i = start; i + step <= offset; i += step)
    {
      guint c = data[i];

      if (encoding == OD_CSV_ENCODING_UTF16LE)
        c = data[i] | (data[i + 1] << 8);
      else if (encoding == OD_CSV_ENCODING_UTF16BE)
        c = (data[i] << 8) | data[i + 1];

      if (c == '\n' && !after_cr)
        line++;
      else if (c == '\r')
        line++;
      after_cr = c == '\r';
    }

  return line;
}

static void
set_too_large_error (GError **error)
{
  g_autofree char *limit = g_format_size (OD_CSV_MAX_FILE_SIZE);

  g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE,
               /* Translators: %s is a size such as "200.0 MB" */
               _("The file is larger than %s, the most that can be imported at once. "
                 "Split it into smaller files and import them one after another."),
               limit);
}

/* Whether DATA, which is not valid UTF-8, is still UTF-8 with a few stray
 * bytes (UTF8_SEQUENCES_PER_INVALID_BYTE says why the ratio). */
static gboolean
looks_like_utf8 (const guchar *data,
                 gsize         len)
{
  guint64 n_sequences = 0;
  guint64 n_invalid = 0;
  gsize i = 0;

  while (i < len)
    {
      gunichar c;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) data + i, (gssize) (len - i));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          n_invalid++;
          i++;
        }
      else
        {
          n_sequences++;
          i += g_utf8_skip[data[i]];
        }
    }

  return n_invalid > 0 && n_sequences >= UTF8_SEQUENCES_PER_INVALID_BYTE * n_invalid;
}

/* OFFSET is where decoding stopped, in bytes from the start of the file
 * (BOM included); CUT_SHORT when the file ends inside the character there.
 * ALMOST_UTF8: automatic detection found the file UTF-8 but for this. */
static void
set_encoding_error (GError        **error,
                    const guchar   *data,
                    gsize           len,
                    gsize           start,
                    gsize           offset,
                    gboolean        cut_short,
                    OdCsvEncoding   tried,
                    OdCsvEncoding   asked,
                    gboolean        had_bom,
                    gboolean        almost_utf8)
{
  guint line = line_at_offset (data, start, offset, tried);
  const char *name;
  g_autofree char *what = NULL;
  const char *todo;

  if (almost_utf8)
    name = "UTF-8";
  else if (asked == OD_CSV_ENCODING_AUTO && !had_bom)
    name = _("UTF-8 or GB18030 (GBK)");
  else if (tried == OD_CSV_ENCODING_UTF8)
    name = "UTF-8";
  else if (tried == OD_CSV_ENCODING_GB18030)
    name = "GB18030 (GBK)";
  else
    name = "UTF-16";

  if (cut_short || offset >= len)
    /* Translators: %u is a line number, %s an encoding such as "UTF-8" */
    what = g_strdup_printf (_("Line %u: the file ends in the middle of a character, so it "
                              "cannot be read as %s text; it may have been cut short."),
                            line, name);
  else
    /* Translators: the first %u is a line number, the second a byte offset
     * from the start of the file, 0x%02X the byte's value; %s an encoding */
    what = g_strdup_printf (_("Line %u: the byte at offset %u (0x%02X) cannot be read as "
                              "%s text."),
                            line, (guint) offset, data[offset], name);

  /* Translators: in these three, write the file type as Excel shows it
   * in your language (Chinese Excel: “CSV UTF-8(逗号分隔)”). */
  if (asked == OD_CSV_ENCODING_UTF8 && !had_bom)
    todo = _("If the file was saved by Excel on Chinese Windows, import it with the "
             "GB18030 (GBK) encoding, or save it in Excel as “CSV UTF-8 (Comma "
             "delimited)” and import that file.");
  else if (asked == OD_CSV_ENCODING_GB18030 && !had_bom)
    todo = _("Import it with automatic encoding detection, or save it in Excel as "
             "“CSV UTF-8 (Comma delimited)” and import that file.");
  else if (almost_utf8)
    /* Translators: keep --encoding gb18030, it is typed; “Text encoding
     * (CSV files)” is the option's title in the Import window */
    todo = _("The rest of the file is UTF-8 text, so it was not read as another encoding. "
             "Correct or delete the character there and import the file again. If the file "
             "really is GB18030 (GBK), choose that encoding: --encoding gb18030 with "
             "orgdesk-cli, or “Text encoding (CSV files)” in the Import window.");
  else
    todo = _("Open it in Excel, save it as “CSV UTF-8 (Comma delimited)” and import "
             "that file.");

  /* Translators: what is wrong, then what to do (no space needed in Chinese) */
  g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_ENCODING, _("%s %s"), what, todo);
}

/* A zero byte (or UTF-16 unit) is never text: it would also cut a field
 * short. Most often the file is a workbook or UTF-16 without a BOM. */
static gboolean
check_no_zero (const guchar   *data,
               gsize           len,
               gsize           start,
               OdCsvEncoding   encoding,
               GError        **error)
{
  gsize offset = len;

  if (is_utf16 (encoding))
    {
      for (gsize i = start; i + 1 < len; i += 2)
        if (data[i] == 0 && data[i + 1] == 0)
          {
            offset = i;
            break;
          }
    }
  else
    {
      const guchar *zero = memchr (data + start, 0, len - start);

      if (zero != NULL)
        offset = zero - data;
    }

  if (offset == len)
    return TRUE;

  g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_ENCODING,
               /* Translators: the first %u is a line number, the second a byte
                * offset from the start of the file */
               _("Line %u: the byte at offset %u is a zero byte, which a CSV file never "
                 "contains; it may be an Excel workbook (.xlsx or .xls) with a .csv name. "
                 "Open it in Excel, save it as “CSV UTF-8 (Comma delimited)” and import "
                 "that file."),
               line_at_offset (data, start, offset, encoding), (guint) offset);
  return FALSE;
}

/* Decodes DATA[START, LEN) from ENCODING into a new UTF-8 string. Returns
 * NULL with *STOP set to the file offset where decoding stopped and
 * *CUT_SHORT to whether the file ends inside a character there; *STOP is
 * G_MAXSIZE when ERROR is set. */
static char *
convert (const guchar  *data,
         gsize          len,
         gsize          start,
         OdCsvEncoding  encoding,
         gsize         *text_len,
         gsize         *stop,
         gboolean      *cut_short,
         GError       **error)
{
  const char *from = encoding == OD_CSV_ENCODING_GB18030 ? "GB18030"
                     : encoding == OD_CSV_ENCODING_UTF16LE ? "UTF-16LE"
                     : "UTF-16BE";
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize bytes_read = 0;

  text = g_convert ((const char *) data + start, len - start, "UTF-8", from,
                    &bytes_read, text_len, &local_error);
  if (text == NULL && g_error_matches (local_error, G_CONVERT_ERROR,
                                       G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_ENCODING,
                   /* Translators: %s is an encoding name, then a system message */
                   _("This system cannot convert text from %s (%s). Save the file in Excel "
                     "as “CSV UTF-8 (Comma delimited)” and import that file."),
                   from, local_error->message);
      *stop = G_MAXSIZE;
      return NULL;
    }

  /* With bytes_read given, g_convert() reports a character cut off at the
   * end as success: what was read falls short of the end instead. */
  *stop = start + bytes_read;
  *cut_short = text != NULL && bytes_read < len - start;
  if (text == NULL || *cut_short)
    return NULL;

  return g_steal_pointer (&text);
}

/* Fills TABLE->text with the file as UTF-8 (including a trailing NUL) and
 * returns where its rows start. OWNED, when not NULL, is DATA with a NUL
 * after LEN bytes, handed over so that a UTF-8 file is not copied. */
static char *
decode (OdCsvTable     *table,
        const guchar   *data,
        gsize           len,
        char          **owned,
        OdCsvEncoding   asked,
        gsize          *text_len,
        GError        **error)
{
  OdCsvEncoding encoding = asked;
  gsize start = 0;
  const char *utf8_end = NULL;
  gsize utf8_stop = 0;
  gboolean utf8_cut_short = FALSE;
  gsize stop = 0;
  gboolean cut_short = FALSE;

  /* A byte-order mark says more than a guess or a choice in a dialog. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      encoding = OD_CSV_ENCODING_UTF8;
      start = 3;
    }
  else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      encoding = OD_CSV_ENCODING_UTF16LE;
      start = 2;
    }
  else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      encoding = OD_CSV_ENCODING_UTF16BE;
      start = 2;
    }
  table->had_bom = start > 0;

  if (!check_no_zero (data, len, start, encoding, error))
    return NULL;

  if (encoding == OD_CSV_ENCODING_AUTO || encoding == OD_CSV_ENCODING_UTF8)
    {
      if (g_utf8_validate_len ((const char *) data + start, len - start, &utf8_end))
        {
          table->encoding = OD_CSV_ENCODING_UTF8;
          *text_len = len - start;
          if (*owned != NULL)
            {
              table->text = g_steal_pointer (owned);
              return table->text + start;
            }
          table->text = g_malloc (len - start + 1);
          memcpy (table->text, data + start, len - start);
          table->text[len - start] = '\0';
          return table->text;
        }
      utf8_stop = (const guchar *) utf8_end - data;
      utf8_cut_short = g_utf8_get_char_validated (utf8_end, len - utf8_stop) == (gunichar) -2;
      if (encoding == OD_CSV_ENCODING_UTF8)
        {
          set_encoding_error (error, data, len, start, utf8_stop, utf8_cut_short,
                              OD_CSV_ENCODING_UTF8, asked, table->had_bom, FALSE);
          return NULL;
        }
      /* GB18030 reads almost any bytes: never guess it for a UTF-8 file
       * with a stray byte, whose Chinese would all turn to mojibake. */
      if (looks_like_utf8 (data + start, len - start))
        {
          set_encoding_error (error, data, len, start, utf8_stop, utf8_cut_short,
                              OD_CSV_ENCODING_UTF8, asked, table->had_bom, TRUE);
          return NULL;
        }
      encoding = OD_CSV_ENCODING_GB18030;
    }

  table->encoding = encoding;
  table->text = convert (data, len, start, encoding, text_len, &stop, &cut_short, error);
  if (table->text != NULL)
    return table->text;
  if (stop == G_MAXSIZE)
    return NULL;

  /* Neither encoding reads the file: the one that got further is the more
   * likely, and its stopping place the more useful to name. */
  if (utf8_end != NULL && utf8_stop > stop)
    set_encoding_error (error, data, len, start, utf8_stop, utf8_cut_short, OD_CSV_ENCODING_UTF8,
                        asked, table->had_bom, FALSE);
  else
    set_encoding_error (error, data, len, start, stop, cut_short, encoding, asked, table->had_bom,
                        FALSE);
  return NULL;
}

/* The most frequent of ',', ';' and '\t' outside quotes in the first
 * non-blank row (which a quoted field may continue over several lines). */
static char
sniff_separator (const char *text,
                 gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean in_quotes = FALSE;
  gboolean field_start = TRUE;
  gsize pos = 0;

  while (pos < len && (text[pos] == '\r' || text[pos] == '\n'))
    pos++;

  for (; pos < len; pos++)
    {
      char c = text[pos];

      if (in_quotes)
        {
          if (c == '"' && pos + 1 < len && text[pos + 1] == '"')
            pos++;
          else if (c == '"')
            in_quotes = FALSE;
          continue;
        }
      if (c == '\r' || c == '\n')
        break;
      if (c == '"' && field_start)
        in_quotes = TRUE;

      commas += c == ',';
      semicolons += c == ';';
      tabs += c == '\t';
      field_start = c == ',' || c == ';' || c == '\t';
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* RFC 4180, read leniently where Excel is: a quote that does not start a
 * field is an ordinary character, and so is text after a closing quote.
 * Only a quoted field that never ends is an error, as it would swallow the
 * rest of the file. */
static gboolean
parse (OdCsvTable  *table,
       char        *text,
       gsize        len,
       GError     **error)
{
  char stops[] = { table->separator, '\r', '\n', '\0' };
  guint line = 1;
  gsize pos = 0;

  while (pos < len)
    {
      Row row = { table->cells->len, 0, line };

      if (text[pos] == '\r' || text[pos] == '\n')
        {
          /* A blank line is no row, but it still counts as a line. */
          pos += text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n' ? 2 : 1;
          line++;
          continue;
        }

      for (;;)
        {
          /* Each field is unescaped where it starts: the write position W
           * never passes the read position POS, and every byte is read
           * before anything is written over it. */
          char *field = text + pos;
          char *w = field;
          gsize n;
          char end;

          if (text[pos] == '"')
            {
              guint field_line = line;

              pos++;
              for (;;)
                {
                  n = strcspn (text + pos, "\"\r\n");
                  memmove (w, text + pos, n);
                  w += n;
                  pos += n;

                  if (pos >= len)
                    {
                      g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_SYNTAX,
                                   /* Translators: %u is a line number */
                                   _("Line %u: a field starts with a quote mark (\") that "
                                     "is never closed, so the rest of the file cannot be "
                                     "split into rows. Add the missing closing quote mark "
                                     "on that line, or remove the stray one, and import "
                                     "the file again."),
                                   field_line);
                      return FALSE;
                    }

                  if (text[pos] == '"')
                    {
                      if (text[pos + 1] != '"')
                        {
                          pos++;
                          break;
                        }
                      *w++ = '"';
                      pos += 2;
                    }
                  else if (text[pos] == '\r' && text[pos + 1] == '\n')
                    {
                      *w++ = '\r';
                      *w++ = '\n';
                      pos += 2;
                      line++;
                    }
                  else
                    {
                      *w++ = text[pos++];
                      line++;
                    }
                }
            }

          n = strcspn (text + pos, stops);
          memmove (w, text + pos, n);
          w += n;
          pos += n;

          end = text[pos];
          *w = '\0';
          if (table->cells->len >= OD_CSV_MAX_CELLS)
            {
              g_set_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE,
                           /* Translators: %u is a number of cells, %u a line number */
                           _("The file has more than %u cells (reached on line %u), the most "
                             "that can be imported at once. Split it into smaller files, or "
                             "remove the empty columns and rows, and import them one after "
                             "another."), (guint) OD_CSV_MAX_CELLS, line);
              return FALSE;
            }
          g_ptr_array_add (table->cells, field);
          row.n_fields++;

          if (end == table->separator)
            {
              pos++;
              continue;
            }
          if (end == '\r' || end == '\n')
            {
              pos += end == '\r' && text[pos + 1] == '\n' ? 2 : 1;
              line++;
            }
          break;
        }

      g_ptr_array_add (table->cells, NULL);
      g_array_append_val (table->rows, row);
    }

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, OD_CSV_ERROR, OD_CSV_ERROR_EMPTY,
                           _("The file has no rows: it is empty or holds only blank lines. "
                             "Check that this is the file you meant, or save it again from "
                             "the spreadsheet."));
      return FALSE;
    }

  return TRUE;
}

/* Takes OWNED (see decode ()) in all cases. */
static OdCsvTable *
read_data (const guchar   *data,
           gsize           len,
           char           *owned,
           OdCsvEncoding   encoding,
           GError        **error)
{
  g_autofree char *owned_data = owned;
  g_autoptr(OdCsvTable) table = NULL;
  gsize text_len = 0;
  char *text;

  if (len > OD_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  table = g_new0 (OdCsvTable, 1);
  table->cells = g_ptr_array_new ();
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));

  text = decode (table, data, len, &owned_data, encoding, &text_len, error);
  if (text == NULL)
    return NULL;

  table->separator = sniff_separator (text, text_len);
  if (!parse (table, text, text_len, error))
    return NULL;

  return g_steal_pointer (&table);
}

/* --- public API --- */

/**
 * od_csv_read_file:
 * @path: the file
 * @encoding: the encoding to read it in, usually %OD_CSV_ENCODING_AUTO
 * @error: return location for an error
 *
 * Reads a whole CSV file into memory. Files over %OD_CSV_MAX_FILE_SIZE are
 * refused before they are read.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
OdCsvTable *
od_csv_read_file (const char     *path,
                  OdCsvEncoding   encoding,
                  GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  goffset size = 0;
  gsize len;
  char *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (encoding <= OD_CSV_ENCODING_UTF16BE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);
  if (size > OD_CSV_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  /* Read to the end rather than trust the size: the file may be growing, or
   * a pipe with no size at all. */
  buffer = g_byte_array_sized_new ((guint) size + 1);
  for (;;)
    {
      guint old_len = buffer->len;
      /* One byte more than the size left, so that the end shows at once. */
      guint chunk = MAX ((guint) MAX (size - old_len, 0) + 1, READ_CHUNK);
      gssize n;

      g_byte_array_set_size (buffer, old_len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                               NULL, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, old_len + (guint) n);
      if (n == 0)
        break;
      if (buffer->len > OD_CSV_MAX_FILE_SIZE)
        {
          set_too_large_error (error);
          return NULL;
        }
    }

  len = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  data = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
  return read_data ((const guchar *) data, len, data, encoding, error);
}

/**
 * od_csv_read_bytes:
 * @bytes: the contents of a CSV file
 * @encoding: the encoding to read it in, usually %OD_CSV_ENCODING_AUTO
 * @error: return location for an error
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
OdCsvTable *
od_csv_read_bytes (GBytes         *bytes,
                   OdCsvEncoding   encoding,
                   GError        **error)
{
  gsize len = 0;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (encoding <= OD_CSV_ENCODING_UTF16BE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  /* Empty GBytes may have no data pointer at all. */
  if (data == NULL)
    data = (const guchar *) "";
  return read_data (data, len, NULL, encoding, error);
}

void
od_csv_table_free (OdCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->text);
  g_ptr_array_unref (table->cells);
  g_array_unref (table->rows);
  g_free (table);
}

guint
od_csv_table_get_n_rows (OdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

const char *const *
od_csv_table_get_row (OdCsvTable *table,
                      guint       row)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  return (const char *const *) &table->cells->pdata[g_array_index (table->rows, Row,
                                                                   row).first_cell];
}

guint
od_csv_table_get_n_fields (OdCsvTable *table,
                           guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->rows, Row, row).n_fields;
}

guint
od_csv_table_get_line (OdCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->rows, Row, row).line;
}

char
od_csv_table_get_separator (OdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->separator;
}

OdCsvEncoding
od_csv_table_get_encoding (OdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, OD_CSV_ENCODING_UTF8);

  return table->encoding;
}

gboolean
od_csv_table_get_had_bom (OdCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  return table->had_bom;
}
