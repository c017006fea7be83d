/* od-labels.c — translated names of the stored enum keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database keeps short English keys (DESIGN.md §3); only the interface
 * shows them translated.
 */
#define G_LOG_DOMAIN "orgdesk-labels"

#include <glib/gi18n.h>

#include "od-labels.h"

const OdLabel od_labels_org_type[] = {
  { "social_group", N_("Social group") },
  { "social_service", N_("Social service organization") },
  { "foundation", N_("Foundation") },
  { "other", N_("Other") },
  { "unknown", N_("Unknown") },
  { NULL, NULL }
};

const OdLabel od_labels_status[] = {
  { "active", N_("Active") },
  { "deregistered", N_("Deregistered") },
  { "revoked", N_("Revoked") },
  { NULL, NULL }
};

const OdLabel od_labels_member_role[] = {
  { "", N_("Not a member") },
  { "president", N_("President unit") },
  { "vice_president", N_("Vice-president unit") },
  { "director", N_("Director unit") },
  { "member", N_("Member unit") },
  { NULL, NULL }
};

const OdLabel od_labels_member_status[] = {
  { "", N_("—") },
  { "active", N_("Active member") },
  { "suspended", N_("Suspended") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

const OdLabel od_labels_party_form[] = {
  { "none", N_("No party organization") },
  { "independent", N_("Independent party organization") },
  { "joint", N_("Joint party organization") },
  { NULL, NULL }
};

const OdLabel od_labels_registration_level[] = {
  { "city", N_("City civil-affairs bureau") },
  { "county", N_("District or county civil-affairs bureau") },
  { NULL, NULL }
};

const OdLabel od_labels_gender[] = {
  { "unknown", N_("Not given") },
  { "male", N_("Male") },
  { "female", N_("Female") },
  { NULL, NULL }
};

/* The label of KEY; NULL and "" match the entry with key "". */
const char *
od_label_for (const OdLabel *labels,
              const char    *key)
{
  guint index = od_label_index (labels, key);

  return labels[index].key != NULL ? _(labels[index].label) : (key != NULL ? key : "");
}

guint
od_label_index (const OdLabel *labels,
                const char    *key)
{
  guint i;

  for (i = 0; labels[i].key != NULL; i++)
    if (g_strcmp0 (labels[i].key, key != NULL ? key : "") == 0)
      return i;
  return i;
}

const char *
od_label_key_at (const OdLabel *labels,
                 guint          index)
{
  for (guint i = 0; labels[i].key != NULL; i++)
    if (i == index)
      return labels[i].key;
  return NULL;
}

/* The labels as a model for a combo row or drop-down; FIRST (if not NULL)
 * is put in front, e.g. "All types" for a filter. */
GtkStringList *
od_label_model (const OdLabel *labels,
                const char    *first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; labels[i].key != NULL; i++)
    gtk_string_list_append (list, _(labels[i].label));
  return list;
}
