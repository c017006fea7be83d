/* test-document.c — the paginated document engine, checked on the PDF it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler-utils (pdfinfo, pdffonts, pdftotext):
 * what a reader of the file gets is what is asserted.
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "od-document.h"
#include "od-test-util.h"

#define MM (72.0 / 25.4)

static const char *const seed_intro =
  "宝鸡市社会组织促进会是全市社会组织的“联合体”，受宝鸡市民政局委托，具有引领、服务、协调、"
  "规范、培训全市各类社会组织的重要职能。今年以来，宝鸡市社会组织促进会积极协助宝鸡市社会组织"
  "党委开展社会组织规范管理和强力推进社会组织党建工作“双覆盖”，会员单位积极“评星晋级、争创双强”。";

/* From /work/shared/seed/baoji-2017-article.txt. */
static const char *const seed_training =
  "加强培训是提升社会组织各项能力的有力抓手。宝鸡市社会组织促进会积极落实宝鸡市民政局《宝鸡市"
  "社会组织培训方案》，今年利用4个月时间举办10期培训班，市级社会组织900余人参加了党建知识、社会"
  "组织最新法规，社会组织内部治理、能力提升、信息宣传等业务学习和培训。举办9期执行项目培训班，就"
  "组织实施社会组织公益项目策划、“四社联动”能力推进、社会组织项目专业化能力提升、社工理论及务实、"
  "社会组织等级评估工作等社会组织能力建设培训，培训市级社会组织1600余人。通过培训，社会组织专业"
  "能力得到进一步提高，推动了全市社会组织的健康有序发展。";

static const char *const seed_relief =
  "宝鸡市社会组织促进会以实际行动贯彻落实扶贫开发的重要精神，积极投身精准扶贫。积极配合宝鸡市委"
  "组织部、市民政局、市社会组织党委，组织市级社会组织开展“党建助脱贫”系列公益活动。通过现场捐赠"
  "扶贫物资、签订扶贫服务协议等方式，开展扶贫济困、救孤助残、支教助学、关爱儿重、医疗救助等系列"
  "主题公益活动。宝鸡市江苏商会、宝鸡市社会组织促进会等9家社会组织分别与麟游县常丰镇许家村，太白"
  "县桃川镇，渭滨区高家镇晁峪村等签订了建造公共厕所等帮扶项目，涉及款额约35万元。";

#define REPORT_TITLE "宝鸡市社会组织促进会2017年工作总结"
#define ASSOCIATION  "宝鸡市社会组织促进会"
#define N_ROWS       300

/* --- helpers --- */

static gboolean
require_tools (const char *first,
               ...)
{
  va_list args;
  gboolean ok = TRUE;

  va_start (args, first);
  for (const char *tool = first; tool != NULL; tool = va_arg (args, const char *))
    {
      g_autofree char *found = od_test_require_program (tool, "poppler-utils");
    }
  va_end (args);
  return ok;
}

/* Runs BEFORE, the quoted PATH and AFTER as one command line; returns its output. */
static char *
run_tool (const char *before,
          const char *path,
          const char *after)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strconcat (before, " ", quoted, " ", after, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("“%s” failed: %s", command, err);
  return out;
}

static char *
page_text (const char *pdf,
           guint       page,
           gboolean    layout)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 %s -f %u -l %u",
                                              layout ? "-layout" : "", page, page);

  return run_tool (command, pdf, "-");
}

static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* TEXT without any white space: justification and pdftotext add spaces. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Asserts A and B are the same text, showing where they first differ. */
static void
assert_same_text (const char *a,
                  const char *b)
{
  const char *p = a, *q = b;

  while (*p != '\0' && *p == *q)
    p++, q++;
  if (*p == '\0' && *q == '\0')
    return;
  while (p > a && (*p & 0xc0) == 0x80)
    p--, q--;
  g_test_message ("texts differ at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT ": \"%.60s\" "
                  "against \"%.60s\"", (gsize) (p - a), strlen (a), p, q);
  g_test_fail ();
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text of every page, with page numbers and LEAVE_OUT lines removed and
 * white space stripped, joined: what a reader copies out of the document. */
static char *
body_text (const char *pdf,
           guint       n_pages,
           const char *leave_out)
{
  GString *all = g_string_new (NULL);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page, FALSE);
      g_autofree char *number = g_strdup_printf ("\u2014 %u \u2014", page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = strip_spaces (lines[i]);
          g_autofree char *stripped_number = strip_spaces (number);

          if (g_strcmp0 (line, stripped_number) == 0
              || (leave_out != NULL && g_strcmp0 (line, leave_out) == 0))
            continue;
          g_string_append (all, line);
        }
    }
  return g_string_free (all, FALSE);
}

/* Row numbers (first column) found at the start of the lines of TEXT. */
static GArray *
row_numbers (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*(\\d+)(\\s|$)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      guint n = (guint) g_ascii_strtoull (digits, NULL, 10);

      g_array_append_val (numbers, n);
      g_match_info_next (match, NULL);
    }
  return numbers;
}

typedef struct
{
  char   *text;
  double  x_min, y_min, x_max, y_max;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Words with their boxes (points, from the top left), per page. */
static GPtrArray *
page_words (const char *pdf)
{
  g_autofree char *html = run_tool ("pdftotext -enc UTF-8 -bbox", pdf, "-");
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

      g_array_set_clear_func (words, word_clear);
      g_regex_match (regex, pages[p], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);
          Word word = {
            g_match_info_fetch (match, 5),
            g_ascii_strtod (x0, NULL), g_ascii_strtod (y0, NULL),
            g_ascii_strtod (x1, NULL), g_ascii_strtod (y1, NULL),
          };

          g_array_append_val (words, word);
          g_match_info_next (match, NULL);
        }
      g_ptr_array_add (result, words);
    }
  return result;
}

static const Word *
find_word (GArray     *words,
           const char *text,
           guint       nth)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, Word, i).text, text) == 0 && nth-- == 0)
      return &g_array_index (words, Word, i);
  return NULL;
}

/* The page (1-based) on which TEXT is a word, 0 if none; asserts it is on one only. */
static guint
page_of_word (GPtrArray  *pages,
              const char *text)
{
  guint found = 0;

  for (guint p = 0; p < pages->len; p++)
    if (find_word (g_ptr_array_index (pages, p), text, 0) != NULL)
      {
        g_test_message ("\"%s\" on page %u", text, p + 1);
        g_assert_cmpuint (found, ==, 0);
        found = p + 1;
      }
  return found;
}

static OdTable *
make_table (void)
{
  static const char *const headers[] = { "序号", "单位名称", "区县", "等级", "得分" };
  static const char *const places[] = {
    "渭滨区", "金台区", "陈仓区", "凤翔区", "岐山县", "扶风县", "眉县", "陇县", "千阳县",
    "麟游县", "凤县", "太白县",
  };
  static const char *const fields[] = {
    "养生协会", "餐饮饭店行业协会", "青年企业家协会", "上善公益援助中心", "三联社会工作服务中心",
    "慧芳公益发展中心", "江苏商会", "老年体育协会",
  };
  static const char *const grades[] = { "5A", "4A", "3A", "2A", "1A" };
  OdTable *table = od_table_new (5, headers);

  od_table_set_weight (table, 0, 0.6);
  od_table_set_weight (table, 1, 3.0);
  od_table_set_weight (table, 3, 0.7);
  od_table_set_weight (table, 4, 0.8);
  od_table_set_align (table, 0, OD_TABLE_ALIGN_CENTER);
  od_table_set_align (table, 2, OD_TABLE_ALIGN_CENTER);
  od_table_set_align (table, 3, OD_TABLE_ALIGN_CENTER);
  od_table_set_align (table, 4, OD_TABLE_ALIGN_END);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *name = NULL;
      g_autofree char *score = g_strdup_printf ("%u.%u", 500 + (i * 37) % 480, i % 10);
      const char *place = places[i % G_N_ELEMENTS (places)];
      const char *row[5];

      /* Every seventh name is long enough to wrap in its column. */
      if (i % 7 == 3)
        name = g_strconcat ("宝鸡市", place, fields[i % G_N_ELEMENTS (fields)],
                            "暨社会组织公益项目策划与能力建设服务中心（孵化基地入驻单位）", NULL);
      else
        name = g_strconcat ("宝鸡市", i % 2 ? place : "", fields[i % G_N_ELEMENTS (fields)], NULL);

      row[0] = number;
      row[1] = name;
      row[2] = place;
      row[3] = grades[i % G_N_ELEMENTS (grades)];
      row[4] = score;
      od_table_add_row (table, row);
    }
  return table;
}

static const OdKeyFigure figures[] = {
  { "培训班", "10期", "900余人参加" },
  { "执行项目培训班", "9期", "1600余人参加" },
  { "通过等级评估", "20家", NULL },
  { "签订帮扶协议", "9家", "约35万元" },
  { "入驻孵化基地", "15家", NULL },
  { "十九大精神宣讲会", "150余人", NULL },
};

static OdDocument *
make_report (OdPaper paper)
{
  OdDocument *doc = od_document_new (paper);
  g_autoptr(OdTable) table = make_table ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) created = g_date_time_new (zone, 2017, 12, 28, 10, 0, 0);

  od_document_set_title (doc, REPORT_TITLE);
  od_document_set_author (doc, ASSOCIATION);
  od_document_set_subject (doc, "年度工作报告");
  od_document_set_created (doc, created);
  od_document_set_header_text (doc, ASSOCIATION);

  od_document_add_title (doc, REPORT_TITLE);
  od_document_add_heading (doc, 1, "一、基本情况");
  od_document_add_paragraph (doc, seed_intro);
  od_document_add_heading (doc, 2, "（一）培训");
  od_document_add_paragraph (doc, seed_training);
  od_document_add_key_figures (doc, figures, G_N_ELEMENTS (figures));
  od_document_add_heading (doc, 2, "（二）精准扶贫");
  od_document_add_paragraph (doc, seed_relief);
  od_document_add_heading (doc, 1, "二、等级评估结果");
  od_document_add_heading (doc, 3, "参评社会组织名单");
  od_document_add_table (doc, table);
  od_document_add_heading (doc, 1, "三、下一步工作");
  od_document_add_paragraph (doc, seed_intro);
  return doc;
}

static char *
save_report (OdDocument *doc,
             const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (od_document_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* --- tests --- */

static void
test_pdf_info (void)
{
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  guint n_pages;

  if (!require_tools ("pdfinfo", NULL))
    return;

  doc = make_report (OD_PAPER_A4);
  n_pages = od_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >, 5);
  g_assert_cmpuint (od_document_paginate (doc), ==, n_pages);

  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "report.pdf");
  info = run_tool ("pdfinfo -enc UTF-8", pdf, "");

  pages = info_value (info, "Pages");
  g_assert_nonnull (pages);
  g_assert_cmpuint ((guint) g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  title = info_value (info, "Title");
  g_assert_cmpstr (title, ==, REPORT_TITLE);
  author = info_value (info, "Author");
  g_assert_cmpstr (author, ==, ASSOCIATION);
  creator = info_value (info, "Creator");
  g_assert_cmpstr (creator, ==, "OrgDesk");
  created = info_value (info, "CreationDate");
  g_assert_nonnull (created);
  g_assert_nonnull (strstr (created, "2017"));

  od_test_remove_tree (dir);
}

static void
test_pdf_fonts (void)
{
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) rule = NULL;
  gsize emb_start = 0;
  gboolean sans = FALSE, serif = FALSE, serif_bold = FALSE;
  guint n_fonts = 0;

  if (!require_tools ("pdffonts", NULL))
    return;

  doc = make_report (OD_PAPER_A4);
  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "report.pdf");
  fonts = run_tool ("pdffonts", pdf, "");
  lines = g_strsplit (fonts, "\n", -1);

  /* Columns are found from the rule under the header: name, type, encoding, emb, … */
  g_assert_nonnull (lines[0]);
  g_assert_nonnull (lines[1]);
  rule = g_strsplit (lines[1], " ", -1);
  g_assert_cmpuint (g_strv_length (rule), >=, 4);
  for (guint i = 0; i < 3; i++)
    emb_start += strlen (rule[i]) + 1;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_test_message ("%s", lines[i]);
      g_assert_cmpuint (strlen (lines[i]), >, emb_start + 3);
      g_assert_true (strncmp (lines[i] + emb_start, "yes", 3) == 0);
      sans |= strstr (lines[i], "NotoSansCJKsc-") != NULL;
      serif |= strstr (lines[i], "NotoSerifCJKsc-Regular") != NULL;
      serif_bold |= strstr (lines[i], "NotoSerifCJKsc-Bold") != NULL;
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_true (sans);
  g_assert_true (serif);
  g_assert_true (serif_bold);   /* the title's heavier face */

  od_test_remove_tree (dir);
}

static void
test_pdf_text (void)
{
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *first = NULL;
  g_autofree char *first_stripped = NULL;
  g_autofree char *title = strip_spaces (REPORT_TITLE);
  g_autofree char *sentence = strip_spaces ("今年利用4个月时间举办10期培训班");
  g_autoptr(GArray) all_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_pages;
  guint first_table_page = 0, last_table_page = 0;

  if (!require_tools ("pdftotext", NULL))
    return;

  doc = make_report (OD_PAPER_A4);
  n_pages = od_document_get_n_pages (doc);
  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "report.pdf");

  first = page_text (pdf, 1, TRUE);
  first_stripped = strip_spaces (first);
  g_assert_nonnull (strstr (first_stripped, title));
  g_assert_nonnull (strstr (first_stripped, sentence));
  g_assert_nonnull (strstr (first_stripped, "10期"));

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page, TRUE);
      g_autofree char *number = g_strdup_printf ("\u2014 %u \u2014", page);
      g_autoptr(GArray) rows = row_numbers (text);

      g_test_message ("page %u: %u rows", page, rows->len);
      /* "— 1 —" on page 1 … "— N —" on the last page, each on its own page. */
      g_assert_nonnull (strstr (text, number));
      g_assert_cmpuint (count_substrings (text, ASSOCIATION), >=, 1);

      if (rows->len == 0)
        {
          /* No page without rows in the middle of the table. */
          g_assert_true (first_table_page == 0 || page > last_table_page);
          continue;
        }
      if (first_table_page == 0)
        first_table_page = page;
      g_assert_cmpuint (last_table_page, ==, first_table_page == page ? 0 : page - 1);
      last_table_page = page;

      /* Each page of the table starts with its header row, once. */
      g_assert_cmpuint (count_substrings (text, "单位名称"), ==, 1);
      g_assert_cmpuint (count_substrings (text, "得分"), ==, 1);
      g_array_append_vals (all_rows, rows->data, rows->len);
    }

  /* The table breaks across several pages… */
  g_assert_cmpuint (first_table_page, >, 0);
  g_assert_cmpuint (last_table_page - first_table_page + 1, >=, 4);
  /* …and every row is there, once, in order. */
  g_assert_cmpuint (all_rows->len, ==, N_ROWS);
  for (guint i = 0; i < all_rows->len; i++)
    g_assert_cmpuint (g_array_index (all_rows, guint, i), ==, i + 1);

  od_test_remove_tree (dir);
}

static void
test_paper_sizes (void)
{
  static const struct
  {
    OdPaper paper;
    double  width, height;
  } papers[] = {
    { OD_PAPER_A4, 595.28, 841.89 },
    { OD_PAPER_LETTER, 612.0, 792.0 },
  };
  g_autofree char *dir = NULL;

  if (!require_tools ("pdfinfo", NULL))
    return;

  dir = od_test_make_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(OdDocument) doc = od_document_new (papers[i].paper);
      g_autofree char *name = g_strdup_printf ("paper-%u.pdf", i);
      g_autofree char *pdf = NULL;
      g_autofree char *info = NULL;
      g_autofree char *size = NULL;
      double width = 0, height = 0;

      od_document_add_title (doc, REPORT_TITLE);
      od_document_add_paragraph (doc, seed_training);
      g_assert_cmpfloat_with_epsilon (od_document_get_page_width (doc), papers[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (od_document_get_page_height (doc), papers[i].height, 0.01);

      pdf = save_report (doc, dir, name);
      info = run_tool ("pdfinfo", pdf, "");
      size = info_value (info, "Page size");
      g_assert_nonnull (size);
      g_assert_cmpint (sscanf (size, "%lf x %lf", &width, &height), ==, 2);
      g_assert_cmpfloat_with_epsilon (width, papers[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, papers[i].height, 0.01);
    }
  od_test_remove_tree (dir);
}

/* GB/T 9704: text block 156 mm wide on A4, 28 mm from the binding edge (left
 * on odd pages, right on even pages); nothing drawn outside it sideways. */
static void
test_margins (void)
{
  g_autoptr(OdDocument) doc = make_report (OD_PAPER_A4);
  double page_width = od_document_get_page_width (doc);
  guint n_pages = od_document_get_n_pages (doc);

  g_assert_cmpfloat_with_epsilon (page_width - 54 * MM, 156 * MM, 0.1);
  g_assert_cmpfloat_with_epsilon (od_document_get_page_height (doc) - 72 * MM, 225 * MM, 0.1);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double left = page % 2 == 0 ? 28 * MM : 26 * MM;
      double right = page_width - (page % 2 == 0 ? 26 * MM : 28 * MM);
      double x, y, width, height;

      od_document_render_page (doc, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      cairo_surface_destroy (surface);

      g_test_message ("page %u: ink %.1f to %.1f, text block %.1f to %.1f", page + 1, x, x + width,
                      left, right);
      g_assert_cmpfloat (width, >, 0);
      g_assert_cmpfloat (x, >=, left - 1.5);
      g_assert_cmpfloat (x + width, <=, right + 1.5);
      /* The text reaches (nearly) both edges: justified lines, table rules. */
      g_assert_cmpfloat (x, <=, left + 3);
      g_assert_cmpfloat (x + width, >=, right - 3);
      g_assert_cmpfloat (y, >=, 20 * MM);
      g_assert_cmpfloat (y + height, <=, od_document_get_page_height (doc) - 20 * MM);
    }
}

/* GB/T 9704 §7.5: "— 1 —" 7 mm below the text block, odd pages on the right
 * and even pages on the left, one character (14 pt) in from the text block. */
static void
test_page_numbers (void)
{
  g_autoptr(OdDocument) doc = make_report (OD_PAPER_A4);
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  double page_width = od_document_get_page_width (doc);
  double dash_line = od_document_get_page_height (doc) - 35 * MM + 7 * MM;

  if (!require_tools ("pdftotext", NULL))
    return;

  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "numbers.pdf");
  pages = page_words (pdf);
  g_assert_cmpuint (pages->len, ==, od_document_get_n_pages (doc));

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      g_autofree char *number = g_strdup_printf ("%u", p + 1);
      const Word *w = NULL;
      const Word *left_dash, *right_dash;

      /* The page number is the lowest word with that text. */
      for (guint i = 0; i < words->len; i++)
        {
          const Word *candidate = &g_array_index (words, Word, i);

          if (g_strcmp0 (candidate->text, number) == 0 && (w == NULL || candidate->y_min > w->y_min))
            w = candidate;
        }
      g_assert_nonnull (w);
      left_dash = right_dash = NULL;
      for (guint i = 0; i < words->len; i++)
        {
          const Word *dash = &g_array_index (words, Word, i);

          if (g_strcmp0 (dash->text, "\u2014") != 0 || fabs (dash->y_min - w->y_min) > 2)
            continue;
          if (dash->x_max <= w->x_min + 0.5)
            left_dash = dash;
          else if (dash->x_min >= w->x_max - 0.5)
            right_dash = dash;
        }
      g_assert_nonnull (left_dash);
      g_assert_nonnull (right_dash);
      g_assert_cmpfloat (fabs ((w->y_min + w->y_max) / 2 - dash_line), <, 6.0);
      if (p % 2 == 0)
        g_assert_cmpfloat (fabs (right_dash->x_max - (page_width - 26 * MM - 14)), <, 2.0);
      else
        g_assert_cmpfloat (fabs (left_dash->x_min - (26 * MM + 14)), <, 2.0);
    }
  od_test_remove_tree (dir);
}

/* Up to four boxes a row: the fifth starts a second row under the first. */
static void
test_key_figures (void)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  GArray *words;
  const Word *first, *fourth, *fifth, *sixth, *label;

  if (!require_tools ("pdftotext", NULL))
    return;

  od_document_add_key_figures (doc, figures, G_N_ELEMENTS (figures));
  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "figures.pdf");
  pages = page_words (pdf);
  g_assert_cmpuint (pages->len, ==, 1);
  words = g_ptr_array_index (pages, 0);

  first = find_word (words, "10期", 0);
  fourth = find_word (words, "9家", 0);
  fifth = find_word (words, "15家", 0);
  sixth = find_word (words, "150余人", 0);
  label = find_word (words, "培训班", 0);
  g_assert_nonnull (first);
  g_assert_nonnull (fourth);
  g_assert_nonnull (fifth);
  g_assert_nonnull (sixth);
  g_assert_nonnull (label);

  /* Four in the first row, left to right. */
  g_assert_cmpfloat (fabs (first->y_min - fourth->y_min), <, 1.0);
  g_assert_cmpfloat (fourth->x_min, >, first->x_max);
  /* The fifth and sixth below, in the first two columns. */
  g_assert_cmpfloat (fifth->y_min, >, label->y_max);
  g_assert_cmpfloat (fabs (fifth->y_min - sixth->y_min), <, 1.0);
  g_assert_cmpfloat (fabs ((fifth->x_min + fifth->x_max) - (first->x_min + first->x_max)), <, 2.0);
  /* The value is above its label, which is smaller. */
  g_assert_cmpfloat (label->y_min, >, first->y_max - 1);
  g_assert_cmpfloat (label->y_max - label->y_min, <, first->y_max - first->y_min);
  g_assert_nonnull (find_word (words, "900余人参加", 0));

  od_test_remove_tree (dir);
}

static OdChart *
make_chart (const char *title,
            const char *first,
            const char *last)
{
  const char *categories[] = { first, last };
  static const double values[] = { 3, 5 };
  OdChart *chart = od_chart_new (OD_CHART_BAR);

  od_chart_set_title (chart, title);
  od_chart_set_categories (chart, categories, G_N_ELEMENTS (categories));
  od_chart_add_series (chart, "Series", values, G_N_ELEMENTS (values));
  return chart;
}

/* A chart that does not fit in what is left of a page moves, whole, to the
 * next one; one taller than a page is shrunk onto a single page. */
static void
test_chart_not_split (void)
{
  g_autoptr(OdChart) chart = make_chart ("ChartTitle", "Alpha", "Omega");
  g_autoptr(OdChart) huge = make_chart ("HugeTitle", "HugeFirst", "HugeLast");
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(OdDocument) doc = NULL;
  guint n = 0;

  if (!require_tools ("pdftotext", NULL))
    return;

  /* How many paragraphs fill the first page. */
  for (;;)
    {
      g_autoptr(OdDocument) probe = od_document_new (OD_PAPER_A4);

      for (guint i = 0; i <= n; i++)
        od_document_add_paragraph (probe, seed_relief);
      if (od_document_get_n_pages (probe) > 1)
        break;
      n++;
    }
  g_assert_cmpuint (n, >=, 2);

  /* Half of them leave half a page (about 110 mm): too little for a chart of
   * 180 mm, enough for a part of it. */
  doc = od_document_new (OD_PAPER_A4);
  for (guint i = 0; i < n / 2; i++)
    od_document_add_paragraph (doc, seed_relief);
  od_document_add_paragraph (doc, "BeforeChart");
  od_document_add_chart (doc, chart, 180.0);
  od_document_add_paragraph (doc, "AfterChart");
  od_document_add_chart (doc, huge, 400.0);
  od_document_add_paragraph (doc, "AfterHuge");

  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "chart.pdf");
  pages = page_words (pdf);
  g_assert_cmpuint (pages->len, ==, od_document_get_n_pages (doc));

  g_assert_cmpuint (page_of_word (pages, "BeforeChart"), ==, 1);
  g_assert_cmpuint (page_of_word (pages, "ChartTitle"), ==, 2);
  g_assert_cmpuint (page_of_word (pages, "Alpha"), ==, 2);
  g_assert_cmpuint (page_of_word (pages, "Omega"), ==, 2);
  g_assert_cmpuint (page_of_word (pages, "AfterChart"), ==, 2);
  g_assert_cmpuint (page_of_word (pages, "HugeTitle"), ==, 3);
  g_assert_cmpuint (page_of_word (pages, "HugeFirst"), ==, 3);
  g_assert_cmpuint (page_of_word (pages, "HugeLast"), ==, 3);
  g_assert_cmpuint (page_of_word (pages, "AfterHuge"), ==, 4);

  od_test_remove_tree (dir);
}

/* A paragraph longer than a page continues on the next pages, losing nothing. */
static void
test_paragraph_split (void)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title = strip_spaces (REPORT_TITLE);
  g_autofree char *last_page = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_stripped = NULL;
  g_autofree char *ending = strip_spaces ("涉及款额约35万元。");
  guint n_pages;

  if (!require_tools ("pdftotext", NULL))
    return;

  for (guint i = 1; i <= 8; i++)
    g_string_append_printf (long_text, "第%u段。%s%s", i, seed_training, seed_relief);

  od_document_add_title (doc, REPORT_TITLE);
  od_document_add_paragraph (doc, long_text->str);
  n_pages = od_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 3);

  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "paragraph.pdf");
  body = body_text (pdf, n_pages, NULL);
  expected = g_strconcat (title, long_text->str, NULL);
  assert_same_text (body, expected);

  /* It starts under the title on page 1 and ends on the last page. */
  first_page = page_text (pdf, 1, FALSE);
  last_page = page_text (pdf, n_pages, FALSE);
  g_assert_nonnull (strstr (first_page, "第1段"));
  last_stripped = strip_spaces (last_page);
  g_assert_nonnull (strstr (last_stripped, ending));

  od_test_remove_tree (dir);
}

/* Lines of body text on PAGE of PDF: not the page number, not FILLER. */
static guint
count_body_lines (const char *pdf,
                  guint       page,
                  const char *filler)
{
  g_autofree char *text = page_text (pdf, page, FALSE);
  g_autofree char *number = g_strdup_printf ("\u2014%u\u2014", page);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = strip_spaces (lines[i]);

      if (line[0] != '\0' && g_strcmp0 (line, number) != 0 && g_strcmp0 (line, filler) != 0)
        n++;
    }
  return n;
}

/* A paragraph split across pages leaves neither its first line alone at the
 * bottom of a page nor its last line alone at the top of the next. */
static void
test_paragraph_widows (void)
{
  g_autofree char *dir = NULL;
  guint n = 0;
  guint n_lines;

  if (!require_tools ("pdftotext", NULL))
    return;

  for (;;)
    {
      g_autoptr(OdDocument) probe = od_document_new (OD_PAPER_A4);

      for (guint i = 0; i <= n; i++)
        od_document_add_paragraph (probe, "OneLine");
      if (od_document_get_n_pages (probe) > 1)
        break;
      n++;
    }

  dir = od_test_make_dir ();
  {
    g_autoptr(OdDocument) alone = od_document_new (OD_PAPER_A4);
    g_autofree char *pdf = NULL;

    od_document_add_paragraph (alone, seed_training);
    pdf = save_report (alone, dir, "alone.pdf");
    n_lines = count_body_lines (pdf, 1, NULL);
    g_assert_cmpuint (n_lines, >=, 5);
  }

  /* FREE lines left on page 1 for a paragraph of N_LINES lines. */
  for (guint free = 1; free <= n_lines; free++)
    {
      g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
      g_autofree char *name = g_strdup_printf ("widows-%u.pdf", free);
      g_autofree char *pdf = NULL;
      guint first, second;

      for (guint i = 0; i + free < n; i++)
        od_document_add_paragraph (doc, "OneLine");
      od_document_add_paragraph (doc, seed_training);
      g_assert_cmpuint (od_document_get_n_pages (doc), <=, 2);
      pdf = save_report (doc, dir, name);

      first = count_body_lines (pdf, 1, "OneLine");
      second = od_document_get_n_pages (doc) > 1 ? count_body_lines (pdf, 2, "OneLine") : 0;
      g_test_message ("%u free lines: %u + %u", free, first, second);
      g_assert_cmpuint (first, <=, free);
      g_assert_cmpuint (first, !=, 1);
      g_assert_cmpuint (second, !=, 1);
      g_assert_cmpuint (first + second, ==, n_lines);
    }
  od_test_remove_tree (dir);
}

/* A row taller than a page is cut between lines; the header repeats, and no
 * line is lost or printed twice. */
static void
test_table_tall_row (void)
{
  static const char *const headers[] = { "说明" };
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdTable) table = od_table_new (1, headers);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  const char *row[1];
  guint n_pages;

  if (!require_tools ("pdftotext", NULL))
    return;

  for (guint i = 1; i <= 6; i++)
    g_string_append_printf (long_text, "第%u段。%s%s", i, seed_training, seed_relief);
  row[0] = "FirstRow";
  od_table_add_row (table, row);
  row[0] = long_text->str;
  od_table_add_row (table, row);
  row[0] = "LastRow";
  od_table_add_row (table, row);
  od_document_add_table (doc, table);

  n_pages = od_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 2);
  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "tall.pdf");

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page, FALSE);

      g_assert_cmpuint (count_substrings (text, "说明"), ==, 1);
    }
  body = body_text (pdf, n_pages, "说明");
  expected = g_strconcat ("FirstRow", long_text->str, "LastRow", NULL);
  assert_same_text (body, expected);

  od_test_remove_tree (dir);
}

/* Renders every page of DOC onto a PDF at SCALE times the page size. */
static char *
save_scaled (OdDocument *doc,
             const char *dir,
             double      scale)
{
  g_autofree char *name = g_strdup_printf ("scaled-%.2f.pdf", scale);
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, od_document_get_page_width (doc) * scale,
                                      od_document_get_page_height (doc) * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  for (guint page = 0; page < od_document_get_n_pages (doc); page++)
    {
      od_document_render_page (doc, cr, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* The pages measured once come out the same on a cairo_t at another scale
 * (a 150 dpi page, a small print preview): same lines, same text on each page. */
static void
test_render_scaled (void)
{
  static const double scales[] = { 150.0 / 72.0, 0.37 };
  g_autoptr(OdDocument) doc = make_report (OD_PAPER_A4);
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  guint n_pages;

  if (!require_tools ("pdftotext", NULL))
    return;

  n_pages = od_document_get_n_pages (doc);
  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "plain.pdf");

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *scaled_pdf = save_scaled (doc, dir, scales[i]);

      for (guint page = 1; page <= n_pages; page++)
        {
          g_autofree char *plain = page_text (pdf, page, TRUE);
          g_autofree char *scaled = page_text (scaled_pdf, page, TRUE);
          g_auto(GStrv) plain_lines = g_strsplit (plain, "\n", -1);
          g_auto(GStrv) scaled_lines = g_strsplit (scaled, "\n", -1);

          /* Line by line: a line broken elsewhere shows. */
          g_test_message ("scale %.2f, page %u", scales[i], page);
          g_assert_cmpuint (g_strv_length (plain_lines), ==, g_strv_length (scaled_lines));
          for (guint l = 0; plain_lines[l] != NULL; l++)
            {
              g_autofree char *a = strip_spaces (plain_lines[l]);
              g_autofree char *b = strip_spaces (scaled_lines[l]);

              g_assert_cmpstr (a, ==, b);
            }
        }
    }
  od_test_remove_tree (dir);
}

/* Han characters in their Simplified Chinese forms unless told otherwise:
 * 直 and 骨 are drawn differently for Japanese. */
static void
test_language (void)
{
  const char *languages[] = { NULL, "zh-cn", "ja" };
  GBytes *pixels[G_N_ELEMENTS (languages)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
      cairo_t *cr = cairo_create (surface);

      if (languages[i] != NULL)
        od_document_set_language (doc, languages[i]);
      od_document_add_heading (doc, 1, "直骨");
      od_document_add_paragraph (doc, "直骨直骨直骨");
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      od_document_render_page (doc, cr, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      pixels[i] = g_bytes_new (cairo_image_surface_get_data (surface),
                               cairo_image_surface_get_stride (surface) * 842);
      cairo_surface_destroy (surface);
    }
  g_assert_true (g_bytes_equal (pixels[0], pixels[1]));
  g_assert_false (g_bytes_equal (pixels[0], pixels[2]));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_bytes_unref (pixels[i]);
}

static void
test_pagination (void)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(OdDocument) breaks = od_document_new (OD_PAPER_LETTER);
  guint n;

  /* An empty document still has a page to print. */
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, 1);

  od_document_add_paragraph (doc, seed_intro);
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, 1);
  od_document_add_page_break (doc);
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, 1);
  od_document_add_paragraph (doc, seed_training);
  g_assert_cmpuint (od_document_paginate (doc), ==, 2);

  /* Adding after pagination counts. */
  for (guint i = 0; i < 20; i++)
    od_document_add_paragraph (doc, seed_relief);
  n = od_document_get_n_pages (doc);
  g_assert_cmpuint (n, >, 2);
  od_document_add_page_break (doc);
  od_document_add_heading (doc, 1, "附件");
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, n + 1);

  /* Breaks on a page with nothing on it add no blank pages. */
  od_document_add_page_break (breaks);
  od_document_add_page_break (breaks);
  od_document_add_paragraph (breaks, seed_intro);
  od_document_add_page_break (breaks);
  od_document_add_page_break (breaks);
  g_assert_cmpuint (od_document_get_n_pages (breaks), ==, 1);
}

/* A heading never ends a page: it goes to the next page with what follows. */
static void
test_heading_keeps_with_next (void)
{
  g_autoptr(OdDocument) doc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  guint n = 0;

  if (!require_tools ("pdftotext", NULL))
    return;

  /* Fill page 1 with short paragraphs until one more line would not fit. */
  for (;;)
    {
      g_autoptr(OdDocument) probe = od_document_new (OD_PAPER_A4);

      for (guint i = 0; i <= n; i++)
        od_document_add_paragraph (probe, "OneLine");
      if (od_document_get_n_pages (probe) > 1)
        break;
      n++;
    }

  /* Take off two lines: the heading alone would fit, the heading and the two
   * first lines of its paragraph would not. */
  doc = od_document_new (OD_PAPER_A4);
  for (guint i = 0; i + 2 < n; i++)
    od_document_add_paragraph (doc, "OneLine");
  od_document_add_heading (doc, 2, "HeadingMarker");
  od_document_add_paragraph (doc, seed_training);

  dir = od_test_make_dir ();
  pdf = save_report (doc, dir, "keep.pdf");
  pages = page_words (pdf);
  g_assert_cmpuint (pages->len, ==, 2);
  g_assert_cmpuint (page_of_word (pages, "HeadingMarker"), ==, 2);

  od_test_remove_tree (dir);
}

static void
test_save_png_svg (void)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "page.svg", NULL);
  static const char *const png_names[] = { "page.png", "page-2.png", "page-3.png" };
  static const char *const svg_names[] = { "page.svg", "page-2.svg", "page-3.svg" };

  od_document_add_title (doc, REPORT_TITLE);
  od_document_add_paragraph (doc, seed_intro);
  od_document_add_page_break (doc);
  od_document_add_paragraph (doc, seed_training);
  od_document_add_page_break (doc);
  od_document_add_paragraph (doc, seed_relief);
  g_assert_cmpuint (od_document_get_n_pages (doc), ==, 3);

  g_assert_true (od_document_save (doc, png, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (png_names); i++)
    {
      g_autofree char *path = g_build_filename (dir, png_names[i], NULL);
      cairo_surface_t *image = cairo_image_surface_create_from_png (path);
      guint32 corner;
      gboolean inked = FALSE;

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      /* 150 dpi: A4 is 1240 × 1754 pixels. */
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1240);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1754);
      cairo_surface_flush (image);
      corner = *(guint32 *) cairo_image_surface_get_data (image);
      g_assert_cmphex (corner & 0xffffff, ==, 0xffffff);
      for (int y = 0; y < 1754 && !inked; y += 3)
        {
          guint32 *line = (guint32 *) (cairo_image_surface_get_data (image)
                                       + y * cairo_image_surface_get_stride (image));

          for (int x = 0; x < 1240 && !inked; x++)
            inked = (line[x] & 0xffffff) != 0xffffff;
        }
      g_assert_true (inked);
      cairo_surface_destroy (image);
    }

  g_assert_true (od_document_save (doc, svg, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (svg_names); i++)
    {
      g_autofree char *path = g_build_filename (dir, svg_names[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "width=\"595.28pt\""));
    }

  /* Three pages, six files: nothing else, no "page-4". */
  g_assert_cmpuint (od_test_count_files (dir), ==, 6);
  od_test_remove_tree (dir);
}

static void
test_save_errors (void)
{
  g_autoptr(OdDocument) doc = od_document_new (OD_PAPER_A4);
  g_autofree char *dir = od_test_make_dir ();
  g_autofree char *docx = g_build_filename (dir, "report.docx", NULL);
  g_autofree char *bare = g_build_filename (dir, "report", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *upper = g_build_filename (dir, "REPORT.PDF", NULL);
  g_autoptr(GError) error = NULL;

  od_document_add_paragraph (doc, seed_intro);

  g_assert_false (od_document_save (doc, docx, &error));
  g_assert_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "report.docx"));
  g_clear_error (&error);

  g_assert_false (od_document_save (doc, bare, &error));
  g_assert_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_cmpuint (od_test_count_files (dir), ==, 0);

  g_assert_false (od_document_save (doc, missing, &error));
  g_assert_error (error, OD_DOCUMENT_ERROR, OD_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);
  g_assert_cmpuint (od_test_count_files (dir), ==, 0);

  /* The extension is matched without regard to case. */
  g_assert_true (od_document_save (doc, upper, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (od_test_count_files (dir), ==, 1);

  od_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/pdf/info", test_pdf_info);
  g_test_add_func ("/document/pdf/fonts", test_pdf_fonts);
  g_test_add_func ("/document/pdf/text", test_pdf_text);
  g_test_add_func ("/document/pdf/paper-sizes", test_paper_sizes);
  g_test_add_func ("/document/layout/margins", test_margins);
  g_test_add_func ("/document/layout/page-numbers", test_page_numbers);
  g_test_add_func ("/document/layout/key-figures", test_key_figures);
  g_test_add_func ("/document/layout/heading-keeps-with-next", test_heading_keeps_with_next);
  g_test_add_func ("/document/chart/not-split", test_chart_not_split);
  g_test_add_func ("/document/paragraph/split", test_paragraph_split);
  g_test_add_func ("/document/paragraph/widows", test_paragraph_widows);
  g_test_add_func ("/document/table/tall-row", test_table_tall_row);
  g_test_add_func ("/document/render/scaled", test_render_scaled);
  g_test_add_func ("/document/render/language", test_language);
  g_test_add_func ("/document/pagination", test_pagination);
  g_test_add_func ("/document/save/png-svg", test_save_png_svg);
  g_test_add_func ("/document/save/errors", test_save_errors);

  return g_test_run ();
}
