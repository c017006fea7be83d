/* test-csv-reader.c — the CSV reader: encodings, separators, quoting, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "od-csv-reader.h"
#include "od-db.h"
#include "od-demo.h"
#include "od-export.h"
#include "od-organization.h"
#include "od-registry-store.h"

#define BOM "\xEF\xBB\xBF"

/* 姓名,单位 / 张三,宝鸡市养生协会 / 王堃 as Excel on Chinese Windows saves
 * them in plain "CSV (Comma delimited)": GBK (code page 936), CRLF. */
#define GBK_FILE \
  "\xD0\xD5\xC3\xFB,\xB5\xA5\xCE\xBB\r\n" \
  "\xD5\xC5\xC8\xFD,\xB1\xA6\xBC\xA6\xCA\xD0\xD1\xF8\xC9\xFA\xD0\xAD\xBB\xE1\r\n" \
  "\xCD\xF5\x88\xD2,\r\n"

/* --- helpers --- */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("orgdesk-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static OdCsvTable *
read_data (const char     *data,
           gssize          len,
           OdCsvEncoding   encoding,
           GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);

  return od_csv_read_bytes (bytes, encoding, error);
}

static OdCsvTable *
read_ok (const char    *data,
         gssize         len,
         OdCsvEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  OdCsvTable *table = read_data (data, len, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* Checks that reading fails with CODE and returns the message. */
static char *
read_error (const char    *data,
            gssize         len,
            OdCsvEncoding  encoding,
            OdCsvError     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = read_data (data, len, encoding, &error);

  g_assert_error (error, OD_CSV_ERROR, (int) code);
  g_assert_null (table);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* The fields of ROW, then NULL; ROW starts on LINE. */
static void
assert_row (OdCsvTable *table,
            guint       row,
            guint       line,
            ...)
{
  const char *const *fields;
  const char *expected;
  guint n = 0;
  va_list args;

  g_assert_cmpuint (row, <, od_csv_table_get_n_rows (table));
  fields = od_csv_table_get_row (table, row);
  g_assert_cmpuint (od_csv_table_get_line (table, row), ==, line);

  va_start (args, line);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (fields[n]);
      g_assert_cmpstr (fields[n], ==, expected);
      n++;
    }
  va_end (args);

  g_assert_null (fields[n]);
  g_assert_cmpuint (od_csv_table_get_n_fields (table, row), ==, n);
}

static char *
to_encoding (const char *utf8,
             const char *encoding,
             gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *converted = g_convert (utf8, -1, encoding, "UTF-8", NULL, len, &error);

  g_assert_no_error (error);
  return converted;
}

/* --- UTF-8 --- */

static void
test_utf8 (void)
{
  g_autoptr(OdCsvTable) table = read_ok ("姓名,单位,电话\n"
                                         "张三,宝鸡市养生协会,0917-1234567\n"
                                         " 李四 ,  , '0123\n",
                                         -1, OD_CSV_ENCODING_AUTO);

  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (od_csv_table_get_separator (table), ==, ',');
  g_assert_cmpint (od_csv_table_get_encoding (table), ==, OD_CSV_ENCODING_UTF8);
  g_assert_false (od_csv_table_get_had_bom (table));
  assert_row (table, 0, 1, "姓名", "单位", "电话", NULL);
  assert_row (table, 1, 2, "张三", "宝鸡市养生协会", "0917-1234567", NULL);
  /* Raw: no trimming, the apostrophe stays for the importer to judge. */
  assert_row (table, 2, 3, " 李四 ", "  ", " '0123", NULL);
}

/* The shape OrgDesk's own export writes: BOM, CRLF, RFC 4180 quoting. */
static void
test_utf8_bom_crlf (void)
{
  const char *text = BOM "uuid,name,notes\r\n"
                     "u1,\"宝鸡市\"\"引号\"\"协会\",\"第一行\r\n第二行\"\r\n"
                     "u2,\"宝鸡市测试,逗号协会\",\r\n";
  g_autoptr(OdCsvTable) table = read_ok (text, -1, OD_CSV_ENCODING_AUTO);
  g_autoptr(OdCsvTable) forced = NULL;

  g_assert_true (od_csv_table_get_had_bom (table));
  g_assert_cmpint (od_csv_table_get_encoding (table), ==, OD_CSV_ENCODING_UTF8);
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 1, "uuid", "name", "notes", NULL);
  assert_row (table, 1, 2, "u1", "宝鸡市\"引号\"协会", "第一行\r\n第二行", NULL);
  assert_row (table, 2, 4, "u2", "宝鸡市测试,逗号协会", "", NULL);

  /* The BOM decides over an encoding chosen in the import dialog. */
  forced = read_ok (text, -1, OD_CSV_ENCODING_GB18030);
  g_assert_cmpint (od_csv_table_get_encoding (forced), ==, OD_CSV_ENCODING_UTF8);
  assert_row (forced, 1, 2, "u1", "宝鸡市\"引号\"协会", "第一行\r\n第二行", NULL);
}

static void
test_orgdesk_export (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdDb) db = od_db_open (path, OD_DB_OPEN_CREATE, &error);
  g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OdCsvTable) table = NULL;
  const char *const *header;
  const char *tricky = "宝鸡市\"测试\",逗号协会";
  guint name_column = G_MAXUINT, notes_column = G_MAXUINT;
  gboolean found = FALSE;
  gint64 n_orgs;

  g_assert_no_error (error);
  g_assert_true (od_demo_load (db, FALSE, &error));
  g_assert_no_error (error);
  g_free (fields->name);
  fields->name = g_strdup (tricky);
  g_free (fields->notes);
  fields->notes = g_strdup ("第一行\n第二行");
  g_assert_cmpint (od_organization_save (db, fields, &error), >, 0);
  g_assert_no_error (error);
  n_orgs = od_organization_count (db, &error);
  g_assert_no_error (error);

  g_assert_true (od_export_write (db, "organizations", OD_EXPORT_FORMAT_CSV, FALSE, out,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  table = od_csv_read_bytes (bytes, OD_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (od_csv_table_get_had_bom (table));
  g_assert_cmpint (od_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, n_orgs + 1);

  header = od_csv_table_get_row (table, 0);
  g_assert_cmpstr (header[0], ==, "uuid");
  for (guint i = 0; header[i] != NULL; i++)
    {
      if (g_str_equal (header[i], "name"))
        name_column = i;
      else if (g_str_equal (header[i], "notes"))
        notes_column = i;
    }
  g_assert_cmpuint (name_column, !=, G_MAXUINT);
  g_assert_cmpuint (notes_column, !=, G_MAXUINT);

  for (guint r = 1; r < od_csv_table_get_n_rows (table); r++)
    {
      const char *const *row = od_csv_table_get_row (table, r);

      g_assert_cmpuint (od_csv_table_get_n_fields (table, r), ==,
                        od_csv_table_get_n_fields (table, 0));
      if (g_str_equal (row[name_column], tricky))
        {
          g_assert_cmpstr (row[notes_column], ==, "第一行\n第二行");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_clear_object (&db);
  remove_tree (dir);
}

/* --- GB18030 / GBK --- */

static void
test_gb18030 (void)
{
  const char *utf8 = "id,name,org\r\n"
                     "1,王堃,宝鸡市养生协会\r\n"
                     "2,刘䶮,\"宝鸡市养生协会,\"\"分会\"\"\"\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *gbk = NULL;
  g_autofree char *message = NULL;
  g_autofree char *gb = NULL;
  gsize len = 0;
  const OdCsvEncoding encodings[] = { OD_CSV_ENCODING_AUTO, OD_CSV_ENCODING_GB18030 };

  /* 䶮 (U+4DAE) is in GB18030 but not in GBK: a plain GBK decoder would fail. */
  gbk = g_convert ("䶮", -1, "GBK", "UTF-8", NULL, NULL, &error);
  g_assert_null (gbk);
  g_assert_nonnull (error);
  g_clear_error (&error);

  gb = to_encoding (utf8, "GB18030", &len);
  g_assert_false (g_utf8_validate (gb, len, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(OdCsvTable) table = read_ok (gb, len, encodings[i]);

      g_assert_cmpint (od_csv_table_get_encoding (table), ==, OD_CSV_ENCODING_GB18030);
      g_assert_false (od_csv_table_get_had_bom (table));
      g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
      assert_row (table, 0, 1, "id", "name", "org", NULL);
      assert_row (table, 1, 2, "1", "王堃", "宝鸡市养生协会", NULL);
      assert_row (table, 2, 3, "2", "刘䶮", "宝鸡市养生协会,\"分会\"", NULL);
    }

  /* Asked for UTF-8, the first non-ASCII byte is on line 2. */
  message = read_error (gb, len, OD_CSV_ENCODING_UTF8, OD_CSV_ERROR_ENCODING);
  assert_contains (message, "Line 2:");
  assert_contains (message, "offset 15 (0xCD)");
  assert_contains (message, "GB18030");
}

static void
test_gbk (void)
{
  g_autoptr(OdCsvTable) table = read_ok (GBK_FILE, -1, OD_CSV_ENCODING_AUTO);

  g_assert_cmpint (od_csv_table_get_encoding (table), ==, OD_CSV_ENCODING_GB18030);
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 1, "姓名", "单位", NULL);
  assert_row (table, 1, 2, "张三", "宝鸡市养生协会", NULL);
  assert_row (table, 2, 3, "王堃", "", NULL);
}

/* --- separators --- */

static void
assert_separator (const char *text,
                  char        separator)
{
  g_autoptr(OdCsvTable) table = read_ok (text, -1, OD_CSV_ENCODING_AUTO);

  g_assert_cmpint (od_csv_table_get_separator (table), ==, separator);
}

static void
test_separator (void)
{
  g_autoptr(OdCsvTable) semicolons = read_ok ("名称;金额;备注\n养生协会;1,5;\"a;b\"\n", -1,
                                              OD_CSV_ENCODING_AUTO);
  g_autoptr(OdCsvTable) tabs = read_ok ("名称\t金额\n养生协会\t1,5;2\n", -1,
                                        OD_CSV_ENCODING_AUTO);

  g_assert_cmpint (od_csv_table_get_separator (semicolons), ==, ';');
  assert_row (semicolons, 0, 1, "名称", "金额", "备注", NULL);
  assert_row (semicolons, 1, 2, "养生协会", "1,5", "a;b", NULL);
  g_assert_cmpint (od_csv_table_get_separator (tabs), ==, '\t');
  assert_row (tabs, 1, 2, "养生协会", "1,5;2", NULL);

  assert_separator ("a,b;c\n", ',');            /* a tie: comma wins */
  assert_separator ("a;b\tc\n", ';');           /* then semicolon */
  assert_separator ("a\tb\tc;d,e\n", '\t');
  assert_separator ("\"x;y;z\",b\n", ',');      /* not inside quotes */
  assert_separator ("\"x\n;;;\",b\n", ',');     /* nor in a quoted line end */
  assert_separator ("12\" pipe;size;note, more\n", ';');  /* a quote inside a field */
  assert_separator ("\r\n\na;b\n", ';');        /* the first non-blank line */
  assert_separator ("a,b\n1;2;3;4\n", ',');     /* and only that one */
  assert_separator ("name\nvalue\n", ',');      /* none at all */
}

/* --- quoting and lines --- */

static void
test_quotes (void)
{
  g_autoptr(OdCsvTable) table = read_ok ("\"He said \"\"hi\"\"\",\"a,b\",\"x\ny\",\"c\r\nd\",\"\"\n"
                                         "mid\"quote,\"closed\"tail,\"\"\"\"\n"
                                         " \"spaced\",\"\",\n",
                                         -1, OD_CSV_ENCODING_AUTO);

  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 1, "He said \"hi\"", "a,b", "x\ny", "c\r\nd", "", NULL);
  /* As Excel reads them: a quote inside a field is a character, and so is
   * text after a closing quote. */
  assert_row (table, 1, 4, "mid\"quote", "closedtail", "\"", NULL);
  assert_row (table, 2, 5, " \"spaced\"", "", "", NULL);
}

static void
test_line_numbers (void)
{
  g_autoptr(OdCsvTable) table = read_ok ("\n"               /* 1: blank */
                                         "h1,h2\n"          /* 2 */
                                         "1,\"multi\n"      /* 3 */
                                         "line\r\n"         /* 4 */
                                         "field\"\n"        /* 5 */
                                         "2,after\n"        /* 6 */
                                         "\n"               /* 7: blank */
                                         "3,x\r\n"          /* 8 */
                                         "\r\n"             /* 9: blank */
                                         "4,cr\r"           /* 10: old Mac line end */
                                         "5,\"a\rb\"\r"     /* 11, 12 */
                                         "6,last",          /* 13, no line end */
                                         -1, OD_CSV_ENCODING_AUTO);

  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 7);
  assert_row (table, 0, 2, "h1", "h2", NULL);
  assert_row (table, 1, 3, "1", "multi\nline\r\nfield", NULL);
  assert_row (table, 2, 6, "2", "after", NULL);
  assert_row (table, 3, 8, "3", "x", NULL);
  assert_row (table, 4, 10, "4", "cr", NULL);
  assert_row (table, 5, 11, "5", "a\rb", NULL);
  assert_row (table, 6, 13, "6", "last", NULL);
}

static void
test_ragged_rows (void)
{
  g_autoptr(OdCsvTable) table = read_ok ("a\nb,c,d\n,\nlast,\n\n\n", -1,
                                         OD_CSV_ENCODING_AUTO);
  g_autoptr(OdCsvTable) single = read_ok ("\"only\"", -1, OD_CSV_ENCODING_AUTO);

  /* Trailing blank lines are no rows; a trailing separator is an empty field. */
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 0, 1, "a", NULL);
  assert_row (table, 1, 2, "b", "c", "d", NULL);
  assert_row (table, 2, 3, "", "", NULL);
  assert_row (table, 3, 4, "last", "", NULL);
  g_assert_cmpuint (od_csv_table_get_n_rows (single), ==, 1);
  assert_row (single, 0, 1, "only", NULL);
}

/* --- errors --- */

static void
test_unterminated_quote (void)
{
  g_autofree char *middle = read_error ("a,b\n1,2\n3,\"open\nmore\nlines,4\n", -1,
                                        OD_CSV_ENCODING_AUTO, OD_CSV_ERROR_SYNTAX);
  g_autofree char *escaped = read_error ("x\n\n\"abc\"\"", -1, OD_CSV_ENCODING_AUTO,
                                         OD_CSV_ERROR_SYNTAX);

  assert_contains (middle, "Line 3:");
  assert_contains (middle, "quote");
  /* "" inside quotes is an escaped quote, not the end of the field. */
  assert_contains (escaped, "Line 3:");
}

static void
test_invalid_encoding (void)
{
  g_autofree char *ff = read_error ("name\n\xFF\n", -1, OD_CSV_ENCODING_AUTO,
                                    OD_CSV_ERROR_ENCODING);
  g_autofree char *lone_80 = read_error ("a,b\r\nc,\x80\r\n", -1, OD_CSV_ENCODING_AUTO,
                                         OD_CSV_ERROR_ENCODING);
  /* UTF-8 reads up to the 0xFF; GB18030 stops at once, at 9D 2C. */
  g_autofree char *mostly_utf8 = read_error ("宝,a\n\xFF\n", -1, OD_CSV_ENCODING_AUTO,
                                             OD_CSV_ERROR_ENCODING);
  g_autofree char *forced_gb = read_error ("a\n\xFF", -1, OD_CSV_ENCODING_GB18030,
                                           OD_CSV_ERROR_ENCODING);
  g_autofree char *forced_utf8 = read_error (GBK_FILE, -1, OD_CSV_ENCODING_UTF8,
                                             OD_CSV_ERROR_ENCODING);
  g_autofree char *bom_gbk = read_error (BOM GBK_FILE, -1, OD_CSV_ENCODING_AUTO,
                                         OD_CSV_ERROR_ENCODING);
  /* "宝" cut after two of its three bytes. */
  g_autofree char *cut = read_error ("名称\n宝鸡\xE5\xAE", -1, OD_CSV_ENCODING_UTF8,
                                     OD_CSV_ERROR_ENCODING);
  /* FF FE is the UTF-16LE mark, and then one byte is left over. */
  g_autofree char *ff_fe_fd = read_error ("\xFF\xFE\xFD", -1, OD_CSV_ENCODING_AUTO,
                                          OD_CSV_ERROR_ENCODING);

  assert_contains (ff, "Line 2:");
  assert_contains (ff, "offset 5 (0xFF)");
  assert_contains (ff, "CSV UTF-8");
  assert_contains (lone_80, "Line 2:");
  assert_contains (lone_80, "offset 7 (0x80)");
  assert_contains (mostly_utf8, "Line 2:");
  assert_contains (mostly_utf8, "offset 6 (0xFF)");
  assert_contains (forced_gb, "Line 2:");
  assert_contains (forced_gb, "GB18030");
  assert_contains (forced_utf8, "Line 1:");
  assert_contains (forced_utf8, "offset 0 (0xD0)");
  assert_contains (forced_utf8, "import it with the GB18030 (GBK) encoding");
  /* Marked as UTF-8, so it is not guessed to be GBK. */
  assert_contains (bom_gbk, "offset 3 (0xD0)");
  assert_contains (bom_gbk, "as UTF-8 text");
  assert_contains (cut, "Line 2:");
  assert_contains (cut, "ends in the middle of a character");
  assert_contains (ff_fe_fd, "UTF-16");
}

/* UTF-8 with a stray byte (a no-break space pasted as Latin-1 A0) reads as
 * GB18030 without an error, every Chinese character as mojibake (宝鸡门球
 * as 瀹濋浮闂ㄧ悆): automatic detection reports the byte instead. */
static void
test_utf8_stray_byte (void)
{
  const char *stray = "name,phone\n"
                      "宝鸡门球协会,0917-3212345\n"
                      "宝鸡市\xA0老年大学,0917-3212346\n";
  /* "协" cut after two of its three bytes at the end (two invalid bytes). */
  const char *cut = "单位名称,联系电话\n宝鸡门球协会,0917-3212345\n宝鸡老年大学\xE5\x8D";
  g_autofree char *message = read_error (stray, -1, OD_CSV_ENCODING_AUTO,
                                         OD_CSV_ERROR_ENCODING);
  g_autofree char *cut_message = read_error (cut, -1, OD_CSV_ENCODING_AUTO,
                                             OD_CSV_ERROR_ENCODING);
  g_autoptr(OdCsvTable) forced = NULL;

  assert_contains (message, "Line 3:");
  assert_contains (message, "offset 52 (0xA0) cannot be read as UTF-8 text.");
  assert_contains (message, "--encoding gb18030");
  assert_contains (message, "Import window");
  assert_contains (cut_message, "Line 3:");
  assert_contains (cut_message, "ends in the middle of a character");
  assert_contains (cut_message, "as UTF-8 text");

  /* Chosen by the user, GB18030 is what it says: the bytes do read so. */
  forced = read_ok (stray, -1, OD_CSV_ENCODING_GB18030);
  g_assert_cmpint (od_csv_table_get_encoding (forced), ==, OD_CSV_ENCODING_GB18030);
  assert_row (forced, 1, 2, "瀹濋浮闂ㄧ悆鍗忎細", "0917-3212345", NULL);
}

/* All 6,763 characters of GB2312 in GBK, a row per lead byte, ten to a
 * field: read as GB18030 by automatic detection, though some pairs of
 * them are well-formed UTF-8 sequences. */
static void
test_gbk_many (void)
{
  g_autoptr(GString) gbk = g_string_new ("\xB5\xA5\xCE\xBB\xC3\xFB\xB3\xC6\r\n");   /* 单位名称 */
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = NULL;
  g_autofree char *utf8 = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_characters = 0;

  for (guint lead = 0xB0; lead <= 0xF7; lead++)
    {
      for (guint trail = 0xA1; trail <= 0xFE; trail++)
        {
          /* D7FA–D7FE are not assigned. */
          if (lead == 0xD7 && trail >= 0xFA)
            break;
          if (trail > 0xA1 && (trail - 0xA1) % 10 == 0)
            g_string_append_c (gbk, ',');
          g_string_append_c (gbk, (char) lead);
          g_string_append_c (gbk, (char) trail);
          n_characters++;
        }
      g_string_append (gbk, "\r\n");
    }
  g_assert_cmpuint (n_characters, ==, 6763);
  g_assert_false (g_utf8_validate (gbk->str, gbk->len, NULL));

  table = read_ok (gbk->str, gbk->len, OD_CSV_ENCODING_AUTO);
  g_assert_cmpint (od_csv_table_get_encoding (table), ==, OD_CSV_ENCODING_GB18030);
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 1 + 0xF7 - 0xB0 + 1);
  assert_row (table, 0, 1, "单位名称", NULL);
  g_assert_cmpstr (od_csv_table_get_row (table, 1)[0], ==, "啊阿埃挨哎唉哀皑癌蔼");
  /* Lead C3 with trails A1–BF is well-formed UTF-8 (U+00E1…): still GBK. */
  g_assert_cmpstr (od_csv_table_get_row (table, 1 + 0xC3 - 0xB0)[0], ==, "谩芒茫盲氓忙莽猫茅锚");

  /* Every row as iconv reads it. */
  utf8 = g_convert (gbk->str, gbk->len, "UTF-8", "GB18030", NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (utf8, "\r\n", -1);
  for (guint r = 0; r < od_csv_table_get_n_rows (table); r++)
    {
      g_autofree char *joined = g_strjoinv (",", (char **) od_csv_table_get_row (table, r));

      g_assert_cmpstr (joined, ==, lines[r]);
    }
}

static void
test_zero_byte (void)
{
  g_autofree char *plain = read_error ("a,b\nc,d\0e\n", 10, OD_CSV_ENCODING_AUTO,
                                       OD_CSV_ERROR_ENCODING);
  /* UTF-16LE without a mark reads as ASCII with zero bytes in between. */
  g_autofree char *utf16 = read_error ("a\0,\0b\0", 6, OD_CSV_ENCODING_AUTO,
                                       OD_CSV_ERROR_ENCODING);
  /* A workbook renamed to .csv. */
  g_autofree char *zip = read_error ("PK\x03\x04\x14\0\x06\0", 8, OD_CSV_ENCODING_AUTO,
                                     OD_CSV_ERROR_ENCODING);

  assert_contains (plain, "Line 2:");
  assert_contains (plain, "offset 7 is a zero byte");
  assert_contains (utf16, "offset 1 is a zero byte");
  assert_contains (zip, "Excel workbook");
}

static void
test_empty (void)
{
  const char *const texts[] = { "", BOM, "\xFF\xFE", "\r\n\n\r", BOM "\r\n\r\n" };
  g_autofree char *path = NULL;
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *message = read_error (texts[i], -1, OD_CSV_ENCODING_AUTO,
                                             OD_CSV_ERROR_EMPTY);

      assert_contains (message, "no rows");
    }

  path = g_build_filename (dir, "empty.csv", NULL);
  g_assert_true (g_file_set_contents (path, "", 0, &error));
  table = od_csv_read_file (path, OD_CSV_ENCODING_AUTO, &error);
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_EMPTY);
  g_assert_null (table);
  remove_tree (dir);
}

static void
test_too_large (void)
{
  gsize size = OD_CSV_MAX_FILE_SIZE + 1;
  /* Untouched calloc'd pages cost no memory: the size alone is refused. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = NULL;
  int fd;

  table = od_csv_read_bytes (bytes, OD_CSV_ENCODING_AUTO, &error);
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE);
  g_assert_null (table);
  assert_contains (error->message, "100.0\u00A0MB");
  g_clear_error (&error);

  /* A sparse file: refused from its size, before it is read. */
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  table = od_csv_read_file (path, OD_CSV_ENCODING_AUTO, &error);
  g_assert_error (error, OD_CSV_ERROR, OD_CSV_ERROR_TOO_LARGE);
  g_assert_null (table);
  remove_tree (dir);
}

/* --- UTF-16 ("Unicode text") --- */

static void
test_utf16 (void)
{
  const char *utf8 = "姓名\t单位\r\n王堃\t\"宝鸡市\n养生协会\"\r\n刘䶮\t\r\n";
  const struct { const char *name; const char *bom; OdCsvEncoding encoding; } cases[] = {
    { "UTF-16LE", "\xFF\xFE", OD_CSV_ENCODING_UTF16LE },
    { "UTF-16BE", "\xFE\xFF", OD_CSV_ENCODING_UTF16BE },
  };
  /* a CRLF b CRLF, then a high surrogate with no low one. */
  const char bad[] = "\xFF\xFE" "a\0\r\0\n\0b\0\r\0\n\0\x00\xD8" "c\0";
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = 0;
      g_autofree char *body = to_encoding (utf8, cases[i].name, &len);
      g_autofree char *file = g_malloc (len + 2);
      g_autoptr(OdCsvTable) table = NULL;
      g_autoptr(OdCsvTable) forced = NULL;

      memcpy (file, cases[i].bom, 2);
      memcpy (file + 2, body, len);
      table = read_ok (file, len + 2, OD_CSV_ENCODING_AUTO);
      g_assert_cmpint (od_csv_table_get_encoding (table), ==, cases[i].encoding);
      g_assert_true (od_csv_table_get_had_bom (table));
      g_assert_cmpint (od_csv_table_get_separator (table), ==, '\t');
      g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, 3);
      assert_row (table, 0, 1, "姓名", "单位", NULL);
      assert_row (table, 1, 2, "王堃", "宝鸡市\n养生协会", NULL);
      assert_row (table, 2, 4, "刘䶮", "", NULL);

      forced = read_ok (file, len + 2, OD_CSV_ENCODING_GB18030);
      g_assert_cmpint (od_csv_table_get_encoding (forced), ==, cases[i].encoding);
    }

  message = read_error (bad, sizeof bad - 1, OD_CSV_ENCODING_AUTO, OD_CSV_ERROR_ENCODING);
  assert_contains (message, "Line 3:");
  assert_contains (message, "offset 14");
}

/* --- files --- */

static void
test_read_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = NULL;
  g_autoptr(OdCsvTable) gbk = NULL;
  g_autoptr(OdCsvTable) none = NULL;
  g_autoptr(OdCsvTable) folder = NULL;

  g_assert_true (g_file_set_contents (path, BOM "a,\"b\"\"\"\r\n宝鸡,\"x\r\ny\"\r\n", -1,
                                      &error));
  table = od_csv_read_file (path, OD_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (od_csv_table_get_had_bom (table));
  assert_row (table, 0, 1, "a", "b\"", NULL);
  assert_row (table, 1, 2, "宝鸡", "x\r\ny", NULL);

  g_assert_true (g_file_set_contents (path, GBK_FILE, -1, &error));
  gbk = od_csv_read_file (path, OD_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  assert_row (gbk, 1, 2, "张三", "宝鸡市养生协会", NULL);

  none = od_csv_read_file (missing, OD_CSV_ENCODING_AUTO, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  folder = od_csv_read_file (dir, OD_CSV_ENCODING_AUTO, &error);
  g_assert_nonnull (error);
  g_assert_null (folder);
  remove_tree (dir);
}

/* 100,000 rows, every 1,000th with a two-line note, read from a file in
 * UTF-8 and from bytes in GB18030. Times are printed, never asserted. */
static void
test_large (void)
{
  const guint n = 100000;
  g_autoptr(GString) text = g_string_new ("编号,姓名,单位,备注\r\n");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdCsvTable) table = NULL;
  g_autoptr(OdCsvTable) gb_table = NULL;
  g_autoptr(GBytes) gb_bytes = NULL;
  g_autofree char *last_id = g_strdup_printf ("%u", n);
  char *gb;
  gsize gb_len = 0;
  gint64 start;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "%u,王堃%u,宝鸡市养生协会,\"备注,第%u行%s\"\r\n",
                            i, i, i, i % 1000 == 0 ? "\r\n第二行" : "");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));

  start = g_get_monotonic_time ();
  table = od_csv_read_file (path, OD_CSV_ENCODING_AUTO, &error);
  g_test_message ("UTF-8: %u rows, %.1f MB read in %.1f ms", n, text->len / 1e6,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_cmpuint (od_csv_table_get_n_rows (table), ==, n + 1);
  assert_row (table, 1, 2, "1", "王堃1", "宝鸡市养生协会", "备注,第1行", NULL);
  assert_row (table, 1000, 1001, "1000", "王堃1000", "宝鸡市养生协会",
              "备注,第1000行\r\n第二行", NULL);
  assert_row (table, 1001, 1003, "1001", "王堃1001", "宝鸡市养生协会", "备注,第1001行", NULL);
  /* Row i starts on line 1 + i + (i - 1) / 1000. */
  g_assert_cmpuint (od_csv_table_get_line (table, n), ==, 1 + n + (n - 1) / 1000);
  g_assert_cmpstr (od_csv_table_get_row (table, n)[0], ==, last_id);

  gb = to_encoding (text->str, "GB18030", &gb_len);
  gb_bytes = g_bytes_new_take (gb, gb_len);
  start = g_get_monotonic_time ();
  gb_table = od_csv_read_bytes (gb_bytes, OD_CSV_ENCODING_AUTO, &error);
  g_test_message ("GB18030: %u rows, %.1f MB read in %.1f ms", n, gb_len / 1e6,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_cmpint (od_csv_table_get_encoding (gb_table), ==, OD_CSV_ENCODING_GB18030);
  g_assert_cmpuint (od_csv_table_get_n_rows (gb_table), ==, n + 1);
  g_assert_cmpstr (od_csv_table_get_row (gb_table, n)[1], ==, "王堃100000");
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/utf8", test_utf8);
  g_test_add_func ("/csv/utf8-bom-crlf", test_utf8_bom_crlf);
  g_test_add_func ("/csv/orgdesk-export", test_orgdesk_export);
  g_test_add_func ("/csv/gb18030", test_gb18030);
  g_test_add_func ("/csv/gbk", test_gbk);
  g_test_add_func ("/csv/separator", test_separator);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/ragged-rows", test_ragged_rows);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/invalid-encoding", test_invalid_encoding);
  g_test_add_func ("/csv/utf8-stray-byte", test_utf8_stray_byte);
  g_test_add_func ("/csv/gbk-many", test_gbk_many);
  g_test_add_func ("/csv/zero-byte", test_zero_byte);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/too-large", test_too_large);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/read-file", test_read_file);
  g_test_add_func ("/csv/large", test_large);

  return g_test_run ();
}
