/* od-demo-training.h — the training part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

/* Courses of 2016–2018 with their sessions, enrolments and attendance;
 * 2017 as DESIGN.md §6 says (10 general courses within 4 months with
 * 900–999 attendees, 9 project-execution courses with 1600–1699), the
 * figures coming from the marks. Needs the registry's demo people. */
gboolean od_demo_load_training (OdDb    *db,
                                GError **error);

G_END_DECLS
