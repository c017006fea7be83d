/* od-domains.c — the domains, in the order their entities are registered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new domain adds one line to domains[]: its OdDomain, defined in its
 * folder (od-<domain>-domain.c or beside its entities). Register what
 * others refer to first: the trash is emptied in the reverse order, the
 * demo data loaded in this order.
 */
#define G_LOG_DOMAIN "orgdesk-domains"

#include "config.h"

#include "od-domains.h"
#include "od-evaluation-entities.h"
#include "od-inspection-entities.h"
#include "od-registry-entities.h"
#include "od-training-entities.h"

static const OdDomain *const domains[] = {
  &od_registry_domain,
  &od_training_domain,
  &od_inspection_domain,
  &od_evaluation_domain,
};

const OdDomain *const *
od_domains_list (guint *n_domains)
{
  if (n_domains != NULL)
    *n_domains = G_N_ELEMENTS (domains);
  return domains;
}

void
od_domains_register (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (domains[i]->register_entities != NULL)
      domains[i]->register_entities ();
}

gboolean
od_domains_open (OdDb     *db,
                 GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (domains[i]->open != NULL && !domains[i]->open (db, error))
      return FALSE;
  return TRUE;
}

gboolean
od_domains_is_seeded_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (domains[i]->seeded_tables != NULL && g_strv_contains (domains[i]->seeded_tables, table))
      return TRUE;
  return FALSE;
}

void
od_fact_free (OdFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->title);
  g_free (fact->value);
  g_free (fact);
}

void
od_facts_add (GPtrArray  *facts,
              char       *title,
              char       *value,
              gboolean    warning)
{
  OdFact *fact = g_new0 (OdFact, 1);

  fact->title = title;
  fact->value = value;
  fact->warning = warning;
  g_ptr_array_add (facts, fact);
}

GPtrArray *
od_domains_organization_facts (OdDb     *db,
                               gint64    id,
                               GError  **error)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) od_fact_free);

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (domains[i]->organization_facts != NULL
        && !domains[i]->organization_facts (db, id, facts, error))
      return NULL;
  return g_steal_pointer (&facts);
}

char *
od_domains_organization_badges (OdDb    *db,
                                gint64   id)
{
  GString *badges = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_autofree char *badge = domains[i]->organization_badge != NULL
                               ? domains[i]->organization_badge (db, id) : NULL;

      if (badge != NULL && badge[0] != '\0')
        g_string_append_printf (badges, "%s%s", badges->len > 0 ? " " : "", badge);
    }
  return g_string_free (badges, FALSE);
}
