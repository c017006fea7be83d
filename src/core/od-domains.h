/* od-domains.h — the one list of the domains: what each brings to the
 * entity registry, the figures and the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-stats.h"

G_BEGIN_DECLS

/* One thing a domain knows about an organization, for its pane: "Grade" —
 * "4A, valid until 2022-12-31". */
typedef struct
{
  char     *title;     /* translated */
  char     *value;     /* translated */
  gboolean  warning;   /* something to act on */
} OdFact;

void od_fact_free (OdFact *fact);
/* A new fact (taking TITLE and VALUE) added to FACTS. */
void od_facts_add (GPtrArray  *facts,
                   char       *title,
                   char       *value,
                   gboolean    warning);

typedef struct
{
  const char           *name;                          /* "registry", for messages */
  void                (*register_entities) (void);     /* od_entity_register() each; or NULL */
  const OdStatsDomain  *stats;                         /* its figures (od-stats.h); or NULL */
  gboolean            (*load_demo) (OdDb *db, GError **error);  /* its demo data; or NULL */
  /* Tables its migrations fill (lookups, the shipped rating schemes): no
   * user content of their own, kept when the demo replaces the content;
   * NULL-terminated, or NULL. */
  const char *const    *seeded_tables;
  /* After a database is opened: finishes what the last run left (the
   * door's log of marks); or NULL. */
  gboolean            (*open)      (OdDb *db, GError **error);
  /* Adds what the domain knows about organization ID to FACTS (OdFact);
   * or NULL. */
  gboolean            (*organization_facts) (OdDb *db, gint64 id, GPtrArray *facts,
                                             GError **error);
  /* A few characters shown beside the organization in lists (its grade:
   * "4A"), or NULL; or NULL. */
  char               *(*organization_badge) (OdDb *db, gint64 id);
} OdDomain;

/* The domains, in order: what others refer to first. */
const OdDomain *const *od_domains_list     (guint *n_domains);

/* Registers every domain's entities (od-entity.h), once. The entity
 * registry calls it on first use; nobody else needs to. */
void                   od_domains_register (void);

/* Whether TABLE is one of a domain's seeded_tables. */
gboolean               od_domains_is_seeded_table (const char *table);

/* Every domain's facts about organization ID, in domain order (a
 * GPtrArray of OdFact), or NULL on error. */
GPtrArray             *od_domains_organization_facts (OdDb     *db,
                                                      gint64    id,
                                                      GError  **error);

/* The domains' badges of organization ID, space-separated ("4A ★★★"), or
 * "" when there are none. */
char                  *od_domains_organization_badges (OdDb    *db,
                                                       gint64   id);

/* Runs every domain's open(), after opening DB (the window and the CLI). */
gboolean               od_domains_open     (OdDb     *db,
                                            GError  **error);

G_END_DECLS
