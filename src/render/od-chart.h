/* od-chart.h — charts drawn with Cairo and Pango, from plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart holds its data (categories, series of values, a unit) and its
 * texts; od_chart_render() lays it out for a size and draws it on any
 * cairo_t (a widget, a print page, a PDF/PNG/SVG surface). It never sees the
 * database: callers compute figures with od-stats and hand them over.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "od-table.h"

G_BEGIN_DECLS

#define OD_CHART_ERROR (od_chart_error_quark ())

typedef enum
{
  OD_CHART_ERROR_FORMAT,   /* unknown file extension */
  OD_CHART_ERROR_WRITE,    /* cairo could not write the file */
} OdChartError;

typedef enum
{
  OD_CHART_BAR,            /* vertical bars, one series */
  OD_CHART_GROUPED_BAR,    /* vertical bars, several series side by side */
  OD_CHART_STACKED_BAR,    /* vertical bars, several series stacked */
  OD_CHART_RANKING,        /* horizontal bars sorted as given, long labels on the left */
  OD_CHART_LINE,           /* one or more series, with markers */
  OD_CHART_PIE,            /* one series; percentages and a legend */
  OD_CHART_DONUT,          /* as pie, with a hole and the total in the middle */
  OD_CHART_RADAR,          /* categories = indicators, maxima per indicator, several series */
  OD_CHART_STARS,          /* categories = names, series 0 = stars 0–5 (halves allowed) */
  OD_CHART_PROGRESS,       /* categories = names, series 0 = done, series 1 = target */
} OdChartKind;

typedef enum
{
  OD_CHART_UNIT_COUNT,     /* people, courses: integers, thousands separators */
  OD_CHART_UNIT_PERCENT,   /* values 0–100 */
  OD_CHART_UNIT_FEN,       /* money in fen; axis and labels in 元 / 万元 */
} OdChartUnit;

typedef enum
{
  OD_CHART_THEME_LIGHT,
  OD_CHART_THEME_DARK,
  OD_CHART_THEME_PRINT,    /* always light, hatching for greyscale printers */
} OdChartTheme;

/* What the last od_chart_render() drew, for hover tooltips and tests. */
typedef enum
{
  OD_CHART_ITEM_MARK,        /* a bar, slice, point, star row, progress bar */
  OD_CHART_ITEM_VALUE_LABEL, /* a value printed on or near a mark */
  OD_CHART_ITEM_AXIS_LABEL,  /* a tick or category label on an axis */
  OD_CHART_ITEM_LEGEND,      /* a legend entry */
  OD_CHART_ITEM_TITLE,       /* title or subtitle */
  OD_CHART_ITEM_EMPTY,       /* the empty-data message */
} OdChartItemKind;

typedef struct
{
  OdChartItemKind  kind;
  double           x, y, width, height;  /* bounding box in the render's user space */
  int              series;               /* -1 when not about a series */
  int              category;             /* -1 when not about a category */
  double           value;
  char            *text;                 /* the text drawn, or the tooltip text of a mark */
  double           angle;                /* rotation of a label, radians (0 = horizontal) */
} OdChartItem;

typedef struct _OdChart OdChart;

GQuark        od_chart_error_quark      (void);

OdChart      *od_chart_new              (OdChartKind        kind);
OdChart      *od_chart_ref              (OdChart           *chart);
void          od_chart_unref            (OdChart           *chart);

OdChartKind   od_chart_get_kind         (OdChart           *chart);
void          od_chart_set_title        (OdChart           *chart,
                                         const char        *title);
const char   *od_chart_get_title        (OdChart           *chart);
void          od_chart_set_subtitle     (OdChart           *chart,
                                         const char        *subtitle);
void          od_chart_set_unit         (OdChart           *chart,
                                         OdChartUnit        unit);
/* Shown instead of the chart when there is nothing to draw, e.g. "No data for 2017". */
void          od_chart_set_empty_text   (OdChart           *chart,
                                         const char        *text);
/* Pango language of every text; "zh-cn" unless set (Simplified Chinese glyph forms). */
void          od_chart_set_language     (OdChart           *chart,
                                         const char        *language);
void          od_chart_set_categories   (OdChart           *chart,
                                         const char *const *labels,
                                         guint              n_labels);
void          od_chart_add_series       (OdChart           *chart,
                                         const char        *name,
                                         const double      *values,
                                         guint              n_values);
/* Radar: the maximum of each indicator (category). */
void          od_chart_set_maxima       (OdChart           *chart,
                                         const double      *maxima,
                                         guint              n_maxima);

guint         od_chart_get_n_categories (OdChart           *chart);
guint         od_chart_get_n_series     (OdChart           *chart);
gboolean      od_chart_is_empty         (OdChart           *chart);

void          od_chart_render           (OdChart           *chart,
                                         cairo_t           *cr,
                                         double             width,
                                         double             height,
                                         OdChartTheme       theme);
const GArray *od_chart_get_items        (OdChart           *chart);
const OdChartItem *od_chart_hit_test    (OdChart           *chart,
                                         double             x,
                                         double             y);

OdTable      *od_chart_to_table         (OdChart           *chart);
char         *od_chart_format_value     (OdChart           *chart,
                                         double             value);
gboolean      od_chart_save             (OdChart           *chart,
                                         const char        *path,
                                         double             width,
                                         double             height,
                                         GError           **error);
gboolean      od_chart_save_as          (OdChart           *chart,
                                         const char        *path,
                                         const char        *format,
                                         double             width,
                                         double             height,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdChart, od_chart_unref)

G_END_DECLS
