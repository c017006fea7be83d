/* od-organization-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"
#include "od-record-editor.h"

G_BEGIN_DECLS

#define OD_TYPE_ORGANIZATION_EDITOR (od_organization_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdOrganizationEditor, od_organization_editor, OD, ORGANIZATION_EDITOR, OdRecordEditor)

G_END_DECLS
