/* test-text.c — look-alike names: one normal form for the stores and the
 * import (od-text.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "od-db.h"
#include "od-import.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-text.h"
#include "od-test-util.h"

static const char clean_name[] = "太白县门球协会";

/* The same name as a person sees it, with what a copy from a web page or a
 * chat program brings along. */
static const char *const look_alikes[] = {
  "太白县\u200b门球协会",           /* zero-width space */
  "太白县\u200c门球\u200d协会",     /* non-joiner, joiner */
  "\ufeff太白县门球协会",           /* BOM */
  "太白县门球协会\u00a0",           /* trailing no-break space */
  "\u3000太白县门球协会\u3000",     /* ideographic spaces */
  "\u202a太白县门球协会\u202c",     /* bidi embedding */
  "太白县\u2066门球\u2069协会",     /* bidi isolate */
  "\u200f太白县门球协会\u2060",     /* right-to-left mark, word joiner */
  " \t太白县门球协会\r\n",          /* ASCII blanks at the ends */
};

static void
test_normalize (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (look_alikes); i++)
    {
      g_autofree char *normal = od_text_normalize (look_alikes[i]);

      g_assert_cmpstr (normal, ==, clean_name);
    }

  /* NFC: e + combining acute is é; inner spaces stay. */
  {
    g_autofree char *composed = od_text_normalize ("Cafe\u0301 Lyon");

    g_assert_cmpstr (composed, ==, "Caf\u00e9 Lyon");
  }
  {
    g_autofree char *empty = od_text_normalize (NULL);
    g_autofree char *blank = od_text_normalize ("\u00a0\u200b ");

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (blank, ==, "");
  }

  g_assert_cmpuint (od_text_find_control ("宝鸡\x1b[31m协会", FALSE), ==, 0x1b);
  g_assert_cmpuint (od_text_find_control ("宝鸡\a协会", FALSE), ==, 0x07);
  g_assert_cmpuint (od_text_find_control ("宝鸡\n协会", FALSE), ==, '\n');
  g_assert_cmpuint (od_text_find_control ("第一行\n第二行\t", TRUE), ==, 0);
  g_assert_cmpuint (od_text_find_control ("宝鸡\x1b协会", TRUE), ==, 0x1b);
  g_assert_cmpuint (od_text_find_control (clean_name, FALSE), ==, 0);
}

static OdDb *
open_db (OdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  OdDb *db = od_db_open (f->path, OD_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return db;
}

static OdOrganizationFields *
org_named (const char *name)
{
  OdOrganizationFields *fields = od_organization_fields_new ();

  g_free (fields->name);
  fields->name = g_strdup (name);
  return fields;
}

/* The store: a look-alike is the same name (a duplicate), stored clean. */
static void
test_store (OdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) first = org_named (look_alikes[3]);
  g_autoptr(OdOrganizationFields) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = od_organization_save (db, first, &error);
  g_assert_no_error (error);
  stored = od_organization_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, clean_name);

  for (guint i = 0; i < G_N_ELEMENTS (look_alikes); i++)
    {
      g_autoptr(OdOrganizationFields) again = org_named (look_alikes[i]);

      g_assert_cmpint (od_organization_save (db, again, &error), ==, 0);
      g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE);
      g_clear_error (&error);
    }

  /* Control characters are refused with a message, not stored. */
  {
    g_autoptr(OdOrganizationFields) escape = org_named ("宝鸡\x1b[31m红字协会");
    g_autoptr(OdOrganizationFields) bell = org_named ("宝鸡市养生协会");
    g_autoptr(GPtrArray) problems = NULL;

    g_assert_cmpint (od_organization_save (db, escape, &error), ==, 0);
    g_assert_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bell->address);
    bell->address = g_strdup ("渭滨区\a经二路");
    problems = od_organization_validate (db, bell);
    g_assert_cmpuint (problems->len, >, 0);
    {
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len; i++)
        {
          const OdProblem *problem = g_ptr_array_index (problems, i);

          if (g_str_equal (problem->field, "address"))
            {
              found = TRUE;
              g_assert_nonnull (strstr (problem->message, "U+0007"));
            }
        }
      g_assert_true (found);
    }
    /* Line breaks are fine in notes. */
    g_clear_pointer (&bell->address, g_free);
    bell->address = g_strdup ("");
    g_free (bell->notes);
    bell->notes = g_strdup ("第一行\n第二行");
    g_assert_cmpint (od_organization_save (db, bell, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* The import: a look-alike matches the existing organization instead of
 * becoming a second one; a control character is an error of its row. */
static void
test_import (OdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(OdDb) db = open_db (f);
  g_autoptr(OdOrganizationFields) first = org_named (clean_name);
  g_autofree char *csv = g_build_filename (f->dir, "orgs.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autoptr(GString) text = g_string_new ("单位名称,备注\n");
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OdImportOptions options;
  gint64 n = 0;

  od_organization_save (db, first, &error);
  g_assert_no_error (error);
  g_string_append_printf (text, "%s,网页上复制的\n", look_alikes[0]);
  g_file_set_contents (csv, text->str, -1, &error);
  g_assert_no_error (error);

  od_import_options_init (&options);
  options.on_match = OD_IMPORT_ON_MATCH_UPDATE;
  result = od_import_file (db, "organizations", csv, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->n_inserted, ==, 0);
  g_assert_cmpuint (result->n_updated, ==, 1);
  g_assert_true (od_db_query_int64 (db, "SELECT count(*) FROM organizations", &n, &error));
  g_assert_cmpint (n, ==, 1);
  g_clear_pointer (&result, od_import_result_free);

  g_file_set_contents (bad, "单位名称\n宝鸡\x1b[31m红字协会\n宝鸡市正常协会\n", -1, &error);
  g_assert_no_error (error);
  od_import_options_init (&options);
  result = od_import_file (db, "organizations", bad, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_false (result->written);
  g_assert_nonnull (strstr (((OdImportProblem *) g_ptr_array_index (result->errors, 0))->message,
                            "control character"));
  g_assert_true (od_db_query_int64 (db, "SELECT count(*) FROM organizations", &n, &error));
  g_assert_cmpint (n, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize", test_normalize);
  OD_TEST_ADD ("/text/store", test_store);
  OD_TEST_ADD ("/text/import", test_import);

  return g_test_run ();
}
