/* od-import-private.h — what the parts of the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * od-import.c reads, checks and writes; od-import-text.c cleans and parses
 * cell text; od-import-columns.c finds the header
 * row and maps the file's columns; od-import-undo.c undoes an import.
 * Nothing here is public API.
 */
#pragma once

#include <glib.h>

#include "od-csv-reader.h"
#include "od-import.h"
#include "od-json.h"
#include "od-xlsx-reader.h"

G_BEGIN_DECLS

/* --- the state of one import --- */

typedef enum
{
  ACTION_INSERT,
  ACTION_UPDATE,
  ACTION_SKIP,
} Action;

typedef struct
{
  guint   index;      /* row of the sheet */
  Action  action;
  gint64  match_id;
} Plan;

/* The cells of a sheet, from either reader. */
typedef struct
{
  OdCsvTable  *csv;
  OdXlsxSheet *xlsx;         /* sparse: a far cell costs nothing */
} Sheet;

/* One cell, read as its column's kind. */
typedef struct
{
  gboolean     given;
  const char  *raw;       /* as in the file */
  char        *text;      /* TEXT, DATE, CODE, PHONE, MOBILE, CHOICE, UUID */
  gint64       number;    /* COUNT, AREA, CATEGORY, ORGANIZATION */
} Value;

/* What a lookup gave for one text of one field (cached per import). */
typedef struct
{
  gint64  id;         /* 0 = not found */
  char   *problem;    /* why not, with suggestions */
} LookupResult;

typedef struct
{
  OdDb                  *db;
  const OdEntity  *entity;
  const OdImportOptions *options;
  OdImportResult        *result;
  char                  *file_name;        /* base name, for the audit entry */
  Sheet                  sheet;
  guint                  header_index;
  guint                  n_file_columns;
  GPtrArray             *headers;          /* char *: each file column's header, for messages */
  int                   *file_column;      /* per entity column: the file column, or -1 */
  GHashTable           **lookups;          /* per field: text → LookupResult, or NULL */
  GArray                *plan;             /* Plan */
  guint                  n_masked;
  GString               *old_values;       /* "id":{"key":old,…},… of the updated records */
} Import;

void
_od_import_map_entry_free (gpointer data);

GPtrArray *
_od_import_parse_mapping (const OdEntity  *entity,
                          const char            *mapping,
                          GError               **error);

const OdEntityField *
_od_import_column_of_cell (Import    *imp,
                           GPtrArray *mapping,
                           guint      row,
                           guint      column,
                           gboolean  *mapped);

gboolean
_od_import_row_is_blank (Import *imp,
                         guint   row);

guint
_od_import_find_header_row (Import    *imp,
                            GPtrArray *mapping,
                            gboolean  *found);

gboolean
_od_import_map_columns (Import      *imp,
                        GError     **error);

char *
_od_import_choices_text (const OdChoice *choices);

const char *
_od_import_match_choice (const OdChoice *choices,
                         const char     *text);

guint
_od_import_sheet_n_rows (const Sheet *sheet);

guint
_od_import_sheet_n_fields (const Sheet *sheet,
                           guint        row);

const char *
_od_import_sheet_cell (const Sheet *sheet,
                       guint        row,
                       guint        column);

guint
_od_import_sheet_row_number (const Sheet *sheet,
                             guint        row);

void
_od_import_add_notice (Import *imp,
                       char   *message);

const OdEntityField *
_od_import_find_column (const OdEntity *entity,
                        const char           *key);

guint
_od_import_column_index (const OdEntity *entity,
                         const OdEntityField *column);

void
_od_import_ids_json (OdJsonWriter *writer,
                     const char   *key,
                     GArray       *ids);

char *
od_text_fold_width (const char *text);

char *
_od_import_clean_cell (const char *raw);

char *
_od_import_normalize_header (const char *text);

char *
_od_import_strip_parenthesized (const char *normalized);

char *
_od_import_display_header (const char *raw);

char *
_od_import_parse_date (const char *text);

gboolean
_od_import_parse_count (const char *text,
                        gint64     *value);

char *
_od_import_clean_mobile (const char *folded);

char *
_od_import_normalize_code (const char *text);

char *
od_text_join_list (GPtrArray *items);

G_END_DECLS
