/* od-inspection-entities.h — annual inspections in the entity registry,
 * and the choices of their conclusion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-domains.h"
#include "od-entity.h"

G_BEGIN_DECLS

/* The stored keys, labels and spreadsheet words of a conclusion (the CHECK
 * constraint of 0006-inspections.sql allows the same keys). */
extern const OdChoice od_inspection_conclusion_choices[];

extern const OdEntity od_inspection_entity;

/* Registers inspections. */
void od_inspection_register_entities (void);

/* Annual inspection in the list of domains (od-domains.c): its entity,
 * its figures ("inspection"), its demo data. */
extern const OdDomain od_inspection_domain;

G_END_DECLS
