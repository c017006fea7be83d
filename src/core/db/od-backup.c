/* od-backup.c — automatic daily backups with rotation, and the list of
 * backups for the Preferences page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5 asks for a daily backup kept 14 days and a monthly one kept 12
 * months. In the backups folder (by default <database folder>/backups,
 * where od_db_backup_file_name() puts the occasional ones) a database
 * "office.db" has:
 *
 *   office-daily-2024-05-31.db     one a day, the first time the program
 *                                  runs that day (online SQLite backup)
 *   office-monthly-2024-05.db      the newest daily of a month, made once the
 *                                  month is over (a copy, or the daily itself
 *                                  renamed when it is due to go anyway)
 *   office-20240531-101500-before-import.db   occasional, never rotated
 *
 * Rotation keeps the 14 newest dailies and the monthlies of the 12 months
 * before the current one (the current month is covered by the dailies),
 * and removes older dailies and monthlies of this database only: a name
 * must match the patterns above exactly, with a real date, and be a regular
 * file. Anything else in the folder is never touched. A clock set back
 * never costs a backup: dailies dated after today and monthlies of this
 * month or later are left alone.
 */
#define G_LOG_DOMAIN "orgdesk-backup"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-backup.h"

typedef enum
{
  NAME_DAILY,
  NAME_MONTHLY,
  NAME_OCCASIONAL,
} NameKind;

/* A file in the backups folder whose name is one of ours. */
typedef struct
{
  char     *name;
  NameKind  kind;
  int       year;
  int       month;
  int       day;       /* 1 for a monthly */
  int       hour;      /* occasional backups only */
  int       minute;
  int       second;
  char     *reason;    /* occasional backups only */
  guint     sequence;  /* the n of "-<n>.db" (a second backup in the same second), else 1 */
  gboolean  consumed;  /* a daily renamed into a monthly */
} Entry;

G_DEFINE_QUARK (od-backup-error-quark, od_backup_error)

/* --- helpers --- */

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->reason);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

/* The name of the database without its extension, as od_db_backup_file_name()
 * makes it: "office" for office.db. */
static char *
base_name (const char *db_path)
{
  char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

static char *
resolve_folder (const char *db_path,
                const char *folder)
{
  if (folder != NULL && folder[0] != '\0')
    return g_strdup (folder);
  return od_backup_default_folder (db_path);
}

/* N decimal digits at TEXT, into VALUE. */
static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + g_ascii_digit_value (text[i]);
    }
  return TRUE;
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* "YYYY-MM-DD.db", exactly. */
static gboolean
parse_daily (const char *rest,
             Entry      *entry)
{
  if (strlen (rest) != strlen ("YYYY-MM-DD.db") || rest[4] != '-' || rest[7] != '-'
      || strcmp (rest + 10, ".db") != 0)
    return FALSE;
  if (!read_digits (rest, 4, &entry->year) || !read_digits (rest + 5, 2, &entry->month)
      || !read_digits (rest + 8, 2, &entry->day))
    return FALSE;
  return valid_date (entry->year, entry->month, entry->day);
}

/* "YYYY-MM.db", exactly. */
static gboolean
parse_monthly (const char *rest,
               Entry      *entry)
{
  if (strlen (rest) != strlen ("YYYY-MM.db") || rest[4] != '-' || strcmp (rest + 7, ".db") != 0)
    return FALSE;
  if (!read_digits (rest, 4, &entry->year) || !read_digits (rest + 5, 2, &entry->month))
    return FALSE;
  entry->day = 1;
  return valid_date (entry->year, entry->month, entry->day);
}

/* "YYYYmmdd-HHMMSS-<reason>.db" or "…-<reason>-<n>.db", as
 * od_db_backup_file_name() makes them; a reason is lower-case words
 * joined by dashes ("before-migration"). */
static gboolean
parse_occasional (const char *rest,
                  Entry      *entry)
{
  g_autofree char *reason = NULL;
  gsize length = strlen (rest);
  char *end;

  if (length < strlen ("YYYYmmdd-HHMMSS-x.db") || rest[8] != '-' || rest[15] != '-'
      || !g_str_has_suffix (rest, ".db"))
    return FALSE;
  if (!read_digits (rest, 4, &entry->year) || !read_digits (rest + 4, 2, &entry->month)
      || !read_digits (rest + 6, 2, &entry->day) || !read_digits (rest + 9, 2, &entry->hour)
      || !read_digits (rest + 11, 2, &entry->minute)
      || !read_digits (rest + 13, 2, &entry->second))
    return FALSE;
  if (!valid_date (entry->year, entry->month, entry->day) || entry->hour > 23
      || entry->minute > 59 || entry->second > 60)
    return FALSE;

  reason = g_strndup (rest + 16, length - 16 - strlen (".db"));
  /* A second backup in the same second gets "-2", "-3", … */
  entry->sequence = 1;
  end = strrchr (reason, '-');
  if (end != NULL && end[1] != '\0' && strlen (end + 1) <= 6
      && strspn (end + 1, "0123456789") == strlen (end + 1))
    {
      entry->sequence = (guint) g_ascii_strtoull (end + 1, NULL, 10);
      *end = '\0';
    }
  if (!g_ascii_islower (reason[0]) || g_str_has_suffix (reason, "-")
      || strspn (reason, "abcdefghijklmnopqrstuvwxyz-") != strlen (reason)
      || strstr (reason, "--") != NULL)
    return FALSE;
  entry->reason = g_steal_pointer (&reason);
  return TRUE;
}

/* NAME as a backup of the database called BASE, or NULL when it is not
 * one (another database's, or any other file). */
static Entry *
parse_name (const char *base,
            const char *name)
{
  g_autoptr(Entry) entry = g_new0 (Entry, 1);
  gsize base_length = strlen (base);
  const char *rest;
  gboolean ok;

  if (strncmp (name, base, base_length) != 0 || name[base_length] != '-')
    return NULL;
  rest = name + base_length + 1;

  if (g_str_has_prefix (rest, "daily-"))
    {
      entry->kind = NAME_DAILY;
      ok = parse_daily (rest + strlen ("daily-"), entry);
    }
  else if (g_str_has_prefix (rest, "monthly-"))
    {
      entry->kind = NAME_MONTHLY;
      ok = parse_monthly (rest + strlen ("monthly-"), entry);
    }
  else
    {
      entry->kind = NAME_OCCASIONAL;
      ok = parse_occasional (rest, entry);
    }
  if (!ok)
    return NULL;
  entry->name = g_strdup (name);
  return g_steal_pointer (&entry);
}

/* Months since year 0, to compare and count months. */
static int
month_index (int year,
             int month)
{
  return year * 12 + month - 1;
}

/* YYYYMMDD as a number, to compare days. */
static int
day_key (int year,
         int month,
         int day)
{
  return (year * 100 + month) * 100 + day;
}

/* Newest first: by date, then by time. A monthly holds the newest state of
 * its month, so it sorts as the end of that month, after its last daily. */
static int
compare_entries_newest_first (gconstpointer a,
                              gconstpointer b)
{
  const Entry *x = *(const Entry *const *) a;
  const Entry *y = *(const Entry *const *) b;
  const int keys_x[] = { x->year, x->month, x->kind == NAME_MONTHLY ? 32 : x->day, x->hour,
                         x->minute, x->second, (int) x->sequence };
  const int keys_y[] = { y->year, y->month, y->kind == NAME_MONTHLY ? 32 : y->day, y->hour,
                         y->minute, y->second, (int) y->sequence };

  for (guint i = 0; i < G_N_ELEMENTS (keys_x); i++)
    if (keys_x[i] != keys_y[i])
      return keys_x[i] < keys_y[i] ? 1 : -1;
  return -g_strcmp0 (x->name, y->name);
}

static void
set_folder_error (GError     **error,
                  const char  *folder,
                  const char  *reason)
{
  g_autofree char *name = g_filename_display_name (folder);

  /* Translators: the first %s is a folder, the second the system's reason */
  g_set_error (error, OD_BACKUP_ERROR, OD_BACKUP_ERROR_FOLDER,
               _("The backups folder “%s” cannot be read: %s. Choose another folder for "
                 "backups in Preferences."), name, reason);
}

/* Our backups in FOLDER, newest first; regular files only, never a
 * folder or a link that happens to have such a name. A missing folder has
 * none. */
static GPtrArray *
scan_folder (const char  *folder,
             const char  *base,
             GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GError) local_error = NULL;
  GDir *dir;
  const char *name;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&entries);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      set_folder_error (error, folder, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(Entry) entry = parse_name (base, name);
      g_autofree char *path = NULL;
      GStatBuf info;

      if (entry == NULL)
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  g_dir_close (dir);

  g_ptr_array_sort (entries, compare_entries_newest_first);
  return g_steal_pointer (&entries);
}

/* Keeps the first error: rotation goes on with the other files. */
static void
set_rotate_error (GError     **error,
                  char        *message)
{
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, OD_BACKUP_ERROR, OD_BACKUP_ERROR_ROTATE, message);
  g_free (message);
}

static char *
monthly_error_message (const char *path,
                       const char *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the first %s is a file, the second the system's reason */
  return g_strdup_printf (_("The monthly backup “%s” could not be made: %s. Check the free space "
                            "and that the backups folder can be written."), name, reason);
}

/* The monthly backup MONTHLY_PATH from the daily DAILY: renamed when the
 * daily is due to be removed anyway, else copied beside and renamed, so a
 * failed copy never leaves half a monthly under its name. */
static gboolean
make_monthly (const char  *folder,
              Entry       *daily,
              gboolean     daily_kept,
              const char  *monthly_path,
              GError     **error)
{
  g_autofree char *daily_path = g_build_filename (folder, daily->name, NULL);
  g_autofree char *partial = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!daily_kept)
    {
      if (g_rename (daily_path, monthly_path) == 0)
        {
          daily->consumed = TRUE;
          return TRUE;
        }
      /* Fall back on a copy; the daily then goes as usual. */
    }

  partial = g_strconcat (monthly_path, ".part", NULL);
  source = g_file_new_for_path (daily_path);
  dest = g_file_new_for_path (partial);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_unlink (partial);
      set_rotate_error (error, monthly_error_message (monthly_path, local_error->message));
      return FALSE;
    }
  if (g_rename (partial, monthly_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      set_rotate_error (error, monthly_error_message (monthly_path, g_strerror (saved_errno)));
      return FALSE;
    }
  return TRUE;
}

static void
remove_backup (const char  *folder,
               const Entry *entry,
               GError     **error)
{
  g_autofree char *path = g_build_filename (folder, entry->name, NULL);
  g_autofree char *name = NULL;
  int saved_errno;

  if (g_unlink (path) == 0 || errno == ENOENT)
    return;
  saved_errno = errno;
  name = g_filename_display_name (path);
  /* Translators: the first %s is a file, the second the system's reason */
  set_rotate_error (error, g_strdup_printf (_("The old backup “%s” could not be removed: %s. "
                                              "Remove it by hand, or check that the backups "
                                              "folder can be written."),
                                            name, g_strerror (saved_errno)));
}

/* Rotation after today's daily: see the top of the file. */
static gboolean
rotate (const char  *folder,
        const char  *base,
        GDateTime   *now,
        GError     **error)
{
  g_autoptr(GPtrArray) entries = scan_folder (folder, base, error);
  g_autoptr(GPtrArray) dailies = NULL;
  g_autoptr(GHashTable) monthlies = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) local_error = NULL;
  int year, month, day;
  int this_month;

  if (entries == NULL)
    return FALSE;
  g_date_time_get_ymd (now, &year, &month, &day);
  this_month = month_index (year, month);

  /* The dailies up to today, newest first; the existing monthlies by month. */
  dailies = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == NAME_DAILY
          && day_key (entry->year, entry->month, entry->day) <= day_key (year, month, day))
        g_ptr_array_add (dailies, entry);
      else if (entry->kind == NAME_MONTHLY)
        g_hash_table_add (monthlies, GINT_TO_POINTER (month_index (entry->year, entry->month)));
    }

  /* For each of the 12 months before this one without a monthly: the
   * newest daily of that month (the first found, newest first). */
  for (guint i = 0; i < dailies->len; i++)
    {
      Entry *daily = g_ptr_array_index (dailies, i);
      int index = month_index (daily->year, daily->month);
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;
      GStatBuf info;

      if (index >= this_month || index < this_month - OD_BACKUP_KEEP_MONTHLY
          || g_hash_table_contains (monthlies, GINT_TO_POINTER (index)))
        continue;
      file = g_strdup_printf ("%s-monthly-%04d-%02d.db", base, daily->year, daily->month);
      path = g_build_filename (folder, file, NULL);
      /* Something else under that name (a folder, a link) is left alone. */
      if (g_lstat (path, &info) != 0)
        make_monthly (folder, daily, i < OD_BACKUP_KEEP_DAILY, path, &local_error);
      g_hash_table_add (monthlies, GINT_TO_POINTER (index));
    }

  /* Older dailies and monthlies go. */
  for (guint i = OD_BACKUP_KEEP_DAILY; i < dailies->len; i++)
    {
      Entry *daily = g_ptr_array_index (dailies, i);

      if (!daily->consumed)
        remove_backup (folder, daily, &local_error);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == NAME_MONTHLY
          && month_index (entry->year, entry->month) < this_month - OD_BACKUP_KEEP_MONTHLY)
        remove_backup (folder, entry, &local_error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static OdBackupInfo *
info_new (const char  *folder,
          const Entry *entry)
{
  OdBackupInfo *info = g_new0 (OdBackupInfo, 1);
  GStatBuf stat_info;

  info->path = g_build_filename (folder, entry->name, NULL);
  switch (entry->kind)
    {
    case NAME_DAILY:
      info->kind = g_strdup ("daily");
      break;
    case NAME_MONTHLY:
      info->kind = g_strdup ("monthly");
      break;
    case NAME_OCCASIONAL:
      info->kind = g_strdup (entry->reason);
      break;
    default:
      g_assert_not_reached ();
    }
  info->date = g_date_time_new_local (entry->year, entry->month, entry->day, entry->hour,
                                      entry->minute, entry->second);
  if (g_stat (info->path, &stat_info) == 0)
    info->size = (goffset) stat_info.st_size;
  return info;
}

/* --- public API --- */

/* <database folder>/backups: where backups go unless Preferences say otherwise. */
char *
od_backup_default_folder (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * od_backup_daily:
 * @db: the open database
 * @folder: (nullable): the backups folder; %NULL or "" for the default one
 *   (od_backup_default_folder()); made when missing
 * @now: (nullable): the time to go by, as a local time (its date in its own
 *   time zone is "today"); %NULL for now
 * @made: (out) (optional): the path of the backup made, or %NULL when
 *   today's existed already
 * @error: return location for an error
 *
 * Makes today's daily backup unless it exists, then rotates: keeps the 14
 * newest dailies and a monthly for each of the 12 months before this one,
 * removes older dailies and monthlies of this database and nothing else
 * (see the top of od-backup.c). Meant to run at every start of the program
 * and once a day while it runs.
 *
 * Returns: %TRUE on success. On a rotation error %FALSE, and @made is
 * still set when the backup itself was made.
 */
gboolean
od_backup_daily (OdDb        *db,
                 const char  *folder,
                 GDateTime   *now,
                 char       **made,
                 GError     **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  gboolean backed_up = FALSE;
  int year, month, day;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (made == NULL || *made == NULL, FALSE);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  dir = resolve_folder (od_db_get_path (db), folder);
  base = base_name (od_db_get_path (db));

  if (g_file_test (dir, G_FILE_TEST_EXISTS) && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      set_folder_error (error, dir, g_strerror (ENOTDIR));
      return FALSE;
    }

  g_date_time_get_ymd (now, &year, &month, &day);
  file = g_strdup_printf ("%s-daily-%04d-%02d-%02d.db", base, year, month, day);
  path = g_build_filename (dir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!od_db_backup_to (db, path, error))
        return FALSE;
      backed_up = TRUE;
    }
  if (made != NULL && backed_up)
    *made = g_strdup (path);

  return rotate (dir, base, now, error);
}

/**
 * od_backup_list:
 * @db_path: the database file
 * @folder: (nullable): the backups folder; %NULL or "" for the default one
 * @error: return location for an error
 *
 * The backups of the database @db_path in @folder, newest first: dailies,
 * monthlies and the occasional ones (before a migration, an import, a
 * restore; manual). Other files, and other databases' backups, are not
 * listed. A missing folder has none.
 *
 * Returns: (transfer full) (element-type OdBackupInfo): the backups, or
 *   %NULL when the folder cannot be read
 */
GPtrArray *
od_backup_list (const char  *db_path,
                const char  *folder,
                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *infos;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = resolve_folder (db_path, folder);
  base = base_name (db_path);
  if (g_file_test (dir, G_FILE_TEST_EXISTS) && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      set_folder_error (error, dir, g_strerror (ENOTDIR));
      return NULL;
    }
  entries = scan_folder (dir, base, error);
  if (entries == NULL)
    return NULL;

  infos = g_ptr_array_new_full (entries->len, (GDestroyNotify) od_backup_info_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (infos, info_new (dir, g_ptr_array_index (entries, i)));
  return infos;
}

void
od_backup_info_free (OdBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->kind);
  g_clear_pointer (&info->date, g_date_time_unref);
  g_free (info);
}
