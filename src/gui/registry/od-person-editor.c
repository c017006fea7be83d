/* od-person-editor.c — one person: details, masked ID number, history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form checks as the user types (od_person_validate: required name,
 * ID number check, duplicates on the ID number and on name + mobile) and
 * lists every problem with what to do. The resident ID number is personal
 * data (DESIGN.md §2): it is shown masked (610302********123X) until the user
 * reveals it on purpose, and can only be edited while revealed, so a masked
 * text is never saved in place of the number.
 */
#define G_LOG_DOMAIN "orgdesk-person-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-form.h"
#include "od-labels.h"
#include "od-person-editor.h"
#include "od-record-editor.h"
#include "od-registry-entities.h"
#include "od-registry-store.h"
#include "od-validate.h"

struct _OdPersonEditor
{
  OdRecordEditor  parent_instance;

  GArray         *organization_ids; /* combo position → organization id (0 = none) */
  char           *id_number;        /* the full number as edited; never shown unless revealed */
  gboolean        in_dialog;

  GtkWidget      *header_box;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkStackSwitcher *tab_switcher;
  GtkStack       *tabs;
  AdwEntryRow    *name_row;
  AdwComboRow    *gender_row;
  AdwComboRow    *organization_row;
  AdwEntryRow    *position_row;
  AdwEntryRow    *mobile_row;
  AdwEntryRow    *id_number_row;
  GtkToggleButton *reveal_button;
  AdwEntryRow    *notes_row;
  GtkActionBar   *action_bar;
};

enum {
  PROP_0,
  PROP_IN_DIALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OdPersonEditor, od_person_editor, OD_TYPE_RECORD_EDITOR)

#define RECORD_EDITOR(self) OD_RECORD_EDITOR (self)

/* The person shown, as saved; NULL when none is. */
static OdPersonFields *
loaded (OdPersonEditor *self)
{
  return od_record_editor_get_record (RECORD_EDITOR (self));
}

/* --- helpers --- */

/* Frees an ID number without leaving it in freed memory. */
static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static gboolean
is_loading (OdPersonEditor *self)
{
  return od_record_editor_get_loading (RECORD_EDITOR (self));
}

static void
set_loading (OdPersonEditor *self,
             gboolean        loading)
{
  od_record_editor_set_loading (RECORD_EDITOR (self), loading);
}

static gboolean
is_revealed (OdPersonEditor *self)
{
  return gtk_toggle_button_get_active (self->reveal_button);
}

static gint64
get_organization_id (OdPersonEditor *self)
{
  return od_form_get_combo_id (self->organization_row, self->organization_ids);
}

/* Selects organization ID; one that is not in the list (it is in the
 * trash) is added under NAME so that saving keeps the link. */
static void
select_organization (OdPersonEditor *self,
                     gint64          id,
                     const char     *name)
{
  GListModel *model = adw_combo_row_get_model (self->organization_row);
  guint position = od_form_find_id (self->organization_ids, id);

  if (position != G_MAXUINT)
    {
      adw_combo_row_set_selected (self->organization_row, position);
      return;
    }
  if (id != 0 && GTK_IS_STRING_LIST (model))
    {
      g_array_append_val (self->organization_ids, id);
      gtk_string_list_append (GTK_STRING_LIST (model),
                              name != NULL && *name != '\0' ? name : _("Organization in the trash"));
      adw_combo_row_set_selected (self->organization_row, self->organization_ids->len - 1);
      return;
    }
  adw_combo_row_set_selected (self->organization_row, 0);
}

/* The organizations to choose from, in pinyin order; keeps the choice. */
static void
fill_organizations (OdPersonEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  OdDb *db = od_record_editor_get_db (RECORD_EDITOR (self));
  gboolean was_loading = is_loading (self);
  gint64 current = get_organization_id (self);
  gint64 none = 0;

  g_clear_pointer (&self->organization_ids, g_array_unref);
  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->organization_ids, none);
  gtk_string_list_append (names, _("No organization"));

  if (db != NULL)
    {
      OdOrganizationFilter filter;

      od_organization_filter_init (&filter);
      ids = od_organization_query_ids (db, &filter, NULL);
    }
  if (ids != NULL && ids->len > 0)
    items = od_organization_load_items (db, &g_array_index (ids, gint64, 0), ids->len, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const OdOrganizationFields *f = od_organization_get_fields (g_ptr_array_index (items, i));

      g_array_append_val (self->organization_ids, f->id);
      gtk_string_list_append (names, f->name);
    }

  set_loading (self, TRUE);
  adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (names));
  select_organization (self, current,
                       loaded (self) != NULL && loaded (self)->organization_id == current
                       ? loaded (self)->organization_name : NULL);
  set_loading (self, was_loading);
}

/* Shows the ID number masked, or in full while the reveal button is on;
 * only the full number can be edited. */
static void
show_id_number (OdPersonEditor *self)
{
  gboolean revealed = is_revealed (self);
  gboolean was_loading = is_loading (self);
  g_autofree char *masked = od_id_number_mask (self->id_number != NULL ? self->id_number : "");

  set_loading (self, TRUE);
  od_form_set_text (self->id_number_row, revealed ? self->id_number : masked);
  gtk_editable_set_editable (GTK_EDITABLE (self->id_number_row), revealed);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_number_row),
                               revealed ? NULL : _("Reveal the ID number to change it"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button),
                               revealed ? _("Hide the ID Number") : _("Reveal the Full ID Number"));
  set_loading (self, was_loading);
}

/* The form as fields, on top of what was loaded (keeps id, uuid, …). */
static OdPersonFields *
form_to_fields (OdPersonEditor *self)
{
  OdPersonFields *f = loaded (self) != NULL ? od_person_fields_copy (loaded (self))
                                            : od_person_fields_new ();
  const char *gender = od_form_get_combo_key (self->gender_row, od_labels_gender);
  GObject *organization = adw_combo_row_get_selected_item (self->organization_row);
  char *id_number = g_strstrip (g_strdup (self->id_number != NULL ? self->id_number : ""));

#define TAKE(member, row) \
  G_STMT_START { g_free (f->member); f->member = od_form_get_text (self->row, FALSE); } G_STMT_END

  TAKE (name, name_row);
  TAKE (position, position_row);
  TAKE (mobile, mobile_row);
  TAKE (notes, notes_row);
#undef TAKE

  g_free (f->gender);
  f->gender = g_strdup (gender != NULL ? gender : "unknown");
  f->organization_id = get_organization_id (self);
  g_free (f->organization_name);
  f->organization_name = g_strdup (f->organization_id != 0 && GTK_IS_STRING_OBJECT (organization)
                                   ? gtk_string_object_get_string (GTK_STRING_OBJECT (organization))
                                   : "");
  clear_secret (&f->id_number);
  if (*id_number != '\0')
    f->id_number = id_number;
  else
    g_free (id_number);
  return f;
}

static void
update_header (OdPersonEditor *self)
{
  const OdPersonFields *f = loaded (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  if (f == NULL)
    return;
  if (f->id == 0)
    {
      gtk_label_set_label (self->title_label, _("New Person"));
      gtk_label_set_label (self->subtitle_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }
  gtk_label_set_label (self->title_label, f->name);
  if (f->organization_name != NULL && *f->organization_name != '\0')
    g_ptr_array_add (parts, f->organization_name);
  if (f->position != NULL && *f->position != '\0')
    g_ptr_array_add (parts, f->position);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
}

static void
od_person_editor_fill_form (OdRecordEditor *editor)
{
  OdPersonEditor *self = OD_PERSON_EDITOR (editor);
  const OdPersonFields *f = loaded (self);
  guint gender = od_label_index (od_labels_gender, f->gender);

  od_form_set_text (self->name_row, f->name);
  adw_combo_row_set_selected (self->gender_row,
                              od_label_key_at (od_labels_gender, gender) != NULL ? gender : 0);
  select_organization (self, f->organization_id, f->organization_name);
  od_form_set_text (self->position_row, f->position);
  od_form_set_text (self->mobile_row, f->mobile);
  od_form_set_text (self->notes_row, f->notes);
  clear_secret (&self->id_number);
  self->id_number = g_strdup (f->id_number);
  /* Masked on every record shown; with no number there is nothing to hide. */
  gtk_toggle_button_set_active (self->reveal_button,
                                self->id_number == NULL || *self->id_number == '\0');
  show_id_number (self);

  update_header (self);
  /* A new record has no history yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->tab_switcher), f->id != 0);
  if (f->id == 0)
    gtk_stack_set_visible_child_name (self->tabs, "details");
}

/* --- callbacks --- */

static void
on_id_number_changed_cb (OdPersonEditor *self)
{
  OdCodeResult result;

  /* The masked text is set by us, under loading; only the full one is typed. */
  if (is_loading (self) || !is_revealed (self))
    return;
  clear_secret (&self->id_number);
  self->id_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_number_row)));

  /* GB 11643-1999: an odd 17th digit is a man. Fill a gender not given. */
  if (od_validate_id_number (self->id_number, &result)
      && g_strcmp0 (od_form_get_combo_key (self->gender_row, od_labels_gender), "unknown") == 0)
    {
      set_loading (self, TRUE);
      od_form_set_combo_key (self->gender_row, od_labels_gender, result.male ? "male" : "female");
      set_loading (self, FALSE);
    }
  od_record_editor_changed (RECORD_EDITOR (self));
}

static void
on_reveal_toggled_cb (OdPersonEditor *self)
{
  show_id_number (self);
  if (is_revealed (self) && !is_loading (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->id_number_row));
}

/* --- record editor hooks --- */

static GPtrArray *
od_person_editor_check_form (OdRecordEditor *editor)
{
  g_autoptr(OdPersonFields) f = form_to_fields (OD_PERSON_EDITOR (editor));

  return od_person_validate (od_record_editor_get_db (editor), f);
}

/* The form's row of each field a problem can name. */
static const char *const field_rows[] = {
  "name", "name_row", "gender", "gender_row", "organization_id", "organization_row",
  "position", "position_row", "mobile", "mobile_row", "id_number", "id_number_row",
  "notes", "notes_row", NULL
};

static void
od_person_editor_clear_record (OdRecordEditor *editor)
{
  clear_secret (&OD_PERSON_EDITOR (editor)->id_number);
}

static void
od_person_editor_new_record (OdRecordEditor *editor)
{
  od_person_editor_new_record_for_organization (OD_PERSON_EDITOR (editor), 0);
}

static gpointer
od_person_editor_form_to_record (OdRecordEditor *editor)
{
  return form_to_fields (OD_PERSON_EDITOR (editor));
}

static void
od_person_editor_save_failed (OdRecordEditor *editor,
                              const GError   *error)
{
  gtk_stack_set_visible_child_name (OD_PERSON_EDITOR (editor)->tabs, "details");
}

static void
od_person_editor_db_changed (OdRecordEditor *editor)
{
  fill_organizations (OD_PERSON_EDITOR (editor));
}

/* --- overrides --- */

/* The organizations may have changed in their own section meanwhile. */
static void
od_person_editor_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (od_person_editor_parent_class)->map (widget);

  fill_organizations (OD_PERSON_EDITOR (widget));
}

static void
od_person_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OdPersonEditor *self = OD_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_IN_DIALOG:
      g_value_set_boolean (value, self->in_dialog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_person_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OdPersonEditor *self = OD_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_IN_DIALOG:
      od_person_editor_set_in_dialog (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_person_editor_dispose (GObject *object)
{
  OdPersonEditor *self = OD_PERSON_EDITOR (object);

  g_clear_pointer (&self->organization_ids, g_array_unref);
  clear_secret (&self->id_number);

  G_OBJECT_CLASS (od_person_editor_parent_class)->dispose (object);
}

static void
od_person_editor_class_init (OdPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdRecordEditorClass *editor_class = OD_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = od_person_editor_dispose;
  object_class->get_property = od_person_editor_get_property;
  object_class->set_property = od_person_editor_set_property;
  widget_class->map = od_person_editor_map;

  editor_class->entity = &od_person_entity;
  editor_class->open_tooltip = N_("Show the person already recorded");
  editor_class->clear_record = od_person_editor_clear_record;
  editor_class->new_record = od_person_editor_new_record;
  editor_class->fill_form = od_person_editor_fill_form;
  editor_class->check_form = od_person_editor_check_form;
  editor_class->field_rows = field_rows;
  editor_class->form_to_record = od_person_editor_form_to_record;
  editor_class->save_failed = od_person_editor_save_failed;
  editor_class->db_changed = od_person_editor_db_changed;

  /* In a dialog, whose header bar has the title and the buttons, the
   * editor hides its own title and Delete / Cancel / Save bar. */
  properties[PROP_IN_DIALOG] =
    g_param_spec_boolean ("in-dialog", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  od_record_editor_class_set_template (widget_class, RESOURCE_PREFIX "/od-person-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OdPersonEditor, name)
  BIND (header_box);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (tab_switcher);
  BIND (tabs);
  BIND (name_row);
  BIND (gender_row);
  BIND (organization_row);
  BIND (position_row);
  BIND (mobile_row);
  BIND (id_number_row);
  BIND (reveal_button);
  BIND (notes_row);
  BIND (action_bar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_id_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled_cb);
}

static void
od_person_editor_init (OdPersonEditor *self)
{
  g_autoptr(GtkStringList) genders = od_label_model (od_labels_gender, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  set_loading (self, TRUE);
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  fill_organizations (self);
  set_loading (self, FALSE);
}

/* --- public API --- */

/* A new person, working for ORGANIZATION_ID (0: none chosen yet). */
void
od_person_editor_new_record_for_organization (OdPersonEditor *self,
                                              gint64          organization_id)
{
  OdPersonFields *fields;

  g_return_if_fail (OD_IS_PERSON_EDITOR (self));

  fields = od_person_fields_new ();
  fields->organization_id = organization_id;
  od_record_editor_show_new_record (RECORD_EDITOR (self), fields);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

gboolean
od_person_editor_get_in_dialog (OdPersonEditor *self)
{
  g_return_val_if_fail (OD_IS_PERSON_EDITOR (self), FALSE);
  return self->in_dialog;
}

void
od_person_editor_set_in_dialog (OdPersonEditor *self,
                                gboolean        in_dialog)
{
  g_return_if_fail (OD_IS_PERSON_EDITOR (self));

  in_dialog = !!in_dialog;
  if (self->in_dialog == in_dialog)
    return;
  self->in_dialog = in_dialog;
  gtk_widget_set_visible (self->header_box, !in_dialog);
  gtk_widget_set_visible (GTK_WIDGET (self->action_bar), !in_dialog);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_DIALOG]);
}
