/* od-xlsx-reader.c — the cells of an Excel workbook (.xlsx) as rows of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .xlsx file is a zip of XML parts (ECMA-376, Office Open XML). The reader
 * follows the package's relationships instead of guessing part names:
 * _rels/.rels → the workbook → its relationships → each worksheet, the
 * shared strings and the styles. Every part is streamed out of libzip
 * through libxml2's xmlTextReader, so no sheet is ever held in memory as
 * XML, and no part may unpack to more than OD_XLSX_MAX_PART_SIZE: the sizes
 * in the zip directory are checked when the file is opened, and the bytes
 * really unpacked are counted while reading, in case the directory lies.
 *
 * Element names are matched without their namespace, so Strict OOXML and
 * writers that use prefixes (<x:c>) read like ordinary files.
 *
 * A sheet is kept sparse (OdXlsxSheet): one small Cell per non-empty cell,
 * rows in one array, the text of shared strings not copied but pointed
 * into the workbook's table, which the sheet holds a reference to. What a
 * hostile file could make cost memory is bounded while it is read: cells
 * beyond max_columns are skipped, and the text of each cell, of all cells
 * and of the shared-string table, and the number of cells, are counted
 * against the limits in od-xlsx-reader.h.
 */
#define G_LOG_DOMAIN "orgdesk-xlsx-reader"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "od-xlsx-private.h"
#include "od-xlsx-reader.h"


G_DEFINE_QUARK (od-xlsx-error-quark, od_xlsx_error)

/* Built-in number formats that show dates or times (ECMA-376 §18.8.30).
 * 27–36 and 50–58 depend on the locale; these are the zh-CN codes, and they
 * are dates or times in every East Asian locale alike. */
static const struct
{
  guint       id;
  const char *code;
} builtin_formats[] = {
  { 14, "mm-dd-yy" },
  { 15, "d-mmm-yy" },
  { 16, "d-mmm" },
  { 17, "mmm-yy" },
  { 18, "h:mm AM/PM" },
  { 19, "h:mm:ss AM/PM" },
  { 20, "h:mm" },
  { 21, "h:mm:ss" },
  { 22, "m/d/yy h:mm" },
  { 27, "yyyy\"年\"m\"月\"" },
  { 28, "m\"月\"d\"日\"" },
  { 29, "m\"月\"d\"日\"" },
  { 30, "m-d-yy" },
  { 31, "yyyy\"年\"m\"月\"d\"日\"" },
  { 32, "h\"时\"mm\"分\"" },
  { 33, "h\"时\"mm\"分\"ss\"秒\"" },
  { 34, "上午/下午h\"时\"mm\"分\"" },
  { 35, "上午/下午h\"时\"mm\"分\"ss\"秒\"" },
  { 36, "yyyy\"年\"m\"月\"" },
  { 45, "mm:ss" },
  { 46, "[h]:mm:ss" },
  { 47, "mmss.0" },
  { 50, "yyyy\"年\"m\"月\"" },
  { 51, "m\"月\"d\"日\"" },
  { 52, "yyyy\"年\"m\"月\"" },
  { 53, "m\"月\"d\"日\"" },
  { 54, "m\"月\"d\"日\"" },
  { 55, "上午/下午h\"时\"mm\"分\"" },
  { 56, "上午/下午h\"时\"mm\"分\"ss\"秒\"" },
  { 57, "yyyy\"年\"m\"月\"" },
  { 58, "m\"月\"d\"日\"" },
};

/* --- helpers --- */

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->part);
  g_free (sheet);
}

static void
relationship_free (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

gboolean
_od_xlsx_name_is (const xmlChar *name,
                  const char    *expected)
{
  return name != NULL && strcmp ((const char *) name, expected) == 0;
}

/* The last segment of a relationship type: ".../relationships/worksheet" →
 * "worksheet". Transitional and Strict OOXML differ only before it. */
static gboolean
relationship_type_is (const Relationship *rel,
                      const char         *kind)
{
  const char *slash = strrchr (rel->type, '/');

  return strcmp (slash != NULL ? slash + 1 : rel->type, kind) == 0;
}

char *
_od_xlsx_dup_attribute (xmlTextReaderPtr  reader,
                        const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* r:id, in the Transitional or the Strict relationships namespace. */
static char *
dup_relationship_id (xmlTextReaderPtr reader)
{
  static const char *const namespaces[] = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  };

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                    (const xmlChar *) namespaces[i]);
      if (value != NULL)
        {
          char *copy = g_strdup ((const char *) value);

          xmlFree (value);
          return copy;
        }
    }
  return NULL;
}

/* xsd:boolean */
static gboolean
attribute_is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

gboolean
_od_xlsx_parse_uint (const char *text,
                     guint64     max,
                     guint64    *value)
{
  guint64 parsed;
  char *end;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  parsed = g_ascii_strtoull (text, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (errno != 0 || *end != '\0' || parsed > max)
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* Excel writes characters that XML cannot hold as _xHHHH_ (_x000D_ for a
 * carriage return), and a literal "_x" that looks like one as _x005F_x…. */
void
_od_xlsx_unescape_xstring (GString *text)
{
  GString *out;
  const char *p;

  if (strstr (text->str, "_x") == NULL)
    return;

  out = g_string_sized_new (text->len);
  for (p = text->str; *p != '\0'; )
    {
      if (p[0] == '_' && p[1] == 'x'
          && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8)
                       | (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }

  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* The folder of a part name: "xl/workbook.xml" → "xl", "book.xml" → "". */
static char *
part_folder (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, slash - part) : g_strdup ("");
}

/* Where the relationships of @part are: "xl/_rels/workbook.xml.rels", or
 * "_rels/.rels" for the package itself (@part NULL). */
static char *
relationships_part (const char *part)
{
  const char *slash;

  if (part == NULL)
    return g_strdup ("_rels/.rels");
  slash = strrchr (part, '/');
  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", part);
  return g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1);
}

/* A relationship target is a URI relative to the folder of its source part,
 * or absolute from the package root ("/xl/worksheets/sheet1.xml"). Returns
 * the part name it means, or NULL if it climbs out of the package. */
static char *
resolve_target (const char *source_part,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const char *path = unescaped != NULL ? unescaped : target;

  if (path[0] == '/')
    joined = g_strdup (path);
  else
    {
      g_autofree char *folder = source_part != NULL ? part_folder (source_part) : g_strdup ("");

      joined = g_strconcat (folder, "/", path, NULL);
    }

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* Part names are case-insensitive (OPC §9.1.1.1). */
static zip_int64_t
locate_part (OdXlsxBook *book,
             const char *part)
{
  zip_int64_t index = zip_name_locate (book->zip, part, 0);

  if (index < 0)
    index = zip_name_locate (book->zip, part, ZIP_FL_NOCASE);
  return index;
}

static gboolean
has_part (OdXlsxBook *book,
          const char *part)
{
  return part != NULL && locate_part (book, part) >= 0;
}

/* "A", "B", …, "Z", "AA", … for messages. */
void
_od_xlsx_format_cell_reference (char   buffer[16],
                                guint  column,
                                guint  row)
{
  char letters[8];
  int n = 0;

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  for (int i = 0; i < n / 2; i++)
    {
      char c = letters[i];

      letters[i] = letters[n - 1 - i];
      letters[n - 1 - i] = c;
    }
  g_snprintf (buffer, 16, "%.*s%u", n, letters, row);
}

/* "C5" → column 2 (0-based); the row digits are not needed. */
gboolean
_od_xlsx_parse_cell_column (const char *reference,
                            guint      *column)
{
  guint value = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (value > OD_XLSX_MAX_COLUMNS)
        return FALSE;
    }
  if (p == reference || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  *column = value - 1;
  return TRUE;
}

/* --- errors --- */

static void
set_read_error (GError     **error,
                const char  *display_name,
                const char  *reason)
{
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_READ,
               /* Translators: the first %s is a file name, the second why it cannot be read */
               _("“%s” cannot be read: %s. Check that the file exists and that you may read it."),
               display_name, reason);
}

static void
set_not_xlsx_error (GError     **error,
                    OdXlsxBook  *book)
{
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_NOT_XLSX,
               _("“%s” is not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as "
                 ".xlsx or CSV."),
               book->display_name);
}

/* @what is a translated phrase saying what is wrong inside the file. */
void
_od_xlsx_set_corrupt_error (GError     **error,
                            OdXlsxBook  *book,
                            const char  *what)
{
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_CORRUPT,
               /* Translators: the first %s is a file name, the second says what is wrong
                * inside it, e.g. “its part “xl/worksheets/sheet1.xml” is not valid XML (line 3)” */
               _("“%s” is damaged: %s. Open it in Excel or WPS, which can often repair it, and "
                 "save it again."),
               book->display_name, what);
}

static void
set_damaged_zip_error (GError     **error,
                       OdXlsxBook  *book,
                       const char  *detail)
{
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_CORRUPT,
               /* Translators: the first %s is a file name, the second a technical detail */
               _("“%s” is damaged or incomplete (%s). If it came by download or e-mail, get it "
                 "again; otherwise open it in Excel or WPS, which can often repair it, and save "
                 "it again."),
               book->display_name, detail);
}

static void
set_missing_part_error (GError     **error,
                        OdXlsxBook  *book,
                        const char  *part)
{
  /* Translators: %s is the name of a part inside the workbook's zip archive */
  g_autofree char *what = g_strdup_printf (_("its part “%s” is missing"), part);

  _od_xlsx_set_corrupt_error (error, book, what);
}

static void
set_too_large_error (GError     **error,
                     OdXlsxBook  *book,
                     const char  *part)
{
  g_autofree char *limit = g_format_size (OD_XLSX_MAX_PART_SIZE);

  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a part inside it,
                * the third a size such as “500.0 MB” */
               _("“%s” is too large to import: its part “%s” unpacks to more than %s. Split the "
                 "data into smaller workbooks, or save it as CSV."),
               book->display_name, part, limit);
}

void
_od_xlsx_set_cell_too_long_error (GError     **error,
                                  OdXlsxBook  *book,
                                  guint        column,
                                  guint        row)
{
  char reference[16];

  _od_xlsx_format_cell_reference (reference, column, row);
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a cell reference
                * such as “B7”, %u the most characters Excel allows in a cell (32767) */
               _("“%s” cannot be imported: cell %s holds more than %u characters, more than "
                 "Excel allows in one cell. Shorten or delete the text of that cell, save the "
                 "workbook and import it again."),
               book->display_name, reference, (guint) OD_XLSX_MAX_CELL_CHARS);
}

void
_od_xlsx_set_too_much_text_error (GError     **error,
                                  OdXlsxBook  *book)
{
  g_autofree char *limit = g_format_size (OD_XLSX_MAX_TEXT_SIZE);

  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size such as
                * “64.0 MB” */
               _("“%s” is too large to import: its cells hold more than %s of text (a shared "
                 "text counts again in every cell that shows it). Remove cells with very long "
                 "texts, or split the data into smaller workbooks and import them one after "
                 "another."),
               book->display_name, limit);
}

void
_od_xlsx_set_too_many_cells_error (GError     **error,
                                   OdXlsxBook  *book)
{
  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, %u a number of cells */
               _("“%s” is too large to import: the sheet has more than %u filled cells. Split "
                 "the data into smaller workbooks and import them one after another."),
               book->display_name, (guint) OD_XLSX_MAX_CELLS);
}

static void
set_shared_strings_too_large_error (GError     **error,
                                    OdXlsxBook  *book)
{
  g_autofree char *limit = g_format_size (OD_XLSX_MAX_TEXT_SIZE);

  g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file name, the second a size such as
                * “64.0 MB” */
               _("“%s” is too large to import: its table of shared texts takes more than %s. "
                 "Remove cells with very long texts, or split the data into smaller workbooks "
                 "and import them one after another."),
               book->display_name, limit);
}

/* --- streaming a part --- */

static int
part_read_cb (void *user_data,
              char *buffer,
              int   len)
{
  PartReader *pr = user_data;
  zip_int64_t n;

  /* A stop is reported as the end of input, not as an I/O error, which
   * libxml2 would print on stderr; part_reader_finish() knows better. */
  if (pr->too_large || pr->zip_error != NULL)
    return 0;

  n = zip_fread (pr->file, buffer, (zip_uint64_t) len);
  if (n < 0)
    {
      pr->zip_error = g_strdup (zip_error_strerror (zip_file_get_error (pr->file)));
      return 0;
    }
  pr->n_unpacked += (guint64) n;
  if (pr->n_unpacked > OD_XLSX_MAX_PART_SIZE)
    {
      pr->too_large = TRUE;
      return 0;
    }
  return (int) n;
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  PartReader *pr = user_data;

  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR || pr->xml_error != NULL)
    return;
  pr->xml_error = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
  pr->xml_line = xml_error->line;
}

gboolean
_od_xlsx_part_reader_open (PartReader  *pr,
                           OdXlsxBook  *book,
                           const char  *part,
                           GError     **error)
{
  zip_int64_t index;

  memset (pr, 0, sizeof *pr);
  pr->book = book;
  pr->part = part;

  index = locate_part (book, part);
  if (index < 0)
    {
      set_missing_part_error (error, book, part);
      return FALSE;
    }

  pr->file = zip_fopen_index (book->zip, (zip_uint64_t) index, 0);
  if (pr->file == NULL)
    {
      set_damaged_zip_error (error, book, zip_error_strerror (zip_get_error (book->zip)));
      return FALSE;
    }

  /* No DTD loading, no network, no entity substitution: an .xlsx has no
   * business with any of them. */
  pr->reader = xmlReaderForIO (part_read_cb, NULL, pr, part, NULL,
                               XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (pr->reader == NULL)
    {
      zip_fclose (pr->file);
      pr->file = NULL;
      if (pr->too_large)
        set_too_large_error (error, book, part);
      else
        set_damaged_zip_error (error, book, pr->zip_error != NULL ? pr->zip_error : part);
      g_clear_pointer (&pr->zip_error, g_free);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (pr->reader, on_xml_error_cb, pr);
  return TRUE;
}

/* Turns what went wrong while reading into an error; @rc is the last
 * result of xmlTextReaderRead() (1 when the caller stopped early). */
gboolean
_od_xlsx_part_reader_finish (PartReader  *pr,
                             int          rc,
                             GError     **error)
{
  if (pr->too_large)
    {
      set_too_large_error (error, pr->book, pr->part);
      return FALSE;
    }
  if (pr->zip_error != NULL)
    {
      set_damaged_zip_error (error, pr->book, pr->zip_error);
      return FALSE;
    }
  if (rc < 0 || pr->xml_error != NULL)
    {
      g_autofree char *what = NULL;

      g_debug ("%s: %s: line %d: %s", pr->book->display_name, pr->part, pr->xml_line,
               pr->xml_error != NULL ? pr->xml_error : "?");
      /* Translators: the first %s is the name of a part inside the workbook's zip
       * archive, %d a line number in it */
      what = g_strdup_printf (_("its part “%s” is not valid XML (line %d)"),
                              pr->part, pr->xml_line);
      _od_xlsx_set_corrupt_error (error, pr->book, what);
      return FALSE;
    }
  return TRUE;
}

void
_od_xlsx_part_reader_clear (PartReader *pr)
{
  g_clear_pointer (&pr->reader, xmlFreeTextReader);
  g_clear_pointer (&pr->file, zip_fclose);
  g_clear_pointer (&pr->zip_error, g_free);
  g_clear_pointer (&pr->xml_error, g_free);
}

gboolean
_od_xlsx_node_is_text (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* --- rich text --- */

void
_od_xlsx_rich_text_begin_item (RichText *rich,
                               int       depth)
{
  rich->item_depth = depth;
  rich->run_depth = -1;
  rich->in_text = FALSE;
}

void
_od_xlsx_rich_text_end_item (RichText *rich)
{
  rich->item_depth = -1;
  rich->run_depth = -1;
  rich->in_text = FALSE;
}

void
_od_xlsx_rich_text_start_element (RichText      *rich,
                                  const xmlChar *name,
                                  int            depth,
                                  gboolean       empty)
{
  if (rich->item_depth < 0 || empty)
    return;
  if (_od_xlsx_name_is (name, "r") && depth == rich->item_depth + 1)
    rich->run_depth = depth;
  else if (_od_xlsx_name_is (name, "t")
           && (depth == rich->item_depth + 1
               || (rich->run_depth >= 0 && depth == rich->run_depth + 1)))
    rich->in_text = TRUE;
}

void
_od_xlsx_rich_text_end_element (RichText      *rich,
                                const xmlChar *name,
                                int            depth)
{
  if (rich->item_depth < 0)
    return;
  if (_od_xlsx_name_is (name, "t"))
    rich->in_text = FALSE;
  else if (_od_xlsx_name_is (name, "r") && depth == rich->run_depth)
    rich->run_depth = -1;
}

/* --- package and workbook --- */

/* Relationship Id → Relationship, from the .rels part of @source_part
 * (NULL: the package). A part without relationships has an empty table. */
static GHashTable *
read_relationships (OdXlsxBook  *book,
                    const char  *source_part,
                    GError     **error)
{
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                      g_free, relationship_free);
  g_autofree char *rels_part = relationships_part (source_part);
  PartReader pr;
  int rc;

  if (!has_part (book, rels_part))
    return g_steal_pointer (&rels);

  if (!_od_xlsx_part_reader_open (&pr, book, rels_part, error))
    return NULL;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      Relationship *rel;

      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT
          || !_od_xlsx_name_is (xmlTextReaderConstLocalName (pr.reader), "Relationship"))
        continue;

      id = _od_xlsx_dup_attribute (pr.reader, "Id");
      type = _od_xlsx_dup_attribute (pr.reader, "Type");
      target = _od_xlsx_dup_attribute (pr.reader, "Target");
      mode = _od_xlsx_dup_attribute (pr.reader, "TargetMode");
      if (id == NULL || type == NULL || target == NULL)
        continue;

      rel = g_new0 (Relationship, 1);
      rel->type = g_steal_pointer (&type);
      if (mode == NULL || g_ascii_strcasecmp (mode, "External") != 0)
        rel->target = resolve_target (source_part, target);
      g_hash_table_replace (rels, g_steal_pointer (&id), rel);
    }

  if (!_od_xlsx_part_reader_finish (&pr, rc, error))
    {
      _od_xlsx_part_reader_clear (&pr);
      return NULL;
    }
  _od_xlsx_part_reader_clear (&pr);
  return g_steal_pointer (&rels);
}

/* The workbook part: the package's officeDocument relationship, or where
 * Excel puts it when a sloppy writer left _rels/.rels out. */
static char *
find_workbook_part (OdXlsxBook  *book,
                    GError     **error)
{
  g_autoptr(GHashTable) rels = read_relationships (book, NULL, error);
  GHashTableIter iter;
  Relationship *rel;

  if (rels == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, rels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rel))
    {
      if (relationship_type_is (rel, "officeDocument") && has_part (book, rel->target))
        return g_strdup (rel->target);
    }

  if (has_part (book, "xl/workbook.xml"))
    return g_strdup ("xl/workbook.xml");

  set_not_xlsx_error (error, book);
  return NULL;
}

/* Reads <workbookPr date1904> and the <sheet name r:id> list, in order, as
 * pairs of name and relationship id. */
static gboolean
read_workbook (OdXlsxBook  *book,
               const char  *workbook_part,
               GPtrArray   *names,
               GPtrArray   *ids,
               GError     **error)
{
  gboolean seen_root = FALSE;
  PartReader pr;
  int rc;

  if (!_od_xlsx_part_reader_open (&pr, book, workbook_part, error))
    return FALSE;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      const xmlChar *name;
      int depth;

      if (xmlTextReaderNodeType (pr.reader) != XML_READER_TYPE_ELEMENT)
        continue;
      name = xmlTextReaderConstLocalName (pr.reader);
      depth = xmlTextReaderDepth (pr.reader);

      /* A Word or PowerPoint file is a package too, with another root. */
      if (!seen_root)
        {
          seen_root = TRUE;
          if (!_od_xlsx_name_is (name, "workbook"))
            {
              _od_xlsx_part_reader_clear (&pr);
              set_not_xlsx_error (error, book);
              return FALSE;
            }
        }
      else if (depth == 1 && _od_xlsx_name_is (name, "workbookPr"))
        {
          g_autofree char *date1904 = _od_xlsx_dup_attribute (pr.reader, "date1904");

          book->date1904 = attribute_is_true (date1904);
        }
      else if (depth == 1 && _od_xlsx_name_is (name, "calcPr"))
        {
          g_autofree char *full_calc = _od_xlsx_dup_attribute (pr.reader, "fullCalcOnLoad");

          book->stale_formulas = attribute_is_true (full_calc);
        }
      else if (depth == 2 && _od_xlsx_name_is (name, "sheet"))
        {
          g_autofree char *value = _od_xlsx_dup_attribute (pr.reader, "name");
          g_autoptr(GString) sheet_name = g_string_new (value);

          _od_xlsx_unescape_xstring (sheet_name);
          g_ptr_array_add (names, g_string_free (g_steal_pointer (&sheet_name), FALSE));
          g_ptr_array_add (ids, dup_relationship_id (pr.reader));
        }
    }

  if (!_od_xlsx_part_reader_finish (&pr, rc, error))
    {
      _od_xlsx_part_reader_clear (&pr);
      return FALSE;
    }
  _od_xlsx_part_reader_clear (&pr);

  if (!seen_root)
    {
      set_not_xlsx_error (error, book);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_archive (OdXlsxBook  *book,
              const char  *path,
              GError     **error)
{
  static const guchar ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guchar header[8] = { 0 };
  gsize n_header;
  int zip_code = 0;
  FILE *fp;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      set_read_error (error, book->display_name, g_strerror (saved_errno));
      return FALSE;
    }
  n_header = fread (header, 1, sizeof header, fp);
  if (ferror (fp))
    {
      int saved_errno = errno;

      fclose (fp);
      set_read_error (error, book->display_name, g_strerror (saved_errno));
      return FALSE;
    }
  fclose (fp);

  /* An OLE compound file: Excel 97–2003, or an .xlsx encrypted with a
   * password to open, which Excel also wraps in OLE. */
  if (n_header == sizeof header && memcmp (header, ole_magic, sizeof ole_magic) == 0)
    {
      g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_NOT_XLSX,
                   _("“%s” is an Excel 97–2003 workbook (.xls) or a workbook protected by a "
                     "password, which OrgDesk cannot read. Open it in Excel or WPS, remove any "
                     "password to open, and save it as an Excel workbook (.xlsx) or as CSV."),
                   book->display_name);
      return FALSE;
    }

  book->zip = zip_open (path, ZIP_RDONLY, &zip_code);
  if (book->zip != NULL)
    return TRUE;

  switch (zip_code)
    {
    case ZIP_ER_NOZIP:
      /* Starts like a zip but has no directory at the end: cut short. */
      if (n_header >= 4 && memcmp (header, "PK\003\004", 4) == 0)
        {
          zip_error_t zip_error;

          zip_error_init_with_code (&zip_error, zip_code);
          set_damaged_zip_error (error, book, zip_error_strerror (&zip_error));
          zip_error_fini (&zip_error);
        }
      else
        set_not_xlsx_error (error, book);
      break;

    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_NOENT:
    case ZIP_ER_MEMORY:
      {
        zip_error_t zip_error;

        zip_error_init_with_code (&zip_error, zip_code);
        set_read_error (error, book->display_name, zip_error_strerror (&zip_error));
        zip_error_fini (&zip_error);
      }
      break;

    default:
      {
        zip_error_t zip_error;

        zip_error_init_with_code (&zip_error, zip_code);
        set_damaged_zip_error (error, book, zip_error_strerror (&zip_error));
        zip_error_fini (&zip_error);
      }
      break;
    }
  return FALSE;
}

/* Refuses a zip bomb before anything is unpacked. */
static gboolean
check_part_sizes (OdXlsxBook  *book,
                  GError     **error)
{
  zip_int64_t n_entries = zip_get_num_entries (book->zip, 0);

  for (zip_int64_t i = 0; i < n_entries; i++)
    {
      zip_stat_t st;

      if (zip_stat_index (book->zip, (zip_uint64_t) i, 0, &st) != 0)
        continue;
      if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > OD_XLSX_MAX_PART_SIZE)
        {
          set_too_large_error (error, book,
                               (st.valid & ZIP_STAT_NAME) != 0 ? st.name : "?");
          return FALSE;
        }
    }
  return TRUE;
}

/* --- styles and shared strings --- */

/* Whether a number format code shows a date or a time. Only the first
 * section counts (the one for positive numbers). Quoted text, escaped
 * characters, fill and padding characters and [brackets] are skipped;
 * [h], [mm], [ss] mean elapsed time, a duration rather than a date. */
static NumberKind
classify_format_code (const char *code)
{
  gboolean has_date = FALSE;
  gboolean has_time = FALSE;
  gboolean has_m = FALSE;
  gboolean elapsed = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          if (end == NULL)
            break;
          p = end;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (*p == '[')
        {
          const char *end = strchr (p + 1, ']');
          gboolean only_hms = end != NULL && end > p + 1;

          if (end == NULL)
            break;
          for (const char *q = p + 1; q < end; q++)
            if (strchr ("hHmMsS", *q) == NULL)
              only_hms = FALSE;
          if (only_hms)
            elapsed = TRUE;
          p = end;
        }
      else if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0)
        p += 4;
      else if (g_ascii_strncasecmp (p, "A/P", 3) == 0)
        p += 2;
      else
        {
          switch (g_ascii_tolower (*p))
            {
            case 'y':
            case 'd':
              has_date = TRUE;
              break;
            case 'm':
              has_m = TRUE;
              break;
            case 'h':
            case 's':
              has_time = TRUE;
              break;
            default:
              break;
            }
        }
    }

  /* "m" is minutes next to hours or seconds, months otherwise. */
  if (has_date || (has_m && !has_time && !elapsed))
    return NUMBER_DATE;
  if (elapsed)
    return NUMBER_PLAIN;
  if (has_time)
    return NUMBER_TIME;
  return NUMBER_PLAIN;
}

static NumberKind
builtin_format_kind (guint id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_formats); i++)
    if (builtin_formats[i].id == id)
      return classify_format_code (builtin_formats[i].code);
  return NUMBER_PLAIN;
}

/* Reads which cell styles (cellXfs) show numbers as dates or times. */
static gboolean
read_styles (OdXlsxBook  *book,
             GError     **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  int cell_xfs_depth = -1;
  gboolean in_num_fmts = FALSE;
  PartReader pr;
  int rc;

  if (book->styles_part == NULL)
    return TRUE;
  if (!_od_xlsx_part_reader_open (&pr, book, book->styles_part, error))
    return FALSE;

  while ((rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (pr.reader);
      const xmlChar *name = xmlTextReaderConstLocalName (pr.reader);
      int depth = xmlTextReaderDepth (pr.reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (_od_xlsx_name_is (name, "numFmts"))
            in_num_fmts = FALSE;
          else if (_od_xlsx_name_is (name, "cellXfs"))
            cell_xfs_depth = -1;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      /* <numFmt> also appears in <dxfs> (conditional formats): not those. */
      if (_od_xlsx_name_is (name, "numFmts"))
        in_num_fmts = !xmlTextReaderIsEmptyElement (pr.reader);
      else if (_od_xlsx_name_is (name, "cellXfs"))
        cell_xfs_depth = xmlTextReaderIsEmptyElement (pr.reader) ? -1 : depth;
      else if (in_num_fmts && _od_xlsx_name_is (name, "numFmt"))
        {
          g_autofree char *id_text = _od_xlsx_dup_attribute (pr.reader, "numFmtId");
          g_autofree char *code = _od_xlsx_dup_attribute (pr.reader, "formatCode");
          guint64 id;

          if (code != NULL && _od_xlsx_parse_uint (id_text, G_MAXUINT, &id))
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) id),
                                 GUINT_TO_POINTER (classify_format_code (code) + 1));
        }
      else if (cell_xfs_depth >= 0 && depth == cell_xfs_depth + 1 && _od_xlsx_name_is (name, "xf"))
        {
          g_autofree char *id_text = _od_xlsx_dup_attribute (pr.reader, "numFmtId");
          guint64 id = 0;
          guint format;

          if (!_od_xlsx_parse_uint (id_text, G_MAXUINT, &id))
            id = 0;
          format = (guint) id;
          g_array_append_val (xf_formats, format);
        }
    }

  if (!_od_xlsx_part_reader_finish (&pr, rc, error))
    {
      _od_xlsx_part_reader_clear (&pr);
      return FALSE;
    }
  _od_xlsx_part_reader_clear (&pr);

  g_array_set_size (book->xf_kinds, xf_formats->len);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      gpointer kind_plus_one = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));

      g_array_index (book->xf_kinds, guint8, i) =
        kind_plus_one != NULL ? GPOINTER_TO_UINT (kind_plus_one) - 1 : builtin_format_kind (id);
    }
  return TRUE;
}

static void
shared_strings_clear (gpointer data)
{
  SharedStrings *shared = data;

  g_ptr_array_unref (shared->strings);
  g_string_chunk_free (shared->chunk);
}

static SharedStrings *
shared_strings_new (void)
{
  SharedStrings *shared = g_atomic_rc_box_new0 (SharedStrings);

  shared->chunk = g_string_chunk_new (64 * 1024);
  shared->strings = g_ptr_array_new ();
  return shared;
}

void
_od_xlsx_shared_strings_release (SharedStrings *shared)
{
  g_atomic_rc_box_release_full (shared, shared_strings_clear);
}

/* Each item costs its text, a NUL and a pointer: 500 MB of <si/> would
 * otherwise be 800 MB of pointers. */
static gboolean
shared_strings_add (SharedStrings *shared,
                    const char    *text,
                    gsize          len)
{
  shared->size += len + 1 + sizeof (char *);
  if (shared->size > OD_XLSX_MAX_TEXT_SIZE)
    return FALSE;
  g_ptr_array_add (shared->strings,
                   len == 0 ? g_string_chunk_insert_const (shared->chunk, "")
                            : g_string_chunk_insert_len (shared->chunk, text, len));
  return TRUE;
}

static gboolean
read_shared_strings (OdXlsxBook  *book,
                     GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  SharedStrings *shared = book->shared;
  RichText rich = { -1, -1, FALSE };
  gboolean too_large = FALSE;
  PartReader pr;
  int rc = 0;

  if (book->shared_strings_part == NULL)
    return TRUE;
  if (!_od_xlsx_part_reader_open (&pr, book, book->shared_strings_part, error))
    return FALSE;

  while (!too_large && (rc = xmlTextReaderRead (pr.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (pr.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (pr.reader);
          int depth = xmlTextReaderDepth (pr.reader);
          gboolean empty = xmlTextReaderIsEmptyElement (pr.reader);

          if (_od_xlsx_name_is (name, "si") && depth == 1)
            {
              g_string_truncate (text, 0);
              if (empty)
                too_large = !shared_strings_add (shared, "", 0);
              else
                _od_xlsx_rich_text_begin_item (&rich, depth);
            }
          else
            _od_xlsx_rich_text_start_element (&rich, name, depth, empty);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (pr.reader);

          if (_od_xlsx_name_is (name, "si") && rich.item_depth >= 0
              && xmlTextReaderDepth (pr.reader) == rich.item_depth)
            {
              _od_xlsx_unescape_xstring (text);
              too_large = !shared_strings_add (shared, text->str, text->len);
              _od_xlsx_rich_text_end_item (&rich);
            }
          else
            _od_xlsx_rich_text_end_element (&rich, name, xmlTextReaderDepth (pr.reader));
        }
      else if (rich.in_text && _od_xlsx_node_is_text (type))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (pr.reader));
          /* One item alone may not pass the limit either. */
          too_large = shared->size + text->len > OD_XLSX_MAX_TEXT_SIZE;
        }
    }

  if (too_large)
    {
      _od_xlsx_part_reader_clear (&pr);
      set_shared_strings_too_large_error (error, book);
      return FALSE;
    }
  if (!_od_xlsx_part_reader_finish (&pr, rc, error))
    {
      _od_xlsx_part_reader_clear (&pr);
      return FALSE;
    }
  _od_xlsx_part_reader_clear (&pr);
  return TRUE;
}

gboolean
_od_xlsx_load_shared_parts (OdXlsxBook  *book,
                            GError     **error)
{
  if (book->shared_loaded)
    return TRUE;

  book->shared = shared_strings_new ();
  if (!read_styles (book, error) || !read_shared_strings (book, error))
    {
      g_array_set_size (book->xf_kinds, 0);
      g_clear_pointer (&book->shared, _od_xlsx_shared_strings_release);
      return FALSE;
    }
  book->shared_loaded = TRUE;
  return TRUE;
}

/* --- public API --- */

/**
 * od_xlsx_open:
 * @path: an .xlsx file
 * @error: return location for an #OD_XLSX_ERROR
 *
 * Opens the workbook and reads its list of worksheets; the cells are read
 * by od_xlsx_read_sheet(). The file stays open until od_xlsx_close().
 *
 * Returns: (transfer full) (nullable): the workbook
 */
OdXlsxBook *
od_xlsx_open (const char  *path,
              GError     **error)
{
  g_autoptr(OdXlsxBook) book = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) rels = NULL;
  g_autofree char *workbook_part = NULL;
  GHashTableIter iter;
  Relationship *rel;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_libxml ();

  book = g_new0 (OdXlsxBook, 1);
  book->display_name = g_filename_display_name (path);
  book->sheets = g_ptr_array_new_with_free_func (sheet_free);
  book->xf_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));

  if (!open_archive (book, path, error)
      || !check_part_sizes (book, error)
      || (workbook_part = find_workbook_part (book, error)) == NULL
      || !read_workbook (book, workbook_part, names, ids, error)
      || (rels = read_relationships (book, workbook_part, error)) == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      Sheet *sheet;

      rel = id != NULL ? g_hash_table_lookup (rels, id) : NULL;
      if (rel == NULL || rel->target == NULL)
        {
          /* Translators: %s is the name of a worksheet */
          g_autofree char *what = g_strdup_printf (_("its worksheet “%s” points nowhere"),
                                                   (const char *) g_ptr_array_index (names, i));

          _od_xlsx_set_corrupt_error (error, book, what);
          return NULL;
        }
      /* Chart sheets, dialog sheets and Excel 4 macro sheets hold no table. */
      if (!relationship_type_is (rel, "worksheet"))
        continue;
      if (!has_part (book, rel->target))
        {
          set_missing_part_error (error, book, rel->target);
          return NULL;
        }

      sheet = g_new0 (Sheet, 1);
      sheet->name = g_strdup (g_ptr_array_index (names, i));
      sheet->part = g_strdup (rel->target);
      g_ptr_array_add (book->sheets, sheet);
    }

  g_hash_table_iter_init (&iter, rels);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &rel))
    {
      if (rel->target == NULL || !has_part (book, rel->target))
        continue;
      if (relationship_type_is (rel, "sharedStrings") && book->shared_strings_part == NULL)
        book->shared_strings_part = g_strdup (rel->target);
      else if (relationship_type_is (rel, "styles") && book->styles_part == NULL)
        book->styles_part = g_strdup (rel->target);
    }

  if (book->sheets->len == 0)
    {
      g_set_error (error, OD_XLSX_ERROR, OD_XLSX_ERROR_NO_SHEET,
                   _("“%s” has no worksheet, so there is nothing to import. Open it in Excel or "
                     "WPS, check that the data is on an ordinary worksheet (not a chart sheet), "
                     "and save it again."),
                   book->display_name);
      return NULL;
    }

  return g_steal_pointer (&book);
}

void
od_xlsx_close (OdXlsxBook *book)
{
  if (book == NULL)
    return;

  g_clear_pointer (&book->zip, zip_discard);
  g_clear_pointer (&book->sheets, g_ptr_array_unref);
  g_clear_pointer (&book->shared, _od_xlsx_shared_strings_release);
  g_clear_pointer (&book->xf_kinds, g_array_unref);
  g_free (book->shared_strings_part);
  g_free (book->styles_part);
  g_free (book->display_name);
  g_free (book);
}

guint
od_xlsx_get_n_sheets (OdXlsxBook *book)
{
  g_return_val_if_fail (book != NULL, 0);

  return book->sheets->len;
}

const char *
od_xlsx_get_sheet_name (OdXlsxBook *book,
                        guint       index)
{
  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (index < book->sheets->len, NULL);

  return ((Sheet *) g_ptr_array_index (book->sheets, index))->name;
}

/**
 * od_xlsx_read_sheet_sparse:
 * @book: the workbook
 * @index: the worksheet, from 0
 * @max_columns: cells in this column (0-based) or further right are not
 *   read; at most %OD_XLSX_MAX_COLUMNS
 * @error: return location for an #OD_XLSX_ERROR
 *
 * Reads a worksheet as od_xlsx_read_sheet() does, keeping only what is
 * there: memory in proportion to the non-empty cells left of
 * @max_columns, shared strings not copied.
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */