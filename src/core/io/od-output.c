/* od-output.c — where a written file goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing beside a file and renaming over it is the safe way to replace a
 * regular file, and the wrong way for anything else: renamed over
 * /dev/null it replaces the system's null device with a plain file. So the
 * target is looked at first, and only a regular file (or a free name) is
 * replaced; a device or a pipe gets the bytes directly.
 */
#define G_LOG_DOMAIN "orgdesk-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-output.h"

struct _OdOutput
{
  char          *target;   /* where the file ends up (a link resolved) */
  char          *temp;     /* the hidden file beside it, or NULL when written directly */
  GOutputStream *stream;
  int            fd;       /* the stream's, -1 for standard output */
  OdOutputFlags  flags;
  gboolean       committed;
};

/* --- helpers --- */

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

/* A link is followed, so that the file it points to is replaced and the
 * link stays. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;
  char *real;

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      real = realpath (path, NULL);
      if (real != NULL)
        {
          char *copy = g_strdup (real);

          free (real);
          return copy;
        }
    }
  return g_strdup (path);
}

static gboolean
open_temp_beside (OdOutput  *self,
                  GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (self->target);
  g_autofree char *base = g_path_get_basename (self->target);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX.part", base);
  int mode = (self->flags & OD_OUTPUT_PRIVATE) ? 0600 : 0666;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the folder “%s” does not exist"), dir);
      return FALSE;
    }
  self->temp = g_build_filename (dir, name, NULL);
  /* open() applies the umask to MODE, so 0666 is the mode any new file
   * gets, and 0600 can only become stricter. */
  self->fd = g_mkstemp_full (self->temp, O_WRONLY | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      set_errno_error (error, errno);
      g_clear_pointer (&self->temp, g_free);
      return FALSE;
    }
  if (!(self->flags & OD_OUTPUT_PRIVATE))
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (self->fd, 0666 & ~mask);
    }
  return TRUE;
}

static gboolean
copy_file_into (OdOutput     *self,
                const char   *path,
                GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);

  if (in == NULL)
    return FALSE;
  return g_output_stream_splice (self->stream, G_INPUT_STREAM (in),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, error) >= 0;
}

/* --- public API --- */

OdOutput *
od_output_new (const char     *path,
               OdOutputFlags   flags,
               GError        **error)
{
  g_autoptr(OdOutput) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (OdOutput, 1);
  self->fd = -1;
  self->flags = flags;

  if (strcmp (path, "-") == 0)
    {
      self->target = g_strdup (path);
      self->stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return g_steal_pointer (&self);
    }

  self->target = resolve_target (path);
  if (g_stat (self->target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("it is a folder; give a file name"));
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          self->fd = g_open (self->target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
          if (self->fd < 0)
            {
              set_errno_error (error, errno);
              return NULL;
            }
          self->stream = g_unix_output_stream_new (self->fd, FALSE);
          return g_steal_pointer (&self);
        }
    }
  else if (errno != ENOENT)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (!open_temp_beside (self, error))
    return NULL;
  self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return g_steal_pointer (&self);
}

GOutputStream *
od_output_get_stream (OdOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

gboolean
od_output_is_file (OdOutput *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->temp != NULL;
}

gboolean
od_output_write_with_path (OdOutput          *self,
                           OdOutputPathFunc   func,
                           gpointer           user_data,
                           GError           **error)
{
  g_autofree char *scratch = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (self != NULL && func != NULL, FALSE);

  if (self->temp != NULL)
    return func (self->temp, user_data, error);

  /* A device or a pipe: written to a private scratch file first, then
   * copied in. */
  fd = g_file_open_tmp ("orgdesk-XXXXXX.part", &scratch, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  ok = func (scratch, user_data, error) && copy_file_into (self, scratch, error);
  g_unlink (scratch);
  return ok;
}

gboolean
od_output_commit (OdOutput  *self,
                  GError   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (!g_output_stream_flush (self->stream, NULL, error))
    return FALSE;
  if (self->temp != NULL)
    {
      if (fsync (self->fd) != 0 || g_close (self->fd, NULL) == FALSE)
        {
          set_errno_error (error, errno);
          self->fd = -1;
          return FALSE;
        }
      self->fd = -1;
      if (g_rename (self->temp, self->target) != 0)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
      g_clear_pointer (&self->temp, g_free);
    }
  self->committed = TRUE;
  return TRUE;
}

void
od_output_free (OdOutput *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  if (self->temp != NULL)
    g_unlink (self->temp);
  g_free (self->temp);
  g_free (self->target);
  g_free (self);
}

gboolean
od_output_write_bytes (const char     *path,
                       OdOutputFlags   flags,
                       const void     *data,
                       gsize           size,
                       GError        **error)
{
  g_autoptr(OdOutput) output = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  output = od_output_new (path, flags, error);
  return output != NULL
         && g_output_stream_write_all (output->stream, data, size, NULL, NULL, error)
         && od_output_commit (output, error);
}

gboolean
od_output_is_stream (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (strcmp (path, "-") == 0)
    return TRUE;
  return g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode);
}

gboolean
od_output_same_file (const char *a,
                     const char *b)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
