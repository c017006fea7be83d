/* od-backup.h — automatic daily backups with rotation, and the list of
 * backups for the Preferences page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_BACKUP_ERROR (od_backup_error_quark ())

typedef enum
{
  OD_BACKUP_ERROR_FOLDER,   /* the backups folder cannot be read or is not a folder */
  OD_BACKUP_ERROR_ROTATE,   /* an old backup could not be copied or removed */
} OdBackupError;

/* What od_backup_daily() keeps. */
#define OD_BACKUP_KEEP_DAILY   14
#define OD_BACKUP_KEEP_MONTHLY 12

/* One backup file of a database, as od_backup_list() finds it. */
typedef struct
{
  char      *path;
  char      *kind;   /* "daily", "monthly", or the reason an occasional backup has in its
                        name: "manual", "before-migration", "before-import",
                        "before-restore", … (od_db_backup_file_name()); an English key,
                        translated by the UI */
  GDateTime *date;   /* local time: a daily's day, the first day of a monthly's month, the
                        moment of an occasional backup (the list sorts a monthly as the
                        end of its month: it holds the month's last state) */
  goffset    size;   /* in bytes */
} OdBackupInfo;

GQuark      od_backup_error_quark    (void);

char       *od_backup_default_folder (const char    *db_path);
gboolean    od_backup_daily          (OdDb          *db,
                                      const char    *folder,
                                      GDateTime     *now,
                                      char         **made,
                                      GError       **error);
GPtrArray  *od_backup_list           (const char    *db_path,
                                      const char    *folder,
                                      GError       **error);
void        od_backup_info_free      (OdBackupInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdBackupInfo, od_backup_info_free)

G_END_DECLS
