/* test-chart.c — charts: layout, labels, formats, pixels, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts are rendered to image surfaces and checked through the items the
 * render records (what was drawn where, with which text) and by sampling
 * pixels.
 */

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "od-chart.h"
#include "od-test-util.h"

#define W 800
#define H 500

/* --- helpers --- */

static cairo_surface_t *
render (OdChart      *chart,
        int           width,
        int           height,
        OdChartTheme  theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  od_chart_render (chart, cr, width, height, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
render_and_free (OdChart      *chart,
                 int           width,
                 int           height,
                 OdChartTheme  theme)
{
  cairo_surface_destroy (render (chart, width, height, theme));
}

static const OdChartItem *
item_at (OdChart *chart,
         guint    i)
{
  return &g_array_index (od_chart_get_items (chart), OdChartItem, i);
}

static guint
n_items (OdChart *chart)
{
  return od_chart_get_items (chart)->len;
}

static guint
count_kind (OdChart         *chart,
            OdChartItemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < n_items (chart); i++)
    n += item_at (chart, i)->kind == kind;

  return n;
}

static const OdChartItem *
find_item (OdChart         *chart,
           OdChartItemKind  kind,
           int              series,
           int              category)
{
  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);

      if (item->kind == kind && item->series == series && item->category == category)
        return item;
    }

  return NULL;
}

static const OdChartItem *
find_text (OdChart         *chart,
           OdChartItemKind  kind,
           const char      *text)
{
  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);

      if (item->kind == kind && g_strcmp0 (item->text, text) == 0)
        return item;
    }

  return NULL;
}

/* The tick labels of the value axis, bottom to top. */
static GStrv
tick_texts (OdChart *chart)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);

      if (item->kind == OD_CHART_ITEM_AXIS_LABEL && item->category == -1)
        g_strv_builder_add (builder, item->text);
    }

  return g_strv_builder_end (builder);
}

static gboolean
boxes_intersect (const OdChartItem *a,
                 const OdChartItem *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Said by assert_labels_apart() when it fails, for loops over many cases. */
static char *current_case;

static gboolean
is_text_item (const OdChartItem *item)
{
  return item->kind != OD_CHART_ITEM_MARK;
}

/* No two drawn texts meet — value and axis labels above all, but also
 * legend, title and empty text — and all lie inside the chart. The boxes
 * are the upright bounds of turned labels, so this holds for them too. */
static void
assert_labels_apart (OdChart *chart,
                     double   width,
                     double   height)
{
  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *a = item_at (chart, i);

      if (!is_text_item (a))
        continue;

      g_assert_cmpfloat (a->x, >=, -0.5);
      g_assert_cmpfloat (a->y, >=, -0.5);
      g_assert_cmpfloat (a->x + a->width, <=, width + 0.5);
      g_assert_cmpfloat (a->y + a->height, <=, height + 0.5);
      g_assert_nonnull (a->text);
      g_assert_cmpstr (a->text, !=, "");

      for (guint j = i + 1; j < n_items (chart); j++)
        {
          const OdChartItem *b = item_at (chart, j);

          if (!is_text_item (b))
            continue;
          if (boxes_intersect (a, b))
            g_error ("%s: labels “%s” (%.1f,%.1f %.1f×%.1f) and “%s” (%.1f,%.1f %.1f×%.1f) overlap",
                     current_case != NULL ? current_case : "",
                     a->text, a->x, a->y, a->width, a->height,
                     b->text, b->x, b->y, b->width, b->height);
        }
    }
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          guint           *r,
          guint           *g,
          guint           *b)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) x;
  int iy = (int) y;
  guint32 pixel;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  /* ARGB32 is native-endian, premultiplied; the charts paint an opaque background. */
  pixel = *(const guint32 *) (data + iy * stride + ix * 4);
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  *r = pixel >> 16 & 0xff;
  *g = pixel >> 8 & 0xff;
  *b = pixel & 0xff;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          guint32          rgb)
{
  guint r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);

  return ABS ((int) r - (int) (rgb >> 16 & 0xff)) <= 3
         && ABS ((int) g - (int) (rgb >> 8 & 0xff)) <= 3
         && ABS ((int) b - (int) (rgb & 0xff)) <= 3;
}

static double
luminance_at (cairo_surface_t *surface,
              double           x,
              double           y)
{
  guint r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);

  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
}

/* Variance of the luminance over the inside of BOX, 2 px from its edges. */
static double
luminance_variance (cairo_surface_t   *surface,
                    const OdChartItem *box)
{
  double sum = 0, sum2 = 0;
  guint n = 0;

  for (double y = box->y + 2; y < box->y + box->height - 2; y++)
    for (double x = box->x + 2; x < box->x + box->width - 2; x++)
      {
        double l = luminance_at (surface, x, y);

        sum += l;
        sum2 += l * l;
        n++;
      }

  g_assert_cmpuint (n, >, 50);

  return sum2 / n - (sum / n) * (sum / n);
}

static OdChart *
make_chart (OdChartKind         kind,
            const char *const  *categories,
            guint               n,
            const char         *series_name,
            const double       *values)
{
  OdChart *chart = od_chart_new (kind);

  od_chart_set_categories (chart, categories, n);
  if (values != NULL)
    od_chart_add_series (chart, series_name, values, n);

  return chart;
}

static const char *const years[] = { "2015年", "2016年", "2017年" };

static const char *const months[] = {
  "2017年1月", "2017年2月", "2017年3月", "2017年4月", "2017年5月", "2017年6月",
  "2017年7月", "2017年8月", "2017年9月", "2017年10月", "2017年11月", "2017年12月",
};

/* --- formats --- */

static void
test_format_count (void)
{
  g_autoptr(OdChart) chart = od_chart_new (OD_CHART_BAR);
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 937, "937" }, { 1634, "1,634" }, { 12345, "12,345" },
    { 1234567, "1,234,567" }, { -12345, "-12,345" }, { 3.5, "3.5" }, { 2.25, "2.25" },
    { 0.004, "0" }, { NAN, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = od_chart_format_value (chart, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_percent (void)
{
  g_autoptr(OdChart) chart = od_chart_new (OD_CHART_BAR);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
  a = od_chart_format_value (chart, 45);
  b = od_chart_format_value (chart, 45.25);
  c = od_chart_format_value (chart, 100);
  g_assert_cmpstr (a, ==, "45%");
  g_assert_cmpstr (b, ==, "45.3%");
  g_assert_cmpstr (c, ==, "100%");
}

static void
test_format_fen (void)
{
  g_autoptr(OdChart) chart = od_chart_new (OD_CHART_BAR);
  static const struct { double fen; const char *text; } cases[] = {
    { 3500000, "¥35,000.00" }, { 35000000, "¥350,000.00" }, { 1, "¥0.01" },
    { 3500001, "¥35,000.01" }, { 123456789, "¥1,234,567.89" }, { 0, "¥0.00" },
    { -250, "-¥2.50" },
  };

  od_chart_set_unit (chart, OD_CHART_UNIT_FEN);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = od_chart_format_value (chart, cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* --- data --- */

static void
test_data (void)
{
  static const double values[] = { 1, 2, 3 };
  g_autoptr(OdChart) chart = od_chart_new (OD_CHART_GROUPED_BAR);
  OdChart *ref;

  g_assert_cmpint (od_chart_get_kind (chart), ==, OD_CHART_GROUPED_BAR);
  g_assert_true (od_chart_is_empty (chart));
  g_assert_null (od_chart_get_title (chart));

  od_chart_set_title (chart, "培训人数");
  g_assert_cmpstr (od_chart_get_title (chart), ==, "培训人数");
  od_chart_set_categories (chart, years, 3);
  g_assert_true (od_chart_is_empty (chart));   /* categories but no series */
  od_chart_add_series (chart, "甲", values, 3);
  od_chart_add_series (chart, "乙", values, 2);  /* a missing value reads as 0 */
  g_assert_false (od_chart_is_empty (chart));
  g_assert_cmpuint (od_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpuint (od_chart_get_n_series (chart), ==, 2);

  /* Broken UTF-8 from a file is mended, not passed on to Pango. */
  od_chart_set_subtitle (chart, "宝鸡\xff市");
  od_chart_set_categories (chart, (const char *const[]) { "2015年", "\xe5\xae", "2017年" }, 3);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  for (guint i = 0; i < n_items (chart); i++)
    g_assert_true (g_utf8_validate (item_at (chart, i)->text, -1, NULL));
  od_chart_set_categories (chart, years, 3);

  ref = od_chart_ref (chart);
  g_assert_true (ref == chart);
  od_chart_unref (ref);

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 6);
  g_assert_cmpfloat (find_item (chart, OD_CHART_ITEM_MARK, 1, 2)->height, ==, 0);
}

/* --- bars --- */

static void
test_bar_proportional (void)
{
  static const double values[] = { 100, 200, 50 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, "培训人数", values);
  const OdChartItem *a, *b, *c;

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 3);
  a = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  b = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  c = find_item (chart, OD_CHART_ITEM_MARK, 0, 2);
  g_assert_cmpfloat (a->height, >, 20);
  g_assert_cmpfloat_with_epsilon (b->height, 2 * a->height, 1.0);
  g_assert_cmpfloat_with_epsilon (c->height, a->height / 2, 1.0);

  /* Bars stand on one baseline, left to right in category order. */
  g_assert_cmpfloat_with_epsilon (a->y + a->height, b->y + b->height, 0.01);
  g_assert_cmpfloat (a->x, <, b->x);
  g_assert_cmpfloat (b->x, <, c->x);

  /* Value labels read the values, and sit above their bars. */
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "200"));
  g_assert_cmpfloat (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "200")->y + 1, <, b->y + 1);
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 1)->text, ==, "200");

  /* Category labels, in order, under the bars. */
  for (guint i = 0; i < 3; i++)
    {
      const OdChartItem *label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, i);

      g_assert_nonnull (label);
      g_assert_cmpstr (label->text, ==, years[i]);
      g_assert_cmpfloat (label->y, >=, a->y + a->height);
      g_assert_cmpfloat (label->angle, ==, 0);
    }

  assert_labels_apart (chart, W, H);
}

static void
test_bar_ticks (void)
{
  static const double values[] = { 120, 937, 400 };
  static const char *const expected[] = { "0", "200", "400", "600", "800", "1,000", NULL };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, NULL, values);
  g_auto(GStrv) ticks = NULL;
  const OdChartItem *zero, *top, *bar;

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  ticks = tick_texts (chart);
  g_assert_cmpstrv (ticks, expected);

  /* The 0 tick is level with the bars' foot, and 1,000 above the 937 bar. */
  zero = find_text (chart, OD_CHART_ITEM_AXIS_LABEL, "0");
  top = find_text (chart, OD_CHART_ITEM_AXIS_LABEL, "1,000");
  bar = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  g_assert_cmpfloat_with_epsilon (zero->y + zero->height / 2, bar->y + bar->height, 0.5);
  g_assert_cmpfloat (top->y + top->height / 2, <, bar->y);
  g_assert_cmpfloat (zero->value, ==, 0);
  g_assert_cmpfloat (top->value, ==, 1000);

  /* Small counts never get fractional steps. */
  {
    static const double small[] = { 1, 3, 2 };
    static const char *const small_expected[] = { "0", "1", "2", "3", NULL };
    g_autoptr(OdChart) counts = make_chart (OD_CHART_BAR, years, 3, NULL, small);
    g_auto(GStrv) small_ticks = NULL;

    render_and_free (counts, W, H, OD_CHART_THEME_LIGHT);
    small_ticks = tick_texts (counts);
    g_assert_cmpstrv (small_ticks, small_expected);
  }
}

static void
test_bar_negative (void)
{
  static const double balance[] = { -50, 100, 0 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, "结余", balance);
  const OdChartItem *below, *above, *label;
  g_auto(GStrv) ticks = NULL;

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  below = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  above = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);

  /* Both bars start at 0: one hangs below the axis, one stands on it. */
  g_assert_cmpfloat_with_epsilon (below->y, above->y + above->height, 0.01);
  g_assert_cmpfloat_with_epsilon (below->height * 2, above->height, 1.0);
  ticks = tick_texts (chart);
  g_assert_true (g_str_has_prefix (ticks[0], "-"));
  g_assert_true (g_strv_contains ((const char *const *) ticks, "0"));

  /* A negative value is labelled under its bar. */
  label = find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "-50");
  g_assert_nonnull (label);
  g_assert_cmpfloat (label->y, >=, below->y + below->height);
  assert_labels_apart (chart, W, H);
}

static void
test_grouped_bar (void)
{
  static const double trained[] = { 800, 937, 1020 };
  static const double events[] = { 400, 1634, 510 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_GROUPED_BAR, years, 3, "培训人数", trained);
  const OdChartItem *a, *b;

  od_chart_add_series (chart, "活动人次", events, 3);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 6);
  a = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  b = find_item (chart, OD_CHART_ITEM_MARK, 1, 1);
  g_assert_cmpfloat (a->x + a->width, <=, b->x + 0.01);   /* side by side */
  g_assert_cmpfloat_with_epsilon (b->height / a->height, 1634.0 / 937.0, 1.0 / a->height + 0.01);
  g_assert_cmpstr (a->text, ==, "2016年 · 培训人数: 937");
  g_assert_cmpstr (b->text, ==, "2016年 · 活动人次: 1,634");

  /* A legend for the two series. */
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_LEGEND), ==, 2);
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_LEGEND, "培训人数"));
  g_assert_cmpint (find_text (chart, OD_CHART_ITEM_LEGEND, "活动人次")->series, ==, 1);

  assert_labels_apart (chart, W, H);
}

static void
test_stacked_bar (void)
{
  static const double cash[] = { 100, 200, 0 };
  static const double goods[] = { 100, 0, 50 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_STACKED_BAR, years, 3, "现金", cash);
  const OdChartItem *c0s0, *c0s1, *c1s0, *c2s1;

  od_chart_add_series (chart, "物资", goods, 3);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  c0s0 = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  c0s1 = find_item (chart, OD_CHART_ITEM_MARK, 1, 0);
  c1s0 = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  c2s1 = find_item (chart, OD_CHART_ITEM_MARK, 1, 2);

  /* Segments stack: the second starts where the first ends. */
  g_assert_cmpfloat_with_epsilon (c0s1->y + c0s1->height, c0s0->y, 0.01);
  g_assert_cmpfloat_with_epsilon (c0s0->x, c0s1->x, 0.01);
  /* 100 + 100 stands as tall as 200, and 50 is a quarter of that. */
  g_assert_cmpfloat_with_epsilon (c0s0->height + c0s1->height, c1s0->height, 1.0);
  g_assert_cmpfloat_with_epsilon (c2s1->height * 4, c1s0->height, 1.0);

  /* Totals above the stacks. */
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, -1, 0)->text, ==, "200");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, -1, 2)->text, ==, "50");
  g_assert_cmpfloat (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, -1, 0)->y + 0.5, <, c0s1->y);

  assert_labels_apart (chart, W, H);
}

static void
test_line (void)
{
  static const double general[] = { 0, 0, 86, 120, 95, 110, 0, 0, 160, 210, 156, 0 };
  static const double project[] = { 0, 40, 150, 200, 180, 170, 90, 0, 220, 260, 190, 140 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_LINE, months, 12, "培训人数", general);
  const OdChartItem *march, *october, *march_project;

  od_chart_add_series (chart, "执行项目培训", project, 12);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 24);
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_LEGEND), ==, 2);

  march = find_item (chart, OD_CHART_ITEM_MARK, 0, 2);
  october = find_item (chart, OD_CHART_ITEM_MARK, 0, 9);
  march_project = find_item (chart, OD_CHART_ITEM_MARK, 1, 2);
  g_assert_cmpstr (march->text, ==, "2017年3月 · 培训人数: 86");
  g_assert_cmpfloat (october->y, <, march->y);                     /* higher value, higher point */
  g_assert_cmpfloat_with_epsilon (march->x, march_project->x, 0.01); /* same month, same x */
  g_assert_cmpfloat (march_project->y, <, march->y);

  assert_labels_apart (chart, W, H);
}

/* --- labels --- */

/* N categories named PREFIX, a number, SUFFIX, and N_SERIES series of
 * varied values. */
static OdChart *
crowded_chart (OdChartKind kind,
               guint       n,
               guint       n_series,
               const char *prefix,
               const char *suffix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  OdChart *chart = od_chart_new (kind);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%s%u%s", prefix, i + 1, suffix));
  od_chart_set_categories (chart, (const char *const *) labels->pdata, n);

  for (guint s = 0; s < n_series; s++)
    {
      g_autofree double *values = g_new (double, n);
      g_autofree char *name = g_strdup_printf ("系列%u", s + 1);

      for (guint i = 0; i < n; i++)
        values[i] = kind == OD_CHART_STARS ? (i * 3 + s) % 11 / 2.0 : 1000 + (i * 7919 + s * 104729) % 123456;
      od_chart_add_series (chart, name, values, n);
    }

  return chart;
}

static void
test_labels_crowded_categories (void)
{
  g_autoptr(OdChart) chart = crowded_chart (OD_CHART_BAR, 24, 1, "宝鸡市第", "期社会组织培训班");
  g_autoptr(OdChart) wide = crowded_chart (OD_CHART_BAR, 24, 1, "第", "期");
  guint n_labels = 0;
  gboolean rotated = FALSE;

  render_and_free (chart, 400, 300, OD_CHART_THEME_LIGHT);
  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);

      if (item->kind != OD_CHART_ITEM_AXIS_LABEL || item->category < 0)
        continue;
      n_labels++;
      rotated |= item->angle != 0;
    }

  /* Turned, thinned or both — but never drawn over each other. */
  g_assert_true (rotated || n_labels < 24);
  g_assert_cmpuint (n_labels, >=, 2);
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 24);
  assert_labels_apart (chart, 400, 300);

  /* With room, every short label is drawn flat. */
  render_and_free (wide, 2400, 500, OD_CHART_THEME_LIGHT);
  n_labels = 0;
  for (guint i = 0; i < n_items (wide); i++)
    {
      const OdChartItem *item = item_at (wide, i);

      if (item->kind == OD_CHART_ITEM_AXIS_LABEL && item->category >= 0)
        {
          g_assert_cmpfloat (item->angle, ==, 0);
          n_labels++;
        }
    }
  g_assert_cmpuint (n_labels, ==, 24);
  assert_labels_apart (wide, 2400, 500);
}

static void
test_labels_wrapped (void)
{
  /* Twelve month names in a narrow chart: too wide on one line, fine on
   * two — broken after 年, never inside "10月". */
  static const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, months, 12, NULL, values);
  const OdChartItem *tick;

  render_and_free (chart, 520, 400, OD_CHART_THEME_LIGHT);
  tick = find_text (chart, OD_CHART_ITEM_AXIS_LABEL, "0");
  for (guint c = 0; c < 12; c++)
    {
      const OdChartItem *label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, c);

      g_assert_nonnull (label);
      g_assert_cmpstr (label->text, ==, months[c]);
      g_assert_cmpfloat (label->angle, ==, 0);
      g_assert_cmpfloat (label->height, >, tick->height * 1.5);
    }
  assert_labels_apart (chart, 520, 400);
}

static void
test_labels_rotated (void)
{
  /* Words that cannot wrap and are too wide side by side turn by 45°. */
  static const char *const rounds[] = {
    "Round2017A", "Round2017B", "Round2017C", "Round2017D",
    "Round2017E", "Round2017F", "Round2017G", "Round2017H",
  };
  static const double values[] = { 86, 90, 75, 120, 95, 88, 101, 93 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, rounds, 8, NULL, values);
  const OdChartItem *bar;

  render_and_free (chart, 480, 400, OD_CHART_THEME_LIGHT);
  bar = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  for (guint c = 0; c < 8; c++)
    {
      const OdChartItem *label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, c);

      g_assert_nonnull (label);
      g_assert_cmpstr (label->text, ==, rounds[c]);
      g_assert_cmpfloat_with_epsilon (label->angle, -G_PI / 4, 1e-9);
      /* The box bounds the turned text: about as tall as wide, below the bars. */
      g_assert_cmpfloat (label->height, >, label->width * 0.7);
      g_assert_cmpfloat (label->y, >=, bar->y + bar->height);
    }
  assert_labels_apart (chart, 480, 400);
}

static void
test_labels_dropped (void)
{
  g_autoptr(OdChart) chart = crowded_chart (OD_CHART_GROUPED_BAR, 12, 6, "", "月");
  guint n_marks, n_values;

  render_and_free (chart, 500, 300, OD_CHART_THEME_LIGHT);
  n_marks = count_kind (chart, OD_CHART_ITEM_MARK);
  n_values = count_kind (chart, OD_CHART_ITEM_VALUE_LABEL);

  /* Too many values for the room: some labels give way… */
  g_assert_cmpuint (n_marks, ==, 72);
  g_assert_cmpuint (n_values, <, n_marks);
  assert_labels_apart (chart, 500, 300);

  /* …but every value is still in its mark's tooltip. */
  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);
      g_autofree char *value = NULL;

      if (item->kind != OD_CHART_ITEM_MARK)
        continue;
      value = od_chart_format_value (chart, item->value);
      g_assert_true (g_str_has_suffix (item->text, value));
    }
}

/* Every kind, crowded or not, every theme, three sizes: no text meets another. */
static void
test_labels_apart_everywhere (void)
{
  static const struct { int width, height; } sizes[] = { { 320, 200 }, { 640, 400 }, { 1200, 700 } };
  static const OdChartTheme themes[] = { OD_CHART_THEME_LIGHT, OD_CHART_THEME_DARK, OD_CHART_THEME_PRINT };
  static const guint counts[] = { 3, 9, 30 };

  for (OdChartKind kind = OD_CHART_BAR; kind <= OD_CHART_PROGRESS; kind++)
    for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          guint n_series = kind == OD_CHART_BAR || kind == OD_CHART_PIE || kind == OD_CHART_DONUT
                           || kind == OD_CHART_RANKING || kind == OD_CHART_STARS ? 1 : 3;
          g_autoptr(OdChart) chart = crowded_chart (kind, counts[k], n_series,
                                                    "宝鸡市第", "社会组织服务中心");

          od_chart_set_title (chart, "2017年度宝鸡市社会组织工作情况");
          od_chart_set_subtitle (chart, "数据来源：宝鸡市社会组织促进会");
          if (kind == OD_CHART_PROGRESS || kind % 3 == 0)
            od_chart_set_unit (chart, OD_CHART_UNIT_FEN);

          for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
            {
              g_free (current_case);
              current_case = g_strdup_printf ("kind %d, %u categories, %d×%d, theme %d", kind,
                                              counts[k], sizes[s].width, sizes[s].height, themes[t]);
              render_and_free (chart, sizes[s].width, sizes[s].height, themes[t]);
              g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), >, 0);
              assert_labels_apart (chart, sizes[s].width, sizes[s].height);
            }
        }

  g_clear_pointer (&current_case, g_free);
}

/* --- rows --- */

static void
test_ranking_long_label (void)
{
  static const char *const names[] = {
    "宝鸡市餐饮饭店行业协会暨陕西省烹饪协会会",
    "宝鸡市江苏商会",
    "宝鸡市养生协会",
  };
  static const double values[] = { 1634, 937, 152 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_RANKING, names, 3, "参与人次", values);
  const OdChartItem *label, *mark, *second;
  double one_line;

  g_assert_cmpint (g_utf8_strlen (names[0], -1), ==, 20);

  /* With room, on one line; the bars start after the longest name. */
  render_and_free (chart, 800, 300, OD_CHART_THEME_LIGHT);
  label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 0);
  one_line = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 1)->height;
  g_assert_cmpfloat_with_epsilon (label->height, one_line, 0.01);
  g_assert_cmpfloat (label->x + label->width, <=, find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->x);
  assert_labels_apart (chart, 800, 300);

  /* Narrower, it wraps to two lines instead of running into the bars… */
  render_and_free (chart, 400, 300, OD_CHART_THEME_LIGHT);
  label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 0);
  mark = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  one_line = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 1)->height;
  g_assert_cmpfloat (label->height, >, one_line * 1.5);
  g_assert_cmpfloat (label->x + label->width, <=, mark->x);
  /* …and never loses the name: whole in its label item and in the tooltip. */
  g_assert_cmpstr (label->text, ==, names[0]);
  g_assert_cmpstr (mark->text, ==, "宝鸡市餐饮饭店行业协会暨陕西省烹饪协会会 · 参与人次: 1,634");

  /* Horizontal bars, top to bottom in the given order, proportional. */
  second = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  g_assert_cmpfloat (mark->y, <, second->y);
  g_assert_cmpfloat_with_epsilon (second->width / mark->width, 937.0 / 1634.0, 0.01);
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "1,634"));
  assert_labels_apart (chart, 400, 300);

  /* Very narrow, the name is shortened on screen; the item keeps it whole. */
  render_and_free (chart, 200, 300, OD_CHART_THEME_LIGHT);
  label = find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 0);
  g_assert_cmpstr (label->text, ==, names[0]);
  g_assert_cmpfloat (label->x + label->width, <=, find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->x);
  g_assert_nonnull (strstr (find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->text, names[0]));
  assert_labels_apart (chart, 200, 300);
}

static void
test_stars (void)
{
  static const char *const names[] = { "宝鸡市上善公益援助中心", "宝鸡市养生协会", "宝鸡市江苏商会" };
  static const double stars[] = { 3.5, 4, 0 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_STARS, names, 3, NULL, stars);
  cairo_surface_t *surface;
  const OdChartItem *row;
  double cell, cy;

  surface = render (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 3);
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 1)->text, ==, "4A");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 0)->text, ==, "3.5");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 2)->text, ==, "No grade");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_MARK, 0, 1)->text, ==, "宝鸡市养生协会: 4A");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 1)->text, ==, "宝鸡市养生协会");

  /* The mark is five square cells with one star each: 3.5 is three
   * filled stars, a fourth filled on its left half only, and an empty one. */
  row = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  cell = row->width / 5;
  cy = row->y + row->height / 2 + cell * 0.03;
  g_assert_cmpfloat (cell, >=, 16);
  g_assert_cmpfloat_with_epsilon (row->height, cell, 0.01);
  for (guint i = 0; i < 5; i++)
    {
      double cx = row->x + (i + 0.5) * cell;
      gboolean left = pixel_is (surface, cx - cell * 0.11, cy, 0xE69F00);
      gboolean right = pixel_is (surface, cx + cell * 0.11, cy, 0xE69F00);

      g_test_message ("star %u: left %d right %d", i, left, right);
      g_assert_true (left == (i <= 3));
      g_assert_true (right == (i <= 2));
    }

  /* Star rows sit right of their names. */
  g_assert_cmpfloat (find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 0)->x, <, row->x);

  cairo_surface_destroy (surface);
  assert_labels_apart (chart, W, H);
}

static void
test_progress (void)
{
  static const char *const villages[] = { "麟游县常丰镇许家村", "渭滨区高家镇晁峪村" };
  static const double done[] = { 65, 30 };
  static const double target[] = { 100, 40 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_PROGRESS, villages, 2, "已完成", done);
  const OdChartItem *mark, *percent;

  od_chart_add_series (chart, "承诺", target, 2);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  percent = find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "65%");
  g_assert_nonnull (percent);
  g_assert_cmpint (percent->category, ==, 0);
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "75%"));
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "65 / 100"));
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "30 / 40"));

  mark = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  g_assert_cmpstr (mark->text, ==, "麟游县常丰镇许家村: 65 / 100 (65%)");
  g_assert_cmpfloat (percent->x, >=, mark->x + mark->width);

  /* Money, and a target met exactly and one nearly met. */
  {
    static const double fen_done[] = { 3500000, 9995 };
    static const double fen_target[] = { 3500000, 10000 };
    g_autoptr(OdChart) money = make_chart (OD_CHART_PROGRESS, villages, 2, NULL, fen_done);

    od_chart_set_unit (money, OD_CHART_UNIT_FEN);
    od_chart_add_series (money, NULL, fen_target, 2);
    render_and_free (money, W, H, OD_CHART_THEME_LIGHT);
    g_assert_cmpstr (find_item (money, OD_CHART_ITEM_VALUE_LABEL, 0, 0)->text, ==, "100%");
    g_assert_nonnull (find_text (money, OD_CHART_ITEM_VALUE_LABEL, "3.5万元 / 3.5万元"));
    g_assert_nonnull (find_text (money, OD_CHART_ITEM_VALUE_LABEL, "99%"));
    g_assert_cmpstr (find_item (money, OD_CHART_ITEM_MARK, 0, 0)->text, ==,
                     "麟游县常丰镇许家村: ¥35,000.00 / ¥35,000.00 (100%)");
  }

  assert_labels_apart (chart, W, H);
}

/* --- circular --- */

static guint
sum_percent_labels (OdChart *chart)
{
  guint sum = 0;

  for (guint i = 0; i < n_items (chart); i++)
    {
      const OdChartItem *item = item_at (chart, i);

      if (item->kind == OD_CHART_ITEM_VALUE_LABEL && item->category >= 0)
        {
          g_assert_true (g_str_has_suffix (item->text, "%"));
          sum += (guint) g_ascii_strtoull (item->text, NULL, 10);
        }
    }

  return sum;
}

static void
test_pie (void)
{
  static const char *const types[] = { "社会团体", "社会服务机构", "基金会" };
  static const double half[] = { 50, 25, 25 };
  static const double thirds[] = { 1, 1, 1 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_PIE, types, 3, NULL, half);
  g_autoptr(OdChart) equal = make_chart (OD_CHART_PIE, types, 3, NULL, thirds);
  const OdChartItem *a, *b, *c;

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  a = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  b = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  c = find_item (chart, OD_CHART_ITEM_MARK, 0, 2);

  /* A mark's angle is the slice's sweep. */
  g_assert_cmpfloat_with_epsilon (a->angle, G_PI, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->angle, G_PI / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->angle, G_PI / 2, 1e-9);
  g_assert_cmpstr (a->text, ==, "社会团体: 50 (50%)");

  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 0)->text, ==, "50%");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_VALUE_LABEL, 0, 1)->text, ==, "25%");
  g_assert_cmpuint (sum_percent_labels (chart), ==, 100);

  /* A legend entry per slice, with its share. */
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_LEGEND), ==, 3);
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_LEGEND, "社会团体 50%"));
  g_assert_cmpint (find_text (chart, OD_CHART_ITEM_LEGEND, "基金会 25%")->category, ==, 2);
  assert_labels_apart (chart, W, H);

  /* Thirds round to 34 + 33 + 33, never 99. */
  render_and_free (equal, W, H, OD_CHART_THEME_LIGHT);
  g_assert_cmpuint (sum_percent_labels (equal), ==, 100);
  g_assert_cmpstr (find_item (equal, OD_CHART_ITEM_VALUE_LABEL, 0, 0)->text, ==, "34%");
}

static void
test_donut (void)
{
  static const char *const themes[] = { "扶贫济困", "救孤助残", "支教助学", "关爱儿童" };
  static const double fen[] = { 20000000, 10000000, 3500000, 1500000 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_DONUT, themes, 4, NULL, fen);
  const OdChartItem *total;
  const OdChartItem *slice;

  od_chart_set_unit (chart, OD_CHART_UNIT_FEN);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  /* The total in the middle, in 万元; exact amounts in the tooltips. */
  total = find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "35万元");
  g_assert_nonnull (total);
  g_assert_cmpfloat (total->value, ==, 35000000);
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "Total"));
  slice = find_item (chart, OD_CHART_ITEM_MARK, 0, 2);
  g_assert_cmpstr (slice->text, ==, "支教助学: ¥35,000.00 (10%)");
  g_assert_cmpuint (sum_percent_labels (chart), ==, 100);

  /* The total sits in the hole: the centre of the slices' boxes. */
  {
    double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

    for (guint i = 0; i < n_items (chart); i++)
      if (item_at (chart, i)->kind == OD_CHART_ITEM_MARK)
        {
          left = MIN (left, item_at (chart, i)->x);
          right = MAX (right, item_at (chart, i)->x + item_at (chart, i)->width);
        }
    g_assert_cmpfloat_with_epsilon (total->x + total->width / 2, (left + right) / 2, 1.0);
  }

  assert_labels_apart (chart, W, H);
}

static void
test_radar (void)
{
  static const char *const indicators[] = { "基础条件", "内部治理", "工作绩效", "社会评价", "党的建设" };
  static const double maxima[] = { 100, 300, 400, 100, 100 };
  static const double half[] = { 50, 150, 200, 50, 50 };
  static const double mixed[] = { 90, 240, 330, 85, 100 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_RADAR, indicators, 5, "满分", maxima);
  double cx = 0, cy = 0, outer2 = 0;

  od_chart_add_series (chart, "一半", half, 5);
  od_chart_add_series (chart, "宝鸡市养生协会", mixed, 5);
  od_chart_set_maxima (chart, maxima, 5);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 15);
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_LEGEND), ==, 3);

  /* Full scores, 100 on one axis and 400 on another, all reach the same
   * outer ring: the centre is their centroid. */
  for (guint c = 0; c < 5; c++)
    {
      const OdChartItem *point = find_item (chart, OD_CHART_ITEM_MARK, 0, c);

      cx += (point->x + point->width / 2) / 5;
      cy += (point->y + point->height / 2) / 5;
    }
  for (guint c = 0; c < 5; c++)
    {
      const OdChartItem *full = find_item (chart, OD_CHART_ITEM_MARK, 0, c);
      const OdChartItem *halfway = find_item (chart, OD_CHART_ITEM_MARK, 1, c);
      double fx = full->x + full->width / 2 - cx, fy = full->y + full->height / 2 - cy;
      double hx = halfway->x + halfway->width / 2 - cx, hy = halfway->y + halfway->height / 2 - cy;
      double full2 = fx * fx + fy * fy;
      double half2 = hx * hx + hy * hy;

      /* Squared distances: the same for every full score, a quarter at half. */
      if (c == 0)
        outer2 = full2;
      g_assert_cmpfloat (outer2, >, 50 * 50);
      g_assert_cmpfloat_with_epsilon (full2 / outer2, 1, 1e-4);
      g_assert_cmpfloat_with_epsilon (half2 / outer2, 0.25, 1e-4);
    }

  /* The first indicator points up. */
  g_assert_cmpfloat_with_epsilon (find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->x
                                  + find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->width / 2, cx, 0.01);

  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_AXIS_LABEL, -1, 2)->text, ==, "工作绩效 (400)");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_MARK, 2, 2)->text, ==,
                   "工作绩效 · 宝鸡市养生协会: 330 / 400");
  assert_labels_apart (chart, W, H);
}

/* --- empty --- */

static void
assert_empty_state (OdChart    *chart,
                    const char *text)
{
  const OdChartItem *empty;

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  g_assert_true (od_chart_is_empty (chart));
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_MARK), ==, 0);
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_EMPTY), ==, 1);
  empty = find_item (chart, OD_CHART_ITEM_EMPTY, -1, -1);
  g_assert_cmpstr (empty->text, ==, text);
  g_assert_cmpfloat_with_epsilon (empty->x + empty->width / 2, W / 2.0, 1.0);
  g_assert_null (od_chart_hit_test (chart, W / 2.0, H / 2.0));
}

static void
test_empty (void)
{
  static const double zeros[] = { 0, 0, 0 };
  g_autoptr(OdChart) none = od_chart_new (OD_CHART_BAR);
  g_autoptr(OdChart) no_series = make_chart (OD_CHART_LINE, years, 3, NULL, NULL);
  g_autoptr(OdChart) zero_pie = make_chart (OD_CHART_PIE, years, 3, NULL, zeros);
  g_autoptr(OdChart) zero_bar = make_chart (OD_CHART_BAR, years, 3, NULL, zeros);

  assert_empty_state (none, "No data");
  assert_empty_state (no_series, "No data");

  od_chart_set_title (zero_pie, "2017年捐赠构成");
  od_chart_set_empty_text (zero_pie, "No data for 2017");
  assert_empty_state (zero_pie, "No data for 2017");
  g_assert_nonnull (find_text (zero_pie, OD_CHART_ITEM_TITLE, "2017年捐赠构成"));

  /* Zero bars are data, not an empty chart. */
  render_and_free (zero_bar, W, H, OD_CHART_THEME_LIGHT);
  g_assert_false (od_chart_is_empty (zero_bar));
  g_assert_cmpuint (count_kind (zero_bar, OD_CHART_ITEM_EMPTY), ==, 0);
  g_assert_cmpuint (count_kind (zero_bar, OD_CHART_ITEM_MARK), ==, 3);
}

/* --- units --- */

static void
test_unit_fen (void)
{
  static const char *const orgs[] = { "宝鸡市上善公益援助中心", "宝鸡市江苏商会" };
  static const double large[] = { 35000000, 12000001 };
  static const double small[] = { 350000, 80050 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, orgs, 2, "捐赠", large);
  g_autoptr(OdChart) yuan = make_chart (OD_CHART_BAR, orgs, 2, "捐赠", small);
  g_auto(GStrv) ticks = NULL;
  g_auto(GStrv) yuan_ticks = NULL;

  od_chart_set_unit (chart, OD_CHART_UNIT_FEN);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  /* Axis in 万, labels in 万元, tooltips to the fen. */
  ticks = tick_texts (chart);
  g_assert_cmpstr (ticks[0], ==, "0");
  g_assert_true (g_strv_contains ((const char *const *) ticks, "35万")
                 || g_strv_contains ((const char *const *) ticks, "40万"));
  for (guint i = 1; ticks[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (ticks[i], "万"));
  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "35万元"));
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_MARK, 0, 0)->text, ==,
                   "宝鸡市上善公益援助中心 · 捐赠: ¥350,000.00");
  g_assert_cmpstr (find_item (chart, OD_CHART_ITEM_MARK, 0, 1)->text, ==,
                   "宝鸡市江苏商会 · 捐赠: ¥120,000.01");

  /* Below 10,000 yuan the axis reads in yuan. */
  od_chart_set_unit (yuan, OD_CHART_UNIT_FEN);
  render_and_free (yuan, W, H, OD_CHART_THEME_LIGHT);
  yuan_ticks = tick_texts (yuan);
  g_assert_true (g_strv_contains ((const char *const *) yuan_ticks, "¥500"));
  g_assert_true (g_strv_contains ((const char *const *) yuan_ticks, "¥3,500"));
  g_assert_nonnull (find_text (yuan, OD_CHART_ITEM_VALUE_LABEL, "3,500元"));
  g_assert_nonnull (find_text (yuan, OD_CHART_ITEM_VALUE_LABEL, "800.5元"));
}

static void
test_unit_percent (void)
{
  static const double rates[] = { 45, 80, 100 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, "党组织覆盖率", rates);
  g_auto(GStrv) ticks = NULL;

  od_chart_set_unit (chart, OD_CHART_UNIT_PERCENT);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  g_assert_nonnull (find_text (chart, OD_CHART_ITEM_VALUE_LABEL, "45%"));
  ticks = tick_texts (chart);
  for (guint i = 0; ticks[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (ticks[i], "%"));
  g_assert_true (g_strv_contains ((const char *const *) ticks, "100%"));
}

/* --- pixels --- */

static void
test_pixels_series_colour (void)
{
  static const double values[] = { 100, 200 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_GROUPED_BAR, years, 2, "甲", values);
  cairo_surface_t *surface;
  const OdChartItem *a, *b;

  od_chart_add_series (chart, "乙", values, 2);
  surface = render (chart, W, H, OD_CHART_THEME_LIGHT);

  /* Okabe–Ito blue, then orange; the background white. */
  a = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  b = find_item (chart, OD_CHART_ITEM_MARK, 1, 1);
  g_assert_true (pixel_is (surface, a->x + a->width / 2, a->y + a->height / 2, 0x0072B2));
  g_assert_true (pixel_is (surface, b->x + b->width / 2, b->y + b->height / 2, 0xE69F00));
  g_assert_true (pixel_is (surface, 1, 1, 0xFFFFFF));
  /* In the light theme a bar is flat colour. */
  g_assert_cmpfloat (luminance_variance (surface, b), <, 1e-6);

  cairo_surface_destroy (surface);
}

static void
test_pixels_dark (void)
{
  static const double values[] = { 100, 200, 150 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, NULL, values);
  cairo_surface_t *surface;
  const OdChartItem *label;
  double darkest = 1, lightest = 0;

  od_chart_set_title (chart, "培训人数");
  surface = render (chart, W, H, OD_CHART_THEME_DARK);

  g_assert_cmpfloat (luminance_at (surface, 1, 1), <, 0.2);
  g_assert_cmpfloat (luminance_at (surface, W - 2, H - 2), <, 0.2);

  /* The title's text is light on the dark ground. */
  label = find_text (chart, OD_CHART_ITEM_TITLE, "培训人数");
  for (double y = label->y; y < label->y + label->height; y++)
    for (double x = label->x; x < label->x + label->width; x++)
      {
        double l = luminance_at (surface, x, y);

        darkest = MIN (darkest, l);
        lightest = MAX (lightest, l);
      }
  g_assert_cmpfloat (darkest, <, 0.2);
  g_assert_cmpfloat (lightest, >, 0.8);

  cairo_surface_destroy (surface);
}

static void
test_pixels_print_pattern (void)
{
  static const double values[] = { 900, 800 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_GROUPED_BAR, years, 2, "甲", values);
  cairo_surface_t *surface;

  od_chart_add_series (chart, "乙", values, 2);
  od_chart_add_series (chart, "丙", values, 2);
  surface = render (chart, W, H, OD_CHART_THEME_PRINT);

  /* The first series solid, the later ones textured, so that a greyscale
   * print tells them apart. */
  g_assert_cmpfloat (luminance_variance (surface, find_item (chart, OD_CHART_ITEM_MARK, 0, 0)), <, 1e-6);
  g_assert_cmpfloat (luminance_variance (surface, find_item (chart, OD_CHART_ITEM_MARK, 1, 0)), >, 0.005);
  g_assert_cmpfloat (luminance_variance (surface, find_item (chart, OD_CHART_ITEM_MARK, 2, 0)), >, 0.005);
  /* Direct labels stay. */
  g_assert_cmpuint (count_kind (chart, OD_CHART_ITEM_VALUE_LABEL), ==, 6);

  cairo_surface_destroy (surface);
}

/* --- files --- */

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;

  return size >= length && memcmp (contents, magic, length) == 0;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *program = od_test_require_program (tool, "poppler-utils");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { NULL, path, NULL, NULL };
  int status = 0;

  argv[0] = program;
  if (g_str_equal (tool, "pdftotext"))
    argv[2] = "-";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static void
test_save (void)
{
  static const char *const kinds[] = { "社会团体", "社会服务机构", "基金会" };
  static const double values[] = { 270, 130, 12 };
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, kinds, 3, "组织数", values);
  g_autoptr(GError) error = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;

  od_chart_set_title (chart, "宝鸡市社会组织类型分布");

  g_assert_true (od_chart_save (chart, png, 640, 400, &error));
  g_assert_no_error (error);
  g_assert_true (od_chart_save (chart, pdf, 480, 300, &error));
  g_assert_no_error (error);
  g_assert_true (od_chart_save (chart, svg, 480, 300, &error));
  g_assert_no_error (error);

  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  g_assert_true (file_starts_with (pdf, "%PDF-", 5));
  g_assert_true (file_starts_with (svg, "<?xml", 5));

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);

  /* The PDF embeds the CJK font and keeps the Chinese text extractable. */
  fonts = run_tool ("pdffonts", pdf);
    {
      g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
      gboolean embedded = FALSE;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
          g_autoptr(GPtrArray) words = g_ptr_array_new ();

          if (strstr (lines[i], "NotoSansCJK") == NULL)
            continue;
          for (guint j = 0; fields[j] != NULL; j++)
            if (fields[j][0] != '\0')
              g_ptr_array_add (words, fields[j]);
          /* … emb sub uni object ID */
          g_assert_cmpuint (words->len, >=, 6);
          embedded |= g_str_equal (g_ptr_array_index (words, words->len - 5), "yes");
        }
      g_assert_true (embedded);
    }

  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "宝鸡市社会组织类型分布"));
  g_assert_nonnull (strstr (text, "社会服务机构"));

  od_test_remove_tree (dir);
}

static void
test_save_errors (void)
{
  static const double values[] = { 1, 2, 3 };
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *bmp = g_build_filename (dir, "chart.bmp", NULL);
  g_autofree char *bare = g_build_filename (dir, "chart", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "chart.png", NULL);
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, NULL, values);
  g_autoptr(GError) error = NULL;

  g_assert_false (od_chart_save (chart, bmp, 100, 100, &error));
  g_assert_error (error, OD_CHART_ERROR, OD_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".png, .pdf or .svg"));
  g_clear_error (&error);

  g_assert_false (od_chart_save (chart, bare, 100, 100, &error));
  g_assert_error (error, OD_CHART_ERROR, OD_CHART_ERROR_FORMAT);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const extensions[] = { "png", "pdf", "svg" };
      g_autofree char *path = g_build_filename (dir, "no such folder", "chart", NULL);
      g_autofree char *file = g_strconcat (path, ".", extensions[i], NULL);

      g_assert_false (od_chart_save (chart, file, 100, 100, &error));
      g_assert_error (error, OD_CHART_ERROR, OD_CHART_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, file));
      g_assert_nonnull (strstr (error->message, "Check that the folder exists"));
      g_clear_error (&error);
    }

  g_assert_cmpuint (od_test_count_files (dir), ==, 0);
  od_test_remove_tree (dir);
}

/* --- table, hit test, items --- */

static void
test_table (void)
{
  static const double trained[] = { 800, 937, 1020 };
  static const double marks[] = { 1200, 1634, 0.5 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_GROUPED_BAR, years, 3, "培训人数", trained);
  g_autoptr(OdTable) table = NULL;
  g_autofree char *csv = NULL;

  od_chart_add_series (chart, "考勤人次", marks, 3);
  table = od_chart_to_table (chart);

  g_assert_cmpuint (od_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (od_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (od_table_get_header (table, 0), ==, "Category");
  g_assert_cmpstr (od_table_get_header (table, 1), ==, "培训人数");
  g_assert_cmpstr (od_table_get_header (table, 2), ==, "考勤人次");
  g_assert_cmpstr (od_table_get_cell (table, 1, 0), ==, "2016年");
  g_assert_cmpstr (od_table_get_cell (table, 1, 1), ==, "937");
  g_assert_cmpstr (od_table_get_cell (table, 1, 2), ==, "1,634");
  g_assert_cmpstr (od_table_get_cell (table, 2, 2), ==, "0.5");
  g_assert_cmpint (od_table_get_align (table, 0), ==, OD_TABLE_ALIGN_START);
  g_assert_cmpint (od_table_get_align (table, 1), ==, OD_TABLE_ALIGN_END);
  g_assert_cmpint (od_table_get_align (table, 2), ==, OD_TABLE_ALIGN_END);

  csv = od_table_to_csv (table);
  g_assert_true (g_str_has_prefix (csv, "Category,培训人数,考勤人次\r\n2015年,800,\"1,200\"\r\n"));

  /* Money in the table is exact. */
  {
    static const double fen[] = { 3500001 };
    g_autoptr(OdChart) money = make_chart (OD_CHART_BAR, years, 1, NULL, fen);
    g_autoptr(OdTable) money_table = NULL;

    od_chart_set_unit (money, OD_CHART_UNIT_FEN);
    money_table = od_chart_to_table (money);
    g_assert_cmpstr (od_table_get_header (money_table, 1), ==, "Series 1");
    g_assert_cmpstr (od_table_get_cell (money_table, 0, 1), ==, "¥35,000.01");
  }
}

static void
test_hit_test (void)
{
  static const double values[] = { 100, 200, 150 };
  static const double shares[] = { 10, 80, 10 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, "培训人数", values);
  g_autoptr(OdChart) pie = make_chart (OD_CHART_PIE, years, 3, NULL, shares);
  const OdChartItem *bar, *hit;

  g_assert_null (od_chart_hit_test (chart, 10, 10));  /* nothing rendered yet */

  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  bar = find_item (chart, OD_CHART_ITEM_MARK, 0, 1);
  hit = od_chart_hit_test (chart, bar->x + bar->width / 2, bar->y + bar->height / 2);
  g_assert_true (hit == bar);
  g_assert_cmpstr (hit->text, ==, "2016年 · 培训人数: 200");

  /* Next to the bar, over a label or the background: no mark. */
  g_assert_null (od_chart_hit_test (chart, bar->x - 2, bar->y + bar->height / 2));
  g_assert_null (od_chart_hit_test (chart, bar->x + bar->width / 2, bar->y - 3));
  g_assert_null (od_chart_hit_test (chart, 1, 1));

  /* Slices follow their wedge, not their box. 10% runs from twelve
   * o'clock to 36°, 80% on to 324°, the last 10% back to twelve. */
  render_and_free (pie, W, H, OD_CHART_THEME_LIGHT);
  {
    const OdChartItem *first = find_item (pie, OD_CHART_ITEM_MARK, 0, 0);
    const OdChartItem *big = find_item (pie, OD_CHART_ITEM_MARK, 0, 1);
    const OdChartItem *last = find_item (pie, OD_CHART_ITEM_MARK, 0, 2);
    /* The big slice reaches the left, right and bottom of the circle. */
    double radius = big->width / 2;
    double cx = big->x + radius;
    double cy = big->y + big->height - radius;
    double x, y;

    /* Just before twelve o'clock: the last slice; just after: the first. */
    g_assert_true (od_chart_hit_test (pie, cx - radius * 0.05, cy - radius * 0.5) == last);
    g_assert_true (od_chart_hit_test (pie, cx + radius * 0.05, cy - radius * 0.5) == first);

    /* Inside the last slice's box — which is on top — but in the big slice. */
    x = cx - radius * 0.5;
    y = cy - radius * 0.2;
    g_assert_cmpfloat (x, >=, last->x);
    g_assert_cmpfloat (y, >=, last->y);
    g_assert_cmpfloat (y, <=, last->y + last->height);
    g_assert_true (od_chart_hit_test (pie, x, y) == big);

    /* Outside the circle, inside the boxes: nothing. */
    g_assert_null (od_chart_hit_test (pie, cx + radius * 0.95, cy + radius * 0.95));
  }
}

static void
test_items_per_render (void)
{
  static const double values[] = { 100, 200, 150 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 3, NULL, values);
  guint first;

  od_chart_set_title (chart, "标题");
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  first = n_items (chart);
  g_assert_cmpuint (first, >, 0);
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);
  g_assert_cmpuint (n_items (chart), ==, first);

  /* Coordinates are those of the last render. */
  render_and_free (chart, W * 2, H * 2, OD_CHART_THEME_LIGHT);
  g_assert_cmpfloat (find_item (chart, OD_CHART_ITEM_MARK, 0, 2)->x, >, W);

  /* A render of no size draws nothing and records nothing. */
  render_and_free (chart, 0, 0, OD_CHART_THEME_LIGHT);
  g_assert_cmpuint (n_items (chart), ==, 0);
}

static void
test_title (void)
{
  static const double values[] = { 10, 9 };
  g_autoptr(OdChart) chart = make_chart (OD_CHART_BAR, years, 2, NULL, values);
  g_autoptr(OdChart) large = make_chart (OD_CHART_BAR, years, 2, NULL, values);
  const OdChartItem *title, *subtitle, *mark;
  double small_height, big_height, huge_height;

  od_chart_set_title (chart, "2017年度培训情况");
  od_chart_set_subtitle (chart, "普通培训班与执行项目培训班");
  render_and_free (chart, W, H, OD_CHART_THEME_LIGHT);

  title = find_item (chart, OD_CHART_ITEM_TITLE, -1, -1);
  g_assert_cmpstr (title->text, ==, "2017年度培训情况");
  subtitle = find_text (chart, OD_CHART_ITEM_TITLE, "普通培训班与执行项目培训班");
  g_assert_nonnull (subtitle);
  g_assert_cmpfloat (title->y + title->height, <=, subtitle->y);
  g_assert_cmpfloat_with_epsilon (title->x + title->width / 2, W / 2.0, 0.5);
  mark = find_item (chart, OD_CHART_ITEM_MARK, 0, 0);
  g_assert_cmpfloat (subtitle->y + subtitle->height, <, mark->y);

  /* Text grows with the chart, within bounds. */
  od_chart_set_title (large, "标题");
  render_and_free (large, 300, 200, OD_CHART_THEME_LIGHT);
  small_height = find_item (large, OD_CHART_ITEM_TITLE, -1, -1)->height;
  render_and_free (large, 1200, 800, OD_CHART_THEME_LIGHT);
  big_height = find_item (large, OD_CHART_ITEM_TITLE, -1, -1)->height;
  render_and_free (large, 3000, 2000, OD_CHART_THEME_LIGHT);
  huge_height = find_item (large, OD_CHART_ITEM_TITLE, -1, -1)->height;
  g_assert_cmpfloat (big_height, >, small_height * 1.4);
  g_assert_cmpfloat_with_epsilon (huge_height, big_height, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/format/count", test_format_count);
  g_test_add_func ("/chart/format/percent", test_format_percent);
  g_test_add_func ("/chart/format/fen", test_format_fen);
  g_test_add_func ("/chart/data", test_data);
  g_test_add_func ("/chart/bar/proportional", test_bar_proportional);
  g_test_add_func ("/chart/bar/ticks", test_bar_ticks);
  g_test_add_func ("/chart/bar/negative", test_bar_negative);
  g_test_add_func ("/chart/bar/grouped", test_grouped_bar);
  g_test_add_func ("/chart/bar/stacked", test_stacked_bar);
  g_test_add_func ("/chart/line", test_line);
  g_test_add_func ("/chart/labels/crowded-categories", test_labels_crowded_categories);
  g_test_add_func ("/chart/labels/wrapped", test_labels_wrapped);
  g_test_add_func ("/chart/labels/rotated", test_labels_rotated);
  g_test_add_func ("/chart/labels/dropped", test_labels_dropped);
  g_test_add_func ("/chart/labels/apart-everywhere", test_labels_apart_everywhere);
  g_test_add_func ("/chart/ranking/long-label", test_ranking_long_label);
  g_test_add_func ("/chart/stars", test_stars);
  g_test_add_func ("/chart/progress", test_progress);
  g_test_add_func ("/chart/pie", test_pie);
  g_test_add_func ("/chart/donut", test_donut);
  g_test_add_func ("/chart/radar", test_radar);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/unit/fen", test_unit_fen);
  g_test_add_func ("/chart/unit/percent", test_unit_percent);
  g_test_add_func ("/chart/pixels/series-colour", test_pixels_series_colour);
  g_test_add_func ("/chart/pixels/dark", test_pixels_dark);
  g_test_add_func ("/chart/pixels/print-pattern", test_pixels_print_pattern);
  g_test_add_func ("/chart/save/formats", test_save);
  g_test_add_func ("/chart/save/errors", test_save_errors);
  g_test_add_func ("/chart/table", test_table);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/items-per-render", test_items_per_render);
  g_test_add_func ("/chart/title", test_title);

  return g_test_run ();
}
