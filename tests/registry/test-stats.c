/* test-stats.c — the headline figures (od-stats, od-registry-stats) and
 * `orgdesk-cli stats`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-db.h"
#include "od-registry-store.h"
#include "od-stats.h"
#include "od-test-util.h"

/* The clock the fixture is made at (dates may not lie in the future). */
#define TEST_NOW "2018-12-28T09:00:00Z"

/* --- a tiny JSON reader, so that the CLI's output is checked as JSON by
 * code other than the code that wrote it: objects become a{sv}, arrays av,
 * numbers int64 (or double when they have a fraction or an exponent),
 * null an empty maybe. Returns NULL on anything that is not JSON. --- */

static void
json_skip_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static GVariant *json_read_value (const char **p);

static char *
json_read_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (**p != '"')
    return NULL;
  for ((*p)++; **p != '"'; (*p)++)
    {
      if ((guchar) **p < 0x20)
        return NULL;
      if (**p != '\\')
        {
          g_string_append_c (out, **p);
          continue;
        }
      (*p)++;
      switch (**p)
        {
        case '"': case '\\': case '/': g_string_append_c (out, **p); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            char hex[5] = { 0 };
            guint64 c;

            if (strlen (*p) < 5)
              return NULL;
            memcpy (hex, *p + 1, 4);
            if (!g_ascii_string_to_unsigned (hex, 16, 0, 0xffff, &c, NULL))
              return NULL;
            g_string_append_unichar (out, (gunichar) c);
            *p += 4;
          }
          break;
        default:
          return NULL;
        }
    }
  (*p)++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GVariant *
json_read_number (const char **p)
{
  const char *start = *p;
  gboolean fraction = FALSE;

  if (**p == '-')
    (*p)++;
  if (!g_ascii_isdigit (**p) || (**p == '0' && g_ascii_isdigit ((*p)[1])))
    return NULL;
  while (g_ascii_isdigit (**p))
    (*p)++;
  if (**p == '.')
    {
      fraction = TRUE;
      (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }
  if (**p == 'e' || **p == 'E')
    {
      fraction = TRUE;
      (*p)++;
      if (**p == '+' || **p == '-')
        (*p)++;
      if (!g_ascii_isdigit (**p))
        return NULL;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }
  {
    g_autofree char *text = g_strndup (start, (gsize) (*p - start));

    if (fraction)
      return g_variant_new_double (g_ascii_strtod (text, NULL));
    return g_variant_new_int64 (g_ascii_strtoll (text, NULL, 10));
  }
}

static GVariant *
json_read_container (const char **p)
{
  gboolean object = **p == '{';
  char close = object ? '}' : ']';
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (object ? G_VARIANT_TYPE_VARDICT
                                                                   : G_VARIANT_TYPE ("av"));

  (*p)++;
  json_skip_space (p);
  if (**p == close)
    {
      (*p)++;
      return g_variant_builder_end (&builder);
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      GVariant *value;

      json_skip_space (p);
      if (object)
        {
          key = json_read_string (p);
          if (key == NULL)
            return NULL;
          json_skip_space (p);
          if (**p != ':')
            return NULL;
          (*p)++;
        }
      value = json_read_value (p);
      if (value == NULL)
        return NULL;
      if (object)
        g_variant_builder_add (&builder, "{sv}", key, value);
      else
        g_variant_builder_add (&builder, "v", value);
      json_skip_space (p);
      if (**p == close)
        {
          (*p)++;
          return g_variant_builder_end (&builder);
        }
      if (**p != ',')
        return NULL;
      (*p)++;
    }
}

static GVariant *
json_read_value (const char **p)
{
  json_skip_space (p);
  switch (**p)
    {
    case '{':
    case '[':
      return json_read_container (p);
    case '"':
      {
        g_autofree char *text = json_read_string (p);

        return text != NULL ? g_variant_new_string (text) : NULL;
      }
    case 't':
      if (!g_str_has_prefix (*p, "true"))
        return NULL;
      *p += 4;
      return g_variant_new_boolean (TRUE);
    case 'f':
      if (!g_str_has_prefix (*p, "false"))
        return NULL;
      *p += 5;
      return g_variant_new_boolean (FALSE);
    case 'n':
      if (!g_str_has_prefix (*p, "null"))
        return NULL;
      *p += 4;
      return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
    default:
      return json_read_number (p);
    }
}

/* Returns: (transfer full): TEXT read as JSON; fails the test when it is not JSON. */
static GVariant *
json_parse (const char *text)
{
  const char *p = text;
  GVariant *value = json_read_value (&p);

  if (value == NULL)
    g_error ("not JSON, at byte %d of:\n%s", (int) (p - text), text);
  json_skip_space (&p);
  if (*p != '\0')
    g_error ("text after the JSON value, at byte %d of:\n%s", (int) (p - text), text);
  return g_variant_ref_sink (value);
}

/* --- the fixture --- */

typedef struct
{
  const char *name;
  OdOrganizationType   type;
  const char *registered_on;
  const char *status;
  const char *status_date;
  const char *member_role;
  const char *member_since;
  const char *member_status;
  const char *party_org_form;
  const char *party_instructor;
  gboolean    deleted;
} FixtureOrg;

/* Every type, statuses with dates (deregistered in 2016 and 2018, revoked on
 * the last day of 2017), registrations on the year's edges and none at all,
 * members of every kind, each party form, instructors alone and beside a
 * party organization, and one organization in the trash. */
static const FixtureOrg fixture_orgs[] = {
  /* A */ { "宝鸡市甲商会", OD_ORGANIZATION_TYPE_SOCIAL_GROUP, "2010-03-01", "active", NULL,
            "member", "2014-01-01", "active", "independent", "", FALSE },
  /* B: joint party organization and an instructor: covered once */
  /* B */ { "宝鸡市乙协会", OD_ORGANIZATION_TYPE_SOCIAL_GROUP, "2012-05-01", "active", NULL,
            NULL, NULL, NULL, "joint", "张指导", FALSE },
  /* C: instructor only; a member only since 2018 */
  /* C */ { "宝鸡市丙服务中心", OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "2015-06-01", "active", NULL,
            "member", "2018-03-01", "active", "none", "王联络", FALSE },
  /* D: deregistered in 2016 */
  /* D */ { "宝鸡市丁服务中心", OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "2014-01-01", "deregistered",
            "2016-08-01", "member", "2014-06-01", "withdrawn", "independent", "", FALSE },
  /* E: deregistered in 2018; its membership was left "active" */
  /* E */ { "宝鸡市戊基金会", OD_ORGANIZATION_TYPE_FOUNDATION, "2013-01-01", "deregistered", "2018-04-10",
            "director", "2015-01-01", "active", "joint", "", FALSE },
  /* F: registered the day after the end of 2017 */
  /* F */ { "宝鸡市己研究会", OD_ORGANIZATION_TYPE_OTHER, "2018-01-01", "active", NULL,
            NULL, NULL, NULL, "none", "", FALSE },
  /* G: no registration date, type not recorded */
  /* G */ { "宝鸡市庚联谊会", OD_ORGANIZATION_TYPE_UNKNOWN, NULL, "active", NULL,
            NULL, NULL, NULL, "none", "", FALSE },
  /* H: in the trash: never counts */
  /* H */ { "宝鸡市辛协会", OD_ORGANIZATION_TYPE_SOCIAL_GROUP, "2011-01-01", "active", NULL,
            "member", "2014-01-01", "active", "independent", "赵指导", TRUE },
  /* I: a suspended member */
  /* I */ { "宝鸡市壬协会", OD_ORGANIZATION_TYPE_SOCIAL_GROUP, "2016-01-01", "active", NULL,
            "member", "2016-05-01", "suspended", "none", "", FALSE },
  /* J: instructor only */
  /* J */ { "宝鸡市癸基金会", OD_ORGANIZATION_TYPE_FOUNDATION, "2009-01-01", "active", NULL,
            "vice_president", "2013-07-01", "active", "none", "李联络", FALSE },
  /* K: revoked on the last day of 2017: no longer active at its end */
  /* K */ { "宝鸡市子服务社", OD_ORGANIZATION_TYPE_SOCIAL_SERVICE, "2012-01-01", "revoked", "2017-12-31",
            NULL, NULL, NULL, "none", "", FALSE },
  /* L: registered on the last day of 2017 */
  /* L */ { "宝鸡市丑促进会", OD_ORGANIZATION_TYPE_OTHER, "2017-12-31", "active", NULL,
            NULL, NULL, NULL, "none", "", FALSE },
  /* M */ { "宝鸡市寅协会", OD_ORGANIZATION_TYPE_SOCIAL_GROUP, "2017-06-01", "active", NULL,
            NULL, NULL, NULL, "none", "", FALSE },
};

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static OdDb *
open_db (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  od_db_set_fixed_now (db, TEST_NOW);
  return db;
}

/* Makes the fixture through the store; returns the id of the deleted one. */
static gint64
make_fixture (OdDb *db)
{
  gint64 deleted_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixture_orgs); i++)
    {
      const FixtureOrg *o = &fixture_orgs[i];
      g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      set_str (&fields->name, o->name);
      fields->org_type = o->type;
      set_str (&fields->registered_on, o->registered_on);
      set_str (&fields->status, o->status);
      set_str (&fields->status_date, o->status_date);
      set_str (&fields->member_role, o->member_role);
      set_str (&fields->member_since, o->member_since);
      set_str (&fields->member_status, o->member_status);
      set_str (&fields->party_org_form, o->party_org_form);
      set_str (&fields->party_instructor, o->party_instructor);
      id = od_organization_save (db, fields, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      if (o->deleted)
        {
          g_assert_true (od_organization_delete (db, id, &error));
          g_assert_no_error (error);
          deleted_id = id;
        }
    }
  return deleted_id;
}

static GVariant *
gather (OdDb *db,
        int   year)
{
  g_autoptr(GError) error = NULL;
  GVariant *stats = od_stats_gather (db, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_true (g_variant_is_of_type (stats, G_VARIANT_TYPE_VARDICT));
  return stats;
}

typedef struct
{
  gint64 total, active, members;
  gint64 social_group, social_service, foundation, other, unknown;
  gint64 org_covered, work_covered;
  double org_coverage, work_coverage;
} Expected;

static void
assert_organizations (GVariant       *stats,
                      const Expected *e)
{
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.total"), ==, e->total);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.active"), ==, e->active);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.members"), ==, e->members);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.social_group"), ==,
                   e->social_group);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.social_service"), ==,
                   e->social_service);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.foundation"), ==,
                   e->foundation);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.other"), ==, e->other);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.unknown"), ==, e->unknown);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.party_org_covered"), ==,
                   e->org_covered);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.party_work_covered"), ==,
                   e->work_covered);
  g_assert_cmpfloat (od_stats_lookup_double (stats, "organizations.party_org_coverage"), ==,
                     e->org_coverage);
  g_assert_cmpfloat (od_stats_lookup_double (stats, "organizations.party_work_coverage"), ==,
                     e->work_coverage);
}

/* At the end of 2017: A B C E G I J L M active (D deregistered in 2016, K
 * revoked on 2017-12-31; F registered in 2018 is not counted at all);
 * members A E J (C joined in 2018, I is suspended, D withdrew); party
 * organizations A B E, work coverage those and the instructors of C J. */
static const Expected expected_2017 = {
  .total = 11, .active = 9, .members = 3,
  .social_group = 4, .social_service = 1, .foundation = 2, .other = 1, .unknown = 1,
  .org_covered = 3, .work_covered = 5, .org_coverage = 0.3333, .work_coverage = 0.5556,
};

/* Today: every live one counts; E is deregistered now (and so no member);
 * F is active. */
static const Expected expected_today = {
  .total = 12, .active = 9, .members = 3,
  .social_group = 4, .social_service = 1, .foundation = 1, .other = 2, .unknown = 1,
  .org_covered = 2, .work_covered = 4, .org_coverage = 0.2222, .work_coverage = 0.4444,
};

static const char expected_json_2017[] =
  "  \"organizations\": {\n"
  "    \"total\": 11,\n"
  "    \"active\": 9,\n"
  "    \"members\": 3,\n"
  "    \"by_type\": {\n"
  "      \"social_group\": 4,\n"
  "      \"social_service\": 1,\n"
  "      \"foundation\": 2,\n"
  "      \"other\": 1,\n"
  "      \"unknown\": 1\n"
  "    },\n"
  "    \"party_org_coverage\": 0.3333,\n"
  "    \"party_work_coverage\": 0.5556,\n"
  "    \"party_org_covered\": 3,\n"
  "    \"party_work_covered\": 5\n"
  "  }";

static const char expected_text_2017[] =
  "Organizations: 11 (active 9)\n"
  "  Active by type: social groups 4, social service organizations 1, foundations 2, "
  "other 1, type not recorded 1\n"
  "  Member units of the association: 3\n"
  "  Party organization coverage: 33.3% (3 of 9 active organizations)\n"
  "  Party work coverage: 55.6% (5 of 9 active organizations)\n";

static const char expected_text_today[] =
  "Organizations: 12 (active 9)\n"
  "  Active by type: social groups 4, social service organizations 1, foundations 1, "
  "other 2, type not recorded 1\n"
  "  Member units of the association: 3\n"
  "  Party organization coverage: 22.2% (2 of 9 active organizations)\n"
  "  Party work coverage: 44.4% (4 of 9 active organizations)\n";

/* --- tests --- */

static void
test_empty (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GVariant) stats = gather (db, 0);
  g_autoptr(GVariant) stats_2017 = gather (db, 2017);
  const Expected zero = { 0 };
  g_autofree char *json = od_stats_to_json (stats_2017, FALSE);

  assert_organizations (stats, &zero);
  assert_organizations (stats_2017, &zero);
  /* No active organizations: nothing to cover, the rates are 0. */
  g_assert_cmpstr (json, ==,
                   "{\"year\":2017,\"organizations\":{\"total\":0,\"active\":0,\"members\":0,"
                   "\"by_type\":{\"social_group\":0,\"social_service\":0,\"foundation\":0,"
                   "\"other\":0,\"unknown\":0},\"party_org_coverage\":0,"
                   "\"party_work_coverage\":0,\"party_org_covered\":0,\"party_work_covered\":0},"
                   "\"training\":{\"general\":{\"courses\":0,\"sessions\":0,\"attendees\":0,"
                   "\"attendance_marks\":0,\"first_date\":null,\"last_date\":null,\"months\":0},"
                   "\"project\":{\"courses\":0,\"sessions\":0,\"attendees\":0,"
                   "\"attendance_marks\":0,\"first_date\":null,\"last_date\":null,\"months\":0},"
                   "\"attendance_rate\":0,"
                   "\"general_by_month\":[0,0,0,0,0,0,0,0,0,0,0,0],"
                   "\"project_by_month\":[0,0,0,0,0,0,0,0,0,0,0,0],"
                   "\"by_topic\":{},\"top_organizations\":[],\"sessions\":[]},"
                   "\"inspection\":{\"inspected\":0,\"by_conclusion\":{\"qualified\":0,"
                   "\"basically_qualified\":0,\"unqualified\":0,\"not_submitted\":0,"
                   "\"exempt\":0},\"missing\":0,\"by_year\":{}},"
                   "\"evaluation\":{\"rounds\":0,\"evaluated\":0,\"graded\":0,"
                   "\"by_grade\":{\"5A\":0,\"4A\":0,\"3A\":0,\"2A\":0,\"1A\":0},"
                   "\"by_type\":{}}}");
}

static void
test_year_end (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) stats_2016 = NULL;

  make_fixture (db);
  stats = gather (db, 2017);
  g_assert_cmpint (od_stats_lookup_int (stats, "year"), ==, 2017);
  assert_organizations (stats, &expected_2017);

  /* At the end of 2016: not yet registered are F L M; D was deregistered
   * that year; K and E are still active. Members A E J. */
  stats_2016 = gather (db, 2016);
  {
    const Expected e = {
      .total = 9, .active = 8, .members = 3,
      .social_group = 3, .social_service = 2, .foundation = 2, .other = 0, .unknown = 1,
      .org_covered = 3, .work_covered = 5, .org_coverage = 0.375, .work_coverage = 0.625,
    };

    assert_organizations (stats_2016, &e);
  }
}

static void
test_today (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GVariant) stats = NULL;
  g_autoptr(GVariant) stats_2018 = NULL;
  g_autoptr(GVariant) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_2018 = NULL;
  g_autofree char *text = NULL;
  gint64 deleted_id;

  deleted_id = make_fixture (db);
  stats = gather (db, 0);
  /* "year" is the current year, from the database's clock. */
  g_assert_cmpint (od_stats_lookup_int (stats, "year"), ==, 2018);
  assert_organizations (stats, &expected_today);
  g_assert_cmpint (od_stats_lookup_int (stats, "organizations.total"), ==,
                   od_organization_count (db, NULL));

  /* No date lies after the end of this year, so it gives today's state. */
  stats_2018 = gather (db, 2018);
  json = od_stats_to_json (stats, TRUE);
  json_2018 = od_stats_to_json (stats_2018, TRUE);
  g_assert_cmpstr (json, ==, json_2018);

  text = od_stats_describe (stats);
  /* The registry's lines come first; the other domains' follow. */
  g_assert_true (g_str_has_prefix (text, expected_text_today));

  /* The one in the trash was left out only because it is there. */
  g_assert_true (od_trash_restore (db, "organizations", deleted_id, &error));
  g_assert_no_error (error);
  restored = gather (db, 0);
  {
    const Expected e = {
      .total = 13, .active = 10, .members = 4,
      .social_group = 5, .social_service = 1, .foundation = 1, .other = 2, .unknown = 1,
      .org_covered = 3, .work_covered = 5, .org_coverage = 0.3, .work_coverage = 0.5,
    };

    assert_organizations (restored, &e);
  }
}

/* The tree's helpers: rounding of rates, JSON layout, lookups. */
static void
test_tree (void)
{
  g_auto(GVariantBuilder) root = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) inner = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) empty = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) tree = NULL;
  g_autoptr(GVariant) missing = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *year_end = od_stats_year_end (2017);

  g_assert_cmpstr (year_end, ==, "2017-12-31");
  g_assert_null (od_stats_year_end (0));

  od_stats_add_int (&root, "count", -5);
  od_stats_add_rate (&root, "third", 1, 3);
  od_stats_add_rate (&root, "two_thirds", 2, 3);
  od_stats_add_rate (&root, "eighth", 1, 8);
  od_stats_add_rate (&root, "half_up", 1, 20000);     /* 0.00005 → 0.0001 */
  od_stats_add_rate (&root, "none", 0, 0);
  od_stats_add_rate (&root, "all", 7, 7);
  od_stats_add_date (&inner, "first_date", "2017-03-09");
  od_stats_add_date (&inner, "last_date", NULL);
  od_stats_add_dict (&inner, "empty", &empty);
  od_stats_add_dict (&root, "inner", &inner);
  g_variant_builder_add (&root, "{sv}", "name", g_variant_new_string ("宝鸡\"市\"\n"));
  tree = g_variant_ref_sink (g_variant_builder_end (&root));

  compact = od_stats_to_json (tree, FALSE);
  g_assert_cmpstr (compact, ==,
                   "{\"count\":-5,\"third\":0.3333,\"two_thirds\":0.6667,\"eighth\":0.125,"
                   "\"half_up\":0.0001,\"none\":0,\"all\":1,"
                   "\"inner\":{\"first_date\":\"2017-03-09\",\"last_date\":null,\"empty\":{}},"
                   "\"name\":\"宝鸡\\\"市\\\"\\n\"}");
  pretty = od_stats_to_json (tree, TRUE);
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"count\": -5,\n  \"third\": 0.3333,\n"));
  g_assert_nonnull (strstr (pretty, "  \"inner\": {\n    \"first_date\": \"2017-03-09\",\n"
                                    "    \"last_date\": null,\n    \"empty\": {}\n  },\n"));
  g_assert_true (g_str_has_suffix (pretty, "\n}\n"));
  {
    g_autoptr(GVariant) parsed = json_parse (pretty);

    g_assert_cmpfloat (od_stats_lookup_double (parsed, "two_thirds"), ==, 0.6667);
    g_assert_cmpint (od_stats_lookup_int (parsed, "count"), ==, -5);
  }

  g_assert_cmpfloat (od_stats_lookup_double (tree, "third"), ==, 0.3333);
  g_assert_cmpfloat (od_stats_lookup_double (tree, "count"), ==, -5.0);
  g_assert_cmpint (od_stats_lookup_int (tree, "nothing"), ==, -1);
  g_assert_cmpint (od_stats_lookup_int (tree, "count.deeper"), ==, -1);
  g_assert_cmpint (od_stats_lookup_int (tree, "inner.first_date"), ==, -1);
  missing = od_stats_lookup (tree, "inner.nothing");
  g_assert_null (missing);

  percent = od_stats_format_percent (0.4512);
  g_assert_cmpstr (percent, ==, "45.1%");
}

static void
test_cli (OdTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GVariant) stats_2017 = NULL;
  g_autofree char *json_2017 = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  OdTestRun r;

  make_fixture (db);
  stats_2017 = gather (db, 2017);
  json_2017 = od_stats_to_json (stats_2017, TRUE);
  g_clear_object (&db);

  /* JSON: exactly the core's tree, well-formed, with the figures above. */
  r = od_test_run_cli ("--db", f->path, "stats", "--year", "2017", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, json_2017);
  g_assert_true (g_str_has_prefix (r.out, "{\n  \"year\": 2017,\n"));
  g_assert_nonnull (strstr (r.out, expected_json_2017));
  {
    g_autoptr(GVariant) parsed = json_parse (r.out);

    g_assert_cmpint (od_stats_lookup_int (parsed, "year"), ==, 2017);
    assert_organizations (parsed, &expected_2017);
  }
  od_test_run_clear (&r);

  /* Without --year: today's state, "year" the current year. */
  r = od_test_run_cli ("--db", f->path, "stats", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(GVariant) parsed = json_parse (r.out);

    g_assert_cmpint (od_stats_lookup_int (parsed, "year"), ==, g_date_time_get_year (now));
    assert_organizations (parsed, &expected_today);
  }
  od_test_run_clear (&r);

  /* Text for people (English under LC_ALL=C.UTF-8). */
  r = od_test_run_cli ("--db", f->path, "stats", "--year", "2017", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Figures at the end of 2017\nOrganizations: "));
  g_assert_nonnull (strstr (r.out, expected_text_2017));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "stats", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Figures as of today\nOrganizations: "));
  g_assert_nonnull (strstr (r.out, expected_text_today));
  od_test_run_clear (&r);

  /* The first and last years that can be asked for. */
  r = od_test_run_cli ("--db", f->path, "stats", "--year", "1949", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "{\n  \"year\": 1949,\n"));
  /* Only G, which has no registration date, may have existed then. */
  g_assert_nonnull (strstr (r.out, "\"total\": 1,\n    \"active\": 1,\n"));
  od_test_run_clear (&r);
  r = od_test_run_cli ("--db", f->path, "stats", "--year", "2100", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Figures at the end of 2100\n"));
  od_test_run_clear (&r);
}

static void
test_cli_usage (OdTestFixture *f,
                gconstpointer  data)
{
  const char *const bad_years[] = { "1948", "2101", "0", "-2017", "17", "2017x", "二〇一七", "" };
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(OdDb) db = open_db (f);
  OdTestRun r;

  g_clear_object (&db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_years); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad_years[i]);

      r = od_test_run_cli ("--db", f->path, "stats", "--year", bad_years[i], "--json", NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_nonnull (strstr (r.err, quoted));
      g_assert_nonnull (strstr (r.err, "from 1949 to 2100"));
      od_test_run_clear (&r);
    }

  r = od_test_run_cli ("--db", f->path, "stats", "--year", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--year"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "stats", "2017", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--year YEAR"));
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "stats", "--month", "3", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "orgdesk-cli stats --help"));
  od_test_run_clear (&r);

  /* Listed in the usage. */
  r = od_test_run_cli ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "  stats [--year Y] "));
  od_test_run_clear (&r);

  /* Database problems: exit 3, and no database is made. */
  r = od_test_run_cli ("--db", missing, "stats", "--json", NULL);
  g_assert_cmpint (r.status, ==, 3);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  od_test_run_clear (&r);

  g_assert_true (g_file_set_contents (not_db, "not a database, only some notes\n", -1, NULL));
  r = od_test_run_cli ("--db", not_db, "stats", NULL);
  g_assert_cmpint (r.status, ==, 3);
  od_test_run_clear (&r);
}

/* The demo data: the registry of 422 organizations today, plausible figures. */
static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  const char *const years[] = { NULL, "2016", "2017", "2018" };
  const char *const types[] = { "social_group", "social_service", "foundation", "other",
                                "unknown" };
  gint64 total_today = 0;
  OdTestRun r = od_test_run_cli ("--db", f->path, "demo", NULL);

  g_assert_cmpint (r.status, ==, 0);
  od_test_run_clear (&r);

  r = od_test_run_cli ("--db", f->path, "info", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"organizations\": 422"));
  od_test_run_clear (&r);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GVariant) stats = NULL;
      gint64 total, active, members, sum = 0;
      double org_rate, work_rate;

      if (years[i] == NULL)
        r = od_test_run_cli ("--db", f->path, "stats", "--json", NULL);
      else
        r = od_test_run_cli ("--db", f->path, "stats", "--json", "--year", years[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
      stats = json_parse (r.out);
      od_test_run_clear (&r);

      total = od_stats_lookup_int (stats, "organizations.total");
      active = od_stats_lookup_int (stats, "organizations.active");
      members = od_stats_lookup_int (stats, "organizations.members");
      org_rate = od_stats_lookup_double (stats, "organizations.party_org_coverage");
      work_rate = od_stats_lookup_double (stats, "organizations.party_work_coverage");
      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        {
          g_autofree char *path = g_strconcat ("organizations.by_type.", types[t], NULL);

          g_assert_cmpint (od_stats_lookup_int (stats, path), >=, 0);
          sum += od_stats_lookup_int (stats, path);
        }

      if (years[i] == NULL)
        {
          total_today = total;
          g_assert_cmpint (total, ==, 422);
        }
      else
        g_assert_cmpint (total, <=, total_today);
      g_assert_cmpint (active, >, total * 9 / 10);
      g_assert_cmpint (active, <=, total);
      g_assert_cmpint (sum, ==, active);
      g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.social_group"), >, 0);
      g_assert_cmpint (od_stats_lookup_int (stats, "organizations.by_type.social_service"), >, 0);
      /* About 60% are member units (od-demo-registry). */
      g_assert_cmpint (members, >, active / 3);
      g_assert_cmpint (members, <, active);
      /* About half have a party organization; instructors add to it. */
      g_assert_cmpfloat (org_rate, >, 0.3);
      g_assert_cmpfloat (org_rate, <, 0.8);
      g_assert_cmpfloat (work_rate, >, org_rate);
      g_assert_cmpfloat (work_rate, <=, 1.0);
    }

  r = od_test_run_cli ("--db", f->path, "stats", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\nOrganizations: 422 (active "));
  od_test_run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  /* The CLI's text is checked in English. */
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/tree", test_tree);
  OD_TEST_ADD ("/stats/empty", test_empty);
  OD_TEST_ADD ("/stats/year-end", test_year_end);
  OD_TEST_ADD ("/stats/today", test_today);
  OD_TEST_ADD ("/stats/cli", test_cli);
  OD_TEST_ADD ("/stats/cli-usage", test_cli_usage);
  OD_TEST_ADD ("/stats/demo", test_demo);
  return g_test_run ();
}
