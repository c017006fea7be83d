/* od-organization-editor.c — one organization: details, people, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form checks as the user types (od_organization_validate) and lists
 * every problem with what to do; a failing credit code can be kept with a
 * reason (DESIGN.md §2). Saving goes through the store, which writes the
 * audit log shown on the History tab.
 */
#define G_LOG_DOMAIN "orgdesk-organization-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-domains.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-organization-editor.h"
#include "od-record-editor.h"
#include "od-registry-entities.h"
#include "od-registry-store.h"
#include "od-validate.h"

struct _OdOrganizationEditor
{
  OdRecordEditor  parent_instance;

  GArray         *area_ids;    /* combo position → area id (0 = none) */
  GArray         *category_ids;

  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkStack       *tabs;
  AdwEntryRow    *override_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *short_name_row;
  AdwEntryRow    *credit_code_row;
  AdwComboRow    *type_row;
  AdwComboRow    *category_row;
  AdwComboRow    *area_row;
  AdwComboRow    *level_row;
  AdwEntryRow    *registered_row;
  AdwEntryRow    *supervising_row;
  AdwEntryRow    *legal_rep_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *website_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *status_date_row;
  AdwComboRow    *member_role_row;
  AdwEntryRow    *member_since_row;
  AdwComboRow    *member_status_row;
  AdwComboRow    *party_form_row;
  GtkSpinButton  *party_members_spin;
  AdwEntryRow    *instructor_row;
  AdwActionRow   *coverage_row;
  AdwEntryRow    *notes_row;
  GtkListBox     *people_list;
  GtkWidget      *facts_group;
  GtkListBox     *facts_list;
  GtkButton      *delete_button;
};

enum {
  ADD_PERSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdOrganizationEditor, od_organization_editor, OD_TYPE_RECORD_EDITOR)

#define RECORD_EDITOR(self) OD_RECORD_EDITOR (self)

/* --- helpers --- */

static void
fill_lookup_combos (OdOrganizationEditor *self)
{
  OdDb *db = od_record_editor_get_db (RECORD_EDITOR (self));
  g_autoptr(GtkStringList) area_names = od_form_area_choices (db, _("Not set"), &self->area_ids);
  g_autoptr(GtkStringList) category_names = od_form_category_choices (db, _("Not set"),
                                                                       &self->category_ids);

  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (area_names));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));
}

/* The organization shown, as saved; NULL when none is. */
static OdOrganizationFields *
loaded (OdOrganizationEditor *self)
{
  return od_record_editor_get_record (OD_RECORD_EDITOR (self));
}

/* The form as fields, on top of what was loaded (keeps id, uuid, …). */
static OdOrganizationFields *
form_to_fields (OdOrganizationEditor *self)
{
  OdOrganizationFields *f = loaded (self) != NULL ? od_organization_fields_copy (loaded (self))
                                                  : od_organization_fields_new ();
  const char *role;

#define TAKE(member, row, nullable) \
  G_STMT_START { g_free (f->member); f->member = od_form_get_text (self->row, nullable); } G_STMT_END

  TAKE (name, name_row, FALSE);
  TAKE (short_name, short_name_row, FALSE);
  TAKE (credit_code, credit_code_row, TRUE);
  TAKE (credit_code_override, override_row, FALSE);
  TAKE (registered_on, registered_row, TRUE);
  TAKE (supervising_unit, supervising_row, FALSE);
  TAKE (legal_representative, legal_rep_row, FALSE);
  TAKE (contact_person, contact_row, FALSE);
  TAKE (phone, phone_row, FALSE);
  TAKE (address, address_row, FALSE);
  TAKE (email, email_row, FALSE);
  TAKE (website, website_row, FALSE);
  TAKE (status_date, status_date_row, TRUE);
  TAKE (member_since, member_since_row, TRUE);
  TAKE (party_instructor, instructor_row, FALSE);
  TAKE (notes, notes_row, FALSE);
#undef TAKE

  f->org_type = od_organization_type_from_key (od_form_get_combo_key (self->type_row, od_labels_org_type));
  f->category_id = od_form_get_combo_id (self->category_row, self->category_ids);
  f->area_id = od_form_get_combo_id (self->area_row, self->area_ids);
  g_free (f->registration_level);
  f->registration_level = g_strdup (od_form_get_combo_key (self->level_row,
                                                           od_labels_registration_level));
  g_free (f->status);
  f->status = g_strdup (od_form_get_combo_key (self->status_row, od_labels_status));
  role = od_form_get_combo_key (self->member_role_row, od_labels_member_role);
  g_free (f->member_role);
  f->member_role = role != NULL && *role != '\0' ? g_strdup (role) : NULL;
  g_free (f->member_status);
  f->member_status = f->member_role != NULL
    ? g_strdup (od_form_get_combo_key (self->member_status_row, od_labels_member_status)) : NULL;
  if (f->member_status != NULL && *f->member_status == '\0')
    g_clear_pointer (&f->member_status, g_free);
  g_free (f->party_org_form);
  f->party_org_form = g_strdup (od_form_get_combo_key (self->party_form_row, od_labels_party_form));
  f->party_members = gtk_spin_button_get_value_as_int (self->party_members_spin);
  return f;
}

static void
update_coverage (OdOrganizationEditor *self,
                 const OdOrganizationFields    *f)
{
  const char *text;

  if (od_organization_fields_has_org_coverage (f))
    text = _("Organization and work coverage");
  else if (od_organization_fields_has_work_coverage (f))
    text = _("Work coverage (instructor or liaison), no party organization");
  else
    text = _("Not covered");
  adw_action_row_set_subtitle (self->coverage_row, text);
}

static void
update_header (OdOrganizationEditor *self)
{
  const OdOrganizationFields *f = loaded (self);
  g_autofree char *subtitle = NULL;

  if (f == NULL)
    return;
  if (f->id == 0)
    {
      gtk_label_set_label (self->title_label, _("New Organization"));
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }
  gtk_label_set_label (self->title_label, f->name);
  subtitle = g_strdup_printf ("%s · %s", od_label_for (od_labels_org_type, od_organization_type_to_key (f->org_type)),
                              f->area_name != NULL && *f->area_name != '\0' ? f->area_name : _("No area"));
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
fill_people (OdOrganizationEditor *self)
{
  OdPersonFilter filter;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) people = NULL;

  od_form_clear_list (self->people_list);
  if (loaded (self) == NULL || loaded (self)->id == 0)
    return;

  od_person_filter_init (&filter);
  filter.organization_id = loaded (self)->id;
  ids = od_person_query_ids (od_record_editor_get_db (RECORD_EDITOR (self)), &filter, NULL);
  if (ids != NULL && ids->len > 0)
    people = od_person_load_items (od_record_editor_get_db (RECORD_EDITOR (self)), &g_array_index (ids, gint64, 0), ids->len, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const OdPersonFields *p = od_person_get_fields (g_ptr_array_index (people, i));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
      subtitle = g_strjoin (" · ", *p->position != '\0' ? p->position : _("No position"),
                            *p->mobile != '\0' ? p->mobile : _("No mobile"), NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->people_list, row);
    }
  if (people == NULL || people->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No people recorded yet"));
      gtk_list_box_append (self->people_list, row);
    }
}

/* What the other sections know of it (od_domains_organization_facts):
 * grades, inspections and their warnings. */
static void
fill_facts (OdOrganizationEditor *self)
{
  g_autoptr(GPtrArray) facts = NULL;

  od_form_clear_list (self->facts_list);
  if (loaded (self) != NULL && loaded (self)->id != 0)
    facts = od_domains_organization_facts (od_record_editor_get_db (RECORD_EDITOR (self)),
                                           loaded (self)->id, NULL);
  gtk_widget_set_visible (self->facts_group, facts != NULL && facts->len > 0);
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      const OdFact *fact = g_ptr_array_index (facts, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fact->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fact->value);
      if (fact->warning)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->facts_list, row);
    }
}

static void
od_organization_editor_fill_form (OdRecordEditor *editor)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (editor);
  const OdOrganizationFields *f = loaded (self);

  od_form_set_text (self->name_row, f->name);
  od_form_set_text (self->short_name_row, f->short_name);
  od_form_set_text (self->credit_code_row, f->credit_code);
  od_form_set_text (self->override_row, f->credit_code_override);
  od_form_set_combo_key (self->type_row, od_labels_org_type, od_organization_type_to_key (f->org_type));
  od_form_set_combo_id (self->category_row, self->category_ids, f->category_id);
  od_form_set_combo_id (self->area_row, self->area_ids, f->area_id);
  od_form_set_combo_key (self->level_row, od_labels_registration_level, f->registration_level);
  od_form_set_text (self->registered_row, f->registered_on);
  od_form_set_text (self->supervising_row, f->supervising_unit);
  od_form_set_text (self->legal_rep_row, f->legal_representative);
  od_form_set_text (self->contact_row, f->contact_person);
  od_form_set_text (self->phone_row, f->phone);
  od_form_set_text (self->address_row, f->address);
  od_form_set_text (self->email_row, f->email);
  od_form_set_text (self->website_row, f->website);
  od_form_set_combo_key (self->status_row, od_labels_status, f->status);
  od_form_set_text (self->status_date_row, f->status_date);
  od_form_set_combo_key (self->member_role_row, od_labels_member_role, f->member_role);
  od_form_set_text (self->member_since_row, f->member_since);
  od_form_set_combo_key (self->member_status_row, od_labels_member_status, f->member_status);
  od_form_set_combo_key (self->party_form_row, od_labels_party_form, f->party_org_form);
  gtk_spin_button_set_value (self->party_members_spin, (double) f->party_members);
  od_form_set_text (self->instructor_row, f->party_instructor);
  od_form_set_text (self->notes_row, f->notes);

  update_header (self);
  fill_people (self);
  fill_facts (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), f->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-person", f->id != 0);
}

/* --- record editor hooks --- */

/* Checks the form; shows the reason row while the credit code fails. */
static GPtrArray *
od_organization_editor_check_form (OdRecordEditor *editor)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (editor);
  g_autoptr(OdOrganizationFields) f = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean code_warning = FALSE;

  f = form_to_fields (self);
  /* The override is only for a failing code: judge the code without it. */
  g_free (f->credit_code_override);
  f->credit_code_override = g_strdup ("");
  problems = od_organization_validate (od_record_editor_get_db (editor), f);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, "credit_code") == 0 && problem->severity == OD_PROBLEM_WARNING)
        code_warning = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->override_row), code_warning);
  update_coverage (self, f);
  return g_steal_pointer (&problems);
}

/* The form's row of each field a problem can name. */
static const char *const field_rows[] = {
  "name", "name_row", "short_name", "short_name_row", "credit_code", "credit_code_row",
  "registered_on", "registered_row", "phone", "phone_row", "email", "email_row",
  "status_date", "status_date_row", "member_since", "member_since_row",
  "legal_representative", "legal_rep_row", "website", "website_row", NULL
};

static void
od_organization_editor_new_record (OdRecordEditor *editor)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (editor);

  od_record_editor_show_new_record (editor, od_organization_fields_new ());
  gtk_stack_set_visible_child_name (self->tabs, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static gpointer
od_organization_editor_form_to_record (OdRecordEditor *editor)
{
  return form_to_fields (OD_ORGANIZATION_EDITOR (editor));
}

static void
od_organization_editor_save_failed (OdRecordEditor *editor,
                                    const GError   *error)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (editor);

  gtk_stack_set_visible_child_name (self->tabs, "details");
  if (g_error_matches (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON))
    gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
}

static void
od_organization_editor_db_changed (OdRecordEditor *editor)
{
  fill_lookup_combos (OD_ORGANIZATION_EDITOR (editor));
}

/* --- actions --- */

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (widget);

  if (loaded (self) != NULL && loaded (self)->id != 0)
    g_signal_emit (self, signals[ADD_PERSON], 0, loaded (self)->id);
}

/* --- overrides --- */

static void
od_organization_editor_dispose (GObject *object)
{
  OdOrganizationEditor *self = OD_ORGANIZATION_EDITOR (object);

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (od_organization_editor_parent_class)->dispose (object);
}

static void
od_organization_editor_class_init (OdOrganizationEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdRecordEditorClass *editor_class = OD_RECORD_EDITOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_organization_editor_dispose;

  editor_class->entity = &od_organization_entity;
  editor_class->open_tooltip = N_("Show the organization already recorded");
  editor_class->new_record = od_organization_editor_new_record;
  editor_class->fill_form = od_organization_editor_fill_form;
  editor_class->check_form = od_organization_editor_check_form;
  editor_class->field_rows = field_rows;
  editor_class->form_to_record = od_organization_editor_form_to_record;
  editor_class->save_failed = od_organization_editor_save_failed;
  editor_class->db_changed = od_organization_editor_db_changed;

  signals[ADD_PERSON] = g_signal_new ("add-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  od_record_editor_class_set_template (widget_class, RESOURCE_PREFIX "/od-organization-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdOrganizationEditor, name)
  BIND (title_label);
  BIND (subtitle_label);
  BIND (tabs);
  BIND (override_row);
  BIND (name_row);
  BIND (short_name_row);
  BIND (credit_code_row);
  BIND (type_row);
  BIND (category_row);
  BIND (area_row);
  BIND (level_row);
  BIND (registered_row);
  BIND (supervising_row);
  BIND (legal_rep_row);
  BIND (contact_row);
  BIND (phone_row);
  BIND (address_row);
  BIND (email_row);
  BIND (website_row);
  BIND (status_row);
  BIND (status_date_row);
  BIND (member_role_row);
  BIND (member_since_row);
  BIND (member_status_row);
  BIND (party_form_row);
  BIND (party_members_spin);
  BIND (instructor_row);
  BIND (coverage_row);
  BIND (notes_row);
  BIND (people_list);
  BIND (facts_group);
  BIND (facts_list);
  BIND (delete_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.add-person", NULL, add_person_action);
}

static void
od_organization_editor_init (OdOrganizationEditor *self)
{
  g_autoptr(GtkStringList) types = od_label_model (od_labels_org_type, NULL);
  g_autoptr(GtkStringList) levels = od_label_model (od_labels_registration_level, NULL);
  g_autoptr(GtkStringList) statuses = od_label_model (od_labels_status, NULL);
  g_autoptr(GtkStringList) roles = od_label_model (od_labels_member_role, NULL);
  g_autoptr(GtkStringList) member_statuses = od_label_model (od_labels_member_status, NULL);
  g_autoptr(GtkStringList) forms = od_label_model (od_labels_party_form, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  od_record_editor_set_loading (RECORD_EDITOR (self), TRUE);
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->member_role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->member_status_row, G_LIST_MODEL (member_statuses));
  adw_combo_row_set_model (self->party_form_row, G_LIST_MODEL (forms));
  fill_lookup_combos (self);
  od_record_editor_set_loading (RECORD_EDITOR (self), FALSE);
}
