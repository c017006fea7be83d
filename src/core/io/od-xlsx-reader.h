/* od-xlsx-reader.h — the cells of an Excel workbook (.xlsx) as rows of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OD_XLSX_ERROR (od_xlsx_error_quark ())

typedef enum
{
  OD_XLSX_ERROR_NOT_XLSX,    /* not a zip, a zip without a workbook, or an old .xls */
  OD_XLSX_ERROR_NO_SHEET,    /* a workbook without any worksheet (only charts, or none) */
  OD_XLSX_ERROR_CORRUPT,     /* a damaged zip, invalid XML, a reference to nothing */
  OD_XLSX_ERROR_TOO_LARGE,   /* a part unpacks to more than OD_XLSX_MAX_PART_SIZE, or a
                                sheet passes one of the limits on cells below */
  OD_XLSX_ERROR_READ,        /* the file cannot be opened or read at all */
} OdXlsxError;

/* No part of a workbook may unpack to more than this (500 MB): a zip bomb is
 * refused, a real register of a few hundred thousand rows is far below it. */
#define OD_XLSX_MAX_PART_SIZE (G_GUINT64_CONSTANT (500000000))

/* Excel's own limit: columns A…XFD. A reference further right is damage. */
#define OD_XLSX_MAX_COLUMNS 16384

/* The columns an import reads (A…AMJ): it maps a few dozen at most, so a
 * cell further right is never kept, however far right it is (a row whose
 * only cells are there is a blank row). */
#define OD_XLSX_IMPORT_MAX_COLUMNS 1024

/* Excel's limit of characters in one cell. Excel and WPS never write a
 * longer cell, so one is refused (OD_XLSX_ERROR_TOO_LARGE). */
#define OD_XLSX_MAX_CELL_CHARS 32767

/* The most text one sheet may hand over (64 MB): the length in bytes of
 * every non-empty cell kept, a shared text counted again in each cell that
 * shows it. The shared texts of a workbook may take no more than this
 * either (with 8 bytes for each). A register of a hundred thousand rows
 * holds a few MB; beyond this the sheet is refused (TOO_LARGE), so that
 * reading any file costs a bounded amount of memory and time. */
#define OD_XLSX_MAX_TEXT_SIZE (G_GUINT64_CONSTANT (64000000))

/* The most non-empty cells kept from one sheet (a hundred thousand rows of
 * twenty columns); more is refused (TOO_LARGE). */
#define OD_XLSX_MAX_CELLS 2000000

/* An open workbook; use it from one thread at a time. */
typedef struct _OdXlsxBook OdXlsxBook;

/* The cells of one worksheet as read, sparse: only non-empty cells cost
 * memory, and a shared text is not copied but shared with the workbook's
 * table. It stays valid after its workbook is closed. */
typedef struct _OdXlsxSheet OdXlsxSheet;

GQuark      od_xlsx_error_quark     (void);

OdXlsxBook *od_xlsx_open            (const char  *path,
                                     GError     **error);
void        od_xlsx_close           (OdXlsxBook  *book);

/* Worksheets only, in the workbook's tab order (hidden ones included); chart
 * sheets and macro sheets are left out. Never 0 for an opened book. */
guint       od_xlsx_get_n_sheets    (OdXlsxBook  *book);
const char *od_xlsx_get_sheet_name  (OdXlsxBook  *book,
                                     guint        index);

/* The sheet as a GPtrArray of GStrv, one per row that has any text, top to
 * bottom; blank rows (absent, or present but empty) are left out.
 *
 * Cells as text: shared and inline strings as they are; numbers as written
 * in the XML ("35000", "3.5", "0.30000000000000004"), never through a
 * double; booleans "TRUE"/"FALSE"; errors as their text ("#N/A"); formula
 * cells as their cached value, or "" when the file has none or says none
 * was computed (calcPr fullCalcOnLoad, which libxlsxwriter writes with a
 * dummy 0 under every formula); ISO dates (t="d") as written. A number in a
 * cell formatted as a date (built-in formats 14–22, 27–36, 45, 47, 50–58, or
 * a custom format with y, m or d) becomes "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM:SS" when it has a time of day; 1900 date system with its
 * 1900-02-29 bug, or 1904 when the workbook says date1904. A time format on
 * a value below one day gives "HH:MM:SS". Elapsed-time formats ([h]:mm,
 * built-in 46) and impossible dates (serial 0, 60, negative, after
 * 9999-12-31) keep the number as written.
 *
 * Rows are dense: a cell missing before another (A1, C1) is "", so index i
 * is column i. Each row ends at its last non-empty cell, so rows can have
 * different lengths. A row with one cell in column XFD is 16,384 strings:
 * to import, use od_xlsx_read_sheet_sparse(). Limits as there, with
 * OD_XLSX_MAX_COLUMNS. */
GPtrArray  *od_xlsx_read_sheet      (OdXlsxBook  *book,
                                     guint        index,
                                     GError     **error);

/* Like od_xlsx_read_sheet(), and, when @row_numbers is not NULL, sets it to
 * a GArray of guint: the 1-based row number in the sheet of each returned
 * row (what Excel shows at the left), for messages like "row 7: …". */
GPtrArray  *od_xlsx_read_sheet_full (OdXlsxBook  *book,
                                     guint        index,
                                     GArray     **row_numbers,
                                     GError     **error);

/* The sheet's rows that have any text, top to bottom, as od_xlsx_read_sheet()
 * reads them, but sparse: cells in column @max_columns (0-based) or further
 * right are not read at all (OD_XLSX_IMPORT_MAX_COLUMNS for an import, at
 * most OD_XLSX_MAX_COLUMNS). Refused with OD_XLSX_ERROR_TOO_LARGE beyond
 * OD_XLSX_MAX_CELL_CHARS, OD_XLSX_MAX_TEXT_SIZE or OD_XLSX_MAX_CELLS. */
OdXlsxSheet *od_xlsx_read_sheet_sparse      (OdXlsxBook   *book,
                                             guint         index,
                                             guint         max_columns,
                                             GError      **error);
void         od_xlsx_sheet_free             (OdXlsxSheet  *sheet);

guint        od_xlsx_sheet_get_n_rows       (OdXlsxSheet  *sheet);
/* The last non-empty column of @row plus one: never 0, at most the sheet's
 * max_columns. */
guint        od_xlsx_sheet_get_n_fields     (OdXlsxSheet  *sheet,
                                             guint         row);
/* The text of a cell, "" for an empty or missing one (also past the end of
 * the row); owned by @sheet. */
const char  *od_xlsx_sheet_get_cell         (OdXlsxSheet  *sheet,
                                             guint         row,
                                             guint         column);
/* The 1-based row number in the sheet (what Excel shows at the left). */
guint        od_xlsx_sheet_get_row_number   (OdXlsxSheet  *sheet,
                                             guint         row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdXlsxBook, od_xlsx_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdXlsxSheet, od_xlsx_sheet_free)

G_END_DECLS
