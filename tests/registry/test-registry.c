/* test-registry.c — organizations and people: validation, audit, trash,
 * search, sorting, filters, hostile text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-audit.h"
#include "od-db.h"
#include "od-registry-store.h"
#include "od-validate.h"
#include "od-test-util.h"

/* The clock every test runs at (so "in the future" is deterministic). */
#define TEST_NOW "2018-12-28T09:00:00Z"

/* --- helpers --- */

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

/* An independent implementation of GB 32100-2015's check character, so
 * that the tests do not trust the code under test to make their data. */
static char *
make_credit_code (const char *first17)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const guint weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  guint sum = 0, check;

  g_assert_cmpuint (strlen (first17), ==, 17);
  for (guint i = 0; i < 17; i++)
    {
      const char *p = strchr (charset, first17[i]);

      g_assert_nonnull (p);
      sum += (guint) (p - charset) * weights[i];
    }
  check = 31 - sum % 31;
  if (check == 31)
    check = 0;
  return g_strdup_printf ("%s%c", first17, charset[check]);
}

/* The same code with a wrong check character; EXPECTED gets the right one. */
static char *
make_bad_credit_code (const char *first17,
                      char       *expected)
{
  g_autofree char *good = make_credit_code (first17);
  char *bad = g_strdup (good);

  *expected = good[17];
  bad[17] = good[17] == '1' ? '2' : '1';
  return bad;
}

/* GB 11643-1999 check character. */
static char *
make_id_number (const char *first17)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  guint sum = 0;

  g_assert_cmpuint (strlen (first17), ==, 17);
  for (guint i = 0; i < 17; i++)
    sum += (guint) (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, "10X98765432"[sum % 11]);
}

static OdOrganizationFields *
org_named (const char *name)
{
  OdOrganizationFields *fields = od_organization_fields_new ();

  g_free (fields->name);
  fields->name = g_strdup (name);
  return fields;
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gint64
save_org (OdDb              *db,
          const OdOrganizationFields *fields)
{
  g_autoptr(GError) error = NULL;
  gint64 id = od_organization_save (db, fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_org (OdDb       *db,
         const char *name)
{
  g_autoptr(OdOrganizationFields) fields = org_named (name);

  return save_org (db, fields);
}

static OdOrganizationFields *
load_org (OdDb   *db,
          gint64  id)
{
  g_autoptr(GError) error = NULL;
  OdOrganizationFields *fields = od_organization_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return fields;
}

static OdPersonFields *
person_named (const char *name,
              gint64      organization_id)
{
  OdPersonFields *fields = od_person_fields_new ();

  set_str (&fields->name, name);
  fields->organization_id = organization_id;
  return fields;
}

static gint64
save_person (OdDb                 *db,
             const OdPersonFields *fields)
{
  g_autoptr(GError) error = NULL;
  gint64 id = od_person_save (db, fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
sql_int (OdDb       *db,
         const char *sql,
         gint64      arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, &error);
  OdStep step;

  g_assert_no_error (error);
  od_stmt_bind_int64 (stmt, 1, arg, NULL);
  step = od_stmt_step (stmt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, OD_STEP_ROW);
  return od_stmt_get_int64 (stmt, 0);
}

static char *
sql_text (OdDb       *db,
          const char *sql,
          gint64      arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, &error);
  OdStep step;

  g_assert_no_error (error);
  od_stmt_bind_int64 (stmt, 1, arg, NULL);
  step = od_stmt_step (stmt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, OD_STEP_ROW);
  return g_strdup (od_stmt_get_text (stmt, 0));
}

static gint64
sql_int_text (OdDb       *db,
              const char *sql,
              const char *arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, &error);
  OdStep step;

  g_assert_no_error (error);
  od_stmt_bind_text (stmt, 1, arg, NULL);
  step = od_stmt_step (stmt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, OD_STEP_ROW);
  return od_stmt_get_int64 (stmt, 0);
}

static GArray *
query_ids (OdDb              *db,
           const OdOrganizationFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = od_organization_query_ids (db, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static GArray *
search_ids (OdDb       *db,
            const char *query)
{
  OdOrganizationFilter filter;

  od_organization_filter_init (&filter);
  filter.query = query;
  return query_ids (db, &filter);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The names of IDS, joined by '|', to compare orders at a glance. */
static char *
names_of (OdDb   *db,
          GArray *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  items = od_organization_load_items (db, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, od_organization_get_fields (g_ptr_array_index (items, i))->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const OdProblem *
find_problem (GPtrArray         *problems,
              const char        *field,
              OdProblemSeverity  severity)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const OdProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0 && problem->severity == severity)
        return problem;
    }
  return NULL;
}

static guint
count_problems (GPtrArray         *problems,
                OdProblemSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((OdProblem *) g_ptr_array_index (problems, i))->severity == severity)
      n++;
  return n;
}

static gint64
audit_count (OdDb       *db,
             const char *table,
             gint64      row_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = od_audit_list_for_row (db, table, row_id, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* --- validation --- */

static void
test_validate_name (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named (" \t ");
  g_autoptr(GPtrArray) problems = od_organization_validate (db, fields);
  g_autoptr(GError) error = NULL;
  const OdProblem *problem;

  problem = find_problem (problems, "name", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==, "The name is required.");
  g_assert_cmpint (problem->other_id, ==, 0);

  g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The name is required.");
  g_assert_cmpint (od_organization_count (db, NULL), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit_log WHERE ?1 = ?1", 0), ==, 0);
}

static void
test_validate_duplicates (OdTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *code = make_credit_code ("51610300MJ2912344");
  g_autofree char *typed = NULL;
  g_autoptr(OdOrganizationFields) first = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) same_name = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) same_code = org_named ("宝鸡市江苏商会");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const OdProblem *problem;
  gint64 id;

  set_str (&first->credit_code, code);
  id = save_org (db, first);

  /* Another record with the same name. */
  problems = od_organization_validate (db, same_name);
  problem = find_problem (problems, "name", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->other_id, ==, id);
  g_assert_nonnull (strstr (problem->message, "宝鸡市养生协会"));
  g_assert_cmpint (od_organization_save (db, same_name, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The same code typed in lower case with spaces: normalized, then found. */
  typed = g_strdup_printf ("%.6s %s", code, code + 6);
  for (char *p = typed; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  set_str (&same_code->credit_code, typed);
  problems = od_organization_validate (db, same_code);
  problem = find_problem (problems, "credit_code", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->other_id, ==, id);
  g_assert_nonnull (strstr (problem->message, "宝鸡市养生协会"));
  g_assert_cmpint (od_organization_save (db, same_code, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Saving the first record again is not a duplicate of itself. */
  first->id = id;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = od_organization_validate (db, first);
  g_assert_cmpuint (count_problems (problems, OD_PROBLEM_ERROR), ==, 0);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 1);
}

static void
test_validate_credit_code (OdTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市慧芳公益发展中心");
  g_autoptr(OdOrganizationFields) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *expected_text = NULL;
  const OdProblem *problem;
  char expected;
  gint64 id;

  bad = make_bad_credit_code ("52610302MJ2X00871", &expected);
  set_str (&fields->credit_code, bad);

  /* A failing check is a warning naming the expected character … */
  problems = od_organization_validate (db, fields);
  problem = find_problem (problems, "credit_code", OD_PROBLEM_WARNING);
  g_assert_nonnull (problem);
  expected_text = g_strdup_printf ("“%c”", expected);
  g_assert_nonnull (strstr (problem->message, expected_text));
  g_assert_cmpuint (count_problems (problems, OD_PROBLEM_ERROR), ==, 0);

  /* … that blocks saving until a reason is given. */
  g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON);
  g_assert_nonnull (strstr (error->message, expected_text));
  g_assert_nonnull (strstr (error->message, "give a reason"));
  g_clear_error (&error);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 0);

  set_str (&fields->credit_code_override, "登记证书上就是这个代码");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = od_organization_validate (db, fields);
  g_assert_null (find_problem (problems, "credit_code", OD_PROBLEM_WARNING));
  id = save_org (db, fields);
  loaded = load_org (db, id);
  g_assert_cmpstr (loaded->credit_code, ==, bad);
  g_assert_cmpstr (loaded->credit_code_override, ==, "登记证书上就是这个代码");

  /* Wrong length and characters: warnings that say what is wrong. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&fields->credit_code, "5161030");
  set_str (&fields->credit_code_override, "");
  fields->id = id;
  problems = od_organization_validate (db, fields);
  problem = find_problem (problems, "credit_code", OD_PROBLEM_WARNING);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "18 characters"));
  g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON);
  g_clear_error (&error);

  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&fields->credit_code, "51610300MJ29I2344J");
  problems = od_organization_validate (db, fields);
  problem = find_problem (problems, "credit_code", OD_PROBLEM_WARNING);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "“I”"));

  /* An empty code is allowed and stored as NULL. */
  set_str (&fields->credit_code, "  ");
  save_org (db, fields);
  g_clear_pointer (&loaded, od_organization_fields_free);
  loaded = load_org (db, id);
  g_assert_null (loaded->credit_code);
  g_assert_cmpint (sql_int (db, "SELECT credit_code IS NULL FROM organizations WHERE id = ?1", id),
                   ==, 1);
}

static void
test_validate_type_from_code (OdTestFixture *f,
                              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *service = make_credit_code ("52610302MJ2X00871");
  g_autofree char *foundation = make_credit_code ("53610303MJ0000Q13");
  g_autoptr(OdOrganizationFields) a = org_named ("宝鸡市三联社会工作服务中心");
  g_autoptr(OdOrganizationFields) b = org_named ("宝鸡市慈善基金会");
  g_autoptr(OdOrganizationFields) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id;

  /* Unset type: taken from position 2 without a word. */
  set_str (&a->credit_code, service);
  problems = od_organization_validate (db, a);
  g_assert_cmpuint (problems->len, ==, 0);
  id = save_org (db, a);
  loaded = load_org (db, id);
  g_assert_cmpint (loaded->org_type, ==, OD_ORGANIZATION_TYPE_SOCIAL_SERVICE);
  g_assert_cmpstr (loaded->credit_code, ==, service);

  /* A type that disagrees: a warning, then the code wins. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&b->credit_code, foundation);
  b->org_type = OD_ORGANIZATION_TYPE_SOCIAL_GROUP;
  problems = od_organization_validate (db, b);
  g_assert_nonnull (find_problem (problems, "org_type", OD_PROBLEM_WARNING));
  id = save_org (db, b);
  g_clear_pointer (&loaded, od_organization_fields_free);
  loaded = load_org (db, id);
  g_assert_cmpint (loaded->org_type, ==, OD_ORGANIZATION_TYPE_FOUNDATION);
}

typedef struct
{
  const char *typed;
  const char *stored;   /* NULL: refused */
} PhoneCase;

static void
test_validate_phone_email (OdTestFixture *f,
                           gconstpointer  data)
{
  static const PhoneCase cases[] = {
    { "13812345678", "13812345678" },
    { "138 1234 5678", "13812345678" },
    { "138-1234-5678", "13812345678" },
    { "+86 138 1234 5678", "13812345678" },
    { "0917-3212345", "0917-3212345" },
    { "0917 3212345", "0917-3212345" },
    { "09173212345", "0917-3212345" },
    { "(0917) 321 2345", "0917-3212345" },
    { "０９１７－３２１２３４５", "0917-3212345" },
    { "0917-3212345-123", "0917-3212345-123" },
    { "010-12345678", "010-12345678" },
    { "02912345678", "029-12345678" },
    { "3212345", NULL },
    { "12345", NULL },
    { "0917-321", NULL },
    { "1381234567", NULL },
    { "23812345678", NULL },
    { "tel 0917-3212345", NULL },
    { "0917-3212345-", "0917-3212345" },
  };
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市青年企业家协会");
  gint64 id = save_org (db, fields);

  fields->id = id;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      const OdProblem *problem;

      g_test_message ("phone %s", cases[i].typed);
      set_str (&fields->phone, cases[i].typed);
      problems = od_organization_validate (db, fields);
      problem = find_problem (problems, "phone", OD_PROBLEM_ERROR);
      if (cases[i].stored == NULL)
        {
          g_assert_nonnull (problem);
          g_assert_nonnull (strstr (problem->message, "11-digit mobile number"));
          g_assert_nonnull (strstr (problem->message, "0917-3212345"));
          g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
          g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
        }
      else
        {
          g_autoptr(OdOrganizationFields) loaded = NULL;

          g_assert_null (problem);
          save_org (db, fields);
          loaded = load_org (db, id);
          g_assert_cmpstr (loaded->phone, ==, cases[i].stored);
        }
    }

  set_str (&fields->phone, "");
  {
    static const char *good[] = { "office@example.com", "wang.fang@baoji-org.cn" };
    static const char *bad[] = { "office.example.com", "office@example", "a b@c.cn", "@c.cn",
                                 "a@@c.cn", "a@.cn" };

    for (guint i = 0; i < G_N_ELEMENTS (good); i++)
      {
        g_autoptr(GPtrArray) problems = NULL;

        set_str (&fields->email, good[i]);
        problems = od_organization_validate (db, fields);
        g_assert_null (find_problem (problems, "email", OD_PROBLEM_ERROR));
      }
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) problems = NULL;
        g_autoptr(GError) error = NULL;

        g_test_message ("email %s", bad[i]);
        set_str (&fields->email, bad[i]);
        problems = od_organization_validate (db, fields);
        g_assert_nonnull (find_problem (problems, "email", OD_PROBLEM_ERROR));
        g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
        g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
      }
  }
}

static void
test_validate_dates (OdTestFixture *f,
                     gconstpointer  data)
{
  static const char *bad[] = { "2019-01-01", "2017-02-30", "2017/10/19", "2017-1-9", "1899-12-31",
                               "十月" };
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市上善公益援助中心");
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("date %s", bad[i]);
      set_str (&fields->registered_on, bad[i]);
      found = od_organization_validate (db, fields);
      g_assert_nonnull (find_problem (found, "registered_on", OD_PROBLEM_ERROR));
      g_assert_cmpint (od_organization_save (db, fields, &error), ==, 0);
      g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
    }

  /* Today (by the pinned clock) is not in the future. */
  set_str (&fields->registered_on, "2018-12-28");
  set_str (&fields->status, "deregistered");
  set_str (&fields->member_role, "director");
  problems = od_organization_validate (db, fields);
  g_assert_null (find_problem (problems, "registered_on", OD_PROBLEM_ERROR));
  g_assert_nonnull (find_problem (problems, "status_date", OD_PROBLEM_WARNING));
  g_assert_nonnull (find_problem (problems, "member_since", OD_PROBLEM_WARNING));
  /* These warnings do not block. */
  save_org (db, fields);

  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&fields->status_date, "2018-06-30");
  set_str (&fields->member_since, "2016-03-01");
  fields->id = od_organization_count (db, NULL);
  problems = od_organization_validate (db, fields);
  g_assert_cmpuint (problems->len, ==, 0);

  /* An unknown status key is an error, not a CHECK constraint failure. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&fields->status, "dissolved");
  problems = od_organization_validate (db, fields);
  g_assert_nonnull (find_problem (problems, "status", OD_PROBLEM_ERROR));
}

static void
test_validate_party (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市江苏商会");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *bad_code = NULL;
  const OdProblem *hint;
  char expected;
  gint64 id;

  fields->party_members = 3;
  problems = od_organization_validate (db, fields);
  hint = find_problem (problems, "party_org_form", OD_PROBLEM_HINT);
  g_assert_nonnull (hint);
  g_assert_cmpstr (hint->message, ==,
                   "With 3 or more full party members the organization should form its own "
                   "party organization.");
  /* A hint does not block. */
  id = save_org (db, fields);
  fields->id = id;

  g_clear_pointer (&problems, g_ptr_array_unref);
  set_str (&fields->party_org_form, "independent");
  problems = od_organization_validate (db, fields);
  g_assert_null (find_problem (problems, "party_org_form", OD_PROBLEM_HINT));

  g_clear_pointer (&problems, g_ptr_array_unref);
  fields->party_members = -1;
  problems = od_organization_validate (db, fields);
  g_assert_nonnull (find_problem (problems, "party_members", OD_PROBLEM_ERROR));

  /* Errors first, then warnings, then hints. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  fields->party_members = 5;
  set_str (&fields->party_org_form, "none");
  bad_code = make_bad_credit_code ("51610300MJ2912344", &expected);
  set_str (&fields->credit_code, bad_code);
  set_str (&fields->email, "not an address");
  problems = od_organization_validate (db, fields);
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (((OdProblem *) g_ptr_array_index (problems, i - 1))->severity, <=,
                     ((OdProblem *) g_ptr_array_index (problems, i))->severity);
  g_assert_cmpint (((OdProblem *) g_ptr_array_index (problems, 0))->severity, ==, OD_PROBLEM_ERROR);
  g_assert_cmpint (((OdProblem *) g_ptr_array_index (problems, 2))->severity, ==, OD_PROBLEM_HINT);
}

/* --- audit --- */

static void
test_audit (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) loaded = NULL;
  g_autofree char *created = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  set_str (&fields->short_name, "养生协会");
  set_str (&fields->legal_representative, "王建国");
  id = save_org (db, fields);

  g_assert_cmpint (audit_count (db, "organizations", id), ==, 1);
  text = sql_text (db, "SELECT action FROM audit_log WHERE row_id = ?1", id);
  g_assert_cmpstr (text, ==, "insert");
  g_clear_pointer (&text, g_free);
  /* The insert lists the fields given, as [null, new]. */
  text = sql_text (db, "SELECT json_extract (changes, '$.name[1]') FROM audit_log"
                       " WHERE row_id = ?1", id);
  g_assert_cmpstr (text, ==, "宝鸡市养生协会");
  g_assert_cmpint (sql_int (db, "SELECT json_type (changes, '$.name[0]') = 'null' FROM audit_log"
                                " WHERE row_id = ?1", id), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT json_type (changes, '$.notes') IS NULL FROM audit_log"
                                " WHERE row_id = ?1", id), ==, 1);
  g_clear_pointer (&text, g_free);

  loaded = load_org (db, id);
  g_assert_cmpstr (loaded->created_at, ==, TEST_NOW);
  g_assert_cmpstr (loaded->updated_at, ==, TEST_NOW);
  g_assert_cmpuint (strlen (loaded->uuid), ==, 36);
  created = g_strdup (loaded->created_at);

  /* Two fields changed: one entry with exactly those two keys. */
  od_db_set_fixed_now (db, "2019-01-02T03:04:05Z");
  set_str (&loaded->short_name, "养生会");
  set_str (&loaded->phone, "0917-3212345");
  save_org (db, loaded);
  g_assert_cmpint (audit_count (db, "organizations", id), ==, 2);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM json_each ((SELECT changes FROM audit_log"
                                " WHERE row_id = ?1 AND action = 'update'))", id), ==, 2);
  text = sql_text (db, "SELECT json_extract (changes, '$.short_name[0]') || '→' ||"
                       " json_extract (changes, '$.short_name[1]') || ',' ||"
                       " json_extract (changes, '$.phone[0]') || '→' ||"
                       " json_extract (changes, '$.phone[1]')"
                       " FROM audit_log WHERE row_id = ?1 AND action = 'update'", id);
  g_assert_cmpstr (text, ==, "养生协会→养生会,→0917-3212345");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&loaded, od_organization_fields_free);
  loaded = load_org (db, id);
  g_assert_cmpstr (loaded->updated_at, ==, "2019-01-02T03:04:05Z");
  g_assert_cmpstr (loaded->created_at, ==, created);

  /* Saving what is stored changes nothing: no entry, updated_at stays. */
  od_db_set_fixed_now (db, "2019-02-02T00:00:00Z");
  g_assert_cmpint (save_org (db, loaded), ==, id);
  g_assert_cmpint (audit_count (db, "organizations", id), ==, 2);
  g_clear_pointer (&loaded, od_organization_fields_free);
  loaded = load_org (db, id);
  g_assert_cmpstr (loaded->updated_at, ==, "2019-01-02T03:04:05Z");

  /* Untrimmed text equal to what is stored is no change either. */
  set_str (&loaded->name, "宝鸡市养生协会 ");
  save_org (db, loaded);
  g_assert_cmpint (audit_count (db, "organizations", id), ==, 2);

  /* An update of a record that is not there. */
  {
    g_autoptr(GError) error = NULL;

    loaded->id = 4242;
    g_assert_cmpint (od_organization_save (db, loaded, &error), ==, 0);
    g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
  }
}

/* --- the trash --- */

static void
test_trash_delete_restore (OdTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) gone = NULL;
  OdTrashEntry *entry;
  gint64 kept = add_org (db, "宝鸡市江苏商会");
  gint64 id = add_org (db, "宝鸡市养生协会");

  g_assert_cmpint (od_organization_count (db, NULL), ==, 2);
  od_db_set_fixed_now (db, "2019-03-01T08:00:00Z");
  g_assert_true (od_organization_delete (db, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (od_organization_count (db, NULL), ==, 1);
  ids = search_ids (db, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kept);
  g_clear_pointer (&ids, g_array_unref);
  /* Search rows stay, but deleted rows are not found by any path. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *queries[] = { "养", "养生协会", "bjsyx" };

      ids = search_ids (db, queries[i]);
      g_assert_false (ids_contain (ids, id));
      g_clear_pointer (&ids, g_array_unref);
    }
  gone = od_organization_load (db, id, &error);
  g_assert_null (gone);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Deleting twice is refused. */
  g_assert_false (od_organization_delete (db, id, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  trash = od_trash_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 1);
  entry = g_ptr_array_index (trash, 0);
  g_assert_cmpstr (entry->table_name, ==, "organizations");
  g_assert_cmpint (entry->row_id, ==, id);
  g_assert_cmpstr (entry->label, ==, "宝鸡市养生协会");
  g_assert_cmpstr (entry->deleted_at, ==, "2019-03-01T08:00:00Z");
  g_assert_cmpstr (entry->deleted_by, !=, "");
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit_log WHERE row_id = ?1"
                                " AND action = 'delete'", id), ==, 1);

  g_assert_true (od_trash_restore (db, "organizations", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 2);
  ids = search_ids (db, "养生");
  g_assert_true (ids_contain (ids, id));
  g_clear_pointer (&trash, g_ptr_array_unref);
  trash = od_trash_list (db, &error);
  g_assert_cmpuint (trash->len, ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit_log WHERE row_id = ?1"
                                " AND action = 'restore'", id), ==, 1);

  /* Restoring what is not in the trash. */
  g_assert_false (od_trash_restore (db, "organizations", id, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
}

static void
test_trash_newest_first (OdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GPtrArray) trash = NULL;
  gint64 a = add_org (db, "安康市慈善协会");
  gint64 b = add_org (db, "宝鸡市养生协会");
  g_autoptr(OdPersonFields) person = person_named ("王芳", b);
  gint64 p = save_person (db, person);

  od_db_set_fixed_now (db, "2019-01-01T00:00:00Z");
  g_assert_true (od_organization_delete (db, b, NULL));
  od_db_set_fixed_now (db, "2019-01-02T00:00:00Z");
  g_assert_true (od_person_delete (db, p, NULL));
  od_db_set_fixed_now (db, "2019-01-03T00:00:00Z");
  g_assert_true (od_organization_delete (db, a, NULL));

  trash = od_trash_list (db, NULL);
  g_assert_cmpuint (trash->len, ==, 3);
  g_assert_cmpint (((OdTrashEntry *) g_ptr_array_index (trash, 0))->row_id, ==, a);
  g_assert_cmpstr (((OdTrashEntry *) g_ptr_array_index (trash, 1))->label, ==,
                   "王芳 · 宝鸡市养生协会");
  g_assert_cmpint (((OdTrashEntry *) g_ptr_array_index (trash, 2))->row_id, ==, b);
}

static void
test_trash_restore_refused (OdTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *code = make_credit_code ("51610300MJ2912344");
  g_autoptr(OdOrganizationFields) first = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) same_code = org_named ("宝鸡市养生保健协会");
  g_autoptr(GError) error = NULL;
  gint64 id, other;

  set_str (&first->credit_code, code);
  id = save_org (db, first);
  g_assert_true (od_organization_delete (db, id, NULL));

  /* A deleted record's name and code may be used again … */
  other = add_org (db, "宝鸡市养生协会");

  /* … and then the deleted one cannot come back. */
  g_assert_false (od_trash_restore (db, "organizations", id, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "宝鸡市养生协会"));
  g_assert_nonnull (strstr (error->message, "Rename"));
  g_clear_error (&error);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 1);

  /* Same for the code. */
  g_assert_true (od_organization_delete (db, other, NULL));
  set_str (&same_code->credit_code, code);
  save_org (db, same_code);
  g_assert_false (od_trash_restore (db, "organizations", id, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, code));
  g_assert_nonnull (strstr (error->message, "宝鸡市养生保健协会"));
  g_clear_error (&error);

  /* A table the registry does not own. */
  g_assert_false (od_trash_restore (db, "courses; DROP TABLE trash", 1, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
}

static void
test_trash_purge (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdPersonFields) wang = NULL;
  g_autoptr(OdPersonFields) li = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 org = add_org (db, "宝鸡市餐饮饭店行业协会");
  gint64 p1, p2;
  guint n_kept = 99;

  wang = person_named ("王芳", org);
  li = person_named ("李强", org);
  p1 = save_person (db, wang);
  p2 = save_person (db, li);
  g_assert_true (od_organization_delete (db, org, NULL));

  /* Live people refer to it. */
  g_assert_false (od_trash_purge (db, "organizations", org, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“宝鸡市餐饮饭店行业协会” is still referred to by 2 people"));
  g_assert_nonnull (strstr (error->message, "王芳"));
  g_assert_nonnull (strstr (error->message, "李强"));
  g_assert_nonnull (strstr (error->message, "Move or delete them first."));
  g_clear_error (&error);

  /* People in the trash still refer to it. */
  g_assert_true (od_person_delete (db, p1, NULL));
  g_assert_true (od_person_delete (db, p2, NULL));
  g_assert_false (od_trash_purge (db, "organizations", org, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED);
  g_clear_error (&error);

  /* Emptying purges the people first, then the organization. */
  g_assert_true (od_trash_purge (db, "people", p1, &error));
  g_assert_no_error (error);
  g_assert_false (od_trash_purge (db, "organizations", org, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED);
  g_assert_nonnull (strstr (error->message, "by 1 person"));
  g_clear_error (&error);
  g_assert_true (od_trash_purge (db, "people", p2, &error));
  g_assert_true (od_trash_purge (db, "organizations", org, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM organizations WHERE id = ?1", org), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM organization_search WHERE id = ?1", org),
                   ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM person_search WHERE id = ?1", p1), ==, 0);
  g_assert_cmpint (sql_int_text (db, "SELECT count(*) FROM organization_fts"
                                     " WHERE organization_fts MATCH ?1", "\"餐饮饭\""), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM trash WHERE ?1 = ?1", 0), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit_log WHERE action = 'purge'"
                                " AND table_name = 'organizations' AND row_id = ?1", org), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit_log WHERE action = 'purge'"
                                " AND table_name = 'people' AND ?1 = ?1", 0), ==, 2);

  /* Purging a live row is refused. */
  org = add_org (db, "宝鸡市江苏商会");
  g_assert_false (od_trash_purge (db, "organizations", org, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (od_organization_count (db, NULL), ==, 1);

  /* Emptying keeps what is still referred to, and says how many. */
  {
    g_autoptr(OdPersonFields) zhao = person_named ("赵敏", org);
    gint64 a = add_org (db, "安康市慈善协会");
    gint64 b = add_org (db, "渭滨区志愿者协会");
    gint64 c = add_org (db, "陈仓区书法协会");
    g_autoptr(OdPersonFields) sun = person_named ("孙丽", c);
    gint64 ps = save_person (db, sun);

    save_person (db, zhao);
    g_assert_true (od_organization_delete (db, org, NULL));
    g_assert_true (od_organization_delete (db, a, NULL));
    g_assert_true (od_organization_delete (db, b, NULL));
    g_assert_true (od_organization_delete (db, c, NULL));
    g_assert_true (od_person_delete (db, ps, NULL));
    g_assert_true (od_trash_empty (db, &n_kept, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_kept, ==, 1);
    ids = search_ids (db, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
    g_assert_cmpint (sql_int (db, "SELECT count(*) FROM organizations WHERE ?1 = ?1", 0), ==, 1);
    g_assert_cmpint (sql_int (db, "SELECT row_id FROM trash WHERE ?1 = ?1", 0), ==, org);
  }
}

/* --- search --- */

static void
add_search_data (OdDb    *db,
                 gint64  *yangsheng,
                 gint64  *canyin,
                 gint64  *jiangsu,
                 char   **code)
{
  g_autoptr(OdOrganizationFields) a = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) b = org_named ("宝鸡市餐饮饭店行业协会");
  g_autoptr(OdOrganizationFields) c = org_named ("宝鸡市江苏商会");

  *code = make_credit_code ("51610303MJ2912344");
  set_str (&a->credit_code, *code);
  set_str (&a->legal_representative, "张振华");
  set_str (&a->contact_person, "Li Ming");
  set_str (&c->short_name, "江苏会馆");
  *yangsheng = save_org (db, a);
  *canyin = save_org (db, b);
  *jiangsu = save_org (db, c);
  add_org (db, "陈仓区书法协会");
  add_org (db, "渭滨区志愿者协会");
}

static void
test_search (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *code = NULL;
  g_autofree char *fragment = NULL;
  gint64 yangsheng, canyin, jiangsu;
  struct {
    const char *query;
    gint64     *expected;
    guint       n;
  } cases[] = {
    /* 生 and 会 left out; 宝鸡市餐饮饭店行业协会 (bjscyfdxyxh) matches too, but
     * with more characters left out it comes second. */
    { "bjsyx", &yangsheng, 2 },
    { "BJSYX", &yangsheng, 2 },
    { "bjsysxh", &yangsheng, 1 },      /* contiguous */
    { "ysxh", &yangsheng, 1 },         /* contiguous, from the middle */
    { "cyfdhyxh", &canyin, 1 },        /* 行 read háng */
    { "cyfdxyxh", &canyin, 1 },        /* 行 read xíng */
    { "养", &yangsheng, 1 },            /* 1 character */
    { "养生", &yangsheng, 1 },          /* 2 characters */
    { "养生协", &yangsheng, 1 },        /* FTS */
    { "饭店行业", &canyin, 1 },
    { "张振华", &yangsheng, 1 },        /* legal representative */
    { "振华", &yangsheng, 1 },
    { "li ming", &yangsheng, 1 },       /* contact, any case */
    { "LI MING", &yangsheng, 1 },
    { "苏商", &jiangsu, 1 },
    { "jshg", &jiangsu, 1 },           /* initials of the short name */
    { "会馆", &jiangsu, 1 },            /* the short name */
  };

  add_search_data (db, &yangsheng, &canyin, &jiangsu, &code);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = search_ids (db, cases[i].query);

      g_test_message ("query %s", cases[i].query);
      g_assert_cmpuint (ids->len, >=, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, *cases[i].expected);
      g_assert_cmpuint (ids->len, ==, cases[i].n);
    }

  /* A fragment of the credit code, in lower case too. */
  fragment = g_strndup (code + 4, 8);
  {
    g_autoptr(GArray) ids = search_ids (db, fragment);
    g_autofree char *lower = g_ascii_strdown (fragment, -1);
    g_autoptr(GArray) lower_ids = search_ids (db, lower);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, yangsheng);
    g_assert_cmpuint (lower_ids->len, ==, 1);
  }

  {
    g_autoptr(GArray) ids = search_ids (db, "xh");
    g_autoptr(GArray) all = search_ids (db, "   ");
    g_autoptr(GArray) none = search_ids (db, "zzzz");
    g_autoptr(GArray) blank = search_ids (db, "");

    /* 协会 in four names, pinyin order. */
    g_assert_cmpuint (ids->len, ==, 4);
    g_assert_cmpuint (all->len, ==, 5);
    g_assert_cmpuint (blank->len, ==, 5);
    g_assert_cmpuint (none->len, ==, 0);
  }
  {
    g_autoptr(GArray) ids = search_ids (db, "bjsh");
    g_autofree char *names = names_of (db, ids);

    /* bjsh: a subsequence of bjsysxh, bjsjssh (3 left out each, so in name
     * order) and bjscyfdxyxh (7 left out), contiguous in none. */
    g_assert_cmpstr (names, ==, "宝鸡市江苏商会|宝鸡市养生协会|宝鸡市餐饮饭店行业协会");
  }
  {
    g_autoptr(GArray) ids = search_ids (db, "jssh");
    g_autofree char *names = names_of (db, ids);

    /* Contiguous in 宝鸡市江苏商会 (bjsjssh); not a subsequence from the start of others. */
    g_assert_cmpstr (names, ==, "宝鸡市江苏商会");
  }
}

/* --- sorting and filters --- */

static void
test_sort (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *names = NULL;
  OdOrganizationFilter filter;

  /* Inserted out of order. */
  add_org (db, "渭滨区志愿者协会");
  add_org (db, "宝鸡市养生协会");
  add_org (db, "陈仓区书法协会");
  add_org (db, "安康市慈善协会");
  add_org (db, "宝鸡市江苏商会");

  od_organization_filter_init (&filter);
  ids = query_ids (db, &filter);
  names = names_of (db, ids);
  g_assert_cmpstr (names, ==,
                   "安康市慈善协会|宝鸡市江苏商会|宝鸡市养生协会|陈仓区书法协会|渭滨区志愿者协会");
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&names, g_free);

  filter.descending = TRUE;
  ids = query_ids (db, &filter);
  names = names_of (db, ids);
  g_assert_cmpstr (names, ==,
                   "渭滨区志愿者协会|陈仓区书法协会|宝鸡市养生协会|宝鸡市江苏商会|安康市慈善协会");
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&names, g_free);

  /* Every sort runs, ties in name order. */
  for (int sort = OD_ORGANIZATION_SORT_NAME; sort <= OD_ORGANIZATION_SORT_UPDATED_AT; sort++)
    {
      filter.sort = sort;
      filter.descending = FALSE;
      ids = query_ids (db, &filter);
      g_assert_cmpuint (ids->len, ==, 5);
      g_clear_pointer (&ids, g_array_unref);
      filter.descending = TRUE;
      ids = query_ids (db, &filter);
      g_assert_cmpuint (ids->len, ==, 5);
      g_clear_pointer (&ids, g_array_unref);
    }
  filter.sort = OD_ORGANIZATION_SORT_STATUS;
  filter.descending = FALSE;
  ids = query_ids (db, &filter);
  names = names_of (db, ids);
  g_assert_cmpstr (names, ==,
                   "安康市慈善协会|宝鸡市江苏商会|宝鸡市养生协会|陈仓区书法协会|渭滨区志愿者协会");
}

static void
test_filters (OdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) a = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) b = org_named ("宝鸡市三联社会工作服务中心");
  g_autoptr(OdOrganizationFields) c = org_named ("渭滨区志愿者协会");
  g_autoptr(OdOrganizationFields) d = org_named ("陈仓区书法协会");
  g_autofree char *code_a = make_credit_code ("51610300MJ2912344");
  g_autofree char *code_b = make_credit_code ("52610302MJ2X00871");
  gint64 weibin = sql_int (db, "SELECT id FROM areas WHERE code = '610302' AND ?1 = ?1", 0);
  gint64 jintai = sql_int (db, "SELECT id FROM areas WHERE code = '610303' AND ?1 = ?1", 0);
  gint64 culture = sql_int (db, "SELECT id FROM categories WHERE key = 'culture' AND ?1 = ?1", 0);
  gint64 ia, ib, ic, id;
  OdOrganizationFilter filter;

  set_str (&a->credit_code, code_a);
  a->area_id = jintai;
  set_str (&a->member_role, "vice_president");
  set_str (&a->member_since, "2016-05-01");
  set_str (&a->party_org_form, "independent");
  a->party_members = 5;
  set_str (&b->credit_code, code_b);
  b->area_id = weibin;
  set_str (&b->party_instructor, "刘伟");
  c->area_id = weibin;
  set_str (&c->status, "revoked");
  set_str (&c->status_date, "2018-01-05");
  set_str (&d->party_org_form, "joint");
  d->category_id = culture;
  ia = save_org (db, a);
  ib = save_org (db, b);
  ic = save_org (db, c);
  id = save_org (db, d);

#define EXPECT(...) G_STMT_START { \
    g_autoptr(GArray) got = query_ids (db, &filter); \
    gint64 want[] = { 0, __VA_ARGS__ }; \
    g_assert_cmpuint (got->len, ==, G_N_ELEMENTS (want) - 1); \
    for (guint k = 1; k < G_N_ELEMENTS (want); k++) \
      g_assert_true (ids_contain (got, want[k])); \
    od_organization_filter_init (&filter); \
  } G_STMT_END

  od_organization_filter_init (&filter);
  filter.type = OD_ORGANIZATION_TYPE_SOCIAL_GROUP;
  EXPECT (ia);
  filter.type = OD_ORGANIZATION_TYPE_SOCIAL_SERVICE;
  EXPECT (ib);
  filter.area_id = weibin;
  EXPECT (ib, ic);
  filter.category_id = culture;
  EXPECT (id);
  filter.membership = 1;
  EXPECT (ia);
  filter.membership = 0;
  EXPECT (ib, ic, id);
  filter.party = OD_PARTY_ORG_COVERAGE;
  EXPECT (ia, id);
  filter.party = OD_PARTY_WORK_ONLY;
  EXPECT (ib);
  filter.party = OD_PARTY_NONE;
  EXPECT (ic);
  filter.status = "revoked";
  EXPECT (ic);
  filter.status = "active";
  EXPECT (ia, ib, id);
  filter.area_id = weibin;
  filter.query = "协会";
  EXPECT (ic);

  /* Coverage helpers agree with the filter. */
  {
    g_autoptr(OdOrganizationFields) la = load_org (db, ia);
    g_autoptr(OdOrganizationFields) lb = load_org (db, ib);
    g_autoptr(OdOrganizationFields) lc = load_org (db, ic);

    g_assert_true (od_organization_fields_has_org_coverage (la));
    g_assert_true (od_organization_fields_has_work_coverage (la));
    g_assert_false (od_organization_fields_has_org_coverage (lb));
    g_assert_true (od_organization_fields_has_work_coverage (lb));
    g_assert_false (od_organization_fields_has_work_coverage (lc));
    g_assert_cmpstr (la->area_name, ==, "金台区");
    g_assert_cmpstr (lc->area_name, ==, "渭滨区");
  }

  /* Deleted rows stay out whichever way the query is built. */
  g_assert_true (od_organization_delete (db, ic, NULL));
  filter.area_id = weibin;
  EXPECT (ib);
  filter.area_id = weibin;
  filter.query = "渭滨";
  EXPECT ();
  filter.sort = OD_ORGANIZATION_SORT_AREA;
  EXPECT (ia, ib, id);
  filter.sort = OD_ORGANIZATION_SORT_UPDATED_AT;
  filter.descending = TRUE;
  filter.party = OD_PARTY_NONE;
  EXPECT ();
#undef EXPECT
}

/* --- hostile text --- */

static void
test_hostile_text (OdTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GString) long_name = g_string_new (NULL);
  const char *names[] = {
    "引号\"双\"与'单'协会",
    "'); DROP TABLE organizations; --",
    "\"养生\" OR 1=1 --",
    /* Control characters are refused (test-text.c); a tab between
     * the words of the notes is fine. */
    "制表符与控制字符协会",
    "表情😀协会",
    "NEAR(a b) AND c* OR \"d",
    NULL,
  };
  g_autoptr(GPtrArray) stored = g_ptr_array_new ();

  for (guint i = 0; i < 10000; i++)
    g_string_append_unichar (long_name, i % 2 == 0 ? 0x5B9D : 'x');
  names[G_N_ELEMENTS (names) - 1] = long_name->str;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(OdOrganizationFields) fields = org_named (names[i]);
      g_autoptr(OdOrganizationFields) loaded = NULL;
      gint64 id;

      set_str (&fields->notes, names[i]);
      set_str (&fields->legal_representative, names[i]);
      id = save_org (db, fields);
      loaded = load_org (db, id);
      g_assert_cmpstr (loaded->name, ==, names[i]);
      g_assert_cmpstr (loaded->notes, ==, names[i]);
      g_assert_cmpstr (loaded->legal_representative, ==, names[i]);
    }
  g_assert_cmpuint (g_utf8_strlen (names[G_N_ELEMENTS (names) - 1], -1), ==, 10000);
  g_assert_cmpint (od_organization_count (db, NULL), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GArray) ids = search_ids (db, names[i]);

      /* Each finds itself (and perhaps others that contain it). */
      g_assert_cmpuint (ids->len, >=, 1);
    }

  {
    static const char *queries[] = { "\"", "'", "\"\"\"", "*", "a*", "NEAR(", "-", "(", "😀",
                                     "\x01", "\t", "%", "_", "%%%", "\\", "AND", "x\"y" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GArray) ids = search_ids (db, queries[i]);

        (void) ids;
      }
  }
  {
    g_autoptr(GArray) ids = search_ids (db, "😀");
    g_autoptr(GArray) percent = search_ids (db, "%");

    g_assert_cmpuint (ids->len, ==, 1);
    /* No LIKE wildcard leaks: nothing has a % in it. */
    g_assert_cmpuint (percent->len, ==, 0);
  }
  /* The table is still there, and so is everything in it. */
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM organizations WHERE ?1 = ?1", 0), ==,
                   G_N_ELEMENTS (names));
}

/* --- people --- */

static void
test_people_validate (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  gint64 org = add_org (db, "宝鸡市慧芳公益发展中心");
  g_autoptr(OdPersonFields) person = person_named ("王芳", org);
  g_autoptr(OdPersonFields) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = make_id_number ("61030219900101122");
  g_autofree char *bad_check = NULL;
  const OdProblem *problem;
  gint64 id;

  bad_check = g_strdup (valid);
  bad_check[17] = valid[17] == '1' ? '2' : '1';

  set_str (&person->id_number, bad_check);
  problems = od_person_validate (db, person);
  problem = find_problem (problems, "id_number", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "check character"));
  g_assert_cmpint (od_person_save (db, person, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  set_str (&person->id_number, "610302199002301234");
  problems = od_person_validate (db, person);
  g_assert_nonnull (find_problem (problems, "id_number", OD_PROBLEM_ERROR));
  g_clear_pointer (&problems, g_ptr_array_unref);

  set_str (&person->id_number, "6103021990");
  problems = od_person_validate (db, person);
  g_assert_nonnull (find_problem (problems, "id_number", OD_PROBLEM_ERROR));
  g_clear_pointer (&problems, g_ptr_array_unref);

  set_str (&person->id_number, "");
  set_str (&person->mobile, "0917-3212345");
  problems = od_person_validate (db, person);
  problem = find_problem (problems, "mobile", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "11 digits"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  set_str (&person->name, "");
  set_str (&person->mobile, "");
  set_str (&person->gender, "x");
  problems = od_person_validate (db, person);
  g_assert_nonnull (find_problem (problems, "name", OD_PROBLEM_ERROR));
  g_assert_nonnull (find_problem (problems, "gender", OD_PROBLEM_ERROR));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A valid number, typed with spaces; the gender is read from it when
   * unknown (17th digit even: female). */
  set_str (&person->name, "王芳");
  set_str (&person->gender, "unknown");
  {
    g_autofree char *spaced = g_strdup_printf ("%.6s %.8s %s", valid, valid + 6, valid + 14);

    set_str (&person->id_number, spaced);
  }
  set_str (&person->mobile, "139 1234 5678");
  id = save_person (db, person);
  loaded = od_person_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->id_number, ==, valid);
  g_assert_cmpstr (loaded->mobile, ==, "13912345678");
  g_assert_cmpstr (loaded->gender, ==, "female");
  g_assert_cmpstr (loaded->organization_name, ==, "宝鸡市慧芳公益发展中心");
  g_assert_cmpuint (od_person_count (db, NULL), ==, 1);
  {
    g_autoptr(OdOrganizationFields) o = load_org (db, org);

    g_assert_cmpint (o->n_people, ==, 1);
  }

  /* The organization must exist and be live. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (od_organization_delete (db, org, NULL));
  problems = od_person_validate (db, loaded);
  g_assert_nonnull (find_problem (problems, "organization_id", OD_PROBLEM_ERROR));
  g_clear_pointer (&problems, g_ptr_array_unref);
  loaded->organization_id = 9999;
  problems = od_person_validate (db, loaded);
  g_assert_nonnull (find_problem (problems, "organization_id", OD_PROBLEM_ERROR));
}

static void
test_people_audit_mask (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *first = make_id_number ("61030219850615123");
  g_autofree char *second = make_id_number ("61030319850615123");
  g_autofree char *masked = od_id_number_mask (first);
  g_autoptr(OdPersonFields) person = person_named ("李强", 0);
  g_autoptr(OdPersonFields) loaded = NULL;
  const char *sql = "SELECT count(*) FROM audit_log WHERE changes LIKE '%' || ?1 || '%'";
  gint64 id;

  set_str (&person->id_number, first);
  id = save_person (db, person);
  loaded = od_person_load (db, id, NULL);
  set_str (&loaded->id_number, second);
  set_str (&loaded->position, "秘书长");
  save_person (db, loaded);
  g_assert_true (od_person_delete (db, id, NULL));
  g_assert_true (od_trash_restore (db, "people", id, NULL));

  g_assert_cmpint (audit_count (db, "people", id), ==, 4);
  g_assert_cmpint (sql_int_text (db, sql, first), ==, 0);
  g_assert_cmpint (sql_int_text (db, sql, second), ==, 0);
  g_assert_cmpint (sql_int_text (db, sql, masked), ==, 2);
  g_assert_cmpint (sql_int_text (db, "SELECT count(*) FROM audit_log WHERE summary LIKE '%' ||"
                                     " ?1 || '%'", first), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM json_each ((SELECT changes FROM audit_log"
                                " WHERE row_id = ?1 AND action = 'update'"
                                " AND table_name = 'people'))", id), ==, 2);
}

static void
test_people_duplicates (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autofree char *number = make_id_number ("61030219900101123");
  g_autofree char *masked = od_id_number_mask (number);
  g_autoptr(OdPersonFields) a = person_named ("王芳", 0);
  g_autoptr(OdPersonFields) b = person_named ("王小芳", 0);
  g_autoptr(OdPersonFields) c = person_named ("王芳", 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const OdProblem *problem;
  gint64 id;

  set_str (&a->id_number, number);
  set_str (&a->mobile, "13812345678");
  id = save_person (db, a);

  set_str (&b->id_number, number);
  problems = od_person_validate (db, b);
  problem = find_problem (problems, "id_number", OD_PROBLEM_ERROR);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->other_id, ==, id);
  g_assert_nonnull (strstr (problem->message, masked));
  g_assert_nonnull (strstr (problem->message, "王芳"));
  g_assert_null (strstr (problem->message, number));
  g_assert_cmpint (od_person_save (db, b, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_assert_null (strstr (error->message, number));
  g_clear_error (&error);

  set_str (&c->mobile, "138-1234-5678");
  g_assert_cmpint (od_person_save (db, c, &error), ==, 0);
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Same name without a mobile number, or with another: someone else. */
  set_str (&c->mobile, "13912345678");
  save_person (db, c);
  g_assert_cmpint (od_person_count (db, NULL), ==, 2);

  /* A deleted person's number may be recorded again; the deleted one then
   * cannot be restored. */
  g_assert_true (od_person_delete (db, id, NULL));
  save_person (db, b);
  g_assert_false (od_trash_restore (db, "people", id, &error));
  g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, masked));
  g_assert_null (strstr (error->message, number));
}

static void
test_people_search (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  gint64 huifang = add_org (db, "宝鸡市慧芳公益发展中心");
  gint64 anyang = add_org (db, "安康市慈善协会");
  g_autoptr(OdPersonFields) wang = person_named ("王芳", huifang);
  g_autoptr(OdPersonFields) zhang = person_named ("张长乐", anyang);
  g_autoptr(OdPersonFields) li = person_named ("李强", 0);
  g_autoptr(OdOrganizationFields) renamed = NULL;
  OdPersonFilter filter;
  gint64 w, z, l;

  set_str (&wang->mobile, "13812345678");
  set_str (&wang->gender, "female");
  w = save_person (db, wang);
  z = save_person (db, zhang);
  l = save_person (db, li);

#define EXPECT_ORDER(...) G_STMT_START { \
    g_autoptr(GError) err = NULL; \
    g_autoptr(GArray) got = od_person_query_ids (db, &filter, &err); \
    gint64 want[] = { __VA_ARGS__ }; \
    g_assert_no_error (err); \
    g_assert_cmpuint (got->len, ==, G_N_ELEMENTS (want)); \
    for (guint k = 0; k < G_N_ELEMENTS (want); k++) \
      g_assert_cmpint (g_array_index (got, gint64, k), ==, want[k]); \
    od_person_filter_init (&filter); \
  } G_STMT_END

  od_person_filter_init (&filter);
  EXPECT_ORDER (l, w, z);                  /* li, wang, zhang */
  filter.descending = TRUE;
  EXPECT_ORDER (z, w, l);
  filter.query = "wf";
  EXPECT_ORDER (w);
  filter.query = "5678";                   /* mobile tail */
  EXPECT_ORDER (w);
  filter.query = "慧芳";                    /* organization name */
  EXPECT_ORDER (w);
  filter.query = "zcl";                    /* 长 zhǎng/cháng */
  EXPECT_ORDER (z);
  filter.query = "zzl";
  EXPECT_ORDER (z);
  filter.organization_id = anyang;
  EXPECT_ORDER (z);
  filter.gender = "female";
  EXPECT_ORDER (w);
  filter.gender = "female";
  filter.query = "宝鸡";
  EXPECT_ORDER (w);
  filter.gender = "male";
  filter.query = "wf";
  {
    g_autoptr(GArray) got = od_person_query_ids (db, &filter, NULL);

    g_assert_cmpuint (got->len, ==, 0);
    od_person_filter_init (&filter);
  }
  filter.sort = OD_PERSON_SORT_ORGANIZATION;  /* 安康… < 宝鸡…, none last */
  EXPECT_ORDER (z, w, l);

  /* Renaming the organization updates its people's search text. */
  renamed = load_org (db, huifang);
  set_str (&renamed->name, "宝鸡市上善公益援助中心");
  save_org (db, renamed);
  filter.query = "上善";
  EXPECT_ORDER (w);
#undef EXPECT_ORDER
  {
    g_autoptr(GArray) got = NULL;

    filter.query = "慧芳";
    got = od_person_query_ids (db, &filter, NULL);
    g_assert_cmpuint (got->len, ==, 0);
  }

  /* Items show the number masked. */
  {
    g_autoptr(GPtrArray) items = od_person_load_items (db, &w, 1, NULL);
    g_autofree char *name = NULL;

    g_assert_cmpuint (items->len, ==, 1);
    g_object_get (g_ptr_array_index (items, 0), "name", &name, NULL);
    g_assert_cmpstr (name, ==, "王芳");
  }
}

/* --- load_items --- */

static void
test_load_items (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted = 0;
  gint64 missing = 999999;
  guint n = 0;

  for (guint i = 0; i < 520; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试协会%03u", i);
      gint64 id = add_org (db, name);

      g_array_prepend_val (wanted, id);
      if (i == 7)
        deleted = id;
    }
  g_assert_true (od_organization_delete (db, deleted, NULL));
  g_array_insert_val (wanted, 3, missing);

  items = od_organization_load_items (db, (const gint64 *) wanted->data, wanted->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 519);
  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);
      OdOrganization *item;
      g_autofree char *name = NULL;

      if (id == missing || id == deleted)
        continue;
      item = g_ptr_array_index (items, n++);
      g_assert_cmpint (od_organization_get_id (item), ==, id);
      g_object_get (item, "name", &name, NULL);
      g_assert_cmpstr (name, ==, od_organization_get_fields (item)->name);
    }
  g_assert_cmpuint (n, ==, items->len);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = od_organization_load_items (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_fields_copy (void)
{
  g_autoptr(OdOrganizationFields) fields = org_named ("宝鸡市养生协会");
  g_autoptr(OdOrganizationFields) copy = NULL;
  g_autoptr(OdPersonFields) person = person_named ("王芳", 3);
  g_autoptr(OdPersonFields) person_copy = NULL;
  g_autoptr(OdOrganization) item = NULL;

  set_str (&fields->member_role, "member");
  copy = od_organization_fields_copy (fields);
  g_assert_cmpstr (copy->name, ==, "宝鸡市养生协会");
  g_assert_cmpstr (copy->member_role, ==, "member");
  g_assert_true (copy->name != fields->name);
  g_assert_cmpstr (copy->status, ==, "active");
  g_assert_null (copy->credit_code);

  set_str (&person->id_number, "610302199001011234");
  person_copy = od_person_fields_copy (person);
  g_assert_cmpstr (person_copy->id_number, ==, "610302199001011234");
  g_assert_cmpint (person_copy->organization_id, ==, 3);

  item = od_organization_new (g_steal_pointer (&copy));
  g_assert_cmpstr (od_organization_get_fields (item)->name, ==, "宝鸡市养生协会");
  {
    g_autoptr(OdPerson) p = od_person_new (g_steal_pointer (&person_copy));
    g_autofree char *masked = NULL;

    g_object_get (p, "id-number-masked", &masked, NULL);
    g_assert_cmpstr (masked, ==, "610302********1234");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/registry/validate/name", test_validate_name);
  OD_TEST_ADD ("/registry/validate/duplicates", test_validate_duplicates);
  OD_TEST_ADD ("/registry/validate/credit-code", test_validate_credit_code);
  OD_TEST_ADD ("/registry/validate/type-from-code", test_validate_type_from_code);
  OD_TEST_ADD ("/registry/validate/phone-email", test_validate_phone_email);
  OD_TEST_ADD ("/registry/validate/dates", test_validate_dates);
  OD_TEST_ADD ("/registry/validate/party", test_validate_party);
  OD_TEST_ADD ("/registry/audit", test_audit);
  OD_TEST_ADD ("/registry/trash/delete-restore", test_trash_delete_restore);
  OD_TEST_ADD ("/registry/trash/newest-first", test_trash_newest_first);
  OD_TEST_ADD ("/registry/trash/restore-refused", test_trash_restore_refused);
  OD_TEST_ADD ("/registry/trash/purge", test_trash_purge);
  OD_TEST_ADD ("/registry/search", test_search);
  OD_TEST_ADD ("/registry/sort", test_sort);
  OD_TEST_ADD ("/registry/filters", test_filters);
  OD_TEST_ADD ("/registry/hostile-text", test_hostile_text);
  OD_TEST_ADD ("/registry/people/validate", test_people_validate);
  OD_TEST_ADD ("/registry/people/audit-mask", test_people_audit_mask);
  OD_TEST_ADD ("/registry/people/duplicates", test_people_duplicates);
  OD_TEST_ADD ("/registry/people/search", test_people_search);
  OD_TEST_ADD ("/registry/load-items", test_load_items);
  g_test_add_func ("/registry/fields-copy", test_fields_copy);

  return g_test_run ();
}
