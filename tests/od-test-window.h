/* od-test-window.h — the main window over a copy of a database, for the
 * UI tests of the sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-application.h"
#include "od-test-ui-util.h"
#include "od-test-util.h"
#include "od-window.h"

/* A window of APP, WIDTH × HEIGHT, over a copy of SOURCE at the fixture's
 * path, showing SECTION. */
static inline OdWindow *
od_test_open_window (OdApplication *app,
                     OdDb          *source,
                     OdTestFixture *f,
                     const char    *section,
                     int            width,
                     int            height)
{
  g_autoptr(GError) error = NULL;
  OdWindow *window;

  g_assert_true (od_db_backup_to (source, f->path, &error));
  g_assert_no_error (error);
  window = od_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  od_window_open_database (window, f->path, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  od_test_wait_allocated (GTK_WIDGET (window));
  od_window_show_section (window, section);
  od_test_spin (50);
  return window;
}
