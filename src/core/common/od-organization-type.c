/* od-organization-type.c — the type of an organization (GB 32100-2015,
 * position 2 of the credit code) as a stored key and as shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-organization-type"

#include "config.h"

#include <glib/gi18n.h>

#include "od-organization-type.h"

const char *
od_organization_type_to_key (OdOrganizationType type)
{
  switch (type)
    {
    case OD_ORGANIZATION_TYPE_SOCIAL_GROUP:
      return "social_group";
    case OD_ORGANIZATION_TYPE_SOCIAL_SERVICE:
      return "social_service";
    case OD_ORGANIZATION_TYPE_FOUNDATION:
      return "foundation";
    case OD_ORGANIZATION_TYPE_OTHER:
      return "other";
    case OD_ORGANIZATION_TYPE_UNKNOWN:
    default:
      return "unknown";
    }
}

OdOrganizationType
od_organization_type_from_key (const char *key)
{
  if (key == NULL)
    return OD_ORGANIZATION_TYPE_UNKNOWN;

  if (g_str_equal (key, "social_group"))
    return OD_ORGANIZATION_TYPE_SOCIAL_GROUP;
  if (g_str_equal (key, "social_service"))
    return OD_ORGANIZATION_TYPE_SOCIAL_SERVICE;
  if (g_str_equal (key, "foundation"))
    return OD_ORGANIZATION_TYPE_FOUNDATION;
  if (g_str_equal (key, "other"))
    return OD_ORGANIZATION_TYPE_OTHER;

  /* Keys written by a newer version, or damaged ones, are not an error:
   * the type can be read again from the credit code. */
  return OD_ORGANIZATION_TYPE_UNKNOWN;
}

const char *
od_organization_type_to_string (OdOrganizationType type)
{
  switch (type)
    {
    case OD_ORGANIZATION_TYPE_SOCIAL_GROUP:
      /* Translators: organization type 社会团体 (GB 32100 code 51…) */
      return _("Social group");
    case OD_ORGANIZATION_TYPE_SOCIAL_SERVICE:
      /* Translators: organization type 社会服务机构, formerly 民办非企业单位 (code 52…) */
      return _("Social service organization");
    case OD_ORGANIZATION_TYPE_FOUNDATION:
      /* Translators: organization type 基金会 (code 53…) */
      return _("Foundation");
    case OD_ORGANIZATION_TYPE_OTHER:
      /* Translators: organization type 其他 (code 59…) */
      return _("Other");
    case OD_ORGANIZATION_TYPE_UNKNOWN:
    default:
      /* Translators: organization type not known, e.g. the code was not
       * issued by civil affairs (民政) */
      return _("Unknown");
    }
}
