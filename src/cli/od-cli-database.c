/* od-cli-database.c — orgdesk-cli: init, info, check-code, demo, backup and restore
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
#include "od-demo.h"
#include "od-json.h"
#include "od-settings-store.h"
#include "od-validate.h"

int
_od_cli_cmd_init (OdCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(OdDb) db = NULL;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  int code = OD_CLI_OK;

  if (!_od_cli_parse_options ("init", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc > 1)
    {
      _od_cli_print_error (_("“init” takes no arguments; choose the file with --db FILE."));
      return OD_CLI_USAGE;
    }
  db = _od_cli_open_database (cli, OD_DB_OPEN_CREATE, FALSE, &code);
  if (db == NULL)
    return code;
  g_print (_("Database ready: %s (version %u)\n"), od_db_get_path (db),
           od_db_get_schema_version (db));
  return OD_CLI_OK;
}

int
_od_cli_cmd_info (OdCli  *cli,
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

  if (!_od_cli_parse_options ("info", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, &code);
  if (db == NULL)
    return code;

  tables = od_db_list_tables (db, &error);
  if (tables == NULL)
    return _od_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < tables->len; i++)
    {
      gint64 n = 0;

      if (!od_db_count_rows (db, g_ptr_array_index (tables, i), &n, &error))
        return _od_cli_fail (g_steal_pointer (&error));
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

int
_od_cli_cmd_check_code (OdCli  *cli,
                        int     argc,
                        char  **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  gboolean all_valid = TRUE;

  if (!_od_cli_parse_options ("check-code", _("CODE…"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc < 2)
    {
      _od_cli_print_error (_("Give one or more credit codes or ID numbers to check."));
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

int
_od_cli_cmd_demo (OdCli  *cli,
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

  if (!_od_cli_parse_options ("demo", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  db = _od_cli_open_database (cli, OD_DB_OPEN_CREATE, FALSE, &code);
  if (db == NULL)
    return code;
  if (!od_demo_load (db, force, &error))
    return _od_cli_fail (g_steal_pointer (&error));
  g_print (_("Demo data loaded into %s\n"), od_db_get_path (db));
  return OD_CLI_OK;
}

int
_od_cli_cmd_backup (OdCli  *cli,
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

  if (!_od_cli_parse_options ("backup", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (output == NULL)
    {
      _od_cli_print_error (_("Say where to write the backup: orgdesk-cli backup -o FILE"));
      return OD_CLI_USAGE;
    }
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, FALSE, &code);
  if (db == NULL)
    return code;
  if (!od_db_backup_to (db, output, &error))
    return _od_cli_fail (g_steal_pointer (&error));
  if (!g_str_equal (output, "-"))
    g_print (_("Backup written to %s\n"), output);
  return OD_CLI_OK;
}

int
_od_cli_cmd_restore (OdCli  *cli,
                     int     argc,
                     char  **argv)
{
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autofree char *path = _od_cli_database_path (cli);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  if (!_od_cli_parse_options ("restore", _("FILE"), entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc != 2)
    {
      _od_cli_print_error (_("Give the one backup file to restore: orgdesk-cli restore FILE"));
      return OD_CLI_USAGE;
    }
  if (!od_db_restore_file (path, argv[1], &kept, &error))
    return _od_cli_fail (g_steal_pointer (&error));
  g_print (_("Restored %s from %s\n"), path, argv[1]);
  if (kept != NULL)
    g_print (_("The database as it was before is kept in %s\n"), kept);
  return OD_CLI_OK;
}

/* --lang switches the language of the texts drawn, whatever the locale. */
