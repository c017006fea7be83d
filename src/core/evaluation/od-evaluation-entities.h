/* od-evaluation-entities.h — grade evaluation in the entity registry, and
 * the choices of its enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-domains.h"
#include "od-entity.h"

G_BEGIN_DECLS

/* The stored keys, labels and spreadsheet words (the CHECK constraints of
 * 0007-evaluation.sql allow the same keys). */
extern const OdChoice od_scheme_kind_choices[];
extern const OdChoice od_validity_rule_choices[];
extern const OdChoice od_evaluation_state_choices[];

extern const OdEntity od_rating_scheme_entity;
extern const OdEntity od_scheme_indicator_entity;
extern const OdEntity od_evaluation_round_entity;
extern const OdEntity od_evaluation_entity;
extern const OdEntity od_evaluation_score_entity;

/* Registers schemes, indicators, rounds, evaluations and scores. */
void od_evaluation_register_entities (void);

/* Grade evaluation in the list of domains (od-domains.c). */
extern const OdDomain od_evaluation_domain;

G_END_DECLS
