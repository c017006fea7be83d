/* od-domains.c — the domains, in the order their entities are registered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new domain adds one line to domains[]: its od_<domain>_register_entities()
 * (in its od-<domain>-entities.c). Register what others refer to first:
 * the trash is emptied in the reverse order.
 */
#define G_LOG_DOMAIN "orgdesk-domains"

#include "config.h"

#include "od-domains.h"
#include "od-registry-entities.h"

static void (*const domains[]) (void) = {
  od_registry_register_entities,
};

void
od_domains_register (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    domains[i] ();
}
