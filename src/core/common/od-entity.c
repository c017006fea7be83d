/* od-entity.c — the entity registry, choice tables and what a field table
 * gives every entity: the audit diff, control-character checks, equality
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry fills itself on first use from the one list of domains
 * (od-domains.c), so that no caller has to remember to.
 */
#define G_LOG_DOMAIN "orgdesk-entity"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "od-domains.h"
#include "od-entity.h"
#include "od-json.h"
#include "od-problem.h"
#include "od-text.h"
#include "od-validate.h"

/* Far more than the domains of DESIGN.md have entities. */
#define MAX_ENTITIES 64

static const OdEntity *entities[MAX_ENTITIES];
static guint n_entities;
static gboolean domains_registered;

/* The domains' entities come first, whatever asks first; a test's own
 * entity after them. */
static void
ensure_domains (void)
{
  if (domains_registered)
    return;
  domains_registered = TRUE;
  od_domains_register ();
}

/* --- choices --- */

const OdChoice *
od_choices_find (const OdChoice *choices,
                 const char     *key)
{
  for (const OdChoice *c = choices; c->key != NULL; c++)
    if (g_str_equal (c->key, key != NULL ? key : ""))
      return c;
  return NULL;
}

gboolean
od_choices_has_key (const OdChoice *choices,
                    const char     *key)
{
  return key != NULL && key[0] != '\0' && od_choices_find (choices, key) != NULL;
}

/* --- fields --- */

const char *
od_entity_field_name (const OdEntityField *field)
{
  return field->member != NULL ? field->member : field->key;
}

gboolean
od_entity_field_is_audited (const OdEntityField *field)
{
  return field->kind != OD_FIELD_NONE && field->input != OD_INPUT_UUID;
}

static const char *
field_text (gconstpointer        record,
            const OdEntityField *field)
{
  return G_STRUCT_MEMBER (const char *, (gpointer) record, field->offset);
}

static gint64
field_int (gconstpointer        record,
           const OdEntityField *field)
{
  return G_STRUCT_MEMBER (gint64, (gpointer) record, field->offset);
}

static int
field_enum (gconstpointer        record,
            const OdEntityField *field)
{
  return G_STRUCT_MEMBER (int, (gpointer) record, field->offset);
}

static gboolean
is_text_kind (OdFieldKind kind)
{
  return kind == OD_FIELD_TEXT || kind == OD_FIELD_NULLABLE || kind == OD_FIELD_ID_NUMBER;
}

static gboolean
field_equal (gconstpointer        a,
             gconstpointer        b,
             const OdEntityField *field)
{
  switch (field->kind)
    {
    case OD_FIELD_TEXT:
    case OD_FIELD_NULLABLE:
    case OD_FIELD_ID_NUMBER:
      return g_strcmp0 (field_text (a, field), field_text (b, field)) == 0;
    case OD_FIELD_INT:
    case OD_FIELD_MONEY:
    case OD_FIELD_REF:
      return field_int (a, field) == field_int (b, field);
    case OD_FIELD_ENUM:
      return field_enum (a, field) == field_enum (b, field);
    case OD_FIELD_NONE:
    default:
      return TRUE;
    }
}

static gboolean
field_is_empty (gconstpointer        record,
                const OdEntityField *field)
{
  const char *text;

  switch (field->kind)
    {
    case OD_FIELD_TEXT:
    case OD_FIELD_NULLABLE:
    case OD_FIELD_ID_NUMBER:
      text = field_text (record, field);
      return text == NULL || text[0] == '\0';
    case OD_FIELD_INT:
    case OD_FIELD_MONEY:
    case OD_FIELD_REF:
      return field_int (record, field) == 0;
    case OD_FIELD_ENUM:
      return field_enum (record, field) == 0;
    case OD_FIELD_NONE:
    default:
      return TRUE;
    }
}

/* Writes the value of FIELD in RECORD (NULL: null) into an audit array. */
static void
field_write_json (OdJsonWriter        *writer,
                  gconstpointer        record,
                  const OdEntityField *field)
{
  g_autofree char *masked = NULL;

  if (record == NULL)
    {
      od_json_null (writer, NULL);
      return;
    }

  switch (field->kind)
    {
    case OD_FIELD_TEXT:
    case OD_FIELD_NULLABLE:
      od_json_string (writer, NULL, field_text (record, field));
      break;
    case OD_FIELD_ID_NUMBER:
      /* Personal data: the audit log is read by everyone in the office. */
      masked = od_id_number_mask (field_text (record, field));
      od_json_string (writer, NULL, masked);
      break;
    case OD_FIELD_INT:
    case OD_FIELD_MONEY:
      od_json_int (writer, NULL, field_int (record, field));
      break;
    case OD_FIELD_REF:
      if (field_int (record, field) == 0)
        od_json_null (writer, NULL);
      else
        od_json_int (writer, NULL, field_int (record, field));
      break;
    case OD_FIELD_ENUM:
      od_json_string (writer, NULL, field->enum_to_key (field_enum (record, field)));
      break;
    case OD_FIELD_NONE:
    default:
      g_assert_not_reached ();
    }
}

char *
od_entity_changes_json (const OdEntity *entity,
                        gconstpointer   old_record,
                        gconstpointer   new_record)
{
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  guint n_changed = 0;

  od_json_begin_object (writer, NULL);
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];

      if (!od_entity_field_is_audited (field))
        continue;
      if (old_record == NULL ? field_is_empty (new_record, field)
                             : field_equal (old_record, new_record, field))
        continue;

      od_json_begin_array (writer, od_entity_field_name (field));
      field_write_json (writer, old_record, field);
      field_write_json (writer, new_record, field);
      od_json_end_array (writer);
      n_changed++;
    }
  od_json_end_object (writer);

  if (n_changed == 0)
    return NULL;
  return od_json_writer_finish (g_steal_pointer (&writer));
}

void
od_entity_check_control_chars (const OdEntity *entity,
                               GPtrArray      *problems,
                               gconstpointer   record)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const OdEntityField *field = &entity->fields[i];
      const char *name = od_entity_field_name (field);
      g_autofree char *shown = NULL;
      gunichar c;

      if (!od_entity_field_is_audited (field) || !is_text_kind (field->kind))
        continue;
      c = od_text_find_control (field_text (record, field), g_str_equal (name, "notes"));
      if (c == 0)
        continue;
      shown = od_text_describe_char (c);
      od_problems_add (problems, name, OD_PROBLEM_ERROR, 0,
                       /* Translators: %s is a character code such as U+001B */
                       g_strdup_printf (_("This field contains a control character (%s), such as a "
                                          "line break or a code copied from another program, that "
                                          "cannot be shown or printed. Remove it and type the text "
                                          "again."), shown));
    }
}

gboolean
od_entity_records_equal (const OdEntity *entity,
                         gconstpointer   a,
                         gconstpointer   b)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].kind != OD_FIELD_NONE && !field_equal (a, b, &entity->fields[i]))
      return FALSE;
  return TRUE;
}

/* --- the registry --- */

void
od_entity_register (const OdEntity *entity)
{
  g_return_if_fail (entity != NULL && entity->name != NULL);

  ensure_domains ();
  if (od_entity_find (entity->name) != NULL)
    return;
  g_return_if_fail (n_entities < MAX_ENTITIES);
  entities[n_entities++] = entity;
}

const OdEntity *
od_entity_find (const char *name)
{
  ensure_domains ();
  for (guint i = 0; i < n_entities; i++)
    if (g_strcmp0 (entities[i]->name, name) == 0)
      return entities[i];
  return NULL;
}

const OdEntity *const *
od_entity_list (guint *n)
{
  ensure_domains ();
  if (n != NULL)
    *n = n_entities;
  return entities;
}

char *
od_entity_names (gboolean (*filter) (const OdEntity *entity))
{
  GString *names = g_string_new (NULL);

  ensure_domains ();
  for (guint i = 0; i < n_entities; i++)
    {
      if (filter != NULL && !filter (entities[i]))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, entities[i]->name);
    }
  return g_string_free (names, FALSE);
}

gboolean
od_entity_can_import (const OdEntity *entity)
{
  return entity->record_new != NULL && entity->save != NULL && entity->n_fields > 0;
}

gboolean
od_entity_can_export (const OdEntity *entity)
{
  return entity->list_order != NULL && entity->load_items != NULL && entity->item_record != NULL;
}

gboolean
od_entity_can_trash (const OdEntity *entity)
{
  return entity->trash != NULL;
}

const OdEntityField *
od_entity_find_field (const OdEntity *entity,
                      const char     *key)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (entity->fields[i].key, key) == 0)
      return &entity->fields[i];
  return NULL;
}

gboolean
od_entity_has_personal_data (const OdEntity *entity)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].kind == OD_FIELD_ID_NUMBER)
      return TRUE;
  return FALSE;
}

gint64
od_entity_record_id (const OdEntity *entity,
                     gconstpointer   record)
{
  return G_STRUCT_MEMBER (gint64, (gpointer) record, entity->id_offset);
}

const char *
od_entity_record_uuid (const OdEntity *entity,
                       gconstpointer   record)
{
  return G_STRUCT_MEMBER (const char *, (gpointer) record, entity->uuid_offset);
}

char *
od_entity_format_count (const OdEntity *entity,
                        gint64          count)
{
  g_return_val_if_fail (entity != NULL, NULL);

  if (entity->count_text.one == NULL)
    return g_strdup_printf ("%" PRId64, count);
  /* The msgids are fixed text of the entity's, "%" PRId64 " organization". */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, entity->count_text.one,
                                       entity->count_text.other, (gulong) count),
                          count);
#pragma GCC diagnostic pop
}
