/* bench-search.c — search latency per keystroke over 100,000 organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: it prints timings and asserts none (DESIGN.md
 * §7: speed is measured against a floor measured in the same run). It
 * fills a temporary database with generated organizations (and people, if
 * asked), then times od_organization_query_ids() — sorted by name, as the
 * list shows it — for what a user types one keystroke at a time, and
 * prints each median (of 5 runs) beside floors measured in the same run:
 *
 *   scan   SELECT count(*) FROM organization_search (a full scan of the
 *          compact table; SQLite counts cells without reading them)
 *   read   the same scan reading every row's text and initials
 *   order  SELECT id FROM organizations ORDER BY sort_key (every id in
 *          name order, from the covering index)
 *
 * and ratio = ours ÷ floor. RSS (VmRSS) is printed after loading.
 *
 * Build and run it from the top of the source tree:
 *
 *   ninja -C build tests/bench-search
 *   build/tests/bench-search                     # 100,000 organizations
 *   build/tests/bench-search --people 300000     # and 300,000 people
 *   build/tests/bench-search --through-store     # insert with od_organization_save()
 *   build/tests/bench-search --cache-mb 64       # a larger SQLite page cache
 *   build/tests/bench-search --keep /tmp/big.db  # keep the database afterwards
 *
 * By default rows are inserted by a bulk path below, which writes the same
 * columns and search rows as od_organization_save() / od_person_save()
 * (without validation and audit); --through-store uses the store itself,
 * which also shows how long saving takes at this size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "od-db.h"
#include "od-organization.h"
#include "od-pinyin.h"
#include "od-registry-store.h"
#include "od-bench-data.h"
#include "od-validate.h"

#define N_RUNS 5

static const char *const org_queries[] = {
  "宝", "宝鸡", "宝鸡市", "宝鸡市养", "宝鸡市养生",
  "b", "bj", "bjs", "bjsy", "bjsyx",
  "养生", "6103", "9161030",
  "猕猴桃", "mxmht", "社会工作", "zzz",
};

static const char *const person_queries[] = {
  "王", "王芳", "wf", "138", "13812", "宝鸡市养生",
};

/* Areas and the prefixes of names registered there. */
static const char *const mobile_prefixes[] = {
  "130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "153", "155", "158",
  "159", "177", "180", "181", "186", "187", "188", "189",
};

/* The organizations of the seed article, so that real queries hit. */
static const char *const named[] = {
  "宝鸡市社会组织促进会", "宝鸡市江苏商会", "宝鸡市养生协会", "宝鸡市餐饮饭店行业协会",
  "宝鸡市青年企业家协会", "宝鸡市上善公益援助中心", "宝鸡市三联社会工作服务中心",
  "宝鸡慧芳公益发展中心", "陕西三和专修学院",
};

typedef struct
{
  OdDb       *db;
  GRand      *rand;
  gint64      area_ids[G_N_ELEMENTS (areas)];
  GHashTable *names;
  GPtrArray  *org_names;     /* by organization id - 1 */
  gboolean    through_store;
  guint       n_orgs;
  guint       n_people;
} Bench;

/* --- helpers --- */


static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static double
rss_mb (void)
{
  return od_bench_status_mb ("VmRSS:");
}

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      g_printerr ("bench-search: %s\n", error->message);
      exit (1);
    }
}

static char *
mobile (GRand *rand)
{
  return g_strdup_printf ("%s%08d", PICK (rand, mobile_prefixes),
                          g_rand_int_range (rand, 0, 100000000));
}

/* Space-joined, dropping empty pieces; lower-cased ASCII when FOLD. As
 * org_search_text() and friends in od-registry-store.c build the search
 * rows: keep the two in step. */
static char *
join_nonempty (const char *const *pieces,
               guint              n,
               gboolean           fold)
{
  GString *out = g_string_new (NULL);
  char *joined;

  for (guint i = 0; i < n; i++)
    {
      if (pieces[i] == NULL || pieces[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, pieces[i]);
    }
  if (!fold)
    return g_string_free (out, FALSE);
  joined = g_ascii_strdown (out->str, -1);
  g_string_free (out, TRUE);
  return joined;
}

static OdStmt *
prepare (Bench      *bench,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  OdStmt *stmt = od_db_prepare (bench->db, sql, &error);

  die_on_error (error);
  return stmt;
}

static void
run_stmt (OdStmt *stmt)
{
  g_autoptr(GError) error = NULL;

  od_stmt_run (stmt, &error);
  die_on_error (error);
  od_stmt_reset (stmt, &error);
  die_on_error (error);
}

/* --- filling the database --- */

typedef struct
{
  char       *name;
  char       *code;
  OdOrganizationType   type;
  gint64      area_id;
  char       *representative;
  char       *contact;
  char       *phone;
} GeneratedOrg;

static void
generated_org_clear (GeneratedOrg *org)
{
  g_free (org->name);
  g_free (org->code);
  g_free (org->representative);
  g_free (org->contact);
  g_free (org->phone);
}

static void
generate_org (Bench        *bench,
              guint         n,
              GeneratedOrg *org)
{
  guint area = 0;
  char type_digit = '1';

  if (n < G_N_ELEMENTS (named))
    {
      org->name = g_strdup (named[n]);
      type_digit = g_str_has_suffix (org->name, "会") ? '1' : '2';
    }
  else
    {
      for (;;)
        {
          guint s = (guint) g_rand_int_range (bench->rand, 0, G_N_ELEMENTS (suffixes));
          g_autofree char *name = NULL;

          /* The city registers about a third of them. */
          area = g_rand_int_range (bench->rand, 0, 3) == 0
                 ? 0 : (guint) g_rand_int_range (bench->rand, 0, G_N_ELEMENTS (areas));
          name = g_strconcat (areas[area].prefix, PICK (bench->rand, word_chars),
                              PICK (bench->rand, word_chars), suffixes[s].suffix, NULL);
          if (!g_hash_table_contains (bench->names, name))
            {
              org->name = g_steal_pointer (&name);
              type_digit = suffixes[s].type_digit;
              break;
            }
        }
    }
  g_hash_table_add (bench->names, g_strdup (org->name));
  org->code = od_bench_credit_code (type_digit, areas[area].code, n);
  org->type = type_digit == '1' ? OD_ORGANIZATION_TYPE_SOCIAL_GROUP
              : type_digit == '2' ? OD_ORGANIZATION_TYPE_SOCIAL_SERVICE : OD_ORGANIZATION_TYPE_FOUNDATION;
  org->area_id = bench->area_ids[area];
  org->representative = od_bench_person_name (bench->rand);
  org->contact = od_bench_person_name (bench->rand);
  org->phone = g_strdup_printf ("0917-3%06d", g_rand_int_range (bench->rand, 0, 1000000));
}

static gboolean
fill_orgs_cb (OdDb      *db,
              gpointer   user_data,
              GError   **error)
{
  Bench *bench = user_data;
  g_autoptr(OdStmt) insert = NULL;
  g_autoptr(OdStmt) search = NULL;
  g_autofree char *now = od_db_now (db);

  if (!bench->through_store)
    {
      insert = prepare (bench,
                        "INSERT INTO organizations (uuid, name, credit_code, org_type, area_id,"
                        " registration_level, legal_representative, contact_person, phone,"
                        " sort_key, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
      search = prepare (bench,
                        "INSERT INTO organization_search (id, text, initials) VALUES (?1, ?2, ?3)");
    }

  for (guint n = 0; n < bench->n_orgs; n++)
    {
      GeneratedOrg org = { NULL };
      gint64 id;

      generate_org (bench, n, &org);
      if (bench->through_store)
        {
          g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();

          g_free (fields->name);
          fields->name = g_strdup (org.name);
          fields->credit_code = g_strdup (org.code);
          fields->org_type = org.type;
          fields->area_id = org.area_id;
          g_free (fields->legal_representative);
          fields->legal_representative = g_strdup (org.representative);
          g_free (fields->contact_person);
          fields->contact_person = g_strdup (org.contact);
          g_free (fields->phone);
          fields->phone = g_strdup (org.phone);
          id = od_organization_save (db, fields, error);
          if (id <= 0)
            return FALSE;
        }
      else
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *sort_key = od_pinyin_sort_key (org.name);
          g_autofree char *text = NULL;
          g_autofree char *initials = od_pinyin_search_terms (org.name);
          const char *text_pieces[] = { org.name, "", org.code, org.representative, org.contact };

          text = join_nonempty (text_pieces, G_N_ELEMENTS (text_pieces), TRUE);
          if (!od_stmt_bind_text (insert, 1, uuid, error)
              || !od_stmt_bind_text (insert, 2, org.name, error)
              || !od_stmt_bind_text (insert, 3, org.code, error)
              || !od_stmt_bind_text (insert, 4, od_organization_type_to_key (org.type), error)
              || !od_stmt_bind_int64 (insert, 5, org.area_id, error)
              || !od_stmt_bind_text (insert, 6, org.area_id == bench->area_ids[0] ? "city" : "county",
                                     error)
              || !od_stmt_bind_text (insert, 7, org.representative, error)
              || !od_stmt_bind_text (insert, 8, org.contact, error)
              || !od_stmt_bind_text (insert, 9, org.phone, error)
              || !od_stmt_bind_text (insert, 10, sort_key, error)
              || !od_stmt_bind_text (insert, 11, now, error))
            return FALSE;
          run_stmt (insert);
          id = od_db_last_insert_rowid (db);
          if (!od_stmt_bind_int64 (search, 1, id, error)
              || !od_stmt_bind_text (search, 2, text, error)
              || !od_stmt_bind_text (search, 3, initials, error))
            return FALSE;
          run_stmt (search);
        }
      g_ptr_array_add (bench->org_names, g_strdup (org.name));
      generated_org_clear (&org);
    }
  return TRUE;
}

static gboolean
fill_people_cb (OdDb      *db,
                gpointer   user_data,
                GError   **error)
{
  Bench *bench = user_data;
  g_autoptr(OdStmt) insert = NULL;
  g_autoptr(OdStmt) search = NULL;
  g_autofree char *now = od_db_now (db);
  g_autoptr(GHashTable) mobiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!bench->through_store)
    {
      insert = prepare (bench,
                        "INSERT INTO people (uuid, name, gender, organization_id, position, mobile,"
                        " sort_key, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)");
      search = prepare (bench, "INSERT INTO person_search (id, text, initials) VALUES (?1, ?2, ?3)");
    }

  for (guint n = 0; n < bench->n_people; n++)
    {
      g_autofree char *name = od_bench_person_name (bench->rand);
      g_autofree char *phone = NULL;
      guint org = (guint) g_rand_int_range (bench->rand, 0, (gint32) bench->org_names->len);
      const char *org_name = g_ptr_array_index (bench->org_names, org);
      const char *gender = g_rand_boolean (bench->rand) ? "male" : "female";

      /* Name + mobile must be unique (a duplicate is refused). */
      do
        {
          g_free (phone);
          phone = mobile (bench->rand);
        }
      while (g_hash_table_contains (mobiles, phone));
      g_hash_table_add (mobiles, g_strdup (phone));

      if (bench->through_store)
        {
          g_autoptr(OdPersonFields) fields = od_person_fields_new ();

          g_free (fields->name);
          fields->name = g_strdup (name);
          g_free (fields->gender);
          fields->gender = g_strdup (gender);
          fields->organization_id = org + 1;
          g_free (fields->mobile);
          fields->mobile = g_strdup (phone);
          if (od_person_save (db, fields, error) <= 0)
            return FALSE;
        }
      else
        {
          g_autofree char *uuid = g_uuid_string_random ();
          g_autofree char *sort_key = od_pinyin_sort_key (name);
          g_autofree char *initials = od_pinyin_search_terms (name);
          const char *text_pieces[] = { name, phone, org_name };
          g_autofree char *text = join_nonempty (text_pieces, G_N_ELEMENTS (text_pieces), TRUE);

          if (!od_stmt_bind_text (insert, 1, uuid, error)
              || !od_stmt_bind_text (insert, 2, name, error)
              || !od_stmt_bind_text (insert, 3, gender, error)
              || !od_stmt_bind_int64 (insert, 4, org + 1, error)
              || !od_stmt_bind_text (insert, 5, "干事", error)
              || !od_stmt_bind_text (insert, 6, phone, error)
              || !od_stmt_bind_text (insert, 7, sort_key, error)
              || !od_stmt_bind_text (insert, 8, now, error))
            return FALSE;
          run_stmt (insert);
          if (!od_stmt_bind_int64 (search, 1, od_db_last_insert_rowid (db), error)
              || !od_stmt_bind_text (search, 2, text, error)
              || !od_stmt_bind_text (search, 3, initials, error))
            return FALSE;
          run_stmt (search);
        }
    }
  return TRUE;
}

static void
load_area_ids (Bench *bench)
{
  g_autoptr(OdStmt) stmt = prepare (bench, "SELECT id FROM areas WHERE code = ?1 OR former_code = ?1");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      od_stmt_bind_text (stmt, 1, areas[i].code, &error);
      die_on_error (error);
      if (od_stmt_step (stmt, &error) == OD_STEP_ROW)
        bench->area_ids[i] = od_stmt_get_int64 (stmt, 0);
      die_on_error (error);
      od_stmt_reset (stmt, &error);
      die_on_error (error);
    }
}

/* --- measuring --- */

/* Median of N_RUNS of preparing SQL and stepping it to the end. */
static double
time_sql (Bench      *bench,
          const char *sql)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(OdStmt) stmt = prepare (bench, sql);
      g_autoptr(GError) error = NULL;

      while (od_stmt_step (stmt, &error) == OD_STEP_ROW)
        ;
      die_on_error (error);
      times[run] = od_bench_ms_since (start);
    }
  return median (times, N_RUNS);
}

static double
time_org_query (Bench      *bench,
                const char *query,
                guint      *hits)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      OdOrganizationFilter filter;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start;

      od_organization_filter_init (&filter);
      filter.query = query;
      filter.sort = OD_ORGANIZATION_SORT_NAME;
      start = g_get_monotonic_time ();
      ids = od_organization_query_ids (bench->db, &filter, &error);
      times[run] = od_bench_ms_since (start);
      die_on_error (error);
      *hits = ids->len;
    }
  return median (times, N_RUNS);
}

static double
time_person_query (Bench      *bench,
                   const char *query,
                   guint      *hits)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      OdPersonFilter filter;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start;

      od_person_filter_init (&filter);
      filter.query = query;
      filter.sort = OD_PERSON_SORT_NAME;
      start = g_get_monotonic_time ();
      ids = od_person_query_ids (bench->db, &filter, &error);
      times[run] = od_bench_ms_since (start);
      die_on_error (error);
      *hits = ids->len;
    }
  return median (times, N_RUNS);
}

static void
print_row (const char *query,
           guint       hits,
           double      ms,
           double      floor_scan,
           double      floor_read,
           double      floor_order)
{
  g_autofree char *quoted = query[0] != '\0' ? g_strdup_printf ("“%s”", query)
                                               : g_strdup ("(no query: every id in name order)");

  printf ("  %8u %10.2f %8.1f %8.1f %8.1f   %s\n", hits, ms, ms / floor_scan, ms / floor_read,
          ms / floor_order, quoted);
}

int
main (int    argc,
      char **argv)
{
  int n_orgs = 100000;
  int n_people = 0;
  int cache_mb = 0;
  gboolean through_store = FALSE;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "orgs", 0, 0, G_OPTION_ARG_INT, &n_orgs, "Organizations to insert (100000)", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People to insert (0)", "N" },
    { "through-store", 0, 0, G_OPTION_ARG_NONE, &through_store,
      "Insert with od_organization_save() / od_person_save() instead of the bulk path", NULL },
    { "cache-mb", 0, 0, G_OPTION_ARG_INT, &cache_mb,
      "SQLite page cache in MB (default: what OrgDesk uses, SQLite's 2 MB)", "MB" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database as FILE", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— search latency benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OdDb) db = NULL;
  Bench bench = { NULL };
  GStatBuf st;
  double floor_scan, floor_read, floor_order, load_ms;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 2;
    }
  if (n_orgs < (int) G_N_ELEMENTS (named) || n_people < 0)
    {
      g_printerr ("bench-search: --orgs must be at least %u and --people not negative\n",
                  (guint) G_N_ELEMENTS (named));
      return 2;
    }

  dir = g_dir_make_tmp ("orgdesk-bench-XXXXXX", &error);
  die_on_error (g_steal_pointer (&error));
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "bench.db", NULL);
  db = od_db_open (path, OD_DB_OPEN_CREATE, &error);
  die_on_error (g_steal_pointer (&error));

  if (cache_mb > 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", cache_mb * 1024);

      od_db_exec (db, pragma, &error);
      die_on_error (g_steal_pointer (&error));
    }

  bench.db = db;
  bench.rand = g_rand_new_with_seed (2017);
  bench.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bench.org_names = g_ptr_array_new_with_free_func (g_free);
  bench.through_store = through_store;
  load_area_ids (&bench);
  /* Rows stamped with one time, as the demo does. */
  od_db_set_fixed_now (db, "2018-12-28T09:00:00Z");

  bench.n_orgs = (guint) n_orgs;
  bench.n_people = (guint) n_people;

  printf ("OrgDesk search benchmark — SQLite %s, %d organizations, %d people, %s, %s\n",
          sqlite3_libversion (), n_orgs, n_people,
          through_store ? "inserted through the store" : "bulk insert",
          cache_mb > 0 ? "larger page cache" : "default page cache");

  start = g_get_monotonic_time ();
  od_db_transaction (db, fill_orgs_cb, &bench, &error);
  die_on_error (g_steal_pointer (&error));
  load_ms = od_bench_ms_since (start);
  printf ("load: %d organizations in %.2f s (%.1f µs each)\n", n_orgs, load_ms / 1000.0,
           load_ms * 1000.0 / n_orgs);
  if (n_people > 0)
    {
      start = g_get_monotonic_time ();
      od_db_transaction (db, fill_people_cb, &bench, &error);
      die_on_error (g_steal_pointer (&error));
      load_ms = od_bench_ms_since (start);
      printf ("load: %d people in %.2f s (%.1f µs each)\n", n_people, load_ms / 1000.0,
               load_ms * 1000.0 / n_people);
    }
  od_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE", &error);
  die_on_error (g_steal_pointer (&error));
  if (g_stat (path, &st) == 0)
    printf ("database file: %.1f MB\n", (double) st.st_size / (1024.0 * 1024.0));
  printf ("RSS after loading: %.1f MB (VmRSS)\n", rss_mb ());

  /* Floors: the least any search must do (scan the compact table) and
   * what any sorted full list costs (every id in name order). */
  floor_scan = time_sql (&bench, "SELECT count(*) FROM organization_search");
  floor_read = time_sql (&bench, "SELECT max(length(text) + length(initials)) FROM organization_search");
  floor_order = time_sql (&bench, "SELECT id FROM organizations ORDER BY sort_key");
  printf ("\norganizations, median of %d runs\n", N_RUNS);
  printf ("  floor scan:  SELECT count(*) FROM organization_search         %8.2f ms\n", floor_scan);
  printf ("  floor read:  SELECT max(length(text) + length(initials)) FROM organization_search %8.2f ms\n",
          floor_read);
  printf ("  floor order: SELECT id FROM organizations ORDER BY sort_key   %8.2f ms\n", floor_order);
  printf ("  %8s %10s %8s %8s %8s   %s\n", "hits", "ms", "÷scan", "÷read", "÷order", "query");
  {
    guint hits;
    double ms = time_org_query (&bench, "", &hits);

    print_row ("", hits, ms, floor_scan, floor_read, floor_order);
  }
  for (guint i = 0; i < G_N_ELEMENTS (org_queries); i++)
    {
      guint hits;
      double ms = time_org_query (&bench, org_queries[i], &hits);

      print_row (org_queries[i], hits, ms, floor_scan, floor_read, floor_order);
    }

  if (n_people > 0)
    {
      floor_scan = time_sql (&bench, "SELECT count(*) FROM person_search");
      floor_read = time_sql (&bench, "SELECT max(length(text) + length(initials)) FROM person_search");
      floor_order = time_sql (&bench, "SELECT id FROM people ORDER BY sort_key");
      printf ("\npeople, median of %d runs\n", N_RUNS);
      printf ("  floor scan:  SELECT count(*) FROM person_search               %8.2f ms\n", floor_scan);
      printf ("  floor read:  SELECT max(length(text) + length(initials)) FROM person_search %8.2f ms\n",
              floor_read);
      printf ("  floor order: SELECT id FROM people ORDER BY sort_key          %8.2f ms\n", floor_order);
      printf ("  %8s %10s %8s %8s %8s   %s\n", "hits", "ms", "÷scan", "÷read", "÷order", "query");
      for (guint i = 0; i < G_N_ELEMENTS (person_queries); i++)
        {
          guint hits;
          double ms = time_person_query (&bench, person_queries[i], &hits);

          print_row (person_queries[i], hits, ms, floor_scan, floor_read, floor_order);
        }
    }

  printf ("\nRSS at the end: %.1f MB (VmRSS)\n", rss_mb ());

  od_db_close (db);
  g_clear_object (&db);
  g_hash_table_unref (bench.names);
  g_ptr_array_unref (bench.org_names);
  g_rand_free (bench.rand);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
    }
  else
    printf ("database kept: %s\n", path);
  g_rmdir (dir);
  return 0;
}
