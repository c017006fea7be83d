/* od-json.c — a small JSON writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib has no JSON and the stack adds no library for it; writing is all
 * OrgDesk needs, and escaping is the only subtle part.
 */
#define G_LOG_DOMAIN "orgdesk-json"

#include "od-json.h"

struct _OdJsonWriter
{
  GString  *out;
  GArray   *counts;   /* members written so far, per open container */
  gboolean  pretty;
};

OdJsonWriter *
od_json_writer_new (gboolean pretty)
{
  OdJsonWriter *writer = g_new0 (OdJsonWriter, 1);

  writer->out = g_string_new (NULL);
  writer->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  writer->pretty = pretty;
  return writer;
}

void
od_json_writer_free (OdJsonWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->out, TRUE);
  g_array_unref (writer->counts);
  g_free (writer);
}

char *
od_json_writer_finish (OdJsonWriter *writer)
{
  char *result;

  g_return_val_if_fail (writer->counts->len == 0, NULL);

  if (writer->pretty)
    g_string_append_c (writer->out, '\n');
  result = g_string_free (writer->out, FALSE);
  writer->out = NULL;
  g_array_unref (writer->counts);
  g_free (writer);
  return result;
}

void
od_json_append_escaped (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (OdJsonWriter *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->counts->len; i++)
    g_string_append (writer->out, "  ");
}

/* Writes the separator and the member name before a value. */
static void
begin_value (OdJsonWriter *writer,
             const char   *key)
{
  if (writer->counts->len > 0)
    {
      guint *count = &g_array_index (writer->counts, guint, writer->counts->len - 1);

      if (*count > 0)
        g_string_append_c (writer->out, ',');
      (*count)++;
      if (writer->pretty)
        indent (writer);
    }
  if (key != NULL)
    {
      od_json_append_escaped (writer->out, key);
      g_string_append (writer->out, writer->pretty ? ": " : ":");
    }
}

static void
open_container (OdJsonWriter *writer,
                const char   *key,
                char          bracket)
{
  guint zero = 0;

  begin_value (writer, key);
  g_string_append_c (writer->out, bracket);
  g_array_append_val (writer->counts, zero);
}

static void
close_container (OdJsonWriter *writer,
                 char          bracket)
{
  guint count;

  g_return_if_fail (writer->counts->len > 0);

  count = g_array_index (writer->counts, guint, writer->counts->len - 1);
  g_array_set_size (writer->counts, writer->counts->len - 1);
  if (writer->pretty && count > 0)
    indent (writer);
  g_string_append_c (writer->out, bracket);
}

void
od_json_begin_object (OdJsonWriter *writer,
                      const char   *key)
{
  open_container (writer, key, '{');
}

void
od_json_end_object (OdJsonWriter *writer)
{
  close_container (writer, '}');
}

void
od_json_begin_array (OdJsonWriter *writer,
                     const char   *key)
{
  open_container (writer, key, '[');
}

void
od_json_end_array (OdJsonWriter *writer)
{
  close_container (writer, ']');
}

void
od_json_string (OdJsonWriter *writer,
                const char   *key,
                const char   *value)
{
  if (value == NULL)
    {
      od_json_null (writer, key);
      return;
    }
  begin_value (writer, key);
  od_json_append_escaped (writer->out, value);
}

void
od_json_int (OdJsonWriter *writer,
             const char   *key,
             gint64        value)
{
  begin_value (writer, key);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
od_json_bool (OdJsonWriter *writer,
              const char   *key,
              gboolean      value)
{
  begin_value (writer, key);
  g_string_append (writer->out, value ? "true" : "false");
}

void
od_json_null (OdJsonWriter *writer,
              const char   *key)
{
  begin_value (writer, key);
  g_string_append (writer->out, "null");
}
