/* od-charts-window.h — a section's charts of one year, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-render-registry.h"

G_BEGIN_DECLS

/* A window titled TITLE with the charts KINDS (registered chart kinds,
 * NULL-terminated) made for REQUEST, two a row, each in a chart view with
 * its export and print menu; NULL with ERROR when one cannot be made. */
GtkWidget *od_charts_window_new (GtkWindow              *parent,
                                 const char             *title,
                                 const char *const      *kinds,
                                 const OdRenderRequest  *request,
                                 GError                **error);

G_END_DECLS
