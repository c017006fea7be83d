/* od-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OD_TYPE_WELCOME_PAGE (od_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (OdWelcomePage, od_welcome_page, OD, WELCOME_PAGE, AdwBin)

void od_welcome_page_set_path (OdWelcomePage *self,
                               const char    *path);

G_END_DECLS
