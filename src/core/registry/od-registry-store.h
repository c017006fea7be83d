/* od-registry-store.h — organizations and people: validation, saving,
 * search, soft delete (the trash: od-trash.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-problem.h"
#include "od-db.h"
#include "od-organization.h"
#include "od-store-util.h"
#include "od-trash.h"

G_BEGIN_DECLS

/* The registry's refusals are those of every store (od-store-util.h). */
#define OD_REGISTRY_ERROR               OD_STORE_ERROR
#define OD_REGISTRY_ERROR_INVALID       OD_STORE_ERROR_INVALID
#define OD_REGISTRY_ERROR_DUPLICATE     OD_STORE_ERROR_DUPLICATE
#define OD_REGISTRY_ERROR_NEEDS_REASON  OD_STORE_ERROR_NEEDS_REASON
#define OD_REGISTRY_ERROR_NOT_FOUND     OD_STORE_ERROR_NOT_FOUND
#define OD_REGISTRY_ERROR_REFERENCED    OD_STORE_ERROR_REFERENCED



typedef enum
{
  OD_ORGANIZATION_SORT_NAME,          /* pinyin order of the name */
  OD_ORGANIZATION_SORT_SHORT_NAME,
  OD_ORGANIZATION_SORT_CREDIT_CODE,
  OD_ORGANIZATION_SORT_TYPE,
  OD_ORGANIZATION_SORT_AREA,
  OD_ORGANIZATION_SORT_CATEGORY,
  OD_ORGANIZATION_SORT_STATUS,
  OD_ORGANIZATION_SORT_REGISTERED_ON,
  OD_ORGANIZATION_SORT_MEMBER_ROLE,
  OD_ORGANIZATION_SORT_PARTY,
  OD_ORGANIZATION_SORT_UPDATED_AT,
} OdOrganizationSort;

typedef enum
{
  OD_PARTY_ANY = 0,
  OD_PARTY_ORG_COVERAGE,     /* independent or joint party organization */
  OD_PARTY_WORK_ONLY,        /* work coverage without organization coverage */
  OD_PARTY_NONE,             /* neither */
} OdPartyFilter;

typedef struct
{
  const char    *query;        /* search text: name, short name, code, representative,
                                  contact, pinyin initials; NULL or "" = all */
  OdOrganizationType      type;         /* OD_ORGANIZATION_TYPE_UNKNOWN = any */
  gint64         category_id;  /* 0 = any */
  gint64         area_id;      /* 0 = any */
  const char    *status;       /* NULL = any */
  int            membership;   /* -1 any, 0 not a member, 1 member */
  OdPartyFilter  party;
  OdOrganizationSort      sort;
  gboolean       descending;
} OdOrganizationFilter;

typedef enum
{
  OD_PERSON_SORT_NAME,
  OD_PERSON_SORT_ORGANIZATION,
  OD_PERSON_SORT_POSITION,
  OD_PERSON_SORT_GENDER,
  OD_PERSON_SORT_UPDATED_AT,
} OdPersonSort;

typedef struct
{
  const char   *query;            /* name, mobile, organization, pinyin initials */
  gint64        organization_id;  /* 0 = any */
  const char   *gender;           /* NULL = any */
  OdPersonSort  sort;
  gboolean      descending;
} OdPersonFilter;


/* The typed API of the two stores, declared alike:
 *
 * - PREFIX_filter_init(): every filter at "any", sorted by name;
 * - PREFIX_query_ids(): the ids (gint64) FILTER lists, in its order;
 * - PREFIX_count(): the live rows, -1 on error;
 * - PREFIX_load(): the live row ID (an organization with its category and
 *   area names and its number of live people; a person with the
 *   organization's name); NULL with %OD_REGISTRY_ERROR_NOT_FOUND when it
 *   does not exist or is in the trash;
 * - PREFIX_load_items(): the live rows among IDS[0..N) in that order, as
 *   OdOrganization or OdPerson items; missing or deleted ids are skipped;
 * - PREFIX_validate(): every problem of FIELDS, errors first, then
 *   warnings, then hints. An organization's: required name, credit code
 *   check (a WARNING naming the expected character, unless an override
 *   reason is given), duplicate code or name (ERROR with other_id), phone,
 *   email, dates not in the future, type vs code, party hint;
 * - PREFIX_save(): inserts (id 0) or updates. Refuses with the first
 *   blocking problem; writes the audit log (field: old → new); derives an
 *   organization's type from a valid code; keeps the search index and the
 *   pinyin sort key. Returns the id, 0 on error;
 * - PREFIX_delete(): moves the row to the trash (an organization's people
 *   stay linked to it).
 */
#define OD_REGISTRY_DECLARE_STORE(prefix, Fields, Filter)                                    \
  void       prefix##_filter_init (Filter *filter);                                          \
  GArray    *prefix##_query_ids   (OdDb *db, const Filter *filter, GError **error);          \
  gint64     prefix##_count       (OdDb *db, GError **error);                                \
  Fields    *prefix##_load        (OdDb *db, gint64 id, GError **error);                     \
  GPtrArray *prefix##_load_items  (OdDb *db, const gint64 *ids, guint n_ids, GError **error);\
  GPtrArray *prefix##_validate    (OdDb *db, const Fields *fields);                          \
  gint64     prefix##_save        (OdDb *db, const Fields *fields, GError **error);          \
  gboolean   prefix##_delete      (OdDb *db, gint64 id, GError **error);

OD_REGISTRY_DECLARE_STORE (od_organization, OdOrganizationFields, OdOrganizationFilter)
OD_REGISTRY_DECLARE_STORE (od_person, OdPersonFields, OdPersonFilter)

G_END_DECLS
