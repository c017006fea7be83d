/* od-output.h — where a written file goes: replaced whole, or streamed into
 * a device, a pipe or standard output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  OD_OUTPUT_DEFAULT = 0,
  /* Personal data (a database, a backup, full ID numbers): the file is
   * created 0600 whatever the umask. */
  OD_OUTPUT_PRIVATE = 1 << 0,
} OdOutputFlags;

/* One file being written. A regular file (or a name not yet taken) is
 * written beside its place under a hidden name and renamed over it by
 * od_output_commit(), so a failure leaves the old file as it was. An
 * existing file that is not a regular one (a character device such as
 * /dev/null, a FIFO, /dev/stdout) is written directly and never replaced;
 * "-" is standard output. A folder is refused. */
typedef struct _OdOutput OdOutput;

typedef gboolean (*OdOutputPathFunc) (const char  *path,
                                      gpointer     user_data,
                                      GError     **error);

/* Errors are G_IO_ERROR; their message is the reason alone (“it is a
 * folder”, “Permission denied”), for the caller to put in its own sentence. */
OdOutput      *od_output_new              (const char        *path,
                                           OdOutputFlags      flags,
                                           GError           **error);
GOutputStream *od_output_get_stream       (OdOutput          *output);
/* Whether the target is replaced as a whole file (not a device, pipe or
 * standard output). */
gboolean       od_output_is_file          (OdOutput          *output);
/* For writers that can only write to a path of their own (libxlsxwriter,
 * SQLite's backup): FUNC writes a whole new file at the path it is given,
 * which is then what the output holds. Use it instead of the stream. */
gboolean       od_output_write_with_path  (OdOutput          *output,
                                           OdOutputPathFunc   func,
                                           gpointer           user_data,
                                           GError           **error);
/* Finishes the file: flushed to disk and renamed into place. */
gboolean       od_output_commit           (OdOutput          *output,
                                           GError           **error);
/* Drops an output that was not committed: its hidden file is removed. */
void           od_output_free             (OdOutput          *output);

/* The whole of DATA into PATH, as above. */
gboolean       od_output_write_bytes      (const char        *path,
                                           OdOutputFlags      flags,
                                           const void        *data,
                                           gsize              size,
                                           GError           **error);

/* Whether PATH is written directly rather than replaced: "-" (standard
 * output), or an existing device, FIFO or socket. Such a target has no name
 * to tell a file type by. */
gboolean       od_output_is_stream        (const char        *path);

/* Whether A and B name the same file (device and inode), even when
 * written differently ("./s.db", "$PWD/s.db", a link). FALSE when either
 * does not exist. */
gboolean       od_output_same_file        (const char        *a,
                                           const char        *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOutput, od_output_free)

G_END_DECLS
