/* od-import.h — spreadsheets (CSV, XLSX) into the registry, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an import works
 * ===================
 *
 * An *entity* (OdEntity, od-entity.h: "organizations", "people"; later rosters,
 * attendance, inspections, contributions) describes its columns, how a row
 * is matched to an existing record, and the store functions that validate
 * and save a record. The machinery below is the same for every entity.
 *
 * 1. Reading. .csv / .txt / .tsv go to od-csv-reader (UTF-8, UTF-8 with a
 *    BOM, GB18030/GBK detected, or the encoding asked for; comma, semicolon
 *    or tab). .xlsx / .xlsm go to od-xlsx-reader (sheet 1, or the one asked
 *    for). An old binary .xls, an .ods, or an ".xls" that is really a web
 *    page is refused with a message to save it as .xlsx; an ".xls" that is
 *    really text (some web systems write that) is read as CSV. Unknown
 *    extensions are sniffed (zip → XLSX, else CSV).
 *
 * 2. Columns. The header row is the first of the first 10 non-blank rows
 *    in which a column maps to every required key (title rows above it are
 *    skipped, with a notice). A header maps to a key when, after trimming,
 *    removing inner spaces ("姓  名"), folding full-width forms to ASCII,
 *    dropping a "*" or "(必填)" mark and lower-casing ASCII, it equals the
 *    key itself (the column names of OrgDesk's own export, so an export
 *    imports back unchanged) or one of the column's usual headers
 *    (单位名称 → name, 统一社会信用代码 → credit_code, 姓名 → name, …; see
 *    od-import.c). OdImportOptions.mapping ("表头=key,…"; "表头=-" ignores
 *    a column) overrides that. Unknown headers are ignored with one notice;
 *    when two columns mean the same key the first (or the mapped one) wins,
 *    with a notice. A required column missing rejects the file before any
 *    row is read (OD_IMPORT_ERROR_NO_COLUMN).
 *
 * 3. Values, as Excel and WPS write them: cells trimmed (also full-width
 *    and no-break spaces); a leading apostrophe that OrgDesk's export put
 *    before = + - @ (formula neutralising) removed; dates 2017/10/19,
 *    2017-10-19, 2017.10.19, 2017年10月19日, 20171019, a time after the
 *    date, or an Excel serial number (36000–60000) → 2017-10-19; whole
 *    numbers with thousands separators; full-width digits folded in codes
 *    and telephone numbers; choices as the Chinese word or the stored key
 *    (社会团体 / social_group, 男 / male, 注销 / deregistered, …); areas,
 *    categories and organizations by name (areas also by their former name —
 *    凤翔县 is 凤翔区 — or 6-digit code). A blank cell is "not given": a new
 *    record gets the default, an existing one keeps its value (an import
 *    never clears a field). ID numbers masked by an export
 *    (610302********123X) are not given either, with a notice.
 *
 * 4. Checking. Every row becomes the entity's fields and goes through the
 *    store's own validate function (the same rules as the forms). A
 *    problem of severity ERROR is a row error; so is a failing credit code
 *    (a WARNING in the form, where the user types a reason): it passes only
 *    when the row gives the reason in a column "credit_code_override" /
 *    "保留理由". Other warnings are kept as row warnings and do not block.
 *    Rows that repeat a match key of an earlier row of the file (same uuid,
 *    credit code, name; same ID number, name + mobile), or that match the
 *    same existing record, are errors naming both rows.
 *
 * 5. Matching. Organizations by uuid (a file exported by OrgDesk), else
 *    credit code, else exact name; people by uuid, else ID number, else
 *    name + mobile. A matched row updates the record with the fields the
 *    file gives (OD_IMPORT_ON_MATCH_UPDATE) or is skipped
 *    (OD_IMPORT_ON_MATCH_SKIP; its values are then not checked); an
 *    unmatched row is inserted. Never a duplicate.
 *
 * 6. Writing, all or nothing. When any row has an error nothing is written
 *    (and no backup is taken): the result lists every error. Otherwise a
 *    backup of the database is taken (backups/…-before-import.db) and one
 *    od_db_transaction() saves every row through the store (which writes
 *    its per-record audit entries) and adds ONE audit entry, action
 *    "import", naming the file, the counts and the ids inserted and
 *    updated: the import is one step in the history.
 *    A dry run does the same saves in a transaction that is rolled back,
 *    so its counts are exact, and writes nothing, backup included.
 *
 * Messages and rows: row numbers are the spreadsheet's own (XLSX) or the
 * file's line (CSV, blank lines and line breaks inside cells counted), so
 * that "row 7" is where the user looks; columns are named by the header as
 * written in the file. od_import_problem_format() gives
 * "FILE:ROW:COLUMN: message".
 */
#pragma once

#include <gio/gio.h>

#include "od-csv-reader.h"
#include "od-db.h"
#include "od-entity.h"

G_BEGIN_DECLS

#define OD_IMPORT_ERROR (od_import_error_quark ())

/* Errors about the file or the request as a whole. Rows with errors are not
 * a GError: they are listed in OdImportResult.errors. */
typedef enum
{
  OD_IMPORT_ERROR_UNKNOWN_ENTITY,  /* not one of od_import_entities() */
  OD_IMPORT_ERROR_BAD_OPTION,      /* a mapping naming no column or no key, a sheet that is not there */
  OD_IMPORT_ERROR_UNSUPPORTED,     /* .xls, .ods, a web page: to be saved as .xlsx first */
  OD_IMPORT_ERROR_NO_COLUMN,       /* a required column is missing, or the file has no rows */
  OD_IMPORT_ERROR_SAVE,            /* a row failed while saving (everything rolled back) */
  OD_IMPORT_ERROR_UNDO,            /* od_import_undo() refused: see the message */
} OdImportError;

typedef enum
{
  OD_IMPORT_ON_MATCH_UPDATE,   /* update the matched record with the fields the file gives */
  OD_IMPORT_ON_MATCH_SKIP,     /* leave the matched record as it is */
} OdImportOnMatch;

/* --- entities: what a file can be imported as --- */

/* Any registered entity (od-entity.h) whose descriptor has a field table
 * and a store: its fields' headers, choices and lookups read the cells,
 * its matches find existing records, its store validates and saves. */

/* --- options and results --- */

typedef struct
{
  OdCsvEncoding    encoding;   /* CSV files; AUTO by default */
  guint            sheet;      /* XLSX files: 1-based; 0 = the first */
  const char      *mapping;    /* "表头=key,表头=key" or NULL */
  OdImportOnMatch  on_match;
  gboolean         dry_run;
  /* On explicit choice only: write the rows without errors and leave out
   * (and report) the others. By default an import is all or nothing. */
  gboolean         valid_rows_only;
} OdImportOptions;

typedef struct
{
  guint  row;        /* the spreadsheet's row / the file's line; 0 = the file as a whole */
  char  *column;     /* the header as written in the file (the key if the file has no
                        such column); "" = the row as a whole */
  char  *value;      /* the cell as read (ID numbers masked), or NULL */
  char  *message;    /* translated: what is wrong and what to do */
} OdImportProblem;

typedef struct
{
  char      *path;           /* as given */
  char      *entity;
  gboolean   dry_run;
  gboolean   written;        /* rows were saved and committed */
  guint      header_row;     /* where the headers were found */
  guint      n_rows;         /* data rows (blank ones not counted) */
  /* What was done — or, when rejected or a dry run, what would be done.
   * When rows were rejected no row was tried, so matched rows that would
   * change nothing count in n_updated. */
  guint      n_inserted;
  guint      n_updated;
  guint      n_unchanged;    /* matched, updated with what it already had */
  guint      n_skipped;      /* matched, left alone (OD_IMPORT_ON_MATCH_SKIP) */
  guint      n_error_rows;
  GPtrArray *errors;         /* OdImportProblem: any → nothing written */
  GPtrArray *warnings;       /* OdImportProblem: kept anyway */
  GPtrArray *notices;        /* char *: about the file as a whole */
  GPtrArray *columns;        /* char *: the key each file column was read as, "" = ignored */
  GArray    *inserted_ids;   /* gint64 */
  GArray    *updated_ids;    /* gint64 */
  char      *backup_path;    /* the backup taken before writing, or NULL */
  gint64     audit_id;       /* the import's audit entry (audit_log.id) once written, else 0 */
} OdImportResult;

GQuark                 od_import_error_quark      (void);

/* The importable entity called NAME, or NULL. */
const OdEntity        *od_import_find_entity      (const char              *name);
/* Their names, for messages: "organizations, people". */
char                  *od_import_entities         (void);
/* The key HEADER maps to without a mapping step, or NULL. */
const char            *od_import_match_header     (const OdEntity          *entity,
                                                   const char              *header);

void                   od_import_options_init     (OdImportOptions         *options);

/* Imports PATH as ENTITY. Returns NULL with an error when the file or the
 * request as a whole cannot be imported (OD_IMPORT_ERROR, OD_CSV_ERROR,
 * OD_XLSX_ERROR, G_IO_ERROR, OD_DB_ERROR). Otherwise a result: when its
 * errors are not empty the import was rejected and nothing was written. */
OdImportResult        *od_import_file             (OdDb                    *db,
                                                   const char              *entity,
                                                   const char              *path,
                                                   const OdImportOptions   *options,
                                                   GError                 **error);

/* Reads PATH with OPTIONS' encoding and sheet, for a preview and a mapping
 * step: HEADERS (char *) are the cells of the row the import takes as its
 * header row (title rows above the table skipped; the first non-blank row
 * when none is recognised), ROWS (GStrv) those of the next up to 5
 * non-blank rows. */
gboolean               od_import_peek             (const char              *path,
                                                   const OdImportOptions   *options,
                                                   GPtrArray              **headers,
                                                   GPtrArray              **rows,
                                                   GError                 **error);

/* Undoes the import whose audit entry is AUDIT_ID (OdImportResult.audit_id),
 * in one transaction: every record it inserted is deleted through the store
 * (so it goes to the trash and can be restored), every record it updated
 * gets back the values the import changed (kept in the entry's changes as
 * "old": {"id": {"key": old value, …}}), and one audit entry, action
 * "import", with "undo_of" records the undo. Refused (OD_IMPORT_ERROR_UNDO)
 * when the entry is not an import, was undone already, is itself an undo,
 * or when a record of the import was changed since (the message names it:
 * undo those changes first, or use the trash or the history). */
gboolean               od_import_undo             (OdDb                    *db,
                                                   gint64                   audit_id,
                                                   GError                 **error);

/* "FILE:ROW:COLUMN: message" (ROW and COLUMN left out when not known). */
char                  *od_import_problem_format   (const OdImportResult    *result,
                                                   const OdImportProblem   *problem);
void                   od_import_problem_free     (OdImportProblem         *problem);
void                   od_import_result_free      (OdImportResult          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdImportProblem, od_import_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdImportResult, od_import_result_free)

G_END_DECLS
