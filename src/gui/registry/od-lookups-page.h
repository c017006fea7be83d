/* od-lookups-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-page.h"

G_BEGIN_DECLS

#define OD_TYPE_LOOKUPS_PAGE (od_lookups_page_get_type ())
G_DECLARE_FINAL_TYPE (OdLookupsPage, od_lookups_page, OD, LOOKUPS_PAGE, OdPage)


G_END_DECLS
