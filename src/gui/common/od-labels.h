/* od-labels.h — translated names of the stored enum keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A NULL-terminated list of keys and their labels, e.g. status. */
typedef struct
{
  const char *key;
  const char *label;   /* N_() */
} OdLabel;

extern const OdLabel od_labels_org_type[];
extern const OdLabel od_labels_status[];
extern const OdLabel od_labels_member_role[];
extern const OdLabel od_labels_member_status[];
extern const OdLabel od_labels_party_form[];
extern const OdLabel od_labels_registration_level[];
extern const OdLabel od_labels_gender[];

const char    *od_label_for       (const OdLabel *labels,
                                   const char    *key);
guint          od_label_index     (const OdLabel *labels,
                                   const char    *key);
const char    *od_label_key_at    (const OdLabel *labels,
                                   guint          index);
GtkStringList *od_label_model     (const OdLabel *labels,
                                   const char    *first);

G_END_DECLS
