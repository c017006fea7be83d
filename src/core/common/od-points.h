/* od-points.h — points of evaluation scores, in tenths (27.5 points is
 * 275), so that totals add up exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Points as shown: "27.5", "30"; "" for -1 (not given). */
char       *od_points_format            (gint64                      tenths);
/* Points as typed ("27.5", "30", "27.5分", full-width digits) in tenths;
 * FALSE when TEXT is not a number of points with at most one decimal. */
gboolean    od_points_parse             (const char                 *text,
                                         gint64                     *tenths);

G_END_DECLS
