/* od-csv-reader.h — CSV files as a plain table of strings, for the importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Larger files are refused with OD_CSV_ERROR_TOO_LARGE (SI megabytes, as
 * file managers show them). */
#define OD_CSV_MAX_FILE_SIZE (100 * 1000 * 1000)

/* At most this many fields and rows together (each row counts one more):
 * a file of nothing but separators or line breaks would otherwise cost
 * 8 bytes a byte. With the size limit this keeps reading a CSV file well
 * under 300 MB; a register of 100,000 organizations with 20 columns uses
 * half of it. */
#define OD_CSV_MAX_CELLS (4 * 1000 * 1000)

#define OD_CSV_ERROR (od_csv_error_quark ())

typedef enum
{
  OD_CSV_ERROR_ENCODING,    /* bytes that the encoding cannot read, or a zero byte */
  OD_CSV_ERROR_SYNTAX,      /* a quoted field that is never closed */
  OD_CSV_ERROR_EMPTY,       /* no rows: an empty file, only a BOM or only blank lines */
  OD_CSV_ERROR_TOO_LARGE,   /* more than OD_CSV_MAX_FILE_SIZE bytes */
} OdCsvError;

/* The encoding asked for, and the one found (od_csv_table_get_encoding ()).
 * A byte-order mark decides over the one asked for: a file starting with the
 * UTF-8 BOM is read as UTF-8 even when GB18030 was asked for, and one starting
 * with a UTF-16 BOM (Excel's "Unicode text") as UTF-16. */
typedef enum
{
  OD_CSV_ENCODING_AUTO,      /* UTF-8 when the bytes are valid UTF-8, else GB18030;
                                UTF-8 with a few stray bytes is an error, not GB18030 */
  OD_CSV_ENCODING_UTF8,      /* also plain ASCII */
  OD_CSV_ENCODING_GB18030,   /* also GBK and GB2312, its subsets: Excel on Chinese Windows */
  OD_CSV_ENCODING_UTF16LE,
  OD_CSV_ENCODING_UTF16BE,
} OdCsvEncoding;

/* An immutable table: rows of fields as written in the file (quotes and ""
 * escapes removed, nothing trimmed, line ends inside quoted fields kept as
 * they were). Rows may have different numbers of fields; blank lines are not
 * rows. */
typedef struct _OdCsvTable OdCsvTable;

GQuark              od_csv_error_quark         (void);

/* Errors are in OD_CSV_ERROR, or G_IO_ERROR when the file cannot be read. */
OdCsvTable         *od_csv_read_file           (const char        *path,
                                                OdCsvEncoding      encoding,
                                                GError           **error);
OdCsvTable         *od_csv_read_bytes          (GBytes            *bytes,
                                                OdCsvEncoding      encoding,
                                                GError           **error);
void                od_csv_table_free          (OdCsvTable        *table);

guint               od_csv_table_get_n_rows    (OdCsvTable        *table);
/* A NULL-terminated array of UTF-8 fields, owned by TABLE. */
const char *const  *od_csv_table_get_row       (OdCsvTable        *table,
                                                guint              row);
guint               od_csv_table_get_n_fields  (OdCsvTable        *table,
                                                guint              row);
/* The 1-based line of the file where ROW starts, for messages: blank lines
 * and line ends inside quoted fields are counted. */
guint               od_csv_table_get_line      (OdCsvTable        *table,
                                                guint              row);
/* ',', ';' or '\t': the most frequent of them outside quotes in the first
 * non-blank row; on a tie ',' wins, then ';'. ',' when there is none. */
char                od_csv_table_get_separator (OdCsvTable        *table);
/* Never OD_CSV_ENCODING_AUTO. */
OdCsvEncoding       od_csv_table_get_encoding  (OdCsvTable        *table);
gboolean            od_csv_table_get_had_bom   (OdCsvTable        *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCsvTable, od_csv_table_free)

G_END_DECLS
