/* od-db.c — the SQLite connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening is careful: every refusal (not a database, newer schema, read-only,
 * corrupt) is decided before anything is written, so a refused file is left
 * exactly as it was. Migrations run in one transaction after a backup.
 */
#define G_LOG_DOMAIN "orgdesk-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "od-core-resources.h"
#include "od-db.h"
#include "od-output.h"

/* "OrDk": marks a file as ours (PRAGMA application_id), so another program's
 * SQLite file is refused instead of being migrated into an OrgDesk database. */
#define OD_DB_APPLICATION_ID 0x4F72446B

#define SQL_RESOURCE_PATH RESOURCE_PREFIX "/sql"

/* How long a writer waits for another one, unless od_db_set_busy_timeout()
 * says otherwise: short enough that a window does not seem to hang. */
#define OD_DB_BUSY_TIMEOUT_MS 5000

struct _OdDb
{
  GObject  parent_instance;

  sqlite3 *handle;
  char    *path;
  char    *backup_path;    /* taken before the last migration, if any */
  char    *fixed_now;
  guint    schema_version;
  guint    savepoint_depth;
  int      busy_timeout_ms;

  /* The statement cache: SQL text → OdStmt, prepared once per connection
   * and handed out again once the last user has freed (reset) it. */
  GHashTable *statements;
  guint       n_prepared;  /* sqlite3_prepare calls, for tests and benchmarks */
};

struct _OdStmt
{
  sqlite3_stmt *stmt;
  OdDb         *db;        /* not owned: statements never outlive their connection */
  char         *sql;       /* the cache's key, when cached */
  gboolean      in_use;    /* handed out and not yet freed */
};

/* Enough for every statement the stores and the import use; SQL built at
 * run time with other text each time would otherwise fill it. */
#define OD_DB_MAX_CACHED_STATEMENTS 256

G_DEFINE_FINAL_TYPE (OdDb, od_db, G_TYPE_OBJECT)
G_DEFINE_QUARK (od-db-error-quark, od_db_error)

static GArray *default_migrations;

/* --- helpers --- */

static OdDbError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return OD_DB_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return OD_DB_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return OD_DB_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return OD_DB_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return OD_DB_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
      return OD_DB_ERROR_OPEN;
    default:
      return OD_DB_ERROR_FAILED;
    }
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *handle,
                  int          rc,
                  const char  *what)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  g_set_error (error, OD_DB_ERROR, error_code_from_sqlite (rc),
               /* Translators: first %s is what OrgDesk was doing, second is SQLite's own message */
               _("%s failed: %s"), what, detail);
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static void
set_not_database_error (GError     **error,
                        const char  *path)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_NOT_DATABASE,
               _("“%s” is not an OrgDesk database. Open another file or create a new database; "
                 "the file was not changed."), name);
}

static void
set_read_only_error (GError     **error,
                     const char  *path)
{
  g_autofree char *name = display_name (path);

  g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_READ_ONLY,
               _("“%s” cannot be written: the file or its folder is read-only. Copy it to a "
                 "folder you can write to, or allow writing to it, then open it again."), name);
}

/* A device, a FIFO or a socket is refused before anything reads it: reading
 * a FIFO's header would wait forever for a writer. */
static gboolean
check_regular_file (const char  *path,
                    GError     **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;   /* a missing file is someone else's message */
  name = display_name (path);
  if (S_ISDIR (st.st_mode))
    g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                 _("“%s” is a folder, not a database file. Choose a file."), name);
  else
    g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                 _("“%s” is not a regular file (it is a device, a pipe or a socket). Choose a "
                   "database file."), name);
  return FALSE;
}

/* A new database holds personal data: only its owner may read it, whatever
 * the umask. SQLite gives the -wal and -shm files the database's mode. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (path);

      g_set_error (error, OD_DB_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? OD_DB_ERROR_READ_ONLY : OD_DB_ERROR_OPEN,
                   _("“%s” cannot be created: %s. Choose a folder you can write to."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    g_close (fd, NULL);
  return TRUE;
}

/* Root ignores permission bits, so also honour a mode that allows nobody to
 * write: whoever set it meant the file to stay as it is. */
static gboolean
path_is_writable (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0;
}

/* Decides from the first bytes whether a file can be a SQLite database,
 * without letting SQLite touch it. An empty file is a valid empty database. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char header[100];
  gssize n_read;
  FILE *fp;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      name = display_name (path);
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                   _("“%s” cannot be read: %s. Check that the file exists and that you may read it."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n_read == 0)
    return TRUE;
  if (n_read < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      set_not_database_error (error, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_pragma_int (sqlite3     *handle,
                  const char  *sql,
                  gint64      *value,
                  int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return rc == SQLITE_OK;
}

/* The refusals that need SQLite: not ours, newer, damaged. Nothing here writes. */
static gboolean
check_open_handle (sqlite3     *handle,
                   const char  *path,
                   guint        latest,
                   guint       *version_out,
                   GError     **error)
{
  g_autofree char *name = display_name (path);
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0, app_id = 0, n_tables = 0;
  const char *result;
  int rc;

  if (!query_pragma_int (handle, "PRAGMA user_version", &version, &rc)
      || !query_pragma_int (handle, "PRAGMA application_id", &app_id, &rc)
      || !query_pragma_int (handle, "SELECT count(*) FROM sqlite_master", &n_tables, &rc))
    {
      if (error_code_from_sqlite (rc) == OD_DB_ERROR_NOT_DATABASE)
        set_not_database_error (error, path);
      else if (error_code_from_sqlite (rc) == OD_DB_ERROR_CORRUPT)
        g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be read. Restore a backup; the damaged file "
                       "was not changed."), name);
      else
        set_sqlite_error (error, handle, rc, _("Reading the database"));
      return FALSE;
    }

  if (app_id != OD_DB_APPLICATION_ID && (app_id != 0 || n_tables > 0))
    {
      set_not_database_error (error, path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of OrgDesk (database version %u; this "
                     "version knows up to %u). Update OrgDesk to open it; the file was not "
                     "changed."), name, (guint) version, latest);
      return FALSE;
    }

  if (n_tables > 0)
    {
      rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
      if (g_strcmp0 (result, "ok") != 0)
        {
          g_autofree char *detail = g_strdup (result != NULL ? result : sqlite3_errmsg (handle));

          sqlite3_finalize (stmt);
          g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_CORRUPT,
                       _("“%s” is damaged (the integrity check reports: %s). Restore a backup; "
                         "the damaged file was not changed."), name, detail);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }

  *version_out = (guint) version;
  return TRUE;
}

static gint
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const OdMigration *ma = a, *mb = b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

/* Migrations ship as data/sql/NNNN-name.sql in the core GResource. */
static const GArray *
get_default_migrations (void)
{
  if (g_once_init_enter (&default_migrations))
    {
      GArray *array = g_array_new (FALSE, TRUE, sizeof (OdMigration));
      g_auto(GStrv) names = NULL;

      /* Referencing the resource keeps it linked in from the static library. */
      g_assert (od_core_get_resource () != NULL);
      names = g_resources_enumerate_children (SQL_RESOURCE_PATH, 0, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;
          OdMigration m = { 0 };
          guint64 version;
          char *end = NULL;

          version = g_ascii_strtoull (names[i], &end, 10);
          if (version == 0 || end == NULL || *end != '-' || !g_str_has_suffix (names[i], ".sql"))
            continue;
          bytes = g_resources_lookup_data (resource, 0, NULL);
          g_assert (bytes != NULL);
          m.version = (guint) version;
          m.name = g_strdup (names[i]);
          /* A copy: the resource's bytes are only borrowed while BYTES is held, and
           * would point into freed memory if the resource were ever compressed. */
          m.sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_array_append_val (array, m);
        }
      g_array_sort (array, compare_migrations);
      for (guint i = 0; i < array->len; i++)
        g_assert (g_array_index (array, OdMigration, i).version == i + 1);
      g_once_init_leave (&default_migrations, array);
    }
  return default_migrations;
}

static guint
latest_version_of (const OdMigration *migrations,
                   guint              n_migrations)
{
  guint latest = 0;

  for (guint i = 0; i < n_migrations; i++)
    latest = MAX (latest, migrations[i].version);
  return latest;
}

typedef struct
{
  const OdMigration *migrations;
  guint              n_migrations;
  guint              from;
  guint              to;
} MigrateData;

static gboolean
migrate_cb (OdDb      *db,
            gpointer   user_data,
            GError   **error)
{
  MigrateData *data = user_data;
  g_autofree char *set_version = NULL;

  for (guint i = 0; i < data->n_migrations; i++)
    {
      const OdMigration *m = &data->migrations[i];
      g_autoptr(GError) local_error = NULL;

      if (m->version <= data->from || m->version > data->to)
        continue;
      if (!od_db_exec (db, m->sql, &local_error))
        {
          g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_MIGRATION,
                       _("Updating the database to version %u (%s) failed: %s. The database was "
                         "left as it was."), m->version, m->name, local_error->message);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d;",
                                 data->to, OD_DB_APPLICATION_ID);
  return od_db_exec (db, set_version, error);
}

static gboolean
ensure_parent_folder (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (dir);

      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                   _("The folder “%s” cannot be created: %s. Choose another place for the "
                     "database."), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* --- overrides --- */

static void
od_db_finalize (GObject *object)
{
  OdDb *self = OD_DB (object);

  od_db_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->fixed_now, g_free);

  G_OBJECT_CLASS (od_db_parent_class)->finalize (object);
}

static void
od_db_class_init (OdDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = od_db_finalize;
}

static void
od_db_init (OdDb *self)
{
}

/* --- public API --- */

guint
od_db_get_latest_version (void)
{
  const GArray *m = get_default_migrations ();

  return latest_version_of ((const OdMigration *) (gpointer) m->data, m->len);
}

OdDb *
od_db_open (const char     *path,
            OdDbOpenFlags   flags,
            GError        **error)
{
  const GArray *m = get_default_migrations ();

  return od_db_open_with_migrations (path, flags, (const OdMigration *) (gpointer) m->data,
                                     m->len, error);
}

OdDb *
od_db_open_with_migrations (const char         *path,
                            OdDbOpenFlags       flags,
                            const OdMigration  *migrations,
                            guint               n_migrations,
                            GError            **error)
{
  g_autoptr(OdDb) self = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  guint latest = latest_version_of (migrations, n_migrations);
  guint version = 0;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Absolute from here on: a relative name would change meaning with the
   * working folder, and SQLite URIs (used for checks) need one. */
  absolute = g_canonicalize_filename (path, NULL);
  path = absolute;
  name = display_name (path);
  dir = g_path_get_dirname (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && !check_regular_file (path, error))
    return NULL;
  if (!exists)
    {
      if (!(flags & OD_DB_OPEN_CREATE))
        {
          g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                       _("“%s” does not exist. Check the name, or create a new database."), name);
          return NULL;
        }
      if (!ensure_parent_folder (path, error))
        return NULL;
    }
  else if (!check_header (path, error))
    return NULL;

  /* SQLite writes journals beside the file, so the folder must be writable too. */
  if ((exists && !path_is_writable (path)) || !path_is_writable (dir))
    {
      set_read_only_error (error, path);
      return NULL;
    }
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (OD_TYPE_DB, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, OD_DB_ERROR, error_code_from_sqlite (rc),
                   _("“%s” cannot be opened: %s."), name,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  od_db_set_busy_timeout (self, OD_DB_BUSY_TIMEOUT_MS);

  if (!check_open_handle (self->handle, path, latest, &version, error))
    return NULL;

  if (!od_db_exec (self, "PRAGMA foreign_keys = ON;", error))
    return NULL;
  /* WAL lets the GUI read while a backup or import writes. */
  if (!od_db_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
    return NULL;

  if (version < latest)
    {
      MigrateData data = { migrations, n_migrations, version, latest };

      if (version > 0)
        {
          g_autofree char *backup = od_db_backup_file_name (path, "before-migration");

          if (!od_db_backup_to (self, backup, error))
            return NULL;
          self->backup_path = g_steal_pointer (&backup);
        }
      if (!od_db_transaction (self, migrate_cb, &data, error))
        return NULL;
      version = latest;
    }
  self->schema_version = version;

  return g_steal_pointer (&self);
}

const char *
od_db_get_path (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), NULL);
  return self->path;
}

const char *
od_db_get_backup_path (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), NULL);
  return self->backup_path;
}

guint
od_db_get_schema_version (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), 0);
  return self->schema_version;
}

void
od_db_close (OdDb *self)
{
  g_return_if_fail (OD_IS_DB (self));

  if (self->statements != NULL)
    {
      GHashTableIter iter;
      OdStmt *stmt;

      /* A statement still in use is its user's to free: it leaves the
       * cache and is finalized then (sqlite3_close_v2 waits for it). */
      g_hash_table_iter_init (&iter, self->statements);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stmt))
        {
          g_hash_table_iter_steal (&iter);
          g_clear_pointer (&stmt->sql, g_free);
          if (!stmt->in_use)
            {
              sqlite3_finalize (stmt->stmt);
              g_free (stmt);
            }
        }
      g_clear_pointer (&self->statements, g_hash_table_unref);
    }
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
}

gboolean
od_db_exec (OdDb        *self,
            const char  *sql,
            GError     **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (self->handle != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, OD_DB_ERROR, error_code_from_sqlite (rc), "%s",
                   errmsg != NULL ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

OdStmt *
od_db_prepare (OdDb        *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  OdStmt *result;
  int rc;

  g_return_val_if_fail (OD_IS_DB (self), NULL);
  g_return_val_if_fail (self->handle != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  /* Prepared once per connection: freeing a cached statement resets it and
   * gives it back. One already in use (a store calling itself) gets a
   * statement of its own. */
  if (self->statements == NULL)
    self->statements = g_hash_table_new (g_str_hash, g_str_equal);
  result = g_hash_table_lookup (self->statements, sql);
  if (result != NULL && !result->in_use)
    {
      result->in_use = TRUE;
      return result;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, result == NULL ? SQLITE_PREPARE_PERSISTENT : 0,
                           &stmt, NULL);
  self->n_prepared++;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->handle, rc, _("Preparing a query"));
      return NULL;
    }
  if (stmt == NULL)
    {
      /* Only blanks or a comment: nothing to run. */
      g_set_error_literal (error, OD_DB_ERROR, OD_DB_ERROR_FAILED, _("The query is empty."));
      return NULL;
    }
  result = g_new0 (OdStmt, 1);
  result->stmt = stmt;
  result->db = self;
  result->in_use = TRUE;
  if (g_hash_table_lookup (self->statements, sql) == NULL
      && g_hash_table_size (self->statements) < OD_DB_MAX_CACHED_STATEMENTS)
    {
      result->sql = g_strdup (sql);
      g_hash_table_insert (self->statements, result->sql, result);
    }
  return result;
}

/* How many statements this connection has prepared (compiled) so far:
 * with the cache, the same statement run again costs nothing here. */
guint
od_db_get_n_prepared (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), 0);

  return self->n_prepared;
}

/* Runs FUNC inside a transaction: committed when it returns TRUE, rolled back
 * otherwise. Nested calls become savepoints, so stores can call each other. */
gboolean
od_db_transaction (OdDb                 *self,
                   OdDbTransactionFunc   func,
                   gpointer              user_data,
                   GError              **error)
{
  g_autofree char *begin = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *rollback = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->savepoint_depth == 0)
    {
      begin = g_strdup ("BEGIN IMMEDIATE");
      commit = g_strdup ("COMMIT");
      rollback = g_strdup ("ROLLBACK");
    }
  else
    {
      begin = g_strdup_printf ("SAVEPOINT od_sp%u", self->savepoint_depth);
      commit = g_strdup_printf ("RELEASE od_sp%u", self->savepoint_depth);
      rollback = g_strdup_printf ("ROLLBACK TO od_sp%u; RELEASE od_sp%u",
                                  self->savepoint_depth, self->savepoint_depth);
    }

  if (!od_db_exec (self, begin, &local_error))
    {
      /* BEGIN IMMEDIATE waits (busy_timeout) for another writer to finish;
       * a writer that is still busy after that gets one clear message. */
      if (g_error_matches (local_error, OD_DB_ERROR, OD_DB_ERROR_BUSY))
        {
          g_autofree char *name = display_name (self->path);

          g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BUSY,
                       _("Another program is writing to “%s” (an import, a restore or OrgDesk "
                         "on another computer), and OrgDesk waited %d seconds for it. Try again "
                         "when it has finished."), name, MAX (self->busy_timeout_ms / 1000, 1));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->savepoint_depth++;
  ok = func (self, user_data, &local_error);
  self->savepoint_depth--;

  if (ok && od_db_exec (self, commit, &local_error))
    return TRUE;

  /* Keep the first error: the one that made us roll back. */
  if (local_error == NULL)
    g_set_error_literal (&local_error, OD_DB_ERROR, OD_DB_ERROR_FAILED,
                         _("The change was cancelled."));
  od_db_exec (self, rollback, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gint64
od_db_last_insert_rowid (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), 0);
  return sqlite3_last_insert_rowid (self->handle);
}

int
od_db_changes (OdDb *self)
{
  g_return_val_if_fail (OD_IS_DB (self), 0);
  return sqlite3_changes (self->handle);
}

gboolean
od_db_query_int64 (OdDb        *self,
                   const char  *sql,
                   gint64      *value,
                   GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (self, sql, error);

  return stmt != NULL && od_stmt_step_int64 (stmt, value, error);
}

gboolean
od_db_count_rows (OdDb        *self,
                  const char  *table,
                  gint64      *n_rows,
                  GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (table != NULL && n_rows != NULL, FALSE);

  quoted = od_db_quote_identifier (table);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  return od_db_query_int64 (self, sql, n_rows, error);
}

gboolean
od_db_table_is_empty (OdDb        *self,
                      const char  *table,
                      gboolean    *empty,
                      GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  gint64 any = 0;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (table != NULL && empty != NULL, FALSE);

  /* Table names come from the schema (od_db_list_tables()), never from user
   * text; quoted all the same. */
  quoted = od_db_quote_identifier (table);
  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", quoted);
  if (!od_db_query_int64 (self, sql, &any, error))
    return FALSE;
  *empty = any == 0;
  return TRUE;
}

gboolean
od_db_defer_foreign_keys (OdDb    *self,
                          GError **error)
{
  g_return_val_if_fail (OD_IS_DB (self), FALSE);

  return od_db_exec (self, "PRAGMA defer_foreign_keys = ON", error);
}

gboolean
od_db_delete_all_rows (OdDb        *self,
                       const char  *table,
                       GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  quoted = od_db_quote_identifier (table);
  sql = g_strdup_printf ("DELETE FROM %s", quoted);
  return od_db_exec (self, sql, error);
}

GPtrArray *
od_db_list_tables (OdDb     *self,
                   GError  **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  OdStep step;

  stmt = od_db_prepare (self,
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                        "AND sql NOT LIKE 'CREATE VIRTUAL%' "
                        "AND name NOT GLOB '*_fts_*' ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    g_ptr_array_add (names, g_strdup (od_stmt_get_text (stmt, 0)));
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&names);
}

/* SQLite's online backup of SOURCE into the new file PATH. */
typedef struct
{
  sqlite3 *source;
  char    *message;   /* SQLite's reason when it failed */
} BackupData;

static gboolean
backup_into_path_cb (const char  *path,
                     gpointer     user_data,
                     GError     **error)
{
  BackupData *data = user_data;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", data->source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK)
    /* A backup is a single file: no WAL beside it. */
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      data->message = g_strdup (dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      g_set_error_literal (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP, data->message);
    }
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

/* An empty regular file: a name reserved by od_db_backup_file_name(). */
static gboolean
is_empty_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

/* Online backup into DEST_PATH: written beside it first and renamed, so a
 * failed backup never leaves a half-written file under the final name; a
 * device or a pipe ("-" is standard output) gets the bytes directly. The
 * file is private (0600): it holds everything the database holds. */
gboolean
od_db_backup_to (OdDb        *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autoptr(OdOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  BackupData data = { self->handle, NULL };
  gboolean reserved;

  g_return_val_if_fail (OD_IS_DB (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  name = display_name (dest_path);
  /* By identity, not by name: "./s.db" and "$PWD/s.db" are the database too. */
  if (g_strcmp0 (dest_path, self->path) == 0 || od_output_same_file (dest_path, self->path))
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                   _("A backup cannot replace the database itself. Choose another file name."));
      return FALSE;
    }
  if (strcmp (dest_path, "-") != 0 && !ensure_parent_folder (dest_path, error))
    return FALSE;

  reserved = is_empty_file (dest_path);
  output = od_output_new (dest_path, OD_OUTPUT_PRIVATE, &local_error);
  if (output != NULL
      && od_output_write_with_path (output, backup_into_path_cb, &data, &local_error)
      && od_output_commit (output, &local_error))
    return TRUE;

  /* A name reserved for this backup is given back; an older file stays. */
  g_clear_pointer (&output, od_output_free);
  if (reserved && is_empty_file (dest_path))
    g_unlink (dest_path);
  g_free (data.message);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                   _("“%s” is a folder. Give a file name for the backup."), name);
      return FALSE;
    }
  g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
               _("The backup to “%s” failed: %s. Check the free space and that the folder "
                 "can be written."), name, local_error->message);
  return FALSE;
}

/* NAME as an SQL identifier, in double quotes with inner ones doubled: the
 * one way OrgDesk puts a table or column name (always from the schema or
 * from code, never from user text) into SQL. */
char *
od_db_quote_identifier (const char *name)
{
  GString *quoted;

  g_return_val_if_fail (name != NULL, NULL);

  quoted = g_string_new ("\"");
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* How long a write waits for another program's write to finish before it
 * fails with OD_DB_ERROR_BUSY. A batch command waits longer than a window:
 * an import in another process holds the lock for as long as it writes. */
void
od_db_set_busy_timeout (OdDb *self,
                        int   milliseconds)
{
  g_return_if_fail (OD_IS_DB (self));
  g_return_if_fail (self->handle != NULL);

  self->busy_timeout_ms = milliseconds;
  sqlite3_busy_timeout (self->handle, milliseconds);
}

/* ISO-8601 UTC, as every created_at / updated_at / audit time is stored. */
char *
od_db_now (OdDb *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (OD_IS_DB (self), NULL);

  if (self->fixed_now != NULL)
    return g_strdup (self->fixed_now);
  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Demo data and tests pin the clock, so that the same input gives the same rows. */
void
od_db_set_fixed_now (OdDb       *self,
                     const char *iso_time)
{
  g_return_if_fail (OD_IS_DB (self));

  g_free (self->fixed_now);
  self->fixed_now = g_strdup (iso_time);
}

/* Checks that PATH is an intact OrgDesk database this version can open,
 * without writing to it (opened immutable). Used before a restore. */
gboolean
od_db_check_file (const char  *path,
                  GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sqlite_uri = NULL;
  guint version = 0;
  sqlite3 *handle = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                   _("“%s” does not exist or is not a file. Choose a backup file."), name);
      return FALSE;
    }
  if (!check_header (path, error))
    return FALSE;

  /* A URI needs an absolute name: "backup.db" alone gave no URI, and SQLite
   * then opened an empty temporary database instead of the file. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_OPEN,
                   _("“%s” cannot be opened: its name cannot be used. Rename the file and try "
                     "again."), name);
      return FALSE;
    }
  sqlite_uri = g_strconcat (uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (sqlite_uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, handle, rc, _("Opening the file"));
      sqlite3_close (handle);
      return FALSE;
    }
  ok = check_open_handle (handle, path, od_db_get_latest_version (), &version, error);
  sqlite3_close (handle);
  if (ok && version == 0)
    {
      set_not_database_error (error, path);
      return FALSE;
    }
  return ok;
}

/* backups/<name>-YYYYmmdd-HHMMSS-<reason>.db beside the database, the name
 * reserved by creating it empty (O_EXCL): two processes backing up in the
 * same second get two names ("-2", "-3", …), never the same one.
 * od_db_backup_to() fills the reserved file, or removes it when it fails. */
char *
od_db_backup_file_name (const char *db_path,
                        const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *absolute = g_canonicalize_filename (db_path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *file = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_mkdir_with_parents (folder, 0700);
  file = g_strdup_printf ("%s-%s-%s.db", base, stamp, reason);
  for (guint n = 2; ; n++)
    {
      char *candidate = g_build_filename (folder, file, NULL);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      /* Any error but "taken" is for the backup itself to report. */
      if (fd >= 0 || errno != EEXIST || n > 999999)
        {
          if (fd >= 0)
            g_close (fd, NULL);
          return candidate;
        }
      g_free (candidate);
      g_free (file);
      file = g_strdup_printf ("%s-%s-%s-%u.db", base, stamp, reason, n);
    }
}

/* FROM's bytes into TO, replaced whole and private (0600). */
static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(OdOutput) output = NULL;

  in = g_file_read (source, NULL, error);
  if (in == NULL)
    return FALSE;
  output = od_output_new (to, OD_OUTPUT_PRIVATE, error);
  return output != NULL
         && g_output_stream_splice (od_output_get_stream (output), G_INPUT_STREAM (in),
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) >= 0
         && od_output_commit (output, error);
}

/* Replaces the database at DB_PATH with the backup FROM_PATH. The backup is
 * checked first; the current file is kept as a backup (KEPT_BACKUP); the new
 * file is copied beside the old one and renamed into place, so a failure at
 * any point leaves either the old database or the new one, never a mix.
 * The database must not be open. */
gboolean
od_db_restore_file (const char  *db_path,
                    const char  *from_path,
                    char       **kept_backup,
                    GError     **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(OdOutput) output = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (from_path != NULL, FALSE);

  if (!od_db_check_file (from_path, error))
    return FALSE;
  if (od_output_same_file (from_path, db_path))
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                   _("That file is the database itself. Choose a backup file."));
      return FALSE;
    }
  absolute = g_canonicalize_filename (db_path, NULL);
  db_path = absolute;
  source = g_file_new_for_path (from_path);
  if (!ensure_parent_folder (db_path, error))
    return FALSE;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(OdDb) current = NULL;

      kept = od_db_backup_file_name (db_path, "before-restore");
      /* An intact current database is backed up online (that includes its WAL);
       * a damaged one is copied as it is, so that nothing is ever thrown away. */
      current = od_db_open (db_path, OD_DB_OPEN_DEFAULT, NULL);
      if (current == NULL || !od_db_backup_to (current, kept, NULL))
        {
          if (!copy_file (db_path, kept, &local_error))
            {
              g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                           _("The current database could not be kept as a backup (%s), so "
                             "nothing was restored."), local_error->message);
              return FALSE;
            }
        }
      g_clear_object (&current);
    }

  /* The copy is written beside the database and renamed into place; a WAL
   * left from the old file must never be replayed into the new one, so it
   * goes once the new file is complete and before it takes the name. */
  output = od_output_new (db_path, OD_OUTPUT_PRIVATE, &local_error);
  in = output != NULL ? g_file_read (source, NULL, &local_error) : NULL;
  if (in == NULL
      || g_output_stream_splice (od_output_get_stream (output), G_INPUT_STREAM (in),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &local_error) < 0)
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                   _("The backup could not be copied (%s); the database was not changed."),
                   local_error->message);
      return FALSE;
    }
  wal = g_strconcat (db_path, "-wal", NULL);
  shm = g_strconcat (db_path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  if (!od_output_commit (output, &local_error))
    {
      g_set_error (error, OD_DB_ERROR, OD_DB_ERROR_BACKUP,
                   _("The restored file could not be put in place: %s. The database was not "
                     "changed."), local_error->message);
      return FALSE;
    }

  if (kept_backup != NULL)
    *kept_backup = g_steal_pointer (&kept);
  return TRUE;
}

/* --- statements --- */

static gboolean
check_bind (OdStmt      *stmt,
            int          rc,
            GError     **error)
{
  if (rc == SQLITE_OK)
    return TRUE;
  set_sqlite_error (error, stmt->db->handle, rc, _("Binding a value"));
  return FALSE;
}

int
od_stmt_get_n_params (OdStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return sqlite3_bind_parameter_count (stmt->stmt);
}

gboolean
od_stmt_bind_int64 (OdStmt   *stmt,
                    int       index,
                    gint64    value,
                    GError  **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  return check_bind (stmt, sqlite3_bind_int64 (stmt->stmt, index, value), error);
}

gboolean
od_stmt_bind_text (OdStmt      *stmt,
                   int          index,
                   const char  *value,
                   GError     **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  if (value == NULL)
    return od_stmt_bind_null (stmt, index, error);
  return check_bind (stmt, sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT),
                     error);
}

gboolean
od_stmt_bind_null (OdStmt   *stmt,
                   int       index,
                   GError  **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  return check_bind (stmt, sqlite3_bind_null (stmt->stmt, index), error);
}

/* Unlike sqlite3_step, tells a finished statement from a failed one. */
OdStep
od_stmt_step (OdStmt   *stmt,
              GError  **error)
{
  int rc;

  g_return_val_if_fail (stmt != NULL, OD_STEP_ERROR);

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return OD_STEP_ROW;
  if (rc == SQLITE_DONE)
    return OD_STEP_DONE;
  set_sqlite_error (error, stmt->db->handle, rc, _("Running a query"));
  return OD_STEP_ERROR;
}

/* Steps a statement that returns no rows to its end. */
gboolean
od_stmt_run (OdStmt   *stmt,
             GError  **error)
{
  OdStep step;

  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    ;
  return step == OD_STEP_DONE;
}

/* Steps STMT once: its first column as an integer, 0 when it returns no
 * row (a count, an id looked up). */
gboolean
od_stmt_step_int64 (OdStmt   *stmt,
                    gint64   *value,
                    GError  **error)
{
  g_return_val_if_fail (stmt != NULL && value != NULL, FALSE);

  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      *value = od_stmt_get_int64 (stmt, 0);
      return TRUE;
    case OD_STEP_DONE:
      *value = 0;
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
od_stmt_reset (OdStmt   *stmt,
               GError  **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);

  sqlite3_clear_bindings (stmt->stmt);
  /* sqlite3_reset repeats the last step's error, which was already reported. */
  sqlite3_reset (stmt->stmt);
  return TRUE;
}

int
od_stmt_column_count (OdStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return sqlite3_column_count (stmt->stmt);
}

const char *
od_stmt_column_name (OdStmt *stmt,
                     int     column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return sqlite3_column_name (stmt->stmt, column);
}

gboolean
od_stmt_column_is_null (OdStmt *stmt,
                        int     column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

gint64
od_stmt_get_int64 (OdStmt *stmt,
                   int     column)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return sqlite3_column_int64 (stmt->stmt, column);
}

const char *
od_stmt_get_text (OdStmt *stmt,
                  int     column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

void
od_stmt_free (OdStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->sql != NULL)
    {
      /* Back into the cache: reset, so that it holds no read transaction
       * open, and its values cleared. */
      sqlite3_reset (stmt->stmt);
      sqlite3_clear_bindings (stmt->stmt);
      stmt->in_use = FALSE;
      return;
    }
  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}
