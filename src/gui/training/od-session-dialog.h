/* od-session-dialog.h — a small window to add or edit a course's session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_SESSION_DIALOG (od_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OdSessionDialog, od_session_dialog, OD, SESSION_DIALOG, AdwWindow)

/* Edits session SESSION_ID of COURSE_ID, or a new one when SESSION_ID is 0.
 * Emits "saved" (gint64 session id) when the session was stored. */
OdSessionDialog *od_session_dialog_new  (GtkWindow       *parent,
                                         OdDb            *db,
                                         gint64           course_id,
                                         gint64           session_id);
gboolean         od_session_dialog_save (OdSessionDialog *self);

G_END_DECLS
