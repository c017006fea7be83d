/* od-person.h — a person of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "od-types.h"

G_BEGIN_DECLS

/* The fields of one person as stored (DESIGN.md §2). Strings are never
 * NULL unless said. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *gender;                   /* "male", "female", "unknown" */
  gint64  organization_id;          /* 0 = none */
  char   *organization_name;        /* read-only */
  char   *position;
  char   *mobile;
  char   *id_number;                /* NULL = not given; personal data: mask when shown */
  char   *notes;
  char   *created_at;
  char   *updated_at;
} OdPersonFields;

OdPersonFields *od_person_fields_new       (void);
OdPersonFields *od_person_fields_copy      (const OdPersonFields *fields);
void            od_person_fields_free      (OdPersonFields       *fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdPersonFields, od_person_fields_free)

/* List items: immutable snapshots of a row, for GListModels. */
#define OD_TYPE_PERSON (od_person_get_type ())
G_DECLARE_FINAL_TYPE (OdPerson, od_person, OD, PERSON, GObject)

OdPerson             *od_person_new            (OdPersonFields *fields);   /* takes FIELDS */
const OdPersonFields *od_person_get_fields     (OdPerson       *self);
gint64                od_person_get_id         (OdPerson       *self);

G_END_DECLS
