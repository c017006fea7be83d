/* od-organizations-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-list-page.h"

G_BEGIN_DECLS

#define OD_TYPE_ORGANIZATIONS_PAGE (od_organizations_page_get_type ())
G_DECLARE_FINAL_TYPE (OdOrganizationsPage, od_organizations_page, OD, ORGANIZATIONS_PAGE, OdListPage)

G_END_DECLS
