/* od-settings-store.h — settings kept in the database (they travel with it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

/* Keys (DESIGN.md §4 Preferences). */
#define OD_SETTING_ASSOCIATION_NAME "association_name"
#define OD_SETTING_CITY_NAME        "city_name"
#define OD_SETTING_CITY_AREA_CODE   "city_area_code"
#define OD_SETTING_INITIALIZED      "initialized"

char     *od_settings_get        (OdDb        *db,
                                  const char  *key,
                                  GError     **error);
gboolean  od_settings_set        (OdDb        *db,
                                  const char  *key,
                                  const char  *value,
                                  GError     **error);
gboolean  od_settings_set_many   (OdDb        *db,
                                  const char  *const *keys,
                                  const char  *const *values,
                                  GError     **error);

G_END_DECLS
