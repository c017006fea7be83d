/* od-stats.h — the headline figures of every domain, gathered in one tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure shown anywhere is computed once, in its domain's *-stats.c
 * (DESIGN.md §3). A domain hands its figures over as one OdStatsDomain,
 * listed in the table at the top of od-stats.c (one line per domain);
 * od_stats_gather() asks each in turn and returns a single tree:
 *
 *   { "year": <int32 2017>,
 *     "organizations": { "total": <int64 422>, …, "by_type": { … },
 *                        "party_org_coverage": <double 0.4512>, … },
 *     "training": { … }, … }
 *
 * The tree is a GVariant of type a{sv} whose values are int64 counts,
 * double rates, strings (dates), maybe-values (null) and nested a{sv}
 * dictionaries. GVariant because it is immutable, reference counted, typed
 * and GLib-only (the core has no GTK), and because a vardict made with a
 * GVariantBuilder keeps its members in the order they were added, so the
 * JSON of `orgdesk-cli stats --json` (DESIGN.md §5) lists them in the order
 * the domain wrote them. The same tree is printed as text for people
 * (od_stats_describe()) and read by the overview and the reports
 * (od_stats_lookup_int() with a path such as "organizations.by_type.foundation").
 */
#pragma once

#include <glib.h>

#include "od-types.h"

G_BEGIN_DECLS

/* The years a figure may be asked for (the People's Republic's registry
 * starts in 1949); the CLI and the overview refuse others. */
#define OD_STATS_YEAR_MIN 1949
#define OD_STATS_YEAR_MAX 2100

/* Adds the domain's figures to FIGURES, an open a{sv} builder, for the
 * state at the end of YEAR, or the current state when YEAR is 0. */
typedef gboolean (*OdStatsGatherFunc)   (OdDb             *db,
                                         int               year,
                                         GVariantBuilder  *figures,
                                         GError          **error);
/* Appends lines (translated, each ending in "\n") saying FIGURES, the
 * dictionary the domain's gather function made, in words. */
typedef void     (*OdStatsDescribeFunc) (GVariant         *figures,
                                         GString          *out);

typedef struct
{
  const char          *key;        /* its member of the tree and of stats --json */
  OdStatsGatherFunc    gather;
  OdStatsDescribeFunc  describe;
} OdStatsDomain;

/* YEAR 0 = the current state; "year" in the tree is then the current year. */
GVariant   *od_stats_gather          (OdDb             *db,
                                      int               year,
                                      GError          **error);
char       *od_stats_to_json         (GVariant         *stats,
                                      gboolean          pretty);
char       *od_stats_describe        (GVariant         *stats);

/* PATH is member names joined by dots. NULL / -1 / -1.0 when missing. */
GVariant   *od_stats_lookup          (GVariant         *stats,
                                      const char       *path);
gint64      od_stats_lookup_int      (GVariant         *stats,
                                      const char       *path);
double      od_stats_lookup_double   (GVariant         *stats,
                                      const char       *path);

/* --- for the domains' gather and describe functions --- */

char       *od_stats_year_end        (int               year);
void        od_stats_add_int         (GVariantBuilder  *figures,
                                      const char       *key,
                                      gint64            value);
void        od_stats_add_rate        (GVariantBuilder  *figures,
                                      const char       *key,
                                      gint64            part,
                                      gint64            whole);
void        od_stats_add_date        (GVariantBuilder  *figures,
                                      const char       *key,
                                      const char       *iso_date);
void        od_stats_add_dict        (GVariantBuilder  *figures,
                                      const char       *key,
                                      GVariantBuilder  *dict);
char       *od_stats_format_count    (gint64            count);
char       *od_stats_format_percent  (double            rate);

G_END_DECLS
