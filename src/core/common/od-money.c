/* od-money.c — amounts of money as integer fen (分); never a float
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every amount is a gint64 number of fen (DESIGN.md §2, poverty relief).
 * Formatting and parsing work on integers and digit strings only, so
 * 0.1 + 0.2 problems cannot arise anywhere between the entry and the print.
 */

#define G_LOG_DOMAIN "orgdesk-money"

#include <string.h>

#include <glib/gi18n.h>

#include "od-money.h"

#define FEN_PER_YUAN    G_GUINT64_CONSTANT (100)
#define FEN_PER_WAN     G_GUINT64_CONSTANT (1000000)          /* 万 = 10^4 yuan */
#define FEN_PER_YI      G_GUINT64_CONSTANT (10000000000)      /* 亿 = 10^8 yuan */

G_DEFINE_QUARK (od-money-error-quark, od_money_error)

/* 会计基础工作规范 (1996) 第五十二条: the capital digits of financial writing,
 * which cannot be altered by adding a stroke. */
static const char *const capital_digits[10] = {
  "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};

/* Units of the 个, 拾, 佰 and 仟 places inside a four-digit section. */
static const char *const capital_place_units[4] = {
  "", "拾", "佰", "仟",
};

/* --- helpers --- */

/* |fen| without overflow, G_MININT64 included. */
static guint64
magnitude (gint64 fen)
{
  return fen < 0 ? (guint64) -(fen + 1) + 1 : (guint64) fen;
}

/* Appends @value with a comma every three digits: 35000 → "35,000". */
static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[24];
  int n;

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/* Appends ".dd…" for a fraction of @n_places decimal places, without
 * trailing zeros, or nothing for a zero fraction. */
static void
append_trimmed_fraction (GString *out,
                         guint64  fraction,
                         guint    n_places)
{
  char digits[24];
  int n;

  if (fraction == 0)
    return;

  n = g_snprintf (digits, sizeof digits, "%0*" G_GUINT64_FORMAT, (int) n_places, fraction);
  while (n > 0 && digits[n - 1] == '0')
    n--;

  g_string_append_c (out, '.');
  g_string_append_len (out, digits, n);
}

/* Appends the capitals of a number below 10^8 that follows @started
 * higher digits. Zeros: a run of zeros between digits is written as one 零
 * (第五十二条 (四)), and the zeros that end a section before 万 are not
 * written, as in 壹拾万柒仟 for 107000. */
static void
append_capital_sections (GString  *out,
                         guint     value,
                         gboolean *started,
                         gboolean *pending_zero)
{
  static const guint place_values[4] = { 1, 10, 100, 1000 };
  guint sections[2] = { value / 10000, value % 10000 };

  for (guint k = 0; k < 2; k++)
    {
      guint section = sections[k];

      for (int place = 3; place >= 0; place--)
        {
          guint digit = section / place_values[place] % 10;

          if (digit == 0)
            {
              if (*started)
                *pending_zero = TRUE;
              continue;
            }

          if (*pending_zero)
            g_string_append (out, capital_digits[0]);
          *pending_zero = FALSE;

          g_string_append (out, capital_digits[digit]);
          g_string_append (out, capital_place_units[place]);
          *started = TRUE;
        }

      if (k == 0 && section != 0)
        {
          g_string_append (out, "万");
          *pending_zero = FALSE;
        }
    }
}

/* Appends the capitals of a whole number of yuan; nothing for 0. Above
 * 10^8 the part before 亿 is written the same way, so 10^12 is 壹万亿. */
static void
append_capital_integer (GString  *out,
                        guint64   value,
                        gboolean *started,
                        gboolean *pending_zero)
{
  const guint64 yi = G_GUINT64_CONSTANT (100000000);

  if (value >= yi)
    {
      append_capital_integer (out, value / yi, started, pending_zero);
      g_string_append (out, "亿");
      *pending_zero = FALSE;
      value %= yi;
    }

  append_capital_sections (out, (guint) value, started, pending_zero);
}

static gboolean
is_money_space (gunichar ch)
{
  return (ch < 0x80 && g_ascii_isspace ((char) ch)) || ch == 0x3000;
}

/* @text with ASCII and ideographic spaces removed at both ends. */
static char *
trim_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_money_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_money_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Full-width ASCII (U+FF01–U+FF5E: digits, comma, period, minus, letters)
 * as Chinese input methods type it, folded to ASCII; other text is kept. */
static char *
fold_full_width (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0xFF01 && ch <= 0xFF5E)
        g_string_append_c (out, (char) (ch - 0xFF01 + 0x21));
      else
        g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && is_money_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* Returns the end of @prefix if @p starts with it, or NULL. */
static const char *
skip_prefix (const char *p,
             const char *prefix)
{
  gsize len = strlen (prefix);

  return g_ascii_strncasecmp (p, prefix, len) == 0 ? p + len : NULL;
}

/* Thousands separators are accepted only where they belong: a first group
 * of one to three digits, then groups of exactly three. */
static gboolean
separators_ok (const char *int_part,
               gsize       len)
{
  gsize group = 0;
  gboolean first = TRUE;

  for (gsize i = 0; i < len; i++)
    {
      if (int_part[i] != ',')
        {
          group++;
          continue;
        }

      if (group == 0 || group > 3 || (!first && group != 3))
        return FALSE;
      first = FALSE;
      group = 0;
    }

  return first || group == 3;
}

static gboolean
set_parse_error (GError       **error,
                 OdMoneyError   code,
                 const char    *shown)
{
  g_autofree char *message = NULL;

  switch (code)
    {
    case OD_MONEY_ERROR_EMPTY:
      message = g_strdup (_("No amount was entered. Type an amount such as 35000, "
                            "35,000.00 or 3.5万."));
      break;

    case OD_MONEY_ERROR_PRECISION:
      /* Translators: %s is the text typed; 分 (fen) is 0.01 yuan, 万 is 10,000 */
      message = g_strdup_printf (_("“%s” is more precise than one fen (0.01 yuan). Use at "
                                   "most two decimals, or at most six with 万."),
                                 shown);
      break;

    case OD_MONEY_ERROR_SEPARATOR:
      /* Translators: %s is the text typed */
      message = g_strdup_printf (_("“%s” has thousands separators in the wrong places. Put a "
                                   "comma every three digits, as in 35,000, or leave the "
                                   "commas out."),
                                 shown);
      break;

    case OD_MONEY_ERROR_RANGE:
      /* Translators: %s is the text typed; 万亿元 is 10^12 yuan */
      message = g_strdup_printf (_("“%s” is too large for an amount of money (the limit is "
                                   "10万亿元). Check the number of digits."),
                                 shown);
      break;

    case OD_MONEY_ERROR_INVALID:
    default:
      code = OD_MONEY_ERROR_INVALID;
      /* Translators: %s is the text typed; 万 is 10,000 */
      message = g_strdup_printf (_("“%s” is not an amount of money. Type digits such as "
                                   "35000, 35,000.00 or 3.5万."),
                                 shown);
      break;
    }

  g_set_error_literal (error, OD_MONEY_ERROR, code, message);

  return FALSE;
}

/* --- public API --- */

/**
 * od_money_format:
 * @fen: an amount in fen
 *
 * Returns: (transfer full): the amount as "¥35,000.00", or "-¥35.00"
 */
char *
od_money_format (gint64 fen)
{
  guint64 abs_fen = magnitude (fen);
  GString *out = g_string_new (NULL);

  if (fen < 0)
    g_string_append_c (out, '-');
  g_string_append (out, "¥");
  append_grouped (out, abs_fen / FEN_PER_YUAN);
  g_string_append_printf (out, ".%02u", (guint) (abs_fen % FEN_PER_YUAN));

  return g_string_free (out, FALSE);
}

/**
 * od_money_format_wan:
 * @fen: an amount in fen
 *
 * Formats @fen for summaries: from 10,000 yuan on in 万元 or 亿元 with at most
 * two decimals, rounded half up ("3.5万元", "20.35万元", "1.2亿元"); below
 * that in yuan, exactly ("8,000.5元"). The units are kept in every language:
 * they are how these sums are reported.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
od_money_format_wan (gint64 fen)
{
  guint64 abs_fen = magnitude (fen);
  GString *out = g_string_new (NULL);

  if (fen < 0)
    g_string_append_c (out, '-');

  if (abs_fen < FEN_PER_WAN)
    {
      append_grouped (out, abs_fen / FEN_PER_YUAN);
      append_trimmed_fraction (out, abs_fen % FEN_PER_YUAN, 2);
      g_string_append (out, "元");
    }
  else
    {
      /* Hundredths of 万, rounded half up; the addition cannot overflow
       * since |fen| ≤ 2^63 leaves room below 2^64. */
      guint64 hundredths = (abs_fen + FEN_PER_WAN / 200) / (FEN_PER_WAN / 100);
      const char *unit = "万元";

      /* From 1亿 on — including sums that round up to 10000万 — use 亿. */
      if (hundredths >= 1000000)
        {
          hundredths = (abs_fen + FEN_PER_YI / 200) / (FEN_PER_YI / 100);
          unit = "亿元";
        }

      g_string_append_printf (out, "%" G_GUINT64_FORMAT, hundredths / 100);
      append_trimmed_fraction (out, hundredths % 100, 2);
      g_string_append (out, unit);
    }

  return g_string_free (out, FALSE);
}

/**
 * od_money_format_capitals:
 * @fen: an amount in fen
 *
 * Writes @fen in Chinese financial capitals as 会计基础工作规范 第五十二条
 * asks for receipts: "叁万伍仟元整", "壹仟陆佰捌拾元零叁角贰分",
 * "壹佰元零伍分". "整" follows 元 or 角 when the amount ends there, never 分;
 * where the rule allows 零 before 角 or not, 零 is written.
 *
 * Returns: (transfer full): the amount in capitals
 */
char *
od_money_format_capitals (gint64 fen)
{
  guint64 abs_fen = magnitude (fen);
  guint64 yuan = abs_fen / FEN_PER_YUAN;
  guint jiao = (guint) (abs_fen % FEN_PER_YUAN / 10);
  guint fen_digit = (guint) (abs_fen % 10);
  gboolean started = FALSE;
  gboolean pending_zero = FALSE;
  GString *out = g_string_new (NULL);

  if (fen < 0)
    g_string_append (out, "负");

  if (abs_fen == 0)
    {
      g_string_append (out, "零元整");
      return g_string_free (out, FALSE);
    }

  if (yuan > 0)
    {
      append_capital_integer (out, yuan, &started, &pending_zero);
      g_string_append (out, "元");
    }

  if (jiao == 0 && fen_digit == 0)
    {
      /* 第五十二条 (三): an amount ending at 元 is followed by 整. */
      g_string_append (out, "整");
      return g_string_free (out, FALSE);
    }

  if (jiao > 0)
    {
      /* 第五十二条 (四): when the 元 place is 0, 零 may be written before
       * 角 or not; we write it. */
      if (yuan > 0 && yuan % 10 == 0)
        g_string_append (out, capital_digits[0]);
      g_string_append (out, capital_digits[jiao]);
      g_string_append (out, "角");
    }
  else if (yuan > 0)
    {
      /* A 0 in the 角 place between yuan and fen must be written as 零. */
      g_string_append (out, capital_digits[0]);
    }

  if (fen_digit == 0)
    {
      /* 第五十二条 (三): an amount ending at 角 is followed by 整 too. */
      g_string_append (out, "整");
    }
  else
    {
      /* …but nothing follows 分. */
      g_string_append (out, capital_digits[fen_digit]);
      g_string_append (out, "分");
    }

  return g_string_free (out, FALSE);
}

/**
 * od_money_parse:
 * @text: an amount as typed, e.g. "35,000.00", "¥35000", "3.5万", "３．５万元"
 * @fen: (out): where to store the amount in fen; untouched on error
 * @error: return location for an %OD_MONEY_ERROR
 *
 * Reads an amount of yuan, or of 万 yuan with the suffix 万 or 万元, with an
 * optional leading "-" and currency sign ("¥", "￥" or "RMB"). Decimals
 * beyond one fen are refused unless they are zeros ("35.000" is 35 yuan).
 *
 * Returns: %TRUE on success
 */
gboolean
od_money_parse (const char  *text,
                gint64      *fen,
                GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *folded = NULL;
  const char *p;
  const char *int_start, *int_end;
  const char *frac_start = NULL, *frac_end = NULL;
  gboolean negative = FALSE;
  gboolean has_currency = FALSE;
  gboolean wan = FALSE;
  gboolean too_big = FALSE;
  gboolean has_digit = FALSE;
  guint64 int_value = 0;
  guint64 frac_value = 0;
  guint64 per_unit;
  guint n_places;
  gsize frac_len;
  guint64 result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (fen != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  {
    g_autofree char *valid = g_utf8_make_valid (text, -1);

    shown = trim_spaces (valid);
  }

  if (*shown == '\0')
    return set_parse_error (error, OD_MONEY_ERROR_EMPTY, shown);

  folded = fold_full_width (shown);
  p = folded;

  /* A sign and a currency sign, in either order, each at most once. */
  for (;;)
    {
      const char *after;

      p = skip_spaces (p);

      if (*p == '-' && !negative)
        {
          negative = TRUE;
          p++;
        }
      else if (!has_currency
               && ((after = skip_prefix (p, "¥")) != NULL
                   || (after = skip_prefix (p, "￥")) != NULL
                   || (after = skip_prefix (p, "RMB")) != NULL))
        {
          has_currency = TRUE;
          p = after;
        }
      else
        {
          break;
        }
    }

  int_start = p;
  while (g_ascii_isdigit (*p) || *p == ',')
    {
      has_digit |= g_ascii_isdigit (*p);
      p++;
    }
  int_end = p;

  if (*p == '.')
    {
      frac_start = ++p;
      while (g_ascii_isdigit (*p) || *p == ',')
        {
          has_digit |= g_ascii_isdigit (*p);
          p++;
        }
      frac_end = p;
    }

  p = skip_spaces (p);
  if (g_str_has_prefix (p, "万元"))
    {
      wan = TRUE;
      p += strlen ("万元");
    }
  else if (g_str_has_prefix (p, "万"))
    {
      wan = TRUE;
      p += strlen ("万");
    }
  else if (g_str_has_prefix (p, "元"))
    {
      p += strlen ("元");
    }
  p = skip_spaces (p);

  if (*p != '\0' || !has_digit)
    return set_parse_error (error, OD_MONEY_ERROR_INVALID, shown);

  if (!separators_ok (int_start, int_end - int_start)
      || (frac_start != NULL && memchr (frac_start, ',', frac_end - frac_start) != NULL))
    return set_parse_error (error, OD_MONEY_ERROR_SEPARATOR, shown);

  /* 万 moves the point four places: 3.5万 is 35000.00 yuan, so up to six
   * decimals still name whole fen. */
  n_places = wan ? 6 : 2;
  per_unit = wan ? FEN_PER_WAN : FEN_PER_YUAN;

  /* Trailing zeros do not add precision: "35.000" is exactly 35 yuan. */
  frac_len = frac_start != NULL ? (gsize) (frac_end - frac_start) : 0;
  while (frac_len > 0 && frac_start[frac_len - 1] == '0')
    frac_len--;
  if (frac_len > n_places)
    return set_parse_error (error, OD_MONEY_ERROR_PRECISION, shown);

  for (const char *d = int_start; d < int_end; d++)
    {
      if (*d == ',' || too_big)
        continue;

      /* Stop accumulating once past the limit, long before guint64 could
       * overflow; the rest of the text has been checked already. */
      int_value = int_value * 10 + (guint64) (*d - '0');
      if (int_value > (guint64) OD_MONEY_MAX_FEN)
        too_big = TRUE;
    }

  for (gsize i = 0; i < n_places; i++)
    frac_value = frac_value * 10 + (i < frac_len ? (guint64) (frac_start[i] - '0') : 0);

  /* Checked before multiplying, so the product cannot overflow. */
  if (too_big || int_value > (guint64) OD_MONEY_MAX_FEN / per_unit)
    return set_parse_error (error, OD_MONEY_ERROR_RANGE, shown);

  result = int_value * per_unit + frac_value;
  if (result > (guint64) OD_MONEY_MAX_FEN)
    return set_parse_error (error, OD_MONEY_ERROR_RANGE, shown);

  *fen = negative ? -(gint64) result : (gint64) result;

  return TRUE;
}
