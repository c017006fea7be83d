/* od-course-editor.h — the course pane: its fields, sessions, enrolment and
 * attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-attendance-grid.h"
#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_COURSE_EDITOR (od_course_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdCourseEditor, od_course_editor, OD, COURSE_EDITOR, AdwBin)

/* Signals: "saved" (gint64 id: the course was stored, or came back from the
 * trash), "deleted" (gint64 id: moved to the trash), "counts-changed"
 * (sessions, enrolment or attendance changed what the list shows). */
void              od_course_editor_set_db       (OdCourseEditor *self,
                                                 OdDb           *db);
/* Shows course ID; 0 shows a new course, -1 none. */
void              od_course_editor_load         (OdCourseEditor *self,
                                                 gint64          id);
gint64            od_course_editor_get_id       (OdCourseEditor *self);
gboolean          od_course_editor_is_dirty     (OdCourseEditor *self);
/* FALSE: not saved; the problem is shown above the form. */
gboolean          od_course_editor_save         (OdCourseEditor *self);
void              od_course_editor_revert       (OdCourseEditor *self);
/* A new course with the same fields and sessions; its id, or 0. */
gint64            od_course_editor_copy         (OdCourseEditor *self);
gboolean          od_course_editor_delete       (OdCourseEditor *self);
/* Enrols PERSON_ID (waitlisted when the course is full). */
gboolean          od_course_editor_enrol        (OdCourseEditor *self,
                                                 gint64          person_id);
gboolean          od_course_editor_cancel_enrolment (OdCourseEditor *self,
                                                     gint64          enrolment_id);
OdAttendanceGrid *od_course_editor_get_grid     (OdCourseEditor *self);

G_END_DECLS
