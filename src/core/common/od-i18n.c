/* od-i18n.c — gettext set-up shared by orgdesk and orgdesk-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "od-i18n.h"

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}

/* ORGDESK_LOCALEDIR points an uninstalled build at its own catalogues.
 * LANGUAGE alone (LANGUAGE=zh_CN under a C locale) is honoured too: gettext
 * ignores LANGUAGE under the C locale, so messages and character handling
 * switch to a UTF-8 locale of that language when one is installed (which
 * also makes Pango pick Simplified Chinese glyphs). */
void
od_i18n_init (void)
{
  const char *localedir = g_getenv ("ORGDESK_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");

  setlocale (LC_ALL, "");
  if (language != NULL && *language != '\0' && is_c_locale (setlocale (LC_MESSAGES, NULL)))
    {
      g_auto(GStrv) wanted = g_strsplit (language, ":", 2);
      g_autofree char *utf8 = NULL;

      if (wanted[0] != NULL && !is_c_locale (wanted[0]) && !g_str_equal (wanted[0], "en"))
        {
          utf8 = strchr (wanted[0], '.') != NULL ? g_strdup (wanted[0])
                                                  : g_strconcat (wanted[0], ".UTF-8", NULL);
          if (setlocale (LC_MESSAGES, utf8) != NULL)
            setlocale (LC_CTYPE, utf8);
        }
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
