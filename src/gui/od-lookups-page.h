/* od-lookups-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_LOOKUPS_PAGE (od_lookups_page_get_type ())
G_DECLARE_FINAL_TYPE (OdLookupsPage, od_lookups_page, OD, LOOKUPS_PAGE, AdwBin)

void od_lookups_page_set_db (OdLookupsPage *self,
                             OdDb          *db);

G_END_DECLS
