/* od-entity-store.c — a store made from an entity's field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See od-entity-store.h. The SQL is built from the registered field table
 * (column names are the fields' names, quoted), never from user text; the
 * statements are the same text every time, so OdDb's cache prepares each
 * once per connection.
 */
#define G_LOG_DOMAIN "orgdesk-entity-store"

#include "config.h"

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-entity-store.h"
#include "od-problem.h"
#include "od-store-util.h"
#include "od-text.h"

/* --- records --- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static char **
text_member (gpointer record,
             gsize    offset)
{
  return &G_STRUCT_MEMBER (char *, record, offset);
}

static void
set_text (gpointer    record,
          gsize       offset,
          const char *value)
{
  char **member = text_member (record, offset);

  g_free (*member);
  *member = g_strdup (value);
}

static gboolean
is_text_kind (OdFieldKind kind)
{
  return kind == OD_FIELD_TEXT || kind == OD_FIELD_NULLABLE || kind == OD_FIELD_ID_NUMBER
         || kind == OD_FIELD_NONE;
}

gpointer
od_entity_record_normalize (const OdEntity *entity,
                            gconstpointer   record)
{
  gpointer copy = entity->record_new ();

  G_STRUCT_MEMBER (gint64, copy, entity->id_offset) = od_entity_record_id (entity, record);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];

      if (is_text_kind (field->kind))
        {
          const char *value = G_STRUCT_MEMBER (const char *, (gpointer) record, field->offset);
          g_autofree char *normal = value != NULL ? od_text_normalize (value) : NULL;

          if (field->kind == OD_FIELD_TEXT && normal == NULL)
            normal = g_strdup ("");
          else if (field->kind != OD_FIELD_TEXT && normal != NULL && normal[0] == '\0')
            g_clear_pointer (&normal, g_free);
          set_text (copy, field->offset, normal);
        }
      else if (field->kind == OD_FIELD_ENUM)
        G_STRUCT_MEMBER (int, copy, field->offset) = G_STRUCT_MEMBER (int, (gpointer) record,
                                                                        field->offset);
      else
        G_STRUCT_MEMBER (gint64, copy, field->offset) = G_STRUCT_MEMBER (gint64, (gpointer) record,
                                                                           field->offset);
      if (field->kind == OD_FIELD_REF && field->text_offset != 0)
        set_text (copy, field->text_offset,
                  G_STRUCT_MEMBER (const char *, (gpointer) record, field->text_offset));
    }
  return copy;
}

void
od_entity_check_fields (const OdEntity *entity,
                        GPtrArray      *problems,
                        gconstpointer   record)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      const char *name = od_entity_field_name (field);

      if (field->required)
        {
          gboolean given = is_text_kind (field->kind)
                           ? !is_empty (G_STRUCT_MEMBER (const char *, (gpointer) record,
                                                                field->offset))
                           : G_STRUCT_MEMBER (gint64, (gpointer) record, field->offset) != 0;

          if (!given)
            od_problems_add (problems, name, OD_PROBLEM_ERROR, 0,
                             /* Translators: %s is a field's label, e.g. “Title” */
                             g_strdup_printf (_("%s is required. Fill it in."), _(field->label)));
        }
      if (field->input == OD_INPUT_CHOICE && field->kind != OD_FIELD_ENUM)
        od_store_check_key (problems, name,
                            G_STRUCT_MEMBER (const char *, (gpointer) record, field->offset),
                            field->choices, field->kind != OD_FIELD_TEXT);
      if (field->input == OD_INPUT_DATE)
        od_store_check_date_field (problems, name,
                                   G_STRUCT_MEMBER (const char *, (gpointer) record, field->offset),
                                   NULL);
    }
  od_entity_check_control_chars (entity, problems, record);
}

/* --- SQL from the field table --- */

/* The columns of the stored fields, quoted, comma-separated; with
 * READ_ONLY ones (created_at, updated_at) when WITH_READ_ONLY. */
static char *
column_list (const OdEntity *entity,
             gboolean        with_read_only)
{
  GString *columns = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      g_autofree char *quoted = NULL;

      if (field->kind == OD_FIELD_NONE && !with_read_only)
        continue;
      quoted = od_db_quote_identifier (od_entity_field_name (field));
      if (columns->len > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, quoted);
    }
  return g_string_free (columns, FALSE);
}

static gpointer
record_from_row (const OdEntity *entity,
                 OdStmt         *stmt)
{
  gpointer record = entity->record_new ();

  G_STRUCT_MEMBER (gint64, record, entity->id_offset) = od_stmt_get_int64 (stmt, 0);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      int column = (int) i + 1;
      g_autofree char *text = NULL;

      switch (field->kind)
        {
        case OD_FIELD_TEXT:
        case OD_FIELD_NONE:
          text = od_store_dup_column_or_empty (stmt, column);
          set_text (record, field->offset, text);
          break;
        case OD_FIELD_NULLABLE:
        case OD_FIELD_ID_NUMBER:
          text = od_store_dup_column (stmt, column);
          set_text (record, field->offset, text);
          break;
        case OD_FIELD_ENUM:
          G_STRUCT_MEMBER (int, record, field->offset) =
            field->enum_from_key (od_stmt_get_text (stmt, column));
          break;
        case OD_FIELD_INT:
        case OD_FIELD_MONEY:
        case OD_FIELD_REF:
        default:
          G_STRUCT_MEMBER (gint64, record, field->offset) = od_stmt_get_int64 (stmt, column);
          break;
        }
    }
  return record;
}

/* The names of REF fields (ref_sql). */
static gboolean
load_ref_names (const OdEntity *entity,
                OdDb           *db,
                gpointer        record,
                GError        **error)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      gint64 id;
      g_autoptr(OdStmt) stmt = NULL;

      if (field->kind != OD_FIELD_REF || field->ref_sql == NULL || field->text_offset == 0)
        continue;
      id = G_STRUCT_MEMBER (gint64, record, field->offset);
      if (id == 0)
        {
          set_text (record, field->text_offset, "");
          continue;
        }
      stmt = od_db_prepare (db, field->ref_sql, error);
      if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          set_text (record, field->text_offset, od_stmt_get_text (stmt, 0));
          break;
        case OD_STEP_DONE:
          set_text (record, field->text_offset, "");
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }
    }
  return TRUE;
}

void
od_entity_set_not_found (const OdEntity  *entity,
                         gint64           id,
                         GError         **error)
{
  g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is what a record is (“course”), %lld its number */
               _("The %s %lld does not exist or is in the trash. Reload the list; to edit it "
                 "again, restore it from the trash first."), _(entity->noun), (long long) id);
}

gpointer
od_entity_store_load (const OdEntity  *entity,
                      OdDb            *db,
                      gint64           id,
                      gboolean         include_deleted,
                      GError         **error)
{
  g_autofree char *columns = column_list (entity, TRUE);
  g_autofree char *table = od_db_quote_identifier (entity->name);
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE id = ?1%s", columns, table,
                                          include_deleted ? "" : " AND deleted_at IS NULL");
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  gpointer record;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      break;
    case OD_STEP_DONE:
      if (!include_deleted)
        od_entity_set_not_found (entity, id, error);
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
  record = record_from_row (entity, stmt);
  g_clear_pointer (&stmt, od_stmt_free);
  if (!load_ref_names (entity, db, record, error))
    {
      entity->record_free (record);
      return NULL;
    }
  return record;
}

static gboolean
bind_fields (const OdEntity  *entity,
             OdStmt          *stmt,
             gconstpointer    record,
             GError         **error)
{
  int index = 1;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      gpointer r = (gpointer) record;
      gboolean ok;

      switch (field->kind)
        {
        case OD_FIELD_NONE:
          continue;
        case OD_FIELD_TEXT:
        case OD_FIELD_NULLABLE:
        case OD_FIELD_ID_NUMBER:
          ok = od_stmt_bind_text (stmt, index, G_STRUCT_MEMBER (const char *, r, field->offset),
                                  error);
          break;
        case OD_FIELD_ENUM:
          ok = od_stmt_bind_text (stmt, index,
                                  field->enum_to_key (G_STRUCT_MEMBER (int, r, field->offset)),
                                  error);
          break;
        case OD_FIELD_REF:
          ok = od_store_bind_ref (stmt, index, G_STRUCT_MEMBER (gint64, r, field->offset), error);
          break;
        case OD_FIELD_INT:
        case OD_FIELD_MONEY:
        default:
          ok = od_stmt_bind_int64 (stmt, index, G_STRUCT_MEMBER (gint64, r, field->offset), error);
          break;
        }
      if (!ok)
        return FALSE;
      index++;
    }
  return TRUE;
}

/* "?1, ?2, …" for the stored fields; *N_BOUND gets how many. */
static char *
value_list (const OdEntity *entity,
            int            *n_bound)
{
  GString *values = g_string_new (NULL);

  *n_bound = 0;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      if (entity->fields[i].kind == OD_FIELD_NONE)
        continue;
      (*n_bound)++;
      g_string_append_printf (values, "%s?%d", values->len > 0 ? ", " : "", *n_bound);
    }
  return g_string_free (values, FALSE);
}

/* "a = ?1, b = ?2, …" for the stored fields. */
static char *
assignment_list (const OdEntity *entity)
{
  GString *assignments = g_string_new (NULL);
  int n = 0;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      g_autofree char *quoted = NULL;

      if (entity->fields[i].kind == OD_FIELD_NONE)
        continue;
      quoted = od_db_quote_identifier (od_entity_field_name (&entity->fields[i]));
      g_string_append_printf (assignments, "%s%s = ?%d", assignments->len > 0 ? ", " : "",
                              quoted, ++n);
    }
  return g_string_free (assignments, FALSE);
}

typedef struct
{
  const OdEntity *entity;
  gconstpointer   record;
  gint64          id;
} SaveData;

/* Sets ERROR from the first blocking problem; FALSE when none blocks. */
static gboolean
refuse_on_problems (GPtrArray  *problems,
                    GError    **error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != OD_PROBLEM_ERROR)
        continue;
      g_set_error_literal (error, OD_STORE_ERROR,
                           problem->other_id != 0 ? OD_STORE_ERROR_DUPLICATE
                                                  : OD_STORE_ERROR_INVALID,
                           problem->message);
      return TRUE;
    }
  return FALSE;
}

static gboolean
save_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  SaveData *data = user_data;
  const OdEntity *entity = data->entity;
  gpointer record = od_entity_record_normalize (entity, data->record);
  gpointer old = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *table = od_db_quote_identifier (entity->name);
  g_autofree char *now = od_db_now (db);
  g_autofree char *sql = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;
  gint64 id = od_entity_record_id (entity, record);
  int n_bound;
  gboolean ok = FALSE;
  char **uuid = text_member (record, entity->uuid_offset);

  if (is_empty (*uuid))
    {
      g_free (*uuid);
      *uuid = g_uuid_string_random ();
    }
  if (id != 0 && (old = od_entity_store_load (entity, db, id, FALSE, error)) == NULL)
    goto out;
  problems = entity->validate (db, record);
  if (problems == NULL || refuse_on_problems (problems, error))
    goto out;

  if (id == 0)
    {
      g_autofree char *columns = column_list (entity, FALSE);
      g_autofree char *values = value_list (entity, &n_bound);

      sql = g_strdup_printf ("INSERT INTO %s (%s, created_at, updated_at) VALUES (%s, ?%d, ?%d)",
                             table, columns, values, n_bound + 1, n_bound + 1);
    }
  else
    {
      g_autofree char *assignments = assignment_list (entity);

      g_free (value_list (entity, &n_bound));
      sql = g_strdup_printf ("UPDATE %s SET %s, updated_at = ?%d WHERE id = ?%d", table,
                             assignments, n_bound + 1, n_bound + 2);
    }
  stmt = od_db_prepare (db, sql, error);
  if (stmt == NULL || !bind_fields (entity, stmt, record, error)
      || !od_stmt_bind_text (stmt, n_bound + 1, now, error)
      || (id != 0 && !od_stmt_bind_int64 (stmt, n_bound + 2, id, error))
      || !od_stmt_run (stmt, error))
    goto out;
  if (id == 0)
    {
      id = od_db_last_insert_rowid (db);
      G_STRUCT_MEMBER (gint64, record, entity->id_offset) = id;
    }

  changes = od_entity_changes_json (entity, old, record);
  /* The history names the record as the trash does: with the names of what
   * it refers to (a mark: the person and the session). */
  if (!load_ref_names (entity, db, record, error))
    goto out;
  summary = entity->describe (record);
  ok = changes == NULL
       || od_audit_record (db, entity->name, id, *uuid, old == NULL ? "insert" : "update",
                           changes, summary, error);
  data->id = id;

out:
  if (old != NULL)
    entity->record_free (old);
  entity->record_free (record);
  return ok;
}

gint64
od_entity_store_save (const OdEntity  *entity,
                      OdDb            *db,
                      gconstpointer    record,
                      GError         **error)
{
  SaveData data = { entity, record, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!od_db_transaction (db, save_cb, &data, error))
    return 0;
  return data.id;
}

gint64
od_entity_store_count (const OdEntity  *entity,
                       OdDb            *db,
                       GError         **error)
{
  g_autofree char *table = NULL;
  g_autofree char *sql = NULL;
  gint64 n = 0;

  g_return_val_if_fail (OD_IS_DB (db), -1);

  table = od_db_quote_identifier (entity->name);
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted_at IS NULL", table);
  if (!od_db_query_int64 (db, sql, &n, error))
    return -1;
  return n;
}

GArray *
od_entity_store_list_ids (const OdEntity  *entity,
                          OdDb            *db,
                          const char      *order_by,
                          GError         **error)
{
  g_autofree char *table = od_db_quote_identifier (entity->name);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE deleted_at IS NULL ORDER BY %s",
                                          table, order_by);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  OdStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
od_entity_store_load_records (const OdEntity  *entity,
                              OdDb            *db,
                              const gint64    *ids,
                              guint            n_ids,
                              GError         **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (entity->record_free);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gpointer record = od_entity_store_load (entity, db, ids[i], FALSE, &local_error);

      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (!g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&records);
}

gconstpointer
od_entity_record_itself (gpointer item)
{
  return item;
}
