/* od-attendance-window.h — attendance at the door of one session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_ATTENDANCE_WINDOW (od_attendance_window_get_type ())
G_DECLARE_FINAL_TYPE (OdAttendanceWindow, od_attendance_window, OD, ATTENDANCE_WINDOW, AdwWindow)

GtkWidget *od_attendance_window_new (GtkWindow *parent,
                                     OdDb      *db,
                                     gint64     session_id);

G_END_DECLS
