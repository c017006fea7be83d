/* test-import-xlsx.c — OrgDesk's own .xlsx export imported back, and read
 * by another program (LibreOffice) when one is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-import.h"
#include "od-registry-store.h"
#include "od-test-util.h"

#define BOM "\xEF\xBB\xBF"

/* --- helpers --- */

static OdDb *
open_db (OdTestFixture *f,
         const char    *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static OdDb *
open_demo_db (OdTestFixture *f,
              const char    *name)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = open_db (f, name);

  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  return db;
}

/* The CSV export of ENTITY as a string (UTF-8 with BOM, CRLF). */
static char *
export_csv (OdDb       *db,
            const char *entity)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char zero = '\0';

  g_assert_true (od_export_write (db, entity, OD_EXPORT_FORMAT_CSV, TRUE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &zero, 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* ENTITY of DB written by libxlsxwriter as F->dir/NAME; returns the path. */
static char *
export_xlsx (OdTestFixture *f,
             OdDb          *db,
             const char    *entity,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (od_export_write_file (db, entity, OD_EXPORT_FORMAT_XLSX, TRUE, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Imports PATH and expects every row inserted, without errors. */
static OdImportResult *
import_ok (OdDb       *db,
           const char *entity,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  OdImportResult *result = od_import_file (db, entity, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->errors->len; i++)
    {
      g_autofree char *line = od_import_problem_format (result,
                                                        g_ptr_array_index (result->errors, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_true (result->written);
  g_assert_cmpuint (result->n_updated + result->n_unchanged + result->n_skipped, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, result->n_rows);
  return result;
}

/* The first line of TEXT, without a BOM and the line end. */
static char *
first_line (const char *text)
{
  if (g_str_has_prefix (text, BOM))
    text += strlen (BOM);
  return g_strndup (text, strcspn (text, "\r\n"));
}

/* --- round trip through XLSX --- */

/* Demo data exported as .xlsx, imported into an empty database with the
 * demo's clock (as the CSV round trip of test-import.c does), and both
 * databases exported as CSV: the same bytes. */
static void
test_round_trip_organizations (OdTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(OdDb) source = open_demo_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n = od_organization_count (source, NULL);

  g_assert_cmpint (n, >=, 400);
  path = export_xlsx (f, source, "organizations", "organizations.xlsx");

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  result = import_ok (target, "organizations", path);
  g_assert_cmpuint (result->n_rows, ==, n);
  g_assert_cmpuint (result->header_row, ==, 1);
  g_assert_cmpint (od_organization_count (target, NULL), ==, n);

  before = export_csv (source, "organizations");
  after = export_csv (target, "organizations");
  g_assert_nonnull (strstr (before, "宝鸡市养生协会"));
  g_assert_cmpstr (after, ==, before);
}

static void
test_round_trip_people (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) source = open_demo_db (f, "source.db");
  g_autoptr(OdDb) target = open_db (f, "target.db");
  g_autoptr(OdImportResult) orgs = NULL;
  g_autoptr(OdImportResult) people = NULL;
  g_autofree char *org_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n = od_person_count (source, NULL);

  g_assert_cmpint (n, >=, 800);
  /* People name their organization: those come first, also as .xlsx. */
  org_path = export_xlsx (f, source, "organizations", "organizations.xlsx");
  path = export_xlsx (f, source, "people", "people.xlsx");

  od_db_set_fixed_now (target, OD_DEMO_NOW);
  orgs = import_ok (target, "organizations", org_path);
  people = import_ok (target, "people", path);
  g_assert_cmpuint (people->n_rows, ==, n);
  g_assert_cmpint (od_person_count (target, NULL), ==, n);

  before = export_csv (source, "people");
  after = export_csv (target, "people");
  g_assert_cmpstr (after, ==, before);
}

/* --- read by LibreOffice --- */

/* Our .xlsx (libxlsxwriter) converted to CSV by LibreOffice: it opens the
 * file, and the header row and the names come out as written. */
static void
test_libreoffice (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *program = g_find_program_in_path ("libreoffice");
  g_autoptr(OdDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *header = NULL;
  g_autofree char *their_header = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (program == NULL)
    program = g_find_program_in_path ("soffice");
  if (program == NULL)
    {
      g_test_skip ("libreoffice is not installed; install it (apt install libreoffice-calc) "
                   "to check that another program reads OrgDesk's .xlsx");
      return;
    }

  db = open_demo_db (f, "office.db");
  path = export_xlsx (f, db, "organizations", "organizations.xlsx");
  outdir = g_build_filename (f->dir, "converted", NULL);
  g_assert_cmpint (g_mkdir_with_parents (outdir, 0700), ==, 0);
  /* A profile of its own, so that a running LibreOffice is not used. */
  profile = g_build_filename (f->dir, "lo-profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_assert_no_error (error);
  profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  {
    /* csv with its filter options: comma, double quote, UTF-8 (76). */
    const char *argv[] = {
      program, profile_arg, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir", outdir, path, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
  }
  g_test_message ("libreoffice: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  csv_path = g_build_filename (outdir, "organizations.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (csv, -1, NULL));

  ours = export_csv (db, "organizations");
  header = first_line (ours);
  their_header = first_line (csv);
  g_assert_cmpstr (header, !=, "");
  g_assert_cmpstr (their_header, ==, header);
  g_assert_nonnull (strstr (csv, "宝鸡市养生协会"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/import/xlsx/round-trip/organizations", test_round_trip_organizations);
  OD_TEST_ADD ("/import/xlsx/round-trip/people", test_round_trip_people);
  OD_TEST_ADD ("/import/xlsx/libreoffice", test_libreoffice);

  return g_test_run ();
}
