/* od-chart-circular.c — pie, donut and radar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slices start at twelve o'clock and run clockwise in the order of the
 * categories. Their percentages are whole numbers that add up to exactly
 * 100 (largest remainders), so a printed pie never reads 99% or 101%. A
 * radar scales each indicator by its own maximum — 基础条件 out of 100,
 * 工作绩效 out of 400 in the grade evaluation (DESIGN.md §2) — so a full
 * score reaches the outer ring on every axis.
 */

#define G_LOG_DOMAIN "orgdesk-chart-circular"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "od-chart-private.h"

typedef struct
{
  guint  index;
  double remainder;
} Remainder;

typedef struct
{
  OdChartShape shape;
  guint        category;
} Slice;

/* --- helpers --- */

static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Remainder *ra = a;
  const Remainder *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;

  /* Ties go to the earlier category, so the result does not depend on qsort. */
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* Whole percentages of VALUES (all ≥ 0, TOTAL > 0) that sum to 100:
 * floors, then one more point each for the largest remainders. */
static void
largest_remainder_percents (const double *values,
                            guint         n,
                            double        total,
                            int          *percents)
{
  g_autofree Remainder *remainders = g_new (Remainder, n);
  int sum = 0;

  for (guint i = 0; i < n; i++)
    {
      double exact = values[i] / total * 100;

      percents[i] = (int) _od_chart_floor (exact);
      remainders[i] = (Remainder) { i, exact - percents[i] };
      sum += percents[i];
    }

  qsort (remainders, n, sizeof (Remainder), compare_remainders);
  for (guint i = 0; sum < 100 && i < n; i++, sum++)
    percents[remainders[i].index]++;
}

static void
wedge_path (cairo_t *cr,
            double   cx,
            double   cy,
            double   inner,
            double   outer,
            double   start,
            double   sweep)
{
  cairo_new_path (cr);
  if (inner > 0)
    {
      cairo_arc (cr, cx, cy, outer, start, start + sweep);
      cairo_arc_negative (cr, cx, cy, inner, start + sweep, start);
    }
  else
    {
      cairo_move_to (cr, cx, cy);
      cairo_arc (cr, cx, cy, outer, start, start + sweep);
    }
  cairo_close_path (cr);
}

static gboolean
box_in_shape (const OdChartShape *shape,
              const OdRect       *box)
{
  for (guint i = 0; i < 4; i++)
    {
      double x = box->x + (i & 1 ? box->width : 0);
      double y = box->y + (i & 2 ? box->height : 0);

      if (!_od_chart_shape_contains (shape, x, y))
        return FALSE;
    }

  return TRUE;
}

/* Anchors a label outside a circle in direction ANGLE: text on the right
 * starts at the point, text on the left ends there. */
static void
outside_alignment (double  angle,
                   double *halign,
                   double *valign)
{
  double c, s;

  _od_chart_cos_sin (angle, &c, &s);
  *halign = ABS (c) < 0.2 ? 0.5 : c > 0 ? 0 : 1;
  *valign = 0.5 - 0.5 * s;
}

/* --- internal API (od-chart-private.h) --- */

void
_od_chart_render_pie (OdChartRender *r)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  gboolean donut = chart->kind == OD_CHART_DONUT;
  g_autofree double *values = g_new (double, n);
  g_autofree int *percents = g_new (int, n);
  g_autoptr(GPtrArray) percent_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) legend_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  double total = 0;
  double cx, cy, outer, inner, start;
  gboolean at_right;

  for (guint c = 0; c < n; c++)
    {
      values[c] = MAX (0, _od_chart_get_value (chart, 0, c));
      total += values[c];
    }
  largest_remainder_percents (values, n, total, percents);

  for (guint c = 0; c < n; c++)
    {
      char *percent = g_strdup_printf ("%d%%", percents[c]);

      g_ptr_array_add (percent_texts, percent);
      /* Translators: legend entry of a pie slice: its category and its
       * share, e.g. "渭滨区 50%" */
      g_ptr_array_add (legend_texts,
                       g_strdup_printf (_("%s %s"), _od_chart_get_category (chart, c), percent));
    }

  at_right = r->area.width >= r->area.height * 1.3;
  _od_chart_draw_legend (r, (const char *const *) legend_texts->pdata, n, TRUE, OD_CHART_SWATCH_BOX,
                         at_right);

  /* Leave a line around the pie for labels of slices too thin to hold theirs. */
  outer = MAX (r->font_px, MIN (r->area.width, r->area.height) / 2 - r->small_line_height * 1.3);
  inner = donut ? outer * 0.58 : 0;
  cx = r->area.x + r->area.width / 2;
  cy = r->area.y + r->area.height / 2;

  start = -G_PI / 2;
  for (guint c = 0; c < n; c++)
    {
      OdChartShape shape = {
        .kind = OD_CHART_SHAPE_WEDGE,
        .cx = cx,
        .cy = cy,
        .inner = inner,
        .outer = outer,
        .start = start,
        .sweep = values[c] / total * 2 * G_PI,
      };
      g_autofree char *formatted = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *tooltip = NULL;
      double left, top, right, bottom;
      OdRect box;

      start += shape.sweep;
      if (values[c] <= 0)
        continue;

      wedge_path (r->cr, cx, cy, inner, outer, shape.start, shape.sweep);
      cairo_path_extents (r->cr, &left, &top, &right, &bottom);
      box = (OdRect) { left, top, right - left, bottom - top };
      _od_chart_fill_series (r, c, 1.0);

      /* A thin gap between slices, in the background colour. */
      if (shape.sweep < 2 * G_PI)
        {
          wedge_path (r->cr, cx, cy, inner, outer, shape.start, shape.sweep);
          _od_chart_set_color (r->cr, &r->background);
          cairo_set_line_width (r->cr, MAX (1.0, r->font_px * 0.12));
          cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_BEVEL);
          cairo_stroke (r->cr);
        }

      formatted = od_chart_format_value (chart, values[c]);
      /* Translators: value of a pie slice's tooltip: amount (share),
       * e.g. "¥35,000.00 (50%)" */
      detail = g_strdup_printf (C_("pie slice tooltip", "%s (%s)"), formatted,
                                (const char *) g_ptr_array_index (percent_texts, c));
      tooltip = _od_chart_tooltip_for_text (chart, -1, (int) c, detail);
      _od_chart_add_wedge_item (r, &box, (int) c, values[c], tooltip, &shape);

      g_array_append_val (slices, ((Slice) { shape, c }));
    }

  /* Percentages inside their slices where they fit, else just outside. */
  for (guint i = 0; i < slices->len; i++)
    {
      const OdChartShape *shape = &g_array_index (slices, Slice, i).shape;
      guint c = g_array_index (slices, Slice, i).category;
      g_autoptr(PangoLayout) layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL,
                                                            g_ptr_array_index (percent_texts, c));
      double mid = shape->start + shape->sweep / 2;
      double radius = donut ? (inner + outer) / 2 : outer * 0.64;
      double x, y, dx, dy;
      double halign, valign;
      OdRect box;

      _od_chart_cos_sin (mid, &dx, &dy);
      x = cx + radius * dx;
      y = cy + radius * dy;

      _od_chart_label_box (layout, x, y, 0.5, 0.5, 0, &box);
      if (box_in_shape (shape, &box))
        {
          OdChartLabelFlags flags = OD_CHART_LABEL_DEFAULT;
          OdRgba fill, color;

          _od_chart_series_color (r, c, &fill);
          _od_chart_contrast_color (r, &fill, &color);
          if (_od_chart_is_hatched (r, c))
            {
              color = r->text;
              flags |= OD_CHART_LABEL_BACKDROP;
            }
          if (_od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL, x, y, 0.5, 0.5, 0, &color,
                                    0, (int) c, percents[c], flags))
            continue;
        }

      outside_alignment (mid, &halign, &valign);
      _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL,
                            cx + (outer + r->gap) * dx, cy + (outer + r->gap) * dy,
                            halign, valign, 0, &r->text, 0, (int) c, percents[c],
                            OD_CHART_LABEL_DEFAULT);
    }

  if (donut)
    {
      g_autofree char *total_text = _od_chart_format_short (chart, total);
      g_autoptr(PangoLayout) caption = NULL;
      g_autoptr(PangoLayout) figure = _od_chart_layout_new (r, OD_CHART_FONT_LARGE, total_text);
      double caption_height, figure_width, figure_height;

      /* Translators: caption above the total in the middle of a donut chart */
      caption = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, _("Total"));

      _od_chart_layout_size (figure, &figure_width, &figure_height);
      if (figure_width > inner * 1.7)
        {
          g_clear_object (&figure);
          figure = _od_chart_layout_new (r, OD_CHART_FONT_STRONG, total_text);
          _od_chart_layout_size (figure, NULL, &figure_height);
        }
      _od_chart_layout_size (caption, NULL, &caption_height);

      _od_chart_draw_label (r, caption, OD_CHART_ITEM_VALUE_LABEL, cx,
                            cy - (caption_height + figure_height) / 2, 0.5, 0, 0, &r->text_muted,
                            -1, -1, total, OD_CHART_LABEL_DEFAULT);
      _od_chart_draw_label (r, figure, OD_CHART_ITEM_VALUE_LABEL, cx,
                            cy + (caption_height + figure_height) / 2, 0.5, 1, 0, &r->text,
                            -1, -1, total, OD_CHART_LABEL_DEFAULT);
    }
}

void
_od_chart_render_radar (OdChartRender *r)
{
  OdChart *chart = r->chart;
  guint n = chart->categories->len;
  guint n_series = chart->series->len;
  gboolean with_maxima = chart->maxima->len > 0;
  g_autofree double *maxima = g_new (double, n);
  g_autofree double *dir_x = g_new (double, n);
  g_autofree double *dir_y = g_new (double, n);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double line_width = MAX (1.5, r->font_px * 0.18);
  double marker = MAX (3.0, r->font_px * 0.3);
  double cx, cy, radius = 0, room;

  if (n_series > 1)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint s = 0; s < n_series; s++)
        g_ptr_array_add (names, _od_chart_series_label (chart, s));
      _od_chart_draw_legend (r, (const char *const *) names->pdata, names->len, FALSE,
                             OD_CHART_SWATCH_LINE, FALSE);
    }

  /* An indicator without a given maximum is scaled by its largest value. */
  for (guint c = 0; c < n; c++)
    {
      maxima[c] = c < chart->maxima->len ? g_array_index (chart->maxima, double, c) : 0;
      if (!(maxima[c] > 0))
        {
          maxima[c] = 0;
          for (guint s = 0; s < n_series; s++)
            maxima[c] = MAX (maxima[c], _od_chart_get_value (chart, s, c));
          if (maxima[c] <= 0)
            maxima[c] = 1;
        }
    }

  /* Axis c points at -90° + c · 360° / n: the first one up. */
  for (guint c = 0; c < n; c++)
    _od_chart_cos_sin (-G_PI / 2 + 2 * G_PI * c / n, &dir_x[c], &dir_y[c]);

  for (guint c = 0; c < n; c++)
    {
      if (with_maxima)
        {
          g_autofree char *maximum = od_chart_format_value (chart, maxima[c]);

          /* Translators: an axis of a radar chart: the indicator and its
           * maximum score, e.g. "基础条件 (100)" */
          g_ptr_array_add (texts, g_strdup_printf (C_("radar axis", "%s (%s)"),
                                                   _od_chart_get_category (chart, c), maximum));
        }
      else
        {
          g_ptr_array_add (texts, g_strdup (_od_chart_get_category (chart, c)));
        }
    }

  /* The largest ring, from 85% of the room down to 45%, whose indicator
   * names fit beside it in up to three lines without being shortened. */
  cx = r->area.x + r->area.width / 2;
  cy = r->area.y + r->area.height / 2;
  room = MIN (r->area.width, r->area.height) / 2;
  for (guint attempt = 0; attempt < 9; attempt++)
    {
      gboolean fits = TRUE;

      radius = MAX (room * (0.85 - attempt * 0.05), r->font_px * 2);
      g_ptr_array_set_size (labels, 0);
      for (guint c = 0; c < n; c++)
        {
          const char *text = g_ptr_array_index (texts, c);
          PangoLayout *layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
          double x = cx + (radius + r->gap * 1.5) * dir_x[c];
          double y = cy + (radius + r->gap * 1.5) * dir_y[c];
          double halign, valign, width, available;
          OdRect box;

          outside_alignment (-G_PI / 2 + 2 * G_PI * c / n, &halign, &valign);
          if (halign == 0)
            available = r->area.x + r->area.width - x;
          else if (halign == 1)
            available = x - r->area.x;
          else
            available = 2 * MIN (x - r->area.x, r->area.x + r->area.width - x);
          available = MAX (available, r->font_px * 2);

          _od_chart_layout_size (layout, &width, NULL);
          if (width > available)
            {
              pango_layout_set_width (layout, (int) (available * PANGO_SCALE));
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (layout, -3);
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          pango_layout_set_alignment (layout, halign == 0.5 ? PANGO_ALIGN_CENTER
                                              : halign == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);

          _od_chart_label_box (layout, x, y, halign, valign, 0, &box);
          fits &= !pango_layout_is_ellipsized (layout)
                  && box.y >= r->area.y && box.y + box.height <= r->area.y + r->area.height;
          g_ptr_array_add (labels, layout);
        }

      if (fits)
        break;
    }

#define AXIS_X(c, f) (cx + (f) * radius * dir_x[c])
#define AXIS_Y(c, f) (cy + (f) * radius * dir_y[c])

  /* Rings at every fifth of the maximum, and the spokes. */
  cairo_set_line_width (r->cr, 1);
  for (guint ring = 1; ring <= 5; ring++)
    {
      double f = ring / 5.0;

      cairo_new_path (r->cr);
      if (n >= 3)
        {
          for (guint c = 0; c < n; c++)
            cairo_line_to (r->cr, AXIS_X (c, f), AXIS_Y (c, f));
          cairo_close_path (r->cr);
        }
      else
        {
          cairo_new_sub_path (r->cr);
          cairo_arc (r->cr, cx, cy, f * radius, 0, 2 * G_PI);
        }
      _od_chart_set_color (r->cr, ring == 5 ? &r->axis : &r->grid);
      cairo_stroke (r->cr);
    }
  for (guint c = 0; c < n; c++)
    {
      cairo_move_to (r->cr, cx, cy);
      cairo_line_to (r->cr, AXIS_X (c, 1), AXIS_Y (c, 1));
    }
  _od_chart_set_color (r->cr, &r->grid);
  cairo_stroke (r->cr);

  /* The series: a translucent area, its outline, a marker per indicator. */
  for (guint s = 0; s < n_series; s++)
    {
      cairo_path_t *outline;
      OdRgba color;

      cairo_new_path (r->cr);
      for (guint c = 0; c < n; c++)
        {
          double f = CLAMP (_od_chart_get_value (chart, s, c) / maxima[c], 0, 1);

          cairo_line_to (r->cr, AXIS_X (c, f), AXIS_Y (c, f));
        }
      cairo_close_path (r->cr);
      outline = cairo_copy_path (r->cr);
      _od_chart_fill_series (r, s, 0.2);

      _od_chart_series_color (r, s, &color);
      cairo_append_path (r->cr, outline);
      cairo_path_destroy (outline);
      _od_chart_set_color (r->cr, &color);
      cairo_set_line_width (r->cr, line_width);
      cairo_set_line_join (r->cr, CAIRO_LINE_JOIN_ROUND);
      _od_chart_line_dash (r, s, line_width);
      cairo_stroke (r->cr);
      cairo_set_dash (r->cr, NULL, 0, 0);

      for (guint c = 0; c < n; c++)
        {
          double value = _od_chart_get_value (chart, s, c);
          double f = CLAMP (value / maxima[c], 0, 1);
          double x = AXIS_X (c, f);
          double y = AXIS_Y (c, f);
          g_autofree char *formatted = od_chart_format_value (chart, value);
          g_autofree char *maximum = od_chart_format_value (chart, maxima[c]);
          g_autofree char *detail = NULL;
          g_autofree char *tooltip = NULL;
          OdRect box = { x - marker - 2, y - marker - 2, 2 * marker + 4, 2 * marker + 4 };

          _od_chart_marker_path (r->cr, s, x, y, marker);
          _od_chart_set_color (r->cr, &color);
          cairo_fill_preserve (r->cr);
          _od_chart_set_color (r->cr, &r->background);
          cairo_set_line_width (r->cr, 1);
          cairo_stroke (r->cr);

          /* Translators: value of a radar point's tooltip: score / maximum, e.g. "85 / 100" */
          detail = g_strdup_printf (C_("radar point tooltip", "%s / %s"), formatted, maximum);
          tooltip = _od_chart_tooltip_for_text (chart, n_series > 1 ? (int) s : -1, (int) c,
                                                detail);
          _od_chart_add_item (r, OD_CHART_ITEM_MARK, &box, (int) s, (int) c, value, tooltip, 0);
        }
    }

  for (guint c = 0; c < n; c++)
    {
      double angle = -G_PI / 2 + 2 * G_PI * c / n;
      double halign, valign;

      outside_alignment (angle, &halign, &valign);
      _od_chart_draw_label (r, g_ptr_array_index (labels, c), OD_CHART_ITEM_AXIS_LABEL,
                            AXIS_X (c, 1) + r->gap * 1.5 * dir_x[c],
                            AXIS_Y (c, 1) + r->gap * 1.5 * dir_y[c],
                            halign, valign, 0, &r->text, -1, (int) c, maxima[c],
                            OD_CHART_LABEL_DEFAULT);
    }

  /* With one series its scores are printed beside the markers, inside the ring. */
  if (n_series == 1)
    {
      for (guint c = 0; c < n; c++)
        {
          double value = _od_chart_get_value (chart, 0, c);
          double f = CLAMP (value / maxima[c], 0, 1);
          double angle = -G_PI / 2 + 2 * G_PI * c / n;
          g_autofree char *text = _od_chart_format_short (chart, value);
          g_autoptr(PangoLayout) layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
          double halign, valign;

          /* Pointing back to the centre keeps it off the indicator's name. */
          outside_alignment (angle + G_PI, &halign, &valign);
          _od_chart_draw_label (r, layout, OD_CHART_ITEM_VALUE_LABEL,
                                AXIS_X (c, f) - (marker + r->gap) * dir_x[c],
                                AXIS_Y (c, f) - (marker + r->gap) * dir_y[c],
                                halign, valign, 0, &r->text, 0, (int) c, value,
                                OD_CHART_LABEL_DEFAULT);
        }
    }

#undef AXIS_X
#undef AXIS_Y
}
