/* od-json.h — a small JSON writer (the CLI's --json output, audit changes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _OdJsonWriter OdJsonWriter;

OdJsonWriter *od_json_writer_new        (gboolean       pretty);
void          od_json_writer_free       (OdJsonWriter  *writer);
char         *od_json_writer_finish     (OdJsonWriter  *writer);

/* KEY is the member name inside an object, NULL inside an array or at the top. */
void          od_json_begin_object      (OdJsonWriter  *writer,
                                         const char    *key);
void          od_json_end_object        (OdJsonWriter  *writer);
void          od_json_begin_array       (OdJsonWriter  *writer,
                                         const char    *key);
void          od_json_end_array         (OdJsonWriter  *writer);
void          od_json_string            (OdJsonWriter  *writer,
                                         const char    *key,
                                         const char    *value);
void          od_json_int               (OdJsonWriter  *writer,
                                         const char    *key,
                                         gint64         value);
void          od_json_bool              (OdJsonWriter  *writer,
                                         const char    *key,
                                         gboolean       value);
void          od_json_null              (OdJsonWriter  *writer,
                                         const char    *key);

void          od_json_append_escaped    (GString       *out,
                                         const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdJsonWriter, od_json_writer_free)

G_END_DECLS
