/* main.c — OrgDesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk"

#include "config.h"

#include <glib/gi18n.h>

#include "od-application.h"
#include "od-i18n.h"
#include "od-paths.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OdApplication) app = NULL;

  od_paths_use_build_tree (argv[0]);
  od_i18n_init ();
  app = od_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
