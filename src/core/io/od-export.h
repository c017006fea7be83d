/* od-export.h — organizations and people as CSV, XLSX or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_EXPORT_ERROR (od_export_error_quark ())

typedef enum
{
  OD_EXPORT_ERROR_UNKNOWN_ENTITY,   /* not an exportable registered entity */
  OD_EXPORT_ERROR_WRITE,            /* the file cannot be written */
  OD_EXPORT_ERROR_TOO_LARGE,        /* more than a spreadsheet can hold (XLSX) */
} OdExportError;

typedef enum
{
  OD_EXPORT_FORMAT_CSV,    /* UTF-8 with BOM, CRLF, RFC 4180 quoting, for Excel */
  OD_EXPORT_FORMAT_JSON,   /* an array of objects, one per line */
  OD_EXPORT_FORMAT_XLSX,   /* an Excel workbook with typed cells (libxlsxwriter) */
} OdExportFormat;

GQuark       od_export_error_quark   (void);
gboolean     od_export_has_entity    (const char      *entity);
char        *od_export_entities      (void);
gboolean     od_export_write         (OdDb            *db,
                                      const char      *entity,
                                      OdExportFormat   format,
                                      gboolean         full_id_numbers,
                                      GOutputStream   *out,
                                      GError         **error);
gboolean     od_export_write_file    (OdDb            *db,
                                      const char      *entity,
                                      OdExportFormat   format,
                                      gboolean         full_id_numbers,
                                      const char      *path,
                                      GError         **error);
gboolean     od_export_write_ids_file (OdDb           *db,
                                      const char      *entity,
                                      OdExportFormat   format,
                                      const gint64    *ids,
                                      guint            n_ids,
                                      gboolean         full_id_numbers,
                                      const char      *path,
                                      GError         **error);

G_END_DECLS
