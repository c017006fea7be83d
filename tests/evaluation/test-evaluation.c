/* test-evaluation.c — grade evaluation: thresholds at every boundary, the
 * party rule, bonus caps, both validity rules, the indicator tree (checks
 * and roll-ups), the shipped schemes, eligibility (each rule), the steps of
 * a round, frozen and copied schemes, grades of organizations, the watch
 * list, import through the entity registry, the figures and the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "od-demo.h"
#include "od-domains.h"
#include "od-evaluation-entities.h"
#include "od-evaluation-rules.h"
#include "od-evaluation-store.h"
#include "od-export.h"
#include "od-import.h"
#include "od-inspection-store.h"
#include "od-registry-store.h"
#include "od-stats.h"
#include "od-store-util.h"
#include "od-test-db.h"

/* --- helpers --- */

static gint64
add_org (OdDb       *db,
         const char *name,
         const char *registered_on,
         const char *party_form)
{
  g_autoptr(OdOrganizationFields) o = od_organization_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (o->name);
  o->name = g_strdup (name);
  o->org_type = OD_ORGANIZATION_TYPE_SOCIAL_GROUP;
  o->registered_on = g_strdup (registered_on);
  g_free (o->party_org_form);
  o->party_org_form = g_strdup (party_form);
  id = od_organization_save (db, o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_inspection (OdDb       *db,
                gint64      organization_id,
                gint64      year,
                const char *conclusion)
{
  g_autoptr(OdInspectionFields) i = od_inspection_fields_new ();
  g_autoptr(GError) error = NULL;

  i->organization_id = organization_id;
  i->year = year;
  g_free (i->conclusion);
  i->conclusion = g_strdup (conclusion);
  i->submitted_on = g_strdup_printf ("%04d-04-01", (int) year + 1);
  g_assert_cmpint (od_inspection_save (db, i, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
add_round (OdDb       *db,
           gint64      year,
           const char *announced_on)
{
  g_autoptr(OdEvaluationRoundFields) r = od_evaluation_round_fields_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (r->name);
  r->name = g_strdup_printf ("%d年度社会组织等级评估", (int) year);
  r->year = year;
  r->announced_on = g_strdup (announced_on);
  id = od_evaluation_round_save (db, r, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
scheme_id_of (OdDb       *db,
              const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM rating_schemes WHERE uuid = '%s'", uuid);

  return od_test_query_int (db, sql);
}

/* Every leaf of evaluation ID scored at SHARE per mille of its maximum. */
static void
score_all (OdDb   *db,
           gint64  id,
           gint64  share)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdEvaluationFields) e = od_evaluation_load (db, id, &error);
  g_autoptr(GPtrArray) indicators = od_scheme_list_indicators (db, e->scheme_id, &error);
  g_autoptr(GPtrArray) roots = od_indicator_tree_build (indicators);
  g_autoptr(GPtrArray) leaves = od_indicator_tree_leaves (roots);

  for (guint i = 0; i < leaves->len; i++)
    {
      OdIndicatorNode *leaf = g_ptr_array_index (leaves, i);

      g_assert_true (od_evaluation_set_score (db, id, leaf->indicator->id, -1,
                                              leaf->indicator->max_points * share / 1000, &error));
      g_assert_no_error (error);
    }
}

/* --- rules --- */

static void
test_thresholds (void)
{
  g_autoptr(OdRatingSchemeFields) s = od_rating_scheme_fields_new ();
  struct
  {
    gint64 total;
    gint64 grade;
  } cases[] = {
    { 10000, 5 }, { 9000, 5 }, { 8999, 4 }, { 8000, 4 }, { 7999, 3 }, { 7000, 3 },
    { 6999, 2 }, { 6000, 2 }, { 5999, 1 }, { 5000, 1 }, { 4999, 0 }, { 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (od_scheme_grade_for_total (s, cases[i].total, TRUE), ==, cases[i].grade);

  /* 5A needs a party organization where the scheme says so. */
  s->party_required_top = 1;
  g_assert_cmpint (od_scheme_grade_for_total (s, 9500, FALSE), ==, 4);
  g_assert_cmpint (od_scheme_grade_for_total (s, 9500, TRUE), ==, 5);
  g_assert_cmpint (od_scheme_grade_for_total (s, 8500, FALSE), ==, 4);

  s->bonus_cap = 500;
  g_assert_cmpint (od_scheme_cap_bonus (s, 800), ==, 500);
  g_assert_cmpint (od_scheme_cap_bonus (s, 200), ==, 200);
  g_assert_cmpint (od_scheme_cap_bonus (s, -5), ==, 0);

  g_assert_cmpstr (od_grade_label ("grade", 3), ==, "3A");
  g_assert_cmpstr (od_grade_label ("stars", 2), ==, "★★");
  g_assert_cmpstr (od_grade_label ("grade", 0), ==, "");
}

static void
test_validity (void)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  /* The 2026 rule: 1 January of the next year to 31 December of the fifth. */
  g_assert_true (od_grade_validity ("next_year", 5, "2026-05-10", &from, &until));
  g_assert_cmpstr (from, ==, "2027-01-01");
  g_assert_cmpstr (until, ==, "2031-12-31");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&until, g_free);
  g_assert_true (od_grade_validity ("next_year", 5, "2017-12-31", &from, &until));
  g_assert_cmpstr (from, ==, "2018-01-01");
  g_assert_cmpstr (until, ==, "2022-12-31");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&until, g_free);

  /* The 2010 rule: from the announcement, five years. */
  g_assert_true (od_grade_validity ("announcement", 5, "2017-12-15", &from, &until));
  g_assert_cmpstr (from, ==, "2017-12-15");
  g_assert_cmpstr (until, ==, "2022-12-14");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&until, g_free);
  g_assert_true (od_grade_validity ("announcement", 5, "2016-02-29", &from, &until));
  g_assert_cmpstr (until, ==, "2021-02-27");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&until, g_free);

  g_assert_false (od_grade_validity ("next_year", 5, "2017-13-01", &from, &until));
  g_assert_false (od_grade_validity ("next_year", 5, NULL, &from, &until));
  g_assert_null (from);
}

static OdSchemeIndicatorFields *
indicator (gint64      id,
           gint64      parent_id,
           gint64      position,
           const char *name,
           gint64      max_points)
{
  OdSchemeIndicatorFields *f = od_scheme_indicator_fields_new ();

  f->id = id;
  f->parent_id = parent_id;
  f->position = position;
  g_free (f->name);
  f->name = g_strdup (name);
  f->max_points = max_points;
  return f;
}

static void
test_tree (void)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) od_scheme_indicator_fields_free);
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) od_evaluation_score_fields_free);
  OdIndicatorNode *a, *b;

  /* A 100 (A1 60, A2 40 = A2a 25 + A2b 15), B 50 (no children): 150. */
  g_ptr_array_add (indicators, indicator (2, 0, 2, "B", 500));
  g_ptr_array_add (indicators, indicator (1, 0, 1, "A", 1000));
  g_ptr_array_add (indicators, indicator (11, 1, 1, "A1", 600));
  g_ptr_array_add (indicators, indicator (12, 1, 2, "A2", 400));
  g_ptr_array_add (indicators, indicator (121, 12, 1, "A2a", 250));
  g_ptr_array_add (indicators, indicator (122, 12, 2, "A2b", 150));
  roots = od_indicator_tree_build (indicators);
  g_assert_cmpuint (roots->len, ==, 2);
  a = g_ptr_array_index (roots, 0);
  b = g_ptr_array_index (roots, 1);
  g_assert_cmpstr (a->indicator->name, ==, "A");
  g_assert_cmpuint (a->level, ==, 1);
  g_assert_cmpuint (((OdIndicatorNode *) g_ptr_array_index (((OdIndicatorNode *) g_ptr_array_index (a->children, 1))->children, 0))->level, ==, 3);

  od_indicator_tree_check (roots, 1500, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  od_indicator_tree_check (roots, 1600, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((OdProblem *) g_ptr_array_index (problems, 0))->message, "150"));
  g_ptr_array_set_size (problems, 0);

  leaves = od_indicator_tree_leaves (roots);
  g_assert_cmpuint (leaves->len, ==, 4);
  g_assert_cmpstr (((OdIndicatorNode *) g_ptr_array_index (leaves, 0))->indicator->name, ==, "A1");
  g_assert_cmpstr (((OdIndicatorNode *) g_ptr_array_index (leaves, 3))->indicator->name, ==, "B");

  /* Roll-up: A1 55, A2a 20, A2b not scored, B 45.5. */
  {
    gint64 ids[] = { 11, 121, 2 };
    gint64 points[] = { 550, 200, 455 };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        OdEvaluationScoreFields *s = od_evaluation_score_fields_new ();

        s->indicator_id = ids[i];
        s->expert_score = points[i];
        s->self_score = points[i] + 10;
        g_hash_table_insert (scores, &s->indicator_id, s);
      }
  }
  od_indicator_tree_roll_up (roots, scores);
  g_assert_cmpint (a->expert_score, ==, 750);
  g_assert_cmpint (a->self_score, ==, 770);
  g_assert_cmpint (((OdIndicatorNode *) g_ptr_array_index (a->children, 1))->expert_score, ==, 200);
  g_assert_cmpint (b->expert_score, ==, 455);

  /* Children that do not add up, and a fifth level. */
  ((OdSchemeIndicatorFields *) g_ptr_array_index (indicators, 5))->max_points = 100;
  g_ptr_array_add (indicators, indicator (1221, 122, 1, "L4", 100));
  g_ptr_array_add (indicators, indicator (12211, 1221, 1, "L5", 100));
  g_clear_pointer (&roots, g_ptr_array_unref);
  roots = od_indicator_tree_build (indicators);
  od_indicator_tree_check (roots, 1500, problems);
  {
    gboolean sum_problem = FALSE, level_problem = FALSE;

    for (guint i = 0; i < problems->len; i++)
      {
        const char *message = ((OdProblem *) g_ptr_array_index (problems, i))->message;

        sum_problem |= strstr (message, "“A2”") != NULL && strstr (message, "35") != NULL;
        level_problem |= strstr (message, "“L5”") != NULL;
      }
    g_assert_true (sum_problem);
    g_assert_true (level_problem);
  }

  {
    struct
    {
      const char *text;
      gboolean    ok;
      gint64      tenths;
    } cases[] = {
      { "27.5", TRUE, 275 }, { "30", TRUE, 300 }, { " 30分 ", TRUE, 300 }, { "２７．５", TRUE, 275 },
      { "0", TRUE, 0 }, { "27.55", FALSE, 0 }, { "27.", FALSE, 0 }, { ".5", TRUE, 5 },
      { "-3", FALSE, 0 }, { "三十", FALSE, 0 }, { "", FALSE, 0 }, { "1e3", FALSE, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        gint64 tenths = -1;

        g_assert_cmpint (od_points_parse (cases[i].text, &tenths), ==, cases[i].ok);
        if (cases[i].ok)
          g_assert_cmpint (tenths, ==, cases[i].tenths);
      }
  }
  {
    g_autofree char *p1 = od_points_format (275);
    g_autofree char *p2 = od_points_format (300);
    g_autofree char *p3 = od_points_format (-1);

    g_assert_cmpstr (p1, ==, "27.5");
    g_assert_cmpstr (p2, ==, "30");
    g_assert_cmpstr (p3, ==, "");
  }
}

/* The shipped schemes (DESIGN.md §2): their trees add up, their
 * thresholds are the defaults. */
static void
test_shipped_schemes (OdTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) schemes = od_rating_scheme_list (db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (schemes->len, ==, 4);
  for (guint i = 0; i < schemes->len; i++)
    {
      OdRatingSchemeFields *s = g_ptr_array_index (schemes, i);
      g_autoptr(GPtrArray) indicators = od_scheme_list_indicators (db, s->id, &error);
      g_autoptr(GPtrArray) roots = od_indicator_tree_build (indicators);
      g_autoptr(GPtrArray) problems = od_problems_new ();

      g_assert_no_error (error);
      od_indicator_tree_check (roots, s->max_score, problems);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (roots->len, ==, 5);
    }
  g_assert_cmpint (od_test_query_int (db, "SELECT threshold_5 FROM rating_schemes"
                                          " WHERE uuid = 'scheme-social-group'"), ==, 9000);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators i JOIN"
                                          " rating_schemes s ON s.id = i.scheme_id WHERE"
                                          " s.uuid = 'scheme-social-group' AND i.parent_id IS NULL"
                                          " AND i.name = '工作绩效' AND i.max_points = 4000"), ==, 1);
  g_assert_cmpint (od_rating_scheme_for_type (db, "grade", "foundation", &error), ==,
                   scheme_id_of (db, "scheme-foundation"));
  g_assert_cmpint (od_rating_scheme_for_type (db, "stars", "social_group", &error), ==,
                   scheme_id_of (db, "scheme-party-stars"));
  g_assert_cmpint (od_rating_scheme_for_type (db, "grade", "other", &error), ==, 0);
}

/* A new scheme with its tree in one step; then a change and a deletion. */
static void
test_save_tree (OdTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdRatingSchemeFields) scheme = od_rating_scheme_fields_new ();
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) od_scheme_indicator_fields_free);
  g_autoptr(GArray) deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) loaded = NULL;
  gint64 id, child;

  g_free (scheme->name);
  scheme->name = g_strdup ("渭滨区等级评估方案");
  scheme->max_score = 1000;
  scheme->threshold_5 = 900;
  scheme->threshold_4 = 800;
  scheme->threshold_3 = 700;
  scheme->threshold_2 = 600;
  scheme->threshold_1 = 500;
  g_ptr_array_add (indicators, indicator (0, 0, 1, "基础", 600));
  g_ptr_array_add (indicators, indicator (0, -1, 1, "章程", 600));
  g_ptr_array_add (indicators, indicator (0, 0, 2, "绩效", 400));
  id = od_rating_scheme_save_tree (db, scheme, indicators, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  loaded = od_scheme_list_indicators (db, id, &error);
  g_assert_cmpuint (loaded->len, ==, 3);
  child = od_test_query_int (db, "SELECT max (id) FROM scheme_indicators WHERE name = '章程'");
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators c JOIN"
                                          " scheme_indicators p ON p.id = c.parent_id"
                                          " WHERE c.name = '章程' AND p.name = '基础'"), ==, 1);

  /* Thresholds out of order: refused, nothing written. */
  scheme->id = id;
  scheme->threshold_4 = 950;
  g_ptr_array_set_size (indicators, 0);
  g_assert_cmpint (od_rating_scheme_save_tree (db, scheme, indicators, NULL, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  scheme->threshold_4 = 800;
  g_array_append_val (deleted, child);
  g_assert_cmpint (od_rating_scheme_save_tree (db, scheme, indicators, deleted, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators WHERE"
                                          " scheme_id = (SELECT max (id) FROM rating_schemes)"
                                          " AND deleted_at IS NULL"), ==, 2);
}

/* --- eligibility --- */

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (((OdProblem *) g_ptr_array_index (problems, i))->message, text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_eligibility (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 scheme = scheme_id_of (db, "scheme-social-group");
  gint64 good = add_org (db, "宝鸡市养生协会", "2015-01-01", "independent");
  gint64 young = add_org (db, "宝鸡市新社团", "2015-01-02", "none");
  gint64 unknown = add_org (db, "宝鸡市无日期协会", NULL, "none");
  gint64 skipped = add_org (db, "宝鸡市未年检协会", "2010-05-01", "none");
  gint64 failed = add_org (db, "宝鸡市不合格协会", "2010-05-01", "none");
  gint64 twice = add_org (db, "宝鸡市基本合格协会", "2010-05-01", "none");
  gint64 round;

  add_inspection (db, good, 2016, "qualified");
  add_inspection (db, young, 2016, "qualified");
  add_inspection (db, unknown, 2016, "qualified");
  add_inspection (db, failed, 2016, "unqualified");
  add_inspection (db, twice, 2015, "basically_qualified");
  add_inspection (db, twice, 2016, "basically_qualified");
  (void) skipped;

  {
    struct
    {
      gint64      id;
      const char *expect;   /* NULL: eligible */
    } cases[] = {
      { good, NULL },
      { young, "not two full years" },
      { unknown, "registration date is not recorded" },
      { skipped, "did not take the annual inspection of 2016" },
      { failed, "2016 was unqualified" },
      { twice, "2015 and 2016 were both basically qualified" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) problems = od_problems_new ();

        g_assert_true (od_evaluation_check_eligibility (db, cases[i].id, 2017, scheme, problems,
                                                        &error));
        g_assert_no_error (error);
        if (cases[i].expect == NULL)
          g_assert_cmpuint (problems->len, ==, 0);
        else
          {
            g_assert_cmpuint (problems->len, ==, 1);
            g_assert_true (has_problem (problems, cases[i].expect));
            g_assert_cmpint (((OdProblem *) g_ptr_array_index (problems, 0))->severity, ==,
                             OD_PROBLEM_WARNING);
          }
      }
  }

  /* Adding: refused without a reason, taken with one. */
  round = add_round (db, 2017, "2017-12-15");
  g_assert_cmpint (od_round_add_organization (db, round, failed, NULL, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_NEEDS_REASON);
  g_assert_nonnull (strstr (error->message, "unqualified"));
  g_clear_error (&error);
  {
    gint64 id = od_round_add_organization (db, round, failed, "整改完成，经评估委员会同意参评", &error);
    g_autoptr(OdEvaluationFields) e = NULL;

    g_assert_no_error (error);
    e = od_evaluation_load (db, id, &error);
    g_assert_cmpstr (e->state, ==, "eligible");
    g_assert_cmpstr (e->eligibility_reason, ==, "整改完成，经评估委员会同意参评");
    g_assert_cmpint (e->scheme_id, ==, scheme);
  }
  g_assert_cmpint (od_round_add_organization (db, round, good, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* Only once per round. */
  g_assert_cmpint (od_round_add_organization (db, round, good, NULL, &error), ==, 0);
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE);
}

/* --- the steps of a round --- */

static void
test_workflow (OdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 party = add_org (db, "宝鸡市江苏商会", "2012-03-01", "independent");
  gint64 plain = add_org (db, "宝鸡市餐饮饭店行业协会", "2012-03-01", "none");
  gint64 round = add_round (db, 2017, "2017-12-15");
  gint64 a, b, scheme = scheme_id_of (db, "scheme-social-group");
  OdEvaluationTotals totals;
  OdCurrentGrade grade = { 0 };
  g_autoptr(OdEvaluationFields) e = NULL;
  g_autoptr(GPtrArray) watch = NULL;
  gboolean frozen = TRUE;

  add_inspection (db, party, 2016, "qualified");
  add_inspection (db, plain, 2016, "qualified");
  a = od_round_add_organization (db, round, party, NULL, &error);
  b = od_round_add_organization (db, round, plain, NULL, &error);
  g_assert_no_error (error);

  /* Steps in order only; scored needs every leaf. */
  g_assert_false (od_evaluation_advance (db, a, "confirmed", &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (od_evaluation_advance (db, a, "scored", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "0 of the 20"));
  g_clear_error (&error);

  score_all (db, a, 950);
  score_all (db, b, 950);
  g_assert_true (od_evaluation_get_totals (db, a, &totals, &error));
  g_assert_cmpuint (totals.n_leaves, ==, 20);
  g_assert_cmpuint (totals.n_scored, ==, 20);
  g_assert_cmpint (totals.expert_total, ==, 9500);
  /* A score above the indicator's maximum is refused. */
  {
    gint64 leaf = od_test_query_int (db, "SELECT id FROM scheme_indicators WHERE"
                                         " uuid = 'scheme-social-group-1-1'");

    g_assert_false (od_evaluation_set_score (db, a, leaf, -1, 301, &error));
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "30 points"));
    g_clear_error (&error);
  }

  for (guint i = 0; i < 2; i++)
    {
      gint64 id = i == 0 ? a : b;

      g_assert_true (od_evaluation_advance (db, id, "scored", &error));
      g_assert_true (od_evaluation_advance (db, id, "proposed", &error));
      g_assert_no_error (error);
    }
  /* 950 points: 5A with a party organization, 4A without one. */
  e = od_evaluation_load (db, a, &error);
  g_assert_cmpint (e->proposed_grade, ==, 5);
  g_clear_pointer (&e, od_evaluation_fields_free);
  e = od_evaluation_load (db, b, &error);
  g_assert_cmpint (e->proposed_grade, ==, 4);
  g_clear_pointer (&e, od_evaluation_fields_free);

  /* The committee's grade needs a reason when it differs. */
  g_assert_false (od_evaluation_decide (db, b, 3, "", &error));
  g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (od_evaluation_decide (db, b, 3, "复核发现财务资产指标材料不全", &error));
  g_assert_no_error (error);

  g_assert_true (od_evaluation_advance (db, a, "publicized", &error));
  g_assert_true (od_evaluation_advance (db, a, "confirmed", &error));
  g_assert_true (od_evaluation_advance (db, b, "publicized", &error));
  g_assert_true (od_evaluation_advance (db, b, "review", &error));
  g_assert_true (od_evaluation_advance (db, b, "confirmed", &error));
  g_assert_no_error (error);
  /* Nothing after confirmed. */
  g_assert_false (od_evaluation_advance (db, b, "withdrawn", &error));
  g_clear_error (&error);

  /* Validity by the scheme's rule (next_year), certificates for 3A+. */
  e = od_evaluation_load (db, a, &error);
  g_assert_cmpstr (e->valid_from, ==, "2018-01-01");
  g_assert_cmpstr (e->valid_until, ==, "2022-12-31");
  g_assert_cmpstr (e->certificate_no, ==, "2017-001");
  g_clear_pointer (&e, od_evaluation_fields_free);
  e = od_evaluation_load (db, b, &error);
  g_assert_cmpstr (e->certificate_no, ==, "2017-002");

  g_assert_true (od_organization_get_grade (db, b, "grade", "2020-06-01", &grade, &error));
  g_assert_cmpint (grade.grade, ==, 3);
  g_assert_cmpstr (grade.valid_until, ==, "2022-12-31");
  od_current_grade_clear (&grade);
  g_assert_true (od_organization_get_grade (db, b, "grade", "2023-01-01", &grade, &error));
  g_assert_cmpint (grade.evaluation_id, ==, 0);
  od_current_grade_clear (&grade);

  /* Expiring within six months of 2022-07-01; not of 2022-06-30. */
  watch = od_grade_watch_list (db, "2022-07-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (watch->len, ==, 2);
  g_clear_pointer (&watch, g_ptr_array_unref);
  watch = od_grade_watch_list (db, "2022-06-30", &error);
  g_assert_cmpuint (watch->len, ==, 0);
  g_clear_pointer (&watch, g_ptr_array_unref);
  /* A graded organization unqualified in 2020: a downgrade to consider. */
  add_inspection (db, b, 2020, "unqualified");
  add_inspection (db, a, 2020, "qualified");
  watch = od_grade_watch_list (db, "2021-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (watch->len, ==, 1);
  g_assert_cmpint (((OdGradeWatch *) g_ptr_array_index (watch, 0))->organization_id, ==, b);
  g_assert_nonnull (strstr (((OdGradeWatch *) g_ptr_array_index (watch, 0))->reason, "2020"));

  /* The organization's pane shows its grade, inspections and the warning. */
  {
    g_autoptr(GPtrArray) facts = NULL;
    gboolean grade_fact = FALSE, downgrade = FALSE, inspection = FALSE;

    od_db_set_fixed_now (db, "2021-03-01T08:00:00Z");
    facts = od_domains_organization_facts (db, b, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < facts->len; i++)
      {
        const OdFact *fact = g_ptr_array_index (facts, i);

        grade_fact |= g_str_equal (fact->title, "Grade")
                      && g_str_has_prefix (fact->value, "3A, valid until 2022-12-31");
        downgrade |= g_str_equal (fact->title, "Downgrade to consider") && fact->warning;
        inspection |= g_str_equal (fact->title, "Annual inspection")
                      && g_str_equal (fact->value, "2020: Unqualified");
      }
    g_assert_true (grade_fact);
    g_assert_true (downgrade);
    g_assert_true (inspection);
    /* Beside its name in lists: the grade valid today. */
    {
      g_autofree char *badges = od_domains_organization_badges (db, b);
      g_autofree char *none = NULL;

      g_assert_cmpstr (badges, ==, "3A");
      od_db_set_fixed_now (db, "2023-01-01T08:00:00Z");
      none = od_domains_organization_badges (db, b);
      g_assert_cmpstr (none, ==, "");
    }
    od_db_set_fixed_now (db, NULL);
  }

  /* The 2026 rule lets a grade in its first 4 years be evaluated again;
   * the scheme is frozen now (copy it to change it). */
  {
    g_autoptr(GPtrArray) problems = od_problems_new ();

    g_assert_true (od_evaluation_check_eligibility (db, a, 2021, scheme, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
    g_ptr_array_set_size (problems, 0);
    g_assert_true (od_evaluation_check_eligibility (db, a, 2022, scheme, problems, &error));
    g_assert_true (has_problem (problems, "valid grade (5A, until 2022-12-31)"));
  }
  g_assert_true (od_rating_scheme_is_frozen (db, scheme, &frozen, &error));
  g_assert_true (frozen);
  {
    g_autoptr(OdRatingSchemeFields) s = od_rating_scheme_load (db, scheme, &error);
    gint64 copy;
    g_autoptr(OdRatingSchemeFields) c = NULL;

    s->threshold_5 = 9100;
    g_assert_cmpint (od_rating_scheme_save (db, s, &error), ==, 0);
    g_assert_error (error, OD_STORE_ERROR, OD_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Copy it"));
    g_clear_error (&error);

    copy = od_rating_scheme_copy (db, scheme, "社会团体等级评估（2019年修订）", &error);
    g_assert_no_error (error);
    g_assert_cmpint (copy, >, 0);
    c = od_rating_scheme_load (db, copy, &error);
    c->threshold_5 = 9100;
    g_assert_cmpint (od_rating_scheme_save (db, c, &error), ==, copy);
    g_assert_no_error (error);
    g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators WHERE"
                                            " scheme_id = (SELECT max (id) FROM rating_schemes)"),
                     ==, 25);
    g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM scheme_indicators c JOIN"
                                            " scheme_indicators p ON p.id = c.parent_id WHERE"
                                            " c.scheme_id <> p.scheme_id"), ==, 0);
  }

  /* Evaluated again in 2021 (the 2026 rule allows it in the first four
   * years): the pane shows the new grade and lists the earlier one. */
  {
    gint64 round_2021 = add_round (db, 2021, "2021-12-20");
    gint64 again = od_round_add_organization (db, round_2021, a, NULL, &error);
    g_autoptr(GPtrArray) facts = NULL;
    gboolean earlier = FALSE;

    g_assert_no_error (error);
    score_all (db, again, 850);
    g_assert_true (od_evaluation_advance (db, again, "scored", &error));
    g_assert_true (od_evaluation_advance (db, again, "proposed", &error));
    g_assert_true (od_evaluation_advance (db, again, "publicized", &error));
    g_assert_true (od_evaluation_advance (db, again, "confirmed", &error));
    g_assert_no_error (error);
    od_db_set_fixed_now (db, "2022-03-01T08:00:00Z");
    facts = od_domains_organization_facts (db, a, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < facts->len; i++)
      {
        const OdFact *fact = g_ptr_array_index (facts, i);

        earlier |= g_str_equal (fact->title, "Earlier grades")
                   && g_str_equal (fact->value, "2017年度社会组织等级评估: 5A");
        if (g_str_equal (fact->title, "Grade"))
          g_assert_true (g_str_has_prefix (fact->value, "4A, valid until 2026-12-31"));
      }
    g_assert_true (earlier);
    od_db_set_fixed_now (db, NULL);
  }
}

/* Rounds and evaluations come in from a spreadsheet like any entity. */
static void
test_import (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "rounds.csv", NULL);
  g_autoptr(OdImportResult) result = NULL;

  g_assert_true (g_file_set_contents (path, "批次名称,年度,公告日期\n"
                                            "2019年度社会组织等级评估,2019,2019年12月20日\n",
                                      -1, &error));
  result = od_import_file (db, "evaluation_rounds", path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, 1);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM evaluation_rounds WHERE year = 2019"
                                          " AND announced_on = '2019-12-20'"), ==, 1);

  /* Scores as a spreadsheet writes points: 27.5, 30分; exported back as
   * points, and a cell that is not a number of points refused. */
  {
    gint64 org = add_org (db, "宝鸡市养生协会", "2010-01-01", "independent");
    gint64 round = od_test_query_int (db, "SELECT id FROM evaluation_rounds WHERE year = 2019");
    gint64 evaluation = od_round_add_organization (db, round, org, "测试", &error);
    g_autoptr(OdEvaluationFields) e = NULL;
    g_autofree char *scores = g_build_filename (f->dir, "scores.csv", NULL);
    g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
    g_autofree char *exported = g_build_filename (f->dir, "export.csv", NULL);
    g_autofree char *csv = NULL;
    g_autofree char *text = NULL;
    g_autoptr(OdImportResult) imported = NULL;
    g_autoptr(OdImportResult) refused = NULL;

    g_assert_no_error (error);
    e = od_evaluation_load (db, evaluation, &error);
    csv = g_strdup_printf ("评估记录,指标,自评分,专家评分\n"
                           "%s,scheme-social-group-1-1,30分,27.5\n"
                           "%s,scheme-social-group-1-2,１８,\n", e->uuid, e->uuid);
    g_assert_true (g_file_set_contents (scores, csv, -1, &error));
    imported = od_import_file (db, "evaluation_scores", scores, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (imported->errors->len, ==, 0);
    g_assert_cmpuint (imported->n_inserted, ==, 2);
    g_assert_cmpint (od_test_query_int (db, "SELECT self_score * 10000 + expert_score FROM"
                                            " evaluation_scores WHERE indicator_id = (SELECT id FROM"
                                            " scheme_indicators WHERE uuid = 'scheme-social-group-1-1')"),
                     ==, 300 * 10000 + 275);
    g_assert_cmpint (od_test_query_int (db, "SELECT expert_score FROM evaluation_scores WHERE"
                                            " indicator_id = (SELECT id FROM scheme_indicators"
                                            " WHERE uuid = 'scheme-social-group-1-2')"), ==, -1);

    g_clear_pointer (&csv, g_free);
    csv = g_strdup_printf ("评估记录,指标,专家评分\n%s,scheme-social-group-1-3,27.55\n", e->uuid);
    g_assert_true (g_file_set_contents (bad, csv, -1, &error));
    refused = od_import_file (db, "evaluation_scores", bad, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (refused->errors->len, ==, 1);
    g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM evaluation_scores"), ==, 2);

    g_assert_true (od_export_write_file (db, "evaluation_scores", OD_EXPORT_FORMAT_CSV, FALSE,
                                         exported, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (exported, &text, NULL, &error));
    g_assert_nonnull (strstr (text, ",30,27.5,"));
    g_assert_nonnull (strstr (text, ",18,,"));
  }
}

/* The demo's 2017 round graded 20 (DESIGN.md §6). */
static void
test_demo (OdTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(OdDb) db = od_test_open_db (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stats = NULL;
  gint64 by_grade = 0;
  const char *grades[] = { "5A", "4A", "3A", "2A", "1A" };

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  stats = od_stats_gather (db, 2017, &error);
  g_assert_no_error (error);
  g_assert_cmpint (od_stats_lookup_int (stats, "evaluation.rounds"), ==, 1);
  g_assert_cmpint (od_stats_lookup_int (stats, "evaluation.graded"), ==, 20);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autofree char *key = g_strdup_printf ("evaluation.by_grade.%s", grades[i]);

      by_grade += od_stats_lookup_int (stats, key);
    }
  g_assert_cmpint (by_grade, ==, 20);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM evaluations e JOIN evaluation_rounds r"
                                          " ON r.id = e.round_id WHERE r.year = 2017"
                                          " AND e.state = 'confirmed' AND e.valid_from = '2018-01-01'"),
                   ==, 20);
  /* The shipped schemes stay when the demo replaces the content. */
  g_assert_true (od_demo_load (db, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM rating_schemes"), ==, 4);
  g_assert_cmpint (od_test_query_int (db, "SELECT count(*) FROM evaluations WHERE"
                                          " state = 'confirmed'"), ==, 47);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_add_func ("/evaluation/thresholds", test_thresholds);
  g_test_add_func ("/evaluation/validity", test_validity);
  g_test_add_func ("/evaluation/tree", test_tree);
  OD_TEST_ADD ("/evaluation/shipped-schemes", test_shipped_schemes);
  OD_TEST_ADD ("/evaluation/save-tree", test_save_tree);
  OD_TEST_ADD ("/evaluation/eligibility", test_eligibility);
  OD_TEST_ADD ("/evaluation/workflow", test_workflow);
  OD_TEST_ADD ("/evaluation/import", test_import);
  OD_TEST_ADD ("/evaluation/demo", test_demo);
  return g_test_run ();
}
