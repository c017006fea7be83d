/* od-organization.h — an organization of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "od-person.h"
#include "od-types.h"

G_BEGIN_DECLS

/* The fields of one organization as stored (DESIGN.md §2). Strings are never
 * NULL except where noted; enums are the stored English keys. */
typedef struct
{
  gint64     id;                    /* 0 for a record not saved yet */
  char      *uuid;
  char      *name;
  char      *short_name;
  char      *credit_code;           /* NULL = unknown */
  char      *credit_code_override;  /* reason a failing code was kept, "" = none */
  OdOrganizationType  org_type;
  gint64     category_id;           /* 0 = none */
  char      *category_name;         /* read-only, from categories */
  gint64     area_id;               /* 0 = none */
  char      *area_name;             /* read-only, from areas */
  char      *registration_level;    /* "city", "county" */
  char      *registered_on;         /* ISO date or NULL */
  char      *supervising_unit;
  char      *legal_representative;
  char      *contact_person;
  char      *phone;
  char      *address;
  char      *email;
  char      *website;
  char      *status;                /* "active", "deregistered", "revoked" */
  char      *status_date;           /* ISO date or NULL */
  char      *member_since;          /* ISO date or NULL */
  char      *member_role;           /* NULL = not a member; "president", "vice_president", "director", "member" */
  char      *member_status;         /* NULL, "active", "suspended", "withdrawn" */
  char      *party_org_form;        /* "independent", "joint", "none" */
  gint64     party_members;
  char      *party_instructor;      /* name of the instructor or liaison, "" = none */
  char      *notes;
  char      *created_at;
  char      *updated_at;
  gint64     n_people;              /* read-only: live people linked to it */
} OdOrganizationFields;

OdOrganizationFields *od_organization_fields_new               (void);
OdOrganizationFields *od_organization_fields_copy              (const OdOrganizationFields *fields);
void                  od_organization_fields_free              (OdOrganizationFields       *fields);
gboolean              od_organization_fields_has_org_coverage  (const OdOrganizationFields *fields);
gboolean              od_organization_fields_has_work_coverage (const OdOrganizationFields *fields);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdOrganizationFields, od_organization_fields_free)

/* List items: immutable snapshots of a row, for GListModels. */
#define OD_TYPE_ORGANIZATION (od_organization_get_type ())
G_DECLARE_FINAL_TYPE (OdOrganization, od_organization, OD, ORGANIZATION, GObject)

OdOrganization             *od_organization_new        (OdOrganizationFields *fields);   /* takes FIELDS */
const OdOrganizationFields *od_organization_get_fields (OdOrganization       *self);
gint64                      od_organization_get_id     (OdOrganization       *self);

G_END_DECLS
