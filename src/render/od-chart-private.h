/* od-chart-private.h — what the chart files share: the object, one render's
 * state, and the helpers of od-chart.c and od-chart-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "od-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  double *values;
  guint   n_values;
} OdChartSeries;

typedef enum
{
  OD_CHART_SHAPE_BOX,    /* the item's box is its shape */
  OD_CHART_SHAPE_WEDGE,  /* a pie or donut slice: boxes of slices overlap */
} OdChartShapeKind;

/* Exact shape of an item, kept beside it for the hit test. */
typedef struct
{
  OdChartShapeKind kind;
  double           cx, cy;
  double           inner, outer;   /* radii */
  double           start, sweep;   /* radians, clockwise from +x */
} OdChartShape;

struct _OdChart
{
  gatomicrefcount  ref_count;
  OdChartKind      kind;
  OdChartUnit      unit;
  char            *title;
  char            *subtitle;
  char            *empty_text;
  char            *language;
  GPtrArray       *categories;   /* of char * */
  GPtrArray       *series;       /* of OdChartSeries * */
  GArray          *maxima;       /* of double */
  GArray          *items;        /* of OdChartItem, from the last render */
  GArray          *shapes;       /* of OdChartShape, parallel to items */
};

typedef struct
{
  double r, g, b, a;
} OdRgba;

typedef struct
{
  double x, y, width, height;
} OdRect;

typedef enum
{
  OD_CHART_FONT_BODY,
  OD_CHART_FONT_SMALL,      /* ticks, value labels */
  OD_CHART_FONT_STRONG,     /* body size, bold */
  OD_CHART_FONT_LARGE,      /* the total inside a donut */
  OD_CHART_FONT_TITLE,
  OD_CHART_FONT_SUBTITLE,
} OdChartFont;

typedef enum
{
  OD_CHART_LABEL_DEFAULT  = 0,
  OD_CHART_LABEL_FORCE    = 1 << 0,  /* draw even where it collides */
  OD_CHART_LABEL_BACKDROP = 1 << 1,  /* on a plate of background colour */
} OdChartLabelFlags;

typedef enum
{
  OD_CHART_SWATCH_BOX,   /* a filled square: bars, slices */
  OD_CHART_SWATCH_LINE,  /* a short line with the series marker */
} OdChartSwatch;

/* One call of od_chart_render(): sizes, colours, and the rectangle that
 * the title and the legend leave for the plot. */
typedef struct
{
  OdChart              *chart;
  cairo_t              *cr;
  double                width;
  double                height;
  OdChartTheme          theme;
  PangoLanguage        *language;
  cairo_font_options_t *font_options;
  double                font_px;       /* body text size, user units */
  double                line_height;   /* of one body line */
  double                small_line_height;
  double                pad;           /* outer padding */
  double                gap;           /* between a label and what it labels */
  OdRgba                background;
  OdRgba                text;
  OdRgba                text_muted;
  OdRgba                grid;
  OdRgba                axis;
  OdRect                area;
} OdChartRender;

/* The render library is linked without libm (src/render/meson.build), so
 * the few functions of <math.h> the charts need are done here: rounding
 * through integers, and trigonometry through cairo's rotation matrix. */

static inline double
_od_chart_floor (double x)
{
  double t;

  /* From 2^52 on every double is whole; NaN fails both tests. */
  if (!(x > -4503599627370496.0 && x < 4503599627370496.0))
    return x;

  t = (double) (gint64) x;

  return t > x ? t - 1 : t;
}

static inline double
_od_chart_ceil (double x)
{
  return -_od_chart_floor (-x);
}

/* Halves away from zero, like round(). */
static inline double
_od_chart_round (double x)
{
  return x < 0 ? -_od_chart_floor (-x + 0.5) : _od_chart_floor (x + 0.5);
}

static inline void
_od_chart_cos_sin (double  angle,
                   double *c,
                   double *s)
{
  cairo_matrix_t rotation;

  cairo_matrix_init_rotate (&rotation, angle);
  *c = rotation.xx;
  *s = rotation.yx;
}

/* od-chart.c */
double        _od_chart_get_value        (OdChart          *chart,
                                          guint             series,
                                          guint             category);
const char   *_od_chart_get_category     (OdChart          *chart,
                                          guint             category);
const char   *_od_chart_get_series_name  (OdChart          *chart,
                                          guint             series);
char         *_od_chart_series_label     (OdChart          *chart,
                                          guint             series);
char         *_od_chart_format_short     (OdChart          *chart,
                                          double            value);
char         *_od_chart_format_tick      (OdChart          *chart,
                                          double            value,
                                          double            step,
                                          double            top);
char         *_od_chart_format_number    (double            value,
                                          guint             max_decimals);
char         *_od_chart_mark_tooltip     (OdChart          *chart,
                                          int               series,
                                          int               category,
                                          double            value);
char         *_od_chart_tooltip_for_text (OdChart          *chart,
                                          int               series,
                                          int               category,
                                          const char       *formatted);
gboolean      _od_chart_shape_contains   (const OdChartShape *shape,
                                          double            x,
                                          double            y);
void          _od_chart_add_item         (OdChartRender    *r,
                                          OdChartItemKind   kind,
                                          const OdRect     *box,
                                          int               series,
                                          int               category,
                                          double            value,
                                          const char       *text,
                                          double            angle);
void          _od_chart_add_wedge_item   (OdChartRender    *r,
                                          const OdRect     *box,
                                          int               category,
                                          double            value,
                                          const char       *text,
                                          const OdChartShape *shape);
void          _od_chart_series_color     (OdChartRender    *r,
                                          guint             index,
                                          OdRgba           *color);
void          _od_chart_set_color        (cairo_t          *cr,
                                          const OdRgba     *color);
void          _od_chart_contrast_color   (OdChartRender    *r,
                                          const OdRgba     *fill,
                                          OdRgba           *text);
gboolean      _od_chart_is_hatched       (OdChartRender    *r,
                                          guint             index);
void          _od_chart_fill_series      (OdChartRender    *r,
                                          guint             index,
                                          double            alpha);
void          _od_chart_marker_path      (cairo_t          *cr,
                                          guint             series,
                                          double            x,
                                          double            y,
                                          double            radius);
void          _od_chart_line_dash        (OdChartRender    *r,
                                          guint             series,
                                          double            line_width);

/* od-chart-text.c */
PangoLayout  *_od_chart_layout_new       (OdChartRender    *r,
                                          OdChartFont       font,
                                          const char       *text);
gboolean      _od_chart_layout_splits_figures (PangoLayout *layout);
void          _od_chart_layout_size      (PangoLayout      *layout,
                                          double           *width,
                                          double           *height);
void          _od_chart_label_box        (PangoLayout      *layout,
                                          double            x,
                                          double            y,
                                          double            halign,
                                          double            valign,
                                          double            angle,
                                          OdRect           *box);
gboolean      _od_chart_rects_intersect  (const OdRect     *a,
                                          const OdRect     *b);
gboolean      _od_chart_box_is_free      (OdChartRender    *r,
                                          const OdRect     *box);
gboolean      _od_chart_draw_label       (OdChartRender    *r,
                                          PangoLayout      *layout,
                                          OdChartItemKind   kind,
                                          double            x,
                                          double            y,
                                          double            halign,
                                          double            valign,
                                          double            angle,
                                          const OdRgba     *color,
                                          int               series,
                                          int               category,
                                          double            value,
                                          OdChartLabelFlags flags);
void          _od_chart_draw_title       (OdChartRender    *r);
void          _od_chart_draw_empty       (OdChartRender    *r);
void          _od_chart_draw_legend      (OdChartRender    *r,
                                          const char *const *texts,
                                          guint             n_texts,
                                          gboolean          by_category,
                                          OdChartSwatch     swatch,
                                          gboolean          at_right);

/* od-chart-cartesian.c */
void          _od_chart_render_cartesian (OdChartRender    *r);
void          _od_chart_render_rows      (OdChartRender    *r);

/* od-chart-circular.c */
void          _od_chart_render_pie       (OdChartRender    *r);
void          _od_chart_render_radar     (OdChartRender    *r);

G_END_DECLS
