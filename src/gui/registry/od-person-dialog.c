/* od-person-dialog.c — a new person for one organization, from its People tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-person-dialog"

#include "config.h"

#include "od-person-dialog.h"
#include "od-person-editor.h"
#include "od-registry-store.h"

struct _OdPersonDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  OdPersonEditor *editor;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdPersonDialog, od_person_dialog, ADW_TYPE_WINDOW)

/* --- callbacks --- */

static void
on_saved_cb (OdPersonDialog *self,
             gint64          id)
{
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* --- actions --- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  /* On a problem the editor lists it and the dialog stays open. */
  od_record_editor_save (OD_RECORD_EDITOR (OD_PERSON_DIALOG (widget)->editor));
}

/* --- overrides --- */

static void
od_person_dialog_class_init (OdPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (OD_TYPE_PERSON_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdPersonDialog, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_cb);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.add", NULL);
}

static void
od_person_dialog_init (OdPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API --- */

/* A dialog adding a person to ORGANIZATION_ID (pre-selected; 0: none).
 * Emits "saved" (the new person's id) and closes once the person is saved. */
OdPersonDialog *
od_person_dialog_new (GtkWindow *parent,
                      OdDb      *db,
                      gint64     organization_id)
{
  OdPersonDialog *self;
  g_autoptr(OdOrganizationFields) organization = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OD_IS_DB (db), NULL);

  self = g_object_new (OD_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  od_record_editor_set_db (OD_RECORD_EDITOR (self->editor), db);
  od_person_editor_new_record_for_organization (self->editor, organization_id);
  if (organization_id != 0)
    organization = od_organization_load (db, organization_id, NULL);
  adw_window_title_set_subtitle (self->window_title, organization != NULL ? organization->name : "");
  return self;
}
