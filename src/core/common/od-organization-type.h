/* od-organization-type.h — the type of an organization (GB 32100-2015,
 * position 2 of the credit code) as a stored key and as shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-types.h"

G_BEGIN_DECLS

/* "social_group", "social_service", "foundation", "other", "unknown". */
const char         *od_organization_type_to_key    (OdOrganizationType  type);
/* UNKNOWN for NULL or a key this version does not know. */
OdOrganizationType  od_organization_type_from_key  (const char         *key);
/* Translated, for the screen and prints. */
const char         *od_organization_type_to_string (OdOrganizationType  type);

G_END_DECLS
