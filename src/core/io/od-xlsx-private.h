/* od-xlsx-private.h — what the workbook (od-xlsx-reader.c) and the
 * worksheet reader (od-xlsx-sheet.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "od-xlsx-reader.h"

G_BEGIN_DECLS

/* A serial of 2958465 is 9999-12-31. */
#define MAX_DATE_SERIAL 2958466.0
#define SECONDS_PER_DAY 86400

/* The most bytes of XML text a cell of OD_XLSX_MAX_CELL_CHARS can take:
 * a character written as _xHHHH_ takes 7. Reading stops beyond it, before
 * the cell is complete. */
#define MAX_CELL_XML_TEXT (8 * OD_XLSX_MAX_CELL_CHARS)

typedef struct
{
  char *name;
  char *part;
} Sheet;

typedef struct
{
  char *type;
  char *target;       /* the resolved part name, or NULL for an external target */
} Relationship;

/* The shared-string table, reference-counted (g_atomic_rc_box): each sheet
 * read points into it and may outlive the workbook. */
typedef struct
{
  GStringChunk *chunk;
  GPtrArray    *strings;    /* of const char *, in chunk */
  guint64       size;       /* text, NULs and pointers: for OD_XLSX_MAX_TEXT_SIZE */
} SharedStrings;

/* What a number in a cell means, from the number format of its style. */
typedef enum
{
  NUMBER_PLAIN,
  NUMBER_DATE,        /* a date, maybe with a time of day */
  NUMBER_TIME,        /* a time of day only */
} NumberKind;

struct _OdXlsxBook
{
  char         *display_name;
  zip_t        *zip;
  GPtrArray    *sheets;               /* of Sheet */
  char         *shared_strings_part;  /* NULL when the workbook has none */
  char         *styles_part;
  gboolean      date1904;
  gboolean      stale_formulas;       /* <calcPr fullCalcOnLoad="1"> */

  /* Read on the first od_xlsx_read_sheet(): choosing a sheet needs neither. */
  gboolean       shared_loaded;
  SharedStrings *shared;              /* a reference; NULL until loaded */
  GArray        *xf_kinds;            /* of guint8 NumberKind, by cellXfs index */
};

/* A non-empty cell of a sheet. */
typedef struct
{
  guint       column;     /* 0-based */
  const char *text;       /* in the sheet's chunk, in its shared strings, or static */
} Cell;

typedef struct
{
  guint first_cell;       /* index in cells */
  guint n_cells;          /* at least 1; by column, without repeats */
  guint number;           /* 1-based, as Excel shows it */
} RowInfo;

struct _OdXlsxSheet
{
  SharedStrings *shared;  /* a reference: cells point into it */
  GStringChunk  *chunk;   /* the text of the other cells */
  GArray        *cells;   /* of Cell, row after row */
  GArray        *rows;    /* of RowInfo */
};

/* One part being streamed through an xmlTextReader. */
typedef struct
{
  OdXlsxBook       *book;
  const char       *part;
  zip_file_t       *file;
  guint64           n_unpacked;
  gboolean          too_large;
  char             *zip_error;
  char             *xml_error;
  int               xml_line;
  xmlTextReaderPtr  reader;
} PartReader;

/* The text of a rich-text item (<si> in the shared strings, <is> in a
 * cell): its own <t>, or the <t> of each run <r>, but never the phonetic
 * guide <rPh>, whose <t> is a reading, not part of the text. */
typedef struct
{
  int      item_depth;    /* of <si>/<is>, or -1 outside one */
  int      run_depth;     /* of the <r> being read, or -1 */
  gboolean in_text;
} RichText;

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED_STRING,
  CELL_INLINE_STRING,
  CELL_FORMULA_STRING,
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_ISO_DATE,
} CellType;

typedef struct
{
  OdXlsxBook  *book;
  OdXlsxSheet *sheet;
  guint        max_columns;
  guint64      n_text;        /* bytes of text kept, for OD_XLSX_MAX_TEXT_SIZE */
  guint        n_cells;       /* non-empty cells read, for OD_XLSX_MAX_CELLS */

  gboolean     in_sheet_data;
  gboolean     done;

  gboolean     in_row;
  guint        row_number;
  GArray      *row_cells;     /* of Cell: the row being read, in the file's order */
  gboolean     row_unsorted;  /* a cell came left of (or on) the one before */
  guint        next_column;

  gboolean     in_cell;
  gboolean     skip_cell;     /* at or beyond max_columns: not read */
  guint        column;        /* 0-based */
  CellType     type;
  guint        style;
  gboolean     has_formula;
  gboolean     in_value;
  GString     *text;          /* of <v>, or the <t>s of <is> */
  char        *formatted;     /* a date made from a number, until the next cell */
  RichText     rich;
} SheetReader;

char *           _od_xlsx_dup_attribute (xmlTextReaderPtr  reader,
                                          const char       *name);
void             _od_xlsx_format_cell_reference (char   buffer[16],
                                                  guint  column,
                                                  guint  row);
gboolean         _od_xlsx_load_shared_parts (OdXlsxBook  *book,
                                              GError     **error);
gboolean         _od_xlsx_name_is (const xmlChar *name,
                                    const char    *expected);
gboolean         _od_xlsx_node_is_text (int type);
gboolean         _od_xlsx_parse_cell_column (const char *reference,
                                              guint      *column);
gboolean         _od_xlsx_parse_uint (const char *text,
                                       guint64     max,
                                       guint64    *value);
void             _od_xlsx_part_reader_clear (PartReader *pr);
gboolean         _od_xlsx_part_reader_finish (PartReader  *pr,
                                               int          rc,
                                               GError     **error);
gboolean         _od_xlsx_part_reader_open (PartReader  *pr,
                                             OdXlsxBook  *book,
                                             const char  *part,
                                             GError     **error);
void             _od_xlsx_rich_text_begin_item (RichText *rich,
                                                 int       depth);
void             _od_xlsx_rich_text_end_element (RichText      *rich,
                                                  const xmlChar *name,
                                                  int            depth);
void             _od_xlsx_rich_text_end_item (RichText *rich);
void             _od_xlsx_rich_text_start_element (RichText      *rich,
                                                    const xmlChar *name,
                                                    int            depth,
                                                    gboolean       empty);
void             _od_xlsx_set_cell_too_long_error (GError     **error,
                                                    OdXlsxBook  *book,
                                                    guint        column,
                                                    guint        row);
void             _od_xlsx_set_corrupt_error (GError     **error,
                                              OdXlsxBook  *book,
                                              const char  *what);
void             _od_xlsx_set_too_many_cells_error (GError     **error,
                                                     OdXlsxBook  *book);
void             _od_xlsx_set_too_much_text_error (GError     **error,
                                                    OdXlsxBook  *book);
void             _od_xlsx_shared_strings_release (SharedStrings *shared);
void             _od_xlsx_unescape_xstring (GString *text);

G_END_DECLS
