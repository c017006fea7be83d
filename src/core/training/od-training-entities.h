/* od-training-entities.h — training in the entity registry, and the
 * choices of its enum fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-domains.h"
#include "od-entity.h"

G_BEGIN_DECLS

/* The stored keys, labels and spreadsheet words (the CHECK constraints of
 * 0003-training.sql allow the same keys). */
extern const OdChoice od_course_kind_choices[];
extern const OdChoice od_enrolment_status_choices[];
extern const OdChoice od_attendance_status_choices[];
extern const OdChoice od_attendance_method_choices[];

extern const OdEntity od_course_entity;
extern const OdEntity od_course_session_entity;
extern const OdEntity od_enrolment_entity;
extern const OdEntity od_attendance_mark_entity;

/* Registers courses, sessions, enrolments, attendance marks. */
void od_training_register_entities (void);

/* Training in the list of domains (od-domains.c). */
extern const OdDomain od_training_domain;

G_END_DECLS
