/* test-id-list-model.c — the on-demand list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "od-id-list-model.h"

/* A minimal row item with an "id" property. */
#define TEST_TYPE_ROW (test_row_get_type ())
G_DECLARE_FINAL_TYPE (TestRow, test_row, TEST, ROW, GObject)

struct _TestRow
{
  GObject parent_instance;
  gint64  id;
};

G_DEFINE_FINAL_TYPE (TestRow, test_row, G_TYPE_OBJECT)

static void
test_row_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  g_value_set_int64 (value, TEST_ROW (object)->id);
}

static void
test_row_class_init (TestRowClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = test_row_get_property;
  g_object_class_install_property (G_OBJECT_CLASS (klass), 1,
                                   g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
test_row_init (TestRow *self)
{
}

static guint n_loaded;
static gint64 deleted_id;

/* Pretends to read rows; a "deleted" row is missing from the result. */
static GPtrArray *
load_rows (OdDb          *db,
           const gint64  *ids,
           guint          n_ids,
           GError       **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      TestRow *row;

      if (ids[i] == deleted_id)
        continue;
      row = g_object_new (TEST_TYPE_ROW, NULL);
      row->id = ids[i];
      g_ptr_array_add (items, row);
      n_loaded++;
    }
  return items;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_on_demand (void)
{
  g_autoptr(OdIdListModel) model = od_id_list_model_new (TEST_TYPE_ROW, load_rows);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dir = g_dir_make_tmp ("orgdesk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(OdDb) db = od_db_open (path, OD_DB_OPEN_CREATE, NULL);
  g_autoptr(GObject) item = NULL;
  guint calls = 0;
  gint64 id = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &calls);
  od_id_list_model_set_db (model, db);
  /* 100,000 rows in reverse order: only ids are held. */
  for (gint64 i = 100000; i > 0; i--)
    g_array_append_val (ids, i);
  od_id_list_model_set_ids (model, ids);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_cmpuint (n_loaded, ==, 0);

  item = g_list_model_get_item (G_LIST_MODEL (model), 54321);
  g_object_get (item, "id", &id, NULL);
  g_assert_cmpint (id, ==, 100000 - 54321);
  /* One page was read, not the whole list. */
  g_assert_cmpuint (n_loaded, ==, 100);

  /* Scrolling through everything keeps a bounded number of rows. */
  for (guint i = 0; i < 100000; i += 50)
    {
      g_clear_object (&item);
      item = g_list_model_get_item (G_LIST_MODEL (model), i);
    }
  g_assert_cmpuint (od_id_list_model_get_n_cached (model), <=, 4000);

  g_assert_cmpuint (od_id_list_model_find (model, 1), ==, 99999);
  g_assert_cmpint (od_id_list_model_get_id (model, 0), ==, 100000);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 100000));

  /* A row deleted after the query shows as missing, its neighbours still right. */
  deleted_id = 99990;
  od_id_list_model_invalidate (model);
  g_assert_cmpuint (calls, ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 10));
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (model), 11);
  g_object_get (item, "id", &id, NULL);
  g_assert_cmpint (id, ==, 99989);

  od_id_list_model_set_ids (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/id-list-model/on-demand", test_on_demand);
  return g_test_run ();
}
