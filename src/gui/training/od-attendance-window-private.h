/* od-attendance-window-private.h — what the tests reach inside the door
 * window: the lateness rule and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-attendance-window.h"

G_BEGIN_DECLS

/* Whether someone arriving at NOW is late for a session held on HELD_ON
 * ("2017-10-19") starting at STARTS_AT ("09:00"): later than the start plus
 * GRACE_MINUTES. On another day than the session's, only when LATE_ANY_DAY
 * (then the time of day alone counts); never when the start is unknown. */
gboolean  od_attendance_is_late              (const char         *held_on,
                                              const char         *starts_at,
                                              guint               grace_minutes,
                                              gboolean            late_any_day,
                                              GDateTime          *now);

/* Pins the window's clock to NOW (NULL: the real clock again). */
void      _od_attendance_window_set_now      (OdAttendanceWindow *self,
                                              GDateTime          *now);

G_END_DECLS
