/* od-document.c — paginated documents for print and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * od_document_paginate() measures every block with a PangoContext at 72 dpi
 * (so one unit of user space is one point), cuts the blocks into fragments
 * that fit the text block and keeps, for every page, where each fragment goes.
 * od_document_render_page() lays the same texts out again on the target
 * cairo_t with the same font options — no metric hinting, no rounding of
 * glyph positions — so lines break at the same places on a PDF, on a PNG at
 * 150 dpi and on a printer page, and draws them at the stored positions.
 */
#define G_LOG_DOMAIN "orgdesk-document"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "od-document.h"
#include "od-output.h"

#define MM (72.0 / 25.4)

/* GB/T 9704-2012 §5.2: the text block (版心) is 156 × 225 mm, 37 mm from the
 * top edge (天头) and 28 mm from the binding edge (订口); on A4 this leaves
 * 35 mm at the bottom and 26 mm on the outer side. The binding side is the
 * left on odd pages and the right on even pages (printing on both sides, as
 * the page numbers of §7.5 assume). Letter keeps the same margins. */
#define MARGIN_TOP      (37.0 * MM)
#define MARGIN_BOTTOM   (35.0 * MM)
#define MARGIN_BINDING  (28.0 * MM)
#define MARGIN_OUTER    (26.0 * MM)

#define A4_WIDTH        595.28
#define A4_HEIGHT       841.89
#define LETTER_WIDTH    612.0
#define LETTER_HEIGHT   792.0

/* Faces of Chinese official documents: 小标宋 title, 黑体 headings, 宋体 text
 * (Noto Serif/Sans CJK SC stand in for them); sizes in points: 二号 22,
 * 三号 16, 四号 14, 小四 12, 五号 10.5. */
#define FONT_TITLE         "Noto Serif CJK SC Bold 22"
#define FONT_HEADING_1     "Noto Sans CJK SC Bold 16"
#define FONT_HEADING_2     "Noto Sans CJK SC Bold 14"
#define FONT_HEADING_3     "Noto Serif CJK SC Bold 12"
#define FONT_BODY          "Noto Serif CJK SC 12"
#define FONT_TABLE         "Noto Sans CJK SC 10.5"
#define FONT_TABLE_HEADER  "Noto Sans CJK SC Bold 10.5"
#define FONT_FIGURE_VALUE  "Noto Sans CJK SC Bold 20"
#define FONT_FIGURE_LABEL  "Noto Sans CJK SC 10.5"
#define FONT_FIGURE_NOTE   "Noto Sans CJK SC 9"
#define FONT_PAGE_HEADER   "Noto Sans CJK SC 9"
#define FONT_PAGE_NUMBER   "Noto Serif CJK SC 14"

#define BODY_INDENT        24.0   /* two characters of 12 pt, as Chinese paragraphs start */
#define BODY_LINE_SPACING  1.5    /* baseline distance, in natural line heights */
#define TITLE_LINE_SPACING 1.2
#define CELL_PAD_X         4.0
#define CELL_PAD_Y         3.0
#define RULE_WIDTH         0.5
#define FIGURE_COLUMNS     4
#define FIGURE_GAP         8.0
#define FIGURE_PAD         8.0
#define FIGURE_LINE_GAP    2.0

/* Fits are decided on sums of doubles: allow what rounding adds. */
#define EPSILON            0.01

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_KEY_FIGURES,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  char *label;
  char *value;
  char *note;
} Figure;

typedef struct
{
  BlockKind  kind;
  guint      level;       /* heading: 1–3 */
  char      *text;        /* title, heading, paragraph */
  GArray    *figures;     /* of Figure */
  OdTable   *table;
  OdChart   *chart;        /* a chart block, or NULL for a drawing: */
  OdDrawFunc draw;
  gpointer   draw_data;
  GDestroyNotify draw_destroy;
  double     chart_height;  /* of either */

  /* Measured by paginate for the current page size. */
  GArray    *units;       /* double: heights of the pieces never split — lines,
                           * rows of figures, table rows; one piece otherwise */
  double     header_height;  /* table: its header row, repeated on every page */
  GPtrArray *row_cuts;    /* table: per row, NULL, or for a row taller than a
                           * page the offsets (GArray of double) where it may
                           * be cut: between lines of its tallest cell */
} Block;

/* A block, or the part of it, that goes on one page. */
typedef struct
{
  guint   block;
  double  y;        /* from the top of the text block */
  double  height;
  guint   first;    /* units [first, last) */
  guint   last;
  double  offset;   /* table: how much of row `first` was on earlier pages */
} Fragment;

struct _OdDocument
{
  gatomicrefcount  ref_count;
  OdPaper          paper;
  char            *title;
  char            *author;
  char            *subject;
  GDateTime       *created;
  char            *header_text;
  char            *language;

  GPtrArray       *blocks;       /* of Block */
  PangoContext    *context;      /* for measuring; NULL until needed */
  GPtrArray       *pages;        /* of GArray of Fragment; NULL until paginated */
};

G_DEFINE_QUARK (od-document-error-quark, od_document_error)

/* --- helpers --- */

static void
figure_clear (gpointer data)
{
  Figure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure->note);
}

static void
cuts_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->figures, g_array_unref);
  g_clear_pointer (&block->table, od_table_unref);
  g_clear_pointer (&block->chart, od_chart_unref);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_clear_pointer (&block->units, g_array_unref);
  g_clear_pointer (&block->row_cuts, g_ptr_array_unref);
  g_free (block);
}

static Block *
block_new (BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  return block;
}

static void
invalidate (OdDocument *doc)
{
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
}

static void
append_block (OdDocument *doc,
              Block      *block)
{
  g_ptr_array_add (doc->blocks, block);
  invalidate (doc);
}

static double
text_width (OdDocument *doc)
{
  return od_document_get_page_width (doc) - MARGIN_BINDING - MARGIN_OUTER;
}

static double
text_height (OdDocument *doc)
{
  return od_document_get_page_height (doc) - MARGIN_TOP - MARGIN_BOTTOM;
}

/* Pages are numbered from 1 on paper: odd pages have the binding on the left. */
static double
text_left (guint page)
{
  return page % 2 == 0 ? MARGIN_BINDING : MARGIN_OUTER;
}

/* Both the measuring context and each rendering context get this setup, so
 * that text measures the same everywhere: without hinted metrics and rounded
 * glyph positions, advances do not depend on the device resolution. */
static void
setup_context (PangoContext *context,
               const char   *language)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Han characters take their Simplified Chinese forms only when told. */
  pango_context_set_language (context, pango_language_from_string (language));
}

static PangoContext *
get_measure_context (OdDocument *doc)
{
  if (doc->context == NULL)
    {
      doc->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      setup_context (doc->context, doc->language);
    }
  return doc->context;
}

static PangoLayout *
create_layout (PangoContext   *context,
               const char     *font,
               const char     *text,
               double          width,
               PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

/* Draws LAYOUT with the top of its logical box at (X, Y). */
static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, x, y - pango_units_to_double (logical.y));
  pango_cairo_show_layout (cr, layout);
}

static const char *
heading_font (guint level)
{
  switch (level)
    {
    case 1:
      return FONT_HEADING_1;
    case 2:
      return FONT_HEADING_2;
    default:
      return FONT_HEADING_3;
    }
}

static PangoLayout *
block_layout (PangoContext *context,
              const Block  *block,
              double        width)
{
  PangoLayout *layout;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      layout = create_layout (context, FONT_TITLE, block->text, width, PANGO_ALIGN_CENTER);
      pango_layout_set_line_spacing (layout, TITLE_LINE_SPACING);
      return layout;

    case BLOCK_HEADING:
      layout = create_layout (context, heading_font (block->level), block->text, width,
                              PANGO_ALIGN_LEFT);
      pango_layout_set_line_spacing (layout, TITLE_LINE_SPACING);
      return layout;

    case BLOCK_PARAGRAPH:
      layout = create_layout (context, FONT_BODY, block->text, width, PANGO_ALIGN_LEFT);
      pango_layout_set_justify (layout, TRUE);
      pango_layout_set_indent (layout, pango_units_from_double (BODY_INDENT));
      return layout;

    case BLOCK_KEY_FIGURES:
    case BLOCK_TABLE:
    case BLOCK_CHART:
    case BLOCK_PAGE_BREAK:
    default:
      g_assert_not_reached ();
    }
}

static double
space_before (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 12.0;
    case BLOCK_HEADING:
      return block->level == 1 ? 16.0 : block->level == 2 ? 12.0 : 8.0;
    case BLOCK_KEY_FIGURES:
    case BLOCK_TABLE:
    case BLOCK_CHART:
      return 8.0;
    case BLOCK_PARAGRAPH:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

static double
space_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 22.0;   /* a blank line of the title's size, as GB/T 9704 §7.3.3 */
    case BLOCK_HEADING:
      return block->level == 1 ? 8.0 : 6.0;
    case BLOCK_KEY_FIGURES:
    case BLOCK_TABLE:
    case BLOCK_CHART:
      return 12.0;
    case BLOCK_PARAGRAPH:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

static gboolean
keeps_with_next (const Block *block)
{
  return block->kind == BLOCK_TITLE || block->kind == BLOCK_HEADING;
}

static double
unit_height (const Block *block,
             guint        unit)
{
  return g_array_index (block->units, double, unit);
}

static double
units_height (const Block *block,
              guint        first,
              guint        last)
{
  double sum = 0.0;

  for (guint i = first; i < last; i++)
    sum += unit_height (block, i);
  return sum;
}

/* --- measuring --- */

/* Lines of a paragraph sit in slots of BODY_LINE_SPACING natural heights,
 * with the extra space split above and below, so a page can end between any
 * two lines without changing the distance between the others. */
static void
measure_paragraph (PangoContext *context,
                   Block        *block,
                   double        width)
{
  g_autoptr(PangoLayout) layout = block_layout (context, block, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double slot;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      slot = BODY_LINE_SPACING * pango_units_to_double (logical.height);
      g_array_append_val (block->units, slot);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static guint
figure_columns (const Block *block)
{
  return MIN (block->figures->len, FIGURE_COLUMNS);
}

static double
figure_box_width (const Block *block,
                  double       width)
{
  guint columns = figure_columns (block);

  return (width - (columns - 1) * FIGURE_GAP) / columns;
}

typedef struct
{
  PangoLayout *value;
  PangoLayout *label;
  PangoLayout *note;
  double       height;   /* of the three, with the gaps between them */
} FigureLayouts;

static void
figure_layouts_init (FigureLayouts *layouts,
                     PangoContext  *context,
                     const Figure  *figure,
                     double         box_width)
{
  double width = box_width - 2 * FIGURE_PAD;

  layouts->value = create_layout (context, FONT_FIGURE_VALUE, figure->value, width,
                                  PANGO_ALIGN_CENTER);
  layouts->label = create_layout (context, FONT_FIGURE_LABEL, figure->label, width,
                                  PANGO_ALIGN_CENTER);
  layouts->note = NULL;
  if (figure->note != NULL && figure->note[0] != '\0')
    layouts->note = create_layout (context, FONT_FIGURE_NOTE, figure->note, width,
                                   PANGO_ALIGN_CENTER);
  layouts->height = layout_height (layouts->value) + FIGURE_LINE_GAP
                    + layout_height (layouts->label);
  if (layouts->note != NULL)
    layouts->height += FIGURE_LINE_GAP + layout_height (layouts->note);
}

static void
figure_layouts_clear (FigureLayouts *layouts)
{
  g_clear_object (&layouts->value);
  g_clear_object (&layouts->label);
  g_clear_object (&layouts->note);
}

/* One unit per row of boxes; every row but the last includes the gap below it. */
static void
measure_key_figures (PangoContext *context,
                     Block        *block,
                     double        width)
{
  guint columns = figure_columns (block);
  double box_width = figure_box_width (block, width);

  for (guint first = 0; first < block->figures->len; first += columns)
    {
      double row = 0.0;

      for (guint i = first; i < MIN (first + columns, block->figures->len); i++)
        {
          FigureLayouts layouts;

          figure_layouts_init (&layouts, context, &g_array_index (block->figures, Figure, i),
                               box_width);
          row = MAX (row, layouts.height + 2 * FIGURE_PAD);
          figure_layouts_clear (&layouts);
        }
      if (first + columns < block->figures->len)
        row += FIGURE_GAP;
      g_array_append_val (block->units, row);
    }
}

/* X receives n_columns + 1 edges, from 0 to WIDTH, shared by the weights. */
static void
table_column_edges (OdTable *table,
                    double   width,
                    double  *x)
{
  guint n = od_table_get_n_columns (table);
  double total = 0.0;
  double sum = 0.0;

  for (guint c = 0; c < n; c++)
    total += od_table_get_weight (table, c);
  x[0] = 0.0;
  for (guint c = 0; c < n; c++)
    {
      sum += od_table_get_weight (table, c);
      x[c + 1] = width * sum / total;
    }
}

/* ROW is -1 for the header. */
static PangoLayout *
cell_layout (PangoContext *context,
             OdTable      *table,
             int           row,
             guint         column,
             double        column_width)
{
  static const PangoAlignment alignments[] = {
    [OD_TABLE_ALIGN_START] = PANGO_ALIGN_LEFT,
    [OD_TABLE_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [OD_TABLE_ALIGN_END] = PANGO_ALIGN_RIGHT,
  };
  double width = MAX (column_width - 2 * CELL_PAD_X, 1.0);

  if (row < 0)
    return create_layout (context, FONT_TABLE_HEADER, od_table_get_header (table, column),
                          width, PANGO_ALIGN_CENTER);
  return create_layout (context, FONT_TABLE, od_table_get_cell (table, (guint) row, column),
                        width, alignments[od_table_get_align (table, column)]);
}

/* Offsets inside a row where a page may end: after each line of LAYOUT, a
 * top-aligned cell; the last line is left out (nothing would follow it). */
static GArray *
row_cuts (PangoLayout *layout)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  while (!pango_layout_iter_at_last_line (iter))
    {
      PangoRectangle logical;
      double cut;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cut = CELL_PAD_Y + pango_units_to_double (logical.y + logical.height);
      g_array_append_val (cuts, cut);
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);
  return cuts;
}

static void
measure_table (PangoContext *context,
               Block        *block,
               double        width,
               double        page_height)
{
  OdTable *table = block->table;
  guint n_columns = od_table_get_n_columns (table);
  guint n_rows = od_table_get_n_rows (table);
  g_autofree double *x = g_new (double, n_columns + 1);

  table_column_edges (table, width, x);
  block->row_cuts = g_ptr_array_new_with_free_func (cuts_free);

  for (int r = -1; r < (int) n_rows; r++)
    {
      g_autoptr(PangoLayout) tallest = NULL;
      double cells = 0.0;
      double height;

      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(PangoLayout) layout = cell_layout (context, table, r, c, x[c + 1] - x[c]);
          double h = layout_height (layout);

          if (tallest == NULL || h > cells)
            {
              cells = h;
              g_set_object (&tallest, layout);
            }
        }
      height = cells + 2 * CELL_PAD_Y;

      if (r < 0)
        {
          block->header_height = height;
          continue;
        }
      g_array_append_val (block->units, height);
      g_ptr_array_add (block->row_cuts,
                       height > page_height - block->header_height + EPSILON
                       ? row_cuts (tallest) : NULL);
    }
}

static void
measure_block (OdDocument   *doc,
               PangoContext *context,
               Block        *block)
{
  double width = text_width (doc);
  double height = text_height (doc);
  double h;

  g_clear_pointer (&block->units, g_array_unref);
  g_clear_pointer (&block->row_cuts, g_ptr_array_unref);
  block->units = g_array_new (FALSE, FALSE, sizeof (double));
  block->header_height = 0.0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
      {
        g_autoptr(PangoLayout) layout = block_layout (context, block, width);

        h = layout_height (layout);
        g_array_append_val (block->units, h);
      }
      break;

    case BLOCK_PARAGRAPH:
      measure_paragraph (context, block, width);
      break;

    case BLOCK_KEY_FIGURES:
      measure_key_figures (context, block, width);
      break;

    case BLOCK_TABLE:
      measure_table (context, block, width, height);
      break;

    case BLOCK_CHART:
      /* Never split; one taller than the text block is shrunk to it. */
      h = MIN (block->chart_height, height);
      g_array_append_val (block->units, h);
      break;

    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* --- pagination --- */

typedef struct
{
  OdDocument *doc;
  double      height;   /* of the text block */
  GArray     *page;     /* fragments of the page being filled */
  double      y;        /* used on it */
} Pager;

static GArray *
fragment_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Fragment));
}

static void
pager_new_page (Pager *pager)
{
  g_ptr_array_add (pager->doc->pages, pager->page);
  pager->page = fragment_array_new ();
  pager->y = 0.0;
}

static gboolean
pager_page_empty (const Pager *pager)
{
  return pager->page->len == 0;
}

static void
pager_add (Pager  *pager,
           guint   block,
           double  y,
           double  height,
           guint   first,
           guint   last,
           double  offset)
{
  Fragment fragment = { block, y, height, first, last, offset };

  g_array_append_val (pager->page, fragment);
  pager->y = y + height;
}

/* The least of BLOCK that must follow a heading on its page. */
static double
min_chunk (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      return units_height (block, 0, MIN (2, block->units->len));
    case BLOCK_KEY_FIGURES:
    case BLOCK_CHART:
      return block->units->len > 0 ? unit_height (block, 0) : 0.0;
    case BLOCK_TABLE:
      if (block->units->len == 0)
        return block->header_height;
      if (g_ptr_array_index (block->row_cuts, 0) != NULL)
        return block->header_height
               + g_array_index ((GArray *) g_ptr_array_index (block->row_cuts, 0), double, 0);
      return block->header_height + unit_height (block, 0);
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_PAGE_BREAK:
    default:
      return units_height (block, 0, block->units->len);
    }
}

/* A title or heading goes to the next page rather than end a page: it needs
 * room for itself, any headings right after it and the start of what follows. */
static void
keep_with_next (Pager *pager,
                guint  index)
{
  GPtrArray *blocks = pager->doc->blocks;
  double need = space_before (g_ptr_array_index (blocks, index));

  if (pager_page_empty (pager))
    return;

  for (guint j = index; j < blocks->len; j++)
    {
      const Block *block = g_ptr_array_index (blocks, j);

      if (block->kind == BLOCK_PAGE_BREAK)
        break;
      if (j > index)
        need += space_before (block);
      if (!keeps_with_next (block))
        {
          need += min_chunk (block);
          break;
        }
      need += units_height (block, 0, block->units->len) + space_after (block);
    }

  if (need <= pager->height && pager->y + need > pager->height + EPSILON)
    pager_new_page (pager);
}

/* FIT of REMAINING lines fit on the page: avoid leaving the last line of a
 * paragraph alone at the top of the next page, or its first line alone at
 * the bottom of this one. */
static guint
avoid_widows (guint    fit,
              guint    remaining,
              gboolean page_empty)
{
  if (fit >= remaining)
    return fit;
  if (remaining - fit == 1)
    fit = fit >= 3 ? fit - 1 : page_empty ? fit : 0;
  if (fit == 1 && !page_empty)
    fit = 0;
  return fit;
}

/* Titles, headings, paragraphs (by lines), key figures (by rows), charts. */
static void
place_units (Pager *pager,
             guint  index,
             Block *block)
{
  guint n = block->units->len;
  guint i = 0;

  while (i < n)
    {
      double top = pager->y + (pager_page_empty (pager) ? 0.0 : space_before (block));
      double used = 0.0;
      guint fit = 0;

      while (i + fit < n && top + used + unit_height (block, i + fit) <= pager->height + EPSILON)
        used += unit_height (block, i + fit++);

      if (block->kind == BLOCK_PARAGRAPH)
        fit = avoid_widows (fit, n - i, pager_page_empty (pager));

      if (fit == 0)
        {
          if (!pager_page_empty (pager))
            {
              pager_new_page (pager);
              continue;
            }
          /* Taller than a whole page (a huge title): let it overflow. */
          fit = 1;
        }

      pager_add (pager, index, top, units_height (block, i, i + fit), i, i + fit, 0.0);
      i += fit;
      if (i < n)
        pager_new_page (pager);
    }
  pager->y += space_after (block);
}

/* The largest cut of ROW after OFFSET and not beyond LIMIT, or -1. */
static double
find_cut (const Block *block,
          guint        row,
          double       offset,
          double       limit)
{
  GArray *cuts = g_ptr_array_index (block->row_cuts, row);
  double best = -1.0;

  if (cuts == NULL)
    return -1.0;
  for (guint i = 0; i < cuts->len; i++)
    {
      double cut = g_array_index (cuts, double, i);

      if (cut > offset + EPSILON && cut <= limit + EPSILON)
        best = cut;
    }
  return best;
}

/* Rows are never split, except a row taller than a page, which is cut
 * between lines; every page the table reaches starts with its header row. */
static void
place_table (Pager *pager,
             guint  index,
             Block *block)
{
  guint n = block->units->len;
  double head = block->header_height;
  guint row = 0;
  double offset = 0.0;   /* into ROW, already shown on earlier pages */

  for (;;)
    {
      double top = pager->y + (pager_page_empty (pager) ? 0.0 : space_before (block));
      double avail = pager->height - top - head;
      guint first = row;
      double first_offset = offset;
      double used = 0.0;

      while (row < n)
        {
          double rest = unit_height (block, row) - offset;
          double cut;

          if (used + rest <= avail + EPSILON)
            {
              used += rest;
              row++;
              offset = 0.0;
              continue;
            }
          cut = find_cut (block, row, offset, offset + avail - used);
          if (cut > 0.0)
            {
              used += cut - offset;
              offset = cut;
            }
          break;
        }

      /* Not even the header and one row (or a part of a tall row) fit. */
      if (used <= 0.0 && !pager_page_empty (pager) && (row < n || avail < -EPSILON))
        {
          pager_new_page (pager);
          continue;
        }
      if (used <= 0.0 && row < n)
        {
          /* A row no cut can shorten enough: show what fits, the rest after;
           * with no room at all (a header taller than the page) let it overflow. */
          used = avail >= 1.0 ? avail : unit_height (block, row) - offset;
          offset += used;
          if (offset >= unit_height (block, row) - EPSILON)
            {
              row++;
              offset = 0.0;
            }
        }

      pager_add (pager, index, top, head + used, first, offset > 0.0 ? row + 1 : row,
                 first_offset);
      if (row >= n && offset <= 0.0)
        break;
      pager_new_page (pager);
    }

  pager->y += space_after (block);
}

static void
paginate (OdDocument *doc)
{
  PangoContext *context = get_measure_context (doc);
  Pager pager = { doc, text_height (doc), fragment_array_new (), 0.0 };

  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < doc->blocks->len; i++)
    measure_block (doc, context, g_ptr_array_index (doc->blocks, i));

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          /* Only ends a page that has something on it: no blank pages. */
          if (!pager_page_empty (&pager))
            pager_new_page (&pager);
          break;

        case BLOCK_TABLE:
          place_table (&pager, i, block);
          break;

        case BLOCK_TITLE:
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
        case BLOCK_KEY_FIGURES:
        case BLOCK_CHART:
        default:
          if (keeps_with_next (block))
            keep_with_next (&pager, i);
          place_units (&pager, i, block);
          break;
        }
    }

  /* The last page, and the only one of an empty document. */
  if (!pager_page_empty (&pager) || doc->pages->len == 0)
    g_ptr_array_add (doc->pages, pager.page);
  else
    g_array_unref (pager.page);
}

/* --- drawing --- */

static void
draw_paragraph (cairo_t        *cr,
                PangoContext   *context,
                const Block    *block,
                const Fragment *fragment,
                double          x,
                double          y,
                double          width)
{
  g_autoptr(PangoLayout) layout = block_layout (context, block, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint line = 0;

  do
    {
      PangoRectangle logical;
      double height;
      double baseline;
      double slot;

      if (line >= fragment->last)
        break;
      if (line++ < fragment->first)
        continue;

      /* Positions come from pagination; the layout only supplies the glyphs. */
      slot = unit_height (block, line - 1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = pango_units_to_double (logical.height);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
      cairo_move_to (cr, x + pango_units_to_double (logical.x), y + (slot - height) / 2 + baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      y += slot;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_key_figures (cairo_t        *cr,
                  PangoContext   *context,
                  const Block    *block,
                  const Fragment *fragment,
                  double          x,
                  double          y,
                  double          width)
{
  guint columns = figure_columns (block);
  double box_width = figure_box_width (block, width);

  cairo_set_line_width (cr, 0.75);
  for (guint row = fragment->first; row < fragment->last; row++)
    {
      double row_height = unit_height (block, row);

      if (row + 1 < block->units->len)
        row_height -= FIGURE_GAP;

      for (guint col = 0; col < columns && row * columns + col < block->figures->len; col++)
        {
          const Figure *figure = &g_array_index (block->figures, Figure, row * columns + col);
          double bx = x + col * (box_width + FIGURE_GAP);
          double cx = bx + FIGURE_PAD;
          FigureLayouts layouts;
          double cy;

          figure_layouts_init (&layouts, context, figure, box_width);
          cy = y + (row_height - layouts.height) / 2;

          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_rectangle (cr, bx + 0.375, y + 0.375, box_width - 0.75, row_height - 0.75);
          cairo_stroke (cr);

          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          show_layout_at (cr, layouts.value, cx, cy);
          cy += layout_height (layouts.value) + FIGURE_LINE_GAP;
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          show_layout_at (cr, layouts.label, cx, cy);
          cy += layout_height (layouts.label) + FIGURE_LINE_GAP;
          if (layouts.note != NULL)
            {
              cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
              show_layout_at (cr, layouts.note, cx, cy);
            }
          figure_layouts_clear (&layouts);
        }
      y += unit_height (block, row);
    }
}

static void
stroke_rule (cairo_t *cr,
             double   x0,
             double   y0,
             double   x1,
             double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Draws the lines of LAYOUT, its top at (X, Y), whose middle is between TOP
 * and BOTTOM: each line of a row cut across pages is printed on one page
 * only, not hidden under a clip on the other. */
static void
show_lines_between (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    double       top,
                    double       bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle extents;

  pango_layout_get_extents (layout, NULL, &extents);
  y -= pango_units_to_double (extents.y);
  do
    {
      PangoRectangle logical;
      double middle;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      middle = y + pango_units_to_double (logical.y + logical.height / 2);
      if (middle < top || middle >= bottom)
        continue;
      cairo_move_to (cr, x + pango_units_to_double (logical.x),
                     y + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* One row (-1: the header) with its top at Y: cells, then its rules. Only
 * what lies between TOP and BOTTOM is on this page. */
static void
draw_table_row (cairo_t      *cr,
                PangoContext *context,
                const Block  *block,
                int           row,
                const double *edges,
                double        x,
                double        y,
                double        height,
                double        top,
                double        bottom)
{
  OdTable *table = block->table;
  guint n_columns = od_table_get_n_columns (table);
  /* A row cut across pages keeps its cells at the top, where the cuts were measured. */
  gboolean top_aligned = row >= 0 && g_ptr_array_index (block->row_cuts, row) != NULL;

  if (row < 0)
    {
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_rectangle (cr, x, y, edges[n_columns], height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (context, table, row, c, edges[c + 1] - edges[c]);
      double h = layout_height (layout);
      double cell_x = x + edges[c] + CELL_PAD_X;
      double cell_y = top_aligned ? y + CELL_PAD_Y : y + (height - h) / 2;

      if (y >= top - EPSILON && y + height <= bottom + EPSILON)
        show_layout_at (cr, layout, cell_x, cell_y);
      else
        show_lines_between (cr, layout, cell_x, cell_y, top, bottom);
    }

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, RULE_WIDTH);
  stroke_rule (cr, x, y, x + edges[n_columns], y);
  stroke_rule (cr, x, y + height, x + edges[n_columns], y + height);
  for (guint c = 0; c <= n_columns; c++)
    stroke_rule (cr, x + edges[c], y, x + edges[c], y + height);
}

static void
draw_table (cairo_t        *cr,
            PangoContext   *context,
            const Block    *block,
            const Fragment *fragment,
            double          x,
            double          y,
            double          width)
{
  guint n_columns = od_table_get_n_columns (block->table);
  g_autofree double *edges = g_new (double, n_columns + 1);
  double head = block->header_height;
  double rows_height = fragment->height - head;
  double ry = y + head - fragment->offset;

  table_column_edges (block->table, width, edges);
  draw_table_row (cr, context, block, -1, edges, x, y, head, y, y + head);

  /* Half a rule beyond the rows, so the rules on the edge stay whole. */
  cairo_save (cr);
  cairo_rectangle (cr, x - RULE_WIDTH, y + head, width + 2 * RULE_WIDTH,
                   rows_height + RULE_WIDTH / 2);
  cairo_clip (cr);
  for (guint r = fragment->first; r < fragment->last; r++)
    {
      draw_table_row (cr, context, block, (int) r, edges, x, ry, unit_height (block, r),
                      y + head, y + fragment->height);
      ry += unit_height (block, r);
    }
  cairo_restore (cr);

  /* Closes a row cut at the bottom of the page. */
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, RULE_WIDTH);
  stroke_rule (cr, x, y + fragment->height, x + width, y + fragment->height);
}

static void
draw_fragment (OdDocument     *doc,
               cairo_t        *cr,
               PangoContext   *context,
               const Fragment *fragment,
               double          x,
               double          y)
{
  const Block *block = g_ptr_array_index (doc->blocks, fragment->block);
  double width = text_width (doc);

  y += fragment->y;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
      {
        g_autoptr(PangoLayout) layout = block_layout (context, block, width);

        show_layout_at (cr, layout, x, y);
      }
      break;

    case BLOCK_PARAGRAPH:
      draw_paragraph (cr, context, block, fragment, x, y, width);
      break;

    case BLOCK_KEY_FIGURES:
      draw_key_figures (cr, context, block, fragment, x, y, width);
      break;

    case BLOCK_TABLE:
      draw_table (cr, context, block, fragment, x, y, width);
      break;

    case BLOCK_CHART:
      /* The chart's own drawing stays inside its block. */
      cairo_rectangle (cr, x, y, width, fragment->height);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      if (block->chart != NULL)
        od_chart_render (block->chart, cr, width, fragment->height, OD_CHART_THEME_PRINT);
      else
        block->draw (cr, width, fragment->height, block->draw_data);
      break;

    case BLOCK_PAGE_BREAK:
    default:
      break;
    }

  cairo_restore (cr);
}

/* The association's name, small, above the text block, over a thin rule. */
static void
draw_page_header (OdDocument   *doc,
                  cairo_t      *cr,
                  PangoContext *context,
                  double        x)
{
  double width = text_width (doc);
  double rule_y = MARGIN_TOP - 8.0 * MM;
  g_autoptr(PangoLayout) layout = create_layout (context, FONT_PAGE_HEADER, doc->header_text,
                                                 width, PANGO_ALIGN_CENTER);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, 0);   /* one line */

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_layout_at (cr, layout, x, rule_y - 2.0 - layout_height (layout));
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, RULE_WIDTH);
  stroke_rule (cr, x, rule_y, x + width, rule_y);
}

/* The spaces of "— 1 —" are half-width spaces of 宋体, half an em wide;
 * Noto's are narrower, and pdftotext -layout (and the eye) lose them. */
static void
widen_spaces (PangoLayout *layout,
              double       em)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autoptr(PangoLayout) space = pango_layout_copy (layout);
  PangoRectangle logical;
  int extra;

  pango_layout_set_text (space, " ", -1);
  pango_layout_get_extents (space, NULL, &logical);
  extra = pango_units_from_double (em / 2) - logical.width;

  for (const char *p = strchr (text, ' '); p != NULL && extra > 0; p = strchr (p + 1, ' '))
    {
      PangoAttribute *attr = pango_attr_letter_spacing_new (extra);

      attr->start_index = p - text;
      attr->end_index = p - text + 1;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* GB/T 9704-2012 §7.5: 四号 Arabic numerals between two em dashes, the
 * dashes 7 mm below the text block; odd pages on the right, even pages on
 * the left, one character in from the edge of the text block. */
static void
draw_page_number (OdDocument   *doc,
                  cairo_t      *cr,
                  PangoContext *context,
                  guint         page,
                  double        x)
{
  const double em = 14.0;
  /* Not translated: the form of the number is the standard's, in any language. */
  g_autofree char *text = g_strdup_printf ("\u2014 %u \u2014", page + 1);
  g_autoptr(PangoLayout) layout = create_layout (context, FONT_PAGE_NUMBER, text, -1,
                                                 PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) dash = create_layout (context, FONT_PAGE_NUMBER, "\u2014", -1,
                                               PANGO_ALIGN_LEFT);
  PangoRectangle ink, logical;
  double dash_middle;
  double top;

  widen_spaces (layout, em);
  pango_layout_get_extents (dash, &ink, &logical);
  dash_middle = pango_units_to_double (ink.y + ink.height / 2 - logical.y);
  top = MARGIN_TOP + text_height (doc) + 7.0 * MM - dash_middle;

  pango_layout_get_extents (layout, NULL, &logical);
  if (page % 2 == 0)
    x += text_width (doc) - em - pango_units_to_double (logical.width);
  else
    x += em;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  show_layout_at (cr, layout, x, top);
}

/* --- saving --- */

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_PDF,
  FORMAT_SVG,
  FORMAT_PNG,
} Format;

static Format
format_from_path (const char *path,
                  char      **stem,
                  char      **extension)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  Format format = FORMAT_UNKNOWN;

  if (dot == NULL || dot == base)
    return FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    format = FORMAT_PDF;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    format = FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    format = FORMAT_PNG;

  *extension = g_strdup (dot);
  *stem = g_strndup (path, strlen (path) - strlen (dot));
  return format;
}

/* "report.svg" for the first page, then "report-2.svg", "report-3.svg"… */
static char *
page_path (const char *path,
           const char *stem,
           const char *extension,
           guint       page)
{
  if (page == 0)
    return g_strdup (path);
  return g_strdup_printf ("%s-%u%s", stem, page + 1, extension);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_WRITE,
               /* Translators: %s are a file name and a Cairo error message */
               _("Could not draw “%s”: %s. Close other programs to free memory, then save "
                 "again."), name, cairo_status_to_string (status));
  return FALSE;
}

/* Whole files only: the contents go to a temporary file that replaces PATH
 * when complete, so a failed save leaves no half-written file behind. */
static gboolean
write_file (const char  *path,
            GByteArray  *bytes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (od_output_write_bytes (path, OD_OUTPUT_DEFAULT, bytes->data, bytes->len, &local_error))
    return TRUE;

  name = g_filename_display_name (path);
  g_set_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second the system's reason */
               _("Could not save “%s”: %s. Choose a folder you can write to that has free "
                 "space, then save again."), name, local_error->message);
  return FALSE;
}

static void
set_pdf_metadata (OdDocument      *doc,
                  cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  GDateTime *created = doc->created;

  if (created == NULL)
    created = now = g_date_time_new_now_local ();
  date = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S%:z");

  if (doc->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  if (doc->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  if (doc->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "OrgDesk");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Headings become the PDF's bookmarks, nested by level. */
static void
add_pdf_outline (OdDocument      *doc,
                 cairo_surface_t *surface,
                 guint            page,
                 int             *parents)
{
  GArray *fragments = g_ptr_array_index (doc->pages, page);

  for (guint i = 0; i < fragments->len; i++)
    {
      const Fragment *fragment = &g_array_index (fragments, Fragment, i);
      const Block *block = g_ptr_array_index (doc->blocks, fragment->block);
      g_autofree char *link = NULL;
      int parent = CAIRO_PDF_OUTLINE_ROOT;

      if (block->kind != BLOCK_HEADING || fragment->first != 0)
        continue;
      for (guint level = block->level - 1; level > 0 && parent == CAIRO_PDF_OUTLINE_ROOT; level--)
        parent = parents[level];
      link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) text_left (page),
                              (int) (MARGIN_TOP + fragment->y));
      parents[block->level] = cairo_pdf_surface_add_outline (surface, parent, block->text, link,
                                                             CAIRO_PDF_OUTLINE_FLAG_OPEN);
      for (guint level = block->level + 1; level <= 3; level++)
        parents[level] = CAIRO_PDF_OUTLINE_ROOT;
    }
}

static gboolean
save_pdf (OdDocument  *doc,
          const char  *path,
          GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint n_pages = od_document_get_n_pages (doc);
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 od_document_get_page_width (doc),
                                                 od_document_get_page_height (doc));
  set_pdf_metadata (doc, surface);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      od_document_render_page (doc, cr, page);
      add_pdf_outline (doc, surface, page, parents);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error) && write_file (path, bytes, error);
}

/* One file per page; each is drawn in memory before any is written. */
static gboolean
save_pages (OdDocument  *doc,
            Format       format,
            const char  *path,
            const char  *stem,
            const char  *extension,
            GError     **error)
{
  /* PNG at 150 dpi: sharp enough to read, small enough to mail. */
  const double scale = 150.0 / 72.0;
  double width = od_document_get_page_width (doc);
  double height = od_document_get_page_height (doc);
  guint n_pages = od_document_get_n_pages (doc);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);

  for (guint page = 0; page < n_pages; page++)
    {
      GByteArray *bytes = g_byte_array_new ();
      cairo_surface_t *surface;
      cairo_status_t status;
      cairo_t *cr;

      g_ptr_array_add (files, bytes);
      if (format == FORMAT_SVG)
        {
          surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
        }
      else
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                              (int) (width * scale + 0.5),
                                              (int) (height * scale + 0.5));

      cr = cairo_create (surface);
      if (format == FORMAT_PNG)
        {
          cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
          cairo_paint (cr);
          cairo_scale (cr, scale, scale);
        }
      od_document_render_page (doc, cr, page);
      status = cairo_status (cr);
      cairo_destroy (cr);

      if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);

      if (!check_cairo (status, path, error))
        return FALSE;
    }

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *name = page_path (path, stem, extension, page);

      if (!write_file (name, g_ptr_array_index (files, page), error))
        return FALSE;
    }
  return TRUE;
}

/* --- public API --- */

OdDocument *
od_document_new (OdPaper paper)
{
  OdDocument *doc;

  g_return_val_if_fail (paper == OD_PAPER_A4 || paper == OD_PAPER_LETTER, NULL);

  doc = g_new0 (OdDocument, 1);
  g_atomic_ref_count_init (&doc->ref_count);
  doc->paper = paper;
  doc->language = g_strdup ("zh-cn");
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

OdDocument *
od_document_ref (OdDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
od_document_unref (OdDocument *doc)
{
  if (doc == NULL || !g_atomic_ref_count_dec (&doc->ref_count))
    return;

  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  g_clear_pointer (&doc->created, g_date_time_unref);
  g_free (doc->header_text);
  g_free (doc->language);
  g_ptr_array_unref (doc->blocks);
  g_clear_object (&doc->context);
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  g_free (doc);
}

void
od_document_set_title (OdDocument *doc,
                       const char *title)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->title);
  doc->title = g_strdup (title);
}

void
od_document_set_author (OdDocument *doc,
                        const char *author)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->author);
  doc->author = g_strdup (author);
}

void
od_document_set_subject (OdDocument *doc,
                         const char *subject)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->subject);
  doc->subject = g_strdup (subject);
}

void
od_document_set_created (OdDocument *doc,
                         GDateTime  *created)
{
  g_return_if_fail (doc != NULL);

  g_clear_pointer (&doc->created, g_date_time_unref);
  if (created != NULL)
    doc->created = g_date_time_ref (created);
}

/* Drawn in the top margin: it never changes the pagination. */
void
od_document_set_header_text (OdDocument *doc,
                             const char *text)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->header_text);
  doc->header_text = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* LANGUAGE is a Pango language tag ("zh-cn", "en"); NULL restores zh-cn. */
void
od_document_set_language (OdDocument *doc,
                          const char *language)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->language);
  doc->language = g_strdup (language != NULL ? language : "zh-cn");
  g_clear_object (&doc->context);
  invalidate (doc);
}

void
od_document_add_title (OdDocument *doc,
                       const char *text)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  block = block_new (BLOCK_TITLE);
  block->text = g_strdup (text);
  append_block (doc, block);
}

/* LEVEL 1–3; deeper levels are set as level 3. */
void
od_document_add_heading (OdDocument *doc,
                         guint       level,
                         const char *text)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  block = block_new (BLOCK_HEADING);
  block->level = CLAMP (level, 1, 3);
  block->text = g_strdup (text);
  append_block (doc, block);
}

/* Each line of TEXT is a paragraph. Leading spaces, including the ideographic
 * spaces (U+3000) of text pasted from Chinese documents, are dropped: the
 * first-line indent is the engine's. */
void
od_document_add_paragraph (OdDocument *doc,
                           const char *text)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (text != NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *start = lines[i];
      Block *block;

      while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      if (*start == '\0')
        continue;

      block = block_new (BLOCK_PARAGRAPH);
      block->text = g_strchomp (g_strdup (start));
      append_block (doc, block);
    }
}

void
od_document_add_key_figures (OdDocument        *doc,
                             const OdKeyFigure *figures,
                             guint              n_figures)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (figures != NULL || n_figures == 0);

  if (n_figures == 0)
    return;

  block = block_new (BLOCK_KEY_FIGURES);
  block->figures = g_array_sized_new (FALSE, FALSE, sizeof (Figure), n_figures);
  g_array_set_clear_func (block->figures, figure_clear);
  for (guint i = 0; i < n_figures; i++)
    {
      Figure figure = {
        g_strdup (figures[i].label != NULL ? figures[i].label : ""),
        g_strdup (figures[i].value != NULL ? figures[i].value : ""),
        g_strdup (figures[i].note),
      };

      g_array_append_val (block->figures, figure);
    }
  append_block (doc, block);
}

/* The table is referenced, not copied: fill it before the document is paginated. */
void
od_document_add_table (OdDocument *doc,
                       OdTable    *table)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (table != NULL);

  block = block_new (BLOCK_TABLE);
  block->table = od_table_ref (table);
  append_block (doc, block);
}

void
od_document_add_chart (OdDocument *doc,
                       OdChart    *chart,
                       double      height_mm)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (height_mm > 0);

  block = block_new (BLOCK_CHART);
  block->chart = od_chart_ref (chart);
  block->chart_height = height_mm * MM;
  append_block (doc, block);
}

void
od_document_add_drawing (OdDocument     *doc,
                         OdDrawFunc      draw,
                         gpointer        user_data,
                         GDestroyNotify  destroy,
                         double          height_mm)
{
  Block *block;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (draw != NULL);
  g_return_if_fail (height_mm > 0);

  /* Laid out as a chart is: never split, shrunk to a page when taller. */
  block = block_new (BLOCK_CHART);
  block->draw = draw;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
  block->chart_height = height_mm * MM;
  append_block (doc, block);
}

void
od_document_add_page_break (OdDocument *doc)
{
  g_return_if_fail (doc != NULL);

  append_block (doc, block_new (BLOCK_PAGE_BREAK));
}

double
od_document_get_page_width (OdDocument *doc)
{
  g_return_val_if_fail (doc != NULL, A4_WIDTH);

  return doc->paper == OD_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
}

double
od_document_get_page_height (OdDocument *doc)
{
  g_return_val_if_fail (doc != NULL, A4_HEIGHT);

  return doc->paper == OD_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
}

guint
od_document_paginate (OdDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  if (doc->pages == NULL)
    paginate (doc);
  return doc->pages->len;
}

guint
od_document_get_n_pages (OdDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return od_document_paginate (doc);
}

void
od_document_render_page (OdDocument *doc,
                         cairo_t    *cr,
                         guint       page)
{
  PangoContext *context;
  GArray *fragments;
  guint n_pages;
  double x;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (cr != NULL);

  /* Not inside g_return_if_fail(): it must run even when checks are compiled out. */
  n_pages = od_document_paginate (doc);
  g_return_if_fail (page < n_pages);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  context = pango_cairo_create_context (cr);
  setup_context (context, doc->language);
  fragments = g_ptr_array_index (doc->pages, page);
  x = text_left (page);

  cairo_save (cr);
  if (doc->header_text != NULL)
    draw_page_header (doc, cr, context, x);
  for (guint i = 0; i < fragments->len; i++)
    draw_fragment (doc, cr, context, &g_array_index (fragments, Fragment, i), x, MARGIN_TOP);
  draw_page_number (doc, cr, context, page, x);
  cairo_restore (cr);

  g_object_unref (context);
}

gboolean
od_document_save (OdDocument  *doc,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *stem = NULL;
  g_autofree char *extension = NULL;
  Format format;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_from_path (path, &stem, &extension);
  /* Standard output, a device or a pipe takes one stream: the PDF. */
  if (format == FORMAT_UNKNOWN && od_output_is_stream (path))
    format = FORMAT_PDF;
  switch (format)
    {
    case FORMAT_PDF:
      return save_pdf (doc, path, error);

    case FORMAT_SVG:
    case FORMAT_PNG:
      return save_pages (doc, format, path, stem, extension, error);

    case FORMAT_UNKNOWN:
    default:
      {
        g_autofree char *name = g_filename_display_name (path);

        g_set_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_FORMAT,
                     /* Translators: %s is a file name */
                     _("Cannot save “%s”: the file type is not known. Use a name ending in "
                       ".pdf, .svg or .png."), name);
        return FALSE;
      }
    }
}
