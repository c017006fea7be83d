/* od-labels.c — translated names of the stored enum keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database keeps short English keys (DESIGN.md §3); only the interface
 * shows them translated. The tables are the domains' (od-entity.h).
 */
#define G_LOG_DOMAIN "orgdesk-labels"

#include <glib/gi18n.h>

#include "od-labels.h"

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
