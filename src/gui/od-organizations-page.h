/* od-organizations-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-page.h"

G_BEGIN_DECLS

#define OD_TYPE_ORGANIZATIONS_PAGE (od_organizations_page_get_type ())
G_DECLARE_FINAL_TYPE (OdOrganizationsPage, od_organizations_page, OD, ORGANIZATIONS_PAGE, OdPage)

void   od_organizations_page_set_query     (OdOrganizationsPage *self,
                                            const char          *query);
guint  od_organizations_page_get_n_shown   (OdOrganizationsPage *self);
void   od_organizations_page_select_id     (OdOrganizationsPage *self,
                                            gint64               id);
gint64 od_organizations_page_delete_selected (OdOrganizationsPage *self);
void   od_organizations_page_undo_delete   (OdOrganizationsPage *self);

G_END_DECLS
