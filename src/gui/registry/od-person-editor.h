/* od-person-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"
#include "od-record-editor.h"

G_BEGIN_DECLS

#define OD_TYPE_PERSON_EDITOR (od_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdPersonEditor, od_person_editor, OD, PERSON_EDITOR, OdRecordEditor)

void     od_person_editor_new_record_for_organization (OdPersonEditor *self,
                                                       gint64          organization_id);
gboolean od_person_editor_get_in_dialog      (OdPersonEditor *self);
void     od_person_editor_set_in_dialog      (OdPersonEditor *self,
                                              gboolean        in_dialog);

G_END_DECLS
