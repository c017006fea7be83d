/* od-table.c — a plain table of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-table"

#include <string.h>

#include "od-table.h"

struct _OdTable
{
  gatomicrefcount  ref_count;
  guint            n_columns;
  GStrv            headers;
  GPtrArray       *rows;      /* of GStrv, n_columns each */
  OdTableAlign    *align;
  double          *weight;
};

OdTable *
od_table_new (guint              n_columns,
              const char *const *headers)
{
  OdTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (OdTable, 1);
  g_atomic_ref_count_init (&table->ref_count);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    table->headers[i] = g_strdup (headers != NULL && headers[i] != NULL ? headers[i] : "");
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->align = g_new0 (OdTableAlign, n_columns);
  table->weight = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->weight[i] = 1.0;
  return table;
}

OdTable *
od_table_ref (OdTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
od_table_unref (OdTable *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_strfreev (table->headers);
  g_ptr_array_unref (table->rows);
  g_free (table->align);
  g_free (table->weight);
  g_free (table);
}

/* CELLS holds n_columns strings; NULL cells are stored as "". */
void
od_table_add_row (OdTable           *table,
                  const char *const *cells)
{
  GStrv row;

  g_return_if_fail (table != NULL && cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
od_table_set_align (OdTable      *table,
                    guint         column,
                    OdTableAlign  align)
{
  g_return_if_fail (table != NULL && column < table->n_columns);
  table->align[column] = align;
}

void
od_table_set_weight (OdTable *table,
                     guint    column,
                     double   weight)
{
  g_return_if_fail (table != NULL && column < table->n_columns && weight > 0);
  table->weight[column] = weight;
}

guint
od_table_get_n_columns (OdTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

guint
od_table_get_n_rows (OdTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const char *
od_table_get_header (OdTable *table,
                     guint    column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, NULL);
  return table->headers[column];
}

const char *
od_table_get_cell (OdTable *table,
                   guint    row,
                   guint    column)
{
  g_return_val_if_fail (table != NULL && row < table->rows->len && column < table->n_columns, NULL);
  return ((GStrv) g_ptr_array_index (table->rows, row))[column];
}

OdTableAlign
od_table_get_align (OdTable *table,
                    guint    column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, OD_TABLE_ALIGN_START);
  return table->align[column];
}

double
od_table_get_weight (OdTable *table,
                     guint    column)
{
  g_return_val_if_fail (table != NULL && column < table->n_columns, 1.0);
  return table->weight[column];
}

static void
append_csv_cell (GString    *out,
                 const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString           *out,
                const char *const *cells,
                guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

/* RFC 4180 text, for "Copy data" and the data table of a chart. */
char *
od_table_to_csv (OdTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  append_csv_row (out, (const char *const *) table->headers, table->n_columns);
  for (guint r = 0; r < table->rows->len; r++)
    append_csv_row (out, g_ptr_array_index (table->rows, r), table->n_columns);
  return g_string_free (out, FALSE);
}
