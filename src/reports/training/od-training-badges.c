/* od-training-badges.c — A4 sheets of name badges for a course, each with
 * a QR code carrying the person's attendance token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eight badges a page (two across, four down), cut along the dashed
 * lines. The QR code (libqrencode) holds the enrolment's random token, never
 * the ID number; scanned at the door it types the token and Enter, which
 * the attendance window takes as a check-in.
 */
#define G_LOG_DOMAIN "orgdesk-training-badges"

#include "config.h"

#include <pango/pangocairo.h>
#include <qrencode.h>

#include <glib/gi18n.h>

#include "od-training-charts.h"
#include "od-training-query.h"
#include "od-training-store.h"

#define MM (72.0 / 25.4)

#define COLUMNS 2
#define ROWS 4
#define PER_PAGE (COLUMNS * ROWS)
#define SHEET_HEIGHT_MM 224.0
#define PADDING (5.0 * MM)
#define QR_SIZE (26.0 * MM)

typedef struct
{
  char *name;
  char *organization;
  char *token;
} Badge;

typedef struct
{
  char   *course;
  GArray *badges;   /* Badge */
} Sheet;

static void
badge_clear (gpointer data)
{
  Badge *badge = data;

  g_free (badge->name);
  g_free (badge->organization);
  g_free (badge->token);
}

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->course);
  g_array_unref (sheet->badges);
  g_free (sheet);
}

/* TEXT at X, Y in FONT, at most WIDTH wide and LINES lines (the rest
 * ellipsized); its height. */
static double
show_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width,
           int         lines)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

/* The QR code of TEXT in a SIZE square at X, Y; FALSE when it cannot be made. */
static gboolean
draw_qr (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (code == NULL)
    return FALSE;
  /* A quiet zone of two modules around the code. */
  module = size / (code->width + 4);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (code->data[row * code->width + column] & 1)
        cairo_rectangle (cr, x + (column + 2) * module, y + (row + 2) * module, module, module);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  QRcode_free (code);
  return TRUE;
}

static void
draw_sheet (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Sheet *sheet = user_data;
  double card_width = width / COLUMNS;
  double card_height = height / ROWS;
  const double dashes[] = { 3.0, 3.0 };

  for (guint i = 0; i < sheet->badges->len; i++)
    {
      const Badge *badge = &g_array_index (sheet->badges, Badge, i);
      double x = (i % COLUMNS) * card_width;
      double y = (i / COLUMNS) * card_height;
      double text_width = card_width - QR_SIZE - 3 * PADDING;
      double line_y = y + PADDING;

      /* The cutting line. */
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_rectangle (cr, x + 0.25, y + 0.25, card_width - 0.5, card_height - 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);

      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      line_y += show_text (cr, sheet->course, "Noto Sans CJK SC 8", x + PADDING, line_y,
                           card_width - 2 * PADDING, 1) + 4.0 * MM;
      cairo_set_source_rgb (cr, 0, 0, 0);
      line_y += show_text (cr, badge->name, "Noto Sans CJK SC Bold 24", x + PADDING, line_y,
                           text_width, 1) + 2.0 * MM;
      show_text (cr, badge->organization, "Noto Sans CJK SC 10", x + PADDING, line_y, text_width,
                 2);

      draw_qr (cr, badge->token, x + card_width - PADDING - QR_SIZE,
               y + card_height - PADDING - QR_SIZE - 4.0 * MM, QR_SIZE);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      show_text (cr, badge->token, "Noto Sans Mono 7", x + card_width - PADDING - QR_SIZE + 2.0 * MM,
                 y + card_height - PADDING - 3.5 * MM, QR_SIZE, 1);
    }
}

OdDocument *
od_training_badges (const OdRenderRequest  *request,
                    GError                **error)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdCourseFields) course = NULL;
  g_autoptr(GPtrArray) enrolees = NULL;
  g_autofree char *title = NULL;
  Sheet *sheet = NULL;
  guint n_badges = 0;

  if (request->course_id == 0)
    {
      g_set_error (error, OD_RENDER_ERROR, OD_RENDER_ERROR_NEEDS_RECORD,
                   _("Say which course the badges are for: --course ID."));
      return NULL;
    }
  course = od_course_load (request->db, request->course_id, error);
  if (course == NULL)
    return NULL;
  enrolees = od_course_list_enrolees (request->db, request->course_id, error);
  if (enrolees == NULL)
    return NULL;

  /* Translators: the title of a PDF of name badges; %s is a course title */
  title = g_strdup_printf (_("Badges: %s"), course->title);
  od_document_set_title (doc, title);
  od_document_set_author (doc, request->association != NULL ? request->association : "OrgDesk");
  if (request->association != NULL)
    od_document_set_header_text (doc, request->association);

  for (guint i = 0; i < enrolees->len; i++)
    {
      const OdEnrolee *e = g_ptr_array_index (enrolees, i);
      Badge badge;

      if (g_str_equal (e->status, "cancelled"))
        continue;
      if (sheet == NULL)
        {
          sheet = g_new0 (Sheet, 1);
          sheet->course = g_strdup (course->title);
          sheet->badges = g_array_new (FALSE, FALSE, sizeof (Badge));
          g_array_set_clear_func (sheet->badges, badge_clear);
        }
      badge.name = g_strdup (e->name);
      badge.organization = g_strdup (e->organization);
      badge.token = g_strdup (e->token);
      g_array_append_val (sheet->badges, badge);
      if (sheet->badges->len == PER_PAGE)
        {
          if (n_badges > 0)
            od_document_add_page_break (doc);
          od_document_add_drawing (doc, draw_sheet, g_steal_pointer (&sheet), sheet_free,
                                   SHEET_HEIGHT_MM);
        }
      n_badges++;
    }
  if (sheet != NULL)
    {
      if (n_badges > sheet->badges->len)
        od_document_add_page_break (doc);
      od_document_add_drawing (doc, draw_sheet, sheet, sheet_free, SHEET_HEIGHT_MM);
    }
  if (n_badges == 0)
    /* Translators: in a PDF of badges when nobody is enrolled */
    od_document_add_paragraph (doc, _("Nobody is enrolled in this course yet."));
  return g_steal_pointer (&doc);
}
