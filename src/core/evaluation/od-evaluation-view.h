/* od-evaluation-view.h — what the evaluation section reads about a round
 * that the store does not say directly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The states od_evaluation_advance() accepts from STATE, in the order of
 * the workflow (the next steps, then "rejected" and "withdrawn" while the
 * evaluation is not final): a NULL-terminated array of static keys, to be
 * freed with g_free(). */
const char **od_evaluation_next_states (const char *state);
/* Whether STATE is final: confirmed, rejected or withdrawn. */
gboolean     od_evaluation_state_is_final (const char *state);

G_END_DECLS
