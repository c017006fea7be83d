/* test-validate.c — unified social credit codes and resident ID numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes below were computed outside this program (a Python one-off
 * following GB 32100-2015, GB 11714-1997 and GB 11643-1999), so a mistake
 * in od-validate.c cannot hide behind the same mistake in a test helper.
 */

#include <string.h>

#include <glib.h>

#include "od-validate.h"

#define CREDIT_CHARSET "0123456789ABCDEFGHJKLMNPQRTUWXY"

typedef struct
{
  const char *code;
  OdOrganizationType   type;
  const char *area_code;
  char        check;
} ValidCreditCode;

/* Civil-affairs codes (51…/52…/53…/59…) for Baoji and its districts; the
 * organization-code part (positions 9–17) passes GB 11714 in all of them. */
static const ValidCreditCode valid_credit_codes[] = {
  { "51610300MJ2912344J", OD_ORGANIZATION_TYPE_SOCIAL_GROUP,   "610300", 'J' },
  { "52610302MJ2X008710", OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "610302", '0' },
  { "53610303MJ0000Q13Y", OD_ORGANIZATION_TYPE_FOUNDATION,     "610303", 'Y' },
  { "59610331MJ1234561G", OD_ORGANIZATION_TYPE_OTHER,          "610331", 'G' },
  { "51610331MJ29A00C4X", OD_ORGANIZATION_TYPE_SOCIAL_GROUP,   "610331", 'X' },
  { "52610303MJ290001XX", OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "610303", 'X' },  /* inner check X */
  { "51610300MJ29002470", OD_ORGANIZATION_TYPE_SOCIAL_GROUP,   "610300", '0' },  /* 31 → 0 */
  { "51610300MJ2900124Y", OD_ORGANIZATION_TYPE_SOCIAL_GROUP,   "610300", 'Y' },  /* highest value */
};

/* An independent GB 11643-1999 check, only for dates computed at run time
 * (tomorrow), which cannot be hard-coded. */
static char
test_id_check (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];

  return "10X98765432"[sum % 11];
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* --- credit codes --- */

static void
test_credit_code_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_credit_codes); i++)
    {
      const ValidCreditCode *v = &valid_credit_codes[i];
      OdCodeResult r;

      g_test_message ("%s", v->code);
      g_assert_true (od_validate_credit_code (v->code, &r));
      g_assert_cmpint (r.status, ==, OD_CODE_VALID);
      g_assert_cmpstr (r.normalized, ==, v->code);
      g_assert_cmpuint (r.length, ==, 18);
      g_assert_cmpint (r.department, ==, '5');
      g_assert_cmpint (r.org_type, ==, v->type);
      g_assert_cmpstr (r.area_code, ==, v->area_code);
      g_assert_cmpint (r.found_check, ==, v->check);
      g_assert_cmpint (r.expected_check, ==, v->check);
      g_assert_true (r.inner_check_ok);
      g_assert_cmpint (r.inner_expected, ==, v->code[16]);
    }

  /* result may be left out when only the verdict matters */
  g_assert_true (od_validate_credit_code ("51610300MJ2912344J", NULL));
  g_assert_false (od_validate_credit_code ("51610300MJ2912344K", NULL));
}

static void
test_credit_code_other_department (void)
{
  OdCodeResult r;

  /* 9 = market regulation: a company, valid but of no civil-affairs type */
  g_assert_true (od_validate_credit_code ("91610300MA6X12340X", &r));
  g_assert_cmpint (r.department, ==, '9');
  g_assert_cmpint (r.org_type, ==, OD_ORGANIZATION_TYPE_UNKNOWN);
  g_assert_cmpstr (r.area_code, ==, "610300");

  /* civil affairs, but position 2 is not one of 1, 2, 3, 9 */
  g_assert_true (od_validate_credit_code ("54610302MJ2955002F", &r));
  g_assert_cmpint (r.department, ==, '5');
  g_assert_cmpint (r.org_type, ==, OD_ORGANIZATION_TYPE_UNKNOWN);
}

static void
check_every_wrong_check_char (const char *valid)
{
  char code[19];
  guint n_wrong = 0;

  g_assert_cmpuint (strlen (valid), ==, 18);

  for (const char *c = CREDIT_CHARSET; *c != '\0'; c++)
    {
      OdCodeResult r;
      g_autofree char *text = NULL;
      g_autofree char *expected_quote = g_strdup_printf ("“%c”", valid[17]);

      if (*c == valid[17])
        continue;

      memcpy (code, valid, 17);
      code[17] = *c;
      code[18] = '\0';

      g_assert_false (od_validate_credit_code (code, &r));
      g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHECK);
      g_assert_cmpint (r.expected_check, ==, valid[17]);
      g_assert_cmpint (r.found_check, ==, *c);
      g_assert_cmpstr (r.normalized, ==, code);
      /* the rest of the code is still read */
      g_assert_cmpstr (r.area_code, ==, "610300");
      g_assert_cmpint (r.org_type, ==, OD_ORGANIZATION_TYPE_SOCIAL_GROUP);

      text = od_code_result_describe (&r, FALSE);
      assert_contains (text, expected_quote);
      n_wrong++;
    }

  g_assert_cmpuint (n_wrong, ==, 30);
}

static void
test_credit_code_wrong_check (void)
{
  check_every_wrong_check_char ("51610300MJ2912344J");
  check_every_wrong_check_char ("51610300MJ29002470");
  check_every_wrong_check_char ("51610300MJ2900124Y");
}

static void
test_credit_code_forbidden_letters (void)
{
  const char *valid = "51610300MJ2912344J";
  static const guint positions[] = { 1, 2, 5, 9, 10, 16, 17, 18 };

  for (const char *letter = "IOZSV"; *letter != '\0'; letter++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          char code[19];
          OdCodeResult r;

          memcpy (code, valid, sizeof code);
          code[positions[i] - 1] = *letter;

          g_assert_false (od_validate_credit_code (code, &r));
          g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
          g_assert_cmpuint (r.position, ==, positions[i]);
          g_assert_cmpuint (r.length, ==, 18);

          /* lower case is folded first and still refused */
          code[positions[i] - 1] = g_ascii_tolower (*letter);
          g_assert_false (od_validate_credit_code (code, &r));
          g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
          g_assert_cmpuint (r.position, ==, positions[i]);
        }
    }
}

static void
test_credit_code_bad_char (void)
{
  OdCodeResult r;

  /* the first offending character is reported */
  g_assert_false (od_validate_credit_code ("5161O300MJ29I2344J", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 5);

  /* punctuation and a Chinese character, counted as characters, not bytes */
  g_assert_false (od_validate_credit_code ("51610300MJ29.2344J", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 13);

  g_assert_false (od_validate_credit_code ("516103中0MJ2912344J", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 7);
  g_assert_cmpuint (r.length, ==, 18);

  /* invalid UTF-8 is a bad character too, not a crash */
  g_assert_false (od_validate_credit_code ("51610300MJ29\xff" "2344J", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 13);

  /* only position 18 wrong: the expected check is still known */
  g_assert_false (od_validate_credit_code ("51610300MJ2912344I", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 18);
  g_assert_cmpint (r.expected_check, ==, 'J');
}

static void
test_credit_code_length (void)
{
  OdCodeResult r;

  g_assert_false (od_validate_credit_code ("51610300MJ2912344", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 17);
  g_assert_cmpstr (r.normalized, ==, "51610300MJ2912344");

  g_assert_false (od_validate_credit_code ("51610300MJ2912344J1", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 19);
  g_assert_cmpstr (r.normalized, ==, "");

  g_assert_false (od_validate_credit_code ("5", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 1);

  /* length is checked before characters */
  g_assert_false (od_validate_credit_code ("51610300MJ29I2344", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 17);

  /* spaces do not count */
  g_assert_false (od_validate_credit_code ("  5161 0300 MJ29 1234 4 ", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 17);
}

static void
test_credit_code_empty (void)
{
  static const char *const empties[] = { "", "   ", "\t\n", "　　", "--", " - " };
  OdCodeResult r;

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_assert_false (od_validate_credit_code (empties[i], &r));
      g_assert_cmpint (r.status, ==, OD_CODE_EMPTY);
      g_assert_cmpuint (r.length, ==, 0);
      g_assert_cmpstr (r.normalized, ==, "");
    }

  g_assert_false (od_validate_credit_code (NULL, &r));
  g_assert_cmpint (r.status, ==, OD_CODE_EMPTY);
}

static void
test_credit_code_normalized (void)
{
  static const char *const variants[] = {
    "51610300mj2912344j",
    " 51610300MJ2912344J ",
    "5161-0300-MJ29-1234-4J",
    "516103 00MJ 291234 4J",
    "51610300\tMJ2912344J\n",
    "５１６１０３００ＭＪ２９１２３４４Ｊ",
    "５１６１０３００ｍｊ２９１２３４４ｊ",
    "51610300　MJ2912344J",
    "51610300－MJ2912344J",
    "51610300\u00a0MJ2912344J",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      OdCodeResult r;

      g_test_message ("variant %u", i);
      g_assert_true (od_validate_credit_code (variants[i], &r));
      g_assert_cmpstr (r.normalized, ==, "51610300MJ2912344J");
      g_assert_cmpuint (r.length, ==, 18);
    }
}

static void
test_credit_code_inner_check (void)
{
  OdCodeResult r;
  g_autofree char *ok_text = NULL;
  g_autofree char *bad_text = NULL;

  g_assert_true (od_validate_credit_code ("51610302MJ2912352A", &r));
  g_assert_true (r.inner_check_ok);
  g_assert_cmpint (r.inner_expected, ==, '2');
  ok_text = od_code_result_describe (&r, FALSE);
  g_assert_null (strstr (ok_text, "GB 11714"));

  /* the same organization code with a wrong 17th character but a right
   * 18th: still valid, with a note naming the expected 17th character */
  g_assert_true (od_validate_credit_code ("51610302MJ29123517", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_VALID);
  g_assert_false (r.inner_check_ok);
  g_assert_cmpint (r.inner_expected, ==, '2');
  bad_text = od_code_result_describe (&r, FALSE);
  assert_contains (bad_text, "GB 11714");
  assert_contains (bad_text, "“2”");
  assert_contains (bad_text, "“1”");

  /* an inner check of X */
  g_assert_true (od_validate_credit_code ("52610303MJ290001XX", &r));
  g_assert_true (r.inner_check_ok);
  g_assert_cmpint (r.inner_expected, ==, 'X');
}

static void
test_credit_code_describe (void)
{
  OdCodeResult r;
  g_autofree char *check = NULL;
  g_autofree char *length = NULL;
  g_autofree char *bad_char = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *company = NULL;
  g_autofree char *empty = NULL;

  od_validate_credit_code ("51610300MJ2912344K", &r);
  check = od_code_result_describe (&r, FALSE);
  assert_contains (check, "should be “J”, not “K”");
  assert_contains (check, "certificate");

  od_validate_credit_code ("51610300MJ2912344", &r);
  length = od_code_result_describe (&r, FALSE);
  assert_contains (length, "18 characters; this one has 17");

  od_validate_credit_code ("51610300MJ29S2344J", &r);
  bad_char = od_code_result_describe (&r, FALSE);
  assert_contains (bad_char, "Character 13, “S”");
  assert_contains (bad_char, "I, O, Z, S and V");

  od_validate_credit_code ("516103中0MJ2912344J", &r);
  chinese = od_code_result_describe (&r, FALSE);
  assert_contains (chinese, "Character 7");

  od_validate_credit_code ("52610302MJ2X008710", &r);
  valid = od_code_result_describe (&r, FALSE);
  assert_contains (valid, "Social service organization");
  assert_contains (valid, "610302");

  od_validate_credit_code ("91610300MA6X12340X", &r);
  company = od_code_result_describe (&r, FALSE);
  assert_contains (company, "civil affairs");

  od_validate_credit_code ("", &r);
  empty = od_code_result_describe (&r, FALSE);
  g_assert_cmpstr (empty, !=, "");
}

/* --- normalizing --- */

static void
test_normalize (void)
{
  char out[19];
  char tiny[5];
  guint n = 99;

  od_normalize_code (" ab-c\u3000ｄＥ１ ", out, sizeof out, &n);
  g_assert_cmpstr (out, ==, "ABCDE1");
  g_assert_cmpuint (n, ==, 6);

  /* counts everything, writes what fits */
  od_normalize_code ("1234567890", tiny, sizeof tiny, &n);
  g_assert_cmpstr (tiny, ==, "1234");
  g_assert_cmpuint (n, ==, 10);

  /* never a partial character, and nothing after one that did not fit */
  od_normalize_code ("12中3", tiny, sizeof tiny, &n);
  g_assert_cmpstr (tiny, ==, "12");
  g_assert_cmpuint (n, ==, 4);

  od_normalize_code ("1中", tiny, sizeof tiny, &n);
  g_assert_cmpstr (tiny, ==, "1中");
  g_assert_cmpuint (n, ==, 2);

  od_normalize_code (NULL, out, sizeof out, &n);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (n, ==, 0);

  /* only counting */
  od_normalize_code ("a b c", NULL, 0, &n);
  g_assert_cmpuint (n, ==, 3);

  od_normalize_code ("xyz", out, 1, NULL);
  g_assert_cmpstr (out, ==, "");
}

/* --- resident ID numbers --- */

static void
test_id_number_valid (void)
{
  OdCodeResult r;

  g_assert_true (od_validate_id_number ("610302199001011232", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_VALID);
  g_assert_cmpstr (r.normalized, ==, "610302199001011232");
  g_assert_cmpstr (r.area_code, ==, "610302");
  g_assert_cmpuint (r.birth_year, ==, 1990);
  g_assert_cmpuint (r.birth_month, ==, 1);
  g_assert_cmpuint (r.birth_day, ==, 1);
  g_assert_true (r.male);
  g_assert_cmpint (r.expected_check, ==, '2');
  g_assert_cmpint (r.found_check, ==, '2');

  g_assert_true (od_validate_id_number ("610302199001011240", &r));
  g_assert_false (r.male);

  g_assert_true (od_validate_id_number ("610303198512310017", &r));
  g_assert_cmpstr (r.area_code, ==, "610303");
  g_assert_cmpuint (r.birth_year, ==, 1985);
  g_assert_cmpuint (r.birth_month, ==, 12);
  g_assert_cmpuint (r.birth_day, ==, 31);
  g_assert_true (r.male);

  /* the earliest accepted year */
  g_assert_true (od_validate_id_number ("610322190001010015", &r));
  g_assert_cmpuint (r.birth_year, ==, 1900);

  /* spaces and full-width digits as pasted */
  g_assert_true (od_validate_id_number (" 610302 19900101 1232 ", &r));
  g_assert_true (od_validate_id_number ("６１０３０２１９９００１０１１２３２", &r));
  g_assert_cmpstr (r.normalized, ==, "610302199001011232");
}

static void
test_id_number_check_x (void)
{
  OdCodeResult r;

  g_assert_true (od_validate_id_number ("61030219880715107X", &r));
  g_assert_cmpint (r.expected_check, ==, 'X');
  g_assert_true (r.male);

  /* a lower-case x is fine */
  g_assert_true (od_validate_id_number ("61030219880715107x", &r));
  g_assert_cmpstr (r.normalized, ==, "61030219880715107X");
  g_assert_true (od_validate_id_number ("61030219880715107ｘ", &r));
}

static void
check_every_wrong_id_check (const char *valid)
{
  char id[19];
  guint n_wrong = 0;

  for (const char *c = "0123456789X"; *c != '\0'; c++)
    {
      OdCodeResult r;
      g_autofree char *text = NULL;
      g_autofree char *expected_quote = g_strdup_printf ("“%c”", valid[17]);

      if (*c == valid[17])
        continue;

      memcpy (id, valid, 17);
      id[17] = *c;
      id[18] = '\0';

      g_assert_false (od_validate_id_number (id, &r));
      g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHECK);
      g_assert_cmpint (r.expected_check, ==, valid[17]);
      g_assert_cmpint (r.found_check, ==, *c);

      text = od_code_result_describe (&r, TRUE);
      assert_contains (text, expected_quote);
      n_wrong++;
    }

  g_assert_cmpuint (n_wrong, ==, 10);
}

static void
test_id_number_wrong_check (void)
{
  check_every_wrong_id_check ("610302199001011232");
  check_every_wrong_id_check ("61030219880715107X");
  check_every_wrong_id_check ("610303198512310017");
}

static void
test_id_number_leap_day (void)
{
  OdCodeResult r;

  /* 2000 and 1996 are leap years */
  g_assert_true (od_validate_id_number ("610331200002290023", &r));
  g_assert_cmpuint (r.birth_month, ==, 2);
  g_assert_cmpuint (r.birth_day, ==, 29);
  g_assert_true (od_validate_id_number ("610302199602290038", &r));

  /* 1900 (divisible by 100, not 400) and 2023 are not; the check digits
   * are right, so only the date can fail them */
  g_assert_false (od_validate_id_number ("610302190002290017", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_DATE);
  g_assert_cmpuint (r.birth_year, ==, 0);
  g_assert_false (od_validate_id_number ("610302202302290057", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_DATE);
}

static void
test_id_number_bad_date (void)
{
  static const char *const bad[] = {
    "61030219901301123X",   /* month 13 */
    "610302199001001237",   /* day 00 */
    "610302199002301231",   /* 30 February */
    "610302189912311237",   /* before 1900 */
    "610302209912311232",   /* far in the future */
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *first17 = NULL;
  g_autofree char *tomorrow_id = NULL;
  g_autofree char *today_id = NULL;
  OdCodeResult r;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (od_validate_id_number (bad[i], &r));
      g_assert_cmpint (r.status, ==, OD_CODE_BAD_DATE);
      /* what is known from the other digits is still filled in */
      g_assert_cmpint (r.expected_check, ==, bad[i][17]);
      g_assert_cmpstr (r.area_code, ==, "610302");
    }

  first17 = g_strdup_printf ("610302%04d%02d%02d123", g_date_time_get_year (tomorrow),
                             g_date_time_get_month (tomorrow),
                             g_date_time_get_day_of_month (tomorrow));
  tomorrow_id = g_strdup_printf ("%s%c", first17, test_id_check (first17));
  g_assert_false (od_validate_id_number (tomorrow_id, &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_DATE);

  /* born today is fine */
  g_clear_pointer (&first17, g_free);
  first17 = g_strdup_printf ("610302%04d%02d%02d123", g_date_time_get_year (now),
                             g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  today_id = g_strdup_printf ("%s%c", first17, test_id_check (first17));
  g_assert_true (od_validate_id_number (today_id, &r));

  /* the date is checked before the check digit */
  g_assert_false (od_validate_id_number ("610302199013011231", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_DATE);
}

static void
test_id_number_bad_char (void)
{
  OdCodeResult r;

  /* letters in the middle */
  g_assert_false (od_validate_id_number ("61030219900A011232", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 12);

  g_assert_false (od_validate_id_number ("6103021990o1011232", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 11);

  /* X only as the check character */
  g_assert_false (od_validate_id_number ("6103021990010112X2", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 17);

  /* a bad 18th character: the expected one is still known */
  g_assert_false (od_validate_id_number ("61030219900101123Y", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 18);
  g_assert_cmpint (r.expected_check, ==, '2');

  /* characters are checked before the date */
  g_assert_false (od_validate_id_number ("6103021990130112A3", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 17);

  g_assert_false (od_validate_id_number ("610302一990010112 3 2", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_CHAR);
  g_assert_cmpuint (r.position, ==, 7);
}

static void
test_id_number_length (void)
{
  OdCodeResult r;
  g_autofree char *old_card = NULL;

  g_assert_false (od_validate_id_number ("610302900101123", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 15);
  old_card = od_code_result_describe (&r, TRUE);
  assert_contains (old_card, "this one has 15");

  g_assert_false (od_validate_id_number ("61030219900101123", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 17);

  g_assert_false (od_validate_id_number ("6103021990010112321", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_BAD_LENGTH);
  g_assert_cmpuint (r.length, ==, 19);

  g_assert_false (od_validate_id_number ("  ", &r));
  g_assert_cmpint (r.status, ==, OD_CODE_EMPTY);
}

static void
test_id_number_describe (void)
{
  OdCodeResult r;
  g_autofree char *check = NULL;
  g_autofree char *month = NULL;
  g_autofree char *future = NULL;
  g_autofree char *old = NULL;
  g_autofree char *bad_char = NULL;
  g_autofree char *valid = NULL;

  od_validate_id_number ("610302199001011235", &r);
  check = od_code_result_describe (&r, TRUE);
  assert_contains (check, "should be “2”, not “5”");

  od_validate_id_number ("61030219901301123X", &r);
  month = od_code_result_describe (&r, TRUE);
  assert_contains (month, "1990-13-01");
  assert_contains (month, "not a real date");

  od_validate_id_number ("610302209912311232", &r);
  future = od_code_result_describe (&r, TRUE);
  assert_contains (future, "2099-12-31");
  assert_contains (future, "future");

  od_validate_id_number ("610302189912311237", &r);
  old = od_code_result_describe (&r, TRUE);
  assert_contains (old, "1899-12-31");
  assert_contains (old, "1900");

  od_validate_id_number ("61030219900A011232", &r);
  bad_char = od_code_result_describe (&r, TRUE);
  assert_contains (bad_char, "Character 12, “A”");

  /* personal data stays out of the description of a valid number */
  od_validate_id_number ("610302199001011232", &r);
  valid = od_code_result_describe (&r, TRUE);
  g_assert_null (strstr (valid, "1990"));
}

/* --- masking --- */

static void
test_mask (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "610302199001011234", "610302********1234" },
    { "61030219880715107X", "610302********107X" },
    { "610302900101123",    "610302*****1123" },      /* 15-digit old number */
    { "61030219900",        "610302*9900" },          /* 11: the shortest kept 6 + 4 */
    { "6103021990",         "*********0" },           /* 10: only the last */
    { "12",                 "*2" },
    { "1",                  "1" },
    { "",                   "" },
    { "610302中文99001011234", "610302*********1234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = od_id_number_mask (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }

  g_assert_null (od_id_number_mask (NULL));
}

/* --- organization types --- */

static void
test_org_type_keys (void)
{
  static const struct
  {
    OdOrganizationType   type;
    const char *key;
    const char *name;
  } types[] = {
    { OD_ORGANIZATION_TYPE_UNKNOWN,        "unknown",        "Unknown" },
    { OD_ORGANIZATION_TYPE_SOCIAL_GROUP,   "social_group",   "Social group" },
    { OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "social_service", "Social service organization" },
    { OD_ORGANIZATION_TYPE_FOUNDATION,     "foundation",     "Foundation" },
    { OD_ORGANIZATION_TYPE_OTHER,          "other",          "Other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_assert_cmpstr (od_organization_type_to_key (types[i].type), ==, types[i].key);
      g_assert_cmpint (od_organization_type_from_key (types[i].key), ==, types[i].type);
      /* no locale is set, so the untranslated names come back */
      g_assert_cmpstr (od_organization_type_to_string (types[i].type), ==, types[i].name);
    }

  g_assert_cmpint (od_organization_type_from_key (NULL), ==, OD_ORGANIZATION_TYPE_UNKNOWN);
  g_assert_cmpint (od_organization_type_from_key (""), ==, OD_ORGANIZATION_TYPE_UNKNOWN);
  g_assert_cmpint (od_organization_type_from_key ("Foundation"), ==, OD_ORGANIZATION_TYPE_UNKNOWN);
  g_assert_cmpint (od_organization_type_from_key ("cooperative"), ==, OD_ORGANIZATION_TYPE_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/credit-code/valid", test_credit_code_valid);
  g_test_add_func ("/validate/credit-code/other-department", test_credit_code_other_department);
  g_test_add_func ("/validate/credit-code/wrong-check", test_credit_code_wrong_check);
  g_test_add_func ("/validate/credit-code/forbidden-letters", test_credit_code_forbidden_letters);
  g_test_add_func ("/validate/credit-code/bad-char", test_credit_code_bad_char);
  g_test_add_func ("/validate/credit-code/length", test_credit_code_length);
  g_test_add_func ("/validate/credit-code/empty", test_credit_code_empty);
  g_test_add_func ("/validate/credit-code/normalized", test_credit_code_normalized);
  g_test_add_func ("/validate/credit-code/inner-check", test_credit_code_inner_check);
  g_test_add_func ("/validate/credit-code/describe", test_credit_code_describe);
  g_test_add_func ("/validate/normalize", test_normalize);
  g_test_add_func ("/validate/id-number/valid", test_id_number_valid);
  g_test_add_func ("/validate/id-number/check-x", test_id_number_check_x);
  g_test_add_func ("/validate/id-number/wrong-check", test_id_number_wrong_check);
  g_test_add_func ("/validate/id-number/leap-day", test_id_number_leap_day);
  g_test_add_func ("/validate/id-number/bad-date", test_id_number_bad_date);
  g_test_add_func ("/validate/id-number/bad-char", test_id_number_bad_char);
  g_test_add_func ("/validate/id-number/length", test_id_number_length);
  g_test_add_func ("/validate/id-number/describe", test_id_number_describe);
  g_test_add_func ("/validate/mask", test_mask);
  g_test_add_func ("/validate/org-type/keys", test_org_type_keys);

  return g_test_run ();
}
