/* test-pinyin.c — pinyin table, initials, polyphone matching, sort keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "od-pinyin.h"

#define BIT(l) (1u << ((l) - 'a'))

/* Splits search terms; a NULL-terminated vector. */
static char **
split_terms (const char *terms)
{
  return g_strsplit (terms, " ", -1);
}

/* The part of a sort key before the tie break (\x02). */
static char *
primary_key (const char *key)
{
  const char *tie = strchr (key, '\x02');

  g_assert_nonnull (tie);
  return g_strndup (key, tie - key);
}

static void
assert_initials (const char *text,
                 const char *expected)
{
  g_autofree char *initials = od_pinyin_initials (text);

  g_test_message ("%s", text);
  g_assert_cmpstr (initials, ==, expected);
}

static void
test_table (void)
{
  guint n_basic = 0;

  g_assert_cmpstr (od_pinyin_syllable (0x884C), ==, "xing");    /* 行 */
  g_assert_cmpstr (od_pinyin_syllable (0x7EFF), ==, "lv");      /* 绿 lǜ */
  g_assert_cmpstr (od_pinyin_syllable (0x5B9D), ==, "bao");     /* 宝 */
  g_assert_cmpstr (od_pinyin_syllable (0x3400), ==, "qiu");     /* first of Ext. A */
  g_assert_cmpstr (od_pinyin_syllable (0x20000), ==, "he");     /* first of Ext. B */
  g_assert_cmpstr (od_pinyin_syllable (0x30EDE), ==, "biang");  /* last in the table */
  g_assert_null (od_pinyin_syllable (0x30EDF));
  g_assert_null (od_pinyin_syllable ('a'));
  g_assert_null (od_pinyin_syllable (0x3002));                  /* 。 */
  g_assert_null (od_pinyin_syllable (0x10FFFF));

  /* Initials of all readings, the usual one included. */
  g_assert_cmpuint (od_pinyin_initials_mask (0x884C), ==, BIT ('x') | BIT ('h'));  /* 行 */
  g_assert_cmpuint (od_pinyin_initials_mask (0x4F1A), ==, BIT ('h') | BIT ('k'));  /* 会 */
  g_assert_cmpuint (od_pinyin_initials_mask (0x957F), ==, BIT ('z') | BIT ('c'));  /* 长 */
  g_assert_cmpuint (od_pinyin_initials_mask (0x4E50), ==, BIT ('l') | BIT ('y'));  /* 乐 */
  g_assert_cmpuint (od_pinyin_initials_mask (0x671D), ==, BIT ('c') | BIT ('z'));  /* 朝 */
  g_assert_true (od_pinyin_initials_mask (0x91CD) & BIT ('c'));                     /* 重 */
  g_assert_true (od_pinyin_initials_mask (0x91CD) & BIT ('z'));
  g_assert_true (od_pinyin_initials_mask (0x5355) & BIT ('d'));                     /* 单 */
  g_assert_true (od_pinyin_initials_mask (0x5355) & BIT ('s'));
  g_assert_cmpuint (od_pinyin_initials_mask (0x5B9D), ==, BIT ('b'));               /* 宝 */
  g_assert_cmpuint (od_pinyin_initials_mask ('b'), ==, 0);

  /* Every syllable is lowercase ASCII and its initial is in the mask. */
  for (gunichar c = 0x4E00; c <= 0x9FFF; c++)
    {
      const char *syllable = od_pinyin_syllable (c);

      if (syllable == NULL)
        {
          g_assert_cmpuint (od_pinyin_initials_mask (c), ==, 0);
          continue;
        }
      n_basic++;
      g_assert_cmpuint (strlen (syllable), >, 0);
      g_assert_cmpuint (strspn (syllable, "abcdefghijklmnopqrstuvwxyz"), ==, strlen (syllable));
      g_assert_true (od_pinyin_initials_mask (c) & BIT (syllable[0]));
    }
  g_assert_cmpuint (n_basic, >, 20000);
}

static void
test_initials (void)
{
  assert_initials ("宝鸡市养生协会", "bjsysxh");
  assert_initials ("宝鸡市江苏商会", "bjsjssh");
  assert_initials ("宝鸡慧芳公益发展中心", "bjhfgyfzzx");
  assert_initials ("宝鸡市餐饮饭店行业协会", "bjscyfdxyxh");   /* usual 行 xíng */
  assert_initials ("ABC协会", "abcxh");
  assert_initials ("Ａｂ１协会", "ab1xh");                      /* full-width */
  assert_initials ("宝鸡·市（筹） 2024", "bjsc2024");
  assert_initials ("«—»", "");
}

static void
test_match (void)
{
  const char *text = "宝鸡市餐饮饭店行业协会";

  g_assert_true (od_pinyin_initials_match (text, "cyfdhyxh"));       /* 行 háng */
  g_assert_true (od_pinyin_initials_match (text, "bjscyfdhyxh"));
  g_assert_true (od_pinyin_initials_match (text, "xyxh"));           /* 行 xíng */
  g_assert_true (od_pinyin_initials_match (text, "BJS"));
  g_assert_true (od_pinyin_initials_match (text, "hyx h"));
  g_assert_true (od_pinyin_initials_match (text, "xyxk"));           /* 会 kuài */
  g_assert_false (od_pinyin_initials_match (text, "zzz"));
  g_assert_false (od_pinyin_initials_match (text, "bjcy"));          /* not contiguous */
  g_assert_false (od_pinyin_initials_match (text, "bjscyfdhyxhx"));  /* past the end */
  g_assert_false (od_pinyin_initials_match (text, ""));
  g_assert_false (od_pinyin_initials_match (text, "  "));
  g_assert_false (od_pinyin_initials_match (text, "bj-s"));
  g_assert_false (od_pinyin_initials_match (text, "宝鸡"));

  g_assert_true (od_pinyin_initials_match ("宝鸡市养生协会", "bjsysx"));
  g_assert_true (od_pinyin_initials_match ("宝鸡市养生协会", "ysxh"));
  g_assert_false (od_pinyin_initials_match ("宝鸡市养生协会", "bjsyxh"));

  g_assert_true (od_pinyin_initials_match ("长安", "c"));
  g_assert_true (od_pinyin_initials_match ("长安", "z"));
  g_assert_true (od_pinyin_initials_match ("长安", "ca"));
  g_assert_true (od_pinyin_initials_match ("长安", "za"));
  g_assert_false (od_pinyin_initials_match ("长安", "x"));

  /* Punctuation and spaces are skipped; ASCII matches itself. */
  g_assert_true (od_pinyin_initials_match ("宝鸡·市 （筹）", "bjsc"));
  g_assert_true (od_pinyin_initials_match ("ABC协会", "cxh"));
  g_assert_true (od_pinyin_initials_match ("第2届", "d2j"));
  g_assert_false (od_pinyin_initials_match ("第2届", "dj"));
}

static void
test_sort_key_order (void)
{
  const char *ordered[] = {
    "",
    "安",
    "白",
    "宝鸡",
    "宝鸡市",
    "陈仓区",
    "凤翔",
    "渭滨区",
    "渭南",
  };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
    g_ptr_array_add (keys, od_pinyin_sort_key (ordered[i]));

  for (guint i = 1; i < keys->len; i++)
    {
      g_test_message ("%s < %s", ordered[i - 1], ordered[i]);
      g_assert_cmpint (strcmp (keys->pdata[i - 1], keys->pdata[i]), <, 0);
    }

  /* Per character, not per letter: 西安 xi'an before 先 xian. */
  {
    g_autofree char *xian_city = od_pinyin_sort_key ("西安");
    g_autofree char *xian = od_pinyin_sort_key ("先");

    g_assert_cmpint (strcmp (xian_city, xian), <, 0);
  }

  /* The scheme, byte for byte. */
  {
    g_autofree char *key = od_pinyin_sort_key ("宝鸡A1·");

    g_assert_cmpstr (key, ==, "bao\001ji\001a1\001\177\302\267\001\002宝鸡A1·");
  }
}

static void
test_sort_key_mixed (void)
{
  g_autofree char *ali = od_pinyin_sort_key ("阿里");
  g_autofree char *abc = od_pinyin_sort_key ("ABC协会");
  g_autofree char *bai = od_pinyin_sort_key ("白");
  g_autofree char *a_latin = od_pinyin_sort_key ("A");
  g_autofree char *a_han = od_pinyin_sort_key ("阿");
  g_autofree char *punct = od_pinyin_sort_key ("（阿）");
  g_autofree char *zuo = od_pinyin_sort_key ("左");

  /* Latin runs interleave with pinyin by spelling: a|li < abc|xie < bai. */
  g_assert_cmpint (strcmp (ali, abc), <, 0);
  g_assert_cmpint (strcmp (abc, bai), <, 0);

  /* Same units: the UTF-8 bytes decide, Latin first. */
  g_assert_cmpint (strcmp (a_latin, a_han), <, 0);

  /* Other characters sort after every syllable. */
  g_assert_cmpint (strcmp (zuo, punct), <, 0);
}

static void
test_sort_key_distinct (void)
{
  const char *texts[] = {
    "阿", "A", "a", "Ａ", "宝鸡", "宝鸡 ", "宝 鸡", "宝鸡市", "保级",
    "abc", "ABC", "Abc", "西安", "先", "xian", "xi an", "",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *key = od_pinyin_sort_key (texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }
}

static void
test_sort_key_case (void)
{
  g_autofree char *abc_upper = od_pinyin_sort_key ("ABC");
  g_autofree char *abc_lower = od_pinyin_sort_key ("abc");
  g_autofree char *abd_upper = od_pinyin_sort_key ("ABD");
  g_autofree char *abd_lower = od_pinyin_sort_key ("abd");
  g_autofree char *primary_upper = primary_key (abc_upper);
  g_autofree char *primary_lower = primary_key (abc_lower);

  g_assert_cmpstr (primary_upper, ==, primary_lower);
  g_assert_cmpstr (primary_upper, ==, "abc\001");
  g_assert_cmpint (strcmp (abc_upper, abd_lower), <, 0);
  g_assert_cmpint (strcmp (abc_lower, abd_upper), <, 0);
}

static void
test_empty (void)
{
  g_autofree char *key = od_pinyin_sort_key ("");
  g_autofree char *initials = od_pinyin_initials ("");
  g_autofree char *terms = od_pinyin_search_terms ("");

  g_assert_cmpstr (key, ==, "\002");
  g_assert_cmpstr (initials, ==, "");
  g_assert_cmpstr (terms, ==, "");
  g_assert_false (od_pinyin_initials_match ("", "a"));
  g_assert_false (od_pinyin_initials_match ("安", ""));
}

static void
test_invalid_utf8 (void)
{
  const char *text = "宝\xff鸡\xe5市\xc3";
  g_autofree char *key = od_pinyin_sort_key (text);
  g_autofree char *initials = od_pinyin_initials (text);
  g_autofree char *terms = od_pinyin_search_terms (text);
  g_autofree char *primary = primary_key (key);

  g_assert_true (g_utf8_validate (key, -1, NULL));
  /* Each bad sequence became U+FFFD, an "other" character. */
  g_assert_cmpstr (primary, ==,
                   "bao\001\177\357\277\275\001ji\001\177\357\277\275\001shi\001"
                   "\177\357\277\275\001");
  g_assert_cmpstr (initials, ==, "bjs");
  g_assert_cmpstr (terms, ==, "bjs bjf");
  g_assert_true (od_pinyin_initials_match (text, "bjs"));
}

static void
test_long_name (void)
{
  const char *unit = "宝鸡市餐饮饭店行业协会";     /* 11 characters */
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *initials = NULL;
  g_autofree char *key = NULL;
  g_autofree char *terms = NULL;
  g_auto(GStrv) split = NULL;
  glong n_chars;

  for (int i = 0; i < 908; i++)
    g_string_append (name, unit);
  for (int i = 0; i < 11; i++)
    g_string_append (name, "安");
  g_string_append (name, "长");
  n_chars = g_utf8_strlen (name->str, -1);
  g_assert_cmpint (n_chars, ==, 10000);

  initials = od_pinyin_initials (name->str);
  g_assert_cmpuint (strlen (initials), ==, 10000);
  g_assert_true (g_str_has_prefix (initials, "bjscyfdxyxh"));
  g_assert_true (g_str_has_suffix (initials, "aaz"));

  key = od_pinyin_sort_key (name->str);
  g_assert_true (g_str_has_prefix (key, "bao\001ji\001shi\001"));
  g_assert_true (g_str_has_suffix (key, name->str));

  g_assert_true (od_pinyin_initials_match (name->str, "aac"));      /* the last 长 */
  g_assert_false (od_pinyin_initials_match (name->str, "aab"));

  terms = od_pinyin_search_terms (name->str);
  split = split_terms (terms);
  g_assert_cmpuint (g_strv_length (split), ==, 1 + OD_PINYIN_MAX_ALTERNATIVES);
  for (guint i = 0; split[i] != NULL; i++)
    g_assert_cmpuint (strlen (split[i]), ==, 10000);
}

static void
test_search_terms (void)
{
  g_autofree char *hangye = od_pinyin_search_terms ("行业协会");
  g_autofree char *plain = od_pinyin_search_terms ("宝鸡慧芳公益发展中心");
  g_autofree char *canyin = od_pinyin_search_terms ("宝鸡市餐饮饭店行业协会");
  g_autofree char *many = od_pinyin_search_terms ("长乐重朝单行会长乐重朝单行会");
  g_auto(GStrv) hangye_terms = split_terms (hangye);
  g_auto(GStrv) canyin_terms = split_terms (canyin);
  g_auto(GStrv) many_terms = split_terms (many);

  /* The usual reading first, then the polyphones one at a time. */
  g_assert_cmpstr (hangye_terms[0], ==, "xyxh");
  g_assert_true (g_strv_contains ((const char *const *) hangye_terms, "hyxh"));
  g_assert_true (g_strv_contains ((const char *const *) hangye_terms, "xyxk"));
  g_assert_false (g_strv_contains ((const char *const *) hangye_terms, "hyxk"));

  /* No polyphone in present-day use, and no historical reading either. */
  g_assert_cmpstr (plain, ==, "bjhfgyfzzx");

  /* Present-day readings (行 háng, 会 kuài) come before historical ones
   * (市 fú), which only fill the room left. */
  g_assert_cmpstr (canyin_terms[0], ==, "bjscyfdxyxh");
  g_assert_cmpstr (canyin_terms[1], ==, "bjscyfdhyxh");
  g_assert_cmpstr (canyin_terms[2], ==, "bjscyfdxyxk");
  g_assert_true (g_strv_contains ((const char *const *) canyin_terms, "bjfcyfdxyxh"));

  /* Never more than the limit, and no duplicates. */
  g_assert_cmpuint (g_strv_length (many_terms), ==, 1 + OD_PINYIN_MAX_ALTERNATIVES);
  for (guint i = 0; many_terms[i] != NULL; i++)
    for (guint j = i + 1; many_terms[j] != NULL; j++)
      g_assert_cmpstr (many_terms[i], !=, many_terms[j]);
}

int
main (int   argc,
      char *argv[])
{
  /* Only so that g_test_message() prints the names; the code under test
   * does not depend on the locale. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/table", test_table);
  g_test_add_func ("/pinyin/initials", test_initials);
  g_test_add_func ("/pinyin/match", test_match);
  g_test_add_func ("/pinyin/sort-key/order", test_sort_key_order);
  g_test_add_func ("/pinyin/sort-key/mixed", test_sort_key_mixed);
  g_test_add_func ("/pinyin/sort-key/distinct", test_sort_key_distinct);
  g_test_add_func ("/pinyin/sort-key/case", test_sort_key_case);
  g_test_add_func ("/pinyin/empty", test_empty);
  g_test_add_func ("/pinyin/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pinyin/long-name", test_long_name);
  g_test_add_func ("/pinyin/search-terms", test_search_terms);

  return g_test_run ();
}
