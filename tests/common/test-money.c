/* test-money.c — integer fen: formatting, capitals, parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "od-money.h"

typedef struct
{
  gint64      fen;
  const char *text;
} FormatCase;

static void
check_format_cases (char *           (*format) (gint64),
                    const FormatCase  *cases,
                    gsize              n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = format (cases[i].fen);

      g_test_message ("%" G_GINT64_FORMAT, cases[i].fen);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Amounts from 0 to OD_MONEY_MAX_FEN and their negatives: powers of ten and
 * their neighbours, then pseudo-random ones of every size. */
static GArray *
sample_amounts (void)
{
  GArray *amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171019);
  gint64 power = 1;

  for (int k = 0; k <= 15; k++, power *= 10)
    {
      gint64 near[3] = { power - 1, power, power + 1 };

      for (int j = 0; j < 3; j++)
        {
          gint64 v = near[j];

          if (v > OD_MONEY_MAX_FEN)
            continue;
          g_array_append_val (amounts, v);
          v = -v;
          g_array_append_val (amounts, v);
        }
    }

  for (int i = 0; i < 3000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      guint64 modulus = 1;
      gint64 v;

      /* spread the sizes evenly instead of making nearly all of them huge */
      for (int k = g_rand_int_range (rand, 1, 16); k > 0; k--)
        modulus *= 10;

      v = (gint64) (bits % modulus);
      if (g_rand_boolean (rand))
        v = -v;
      g_array_append_val (amounts, v);
    }

  return amounts;
}

/* --- formatting --- */

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { 0,                     "¥0.00" },
    { 1,                     "¥0.01" },
    { 50,                    "¥0.50" },
    { 3500,                  "¥35.00" },
    { -3500,                 "-¥35.00" },
    { -1,                    "-¥0.01" },
    { 99999,                 "¥999.99" },
    { 100000,                "¥1,000.00" },
    { 3500000,               "¥35,000.00" },
    { 3500050,               "¥35,000.50" },
    { 12345678901,           "¥123,456,789.01" },
    { OD_MONEY_MAX_FEN,      "¥10,000,000,000,000.00" },
    { -OD_MONEY_MAX_FEN,     "-¥10,000,000,000,000.00" },
    { G_MAXINT64,            "¥92,233,720,368,547,758.07" },
    { G_MININT64,            "-¥92,233,720,368,547,758.08" },
  };

  check_format_cases (od_money_format, cases, G_N_ELEMENTS (cases));
}

static void
test_format_wan (void)
{
  static const FormatCase cases[] = {
    { 0,                  "0元" },
    { 1,                  "0.01元" },
    { 10,                 "0.1元" },
    { 800000,             "8,000元" },
    { 800050,             "8,000.5元" },
    { 800055,             "8,000.55元" },
    { 999999,             "9,999.99元" },
    { -800000,            "-8,000元" },
    { 1000000,            "1万元" },
    { 3500000,            "3.5万元" },
    { -3500000,           "-3.5万元" },
    { 35000000,           "35万元" },
    { 20350000,           "20.35万元" },
    { 12345000,           "12.35万元" },          /* 12.345万: half rounds up */
    { 12344999,           "12.34万元" },
    { 1004999,            "1万元" },
    { 1005000,            "1.01万元" },
    { 9999994999,         "9999.99万元" },
    { 9999995000,         "1亿元" },               /* rounds up to 10000万 */
    { 10000000000,        "1亿元" },
    { 12000000000,        "1.2亿元" },
    { 15000000000,        "1.5亿元" },
    { 12345678900,        "1.23亿元" },
    { -12000000000,       "-1.2亿元" },
    { OD_MONEY_MAX_FEN,   "100000亿元" },
  };
  g_autofree char *extreme = od_money_format_wan (G_MININT64);

  check_format_cases (od_money_format_wan, cases, G_N_ELEMENTS (cases));
  g_assert_true (g_str_has_prefix (extreme, "-"));
  g_assert_true (g_str_has_suffix (extreme, "亿元"));
}

static void
test_format_capitals (void)
{
  static const FormatCase cases[] = {
    { 0,                      "零元整" },
    { 1,                      "壹分" },
    { 5,                      "伍分" },
    { 50,                     "伍角整" },
    { 55,                     "伍角伍分" },
    { 100,                    "壹元整" },
    { 150,                    "壹元伍角整" },
    { 105,                    "壹元零伍分" },
    { 1000,                   "壹拾元整" },
    { 1030,                   "壹拾元零叁角整" },
    { 1900,                   "壹拾玖元整" },
    { 11000,                  "壹佰壹拾元整" },
    { 10005,                  "壹佰元零伍分" },
    { 100500,                 "壹仟零伍元整" },
    { 101000,                 "壹仟零壹拾元整" },
    { 168032,                 "壹仟陆佰捌拾元零叁角贰分" },
    { 3500000,                "叁万伍仟元整" },
    { -3500000,               "负叁万伍仟元整" },
    { 2050000,                "贰万零伍佰元整" },
    { 6000000,                "陆万元整" },
    { 10700053,               "壹拾万柒仟元零伍角叁分" },
    { 10000100,               "壹拾万零壹元整" },
    { 20000000,               "贰拾万元整" },
    { 10001000000,            "壹亿零壹万元整" },
    { 10000500000,            "壹亿零伍仟元整" },
    { 10000000100,            "壹亿零壹元整" },
    { 100000000000,           "壹拾亿元整" },
    { 100000100000,           "壹拾亿零壹仟元整" },
    { 105000000000,           "壹拾亿伍仟万元整" },
    { 100000000000000,        "壹万亿元整" },
    { 123450000000000,        "壹万贰仟叁佰肆拾伍亿元整" },
    { OD_MONEY_MAX_FEN,       "壹拾万亿元整" },
    { -1,                     "负壹分" },
  };
  g_autofree char *extreme = od_money_format_capitals (G_MININT64);

  check_format_cases (od_money_format_capitals, cases, G_N_ELEMENTS (cases));
  g_assert_true (g_str_has_prefix (extreme, "负"));
  g_assert_true (g_str_has_suffix (extreme, "捌分"));
}

/* --- parsing --- */

static void
test_parse_accepted (void)
{
  static const struct
  {
    const char *text;
    gint64      fen;
  } cases[] = {
    { "35000",               3500000 },
    { "35000.5",             3500050 },
    { "35000.50",            3500050 },
    { "35000.500",           3500050 },   /* trailing zeros add no precision */
    { "3.5万",               3500000 },
    { "3.5万元",             3500000 },
    { "3.123456万",          3123456 },
    { "1,000万",             1000000000 },
    { "35,000",              3500000 },
    { "35，000",             3500000 },
    { "1,234,567.89",        123456789 },
    { "¥35,000.00",          3500000 },
    { "￥35000",             3500000 },
    { "RMB 35000",           3500000 },
    { "rmb35000",            3500000 },
    { "35000元",             3500000 },
    { "35000 元",            3500000 },
    { "¥ 35000",             3500000 },
    { "  -¥35.00 ",          -3500 },
    { "¥-35",                -3500 },
    { "-35000",              -3500000 },
    { "　３．５万　",        3500000 },
    { "３５，０００．００",  3500000 },
    { "－５",                -500 },
    { "0.05",                5 },
    { "０．０５",            5 },
    { "-0",                  0 },
    { "0",                   0 },
    { ".5",                  50 },
    { "5.",                  500 },
    { "007",                 700 },
    { "8,000.5元",           800050 },
    { "10000000000000",      OD_MONEY_MAX_FEN },
    { "10,000,000,000,000.00", OD_MONEY_MAX_FEN },
    { "1000000000万",        OD_MONEY_MAX_FEN },
    { "-10000000000000",     -OD_MONEY_MAX_FEN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = G_MININT64;

      g_test_message ("case %u", i);
      g_assert_true (od_money_parse (cases[i].text, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
test_parse_rejected (void)
{
  static const struct
  {
    const char  *text;
    OdMoneyError code;
  } cases[] = {
    { "",                          OD_MONEY_ERROR_EMPTY },
    { "   ",                       OD_MONEY_ERROR_EMPTY },
    { "　",                        OD_MONEY_ERROR_EMPTY },
    { "\t\n",                      OD_MONEY_ERROR_EMPTY },
    { "abc",                       OD_MONEY_ERROR_INVALID },
    { "1.2.3",                     OD_MONEY_ERROR_INVALID },
    { "--5",                       OD_MONEY_ERROR_INVALID },
    { "5-",                        OD_MONEY_ERROR_INVALID },
    { "-",                         OD_MONEY_ERROR_INVALID },
    { "¥",                         OD_MONEY_ERROR_INVALID },
    { "元",                        OD_MONEY_ERROR_INVALID },
    { ".",                         OD_MONEY_ERROR_INVALID },
    { ",",                         OD_MONEY_ERROR_INVALID },
    { "5元5",                      OD_MONEY_ERROR_INVALID },
    { "3.5万万",                   OD_MONEY_ERROR_INVALID },
    { "3.5亿",                     OD_MONEY_ERROR_INVALID },
    { "¥¥5",                       OD_MONEY_ERROR_INVALID },
    { "-¥-5",                      OD_MONEY_ERROR_INVALID },
    { "+5",                        OD_MONEY_ERROR_INVALID },
    { "5 000",                     OD_MONEY_ERROR_INVALID },
    { "1e5",                       OD_MONEY_ERROR_INVALID },
    { "0x10",                      OD_MONEY_ERROR_INVALID },
    { "NaN",                       OD_MONEY_ERROR_INVALID },
    { "5%",                        OD_MONEY_ERROR_INVALID },
    { "3,5000",                    OD_MONEY_ERROR_SEPARATOR },
    { ",350",                      OD_MONEY_ERROR_SEPARATOR },
    { "35,000,",                   OD_MONEY_ERROR_SEPARATOR },
    { "1,,000",                    OD_MONEY_ERROR_SEPARATOR },
    { "1234,567",                  OD_MONEY_ERROR_SEPARATOR },
    { "12,34",                     OD_MONEY_ERROR_SEPARATOR },
    { "1.000,5",                   OD_MONEY_ERROR_SEPARATOR },
    { "3，5000万",                 OD_MONEY_ERROR_SEPARATOR },
    { "35000.555",                 OD_MONEY_ERROR_PRECISION },
    { "0.001",                     OD_MONEY_ERROR_PRECISION },
    { "0.005",                     OD_MONEY_ERROR_PRECISION },
    { "3.1234567万",               OD_MONEY_ERROR_PRECISION },
    { "10000000000000.01",         OD_MONEY_ERROR_RANGE },
    { "10000000000001",            OD_MONEY_ERROR_RANGE },
    { "-10000000000000.01",        OD_MONEY_ERROR_RANGE },
    { "1000000001万",              OD_MONEY_ERROR_RANGE },
    { "1000000000.000001万",       OD_MONEY_ERROR_RANGE },
    { "99999999999999999999999999", OD_MONEY_ERROR_RANGE },
    { "184467440737095516160000",  OD_MONEY_ERROR_RANGE },   /* 2^64 × 10^4 */
    { "9223372036854775807万",     OD_MONEY_ERROR_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 fen = 42;

      g_test_message ("case %u", i);
      g_assert_false (od_money_parse (cases[i].text, &fen, &error));
      g_assert_error (error, OD_MONEY_ERROR, (int) cases[i].code);
      g_assert_cmpint (fen, ==, 42);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) separator = NULL;
  g_autoptr(GError) precision = NULL;
  g_autoptr(GError) range = NULL;
  gint64 fen;

  /* the message names the text as typed, spaces trimmed */
  g_assert_false (od_money_parse ("  abc ", &fen, &invalid));
  g_assert_nonnull (strstr (invalid->message, "“abc”"));
  g_assert_nonnull (strstr (invalid->message, "3.5万"));

  g_assert_false (od_money_parse ("３，５０００", &fen, &separator));
  g_assert_nonnull (strstr (separator->message, "“３，５０００”"));

  g_assert_false (od_money_parse ("0.001", &fen, &precision));
  g_assert_nonnull (strstr (precision->message, "“0.001”"));

  g_assert_false (od_money_parse ("99999999999999999999", &fen, &range));
  g_assert_nonnull (strstr (range->message, "“99999999999999999999”"));
}

static void
test_round_trip (void)
{
  g_autoptr(GArray) amounts = sample_amounts ();
  guint n_wan_exact = 0;

  for (guint i = 0; i < amounts->len; i++)
    {
      gint64 fen = g_array_index (amounts, gint64, i);
      g_autofree char *text = od_money_format (fen);
      g_autofree char *wan = od_money_format_wan (fen);
      g_autoptr(GError) error = NULL;
      gint64 parsed = G_MININT64;
      guint64 abs_fen = fen < 0 ? (guint64) -fen : (guint64) fen;

      if (!od_money_parse (text, &parsed, &error))
        g_error ("%s: %s", text, error->message);
      g_assert_cmpint (parsed, ==, fen);

      /* the 万 form is exact below 1万 yuan and for whole hundreds of yuan
       * below 1亿; it parses back there */
      if (abs_fen < 1000000 || (abs_fen < G_GINT64_CONSTANT (10000000000) && abs_fen % 10000 == 0))
        {
          if (!od_money_parse (wan, &parsed, &error))
            g_error ("%s: %s", wan, error->message);
          g_assert_cmpint (parsed, ==, fen);
          n_wan_exact++;
        }
    }

  /* the sample really exercised both forms */
  g_assert_cmpuint (amounts->len, >, 3000);
  g_assert_cmpuint (n_wan_exact, >, 100);
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (OD_MONEY_ERROR), ==, "od-money-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format-wan", test_format_wan);
  g_test_add_func ("/money/format-capitals", test_format_capitals);
  g_test_add_func ("/money/parse/accepted", test_parse_accepted);
  g_test_add_func ("/money/parse/rejected", test_parse_rejected);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/error-quark", test_error_quark);

  return g_test_run ();
}
