/* od-attendance-grid.h — a course's attendance: people × sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_ATTENDANCE_GRID (od_attendance_grid_get_type ())
G_DECLARE_FINAL_TYPE (OdAttendanceGrid, od_attendance_grid, OD, ATTENDANCE_GRID, AdwBin)

/* Each cell is a drop-down (not yet, present, late, absent, excused) that
 * stores the mark at once (method "manual"); each session's column ends
 * with its counts. Emits "changed" after a mark was stored or cleared. */
GtkWidget   *od_attendance_grid_new      (void);
void         od_attendance_grid_set_course (OdAttendanceGrid *self,
                                            OdDb             *db,
                                            gint64            course_id);
void         od_attendance_grid_reload   (OdAttendanceGrid *self);
/* Marks entered from the paper sign-in sheet afterwards carry the method
 * "paper"; otherwise "manual". */
void         od_attendance_grid_set_from_paper (OdAttendanceGrid *self,
                                                gboolean          from_paper);
/* The cell of PERSON_ID at SESSION_ID, or NULL. */
GtkDropDown *od_attendance_grid_get_cell (OdAttendanceGrid *self,
                                          gint64            person_id,
                                          gint64            session_id);
/* The footer label of SESSION_ID's counts, or NULL. */
GtkLabel    *od_attendance_grid_get_counts_label (OdAttendanceGrid *self,
                                                  gint64            session_id);

G_END_DECLS
