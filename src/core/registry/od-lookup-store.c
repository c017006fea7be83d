/* od-lookup-store.c — areas and categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-lookup-store"

#include "od-lookup-store.h"

static char *
dup_text (OdStmt *stmt,
          int     column)
{
  return od_stmt_column_is_null (stmt, column) ? NULL : g_strdup (od_stmt_get_text (stmt, column));
}

GPtrArray *
od_lookup_list_areas (OdDb     *db,
                      GError  **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify) od_area_free);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT id, code, name, name_en, level, parent_code, former_code"
                        " FROM areas WHERE deleted_at IS NULL ORDER BY sort_order, code", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdArea *area = g_new0 (OdArea, 1);

      area->id = od_stmt_get_int64 (stmt, 0);
      area->code = dup_text (stmt, 1);
      area->name = dup_text (stmt, 2);
      area->name_en = dup_text (stmt, 3);
      area->level = dup_text (stmt, 4);
      area->parent_code = dup_text (stmt, 5);
      area->former_code = dup_text (stmt, 6);
      g_ptr_array_add (areas, area);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&areas);
}

GPtrArray *
od_lookup_list_categories (OdDb     *db,
                           GError  **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) od_category_free);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT id, key, name FROM categories WHERE deleted_at IS NULL"
                        " ORDER BY sort_order, name", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdCategory *category = g_new0 (OdCategory, 1);

      category->id = od_stmt_get_int64 (stmt, 0);
      category->key = dup_text (stmt, 1);
      category->name = dup_text (stmt, 2);
      g_ptr_array_add (categories, category);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&categories);
}

/* The name of the area with CODE, or with CODE as its former code (older
 * credit codes keep the code the area had when they were issued). */
char *
od_lookup_area_name (OdDb        *db,
                     const char  *code,
                     GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT name FROM areas WHERE deleted_at IS NULL"
                        " AND (code = ?1 OR former_code = ?1) ORDER BY code = ?1 DESC LIMIT 1",
                        error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, code, error))
    return NULL;
  if (od_stmt_step (stmt, error) == OD_STEP_ROW)
    return g_strdup (od_stmt_get_text (stmt, 0));
  return NULL;
}

void
od_area_free (OdArea *area)
{
  if (area == NULL)
    return;
  g_free (area->code);
  g_free (area->name);
  g_free (area->name_en);
  g_free (area->level);
  g_free (area->parent_code);
  g_free (area->former_code);
  g_free (area);
}

void
od_category_free (OdCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->key);
  g_free (category->name);
  g_free (category);
}

gboolean
od_lookup_undelete_all (OdDb    *db,
                        GError **error)
{
  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_db_exec (db,
                     "UPDATE areas SET deleted_at = NULL WHERE deleted_at IS NOT NULL;"
                     "UPDATE categories SET deleted_at = NULL WHERE deleted_at IS NOT NULL;"
                     "DELETE FROM trash WHERE table_name IN ('areas', 'categories');",
                     error);
}
