/* test-entity.c — the entity registry's promise: an entity registered in a
 * handful of lines gets import (CSV and XLSX), export, the trash, import
 * undo and audit entries, with no edit to the engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "gadgets" exists only here: its table is made by the test, its store is
 * the few functions below, and it is registered with one
 * od_entity_register() line. Everything else is the engines' own code.
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "od-audit.h"
#include "od-db.h"
#include "od-entity.h"
#include "od-export.h"
#include "od-import.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-test-db.h"
#include "od-test-util.h"
#include "od-trash.h"

/* --- the test-only entity: a record, a table, a store --- */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *color;       /* "red", "blue" */
  gint64  size;
  gint64  price;       /* fen */
  char   *bought_on;   /* ISO date or NULL */
  gint64  owner_id;    /* an organization, 0 = none */
  char   *owner_name;  /* read-only */
  char   *keeper_id;   /* an ID number: personal data */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} Gadget;

static const char gadget_table[] =
  "CREATE TABLE gadgets ("
  " id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  " color TEXT NOT NULL DEFAULT 'red' CHECK (color IN ('red', 'blue')),"
  " size INTEGER NOT NULL DEFAULT 0, price INTEGER NOT NULL DEFAULT 0, bought_on TEXT,"
  " owner_id INTEGER REFERENCES organizations (id), keeper_id TEXT,"
  " notes TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
  " deleted_at TEXT)";

#define GADGET_COLUMNS \
  "g.id, g.uuid, g.name, g.color, g.size, g.price, g.bought_on, g.owner_id, o.name," \
  " g.keeper_id, g.notes, g.created_at, g.updated_at"

static const OdChoice gadget_colors[] = {
  { "red", "Red", OD_WORDS ("红", "红色") },
  { "blue", "Blue", OD_WORDS ("蓝", "蓝色") },
  { NULL, NULL, NULL }
};

static gpointer
gadget_new (void)
{
  Gadget *g = g_new0 (Gadget, 1);

  g->uuid = g_uuid_string_random ();
  g->name = g_strdup ("");
  g->color = g_strdup ("red");
  g->notes = g_strdup ("");
  return g;
}

static void
gadget_free (gpointer record)
{
  Gadget *g = record;

  g_free (g->uuid);
  g_free (g->name);
  g_free (g->color);
  g_free (g->bought_on);
  g_free (g->owner_name);
  g_free (g->keeper_id);
  g_free (g->notes);
  g_free (g->created_at);
  g_free (g->updated_at);
  g_free (g);
}

static Gadget *
gadget_read (OdStmt *stmt)
{
  Gadget *g = g_new0 (Gadget, 1);

  g->id = od_stmt_get_int64 (stmt, 0);
  g->uuid = od_store_dup_column_or_empty (stmt, 1);
  g->name = od_store_dup_column_or_empty (stmt, 2);
  g->color = od_store_dup_column_or_empty (stmt, 3);
  g->size = od_stmt_get_int64 (stmt, 4);
  g->price = od_stmt_get_int64 (stmt, 5);
  g->bought_on = od_store_dup_column (stmt, 6);
  g->owner_id = od_stmt_get_int64 (stmt, 7);
  g->owner_name = od_store_dup_column_or_empty (stmt, 8);
  g->keeper_id = od_store_dup_column (stmt, 9);
  g->notes = od_store_dup_column_or_empty (stmt, 10);
  g->created_at = od_store_dup_column_or_empty (stmt, 11);
  g->updated_at = od_store_dup_column_or_empty (stmt, 12);
  return g;
}

static gpointer
gadget_load_where (OdDb        *db,
                   gint64       id,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return gadget_read (stmt);
    case OD_STEP_DONE:
      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND, "No gadget %" G_GINT64_FORMAT, id);
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

static gpointer
gadget_load (OdDb    *db,
             gint64   id,
             GError **error)
{
  return gadget_load_where (db, id,
                            "SELECT " GADGET_COLUMNS " FROM gadgets g LEFT JOIN organizations o"
                            " ON o.id = g.owner_id WHERE g.id = ?1 AND g.deleted_at IS NULL", error);
}

static gpointer
gadget_load_any (OdDb    *db,
                 gint64   id,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer g = gadget_load_where (db, id,
                                  "SELECT " GADGET_COLUMNS " FROM gadgets g LEFT JOIN"
                                  " organizations o ON o.id = g.owner_id WHERE g.id = ?1",
                                  &local_error);

  if (g == NULL && !g_error_matches (local_error, OD_STORE_ERROR, OD_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return g;
}

static GPtrArray *
gadget_validate (OdDb          *db,
                 gconstpointer  record);

extern const OdEntity gadget_entity;

typedef struct
{
  const Gadget *g;
  gint64        id;
} SaveData;

static gboolean
gadget_save_cb (OdDb      *db,
                gpointer   user_data,
                GError   **error)
{
  SaveData *data = user_data;
  const Gadget *g = data->g;
  g_autoptr(GPtrArray) problems = gadget_validate (db, g);
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  gpointer old = NULL;
  gboolean ok;

  if (problems->len > 0)
    {
      const OdProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID, "%s", problem->message);
      return FALSE;
    }
  if (g->id != 0 && (old = gadget_load (db, g->id, error)) == NULL)
    return FALSE;

  stmt = od_db_prepare (db, g->id == 0
                        ? "INSERT INTO gadgets (uuid, name, color, size, price, bought_on, owner_id,"
                          " keeper_id, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5,"
                          " ?6, ?7, ?8, ?9, ?10, ?10)"
                        : "UPDATE gadgets SET name = ?2, color = ?3, size = ?4, price = ?5,"
                          " bought_on = ?6, owner_id = ?7, keeper_id = ?8, notes = ?9,"
                          " updated_at = ?10 WHERE uuid = ?1", error);
  ok = stmt != NULL
       && od_stmt_bind_text (stmt, 1, g->uuid, error)
       && od_stmt_bind_text (stmt, 2, g->name, error)
       && od_stmt_bind_text (stmt, 3, g->color, error)
       && od_stmt_bind_int64 (stmt, 4, g->size, error)
       && od_stmt_bind_int64 (stmt, 5, g->price, error)
       && od_stmt_bind_text (stmt, 6, g->bought_on, error)
       && od_store_bind_ref (stmt, 7, g->owner_id, error)
       && od_stmt_bind_text (stmt, 8, g->keeper_id, error)
       && od_stmt_bind_text (stmt, 9, g->notes, error)
       && od_stmt_bind_text (stmt, 10, now, error)
       && od_stmt_run (stmt, error);
  if (ok)
    {
      data->id = g->id != 0 ? g->id : od_db_last_insert_rowid (db);
      changes = od_entity_changes_json (&gadget_entity, old, g);
      ok = changes == NULL
           || od_audit_record (db, "gadgets", data->id, g->uuid, old == NULL ? "insert" : "update",
                               changes, g->name, error);
    }
  if (old != NULL)
    gadget_free (old);
  return ok;
}

static gint64
gadget_save (OdDb           *db,
             gconstpointer   record,
             GError        **error)
{
  SaveData data = { record, 0 };

  return od_db_transaction (db, gadget_save_cb, &data, error) ? data.id : 0;
}

static char *
gadget_describe (gconstpointer record)
{
  return g_strdup_printf ("%s (gadget)", ((const Gadget *) record)->name);
}

static GPtrArray *
gadget_load_items (OdDb          *db,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (gadget_free);

  for (guint i = 0; i < n_ids; i++)
    {
      gpointer g = gadget_load (db, ids[i], NULL);

      if (g != NULL)
        g_ptr_array_add (items, g);
    }
  return g_steal_pointer (&items);
}

static gconstpointer
gadget_item_record (gpointer item)
{
  return item;
}

static gboolean
gadget_trash (OdDb    *db,
              gint64   id,
              GError **error)
{
  return od_trash_move (db, &gadget_entity, id, error);
}

static gboolean
lookup_owner (OdDb        *db,
              const char  *text,
              gint64      *id,
              char       **problem,
              GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, "SELECT id FROM organizations WHERE name = ?1"
                                          " AND deleted_at IS NULL", error);

  *id = 0;
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, text, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      *id = od_stmt_get_int64 (stmt, 0);
      return TRUE;
    case OD_STEP_DONE:
      *problem = g_strdup_printf ("No owner is called “%s”.", text);
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

#define GADGET_FIELD(key_, input_, kind_, member_, ...) \
  { .key = key_, .label = key_, .input = input_, .kind = kind_, \
    .offset = G_STRUCT_OFFSET (Gadget, member_), __VA_ARGS__ }

static const OdEntityField gadget_fields[] = {
  GADGET_FIELD ("uuid", OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  GADGET_FIELD ("name", OD_INPUT_TEXT, OD_FIELD_TEXT, name,
                .headers = OD_WORDS ("物品名称"), .required = TRUE),
  GADGET_FIELD ("color", OD_INPUT_CHOICE, OD_FIELD_TEXT, color,
                .headers = OD_WORDS ("颜色"), .choices = gadget_colors),
  GADGET_FIELD ("size", OD_INPUT_COUNT, OD_FIELD_INT, size, .headers = OD_WORDS ("数量")),
  GADGET_FIELD ("price", OD_INPUT_MONEY, OD_FIELD_MONEY, price, .headers = OD_WORDS ("金额")),
  GADGET_FIELD ("bought_on", OD_INPUT_DATE, OD_FIELD_NULLABLE, bought_on,
                .headers = OD_WORDS ("购买日期")),
  GADGET_FIELD ("owner", OD_INPUT_LOOKUP, OD_FIELD_REF, owner_id, .member = "owner_id",
                .text_offset = G_STRUCT_OFFSET (Gadget, owner_name),
                .headers = OD_WORDS ("所属单位"), .lookup = lookup_owner),
  GADGET_FIELD ("keeper_id", OD_INPUT_CODE, OD_FIELD_ID_NUMBER, keeper_id,
                .headers = OD_WORDS ("保管人身份证号")),
  GADGET_FIELD ("notes", OD_INPUT_TEXT, OD_FIELD_TEXT, notes, .headers = OD_WORDS ("备注")),
  GADGET_FIELD ("created_at", OD_INPUT_READ_ONLY, OD_FIELD_NONE, created_at),
  GADGET_FIELD ("updated_at", OD_INPUT_READ_ONLY, OD_FIELD_NONE, updated_at),
};

static const OdEntityMatch gadget_matches[] = {
  { { "uuid", NULL }, "record key", "SELECT id, deleted_at IS NOT NULL FROM gadgets WHERE uuid = ?1",
    TRUE },
  { { "name", NULL }, "name", "SELECT id FROM gadgets WHERE name = ?1 AND deleted_at IS NULL",
    FALSE },
};

const OdEntity gadget_entity = {
  .name = "gadgets", .noun = "gadget", .plural = "Gadgets", .kind = "Gadget",
  .fields = gadget_fields, .n_fields = G_N_ELEMENTS (gadget_fields),
  .matches = gadget_matches, .n_matches = G_N_ELEMENTS (gadget_matches),
  .id_offset = G_STRUCT_OFFSET (Gadget, id), .uuid_offset = G_STRUCT_OFFSET (Gadget, uuid),
  .record_new = gadget_new, .record_load = gadget_load, .record_free = gadget_free,
  .validate = gadget_validate, .save = gadget_save, .describe = gadget_describe,
  .list_order = "name", .load_items = gadget_load_items, .item_record = gadget_item_record,
  .trash = gadget_trash, .record_load_any = gadget_load_any,
};

static GPtrArray *
gadget_validate (OdDb          *db,
                 gconstpointer  record)
{
  const Gadget *g = record;
  GPtrArray *problems = od_problems_new ();

  if (g->name == NULL || g->name[0] == '\0')
    od_problems_add (problems, "name", OD_PROBLEM_ERROR, 0, g_strdup ("A gadget needs a name."));
  od_store_check_key (problems, "color", g->color, gadget_colors, FALSE);
  od_entity_check_control_chars (&gadget_entity, problems, g);
  return problems;
}

/* --- the tests --- */

static OdDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) org = od_organization_fields_new ();
  OdDb *db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (od_db_exec (db, gadget_table, &error));
  g_assert_no_error (error);
  g_free (org->name);
  org->name = g_strdup ("宝鸡市养生协会");
  g_assert_cmpint (od_organization_save (db, org, &error), >, 0);
  g_assert_no_error (error);
  return db;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static const char gadgets_csv[] =
  "物品名称,颜色,数量,金额,购买日期,所属单位,保管人身份证号,备注\r\n"
  "投影仪,红色,2,3.5万,2017年10月19日,宝鸡市养生协会,11010519491231002X,会议室\r\n"
  "音箱,蓝,\"1,200\",\"35,000\",2017/10/20,,,\r\n";

static OdImportResult *
import_file (OdDb       *db,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  OdImportResult *result = od_import_file (db, "gadgets", path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->errors->len; i++)
    g_test_message ("%s", od_import_problem_format (result, g_ptr_array_index (result->errors, i)));
  g_assert_cmpuint (result->errors->len, ==, 0);
  return result;
}

static void
test_registered (void)
{
  g_autofree char *importable = NULL;
  g_autofree char *exportable = NULL;

  /* One line registers it; the registry lists it after the domains'. */
  od_entity_register (&gadget_entity);
  g_assert_true (od_entity_find ("gadgets") == &gadget_entity);
  g_assert_true (od_import_find_entity ("gadgets") == &gadget_entity);
  g_assert_true (od_export_has_entity ("gadgets"));
  importable = od_import_entities ();
  exportable = od_export_entities ();
  g_assert_true (g_str_has_prefix (importable, "organizations, people, "));
  g_assert_true (g_str_has_suffix (importable, ", gadgets"));
  g_assert_true (g_str_has_prefix (exportable, "organizations, people, "));
  g_assert_true (g_str_has_suffix (exportable, ", gadgets"));
  g_assert_true (od_entity_has_personal_data (&gadget_entity));
}

/* CSV in, every kind of cell read through the engine, audit entries written. */
static void
test_import_csv (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f->path);
  g_autofree char *csv = write_file (f->dir, "gadgets.csv", gadgets_csv);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  Gadget *g;
  gint64 id;

  od_entity_register (&gadget_entity);
  result = import_file (db, csv);
  g_assert_cmpuint (result->n_inserted, ==, 2);
  g_assert_true (result->written);

  id = od_test_query_int (db, "SELECT id FROM gadgets WHERE name = '投影仪'");
  g = gadget_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g->color, ==, "red");
  g_assert_cmpint (g->size, ==, 2);
  g_assert_cmpint (g->price, ==, 3500000);          /* 3.5万 yuan in fen */
  g_assert_cmpstr (g->bought_on, ==, "2017-10-19");
  g_assert_cmpstr (g->owner_name, ==, "宝鸡市养生协会");
  g_assert_cmpstr (g->keeper_id, ==, "11010519491231002X");
  gadget_free (g);
  g_assert_cmpint (od_test_query_int (db, "SELECT size * 100000000 + price FROM gadgets WHERE name = '音箱'"),
                   ==, G_GINT64_CONSTANT (1200) * 100000000 + 3500000);

  /* The record's own audit entry, with the ID number masked, and the
   * import's entry. */
  audit = od_audit_list_for_row (db, "gadgets", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((OdAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "insert");
  g_assert_nonnull (strstr (((OdAuditEntry *) g_ptr_array_index (audit, 0))->changes, "\"price\""));
  g_assert_null (strstr (((OdAuditEntry *) g_ptr_array_index (audit, 0))->changes,
                         "11010519491231002X"));
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'gadgets'"
                                  " AND action = 'import'"), ==, 1);

  /* Bad cells are reported by the engine, nothing written. */
  {
    g_autofree char *bad = write_file (f->dir, "bad.csv",
                                       "物品名称,颜色,金额,所属单位\n扩音器,绿,三块,不存在的单位\n");
    g_autoptr(OdImportResult) rejected = od_import_file (db, "gadgets", bad, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rejected->errors->len, ==, 3);
    g_assert_false (rejected->written);
    g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets WHERE name = '扩音器'"), ==, 0);
  }
}

/* Export in every format, and the XLSX back in through the import. */
static void
test_export_xlsx_roundtrip (OdTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f->path);
  g_autofree char *csv = write_file (f->dir, "gadgets.csv", gadgets_csv);
  g_autofree char *out_csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *out_xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = NULL;
  g_autoptr(OdImportResult) first = NULL;
  g_autoptr(OdImportResult) again = NULL;
  g_autoptr(OdDb) other = NULL;
  g_autoptr(GError) error = NULL;

  od_entity_register (&gadget_entity);
  first = import_file (db, csv);

  g_assert_true (od_export_write_file (db, "gadgets", OD_EXPORT_FORMAT_CSV, FALSE, out_csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "uuid,name,color,size,price,bought_on,owner,"
                                         "keeper_id,notes,created_at,updated_at\r\n"));
  g_assert_nonnull (strstr (text, ",35000.00,2017-10-19,宝鸡市养生协会,"));  /* yuan, by name */
  g_assert_null (strstr (text, "11010519491231002X"));                   /* masked */

  g_assert_true (od_export_write_file (db, "gadgets", OD_EXPORT_FORMAT_XLSX, TRUE, out_xlsx, &error));
  g_assert_no_error (error);

  /* Into another database: the workbook's rows come back as they were. */
  other = open_db (other_path);
  again = import_file (other, out_xlsx);
  g_assert_cmpuint (again->n_inserted, ==, 2);
  g_assert_cmpint (od_test_query_int (other, "SELECT price FROM gadgets WHERE name = '投影仪'"), ==, 3500000);
  g_assert_cmpint (od_test_query_int (other, "SELECT count(*) FROM gadgets WHERE name = '投影仪' AND"
                                     " keeper_id = '11010519491231002X' AND color = 'red'"
                                     " AND bought_on = '2017-10-19' AND owner_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (od_test_query_int (other, "SELECT size FROM gadgets WHERE name = '音箱'"), ==, 1200);
}

/* The trash: moved, listed with its label, restored, purged; audit on each. */
static void
test_trash (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f->path);
  g_autofree char *csv = write_file (f->dir, "gadgets.csv", gadgets_csv);
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const OdEntity *entity;
  OdTrashEntry *entry;
  guint n_kept = 99;
  gint64 id;

  od_entity_register (&gadget_entity);
  result = import_file (db, csv);
  id = od_test_query_int (db, "SELECT id FROM gadgets WHERE name = '投影仪'");
  entity = od_entity_find ("gadgets");

  g_assert_true (entity->trash (db, id, &error));
  g_assert_no_error (error);
  entries = od_trash_list (db, &error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->table_name, ==, "gadgets");
  g_assert_cmpstr (entry->label, ==, "投影仪 (gadget)");
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets WHERE deleted_at IS NULL"), ==, 1);

  g_assert_true (od_trash_restore (db, "gadgets", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets WHERE deleted_at IS NULL"), ==, 2);

  g_assert_true (entity->trash (db, id, &error));
  g_assert_true (od_trash_purge (db, "gadgets", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'gadgets'"
                                  " AND action IN ('delete', 'restore', 'purge')"), ==, 4);

  /* Emptying the trash takes gadgets too. */
  id = od_test_query_int (db, "SELECT id FROM gadgets WHERE name = '音箱'");
  g_assert_true (entity->trash (db, id, &error));
  g_assert_true (od_trash_empty (db, &n_kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_kept, ==, 0);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets"), ==, 0);
}

/* Import undo: the inserted rows go to the trash, the updated ones back. */
static void
test_import_undo (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f->path);
  g_autofree char *csv = write_file (f->dir, "gadgets.csv", gadgets_csv);
  g_autofree char *update = write_file (f->dir, "update.csv",
                                        "物品名称,数量,备注\n投影仪,5,借给协会\n新桌子,1,\n");
  g_autoptr(OdImportResult) first = NULL;
  g_autoptr(OdImportResult) second = NULL;
  g_autoptr(GError) error = NULL;

  od_entity_register (&gadget_entity);
  first = import_file (db, csv);
  second = import_file (db, update);
  g_assert_cmpuint (second->n_inserted, ==, 1);
  g_assert_cmpuint (second->n_updated, ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT size FROM gadgets WHERE name = '投影仪'"), ==, 5);

  g_assert_true (od_import_undo (db, second->audit_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT size FROM gadgets WHERE name = '投影仪'"), ==, 2);
  g_assert_cmpint (od_test_query_int (db, "SELECT notes = '会议室' FROM gadgets WHERE name = '投影仪'"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM gadgets WHERE name = '新桌子'"
                                  " AND deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM trash WHERE table_name = 'gadgets'"), ==, 1);

  /* A second undo is refused. */
  g_assert_false (od_import_undo (db, second->audit_id, &error));
  g_assert_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity/registered", test_registered);
  OD_TEST_ADD ("/entity/import-csv", test_import_csv);
  OD_TEST_ADD ("/entity/export-xlsx-roundtrip", test_export_xlsx_roundtrip);
  OD_TEST_ADD ("/entity/trash", test_trash);
  OD_TEST_ADD ("/entity/import-undo", test_import_undo);
  return g_test_run ();
}
