/* od-labels.h — translated names of the stored enum keys, for combo rows,
 * drop-downs and list cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys and labels are the domains' choice tables (OdChoice,
 * od-entity.h): the one place where an enum's keys and labels live.
 */
#pragma once

#include <gtk/gtk.h>

#include "od-registry-entities.h"

G_BEGIN_DECLS

/* A list of keys and their labels, terminated by a NULL key. */
typedef OdChoice OdLabel;

#define od_labels_org_type            od_organization_type_choices
#define od_labels_status              od_organization_status_choices
#define od_labels_member_role         od_member_role_choices
#define od_labels_member_status       od_member_status_choices
#define od_labels_party_form          od_party_org_form_choices
#define od_labels_registration_level  od_registration_level_choices
#define od_labels_gender              od_gender_choices

const char    *od_label_for       (const OdLabel *labels,
                                   const char    *key);
guint          od_label_index     (const OdLabel *labels,
                                   const char    *key);
const char    *od_label_key_at    (const OdLabel *labels,
                                   guint          index);
GtkStringList *od_label_model     (const OdLabel *labels,
                                   const char    *first);

G_END_DECLS
