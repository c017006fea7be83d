/* od-stats.c — the headline figures of every domain, gathered in one tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one source of `orgdesk-cli stats`, the overview and the reports
 * (DESIGN.md §3): each domain computes its figures in its own *-stats.c and
 * is its OdDomain's stats (od-domains.c). See od-stats.h for the tree.
 */
#define G_LOG_DOMAIN "orgdesk-stats"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "od-db.h"
#include "od-json.h"
#include "od-stats.h"

#include "od-domains.h"

/* --- helpers --- */

/* The current year in the local time zone, from od_db_now() so that tests
 * that pin the clock get the same answer (as od-registry-store's today). */
static int
current_year (OdDb *db)
{
  g_autofree char *now = od_db_now (db);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (now, NULL);
  g_autoptr(GDateTime) local = NULL;

  local = utc != NULL ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
  return g_date_time_get_year (local);
}

/* Rates are rounded to 4 decimals when added (od_stats_add_rate()), so 4
 * decimals print them exactly; trailing zeros are dropped (0.5, 0, 1). */
static void
append_json_double (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.4f", value);
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  g_string_append (out, g_str_equal (buffer, "-0") ? "0" : buffer);
}

static void
append_json_newline (GString  *out,
                     gboolean  pretty,
                     guint     depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* The JSON of VALUE, laid out as OdJsonWriter lays out its own (so that
 * `info --json` and `stats --json` look alike). OdJsonWriter itself has no
 * way to write a fractional number, which the rates are. */
static void
append_json (GString  *out,
             GVariant *value,
             gboolean  pretty,
             guint     depth)
{
  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_VARIANT:
      {
        g_autoptr(GVariant) inner = g_variant_get_variant (value);

        append_json (out, inner, pretty, depth);
      }
      break;
    case G_VARIANT_CLASS_MAYBE:
      {
        g_autoptr(GVariant) inner = g_variant_get_maybe (value);

        if (inner == NULL)
          g_string_append (out, "null");
        else
          append_json (out, inner, pretty, depth);
      }
      break;
    case G_VARIANT_CLASS_BOOLEAN:
      g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
      break;
    case G_VARIANT_CLASS_BYTE:
      g_string_append_printf (out, "%u", (guint) g_variant_get_byte (value));
      break;
    case G_VARIANT_CLASS_INT16:
      g_string_append_printf (out, "%d", (int) g_variant_get_int16 (value));
      break;
    case G_VARIANT_CLASS_UINT16:
      g_string_append_printf (out, "%u", (guint) g_variant_get_uint16 (value));
      break;
    case G_VARIANT_CLASS_INT32:
      g_string_append_printf (out, "%" G_GINT32_FORMAT, g_variant_get_int32 (value));
      break;
    case G_VARIANT_CLASS_UINT32:
      g_string_append_printf (out, "%" G_GUINT32_FORMAT, g_variant_get_uint32 (value));
      break;
    case G_VARIANT_CLASS_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
      break;
    case G_VARIANT_CLASS_UINT64:
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
      break;
    case G_VARIANT_CLASS_HANDLE:
      g_string_append_printf (out, "%" G_GINT32_FORMAT, g_variant_get_handle (value));
      break;
    case G_VARIANT_CLASS_DOUBLE:
      append_json_double (out, g_variant_get_double (value));
      break;
    case G_VARIANT_CLASS_STRING:
    case G_VARIANT_CLASS_OBJECT_PATH:
    case G_VARIANT_CLASS_SIGNATURE:
      od_json_append_escaped (out, g_variant_get_string (value, NULL));
      break;
    case G_VARIANT_CLASS_ARRAY:
    case G_VARIANT_CLASS_TUPLE:
    case G_VARIANT_CLASS_DICT_ENTRY:
    default:
      {
        /* A dictionary with string keys is an object, anything else a list. */
        gboolean object = g_variant_is_of_type (value, G_VARIANT_TYPE ("a{s*}"));
        gsize n = g_variant_n_children (value);

        g_string_append_c (out, object ? '{' : '[');
        for (gsize i = 0; i < n; i++)
          {
            g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

            if (i > 0)
              g_string_append_c (out, ',');
            append_json_newline (out, pretty, depth + 1);
            if (object)
              {
                g_autoptr(GVariant) key = g_variant_get_child_value (child, 0);
                g_autoptr(GVariant) member = g_variant_get_child_value (child, 1);

                od_json_append_escaped (out, g_variant_get_string (key, NULL));
                g_string_append (out, pretty ? ": " : ":");
                append_json (out, member, pretty, depth + 1);
              }
            else
              append_json (out, child, pretty, depth + 1);
          }
        if (n > 0)
          append_json_newline (out, pretty, depth);
        g_string_append_c (out, object ? '}' : ']');
      }
      break;
    }
}

/* --- public API --- */

/**
 * od_stats_gather:
 * @year: the year whose end the figures describe, or 0 for the current state
 *
 * Returns: (transfer full): the figures of every domain (see od-stats.h),
 *   or %NULL with @error set when a query fails.
 */
GVariant *
od_stats_gather (OdDb    *db,
                 int      year,
                 GError **error)
{
  g_auto(GVariantBuilder) stats = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  const OdDomain *const *domains;
  guint n_domains;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (year == 0 || (year >= OD_STATS_YEAR_MIN && year <= OD_STATS_YEAR_MAX),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_variant_builder_add (&stats, "{sv}", "year",
                         g_variant_new_int32 (year != 0 ? year : current_year (db)));
  domains = od_domains_list (&n_domains);
  for (guint i = 0; i < n_domains; i++)
    {
      const OdStatsDomain *domain = domains[i]->stats;
      g_auto(GVariantBuilder) figures = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      if (domain == NULL)
        continue;
      if (!domain->gather (db, year, &figures, error))
        return NULL;
      g_variant_builder_add (&stats, "{sv}", domain->key, g_variant_builder_end (&figures));
    }
  return g_variant_ref_sink (g_variant_builder_end (&stats));
}

/* Returns: (transfer full): STATS as JSON, ending in a newline when PRETTY. */
char *
od_stats_to_json (GVariant *stats,
                  gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (stats != NULL, NULL);

  append_json (out, stats, pretty, 0);
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): every domain's figures in words, a few
 * translated lines each. */
char *
od_stats_describe (GVariant *stats)
{
  GString *out = g_string_new (NULL);
  guint n_domains;
  const OdDomain *const *domains = od_domains_list (&n_domains);

  g_return_val_if_fail (stats != NULL, NULL);

  for (guint i = 0; i < n_domains; i++)
    {
      const OdStatsDomain *domain = domains[i]->stats;
      g_autoptr(GVariant) figures = NULL;

      if (domain == NULL || domain->describe == NULL)
        continue;
      figures = od_stats_lookup (stats, domain->key);
      if (figures != NULL)
        domain->describe (figures, out);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full) (nullable): the value at PATH, e.g.
 * "organizations.by_type.foundation", or %NULL when there is none. */
GVariant *
od_stats_lookup (GVariant   *stats,
                 const char *path)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (stats != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  names = g_strsplit (path, ".", -1);
  value = g_variant_ref (stats);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GVariant *next;

      if (!g_variant_is_of_type (value, G_VARIANT_TYPE_VARDICT))
        return NULL;
      next = g_variant_lookup_value (value, names[i], NULL);
      if (next == NULL)
        return NULL;
      g_variant_unref (value);
      value = next;
    }
  return g_steal_pointer (&value);
}

/* The count at PATH, or -1 when there is none. */
gint64
od_stats_lookup_int (GVariant   *stats,
                     const char *path)
{
  g_autoptr(GVariant) value = od_stats_lookup (stats, path);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_variant_get_int32 (value);
  return -1;
}

/* The rate at PATH (a count is given as a double too), or -1.0 when there
 * is none. */
double
od_stats_lookup_double (GVariant   *stats,
                        const char *path)
{
  g_autoptr(GVariant) value = od_stats_lookup (stats, path);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_variant_get_double (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return (double) g_variant_get_int64 (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_variant_get_int32 (value);
  return -1.0;
}

/* Returns: (transfer full) (nullable): "YEAR-12-31", the last day the
 * figures of YEAR describe, as stored dates are written (ISO-8601, so
 * that text comparison is date order); %NULL for year 0 (today). */
char *
od_stats_year_end (int year)
{
  return year != 0 ? g_strdup_printf ("%04d-12-31", year) : NULL;
}

void
od_stats_add_int (GVariantBuilder *figures,
                  const char      *key,
                  gint64           value)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (key != NULL);

  g_variant_builder_add (figures, "{sv}", key, g_variant_new_int64 (value));
}

/* PART ÷ WHOLE between 0 and 1, rounded half up to 4 decimals (0.4512) in
 * integers, so that the same counts always give the same number; 0 when
 * WHOLE is 0 (no active organizations: nothing to cover). */
void
od_stats_add_rate (GVariantBuilder *figures,
                   const char      *key,
                   gint64           part,
                   gint64           whole)
{
  gint64 ten_thousandths = 0;

  g_return_if_fail (figures != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (part >= 0 && whole >= 0);

  if (whole > 0)
    ten_thousandths = (part * 20000 + whole) / (2 * whole);
  g_variant_builder_add (figures, "{sv}", key,
                         g_variant_new_double ((double) ten_thousandths / 10000.0));
}

/* ISO_DATE may be NULL (no such date, e.g. no session yet): JSON null. */
void
od_stats_add_date (GVariantBuilder *figures,
                   const char      *key,
                   const char      *iso_date)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (key != NULL);

  g_variant_builder_add (figures, "{sv}", key,
                         g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                              iso_date != NULL ? g_variant_new_string (iso_date)
                                                               : NULL));
}

/* Adds DICT, an a{sv} builder, as the member KEY, and clears DICT. */
void
od_stats_add_dict (GVariantBuilder *figures,
                   const char      *key,
                   GVariantBuilder *dict)
{
  g_return_if_fail (figures != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (dict != NULL);

  g_variant_builder_add (figures, "{sv}", key, g_variant_builder_end (dict));
}

/* A count for the text of od_stats_describe() (translated strings take it
 * as %s: a gint64 format cannot be part of a message). */
char *
od_stats_format_count (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* A rate as a percentage with one decimal, "45.1%". */
char *
od_stats_format_percent (double rate)
{
  /* Translators: a percentage, e.g. "45.1%"; %.1f is the number */
  return g_strdup_printf (_("%.1f%%"), rate * 100.0);
}
