/* od-cli-io.c — orgdesk-cli: import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-cli.h"
#include "od-cli-private.h"
#include "od-db.h"
#include "od-export.h"
#include "od-import.h"


/* Nothing but the data reaches standard output. */
int
_od_cli_cmd_export (OdCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean full_id_numbers = FALSE;
  int year = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("csv (the default), xlsx or json"),
      N_("FORMAT") },
    { "full-id-numbers", 0, 0, G_OPTION_ARG_NONE, &full_id_numbers,
      N_("Write ID numbers in full; they are personal data, masked otherwise"), NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year, for yearly records"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  OdExportFormat format = OD_EXPORT_FORMAT_CSV;
  int code = OD_CLI_OK;
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!_od_cli_parse_options ("export", _("ENTITY"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 2)
    {
      g_autofree char *names = od_export_entities ();

      _od_cli_print_error (_("Say what to export: orgdesk-cli export ENTITY [-o FILE], where ENTITY is "
                             "one of: %s."), names);
      return OD_CLI_USAGE;
    }
  if (!od_export_has_entity (argv[1]))
    {
      g_autofree char *names = od_export_entities ();

      _od_cli_print_error (_("“%s” cannot be exported. Choose one of: %s."), argv[1], names);
      return OD_CLI_USAGE;
    }
  /* Without --format, "-o list.xlsx" means XLSX: CSV text under that name
   * would not open in Excel. */
  if (format_name == NULL && output != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      if (g_str_has_suffix (lower, ".xlsx"))
        format_name = g_strdup ("xlsx");
      else if (g_str_has_suffix (lower, ".json"))
        format_name = g_strdup ("json");
    }
  if (format_name == NULL || g_ascii_strcasecmp (format_name, "csv") == 0)
    format = OD_EXPORT_FORMAT_CSV;
  else if (g_ascii_strcasecmp (format_name, "json") == 0)
    format = OD_EXPORT_FORMAT_JSON;
  else if (g_ascii_strcasecmp (format_name, "xlsx") == 0)
    format = OD_EXPORT_FORMAT_XLSX;
  else
    {
      _od_cli_print_error (_("Unknown format “%s”: use csv, xlsx or json."), format_name);
      return OD_CLI_USAGE;
    }
  if (year != 0)
    {
      /* Translators: %s is organizations or people */
      _od_cli_print_error (_("--year applies to yearly records; %s are exported whole."), argv[1]);
      return OD_CLI_USAGE;
    }

  /* The data may go to standard output: a note about a backup goes to
   * standard error. */
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, TRUE, &code);
  if (db == NULL)
    return code;

  /* Streamed as it is made (nothing is held in memory); a file is written
   * beside its place and renamed, so a failure leaves no half-written file. */
  if (!od_export_write_file (db, argv[1], format, full_id_numbers,
                             output != NULL ? output : "-", &error))
    return _od_cli_fail (g_steal_pointer (&error));
  if (output != NULL)
    _od_cli_print_written (output);
  return OD_CLI_OK;
}

/* Only when one was taken: an import that wrote nothing takes none. */
static void
print_import_backup (const OdImportResult *result)
{
  if (result->backup_path != NULL)
    g_print (_("A backup was taken before the import: %s\n"), result->backup_path);
}

/* Every row is checked before anything is written. Problems go to stderr
 * as FILE:ROW:COLUMN: message (at most 200 of each kind), what was done to
 * stdout; a rejected import exits 1 and writes nothing. */
int
_od_cli_cmd_import (OdCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autofree char *encoding_name = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *on_match = NULL;
  gboolean dry_run = FALSE;
  gboolean valid_rows_only = FALSE;
  int sheet = 0;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("CSV files: auto (the default), utf-8 or gb18030"), N_("ENCODING") },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet,
      N_("XLSX files: the sheet to read, counted from 1 (the default)"), N_("N") },
    /* Translators: keep 表头=key, the form of the mapping */
    { "map", 0, 0, G_OPTION_ARG_STRING, &mapping,
      N_("Read columns as OrgDesk's keys: \"表头=key,表头=key\"; \"表头=-\" leaves one out"),
      N_("MAPPING") },
    { "on-match", 0, 0, G_OPTION_ARG_STRING, &on_match,
      N_("Rows matching an existing record: update it (the default) or skip the row"),
      N_("update|skip") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and show what would be done, writing nothing"), NULL },
    { "valid-rows-only", 0, 0, G_OPTION_ARG_NONE, &valid_rows_only,
      N_("Import the rows without errors and leave out the others (by default any error "
         "stops the whole import)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const guint max_listed = 200;
  OdImportOptions options;
  g_autoptr(OdDb) db = NULL;
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int code = OD_CLI_OK;

  if (!_od_cli_parse_options ("import", _("ENTITY FILE"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 3)
    {
      g_autofree char *names = od_import_entities ();

      _od_cli_print_error (_("Say what to import and from which file: orgdesk-cli import ENTITY FILE, "
                             "where ENTITY is one of: %s."), names);
      return OD_CLI_USAGE;
    }
  if (od_import_find_entity (argv[1]) == NULL)
    {
      g_autofree char *names = od_import_entities ();

      _od_cli_print_error (_("“%s” cannot be imported. Choose one of: %s."), argv[1], names);
      return OD_CLI_USAGE;
    }

  od_import_options_init (&options);
  if (encoding_name == NULL || g_ascii_strcasecmp (encoding_name, "auto") == 0)
    options.encoding = OD_CSV_ENCODING_AUTO;
  else if (g_ascii_strcasecmp (encoding_name, "utf-8") == 0
           || g_ascii_strcasecmp (encoding_name, "utf8") == 0)
    options.encoding = OD_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (encoding_name, "gb18030") == 0
           || g_ascii_strcasecmp (encoding_name, "gbk") == 0
           || g_ascii_strcasecmp (encoding_name, "gb2312") == 0)
    options.encoding = OD_CSV_ENCODING_GB18030;
  else
    {
      _od_cli_print_error (_("Unknown encoding “%s”: use auto, utf-8 or gb18030."), encoding_name);
      return OD_CLI_USAGE;
    }
  if (sheet < 0)
    {
      _od_cli_print_error (_("--sheet counts from 1."));
      return OD_CLI_USAGE;
    }
  if (on_match == NULL || g_ascii_strcasecmp (on_match, "update") == 0)
    options.on_match = OD_IMPORT_ON_MATCH_UPDATE;
  else if (g_ascii_strcasecmp (on_match, "skip") == 0)
    options.on_match = OD_IMPORT_ON_MATCH_SKIP;
  else
    {
      _od_cli_print_error (_("Unknown --on-match “%s”: use update or skip."), on_match);
      return OD_CLI_USAGE;
    }
  options.sheet = (guint) sheet;
  options.mapping = mapping;
  options.dry_run = dry_run;
  options.valid_rows_only = valid_rows_only;

  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, &code);
  if (db == NULL)
    return code;

  result = od_import_file (db, argv[1], argv[2], &options, &error);
  if (result == NULL)
    {
      if (g_error_matches (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION))
        {
          _od_cli_print_error ("%s", error->message);
          return OD_CLI_USAGE;
        }
      return _od_cli_fail (g_steal_pointer (&error));
    }

  for (guint i = 0; i < result->notices->len; i++)
    g_print ("%s: %s\n", result->path, (char *) g_ptr_array_index (result->notices, i));

  for (guint i = 0; i < result->errors->len && i < max_listed; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->errors, i));

      g_printerr ("%s\n", line);
    }
  if (result->errors->len > max_listed)
    g_printerr (ngettext ("… and %u more error\n", "… and %u more errors\n",
                          result->errors->len - max_listed),
                result->errors->len - max_listed);

  for (guint i = 0; i < result->warnings->len && i < max_listed; i++)
    {
      OdImportProblem *problem = g_ptr_array_index (result->warnings, i);

      /* Translators: FILE:ROW:COLUMN: warning: message */
      g_printerr (_("%s:%u:%s: warning: %s\n"), result->path, problem->row, problem->column,
                  problem->message);
    }
  if (result->warnings->len > max_listed)
    g_printerr (ngettext ("… and %u more warning\n", "… and %u more warnings\n",
                          result->warnings->len - max_listed),
                result->warnings->len - max_listed);

  if (result->errors->len > 0 && result->written)
    {
      g_print (ngettext ("%s: imported the valid rows into %s: inserted %u, updated %u; %u row "
                         "with errors was left out.\n",
                         "%s: imported the valid rows into %s: inserted %u, updated %u; %u rows "
                         "with errors were left out.\n", result->n_error_rows),
               result->path, result->entity, result->n_inserted, result->n_updated,
               result->n_error_rows);
      print_import_backup (result);
      /* Some rows were still rejected: scripts see it in the exit status. */
      return OD_CLI_REJECTED;
    }

  if (result->errors->len > 0)
    {
      /* Translators: the counts are what the valid rows would do */
      g_print (ngettext ("%s: %u row checked: would insert %u, update %u, skip %u; %u with "
                         "errors.\n",
                         "%s: %u rows checked: would insert %u, update %u, skip %u; %u with "
                         "errors.\n", result->n_rows),
               result->path, result->n_rows, result->n_inserted, result->n_updated,
               result->n_skipped, result->n_error_rows);
      _od_cli_print_error (ngettext ("%s: %u row has errors, so nothing was imported. Correct it and "
                                     "import the file again.",
                                     "%s: %u rows have errors, so nothing was imported. Correct them "
                                     "and import the file again.", result->n_error_rows),
                           result->path, result->n_error_rows);
      return OD_CLI_REJECTED;
    }

  if (result->dry_run)
    g_print (ngettext ("%s: dry run, nothing written. %u row: would insert %u, update %u, "
                       "leave %u unchanged, skip %u; 0 errors.\n",
                       "%s: dry run, nothing written. %u rows: would insert %u, update %u, "
                       "leave %u unchanged, skip %u; 0 errors.\n", result->n_rows),
             result->path, result->n_rows, result->n_inserted, result->n_updated,
             result->n_unchanged, result->n_skipped);
  else if (result->n_rows == 0)
    g_print (_("%s: there are no rows below the headers, so nothing was imported.\n"),
             result->path);
  else
    {
      g_print (ngettext ("%s: imported %u row into %s: inserted %u, updated %u, unchanged %u, "
                         "skipped %u.\n",
                         "%s: imported %u rows into %s: inserted %u, updated %u, unchanged %u, "
                         "skipped %u.\n", result->n_rows),
               result->path, result->n_rows, result->entity, result->n_inserted,
               result->n_updated, result->n_unchanged, result->n_skipped);
      print_import_backup (result);
    }
  return OD_CLI_OK;
}
