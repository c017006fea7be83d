/* od-chart.c — charts drawn with Cairo and Pango, from plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart object and its data, how values read (12,345 · 45% ·
 * ¥35,000.00 / 3.5万元), the record of what the last render drew (items and
 * the hit test), the data table, and saving to PNG, PDF or SVG. Layout and
 * drawing live in od-chart-cartesian.c (bars, lines, rows),
 * od-chart-circular.c (pie, donut, radar) and od-chart-text.c (text,
 * title, legend).
 */

#define G_LOG_DOMAIN "orgdesk-chart"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "od-chart-private.h"
#include "od-output.h"
#include "od-money.h"

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

typedef enum
{
  FILE_KIND_UNKNOWN,
  FILE_KIND_PNG,
  FILE_KIND_PDF,
  FILE_KIND_SVG,
} FileKind;

/* Okabe & Ito, "Color Universal Design" (2008): eight colours that stay
 * apart for the common colour-vision deficiencies, in the order of their
 * paper. Greyscale prints do not rely on them: the print theme hatches
 * every series after the first. */
static const OdRgba palette[] = {
  RGB (0x0072B2),  /* blue */
  RGB (0xE69F00),  /* orange */
  RGB (0x009E73),  /* bluish green */
  RGB (0xD55E00),  /* vermilion */
  RGB (0x56B4E9),  /* sky blue */
  RGB (0xCC79A7),  /* reddish purple */
  RGB (0xF0E442),  /* yellow */
  RGB (0x000000),  /* black */
};

/* Black disappears on the dark background: a light grey takes its place. */
static const OdRgba dark_black_replacement = RGB (0xE0E0E0);

G_DEFINE_QUARK (od-chart-error-quark, od_chart_error)

/* --- helpers --- */

static void
clear_item (gpointer data)
{
  OdChartItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

/* Texts come from the database and from files: invalid UTF-8 would make
 * Pango complain at every render, so it is mended once here. */
static char *
dup_valid (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

static void
series_free (gpointer data)
{
  OdChartSeries *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

/* Decimals needed to print multiples of STEP exactly (0.25 → 2). */
static guint
decimals_for_step (double step)
{
  double scaled = ABS (step);

  for (guint d = 0; d < 6; d++, scaled *= 10)
    {
      if (ABS (scaled - _od_chart_round (scaled)) < 1e-6 * MAX (1.0, scaled))
        return d;
    }

  return 6;
}

static gint64
fen_from_value (double value)
{
  if (!isfinite (value))
    return 0;

  value = CLAMP (value, (double) -OD_MONEY_MAX_FEN, (double) OD_MONEY_MAX_FEN);

  return (gint64) _od_chart_round (value);
}

static FileKind
file_kind_from_path (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FILE_KIND_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return FILE_KIND_PNG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FILE_KIND_PDF;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return FILE_KIND_SVG;

  return FILE_KIND_UNKNOWN;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, OD_CHART_ERROR, OD_CHART_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second why it failed */
               _("Could not save the chart as “%s”: %s. Check that the folder exists, that "
                 "you may write to it and that the disk is not full, then save again."),
               display, reason);

  return FALSE;
}

/* The multiple of STEP at or below X. */
#define GRID_BELOW(x, step) (_od_chart_floor ((x) / (step)) * (step))

static void
hatch_lines (cairo_t *cr,
             guint    pattern,
             double   left,
             double   top,
             double   right,
             double   bottom,
             double   spacing)
{
  /* Lines sit on a grid anchored at the origin, so neighbouring shapes of
   * one series line up. */
  switch (pattern)
    {
    case 0:  /* diagonal, x − y = c */
    case 2:  /* cross-hatch: both diagonals */
      for (double c = GRID_BELOW (left - bottom, spacing); c <= right - top; c += spacing)
        {
          cairo_move_to (cr, c + top, top);
          cairo_line_to (cr, c + bottom, bottom);
        }
      if (pattern == 0)
        break;
      G_GNUC_FALLTHROUGH;

    case 3:  /* the other diagonal, x + y = c */
      for (double c = GRID_BELOW (left + top, spacing); c <= right + bottom; c += spacing)
        {
          cairo_move_to (cr, c - top, top);
          cairo_line_to (cr, c - bottom, bottom);
        }
      break;

    case 1:  /* dots */
    default:
      for (gint64 row = (gint64) _od_chart_floor (top / spacing); row * spacing <= bottom + spacing;
           row++)
        {
          double y = row * spacing;
          double shift = row % 2 == 0 ? 0 : spacing / 2;

          for (double x = GRID_BELOW (left, spacing) + shift; x <= right + spacing; x += spacing)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, spacing * 0.18, 0, 2 * G_PI);
            }
        }
      cairo_fill (cr);
      return;
    }

  cairo_stroke (cr);
}

/* --- internal API (od-chart-private.h) --- */

/* Whether (X, Y) lies on SHAPE; a box shape is its item's box, which the
 * caller tests. */
gboolean
_od_chart_shape_contains (const OdChartShape *shape,
                          double              x,
                          double              y)
{
  double dx = x - shape->cx;
  double dy = y - shape->cy;
  double distance2 = dx * dx + dy * dy;
  double c0, s0, c1, s1;
  gboolean after_start, before_end;

  if (shape->kind != OD_CHART_SHAPE_WEDGE)
    return TRUE;
  if (distance2 < shape->inner * shape->inner || distance2 > shape->outer * shape->outer)
    return FALSE;
  if (shape->sweep >= 2 * G_PI)
    return TRUE;

  /* Cross products with the edges: (dx, dy) turned clockwise — towards
   * growing angles — from the start edge, anticlockwise from the end edge.
   * A slice wider than a half-turn is everything but the gap it leaves. */
  _od_chart_cos_sin (shape->start, &c0, &s0);
  _od_chart_cos_sin (shape->start + shape->sweep, &c1, &s1);
  after_start = c0 * dy - s0 * dx >= 0;
  before_end = c1 * dy - s1 * dx <= 0;

  return shape->sweep <= G_PI ? after_start && before_end : after_start || before_end;
}

double
_od_chart_get_value (OdChart *chart,
                     guint    series,
                     guint    category)
{
  OdChartSeries *s;
  double value;

  if (series >= chart->series->len)
    return 0;

  s = g_ptr_array_index (chart->series, series);
  if (category >= s->n_values)
    return 0;

  /* A NaN or an infinity would poison every sum and scale: read as 0. */
  value = s->values[category];

  return isfinite (value) ? value : 0;
}

const char *
_od_chart_get_category (OdChart *chart,
                        guint    category)
{
  if (category >= chart->categories->len)
    return "";

  return g_ptr_array_index (chart->categories, category);
}

/* The series' name, or NULL when it has none. */
const char *
_od_chart_get_series_name (OdChart *chart,
                           guint    series)
{
  OdChartSeries *s;

  if (series >= chart->series->len)
    return NULL;

  s = g_ptr_array_index (chart->series, series);

  return s->name != NULL && s->name[0] != '\0' ? s->name : NULL;
}

/* The series' name, or "Series 2" for one without. */
char *
_od_chart_series_label (OdChart *chart,
                        guint    series)
{
  const char *name = _od_chart_get_series_name (chart, series);

  if (name != NULL)
    return g_strdup (name);

  /* Translators: name of a data series that has none; %u counts from 1 */
  return g_strdup_printf (_("Series %u"), series + 1);
}

/* VALUE rounded to at most MAX_DECIMALS, trailing zeros dropped, with a
 * comma every three digits: 12345.5 → "12,345.5". Locale-independent, like
 * od_money_format(). */
char *
_od_chart_format_number (double value,
                         guint  max_decimals)
{
  GString *out = g_string_new (NULL);
  guint64 scale = 1;
  guint64 scaled;
  guint64 integer;
  guint64 fraction;
  char digits[32];
  int n;

  if (!isfinite (value))
    {
      g_string_append (out, "—");
      return g_string_free (out, FALSE);
    }

  max_decimals = MIN (max_decimals, 6);
  for (guint i = 0; i < max_decimals; i++)
    scale *= 10;

  /* 9e15 keeps the product exact in a double and the cast defined. */
  scaled = (guint64) _od_chart_round (MIN (ABS (value) * scale, 9e15));
  integer = scaled / scale;
  fraction = scaled % scale;

  if (value < 0 && scaled != 0)
    g_string_append_c (out, '-');

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, integer);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  if (fraction != 0)
    {
      n = g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, (int) max_decimals, fraction);
      while (n > 0 && digits[n - 1] == '0')
        n--;
      g_string_append_c (out, '.');
      g_string_append_len (out, digits, n);
    }

  return g_string_free (out, FALSE);
}

/* The value as printed on a bar or slice: like od_chart_format_value(),
 * but money in the short form of summaries ("35万元"); the tooltip keeps
 * the exact amount. */
char *
_od_chart_format_short (OdChart *chart,
                        double   value)
{
  if (chart->unit == OD_CHART_UNIT_FEN)
    return od_money_format_wan (fen_from_value (value));

  return od_chart_format_value (chart, value);
}

/* A tick label for VALUE on an axis of steps STEP whose largest magnitude
 * is TOP. Money reads in 元 below 10,000 yuan and in 万 or 亿 above, as the
 * association's reports do (DESIGN.md §2): "¥5,000", "35万", "1.2亿". */
char *
_od_chart_format_tick (OdChart *chart,
                       double   value,
                       double   step,
                       double   top)
{
  g_autofree char *number = NULL;
  double yuan;
  double step_yuan;
  double top_yuan;

  if (ABS (value) < ABS (step) * 1e-9)
    value = 0;

  switch (chart->unit)
    {
    case OD_CHART_UNIT_PERCENT:
      number = _od_chart_format_number (value, decimals_for_step (step));
      return g_strconcat (number, "%", NULL);

    case OD_CHART_UNIT_FEN:
      if (value == 0)
        return g_strdup ("0");

      yuan = value / 100.0;
      step_yuan = step / 100.0;
      top_yuan = ABS (top) / 100.0;

      if (top_yuan >= 1e8)
        {
          number = _od_chart_format_number (yuan / 1e8, decimals_for_step (step_yuan / 1e8));
          return g_strconcat (number, "亿", NULL);
        }
      if (top_yuan >= 1e4)
        {
          number = _od_chart_format_number (yuan / 1e4, decimals_for_step (step_yuan / 1e4));
          return g_strconcat (number, "万", NULL);
        }

      number = _od_chart_format_number (ABS (yuan), decimals_for_step (step_yuan));
      return g_strconcat (yuan < 0 ? "-¥" : "¥", number, NULL);

    case OD_CHART_UNIT_COUNT:
    default:
      return _od_chart_format_number (value, decimals_for_step (step));
    }
}

/* The tooltip of a mark: "2017年3月 · 培训人数: 86". */
char *
_od_chart_mark_tooltip (OdChart *chart,
                        int      series,
                        int      category,
                        double   value)
{
  g_autofree char *formatted = od_chart_format_value (chart, value);

  return _od_chart_tooltip_for_text (chart, series, category, formatted);
}

/* As _od_chart_mark_tooltip(), with the value already written out. */
char *
_od_chart_tooltip_for_text (OdChart    *chart,
                            int         series,
                            int         category,
                            const char *formatted)
{
  const char *category_label = category >= 0 ? _od_chart_get_category (chart, category) : NULL;
  const char *series_name = series >= 0 ? _od_chart_get_series_name (chart, series) : NULL;

  if (category_label != NULL && series_name != NULL)
    /* Translators: tooltip of a bar or point: category · series: value,
     * e.g. "2017年3月 · 培训人数: 86" */
    return g_strdup_printf (_("%s · %s: %s"), category_label, series_name, formatted);

  if (category_label != NULL || series_name != NULL)
    /* Translators: tooltip of a bar or point: category: value, e.g. "渭滨区: 86" */
    return g_strdup_printf (_("%s: %s"), category_label != NULL ? category_label : series_name,
                            formatted);

  return g_strdup (formatted);
}

void
_od_chart_add_item (OdChartRender   *r,
                    OdChartItemKind  kind,
                    const OdRect    *box,
                    int              series,
                    int              category,
                    double           value,
                    const char      *text,
                    double           angle)
{
  OdChartItem item = {
    .kind = kind,
    .x = box->x,
    .y = box->y,
    .width = box->width,
    .height = box->height,
    .series = series,
    .category = category,
    .value = value,
    .text = g_strdup (text != NULL ? text : ""),
    .angle = angle,
  };
  OdChartShape shape = { .kind = OD_CHART_SHAPE_BOX };

  g_array_append_val (r->chart->items, item);
  g_array_append_val (r->chart->shapes, shape);
}

/* A slice: a MARK whose hit test follows the wedge, not its box; ANGLE of
 * the item is the slice's sweep. */
void
_od_chart_add_wedge_item (OdChartRender      *r,
                          const OdRect       *box,
                          int                 category,
                          double              value,
                          const char         *text,
                          const OdChartShape *shape)
{
  _od_chart_add_item (r, OD_CHART_ITEM_MARK, box, 0, category, value, text, shape->sweep);
  g_array_index (r->chart->shapes, OdChartShape, r->chart->shapes->len - 1) = *shape;
}

void
_od_chart_series_color (OdChartRender *r,
                        guint          index,
                        OdRgba        *color)
{
  *color = palette[index % G_N_ELEMENTS (palette)];

  if (r->theme == OD_CHART_THEME_DARK && color->r == 0 && color->g == 0 && color->b == 0)
    *color = dark_black_replacement;
}

void
_od_chart_set_color (cairo_t      *cr,
                     const OdRgba *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

/* Black or white text, whichever reads better on FILL. */
void
_od_chart_contrast_color (OdChartRender *r,
                          const OdRgba  *fill,
                          OdRgba        *text)
{
  double luminance = 0.2126 * fill->r + 0.7152 * fill->g + 0.0722 * fill->b;
  static const OdRgba dark = RGB (0x1E1E1E);
  static const OdRgba light = RGB (0xFFFFFF);

  *text = luminance > 0.5 ? dark : light;
}

/* Print is often greyscale: every series after the first also gets a
 * texture so that it can be told apart without its colour. */
gboolean
_od_chart_is_hatched (OdChartRender *r,
                      guint          index)
{
  return r->theme == OD_CHART_THEME_PRINT && index > 0;
}

/* Fills (and consumes) the current path with the colour of series INDEX. */
void
_od_chart_fill_series (OdChartRender *r,
                       guint          index,
                       double         alpha)
{
  cairo_t *cr = r->cr;
  OdRgba color;
  OdRgba ink;
  double left, top, right, bottom;

  _od_chart_series_color (r, index, &color);
  color.a *= alpha;
  _od_chart_set_color (cr, &color);

  if (!_od_chart_is_hatched (r, index))
    {
      cairo_fill (cr);
      return;
    }

  cairo_fill_extents (cr, &left, &top, &right, &bottom);
  cairo_save (cr);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  _od_chart_contrast_color (r, &color, &ink);
  ink.a = 0.8 * alpha;
  _od_chart_set_color (cr, &ink);
  cairo_set_line_width (cr, MAX (1.0, r->font_px * 0.11));
  cairo_set_dash (cr, NULL, 0, 0);
  hatch_lines (cr, (index - 1) % 4, left, top, right, bottom, MAX (3.0, r->font_px * 0.5));

  cairo_restore (cr);
}

/* Markers differ in shape as well as colour: circle, square, triangle, diamond. */
void
_od_chart_marker_path (cairo_t *cr,
                       guint    series,
                       double   x,
                       double   y,
                       double   radius)
{
  cairo_new_sub_path (cr);

  switch (series % 4)
    {
    case 0:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;

    case 1:
      radius *= 0.9;
      cairo_rectangle (cr, x - radius, y - radius, 2 * radius, 2 * radius);
      break;

    case 2:
      radius *= 1.15;
      cairo_move_to (cr, x, y - radius);
      cairo_line_to (cr, x + radius * 0.866, y + radius * 0.5);
      cairo_line_to (cr, x - radius * 0.866, y + radius * 0.5);
      cairo_close_path (cr);
      break;

    default:
      radius *= 1.2;
      cairo_move_to (cr, x, y - radius);
      cairo_line_to (cr, x + radius, y);
      cairo_line_to (cr, x, y + radius);
      cairo_line_to (cr, x - radius, y);
      cairo_close_path (cr);
      break;
    }
}

/* Lines of later series are dashed in print, for the same reason as the
 * hatching of areas. */
void
_od_chart_line_dash (OdChartRender *r,
                     guint          series,
                     double         line_width)
{
  double dashes[4];
  int n = 0;

  if (_od_chart_is_hatched (r, series))
    {
      switch ((series - 1) % 3)
        {
        case 0:
          dashes[0] = 4 * line_width;
          dashes[1] = 2 * line_width;
          n = 2;
          break;

        case 1:
          dashes[0] = 1 * line_width;
          dashes[1] = 1.5 * line_width;
          n = 2;
          break;

        default:
          dashes[0] = 6 * line_width;
          dashes[1] = 2 * line_width;
          dashes[2] = 1 * line_width;
          dashes[3] = 2 * line_width;
          n = 4;
          break;
        }
    }

  cairo_set_dash (r->cr, dashes, n, 0);
}

/* --- public API --- */

OdChart *
od_chart_new (OdChartKind kind)
{
  OdChart *chart;

  g_return_val_if_fail (kind >= OD_CHART_BAR && kind <= OD_CHART_PROGRESS, NULL);

  chart = g_new0 (OdChart, 1);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->unit = OD_CHART_UNIT_COUNT;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->maxima = g_array_new (FALSE, TRUE, sizeof (double));
  chart->items = g_array_new (FALSE, TRUE, sizeof (OdChartItem));
  g_array_set_clear_func (chart->items, clear_item);
  chart->shapes = g_array_new (FALSE, TRUE, sizeof (OdChartShape));

  return chart;
}

OdChart *
od_chart_ref (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);

  return chart;
}

void
od_chart_unref (OdChart *chart)
{
  if (chart == NULL || !g_atomic_ref_count_dec (&chart->ref_count))
    return;

  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->empty_text);
  g_free (chart->language);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->maxima);
  g_array_unref (chart->items);
  g_array_unref (chart->shapes);
  g_free (chart);
}

OdChartKind
od_chart_get_kind (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, OD_CHART_BAR);

  return chart->kind;
}

void
od_chart_set_title (OdChart    *chart,
                    const char *title)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->title);
  chart->title = dup_valid (title);
}

const char *
od_chart_get_title (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->title;
}

void
od_chart_set_subtitle (OdChart    *chart,
                       const char *subtitle)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->subtitle);
  chart->subtitle = dup_valid (subtitle);
}

void
od_chart_set_unit (OdChart     *chart,
                   OdChartUnit  unit)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (unit >= OD_CHART_UNIT_COUNT && unit <= OD_CHART_UNIT_FEN);

  chart->unit = unit;
}

void
od_chart_set_empty_text (OdChart    *chart,
                         const char *text)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->empty_text);
  chart->empty_text = dup_valid (text);
}

void
od_chart_set_language (OdChart    *chart,
                       const char *language)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->language);
  chart->language = g_strdup (language);
}

/* Replaces the categories; NULL labels read as "". */
void
od_chart_set_categories (OdChart           *chart,
                         const char *const *labels,
                         guint              n_labels)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (chart->categories, dup_valid (labels[i] != NULL ? labels[i] : ""));
}

/* Appends a series; VALUES are copied, one per category. Missing values,
 * NaN and infinities read as 0. */
void
od_chart_add_series (OdChart      *chart,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  OdChartSeries *series;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  series = g_new0 (OdChartSeries, 1);
  series->name = dup_valid (name);
  series->values = n_values > 0 ? g_memdup2 (values, n_values * sizeof (double)) : NULL;
  series->n_values = n_values;
  g_ptr_array_add (chart->series, series);
}

void
od_chart_set_maxima (OdChart      *chart,
                     const double *maxima,
                     guint         n_maxima)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (maxima != NULL || n_maxima == 0);

  g_array_set_size (chart->maxima, 0);
  if (n_maxima > 0)
    g_array_append_vals (chart->maxima, maxima, n_maxima);
}

guint
od_chart_get_n_categories (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->categories->len;
}

guint
od_chart_get_n_series (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

/* Nothing to draw: no categories or no series, or — for a pie or donut,
 * which shows shares — nothing to share out. */
gboolean
od_chart_is_empty (OdChart *chart)
{
  double total = 0;

  g_return_val_if_fail (chart != NULL, TRUE);

  if (chart->categories->len == 0 || chart->series->len == 0)
    return TRUE;

  if (chart->kind != OD_CHART_PIE && chart->kind != OD_CHART_DONUT)
    return FALSE;

  for (guint c = 0; c < chart->categories->len; c++)
    total += MAX (0, _od_chart_get_value (chart, 0, c));

  return !(total > 0);
}

/**
 * od_chart_render:
 * @chart: a chart
 * @cr: where to draw, in its current user space
 * @width: width of the chart in user units
 * @height: height of the chart in user units
 * @theme: colours
 *
 * Draws the chart into the rectangle (0, 0, @width, @height) of @cr and
 * records what it drew (see od_chart_get_items()). Text sizes follow the
 * size of the chart: 11 units of body text at 600 × 400, between 9 and 16.
 */
void
od_chart_render (OdChart      *chart,
                 cairo_t      *cr,
                 double        width,
                 double        height,
                 OdChartTheme  theme)
{
  static const OdRgba light_bg = RGB (0xFFFFFF), light_text = RGB (0x1E1E1E),
                      light_muted = RGB (0x5E5C64), light_grid = RGB (0xDEDDDA),
                      light_axis = RGB (0x77767B);
  static const OdRgba print_text = RGB (0x000000), print_muted = RGB (0x333333),
                      print_grid = RGB (0xBDBDBD), print_axis = RGB (0x000000);
  static const OdRgba dark_bg = RGB (0x242424), dark_text = RGB (0xEEEEEE),
                      dark_muted = RGB (0xB0B0B0), dark_grid = RGB (0x3E3E3E),
                      dark_axis = RGB (0x8A8A8A);
  OdChartRender r = { 0, };
  g_autoptr(PangoLayout) probe = NULL;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  g_array_set_size (chart->items, 0);
  g_array_set_size (chart->shapes, 0);

  if (!(width > 0 && height > 0))
    return;

  r.chart = chart;
  r.cr = cr;
  r.width = width;
  r.height = height;
  r.theme = theme;
  r.language = pango_language_from_string (chart->language != NULL ? chart->language : "zh-cn");

  /* Unhinted metrics: the layout is the same on screen, PNG and PDF. */
  r.font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (r.font_options, CAIRO_HINT_METRICS_OFF);

  /* In half units: a window being resized does not fill Pango's font
   * caches with a size per pixel. */
  r.font_px = CLAMP (_od_chart_round (22.0 * MIN (width / 600.0, height / 400.0)) / 2, 9.0, 16.0);
  r.pad = _od_chart_round (r.font_px * 0.9);
  r.gap = r.font_px * 0.4;

  switch (theme)
    {
    case OD_CHART_THEME_DARK:
      r.background = dark_bg;
      r.text = dark_text;
      r.text_muted = dark_muted;
      r.grid = dark_grid;
      r.axis = dark_axis;
      break;

    case OD_CHART_THEME_PRINT:
      r.background = light_bg;
      r.text = print_text;
      r.text_muted = print_muted;
      r.grid = print_grid;
      r.axis = print_axis;
      break;

    case OD_CHART_THEME_LIGHT:
    default:
      r.background = light_bg;
      r.text = light_text;
      r.text_muted = light_muted;
      r.grid = light_grid;
      r.axis = light_axis;
      break;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);

  probe = _od_chart_layout_new (&r, OD_CHART_FONT_BODY, "国Ag");
  _od_chart_layout_size (probe, NULL, &r.line_height);
  g_clear_object (&probe);
  probe = _od_chart_layout_new (&r, OD_CHART_FONT_SMALL, "国Ag");
  _od_chart_layout_size (probe, NULL, &r.small_line_height);

  _od_chart_set_color (cr, &r.background);
  cairo_paint (cr);

  r.area = (OdRect) { r.pad, r.pad, width - 2 * r.pad, height - 2 * r.pad };
  _od_chart_draw_title (&r);

  if (od_chart_is_empty (chart))
    {
      _od_chart_draw_empty (&r);
    }
  else
    {
      switch (chart->kind)
        {
        case OD_CHART_BAR:
        case OD_CHART_GROUPED_BAR:
        case OD_CHART_STACKED_BAR:
        case OD_CHART_LINE:
          _od_chart_render_cartesian (&r);
          break;

        case OD_CHART_RANKING:
        case OD_CHART_STARS:
        case OD_CHART_PROGRESS:
          _od_chart_render_rows (&r);
          break;

        case OD_CHART_PIE:
        case OD_CHART_DONUT:
          _od_chart_render_pie (&r);
          break;

        case OD_CHART_RADAR:
        default:
          _od_chart_render_radar (&r);
          break;
        }
    }

  cairo_restore (cr);
  cairo_font_options_destroy (r.font_options);
}

/* What the last od_chart_render() drew, in drawing order (later is on
 * top); valid until the next render. */
const GArray *
od_chart_get_items (OdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->items;
}

/* The topmost mark at (X, Y) in the last render's user space, or NULL.
 * Slices are tested against their wedge, not their box. */
const OdChartItem *
od_chart_hit_test (OdChart *chart,
                   double   x,
                   double   y)
{
  g_return_val_if_fail (chart != NULL, NULL);

  for (guint i = chart->items->len; i-- > 0;)
    {
      const OdChartItem *item = &g_array_index (chart->items, OdChartItem, i);
      const OdChartShape *shape = &g_array_index (chart->shapes, OdChartShape, i);

      if (item->kind != OD_CHART_ITEM_MARK)
        continue;
      if (x < item->x || x > item->x + item->width || y < item->y || y > item->y + item->height)
        continue;
      if (shape->kind == OD_CHART_SHAPE_WEDGE && !_od_chart_shape_contains (shape, x, y))
        continue;

      return item;
    }

  return NULL;
}

/* The chart's data as a table: the category, then one column per series
 * (values as od_chart_format_value() writes them); a radar with maxima
 * adds a last column with each indicator's maximum. */
OdTable *
od_chart_to_table (OdChart *chart)
{
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(OdTable) table = NULL;
  gboolean with_maxima;
  guint n_columns;

  g_return_val_if_fail (chart != NULL, NULL);

  with_maxima = chart->kind == OD_CHART_RADAR && chart->maxima->len > 0;
  headers = g_ptr_array_new_with_free_func (g_free);

  /* Translators: header of the first column of a chart's data table */
  g_ptr_array_add (headers, g_strdup (_("Category")));
  for (guint s = 0; s < chart->series->len; s++)
    g_ptr_array_add (headers, _od_chart_series_label (chart, s));
  if (with_maxima)
    /* Translators: header of the column of the maxima of a radar chart's indicators */
    g_ptr_array_add (headers, g_strdup (_("Maximum")));

  n_columns = headers->len;
  g_ptr_array_add (headers, NULL);
  table = od_table_new (n_columns, (const char *const *) headers->pdata);

  for (guint col = 1; col < n_columns; col++)
    od_table_set_align (table, col, OD_TABLE_ALIGN_END);
  od_table_set_weight (table, 0, 2.0);

  for (guint c = 0; c < chart->categories->len; c++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (cells, g_strdup (_od_chart_get_category (chart, c)));
      for (guint s = 0; s < chart->series->len; s++)
        g_ptr_array_add (cells, od_chart_format_value (chart, _od_chart_get_value (chart, s, c)));
      if (with_maxima)
        {
          double maximum = c < chart->maxima->len ? g_array_index (chart->maxima, double, c) : 0;

          g_ptr_array_add (cells, maximum > 0 ? od_chart_format_value (chart, maximum) : g_strdup (""));
        }

      od_table_add_row (table, (const char *const *) cells->pdata);
    }

  return g_steal_pointer (&table);
}

/**
 * od_chart_format_value:
 * @chart: a chart
 * @value: a value in the chart's unit
 *
 * Formats @value exactly, as tooltips and tables show it: counts with
 * thousands separators and at most two decimals ("12,345"), percentages
 * with at most one decimal ("45%"), money from integer fen to yuan with two
 * decimals ("¥350,000.00").
 *
 * Returns: (transfer full): the text
 */
char *
od_chart_format_value (OdChart *chart,
                       double   value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  switch (chart->unit)
    {
    case OD_CHART_UNIT_FEN:
      return od_money_format (fen_from_value (value));

    case OD_CHART_UNIT_PERCENT:
      number = _od_chart_format_number (value, 1);
      return g_strconcat (number, "%", NULL);

    case OD_CHART_UNIT_COUNT:
    default:
      return _od_chart_format_number (value, 2);
    }
}

/**
 * od_chart_save:
 * @chart: a chart
 * @path: a file name ending in .png, .pdf or .svg
 * @width: width in pixels (PNG) or points (PDF, SVG)
 * @height: height, likewise
 * @error: return location for an %OD_CHART_ERROR
 *
 * Writes the chart to @path: PNG and SVG in the light theme, PDF in the
 * print theme. The file is replaced only once the whole chart is drawn, so
 * a failure never leaves half a file.
 *
 * Returns: %TRUE on success
 */
gboolean
od_chart_save (OdChart     *chart,
               const char  *path,
               double       width,
               double       height,
               GError     **error)
{
  return od_chart_save_as (chart, path, NULL, width, height, error);
}

/**
 * od_chart_save_as:
 * @chart: the chart
 * @path: where to write; "-" is standard output, a device or a pipe is written directly
 * @format: (nullable): "png", "pdf" or "svg"; %NULL: from the end of @path
 * @width: the width in points (pixels for PNG)
 * @height: the height
 * @error: return location for an error
 *
 * Like od_chart_save(), in the format asked for.
 *
 * Returns: %TRUE on success
 */
gboolean
od_chart_save_as (OdChart     *chart,
                  const char  *path,
                  const char  *format,
                  double       width,
                  double       height,
                  GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FileKind kind;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != NULL)
    {
      g_autofree char *dotted = g_strconcat (".", format, NULL);

      kind = file_kind_from_path (dotted);
    }
  else
    kind = file_kind_from_path (path);
  if (kind == FILE_KIND_UNKNOWN)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, OD_CHART_ERROR, OD_CHART_ERROR_FORMAT,
                   /* Translators: %s is a file name */
                   _("Cannot save a chart as “%s”: the file type is unknown. Use a name that "
                     "ends in .png, .pdf or .svg."),
                   display);
      return FALSE;
    }

  bytes = g_byte_array_new ();

  switch (kind)
    {
    case FILE_KIND_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) _od_chart_ceil (width),
                                            (int) _od_chart_ceil (height));
      break;

    case FILE_KIND_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "OrgDesk");
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      break;

    case FILE_KIND_SVG:
    case FILE_KIND_UNKNOWN:
    default:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    }

  cr = cairo_create (surface);
  od_chart_render (chart, cr, width, height,
                   kind == FILE_KIND_PDF ? OD_CHART_THEME_PRINT : OD_CHART_THEME_LIGHT);
  if (kind != FILE_KIND_PNG)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && kind == FILE_KIND_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return set_write_error (error, path, cairo_status_to_string (status));

  if (!od_output_write_bytes (path, OD_OUTPUT_DEFAULT, bytes->data, bytes->len, &local_error))
    return set_write_error (error, path, local_error->message);

  return TRUE;
}
