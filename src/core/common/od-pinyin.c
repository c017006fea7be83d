/* od-pinyin.c — pinyin sort keys and initials for Chinese names, without a locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_utf8_collate() gives pinyin order only when a zh_CN locale is installed
 * and active (DESIGN.md §8), so names are sorted by a stored key built from
 * the Unihan readings in od-pinyin-table.inc instead.  Sorting uses the usual
 * reading (kMandarin); searching by initials accepts every reading, because
 * names use polyphones in their less usual sense: 行 is xíng in kMandarin but
 * háng in 行业协会.
 */

#define G_LOG_DOMAIN "orgdesk-pinyin"

#include <string.h>

#include "od-pinyin.h"

#include "od-pinyin-table.inc"

/* Bytes of the sort key; see od_pinyin_sort_key(). */
#define KEY_END_OF_UNIT  '\x01'
#define KEY_TIE_BREAK    '\x02'
#define KEY_OTHER        '\x7f'

/* Bits of a character's match mask: 0..25 for 'a'..'z' (as in the table),
 * 26..35 for '0'..'9'. */
#define DIGIT_BIT(d) (G_GUINT64_CONSTANT (1) << (26 + ((d) - '0')))
#define LETTER_BIT(l) (G_GUINT64_CONSTANT (1) << ((l) - 'a'))

/* --- helpers --- */

/* Index into the od_pinyin_entry_* arrays, or -1 when @c has no reading. */
static int
lookup (gunichar c)
{
  gsize lo = 0;
  gsize hi = OD_PINYIN_N_CODEPOINTS;

  if (c < od_pinyin_codepoints[0] || c > od_pinyin_codepoints[OD_PINYIN_N_CODEPOINTS - 1])
    return -1;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (od_pinyin_codepoints[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < OD_PINYIN_N_CODEPOINTS && od_pinyin_codepoints[lo] == c)
    return od_pinyin_codepoint_entry[lo];

  return -1;
}

static const char *
entry_syllable (int entry)
{
  return od_pinyin_syllable_pool + od_pinyin_entry_syllable[entry];
}

/* @c as a lowercase ASCII letter or digit, or 0.  Full-width forms (ＡＢＣ,
 * １２３) count as ASCII because Chinese input methods type them. */
static char
fold_ascii (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  if (c < 0x80 && g_ascii_isalnum ((char) c))
    return g_ascii_tolower ((char) c);
  return 0;
}

/* Letters and digits @c may stand for in an initials query; 0 for
 * characters that initials skip (punctuation, spaces, scripts without
 * readings). */
static guint64
match_mask (gunichar c)
{
  char a = fold_ascii (c);
  int entry;

  if (a != 0)
    return g_ascii_isdigit (a) ? DIGIT_BIT (a) : LETTER_BIT (a);

  entry = lookup (c);
  return entry >= 0 ? od_pinyin_entry_initials[entry] : 0;
}

/* @text itself when it is valid UTF-8, else a repaired copy kept in
 * @repaired; callers walk the result with g_utf8_next_char(). */
static const char *
valid_text (const char  *text,
            char       **repaired)
{
  *repaired = NULL;
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *repaired = g_utf8_make_valid (text, -1);
  return *repaired;
}

/* Tries QUERY against the characters from @p on, skipping characters
 * without initials; @query holds lowercase ASCII letters and digits only. */
static gboolean
match_at (const char *p,
          const char *query)
{
  for (const char *q = query; *q != '\0'; q++)
    {
      guint64 want = g_ascii_isdigit (*q) ? DIGIT_BIT (*q) : LETTER_BIT (*q);
      guint64 mask = 0;

      while (*p != '\0' && (mask = match_mask (g_utf8_get_char (p))) == 0)
        p = g_utf8_next_char (p);
      if (*p == '\0' || (mask & want) == 0)
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return TRUE;
}

/* Appends one alternative to @terms: @usual with position @i set to @letter. */
static void
append_alternative (GString    *terms,
                    const char *usual,
                    gsize       i,
                    char        letter)
{
  gsize start = terms->len + 1;

  g_string_append_c (terms, ' ');
  g_string_append (terms, usual);
  terms->str[start + i] = letter;
}

/* --- public API --- */

/**
 * od_pinyin_syllable:
 * @c: a character
 *
 * Returns: (nullable): the usual (kMandarin) reading of @c without tone, in
 *   lowercase ASCII with ü written v ("xing" for 行, "lv" for 绿), or %NULL
 *   when @c has no Mandarin reading.  The string is static.
 */
const char *
od_pinyin_syllable (gunichar c)
{
  int entry = lookup (c);

  return entry >= 0 ? entry_syllable (entry) : NULL;
}

/**
 * od_pinyin_initials_mask:
 * @c: a character
 *
 * Returns: the initial letters of all readings of @c, bit n for 'a' + n
 *   (行 xíng/háng → the x and h bits), or 0 when @c has no Mandarin reading
 *   (ASCII included).
 */
guint32
od_pinyin_initials_mask (gunichar c)
{
  int entry = lookup (c);

  return entry >= 0 ? od_pinyin_entry_initials[entry] : 0;
}

/**
 * od_pinyin_sort_key:
 * @text: UTF-8 text; invalid sequences are replaced by U+FFFD first
 *
 * A key whose strcmp() (or SQLite BINARY) order is pinyin order, the same
 * in every locale.  The key is a sequence of units, each ended by \x01:
 *
 * - a Han character with a reading → its usual toneless syllable, so that
 *   西安 "xi\x01an\x01" < 先 "xian\x01" (character by character, as in
 *   dictionaries);
 * - a run of ASCII letters and digits (full-width forms included) →
 *   the run in lowercase, one unit: "ABC协会" → "abc\x01xie\x01hui\x01".
 *   Latin therefore interleaves with pinyin by spelling: 阿里 "a\x01li…"
 *   < "ABC协会" "abc\x01…" < 白 "bai\x01".  Digits sort before letters,
 *   and digit by digit ("10" < "9");
 * - any other character (spaces, punctuation, other scripts, Han without
 *   a reading) → \x7f and its UTF-8, so it sorts after every letter and
 *   syllable at that position.
 *
 * Then \x02 and @text itself.  \x01 ends every unit and no unit starts with
 * \x01 or \x02, so a text sorts before every text that extends it (宝鸡 <
 * 宝鸡市); texts with the same units (ABC, abc, 阿 and A) are ordered by
 * their UTF-8 bytes, and different valid texts never get equal keys.
 * The key contains no NUL and is valid UTF-8.
 *
 * Returns: (transfer full): the key
 */
char *
od_pinyin_sort_key (const char *text)
{
  g_autofree char *repaired = NULL;
  const char *valid;
  GString *key;
  gboolean in_ascii = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  valid = valid_text (text, &repaired);
  key = g_string_sized_new (strlen (valid) * 3 + 2);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char a = fold_ascii (c);
      int entry;

      if (a != 0)
        {
          g_string_append_c (key, a);
          in_ascii = TRUE;
          continue;
        }

      if (in_ascii)
        {
          g_string_append_c (key, KEY_END_OF_UNIT);
          in_ascii = FALSE;
        }

      entry = lookup (c);
      if (entry >= 0)
        {
          g_string_append (key, entry_syllable (entry));
        }
      else
        {
          g_string_append_c (key, KEY_OTHER);
          g_string_append_len (key, p, g_utf8_next_char (p) - p);
        }
      g_string_append_c (key, KEY_END_OF_UNIT);
    }

  if (in_ascii)
    g_string_append_c (key, KEY_END_OF_UNIT);

  g_string_append_c (key, KEY_TIE_BREAK);
  g_string_append (key, valid);

  return g_string_free (key, FALSE);
}

/**
 * od_pinyin_initials:
 * @text: UTF-8 text
 *
 * The first letter of the usual reading of each Han character, with ASCII
 * letters and digits (full-width forms included) kept in lowercase and
 * everything else dropped: 宝鸡市养生协会 → "bjsysxh", "ABC协会" → "abcxh".
 *
 * Returns: (transfer full): the initials, possibly ""
 */
char *
od_pinyin_initials (const char *text)
{
  g_autofree char *repaired = NULL;
  const char *valid;
  GString *initials;

  g_return_val_if_fail (text != NULL, NULL);

  valid = valid_text (text, &repaired);
  initials = g_string_sized_new (strlen (valid) / 3 + 1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char a = fold_ascii (c);
      int entry;

      if (a != 0)
        {
          g_string_append_c (initials, a);
        }
      else if ((entry = lookup (c)) >= 0)
        {
          g_string_append_c (initials, entry_syllable (entry)[0]);
        }
    }

  return g_string_free (initials, FALSE);
}

/**
 * od_pinyin_initials_match:
 * @text: UTF-8 text, e.g. an organization's name
 * @query: what the user typed: ASCII letters and digits, any case; spaces
 *   are ignored
 *
 * Whether @query spells the initials of a contiguous run of @text, each Han
 * character standing for the initial of any of its readings, so
 * 宝鸡市餐饮饭店行业协会 matches "cyfdhyxh" (行 háng) as well as "xyxh"
 * (行 xíng).  ASCII letters and digits stand for themselves; characters that
 * od_pinyin_initials() drops (punctuation, spaces, ·) are skipped.
 *
 * Returns: %TRUE on a match; %FALSE for an empty query or one with other
 *   characters than ASCII letters, digits and spaces
 */
gboolean
od_pinyin_initials_match (const char *text,
                          const char *query)
{
  g_autofree char *repaired = NULL;
  g_autofree char *wanted = NULL;
  const char *valid;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  wanted = g_malloc (strlen (query) + 1);
  for (const char *q = query; *q != '\0'; q++)
    {
      if (g_ascii_isalnum (*q))
        wanted[n++] = g_ascii_tolower (*q);
      else if (*q != ' ')
        return FALSE;
    }
  wanted[n] = '\0';
  if (n == 0)
    return FALSE;

  valid = valid_text (text, &repaired);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Only characters with initials start a run; match_at() skips the rest. */
      if (match_mask (g_utf8_get_char (p)) != 0 && match_at (p, wanted))
        return TRUE;
    }

  return FALSE;
}

/**
 * od_pinyin_search_terms:
 * @text: UTF-8 text
 *
 * Initial strings to store in a search column, so that a LIKE or FTS query
 * on initials also finds polyphones read their other way.  The first term
 * is od_pinyin_initials().  Then, only if @text has polyphones, up to
 * %OD_PINYIN_MAX_ALTERNATIVES (8) alternatives, each the first term with a
 * single character switched to another initial: first the readings in
 * present-day use (kMandarin, kTGHZ2013, kHanyuPinlu: 行 h, 会 k, 长 c),
 * from left to right, then historical ones (市 f) while room is left.
 * Switching one character at a time keeps the column linear in the length
 * of @text; combinations (长乐 as "cy") and polyphones beyond the limit are
 * left to od_pinyin_initials_match(), which tries every reading.  Every
 * alternative differs from the first term in exactly one (position,
 * letter), so the terms are distinct without further deduplication.
 *
 * Returns: (transfer full): space-separated terms, "" when @text has no
 *   initials
 */
char *
od_pinyin_search_terms (const char *text)
{
  g_autofree char *repaired = NULL;
  g_autofree char *usual = NULL;
  g_autoptr(GArray) common = NULL;
  g_autoptr(GArray) every = NULL;
  const char *valid;
  GString *terms;
  guint n_alternatives = 0;

  g_return_val_if_fail (text != NULL, NULL);

  valid = valid_text (text, &repaired);
  usual = od_pinyin_initials (valid);

  /* Other initials per position of @usual; ASCII has none. */
  common = g_array_sized_new (FALSE, TRUE, sizeof (guint32), strlen (usual));
  every = g_array_sized_new (FALSE, TRUE, sizeof (guint32), strlen (usual));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint32 common_other = 0;
      guint32 every_other = 0;
      int entry;

      if (fold_ascii (c) == 0)
        {
          entry = lookup (c);
          if (entry < 0)
            continue;
          common_other = od_pinyin_entry_common_initials[entry];
          every_other = od_pinyin_entry_initials[entry] & ~common_other;
          common_other &= ~(guint32) LETTER_BIT (entry_syllable (entry)[0]);
        }
      g_array_append_val (common, common_other);
      g_array_append_val (every, every_other);
    }
  g_assert (common->len == strlen (usual));

  terms = g_string_new (usual);
  for (int pass = 0; pass < 2; pass++)
    {
      GArray *others = pass == 0 ? common : every;

      for (guint i = 0; i < others->len; i++)
        {
          guint32 mask = g_array_index (others, guint32, i);

          for (int bit = 0; mask != 0 && bit < 26; bit++)
            {
              if ((mask & (1u << bit)) == 0)
                continue;
              if (n_alternatives == OD_PINYIN_MAX_ALTERNATIVES)
                return g_string_free (terms, FALSE);
              append_alternative (terms, usual, i, 'a' + bit);
              n_alternatives++;
            }
        }
    }

  return g_string_free (terms, FALSE);
}
