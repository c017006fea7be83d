/* od-types.h — forward typedefs and enums shared by the core headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _OdDb      OdDb;
typedef struct _OdStmt    OdStmt;

/* Organization type, from position 2 of the unified social credit code
 * (GB 32100-2015, registering department 5 = civil affairs). Stored as the
 * short English key given by od_organization_type_to_key(). */
typedef enum
{
  OD_ORGANIZATION_TYPE_UNKNOWN = 0,
  OD_ORGANIZATION_TYPE_SOCIAL_GROUP,    /* 1 社会团体 */
  OD_ORGANIZATION_TYPE_SOCIAL_SERVICE,  /* 2 民办非企业单位 / 社会服务机构 */
  OD_ORGANIZATION_TYPE_FOUNDATION,      /* 3 基金会 */
  OD_ORGANIZATION_TYPE_OTHER,           /* 9 其他 */
} OdOrganizationType;

G_END_DECLS
