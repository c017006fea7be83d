/* od-record-editor.c — what the record editors share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organization and person editors show one record in a form that checks
 * as the user types. This base class keeps what they do alike: the database,
 * whether the form has unsaved changes, loading, saving and reverting through
 * the subclass's hooks, the History tab, the editor.* actions, and the
 * problems list: what the checks found and why a save was refused (a busy
 * database, a full disk, a rule of the database), shown alike in every
 * editor by show_problems().
 */
#define G_LOG_DOMAIN "orgdesk-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"
#include "od-history.h"
#include "od-record-editor.h"
#include "od-registry-store.h"

typedef struct
{
  OdDb       *db;
  gpointer    record;       /* the entity's record shown; NULL when none is */
  gboolean    loading;      /* filling the form: changes are not the user's */
  gboolean    dirty;
  gboolean    tried_saving; /* problems of a new, untouched form are shown from then on */
  guint       n_problems;
  GError     *save_error;   /* why the last save was refused, until the form changes */
  GPtrArray  *marked_rows;  /* the form's rows marked "error" or "warning" (not owned) */

  GtkStack            *editor_stack;
  GtkListBox          *history_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
} OdRecordEditorPrivate;

enum {
  SAVED,
  DELETE_REQUESTED,
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OdRecordEditor, od_record_editor, ADW_TYPE_BIN)

#define GET_CLASS(self) OD_RECORD_EDITOR_GET_CLASS (self)

/* The record shown's id (0: new, not saved yet), -1 when none is. */
static gint64
record_id (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  return priv->record != NULL ? od_entity_record_id (GET_CLASS (self)->entity, priv->record) : -1;
}

static void
clear_record (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  if (GET_CLASS (self)->clear_record != NULL)
    GET_CLASS (self)->clear_record (self);
  g_clear_pointer (&priv->record, GET_CLASS (self)->entity->record_free);
}

/* A new record: the state of its form starts again. */
static void
reset_form_state (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  priv->dirty = FALSE;
  priv->tried_saving = FALSE;
  g_clear_error (&priv->save_error);
}

/* Nothing shown. */
static void
show_none (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  clear_record (self);
  reset_form_state (self);
  gtk_stack_set_visible_child_name (priv->editor_stack, "none");
}

/* Whether ERROR, a refused save, is said by PROBLEMS already: the store's
 * own checks are those of the form. Anything else is not foreseen by them. */
static gboolean
error_is_listed (const GError *error,
                 GPtrArray    *problems)
{
  gboolean blocking = FALSE;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OdProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->message, error->message) == 0)
        return TRUE;
      if (problem->severity != OD_PROBLEM_HINT)
        blocking = TRUE;
    }
  return blocking
         && (g_error_matches (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID)
             || g_error_matches (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE)
             || g_error_matches (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON));
}

/* The row of FIELD: the class's own answer, or its FIELD_ROWS table. */
static GtkWidget *
row_for_field (OdRecordEditor *self,
               const char     *field)
{
  OdRecordEditorClass *klass = GET_CLASS (self);

  if (klass->row_for_field != NULL)
    return klass->row_for_field (self, field);
  for (guint i = 0; klass->field_rows != NULL && klass->field_rows[i] != NULL
                    && klass->field_rows[i + 1] != NULL; i += 2)
    if (g_strcmp0 (klass->field_rows[i], field) == 0)
      return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), G_TYPE_FROM_CLASS (klass),
                                                        klass->field_rows[i + 1]));
  return NULL;
}

/* Lists PROBLEMS, and why the last save was refused, in the problems group
 * and marks the rows concerned: the same for every editor. An empty new
 * form is not wrong yet: nothing is said before typing or saving. Returns
 * how many problems are not hints. */
static guint
show_problems (OdRecordEditor *self,
               GPtrArray      *problems)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  OdRecordEditorClass *klass = GET_CLASS (self);
  /* Nobody to open the other record of a duplicate in (e.g. a dialog): no Open button. */
  GtkWidget *opener = g_signal_has_handler_pending (self, signals[OPEN_RECORD], 0, FALSE)
                      ? GTK_WIDGET (self) : NULL;
  const char *open_tooltip = klass->open_tooltip != NULL ? _(klass->open_tooltip) : NULL;
  gboolean shown = record_id (self) != 0 || priv->dirty || priv->tried_saving;
  guint n_listed = 0;
  guint n_problems = 0;

  for (guint i = 0; i < priv->marked_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (priv->marked_rows, i);

      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "warning");
    }
  g_ptr_array_set_size (priv->marked_rows, 0);
  od_form_clear_list (priv->problems_list);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OdProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row;

      gtk_list_box_append (priv->problems_list, od_form_problem_row (problem, opener, open_tooltip));
      n_listed++;
      if (problem->severity == OD_PROBLEM_HINT)
        continue;
      n_problems++;
      row = shown ? row_for_field (self, problem->field) : NULL;
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, problem->severity == OD_PROBLEM_ERROR ? "error" : "warning");
          g_ptr_array_add (priv->marked_rows, row);
        }
    }

  if (priv->save_error != NULL && !error_is_listed (priv->save_error, problems))
    {
      OdProblem refusal = { (char *) "", OD_PROBLEM_ERROR, priv->save_error->message, 0 };

      gtk_list_box_append (priv->problems_list, od_form_problem_row (&refusal, NULL, NULL));
      n_listed++;
    }

  gtk_widget_set_visible (GTK_WIDGET (priv->problems_group),
                          n_listed > 0 && (shown || priv->save_error != NULL));
  return n_problems;
}

/* --- callbacks --- */

static void
on_changed_cb (OdRecordEditor *self)
{
  od_record_editor_changed (self);
}

/* --- actions --- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  od_record_editor_save (OD_RECORD_EDITOR (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  od_record_editor_revert (OD_RECORD_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdRecordEditor *self = OD_RECORD_EDITOR (widget);
  gint64 id = record_id (self);

  if (id > 0)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, id);
}

/* --- overrides --- */

static void
od_record_editor_dispose (GObject *object)
{
  OdRecordEditor *self = OD_RECORD_EDITOR (object);
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_clear_pointer (&priv->record, GET_CLASS (self)->entity->record_free);
  g_clear_object (&priv->db);
  g_clear_error (&priv->save_error);
  if (priv->marked_rows != NULL)
    g_ptr_array_set_size (priv->marked_rows, 0);

  G_OBJECT_CLASS (od_record_editor_parent_class)->dispose (object);
}

static void
od_record_editor_finalize (GObject *object)
{
  OdRecordEditor *self = OD_RECORD_EDITOR (object);
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_clear_pointer (&priv->marked_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (od_record_editor_parent_class)->finalize (object);
}

static void
od_record_editor_class_init (OdRecordEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_record_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = od_record_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
od_record_editor_init (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  priv->marked_rows = g_ptr_array_new ();
}

/* --- for subclasses --- */

/* Sets a subclass's template and binds what this class uses of it:
 * "editor_stack", "history_list", "problems_group", "problems_list" and
 * the "on_changed_cb" handler. */
void
od_record_editor_class_set_template (GtkWidgetClass *widget_class,
                                     const char     *resource_name)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), OD_TYPE_RECORD_EDITOR));

  gtk_widget_class_set_template_from_resource (widget_class, resource_name);
  gtk_widget_class_bind_template_child_full (widget_class, "editor_stack", FALSE,
                                             G_PRIVATE_OFFSET (OdRecordEditor, editor_stack));
  gtk_widget_class_bind_template_child_full (widget_class, "history_list", FALSE,
                                             G_PRIVATE_OFFSET (OdRecordEditor, history_list));
  gtk_widget_class_bind_template_child_full (widget_class, "problems_group", FALSE,
                                             G_PRIVATE_OFFSET (OdRecordEditor, problems_group));
  gtk_widget_class_bind_template_child_full (widget_class, "problems_list", FALSE,
                                             G_PRIVATE_OFFSET (OdRecordEditor, problems_list));
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

OdDb *
od_record_editor_get_db (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), NULL);
  return priv->db;
}

gboolean
od_record_editor_get_loading (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), FALSE);
  return priv->loading;
}

void
od_record_editor_set_loading (OdRecordEditor *self,
                              gboolean        loading)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));
  priv->loading = !!loading;
}

/* Whether the user changed the form since it was filled. */
gboolean
od_record_editor_get_changed (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), FALSE);
  return priv->dirty;
}

/* A field changed: unless the form is being filled, it is the user's change. */
void
od_record_editor_changed (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  if (priv->loading)
    return;
  priv->dirty = TRUE;
  /* The refusal was about the form as it was. */
  g_clear_error (&priv->save_error);
  od_record_editor_check (self);
}

/* Checks the form and lists the problems. */
void
od_record_editor_check (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  g_autoptr(GPtrArray) problems = NULL;

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  if (priv->db == NULL || record_id (self) < 0)
    return;
  problems = GET_CLASS (self)->check_form (self);
  priv->n_problems = show_problems (self, problems);
}

/* Fills the form from the record the subclass holds and shows it. */
void
od_record_editor_show_record (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  gint64 id;

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  priv->loading = TRUE;
  GET_CLASS (self)->fill_form (self);
  priv->loading = FALSE;
  reset_form_state (self);

  id = record_id (self);
  od_record_editor_check (self);
  od_history_fill (priv->history_list, priv->db, GET_CLASS (self)->entity->name, MAX (id, 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", id > 0);
  gtk_stack_set_visible_child_name (priv->editor_stack, "record");
}

/* --- public API --- */

void
od_record_editor_set_db (OdRecordEditor *self,
                         OdDb           *db)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  g_set_object (&priv->db, db);
  show_none (self);
  priv->loading = TRUE;
  if (GET_CLASS (self)->db_changed != NULL)
    GET_CLASS (self)->db_changed (self);
  priv->loading = FALSE;
}

/* Shows record ID (0: nothing). Unsaved changes are the caller's to guard. */
void
od_record_editor_load (OdRecordEditor *self,
                       gint64          id)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  clear_record (self);
  reset_form_state (self);
  if (id != 0 && priv->db != NULL)
    priv->record = GET_CLASS (self)->entity->record_load (priv->db, id, &error);
  if (priv->record == NULL)
    {
      gtk_stack_set_visible_child_name (priv->editor_stack, "none");
      return;
    }
  od_record_editor_show_record (self);
}

/* Shows a new record, not saved yet. */
void
od_record_editor_new_record (OdRecordEditor *self)
{
  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  GET_CLASS (self)->new_record (self);
}

gpointer
od_record_editor_get_record (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv;

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), NULL);
  priv = od_record_editor_get_instance_private (self);
  return priv->record;
}

void
od_record_editor_show_new_record (OdRecordEditor *self,
                                  gpointer        record)
{
  OdRecordEditorPrivate *priv;

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));
  g_return_if_fail (record != NULL);
  priv = od_record_editor_get_instance_private (self);

  clear_record (self);
  priv->record = record;
  od_record_editor_show_record (self);
}

gint64
od_record_editor_get_id (OdRecordEditor *self)
{
  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), 0);
  return MAX (record_id (self), 0);
}

/* Whether a record is shown with changes to save (a new one always has). */
gboolean
od_record_editor_is_dirty (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  gint64 id;

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), FALSE);

  id = record_id (self);
  return id >= 0 && (priv->dirty || id == 0);
}

guint
od_record_editor_get_n_problems (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), 0);
  return priv->n_problems;
}

/* Saves the form. On a refusal the form stays as typed, and the problems
 * list says why, whatever refused: the checks, or the database. */
gboolean
od_record_editor_save (OdRecordEditor *self)
{
  OdRecordEditorPrivate *priv = od_record_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer record;
  gint64 id;

  g_return_val_if_fail (OD_IS_RECORD_EDITOR (self), FALSE);

  if (record_id (self) < 0 || priv->db == NULL)
    return FALSE;

  priv->tried_saving = TRUE;
  g_clear_error (&priv->save_error);
  record = GET_CLASS (self)->form_to_record (self);
  id = GET_CLASS (self)->entity->save (priv->db, record, &error);
  GET_CLASS (self)->entity->record_free (record);
  if (id == 0)
    {
      g_warn_if_fail (error != NULL);
      priv->save_error = g_steal_pointer (&error);
      od_record_editor_check (self);
      if (GET_CLASS (self)->save_failed != NULL)
        GET_CLASS (self)->save_failed (self, priv->save_error);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  od_record_editor_load (self, id);
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

/* Back to the record as saved; a new one is dropped. */
void
od_record_editor_revert (OdRecordEditor *self)
{
  gint64 id;

  g_return_if_fail (OD_IS_RECORD_EDITOR (self));

  id = record_id (self);
  if (id < 0)
    return;
  if (id == 0)
    {
      show_none (self);
      return;
    }
  od_record_editor_show_record (self);
}
