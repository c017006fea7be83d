/* od-registry-entities.h — organizations and people in the entity registry,
 * and the choices of their enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-domains.h"
#include "od-entity.h"

G_BEGIN_DECLS

/* The stored keys, labels and spreadsheet words of the registry's enums,
 * in the order the interface lists them (the CHECK constraints of
 * 0002-registry.sql allow the same keys). */
extern const OdChoice od_organization_type_choices[];
extern const OdChoice od_organization_status_choices[];
extern const OdChoice od_registration_level_choices[];
extern const OdChoice od_member_role_choices[];
extern const OdChoice od_member_status_choices[];
extern const OdChoice od_party_org_form_choices[];
extern const OdChoice od_gender_choices[];

extern const OdEntity od_organization_entity;
extern const OdEntity od_person_entity;

/* Registers organizations, then people. */
void od_registry_register_entities (void);

/* The registry in the list of domains (od-domains.c): its entities, its
 * figures, its demo data. */
extern const OdDomain od_registry_domain;

/* The lookup of an imported cell naming an organization (OdEntityField
 * lookup): a live organization by its name, credit code or record key,
 * else by a short name only one has; otherwise *PROBLEM says so,
 * suggesting similar names. */
gboolean od_organization_lookup (OdDb        *db,
                                 const char  *name,
                                 gint64      *id,
                                 char       **problem,
                                 GError     **error);

G_END_DECLS
