/* od-chart-view.c — one chart on screen: resizes, tooltips, export, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "od-chart-data-window.h"
#include "od-chart-view.h"
#include "od-print-operation.h"

struct _OdChartView
{
  GtkWidget       parent_instance;

  OdChart        *chart;

  GtkDrawingArea *area;
  GtkMenuButton  *menu_button;
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdChartView, od_chart_view, GTK_TYPE_WIDGET)

/* --- helpers --- */

static OdChartTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? OD_CHART_THEME_DARK : OD_CHART_THEME_LIGHT;
}

static char *
suggested_name (OdChartView *self,
                const char  *extension)
{
  const char *title = od_chart_get_title (self->chart);
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("chart"));

  /* Titles may hold '/', which a file name cannot. */
  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, extension, NULL);
}

static void
show_error (OdChartView  *self,
            const char   *heading,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- callbacks --- */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  OdChartView *self = user_data;

  if (self->chart != NULL)
    od_chart_render (self->chart, cr, width, height, current_theme ());
}

static gboolean
on_query_tooltip_cb (OdChartView *self,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip)
{
  const OdChartItem *item;

  if (self->chart == NULL || keyboard)
    return FALSE;
  item = od_chart_hit_test (self->chart, x, y);
  if (item == NULL || item->text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, item->text);
  return TRUE;
}

static void
on_dark_changed_cb (OdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       OdChartView     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800);
      int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 500);

      if (!od_chart_save (self->chart, path, width, height, &error))
        show_error (self, _("Export Failed"), error);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_as (OdChartView *self,
           const char  *extension,
           const char  *filter_name,
           const char  *pattern)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, extension);

  native = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* --- actions --- */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdChartView *self = OD_CHART_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);

  if (self->chart == NULL)
    return;
  if (g_str_equal (format, "pdf"))
    export_as (self, ".pdf", _("PDF documents"), "*.pdf");
  else if (g_str_equal (format, "svg"))
    export_as (self, ".svg", _("SVG images"), "*.svg");
  else
    export_as (self, ".png", _("PNG images"), "*.png");
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OdChartView *self = OD_CHART_VIEW (widget);
  g_autoptr(GdkTexture) texture = od_chart_view_render_texture (self);

  if (texture != NULL)
    gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
view_data_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OdChartView *self = OD_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(OdTable) table = NULL;
  GtkWindow *window;

  if (self->chart == NULL)
    return;
  table = od_chart_to_table (self->chart);
  window = GTK_WINDOW (od_chart_data_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 od_chart_get_title (self->chart), table));
  gtk_window_present (window);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OdChartView *self = OD_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(OdPrintOperation) operation = NULL;

  if (self->chart == NULL)
    return;
  operation = od_print_operation_new_for_chart (self->chart);
  od_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

/* --- overrides --- */

static void
od_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OdChartView *self = OD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_pointer (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OdChartView *self = OD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      od_chart_view_set_chart (self, g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_chart_view_dispose (GObject *object)
{
  OdChartView *self = OD_CHART_VIEW (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_CHART_VIEW);
  /* A plain GtkWidget parent: its template's top child is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chart, od_chart_unref);

  G_OBJECT_CLASS (od_chart_view_parent_class)->dispose (object);
}

static void
od_chart_view_class_init (OdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_chart_view_dispose;
  object_class->get_property = od_chart_view_get_property;
  object_class->set_property = od_chart_view_set_property;

  properties[PROP_CHART] =
    g_param_spec_pointer ("chart", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OdChartView, area);
  gtk_widget_class_bind_template_child (widget_class, OdChartView, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.view-data", NULL, view_data_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
}

static void
od_chart_view_init (OdChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->area, draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* --- public API --- */

GtkWidget *
od_chart_view_new (void)
{
  return g_object_new (OD_TYPE_CHART_VIEW, NULL);
}

/* The view keeps a reference to CHART; NULL shows nothing. */
void
od_chart_view_set_chart (OdChartView *self,
                         OdChart     *chart)
{
  g_return_if_fail (OD_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;
  g_clear_pointer (&self->chart, od_chart_unref);
  if (chart != NULL)
    self->chart = od_chart_ref (chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart != NULL && od_chart_get_title (chart) != NULL
                                    ? od_chart_get_title (chart) : "",
                                  -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), chart != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

OdChart *
od_chart_view_get_chart (OdChartView *self)
{
  g_return_val_if_fail (OD_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/* The chart as drawn now (light theme, for pasting into documents). */
GdkTexture *
od_chart_view_render_texture (OdChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->area));
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;

  g_return_val_if_fail (OD_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || width <= 0 || height <= 0)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  od_chart_render (self->chart, cr, width, height, OD_CHART_THEME_LIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  /* The chart may have been drawn at another size; redraw at the widget's. */
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
  return texture;
}
