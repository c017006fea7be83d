/* od-people-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-page.h"

G_BEGIN_DECLS

#define OD_TYPE_PEOPLE_PAGE (od_people_page_get_type ())
G_DECLARE_FINAL_TYPE (OdPeoplePage, od_people_page, OD, PEOPLE_PAGE, OdPage)

void   od_people_page_set_query       (OdPeoplePage *self,
                                       const char   *query);
guint  od_people_page_get_n_shown     (OdPeoplePage *self);
void   od_people_page_select_id       (OdPeoplePage *self,
                                       gint64        id);
gint64 od_people_page_delete_selected (OdPeoplePage *self);
void   od_people_page_undo_delete     (OdPeoplePage *self);

G_END_DECLS
