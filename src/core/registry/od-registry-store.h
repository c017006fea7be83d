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


/* --- organizations --- */

void          od_organization_filter_init                 (OdOrganizationFilter          *filter);
GArray       *od_organization_query_ids          (OdDb                 *db,
                                                  const OdOrganizationFilter    *filter,
                                                  GError              **error);
gint64        od_organization_count              (OdDb                 *db,
                                                  GError              **error);
OdOrganizationFields  *od_organization_load               (OdDb                 *db,
                                                  gint64                id,
                                                  GError              **error);
/* Loads rows IDS[0..N) in that order, as OdOrganization items. */
GPtrArray    *od_organization_load_items         (OdDb                 *db,
                                                  const gint64         *ids,
                                                  guint                 n_ids,
                                                  GError              **error);
/* Every problem of FIELDS, errors first: required name, credit code check
 * (a WARNING naming the expected character, unless an override reason is
 * given), duplicate code or name (ERROR with other_id), phone, email, dates
 * not in the future, type vs code, party hint. */
GPtrArray    *od_organization_validate           (OdDb                 *db,
                                                  const OdOrganizationFields    *fields);
/* Inserts (id == 0) or updates. Refuses with the first blocking problem;
 * writes the audit log (field: old → new); derives the type from a valid
 * code; keeps the search index and pinyin sort key. Returns the id. */
gint64        od_organization_save               (OdDb                 *db,
                                                  const OdOrganizationFields    *fields,
                                                  GError              **error);
gboolean      od_organization_delete             (OdDb                 *db,
                                                  gint64                id,
                                                  GError              **error);

/* --- people --- */

void            od_person_filter_init            (OdPersonFilter       *filter);
GArray         *od_person_query_ids              (OdDb                 *db,
                                                  const OdPersonFilter *filter,
                                                  GError              **error);
gint64          od_person_count                  (OdDb                 *db,
                                                  GError              **error);
OdPersonFields *od_person_load                   (OdDb                 *db,
                                                  gint64                id,
                                                  GError              **error);
GPtrArray      *od_person_load_items             (OdDb                 *db,
                                                  const gint64         *ids,
                                                  guint                 n_ids,
                                                  GError              **error);
GPtrArray      *od_person_validate               (OdDb                 *db,
                                                  const OdPersonFields *fields);
gint64          od_person_save                   (OdDb                 *db,
                                                  const OdPersonFields *fields,
                                                  GError              **error);
gboolean        od_person_delete                 (OdDb                 *db,
                                                  gint64                id,
                                                  GError              **error);


G_END_DECLS
