/* od-demo-inspection.h — the annual-inspection part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

/* One inspection per demo organization and year 2015–2018 it was
 * registered before 1 July of, and not yet deregistered or revoked when
 * the year's inspection was due; mostly qualified, with a few organizations
 * basically qualified two years running, unqualified or not submitted so
 * that the warnings show. Needs the registry's demo organizations. */
gboolean od_demo_load_inspection (OdDb    *db,
                                  GError **error);

G_END_DECLS
