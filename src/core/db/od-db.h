/* od-db.h — the SQLite connection: open/refuse, statements, transactions,
 * migrations, online backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "od-types.h"

G_BEGIN_DECLS

#define OD_DB_ERROR (od_db_error_quark ())

typedef enum
{
  OD_DB_ERROR_OPEN,           /* cannot be opened or created at all */
  OD_DB_ERROR_NOT_DATABASE,   /* the file is not a SQLite database */
  OD_DB_ERROR_NEWER_SCHEMA,   /* written by a newer OrgDesk */
  OD_DB_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  OD_DB_ERROR_CORRUPT,        /* PRAGMA quick_check failed */
  OD_DB_ERROR_BUSY,           /* locked by another program for too long */
  OD_DB_ERROR_CONSTRAINT,     /* a UNIQUE, CHECK or FOREIGN KEY rule refused a change */
  OD_DB_ERROR_MIGRATION,      /* a schema migration failed and was rolled back */
  OD_DB_ERROR_BACKUP,         /* a backup or restore failed */
  OD_DB_ERROR_FAILED,         /* anything else SQLite reports */
} OdDbError;

typedef enum
{
  OD_DB_OPEN_DEFAULT = 0,
  OD_DB_OPEN_CREATE  = 1 << 0,  /* create the file (and its folder) when missing */
} OdDbOpenFlags;

typedef enum
{
  OD_STEP_ERROR = -1,
  OD_STEP_DONE  = 0,
  OD_STEP_ROW   = 1,
} OdStep;

/* One schema migration: version N is applied to a database at version N-1. */
typedef struct
{
  guint       version;
  const char *name;
  const char *sql;
} OdMigration;

#define OD_TYPE_DB (od_db_get_type ())
G_DECLARE_FINAL_TYPE (OdDb, od_db, OD, DB, GObject)

typedef gboolean (*OdDbTransactionFunc) (OdDb     *db,
                                         gpointer  user_data,
                                         GError  **error);

GQuark       od_db_error_quark          (void);

OdDb        *od_db_open                 (const char           *path,
                                         OdDbOpenFlags         flags,
                                         GError              **error);
OdDb        *od_db_open_with_migrations (const char           *path,
                                         OdDbOpenFlags         flags,
                                         const OdMigration    *migrations,
                                         guint                 n_migrations,
                                         GError              **error);
const char  *od_db_get_path             (OdDb                 *db);
const char  *od_db_get_backup_path      (OdDb                 *db);
guint        od_db_get_schema_version   (OdDb                 *db);
guint        od_db_get_latest_version   (void);
void         od_db_close                (OdDb                 *db);

gboolean     od_db_exec                 (OdDb                 *db,
                                         const char           *sql,
                                         GError              **error);
OdStmt      *od_db_prepare              (OdDb                 *db,
                                         const char           *sql,
                                         GError              **error);
guint        od_db_get_n_prepared       (OdDb                 *db);
gboolean     od_db_transaction          (OdDb                 *db,
                                         OdDbTransactionFunc   func,
                                         gpointer              user_data,
                                         GError              **error);
gint64       od_db_last_insert_rowid    (OdDb                 *db);
int          od_db_changes              (OdDb                 *db);
gboolean     od_db_query_int64          (OdDb                 *db,
                                         const char           *sql,
                                         gint64               *value,
                                         GError              **error);
GPtrArray   *od_db_list_tables          (OdDb                 *db,
                                         GError              **error);
/* TABLE (a name from od_db_list_tables(), never user text) as a whole. */
gboolean     od_db_count_rows           (OdDb                 *db,
                                         const char           *table,
                                         gint64               *n_rows,
                                         GError              **error);
gboolean     od_db_table_is_empty       (OdDb                 *db,
                                         const char           *table,
                                         gboolean             *empty,
                                         GError              **error);
/* Until the end of the transaction (deleting table by table). */
gboolean     od_db_defer_foreign_keys   (OdDb                 *db,
                                         GError              **error);
gboolean     od_db_delete_all_rows      (OdDb                 *db,
                                         const char           *table,
                                         GError              **error);
gboolean     od_db_backup_to            (OdDb                 *db,
                                         const char           *dest_path,
                                         GError              **error);
char        *od_db_quote_identifier     (const char           *name);
void         od_db_set_busy_timeout     (OdDb                 *db,
                                         int                   milliseconds);
char        *od_db_now                  (OdDb                 *db);
void         od_db_set_fixed_now        (OdDb                 *db,
                                         const char           *iso_time);

gboolean     od_db_check_file           (const char           *path,
                                         GError              **error);
gboolean     od_db_restore_file         (const char           *db_path,
                                         const char           *from_path,
                                         char                **kept_backup,
                                         GError              **error);
char        *od_db_backup_file_name     (const char           *db_path,
                                         const char           *reason);

/* Statements: binds are 1-based as in SQLite, columns 0-based. */
/* How many parameters (?N) the statement has. */
int          od_stmt_get_n_params       (OdStmt               *stmt);
gboolean     od_stmt_bind_int64         (OdStmt               *stmt,
                                         int                   index,
                                         gint64                value,
                                         GError              **error);
gboolean     od_stmt_bind_text          (OdStmt               *stmt,
                                         int                   index,
                                         const char           *value,
                                         GError              **error);
gboolean     od_stmt_bind_null          (OdStmt               *stmt,
                                         int                   index,
                                         GError              **error);
OdStep       od_stmt_step               (OdStmt               *stmt,
                                         GError              **error);
gboolean     od_stmt_run                (OdStmt               *stmt,
                                         GError              **error);
gboolean     od_stmt_step_int64         (OdStmt               *stmt,
                                         gint64               *value,
                                         GError              **error);
gboolean     od_stmt_reset              (OdStmt               *stmt,
                                         GError              **error);
int          od_stmt_column_count       (OdStmt               *stmt);
const char  *od_stmt_column_name        (OdStmt               *stmt,
                                         int                   column);
gboolean     od_stmt_column_is_null     (OdStmt               *stmt,
                                         int                   column);
gint64       od_stmt_get_int64          (OdStmt               *stmt,
                                         int                   column);
const char  *od_stmt_get_text           (OdStmt               *stmt,
                                         int                   column);
void         od_stmt_free               (OdStmt               *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdStmt, od_stmt_free)

G_END_DECLS
