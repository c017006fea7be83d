/* od-charts-window.c — a section's charts of one year, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-charts-window"

#include "config.h"

#include "od-chart-view.h"
#include "od-charts-window.h"

GtkWidget *
od_charts_window_new (GtkWindow              *parent,
                      const char             *title,
                      const char *const      *kinds,
                      const OdRenderRequest  *request,
                      GError                **error)
{
  GtkWidget *window = NULL;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *box;

  g_object_ref_sink (grid);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(OdChart) chart = od_render_build_chart (kinds[i], request, error);
      GtkWidget *view;

      if (chart == NULL)
        {
          g_object_unref (grid);
          return NULL;
        }
      view = od_chart_view_new ();
      od_chart_view_set_chart (OD_CHART_VIEW (view), chart);
      gtk_widget_set_hexpand (view, TRUE);
      gtk_widget_set_vexpand (view, TRUE);
      gtk_grid_attach (GTK_GRID (grid), view, (int) (i % 2), (int) (i / 2), 1, 1);
    }

  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_title (GTK_WINDOW (window), title);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), grid);
  g_object_unref (grid);
  adw_window_set_content (ADW_WINDOW (window), box);
  return window;
}
