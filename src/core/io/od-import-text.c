/* od-import-text.c — cleaning and parsing cell text for the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blanks, full-width characters, headers, dates, counts, mobile numbers and
 * codes as typed into spreadsheets, into the registry's forms.
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-import-private.h"
#include "od-text.h"
#include "od-validate.h"

/* An Excel date serial in a date column: 36000 is 1998-07-25, 60000 is
 * 2064-04-07 — the registry's dates, and no plausible other number. */
#define SERIAL_MIN 36000
#define SERIAL_MAX 60000

/* --- helpers: text --- */

static gboolean
is_blank_char (gunichar c)
{
  /* g_unichar_isspace() covers U+3000 and U+00A0; BOMs and zero-width
   * spaces come along with text pasted from web pages. */
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* A cell as a value: the apostrophe that od-export.c puts before = + - @
 * (and a leading tab or CR) against formula injection taken off, then
 * blank characters trimmed at both ends and invisible ones removed. Invalid UTF-8 cannot come from
 * the readers; made valid anyway. */
char *
_od_import_clean_cell (const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw != NULL ? raw : "", -1);
  g_autofree char *trimmed = NULL;
  const char *start = valid;
  const char *end;

  if (start[0] == '\'' && start[1] != '\0' && strchr ("=+-@\t\r", start[1]) != NULL)
    start++;

  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  trimmed = g_strndup (start, (gsize) (end - start));
  /* The same normal form as the stores (od-text.h), so that a name with a
   * zero-width space matches the one without it. */
  return od_text_normalize (trimmed);
}

/* A header as it is compared: width folded, every blank removed ("姓  名"
 * is how forms align two-character headers), a "*" required-mark dropped,
 * ASCII lower-cased. */
char *
_od_import_normalize_header (const char *text)
{
  g_autofree char *folded = od_text_fold_width (text != NULL ? text : "");
  GString *out = g_string_new (NULL);
  char *lower;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank_char (c) || c == '*')
        continue;
      g_string_append_unichar (out, c);
    }
  lower = g_ascii_strdown (out->str, -1);
  g_string_free (out, TRUE);
  return lower;
}

/* NORMALIZED without a trailing "(…)": "联系电话(手机)", "登记日期(年月日)",
 * "单位名称(必填)". NULL when there is none. */
char *
_od_import_strip_parenthesized (const char *normalized)
{
  gsize len = strlen (normalized);
  const char *open;

  if (len < 3 || normalized[len - 1] != ')')
    return NULL;
  open = strrchr (normalized, '(');
  if (open == NULL || open == normalized)
    return NULL;
  return g_strndup (normalized, (gsize) (open - normalized));
}

/* The header for messages: trimmed, line breaks (Alt+Enter in Excel) as
 * spaces so each message stays on one line. */
char *
_od_import_display_header (const char *raw)
{
  char *text = _od_import_clean_cell (raw);

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\r' || *p == '\n' || *p == '\t')
      *p = ' ';
  return text;
}

static gboolean
all_ascii_digits (const char *text,
                  gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Reads MIN..MAX digits at *P. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  return TRUE;
}

static char *
iso_date (guint year,
          guint month,
          guint day)
{
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* A date as Excel and WPS write it, as YYYY-MM-DD; NULL when TEXT (folded,
 * trimmed) is not one. An impossible date such as 2017-02-30 is returned
 * as written for the store to explain. */
char *
_od_import_parse_date (const char *text)
{
  const char *p = text;
  const char *dot = strchr (text, '.');
  gsize int_len = dot != NULL ? (gsize) (dot - text) : strlen (text);
  guint year, month, day;
  gboolean chinese = FALSE;
  char separator = 0;

  /* 20171019, or an Excel serial (with a time as its fraction) */
  if (all_ascii_digits (text, int_len)
      && (dot == NULL || all_ascii_digits (dot + 1, strlen (dot + 1))))
    {
      guint64 serial;

      if (int_len == 8 && dot == NULL)
        return g_strdup_printf ("%.4s-%.2s-%.2s", text, text + 4, text + 6);
      serial = g_ascii_strtoull (text, NULL, 10);
      if (int_len <= 5 && serial >= SERIAL_MIN && serial <= SERIAL_MAX)
        {
          GDate date;

          /* 1900 date system; from serial 61 on, day 0 is 1899-12-30 (the
           * 1900-02-29 that Excel counts never matters in this range). */
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
          g_date_add_days (&date, (guint) serial);
          return iso_date (g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
        }
      return NULL;
    }

  if (!read_number (&p, 4, 4, &year))
    return NULL;
  if (g_str_has_prefix (p, "年"))
    {
      chinese = TRUE;
      p += strlen ("年");
    }
  else if (*p == '-' || *p == '/' || *p == '.')
    separator = *p++;
  else
    return NULL;

  if (!read_number (&p, 1, 2, &month))
    return NULL;
  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    return NULL;

  if (!read_number (&p, 1, 2, &day))
    return NULL;
  if (chinese && g_str_has_prefix (p, "日"))
    p += strlen ("日");
  else if (chinese && g_str_has_prefix (p, "号"))
    p += strlen ("号");

  /* A time of day after the date ("2017/10/19 0:00", "2017-10-19T00:00:00"). */
  if (*p == ' ' || *p == 'T')
    {
      p++;
      while (g_ascii_isdigit (*p) || *p == ':' || *p == '.' || *p == ' ')
        p++;
    }
  if (*p != '\0')
    return NULL;
  return iso_date (year, month, day);
}

/* A whole number: thousands separators, a ".0" Excel may add, full-width
 * digits (TEXT is folded). FALSE when it is not one. */
gboolean
_od_import_parse_count (const char *text,
                        gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  gboolean negative = FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (digits, *p);
    }
  if (*p == '.')
    for (p++; *p != '\0'; p++)
      if (*p != '0')
        return FALSE;
  if (digits->len == 0 || digits->len > 15)
    return FALSE;
  *value = (gint64) g_ascii_strtoll (digits->str, NULL, 10);
  if (negative)
    *value = -*value;
  return TRUE;
}

/* An 11-digit mobile number without its separators and +86 prefix, as the
 * store keeps it, so that name + mobile matches; other text as it is, for
 * the store to explain. */
char *
_od_import_clean_mobile (const char *folded)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;

  for (p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '(' || *p == ')')
        continue;
      g_string_append_c (digits, *p);
    }
  p = digits->str;
  if (g_str_has_prefix (p, "+86"))
    p += 3;
  else if (g_str_has_prefix (p, "0086"))
    p += 4;
  if (p[0] == '1' && strlen (p) == 11 && all_ascii_digits (p, 11))
    return g_strdup (p);
  return g_strdup (folded);
}

char *
_od_import_normalize_code (const char *text)
{
  gsize size = strlen (text) * 3 + 1;
  char *out = g_malloc (size);

  od_normalize_code (text, out, size, NULL);
  return out;
}


/* "社会团体, 社会服务机构, … (or the keys social_group, …)": what a CHOICE
 * cell may hold. */
char *
_od_import_choices_text (const OdChoice *choices)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *words = NULL;
  g_autofree char *key_list = NULL;

  for (const OdChoice *c = choices; c->key != NULL; c++)
    for (guint i = 0; c->words != NULL && c->words[i] != NULL; i++)
      g_ptr_array_add (items, g_strdup (c->words[i]));
  words = od_text_join_list (items);
  g_ptr_array_set_size (items, 0);
  for (const OdChoice *c = choices; c->key != NULL; c++)
    if (c->key[0] != '\0')
      g_ptr_array_add (items, g_strdup (c->key));
  key_list = od_text_join_list (items);
  /* Translators: the first %s lists Chinese words (社会团体, 基金会, …), the
   * second the stored keys (social_group, foundation, …) */
  return g_strdup_printf (_("%s (or the keys %s)"), words, key_list);
}

/* The key a CHOICE cell names, by one of its words or the key itself. */
const char *
_od_import_match_choice (const OdChoice *choices,
                         const char     *text)
{
  g_autofree char *wanted = _od_import_normalize_header (text);

  for (const OdChoice *c = choices; c->key != NULL; c++)
    {
      if (c->key[0] != '\0' && g_str_equal (wanted, c->key))
        return c->key;
      for (guint i = 0; c->words != NULL && c->words[i] != NULL; i++)
        if (g_str_equal (wanted, c->words[i]))
          return c->key;
    }
  return NULL;
}
