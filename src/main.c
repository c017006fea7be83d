/* main.c — OrgDesk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "od-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OdApplication) app = NULL;

  od_application_init_i18n ();
  app = od_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
