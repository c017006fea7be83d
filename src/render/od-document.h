/* od-document.h — paginated documents for print and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a list of blocks (title, headings, paragraphs, key figures,
 * tables, charts, page breaks) laid out on A4 or Letter pages with the
 * margins of GB/T 9704 and drawn on any cairo_t whose user space is in
 * points: a PDF/PNG/SVG surface or a GtkPrintOperation page.
 *
 * Layout: text block 156 × 225 mm on A4, 37 mm from the top; the binding
 * side (28 mm; 26 mm on the other side) is the left of odd pages and the
 * right of even pages. Paragraphs break between lines, never leaving one
 * line alone; titles and headings stay with what follows; charts and table
 * rows are never split (a row taller than a page is cut between its lines),
 * and a table continued on another page repeats its header row there.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "od-chart.h"
#include "od-table.h"

G_BEGIN_DECLS

#define OD_DOCUMENT_ERROR (od_document_error_quark ())

typedef enum
{
  OD_DOCUMENT_ERROR_FORMAT,
  OD_DOCUMENT_ERROR_WRITE,
} OdDocumentError;

typedef enum
{
  OD_PAPER_A4,       /* 210 × 297 mm */
  OD_PAPER_LETTER,   /* 8.5 × 11 in */
} OdPaper;

typedef struct
{
  const char *label;   /* e.g. "培训班" */
  const char *value;   /* e.g. "10期" */
  const char *note;    /* optional, e.g. "900余人参加" */
} OdKeyFigure;

typedef struct _OdDocument OdDocument;

GQuark       od_document_error_quark      (void);

OdDocument  *od_document_new              (OdPaper             paper);
OdDocument  *od_document_ref              (OdDocument         *doc);
void         od_document_unref            (OdDocument         *doc);

/* Metadata, also written into the PDF. */
void         od_document_set_title        (OdDocument         *doc,
                                           const char         *title);
void         od_document_set_author       (OdDocument         *doc,
                                           const char         *author);
void         od_document_set_subject      (OdDocument         *doc,
                                           const char         *subject);
void         od_document_set_created      (OdDocument         *doc,
                                           GDateTime          *created);
/* Printed small at the top of every page (the association's name). */
void         od_document_set_header_text  (OdDocument         *doc,
                                           const char         *text);
void         od_document_set_language     (OdDocument         *doc,
                                           const char         *language);

void         od_document_add_title        (OdDocument         *doc,
                                           const char         *text);
void         od_document_add_heading      (OdDocument         *doc,
                                           guint               level,
                                           const char         *text);
void         od_document_add_paragraph    (OdDocument         *doc,
                                           const char         *text);
void         od_document_add_key_figures  (OdDocument         *doc,
                                           const OdKeyFigure  *figures,
                                           guint               n_figures);
void         od_document_add_table        (OdDocument         *doc,
                                           OdTable            *table);
void         od_document_add_chart        (OdDocument         *doc,
                                           OdChart            *chart,
                                           double              height_mm);
/* Draws a block of the caller's own (badges, a form) in WIDTH × HEIGHT
 * points at the origin; laid out as a chart is (never split). */
typedef void (*OdDrawFunc) (cairo_t  *cr,
                            double    width,
                            double    height,
                            gpointer  user_data);

void         od_document_add_drawing      (OdDocument         *doc,
                                           OdDrawFunc          draw,
                                           gpointer            user_data,
                                           GDestroyNotify      destroy,
                                           double              height_mm);
void         od_document_add_page_break   (OdDocument         *doc);

double       od_document_get_page_width   (OdDocument         *doc);   /* points */
double       od_document_get_page_height  (OdDocument         *doc);   /* points */
/* Lays the document out for its paper; adding blocks or changing the
 * language invalidates it. get_n_pages and render_page paginate if needed.
 * An empty document has one (blank) page. */
guint        od_document_paginate         (OdDocument         *doc);
guint        od_document_get_n_pages      (OdDocument         *doc);
/* Draws PAGE (from 0) on CR, whose user space is in points with (0, 0) at
 * the top left of the page: for a GtkPrintOperation, use
 * gtk_print_operation_set_use_full_page (op, TRUE) and GTK_UNIT_POINTS.
 * The background is left to the caller. */
void         od_document_render_page      (OdDocument         *doc,
                                           cairo_t            *cr,
                                           guint               page);

/* By the extension of PATH (any case): ".pdf" writes one file with every
 * page and the metadata; ".svg" and ".png" (150 dpi, white background)
 * write one file per page: PATH for page 1, then "name-2.svg",
 * "name-3.svg"… beside it. Each file is replaced whole or not at all.
 * Errors: OD_DOCUMENT_ERROR_FORMAT for another extension,
 * OD_DOCUMENT_ERROR_WRITE when drawing or writing fails. */
gboolean     od_document_save             (OdDocument         *doc,
                                           const char         *path,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdDocument, od_document_unref)

G_END_DECLS
