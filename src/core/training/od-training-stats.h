/* od-training-stats.h — "training" of `orgdesk-cli stats --json`
 * (DESIGN.md §5): per kind (general, project) courses, sessions,
 * attendees, attendance_marks, first_date, last_date, months; and the
 * attendance_rate of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-stats.h"

G_BEGIN_DECLS

extern const OdStatsDomain od_training_stats_domain;

G_END_DECLS
