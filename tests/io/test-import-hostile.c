/* test-import-hostile.c — files made to exhaust the importer, and the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each hostile file is imported by orgdesk-cli as a user would, in a child
 * limited to 300 MB of address space (RLIMIT_AS): whatever the file, the
 * import must end with exit status 0 or 1 and a message, never be killed
 * for want of memory. AddressSanitizer reserves terabytes of address space,
 * so under it the child runs unlimited and its peak resident size is
 * checked instead, with room for ASan's own overhead.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "od-import.h"
#include "od-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#ifndef TEST_ASAN
#define TEST_ASAN 0
#endif

/* The address space an import may use, and (under ASan) its peak RSS. */
#define MEMORY_LIMIT     (300 * 1024 * 1024)
#define ASAN_RSS_LIMIT   (600 * 1024 * 1024)

/* Just under libxml2's limit of 10,000,000 bytes for one text node. */
#define HUGE_STRING_SIZE (9 * 1000 * 1000)

#define XML_DECL    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN     "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL(kind)   NS_R "/" kind

/* --- writing workbooks --- */

static void
add_part (zip_t      *zip,
          const char *name,
          const char *data)
{
  zip_source_t *source = zip_source_buffer (zip, data, strlen (data), 0);

  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
}

/* A workbook with one sheet holding @sheet_data (the inside of
 * <sheetData>, then @after_data), and shared strings when @shared_strings
 * (the <si> items) is not NULL. */
static char *
write_book (OdTestFixture *f,
            const char    *file_name,
            const char    *shared_strings,
            const char    *sheet_data,
            const char    *after_data)
{
  char *path = g_build_filename (f->dir, file_name, NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  add_part (zip, "[Content_Types].xml",
            XML_DECL
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" "
            "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  add_part (zip, "_rels/.rels",
            XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL ("officeDocument") "\" "
            "Target=\"xl/workbook.xml\"/></Relationships>");
  add_part (zip, "xl/workbook.xml",
            XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">"
            "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add_part (zip, "xl/_rels/workbook.xml.rels",
            XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL ("worksheet") "\" "
            "Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"" REL ("sharedStrings") "\" "
            "Target=\"sharedStrings.xml\"/></Relationships>");
  sheet = g_strconcat (XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">"
                       "<sheetData>", sheet_data, "</sheetData>",
                       after_data != NULL ? after_data : "", "</worksheet>", NULL);
  add_part (zip, "xl/worksheets/sheet1.xml", sheet);
  strings = g_strconcat (XML_DECL "<sst xmlns=\"" NS_MAIN "\">",
                         shared_strings != NULL ? shared_strings : "", "</sst>", NULL);
  add_part (zip, "xl/sharedStrings.xml", strings);

  /* The buffers are read here, so they live until now. */
  g_assert_cmpint (zip_close (zip), ==, 0);
  return path;
}

static char *
write_text (OdTestFixture *f,
            const char    *file_name,
            const char    *data,
            gssize         length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, file_name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* --- running orgdesk-cli within limits --- */

typedef struct
{
  int    status;        /* the exit status */
  glong  max_rss_kb;
  char  *out;
  char  *err;
} LimitedRun;

static void
limited_run_clear (LimitedRun *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

#if TEST_ASAN
#define CHILD_SETUP NULL
#else
/* In the child, between fork and exec: only async-signal-safe calls. */
static void
limit_memory_cb (gpointer user_data)
{
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
}
#define CHILD_SETUP limit_memory_cb
#endif

static char *
read_output (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Runs orgdesk-cli --db @f's database with the NULL-terminated arguments,
 * limited as the file's comment says; fails the test if the child was
 * killed by a signal (an abort for want of memory included). */
static LimitedRun
run_limited (OdTestFixture *f,
             const char    *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out_path = g_build_filename (f->dir, "stdout.txt", NULL);
  g_autofree char *err_path = g_build_filename (f->dir, "stderr.txt", NULL);
  const char *cli = g_getenv ("ORGDESK_CLI");
  LimitedRun r = { 0 };
  struct rusage usage;
  int wait_status = 0;
  int out_fd, err_fd;
  GPid pid;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  out_fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (out_fd, >=, 0);
  g_assert_cmpint (err_fd, >=, 0);

  g_spawn_async_with_pipes_and_fds (NULL, (const char *const *) argv->pdata, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD, CHILD_SETUP, NULL,
                                    -1, out_fd, err_fd, NULL, NULL, 0,
                                    &pid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);

  while (wait4 (pid, &wait_status, 0, &usage) < 0)
    g_assert_cmpint (errno, ==, EINTR);

  r.out = read_output (out_path);
  r.err = read_output (err_path);
  r.max_rss_kb = usage.ru_maxrss;
  g_test_message ("exit %d, peak RSS %ld MB; stdout: %s; stderr: %s",
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1,
                  r.max_rss_kb / 1024, r.out, r.err);

  if (WIFSIGNALED (wait_status))
    g_error ("orgdesk-cli was killed by signal %d (%s): %s", WTERMSIG (wait_status),
             g_strsignal (WTERMSIG (wait_status)), r.err);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
#if TEST_ASAN
  /* Linux keeps in ru_maxrss what the child had mapped before exec, the
   * test's own memory: the bound is far above that. */
  g_assert_cmpint (r.max_rss_kb, <, ASAN_RSS_LIMIT / 1024);
#endif
  return r;
}

static void
init_database (OdTestFixture *f)
{
  LimitedRun r = run_limited (f, "init", NULL);

  g_assert_cmpint (r.status, ==, 0);
  limited_run_clear (&r);
}

/* --- cells far to the right --- */

/* A register with a header, one organization, and then @n_rows rows whose
 * only cell is in XFD, the last column: the dense reader made 16,384 cells
 * of each. */
static void
test_far_column (OdTestFixture *f,
                 gconstpointer  data)
{
  guint n_rows = GPOINTER_TO_UINT (data);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  LimitedRun r;

  g_string_append (rows, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>单位名称</t></is></c>"
                         "<c r=\"XFD1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"
                         "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>宝鸡市门球协会</t></is>"
                         "</c><c r=\"XFD2\"><v>2</v></c></row>");
  for (guint i = 3; i < n_rows + 3; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"XFD%u\"><v>%u</v></c></row>", i, i, i);
  path = write_book (f, "far.xlsx", NULL, rows->str, NULL);

  init_database (f);
  r = run_limited (f, "import", "organizations", path, "--dry-run", NULL);
  /* The far cells are not read at all: their rows are blank. */
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "1 row: would insert 1"));
  limited_run_clear (&r);
}

/* --- one huge shared string in many cells --- */

/* A 9 MB shared string shown in @n_cells cells: copied per cell, 2,000
 * cells would be 18 GB. The reader points into the table and refuses a
 * cell longer than Excel allows, saying which. */
static void
test_huge_shared_string (OdTestFixture *f,
                         gconstpointer  data)
{
  guint n_cells = GPOINTER_TO_UINT (data);
  g_autoptr(GString) strings = g_string_new ("<si><t>单位名称</t></si><si><t>");
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  LimitedRun r;

  for (gsize i = 0; i < HUGE_STRING_SIZE / 10; i++)
    g_string_append (strings, "宝鸡市0");   /* 10 bytes, 4 characters */
  g_string_append (strings, "</t></si>");

  g_string_append (rows, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
  for (guint i = 2; i < n_cells + 2; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\" t=\"s\"><v>1</v></c></row>", i, i);
  path = write_book (f, "huge.xlsx", strings->str, rows->str, NULL);

  init_database (f);
  r = run_limited (f, "import", "organizations", path, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "huge.xlsx"));
  g_assert_nonnull (strstr (r.err, "cell A2"));
  g_assert_nonnull (strstr (r.err, "32767 characters"));
  limited_run_clear (&r);
}

/* --- CSV: UTF-8 with a stray byte --- */

/* GB18030 reads nearly any bytes, so a UTF-8 file with one Latin-1 byte
 * (here a no-break space, A0) was read as GB18030 and imported with exit
 * 0: 宝鸡门球 became 瀹濋浮闂ㄧ悆. The headers are the keys, in ASCII,
 * which read alike in both encodings. */
static void
test_csv_stray_byte (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_text (f, "stray.csv",
                                      "name,phone\n"
                                      "宝鸡门球协会,0917-3212345\n"
                                      "宝鸡市\xA0老年大学,0917-3212346\n", -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LimitedRun r;

  init_database (f);
  before = od_test_file_checksum (f->path);

  r = run_limited (f, "import", "organizations", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Line 3:"));
  g_assert_nonnull (strstr (r.err, "(0xA0) cannot be read as UTF-8 text"));
  g_assert_nonnull (strstr (r.err, "--encoding gb18030"));
  g_assert_null (strstr (r.out, "inserted"));
  limited_run_clear (&r);

  after = od_test_file_checksum (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* --- the preview finds the header row as the import does --- */

/* CSV files that are nearly all separators or line breaks, as large as may
 * be imported: refused with a message, within the memory limit, instead of
 * costing eight bytes of pointers for every byte of the file. */
static void
test_csv_many_cells (OdTestFixture *f,
                     gconstpointer  data)
{
  gsize size = GPOINTER_TO_SIZE (data);
  g_autofree char *text = g_malloc (size);
  g_autofree char *path = NULL;
  LimitedRun r;

  memcpy (text, "单位名称,备注\n", strlen ("单位名称,备注\n"));
  for (gsize i = strlen ("单位名称,备注\n"); i < size; i++)
    text[i] = i % 2 == 0 ? ',' : 'x';
  path = write_text (f, "commas.csv", text, (gssize) size);
  g_clear_pointer (&text, g_free);

  init_database (f);
  r = run_limited (f, "import", "organizations", path, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "more than 4000000 cells"));
  limited_run_clear (&r);
}

static void
assert_cells (GPtrArray  *cells,
              ...)
{
  const char *expected;
  guint n = 0;
  va_list args;

  va_start (args, cells);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (n, <, cells->len);
      g_assert_cmpstr (g_ptr_array_index (cells, n), ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (cells->len, ==, n);
}

static void
peek (const char  *path,
      GPtrArray  **headers,
      GPtrArray  **rows)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (od_import_peek (path, NULL, headers, rows, &error));
  g_assert_no_error (error);
}

static void
test_peek_title_rows (OdTestFixture *f,
                      gconstpointer  data)
{
  /* A merged title in row 1, a note in row 2, the headers in row 3. */
  g_autofree char *xlsx = write_book (f, "titled.xlsx",
    "<si><t>2017年社会组织名册</t></si><si><t>单位名称</t></si>",
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"2\"><c r=\"D2\" t=\"inlineStr\"><is><t>填报日期：2017年12月31日</t></is></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>序号</t></is></c>"
    "<c r=\"B3\" t=\"s\"><v>1</v></c>"
    "<c r=\"C3\" t=\"inlineStr\"><is><t>统一社会信用代码</t></is></c></row>"
    "<row r=\"4\"><c r=\"A4\"><v>1</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>宝鸡市门球协会</t>"
    "</is></c><c r=\"C4\" t=\"inlineStr\"><is><t>51610300MJ2812345X</t></is></c></row>"
    "<row r=\"5\"><c r=\"A5\"><v>2</v></c><c r=\"B5\" t=\"inlineStr\"><is><t>宝鸡市老年大学</t>"
    "</is></c></row>",
    "<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>");
  g_autofree char *csv = write_text (f, "titled.csv",
                                     "2017年社会组织名册,,\n"
                                     ",,\n"
                                     "序号,单位名称,统一社会信用代码\n"
                                     "1,宝鸡市门球协会,51610300MJ2812345X\n", -1);
  /* A people list: "单位名称" above it would do for organizations, but
   * the header row names a column of people in every cell. */
  g_autofree char *people = write_text (f, "members.csv",
                                        "会员名册,\n"
                                        "单位名称,宝鸡市养生协会\n"
                                        "姓名,性别,职务,手机\n"
                                        "王堃,男,会长,13912345678\n", -1);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  peek (xlsx, &headers, &rows);
  assert_cells (headers, "序号", "单位名称", "统一社会信用代码", NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0),
                    ((const char *const[]) { "1", "宝鸡市门球协会", "51610300MJ2812345X", NULL }));
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 1),
                    ((const char *const[]) { "2", "宝鸡市老年大学", NULL }));
  g_clear_pointer (&headers, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  peek (csv, &headers, &rows);
  assert_cells (headers, "序号", "单位名称", "统一社会信用代码", NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0),
                    ((const char *const[]) { "1", "宝鸡市门球协会", "51610300MJ2812345X", NULL }));
  g_clear_pointer (&headers, g_ptr_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  peek (people, &headers, &rows);
  assert_cells (headers, "姓名", "性别", "职务", "手机", NULL);
  g_assert_cmpuint (rows->len, ==, 1);
}

/* Without a recognisable header row, the first non-blank row is shown as
 * headers, as before, and the import reports its header there too. */
static void
test_peek_no_header (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *csv = write_text (f, "plain.csv", "\n甲,乙\n1,2\n3,4\n", -1);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  peek (csv, &headers, &rows);
  assert_cells (headers, "甲", "乙", NULL);
  g_assert_cmpuint (rows->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-hostile/xlsx/far-column-2000", OdTestFixture, GUINT_TO_POINTER (2000),
              od_test_fixture_setup, test_far_column, od_test_fixture_teardown);
  g_test_add ("/import-hostile/xlsx/far-column-20000", OdTestFixture, GUINT_TO_POINTER (20000),
              od_test_fixture_setup, test_far_column, od_test_fixture_teardown);
  g_test_add ("/import-hostile/xlsx/huge-shared-string-2000", OdTestFixture,
              GUINT_TO_POINTER (2000), od_test_fixture_setup, test_huge_shared_string,
              od_test_fixture_teardown);
  g_test_add ("/import-hostile/xlsx/huge-shared-string-200", OdTestFixture,
              GUINT_TO_POINTER (200), od_test_fixture_setup, test_huge_shared_string,
              od_test_fixture_teardown);
  OD_TEST_ADD ("/import-hostile/csv/stray-byte", test_csv_stray_byte);
  g_test_add ("/import-hostile/csv/many-cells-10MB", OdTestFixture, GSIZE_TO_POINTER (10000000),
              od_test_fixture_setup, test_csv_many_cells, od_test_fixture_teardown);
  g_test_add ("/import-hostile/csv/many-cells-95MB", OdTestFixture, GSIZE_TO_POINTER (95000000),
              od_test_fixture_setup, test_csv_many_cells, od_test_fixture_teardown);
  OD_TEST_ADD ("/import-hostile/peek/title-rows", test_peek_title_rows);
  OD_TEST_ADD ("/import-hostile/peek/no-header", test_peek_no_header);

  return g_test_run ();
}
