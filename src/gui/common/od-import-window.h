/* od-import-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_IMPORT_WINDOW (od_import_window_get_type ())
G_DECLARE_FINAL_TYPE (OdImportWindow, od_import_window, OD, IMPORT_WINDOW, AdwWindow)

OdImportWindow *od_import_window_new      (GtkWindow      *parent,
                                           OdDb           *db);
void            od_import_window_set_file (OdImportWindow *self,
                                           const char     *path);
gboolean        od_import_window_can_import (OdImportWindow *self);
gboolean        od_import_window_run      (OdImportWindow *self);

G_END_DECLS
