/* od-cli.h — orgdesk-cli, the batch interface (DESIGN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of DESIGN.md §5: scripts rely on them. */
typedef enum
{
  OD_CLI_OK       = 0,
  OD_CLI_REJECTED = 1,   /* rejected data: validation, import errors */
  OD_CLI_USAGE    = 2,
  OD_CLI_DATABASE = 3,   /* cannot open, not a database, newer schema */
} OdCliExit;

int od_cli_main (int    argc,
                 char **argv);

G_END_DECLS
