/* od-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-chart.h"

G_BEGIN_DECLS

#define OD_TYPE_CHART_VIEW (od_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (OdChartView, od_chart_view, OD, CHART_VIEW, GtkWidget)

GtkWidget *od_chart_view_new          (void);
void       od_chart_view_set_chart    (OdChartView *self,
                                       OdChart     *chart);
OdChart   *od_chart_view_get_chart    (OdChartView *self);
GdkTexture *od_chart_view_render_texture (OdChartView *self);

G_END_DECLS
