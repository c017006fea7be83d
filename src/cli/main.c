/* main.c — orgdesk-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "od-cli.h"
#include "od-i18n.h"

int
main (int    argc,
      char **argv)
{
  od_i18n_init ();
  return od_cli_main (argc, argv);
}
