/* od-chart-text.c — the text of a chart: Pango layouts, labels that never
 * overlap, title, legend, empty state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text goes through Pango with the chart's language ("zh-cn" unless
 * set), so Han characters take their Simplified Chinese forms even where
 * the locale is not Chinese (DESIGN.md §8). A label is drawn only where its
 * box — the upright bounding box of the rotated text — stays inside the
 * chart and meets no other text; otherwise it is dropped, and the mark it
 * belongs to still carries its value in its tooltip.
 */

#define G_LOG_DOMAIN "orgdesk-chart-text"

#include <glib/gi18n.h>

#include "od-chart-private.h"

#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, sans-serif"

/* Legend rows above the plot before the rest is summed up as "N more". */
#define LEGEND_MAX_ROWS 3

/* --- helpers --- */

static gboolean
is_ascii_alnum (const char *p)
{
  return (guchar) *p < 0x80 && g_ascii_isalnum (*p);
}

/* A figure with its unit is one word in Chinese print: 2017年, 10月, 86人.
 * Line breaks are allowed around ideographs, so without this Pango would
 * happily set "2017年1" on one line and "月" on the next. */
static gboolean
joins_previous (const char *prev,
                const char *p)
{
  gunichar ch = g_utf8_get_char (p);

  return is_ascii_alnum (prev)
         && (is_ascii_alnum (p)
             || (ch >= 0x80 && !g_unichar_isspace (ch) && !g_unichar_ispunct (ch)));
}

static void
keep_figures_together (PangoLayout *layout,
                       const char  *text)
{
  PangoAttrList *attrs = NULL;
  const char *run = NULL;

  for (const char *p = text, *prev = NULL; ; prev = p, p = g_utf8_next_char (p))
    {
      gboolean joined = *p != '\0' && prev != NULL && joins_previous (prev, p);

      if (joined && run == NULL)
        run = prev;
      else if (!joined && run != NULL)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = run - text;
          attr->end_index = p - text;
          if (attrs == NULL)
            attrs = pango_attr_list_new ();
          pango_attr_list_insert (attrs, attr);
          run = NULL;
        }

      if (*p == '\0')
        break;
    }

  if (attrs != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
legend_swatch (OdChartRender *r,
               OdChartSwatch  swatch,
               guint          index,
               double         x,
               double         y_center,
               double         width,
               double         size)
{
  cairo_t *cr = r->cr;
  OdRgba color;
  double line_width;

  if (swatch == OD_CHART_SWATCH_BOX)
    {
      cairo_rectangle (cr, x, y_center - size / 2, width, size);
      _od_chart_fill_series (r, index, 1.0);
      return;
    }

  _od_chart_series_color (r, index, &color);
  line_width = MAX (1.5, r->font_px * 0.18);

  cairo_save (cr);
  _od_chart_set_color (cr, &color);
  cairo_set_line_width (cr, line_width);
  _od_chart_line_dash (r, index, line_width);
  cairo_move_to (cr, x, y_center);
  cairo_line_to (cr, x + width, y_center);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  _od_chart_marker_path (cr, index, x + width / 2, y_center, size * 0.42);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Draws one legend entry with its left edge at X; widens the item that
 * the text label records so that it covers the swatch too. */
static void
legend_entry (OdChartRender *r,
              PangoLayout   *layout,
              OdChartSwatch  swatch,
              int            index,
              gboolean       by_category,
              double         x,
              double         y_center,
              double         swatch_width,
              double         swatch_size)
{
  double text_x = x + swatch_width + r->gap;
  GArray *items = r->chart->items;
  OdChartItem *item;

  if (!_od_chart_draw_label (r, layout, OD_CHART_ITEM_LEGEND, text_x, y_center, 0, 0.5, 0,
                             &r->text, by_category ? -1 : index, by_category ? index : -1, 0,
                             OD_CHART_LABEL_DEFAULT))
    return;

  legend_swatch (r, swatch, index, x, y_center, swatch_width, swatch_size);

  item = &g_array_index (items, OdChartItem, items->len - 1);
  item->width += item->x - x;
  item->x = x;
  if (item->height < swatch_size)
    {
      item->y = y_center - swatch_size / 2;
      item->height = swatch_size;
    }
}

static PangoLayout *
more_layout (OdChartRender *r,
             guint          n_more)
{
  g_autofree char *text = NULL;

  /* Translators: last entry of a chart legend that has no room for the
   * others; %u is how many entries are left out */
  text = g_strdup_printf (ngettext ("%u more", "%u more", n_more), n_more);

  return _od_chart_layout_new (r, OD_CHART_FONT_SMALL, text);
}

/* --- internal API (od-chart-private.h) --- */

/* A layout for CR in the chart's font and language; TEXT may be NULL. */
PangoLayout *
_od_chart_layout_new (OdChartRender *r,
                      OdChartFont    font,
                      const char    *text)
{
  PangoLayout *layout = pango_cairo_create_layout (r->cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  double size = r->font_px;

  switch (font)
    {
    case OD_CHART_FONT_SMALL:
      size = MAX (9.0, r->font_px * 0.9);
      break;

    case OD_CHART_FONT_STRONG:
      weight = PANGO_WEIGHT_BOLD;
      break;

    case OD_CHART_FONT_LARGE:
      size = r->font_px * 1.6;
      weight = PANGO_WEIGHT_BOLD;
      break;

    case OD_CHART_FONT_TITLE:
      size = r->font_px * 1.3;
      weight = PANGO_WEIGHT_BOLD;
      break;

    case OD_CHART_FONT_SUBTITLE:
      size = r->font_px * 0.95;
      break;

    case OD_CHART_FONT_BODY:
    default:
      break;
    }

  pango_context_set_language (context, r->language);
  pango_cairo_context_set_font_options (context, r->font_options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  keep_figures_together (layout, pango_layout_get_text (layout));

  return layout;
}

/* Whether a wrapped LAYOUT had to break a figure from its unit (where
 * they were too wide for one line together). */
gboolean
_od_chart_layout_splits_figures (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      const PangoLayoutLine *line = l->data;
      const char *p = text + line->start_index;

      if (line->start_index > 0 && joins_previous (g_utf8_prev_char (p), p))
        return TRUE;
    }

  return FALSE;
}

/* Size of the layout's logical box, in user units. */
void
_od_chart_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

/* The box of LAYOUT drawn with the point (HALIGN, VALIGN) of its logical
 * box — (0, 0) top left, (1, 1) bottom right — at (X, Y), turned by ANGLE
 * around that point: the upright rectangle around the turned text. */
void
_od_chart_label_box (PangoLayout *layout,
                     double       x,
                     double       y,
                     double       halign,
                     double       valign,
                     double       angle,
                     OdRect      *box)
{
  double width, height;
  double left, top;
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double c, s;

  _od_chart_layout_size (layout, &width, &height);
  left = -halign * width;
  top = -valign * height;

  if (angle == 0)
    {
      *box = (OdRect) { x + left, y + top, width, height };
      return;
    }

  _od_chart_cos_sin (angle, &c, &s);
  for (guint i = 0; i < 4; i++)
    {
      double px = left + (i & 1 ? width : 0);
      double py = top + (i & 2 ? height : 0);
      double rx = x + px * c - py * s;
      double ry = y + px * s + py * c;

      min_x = MIN (min_x, rx);
      max_x = MAX (max_x, rx);
      min_y = MIN (min_y, ry);
      max_y = MAX (max_y, ry);
    }

  *box = (OdRect) { min_x, min_y, max_x - min_x, max_y - min_y };
}

/* TRUE when A and B share more than an edge. */
gboolean
_od_chart_rects_intersect (const OdRect *a,
                           const OdRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* TRUE when BOX lies inside the chart and meets no text drawn so far. */
gboolean
_od_chart_box_is_free (OdChartRender *r,
                       const OdRect  *box)
{
  const double slack = 0.5;
  GArray *items = r->chart->items;

  if (box->x < -slack || box->y < -slack
      || box->x + box->width > r->width + slack
      || box->y + box->height > r->height + slack)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const OdChartItem *item = &g_array_index (items, OdChartItem, i);
      OdRect other = { item->x, item->y, item->width, item->height };

      if (item->kind != OD_CHART_ITEM_MARK && _od_chart_rects_intersect (box, &other))
        return FALSE;
    }

  return TRUE;
}

/* Draws LAYOUT as _od_chart_label_box() places it and records it as an
 * item of KIND whose text is the layout's text (the whole of it, also where
 * Pango ellipsized it: that is the tooltip a shortened label needs).
 * Returns FALSE, drawing nothing, where the label does not fit. */
gboolean
_od_chart_draw_label (OdChartRender     *r,
                      PangoLayout       *layout,
                      OdChartItemKind    kind,
                      double             x,
                      double             y,
                      double             halign,
                      double             valign,
                      double             angle,
                      const OdRgba      *color,
                      int                series,
                      int                category,
                      double             value,
                      OdChartLabelFlags  flags)
{
  cairo_t *cr = r->cr;
  PangoRectangle logical;
  OdRect box;
  double width, height;

  _od_chart_label_box (layout, x, y, halign, valign, angle, &box);
  if (!(flags & OD_CHART_LABEL_FORCE) && !_od_chart_box_is_free (r, &box))
    return FALSE;

  pango_layout_get_extents (layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE;
  height = logical.height / (double) PANGO_SCALE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (angle != 0)
    cairo_rotate (cr, angle);

  if (flags & OD_CHART_LABEL_BACKDROP)
    {
      OdRgba plate = r->background;

      plate.a = 0.85;
      _od_chart_set_color (cr, &plate);
      cairo_rectangle (cr, -halign * width - 1, -valign * height, width + 2, height);
      cairo_fill (cr);
    }

  _od_chart_set_color (cr, color);
  cairo_move_to (cr,
                 -halign * width - logical.x / (double) PANGO_SCALE,
                 -valign * height - logical.y / (double) PANGO_SCALE);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);

  _od_chart_add_item (r, kind, &box, series, category, value, pango_layout_get_text (layout),
                      angle);

  return TRUE;
}

/* Title and subtitle, centred at the top, up to two lines each; the area
 * left for the plot starts below them. */
void
_od_chart_draw_title (OdChartRender *r)
{
  const char *texts[2] = { r->chart->title, r->chart->subtitle };
  const OdChartFont fonts[2] = { OD_CHART_FONT_TITLE, OD_CHART_FONT_SUBTITLE };
  const OdRgba *colors[2] = { &r->text, &r->text_muted };
  double y = r->area.y;
  gboolean any = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      if (texts[i] == NULL || texts[i][0] == '\0')
        continue;

      layout = _od_chart_layout_new (r, fonts[i], texts[i]);
      pango_layout_set_width (layout, (int) (MAX (1.0, r->area.width) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _od_chart_layout_size (layout, NULL, &height);

      if (_od_chart_draw_label (r, layout, OD_CHART_ITEM_TITLE, r->width / 2, y, 0.5, 0, 0,
                                colors[i], -1, -1, 0, OD_CHART_LABEL_DEFAULT))
        {
          y += height + r->gap * 0.5;
          any = TRUE;
        }
    }

  if (any)
    y += r->gap * 1.5;

  r->area.height -= y - r->area.y;
  r->area.y = y;
}

/* The empty text, centred where the plot would be. */
void
_od_chart_draw_empty (OdChartRender *r)
{
  const char *text = r->chart->empty_text;
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    /* Translators: shown in place of a chart that has nothing to draw */
    text = _("No data");

  layout = _od_chart_layout_new (r, OD_CHART_FONT_BODY, text);
  pango_layout_set_width (layout, (int) (MAX (1.0, r->area.width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  _od_chart_draw_label (r, layout, OD_CHART_ITEM_EMPTY,
                        r->area.x + r->area.width / 2,
                        r->area.y + MAX (0, r->area.height) / 2,
                        0.5, 0.5, 0, &r->text_muted, -1, -1, 0, OD_CHART_LABEL_FORCE);
}

/* A legend of N_TEXTS entries, entry i in the colour of series i (or of
 * category i for a pie: BY_CATEGORY). Above the plot in centred rows, or
 * AT_RIGHT in a column; entries that do not fit are counted in a last
 * "N more" entry. Takes its room from the plot area. */
void
_od_chart_draw_legend (OdChartRender     *r,
                       const char *const *texts,
                       guint              n_texts,
                       gboolean           by_category,
                       OdChartSwatch      swatch,
                       gboolean           at_right)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *widths = g_new0 (double, n_texts + 1);
  double line_height = r->small_line_height;
  double swatch_size = line_height * 0.62;
  double swatch_width = swatch == OD_CHART_SWATCH_BOX ? swatch_size : line_height * 1.4;
  double spacing = r->font_px * 1.2;
  double max_text = at_right ? r->area.width * 0.38 : r->area.width * 0.45;
  double row_height = line_height * 1.2;

  if (n_texts == 0)
    return;

  max_text = MAX (max_text - swatch_width - r->gap, r->font_px * 2);

  for (guint i = 0; i < n_texts; i++)
    {
      PangoLayout *layout = _od_chart_layout_new (r, OD_CHART_FONT_SMALL, texts[i]);
      double text_width;

      /* Long entries: shortened in a row, on two lines in a column. */
      _od_chart_layout_size (layout, &text_width, NULL);
      if (text_width > max_text)
        {
          pango_layout_set_width (layout, (int) (max_text * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          if (at_right)
            {
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_height (layout, -2);
            }
          _od_chart_layout_size (layout, &text_width, NULL);
        }
      widths[i] = swatch_width + r->gap + text_width;
      g_ptr_array_add (layouts, layout);
    }

  if (!at_right)
    {
      guint first = 0;
      guint row = 0;
      double y;

      while (first < n_texts && row < LEGEND_MAX_ROWS)
        {
          g_autoptr(PangoLayout) more = NULL;
          guint last = first;
          double row_width = widths[first];
          double x;

          while (last + 1 < n_texts && row_width + spacing + widths[last + 1] <= r->area.width)
            row_width += spacing + widths[++last];

          /* The last row sums up what is left, making room for it. */
          if (row == LEGEND_MAX_ROWS - 1 && last + 1 < n_texts)
            {
              double more_width;

              for (;;)
                {
                  g_clear_object (&more);
                  more = more_layout (r, n_texts - last - 1);
                  _od_chart_layout_size (more, &more_width, NULL);
                  if (last == first || row_width + spacing + more_width <= r->area.width)
                    break;
                  row_width -= spacing + widths[last--];
                }
              row_width += spacing + more_width;
            }

          x = r->area.x + (r->area.width - row_width) / 2;
          y = r->area.y + row * row_height + row_height / 2;
          for (guint i = first; i <= last; i++)
            {
              legend_entry (r, g_ptr_array_index (layouts, i), swatch, (int) i, by_category,
                            x, y, swatch_width, swatch_size);
              x += widths[i] + spacing;
            }
          if (more != NULL)
            _od_chart_draw_label (r, more, OD_CHART_ITEM_LEGEND, x, y, 0, 0.5, 0,
                                  &r->text_muted, -1, -1, 0, OD_CHART_LABEL_DEFAULT);

          first = last + 1;
          row++;
        }

      r->area.y += row * row_height + r->gap * 1.5;
      r->area.height -= row * row_height + r->gap * 1.5;
    }
  else
    {
      g_autofree double *heights = g_new (double, n_texts);
      double column_width = 0;
      double total = 0;
      guint n_shown = 0;
      double x, y;

      /* As many entries as fit, keeping a row for "N more" if some do not. */
      for (guint i = 0; i < n_texts; i++)
        {
          _od_chart_layout_size (g_ptr_array_index (layouts, i), NULL, &heights[i]);
          heights[i] = MAX (row_height, heights[i] + r->gap);
        }
      while (n_shown < n_texts)
        {
          double more = n_shown + 1 < n_texts ? row_height : 0;

          if (total + heights[n_shown] + more > r->area.height)
            break;
          total += heights[n_shown++];
        }
      if (n_shown < n_texts)
        total += row_height;

      for (guint i = 0; i < n_shown; i++)
        column_width = MAX (column_width, widths[i]);

      x = r->area.x + r->area.width - column_width;
      y = r->area.y + (r->area.height - total) / 2;
      for (guint i = 0; i < n_shown; i++)
        {
          legend_entry (r, g_ptr_array_index (layouts, i), swatch, (int) i, by_category,
                        x, y + heights[i] / 2, swatch_width, swatch_size);
          y += heights[i];
        }
      y += row_height / 2;

      if (n_shown < n_texts)
        {
          g_autoptr(PangoLayout) more = more_layout (r, n_texts - n_shown);

          _od_chart_draw_label (r, more, OD_CHART_ITEM_LEGEND, x, y, 0, 0.5, 0,
                                &r->text_muted, -1, -1, 0, OD_CHART_LABEL_DEFAULT);
        }

      r->area.width -= column_width + r->pad * 1.5;
    }
}
