/* od-person-store.c — people: reading, validation, saving,
 * listing and searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in one od_db_transaction() with its search row and
 * audit entry; deletes go to the trash (od-trash.h). Searching is
 * od-search.c's; SQL is fixed text chosen by code (the ORDER BY from an
 * enum), user text only ever a bound value.
 */
#define G_LOG_DOMAIN "orgdesk-person-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-pinyin.h"
#include "od-registry-entities.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-search.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"

static const OdSearchTables person_search = {
  "p.id",
  "SELECT rowid FROM person_fts WHERE person_fts MATCH ?1",
  "SELECT id FROM person_search WHERE instr (text, ?2) > 0 OR instr (initials, ?2) > 0",
  "SELECT id FROM person_search WHERE initials LIKE ?3 OR initials LIKE ?4",
  "SELECT id, initials FROM person_search WHERE initials LIKE ?3 OR initials LIKE ?4",
};

/* --- people: reading --- */

#define PERSON_SELECT \
  "SELECT p.id, p.uuid, p.name, p.gender, p.organization_id, o.name, p.position," \
  " p.mobile, p.id_number, p.notes, p.created_at, p.updated_at" \
  " FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"

static OdPersonFields *
person_from_row (OdStmt *stmt)
{
  OdPersonFields *f = g_new0 (OdPersonFields, 1);

  f->id = od_stmt_get_int64 (stmt, 0);
  f->uuid = od_store_dup_column_or_empty (stmt, 1);
  f->name = od_store_dup_column_or_empty (stmt, 2);
  f->gender = od_store_dup_column_or_empty (stmt, 3);
  f->organization_id = od_stmt_get_int64 (stmt, 4);
  f->organization_name = od_store_dup_column_or_empty (stmt, 5);
  f->position = od_store_dup_column_or_empty (stmt, 6);
  f->mobile = od_store_dup_column_or_empty (stmt, 7);
  f->id_number = od_store_dup_column (stmt, 8);
  f->notes = od_store_dup_column_or_empty (stmt, 9);
  f->created_at = od_store_dup_column_or_empty (stmt, 10);
  f->updated_at = od_store_dup_column_or_empty (stmt, 11);

  return f;
}

/* --- people: validation --- */

static OdPersonFields *
normalize_person (const OdPersonFields *in)
{
  OdPersonFields *f = od_person_fields_copy (in);
  g_autofree char *id_number = NULL;
  gboolean is_mobile;
  char *mobile;

  od_store_strip_field (&f->name);
  od_store_strip_field (&f->gender);
  od_store_strip_field (&f->position);
  od_store_strip_field (&f->mobile);
  od_store_default_field (&f->gender, "unknown");

  mobile = f->mobile[0] != '\0' ? od_store_normalize_phone (f->mobile, &is_mobile) : NULL;
  if (mobile != NULL && is_mobile)
    {
      g_free (f->mobile);
      f->mobile = mobile;
    }
  else
    g_free (mobile);

  id_number = od_store_normalize_code_or_null (f->id_number);
  g_free (f->id_number);
  f->id_number = g_steal_pointer (&id_number);

  return f;
}

static gboolean
validate_person (OdDb                  *db,
                 const OdPersonFields  *f,
                 GPtrArray             *problems,
                 OdCodeResult          *id_result,
                 GError               **error)
{
  memset (id_result, 0, sizeof *id_result);
  id_result->status = OD_CODE_EMPTY;
  od_entity_check_control_chars (&od_person_entity, problems, f);

  if (f->name[0] == '\0')
    od_problems_add (problems, "name", OD_PROBLEM_ERROR, 0, g_strdup (_("The name is required.")));

  od_store_check_key (problems, "gender", f->gender, od_gender_choices, FALSE);

  if (f->organization_id != 0)
    {
      g_autoptr(OdStmt) stmt = NULL;

      stmt = od_db_prepare (db, "SELECT name, deleted_at IS NOT NULL FROM organizations"
                                " WHERE id = ?1", error);
      if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, f->organization_id, error))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          if (od_stmt_get_int64 (stmt, 1) != 0)
            od_problems_add (problems, "organization_id", OD_PROBLEM_ERROR, 0,
                             /* Translators: %s is an organization's name */
                             g_strdup_printf (_("“%s” is in the trash. Restore it first, or "
                                                "choose another organization."),
                                              od_stmt_get_text (stmt, 0)));
          break;
        case OD_STEP_DONE:
          od_problems_add (problems, "organization_id", OD_PROBLEM_ERROR, 0,
                           g_strdup (_("The organization does not exist (any more). Choose "
                                       "the organization again.")));
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }
    }

  if (f->mobile[0] != '\0')
    {
      gboolean is_mobile = FALSE;
      g_autofree char *mobile = od_store_normalize_phone (f->mobile, &is_mobile);

      if (mobile == NULL || !is_mobile)
        od_problems_add (problems, "mobile", OD_PROBLEM_ERROR, 0,
                         /* Translators: %s is what was typed as a mobile number */
                         g_strdup_printf (_("“%s” is not a mobile number. Type the 11 digits, "
                                            "e.g. 13812345678, or leave the field empty."),
                                          f->mobile));
    }

  /* Resident ID number (GB 11643-1999): wrong numbers are errors, unlike
   * credit codes — an ID card is at hand to check it against. */
  if (f->id_number != NULL)
    {
      if (!od_validate_id_number (f->id_number, id_result))
        {
          od_problems_add (problems, "id_number", OD_PROBLEM_ERROR, 0,
                           od_code_result_describe (id_result, TRUE));
        }
      else
        {
          g_autofree char *other_name = NULL;
          gint64 other = 0;

          if (!od_store_find_other (db, "SELECT id, name FROM people WHERE id_number = ?1"
                                        " AND deleted_at IS NULL AND id <> ?3 LIMIT 1",
                                    f->id_number, NULL, f->id, &other, &other_name, error))
            return FALSE;
          if (other != 0)
            {
              g_autofree char *masked = od_id_number_mask (f->id_number);

              od_problems_add (problems, "id_number", OD_PROBLEM_ERROR, other,
                               /* Translators: the first %s is a masked ID number
                                * (610302********123X), the second a person's name */
                               g_strdup_printf (_("The ID number %s is already recorded for %s. "
                                                  "Open that person instead, or check the "
                                                  "number."),
                                                masked, other_name));
            }
        }
    }

  if (f->name[0] != '\0' && f->mobile[0] != '\0')
    {
      gint64 other = 0;

      if (!od_store_find_other (db, "SELECT id, name FROM people WHERE name = ?1 AND mobile = ?2"
                                    " AND deleted_at IS NULL AND id <> ?3 LIMIT 1",
                                f->name, f->mobile, f->id, &other, NULL, error))
        return FALSE;
      if (other != 0)
        od_problems_add (problems, "mobile", OD_PROBLEM_ERROR, other,
                         /* Translators: the first %s is a person's name, the second a mobile number */
                         g_strdup_printf (_("%s with the mobile number %s is already recorded. "
                                            "Open that person instead; if this is someone else "
                                            "with the same name, check the number."),
                                          f->name, f->mobile));
    }

  return TRUE;
}

static GObject *
person_item_from_row (OdStmt *stmt)
{
  return G_OBJECT (od_person_new (person_from_row (stmt)));
}

/* --- people: writing --- */

static char *
organization_name (OdDb    *db,
                   gint64   id,
                   GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  if (id == 0)
    return g_strdup ("");
  stmt = od_db_prepare (db, "SELECT name FROM organizations WHERE id = ?1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return g_strdup (od_stmt_get_text (stmt, 0));
    case OD_STEP_DONE:
      return g_strdup ("");
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

static gboolean
bind_person (OdStmt                *stmt,
             const OdPersonFields  *f,
             const char            *sort_key,
             const char            *now,
             GError               **error)
{
  return od_stmt_bind_text (stmt, 1, f->uuid, error)
         && od_stmt_bind_text (stmt, 2, f->name, error)
         && od_stmt_bind_text (stmt, 3, f->gender, error)
         && od_store_bind_ref (stmt, 4, f->organization_id, error)
         && od_stmt_bind_text (stmt, 5, f->position, error)
         && od_stmt_bind_text (stmt, 6, f->mobile, error)
         && od_stmt_bind_text (stmt, 7, f->id_number, error)
         && od_stmt_bind_text (stmt, 8, f->notes, error)
         && od_stmt_bind_text (stmt, 9, sort_key, error)
         && od_stmt_bind_text (stmt, 10, now, error);
}

/* Checks F, then fills an unknown gender from a valid ID number (GB
 * 11643-1999: an odd 17th digit is a man); a gender the user chose stays. */
static gboolean
check_person (OdDb       *db,
              gpointer    record,
              GPtrArray  *problems,
              GError    **error)
{
  OdPersonFields *f = record;
  OdCodeResult id_result;

  if (!validate_person (db, f, problems, &id_result, error))
    return FALSE;
  if (id_result.status == OD_CODE_VALID && g_str_equal (f->gender, "unknown"))
    {
      g_free (f->gender);
      f->gender = g_strdup (id_result.male ? "male" : "female");
    }
  return TRUE;
}

static gboolean
write_person_search (OdDb           *db,
                     gconstpointer   record,
                     gconstpointer   old,
                     GError        **error)
{
  const OdPersonFields *f = record;
  g_autofree char *org_name = organization_name (db, f->organization_id, error);
  g_autofree char *text = NULL;
  g_autofree char *initials = NULL;

  if (org_name == NULL)
    return FALSE;
  text = _od_registry_person_search_text (f->name, f->mobile, org_name);
  initials = od_pinyin_search_terms (f->name);
  return _od_registry_write_search_row (db, OD_REGISTRY_PERSON_SEARCH_UPSERT, f->id, text,
                                        initials, error);
}

static const OdRegistryTable person_table = {
  .entity = &od_person_entity,
  .select = PERSON_SELECT,
  .load_sql = PERSON_SELECT " WHERE p.id = ?1 AND p.deleted_at IS NULL",
  .load_any_sql = PERSON_SELECT " WHERE p.id = ?1",
  .id_column = "p.id",
  .deleted_column = "p.deleted_at",
  .from_row = (gpointer (*) (OdStmt *)) person_from_row,
  .item_from_row = person_item_from_row,
  .insert_sql = "INSERT INTO people (uuid, name, gender, organization_id, position,"
                " mobile, id_number, notes, sort_key, created_at, updated_at)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
  .update_sql = "UPDATE people SET name = ?2, gender = ?3, organization_id = ?4,"
                " position = ?5, mobile = ?6, id_number = ?7, notes = ?8,"
                " sort_key = ?9, updated_at = ?10 WHERE id = ?11 AND uuid = ?1",
  .id_index = 11,
  .normalize = (gpointer (*) (gconstpointer)) normalize_person,
  .check = check_person,
  .bind = (gboolean (*) (OdStmt *, gconstpointer, const char *, const char *, GError **)) bind_person,
  .write_search = write_person_search,
};

/* --- sorting --- */

static OdSortSql
person_sort_sql (OdPersonSort sort)
{
  switch (sort)
    {
    case OD_PERSON_SORT_ORGANIZATION:
      return (OdSortSql) { "o.id IS NULL", "o.sort_key" };
    case OD_PERSON_SORT_POSITION:
      return (OdSortSql) { "p.position = ''", "p.position" };
    case OD_PERSON_SORT_GENDER:
      return (OdSortSql) { NULL,
                         "CASE p.gender WHEN 'male' THEN 0 WHEN 'female' THEN 1 ELSE 2 END" };
    case OD_PERSON_SORT_UPDATED_AT:
      return (OdSortSql) { NULL, "p.updated_at" };
    case OD_PERSON_SORT_NAME:
    default:
      return (OdSortSql) { NULL, "p.sort_key" };
    }
}

/* --- public API --- */

void
od_person_filter_init (OdPersonFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->sort = OD_PERSON_SORT_NAME;
}

/* The filters as conditions on the people row ALIAS (?10, ?11). */
static gboolean
append_person_filters (GString       *sql,
                       gconstpointer  data,
                       const char    *alias)
{
  const OdPersonFilter *filter = data;
  gsize start = sql->len;

  if (filter->organization_id != 0)
    g_string_append_printf (sql, " AND %s.organization_id = ?10", alias);
  if (filter->gender != NULL)
    g_string_append_printf (sql, " AND %s.gender = ?11", alias);
  return sql->len > start;
}

static gboolean
bind_person_filters (OdStmt         *stmt,
                     gconstpointer   data,
                     GError        **error)
{
  const OdPersonFilter *filter = data;

  return (filter->organization_id == 0
          || od_stmt_bind_int64 (stmt, 10, filter->organization_id, error))
         && (filter->gender == NULL || od_stmt_bind_text (stmt, 11, filter->gender, error));
}

GArray *
od_person_query_ids (OdDb                  *db,
                     const OdPersonFilter  *filter,
                     GError               **error)
{
  OdListQuery query = {
    .table = "people",
    .alias = "p",
    .search = &person_search,
    .append_filters = append_person_filters,
    .bind_filters = bind_person_filters,
    .ties = "p.sort_key, p.id",
  };

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  query.query = filter->query;
  query.filter = filter;
  if (filter->sort == OD_PERSON_SORT_ORGANIZATION)
    query.joins = "LEFT JOIN organizations o ON o.id = p.organization_id";
  query.sort = person_sort_sql (filter->sort);
  query.descending = filter->descending;
  return od_search_query_ids (db, &query, error);
}

OD_REGISTRY_DEFINE_STORE (od_person, OdPersonFields, person_table)
