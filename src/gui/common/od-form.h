/* od-form.h — helpers for the record editors' forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"
#include "od-labels.h"
#include "od-registry-store.h"

G_BEGIN_DECLS

void        od_form_clear_list     (GtkListBox      *list);
/* TOAST in the toast overlay WIDGET is in (dropped when there is none). */
void        od_form_show_toast     (GtkWidget       *widget,
                                    AdwToast        *toast);

void        od_form_set_text       (AdwEntryRow     *row,
                                    const char      *text);
char       *od_form_get_text       (AdwEntryRow     *row,
                                    gboolean         nullable);

void        od_form_set_combo_key  (AdwComboRow     *row,
                                    const OdLabel   *labels,
                                    const char      *key);
const char *od_form_get_combo_key  (AdwComboRow     *row,
                                    const OdLabel   *labels);

guint       od_form_find_id        (GArray          *ids,
                                    gint64           id);
void        od_form_set_combo_id   (AdwComboRow     *row,
                                    GArray          *ids,
                                    gint64           id);
gint64      od_form_get_combo_id   (AdwComboRow     *row,
                                    GArray          *ids);

GtkStringList *od_form_area_choices     (OdDb       *db,
                                         const char *first,
                                         GArray    **ids);
GtkStringList *od_form_category_choices (OdDb       *db,
                                         const char *first,
                                         GArray    **ids);

GtkWidget  *od_form_problem_row    (const OdProblem *problem,
                                    GtkWidget       *editor,
                                    const char      *open_tooltip);

G_END_DECLS
