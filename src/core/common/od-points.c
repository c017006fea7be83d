/* od-points.c — points of evaluation scores, in tenths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-points"

#include "config.h"

#include <string.h>

#include "od-points.h"
#include "od-text.h"

char *
od_points_format (gint64 tenths)
{
  if (tenths < 0)
    return g_strdup ("");
  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths / 10, tenths % 10);
}

gboolean
od_points_parse (const char *text,
                 gint64     *tenths)
{
  g_autofree char *normal = od_text_normalize (text);
  g_autofree char *folded = od_text_fold_width (normal);
  char *p;
  gint64 value = 0;
  int decimals = -1;

  *tenths = 0;
  if (folded == NULL)
    return FALSE;
  g_strstrip (folded);
  if (g_str_has_suffix (folded, "分"))
    folded[strlen (folded) - strlen ("分")] = '\0';
  g_strstrip (folded);
  if (folded[0] == '\0' || strlen (folded) > 9)
    return FALSE;
  for (p = folded; *p != '\0'; p++)
    {
      if (*p == '.' && decimals < 0)
        decimals = 0;
      else if (g_ascii_isdigit (*p) && decimals < 1)
        {
          value = value * 10 + (*p - '0');
          if (decimals >= 0)
            decimals++;
        }
      else
        return FALSE;
    }
  if (p == folded || (decimals == 0 && p[-1] == '.'))
    return FALSE;
  *tenths = decimals == 1 ? value : value * 10;
  return TRUE;
}
