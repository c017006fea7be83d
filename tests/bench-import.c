/* bench-import.c — importing 100,000 organizations from a GB18030 CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: it prints timings and asserts none (DESIGN.md
 * §7: speed is measured against a floor measured in the same run). It
 * writes N generated organizations (unique Chinese names, valid unified
 * social credit codes, a legal representative, a 0917 telephone number,
 * 登记日期 2015/03/04) to a GB18030 CSV with the Chinese headers a
 * register kept in Excel has:
 *
 *   单位名称,统一社会信用代码,法定代表人,联系电话,登记日期
 *
 * and times
 *
 *   ours   od_import_file() of that CSV into a fresh OrgDesk database
 *          (encoding detected, every row validated, matched, saved through
 *          the store with its audit entries, one transaction, the backup
 *          taken before writing)
 *   floor  the sqlite3 command-line tool importing the same rows, converted
 *          to UTF-8 first (conversion not timed), with .mode csv and
 *          .import into a plain table of a fresh database (the process's
 *          wall time, start-up included)
 *
 * and prints both, rows/s, ratio = ours ÷ floor, and RSS (VmRSS, VmHWM).
 *
 * Build and run it from the top of the source tree:
 *
 *   ninja -C build tests/bench-import
 *   build/tests/bench-import                  # 100,000 rows
 *   build/tests/bench-import --rows 20000     # fewer
 *   build/tests/bench-import --keep DIR       # keep the files in DIR afterwards
 *
 * The floor needs `sqlite3` on PATH (Debian: apt install sqlite3); without
 * it only ours is printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "od-db.h"
#include "od-import.h"
#include "od-registry-store.h"
#include "od-bench-data.h"
#include "od-test-util.h"
#include "od-validate.h"

/* Areas and the prefixes of names registered there. */

/* --- helpers --- */

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      g_printerr ("bench-import: %s\n", error->message);
      exit (1);
    }
}

static void
append_credit_code (GString    *out,
                    char        type_digit,
                    const char *area_code,
                    guint       n)
{
  g_autofree char *code = od_bench_credit_code (type_digit, area_code, n);

  g_string_append (out, code);
}

static void
append_person_name (GString *out,
                    GRand   *rand)
{
  g_autofree char *name = od_bench_person_name (rand);

  g_string_append (out, name);
}

/* N_ROWS rows after the header, UTF-8, CRLF (as Excel writes CSV). */
static GString *
generate_csv (guint n_rows)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2017);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_sized_new ((gsize) n_rows * 110 + 100);
  GString *name = g_string_new (NULL);

  g_string_append (out, "单位名称,统一社会信用代码,法定代表人,联系电话,登记日期\r\n");
  for (guint n = 0; n < n_rows; n++)
    {
      guint area = 0, s = 0;

      do
        {
          s = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (suffixes));
          /* The city registers about a third of them. */
          area = g_rand_int_range (rand, 0, 3) == 0
                 ? 0 : (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (areas));
          g_string_assign (name, areas[area].prefix);
          g_string_append (name, PICK (rand, word_chars));
          g_string_append (name, PICK (rand, word_chars));
          g_string_append (name, suffixes[s].suffix);
        }
      while (g_hash_table_contains (names, name->str));
      g_hash_table_add (names, g_strdup (name->str));

      g_string_append (out, name->str);
      g_string_append_c (out, ',');
      append_credit_code (out, suffixes[s].type_digit, areas[area].code, n);
      g_string_append_c (out, ',');
      append_person_name (out, rand);
      g_string_append_printf (out, ",0917-%07d,2015/03/04\r\n",
                              g_rand_int_range (rand, 2000000, 10000000));
    }
  g_string_free (name, TRUE);
  return out;
}

/* --- the two imports --- */

static double
run_ours (const char *dir,
          const char *csv_path,
          guint       n_rows)
{
  g_autofree char *db_path = g_build_filename (dir, "orgdesk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (db_path, OD_DB_OPEN_CREATE, &error);
  g_autoptr(OdImportResult) result = NULL;
  OdImportOptions options;
  gint64 start;
  double ms;

  die_on_error (g_steal_pointer (&error));
  od_import_options_init (&options);

  start = g_get_monotonic_time ();
  result = od_import_file (db, "organizations", csv_path, &options, &error);
  ms = od_bench_ms_since (start);
  die_on_error (g_steal_pointer (&error));

  printf ("ours:  od_import_file   %8.2f s  %9.0f rows/s  (%u rows: %u inserted, %u errors,"
          " %u warnings; %s)\n",
          ms / 1000.0, n_rows / (ms / 1000.0), result->n_rows, result->n_inserted,
          result->errors->len, result->warnings->len,
          result->written ? "written" : "NOT written");
  for (guint i = 0; i < result->errors->len && i < 5; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->errors, i));
      printf ("       error: %s\n", line);
    }
  for (guint i = 0; i < result->warnings->len && i < 3; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->warnings, i));
      printf ("       warning: %s\n", line);
    }
  printf ("       organizations in the database: %" G_GINT64_FORMAT "\n",
          od_organization_count (db, NULL));
  printf ("       RSS after the import: %.1f MB (VmRSS), peak %.1f MB (VmHWM)\n",
          od_bench_status_mb ("VmRSS:"), od_bench_status_mb ("VmHWM:"));
  return ms;
}

/* sqlite3 DB_PATH COMMANDS…; returns its wall time in ms, or -1. */
static double
run_sqlite3 (const char        *sqlite3,
             const char        *db_path,
             const char *const *commands,
             char             **stdout_text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start;
  double ms;

  g_ptr_array_add (argv, (gpointer) sqlite3);
  g_ptr_array_add (argv, (gpointer) db_path);
  for (guint i = 0; commands[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) commands[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     stdout_text, &err, &status, &error))
    {
      printf ("floor: sqlite3 could not be run: %s\n", error->message);
      return -1;
    }
  ms = od_bench_ms_since (start);
  if (!g_spawn_check_wait_status (status, &error) || (err != NULL && err[0] != '\0'))
    {
      printf ("floor: sqlite3 failed: %s %s\n", error != NULL ? error->message : "",
              err != NULL ? err : "");
      return -1;
    }
  return ms;
}

static double
run_floor (const char *dir,
           const char *utf8_path,
           guint       n_rows)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *db_path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *import = NULL;
  g_autofree char *count = NULL;
  double ms;

  if (sqlite3 == NULL)
    {
      printf ("floor: sqlite3 is not on PATH (apt install sqlite3); no floor\n");
      return -1;
    }
  import = g_strdup_printf (".import --skip 1 '%s' t", utf8_path);
  {
    const char *const commands[] = {
      "CREATE TABLE t (name TEXT, credit_code TEXT, legal_representative TEXT, phone TEXT,"
      " registered_on TEXT)",
      ".mode csv", import, NULL
    };

    ms = run_sqlite3 (sqlite3, db_path, commands, NULL);
  }
  if (ms < 0)
    return -1;
  {
    const char *const commands[] = { "SELECT count(*) FROM t", NULL };

    run_sqlite3 (sqlite3, db_path, commands, &count);
  }
  printf ("floor: sqlite3 .import  %8.2f s  %9.0f rows/s  (rows in t: %s)\n", ms / 1000.0,
          n_rows / (ms / 1000.0), count != NULL ? g_strstrip (count) : "?");
  return ms;
}

int
main (int    argc,
      char **argv)
{
  int n_rows = 100000;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Organizations in the file (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the files in DIR (created)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— CSV import benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *gb_path = NULL;
  g_autofree char *utf8_path = NULL;
  g_autofree char *gb18030 = NULL;
  g_autofree char *utf8 = NULL;
  gsize gb_len = 0, utf8_len = 0;
  double ours, floor_ms;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 2;
    }
  if (n_rows < 1 || n_rows > 2000000)
    {
      g_printerr ("bench-import: --rows must be between 1 and 2000000\n");
      return 2;
    }

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0700) != 0)
        {
          g_printerr ("bench-import: cannot create %s\n", keep);
          return 1;
        }
      dir = g_strdup (keep);
    }
  else
    {
      dir = g_dir_make_tmp ("orgdesk-bench-import-XXXXXX", &error);
      die_on_error (g_steal_pointer (&error));
    }

  printf ("OrgDesk import benchmark — SQLite %s (library), %d organizations, GB18030 CSV\n",
          sqlite3_libversion (), n_rows);

  /* The file: generated as UTF-8, written as GB18030 as Excel in China
   * saves "CSV (逗号分隔)". */
  start = g_get_monotonic_time ();
  csv = generate_csv ((guint) n_rows);
  gb18030 = g_convert (csv->str, (gssize) csv->len, "GB18030", "UTF-8", NULL, &gb_len, &error);
  die_on_error (g_steal_pointer (&error));
  gb_path = g_build_filename (dir, "organizations-gb18030.csv", NULL);
  g_file_set_contents (gb_path, gb18030, (gssize) gb_len, &error);
  die_on_error (g_steal_pointer (&error));
  printf ("file:  %s, %.1f MB, generated in %.2f s\n", gb_path,
          (double) gb_len / (1024.0 * 1024.0), od_bench_ms_since (start) / 1000.0);

  /* The floor's file: the same bytes converted back to UTF-8 (not timed). */
  utf8 = g_convert (gb18030, (gssize) gb_len, "UTF-8", "GB18030", NULL, &utf8_len, &error);
  die_on_error (g_steal_pointer (&error));
  utf8_path = g_build_filename (dir, "organizations-utf8.csv", NULL);
  g_file_set_contents (utf8_path, utf8, (gssize) utf8_len, &error);
  die_on_error (g_steal_pointer (&error));
  g_string_free (g_steal_pointer (&csv), TRUE);
  g_clear_pointer (&gb18030, g_free);
  g_clear_pointer (&utf8, g_free);
  printf ("       RSS before the import: %.1f MB (VmRSS)\n\n", od_bench_status_mb ("VmRSS:"));

  floor_ms = run_floor (dir, utf8_path, (guint) n_rows);
  ours = run_ours (dir, gb_path, (guint) n_rows);

  if (floor_ms > 0)
    printf ("\nratio: ours ÷ floor = %.1f (%.1f µs per row vs %.1f µs per row)\n",
            ours / floor_ms, ours * 1000.0 / n_rows, floor_ms * 1000.0 / n_rows);
  printf ("RSS at the end: %.1f MB (VmRSS), peak %.1f MB (VmHWM)\n", od_bench_status_mb ("VmRSS:"),
          od_bench_status_mb ("VmHWM:"));

  if (keep == NULL)
    od_test_remove_tree (dir);
  else
    printf ("files kept in %s\n", dir);
  return 0;
}
