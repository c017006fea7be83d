/* od-organization.c — an organization of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OdOrganizationFields / OdPersonFields are the plain records the store reads and
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

  OdOrganizationFields *fields;
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

static GParamSpec *org_properties[ORG_N_PROPS];

G_DEFINE_FINAL_TYPE (OdOrganization, od_organization, G_TYPE_OBJECT)

/* --- helpers --- */

/* "" for NULL: the members documented as never NULL stay so after a copy. */
static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/* --- fields --- */

/**
 * od_organization_fields_new:
 *
 * Returns: (transfer full): the fields of a new, unsaved organization with
 *   the defaults of the schema (city level, active, no party organization)
 */
OdOrganizationFields *
od_organization_fields_new (void)
{
  OdOrganizationFields *fields = g_new0 (OdOrganizationFields, 1);

  fields->uuid = g_strdup ("");
  fields->name = g_strdup ("");
  fields->short_name = g_strdup ("");
  fields->credit_code_override = g_strdup ("");
  fields->org_type = OD_ORGANIZATION_TYPE_UNKNOWN;
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

OdOrganizationFields *
od_organization_fields_copy (const OdOrganizationFields *fields)
{
  OdOrganizationFields *copy;

  g_return_val_if_fail (fields != NULL, NULL);

  copy = g_new0 (OdOrganizationFields, 1);
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
od_organization_fields_free (OdOrganizationFields *fields)
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
od_organization_fields_has_org_coverage (const OdOrganizationFields *fields)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  return g_strcmp0 (fields->party_org_form, "independent") == 0
         || g_strcmp0 (fields->party_org_form, "joint") == 0;
}

/* Work coverage = organization coverage, or a party-building instructor or
 * liaison (党建指导员/联络员) assigned. */
gboolean
od_organization_fields_has_work_coverage (const OdOrganizationFields *fields)
{
  g_return_val_if_fail (fields != NULL, FALSE);

  return od_organization_fields_has_org_coverage (fields)
         || (fields->party_instructor != NULL && fields->party_instructor[0] != '\0');
}


/* --- OdOrganization --- */

static void
od_organization_finalize (GObject *object)
{
  OdOrganization *self = OD_ORGANIZATION (object);

  g_clear_pointer (&self->fields, od_organization_fields_free);

  G_OBJECT_CLASS (od_organization_parent_class)->finalize (object);
}

static void
od_organization_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OdOrganization *self = OD_ORGANIZATION (object);
  const OdOrganizationFields *f = self->fields;

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
      g_value_set_string (value, od_organization_type_to_key (f->org_type));
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
  /* The stored key ("social_group", …), as od_organization_type_to_key() */
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
od_organization_new (OdOrganizationFields *fields)
{
  OdOrganization *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (OD_TYPE_ORGANIZATION, NULL);
  self->fields = fields;
  return self;
}

const OdOrganizationFields *
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
