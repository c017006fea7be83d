/* od-demo-inspection.c — the annual-inspection part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic: a fixed seed, uuids derived from row numbers, the
 * organizations in the registry's (pinyin) order. Every row goes through
 * od_inspection_save(), as the application writes it, inside the demo's
 * one transaction (od-demo.c). About 85% of the inspections are qualified,
 * 8% basically qualified, 2% unqualified, 3% not submitted; the reports of
 * year Y are submitted from March to May of Y + 1 (DESIGN.md §2 "Annual
 * inspection"). A few organizations are set apart so that every warning of
 * od-inspection-store.h shows: basically qualified in 2016 and 2017, not
 * submitted in 2016 and unqualified in 2017, unqualified in 2017,
 * penalized in 2017.
 */
#define G_LOG_DOMAIN "orgdesk-demo-inspection"

#include "config.h"

#include <string.h>

#include "od-demo-inspection.h"
#include "od-demo-registry.h"
#include "od-inspection-store.h"
#include "od-organization.h"
#include "od-registry-store.h"

#define DEMO_SEED   2015
#define FIRST_YEAR  2015
#define LAST_YEAR   2018

/* What a set-apart organization gets, by year from FIRST_YEAR; NULL = drawn. */
typedef struct
{
  guint       rank;             /* among the organizations registered before FIRST_YEAR */
  const char *conclusions[LAST_YEAR - FIRST_YEAR + 1];
  int         penalized_in;     /* 0 = never */
} SetApart;

static const SetApart set_apart[] = {
  { 3, { "qualified", "basically_qualified", "basically_qualified", "qualified" }, 0 },
  { 11, { NULL, "basically_qualified", "basically_qualified", NULL }, 0 },
  { 19, { NULL, "qualified", "unqualified", "qualified" }, 0 },
  { 29, { "qualified", "not_submitted", "unqualified", NULL }, 0 },
  { 37, { NULL, NULL, "basically_qualified", NULL }, 2017 },
};

typedef struct
{
  OdDb   *db;
  GRand  *rand;
  guint   n_rows;
} Demo;

static const char *
draw_conclusion (GRand *rand)
{
  gint32 u = g_rand_int_range (rand, 0, 100);

  if (u < 8)
    return "basically_qualified";
  if (u < 10)
    return "unqualified";
  if (u < 13)
    return "not_submitted";
  return "qualified";
}

/* The supervising unit's usual words for CONCLUSION. */
static const char *
opinion_for (const char *conclusion,
             GRand      *rand)
{
  static const char *const agreed[] = { "同意年检", "同意，情况属实", "经审核，同意报送" };

  if (g_str_equal (conclusion, "basically_qualified"))
    return "基本同意，请按要求整改";
  if (g_str_equal (conclusion, "unqualified"))
    return "不同意，存在违规问题";
  if (g_str_equal (conclusion, "not_submitted"))
    return "";
  return agreed[g_rand_int_range (rand, 0, G_N_ELEMENTS (agreed))];
}

/* FROM plus DAYS, as YYYY-MM-DD. */
static char *
add_days (const char *from,
          guint       days)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, from);
  g_date_add_days (&date, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* Whether ORG was inspected for YEAR: registered before its 1 July, and
 * still registered when the report was due (1 March of the next year). */
static gboolean
inspected_for (const OdOrganizationFields *org,
               int                         year)
{
  g_autofree char *exempt_from = g_strdup_printf ("%04d-07-01", year);
  g_autofree char *due = g_strdup_printf ("%04d-03-01", year + 1);

  if (org->registered_on != NULL && strcmp (org->registered_on, exempt_from) >= 0)
    return FALSE;
  return g_strcmp0 (org->status, "active") == 0 || org->status_date == NULL
         || strcmp (org->status_date, due) >= 0;
}

static gboolean
add_inspection (Demo                        *demo,
                const OdOrganizationFields  *org,
                int                          year,
                const SetApart              *apart,
                GError                     **error)
{
  g_autoptr(OdInspectionFields) f = od_inspection_fields_new ();
  g_autofree char *march = g_strdup_printf ("%04d-03-01", year + 1);
  const char *conclusion = draw_conclusion (demo->rand);
  gboolean rectify;

  if (apart != NULL && apart->conclusions[year - FIRST_YEAR] != NULL)
    conclusion = apart->conclusions[year - FIRST_YEAR];

  g_free (f->uuid);
  f->uuid = od_demo_uuid ("inspections", ++demo->n_rows);
  f->organization_id = org->id;
  f->year = year;
  g_free (f->conclusion);
  f->conclusion = g_strdup (conclusion);
  g_free (f->supervising_opinion);
  f->supervising_opinion = g_strdup (opinion_for (conclusion, demo->rand));
  if (!g_str_equal (conclusion, "not_submitted"))
    /* March to May: 92 days. */
    f->submitted_on = add_days (march, (guint) g_rand_int_range (demo->rand, 0, 92));
  f->audit_report = org->org_type == OD_ORGANIZATION_TYPE_FOUNDATION
                    || g_rand_int_range (demo->rand, 0, 10) == 0;
  f->penalized = apart != NULL && apart->penalized_in == year;

  rectify = g_str_equal (conclusion, "basically_qualified") || g_str_equal (conclusion, "unqualified")
            || (g_str_equal (conclusion, "qualified") && g_rand_int_range (demo->rand, 0, 50) == 0);
  f->rectification_required = rectify;
  /* Done one to three months later, except the latest year's unqualified. */
  if (rectify && !(year == LAST_YEAR && g_str_equal (conclusion, "unqualified")))
    f->rectified_on = add_days (f->submitted_on, (guint) g_rand_int_range (demo->rand, 30, 92));
  return od_inspection_save (demo->db, f, error) != 0;
}

gboolean
od_demo_load_inspection (OdDb    *db,
                         GError **error)
{
  Demo demo = { db };
  OdOrganizationFilter filter;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *first_exempt = g_strdup_printf ("%04d-07-01", FIRST_YEAR);
  guint rank = 0;
  gboolean ok = TRUE;

  od_organization_filter_init (&filter);
  ids = od_organization_query_ids (db, &filter, error);
  if (ids == NULL)
    return FALSE;
  items = od_organization_load_items (db, (const gint64 *) ids->data, ids->len, error);
  if (items == NULL)
    return FALSE;

  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  for (guint i = 0; ok && i < items->len; i++)
    {
      const OdOrganizationFields *org = od_organization_get_fields (g_ptr_array_index (items, i));
      const SetApart *apart = NULL;

      /* The set-apart ones are active and registered before the first year. */
      if (g_strcmp0 (org->status, "active") == 0
          && (org->registered_on == NULL || strcmp (org->registered_on, first_exempt) < 0))
        {
          for (guint a = 0; a < G_N_ELEMENTS (set_apart); a++)
            if (set_apart[a].rank == rank)
              apart = &set_apart[a];
          rank++;
        }
      for (int year = FIRST_YEAR; ok && year <= LAST_YEAR; year++)
        if (inspected_for (org, year))
          ok = add_inspection (&demo, org, year, apart, error);
    }
  g_rand_free (demo.rand);
  return ok;
}
