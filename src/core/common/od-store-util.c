/* od-store-util.c — what every store does the same way: values read and
 * normalized, checked (phone, e-mail, date, choice key, control
 * characters), and the audit diff of a record described by its field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-store-util"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-json.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"

G_DEFINE_QUARK (od-store-error-quark, od_store_error)

gboolean
od_store_is_one_of (const char        *value,
                    const char *const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

char *
od_store_dup_column (OdStmt *stmt,
                     int     column)
{
  return od_stmt_column_is_null (stmt, column) ? NULL : g_strdup (od_stmt_get_text (stmt, column));
}

char *
od_store_dup_column_or_empty (OdStmt *stmt,
                              int     column)
{
  const char *text = od_stmt_get_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Replaces *FIELD by its normal form ("" for NULL): what a person sees,
 * without invisible characters or spaces at the ends (od-text.h). */
void
od_store_strip_field (char **field)
{
  char *value = od_text_normalize (*field);

  g_free (*field);
  *field = value;
}

/* Like od_store_strip_field(), and "" becomes NULL (dates, optional keys). */
void
od_store_strip_nullable_field (char **field)
{
  od_store_strip_field (field);
  if ((*field)[0] == '\0')
    g_clear_pointer (field, g_free);
}

void
od_store_default_field (char       **field,
                        const char  *value)
{
  if (*field == NULL || (*field)[0] == '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* od_normalize_code() into a buffer that always fits (a replaced invalid
 * byte grows to 3 bytes); "" becomes NULL. */
char *
od_store_normalize_code_or_null (const char *text)
{
  gsize size;
  char *out;

  if (text == NULL)
    return NULL;

  size = strlen (text) * 3 + 1;
  out = g_malloc (size);
  od_normalize_code (text, out, size, NULL);
  if (out[0] == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

static gboolean
all_digits (const char *text,
            gsize       min_len,
            gsize       max_len)
{
  gsize len = strlen (text);

  if (len < min_len || len > max_len)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A Chinese area code (区号): 0 and 2–3 digits. */
static gboolean
is_area_code (const char *text)
{
  return text[0] == '0' && all_digits (text, 3, 4);
}

/* Splits DIGITS (a landline typed without separators) after its area code:
 * 010 and 02x have 3 digits, all others 4 (GB/T 20858's numbering plan). */
static char *
split_landline (const char *digits)
{
  gsize area_len;

  if (digits[0] != '0' || digits[1] == '\0')
    return NULL;
  area_len = (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
  if (strlen (digits) <= area_len || !all_digits (digits + area_len, 7, 8))
    return NULL;
  return g_strdup_printf ("%.*s-%s", (int) area_len, digits, digits + area_len);
}

/* Normalizes a telephone number: an 11-digit mobile number starting with 1
 * ("13812345678"), or a landline with its area code and an optional
 * extension ("0917-3212345", "0917-3212345-123").  Spaces, dashes,
 * parentheses around the area code, full-width forms and a +86 / 0086
 * prefix are accepted.  Returns NULL when TEXT is neither. */
char *
od_store_normalize_phone (const char *text,
                          gboolean   *is_mobile)
{
  g_autoptr(GString) cleaned = g_string_new (NULL);
  g_auto(GStrv) raw_parts = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *p;

  *is_mobile = FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (c == 0x3000 || c == 0x00A0 || c == ' ' || c == '\t')
        continue;
      if (c == 0x2010 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212
          || c == '(' || c == ')')
        c = '-';
      if (c == '+' && cleaned->len == 0)
        {
          g_string_append_c (cleaned, '+');
          continue;
        }
      if (c != '-' && !(c < 0x80 && g_ascii_isdigit ((char) c)))
        return NULL;
      g_string_append_c (cleaned, (char) c);
    }

  p = cleaned->str;
  if (g_str_has_prefix (p, "+86"))
    p += 3;
  else if (g_str_has_prefix (p, "0086"))
    p += 4;
  if (*p == '+')
    return NULL;

  raw_parts = g_strsplit (p, "-", -1);
  for (guint i = 0; raw_parts[i] != NULL; i++)
    if (raw_parts[i][0] != '\0')
      g_ptr_array_add (parts, g_strdup (raw_parts[i]));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("", (char **) parts->pdata);
  g_ptr_array_set_size (parts, parts->len - 1);

  /* 138-1234-5678 and 138 1234 5678 are mobile numbers too. */
  if (joined[0] == '1' && all_digits (joined, 11, 11))
    {
      *is_mobile = TRUE;
      return g_steal_pointer (&joined);
    }

  switch (parts->len)
    {
    case 1:
      return split_landline (g_ptr_array_index (parts, 0));

    case 2:
      {
        const char *first = g_ptr_array_index (parts, 0);
        const char *second = g_ptr_array_index (parts, 1);
        g_autofree char *landline = NULL;

        if (is_area_code (first) && all_digits (second, 7, 8))
          return g_strdup_printf ("%s-%s", first, second);
        /* 09173212345-123: a number typed without its dash, then an extension */
        landline = split_landline (first);
        if (landline != NULL && all_digits (second, 1, 6))
          return g_strdup_printf ("%s-%s", landline, second);
        return NULL;
      }

    case 3:
      {
        const char *area = g_ptr_array_index (parts, 0);
        const char *number = g_ptr_array_index (parts, 1);
        const char *extension = g_ptr_array_index (parts, 2);

        if (is_area_code (area) && all_digits (number, 7, 8) && all_digits (extension, 1, 6))
          return g_strdup_printf ("%s-%s-%s", area, number, extension);
        return NULL;
      }

    default:
      return NULL;
    }
}

/* A rough address check: something@domain.tld without spaces. Mail servers
 * decide the rest; this catches a phone number or a name in the field. */
gboolean
od_store_looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Today in the local time zone, from od_db_now() so that demo data and
 * tests that pin the clock get the same answers.  Local, not UTC: in China
 * the UTC date is still yesterday until 08:00. */
void
od_store_get_today (OdDb  *db,
                    GDate *today)
{
  g_autofree char *now = od_db_now (db);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (now, NULL);
  g_autoptr(GDateTime) local = NULL;

  local = utc != NULL ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

typedef enum
{
  DATE_OK,
  DATE_NOT_ISO,
  DATE_NOT_REAL,
  DATE_FUTURE,
} DateCheck;

static DateCheck
check_date (const char  *text,
            const GDate *today)
{
  guint year, month, day;
  GDate date;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return DATE_NOT_ISO;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return DATE_NOT_ISO;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return DATE_NOT_REAL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (today != NULL && g_date_compare (&date, today) > 0)
    return DATE_FUTURE;
  return DATE_OK;
}

/* A control character (ESC, BEL, a line break in a name) cannot be shown or
 * printed: refused with a message, in every text field; notes may have
 * line breaks and tabs. */
gboolean
od_store_bind_ref (OdStmt  *stmt,
                   int      index,
                   gint64   id,
                   GError **error)
{
  return id != 0 ? od_stmt_bind_int64 (stmt, index, id, error)
                 : od_stmt_bind_null (stmt, index, error);
}

void
od_store_check_key (GPtrArray      *problems,
                    const char     *field,
                    const char     *value,
                    const OdChoice *choices,
                    gboolean        nullable)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *listed = NULL;

  if (value == NULL && nullable)
    return;
  if (od_choices_has_key (choices, value))
    return;

  for (const OdChoice *c = choices; c->key != NULL; c++)
    if (c->key[0] != '\0')
      g_ptr_array_add (keys, (gpointer) c->key);
  g_ptr_array_add (keys, NULL);
  listed = g_strjoinv (", ", (char **) keys->pdata);
  od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
               /* Translators: the first %s is a stored value, the second the
                * field name, the third the allowed values (English keys) */
               g_strdup_printf (_("“%s” is not a valid %s. Choose one of: %s."),
                                value != NULL ? value : "", field, listed));
}

void
od_store_check_date_field (GPtrArray   *problems,
                           const char  *field,
                           const char  *value,
                           const GDate *today)
{
  if (value == NULL)
    return;

  switch (check_date (value, today))
    {
    case DATE_OK:
      return;
    case DATE_NOT_ISO:
      od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                   /* Translators: %s is what was typed as a date */
                   g_strdup_printf (_("“%s” is not a date. Type it as year-month-day, "
                                      "e.g. 2017-10-19."), value));
      return;
    case DATE_NOT_REAL:
      od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                   /* Translators: %s is a date such as 2017-02-30 */
                   g_strdup_printf (_("%s is not a real date. Check the month and the day; "
                                      "years start at 1900."), value));
      return;
    case DATE_FUTURE:
      od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                   /* Translators: %s is a date such as 2099-01-01 */
                   g_strdup_printf (_("%s is in the future. Type the date on which it "
                                      "happened."), value));
      return;
    default:
      g_assert_not_reached ();
    }
}

gboolean
od_store_check_ref_exists (OdDb        *db,
                           const char  *sql,
                           gint64       id,
                           gboolean    *exists,
                           GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  gint64 found = 0;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error) || !od_stmt_step_int64 (stmt, &found, error))
    return FALSE;
  *exists = found != 0;
  return TRUE;
}


gboolean
od_store_find_other (OdDb        *db,
                     const char  *sql,
                     const char  *value,
                     const char  *value2,
                     gint64       except_id,
                     gint64      *other_id,
                     char       **other_name,
                     GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  *other_id = 0;
  if (other_name != NULL)
    *other_name = NULL;
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, value, error)
      || (value2 != NULL && !od_stmt_bind_text (stmt, 2, value2, error))
      || !od_stmt_bind_int64 (stmt, 3, except_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      *other_id = od_stmt_get_int64 (stmt, 0);
      if (other_name != NULL)
        *other_name = g_strdup (od_stmt_get_text (stmt, 1));
      return TRUE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
od_store_lookup_unique (OdDb        *db,
                        const char  *sql,
                        const char  *text,
                        gint64      *id,
                        gint64      *n_found,
                        GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  OdStep step;

  *id = 0;
  *n_found = 0;
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, text, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    if (++*n_found == 1)
      *id = od_stmt_get_int64 (stmt, 0);
  if (*n_found != 1)
    *id = 0;
  return step == OD_STEP_DONE;
}

gboolean
od_store_query_row (OdDb          *db,
                    const char    *sql,
                    const gint64  *values,
                    guint          n_values,
                    gint64        *result,
                    char         **text,
                    GError       **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  guint n_params;

  *result = 0;
  if (text != NULL)
    *text = NULL;
  if (stmt == NULL)
    return FALSE;
  n_params = MIN (n_values, (guint) od_stmt_get_n_params (stmt));
  for (guint i = 0; i < n_params; i++)
    if (!od_stmt_bind_int64 (stmt, (int) i + 1, values[i], error))
      return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      *result = od_stmt_get_int64 (stmt, 0);
      if (text != NULL)
        *text = g_strdup (od_stmt_get_text (stmt, 1));
      return TRUE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}
