/* od-cli-stats.c — orgdesk-cli stats [--year Y] [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headline figures of od_stats_gather() (the same numbers as the
 * overview), as text for people or as the JSON of DESIGN.md §5 for
 * scripts. Every domain's figures come from od-stats: nothing is counted
 * here.
 */
#define G_LOG_DOMAIN "orgdesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "od-cli-private.h"
#include "od-stats.h"

/* --- helpers --- */

static gboolean
parse_year (const char *text,
            int        *year)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, OD_STATS_YEAR_MIN, OD_STATS_YEAR_MAX, &value, NULL))
    {
      /* Translators: %s is what was given after --year; the numbers are the
       * first and last years OrgDesk can count */
      _od_cli_print_error (_("--year: “%s” is not a year from %d to %d. Give the year in four "
                             "digits, e.g. --year 2017."),
                           text, OD_STATS_YEAR_MIN, OD_STATS_YEAR_MAX);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

/* --- private API --- */

int
_od_cli_cmd_stats (OdCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *year_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The figures at the end of YEAR (by default, as of today)"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int year = 0;
  int code = OD_CLI_OK;

  if (!_od_cli_parse_options ("stats", "", entries, &argc, &argv))
    return OD_CLI_USAGE;
  if (argc > 1)
    {
      _od_cli_print_error (_("“stats” takes no arguments; choose the year with --year YEAR."));
      return OD_CLI_USAGE;
    }
  if (year_text != NULL && !parse_year (year_text, &year))
    return OD_CLI_USAGE;

  /* With --json, standard output is JSON only: notes go to stderr. */
  db = _od_cli_open_database (cli, OD_DB_OPEN_DEFAULT, json, &code);
  if (db == NULL)
    return code;
  stats = od_stats_gather (db, year, &error);
  if (stats == NULL)
    return _od_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      text = od_stats_to_json (stats, TRUE);
      g_print ("%s", text);
      return OD_CLI_OK;
    }

  if (year != 0)
    /* Translators: the heading of `orgdesk-cli stats --year 2017` */
    g_print (_("Figures at the end of %d\n"), year);
  else
    /* Translators: the heading of `orgdesk-cli stats` without --year */
    g_print (_("Figures as of today\n"));
  text = od_stats_describe (stats);
  g_print ("%s", text);
  return OD_CLI_OK;
}
