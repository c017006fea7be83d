/* od-training-charts.h — training's charts and its yearly report, from the
 * training figures of od-stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-render-registry.h"

G_BEGIN_DECLS

/* Attendees by month, stacked by kind. */
OdChart    *od_training_chart_by_month      (const OdRenderRequest  *request,
                                             GError                **error);
/* Attendance rate of each session of the year (a line). */
OdChart    *od_training_chart_rate          (const OdRenderRequest  *request,
                                             GError                **error);
/* Attendees by topic (a donut). */
OdChart    *od_training_chart_by_topic      (const OdRenderRequest  *request,
                                             GError                **error);
/* The organizations that sent the most people (a ranking). */
OdChart    *od_training_chart_by_org        (const OdRenderRequest  *request,
                                             GError                **error);
/* The sign-in sheet (签到表) of request->session_id: the enrolled by name,
 * with their organization and room to sign; blank rows for walk-ins. */
OdDocument *od_training_sign_in_sheet       (const OdRenderRequest  *request,
                                             GError                **error);
/* A4 sheets of name badges for the enrolled of request->course_id, each
 * with a QR code of the attendance token (od-training-badges.c). */
OdDocument *od_training_badges              (const OdRenderRequest  *request,
                                             GError                **error);
/* A certificate of completion (one page each) for the graduates of
 * request->course_id (od_course_list_graduates). */
OdDocument *od_training_certificates        (const OdRenderRequest  *request,
                                             GError                **error);
/* The year's training: key figures, the courses, the four charts. */
OdDocument *od_training_report              (const OdRenderRequest  *request,
                                             GError                **error);

G_END_DECLS
