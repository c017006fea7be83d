/* od-demo-registry.h — the registry part of the demo data: organizations and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

gboolean od_demo_load_registry (OdDb       *db,
                                GError    **error);
/* A stable uuid for demo row N of TABLE, the same in every demo database. */
char    *od_demo_uuid          (const char *table,
                                guint       n);

G_END_DECLS
