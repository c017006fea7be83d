/* test-json.c — the JSON writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "od-json.h"

static void
test_compact (void)
{
  g_autoptr(OdJsonWriter) w = od_json_writer_new (FALSE);
  g_autofree char *text = NULL;

  od_json_begin_object (w, NULL);
  od_json_int (w, "year", 2017);
  od_json_string (w, "name", "宝鸡市\"江苏\"商会\\\n\t\x01");
  od_json_begin_array (w, "list");
  od_json_bool (w, NULL, TRUE);
  od_json_null (w, NULL);
  od_json_string (w, NULL, NULL);
  od_json_int (w, NULL, -5);
  od_json_end_array (w);
  od_json_begin_object (w, "empty");
  od_json_end_object (w);
  od_json_end_object (w);
  text = od_json_writer_finish (g_steal_pointer (&w));

  g_assert_cmpstr (text, ==,
                   "{\"year\":2017,\"name\":\"宝鸡市\\\"江苏\\\"商会\\\\\\n\\t\\u0001\","
                   "\"list\":[true,null,null,-5],\"empty\":{}}");
}

static void
test_pretty (void)
{
  g_autoptr(OdJsonWriter) w = od_json_writer_new (TRUE);
  g_autofree char *text = NULL;

  od_json_begin_object (w, NULL);
  od_json_begin_object (w, "a");
  od_json_int (w, "b", 1);
  od_json_end_object (w);
  od_json_int (w, "c", 2);
  od_json_end_object (w);
  text = od_json_writer_finish (g_steal_pointer (&w));

  g_assert_cmpstr (text, ==, "{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": 2\n}\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/compact", test_compact);
  g_test_add_func ("/json/pretty", test_pretty);
  return g_test_run ();
}
