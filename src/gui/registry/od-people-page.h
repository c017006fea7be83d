/* od-people-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-list-page.h"

G_BEGIN_DECLS

#define OD_TYPE_PEOPLE_PAGE (od_people_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPeoplePage, od_people_page, OD, PEOPLE_PAGE, OdListPage)

G_END_DECLS
