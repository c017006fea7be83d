/* od-add-organizations-dialog.c — adding organizations of the registry to
 * a round of grade evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md §2 "Grade evaluation": each eligibility check is a warning the
 * office may override with a reason. od_round_add_organization() refuses
 * with OD_STORE_ERROR_NEEDS_REASON, listing the failed checks; they are
 * shown here with an entry for the reason, and adding again takes it.
 */
#define G_LOG_DOMAIN "orgdesk-add-organizations-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "od-add-organizations-dialog.h"
#include "od-evaluation-store.h"
#include "od-form.h"
#include "od-organization-type.h"
#include "od-store-util.h"

/* Enough to find one organization by a few characters of its name. */
#define MAX_RESULTS 30

struct _OdAddOrganizationsDialog
{
  AdwWindow             parent_instance;

  OdDb                 *db;
  gint64                round_id;
  GHashTable           *in_round;      /* organization ids already in the round */
  gint64                pending_id;    /* waiting for a reason; 0 */

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *reason_revealer;
  AdwPreferencesGroup  *reason_group;
  AdwEntryRow          *reason_row;
  GtkWidget            *add_anyway_button;
  GtkListBox           *results_list;
};

enum
{
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdAddOrganizationsDialog, od_add_organizations_dialog, ADW_TYPE_WINDOW)

/* --- helpers --- */

static void
show_toast (OdAddOrganizationsDialog *self,
            const char               *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
load_round (OdAddOrganizationsDialog *self)
{
  g_autoptr(OdEvaluationRoundFields) round = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->in_round);
  round = od_evaluation_round_load (self->db, self->round_id, &error);
  if (round != NULL)
    adw_window_title_set_subtitle (self->window_title, round->name);
  evaluations = od_round_list_evaluations (self->db, self->round_id, &error);
  if (evaluations == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < evaluations->len; i++)
    {
      OdEvaluationFields *evaluation = g_ptr_array_index (evaluations, i);

      g_hash_table_add (self->in_round, g_memdup2 (&evaluation->organization_id, sizeof (gint64)));
    }
}

static void
fill_results (OdAddOrganizationsDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  OdOrganizationFilter filter;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  od_form_clear_list (self->results_list);
  if (query[0] == '\0')
    return;
  od_organization_filter_init (&filter);
  filter.query = query;
  ids = od_organization_query_ids (self->db, &filter, &error);
  if (ids == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < ids->len && i < MAX_RESULTS; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(OdOrganizationFields) org = od_organization_load (self->db, id, NULL);
      gboolean added = g_hash_table_contains (self->in_round, &id);
      GtkWidget *row;

      if (org == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), org->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), od_organization_type_to_string (org->org_type));
      if (added)
        {
          GtkWidget *label = gtk_label_new (_("In this round"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !added);
      g_object_set_data_full (G_OBJECT (row), "od-id", g_memdup2 (&id, sizeof (gint64)), g_free);
      gtk_list_box_append (self->results_list, row);
    }
  if (gtk_list_box_get_row_at_index (self->results_list, 0) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No organization found"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->results_list, row);
    }
}

static void
ask_reason (OdAddOrganizationsDialog *self,
            gint64                    organization_id,
            const char               *checks)
{
  g_autoptr(OdOrganizationFields) org = od_organization_load (self->db, organization_id, NULL);

  self->pending_id = organization_id;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->reason_group),
                                   org != NULL ? org->name : "");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->reason_group), checks);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  gtk_revealer_set_reveal_child (self->reason_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
hide_reason (OdAddOrganizationsDialog *self)
{
  self->pending_id = 0;
  gtk_revealer_set_reveal_child (self->reason_revealer, FALSE);
}

static gint64
add (OdAddOrganizationsDialog *self,
     gint64                    organization_id,
     const char               *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  id = od_round_add_organization (self->db, self->round_id, organization_id, reason, &error);
  if (id <= 0)
    {
      if (g_error_matches (error, OD_STORE_ERROR, OD_STORE_ERROR_NEEDS_REASON))
        ask_reason (self, organization_id, error->message);
      else
        show_toast (self, error->message);
      return 0;
    }
  hide_reason (self);
  g_hash_table_add (self->in_round, g_memdup2 (&organization_id, sizeof (gint64)));
  org = od_organization_load (self->db, organization_id, NULL);
  /* Translators: %s is the organization added to the round */
  message = g_strdup_printf (_("%s added"), org != NULL ? org->name : "");
  show_toast (self, message);
  fill_results (self);
  g_signal_emit (self, signals[ADDED], 0, id);
  return id;
}

/* --- callbacks --- */

static void
on_search_changed_cb (OdAddOrganizationsDialog *self)
{
  fill_results (self);
}

static void
on_result_activated_cb (OdAddOrganizationsDialog *self,
                        GtkListBoxRow            *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "od-id");

  if (id != NULL)
    od_add_organizations_dialog_add (self, *id);
}

/* Enter takes the first organization found that is not in the round yet. */
static void
on_search_activate_cb (OdAddOrganizationsDialog *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->results_list, i)) != NULL; i++)
    if (gtk_list_box_row_get_activatable (row))
      {
        on_result_activated_cb (self, row);
        return;
      }
}

static void
on_add_anyway_clicked_cb (OdAddOrganizationsDialog *self)
{
  od_add_organizations_dialog_add_anyway (self);
}

static void
on_skip_clicked_cb (OdAddOrganizationsDialog *self)
{
  hide_reason (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- overrides --- */

static void
od_add_organizations_dialog_dispose (GObject *object)
{
  OdAddOrganizationsDialog *self = OD_ADD_ORGANIZATIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OD_TYPE_ADD_ORGANIZATIONS_DIALOG);
  g_clear_object (&self->db);
  g_clear_pointer (&self->in_round, g_hash_table_unref);
  G_OBJECT_CLASS (od_add_organizations_dialog_parent_class)->dispose (object);
}

static void
od_add_organizations_dialog_class_init (OdAddOrganizationsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = od_add_organizations_dialog_dispose;

  /**
   * OdAddOrganizationsDialog::added:
   * @evaluation_id: the evaluation made for the organization added
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/od-add-organizations-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, reason_revealer);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, add_anyway_button);
  gtk_widget_class_bind_template_child (widget_class, OdAddOrganizationsDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_anyway_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
od_add_organizations_dialog_init (OdAddOrganizationsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->in_round = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* --- public API --- */

OdAddOrganizationsDialog *
od_add_organizations_dialog_new (GtkWindow *parent,
                                 OdDb      *db,
                                 gint64     round_id)
{
  OdAddOrganizationsDialog *self;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (round_id > 0, NULL);

  self = g_object_new (OD_TYPE_ADD_ORGANIZATIONS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->round_id = round_id;
  load_round (self);
  return self;
}

gint64
od_add_organizations_dialog_add (OdAddOrganizationsDialog *self,
                                 gint64                    organization_id)
{
  g_return_val_if_fail (OD_IS_ADD_ORGANIZATIONS_DIALOG (self), 0);

  return add (self, organization_id, NULL);
}

gint64
od_add_organizations_dialog_add_anyway (OdAddOrganizationsDialog *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (OD_IS_ADD_ORGANIZATIONS_DIALOG (self), 0);

  if (self->pending_id <= 0)
    return 0;
  reason = od_form_get_text (self->reason_row, FALSE);
  if (reason[0] == '\0')
    {
      show_toast (self, _("Type the reason it may take part although a check failed."));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
      return 0;
    }
  return add (self, self->pending_id, reason);
}
