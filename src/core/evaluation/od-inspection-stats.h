/* od-inspection-stats.h — "inspection" of `orgdesk-cli stats --json`
 * (DESIGN.md §5): inspected and by_conclusion for the year asked, and the
 * missing, and by_year for the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-stats.h"

G_BEGIN_DECLS

extern const OdStatsDomain od_inspection_stats_domain;

G_END_DECLS
