/* od-cli.c — orgdesk-cli commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command parses its own options and returns an OdCliExit. Messages go
 * to stderr and say what is wrong and what to do; results go to stdout.
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
#include "od-demo.h"
#include "od-export.h"
#include "od-import.h"
#include "od-json.h"
#include "od-output.h"
#include "od-paths.h"
#include "od-i18n.h"
#include "od-render-registry.h"
#include "od-settings-store.h"
#include "od-validate.h"

/* A script's command waits this long for another program's write (an
 * import started at the same moment) before it gives up. */
#define CLI_BUSY_TIMEOUT_MS 60000

typedef int (*OdCliCommandFunc) (OdCli *cli, int argc, char **argv);

typedef struct
{
  const char       *name;
  const char       *args;      /* shown in usage */
  const char       *summary;   /* N_() */
  OdCliCommandFunc  func;
} OdCliCommand;

/* --- helpers --- */

static void G_GNUC_PRINTF (1, 2)
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("orgdesk-cli: %s\n", message);
}

static int
exit_code_for_error (const GError *error)
{
  if (error->domain == OD_DB_ERROR)
    return error->code == OD_DB_ERROR_CONSTRAINT ? OD_CLI_REJECTED : OD_CLI_DATABASE;
  return OD_CLI_REJECTED;
}

static int
fail (GError *error)
{
  int code = exit_code_for_error (error);

  print_error ("%s", error->message);
  g_error_free (error);
  return code;
}

static char *
database_path (OdCli *cli)
{
  return od_paths_resolve_database (cli->db_option, NULL);
}

static OdDb *
open_database (OdCli         *cli,
               OdDbOpenFlags  flags,
               int           *exit_code)
{
  return _od_cli_open_database (cli, flags, FALSE, exit_code);
}

/* Parses a command's options; on a usage error prints it with the help hint. */
static gboolean
parse_options (const char          *command,
               const char          *parameter,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameter);

  context = g_option_context_new (title);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error ("%s", error->message);
      g_printerr (_("Try “orgdesk-cli %s --help”.\n"), command);
      return FALSE;
    }
  return TRUE;
}

/* --- private API (od-cli-private.h), for od-cli-<domain>.c --- */

void
_od_cli_print_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_error ("%s", message);
}

int
_od_cli_fail (GError *error)
{
  return fail (error);
}

gboolean
_od_cli_parse_options (const char          *command,
                       const char          *parameter,
                       const GOptionEntry  *entries,
                       int                 *argc,
                       char              ***argv)
{
  return parse_options (command, parameter, entries, argc, argv);
}

OdDb *
_od_cli_open_database (OdCli         *cli,
                       OdDbOpenFlags  flags,
                       gboolean       data_on_stdout,
                       int           *exit_code)
{
  g_autofree char *path = database_path (cli);
  g_autoptr(GError) error = NULL;
  OdDb *db;

  db = od_db_open (path, flags, &error);
  if (db == NULL)
    {
      *exit_code = fail (g_steal_pointer (&error));
      return NULL;
    }
  od_db_set_busy_timeout (db, CLI_BUSY_TIMEOUT_MS);
  if (od_db_get_backup_path (db) != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("A backup was taken before updating the "
                                                 "database: %s\n"),
                                               od_db_get_backup_path (db));

      if (data_on_stdout)
        g_printerr ("%s", note);
      else
        g_print ("%s", note);
    }
  return db;
}

/* --- commands --- */

static int
cmd_init (OdCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(OdDb) db = NULL;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  int code = OD_CLI_OK;

  if (!parse_options ("init", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc > 1)
    {
      print_error (_("“init” takes no arguments; choose the file with --db FILE."));
      return OD_CLI_USAGE;
    }
  db = open_database (cli, OD_DB_OPEN_CREATE, &code);
  if (db == NULL)
    return code;
  g_print (_("Database ready: %s (version %u)\n"), od_db_get_path (db),
           od_db_get_schema_version (db));
  return OD_CLI_OK;
}

static int
cmd_info (OdCli  *cli,
          int     argc,
          char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autofree char *association = NULL;
  int code = OD_CLI_OK;

  if (!parse_options ("info", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  db = open_database (cli, OD_DB_OPEN_DEFAULT, &code);
  if (db == NULL)
    return code;

  tables = od_db_list_tables (db, &error);
  if (tables == NULL)
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < tables->len; i++)
    {
      gint64 n = 0;

      if (!od_db_count_rows (db, g_ptr_array_index (tables, i), &n, &error))
        return fail (g_steal_pointer (&error));
      g_array_append_val (counts, n);
    }
  association = od_settings_get (db, OD_SETTING_ASSOCIATION_NAME, NULL);

  if (json)
    {
      g_autoptr(OdJsonWriter) writer = od_json_writer_new (TRUE);
      g_autofree char *text = NULL;

      od_json_begin_object (writer, NULL);
      od_json_string (writer, "path", od_db_get_path (db));
      od_json_int (writer, "schema_version", od_db_get_schema_version (db));
      od_json_int (writer, "latest_schema_version", od_db_get_latest_version ());
      od_json_string (writer, "association_name", association);
      od_json_begin_object (writer, "tables");
      for (guint i = 0; i < tables->len; i++)
        od_json_int (writer, g_ptr_array_index (tables, i), g_array_index (counts, gint64, i));
      od_json_end_object (writer);
      od_json_end_object (writer);
      text = od_json_writer_finish (g_steal_pointer (&writer));
      g_print ("%s", text);
      return OD_CLI_OK;
    }

  g_print (_("Database: %s\n"), od_db_get_path (db));
  g_print (_("Schema version: %u (this program: %u)\n"), od_db_get_schema_version (db),
           od_db_get_latest_version ());
  g_print (_("Association: %s\n"), association != NULL ? association : _("(not set)"));
  g_print (_("Rows per table:\n"));
  for (guint i = 0; i < tables->len; i++)
    g_print ("  %-24s %" G_GINT64_FORMAT "\n", (char *) g_ptr_array_index (tables, i),
             g_array_index (counts, gint64, i));
  return OD_CLI_OK;
}

/* An 18-character all-digit text (with a final X) whose positions 7–14 look
 * like a birth date is an ID number; anything else is read as a credit code. */
static gboolean
looks_like_id_number (const OdCodeResult *as_id)
{
  return as_id->status == OD_CODE_VALID || as_id->status == OD_CODE_BAD_CHECK;
}

static int
cmd_check_code (OdCli  *cli,
                int     argc,
                char  **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  gboolean all_valid = TRUE;

  if (!parse_options ("check-code", _("CODE…"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc < 2)
    {
      print_error (_("Give one or more credit codes or ID numbers to check."));
      return OD_CLI_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      OdCodeResult as_code, as_id;
      g_autofree char *description = NULL;
      g_autofree char *shown = NULL;
      gboolean is_id, valid;

      od_validate_credit_code (argv[i], &as_code);
      od_validate_id_number (argv[i], &as_id);
      is_id = as_code.status != OD_CODE_VALID && looks_like_id_number (&as_id);
      valid = is_id ? as_id.status == OD_CODE_VALID : as_code.status == OD_CODE_VALID;
      description = od_code_result_describe (is_id ? &as_id : &as_code, is_id);
      /* ID numbers are personal data: never echoed in full (DESIGN.md §2). */
      shown = is_id ? od_id_number_mask (as_id.normalized) : g_strdup (argv[i]);
      g_print ("%s\t%s\t%s\n", shown, valid ? _("valid") : _("invalid"), description);
      all_valid &= valid;
    }
  return all_valid ? OD_CLI_OK : OD_CLI_REJECTED;
}

static int
cmd_demo (OdCli  *cli,
          int     argc,
          char  **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the data of a database that is not empty (a backup is taken first)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int code = OD_CLI_OK;

  if (!parse_options ("demo", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  db = open_database (cli, OD_DB_OPEN_CREATE, &code);
  if (db == NULL)
    return code;
  if (!od_demo_load (db, force, &error))
    return fail (g_steal_pointer (&error));
  g_print (_("Demo data loaded into %s\n"), od_db_get_path (db));
  return OD_CLI_OK;
}

static int
cmd_backup (OdCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the backup to FILE"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int code = OD_CLI_OK;

  if (!parse_options ("backup", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (output == NULL)
    {
      print_error (_("Say where to write the backup: orgdesk-cli backup -o FILE"));
      return OD_CLI_USAGE;
    }
  db = open_database (cli, OD_DB_OPEN_DEFAULT, &code);
  if (db == NULL)
    return code;
  if (!od_db_backup_to (db, output, &error))
    return fail (g_steal_pointer (&error));
  if (!g_str_equal (output, "-"))
    g_print (_("Backup written to %s\n"), output);
  return OD_CLI_OK;
}

static int
cmd_restore (OdCli  *cli,
             int     argc,
             char  **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autofree char *path = database_path (cli);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("restore", _("FILE"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 2)
    {
      print_error (_("Give the one backup file to restore: orgdesk-cli restore FILE"));
      return OD_CLI_USAGE;
    }
  if (!od_db_restore_file (path, argv[1], &kept, &error))
    return fail (g_steal_pointer (&error));
  g_print (_("Restored %s from %s\n"), path, argv[1]);
  if (kept != NULL)
    g_print (_("The database as it was before is kept in %s\n"), kept);
  return OD_CLI_OK;
}

/* --lang switches the language of the texts drawn, whatever the locale. */
static gboolean
apply_language (const char *lang)
{
  if (lang == NULL)
    return TRUE;
  if (!g_str_equal (lang, "zh_CN") && !g_str_equal (lang, "en"))
    {
      print_error (_("Unknown language “%s”: use zh_CN or en."), lang);
      return FALSE;
    }
  g_setenv ("LANGUAGE", lang, TRUE);
  od_i18n_init ();
  return TRUE;
}

/* What was written, unless it went to standard output among the data. */
static void
print_written (const char *output)
{
  if (g_str_equal (output, "-"))
    return;
  g_print (_("Written to %s\n"), output);
}

static gboolean
output_has_extension (const char        *output,
                      const char *const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Opens the database only for kinds made from it. */
static gboolean
prepare_request (OdCli            *cli,
                 gboolean          needs_db,
                 OdRenderRequest  *request,
                 OdDb            **db,
                 char            **association,
                 int              *exit_code)
{
  if (!needs_db)
    return TRUE;
  *db = open_database (cli, OD_DB_OPEN_DEFAULT, exit_code);
  if (*db == NULL)
    return FALSE;
  *association = od_settings_get (*db, OD_SETTING_ASSOCIATION_NAME, NULL);
  request->db = *db;
  request->association = *association;
  return TRUE;
}

static void
print_kinds (gboolean charts)
{
  g_autoptr(GPtrArray) kinds = od_render_list_kinds (charts);

  for (guint i = 0; i < kinds->len; i++)
    {
      const OdRenderKind *kind = g_ptr_array_index (kinds, i);

      g_print ("  %-22s %s\n", kind->name, _(kind->summary));
    }
}

static int
cmd_chart_or_report (OdCli    *cli,
                     int       argc,
                     char    **argv,
                     gboolean  chart)
{
  const char *command = chart ? "chart" : "report";
  const char *const chart_extensions[] = { ".png", ".pdf", ".svg", NULL };
  const char *const report_extensions[] = { ".pdf", ".png", ".svg", NULL };
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  gboolean list = FALSE;
  int year = 0, width = 800, height = 500;
  gint64 org = 0;
  const GOptionEntry chart_entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.png, .pdf or .svg)"),
      N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year to show"), N_("YEAR") },
    { "org", 0, 0, G_OPTION_ARG_INT64, &org, N_("The organization to show"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the texts: zh_CN or en"),
      N_("LANG") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF and SVG)"),
      N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for PDF and SVG)"),
      N_("H") },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the kinds that can be made"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("png, pdf or svg, when FILE does not say (-o - is standard output)"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const char *const format_names[] = { "png", "pdf", "svg", NULL };
  /* Reports take no size: they are A4 pages. */
  const GOptionEntry *entries = chart_entries;
  GOptionEntry report_entries[G_N_ELEMENTS (chart_entries)];
  OdRenderRequest request = { NULL, 0, 0, NULL };
  g_autoptr(OdDb) db = NULL;
  g_autofree char *association = NULL;
  g_autoptr(GError) error = NULL;
  const OdRenderKind *kind;
  int code = OD_CLI_OK;

  if (!chart)
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (chart_entries); i++)
        if (chart_entries[i].long_name == NULL
            || (!g_str_equal (chart_entries[i].long_name, "width")
                && !g_str_equal (chart_entries[i].long_name, "height")
                && !g_str_equal (chart_entries[i].long_name, "org")
                && !g_str_equal (chart_entries[i].long_name, "format")))
          report_entries[n++] = chart_entries[i];
      entries = report_entries;
    }

  if (!parse_options (command, _("KIND"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (list)
    {
      print_kinds (chart);
      return OD_CLI_OK;
    }
  if (argc != 2)
    {
      print_error (chart ? _("Say which chart to make: orgdesk-cli chart KIND -o FILE. Kinds:")
                         : _("Say which report to make: orgdesk-cli report KIND -o FILE.pdf. Kinds:"));
      print_kinds (chart);
      return OD_CLI_USAGE;
    }
  if (output == NULL)
    {
      print_error (_("Say where to write it: -o FILE"));
      return OD_CLI_USAGE;
    }
  if (format != NULL && !g_strv_contains (format_names, format))
    {
      print_error (_("Unknown format “%s”: use png, pdf or svg."), format);
      return OD_CLI_USAGE;
    }
  if (format == NULL && !output_has_extension (output, chart ? chart_extensions : report_extensions))
    {
      /* Standard output, a device or a pipe has no name to tell the type by:
       * a report goes there as PDF, a chart as the format asked for. */
      if (!od_output_is_stream (output) || chart)
        {
          if (chart && od_output_is_stream (output))
            print_error (_("Say the file type for “%s”: add --format png, pdf or svg."), output);
          else
            print_error (_("“%s” must end in .png, .pdf or .svg."), output);
          return OD_CLI_USAGE;
        }
    }
  if (width < 100 || height < 100 || width > 10000 || height > 10000)
    {
      print_error (_("The size must be between 100 and 10000."));
      return OD_CLI_USAGE;
    }
  if (!apply_language (lang))
    return OD_CLI_USAGE;

  kind = od_render_find_kind (argv[1], chart);
  if (kind == NULL)
    {
      print_error (chart ? _("There is no chart “%s”. Kinds:") : _("There is no report “%s”. Kinds:"),
                   argv[1]);
      print_kinds (chart);
      return OD_CLI_USAGE;
    }
  request.year = year;
  request.org_id = org;
  if (!prepare_request (cli, kind->needs_db, &request, &db, &association, &code))
    return code;

  if (chart)
    {
      g_autoptr(OdChart) result = od_render_build_chart (argv[1], &request, &error);

      if (result == NULL || !od_chart_save_as (result, output, format, width, height, &error))
        return fail (g_steal_pointer (&error));
    }
  else
    {
      g_autoptr(OdDocument) result = od_render_build_report (argv[1], &request, &error);

      if (result == NULL || !od_document_save (result, output, &error))
        return fail (g_steal_pointer (&error));
    }
  print_written (output);
  return OD_CLI_OK;
}

static int
cmd_chart (OdCli  *cli,
           int     argc,
           char  **argv)
{
  return cmd_chart_or_report (cli, argc, argv, TRUE);
}

static int
cmd_report (OdCli  *cli,
            int     argc,
            char  **argv)
{
  return cmd_chart_or_report (cli, argc, argv, FALSE);
}

/* Nothing but the data reaches standard output. */
static int
cmd_export (OdCli  *cli,
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
  g_autofree char *path = NULL;
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("export", _("ENTITY"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 2)
    {
      print_error (_("Say what to export: orgdesk-cli export ENTITY [-o FILE], where ENTITY is "
                     "one of: %s."), od_export_entities ());
      return OD_CLI_USAGE;
    }
  if (!od_export_has_entity (argv[1]))
    {
      print_error (_("“%s” cannot be exported. Choose one of: %s."), argv[1],
                   od_export_entities ());
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
      print_error (_("Unknown format “%s”: use csv, xlsx or json."), format_name);
      return OD_CLI_USAGE;
    }
  if (year != 0)
    {
      /* Translators: %s is organizations or people */
      print_error (_("--year applies to yearly records; %s are exported whole."), argv[1]);
      return OD_CLI_USAGE;
    }

  /* Opened here rather than with open_database(), whose note about a
   * backup would go to standard output, into the exported data. */
  path = database_path (cli);
  db = od_db_open (path, OD_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return fail (g_steal_pointer (&error));
  od_db_set_busy_timeout (db, CLI_BUSY_TIMEOUT_MS);
  if (od_db_get_backup_path (db) != NULL)
    g_printerr (_("A backup was taken before updating the database: %s\n"),
                od_db_get_backup_path (db));

  /* Streamed as it is made (nothing is held in memory); a file is written
   * beside its place and renamed, so a failure leaves no half-written file. */
  if (!od_export_write_file (db, argv[1], format, full_id_numbers,
                             output != NULL ? output : "-", &error))
    return fail (g_steal_pointer (&error));
  if (output != NULL)
    print_written (output);
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
static int
cmd_import (OdCli  *cli,
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

  if (!parse_options ("import", _("ENTITY FILE"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 3)
    {
      print_error (_("Say what to import and from which file: orgdesk-cli import ENTITY FILE, "
                     "where ENTITY is one of: %s."), od_import_entities ());
      return OD_CLI_USAGE;
    }
  if (od_import_find_entity (argv[1]) == NULL)
    {
      print_error (_("“%s” cannot be imported. Choose one of: %s."), argv[1],
                   od_import_entities ());
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
      print_error (_("Unknown encoding “%s”: use auto, utf-8 or gb18030."), encoding_name);
      return OD_CLI_USAGE;
    }
  if (sheet < 0)
    {
      print_error (_("--sheet counts from 1."));
      return OD_CLI_USAGE;
    }
  if (on_match == NULL || g_ascii_strcasecmp (on_match, "update") == 0)
    options.on_match = OD_IMPORT_ON_MATCH_UPDATE;
  else if (g_ascii_strcasecmp (on_match, "skip") == 0)
    options.on_match = OD_IMPORT_ON_MATCH_SKIP;
  else
    {
      print_error (_("Unknown --on-match “%s”: use update or skip."), on_match);
      return OD_CLI_USAGE;
    }
  options.sheet = (guint) sheet;
  options.mapping = mapping;
  options.dry_run = dry_run;
  options.valid_rows_only = valid_rows_only;

  db = open_database (cli, OD_DB_OPEN_DEFAULT, &code);
  if (db == NULL)
    return code;

  result = od_import_file (db, argv[1], argv[2], &options, &error);
  if (result == NULL)
    {
      if (g_error_matches (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION))
        {
          print_error ("%s", error->message);
          return OD_CLI_USAGE;
        }
      return fail (g_steal_pointer (&error));
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
      print_error (ngettext ("%s: %u row has errors, so nothing was imported. Correct it and "
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

static const OdCliCommand commands[] = {
  { "init", "", N_("Create or update the database"), cmd_init },
  { "info", "[--json]", N_("Show the schema version, path and rows per table"), cmd_info },
  { "check-code", "CODE…", N_("Check credit codes and ID numbers (no database needed)"),
    cmd_check_code },
  { "demo", "[--force]", N_("Load the demo data"), cmd_demo },
  { "backup", "-o FILE", N_("Write a backup of the database"), cmd_backup },
  { "restore", "FILE", N_("Replace the database with a backup"), cmd_restore },
  { "export", "ENTITY [-o FILE]",
    N_("Export organizations or people as CSV, XLSX or JSON (--format, --full-id-numbers)"),
    cmd_export },
  { "import", "ENTITY FILE",
    N_("Import organizations or people from CSV or XLSX, all or nothing (--dry-run, --map, "
       "--on-match, --sheet, --encoding)"), cmd_import },
  { "stats", "[--year Y]", N_("Show the headline figures, as text or as JSON (--json)"),
    _od_cli_cmd_stats },
  { "chart", "KIND -o FILE", N_("Draw a chart as PNG, PDF or SVG (--list shows the kinds)"),
    cmd_chart },
  { "report", "KIND -o FILE.pdf", N_("Make a printable report (--list shows the kinds)"),
    cmd_report },
};

static void
print_usage (FILE *stream)
{
  g_autofree char *default_path = od_paths_default_database ();

  fprintf (stream, "%s\n", _("Usage: orgdesk-cli [--db FILE] COMMAND [ARGS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);

      fprintf (stream, "  %-22s %s\n", left, _(commands[i].summary));
    }
  fprintf (stream, "\n");
  fprintf (stream, _("The database is --db FILE, else $ORGDESK_DB, else %s.\n"), default_path);
  fprintf (stream, "%s\n", _("Exit status: 0 ok, 1 rejected data, 2 usage, 3 database."));
}

/* --- public API --- */

int
od_cli_main (int    argc,
             char **argv)
{
  OdCli cli = { NULL };
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            {
              print_error (_("--db needs a file name."));
              return OD_CLI_USAGE;
            }
          cli.db_option = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        cli.db_option = arg + strlen ("--db=");
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return OD_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("orgdesk-cli %s\n", PACKAGE_VERSION);
          return OD_CLI_OK;
        }
      else if (arg[0] == '-')
        {
          print_error (_("Unknown option “%s”."), arg);
          print_usage (stderr);
          return OD_CLI_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return OD_CLI_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].func (&cli, argc - i, argv + i);

  print_error (_("Unknown command “%s”."), argv[i]);
  print_usage (stderr);
  return OD_CLI_USAGE;
}
