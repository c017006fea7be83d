/* od-domains.h — the one list of the domains whose entities are registered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers every domain's entities (od-entity.h), once. The entity
 * registry calls it on first use; nobody else needs to. */
void od_domains_register (void);

G_END_DECLS
