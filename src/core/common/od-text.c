/* od-text.c — text fields as a person sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-text.h"

/* Format characters with no glyph: “太白县\u200b门球协会” looks exactly like
 * “太白县门球协会” and must be the same name. */
static gboolean
is_invisible (gunichar c)
{
  switch (c)
    {
    case 0x00AD:   /* soft hyphen */
    case 0x061C:   /* Arabic letter mark */
    case 0x180E:   /* Mongolian vowel separator */
    case 0x200B:   /* zero-width space */
    case 0x200C:   /* zero-width non-joiner */
    case 0x200D:   /* zero-width joiner */
    case 0x200E:   /* left-to-right mark */
    case 0x200F:   /* right-to-left mark */
    case 0x2060:   /* word joiner */
    case 0xFEFF:   /* zero-width no-break space, the BOM */
      return TRUE;
    default:
      /* bidi embeddings and overrides, isolates */
      return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}

/* Every Unicode space, the no-break ones included (g_unichar_isspace()
 * knows U+00A0 and U+3000 as Zs, and the ASCII blanks). */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

char *
od_text_normalize (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  GString *out = g_string_sized_new (strlen (composed));
  gsize keep = 0;   /* the length without trailing spaces */

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (is_space (c))
        {
          if (out->len > 0)
            g_string_append_unichar (out, c);
          continue;
        }
      g_string_append_unichar (out, c);
      keep = out->len;
    }
  g_string_truncate (out, keep);
  return g_string_free (out, FALSE);
}

gunichar
od_text_find_control (const char *text,
                      gboolean    multiline)
{
  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\r' || c == '\t'))
        continue;
      if (g_unichar_type (c) == G_UNICODE_CONTROL || c == 0x2028 || c == 0x2029)
        return c;
    }
  return 0;
}

char *
od_text_describe_char (gunichar c)
{
  return g_strdup_printf ("U+%04X", c);
}

char *
od_text_fold_width (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "a, b, c", with the translated separator. */
char *
od_text_join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: separates items of a list */
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}
