/* od-trash-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_TRASH_WINDOW (od_trash_window_get_type ())
G_DECLARE_FINAL_TYPE (OdTrashWindow, od_trash_window, OD, TRASH_WINDOW, AdwWindow)

OdTrashWindow *od_trash_window_new           (GtkWindow     *parent,
                                              OdDb          *db);
void           od_trash_window_reload        (OdTrashWindow *self);
guint          od_trash_window_get_n_entries (OdTrashWindow *self);

G_END_DECLS
