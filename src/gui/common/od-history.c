/* od-history.c — a record's audit log as rows of a list (the History tab)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry shows when, who, what happened and "field: old → new" lines.
 * The changes are the JSON the stores write ({"field":[old,new],…}); ID
 * numbers are already masked there.
 */
#define G_LOG_DOMAIN "orgdesk-history"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-history.h"

/* Stored field names (DESIGN.md §3: English keys) and what users call them. */
static const struct
{
  const char *field;
  const char *label;   /* N_() */
} field_labels[] = {
  { "name", N_("Name") },
  { "short_name", N_("Short name") },
  { "credit_code", N_("Unified social credit code") },
  { "credit_code_override", N_("Reason to keep the code") },
  { "org_type", N_("Type") },
  { "category_id", N_("Category") },
  { "area_id", N_("District or county") },
  { "registration_level", N_("Registered by") },
  { "registered_on", N_("Registered on") },
  { "supervising_unit", N_("Supervising unit") },
  { "legal_representative", N_("Legal representative") },
  { "contact_person", N_("Contact person") },
  { "phone", N_("Phone") },
  { "address", N_("Address") },
  { "email", N_("Email") },
  { "website", N_("Website") },
  { "status", N_("Status") },
  { "status_date", N_("Status since") },
  { "member_since", N_("Member since") },
  { "member_role", N_("Role") },
  { "member_status", N_("Membership status") },
  { "party_org_form", N_("Party organization") },
  { "party_members", N_("Full party members") },
  { "party_instructor", N_("Party-building instructor or liaison") },
  { "notes", N_("Notes") },
  { "gender", N_("Gender") },
  { "organization_id", N_("Organization") },
  { "position", N_("Position") },
  { "mobile", N_("Mobile") },
  { "id_number", N_("ID number") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return field;
}

/* A JSON value as text: null → "—", strings without their quotes. */
static char *
value_text (const char *json_value)
{
  if (g_str_equal (json_value, "null"))
    return g_strdup ("—");
  if (json_value[0] == '"')
    {
      g_autofree char *inner = g_strndup (json_value + 1, strlen (json_value) - 2);

      return g_strcompress (inner);
    }
  return g_strdup (json_value);
}

static char *
describe_changes (const char *json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRegex) regex = g_regex_new ("\"([a-z_]+)\":\\[(null|\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+),"
                                         "(null|\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+)\\]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (json == NULL)
    return g_strdup ("");
  g_regex_match (regex, json, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *field = g_match_info_fetch (match, 1);
      g_autofree char *before_json = g_match_info_fetch (match, 2);
      g_autofree char *after_json = g_match_info_fetch (match, 3);
      g_autofree char *before = value_text (before_json);
      g_autofree char *after = value_text (after_json);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a change in the history: field name, old value, new value */
      g_string_append_printf (out, _("%s: %s → %s"), field_label (field), before, after);
      g_match_info_next (match, NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("Created");
  if (g_strcmp0 (action, "update") == 0)
    return _("Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Moved to the trash");
  if (g_strcmp0 (action, "restore") == 0)
    return _("Restored");
  if (g_strcmp0 (action, "import") == 0)
    return _("Imported");
  return action;
}

void
od_history_fill (GtkListBox *list,
                 OdDb       *db,
                 const char *table_name,
                 gint64      row_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (db == NULL || row_id == 0)
    return;

  entries = od_audit_list_for_row (db, table_name, row_id, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      OdAuditEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", entry->at, entry->actor,
                                                action_label (entry->action));
      g_autofree char *changes = describe_changes (entry->changes);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), changes);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (list, row);
    }
  if (entries == NULL || entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes recorded"));
      gtk_list_box_append (list, row);
    }
}
