/* od-demo.h — the demo data of DESIGN.md §6, loaded deterministically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

#define OD_DEMO_ERROR (od_demo_error_quark ())

typedef enum
{
  OD_DEMO_ERROR_NOT_EMPTY,
} OdDemoError;

/* The demo rows are stamped with this time, so two loads give the same rows. */
#define OD_DEMO_NOW "2018-12-28T09:00:00Z"

GQuark    od_demo_error_quark       (void);
gboolean  od_demo_database_is_empty (OdDb      *db,
                                     gboolean  *empty,
                                     GError   **error);
gboolean  od_demo_load              (OdDb      *db,
                                     gboolean   force,
                                     GError   **error);

G_END_DECLS
