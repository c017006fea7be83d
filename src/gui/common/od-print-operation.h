/* od-print-operation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-chart.h"
#include "od-document.h"
#include "od-render-registry.h"

G_BEGIN_DECLS

#define OD_TYPE_PRINT_OPERATION (od_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (OdPrintOperation, od_print_operation, OD, PRINT_OPERATION, GtkPrintOperation)

OdPrintOperation *od_print_operation_new            (OdDocument       *document);
OdPrintOperation *od_print_operation_new_for_chart  (OdChart          *chart);
OdDocument       *od_print_operation_get_document   (OdPrintOperation *self);
void              od_print_operation_run_dialog     (OdPrintOperation *self,
                                                     GtkWindow        *parent);
gboolean          od_print_operation_export_pdf     (OdPrintOperation *self,
                                                     const char       *path,
                                                     GError          **error);

/* Report KIND (od-render-registry.h) made for REQUEST, to the print dialog
 * over WIDGET's window (which also saves it as a PDF); FALSE with ERROR
 * when it cannot be made. */
gboolean          od_print_report                   (GtkWidget              *widget,
                                                     const char             *kind,
                                                     const OdRenderRequest  *request,
                                                     GError                **error);

G_END_DECLS
