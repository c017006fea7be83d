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
#include "od-domains.h"
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

/* What was written, unless it went to standard output among the data. */
void
_od_cli_print_written (const char *output)
{
  if (g_str_equal (output, "-"))
    return;
  g_print (_("Written to %s\n"), output);
}

char *
_od_cli_database_path (OdCli *cli)
{
  return database_path (cli);
}

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
  /* Marks the door logged but did not apply (od-domains.h): a failure
   * leaves them logged for the next time and stops nothing. */
  if (!od_domains_open (db, &error))
    {
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);
    }
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

static const OdCliCommand commands[] = {
  { "init", "", N_("Create or update the database"), _od_cli_cmd_init },
  { "info", "[--json]", N_("Show the schema version, path and rows per table"), _od_cli_cmd_info },
  { "check-code", "CODE…", N_("Check credit codes and ID numbers (no database needed)"),
    _od_cli_cmd_check_code },
  { "demo", "[--force]", N_("Load the demo data"), _od_cli_cmd_demo },
  { "backup", "-o FILE", N_("Write a backup of the database"), _od_cli_cmd_backup },
  { "restore", "FILE", N_("Replace the database with a backup"), _od_cli_cmd_restore },
  { "export", "ENTITY [-o FILE]",
    N_("Export the records of ENTITY as CSV, XLSX or JSON (--format, --full-id-numbers)"),
    _od_cli_cmd_export },
  { "import", "ENTITY FILE",
    N_("Import records of ENTITY from CSV or XLSX, all or nothing (--dry-run, --map, "
       "--on-match, --sheet, --encoding)"), _od_cli_cmd_import },
  { "export-session", "--course ID -o FILE",
    N_("Write a course to a new database to take attendance on a laptop"),
    _od_cli_cmd_export_session },
  { "merge", "FILE", N_("Bring a laptop's attendance back into the database"), _od_cli_cmd_merge },
  { "stats", "[--year Y]", N_("Show the headline figures, as text or as JSON (--json)"),
    _od_cli_cmd_stats },
  { "chart", "KIND -o FILE", N_("Draw a chart as PNG, PDF or SVG (--list shows the kinds)"),
    _od_cli_cmd_chart },
  { "report", "KIND -o FILE.pdf", N_("Make a printable report (--list shows the kinds)"),
    _od_cli_cmd_report },
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
  {
    g_autofree char *entities = od_import_entities ();

    /* Translators: %s lists the kinds of records (organizations, people,
     * courses, …); keep them in English, they are typed */
    fprintf (stream, _("ENTITY is one of: %s.\n"), entities);
  }
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
