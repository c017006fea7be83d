/* od-organization-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_ORGANIZATION_EDITOR (od_organization_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdOrganizationEditor, od_organization_editor, OD, ORGANIZATION_EDITOR, AdwBin)

void     od_organization_editor_set_db      (OdOrganizationEditor *self,
                                             OdDb                 *db);
void     od_organization_editor_load        (OdOrganizationEditor *self,
                                             gint64                id);
void     od_organization_editor_new_record  (OdOrganizationEditor *self);
gint64   od_organization_editor_get_id      (OdOrganizationEditor *self);
gboolean od_organization_editor_is_dirty    (OdOrganizationEditor *self);
gboolean od_organization_editor_save        (OdOrganizationEditor *self);
void     od_organization_editor_revert      (OdOrganizationEditor *self);
guint    od_organization_editor_get_n_problems (OdOrganizationEditor *self);

G_END_DECLS
