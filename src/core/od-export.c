/* od-export.c — organizations and people as CSV or JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both formats use the same column keys: the OdOrgFields / OdPersonFields
 * member names (area, category and organization by name), so that an
 * import can read an export back. Rows are the live ones, in pinyin order
 * of the name, loaded a chunk at a time so 100,000 rows stay small.
 *
 * CSV is for Excel on Chinese Windows: UTF-8 with a BOM (without it Excel
 * reads the file as GBK), CRLF line ends, RFC 4180 quoting. Cells that a
 * spreadsheet would run as a formula (= + - @, or a leading tab or CR) get
 * a single quote in front (CSV injection). ID numbers are personal data:
 * masked unless asked for in full (DESIGN.md §2).
 */
#include <stddef.h>
#include <string.h>

#include <glib/gi18n.h>

#include "od-export.h"
#include "od-json.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-validate.h"

#define CHUNK 500

typedef enum
{
  COLUMN_TEXT,        /* char *, NULL allowed */
  COLUMN_INT,         /* gint64 */
  COLUMN_ORG_TYPE,    /* OdOrgType, as its stored key */
  COLUMN_ID_NUMBER,   /* char *, masked unless full ID numbers are asked for */
} ColumnKind;

typedef struct
{
  const char *key;
  ColumnKind  kind;
  gsize       offset;
} Column;

#define ORG(key, kind, member)    { key, kind, offsetof (OdOrgFields, member) }
#define PERSON(key, kind, member) { key, kind, offsetof (OdPersonFields, member) }

static const Column org_columns[] = {
  ORG ("uuid", COLUMN_TEXT, uuid),
  ORG ("name", COLUMN_TEXT, name),
  ORG ("short_name", COLUMN_TEXT, short_name),
  ORG ("credit_code", COLUMN_TEXT, credit_code),
  ORG ("credit_code_override", COLUMN_TEXT, credit_code_override),
  ORG ("org_type", COLUMN_ORG_TYPE, org_type),
  ORG ("category", COLUMN_TEXT, category_name),
  ORG ("area", COLUMN_TEXT, area_name),
  ORG ("registration_level", COLUMN_TEXT, registration_level),
  ORG ("registered_on", COLUMN_TEXT, registered_on),
  ORG ("supervising_unit", COLUMN_TEXT, supervising_unit),
  ORG ("legal_representative", COLUMN_TEXT, legal_representative),
  ORG ("contact_person", COLUMN_TEXT, contact_person),
  ORG ("phone", COLUMN_TEXT, phone),
  ORG ("address", COLUMN_TEXT, address),
  ORG ("email", COLUMN_TEXT, email),
  ORG ("website", COLUMN_TEXT, website),
  ORG ("status", COLUMN_TEXT, status),
  ORG ("status_date", COLUMN_TEXT, status_date),
  ORG ("member_since", COLUMN_TEXT, member_since),
  ORG ("member_role", COLUMN_TEXT, member_role),
  ORG ("member_status", COLUMN_TEXT, member_status),
  ORG ("party_org_form", COLUMN_TEXT, party_org_form),
  ORG ("party_members", COLUMN_INT, party_members),
  ORG ("party_instructor", COLUMN_TEXT, party_instructor),
  ORG ("notes", COLUMN_TEXT, notes),
  ORG ("created_at", COLUMN_TEXT, created_at),
  ORG ("updated_at", COLUMN_TEXT, updated_at),
};

static const Column person_columns[] = {
  PERSON ("uuid", COLUMN_TEXT, uuid),
  PERSON ("name", COLUMN_TEXT, name),
  PERSON ("gender", COLUMN_TEXT, gender),
  PERSON ("organization", COLUMN_TEXT, organization_name),
  PERSON ("position", COLUMN_TEXT, position),
  PERSON ("mobile", COLUMN_TEXT, mobile),
  PERSON ("id_number", COLUMN_ID_NUMBER, id_number),
  PERSON ("notes", COLUMN_TEXT, notes),
  PERSON ("created_at", COLUMN_TEXT, created_at),
  PERSON ("updated_at", COLUMN_TEXT, updated_at),
};

/* The UTF-8 byte order mark. */
static const char csv_bom[] = "\xEF\xBB\xBF";

typedef struct
{
  OdExportFormat  format;
  gboolean        full_id_numbers;
  const Column   *columns;
  guint           n_columns;
  GOutputStream  *out;
  GString        *buffer;
  guint           n_rows;
} Writer;

G_DEFINE_QUARK (od-export-error-quark, od_export_error)

/* --- helpers --- */

static gboolean
is_organizations (const char *entity)
{
  return g_strcmp0 (entity, "organizations") == 0;
}

static gboolean
is_people (const char *entity)
{
  return g_strcmp0 (entity, "people") == 0;
}

/* The value of COLUMN in RECORD as text; NULL for a NULL text. */
static char *
column_value (const Writer *writer,
              const Column *column,
              gconstpointer record)
{
  gconstpointer member = (const char *) record + column->offset;

  switch (column->kind)
    {
    case COLUMN_TEXT:
      return g_strdup (*(char *const *) member);

    case COLUMN_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *) member);

    case COLUMN_ORG_TYPE:
      return g_strdup (od_org_type_to_key (*(const OdOrgType *) member));

    case COLUMN_ID_NUMBER:
      if (writer->full_id_numbers)
        return g_strdup (*(char *const *) member);
      return od_id_number_mask (*(char *const *) member);

    default:
      g_assert_not_reached ();
      return NULL;
    }
}

/* A spreadsheet runs a cell starting with one of these as a formula. */
static gboolean
needs_neutralizing (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

static void
append_csv_cell (GString    *buffer,
                 const char *text)
{
  gboolean quote;

  if (text == NULL)
    return;
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (buffer, '"');
  if (needs_neutralizing (text))
    g_string_append_c (buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  if (quote)
    g_string_append_c (buffer, '"');
}

static gboolean
flush (Writer  *writer,
       GError **error)
{
  gboolean ok;

  ok = g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len, NULL,
                                  NULL, error);
  g_string_truncate (writer->buffer, 0);
  return ok;
}

static void
write_header (Writer *writer)
{
  if (writer->format == OD_EXPORT_FORMAT_JSON)
    {
      g_string_append_c (writer->buffer, '[');
      return;
    }
  g_string_append (writer->buffer, csv_bom);
  for (guint i = 0; i < writer->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      append_csv_cell (writer->buffer, writer->columns[i].key);
    }
  g_string_append (writer->buffer, "\r\n");
}

static void
write_record (Writer        *writer,
              gconstpointer  record)
{
  if (writer->format == OD_EXPORT_FORMAT_JSON)
    {
      g_autoptr(OdJsonWriter) json = od_json_writer_new (FALSE);
      g_autofree char *text = NULL;

      od_json_begin_object (json, NULL);
      for (guint i = 0; i < writer->n_columns; i++)
        {
          const Column *column = &writer->columns[i];
          g_autofree char *value = NULL;

          if (column->kind == COLUMN_INT)
            {
              od_json_int (json, column->key,
                           *(const gint64 *) (gconstpointer) ((const char *) record + column->offset));
              continue;
            }
          value = column_value (writer, column, record);
          od_json_string (json, column->key, value);
        }
      od_json_end_object (json);
      text = od_json_writer_finish (g_steal_pointer (&json));
      /* One object per line: readable, and easy to diff. */
      g_string_append (writer->buffer, writer->n_rows > 0 ? ",\n" : "\n");
      g_string_append (writer->buffer, text);
    }
  else
    {
      for (guint i = 0; i < writer->n_columns; i++)
        {
          g_autofree char *value = column_value (writer, &writer->columns[i], record);

          if (i > 0)
            g_string_append_c (writer->buffer, ',');
          append_csv_cell (writer->buffer, value);
        }
      g_string_append (writer->buffer, "\r\n");
    }
  writer->n_rows++;
}

static void
write_footer (Writer *writer)
{
  if (writer->format == OD_EXPORT_FORMAT_JSON)
    g_string_append (writer->buffer, writer->n_rows > 0 ? "\n]\n" : "]\n");
}

static GArray *
query_ids (OdDb        *db,
           const char  *entity,
           GError     **error)
{
  if (is_organizations (entity))
    {
      OdOrgFilter filter;

      od_org_filter_init (&filter);
      filter.sort = OD_ORG_SORT_NAME;
      filter.descending = FALSE;
      return od_organization_query_ids (db, &filter, error);
    }
  else
    {
      OdPersonFilter filter;

      od_person_filter_init (&filter);
      filter.sort = OD_PERSON_SORT_NAME;
      filter.descending = FALSE;
      return od_person_query_ids (db, &filter, error);
    }
}

static gboolean
write_rows (Writer      *writer,
            OdDb        *db,
            const char  *entity,
            GError     **error)
{
  g_autoptr(GArray) ids = query_ids (db, entity, error);

  if (ids == NULL)
    return FALSE;

  for (guint start = 0; start < ids->len; start += CHUNK)
    {
      guint n = MIN (CHUNK, ids->len - start);
      const gint64 *chunk = &g_array_index (ids, gint64, start);
      g_autoptr(GPtrArray) items = NULL;

      if (is_organizations (entity))
        items = od_organization_load_items (db, chunk, n, error);
      else
        items = od_person_load_items (db, chunk, n, error);
      if (items == NULL)
        return FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);

          if (is_organizations (entity))
            write_record (writer, od_organization_get_fields (OD_ORGANIZATION (item)));
          else
            write_record (writer, od_person_get_fields (OD_PERSON (item)));
        }
      if (!flush (writer, error))
        return FALSE;
    }
  return TRUE;
}

/* --- public API --- */

/* Whether ENTITY can be exported by od_export_write(). */
gboolean
od_export_has_entity (const char *entity)
{
  return is_organizations (entity) || is_people (entity);
}

/* The entities, for messages. */
const char *
od_export_entities (void)
{
  return "organizations, people";
}

/**
 * od_export_write:
 * @db: the database
 * @entity: "organizations" or "people"
 * @format: CSV or JSON
 * @full_id_numbers: write ID numbers in full instead of masked
 * @out: where to write; not closed
 * @error: return location for an error
 *
 * Writes the live rows of @entity in pinyin order of the name, with a
 * header row (CSV) or as an array of objects (JSON) under the same keys.
 *
 * Returns: %TRUE on success
 */
gboolean
od_export_write (OdDb            *db,
                 const char      *entity,
                 OdExportFormat   format,
                 gboolean         full_id_numbers,
                 GOutputStream   *out,
                 GError         **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (64 * 1024);
  Writer writer = { 0 };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (format == OD_EXPORT_FORMAT_CSV || format == OD_EXPORT_FORMAT_JSON, FALSE);

  if (!od_export_has_entity (entity))
    {
      /* Translators: the first %s is what was asked for, the second the list
       * of what can be exported; keep the English names, they are typed */
      g_set_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_UNKNOWN_ENTITY,
                   _("“%s” cannot be exported. Choose one of: %s."),
                   entity != NULL ? entity : "", od_export_entities ());
      return FALSE;
    }

  writer.format = format;
  writer.full_id_numbers = full_id_numbers;
  writer.columns = is_organizations (entity) ? org_columns : person_columns;
  writer.n_columns = is_organizations (entity) ? G_N_ELEMENTS (org_columns)
                                               : G_N_ELEMENTS (person_columns);
  writer.out = out;
  writer.buffer = buffer;

  write_header (&writer);
  if (!write_rows (&writer, db, entity, error))
    return FALSE;
  write_footer (&writer);
  return flush (&writer, error);
}
