/* test-xlsx-reader.c — .xlsx workbooks read into rows of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every workbook is written here with libzip, part by part, so each test
 * shows the exact XML it reads: [Content_Types].xml, _rels/.rels, the
 * workbook and its relationships, the sheets, shared strings and styles.
 */

#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <zip.h>

#include "od-test-util.h"
#include "od-xlsx-reader.h"

#define XML_DECL      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN       "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_R          "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_RELS   "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL(kind)     NS_R "/" kind

#define CONTENT_TYPES \
  XML_DECL \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" \
  "<Override PartName=\"/xl/workbook.xml\" " \
  "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" \
  "</Types>"

#define PACKAGE_RELS(workbook) \
  XML_DECL \
  "<Relationships xmlns=\"" NS_PKG_RELS "\">" \
  "<Relationship Id=\"rId1\" Type=\"" REL ("officeDocument") "\" Target=\"" workbook "\"/>" \
  "</Relationships>"

/* --- writing workbooks --- */

typedef struct
{
  GPtrArray *names;
  GPtrArray *data;
} ZipParts;

static ZipParts *
zip_parts_new (void)
{
  ZipParts *parts = g_new0 (ZipParts, 1);

  parts->names = g_ptr_array_new_with_free_func (g_free);
  parts->data = g_ptr_array_new_with_free_func (g_free);
  return parts;
}

static void
zip_parts_take (ZipParts   *parts,
                const char *name,
                char       *data)
{
  g_ptr_array_add (parts->names, g_strdup (name));
  g_ptr_array_add (parts->data, data);
}

static void
zip_parts_add (ZipParts   *parts,
               const char *name,
               const char *data)
{
  zip_parts_take (parts, name, g_strdup (data));
}

/* Writes the parts as a zip at @path and frees them. */
static void
zip_parts_write (ZipParts   *parts,
                 const char *path)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  for (guint i = 0; i < parts->names->len; i++)
    {
      const char *data = g_ptr_array_index (parts->data, i);
      zip_source_t *source = zip_source_buffer (zip, data, strlen (data), 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, g_ptr_array_index (parts->names, i), source,
                                     ZIP_FL_ENC_UTF_8), >=, 0);
    }
  /* The buffers are read here, so they live until now. */
  g_assert_cmpint (zip_close (zip), ==, 0);

  g_ptr_array_unref (parts->names);
  g_ptr_array_unref (parts->data);
  g_free (parts);
}

static char *
sheet_xml (const char *sheet_data)
{
  return g_strconcat (XML_DECL,
                      "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">"
                      "<dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                      "<sheetData>", sheet_data, "</sheetData>"
                      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
                      "header=\"0.3\" footer=\"0.3\"/></worksheet>",
                      NULL);
}

typedef struct
{
  const char *shared_strings;  /* the <si> items, or NULL for no sharedStrings part */
  const char *styles;          /* the inside of <styleSheet>, or NULL for no styles part */
  const char *workbook_extra;  /* e.g. <workbookPr date1904="1"/>, before <sheets> */
  const char *calc_pr;         /* e.g. <calcPr fullCalcOnLoad="1"/>, after <sheets> */
} BookParts;

/* An ordinary workbook with one sheet "Sheet1" at xl/worksheets/sheet1.xml. */
static char *
write_book (OdTestFixture   *f,
            const char      *file_name,
            const BookParts *extra,
            const char      *sheet_data)
{
  static const BookParts none = { NULL, NULL, NULL, NULL };
  g_autoptr(GString) rels = g_string_new (NULL);
  char *path = g_build_filename (f->dir, file_name, NULL);
  ZipParts *parts = zip_parts_new ();

  if (extra == NULL)
    extra = &none;

  zip_parts_add (parts, "[Content_Types].xml", CONTENT_TYPES);
  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_take (parts, "xl/workbook.xml",
                  g_strconcat (XML_DECL,
                               "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\">",
                               extra->workbook_extra != NULL ? extra->workbook_extra : "",
                               "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>",
                               extra->calc_pr != NULL ? extra->calc_pr : "",
                               "</workbook>",
                               NULL));

  g_string_append (rels, XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
                         "<Relationship Id=\"rId1\" Type=\"" REL ("worksheet") "\" "
                         "Target=\"worksheets/sheet1.xml\"/>");
  if (extra->shared_strings != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rId2\" Type=\"" REL ("sharedStrings") "\" "
                             "Target=\"sharedStrings.xml\"/>");
      zip_parts_take (parts, "xl/sharedStrings.xml",
                      g_strconcat (XML_DECL "<sst xmlns=\"" NS_MAIN "\">",
                                   extra->shared_strings, "</sst>", NULL));
    }
  if (extra->styles != NULL)
    {
      g_string_append (rels, "<Relationship Id=\"rId3\" Type=\"" REL ("styles") "\" "
                             "Target=\"styles.xml\"/>");
      zip_parts_take (parts, "xl/styles.xml",
                      g_strconcat (XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\">",
                                   extra->styles, "</styleSheet>", NULL));
    }
  g_string_append (rels, "</Relationships>");
  zip_parts_add (parts, "xl/_rels/workbook.xml.rels", rels->str);
  zip_parts_take (parts, "xl/worksheets/sheet1.xml", sheet_xml (sheet_data));

  zip_parts_write (parts, path);
  return path;
}

static void
write_bytes (const char *path,
             const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* --- reading and checking --- */

/* The rows of the only sheet of the workbook at @path. */
static GPtrArray *
read_only_sheet (const char  *path,
                 GArray     **row_numbers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  g_assert_nonnull (book);
  g_assert_cmpuint (od_xlsx_get_n_sheets (book), ==, 1);

  rows = od_xlsx_read_sheet_full (book, 0, row_numbers, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  if (row_numbers != NULL)
    g_assert_cmpuint ((*row_numbers)->len, ==, rows->len);
  return rows;
}

/* Row @index is exactly the NULL-terminated cells after it. */
static void
assert_row (GPtrArray *rows,
            guint      index,
            ...)
{
  const char *expected;
  char **row;
  va_list args;
  guint n = 0;

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);

  va_start (args, index);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_test_message ("row %u, cell %u: “%s”", index, n, expected);
      g_assert_cmpuint (n, <, g_strv_length (row));
      g_assert_cmpstr (row[n], ==, expected);
      n++;
    }
  va_end (args);

  g_assert_cmpuint (g_strv_length (row), ==, n);
}

static void
assert_row_numbers (GArray *row_numbers,
                    ...)
{
  va_list args;
  guint n = 0;
  guint expected;

  va_start (args, row_numbers);
  while ((expected = va_arg (args, guint)) != 0)
    {
      g_assert_cmpuint (n, <, row_numbers->len);
      g_assert_cmpuint (g_array_index (row_numbers, guint, n), ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (row_numbers->len, ==, n);
}

/* Opening @path fails with @code; returns the message. */
static char *
assert_open_fails (const char  *path,
                   OdXlsxError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_error (error, OD_XLSX_ERROR, (int) code);
  g_assert_null (book);
  g_test_message ("%s", error->message);
  /* Every message names the file, so the user knows which one. */
  g_assert_nonnull (strstr (error->message, base));
  return g_strdup (error->message);
}

/* Opening @path works, reading its first sheet fails with @code. */
static char *
assert_read_fails (const char  *path,
                   OdXlsxError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
  g_autoptr(GPtrArray) rows = NULL;
  GArray *row_numbers = NULL;

  g_assert_no_error (error);
  rows = od_xlsx_read_sheet_full (book, 0, &row_numbers, &error);
  g_assert_error (error, OD_XLSX_ERROR, (int) code);
  g_assert_null (rows);
  g_assert_null (row_numbers);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

/* --- strings --- */

static void
test_shared_strings (OdTestFixture *f,
                     gconstpointer  data)
{
  const BookParts parts = {
    .shared_strings =
      "<si><t>宝鸡市养生协会</t></si>"
      "<si><t>堃</t></si>"
      "<si><t>䶮</t></si>"                                        /* U+4DAE, CJK extension A */
      "<si><t xml:space=\"preserve\">  前后有空格  </t></si>"
      "<si><t>第一行_x000D_\n第二行</t></si>"                     /* Excel's escape of CR */
      "<si><t>_x005F_x0041_ &amp; &lt;tag&gt;</t></si>"         /* a literal "_x0041_" */
      "<si/>"
      "<si><t/></si>"
      "<si><t>𠮷</t></si>",                                       /* U+20BB7, outside the BMP */
  };
  g_autofree char *path = write_book (f, "strings.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
    "<c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c>"
    "</row>"
    "<row r=\"2\">"
    "<c r=\"A2\" t=\"s\"><v>6</v></c><c r=\"B2\" t=\"s\"><v>7</v></c>"
    "<c r=\"C2\" t=\"s\"><v>8</v></c><c r=\"D2\" t=\"s\"><v>0</v></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "宝鸡市养生协会", "堃", "䶮", "  前后有空格  ", "第一行\r\n第二行",
              "_x0041_ & <tag>", NULL);
  assert_row (rows, 1, "", "", "𠮷", "宝鸡市养生协会", NULL);
}

static void
test_rich_text (OdTestFixture *f,
                gconstpointer  data)
{
  /* Runs are joined; the phonetic guide (<rPh>) is a reading, not text. */
  const BookParts parts = {
    .shared_strings =
      "<si><r><rPr><b/><sz val=\"11\"/><rFont val=\"宋体\"/></rPr><t>宝鸡市</t></r>"
      "<r><rPr><i/></rPr><t xml:space=\"preserve\"> 养生 </t></r>"
      "<r><t>协会</t></r>"
      "<rPh sb=\"0\" eb=\"3\"><t>ほうけいし</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>堃</t><rPh sb=\"0\" eb=\"1\"><t>kūn</t></rPh></si>",
  };
  g_autofree char *path = write_book (f, "rich.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>䶮</t></r>"
    "<r><t xml:space=\"preserve\"> 和 </t></r><r><t>堃</t></r></is></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "宝鸡市 养生 协会", "堃", "䶮 和 堃", NULL);
}

static void
test_inline_strings (OdTestFixture *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_book (f, "inline.xlsx", NULL,
    "<row r=\"1\">"
    "<c r=\"A1\" t=\"inlineStr\"><is><t>宝鸡市养生协会</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 堃 </t></is></c>"
    "<c r=\"C1\"><is><t>no t attribute</t></is></c>"
    "<c r=\"D1\" t=\"inlineStr\"><is><t><![CDATA[a<b]]></t></is></c>"
    "<c r=\"E1\" t=\"inlineStr\"><is><t>tab_x0009_here</t></is></c>"
    "<c r=\"F1\" t=\"inlineStr\"><is><t></t></is></c>"
    "<c r=\"G1\" t=\"inlineStr\"><is><t>last</t></is></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "宝鸡市养生协会", " 堃 ", "no t attribute", "a<b", "tab\there", "", "last",
              NULL);
}

/* --- numbers, booleans, errors --- */

static void
test_numbers (OdTestFixture *f,
              gconstpointer  data)
{
  /* Number formats other than dates change nothing: the value as written. */
  const BookParts parts = {
    .styles =
      "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"4\"/><xf numFmtId=\"9\"/></cellXfs>",
  };
  g_autofree char *path = write_book (f, "numbers.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\"><v>35000</v></c>"
    "<c r=\"B1\" t=\"n\"><v>3.5</v></c>"
    "<c r=\"C1\"><v>0.30000000000000004</v></c>"
    "<c r=\"D1\"><v>-12.25</v></c>"
    "<c r=\"E1\"><v>1E-3</v></c>"
    "<c r=\"F1\"><v>12345678901234567890</v></c>"
    "<c r=\"G1\" s=\"1\"><v>100</v></c>"
    "<c r=\"H1\" s=\"2\"><v>0.5</v></c>"
    "<c r=\"I1\"><v>0</v></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "35000", "3.5", "0.30000000000000004", "-12.25", "1E-3",
              "12345678901234567890", "100", "0.5", "0", NULL);
}

static void
test_booleans_and_errors (OdTestFixture *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_book (f, "booleans.xlsx", NULL,
    "<row r=\"1\">"
    "<c r=\"A1\" t=\"b\"><v>1</v></c>"
    "<c r=\"B1\" t=\"b\"><v>0</v></c>"
    "<c r=\"C1\" t=\"e\"><v>#N/A</v></c>"
    "<c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c>"
    "<c r=\"E1\" t=\"e\"><v>#REF!</v></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "TRUE", "FALSE", "#N/A", "#DIV/0!", "#REF!", NULL);
}

/* --- dates --- */

/* cellXfs: 0 General, 1 date (14), 2 date and time (22), 3 time (20),
 * 4 elapsed time (46), 5 zh-CN date (31), 6 minutes:seconds (45), 7 text. */
#define BUILTIN_DATE_STYLES \
  "<cellStyleXfs count=\"2\"><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/></cellStyleXfs>" \
  "<cellXfs count=\"8\">" \
  "<xf numFmtId=\"0\" xfId=\"0\"/>" \
  "<xf numFmtId=\"14\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"22\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"20\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"46\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"31\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"45\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "<xf numFmtId=\"49\" xfId=\"0\" applyNumberFormat=\"1\"/>" \
  "</cellXfs>"

static void
test_dates_builtin (OdTestFixture *f,
                    gconstpointer  data)
{
  const BookParts parts = { .styles = BUILTIN_DATE_STYLES };
  g_autofree char *path = write_book (f, "dates.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\" s=\"1\"><v>43027</v></c>"
    "<c r=\"B1\" s=\"1\"><v>43027.5</v></c>"
    "<c r=\"C1\" s=\"2\"><v>43027.75</v></c>"
    "<c r=\"D1\" s=\"3\"><v>0.75</v></c>"
    "<c r=\"E1\" s=\"4\"><v>1.5</v></c>"
    "<c r=\"F1\" s=\"5\"><v>43027</v></c>"
    "<c r=\"G1\" s=\"0\"><v>43027</v></c>"
    "<c r=\"H1\" s=\"1\" t=\"inlineStr\"><is><t>2017年10月19日</t></is></c>"
    "<c r=\"I1\" s=\"3\"><v>43027.25</v></c>"
    "<c r=\"J1\" s=\"6\"><v>0.0215277777777778</v></c>"
    "<c r=\"K1\" s=\"7\"><v>43027</v></c>"
    "<c r=\"L1\" s=\"99\"><v>43027</v></c>"
    "<c r=\"M1\" s=\"1\"><v>43027.999999999</v></c>"
    "<c r=\"N1\" t=\"d\"><v>2017-10-19T08:30:00</v></c>"
    "</row>"
    /* The 1900 system: serial 60 is the 1900-02-29 that never was. */
    "<row r=\"2\">"
    "<c r=\"A2\" s=\"1\"><v>1</v></c>"
    "<c r=\"B2\" s=\"1\"><v>59</v></c>"
    "<c r=\"C2\" s=\"1\"><v>60</v></c>"
    "<c r=\"D2\" s=\"1\"><v>61</v></c>"
    "<c r=\"E2\" s=\"1\"><v>0</v></c>"
    "<c r=\"F2\" s=\"1\"><v>-1</v></c>"
    "<c r=\"G2\" s=\"1\"><v>2958465</v></c>"
    "<c r=\"H2\" s=\"1\"><v>2958466</v></c>"
    "<c r=\"I2\" s=\"1\"><v>36526</v></c>"
    "<c r=\"J2\" s=\"1\"><v>45351</v></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0,
              "2017-10-19", "2017-10-19T12:00:00", "2017-10-19T18:00:00", "18:00:00",
              "1.5", "2017-10-19", "43027", "2017年10月19日", "2017-10-19T06:00:00",
              "00:31:00", "43027", "43027", "2017-10-20", "2017-10-19T08:30:00", NULL);
  assert_row (rows, 1,
              "1900-01-01", "1900-02-28", "60", "1900-03-01", "0", "-1", "9999-12-31",
              "2958466", "2000-01-01", "2024-02-29", NULL);
}

static void
test_dates_1904 (OdTestFixture *f,
                 gconstpointer  data)
{
  const char *const spellings[] = { "1", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *workbook_pr = g_strdup_printf ("<workbookPr date1904=\"%s\"/>",
                                                      spellings[i]);
      const BookParts parts = { .styles = BUILTIN_DATE_STYLES, .workbook_extra = workbook_pr };
      g_autofree char *name = g_strdup_printf ("mac-%u.xlsx", i);
      g_autofree char *path = write_book (f, name, &parts,
        "<row r=\"1\">"
        "<c r=\"A1\" s=\"1\"><v>41565</v></c>"
        "<c r=\"B1\" s=\"1\"><v>0</v></c>"
        "<c r=\"C1\" s=\"2\"><v>41565.5</v></c>"
        "<c r=\"D1\" s=\"1\"><v>59</v></c>"
        "<c r=\"E1\" s=\"3\"><v>0.5</v></c>"
        "</row>");
      g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

      g_assert_cmpuint (rows->len, ==, 1);
      assert_row (rows, 0, "2017-10-19", "1904-01-01", "2017-10-19T12:00:00", "1904-02-29",
                  "12:00:00", NULL);
    }

  /* date1904="0" is the 1900 system */
  {
    const BookParts parts = {
      .styles = BUILTIN_DATE_STYLES,
      .workbook_extra = "<workbookPr date1904=\"0\" defaultThemeVersion=\"124226\"/>",
    };
    g_autofree char *path = write_book (f, "windows.xlsx", &parts,
                                        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43027</v></c></row>");
    g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

    assert_row (rows, 0, "2017-10-19", NULL);
  }
}

static void
test_dates_custom (OdTestFixture *f,
                   gconstpointer  data)
{
  const BookParts parts = {
    .styles =
      "<numFmts count=\"12\">"
      "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"0.00&quot;m&quot;\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"mm:ss\"/>"
      "<numFmt numFmtId=\"168\" formatCode=\"[$-804]yyyy/m/d;@\"/>"
      "<numFmt numFmtId=\"169\" formatCode=\"#,##0.00_);[Red]\\(#,##0.00\\)\"/>"
      "<numFmt numFmtId=\"170\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"0\\d\"/>"
      "<numFmt numFmtId=\"172\" formatCode=\"mmm\"/>"
      "<numFmt numFmtId=\"173\" formatCode=\"[mm]:ss\"/>"
      "<numFmt numFmtId=\"174\" formatCode=\"[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;\"/>"
      "<numFmt numFmtId=\"175\" formatCode=\"&quot;¥&quot;#,##0.00;&quot;¥&quot;\\-#,##0.00\"/>"
      "</numFmts>"
      "<cellXfs count=\"14\">"
      "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
      "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"170\"/>"
      "<xf numFmtId=\"171\"/><xf numFmtId=\"172\"/><xf numFmtId=\"173\"/><xf numFmtId=\"174\"/>"
      "<xf numFmtId=\"175\"/><xf numFmtId=\"176\"/>"
      "</cellXfs>"
      /* A conditional format's number format is not a cell style's. */
      "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"176\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs>",
  };
  g_autofree char *path = write_book (f, "custom.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\" s=\"1\"><v>43027</v></c>"
    "<c r=\"B1\" s=\"2\"><v>1.5</v></c>"
    "<c r=\"C1\" s=\"3\"><v>43027</v></c>"
    "<c r=\"D1\" s=\"4\"><v>0.5</v></c>"
    "<c r=\"E1\" s=\"5\"><v>43027</v></c>"
    "<c r=\"F1\" s=\"6\"><v>43027</v></c>"
    "<c r=\"G1\" s=\"7\"><v>43027.123</v></c>"
    "<c r=\"H1\" s=\"8\"><v>43027</v></c>"
    "<c r=\"I1\" s=\"9\"><v>43027</v></c>"
    "<c r=\"J1\" s=\"10\"><v>43027</v></c>"
    "<c r=\"K1\" s=\"11\"><v>43027</v></c>"
    "<c r=\"L1\" s=\"12\"><v>43027</v></c>"
    "<c r=\"M1\" s=\"13\"><v>43027</v></c>"
    "</row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0,
              "2017-10-19",            /* yyyy"年"m"月"d"日" */
              "1.5",                   /* [h]:mm, a duration */
              "43027",                 /* 0.00"m": the m is quoted */
              "12:00:00",              /* mm:ss on a value below one day */
              "2017-10-19",            /* [$-804]yyyy/m/d;@ */
              "43027",                 /* [Red] is no date */
              "2017-10-19T02:57:07",   /* 0.123 day = 10627.2 s */
              "43027",                 /* \d is an escaped letter */
              "2017-10-19",            /* mmm: a month */
              "43027",                 /* [mm]:ss, a duration */
              "2017-10-19",            /* [DBNum1][$-804]yyyy"年"m"月" */
              "43027",                 /* "¥"#,##0.00 */
              "43027",                 /* 176 is only a <dxf> format */
              NULL);
}

/* --- layout --- */

static void
test_sparse (OdTestFixture *f,
             gconstpointer  data)
{
  const BookParts parts = {
    .shared_strings = "<si><t>a</t></si><si><t>c</t></si>",
    .styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>",
  };
  g_autofree char *path = write_book (f, "sparse.xlsx", &parts,
    "<row r=\"1\" spans=\"1:3\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
    /* cells without r follow the one before */
    "<row r=\"3\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>q</t></is></c>"
    "<c r=\"E3\"><v>5</v></c><c><v>6</v></c></row>"
    "<row r=\"4\"/>"
    "<row r=\"5\" ht=\"20\" customHeight=\"1\"><c r=\"B5\" s=\"1\"/><c r=\"C5\"><v></v></c></row>"
    "<row r=\"7\"><c r=\"D7\"><v>4</v></c><c r=\"F7\" s=\"1\"/><c r=\"G7\" t=\"inlineStr\"><is><t></t></is></c></row>"
    /* a row without r follows the one before */
    "<row><c r=\"B8\"><v>8</v></c></row>"
    "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>corner</t></is></c></row>"
    /* blank rows at the end: formatting only */
    "<row r=\"1048575\" s=\"1\" customFormat=\"1\"/>");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) row_numbers = NULL;
  char **corner;

  rows = read_only_sheet (path, &row_numbers);
  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (rows, 0, "a", "", "c", NULL);
  assert_row (rows, 1, "1", "q", "", "", "5", "6", NULL);
  assert_row (rows, 2, "", "", "", "4", NULL);
  assert_row (rows, 3, "", "8", NULL);
  assert_row_numbers (row_numbers, 1, 3, 7, 8, 1048576, 0);

  corner = g_ptr_array_index (rows, 4);
  g_assert_cmpuint (g_strv_length (corner), ==, 16384);
  g_assert_cmpstr (corner[0], ==, "");
  g_assert_cmpstr (corner[16383], ==, "corner");

  /* the same rows without their numbers */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_no_error (error);
    again = od_xlsx_read_sheet (book, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 5);
    assert_row (again, 2, "", "", "", "4", NULL);
  }
}

/* The sheet at @path read sparse, up to @max_columns. */
static OdXlsxSheet *
read_sparse (const char *path,
             guint       max_columns)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = od_xlsx_open (path, &error);
  OdXlsxSheet *sheet;

  g_assert_no_error (error);
  sheet = od_xlsx_read_sheet_sparse (book, 0, max_columns, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  /* The book is closed here: the sheet keeps what it needs. */
  return sheet;
}

static void
test_sparse_far_cells (OdTestFixture *f,
                       gconstpointer  data)
{
  const BookParts parts = { .shared_strings = "<si><t>名称</t></si>" };
  /* AMJ is column 1024, the last an import reads; AMK and XFD are past it. */
  g_autofree char *path = write_book (f, "far.xlsx", &parts,
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"XFD1\"><v>1</v></c></row>"
    "<row r=\"2\"><c r=\"XFD2\"><v>2</v></c></row>"
    "<row r=\"3\"><c r=\"AMK3\"><v>3</v></c><c><v>4</v></c><c r=\"B3\"><v>5</v></c></row>"
    "<row r=\"4\"><c r=\"AMJ4\" t=\"inlineStr\"><is><t>last</t></is></c>"
    "<c t=\"inlineStr\"><is><t>past</t></is></c></row>");
  g_autoptr(OdXlsxSheet) sheet = read_sparse (path, OD_XLSX_IMPORT_MAX_COLUMNS);
  g_autoptr(OdXlsxSheet) all = read_sparse (path, OD_XLSX_MAX_COLUMNS);

  /* Row 2 has nothing left of the limit: a blank row, left out. */
  g_assert_cmpuint (od_xlsx_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (od_xlsx_sheet_get_row_number (sheet, 0), ==, 1);
  g_assert_cmpuint (od_xlsx_sheet_get_row_number (sheet, 1), ==, 3);
  g_assert_cmpuint (od_xlsx_sheet_get_row_number (sheet, 2), ==, 4);

  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (sheet, 0), ==, 1);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 0, 0), ==, "名称");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 0, 16383), ==, "");
  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (sheet, 1), ==, 2);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 0), ==, "");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 1), ==, "5");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 1024), ==, "");
  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (sheet, 2), ==, OD_XLSX_IMPORT_MAX_COLUMNS);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 2, 1023), ==, "last");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 2, 1024), ==, "");

  /* Up to XFD, every cell is there. */
  g_assert_cmpuint (od_xlsx_sheet_get_n_rows (all), ==, 4);
  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (all, 0), ==, 16384);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (all, 0, 16383), ==, "1");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (all, 1, 16383), ==, "2");
  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (all, 2), ==, 1026);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (all, 2, 1024), ==, "3");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (all, 2, 1025), ==, "4");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (all, 3, 1024), ==, "past");
}

/* A shared string is kept once, however many cells show it, and cells
 * given out of order or twice read as Excel shows them. */
static void
test_sparse_shared (OdTestFixture *f,
                    gconstpointer  data)
{
  const BookParts parts = { .shared_strings = "<si><t>宝鸡市养生协会</t></si>" };
  g_autofree char *path = write_book (f, "shared.xlsx", &parts,
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"2\"><c r=\"D2\" t=\"s\"><v>0</v></c><c r=\"A2\"><v>1</v></c>"
    "<c r=\"D2\"><v>4</v></c><c r=\"B2\" t=\"b\"><v>1</v></c></row>");
  g_autoptr(OdXlsxSheet) sheet = read_sparse (path, OD_XLSX_IMPORT_MAX_COLUMNS);
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 0, 0), ==, "宝鸡市养生协会");
  g_assert_true (od_xlsx_sheet_get_cell (sheet, 0, 0) == od_xlsx_sheet_get_cell (sheet, 0, 1));

  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (sheet, 1), ==, 4);
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 0), ==, "1");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 1), ==, "TRUE");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 2), ==, "");
  g_assert_cmpstr (od_xlsx_sheet_get_cell (sheet, 1, 3), ==, "4");
  assert_row (rows, 1, "1", "TRUE", "", "4", NULL);
}

/* --- limits --- */

static void
test_cell_too_long (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (OD_XLSX_MAX_CELL_CHARS + 1, 'x');
  g_autofree char *streamed_text = g_strnfill (10 * OD_XLSX_MAX_CELL_CHARS, 'x');
  g_autoptr(GString) han = g_string_new (NULL);
  g_autofree char *inline_path = NULL;
  g_autofree char *streamed_path = NULL;
  g_autofree char *shared_path = NULL;
  g_autofree char *han_path = NULL;
  g_autofree char *far_path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(OdXlsxSheet) sheet = NULL;

  {
    g_autofree char *rows = g_strconcat ("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>",
                                         long_text, "</t></is></c></row>", NULL);
    g_autofree char *streamed = g_strconcat ("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>",
                                             streamed_text, "</t></is></c></row>", NULL);
    g_autofree char *strings = g_strconcat ("<si><t>", long_text, "</t></si>", NULL);
    const BookParts parts = { .shared_strings = strings };
    /* Past the columns read, no cell is looked at. */
    g_autofree char *far = g_strconcat ("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"
                                        "<c r=\"AMK1\" t=\"inlineStr\"><is><t>", long_text,
                                        "</t></is></c></row>", NULL);

    inline_path = write_book (f, "inline.xlsx", NULL, rows);
    streamed_path = write_book (f, "streamed.xlsx", NULL, streamed);
    shared_path = write_book (f, "shared.xlsx", &parts,
                              "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c></row>");
    far_path = write_book (f, "far.xlsx", NULL, far);
  }

  message = assert_read_fails (inline_path, OD_XLSX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "inline.xlsx"));
  g_assert_nonnull (strstr (message, "cell B2 holds more than 32767 characters"));
  g_free (message);
  message = assert_read_fails (streamed_path, OD_XLSX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "cell B2"));
  g_free (message);
  message = assert_read_fails (shared_path, OD_XLSX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "cell C3"));

  /* 32,767 characters of Chinese are three times as many bytes: allowed. */
  for (guint i = 0; i < OD_XLSX_MAX_CELL_CHARS; i++)
    g_string_append (han, "鸡");
  {
    g_autofree char *rows = g_strconcat ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>",
                                         han->str, "</t></is></c></row>", NULL);
    g_autoptr(GPtrArray) read = NULL;

    han_path = write_book (f, "han.xlsx", NULL, rows);
    read = read_only_sheet (han_path, NULL);
    g_assert_cmpstr (((char **) g_ptr_array_index (read, 0))[0], ==, han->str);
  }

  sheet = read_sparse (far_path, OD_XLSX_IMPORT_MAX_COLUMNS);
  g_assert_cmpuint (od_xlsx_sheet_get_n_fields (sheet, 0), ==, 1);
}

/* Every cell counts the text it shows, a shared string again in each. */
static void
test_too_much_text (OdTestFixture *f,
                    gconstpointer  data)
{
  const guint length = 30000;
  const guint under = (guint) (OD_XLSX_MAX_TEXT_SIZE / length);
  g_autofree char *text = g_strnfill (length, 'y');
  g_autofree char *strings = g_strconcat ("<si><t>", text, "</t></si>", NULL);
  const BookParts parts = { .shared_strings = strings };
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *ok_path = NULL;
  g_autofree char *large_path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(OdXlsxSheet) sheet = NULL;

  for (guint i = 1; i <= under; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\" t=\"s\"><v>0</v></c></row>",
                            i, i);
  ok_path = write_book (f, "ok.xlsx", &parts, rows->str);
  g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\" t=\"s\"><v>0</v></c></row>",
                          under + 1, under + 1);
  large_path = write_book (f, "large.xlsx", &parts, rows->str);

  sheet = read_sparse (ok_path, OD_XLSX_IMPORT_MAX_COLUMNS);
  g_assert_cmpuint (od_xlsx_sheet_get_n_rows (sheet), ==, under);

  message = assert_read_fails (large_path, OD_XLSX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "large.xlsx"));
  /* g_format_size() puts a no-break space before the unit */
  g_assert_nonnull (strstr (message, "64.0\u00a0MB of text"));
}

static void
test_empty_sheet (OdTestFixture *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_book (f, "empty.xlsx", NULL, "<row r=\"1\"><c r=\"A1\"/></row>");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) row_numbers = NULL;

  rows = read_only_sheet (path, &row_numbers);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (row_numbers->len, ==, 0);
}

/* --- formulas --- */

static void
test_formulas (OdTestFixture *f,
               gconstpointer  data)
{
  const BookParts parts = {
    .styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>",
    .calc_pr = "<calcPr calcId=\"191029\"/>",
  };
  g_autofree char *path = write_book (f, "formulas.xlsx", &parts,
    "<row r=\"1\">"
    "<c r=\"A1\"><f>1+1</f><v>2</v></c>"
    "<c r=\"B1\"><f>NA()</f></c>"
    "<c r=\"C1\" t=\"str\"><f>\"宝鸡\"&amp;\"市\"</f><v>宝鸡市</v></c>"
    "<c r=\"D1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
    "<c r=\"E1\"><f t=\"shared\" ref=\"E1:E2\" si=\"0\">A1*2</f><v>4</v></c>"
    "<c r=\"F1\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
    "<c r=\"G1\" s=\"1\"><f>DATE(2017,10,19)</f><v>43027</v></c>"
    "<c r=\"H1\"><f>SUM(A1:A2)</f><v></v></c>"
    "<c r=\"I1\"><v>9</v></c>"
    "</row>"
    "<row r=\"2\"><c r=\"E2\"><f t=\"shared\" si=\"0\"/><v>6</v></c></row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 0, "2", "", "宝鸡市", "#DIV/0!", "4", "TRUE", "2017-10-19", "", "9", NULL);
  assert_row (rows, 1, "", "", "", "", "6", NULL);
}

/* libxlsxwriter writes <v>0</v> under every formula and fullCalcOnLoad="1",
 * asking Excel to compute them: those zeros are no values. */
static void
test_formulas_not_calculated (OdTestFixture *f,
                              gconstpointer  data)
{
  const BookParts parts = {
    .calc_pr = "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>",
  };
  g_autofree char *path = write_book (f, "uncalculated.xlsx", &parts,
    "<row r=\"1\"><c r=\"A1\"><f>B1*2</f><v>0</v></c><c r=\"B1\"><v>21</v></c>"
    "<c r=\"C1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v></v></c></row>");
  g_autoptr(GPtrArray) rows = read_only_sheet (path, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "", "21", NULL);
}

/* --- package structure --- */

static void
test_relationships (OdTestFixture *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "relationships.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = NULL;
  ZipParts *parts = zip_parts_new ();

  /* Tab order is the order of <sheets>, not of the parts: the first tab is
   * sheet7.xml (an absolute target), a chart sheet sits between the two,
   * and sheet1.xml is a part that no relationship points to. */
  zip_parts_add (parts, "[Content_Types].xml", CONTENT_TYPES);
  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_add (parts, "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
    "<sheet name=\"名单\" sheetId=\"3\" r:id=\"rId3\"/>"
    "<sheet name=\"图表\" sheetId=\"4\" r:id=\"rId5\"/>"
    "<sheet name=\"第二页 &amp; more\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
    "</sheets></workbook>");
  zip_parts_add (parts, "xl/_rels/workbook.xml.rels",
    XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL ("worksheet") "\" Target=\"worksheets/data.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL ("sharedStrings") "\" Target=\"strings/shared.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL ("worksheet") "\" Target=\"/xl/worksheets/sheet7.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" REL ("hyperlink") "\" Target=\"https://example.org/a.xlsx\" "
    "TargetMode=\"External\"/>"
    "<Relationship Id=\"rId5\" Type=\"" REL ("chartsheet") "\" Target=\"chartsheets/sheet1.xml\"/>"
    "</Relationships>");
  zip_parts_add (parts, "xl/strings/shared.xml",
    XML_DECL "<sst xmlns=\"" NS_MAIN "\" count=\"2\" uniqueCount=\"2\">"
    "<si><t>宝鸡市养生协会</t></si><si><t>第二页的数据</t></si></sst>");
  zip_parts_take (parts, "xl/worksheets/sheet7.xml",
                  sheet_xml ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"));
  zip_parts_take (parts, "xl/worksheets/data.xml",
                  sheet_xml ("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c></row>"));
  zip_parts_take (parts, "xl/worksheets/sheet1.xml",
                  sheet_xml ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>decoy</t></is></c></row>"));
  zip_parts_add (parts, "xl/chartsheets/sheet1.xml",
    XML_DECL "<chartsheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><drawing r:id=\"rId1\"/></chartsheet>");
  zip_parts_write (parts, path);

  book = od_xlsx_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_xlsx_get_n_sheets (book), ==, 2);
  g_assert_cmpstr (od_xlsx_get_sheet_name (book, 0), ==, "名单");
  g_assert_cmpstr (od_xlsx_get_sheet_name (book, 1), ==, "第二页 & more");

  /* the second sheet first, then the first, then the second again */
  for (guint round = 0; round < 3; round++)
    {
      guint index = round == 1 ? 0 : 1;
      g_autoptr(GArray) row_numbers = NULL;
      g_autoptr(GPtrArray) rows = od_xlsx_read_sheet_full (book, index, &row_numbers, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      if (index == 0)
        {
          assert_row (rows, 0, "宝鸡市养生协会", NULL);
          assert_row_numbers (row_numbers, 1, 0);
        }
      else
        {
          assert_row (rows, 0, "", "第二页的数据", NULL);
          assert_row_numbers (row_numbers, 2, 0);
        }
    }
}

/* Strict OOXML namespaces, element prefixes, a workbook outside xl/ found
 * through _rels/.rels, targets with "..", and part names in another case. */
static void
test_unusual_package (OdTestFixture *f,
                      gconstpointer  data)
{
#define STRICT_MAIN "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define STRICT_R    "http://purl.oclc.org/ooxml/officeDocument/relationships"
  g_autofree char *path = g_build_filename (f->dir, "strict.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OdXlsxBook) book = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ZipParts *parts = zip_parts_new ();

  zip_parts_add (parts, "[Content_Types].xml", CONTENT_TYPES);
  zip_parts_add (parts, "_rels/.rels",
    XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId2\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
    "extendedProperties\" Target=\"docProps/app.xml\"/>"
    "<Relationship Id=\"rId1\" Type=\"" STRICT_R "/officeDocument\" Target=\"/Book/Main.xml\"/>"
    "</Relationships>");
  zip_parts_add (parts, "book/main.xml",
    XML_DECL "<x:workbook xmlns:x=\"" STRICT_MAIN "\" xmlns:rel=\"" STRICT_R "\">"
    "<x:workbookPr date1904=\"false\"/><x:sheets>"
    "<x:sheet name=\"Strict\" sheetId=\"1\" rel:id=\"s1\"/></x:sheets></x:workbook>");
  zip_parts_add (parts, "book/_rels/main.xml.rels",
    XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"s1\" Type=\"" STRICT_R "/worksheet\" Target=\"../sheets/./one%20sheet.xml\"/>"
    "<Relationship Id=\"ss\" Type=\"" STRICT_R "/sharedStrings\" Target=\"strings.xml\"/>"
    "<Relationship Id=\"st\" Type=\"" STRICT_R "/styles\" Target=\"styles.xml\"/>"
    "</Relationships>");
  zip_parts_add (parts, "book/strings.xml",
    XML_DECL "<x:sst xmlns:x=\"" STRICT_MAIN "\"><x:si><x:t>宝鸡市养生协会</x:t></x:si></x:sst>");
  zip_parts_add (parts, "book/styles.xml",
    XML_DECL "<x:styleSheet xmlns:x=\"" STRICT_MAIN "\"><x:cellXfs count=\"2\">"
    "<x:xf numFmtId=\"0\"/><x:xf numFmtId=\"14\"/></x:cellXfs></x:styleSheet>");
  zip_parts_add (parts, "sheets/one sheet.xml",
    XML_DECL "<x:worksheet xmlns:x=\"" STRICT_MAIN "\"><x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
    "<x:c r=\"B1\" s=\"1\"><x:v>43027</x:v></x:c>"
    "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>堃</x:t></x:is></x:c></x:row>"
    "</x:sheetData></x:worksheet>");
  zip_parts_write (parts, path);

  book = od_xlsx_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (od_xlsx_get_n_sheets (book), ==, 1);
  g_assert_cmpstr (od_xlsx_get_sheet_name (book, 0), ==, "Strict");
  rows = od_xlsx_read_sheet (book, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows, 0, "宝鸡市养生协会", "2017-10-19", "堃", NULL);
#undef STRICT_MAIN
#undef STRICT_R
}

/* --- refusals --- */

static void
test_not_xlsx_old_xls (OdTestFixture *f,
                       gconstpointer  data)
{
  /* The start of an OLE compound file, as Excel 97–2003 writes it. */
  static const guchar header[] = {
    0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00,
  };
  g_autofree char *path = g_build_filename (f->dir, "名单.xls", NULL);
  g_autofree char *contents = g_malloc0 (4096);
  g_autofree char *message = NULL;

  memcpy (contents, header, sizeof header);
  write_bytes (path, contents, 4096);

  message = assert_open_fails (path, OD_XLSX_ERROR_NOT_XLSX);
  g_assert_nonnull (strstr (message, "(.xls)"));
  g_assert_nonnull (strstr (message, ".xlsx"));
}

static void
test_not_xlsx_text (OdTestFixture *f,
                    gconstpointer  data)
{
  const char *cases[] = {
    "名称,统一社会信用代码\n宝鸡市养生协会,51610300MJ2870123X\n",
    "",
    "PK",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("组织名单-%u.xlsx", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *message = NULL;
      g_autofree char *expected = NULL;

      write_bytes (path, cases[i], strlen (cases[i]));
      message = assert_open_fails (path, OD_XLSX_ERROR_NOT_XLSX);
      expected = g_strdup_printf ("“%s” is not an Excel workbook (.xlsx). Open it in Excel or WPS "
                                  "and save it as .xlsx or CSV.", path);
      g_assert_cmpstr (message, ==, expected);
    }
}

static void
test_not_xlsx_zip_without_workbook (OdTestFixture *f,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "archive.xlsx", NULL);
  g_autofree char *message = NULL;
  ZipParts *parts = zip_parts_new ();

  zip_parts_add (parts, "readme.txt", "not a workbook");
  zip_parts_add (parts, "xl/worksheets/sheet1.xml", "<worksheet/>");
  zip_parts_write (parts, path);

  message = assert_open_fails (path, OD_XLSX_ERROR_NOT_XLSX);
  g_assert_nonnull (strstr (message, "not an Excel workbook"));
}

static void
test_not_xlsx_word_document (OdTestFixture *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "letter.docx", NULL);
  g_autofree char *message = NULL;
  ZipParts *parts = zip_parts_new ();

  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("word/document.xml"));
  zip_parts_add (parts, "word/document.xml",
    XML_DECL "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body/></w:document>");
  zip_parts_write (parts, path);

  message = assert_open_fails (path, OD_XLSX_ERROR_NOT_XLSX);
  g_assert_nonnull (strstr (message, "not an Excel workbook"));
}

static void
test_unreadable (OdTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.xlsx", NULL);
  g_autofree char *message = assert_open_fails (path, OD_XLSX_ERROR_READ);

  g_assert_nonnull (strstr (message, "cannot be read"));

  /* a folder is no workbook either */
  g_free (message);
  message = assert_open_fails (f->dir, OD_XLSX_ERROR_READ);
}

static void
test_no_sheet (OdTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart-only.xlsx", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "no-sheets.xlsx", NULL);
  g_autofree char *message = NULL;
  ZipParts *parts = zip_parts_new ();

  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_add (parts, "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
    "<sheet name=\"Chart1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip_parts_add (parts, "xl/_rels/workbook.xml.rels",
    XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL ("chartsheet") "\" Target=\"chartsheets/sheet1.xml\"/>"
    "</Relationships>");
  zip_parts_add (parts, "xl/chartsheets/sheet1.xml", XML_DECL "<chartsheet xmlns=\"" NS_MAIN "\"/>");
  zip_parts_write (parts, path);

  message = assert_open_fails (path, OD_XLSX_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (message, "no worksheet"));

  parts = zip_parts_new ();
  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_add (parts, "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\"><sheets/></workbook>");
  zip_parts_write (parts, empty_path);
  g_free (assert_open_fails (empty_path, OD_XLSX_ERROR_NO_SHEET));
}

static void
test_corrupt_truncated (OdTestFixture *f,
                        gconstpointer  data)
{
  g_autofree char *path = write_book (f, "download.xlsx", NULL,
                                      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  write_bytes (path, contents, length / 2);

  message = assert_open_fails (path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "damaged or incomplete"));
}

static void
test_corrupt_invalid_xml (OdTestFixture *f,
                          gconstpointer  data)
{
  /* libxml2 must not print on stderr: the message goes to the GError. */
  if (g_test_subprocess ())
    {
      g_autofree char *path = write_book (f, "broken.xlsx", NULL,
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c>\n<c r=\"B1\"><v>2</v></row>");
      g_autofree char *message = assert_read_fails (path, OD_XLSX_ERROR_CORRUPT);

      g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));
      g_assert_nonnull (strstr (message, "not valid XML (line 3)"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_corrupt_missing_sheet (OdTestFixture *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing-sheet.xlsx", NULL);
  g_autofree char *dangling_path = g_build_filename (f->dir, "dangling.xlsx", NULL);
  g_autofree char *message = NULL;
  ZipParts *parts = zip_parts_new ();

  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_add (parts, "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  zip_parts_add (parts, "xl/_rels/workbook.xml.rels",
    XML_DECL "<Relationships xmlns=\"" NS_PKG_RELS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL ("worksheet") "\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>");
  zip_parts_write (parts, path);

  message = assert_open_fails (path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));

  /* a sheet whose r:id is in no relationship */
  parts = zip_parts_new ();
  zip_parts_add (parts, "_rels/.rels", PACKAGE_RELS ("xl/workbook.xml"));
  zip_parts_add (parts, "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_R "\"><sheets>"
    "<sheet name=\"名单\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>");
  zip_parts_write (parts, dangling_path);

  g_free (message);
  message = assert_open_fails (dangling_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "名单"));
}

static void
test_corrupt_cells (OdTestFixture *f,
                    gconstpointer  data)
{
  const BookParts parts = { .shared_strings = "<si><t>only one</t></si>" };
  g_autofree char *index_path = write_book (f, "index.xlsx", &parts,
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c></row>");
  g_autofree char *no_strings_path = write_book (f, "no-strings.xlsx", NULL,
    "<row r=\"1\"><c r=\"AA1\" t=\"s\"><v>0</v></c></row>");
  g_autofree char *column_path = write_book (f, "column.xlsx", NULL,
    "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>");
  g_autofree char *reference_path = write_book (f, "reference.xlsx", NULL,
    "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>");
  g_autofree char *row_path = write_book (f, "row.xlsx", NULL,
    "<row r=\"-3\"><c><v>1</v></c></row>");
  g_autofree char *message = NULL;

  message = assert_read_fails (index_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "B2"));
  g_free (message);
  message = assert_read_fails (no_strings_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "AA1"));
  g_free (message);
  message = assert_read_fails (column_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "XFE1"));
  g_free (message);
  message = assert_read_fails (reference_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "1A"));
  g_free (message);
  message = assert_read_fails (row_path, OD_XLSX_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "-3"));
}

/* Finds the zip headers of @name and sets the uncompressed size they give,
 * as a zip bomb would: a small deflated part that claims to unpack huge. */
static void
patch_uncompressed_size (char       *contents,
                         gsize       length,
                         const char *name,
                         guint32     size)
{
  gsize name_length = strlen (name);
  guint n_patched = 0;

  for (gsize i = 0; i + 46 + name_length <= length; i++)
    {
      gsize size_offset;
      gsize name_offset;

      if (memcmp (contents + i, "PK\003\004", 4) == 0)
        {
          size_offset = 22;
          name_offset = 30;
        }
      else if (memcmp (contents + i, "PK\001\002", 4) == 0)
        {
          size_offset = 24;
          name_offset = 46;
        }
      else
        continue;

      if (memcmp (contents + i + name_offset, name, name_length) != 0)
        continue;
      for (int b = 0; b < 4; b++)
        contents[i + size_offset + b] = (char) ((size >> (8 * b)) & 0xFF);
      n_patched++;
    }
  g_assert_cmpuint (n_patched, ==, 2);
}

static void
test_too_large (OdTestFixture *f,
                gconstpointer  data)
{
  g_autofree char *path = write_book (f, "bomb.xlsx", NULL,
                                      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  patch_uncompressed_size (contents, length, "xl/worksheets/sheet1.xml", 600000000);
  write_bytes (path, contents, length);

  message = assert_open_fails (path, OD_XLSX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));
  /* g_format_size() puts a no-break space before the unit */
  g_assert_nonnull (strstr (message, "500.0\u00a0MB"));
}

/* --- size --- */

static void
test_large_sheet (OdTestFixture *f,
                  gconstpointer  data)
{
  const guint n_rows = 10000;
  const guint n_names = 500;
  g_autoptr(GString) strings = g_string_new (NULL);
  g_autoptr(GString) sheet_data = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(OdXlsxBook) book = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) row_numbers = NULL;
  g_autoptr(GError) error = NULL;
  GDate first;
  gint64 start;

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (strings, "<si><t>宝鸡市第%u养生协会</t></si>", i);

  /* Row 1 is a header; data from row 2; every tenth row has a remark in F. */
  g_string_append (sheet_data, "<row r=\"1\">"
                               "<c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c>"
                               "<c r=\"B1\" t=\"inlineStr\"><is><t>名称</t></is></c>"
                               "<c r=\"C1\" t=\"inlineStr\"><is><t>成立日期</t></is></c>"
                               "<c r=\"D1\" t=\"inlineStr\"><is><t>资金</t></is></c></row>");
  for (guint i = 0; i < n_rows - 1; i++)
    {
      guint r = i + 2;

      g_string_append_printf (sheet_data,
                              "<row r=\"%u\" spans=\"1:6\"><c r=\"A%u\"><v>%u</v></c>"
                              "<c r=\"B%u\" t=\"s\"><v>%u</v></c>"
                              "<c r=\"C%u\" s=\"1\"><v>%u</v></c>"
                              "<c r=\"D%u\"><v>%u.5</v></c>",
                              r, r, i + 1, r, i % n_names, r, 43027 + i % 365, r, i * 100);
      if (i % 10 == 0)
        g_string_append_printf (sheet_data,
                                "<c r=\"F%u\" t=\"inlineStr\"><is><t>备注%u</t></is></c>", r, i);
      g_string_append (sheet_data, "</row>");
    }

  {
    const BookParts parts = {
      .shared_strings = strings->str,
      .styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>",
    };

    path = write_book (f, "large.xlsx", &parts, sheet_data->str);
  }

  start = g_get_monotonic_time ();
  book = od_xlsx_open (path, &error);
  g_assert_no_error (error);
  rows = od_xlsx_read_sheet_full (book, 0, &row_numbers, &error);
  g_assert_no_error (error);
  g_test_message ("%u rows (%" G_GSIZE_FORMAT " bytes of sheet XML) read in %.1f ms", rows->len,
                  sheet_data->len, (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (rows->len, ==, n_rows);
  assert_row (rows, 0, "序号", "名称", "成立日期", "资金", NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 19, G_DATE_OCTOBER, 2017);
  for (guint i = 0; i < n_rows - 1; i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = g_strdup_printf ("宝鸡市第%u养生协会", i % n_names);
      g_autofree char *amount = g_strdup_printf ("%u.5", i * 100);
      char date_text[16];
      GDate date = first;

      g_date_add_days (&date, i % 365);
      g_date_strftime (date_text, sizeof date_text, "%Y-%m-%d", &date);

      g_assert_cmpuint (g_array_index (row_numbers, guint, i + 1), ==, i + 2);
      g_assert_cmpuint (g_strv_length (row), ==, i % 10 == 0 ? 6 : 4);
      g_assert_cmpstr (row[0], ==, number);
      g_assert_cmpstr (row[1], ==, name);
      g_assert_cmpstr (row[2], ==, date_text);
      g_assert_cmpstr (row[3], ==, amount);
      if (i % 10 == 0)
        {
          g_autofree char *remark = g_strdup_printf ("备注%u", i);

          g_assert_cmpstr (row[4], ==, "");
          g_assert_cmpstr (row[5], ==, remark);
        }
    }
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (OD_XLSX_ERROR), ==, "od-xlsx-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  OD_TEST_ADD ("/xlsx/strings/shared", test_shared_strings);
  OD_TEST_ADD ("/xlsx/strings/rich-text", test_rich_text);
  OD_TEST_ADD ("/xlsx/strings/inline", test_inline_strings);
  OD_TEST_ADD ("/xlsx/values/numbers", test_numbers);
  OD_TEST_ADD ("/xlsx/values/booleans-and-errors", test_booleans_and_errors);
  OD_TEST_ADD ("/xlsx/dates/builtin", test_dates_builtin);
  OD_TEST_ADD ("/xlsx/dates/1904", test_dates_1904);
  OD_TEST_ADD ("/xlsx/dates/custom", test_dates_custom);
  OD_TEST_ADD ("/xlsx/layout/sparse", test_sparse);
  OD_TEST_ADD ("/xlsx/layout/empty", test_empty_sheet);
  OD_TEST_ADD ("/xlsx/layout/sparse-far-cells", test_sparse_far_cells);
  OD_TEST_ADD ("/xlsx/layout/sparse-shared", test_sparse_shared);
  OD_TEST_ADD ("/xlsx/limits/cell-too-long", test_cell_too_long);
  OD_TEST_ADD ("/xlsx/limits/too-much-text", test_too_much_text);
  OD_TEST_ADD ("/xlsx/formulas/cached", test_formulas);
  OD_TEST_ADD ("/xlsx/formulas/not-calculated", test_formulas_not_calculated);
  OD_TEST_ADD ("/xlsx/package/relationships", test_relationships);
  OD_TEST_ADD ("/xlsx/package/unusual", test_unusual_package);
  OD_TEST_ADD ("/xlsx/refused/old-xls", test_not_xlsx_old_xls);
  OD_TEST_ADD ("/xlsx/refused/text", test_not_xlsx_text);
  OD_TEST_ADD ("/xlsx/refused/zip-without-workbook", test_not_xlsx_zip_without_workbook);
  OD_TEST_ADD ("/xlsx/refused/word-document", test_not_xlsx_word_document);
  OD_TEST_ADD ("/xlsx/refused/unreadable", test_unreadable);
  OD_TEST_ADD ("/xlsx/refused/no-sheet", test_no_sheet);
  OD_TEST_ADD ("/xlsx/refused/too-large", test_too_large);
  OD_TEST_ADD ("/xlsx/corrupt/truncated", test_corrupt_truncated);
  OD_TEST_ADD ("/xlsx/corrupt/invalid-xml", test_corrupt_invalid_xml);
  OD_TEST_ADD ("/xlsx/corrupt/missing-sheet", test_corrupt_missing_sheet);
  OD_TEST_ADD ("/xlsx/corrupt/cells", test_corrupt_cells);
  OD_TEST_ADD ("/xlsx/large-sheet", test_large_sheet);
  g_test_add_func ("/xlsx/error-quark", test_error_quark);

  return g_test_run ();
}
