/* od-print-operation.c — printing documents and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages come from OdDocument, laid out in points; the operation works in
 * points on the full page so a page prints exactly as the PDF export looks.
 * Page setup and print settings are kept in GSettings between runs.
 */
#define G_LOG_DOMAIN "orgdesk-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "od-print-operation.h"

struct _OdPrintOperation
{
  GtkPrintOperation  parent_instance;

  OdDocument        *document;
  GSettings         *settings;
  GtkWindow         *parent;   /* weak, for the error dialog */
};

G_DEFINE_FINAL_TYPE (OdPrintOperation, od_print_operation, GTK_TYPE_PRINT_OPERATION)

/* --- helpers --- */

static void
load_settings (OdPrintOperation *self)
{
  g_autoptr(GVariant) print_settings = g_settings_get_value (self->settings, "print-settings");
  g_autoptr(GVariant) page_setup = g_settings_get_value (self->settings, "page-setup");
  g_autoptr(GtkPageSetup) setup = NULL;

  if (g_variant_n_children (print_settings) > 0)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_gvariant (print_settings);

      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
    }

  if (g_variant_n_children (page_setup) > 0)
    setup = gtk_page_setup_new_from_gvariant (page_setup);
  else
    {
      /* Official print is A4 (GB/T 9704). */
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, a4);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
save_settings (OdPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));

  if (settings != NULL)
    g_settings_set_value (self->settings, "print-settings", gtk_print_settings_to_gvariant (settings));
  if (setup != NULL)
    g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

/* --- overrides --- */

static void
od_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  OdPrintOperation *self = OD_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, (int) od_document_paginate (self->document));
}

static void
od_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  OdPrintOperation *self = OD_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  double doc_width = od_document_get_page_width (self->document);
  double doc_height = od_document_get_page_height (self->document);
  double scale = MIN (page_width / doc_width, page_height / doc_height);

  /* Another paper than the document's (Letter for A4): shrink to fit, never crop. */
  cairo_save (cr);
  if (scale < 0.999)
    cairo_scale (cr, scale, scale);
  od_document_render_page (self->document, cr, (guint) page_nr);
  cairo_restore (cr);
}

static void
od_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  OdPrintOperation *self = OD_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (self->parent, _("Printing Failed"),
                                       error != NULL ? error->message : _("The printer reported an error."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
od_print_operation_dispose (GObject *object)
{
  OdPrintOperation *self = OD_PRINT_OPERATION (object);

  g_clear_pointer (&self->document, od_document_unref);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (od_print_operation_parent_class)->dispose (object);
}

static void
od_print_operation_class_init (OdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = od_print_operation_dispose;
  operation_class->begin_print = od_print_operation_begin_print;
  operation_class->draw_page = od_print_operation_draw_page;
  operation_class->done = od_print_operation_done;
}

static void
od_print_operation_init (OdPrintOperation *self)
{
  self->settings = g_settings_new (APP_ID);

  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  load_settings (self);
}

/* --- public API --- */

OdPrintOperation *
od_print_operation_new (OdDocument *document)
{
  OdPrintOperation *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (OD_TYPE_PRINT_OPERATION, NULL);
  self->document = od_document_ref (document);
  return self;
}

/* One page: the chart across the text width. */
OdPrintOperation *
od_print_operation_new_for_chart (OdChart *chart)
{
  g_autoptr(OdDocument) document = od_document_new (OD_PAPER_A4);
  const char *title = od_chart_get_title (chart);

  if (title != NULL)
    od_document_set_title (document, title);
  od_document_add_chart (document, chart, 150.0);
  return od_print_operation_new (document);
}

OdDocument *
od_print_operation_get_document (OdPrintOperation *self)
{
  g_return_val_if_fail (OD_IS_PRINT_OPERATION (self), NULL);
  return self->document;
}

/* Shows the print dialog; errors are reported in a dialog over PARENT. */
void
od_print_operation_run_dialog (OdPrintOperation *self,
                               GtkWindow        *parent)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_PRINT_OPERATION (self));

  g_set_weak_pointer (&self->parent, parent);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  /* The operation holds itself until it is done. */
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, &error);
  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Printing Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Writes the pages to PATH as PDF without a dialog. */
gboolean
od_print_operation_export_pdf (OdPrintOperation  *self,
                               const char        *path,
                               GError           **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (OD_IS_PRINT_OPERATION (self), FALSE);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
od_print_report (GtkWidget              *widget,
                 const char             *kind,
                 const OdRenderRequest  *request,
                 GError                **error)
{
  g_autoptr(OdDocument) doc = od_render_build_report (kind, request, error);
  g_autoptr(OdPrintOperation) operation = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (doc == NULL)
    return FALSE;
  operation = od_print_operation_new (doc);
  od_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  return TRUE;
}
