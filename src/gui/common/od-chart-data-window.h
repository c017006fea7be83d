/* od-chart-data-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-table.h"

G_BEGIN_DECLS

#define OD_TYPE_CHART_DATA_WINDOW (od_chart_data_window_get_type ())
G_DECLARE_FINAL_TYPE (OdChartDataWindow, od_chart_data_window, OD, CHART_DATA_WINDOW, AdwWindow)

OdChartDataWindow *od_chart_data_window_new (GtkWindow  *parent,
                                             const char *title,
                                             OdTable    *table);

G_END_DECLS
