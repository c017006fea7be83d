/* od-training-page.h — the training section: courses, their sessions,
 * enrolment and attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-course-editor.h"
#include "od-page.h"

G_BEGIN_DECLS

#define OD_TYPE_TRAINING_PAGE (od_training_page_get_type ())
G_DECLARE_FINAL_TYPE (OdTrainingPage, od_training_page, OD, TRAINING_PAGE, OdPage)

/* Signal "take-attendance" (gint64 session_id): the user asked to take the
 * attendance of a session at the door. Emitted by the page's action
 * "training.take-attendance" (parameter: the session id, "x"), which each
 * session row's button activates; the window connects it to open
 * od_attendance_window_new (parent, db, session_id). */

void            od_training_page_set_filter   (OdTrainingPage *self,
                                               int             year,
                                               const char     *kind,
                                               const char     *topic,
                                               const char     *query);
guint           od_training_page_get_n_shown  (OdTrainingPage *self);
/* The course of row INDEX of the list shown, or 0. */
gint64          od_training_page_get_course_at (OdTrainingPage *self,
                                                guint           index);
void            od_training_page_select_course (OdTrainingPage *self,
                                                gint64          id);
OdCourseEditor *od_training_page_get_editor   (OdTrainingPage *self);

G_END_DECLS
