/* od-chart-data-window.c — a chart's figures as a table ("View data")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same numbers as the chart, readable by screen readers and copyable
 * into a spreadsheet.
 */
#define G_LOG_DOMAIN "orgdesk-chart-data-window"

#include "config.h"

#include <glib/gi18n.h>

#include "od-chart-data-window.h"

struct _OdChartDataWindow
{
  AdwWindow        parent_instance;

  OdTable         *table;

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkGrid         *grid;
};

G_DEFINE_FINAL_TYPE (OdChartDataWindow, od_chart_data_window, ADW_TYPE_WINDOW)

static GtkWidget *
new_cell (const char   *text,
          OdTableAlign  align,
          gboolean      header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), align == OD_TABLE_ALIGN_END ? 1.0
                                           : align == OD_TABLE_ALIGN_CENTER ? 0.5 : 0.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (align == OD_TABLE_ALIGN_END)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
on_copy_clicked_cb (OdChartDataWindow *self)
{
  g_autofree char *csv = od_table_to_csv (self->table);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied")));
}

static void
od_chart_data_window_dispose (GObject *object)
{
  OdChartDataWindow *self = OD_CHART_DATA_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_CHART_DATA_WINDOW);
  g_clear_pointer (&self->table, od_table_unref);

  G_OBJECT_CLASS (od_chart_data_window_parent_class)->dispose (object);
}

static void
od_chart_data_window_class_init (OdChartDataWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_chart_data_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/od-chart-data-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OdChartDataWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdChartDataWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdChartDataWindow, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_chart_data_window_init (OdChartDataWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OdChartDataWindow *
od_chart_data_window_new (GtkWindow  *parent,
                          const char *title,
                          OdTable    *table)
{
  OdChartDataWindow *self;
  guint n_columns, n_rows;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (OD_TYPE_CHART_DATA_WINDOW, "transient-for", parent, NULL);
  self->table = od_table_ref (table);
  if (title != NULL)
    adw_window_title_set_subtitle (self->window_title, title);

  n_columns = od_table_get_n_columns (table);
  n_rows = od_table_get_n_rows (table);
  for (guint c = 0; c < n_columns; c++)
    {
      OdTableAlign align = od_table_get_align (table, c);

      gtk_grid_attach (self->grid, new_cell (od_table_get_header (table, c), align, TRUE),
                       (int) c, 0, 1, 1);
      for (guint r = 0; r < n_rows; r++)
        gtk_grid_attach (self->grid, new_cell (od_table_get_cell (table, r, c), align, FALSE),
                         (int) c, (int) r + 1, 1, 1);
    }
  return self;
}
