/* od-history.h — a record's audit log as rows of a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "od-db.h"

G_BEGIN_DECLS

void od_history_fill (GtkListBox *list,
                      OdDb       *db,
                      const char *table_name,
                      gint64      row_id);

G_END_DECLS
