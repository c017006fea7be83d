/* od-record-editor.h — what the record editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"
#include "od-entity.h"

G_BEGIN_DECLS

#define OD_TYPE_RECORD_EDITOR (od_record_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (OdRecordEditor, od_record_editor, OD, RECORD_EDITOR, AdwBin)

/* A subclass keeps its record (as saved) and its form; the base class
 * keeps the database, the dirty and loading flags, the problem count, the
 * "saved", "delete-requested" and "open-record" signals, the editor.save,
 * editor.revert and editor.delete actions and Ctrl+S, and lists the
 * problems, and why a save was refused, the same way in every editor. Its
 * template has an "editor_stack" (pages "none" and "record"), a
 * "history_list", and a "problems_group" holding the "problems_list". */
struct _OdRecordEditorClass
{
  AdwBinClass parent_class;

  /* The entity edited (od-entity.h): the editor keeps the record shown,
   * loads it and saves it through the entity; its audit log fills the
   * History tab. */
  const OdEntity *entity;
  /* N_(): the tooltip of a duplicate's Open button, or NULL. */
  const char *open_tooltip;

  /* Optional: forgets what goes with the record shown, which is being
   * dropped (secrets revealed, …). */
  void        (*clear_record)  (OdRecordEditor *self);
  /* Shows a new record, not saved yet (calls od_record_editor_show_record). */
  void        (*new_record)    (OdRecordEditor *self);
  /* Fills the form from the record shown (under the loading flag). */
  void        (*fill_form)     (OdRecordEditor *self);
  /* Checks the form: the problems found (OdProblem, may be NULL), which the
   * base class lists; may update what depends on them in the form. */
  GPtrArray  *(*check_form)    (OdRecordEditor *self);
  /* The form's row for a problem's field, to mark it; NULL if none. By
   * default the template child FIELD_ROWS names for the field: pairs of a
   * field and a bound child's name, then NULL ("name", "name_row", …). */
  GtkWidget  *(*row_for_field) (OdRecordEditor *self,
                                const char     *field);
  const char *const *field_rows;
  /* The form as a new record of the entity (on top of the record shown:
   * id, uuid, …), to check or save. */
  gpointer    (*form_to_record) (OdRecordEditor *self);
  /* Optional: a save was refused and the problems are listed; e.g. shows
   * the tab with the list, or focuses the row to fix. */
  void        (*save_failed)   (OdRecordEditor *self,
                                const GError   *error);
  /* The database changed: refills the choices taken from it. */
  void        (*db_changed)    (OdRecordEditor *self);

  gpointer padding[5];
};

void     od_record_editor_set_db          (OdRecordEditor *self,
                                           OdDb           *db);
void     od_record_editor_load            (OdRecordEditor *self,
                                           gint64          id);
void     od_record_editor_new_record      (OdRecordEditor *self);
gint64   od_record_editor_get_id          (OdRecordEditor *self);
/* The record shown (as saved, or new), or NULL when none is. */
gpointer od_record_editor_get_record      (OdRecordEditor *self);
gboolean od_record_editor_is_dirty        (OdRecordEditor *self);
gboolean od_record_editor_save            (OdRecordEditor *self);
void     od_record_editor_revert          (OdRecordEditor *self);
guint    od_record_editor_get_n_problems  (OdRecordEditor *self);

/* For subclasses. */
void     od_record_editor_class_set_template (GtkWidgetClass *widget_class,
                                              const char     *resource_name);
OdDb    *od_record_editor_get_db          (OdRecordEditor *self);
gboolean od_record_editor_get_loading     (OdRecordEditor *self);
void     od_record_editor_set_loading     (OdRecordEditor *self,
                                           gboolean        loading);
gboolean od_record_editor_get_changed     (OdRecordEditor *self);
void     od_record_editor_changed         (OdRecordEditor *self);
void     od_record_editor_check           (OdRecordEditor *self);
void     od_record_editor_show_record     (OdRecordEditor *self);
/* Shows RECORD (the entity's, taken over), new, not saved yet. */
void     od_record_editor_show_new_record (OdRecordEditor *self,
                                           gpointer        record);

G_END_DECLS
