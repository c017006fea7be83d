/* main.c — orgdesk-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-cli"

#include "config.h"

#include "od-cli.h"
#include "od-i18n.h"
#include "od-paths.h"

int
main (int    argc,
      char **argv)
{
  od_paths_use_build_tree (argv[0]);
  od_i18n_init ();
  return od_cli_main (argc, argv);
}
