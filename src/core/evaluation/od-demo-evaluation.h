/* od-demo-evaluation.h — the grade evaluation part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

gboolean od_demo_load_evaluation (OdDb    *db,
                                  GError **error);

G_END_DECLS
