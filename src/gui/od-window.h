/* od-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-application.h"
#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_WINDOW (od_window_get_type ())
G_DECLARE_FINAL_TYPE (OdWindow, od_window, OD, WINDOW, AdwApplicationWindow)

OdWindow   *od_window_new            (OdApplication *app);
gboolean    od_window_open_database  (OdWindow      *self,
                                      const char    *path,
                                      gboolean       create);
OdDb       *od_window_get_db         (OdWindow      *self);
const char *od_window_get_db_path    (OdWindow      *self);
const char *od_window_get_state      (OdWindow      *self);
void        od_window_show_section   (OdWindow      *self,
                                      const char    *name);
void        od_window_show_toast     (OdWindow      *self,
                                      const char    *message);
void        od_window_reload         (OdWindow      *self);
void        od_window_restore_backup (OdWindow      *self,
                                      const char    *backup_path);

G_END_DECLS
