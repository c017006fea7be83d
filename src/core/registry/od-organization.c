/* od-organization.c — an organization of the registry, and a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OdOrgFields / OdPersonFields are the plain records the store reads and
 * writes; OdOrganization / OdPerson wrap one of them as an immutable GObject
 * for list models.  A snapshot never changes: after a save the list loads a
 * new item, so a row shown is always one row as it was read.
 */
#define G_LOG_DOMAIN "orgdesk-organization"

#include <string.h>

#include "od-organization.h"
#include "od-validate.h"

struct _OdOrganization
{
  GObject      parent_instance;

  OdOrgFields *fields;
};

struct _OdPerson
{
  GObject         parent_instance;

  OdPersonFields *fields;
};

enum {
  ORG_PROP_0,
  ORG_PROP_ID,
  ORG_PROP_UUID,
  ORG_PROP_NAME,
  ORG_PROP_SHORT_NAME,
  ORG_PROP_CREDIT_CODE,
  ORG_PROP_ORG_TYPE,
  ORG_PROP_CATEGORY_NAME,
  ORG_PROP_AREA_NAME,
  ORG_PROP_STATUS,
  ORG_PROP_MEMBER_ROLE,
  ORG_PROP_PARTY_ORG_FORM,
  ORG_PROP_N_PEOPLE,
  ORG_PROP_UPDATED_AT,
  ORG_N_PROPS
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

static GParamSpec *org_properties[ORG_N_PROPS];
static GParamSpec *person_properties[PERSON_N_PROPS];

G_DEFINE_FINAL_TYPE (OdOrganization, od_organization, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (OdPerson, od_person, G_TYPE_OBJECT)

/* --- helpers --- */

/* "" for NULL: the members documented as never NULL stay so after a copy. */
static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* --- fields --- */

/**
 * od_org_fields_new:
 *
 * Returns: (transfer full): the fields of a new, unsaved organization with
 *   the defaults of the schema (city level, active, no party organization)
 */
OdOrgFields *
od_org_fields_new (void)
{
  OdOrgFields *fields = g_new0 (OdOrgFields, 1);

  fields->uuid = g_strdup ("");
  fields->name = g_strdup ("");
  fields->short_name = g_strdup ("");
  fields->credit_code_override = g_strdup ("");
  fields->org_type = OD_ORG_TYPE_UNKNOWN;
  fields->category_name = g_strdup ("");
  fields->area_name = g_strdup ("");
  fields->registration_level = g_strdup ("city");
  fields->supervising_unit = g_strdup ("");
  fields->legal_representative = g_strdup ("");
  fields->contact_person = g_strdup ("");
  fields->phone = g_strdup ("");
  fields->address = g_strdup ("");
  fields->email = g_strdup ("");
  fields->website = g_strdup ("");
  fields->status = g_strdup ("active");
  fields->party_org_form = g_strdup ("none");
  fields->party_instructor = g_strdup ("");
  fields->notes = g_strdup ("");
  fields->created_at = g_strdup ("");
  fields->updated_at = g_strdup ("");

  return fields;
}

OdOrgFields *
od_org_fields_copy (const OdOrgFields *fields)
{
  OdOrgFields *copy;

  g_return_val_if_fail (fields != NULL, NULL);

  copy = g_new0 (OdOrgFields, 1);
  copy->id = fields->id;
  copy->uuid = dup_or_empty (fields->uuid);
  copy->name = dup_or_empty (fields->name);
  copy->short_name = dup_or_empty (fields->short_name);
  copy->credit_code = g_strdup (fields->credit_code);
  copy->credit_code_override = dup_or_empty (fields->credit_code_override);
  copy->org_type = fields->org_type;
  copy->category_id = fields->category_id;
  copy->category_name = dup_or_empty (fields->category_name);
  copy->area_id = fields->area_id;
  copy->area_name = dup_or_empty (fields->area_name);
  copy->registration_level = dup_or_empty (fields->registration_level);
  copy->registered_on = g_strdup (fields->registered_on);
  copy->supervising_unit = dup_or_empty (fields->supervising_unit);
  copy->legal_representative = dup_or_empty (fields->legal_representative);
  copy->contact_person = dup_or_empty (fields->contact_person);
  copy->phone = dup_or_empty (fields->phone);
  copy->address = dup_or_empty (fields->address);
  copy->email = dup_or_empty (fields->email);
  copy->website = dup_or_empty (fields->website);
  copy->status = dup_or_empty (fields->status);
  copy->status_date = g_strdup (fields->status_date);
  copy->member_since = g_strdup (fields->member_since);
  copy->member_role = g_strdup (fields->member_role);
  copy->member_status = g_strdup (fields->member_status);
  copy->party_org_form = dup_or_empty (fields->party_org_form);
  copy->party_members = fields->party_members;
  copy->party_instructor = dup_or_empty (fields->party_instructor);
  copy->notes = dup_or_empty (fields->notes);
  copy->created_at = dup_or_empty (fields->created_at);
  copy->updated_at = dup_or_empty (fields->updated_at);
  copy->n_people = fields->n_people;

  return copy;
}

void
od_org_fields_free (OdOrgFields *fields)
{
  if (fields == NULL)
    return;

  g_free (fields->uuid);
  g_free (fields->name);
  g_free (fields->short_name);
  g_free (fields->credit_code);
  g_free (fields->credit_code_override);
  g_free (fields->category_name);
  g_free (fields->area_name);
  g_free (fields->registration_level);
  g_free (fields->registered_on);
  g_free (fields->supervising_unit);
  g_free (fields->legal_representative);
  g_free (fields->contact_person);
  g_free (fields->phone);
  g_free (fields->address);
  g_free (fields->email);
  g_free (fields->website);
  g_free (fields->status);
  g_free (fields->status_date);
  g_free (fields->member_since);
  g_free (fields->member_role);
  g_free (fields->member_status);
  g_free (fields->party_org_form);
  g_free (fields->party_instructor);
  g_free (fields->notes);
  g_free (fields->created_at);
  g_free (fields->updated_at);
  g_free (fields);
}

/* DESIGN.md §2 "两个覆盖": organization coverage = an independent (单独组建)
 * or joint (联合组建) party organization. */
gboolean
od_org_fields_has_org_coverage (const OdOrgFields *fields)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  return g_strcmp0 (fields->party_org_form, "independent") == 0
         || g_strcmp0 (fields->party_org_form, "joint") == 0;
}

/* Work coverage = organization coverage, or a party-building instructor or
 * liaison (党建指导员/联络员) assigned. */
gboolean
od_org_fields_has_work_coverage (const OdOrgFields *fields)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  return od_org_fields_has_org_coverage (fields)
         || (fields->party_instructor != NULL && fields->party_instructor[0] != '\0');
}

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

/* --- OdOrganization --- */

static void
od_organization_finalize (GObject *object)
{
  OdOrganization *self = OD_ORGANIZATION (object);

  g_clear_pointer (&self->fields, od_org_fields_free);

  G_OBJECT_CLASS (od_organization_parent_class)->finalize (object);
}

static void
od_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdOrganization *self = OD_ORGANIZATION (object);
  const OdOrgFields *f = self->fields;

  switch (prop_id)
    {
    case ORG_PROP_ID:
      g_value_set_int64 (value, f->id);
      break;

    case ORG_PROP_UUID:
      g_value_set_string (value, f->uuid);
      break;

    case ORG_PROP_NAME:
      g_value_set_string (value, f->name);
      break;

    case ORG_PROP_SHORT_NAME:
      g_value_set_string (value, f->short_name);
      break;

    case ORG_PROP_CREDIT_CODE:
      g_value_set_string (value, f->credit_code);
      break;

    case ORG_PROP_ORG_TYPE:
      g_value_set_string (value, od_org_type_to_key (f->org_type));
      break;

    case ORG_PROP_CATEGORY_NAME:
      g_value_set_string (value, f->category_name);
      break;

    case ORG_PROP_AREA_NAME:
      g_value_set_string (value, f->area_name);
      break;

    case ORG_PROP_STATUS:
      g_value_set_string (value, f->status);
      break;

    case ORG_PROP_MEMBER_ROLE:
      g_value_set_string (value, f->member_role);
      break;

    case ORG_PROP_PARTY_ORG_FORM:
      g_value_set_string (value, f->party_org_form);
      break;

    case ORG_PROP_N_PEOPLE:
      g_value_set_int64 (value, f->n_people);
      break;

    case ORG_PROP_UPDATED_AT:
      g_value_set_string (value, f->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
od_organization_class_init (OdOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = od_organization_finalize;
  object_class->get_property = od_organization_get_property;

  org_properties[ORG_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  org_properties[ORG_PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL, flags);
  /* NULL when unknown */
  org_properties[ORG_PROP_CREDIT_CODE] =
    g_param_spec_string ("credit-code", NULL, NULL, NULL, flags);
  /* The stored key ("social_group", …), as od_org_type_to_key() */
  org_properties[ORG_PROP_ORG_TYPE] =
    g_param_spec_string ("org-type", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_CATEGORY_NAME] =
    g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_AREA_NAME] =
    g_param_spec_string ("area-name", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_MEMBER_ROLE] =
    g_param_spec_string ("member-role", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_PARTY_ORG_FORM] =
    g_param_spec_string ("party-org-form", NULL, NULL, NULL, flags);
  org_properties[ORG_PROP_N_PEOPLE] =
    g_param_spec_int64 ("n-people", NULL, NULL, 0, G_MAXINT64, 0, flags);
  org_properties[ORG_PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, ORG_N_PROPS, org_properties);
}

static void
od_organization_init (OdOrganization *self)
{
}

/**
 * od_organization_new:
 * @fields: (transfer full): the row
 *
 * Returns: (transfer full): an immutable list item holding @fields
 */
OdOrganization *
od_organization_new (OdOrgFields *fields)
{
  OdOrganization *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (OD_TYPE_ORGANIZATION, NULL);
  self->fields = fields;
  return self;
}

const OdOrgFields *
od_organization_get_fields (OdOrganization *self)
{
  g_return_val_if_fail (OD_IS_ORGANIZATION (self), NULL);
  return self->fields;
}

gint64
od_organization_get_id (OdOrganization *self)
{
  g_return_val_if_fail (OD_IS_ORGANIZATION (self), 0);
  return self->fields->id;
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
