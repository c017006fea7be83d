/* od-evaluation-stats.h — the figures of grade evaluation for od-stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-stats.h"

G_BEGIN_DECLS

extern const OdStatsDomain od_evaluation_stats_domain;

G_END_DECLS
