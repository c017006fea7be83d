/* od-person.c — a person of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-person"

#include <string.h>

#include "od-person.h"
#include "od-validate.h"

struct _OdPerson
{
  GObject         parent_instance;

  OdPersonFields *fields;
};

enum {
  PERSON_PROP_0,
  PERSON_PROP_ID,
  PERSON_PROP_UUID,
  PERSON_PROP_NAME,
  PERSON_PROP_GENDER,
  PERSON_PROP_ORGANIZATION_ID,
  PERSON_PROP_ORGANIZATION_NAME,
  PERSON_PROP_POSITION,
  PERSON_PROP_MOBILE,
  PERSON_PROP_ID_NUMBER_MASKED,
  PERSON_PROP_UPDATED_AT,
  PERSON_N_PROPS
};

static GParamSpec *person_properties[PERSON_N_PROPS];

G_DEFINE_FINAL_TYPE (OdPerson, od_person, G_TYPE_OBJECT)

/* --- helpers --- */

/* "" for NULL: the members documented as never NULL stay so after a copy. */
static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* --- fields --- */

OdPersonFields *
od_person_fields_new (void)
{
  OdPersonFields *fields = g_new0 (OdPersonFields, 1);

  fields->uuid = g_strdup ("");
  fields->name = g_strdup ("");
  fields->gender = g_strdup ("unknown");
  fields->organization_name = g_strdup ("");
  fields->position = g_strdup ("");
  fields->mobile = g_strdup ("");
  fields->notes = g_strdup ("");
  fields->created_at = g_strdup ("");
  fields->updated_at = g_strdup ("");

  return fields;
}

OdPersonFields *
od_person_fields_copy (const OdPersonFields *fields)
{
  OdPersonFields *copy;

  g_return_val_if_fail (fields != NULL, NULL);

  copy = g_new0 (OdPersonFields, 1);
  copy->id = fields->id;
  copy->uuid = dup_or_empty (fields->uuid);
  copy->name = dup_or_empty (fields->name);
  copy->gender = dup_or_empty (fields->gender);
  copy->organization_id = fields->organization_id;
  copy->organization_name = dup_or_empty (fields->organization_name);
  copy->position = dup_or_empty (fields->position);
  copy->mobile = dup_or_empty (fields->mobile);
  copy->id_number = g_strdup (fields->id_number);
  copy->notes = dup_or_empty (fields->notes);
  copy->created_at = dup_or_empty (fields->created_at);
  copy->updated_at = dup_or_empty (fields->updated_at);

  return copy;
}

void
od_person_fields_free (OdPersonFields *fields)
{
  if (fields == NULL)
    return;

  g_free (fields->uuid);
  g_free (fields->name);
  g_free (fields->gender);
  g_free (fields->organization_name);
  g_free (fields->position);
  g_free (fields->mobile);
  /* Personal data: do not leave it in freed memory. */
  if (fields->id_number != NULL)
    memset (fields->id_number, 0, strlen (fields->id_number));
  g_free (fields->id_number);
  g_free (fields->notes);
  g_free (fields->created_at);
  g_free (fields->updated_at);
  g_free (fields);
}

/* --- OdPerson --- */

static void
od_person_finalize (GObject *object)
{
  OdPerson *self = OD_PERSON (object);

  g_clear_pointer (&self->fields, od_person_fields_free);

  G_OBJECT_CLASS (od_person_parent_class)->finalize (object);
}

static void
od_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OdPerson *self = OD_PERSON (object);
  const OdPersonFields *f = self->fields;

  switch (prop_id)
    {
    case PERSON_PROP_ID:
      g_value_set_int64 (value, f->id);
      break;

    case PERSON_PROP_UUID:
      g_value_set_string (value, f->uuid);
      break;

    case PERSON_PROP_NAME:
      g_value_set_string (value, f->name);
      break;

    case PERSON_PROP_GENDER:
      g_value_set_string (value, f->gender);
      break;

    case PERSON_PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, f->organization_id);
      break;

    case PERSON_PROP_ORGANIZATION_NAME:
      g_value_set_string (value, f->organization_name);
      break;

    case PERSON_PROP_POSITION:
      g_value_set_string (value, f->position);
      break;

    case PERSON_PROP_MOBILE:
      g_value_set_string (value, f->mobile);
      break;

    case PERSON_PROP_ID_NUMBER_MASKED:
      g_value_take_string (value, od_id_number_mask (f->id_number));
      break;

    case PERSON_PROP_UPDATED_AT:
      g_value_set_string (value, f->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_person_class_init (OdPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = od_person_finalize;
  object_class->get_property = od_person_get_property;

  person_properties[PERSON_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  person_properties[PERSON_PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_GENDER] =
    g_param_spec_string ("gender", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  person_properties[PERSON_PROP_ORGANIZATION_NAME] =
    g_param_spec_string ("organization-name", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_MOBILE] =
    g_param_spec_string ("mobile", NULL, NULL, NULL, flags);
  /* Only the masked form is a property: lists show ID numbers masked
   * (DESIGN.md §2); revealing one is a deliberate call to get_fields(). */
  person_properties[PERSON_PROP_ID_NUMBER_MASKED] =
    g_param_spec_string ("id-number-masked", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, PERSON_N_PROPS, person_properties);
}

static void
od_person_init (OdPerson *self)
{
}

/**
 * od_person_new:
 * @fields: (transfer full): the row
 *
 * Returns: (transfer full): an immutable list item holding @fields
 */
OdPerson *
od_person_new (OdPersonFields *fields)
{
  OdPerson *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (OD_TYPE_PERSON, NULL);
  self->fields = fields;
  return self;
}

const OdPersonFields *
od_person_get_fields (OdPerson *self)
{
  g_return_val_if_fail (OD_IS_PERSON (self), NULL);
  return self->fields;
}

gint64
od_person_get_id (OdPerson *self)
{
  g_return_val_if_fail (OD_IS_PERSON (self), 0);
  return self->fields->id;
}
