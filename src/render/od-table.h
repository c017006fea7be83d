/* od-table.h — a plain table of text: a chart's data, a document's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OD_TABLE_ALIGN_START,
  OD_TABLE_ALIGN_CENTER,
  OD_TABLE_ALIGN_END,     /* numbers */
} OdTableAlign;

typedef struct _OdTable OdTable;

OdTable      *od_table_new            (guint               n_columns,
                                       const char *const  *headers);
OdTable      *od_table_ref            (OdTable            *table);
void          od_table_unref          (OdTable            *table);
void          od_table_add_row        (OdTable            *table,
                                       const char *const  *cells);
void          od_table_set_align      (OdTable            *table,
                                       guint               column,
                                       OdTableAlign        align);
/* Relative width of a column (default 1.0); the document engine shares the text width by it. */
void          od_table_set_weight     (OdTable            *table,
                                       guint               column,
                                       double              weight);
guint         od_table_get_n_columns  (OdTable            *table);
guint         od_table_get_n_rows     (OdTable            *table);
const char   *od_table_get_header     (OdTable            *table,
                                       guint               column);
const char   *od_table_get_cell       (OdTable            *table,
                                       guint               row,
                                       guint               column);
OdTableAlign  od_table_get_align      (OdTable            *table,
                                       guint               column);
double        od_table_get_weight     (OdTable            *table,
                                       guint               column);
char         *od_table_to_csv         (OdTable            *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdTable, od_table_unref)

G_END_DECLS
