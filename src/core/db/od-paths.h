/* od-paths.h — where the database lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  od_paths_use_build_tree   (const char *argv0);
char *od_paths_default_database (void);
char *od_paths_resolve_database (const char *option_value,
                                 const char *remembered);

G_END_DECLS
