/* od-validate.c — unified social credit codes and resident ID numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both validators first normalize what was typed or pasted (spaces, dashes,
 * full-width forms, lower case), then check in a fixed order — empty, length,
 * characters, date (ID numbers), check character — so the user is told about
 * the first thing to fix. A wrong check character is reported with the
 * expected one: real registries hold codes that fail the check, and the
 * caller lets the user keep such a code with a reason (DESIGN.md §2).
 */

#define G_LOG_DOMAIN "orgdesk-validate"

#include <string.h>

#include <glib/gi18n.h>

#include "od-validate.h"

#define CODE_LENGTH 18

/* Room for CODE_LENGTH characters of up to 4 bytes, so the first offending
 * character of an 18-character code can always be located. */
#define SCRATCH_SIZE (CODE_LENGTH * 4 + 1)

/* GB 32100-2015: the 31 characters of a unified social credit code; the
 * value of a character is its index. I, O, Z, S and V are left out because
 * they are easily mistaken for 1, 0, 2, 5 and U. */
static const char credit_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100-2015: W_i = 3^(i-1) mod 31 for positions 1–17. */
static const guint credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

/* GB 11714-1997: weights of the organization code (positions 9–16 of the
 * credit code), whose check character is position 17. */
static const guint org_code_weights[8] = {
  3, 7, 9, 10, 5, 8, 4, 2,
};

/* GB 11643-1999: weights of positions 1–17 of a resident ID number, and the
 * check character indexed by the weighted sum mod 11. */
static const guint id_weights[17] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};
static const char id_check_chars[] = "10X98765432";

/* --- helpers --- */

static gboolean
is_code_space (gunichar ch)
{
  /* U+00A0 arrives with text copied from web pages, U+3000 from Chinese
   * input methods; neither is part of a code. */
  return (ch < 0x80 && g_ascii_isspace ((char) ch)) || ch == 0x00A0 || ch == 0x3000;
}

static int
credit_value (char ch)
{
  const char *p;

  if (ch == '\0')
    return -1;

  p = strchr (credit_charset, ch);

  return p != NULL ? (int) (p - credit_charset) : -1;
}

/* GB 11714: digits are worth 0–9, letters A–Z 10–35. */
static int
org_code_value (char ch)
{
  if (g_ascii_isdigit (ch))
    return ch - '0';
  if (ch >= 'A' && ch <= 'Z')
    return ch - 'A' + 10;
  return -1;
}

/* The value of @n_digits ASCII digits at @digits. */
static guint
digits_value (const char *digits,
              guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint) (digits[i] - '0');

  return value;
}

static char
compute_credit_check (const char *code)
{
  guint sum = 0;
  guint check;

  for (guint i = 0; i < 17; i++)
    sum += (guint) credit_value (code[i]) * credit_weights[i];

  /* GB 32100-2015: C18 = 31 − (Σ Ci·Wi mod 31), and 31 is written 0. */
  check = 31 - sum % 31;
  if (check == 31)
    check = 0;

  return credit_charset[check];
}

static char
compute_org_code_check (const char *org_code)
{
  guint sum = 0;
  guint check;

  for (guint i = 0; i < 8; i++)
    sum += (guint) org_code_value (org_code[i]) * org_code_weights[i];

  /* GB 11714-1997: C9 = 11 − (Σ Ci·Wi mod 11); 10 is written X, 11 is 0. */
  check = 11 - sum % 11;
  if (check == 10)
    return 'X';
  if (check == 11)
    return '0';

  return (char) ('0' + check);
}

static char
compute_id_check (const char *id_number)
{
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (guint) (id_number[i] - '0') * id_weights[i];

  return id_check_chars[sum % 11];
}

static OdOrganizationType
org_type_from_code (char department,
                    char type)
{
  /* GB 32100-2015: for the civil-affairs department (5) the
   * second character is the kind of organization. */
  if (department != '5')
    return OD_ORGANIZATION_TYPE_UNKNOWN;

  switch (type)
    {
    case '1':
      return OD_ORGANIZATION_TYPE_SOCIAL_GROUP;
    case '2':
      return OD_ORGANIZATION_TYPE_SOCIAL_SERVICE;
    case '3':
      return OD_ORGANIZATION_TYPE_FOUNDATION;
    case '9':
      return OD_ORGANIZATION_TYPE_OTHER;
    default:
      return OD_ORGANIZATION_TYPE_UNKNOWN;
    }
}

/* Normalizes @code into @scratch and fills the fields common to both kinds
 * of code. Returns FALSE when the status is already decided (empty or the
 * wrong length). */
static gboolean
begin_result (const char   *code,
              char          scratch[SCRATCH_SIZE],
              OdCodeResult *result)
{
  memset (result, 0, sizeof *result);
  result->status = OD_CODE_VALID;
  result->org_type = OD_ORGANIZATION_TYPE_UNKNOWN;

  od_normalize_code (code, scratch, SCRATCH_SIZE, &result->length);

  /* normalized is documented as "" when the text does not fit, rather
   * than a truncated code that a caller might store. */
  if (result->length <= CODE_LENGTH && strlen (scratch) < sizeof result->normalized)
    g_strlcpy (result->normalized, scratch, sizeof result->normalized);

  if (result->length == 0)
    {
      result->status = OD_CODE_EMPTY;
      return FALSE;
    }

  if (result->length != CODE_LENGTH)
    {
      result->status = OD_CODE_BAD_LENGTH;
      return FALSE;
    }

  return TRUE;
}

/* Returns the 18th character of an 18-character @scratch, or '\0' when it
 * is not ASCII. */
static char
last_ascii_char (const char *scratch)
{
  const char *last = g_utf8_offset_to_pointer (scratch, CODE_LENGTH - 1);

  return (guchar) *last < 0x80 ? *last : '\0';
}

/* The character at 1-based @position of @normalized, as a new string, or
 * NULL when it cannot be shown (not stored, or not printable). */
static char *
char_at_position (const char *normalized,
                  guint       position)
{
  const char *p;
  gunichar ch;

  if (position == 0 || !g_utf8_validate (normalized, -1, NULL)
      || (glong) position > g_utf8_strlen (normalized, -1))
    return NULL;

  p = g_utf8_offset_to_pointer (normalized, position - 1);
  ch = g_utf8_get_char (p);
  if (!g_unichar_isgraph (ch))
    return NULL;

  return g_strndup (p, g_utf8_next_char (p) - p);
}

static char *
describe_empty (gboolean is_id_number)
{
  if (is_id_number)
    return g_strdup (_("No ID number was entered. Type the 18 characters from the ID card."));

  return g_strdup (_("No unified social credit code was entered. Type the 18 characters "
                     "from the registration certificate."));
}

static char *
describe_length (const OdCodeResult *result,
                 gboolean            is_id_number)
{
  if (is_id_number)
    {
      /* First-generation ID cards (before 1999) carried 15 digits. */
      if (result->length == 15)
        return g_strdup_printf (_("A resident ID number has 18 characters; this one has %u. "
                                  "15-digit numbers come from old first-generation ID cards: "
                                  "type the 18-character number from the current card."),
                                result->length);

      return g_strdup_printf (_("A resident ID number has 18 characters; this one has %u. "
                                "Check for a missing or repeated digit."),
                              result->length);
    }

  return g_strdup_printf (_("A unified social credit code has 18 characters; this one has %u. "
                            "Check for a missing or repeated character."),
                          result->length);
}

static char *
describe_bad_char (const OdCodeResult *result,
                   gboolean            is_id_number)
{
  g_autofree char *shown = char_at_position (result->normalized, result->position);

  if (is_id_number && shown != NULL)
    {
      /* Translators: %u is a position (1–18), %s the character found there */
      return g_strdup_printf (_("Character %u, “%s”, cannot occur there: a resident ID number "
                                "has 17 digits followed by a digit or X."),
                              result->position, shown);
    }

  if (is_id_number)
    {
      /* Translators: %u is a position (1–18) */
      return g_strdup_printf (_("Character %u cannot occur there: a resident ID number "
                                "has 17 digits followed by a digit or X."),
                              result->position);
    }

  if (shown != NULL)
    {
      /* Translators: %u is a position (1–18), %s the character found there.
       * The letters are the Latin letters left out of credit codes because
       * they look like 1, 0, 2, 5 and U. */
      return g_strdup_printf (_("Character %u, “%s”, cannot occur in a unified social credit "
                                "code. These codes use only digits and capital letters, and the "
                                "letters I, O, Z, S and V never occur: check whether it is 1, 0, "
                                "2, 5 or U."),
                              result->position, shown);
    }

  /* Translators: %u is a position (1–18). The letters are the Latin letters
   * left out of credit codes because they look like 1, 0, 2, 5 and U. */
  return g_strdup_printf (_("Character %u cannot occur in a unified social credit code. "
                            "These codes use only digits and capital letters, and the letters "
                            "I, O, Z, S and V never occur: check whether it is 1, 0, 2, 5 or U."),
                          result->position);
}

static char *
describe_bad_date (const OdCodeResult *result)
{
  const char *digits = result->normalized + 6;
  g_autofree char *shown = NULL;
  guint year, month, day;

  if (strlen (result->normalized) != CODE_LENGTH)
    return g_strdup (_("Positions 7–14 of the ID number are not a real date of birth. "
                       "Check the number against the ID card."));

  year = digits_value (digits, 4);
  month = digits_value (digits + 4, 2);
  day = digits_value (digits + 6, 2);

  /* Shown as the digits were typed, so a month 13 or day 00 stays visible. */
  shown = g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);

  if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) && year >= 1900)
    {
      /* Translators: %s is a date such as 2099-12-31 */
      return g_strdup_printf (_("The date of birth in positions 7–14, %s, is in the future. "
                                "Check the number against the ID card."),
                              shown);
    }

  if (year < 1900)
    {
      /* Translators: %s is a date such as 1899-12-31 */
      return g_strdup_printf (_("The date of birth in positions 7–14, %s, is before 1900. "
                                "Check the number against the ID card."),
                              shown);
    }

  /* Translators: %s is what was found where a date belongs, such as 1990-02-30 */
  return g_strdup_printf (_("The date of birth in positions 7–14, %s, is not a real date. "
                            "Check the number against the ID card."),
                          shown);
}

static char *
describe_bad_check (const OdCodeResult *result,
                    gboolean            is_id_number)
{
  if (is_id_number)
    {
      /* Translators: the first %c is the expected check character, the second the one found */
      return g_strdup_printf (_("The check character should be “%c”, not “%c”. "
                                "Check the number against the ID card: one of the other "
                                "characters is probably mistyped."),
                              result->expected_check, result->found_check);
    }

  /* Translators: the first %c is the expected check character, the second the one found */
  return g_strdup_printf (_("The check character should be “%c”, not “%c”. "
                            "Check the code against the certificate; if the certificate really "
                            "shows this code, you can keep it and note why."),
                          result->expected_check, result->found_check);
}

static char *
describe_valid_credit_code (const OdCodeResult *result)
{
  GString *text = g_string_new (NULL);

  /* Translators: the first %s is an organization type such as “Social
   * group”, the second a six-digit area code (GB/T 2260) such as 610302 */
  g_string_append_printf (text, _("Valid unified social credit code. Type: %s; area code: %s."),
                          od_organization_type_to_string (result->org_type), result->area_code);

  if (result->department != '5')
    {
      g_string_append_c (text, ' ');
      /* Translators: %c is the first character of the code. Social
       * organizations are registered by civil affairs (民政), code 5. */
      g_string_append_printf (text, _("Position 1 is “%c”, so it was not registered by "
                                      "civil affairs (5): check that this is a social "
                                      "organization."),
                              result->department);
    }

  if (!result->inner_check_ok)
    {
      g_string_append_c (text, ' ');
      /* Translators: positions 9–17 are the old organization code (组织机构代码),
       * which has a check character of its own. The first %c is the expected
       * 17th character, the second the one found. */
      g_string_append_printf (text, _("Note: by the organization-code rule (GB 11714) the 17th "
                                      "character would be “%c”, not “%c”. Many older codes "
                                      "are like this, so the code is accepted."),
                              result->inner_expected, result->normalized[16]);
    }

  return g_string_free (text, FALSE);
}

/* --- public API --- */

/**
 * od_normalize_code:
 * @text: (nullable): a code as typed or pasted
 * @out: buffer for the normalized code
 * @out_size: size of @out in bytes
 * @n_chars: (out) (optional): number of characters found
 *
 * Removes ASCII white space, no-break and ideographic spaces (U+3000) and
 * '-' (also full-width), folds full-width ASCII (U+FF01–U+FF5E) and upper-cases ASCII
 * letters. At most @out_size − 1 bytes are written, never a partial
 * character, and @out is always terminated; @n_chars counts every character
 * found, including those that did not fit. Invalid UTF-8 bytes become U+FFFD
 * so they are reported as bad characters.
 */
void
od_normalize_code (const char *text,
                   char       *out,
                   gsize       out_size,
                   guint      *n_chars)
{
  const char *p = text != NULL ? text : "";
  gsize used = 0;
  gboolean full = FALSE;
  guint count = 0;

  g_return_if_fail (out != NULL || out_size == 0);

  while (*p != '\0')
    {
      gunichar ch = g_utf8_get_char_validated (p, -1);
      char buf[6];
      gsize len;

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          ch = 0xFFFD;
          p++;
        }
      else
        {
          p = g_utf8_next_char (p);
        }

      /* Full-width forms are what Chinese input methods produce for ASCII. */
      if (ch >= 0xFF01 && ch <= 0xFF5E)
        ch = ch - 0xFF01 + 0x21;

      if (is_code_space (ch) || ch == '-')
        continue;

      if (ch < 0x80)
        ch = (gunichar) g_ascii_toupper ((char) ch);

      count++;

      if (full)
        continue;

      len = (gsize) g_unichar_to_utf8 (ch, buf);
      if (used + len >= out_size)
        {
          /* Stop at the first character that does not fit, so @out is
           * always a prefix of the normalized text. */
          full = TRUE;
          continue;
        }

      memcpy (out + used, buf, len);
      used += len;
    }

  if (out_size > 0)
    out[used] = '\0';

  if (n_chars != NULL)
    *n_chars = count;
}

/**
 * od_validate_credit_code:
 * @code: (nullable): a unified social credit code as typed
 * @result: (out caller-allocates) (optional): what was found
 *
 * Checks @code against GB 32100-2015. A code whose organization-code part
 * fails its own check (GB 11714) is still valid; @result notes it.
 *
 * Returns: %TRUE if the status is %OD_CODE_VALID
 */
gboolean
od_validate_credit_code (const char   *code,
                         OdCodeResult *result)
{
  char scratch[SCRATCH_SIZE];
  OdCodeResult local;
  guint i;

  if (result == NULL)
    result = &local;

  if (!begin_result (code, scratch, result))
    return FALSE;

  result->found_check = last_ascii_char (scratch);

  /* Walk by character, not byte, so the position is what the user counts. */
  i = 0;
  for (const char *p = scratch; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if ((guchar) *p >= 0x80 || credit_value (*p) < 0)
        {
          result->status = OD_CODE_BAD_CHAR;
          result->position = i + 1;
          break;
        }
    }

  if (result->status == OD_CODE_BAD_CHAR)
    {
      /* The check is still computable when only position 18 is wrong. */
      if (result->position == CODE_LENGTH)
        result->expected_check = compute_credit_check (scratch);
      return FALSE;
    }

  /* All 18 characters are ASCII from here on. */
  result->expected_check = compute_credit_check (scratch);
  result->department = scratch[0];
  result->org_type = org_type_from_code (scratch[0], scratch[1]);
  memcpy (result->area_code, scratch + 2, 6);
  result->area_code[6] = '\0';
  result->inner_expected = compute_org_code_check (scratch + 8);
  result->inner_check_ok = result->inner_expected == scratch[16];

  if (result->expected_check != result->found_check)
    {
      result->status = OD_CODE_BAD_CHECK;
      return FALSE;
    }

  return TRUE;
}

/**
 * od_validate_id_number:
 * @id_number: (nullable): a resident ID number as typed
 * @result: (out caller-allocates) (optional): what was found
 *
 * Checks @id_number against GB 11643-1999: 17 digits, a real date of birth
 * in positions 7–14 (from 1900 up to today), and the check character.
 *
 * Returns: %TRUE if the status is %OD_CODE_VALID
 */
gboolean
od_validate_id_number (const char   *id_number,
                       OdCodeResult *result)
{
  char scratch[SCRATCH_SIZE];
  OdCodeResult local;
  g_autoptr(GDateTime) now = NULL;
  GDate birth;
  GDate today;
  guint year, month, day;
  guint i;

  if (result == NULL)
    result = &local;

  if (!begin_result (id_number, scratch, result))
    return FALSE;

  result->found_check = last_ascii_char (scratch);

  i = 0;
  for (const char *p = scratch; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gboolean ok = g_ascii_isdigit (*p) || (i == CODE_LENGTH - 1 && *p == 'X');

      if (!ok)
        {
          result->status = OD_CODE_BAD_CHAR;
          result->position = i + 1;
          break;
        }
    }

  if (result->status == OD_CODE_BAD_CHAR && result->position < CODE_LENGTH)
    return FALSE;

  /* The first 17 characters are digits from here on. */
  result->expected_check = compute_id_check (scratch);
  memcpy (result->area_code, scratch, 6);
  result->area_code[6] = '\0';
  result->male = (scratch[16] - '0') % 2 == 1;

  if (result->status == OD_CODE_BAD_CHAR)
    return FALSE;

  year = digits_value (scratch + 6, 4);
  month = digits_value (scratch + 10, 2);
  day = digits_value (scratch + 12, 2);

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  /* GB 11643-1999: positions 7–14 are the date of birth, YYYYMMDD. */
  if (year < 1900
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      result->status = OD_CODE_BAD_DATE;
      return FALSE;
    }

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_compare (&birth, &today) > 0)
    {
      result->status = OD_CODE_BAD_DATE;
      return FALSE;
    }

  result->birth_year = year;
  result->birth_month = month;
  result->birth_day = day;

  if (result->expected_check != result->found_check)
    {
      result->status = OD_CODE_BAD_CHECK;
      return FALSE;
    }

  return TRUE;
}

/**
 * od_code_result_describe:
 * @result: a result from od_validate_credit_code() or od_validate_id_number()
 * @is_id_number: whether @result is about a resident ID number
 *
 * Returns: (transfer full): a translated sentence saying what is wrong and
 *   what to do, or what the code tells when it is valid. A valid ID number
 *   is described without its birth date, since the text may be shown where
 *   the number itself is masked.
 */
char *
od_code_result_describe (const OdCodeResult *result,
                         gboolean            is_id_number)
{
  g_return_val_if_fail (result != NULL, NULL);

  switch (result->status)
    {
    case OD_CODE_EMPTY:
      return describe_empty (is_id_number);

    case OD_CODE_BAD_LENGTH:
      return describe_length (result, is_id_number);

    case OD_CODE_BAD_CHAR:
      return describe_bad_char (result, is_id_number);

    case OD_CODE_BAD_DATE:
      return describe_bad_date (result);

    case OD_CODE_BAD_CHECK:
      return describe_bad_check (result, is_id_number);

    case OD_CODE_VALID:
      if (is_id_number)
        return g_strdup (_("Valid resident ID number."));
      return describe_valid_credit_code (result);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * od_id_number_mask:
 * @id_number: (nullable): an ID number as stored
 *
 * Hides the date of birth, which is personal data:
 * "610302199001011234" becomes "610302********1234". Text of 11 characters
 * or more keeps its first 6 and last 4; shorter text keeps only its last
 * character, since 6 + 4 would reveal most of it.
 *
 * Returns: (transfer full) (nullable): the masked text, or %NULL for %NULL
 */
char *
od_id_number_mask (const char *id_number)
{
  g_autofree char *valid = NULL;
  GString *masked;
  glong n_chars;
  glong keep_head, keep_tail;
  const char *p;

  if (id_number == NULL)
    return NULL;

  valid = g_utf8_make_valid (id_number, -1);
  n_chars = g_utf8_strlen (valid, -1);

  if (n_chars >= 11)
    {
      keep_head = 6;
      keep_tail = 4;
    }
  else
    {
      keep_head = 0;
      keep_tail = MIN (n_chars, 1);
    }

  masked = g_string_sized_new (strlen (valid));
  p = valid;
  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      if (i < keep_head || i >= n_chars - keep_tail)
        g_string_append_len (masked, p, g_utf8_next_char (p) - p);
      else
        g_string_append_c (masked, '*');
    }

  return g_string_free (masked, FALSE);
}
