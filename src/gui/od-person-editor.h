/* od-person-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_PERSON_EDITOR (od_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (OdPersonEditor, od_person_editor, OD, PERSON_EDITOR, AdwBin)

void     od_person_editor_set_db             (OdPersonEditor *self,
                                              OdDb           *db);
void     od_person_editor_load               (OdPersonEditor *self,
                                              gint64          id);
void     od_person_editor_new_record         (OdPersonEditor *self);
void     od_person_editor_new_record_for_organization (OdPersonEditor *self,
                                                       gint64          organization_id);
gint64   od_person_editor_get_id             (OdPersonEditor *self);
gboolean od_person_editor_is_dirty           (OdPersonEditor *self);
gboolean od_person_editor_save               (OdPersonEditor *self);
void     od_person_editor_revert             (OdPersonEditor *self);
guint    od_person_editor_get_n_problems     (OdPersonEditor *self);
gboolean od_person_editor_get_in_dialog      (OdPersonEditor *self);
void     od_person_editor_set_in_dialog      (OdPersonEditor *self,
                                              gboolean        in_dialog);

G_END_DECLS
