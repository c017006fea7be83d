/* od-chart-cartesian.c — bars, lines and the row charts (ranking, stars,
 * progress)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vertical charts share one layout: a value axis on the left with "nice"
 * ticks (1, 2 or 5 × 10ⁿ, from 0 for bars), categories along the bottom.
 * Category labels that do not fit side by side are wrapped to two lines,
 * turned by 45° or thinned to every 2nd, 3rd… label, whichever keeps the
 * most labels; the others stay in the marks' tooltips. Row charts put one
 * category per row with its name on the left, wrapped to two lines or
 * ellipsized (the full name stays in the items).
 */

#define G_LOG_DOMAIN "orgdesk-chart-cartesian"

#include <glib/gi18n.h>

#include "od-chart-private.h"

#define SIN_45 0.70710678118654752440

typedef struct
{
  double lo, hi;    /* axis range, in the chart's unit */
  double step;
  guint  n_steps;
} Ticks;

typedef enum
{
  LABELS_FLAT,
  LABELS_WRAPPED,
  LABELS_ROTATED,
} LabelMode;

typedef struct
{
  LabelMode  mode;
  guint      every;     /* 1 = every label, 2 = every other one… */
  double     band;      /* height below the plot the labels need */
  GPtrArray *layouts;   /* of PangoLayout, one per category, for MODE */
  double    *anchor_x;  /* per category */
  double     anchor_dy; /* from the band's top to the anchor */
} CategoryLabels;

/* A bar, a stacked segment or a line's point, as drawn. */
typedef struct
{
  OdRect rect;
  guint  series;
  guint  category;
  double value;
} Mark;

/* The value axis, the category axis and the plot between them. */
typedef struct
{
  Ticks           ticks;
  GPtrArray      *tick_layouts;   /* of PangoLayout, bottom to top */
  CategoryLabels  labels;
  double          x, width;
  double          top, bottom;
  double          step;           /* per category */
  double          labels_top;     /* of the category labels */
} Plot;

/* The layout shared by the rows of a ranking, stars or progress chart. */
typedef struct
{
  double     left;            /* of the names */
  double     label_width;
  guint      label_lines;
  double     top;             /* of the first row */
  double     row_height;
  double     content_x;       /* where the marks start */
  double     content_right;
  double     star_cell;       /* side of the square around one star */
  GPtrArray *texts_a;         /* value, grade or percentage of each row */
  GPtrArray *texts_b;         /* "done / target" of a progress bar, or NULL */
  double     width_a;
  double     width_b;
  double     max_value;
} Rows;

/* --- helpers: ticks --- */

/* Ticks from 0 (or below, for negative values) to at least HI, at most
 * about TARGET steps of 1, 2 or 5 × 10ⁿ in display units (yuan for
 * money: UNIT is 100 fen). INTEGRAL data never gets steps below 1. */
static void
nice_ticks (double    lo,
            double    hi,
            guint     target,
            double    unit,
            gboolean  integral,
            Ticks    *ticks)
{
  double raw, magnitude = 1, fraction, step;

  lo = MIN (lo, 0) / unit;
  hi = MAX (hi, 0) / unit;
  if (hi - lo <= 0)
    hi = lo + 1;

  /* The power of ten at or below RAW; negative powers as 1 / 10ⁿ, which
   * is exact where 0.1 · 0.1 · … would not be. */
  raw = MIN ((hi - lo) / MAX (target, 1), 1e300);  /* hi − lo may overflow */
  if (raw >= 1)
    {
      while (magnitude * 10 <= raw)
        magnitude *= 10;
    }
  else
    {
      double inverse = 1;

      while (1 / inverse > raw)
        inverse *= 10;
      magnitude = 1 / inverse;
    }
  fraction = raw / magnitude;
  if (fraction <= 1)
    step = magnitude;
  else if (fraction <= 2)
    step = 2 * magnitude;
  else if (fraction <= 5)
    step = 5 * magnitude;
  else
    step = 10 * magnitude;

  if (integral && unit == 1 && step < 1)
    step = 1;

  /* The small allowances keep 1000 from becoming ceil(5.0000001) steps. */
  ticks->lo = _od_chart_floor (lo / step + 1e-9) * step * unit;
  ticks->hi = _od_chart_ceil (hi / step - 1e-9) * step * unit;
  ticks->step = step * unit;
  ticks->n_steps = (guint) _od_chart_round ((ticks->hi - ticks->lo) / ticks->step);
}

static void
data_range (OdChartRender *r,
            guint          n_series,
            double        *lo,
            double        *hi,
            gboolean      *integral)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;

  *lo = 0;
  *hi = 0;
  *integral = TRUE;

  for (guint c = 0; c < n; c++)
    {
      double positive = 0, negative = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double v = _od_chart_get_value (chart, s, c);

          if (v != _od_chart_floor (v))
            *integral = FALSE;

          if (chart->kind == OD_CHART_STACKED_BAR)
            {
              if (v > 0)
                positive += v;
              else
                negative += v;
            }
          else
            {
              *lo = MIN (*lo, v);
              *hi = MAX (*hi, v);
            }
        }

      if (chart->kind == OD_CHART_STACKED_BAR)
        {
          *lo = MIN (*lo, negative);
          *hi = MAX (*hi, positive);
        }
    }
}

/* --- helpers: category labels --- */

static void
category_labels_clear (CategoryLabels *labels)
{
  g_clear_pointer (&labels->layouts, g_ptr_array_unref);
  g_clear_pointer (&labels->anchor_x, g_free);
}

static PangoLayout *
category_layout (OdChartRender *r,
                 guint          category)
{
  return _od_chart_layout_new (r, OD_CHART_FONT_SMALL, _od_chart_get_category (r->chart, category));
}

/* Whether every EVERY-th box of BOXES keeps a gap to the next one shown. */
static gboolean
boxes_fit (const OdRect *boxes,
           guint         n,
           guint         every,
           double        gap,
           double        max_height)
{
  for (guint i = 0; i < n; i += every)
    {
      if (boxes[i].height > max_height)
        return FALSE;
      if (i + every < n && boxes[i].x + boxes[i].width + gap > boxes[i + every].x)
        return FALSE;
    }

  return TRUE;
}

/* Layouts of the category labels turned by 45°, the end of each text at
 * its category and rising to the right, shortened to stay within MAX_BAND
 * and inside the left edge; their boxes, with the band's top at 0. */
static GPtrArray *
rotated_labels (OdChartRender *r,
                double         left,
                double         step,
                double         max_band,
                OdRect        *boxes,
                double        *anchor_dy)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *anchor_dy = 0;
  for (guint c = 0; c < n; c++)
    {
      PangoLayout *layout = category_layout (r, c);
      double cx = left + (c + 0.5) * step;
      double width, height, max_length;

      /* The turned box is (w + h)·sin 45° tall and reaches w·cos 45° plus
       * a little left of its anchor. */
      _od_chart_layout_size (layout, &width, &height);
      max_length = MIN (max_band / SIN_45 - height, (cx - height * 0.5) / SIN_45);
      if (width > max_length)
        {
          pango_layout_set_width (layout, (int) (MAX (max_length, r->font_px) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      _od_chart_label_box (layout, cx, 0, 1, 0.5, -G_PI / 4, &boxes[c]);
      *anchor_dy = MAX (*anchor_dy, -boxes[c].y);
      g_ptr_array_add (layouts, layout);
    }

  for (guint c = 0; c < n; c++)
    boxes[c].y += *anchor_dy;

  return layouts;
}

/* Layouts of the category labels on two lines at most, or NULL where one
 * does not fit: too long, or only by parting a figure from its unit. */
static GPtrArray *
wrapped_labels (OdChartRender *r,
                double         width,
                double         max_band)
{
  OdChart *chart = r->chart;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  if (width < r->font_px * 2)
    return NULL;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      PangoLayout *layout = category_layout (r, c);
      double wrapped_width, height;

      g_ptr_array_add (layouts, layout);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _od_chart_layout_size (layout, &wrapped_width, &height);

      /* A figure kept whole may also stick out of the width. */
      if (pango_layout_get_line_count (layout) > 2 || height > max_band
          || wrapped_width > width + 0.5 || _od_chart_layout_splits_figures (layout))
        return NULL;
    }

  return g_steal_pointer (&layouts);
}

/* Chooses how to show the labels of the categories centred STEP apart
 * from LEFT: flat, wrapped to two lines, turned by 45°, or every k-th one
 * of the flat or turned ones — the fewest dropped, flat before turned. */
static void
plan_category_labels (OdChartRender  *r,
                      double          left,
                      double          step,
                      double          max_band,
                      CategoryLabels *out)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  g_autoptr(GPtrArray) flat = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rotated = NULL;
  g_autofree OdRect *flat_boxes = g_new (OdRect, n);
  g_autofree OdRect *rotated_boxes = g_new (OdRect, n);
  g_autofree double *flat_x = g_new (double, n);
  double gap = r->gap * 1.5;
  double rotated_dy = 0;

  /* Flat: centred under the category, kept inside the chart. */
  for (guint c = 0; c < n; c++)
    {
      PangoLayout *layout = category_layout (r, c);
      double cx = left + (c + 0.5) * step;
      double width;

      _od_chart_layout_size (layout, &width, NULL);
      flat_x[c] = width < r->width ? CLAMP (cx, width / 2, r->width - width / 2) : cx;
      _od_chart_label_box (layout, flat_x[c], 0, 0.5, 0, 0, &flat_boxes[c]);
      g_ptr_array_add (flat, layout);
    }

  *out = (CategoryLabels) { .mode = LABELS_FLAT, .every = 1 };

  if (boxes_fit (flat_boxes, n, 1, gap, max_band))
    {
      out->layouts = g_steal_pointer (&flat);
      out->anchor_x = g_steal_pointer (&flat_x);
    }
  else if ((out->layouts = wrapped_labels (r, step - gap, max_band)) != NULL)
    {
      out->mode = LABELS_WRAPPED;
      out->anchor_x = g_new (double, n);
      for (guint c = 0; c < n; c++)
        out->anchor_x[c] = left + (c + 0.5) * step;
    }
  else
    {
      rotated = rotated_labels (r, left, step, max_band, rotated_boxes, &rotated_dy);

      /* The turned boxes may be a rounding error taller than the band. */
      for (out->every = 1; out->every < n; out->every++)
        {
          if (out->every > 1 && boxes_fit (flat_boxes, n, out->every, gap, max_band))
            break;
          if (boxes_fit (rotated_boxes, n, out->every, gap, max_band + 0.5))
            {
              out->mode = LABELS_ROTATED;
              break;
            }
        }

      /* At worst, the first label alone, drawn where it fits. */
      if (out->mode == LABELS_ROTATED)
        {
          out->layouts = g_steal_pointer (&rotated);
          out->anchor_x = g_new (double, n);
          for (guint c = 0; c < n; c++)
            out->anchor_x[c] = left + (c + 0.5) * step;
          out->anchor_dy = rotated_dy;
        }
      else
        {
          out->layouts = g_steal_pointer (&flat);
          out->anchor_x = g_steal_pointer (&flat_x);
        }
    }

  out->band = 0;
  for (guint c = 0; c < n; c += out->every)
    {
      OdRect box;

      if (out->mode == LABELS_ROTATED)
        box = rotated_boxes[c];
      else
        _od_chart_label_box (g_ptr_array_index (out->layouts, c), 0, 0, 0.5, 0, 0, &box);
      out->band = MAX (out->band, box.y + box.height);
    }
}

/* --- helpers: vertical charts --- */

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->bottom - (value - plot->ticks.lo) / (plot->ticks.hi - plot->ticks.lo)
                        * (plot->bottom - plot->top);
}

/* The centre of CATEGORY along the category axis. */
static double
plot_x (const Plot *plot,
        guint       category)
{
  return plot->x + (category + 0.5) * plot->step;
}

static void
plot_clear (Plot *plot)
{
  g_clear_pointer (&plot->tick_layouts, g_ptr_array_unref);
  category_labels_clear (&plot->labels);
}

/* Lays out the axes for N_SERIES series in the render's area. Ticks
 * depend on the plot's height, which depends on the category labels, which
 * depend on the tick labels' width: two passes settle it. */
static void
plot_layout (OdChartRender *r,
             guint          n_series,
             Plot          *plot)
{
  OdChart *chart = r->chart;
  double unit = chart->unit == OD_CHART_UNIT_FEN ? 100 : 1;
  double estimate = r->area.height - 2 * r->small_line_height - r->gap;
  /* The category labels clear the lowest tick label, centred on the axis. */
  double labels_offset = r->small_line_height * 0.5 + 1;
  double lo, hi;
  gboolean integral;

  data_range (r, n_series, &lo, &hi, &integral);

  for (guint pass = 0; pass < 2; pass++)
    {
      /* Tick labels at least two lines apart. */
      guint target = (guint) CLAMP (_od_chart_floor (estimate / (2 * r->small_line_height)), 2, 8);
      double top_magnitude;
      double tick_width = 0;

      plot_clear (plot);
      nice_ticks (lo, hi, target, unit, integral && chart->unit != OD_CHART_UNIT_FEN, &plot->ticks);
      top_magnitude = MAX (ABS (plot->ticks.lo), ABS (plot->ticks.hi));

      plot->tick_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i <= plot->ticks.n_steps; i++)
        {
          double value = plot->ticks.lo + i * plot->ticks.step;
          g_autofree char *text = NULL;
          PangoLayout *layout;
          text = _od_chart_format_tick (chart, value, plot->ticks.step, top_magnitude);
          layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
          double width;

          _od_chart_layout_size (layout, &width, NULL);
          tick_width = MAX (tick_width, width);
          g_ptr_array_add (plot->tick_layouts, layout);
        }

      plot->x = r->area.x + tick_width + r->gap * 1.5;
      plot->width = MAX (1.0, r->area.x + r->area.width - plot->x);
      plot->step = plot->width / chart->categories->len;
      plan_category_labels (r, plot->x, plot->step,
                            MAX (r->small_line_height, r->area.height * 0.35), &plot->labels);

      /* A line of room above the plot for the top tick label and the value
       * label of the highest bar. */
      plot->top = r->area.y + r->small_line_height;
      plot->bottom = MAX (plot->top + 1,
                          r->area.y + r->area.height - plot->labels.band - labels_offset);
      plot->labels_top = plot->bottom + labels_offset;
      estimate = plot->bottom - plot->top;
    }
}

static void
draw_grid (OdChartRender *r,
           const Plot    *plot)
{
  cairo_set_line_width (r->cr, 1);
  _od_chart_set_color (r->cr, &r->grid);
  for (guint i = 0; i <= plot->ticks.n_steps; i++)
    {
      double y = plot_y (plot, plot->ticks.lo + i * plot->ticks.step);

      cairo_move_to (r->cr, plot->x, y);
      cairo_line_to (r->cr, plot->x + plot->width, y);
    }
  cairo_stroke (r->cr);
}

static void
draw_baseline (OdChartRender *r,
               const Plot    *plot)
{
  double y = plot_y (plot, 0);

  _od_chart_set_color (r->cr, &r->axis);
  cairo_set_line_width (r->cr, 1);
  cairo_move_to (r->cr, plot->x, y);
  cairo_line_to (r->cr, plot->x + plot->width, y);
  cairo_stroke (r->cr);
}

static void
draw_axis_labels (OdChartRender *r,
                  const Plot    *plot)
{
  const CategoryLabels *labels = &plot->labels;
  gboolean rotated = labels->mode == LABELS_ROTATED;

  for (guint i = 0; i <= plot->ticks.n_steps; i++)
    {
      double value = plot->ticks.lo + i * plot->ticks.step;

      _od_chart_draw_label (r, g_ptr_array_index (plot->tick_layouts, i), OD_CHART_ITEM_AXIS_LABEL,
                            plot->x - r->gap * 1.5, plot_y (plot, value), 1, 0.5, 0,
                            &r->text_muted, -1, -1, value, OD_CHART_LABEL_DEFAULT);
    }

  for (guint c = 0; c < labels->layouts->len; c += labels->every)
    _od_chart_draw_label (r, g_ptr_array_index (labels->layouts, c), OD_CHART_ITEM_AXIS_LABEL,
                          labels->anchor_x[c], plot->labels_top + labels->anchor_dy,
                          rotated ? 1 : 0.5, rotated ? 0.5 : 0, rotated ? -G_PI / 4 : 0,
                          &r->text, -1, (int) c, 0, OD_CHART_LABEL_DEFAULT);
}

static void
add_mark (OdChartRender *r,
          const Mark    *mark)
{
  g_autofree char *tooltip = _od_chart_mark_tooltip (r->chart, (int) mark->series,
                                                     (int) mark->category, mark->value);

  _od_chart_add_item (r, OD_CHART_ITEM_MARK, &mark->rect, (int) mark->series,
                      (int) mark->category, mark->value, tooltip, 0);
}

/* Bars side by side (grouped) or on top of each other (stacked), from 0:
 * positive values up, negative ones down. */
static void
draw_bars (OdChartRender *r,
           const Plot    *plot,
           guint          n_series,
           GArray        *marks)
{
  OdChart *chart = r->chart;
  double bar_width = MIN (plot->step * 0.64, r->font_px * 5);
  double group_width = MIN (plot->step * 0.8, n_series * r->font_px * 3.5);

  for (guint c = 0; c < chart->categories->len; c++)
    {
      double cx = plot_x (plot, c);
      double positive = 0, negative = 0;

      for (guint s = 0; s < n_series; s++)
        {
          Mark bar = { .series = s, .category = c, .value = _od_chart_get_value (chart, s, c) };
          double from = 0, to = bar.value;

          if (chart->kind == OD_CHART_GROUPED_BAR)
            {
              double width = group_width / n_series;
              double inner_gap = MIN (1.5, width * 0.1);

              bar.rect.x = cx - group_width / 2 + s * width + inner_gap / 2;
              bar.rect.width = width - inner_gap;
            }
          else
            {
              bar.rect.x = cx - bar_width / 2;
              bar.rect.width = bar_width;
            }

          if (chart->kind == OD_CHART_STACKED_BAR)
            {
              double *stack = bar.value >= 0 ? &positive : &negative;

              from = *stack;
              *stack += bar.value;
              to = *stack;
            }

          bar.rect.y = plot_y (plot, MAX (from, to));
          bar.rect.height = plot_y (plot, MIN (from, to)) - bar.rect.y;

          cairo_rectangle (r->cr, bar.rect.x, bar.rect.y, bar.rect.width, bar.rect.height);
          _od_chart_fill_series (r, s, 1.0);
          add_mark (r, &bar);
          g_array_append_val (marks, bar);
        }
    }
}

static double
marker_radius (OdChartRender *r)
{
  return MAX (3.0, r->font_px * 0.32);
}

/* Lines with a marker at each point; a point's mark is its marker's box
 * with a little room around it for the pointer. */
static void
draw_lines (OdChartRender *r,
            const Plot    *plot,
            guint          n_series,
            GArray        *marks)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  double line_width = MAX (1.5, r->font_px * 0.18);
  double radius = marker_radius (r);

  for (guint s = 0; s < n_series; s++)
    {
      OdRgba color;

      _od_chart_series_color (r, s, &color);
      _od_chart_set_color (r->cr, &color);
      cairo_set_line_width (r->cr, line_width);
      cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
      _od_chart_line_dash (r, s, line_width);
      cairo_new_path (r->cr);
      for (guint c = 0; c < n; c++)
        cairo_line_to (r->cr, plot_x (plot, c), plot_y (plot, _od_chart_get_value (chart, s, c)));
      cairo_stroke (r->cr);
      cairo_set_dash (r->cr, NULL, 0, 0);

      for (guint c = 0; c < n; c++)
        {
          double value = _od_chart_get_value (chart, s, c);
          double x = plot_x (plot, c);
          double y = plot_y (plot, value);
          Mark point = {
            .rect = { x - radius - 2, y - radius - 2, 2 * radius + 4, 2 * radius + 4 },
            .series = s,
            .category = c,
            .value = value,
          };

          _od_chart_marker_path (r->cr, s, x, y, radius);
          _od_chart_set_color (r->cr, &color);
          cairo_fill_preserve (r->cr);
          _od_chart_set_color (r->cr, &r->background);
          cairo_set_line_width (r->cr, 1);
          cairo_stroke (r->cr);

          add_mark (r, &point);
          g_array_append_val (marks, point);
        }
    }
}

/* Whether BOX stays off every mark: the markers of a line chart. */
static gboolean
box_clear_of_marks (OdChartRender *r,
                    const OdRect  *box)
{
  GArray *items = r->chart->items;

  for (guint i = 0; i < items->len; i++)
    {
      const OdChartItem *item = &g_array_index (items, OdChartItem, i);
      OdRect mark = { item->x, item->y, item->width, item->height };

      if (item->kind == OD_CHART_ITEM_MARK && _od_chart_rects_intersect (box, &mark))
        return FALSE;
    }

  return TRUE;
}

/* A value label above each point, or below it where another series runs
 * above: off the markers, and away from the other line. */
static void
line_value_labels (OdChartRender *r,
                   guint          n_series,
                   GArray        *marks)
{
  OdChart *chart = r->chart;
  double offset = marker_radius (r) + 2 + r->gap * 0.5;

  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *point = &g_array_index (marks, Mark, i);
      g_autofree char *text = _od_chart_format_short (chart, point->value);
      g_autoptr(PangoLayout) layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
      double x = point->rect.x + point->rect.width / 2;
      double y = point->rect.y + point->rect.height / 2;
      gboolean below_first = FALSE;

      for (guint s = 0; s < n_series; s++)
        below_first |= s != point->series
                       && _od_chart_get_value (chart, s, point->category) > point->value;

      for (guint attempt = 0; attempt < 2; attempt++)
        {
          gboolean below = below_first == (attempt == 0);
          double label_y = below ? y + offset : y - offset;
          OdRect box;

          _od_chart_label_box (layout, x, label_y, 0.5, below ? 0 : 1, 0, &box);
          if (box_clear_of_marks (r, &box)
              && _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL, x, label_y, 0.5,
                                       below ? 0 : 1, 0, &r->text, (int) point->series,
                                       (int) point->category, point->value, OD_CHART_LABEL_DEFAULT))
            break;
        }
    }
}

/* A value label above a bar (below it for a negative value). */
static void
bar_value_label (OdChartRender *r,
                 const OdRect  *bar,
                 int            series,
                 guint          category,
                 double         value)
{
  g_autofree char *text = _od_chart_format_short (r->chart, value);
  g_autoptr(PangoLayout) layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
  double x = bar->x + bar->width / 2;

  if (value >= 0)
    _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL, x, bar->y - r->gap * 0.5,
                          0.5, 1, 0, &r->text, series, (int) category, value,
                          OD_CHART_LABEL_DEFAULT);
  else
    _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL,
                          x, bar->y + bar->height + r->gap * 0.5,
                          0.5, 0, 0, &r->text, series, (int) category, value,
                          OD_CHART_LABEL_DEFAULT);
}

/* A value label inside a stacked segment, where it fits. */
static void
segment_value_label (OdChartRender *r,
                     const Mark    *segment)
{
  g_autofree char *text = _od_chart_format_short (r->chart, segment->value);
  g_autoptr(PangoLayout) layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
  OdChartLabelFlags flags = OD_CHART_LABEL_DEFAULT;
  double width, height;
  OdRgba fill, color;

  _od_chart_layout_size (layout, &width, &height);
  if (width + 2 > segment->rect.width || height > segment->rect.height)
    return;

  /* Black or white on the colour; on a hatched print fill, on a plate. */
  _od_chart_series_color (r, segment->series, &fill);
  _od_chart_contrast_color (r, &fill, &color);
  if (_od_chart_is_hatched (r, segment->series))
    {
      color = r->text;
      flags |= OD_CHART_LABEL_BACKDROP;
    }

  _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL,
                        segment->rect.x + segment->rect.width / 2,
                        segment->rect.y + segment->rect.height / 2,
                        0.5, 0.5, 0, &color, (int) segment->series, (int) segment->category,
                        segment->value, flags);
}

/* The total above each stack first, then the segments that have room. */
static void
stacked_value_labels (OdChartRender *r,
                      GArray        *marks)
{
  guint n = r->chart->categories->len;

  for (guint c = 0; c < n; c++)
    {
      OdRect top = { 0, G_MAXDOUBLE, 0, 0 };
      double total = 0;

      for (guint i = 0; i < marks->len; i++)
        {
          const Mark *segment = &g_array_index (marks, Mark, i);

          if (segment->category != c || segment->value <= 0)
            continue;
          total += segment->value;
          top.x = segment->rect.x;
          top.width = segment->rect.width;
          top.y = MIN (top.y, segment->rect.y);
        }

      if (total > 0)
        bar_value_label (r, &top, -1, c, total);
    }

  for (guint i = 0; i < marks->len; i++)
    segment_value_label (r, &g_array_index (marks, Mark, i));
}

/* --- helpers: row charts --- */

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   radius)
{
  /* A regular five-pointed star: the inner radius is R·sin 18° / sin 126°. */
  double inner = radius * 0.381966;

  cairo_new_sub_path (cr);
  for (guint i = 0; i < 10; i++)
    {
      double rr = i % 2 == 0 ? radius : inner;
      double c, s;

      _od_chart_cos_sin (-G_PI / 2 + i * G_PI / 5, &c, &s);
      cairo_line_to (cr, cx + rr * c, cy + rr * s);
    }
  cairo_close_path (cr);
}

/* FILLED is 0, 0.5 (the left half) or 1. */
static void
draw_star (OdChartRender *r,
           double         cx,
           double         cy,
           double         radius,
           double         filled,
           const OdRgba  *color)
{
  cairo_t *cr = r->cr;
  const OdRgba *empty = r->theme == OD_CHART_THEME_PRINT ? &r->background : &r->grid;

  star_path (cr, cx, cy, radius);
  _od_chart_set_color (cr, filled >= 1 ? color : empty);
  cairo_fill (cr);

  if (filled > 0 && filled < 1)
    {
      cairo_save (cr);
      cairo_rectangle (cr, cx - radius, cy - radius, radius, 2 * radius);
      cairo_clip (cr);
      star_path (cr, cx, cy, radius);
      _od_chart_set_color (cr, color);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  star_path (cr, cx, cy, radius);
  _od_chart_set_color (cr, color);
  cairo_set_line_width (cr, MAX (1.0, radius * 0.08));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Stars in halves from 0 to 5. */
static double
star_count (double value)
{
  return CLAMP (_od_chart_round (value * 2) / 2, 0, 5);
}

/* "4A" for a whole number of stars, the number otherwise. */
static char *
grade_text (double stars)
{
  if (stars <= 0)
    /* Translators: a star row with no stars: the organization has no grade */
    return g_strdup (_("No grade"));
  if (stars == _od_chart_floor (stars))
    /* Translators: a grade of the evaluation, "1A" … "5A"; %d is the number of stars */
    return g_strdup_printf (_("%dA"), (int) stars);

  return _od_chart_format_number (stars, 1);
}

static void
rounded_bar_path (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  double   height)
{
  double radius = MIN (height / 2, width / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Series 1 holds the targets; without it a percentage is out of 100. */
static double
progress_target (OdChart *chart,
                 guint    category)
{
  if (chart->series->len < 2 && chart->unit == OD_CHART_UNIT_PERCENT)
    return 100;

  return _od_chart_get_value (chart, 1, category);
}

/* The share of TARGET that DONE is, as a whole percentage that reads
 * 100% only when the target is met and 0% only when nothing is done;
 * -1 without a target. */
static int
progress_percent (double done,
                  double target)
{
  int percent;

  if (target <= 0)
    return -1;

  percent = (int) _od_chart_round (MIN (done / target * 100, 1e6));
  if (done < target && percent >= 100)
    percent = 99;
  if (done > 0 && percent <= 0)
    percent = 1;

  return MAX (percent, 0);
}

static double
text_width (OdChartRender *r,
            OdChartFont    font,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width = 0;

  if (text == NULL)
    return 0;

  layout = _od_chart_layout_new (r, font, text);
  _od_chart_layout_size (layout, &width, NULL);

  return width;
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->texts_a, g_ptr_array_unref);
  g_clear_pointer (&rows->texts_b, g_ptr_array_unref);
}

/* Sizes the names' column, the rows and the texts right of the marks. */
static void
rows_layout (OdChartRender *r,
             Rows          *rows)
{
  OdChart *chart = r->chart;
  OdChartKind kind = chart->kind;
  guint n = chart->categories->len;
  double line_height = r->line_height;
  double natural = 0;
  double content_min, row_avail;

  rows->texts_a = g_ptr_array_new_with_free_func (g_free);
  rows->texts_b = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n; c++)
    {
      double done = _od_chart_get_value (chart, 0, c);
      char *a, *b = NULL;

      if (kind == OD_CHART_STARS)
        {
          a = grade_text (star_count (done));
        }
      else if (kind == OD_CHART_PROGRESS)
        {
          double target = progress_target (chart, c);
          g_autofree char *done_text = _od_chart_format_short (chart, done);
          g_autofree char *target_text = _od_chart_format_short (chart, target);
          int percent = progress_percent (done, target);

          a = percent >= 0 ? g_strdup_printf ("%d%%", percent) : g_strdup ("—");
          b = g_strdup_printf ("%s / %s", done_text, target_text);
        }
      else
        {
          a = _od_chart_format_short (chart, done);
        }

      rows->max_value = MAX (rows->max_value, done);
      rows->width_a = MAX (rows->width_a, text_width (r, OD_CHART_FONT_SMALL, a));
      rows->width_b = MAX (rows->width_b, text_width (r, OD_CHART_FONT_SMALL, b));
      natural = MAX (natural,
                     text_width (r, OD_CHART_FONT_BODY, _od_chart_get_category (chart, c)));
      g_ptr_array_add (rows->texts_a, a);
      g_ptr_array_add (rows->texts_b, b);
    }

  row_avail = r->area.height / n;
  rows->star_cell = MIN (line_height * 1.3, row_avail * 0.9);

  /* The marks keep at least this much of the width; the names get the
   * rest up to 45%. */
  switch (kind)
    {
    case OD_CHART_STARS:
      content_min = 5 * rows->star_cell + r->gap + rows->width_a;
      break;

    case OD_CHART_PROGRESS:
      content_min = r->area.width * 0.25 + 2 * r->gap + rows->width_a + rows->width_b;
      break;

    case OD_CHART_RANKING:
    default:
      content_min = r->area.width * 0.3 + r->gap + rows->width_a;
      break;
    }

  rows->label_width = MIN (natural,
                           MIN (r->area.width * 0.45, r->area.width - content_min - 2 * r->gap));
  rows->label_width = MAX (rows->label_width, r->font_px * 3);

  /* A name too long for its column takes two lines where the rows have
   * room, and is shortened only beyond that. */
  rows->label_lines = natural > rows->label_width && row_avail >= 2.1 * line_height ? 2 : 1;
  rows->row_height = MIN (row_avail, (rows->label_lines == 2 ? 3.0 : 2.4) * line_height);
  rows->row_height = MAX (rows->row_height, MIN (row_avail, rows->star_cell * 1.2));

  /* A few rows sit in the middle rather than under the title; star rows,
   * which are narrow, also in the middle across. */
  rows->top = r->area.y + (r->area.height - n * rows->row_height) / 2;
  rows->left = r->area.x;
  if (kind == OD_CHART_STARS)
    rows->left += MAX (0, (r->area.width - (rows->label_width + 3 * r->gap + 5 * rows->star_cell
                                            + rows->width_a)) / 2);

  rows->content_x = rows->left + rows->label_width + 2 * r->gap;
  rows->content_right = r->area.x + r->area.width;
}

static void
ranking_row (OdChartRender *r,
             const Rows    *rows,
             guint          c,
             double         y_center,
             PangoLayout   *value_layout)
{
  double value = _od_chart_get_value (r->chart, 0, c);
  double thickness = MIN (rows->row_height * 0.62, r->line_height * 1.1);
  double length_max = MAX (1.0, rows->content_right - rows->width_a - r->gap - rows->content_x);
  double length = rows->max_value > 0 ? MAX (0, value) / rows->max_value * length_max : 0;
  g_autofree char *tooltip = _od_chart_mark_tooltip (r->chart, 0, (int) c, value);
  OdRect bar = { rows->content_x, y_center - thickness / 2, length, thickness };

  cairo_rectangle (r->cr, bar.x, bar.y, bar.width, bar.height);
  _od_chart_fill_series (r, 0, 1.0);
  _od_chart_add_item (r, OD_CHART_ITEM_MARK, &bar, 0, (int) c, value, tooltip, 0);

  _od_chart_draw_label (r, value_layout, OD_CHART_ITEM_VALUE_LABEL, bar.x + length + r->gap,
                        y_center, 0, 0.5, 0, &r->text, 0, (int) c, value, OD_CHART_LABEL_DEFAULT);
}

static void
star_row (OdChartRender *r,
          const Rows    *rows,
          guint          c,
          double         y_center,
          PangoLayout   *grade_layout)
{
  double stars = star_count (_od_chart_get_value (r->chart, 0, c));
  const char *grade = pango_layout_get_text (grade_layout);
  g_autofree char *tooltip = _od_chart_tooltip_for_text (r->chart, 0, (int) c, grade);
  /* Five square cells side by side, a star in each: the mark's box. */
  OdRect box = {
    rows->content_x, y_center - rows->star_cell / 2, 5 * rows->star_cell, rows->star_cell
  };
  OdRgba color;

  /* Orange, as stars are, and it stays a mid grey in print. */
  _od_chart_series_color (r, 1, &color);
  for (guint i = 0; i < 5; i++)
    draw_star (r, box.x + (i + 0.5) * rows->star_cell, y_center, rows->star_cell * 0.46,
               CLAMP (stars - i, 0, 1), &color);
  _od_chart_add_item (r, OD_CHART_ITEM_MARK, &box, 0, (int) c, stars, tooltip, 0);

  _od_chart_draw_label (r, grade_layout, OD_CHART_ITEM_VALUE_LABEL, box.x + box.width + r->gap,
                        y_center, 0, 0.5, 0, &r->text, 0, (int) c, stars, OD_CHART_LABEL_DEFAULT);
}

/* A track for the target, filled as far as done; right of it the
 * percentage and "done / target". */
static void
progress_row (OdChartRender *r,
              const Rows    *rows,
              guint          c,
              double         y_center,
              PangoLayout   *percent_layout)
{
  OdChart *chart = r->chart;
  double done = _od_chart_get_value (chart, 0, c);
  double target = progress_target (chart, c);
  double thickness = MIN (rows->row_height * 0.5, r->line_height * 0.9);
  double track_width = MAX (1.0, rows->content_right - rows->width_a - rows->width_b - 2 * r->gap
                                 - rows->content_x);
  double share = target > 0 ? CLAMP (done / target, 0, 1) : 0;
  const char *percent = pango_layout_get_text (percent_layout);
  const char *values = g_ptr_array_index (rows->texts_b, c);
  g_autoptr(PangoLayout) values_layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, values);
  g_autofree char *done_text = od_chart_format_value (chart, done);
  g_autofree char *target_text = od_chart_format_value (chart, target);
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  OdRect track = { rows->content_x, y_center - thickness / 2, track_width, thickness };

  /* Translators: value of a progress bar's tooltip: done / target
   * (percentage), e.g. "¥65,000.00 / ¥100,000.00 (65%)" */
  detail = g_strdup_printf (_("%s / %s (%s)"), done_text, target_text, percent);
  tooltip = _od_chart_tooltip_for_text (chart, -1, (int) c, detail);

  rounded_bar_path (r->cr, track.x, track.y, track.width, track.height);
  if (r->theme == OD_CHART_THEME_PRINT)
    {
      _od_chart_set_color (r->cr, &r->background);
      cairo_fill_preserve (r->cr);
      _od_chart_set_color (r->cr, &r->axis);
      cairo_set_line_width (r->cr, 0.75);
      cairo_stroke (r->cr);
    }
  else
    {
      _od_chart_fill_series (r, 0, 0.22);
    }

  cairo_save (r->cr);
  rounded_bar_path (r->cr, track.x, track.y, track.width, track.height);
  cairo_clip (r->cr);
  cairo_rectangle (r->cr, track.x, track.y, share * track.width, track.height);
  _od_chart_fill_series (r, 0, 1.0);
  cairo_restore (r->cr);

  _od_chart_add_item (r, OD_CHART_ITEM_MARK, &track, 0, (int) c, done, tooltip, 0);

  _od_chart_draw_label (r, percent_layout, OD_CHART_ITEM_VALUE_LABEL,
                        track.x + track.width + r->gap, y_center, 0, 0.5, 0, &r->text, 0, (int) c,
                        target > 0 ? done / target * 100 : 0, OD_CHART_LABEL_DEFAULT);
  _od_chart_draw_label (r, values_layout, OD_CHART_ITEM_VALUE_LABEL,
                        track.x + track.width + 2 * r->gap + rows->width_a, y_center, 0, 0.5, 0,
                        &r->text_muted, 0, (int) c, done, OD_CHART_LABEL_DEFAULT);
}

/* --- internal API (od-chart-private.h) --- */

/* Bar, grouped bar, stacked bar and line. */
void
_od_chart_render_cartesian (OdChartRender *r)
{
  OdChart *chart = r->chart;
  guint n_series = chart->kind == OD_CHART_BAR ? 1 : chart->series->len;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  Plot plot = { 0, };

  if (n_series > 1)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint s = 0; s < n_series; s++)
        g_ptr_array_add (names, _od_chart_series_label (chart, s));
      _od_chart_draw_legend (r, (const char *const *) names->pdata, names->len, FALSE,
                             chart->kind == OD_CHART_LINE
                               ? OD_CHART_SWATCH_LINE : OD_CHART_SWATCH_BOX,
                             FALSE);
    }

  plot_layout (r, n_series, &plot);
  draw_grid (r, &plot);
  if (chart->kind == OD_CHART_LINE)
    draw_lines (r, &plot, n_series, marks);
  else
    draw_bars (r, &plot, n_series, marks);
  draw_baseline (r, &plot);

  /* Axis labels before value labels: the ones that matter most are placed
   * first, and later ones give way. */
  draw_axis_labels (r, &plot);

  switch (chart->kind)
    {
    case OD_CHART_LINE:
      line_value_labels (r, n_series, marks);
      break;

    case OD_CHART_STACKED_BAR:
      stacked_value_labels (r, marks);
      break;

    case OD_CHART_BAR:
    case OD_CHART_GROUPED_BAR:
    default:
      for (guint i = 0; i < marks->len; i++)
        {
          const Mark *bar = &g_array_index (marks, Mark, i);

          bar_value_label (r, &bar->rect, (int) bar->series, bar->category, bar->value);
        }
      break;
    }

  plot_clear (&plot);
}

/* Ranking, stars and progress: one row per category, its name on the left. */
void
_od_chart_render_rows (OdChartRender *r)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  Rows rows = { 0, };

  rows_layout (r, &rows);

  if (chart->kind == OD_CHART_RANKING)
    {
      /* The bars' common baseline. */
      _od_chart_set_color (r->cr, &r->axis);
      cairo_set_line_width (r->cr, 1);
      cairo_move_to (r->cr, rows.content_x, rows.top);
      cairo_line_to (r->cr, rows.content_x, rows.top + n * rows.row_height);
      cairo_stroke (r->cr);
    }

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) name = _od_chart_layout_new (r, OD_CHART_FONT_BODY,
                                                          _od_chart_get_category (chart, c));
      g_autoptr(PangoLayout) text_a = _od_chart_layout_new (r, OD_CHART_FONT_SMALL,
                                                            g_ptr_array_index (rows.texts_a, c));
      double y_center = rows.top + (c + 0.5) * rows.row_height;

      pango_layout_set_width (name, (int) (rows.label_width * PANGO_SCALE));
      pango_layout_set_wrap (name, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (name, -(int) rows.label_lines);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      _od_chart_draw_label (r, name, OD_CHART_ITEM_AXIS_LABEL, rows.left, y_center, 0, 0.5, 0,
                            &r->text, -1, (int) c, 0, OD_CHART_LABEL_DEFAULT);

      switch (chart->kind)
        {
        case OD_CHART_STARS:
          star_row (r, &rows, c, y_center, text_a);
          break;

        case OD_CHART_PROGRESS:
          progress_row (r, &rows, c, y_center, text_a);
          break;

        case OD_CHART_RANKING:
        default:
          ranking_row (r, &rows, c, y_center, text_a);
          break;
        }
    }

  rows_clear (&rows);
}
