/* od-cli-private.h — what the commands in od-cli-<domain>.c share with od-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-cli.h"
#include "od-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_option;   /* --db FILE, or NULL */
} OdCli;

/* "orgdesk-cli: MESSAGE" on stderr. */
void      _od_cli_print_error    (const char          *format,
                                  ...) G_GNUC_PRINTF (1, 2);
/* Prints ERROR, frees it and returns the exit code it means (DESIGN.md §5). */
int       _od_cli_fail           (GError              *error);
/* Parses a command's options; on a usage error prints it with the help hint. */
gboolean  _od_cli_parse_options  (const char          *command,
                                  const char          *parameter,
                                  const GOptionEntry  *entries,
                                  int                 *argc,
                                  char              ***argv);
/* Opens the database of --db / $ORGDESK_DB / the default. A note about a
 * backup taken before a migration goes to stdout, or to stderr when
 * DATA_ON_STDOUT (the command's output is data, such as JSON). On failure
 * prints why and sets EXIT_CODE. */
OdDb     *_od_cli_open_database  (OdCli               *cli,
                                  OdDbOpenFlags        flags,
                                  gboolean             data_on_stdout,
                                  int                 *exit_code);

/* --- the commands of od-cli-<domain>.c --- */

/* What was written where, unless it went to standard output among the data. */
void      _od_cli_print_written  (const char          *output);
/* --db, $ORGDESK_DB or the default. */
char     *_od_cli_database_path  (OdCli               *cli);

/* The commands, one file per area: od-cli-database.c, od-cli-io.c,
 * od-cli-render.c, od-cli-stats.c. */
int       _od_cli_cmd_init       (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_info       (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_check_code (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_demo       (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_backup     (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_restore    (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_chart      (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_report     (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_export     (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_import     (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_export_session (OdCli *cli,
                                     int    argc,
                                     char **argv);
int       _od_cli_cmd_merge      (OdCli   *cli,
                                  int      argc,
                                  char   **argv);
int       _od_cli_cmd_stats      (OdCli   *cli,
                                  int      argc,
                                  char   **argv);

G_END_DECLS
