/* test-export-ids.c — exporting a given ordered list of rows
 * (od_export_write_ids_file: a list as shown, with its search and sort)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-test-util.h"
#include "od-validate.h"
#include "od-xlsx-reader.h"

#define BOM "\xEF\xBB\xBF"

/* --- helpers --- */

static OdDb *
open_demo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

/* An RFC 4180 reader: rows (GStrv) of cells, after the BOM. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, BOM));
  p += strlen (BOM);
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p);
            }
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          g_string_append_c (cell, *p++);

      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  return rows;
}

static GPtrArray *
read_csv_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return parse_csv (text);
}

static int
column_index (GPtrArray  *rows,
              const char *key)
{
  char **header = g_ptr_array_index (rows, 0);

  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], key))
      return i;
  g_assert_not_reached ();
  return -1;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      int        column)
{
  return ((char **) g_ptr_array_index (rows, row))[column];
}

static char *
org_uuid (OdDb   *db,
          gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdOrganizationFields) fields = od_organization_load (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return g_strdup (fields->uuid);
}

/* The ids of every live organization, by name. */
static GArray *
all_org_ids (OdDb *db)
{
  g_autoptr(GError) error = NULL;
  OdOrganizationFilter filter;
  GArray *ids;

  od_organization_filter_init (&filter);
  ids = od_organization_query_ids (db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 20);
  return ids;
}

/* --- tests --- */

/* The rows asked for, exactly, in the order asked for (not by name). */
static void
test_csv_order (OdTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir);
  g_autoptr(GArray) all = all_org_ids (db);
  g_autofree char *path = g_build_filename (f->dir, "list.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 ids[7];
  int uuid_column;

  /* Some from the end backwards, then some from the start. */
  for (guint i = 0; i < 4; i++)
    ids[i] = g_array_index (all, gint64, all->len - 1 - i * 3);
  for (guint i = 4; i < G_N_ELEMENTS (ids); i++)
    ids[i] = g_array_index (all, gint64, i);

  g_assert_true (od_export_write_ids_file (db, "organizations", OD_EXPORT_FORMAT_CSV, ids,
                                           G_N_ELEMENTS (ids), FALSE, path, &error));
  g_assert_no_error (error);
  rows = read_csv_file (path);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (ids) + 1);
  uuid_column = column_index (rows, "uuid");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *uuid = org_uuid (db, ids[i]);

      g_assert_cmpstr (cell (rows, i + 1, uuid_column), ==, uuid);
    }
}

/* Ids of deleted or missing rows are left out; none gives the header alone. */
static void
test_deleted_and_empty (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir);
  g_autoptr(GArray) all = all_org_ids (db);
  g_autofree char *path = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *kept = NULL;
  gint64 ids[3];

  ids[0] = g_array_index (all, gint64, 0);
  ids[1] = g_array_index (all, gint64, 1);
  ids[2] = G_MAXINT64;  /* no such row */
  kept = org_uuid (db, ids[1]);
  g_assert_true (od_organization_delete (db, ids[0], &error));
  g_assert_no_error (error);

  g_assert_true (od_export_write_ids_file (db, "organizations", OD_EXPORT_FORMAT_CSV, ids,
                                           G_N_ELEMENTS (ids), FALSE, path, &error));
  g_assert_no_error (error);
  rows = read_csv_file (path);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cell (rows, 1, column_index (rows, "uuid")), ==, kept);

  g_assert_true (od_export_write_ids_file (db, "people", OD_EXPORT_FORMAT_JSON, NULL, 0, FALSE,
                                           empty_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (empty_path, &json, NULL, &error));
  g_assert_cmpstr (json, ==, "[]\n");
}

/* People: ID numbers masked unless asked for in full. */
static void
test_people_id_numbers (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autofree char *masked_path = g_build_filename (f->dir, "masked.csv", NULL);
  g_autofree char *full_path = g_build_filename (f->dir, "full.csv", NULL);
  g_autoptr(GPtrArray) masked = NULL;
  g_autoptr(GPtrArray) full = NULL;
  OdPersonFilter filter;
  guint n, n_given = 0;
  int id_column;

  od_person_filter_init (&filter);
  filter.descending = TRUE;
  all = od_person_query_ids (db, &filter, &error);
  g_assert_no_error (error);
  n = MIN (all->len, 200);
  g_assert_cmpuint (n, >, 20);

  g_assert_true (od_export_write_ids_file (db, "people", OD_EXPORT_FORMAT_CSV,
                                           (const gint64 *) (gpointer) all->data, n, FALSE,
                                           masked_path, &error));
  g_assert_no_error (error);
  g_assert_true (od_export_write_ids_file (db, "people", OD_EXPORT_FORMAT_CSV,
                                           (const gint64 *) (gpointer) all->data, n, TRUE,
                                           full_path, &error));
  g_assert_no_error (error);
  masked = read_csv_file (masked_path);
  full = read_csv_file (full_path);
  g_assert_cmpuint (masked->len, ==, n + 1);
  g_assert_cmpuint (full->len, ==, n + 1);
  id_column = column_index (masked, "id_number");
  for (guint r = 1; r <= n; r++)
    {
      const char *whole = cell (full, r, id_column);
      g_autofree char *expected = NULL;

      if (whole[0] == '\0')
        continue;
      n_given++;
      g_assert_true (od_validate_id_number (whole, NULL));
      expected = od_id_number_mask (whole);
      g_assert_cmpstr (cell (masked, r, id_column), ==, expected);
      g_assert_cmpstr (cell (masked, r, id_column), !=, whole);
    }
  g_assert_cmpuint (n_given, >, 0);
}

/* XLSX: the same rows in the same order as the CSV. */
static void
test_xlsx_matches_csv (OdTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir);
  g_autoptr(GArray) all = all_org_ids (db);
  g_autofree char *csv_path = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "list.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) csv = NULL;
  g_autoptr(GPtrArray) sheet = NULL;
  g_autoptr(OdXlsxBook) book = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int uuid_column;

  for (guint i = all->len; i > 0; i -= MIN (i, 5))
    g_array_append_val (ids, g_array_index (all, gint64, i - 1));

  g_assert_true (od_export_write_ids_file (db, "organizations", OD_EXPORT_FORMAT_CSV,
                                           (const gint64 *) (gpointer) ids->data, ids->len, FALSE,
                                           csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (od_export_write_ids_file (db, "organizations", OD_EXPORT_FORMAT_XLSX,
                                           (const gint64 *) (gpointer) ids->data, ids->len, FALSE,
                                           xlsx_path, &error));
  g_assert_no_error (error);

  csv = read_csv_file (csv_path);
  book = od_xlsx_open (xlsx_path, &error);
  g_assert_no_error (error);
  sheet = od_xlsx_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->len, ==, ids->len + 1);
  g_assert_cmpuint (sheet->len, ==, csv->len);
  uuid_column = column_index (csv, "uuid");
  for (guint r = 0; r < csv->len; r++)
    g_assert_cmpstr (((char **) g_ptr_array_index (sheet, r))[uuid_column], ==,
                     cell (csv, r, uuid_column));
}

/* An unknown entity or an unwritable place fails and leaves nothing. */
static void
test_errors (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = open_demo (f->dir);
  g_autoptr(GArray) all = all_org_ids (db);
  g_autofree char *path = g_build_filename (f->dir, "list.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "list.csv", NULL);
  g_autoptr(GError) error = NULL;
  guint n_files = od_test_count_files (f->dir);

  g_assert_false (od_export_write_ids_file (db, "trainings", OD_EXPORT_FORMAT_CSV,
                                            (const gint64 *) (gpointer) all->data, all->len,
                                            FALSE, path, &error));
  g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_UNKNOWN_ENTITY);
  g_clear_error (&error);

  g_assert_false (od_export_write_ids_file (db, "organizations", OD_EXPORT_FORMAT_XLSX,
                                            (const gint64 *) (gpointer) all->data, all->len,
                                            FALSE, missing, &error));
  g_assert_error (error, OD_EXPORT_ERROR, OD_EXPORT_ERROR_WRITE);
  g_assert_cmpuint (od_test_count_files (f->dir), ==, n_files);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);

  OD_TEST_ADD ("/export-ids/csv/order", test_csv_order);
  OD_TEST_ADD ("/export-ids/deleted-and-empty", test_deleted_and_empty);
  OD_TEST_ADD ("/export-ids/people/id-numbers", test_people_id_numbers);
  OD_TEST_ADD ("/export-ids/xlsx/matches-csv", test_xlsx_matches_csv);
  OD_TEST_ADD ("/export-ids/errors", test_errors);

  return g_test_run ();
}
