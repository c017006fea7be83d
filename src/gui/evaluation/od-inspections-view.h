/* od-inspections-view.h — the annual inspections of one year, as a grid
 * edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_INSPECTIONS_VIEW (od_inspections_view_get_type ())
G_DECLARE_FINAL_TYPE (OdInspectionsView, od_inspections_view, OD, INSPECTIONS_VIEW, GtkBox)

void     od_inspections_view_set_db         (OdInspectionsView *self,
                                             OdDb              *db);
void     od_inspections_view_set_year       (OdInspectionsView *self,
                                             int                year);
int      od_inspections_view_get_year       (OdInspectionsView *self);
guint    od_inspections_view_get_n_rows     (OdInspectionsView *self);
/* The organization of row INDEX, or 0. */
gint64   od_inspections_view_get_organization_at (OdInspectionsView *self,
                                                  guint              index);
/* Sets the conclusion of row INDEX to KEY and saves it, as choosing it in
 * the row's drop-down does. */
gboolean od_inspections_view_set_conclusion (OdInspectionsView *self,
                                             guint              index,
                                             const char        *key);

G_END_DECLS
