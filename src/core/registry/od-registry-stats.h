/* od-registry-stats.h — the figures of the registry of organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-stats.h"

G_BEGIN_DECLS

/* "organizations" of `orgdesk-cli stats --json` (DESIGN.md §5): total,
 * active, members, by_type, party_org_coverage, party_work_coverage. */
extern const OdStatsDomain od_registry_stats_domain;

G_END_DECLS
