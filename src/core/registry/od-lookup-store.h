/* od-lookup-store.h — editable lookups: areas of the city, categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *code;          /* GB/T 2260 */
  char   *name;
  char   *name_en;
  char   *level;         /* "city", "district", "county" */
  char   *parent_code;
  char   *former_code;   /* e.g. 凤翔: 610322 until 2021 */
} OdArea;

typedef struct
{
  gint64  id;
  char   *key;
  char   *name;
} OdCategory;

GPtrArray  *od_lookup_list_areas       (OdDb        *db,
                                        GError     **error);
GPtrArray  *od_lookup_list_categories  (OdDb        *db,
                                        GError     **error);
char       *od_lookup_area_name        (OdDb        *db,
                                        const char  *code,
                                        GError     **error);
/* Every area and category back from the trash (the demo has them all). */
gboolean    od_lookup_undelete_all     (OdDb        *db,
                                        GError     **error);
void        od_area_free               (OdArea      *area);
void        od_category_free           (OdCategory  *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdArea, od_area_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdCategory, od_category_free)

G_END_DECLS
