/* od-import.c — spreadsheets (CSV, XLSX) into the registry, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The design is described in od-import.h. In short: read the file into rows
 * of text, find the header row and map its columns to the entity's keys,
 * then make two passes over the rows. The first converts and checks every
 * row without writing anything and keeps only a plan (insert / update /
 * skip, and the matched id) per row, so 100,000 rows cost the table and a
 * few bytes each. The second, inside one transaction, converts each
 * planned row again and saves it through the store.
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "od-audit.h"
#include "od-import.h"
#include "od-json.h"
#include "od-lookup-store.h"
#include "od-organization.h"
#include "od-registry-store.h"
#include "od-text.h"
#include "od-validate.h"
#include "od-xlsx-reader.h"

/* Title rows above the header are common ("2017年社会组织名录"); the header
 * is looked for in this many non-blank rows. */
#define HEADER_SCAN_ROWS 10

/* Rows under the header that od_import_peek() gives. */
#define PEEK_ROWS 5

/* An Excel date serial in a date column: 36000 is 1998-07-25, 60000 is
 * 2064-04-07 — the registry's dates, and no plausible other number. */
#define SERIAL_MIN 36000
#define SERIAL_MAX 60000

/* Organizations suggested when a name is not found. */
#define MAX_SUGGESTIONS 3

G_DEFINE_QUARK (od-import-error-quark, od_import_error)

/* --- the entities --- */

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define NO_HEADERS ((const char *const[]) { NULL })

#define ORG_COLUMN(key, field, label, kind, storage, member, headers, choices, required) \
  { key, field, label, kind, storage, G_STRUCT_OFFSET (OdOrganizationFields, member), headers, choices, \
    required, FALSE }
#define PERSON_COLUMN(key, field, label, kind, storage, member, headers, choices, required, personal) \
  { key, field, label, kind, storage, G_STRUCT_OFFSET (OdPersonFields, member), headers, choices, \
    required, personal }

/* DESIGN.md §2: types from GB 32100-2015 position 2. */
static const OdImportChoice org_type_choices[] = {
  { "社会团体", "social_group" },
  { "社会服务机构", "social_service" },
  { "民办非企业单位", "social_service" },
  { "基金会", "foundation" },
  { "其他", "other" },
  { "未知", "unknown" },
  { NULL, NULL }
};

static const OdImportChoice status_choices[] = {
  { "正常", "active" },
  { "注销", "deregistered" },
  { "撤销", "revoked" },
  { NULL, NULL }
};

static const OdImportChoice registration_level_choices[] = {
  { "市级", "city" },
  { "县级", "county" },
  { "区县级", "county" },
  { NULL, NULL }
};

/* DESIGN.md §2: roles in the association. */
static const OdImportChoice member_role_choices[] = {
  { "会长单位", "president" },
  { "副会长单位", "vice_president" },
  { "理事单位", "director" },
  { "会员单位", "member" },
  { NULL, NULL }
};

static const OdImportChoice member_status_choices[] = {
  { "正常", "active" },
  { "暂停", "suspended" },
  { "退会", "withdrawn" },
  { NULL, NULL }
};

/* DESIGN.md §2: party organization form (单独组建 / 联合组建 / none). */
static const OdImportChoice party_org_form_choices[] = {
  { "单独组建", "independent" },
  { "联合组建", "joint" },
  { "无", "none" },
  { "未组建", "none" },
  { NULL, NULL }
};

static const OdImportChoice gender_choices[] = {
  { "男", "male" },
  { "女", "female" },
  { "未知", "unknown" },
  { NULL, NULL }
};

/* The keys are those of od-export.c, in its order. */
static const OdImportColumn org_columns[] = {
  ORG_COLUMN ("uuid", NULL, N_("Record key (uuid)"), OD_IMPORT_UUID, OD_IMPORT_STORE_TEXT, uuid,
              NO_HEADERS, NULL, FALSE),
  ORG_COLUMN ("name", NULL, N_("Name"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, name,
              HEADERS ("单位名称", "组织名称", "名称", "社会组织名称", "机构名称"), NULL, TRUE),
  ORG_COLUMN ("short_name", NULL, N_("Short name"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT,
              short_name, HEADERS ("简称", "单位简称"), NULL, FALSE),
  ORG_COLUMN ("credit_code", NULL, N_("Unified social credit code"), OD_IMPORT_CODE,
              OD_IMPORT_STORE_NULLABLE, credit_code,
              HEADERS ("统一社会信用代码", "信用代码", "社会信用代码"), NULL, FALSE),
  ORG_COLUMN ("credit_code_override", NULL, N_("Reason to keep a failing code"), OD_IMPORT_TEXT,
              OD_IMPORT_STORE_TEXT, credit_code_override, HEADERS ("保留理由"), NULL, FALSE),
  ORG_COLUMN ("org_type", NULL, N_("Type"), OD_IMPORT_CHOICE, OD_IMPORT_STORE_ORG_TYPE, org_type,
              HEADERS ("类型", "组织类型", "社会组织类型"), org_type_choices, FALSE),
  ORG_COLUMN ("category", "category_id", N_("Category"), OD_IMPORT_CATEGORY, OD_IMPORT_STORE_REF,
              category_id, HEADERS ("业务类别", "类别", "业务范围类别"), NULL, FALSE),
  ORG_COLUMN ("area", "area_id", N_("District or county"), OD_IMPORT_AREA, OD_IMPORT_STORE_REF,
              area_id, HEADERS ("所属区县", "区县", "所在地区", "所属地区"), NULL, FALSE),
  ORG_COLUMN ("registration_level", NULL, N_("Registered at"), OD_IMPORT_CHOICE,
              OD_IMPORT_STORE_TEXT, registration_level, HEADERS ("登记级别", "登记层级"),
              registration_level_choices, FALSE),
  ORG_COLUMN ("registered_on", NULL, N_("Registered on"), OD_IMPORT_DATE,
              OD_IMPORT_STORE_NULLABLE, registered_on,
              HEADERS ("登记日期", "成立日期", "成立时间", "登记时间"), NULL, FALSE),
  ORG_COLUMN ("supervising_unit", NULL, N_("Supervising unit"), OD_IMPORT_TEXT,
              OD_IMPORT_STORE_TEXT, supervising_unit, HEADERS ("业务主管单位", "主管单位"), NULL,
              FALSE),
  ORG_COLUMN ("legal_representative", NULL, N_("Legal representative"), OD_IMPORT_TEXT,
              OD_IMPORT_STORE_TEXT, legal_representative, HEADERS ("法定代表人", "法人代表"), NULL,
              FALSE),
  ORG_COLUMN ("contact_person", NULL, N_("Contact person"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT,
              contact_person, HEADERS ("联系人"), NULL, FALSE),
  ORG_COLUMN ("phone", NULL, N_("Telephone"), OD_IMPORT_PHONE, OD_IMPORT_STORE_TEXT, phone,
              HEADERS ("联系电话", "电话", "手机"), NULL, FALSE),
  ORG_COLUMN ("address", NULL, N_("Address"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, address,
              HEADERS ("住所", "地址", "办公地址"), NULL, FALSE),
  ORG_COLUMN ("email", NULL, N_("Email"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, email,
              HEADERS ("邮箱", "电子邮箱"), NULL, FALSE),
  ORG_COLUMN ("website", NULL, N_("Website"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, website,
              HEADERS ("网址", "网站"), NULL, FALSE),
  ORG_COLUMN ("status", NULL, N_("Status"), OD_IMPORT_CHOICE, OD_IMPORT_STORE_TEXT, status,
              HEADERS ("状态", "登记状态"), status_choices, FALSE),
  ORG_COLUMN ("status_date", NULL, N_("Status since"), OD_IMPORT_DATE, OD_IMPORT_STORE_NULLABLE,
              status_date, HEADERS ("注销日期", "撤销日期", "状态日期"), NULL, FALSE),
  ORG_COLUMN ("member_since", NULL, N_("Member since"), OD_IMPORT_DATE, OD_IMPORT_STORE_NULLABLE,
              member_since, HEADERS ("入会日期", "入会时间"), NULL, FALSE),
  ORG_COLUMN ("member_role", NULL, N_("Role in the association"), OD_IMPORT_CHOICE,
              OD_IMPORT_STORE_NULLABLE, member_role, HEADERS ("会员类别", "会内职务"),
              member_role_choices, FALSE),
  ORG_COLUMN ("member_status", NULL, N_("Membership status"), OD_IMPORT_CHOICE,
              OD_IMPORT_STORE_NULLABLE, member_status, HEADERS ("会员状态"),
              member_status_choices, FALSE),
  ORG_COLUMN ("party_org_form", NULL, N_("Party organization"), OD_IMPORT_CHOICE,
              OD_IMPORT_STORE_TEXT, party_org_form, HEADERS ("党组织形式", "党组织组建形式"),
              party_org_form_choices, FALSE),
  ORG_COLUMN ("party_members", NULL, N_("Party members"), OD_IMPORT_COUNT, OD_IMPORT_STORE_INT,
              party_members, HEADERS ("党员人数", "正式党员人数", "党员数"), NULL, FALSE),
  ORG_COLUMN ("party_instructor", NULL, N_("Party-building instructor"), OD_IMPORT_TEXT,
              OD_IMPORT_STORE_TEXT, party_instructor, HEADERS ("党建指导员", "党建联络员"), NULL,
              FALSE),
  ORG_COLUMN ("notes", NULL, N_("Notes"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, notes,
              HEADERS ("备注"), NULL, FALSE),
  ORG_COLUMN ("created_at", NULL, N_("Created at"), OD_IMPORT_READ_ONLY, OD_IMPORT_STORE_NONE, id,
              NO_HEADERS, NULL, FALSE),
  ORG_COLUMN ("updated_at", NULL, N_("Updated"), OD_IMPORT_READ_ONLY, OD_IMPORT_STORE_NONE, id,
              NO_HEADERS, NULL, FALSE),
};

static const OdImportColumn person_columns[] = {
  PERSON_COLUMN ("uuid", NULL, N_("Record key (uuid)"), OD_IMPORT_UUID, OD_IMPORT_STORE_TEXT,
                 uuid, NO_HEADERS, NULL, FALSE, FALSE),
  PERSON_COLUMN ("name", NULL, N_("Name"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, name,
                 HEADERS ("姓名"), NULL, TRUE, FALSE),
  PERSON_COLUMN ("gender", NULL, N_("Gender"), OD_IMPORT_CHOICE, OD_IMPORT_STORE_TEXT, gender,
                 HEADERS ("性别"), gender_choices, FALSE, FALSE),
  PERSON_COLUMN ("organization", "organization_id", N_("Organization"), OD_IMPORT_ORGANIZATION,
                 OD_IMPORT_STORE_REF, organization_id,
                 HEADERS ("所在单位", "单位", "工作单位", "单位名称"), NULL, FALSE, FALSE),
  PERSON_COLUMN ("position", NULL, N_("Position"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, position,
                 HEADERS ("职务"), NULL, FALSE, FALSE),
  PERSON_COLUMN ("mobile", NULL, N_("Mobile"), OD_IMPORT_MOBILE, OD_IMPORT_STORE_TEXT, mobile,
                 HEADERS ("手机", "手机号码", "手机号", "联系电话"), NULL, FALSE, FALSE),
  PERSON_COLUMN ("id_number", NULL, N_("ID number"), OD_IMPORT_CODE, OD_IMPORT_STORE_NULLABLE,
                 id_number, HEADERS ("身份证号", "身份证号码", "公民身份号码"), NULL, FALSE, TRUE),
  PERSON_COLUMN ("notes", NULL, N_("Notes"), OD_IMPORT_TEXT, OD_IMPORT_STORE_TEXT, notes,
                 HEADERS ("备注"), NULL, FALSE, FALSE),
  PERSON_COLUMN ("created_at", NULL, N_("Created at"), OD_IMPORT_READ_ONLY, OD_IMPORT_STORE_NONE, id,
                 NO_HEADERS, NULL, FALSE, FALSE),
  PERSON_COLUMN ("updated_at", NULL, N_("Updated"), OD_IMPORT_READ_ONLY, OD_IMPORT_STORE_NONE, id,
                 NO_HEADERS, NULL, FALSE, FALSE),
};

static const OdImportMatch org_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM organizations WHERE uuid = ?1", TRUE },
  { { "credit_code", NULL }, N_("credit code"),
    "SELECT id FROM organizations WHERE credit_code = ?1 AND deleted_at IS NULL", FALSE },
  { { "name", NULL }, N_("name"),
    "SELECT id FROM organizations WHERE name = ?1 AND deleted_at IS NULL", FALSE },
};

static const OdImportMatch person_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM people WHERE uuid = ?1", TRUE },
  { { "id_number", NULL }, N_("ID number"),
    "SELECT id FROM people WHERE id_number = ?1 AND deleted_at IS NULL", FALSE },
  { { "name", "mobile", NULL }, N_("name and mobile number"),
    "SELECT id FROM people WHERE name = ?1 AND mobile = ?2 AND deleted_at IS NULL"
    " ORDER BY id LIMIT 1", FALSE },
};

static gpointer
org_record_new (void)
{
  return od_organization_fields_new ();
}

static gpointer
org_record_load (OdDb    *db,
                 gint64   id,
                 GError **error)
{
  return od_organization_load (db, id, error);
}

static void
org_record_free (gpointer record)
{
  od_organization_fields_free (record);
}

static GPtrArray *
org_validate (OdDb          *db,
              gconstpointer  record)
{
  return od_organization_validate (db, record);
}

static gint64
org_save (OdDb           *db,
          gconstpointer   record,
          GError        **error)
{
  return od_organization_save (db, record, error);
}

static gpointer
person_record_new (void)
{
  return od_person_fields_new ();
}

static gpointer
person_record_load (OdDb    *db,
                    gint64   id,
                    GError **error)
{
  return od_person_load (db, id, error);
}

static void
person_record_free (gpointer record)
{
  od_person_fields_free (record);
}

static GPtrArray *
person_validate (OdDb          *db,
                 gconstpointer  record)
{
  return od_person_validate (db, record);
}

static gint64
person_save (OdDb           *db,
             gconstpointer   record,
             GError        **error)
{
  return od_person_save (db, record, error);
}

static const OdImportEntity entities[] = {
  {
    "organizations", N_("organization"),
    org_columns, G_N_ELEMENTS (org_columns),
    org_matches, G_N_ELEMENTS (org_matches),
    "credit_code", "credit_code_override",
    G_STRUCT_OFFSET (OdOrganizationFields, id),
    org_record_new, org_record_load, org_record_free, org_validate, org_save,
  },
  {
    "people", N_("person"),
    person_columns, G_N_ELEMENTS (person_columns),
    person_matches, G_N_ELEMENTS (person_matches),
    NULL, NULL,
    G_STRUCT_OFFSET (OdPersonFields, id),
    person_record_new, person_record_load, person_record_free, person_validate, person_save,
  },
};

/* --- the state of one import --- */

typedef enum
{
  ACTION_INSERT,
  ACTION_UPDATE,
  ACTION_SKIP,
} Action;

typedef struct
{
  guint   index;      /* row of the sheet */
  Action  action;
  gint64  match_id;
} Plan;

/* The cells of a sheet, from either reader. */
typedef struct
{
  OdCsvTable  *csv;
  OdXlsxSheet *xlsx;         /* sparse: a far cell costs nothing */
} Sheet;

/* One cell, read as its column's kind. */
typedef struct
{
  gboolean     given;
  const char  *raw;       /* as in the file */
  char        *text;      /* TEXT, DATE, CODE, PHONE, MOBILE, CHOICE, UUID */
  gint64       number;    /* COUNT, AREA, CATEGORY, ORGANIZATION */
} Value;

typedef struct
{
  gint64  id;         /* 0 = not found */
  char   *message;    /* why not, with suggestions */
} OrgRef;

typedef struct
{
  OdDb                  *db;
  const OdImportEntity  *entity;
  const OdImportOptions *options;
  OdImportResult        *result;
  char                  *file_name;        /* base name, for the audit entry */
  Sheet                  sheet;
  guint                  header_index;
  guint                  n_file_columns;
  GPtrArray             *headers;          /* char *: each file column's header, for messages */
  int                   *file_column;      /* per entity column: the file column, or -1 */
  GPtrArray             *areas;            /* OdArea */
  GPtrArray             *categories;       /* OdCategory */
  GHashTable            *organizations;    /* name → OrgRef */
  GArray                *plan;             /* Plan */
  guint                  n_masked;
  GString               *old_values;       /* "id":{"key":old,…},… of the updated records */
} Import;

typedef struct
{
  Import   *imp;
  gboolean  completed;
} WriteData;

/* --- helpers: text --- */

static gboolean
is_blank_char (gunichar c)
{
  /* g_unichar_isspace() covers U+3000 and U+00A0; BOMs and zero-width
   * spaces come along with text pasted from web pages. */
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* Full-width ASCII (U+FF01–U+FF5E) and the ideographic space folded to
 * ASCII: what a Chinese input method types for digits and punctuation. */
static char *
fold_width (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A cell as a value: the apostrophe that od-export.c puts before = + - @
 * (and a leading tab or CR) against formula injection taken off, then
 * blank characters trimmed at both ends and invisible ones removed. Invalid UTF-8 cannot come from
 * the readers; made valid anyway. */
static char *
clean_cell (const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw != NULL ? raw : "", -1);
  g_autofree char *trimmed = NULL;
  const char *start = valid;
  const char *end;

  if (start[0] == '\'' && start[1] != '\0' && strchr ("=+-@\t\r", start[1]) != NULL)
    start++;

  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  trimmed = g_strndup (start, (gsize) (end - start));
  /* The same normal form as the stores (od-text.h), so that a name with a
   * zero-width space matches the one without it. */
  return od_text_normalize (trimmed);
}

/* A header as it is compared: width folded, every blank removed ("姓  名"
 * is how forms align two-character headers), a "*" required-mark dropped,
 * ASCII lower-cased. */
static char *
normalize_header (const char *text)
{
  g_autofree char *folded = fold_width (text != NULL ? text : "");
  GString *out = g_string_new (NULL);
  char *lower;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank_char (c) || c == '*')
        continue;
      g_string_append_unichar (out, c);
    }
  lower = g_ascii_strdown (out->str, -1);
  g_string_free (out, TRUE);
  return lower;
}

/* NORMALIZED without a trailing "(…)": "联系电话(手机)", "登记日期(年月日)",
 * "单位名称(必填)". NULL when there is none. */
static char *
strip_parenthesized (const char *normalized)
{
  gsize len = strlen (normalized);
  const char *open;

  if (len < 3 || normalized[len - 1] != ')')
    return NULL;
  open = strrchr (normalized, '(');
  if (open == NULL || open == normalized)
    return NULL;
  return g_strndup (normalized, (gsize) (open - normalized));
}

/* The header for messages: trimmed, line breaks (Alt+Enter in Excel) as
 * spaces so each message stays on one line. */
static char *
display_header (const char *raw)
{
  char *text = clean_cell (raw);

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\r' || *p == '\n' || *p == '\t')
      *p = ' ';
  return text;
}

static gboolean
all_ascii_digits (const char *text,
                  gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Reads MIN..MAX digits at *P. */
static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  return TRUE;
}

static char *
iso_date (guint year,
          guint month,
          guint day)
{
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* A date as Excel and WPS write it, as YYYY-MM-DD; NULL when TEXT (folded,
 * trimmed) is not one. An impossible date such as 2017-02-30 is returned
 * as written for the store to explain. */
static char *
parse_date (const char *text)
{
  const char *p = text;
  const char *dot = strchr (text, '.');
  gsize int_len = dot != NULL ? (gsize) (dot - text) : strlen (text);
  guint year, month, day;
  gboolean chinese = FALSE;
  char separator = 0;

  /* 20171019, or an Excel serial (with a time as its fraction) */
  if (all_ascii_digits (text, int_len)
      && (dot == NULL || all_ascii_digits (dot + 1, strlen (dot + 1))))
    {
      guint64 serial;

      if (int_len == 8 && dot == NULL)
        return g_strdup_printf ("%.4s-%.2s-%.2s", text, text + 4, text + 6);
      serial = g_ascii_strtoull (text, NULL, 10);
      if (int_len <= 5 && serial >= SERIAL_MIN && serial <= SERIAL_MAX)
        {
          GDate date;

          /* 1900 date system; from serial 61 on, day 0 is 1899-12-30 (the
           * 1900-02-29 that Excel counts never matters in this range). */
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
          g_date_add_days (&date, (guint) serial);
          return iso_date (g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
        }
      return NULL;
    }

  if (!read_number (&p, 4, 4, &year))
    return NULL;
  if (g_str_has_prefix (p, "年"))
    {
      chinese = TRUE;
      p += strlen ("年");
    }
  else if (*p == '-' || *p == '/' || *p == '.')
    separator = *p++;
  else
    return NULL;

  if (!read_number (&p, 1, 2, &month))
    return NULL;
  if (chinese && g_str_has_prefix (p, "月"))
    p += strlen ("月");
  else if (!chinese && *p == separator)
    p++;
  else
    return NULL;

  if (!read_number (&p, 1, 2, &day))
    return NULL;
  if (chinese && g_str_has_prefix (p, "日"))
    p += strlen ("日");
  else if (chinese && g_str_has_prefix (p, "号"))
    p += strlen ("号");

  /* A time of day after the date ("2017/10/19 0:00", "2017-10-19T00:00:00"). */
  if (*p == ' ' || *p == 'T')
    {
      p++;
      while (g_ascii_isdigit (*p) || *p == ':' || *p == '.' || *p == ' ')
        p++;
    }
  if (*p != '\0')
    return NULL;
  return iso_date (year, month, day);
}

/* A whole number: thousands separators, a ".0" Excel may add, full-width
 * digits (TEXT is folded). FALSE when it is not one. */
static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;
  gboolean negative = FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (digits, *p);
    }
  if (*p == '.')
    for (p++; *p != '\0'; p++)
      if (*p != '0')
        return FALSE;
  if (digits->len == 0 || digits->len > 15)
    return FALSE;
  *value = (gint64) g_ascii_strtoll (digits->str, NULL, 10);
  if (negative)
    *value = -*value;
  return TRUE;
}

/* An 11-digit mobile number without its separators and +86 prefix, as the
 * store keeps it, so that name + mobile matches; other text as it is, for
 * the store to explain. */
static char *
clean_mobile (const char *folded)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;

  for (p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '(' || *p == ')')
        continue;
      g_string_append_c (digits, *p);
    }
  p = digits->str;
  if (g_str_has_prefix (p, "+86"))
    p += 3;
  else if (g_str_has_prefix (p, "0086"))
    p += 4;
  if (p[0] == '1' && strlen (p) == 11 && all_ascii_digits (p, 11))
    return g_strdup (p);
  return g_strdup (folded);
}

static char *
normalize_code (const char *text)
{
  gsize size = strlen (text) * 3 + 1;
  char *out = g_malloc (size);

  od_normalize_code (text, out, size, NULL);
  return out;
}

/* "a, b, c" */
static char *
join_list (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: separates items of a list */
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

/* --- helpers: the sheet --- */

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->csv, od_csv_table_free);
  g_clear_pointer (&sheet->xlsx, od_xlsx_sheet_free);
}

static guint
sheet_n_rows (const Sheet *sheet)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_n_rows (sheet->csv);
  return od_xlsx_sheet_get_n_rows (sheet->xlsx);
}

static guint
sheet_n_fields (const Sheet *sheet,
                guint        row)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_n_fields (sheet->csv, row);
  return od_xlsx_sheet_get_n_fields (sheet->xlsx, row);
}

static const char *
sheet_cell (const Sheet *sheet,
            guint        row,
            guint        column)
{
  if (sheet->csv != NULL)
    {
      if (column >= od_csv_table_get_n_fields (sheet->csv, row))
        return "";
      return od_csv_table_get_row (sheet->csv, row)[column];
    }
  return od_xlsx_sheet_get_cell (sheet->xlsx, row, column);
}

/* The row number the user sees. */
static guint
sheet_row_number (const Sheet *sheet,
                  guint        row)
{
  if (sheet->csv != NULL)
    return od_csv_table_get_line (sheet->csv, row);
  return od_xlsx_sheet_get_row_number (sheet->xlsx, row);
}

/* --- helpers: problems --- */

static OdImportProblem *
problem_new (guint       row,
             const char *column,
             const char *value,
             char       *message)
{
  OdImportProblem *problem = g_new0 (OdImportProblem, 1);

  problem->row = row;
  problem->column = g_strdup (column != NULL ? column : "");
  problem->value = g_strdup (value);
  problem->message = message;
  return problem;
}

static void
add_notice (Import *imp,
            char   *message)
{
  g_ptr_array_add (imp->result->notices, message);
}

/* The header of entity column COLUMN in the file, or its key. */
static const char *
column_header (Import               *imp,
               const OdImportColumn *column)
{
  guint i = (guint) (column - imp->entity->columns);

  if (imp->file_column[i] >= 0)
    return g_ptr_array_index (imp->headers, imp->file_column[i]);
  return column->key;
}

/* The value shown for a cell: ID numbers masked (DESIGN.md §2). */
static char *
shown_value (const OdImportColumn *column,
             const char           *raw)
{
  if (raw == NULL)
    return NULL;
  if (column != NULL && column->personal)
    {
      g_autofree char *clean = clean_cell (raw);

      return od_id_number_mask (clean);
    }
  return clean_cell (raw);
}

static void
add_cell_problem (GPtrArray            *problems,
                  Import               *imp,
                  guint                 row,
                  const OdImportColumn *column,
                  const char           *raw,
                  char                 *message)
{
  g_autofree char *value = shown_value (column, raw);

  g_ptr_array_add (problems, problem_new (row, column != NULL ? column_header (imp, column) : "",
                                          value, message));
}

/* The entity column a store problem is about: by key or by member name. */
static const OdImportColumn *
column_for_field (const OdImportEntity *entity,
                  const char           *field)
{
  if (field == NULL || field[0] == '\0')
    return NULL;
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const OdImportColumn *column = &entity->columns[i];

      if (g_str_equal (column->key, field) || g_strcmp0 (column->field, field) == 0)
        return column;
    }
  return NULL;
}

static const OdImportColumn *
find_column (const OdImportEntity *entity,
             const char           *key)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (g_str_equal (entity->columns[i].key, key))
      return &entity->columns[i];
  return NULL;
}

static guint
column_index (const OdImportEntity *entity,
              const OdImportColumn *column)
{
  return (guint) (column - entity->columns);
}

/* --- helpers: lookups --- */

static char *
choices_text (const OdImportChoice *choices)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *words = NULL;
  g_autofree char *key_list = NULL;

  for (const OdImportChoice *c = choices; c->word != NULL; c++)
    {
      g_ptr_array_add (items, g_strdup (c->word));
      if (!g_ptr_array_find_with_equal_func (keys, c->key, g_str_equal, NULL))
        g_ptr_array_add (keys, (gpointer) c->key);
    }
  words = join_list (items);
  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (items, g_strdup (g_ptr_array_index (keys, i)));
  key_list = join_list (items);
  /* Translators: the first %s lists Chinese words (社会团体, 基金会, …), the
   * second the stored keys (social_group, foundation, …) */
  return g_strdup_printf (_("%s (or the keys %s)"), words, key_list);
}

static const char *
match_choice (const OdImportChoice *choices,
              const char           *text)
{
  g_autofree char *wanted = normalize_header (text);

  for (const OdImportChoice *c = choices; c->word != NULL; c++)
    if (g_str_equal (wanted, c->word) || g_str_equal (wanted, c->key))
      return c->key;
  return NULL;
}

/* NAME without a final 区, 县 or 市: 凤翔县 and 凤翔区 are one place (the
 * county became a district in 2021, DESIGN.md §2). */
static char *
area_stem (const char *name)
{
  static const char *const suffixes[] = { "区", "县", "市", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]) && strlen (name) > strlen (suffixes[i]))
      return g_strndup (name, strlen (name) - strlen (suffixes[i]));
  return g_strdup (name);
}

static gint64
find_area (Import     *imp,
           const char *text)
{
  g_autofree char *stem = NULL;
  gint64 found = 0;
  guint n_found = 0;

  for (guint i = 0; i < imp->areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (imp->areas, i);

      if (g_strcmp0 (area->name, text) == 0 || g_strcmp0 (area->code, text) == 0
          || g_strcmp0 (area->former_code, text) == 0)
        return area->id;
    }

  stem = area_stem (text);
  for (guint i = 0; i < imp->areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (imp->areas, i);
      g_autofree char *area_stem_text = area_stem (area->name);

      if (g_str_equal (stem, area_stem_text))
        {
          found = area->id;
          n_found++;
        }
    }
  if (n_found == 1)
    return found;

  /* "宝鸡市渭滨区", "陕西省宝鸡市渭滨区": the county after its city. */
  for (guint i = 0; i < imp->areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (imp->areas, i);
      const char *rest;

      if (g_strcmp0 (area->level, "city") != 0)
        continue;
      rest = strstr (text, area->name);
      if (rest != NULL)
        {
          rest += strlen (area->name);
          if (rest[0] != '\0')
            return find_area (imp, rest);
        }
    }
  return 0;
}

static char *
area_choices (Import *imp)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < imp->areas->len; i++)
    g_ptr_array_add (names, g_strdup (((OdArea *) g_ptr_array_index (imp->areas, i))->name));
  return join_list (names);
}

static gint64
find_category (Import     *imp,
               const char *text)
{
  gint64 found = 0;
  guint n_found = 0;

  for (guint i = 0; i < imp->categories->len; i++)
    {
      OdCategory *category = g_ptr_array_index (imp->categories, i);

      if (g_strcmp0 (category->name, text) == 0
          || g_ascii_strcasecmp (category->key != NULL ? category->key : "", text) == 0)
        return category->id;
    }

  /* One half of "工商服务业/行业协会商会". */
  for (guint i = 0; i < imp->categories->len; i++)
    {
      OdCategory *category = g_ptr_array_index (imp->categories, i);
      g_auto(GStrv) parts = NULL;

      if (category->name == NULL || strchr (category->name, '/') == NULL)
        continue;
      parts = g_strsplit (category->name, "/", -1);
      if (g_strv_contains ((const char *const *) parts, text))
        {
          found = category->id;
          n_found++;
        }
    }
  return n_found == 1 ? found : 0;
}

static char *
category_choices (Import *imp)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < imp->categories->len; i++)
    g_ptr_array_add (names,
                     g_strdup (((OdCategory *) g_ptr_array_index (imp->categories, i))->name));
  return join_list (names);
}

static void
org_ref_free (gpointer data)
{
  OrgRef *ref = data;

  g_free (ref->message);
  g_free (ref);
}

/* A live organization by its name, else by a short name only one has;
 * cached per name. */
static const OrgRef *
find_organization (Import      *imp,
                   const char  *name,
                   GError     **error)
{
  OrgRef *ref = g_hash_table_lookup (imp->organizations, name);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  OdStep step;

  if (ref != NULL)
    return ref;

  ref = g_new0 (OrgRef, 1);
  stmt = od_db_prepare (imp->db,
                        "SELECT id, name = ?1, count(*) OVER () FROM organizations"
                        " WHERE deleted_at IS NULL AND (name = ?1 OR short_name = ?1)"
                        " ORDER BY name = ?1 DESC LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, name, error))
    goto failed;
  step = od_stmt_step (stmt, error);
  if (step == OD_STEP_ERROR)
    goto failed;
  if (step == OD_STEP_ROW
      && (od_stmt_get_int64 (stmt, 1) != 0 || od_stmt_get_int64 (stmt, 2) == 1))
    ref->id = od_stmt_get_int64 (stmt, 0);

  if (ref->id == 0)
    {
      g_clear_pointer (&stmt, od_stmt_free);
      suggestions = g_ptr_array_new_with_free_func (g_free);
      stmt = od_db_prepare (imp->db,
                            "SELECT name FROM organizations WHERE deleted_at IS NULL"
                            " AND (instr (name, ?1) > 0 OR instr (?1, name) > 0)"
                            " ORDER BY sort_key LIMIT " G_STRINGIFY (MAX_SUGGESTIONS), error);
      if (stmt == NULL || !od_stmt_bind_text (stmt, 1, name, error))
        goto failed;
      while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
        g_ptr_array_add (suggestions, g_strdup_printf ("“%s”", od_stmt_get_text (stmt, 0)));
      if (step == OD_STEP_ERROR)
        goto failed;
      if (suggestions->len > 0)
        {
          g_autofree char *listed = join_list (suggestions);

          /* Translators: the first %s is an organization name from the file,
           * the second a list of similar names in the registry */
          ref->message = g_strdup_printf (_("No organization is called “%s”. Did you mean %s? "
                                            "Correct the name in the file."), name, listed);
        }
      else
        /* Translators: %s is an organization name from the file */
        ref->message = g_strdup_printf (_("No organization is called “%s”. Import the "
                                          "organizations first, or correct the name."), name);
    }

  g_hash_table_insert (imp->organizations, g_strdup (name), ref);
  return ref;

failed:
  org_ref_free (ref);
  return NULL;
}

/* --- reading the file --- */

typedef enum
{
  FORMAT_CSV,
  FORMAT_XLSX,
} Format;

/* The file's format, from its extension and first bytes: some web systems
 * write tab-separated text or an HTML table under the name .xls. */
static gboolean
detect_format (Import      *imp,
               const char  *path,
               Format      *format,
               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  guchar head[8] = { 0 };
  gsize n = 0;
  FILE *file;
  gboolean zip, ole, html;
  g_autofree char *name = g_filename_display_basename (path);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("“%s” cannot be opened: %s. Check the file name."), name,
                   g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (head, 1, sizeof head, file);
  fclose (file);

  zip = n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0;
  ole = n >= 8 && memcmp (head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
  html = n >= 1 && (head[0] == '<'
                    || (n >= 4 && memcmp (head, "\xEF\xBB\xBF<", 4) == 0));

  if (g_str_has_suffix (lower, ".ods"))
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is an OpenDocument spreadsheet. Open it and save it as an Excel "
                     "workbook (.xlsx) or as CSV, then import that file."), name);
      return FALSE;
    }
  if (ole)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is an old Excel 97–2003 workbook (.xls). Open it in Excel or WPS "
                     "and save it as an Excel workbook (.xlsx), then import that file."), name);
      return FALSE;
    }
  if (zip)
    {
      *format = FORMAT_XLSX;
      return TRUE;
    }
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
      || (g_str_has_suffix (lower, ".xls") && html))
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file name */
                   _("“%s” is not an Excel workbook (it may be a web page saved under that "
                     "name). Open it in Excel or WPS and save it as an Excel workbook (.xlsx), "
                     "then import that file."), name);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".xls"))
    add_notice (imp, g_strdup_printf (_("“%s” is text, not an Excel workbook: it was read as "
                                        "CSV."), name));
  *format = FORMAT_CSV;
  return TRUE;
}

static gboolean
read_sheet (Import      *imp,
            const char  *path,
            GError     **error)
{
  Format format = FORMAT_CSV;

  if (!detect_format (imp, path, &format, error))
    return FALSE;

  if (format == FORMAT_CSV)
    {
      OdCsvEncoding found;

      if (imp->options->sheet > 1)
        {
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       _("A CSV file has only one sheet; leave out the sheet number."));
          return FALSE;
        }
      imp->sheet.csv = od_csv_read_file (path, imp->options->encoding, error);
      if (imp->sheet.csv == NULL)
        {
          /* The CSV reader's messages say what and where, not which file. */
          if (error != NULL && *error != NULL && (*error)->domain == OD_CSV_ERROR)
            g_prefix_error (error, "%s: ", imp->result->path);
          return FALSE;
        }
      found = od_csv_table_get_encoding (imp->sheet.csv);
      if (imp->options->encoding == OD_CSV_ENCODING_AUTO && found == OD_CSV_ENCODING_GB18030)
        add_notice (imp, g_strdup (_("The file was read as GB18030 (GBK), the encoding of "
                                     "Excel's CSV files on Chinese Windows.")));
      else if (found == OD_CSV_ENCODING_UTF16LE || found == OD_CSV_ENCODING_UTF16BE)
        add_notice (imp, g_strdup (_("The file was read as UTF-16 (Excel's “Unicode "
                                     "text”).")));
    }
  else
    {
      g_autoptr(OdXlsxBook) book = od_xlsx_open (path, error);
      guint n_sheets, index;

      if (book == NULL)
        return FALSE;
      n_sheets = od_xlsx_get_n_sheets (book);
      index = imp->options->sheet > 0 ? imp->options->sheet - 1 : 0;
      if (index >= n_sheets)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *listed = NULL;

          for (guint i = 0; i < n_sheets; i++)
            g_ptr_array_add (names, g_strdup_printf ("%u “%s”", i + 1,
                                                     od_xlsx_get_sheet_name (book, i)));
          listed = join_list (names);
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: %u is a sheet number, %s the list of sheets */
                       _("The workbook has no sheet %u. Its sheets are: %s."),
                       imp->options->sheet, listed);
          return FALSE;
        }
      /* Columns past OD_XLSX_IMPORT_MAX_COLUMNS are never read: a cell in
       * XFD on every row would otherwise cost 16,384 cells a row. */
      imp->sheet.xlsx = od_xlsx_read_sheet_sparse (book, index, OD_XLSX_IMPORT_MAX_COLUMNS,
                                                   error);
      if (imp->sheet.xlsx == NULL)
        return FALSE;
      if (n_sheets > 1)
        add_notice (imp, g_strdup_printf (_("Sheet %u “%s” was read; the workbook has %u "
                                            "sheets."), index + 1,
                                          od_xlsx_get_sheet_name (book, index), n_sheets));
    }

  if (sheet_n_rows (&imp->sheet) == 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_NO_COLUMN,
                   /* Translators: %s is a file name */
                   _("“%s” has no rows. Choose the file (or sheet) with the list."), name);
      return FALSE;
    }
  return TRUE;
}

/* --- columns --- */

/* The entity column a header maps to without a mapping step, or NULL. */
static const OdImportColumn *
auto_column (const OdImportEntity *entity,
             const char           *normalized)
{
  g_autofree char *stripped = NULL;

  if (normalized[0] == '\0')
    return NULL;

  for (int pass = 0; pass < 2; pass++)
    {
      const char *wanted = pass == 0 ? normalized : stripped;

      if (wanted == NULL)
        break;
      for (guint i = 0; i < entity->n_columns; i++)
        {
          const OdImportColumn *column = &entity->columns[i];

          if (g_str_equal (wanted, column->key))
            return column;
          for (guint h = 0; column->headers[h] != NULL; h++)
            {
              g_autofree char *header = normalize_header (column->headers[h]);

              if (g_str_equal (wanted, header))
                return column;
            }
        }
      stripped = strip_parenthesized (normalized);
    }
  return NULL;
}

typedef struct
{
  char                 *header;      /* normalized */
  char                 *shown;       /* as typed */
  const OdImportColumn *column;      /* NULL: ignore the column */
} MapEntry;

static void
map_entry_free (gpointer data)
{
  MapEntry *entry = data;

  g_free (entry->header);
  g_free (entry->shown);
  g_free (entry);
}

static char *
entity_keys (const OdImportEntity *entity)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].kind != OD_IMPORT_READ_ONLY)
      g_ptr_array_add (keys, g_strdup (entity->columns[i].key));
  return join_list (keys);
}

/* "表头=key,表头=key" ("，" and "＝" too; "表头=-" ignores a column). */
static GPtrArray *
parse_mapping (const OdImportEntity  *entity,
               const char            *mapping,
               GError               **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (map_entry_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) items = NULL;

  if (mapping == NULL)
    return g_steal_pointer (&entries);

  folded = fold_width (mapping);
  items = g_strsplit (folded, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      char *equals = strrchr (item, '=');
      g_autofree char *key = NULL;
      MapEntry *entry;

      if (item[0] == '\0')
        continue;
      if (equals == NULL || equals == item)
        {
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: %s is a part of the mapping option; keep 表头=key */
                       _("“%s” is not a mapping. Write each as 表头=key, separated by commas."),
                       item);
          return NULL;
        }
      *equals = '\0';
      key = g_strstrip (g_strdup (equals + 1));
      entry = g_new0 (MapEntry, 1);
      entry->header = normalize_header (item);
      entry->shown = g_strstrip (g_strdup (item));
      g_ptr_array_add (entries, entry);
      if (key[0] == '\0' || g_str_equal (key, "-"))
        continue;
      entry->column = find_column (entity, key);
      if (entry->column == NULL || entry->column->kind == OD_IMPORT_READ_ONLY)
        {
          g_autofree char *keys = entity_keys (entity);

          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: the first %s is what was typed, the second a list of
                        * keys such as name, credit_code */
                       _("“%s” is not a column of OrgDesk. Map to one of: %s; or “-” to "
                         "leave a column out."), key, keys);
          return NULL;
        }
      for (guint j = 0; j + 1 < entries->len; j++)
        {
          MapEntry *other = g_ptr_array_index (entries, j);

          if (other->column == entry->column)
            {
              g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                           /* Translators: %s is a key such as name */
                           _("Two columns are mapped to “%s”. Map only one."), key);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&entries);
}

static MapEntry *
find_map_entry (GPtrArray  *mapping,
                const char *normalized)
{
  for (guint i = 0; i < mapping->len; i++)
    {
      MapEntry *entry = g_ptr_array_index (mapping, i);

      if (g_str_equal (entry->header, normalized))
        return entry;
    }
  return NULL;
}

/* The entity column of file column COLUMN of ROW: mapped, else automatic. */
static const OdImportColumn *
column_of_cell (Import    *imp,
                GPtrArray *mapping,
                guint      row,
                guint      column,
                gboolean  *mapped)
{
  g_autofree char *normalized = normalize_header (sheet_cell (&imp->sheet, row, column));
  MapEntry *entry = find_map_entry (mapping, normalized);

  *mapped = entry != NULL;
  if (entry != NULL)
    return entry->column;
  return auto_column (imp->entity, normalized);
}

/* Whether ROW has a column for every required key. */
static gboolean
row_has_required (Import    *imp,
                  GPtrArray *mapping,
                  guint      row)
{
  for (guint i = 0; i < imp->entity->n_columns; i++)
    {
      const OdImportColumn *required = &imp->entity->columns[i];
      gboolean found = FALSE;

      if (!required->required)
        continue;
      for (guint c = 0; c < sheet_n_fields (&imp->sheet, row) && !found; c++)
        {
          gboolean mapped;

          found = column_of_cell (imp, mapping, row, c, &mapped) == required;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
row_is_blank (Import *imp,
              guint   row)
{
  for (guint c = 0; c < sheet_n_fields (&imp->sheet, row); c++)
    {
      g_autofree char *text = clean_cell (sheet_cell (&imp->sheet, row, c));

      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The header row of imp->entity: the first of the first HEADER_SCAN_ROWS
 * non-blank rows with a column for every required key, so that title rows
 * above the table are passed over; *FOUND says whether one has them.
 * Without one, the first non-blank row (0 when there is none), which
 * messages then show. The import and its preview (od_import_peek ()) both
 * use it, so the preview shows the headers the import will read. */
static guint
find_header_row (Import    *imp,
                 GPtrArray *mapping,
                 gboolean  *found)
{
  guint n_rows = sheet_n_rows (&imp->sheet);
  guint first = G_MAXUINT;

  *found = FALSE;
  for (guint row = 0, n_seen = 0; row < n_rows && n_seen < HEADER_SCAN_ROWS; row++)
    {
      if (row_is_blank (imp, row))
        continue;
      n_seen++;
      if (first == G_MAXUINT)
        first = row;
      if (row_has_required (imp, mapping, row))
        {
          *found = TRUE;
          return row;
        }
    }
  return first != G_MAXUINT ? first : 0;
}

/* Refuses a mapping that names a header the header row does not have: a
 * typing mistake would otherwise leave the column out silently. */
static gboolean
check_mapping_used (Import      *imp,
                    GPtrArray   *mapping,
                    guint        header,
                    const char  *name,
                    GError     **error)
{
  for (guint i = 0; i < mapping->len; i++)
    {
      MapEntry *entry = g_ptr_array_index (mapping, i);
      gboolean present = FALSE;

      for (guint c = 0; c < sheet_n_fields (&imp->sheet, header) && !present; c++)
        {
          g_autofree char *normalized = normalize_header (sheet_cell (&imp->sheet, header, c));

          present = g_str_equal (normalized, entry->header);
        }
      if (!present)
        {
          g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *listed = NULL;

          for (guint c = 0; c < imp->n_file_columns; c++)
            if (((char *) g_ptr_array_index (imp->headers, c))[0] != '\0')
              g_ptr_array_add (headers, g_strdup (g_ptr_array_index (imp->headers, c)));
          listed = join_list (headers);
          g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_BAD_OPTION,
                       /* Translators: the first %s is a header named in the mapping, the
                        * second a file name, the third the headers of that file */
                       _("The mapping names the column “%s”, which %s does not have. Its "
                         "headers are: %s."), entry->shown, name, listed);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
map_columns (Import      *imp,
             GError     **error)
{
  const OdImportEntity *entity = imp->entity;
  g_autoptr(GPtrArray) mapping = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  guint header;
  gboolean found = FALSE;
  g_autofree char *name = g_filename_display_basename (imp->result->path);

  mapping = parse_mapping (entity, imp->options->mapping, error);
  if (mapping == NULL)
    return FALSE;

  header = find_header_row (imp, mapping, &found);
  imp->header_index = header;
  imp->result->header_row = sheet_row_number (&imp->sheet, header);
  imp->n_file_columns = sheet_n_fields (&imp->sheet, header);
  imp->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < imp->n_file_columns; c++)
    g_ptr_array_add (imp->headers, display_header (sheet_cell (&imp->sheet, header, c)));

  if (!found && !check_mapping_used (imp, mapping, header, name, error))
    return FALSE;
  if (!found)
    {
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *missing_text = NULL;
      g_autofree char *present_text = NULL;

      for (guint i = 0; i < entity->n_columns; i++)
        {
          const OdImportColumn *column = &entity->columns[i];
          g_autoptr(GPtrArray) names = NULL;
          g_autofree char *listed = NULL;

          if (!column->required)
            continue;
          names = g_ptr_array_new_with_free_func (g_free);
          for (guint h = 0; column->headers[h] != NULL; h++)
            g_ptr_array_add (names, g_strdup (column->headers[h]));
          g_ptr_array_add (names, g_strdup (column->key));
          listed = join_list (names);
          g_ptr_array_add (missing, g_strdup_printf ("“%s” (%s)", column->key, listed));
        }
      for (guint c = 0; c < imp->n_file_columns; c++)
        if (((char *) g_ptr_array_index (imp->headers, c))[0] != '\0')
          g_ptr_array_add (present, g_strdup (g_ptr_array_index (imp->headers, c)));
      missing_text = join_list (missing);
      present_text = join_list (present);
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_NO_COLUMN,
                   /* Translators: the first %s is a file name, the second the missing
                    * column(s) with the headers accepted for them, the third the headers
                    * found in the file; keep 表头=key */
                   _("%s: no column gives %s. The headers found are: %s. Rename the header "
                     "in the file, or map it (表头=key)."),
                   name, missing_text, present_text);
      return FALSE;
    }

  if (header > 0)
    add_notice (imp, g_strdup_printf (ngettext ("The header is row %u; the row above it was "
                                                "skipped.",
                                                "The header is row %u; the rows above it were "
                                                "skipped.", header),
                                      imp->result->header_row));

  imp->file_column = g_new (int, entity->n_columns);
  for (guint i = 0; i < entity->n_columns; i++)
    imp->file_column[i] = -1;

  /* Mapped columns first, so that they win over automatic ones. */
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < imp->n_file_columns; c++)
      {
        const char *shown = g_ptr_array_index (imp->headers, c);
        gboolean mapped;
        const OdImportColumn *column = column_of_cell (imp, mapping, header, c, &mapped);
        guint index;

        if (mapped != (pass == 0))
          continue;
        if (column == NULL)
          {
            if (!mapped && shown[0] != '\0')
              g_ptr_array_add (unknown, g_strdup_printf ("“%s”", shown));
            continue;
          }
        index = column_index (entity, column);
        if (imp->file_column[index] >= 0)
          {
            const char *first = g_ptr_array_index (imp->headers, imp->file_column[index]);

            add_notice (imp, g_strdup_printf (/* Translators: the first %s is a header, the
                                               * second a key such as phone, the third the
                                               * header of the column that is read instead */
                                              _("The column “%s” is not imported: it gives %s "
                                                "too, which is read from “%s”."),
                                              shown, column->key, first));
            continue;
          }
        imp->file_column[index] = (int) c;
      }

  if (!check_mapping_used (imp, mapping, header, name, error))
    return FALSE;

  if (unknown->len > 0)
    {
      g_autofree char *listed = join_list (unknown);

      add_notice (imp, g_strdup_printf (ngettext ("This column is not imported: %s. Map it "
                                                  "(表头=key) if it should be.",
                                                  "These columns are not imported: %s. Map "
                                                  "them (表头=key) if they should be.",
                                                  unknown->len), listed));
    }

  for (guint c = 0; c < imp->n_file_columns; c++)
    {
      const char *key = "";

      for (guint i = 0; i < entity->n_columns; i++)
        if (imp->file_column[i] == (int) c)
          key = entity->columns[i].key;
      g_ptr_array_add (imp->result->columns, g_strdup (key));
    }
  return TRUE;
}

/* --- rows: reading values --- */

static void
values_clear (Import *imp,
              Value  *values)
{
  for (guint i = 0; i < imp->entity->n_columns; i++)
    g_clear_pointer (&values[i].text, g_free);
  memset (values, 0, sizeof (Value) * imp->entity->n_columns);
}

/* Whether the mapped cells of ROW are all blank: a row numbered in a 序号
 * column and left empty is no record. */
static gboolean
row_is_empty (Import *imp,
              guint   row)
{
  for (guint i = 0; i < imp->entity->n_columns; i++)
    {
      g_autofree char *text = NULL;

      if (imp->file_column[i] < 0 || imp->entity->columns[i].kind == OD_IMPORT_READ_ONLY)
        continue;
      text = clean_cell (sheet_cell (&imp->sheet, row, (guint) imp->file_column[i]));
      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Reads the cells of ROW into VALUES; what cannot be read goes to PROBLEMS
 * (not given then). FALSE on a database failure. */
static gboolean
read_values (Import     *imp,
             guint       row,
             Value      *values,
             GPtrArray  *problems,
             GError    **error)
{
  guint row_number = sheet_row_number (&imp->sheet, row);

  for (guint i = 0; i < imp->entity->n_columns; i++)
    {
      const OdImportColumn *column = &imp->entity->columns[i];
      Value *value = &values[i];
      g_autofree char *clean = NULL;
      g_autofree char *folded = NULL;

      if (imp->file_column[i] < 0 || column->kind == OD_IMPORT_READ_ONLY)
        continue;
      value->raw = sheet_cell (&imp->sheet, row, (guint) imp->file_column[i]);
      clean = clean_cell (value->raw);
      if (clean[0] == '\0')
        continue;
      folded = fold_width (clean);

      switch (column->kind)
        {
        case OD_IMPORT_TEXT:
        case OD_IMPORT_UUID:
          value->text = g_steal_pointer (&clean);
          value->given = TRUE;
          break;

        case OD_IMPORT_PHONE:
          value->text = g_steal_pointer (&folded);
          value->given = TRUE;
          break;

        case OD_IMPORT_MOBILE:
          value->text = clean_mobile (folded);
          value->given = TRUE;
          break;

        case OD_IMPORT_CODE:
          /* An export without full ID numbers masks them: not given. */
          if (column->personal && strchr (folded, '*') != NULL)
            {
              imp->n_masked++;
              break;
            }
          value->text = normalize_code (folded);
          value->given = value->text[0] != '\0';
          break;

        case OD_IMPORT_DATE:
          value->text = parse_date (folded);
          if (value->text == NULL)
            add_cell_problem (problems, imp, row_number, column, value->raw,
                              /* Translators: %s is a cell's text */
                              g_strdup_printf (_("“%s” is not a date. Write it as 2017-10-19, "
                                                 "2017/10/19, 2017.10.19 or 2017年10月19日."),
                                               clean));
          value->given = value->text != NULL;
          break;

        case OD_IMPORT_COUNT:
          value->given = parse_count (folded, &value->number);
          if (!value->given)
            add_cell_problem (problems, imp, row_number, column, value->raw,
                              /* Translators: %s is a cell's text */
                              g_strdup_printf (_("“%s” is not a whole number. Write digits "
                                                 "only, e.g. 3."), clean));
          break;

        case OD_IMPORT_CHOICE:
          {
            const char *key = match_choice (column->choices, clean);

            if (key == NULL)
              {
                g_autofree char *choices = choices_text (column->choices);

                add_cell_problem (problems, imp, row_number, column, value->raw,
                                  /* Translators: the first %s is a cell's text, the second
                                   * the allowed values */
                                  g_strdup_printf (_("“%s” is not one of the values of this "
                                                     "column: %s."), clean, choices));
                break;
              }
            value->text = g_strdup (key);
            value->given = TRUE;
          }
          break;

        case OD_IMPORT_AREA:
          value->number = find_area (imp, folded);
          value->given = value->number != 0;
          if (!value->given)
            {
              g_autofree char *choices = area_choices (imp);

              add_cell_problem (problems, imp, row_number, column, value->raw,
                                /* Translators: the first %s is a cell's text, the second the
                                 * list of districts and counties */
                                g_strdup_printf (_("“%s” is not a district or county of the "
                                                   "city. Write one of: %s; or its 6-digit "
                                                   "code."), clean, choices));
            }
          break;

        case OD_IMPORT_CATEGORY:
          value->number = find_category (imp, clean);
          value->given = value->number != 0;
          if (!value->given)
            {
              g_autofree char *choices = category_choices (imp);

              add_cell_problem (problems, imp, row_number, column, value->raw,
                                /* Translators: the first %s is a cell's text, the second the
                                 * list of categories */
                                g_strdup_printf (_("“%s” is not a category. Write one of: %s; "
                                                   "or add the category in OrgDesk first."),
                                                 clean, choices));
            }
          break;

        case OD_IMPORT_ORGANIZATION:
          {
            const OrgRef *ref = find_organization (imp, clean, error);

            if (ref == NULL)
              return FALSE;
            value->number = ref->id;
            value->given = ref->id != 0;
            if (!value->given)
              add_cell_problem (problems, imp, row_number, column, value->raw,
                                g_strdup (ref->message));
          }
          break;

        case OD_IMPORT_READ_ONLY:
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* Writes the given VALUES into RECORD; the uuid only into a new record. */
static void
apply_values (Import   *imp,
              Value    *values,
              gpointer  record,
              gboolean  is_new)
{
  for (guint i = 0; i < imp->entity->n_columns; i++)
    {
      const OdImportColumn *column = &imp->entity->columns[i];
      const Value *value = &values[i];

      if (!value->given || (column->kind == OD_IMPORT_UUID && !is_new))
        continue;

      switch (column->storage)
        {
        case OD_IMPORT_STORE_TEXT:
        case OD_IMPORT_STORE_NULLABLE:
          g_free (G_STRUCT_MEMBER (char *, record, column->offset));
          G_STRUCT_MEMBER (char *, record, column->offset) = g_strdup (value->text);
          break;
        case OD_IMPORT_STORE_INT:
        case OD_IMPORT_STORE_REF:
          G_STRUCT_MEMBER (gint64, record, column->offset) = value->number;
          break;
        case OD_IMPORT_STORE_ORG_TYPE:
          G_STRUCT_MEMBER (OdOrganizationType, record, column->offset) = od_organization_type_from_key (value->text);
          break;
        case OD_IMPORT_STORE_NONE:
        default:
          break;
        }
    }
}

/* Whether A and B hold the same stored values. */
static gboolean
records_equal (const OdImportEntity *entity,
               gconstpointer         a,
               gconstpointer         b)
{
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const OdImportColumn *column = &entity->columns[i];

      switch (column->storage)
        {
        case OD_IMPORT_STORE_TEXT:
        case OD_IMPORT_STORE_NULLABLE:
          if (g_strcmp0 (G_STRUCT_MEMBER (const char *, (gpointer) a, column->offset),
                         G_STRUCT_MEMBER (const char *, (gpointer) b, column->offset)) != 0)
            return FALSE;
          break;
        case OD_IMPORT_STORE_INT:
        case OD_IMPORT_STORE_REF:
          if (G_STRUCT_MEMBER (gint64, (gpointer) a, column->offset)
              != G_STRUCT_MEMBER (gint64, (gpointer) b, column->offset))
            return FALSE;
          break;
        case OD_IMPORT_STORE_ORG_TYPE:
          if (G_STRUCT_MEMBER (OdOrganizationType, (gpointer) a, column->offset)
              != G_STRUCT_MEMBER (OdOrganizationType, (gpointer) b, column->offset))
            return FALSE;
          break;
        case OD_IMPORT_STORE_NONE:
        default:
          break;
        }
    }
  return TRUE;
}

/* --- rows: matching --- */

/* The values of MATCH's keys joined, or NULL when one is not given. */
static char *
match_values (Import              *imp,
              const OdImportMatch *match,
              Value               *values,
              const char          *texts[2])
{
  GString *joined = g_string_new (NULL);

  texts[0] = texts[1] = NULL;
  for (guint k = 0; match->keys[k] != NULL && k < 2; k++)
    {
      const OdImportColumn *column = find_column (imp->entity, match->keys[k]);
      const Value *value = &values[column_index (imp->entity, column)];

      if (!value->given || value->text == NULL)
        {
          g_string_free (joined, TRUE);
          return NULL;
        }
      texts[k] = value->text;
      if (k > 0)
        g_string_append_c (joined, '\x1f');
      g_string_append (joined, value->text);
    }
  return g_string_free (joined, FALSE);
}

/* The existing record of the row, or 0. A uuid of a record in the trash
 * sets *IN_TRASH. */
static gboolean
find_match (Import               *imp,
            Value                *values,
            gint64               *match_id,
            const OdImportMatch **matched_by,
            gboolean             *in_trash,
            GError              **error)
{
  *match_id = 0;
  *matched_by = NULL;
  *in_trash = FALSE;

  for (guint m = 0; m < imp->entity->n_matches; m++)
    {
      const OdImportMatch *match = &imp->entity->matches[m];
      const char *texts[2];
      g_autofree char *joined = match_values (imp, match, values, texts);
      g_autoptr(OdStmt) stmt = NULL;

      if (joined == NULL)
        continue;
      stmt = od_db_prepare (imp->db, match->sql, error);
      if (stmt == NULL || !od_stmt_bind_text (stmt, 1, texts[0], error)
          || (texts[1] != NULL && !od_stmt_bind_text (stmt, 2, texts[1], error)))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          if (match->is_uuid && od_stmt_get_int64 (stmt, 1) != 0)
            {
              *in_trash = TRUE;
              *matched_by = match;
              return TRUE;
            }
          *match_id = od_stmt_get_int64 (stmt, 0);
          *matched_by = match;
          return TRUE;
        case OD_STEP_DONE:
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static const OdImportColumn *
match_column (Import              *imp,
              const OdImportMatch *match)
{
  /* name + mobile: reported at the mobile number, the part that tells
   * two people of the same name apart. */
  guint last = match->keys[1] != NULL ? 1 : 0;

  return find_column (imp->entity, match->keys[last]);
}

/* --- rows: checking --- */

typedef struct
{
  GHashTable **seen;          /* per match: joined values → first row number */
  GHashTable  *matched;       /* existing id → first row number */
} Seen;

/* Rows of the file that repeat an earlier one. */
static void
check_repeats (Import    *imp,
               Seen      *seen,
               guint      row_number,
               Value     *values,
               GPtrArray *problems)
{
  for (guint m = 0; m < imp->entity->n_matches; m++)
    {
      const OdImportMatch *match = &imp->entity->matches[m];
      const OdImportColumn *column = match_column (imp, match);
      const char *texts[2];
      g_autofree char *joined = match_values (imp, match, values, texts);
      gpointer first;

      if (joined == NULL)
        continue;
      first = g_hash_table_lookup (seen->seen[m], joined);
      if (first != NULL)
        {
          const Value *value = &values[column_index (imp->entity, column)];

          add_cell_problem (problems, imp, row_number, column, value->raw,
                            /* Translators: the first %s is what is the same (“credit code”,
                             * “name”), %u a row number of the file, the second %s is a
                             * record noun (“organization”) */
                            g_strdup_printf (_("Same %s as row %u. Each %s may appear only "
                                               "once in the file: merge the two rows or "
                                               "delete one."),
                                             _(match->what), GPOINTER_TO_UINT (first),
                                             _(imp->entity->record_noun)));
        }
      else
        g_hash_table_insert (seen->seen[m], g_steal_pointer (&joined),
                             GUINT_TO_POINTER (row_number));
    }
}

/* The position of a problem's column in the file; after the last for a
 * column the file does not have. */
static guint
problem_position (Import                *imp,
                  const OdImportProblem *problem)
{
  for (guint c = 0; c < imp->n_file_columns; c++)
    if (g_strcmp0 (g_ptr_array_index (imp->headers, c), problem->column) == 0)
      return c;
  return imp->n_file_columns;
}

/* A row's problems left to right, as the user reads the row (stable: the
 * order found is kept within a cell). */
static int
compare_problems_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  guint pa = problem_position (user_data, *(OdImportProblem *const *) a);
  guint pb = problem_position (user_data, *(OdImportProblem *const *) b);

  return (pa > pb) - (pa < pb);
}

/* Store problems of RECORD as row errors and warnings. */
static void
add_store_problems (Import    *imp,
                    guint      row_number,
                    Value     *values,
                    GPtrArray *problems,
                    gboolean   is_new,
                    gpointer   record)
{
  const OdImportEntity *entity = imp->entity;
  g_autoptr(GPtrArray) found = entity->validate (imp->db, record);
  const OdImportColumn *reason = entity->reason_key != NULL
                                 ? find_column (entity, entity->reason_key) : NULL;
  gboolean has_reason_column = reason != NULL
                               && imp->file_column[column_index (entity, reason)] >= 0;

  for (guint i = 0; i < found->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (found, i);
      const OdImportColumn *column = column_for_field (entity, problem->field);
      const char *raw = column != NULL ? values[column_index (entity, column)].raw : NULL;
      const char *header = column != NULL ? column_header (imp, column) : problem->field;
      gboolean in_file = column != NULL
                         && imp->file_column[column_index (entity, column)] >= 0;
      g_autofree char *value = shown_value (column, raw);

      switch (problem->severity)
        {
        case OD_PROBLEM_ERROR:
          g_ptr_array_add (problems, problem_new (row_number, header, value,
                                                  g_strdup (problem->message)));
          break;

        case OD_PROBLEM_WARNING:
          /* DESIGN.md §2: a failing credit code is kept only with a reason,
           * which an import can take only from a column of its own. */
          if (entity->reason_field != NULL && g_strcmp0 (problem->field, entity->reason_field) == 0)
            {
              g_autofree char *reason_header = g_strdup (has_reason_column
                                                         ? column_header (imp, reason)
                                                         : "保留理由");

              g_ptr_array_add (problems,
                               problem_new (row_number, header, value,
                                            /* Translators: the first %s is the store's
                                             * message about the code, the second the
                                             * header of the reason column */
                                            g_strdup_printf (_("%s Correct the code, or give "
                                                               "the reason to keep it in a "
                                                               "column “%s”."),
                                                             problem->message,
                                                             reason_header)));
            }
          else if (is_new || in_file)
            g_ptr_array_add (imp->result->warnings,
                             problem_new (row_number, header, value,
                                          g_strdup (problem->message)));
          break;

        case OD_PROBLEM_HINT:
        default:
          break;
        }
    }
}

/* Checks every row, writing nothing; fills the plan and the result. */
static gboolean
check_rows (Import  *imp,
            GError **error)
{
  const OdImportEntity *entity = imp->entity;
  OdImportResult *result = imp->result;
  g_autofree Value *values = g_new0 (Value, entity->n_columns);
  Seen seen;
  gboolean ok = TRUE;

  seen.seen = g_new0 (GHashTable *, entity->n_matches);
  for (guint m = 0; m < entity->n_matches; m++)
    seen.seen[m] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint row = imp->header_index + 1; row < sheet_n_rows (&imp->sheet) && ok; row++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
      guint row_number = sheet_row_number (&imp->sheet, row);
      const OdImportMatch *matched_by = NULL;
      gboolean in_trash = FALSE;
      Plan plan = { row, ACTION_INSERT, 0 };
      guint n_repeats;

      if (row_is_empty (imp, row))
        continue;
      result->n_rows++;

      values_clear (imp, values);
      if (!read_values (imp, row, values, problems, error)
          || !find_match (imp, values, &plan.match_id, &matched_by, &in_trash, error))
        {
          ok = FALSE;
          break;
        }

      if (plan.match_id != 0)
        plan.action = imp->options->on_match == OD_IMPORT_ON_MATCH_SKIP ? ACTION_SKIP
                                                                         : ACTION_UPDATE;
      /* A row that is left alone is not checked: only its repeats are. */
      if (plan.action == ACTION_SKIP)
        g_ptr_array_set_size (problems, 0);

      n_repeats = problems->len;
      check_repeats (imp, &seen, row_number, values, problems);
      n_repeats = problems->len - n_repeats;

      if (in_trash)
        {
          const OdImportColumn *column = find_column (entity, "uuid");

          add_cell_problem (problems, imp, row_number, column,
                            values[column_index (entity, column)].raw,
                            /* Translators: %s is a record noun (“organization”) */
                            g_strdup_printf (_("This %s is in the trash. Restore it first, or "
                                               "clear the uuid cell to import the row as a new "
                                               "record."), _(entity->record_noun)));
        }
      else if (plan.match_id != 0)
        {
          gint64 *key = g_new (gint64, 1);
          gpointer first;

          *key = plan.match_id;
          first = g_hash_table_lookup (seen.matched, key);
          if (first != NULL && n_repeats > 0)
            g_free (key);
          else if (first != NULL)
            {
              const OdImportColumn *column = match_column (imp, matched_by);

              g_free (key);
              add_cell_problem (problems, imp, row_number, column,
                                values[column_index (entity, column)].raw,
                                /* Translators: the first %s is a record noun
                                 * (“organization”), %u a row number of the file */
                                g_strdup_printf (_("This row and row %u are the same existing "
                                                   "%s. Merge the two rows or delete one."),
                                                 GPOINTER_TO_UINT (first),
                                                 _(entity->record_noun)));
            }
          else
            g_hash_table_insert (seen.matched, key, GUINT_TO_POINTER (row_number));
        }

      if (plan.action != ACTION_SKIP && !in_trash)
        {
          gpointer record;

          if (plan.match_id != 0)
            {
              record = entity->record_load (imp->db, plan.match_id, error);
              if (record == NULL)
                {
                  ok = FALSE;
                  break;
                }
            }
          else
            record = entity->record_new ();
          apply_values (imp, values, record, plan.match_id == 0);
          add_store_problems (imp, row_number, values, problems, plan.match_id == 0, record);
          entity->record_free (record);
        }

      if (problems->len > 0)
        {
          g_ptr_array_sort_with_data (problems, compare_problems_cb, imp);
          result->n_error_rows++;
          for (guint i = 0; i < problems->len; i++)
            g_ptr_array_add (result->errors, g_steal_pointer (&problems->pdata[i]));
          continue;
        }

      switch (plan.action)
        {
        case ACTION_INSERT:
          result->n_inserted++;
          break;
        case ACTION_UPDATE:
          result->n_updated++;
          break;
        case ACTION_SKIP:
        default:
          result->n_skipped++;
          break;
        }
      if (plan.action != ACTION_SKIP)
        g_array_append_val (imp->plan, plan);
    }

  values_clear (imp, values);
  for (guint m = 0; m < entity->n_matches; m++)
    g_hash_table_unref (seen.seen[m]);
  g_free (seen.seen);
  g_hash_table_unref (seen.matched);

  if (ok && imp->n_masked > 0)
    add_notice (imp, g_strdup_printf (ngettext ("%u ID number was masked (as an export "
                                                "without full ID numbers writes them) and was "
                                                "not imported.",
                                                "%u ID numbers were masked (as an export "
                                                "without full ID numbers writes them) and were "
                                                "not imported.", imp->n_masked),
                                      imp->n_masked));
  return ok;
}

/* --- writing --- */

static void
ids_json (OdJsonWriter *writer,
          const char   *key,
          GArray       *ids)
{
  od_json_begin_array (writer, key);
  for (guint i = 0; i < ids->len; i++)
    od_json_int (writer, NULL, g_array_index (ids, gint64, i));
  od_json_end_array (writer);
}

/* What the import changed in a record, as it was before: one member
 * "ID":{"key":old value,…} of the audit entry's "old", for od_import_undo(). */
static void
add_old_values (Import        *imp,
                gint64         id,
                gconstpointer  before,
                gconstpointer  after)
{
  const OdImportEntity *entity = imp->entity;
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *json = NULL;

  od_json_begin_object (writer, NULL);
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const OdImportColumn *column = &entity->columns[i];
      gpointer b = (gpointer) before;
      gpointer a = (gpointer) after;

      if (column->kind == OD_IMPORT_UUID)
        continue;
      switch (column->storage)
        {
        case OD_IMPORT_STORE_TEXT:
        case OD_IMPORT_STORE_NULLABLE:
          {
            const char *old = G_STRUCT_MEMBER (const char *, b, column->offset);

            if (g_strcmp0 (old, G_STRUCT_MEMBER (const char *, a, column->offset)) == 0)
              break;
            if (old == NULL)
              od_json_null (writer, column->key);
            else
              od_json_string (writer, column->key, old);
          }
          break;
        case OD_IMPORT_STORE_INT:
        case OD_IMPORT_STORE_REF:
          if (G_STRUCT_MEMBER (gint64, b, column->offset)
              != G_STRUCT_MEMBER (gint64, a, column->offset))
            od_json_int (writer, column->key, G_STRUCT_MEMBER (gint64, b, column->offset));
          break;
        case OD_IMPORT_STORE_ORG_TYPE:
          if (G_STRUCT_MEMBER (OdOrganizationType, b, column->offset)
              != G_STRUCT_MEMBER (OdOrganizationType, a, column->offset))
            od_json_string (writer, column->key,
                            od_organization_type_to_key (G_STRUCT_MEMBER (OdOrganizationType, b, column->offset)));
          break;
        case OD_IMPORT_STORE_NONE:
        default:
          break;
        }
    }
  od_json_end_object (writer);
  json = od_json_writer_finish (g_steal_pointer (&writer));

  if (imp->old_values->len > 0)
    g_string_append_c (imp->old_values, ',');
  g_string_append_printf (imp->old_values, "\"%" G_GINT64_FORMAT "\":%s", id, json);
}

static gboolean
write_audit (Import  *imp,
             GError **error)
{
  OdImportResult *result = imp->result;
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  od_json_begin_object (writer, NULL);
  od_json_string (writer, "file", imp->file_name);
  od_json_int (writer, "rows", result->n_rows);
  od_json_int (writer, "inserted_count", result->n_inserted);
  od_json_int (writer, "updated_count", result->n_updated);
  od_json_int (writer, "unchanged_count", result->n_unchanged);
  od_json_int (writer, "skipped_count", result->n_skipped);
  ids_json (writer, "inserted", result->inserted_ids);
  ids_json (writer, "updated", result->updated_ids);
  if (result->backup_path != NULL)
    od_json_string (writer, "backup", result->backup_path);
  od_json_end_object (writer);
  changes = od_json_writer_finish (g_steal_pointer (&writer));
  /* The writer has no way to put in ready-made JSON: "old" goes in before
   * the closing brace of the (compact) object. */
  if (g_str_has_suffix (changes, "}"))
    {
      g_autofree char *spliced = NULL;

      changes[strlen (changes) - 1] = '\0';
      spliced = g_strdup_printf ("%s,\"old\":{%s}}", changes, imp->old_values->str);
      g_free (changes);
      changes = g_steal_pointer (&spliced);
    }

  /* Translators: the summary of an import in the history; %s is a file name,
   * the numbers are rows inserted, updated, unchanged and skipped */
  summary = g_strdup_printf (_("Imported %s: %u inserted, %u updated, %u unchanged, %u skipped"),
                             imp->file_name, result->n_inserted, result->n_updated,
                             result->n_unchanged, result->n_skipped);
  if (!od_audit_record (imp->db, imp->entity->name, 0, NULL, "import", changes, summary, error))
    return FALSE;
  result->audit_id = od_db_last_insert_rowid (imp->db);
  return TRUE;
}

static gboolean
save_row (Import      *imp,
          const Plan  *plan,
          Value       *values,
          GError     **error)
{
  const OdImportEntity *entity = imp->entity;
  OdImportResult *result = imp->result;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  gpointer record = NULL;
  gpointer before = NULL;
  gpointer after = NULL;
  gint64 id;
  gboolean ok = FALSE;

  values_clear (imp, values);
  if (!read_values (imp, plan->index, values, problems, error))
    return FALSE;

  if (plan->action == ACTION_UPDATE)
    {
      record = entity->record_load (imp->db, plan->match_id, error);
      before = record != NULL ? entity->record_load (imp->db, plan->match_id, error) : NULL;
      if (before == NULL)
        goto out;
    }
  else
    record = entity->record_new ();
  apply_values (imp, values, record, plan->action == ACTION_INSERT);

  id = entity->save (imp->db, record, error);
  if (id <= 0)
    goto out;

  if (plan->action == ACTION_INSERT)
    {
      result->n_inserted++;
      g_array_append_val (result->inserted_ids, id);
    }
  else
    {
      after = entity->record_load (imp->db, id, error);
      if (after == NULL)
        goto out;
      if (records_equal (entity, before, after))
        result->n_unchanged++;
      else
        {
          result->n_updated++;
          g_array_append_val (result->updated_ids, id);
          add_old_values (imp, id, before, after);
        }
    }
  ok = TRUE;

out:
  if (record != NULL)
    entity->record_free (record);
  if (before != NULL)
    entity->record_free (before);
  if (after != NULL)
    entity->record_free (after);
  return ok;
}

static gboolean
write_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  WriteData *data = user_data;
  Import *imp = data->imp;
  g_autofree Value *values = g_new0 (Value, imp->entity->n_columns);

  for (guint i = 0; i < imp->plan->len; i++)
    {
      const Plan *plan = &g_array_index (imp->plan, Plan, i);

      if (!save_row (imp, plan, values, error))
        {
          values_clear (imp, values);
          g_prefix_error (error, "%s:%u: ", imp->result->path,
                          sheet_row_number (&imp->sheet, plan->index));
          return FALSE;
        }
    }
  values_clear (imp, values);

  if (!write_audit (imp, error))
    return FALSE;

  data->completed = TRUE;
  if (imp->options->dry_run)
    {
      /* Rolled back: a dry run has tried every save and keeps nothing. */
      g_set_error_literal (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_SAVE, "dry run");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_rows (Import  *imp,
            GError **error)
{
  OdImportResult *result = imp->result;
  WriteData data = { imp, FALSE };
  g_autoptr(GError) local_error = NULL;

  if (!imp->options->dry_run)
    {
      g_autofree char *backup = od_db_backup_file_name (od_db_get_path (imp->db), "before-import");

      if (!od_db_backup_to (imp->db, backup, error))
        return FALSE;
      result->backup_path = g_steal_pointer (&backup);
    }

  /* The counts of the check are estimates; the saves give the real ones. */
  result->n_inserted = result->n_updated = result->n_unchanged = 0;
  g_array_set_size (result->inserted_ids, 0);
  g_array_set_size (result->updated_ids, 0);
  result->audit_id = 0;
  if (imp->old_values == NULL)
    imp->old_values = g_string_new (NULL);
  g_string_truncate (imp->old_values, 0);

  if (od_db_transaction (imp->db, write_cb, &data, &local_error))
    {
      result->written = TRUE;
      return TRUE;
    }
  result->audit_id = 0;
  if (data.completed && imp->options->dry_run)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* --- public API --- */

/**
 * od_import_find_entity:
 * @name: "organizations", "people"
 *
 * Returns: (nullable): the entity called @name
 */
const OdImportEntity *
od_import_find_entity (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return &entities[i];
  return NULL;
}

/* The entities, for messages. */
const char *
od_import_entities (void)
{
  return "organizations, people";
}

/**
 * od_import_match_header:
 * @entity: an entity
 * @header: a header as written in a file
 *
 * Returns: (nullable): the key @header is read as without a mapping step
 */
const char *
od_import_match_header (const OdImportEntity *entity,
                        const char           *header)
{
  g_autofree char *normalized = NULL;
  const OdImportColumn *column;

  g_return_val_if_fail (entity != NULL, NULL);

  normalized = normalize_header (header);
  column = auto_column (entity, normalized);
  return column != NULL ? column->key : NULL;
}

void
od_import_options_init (OdImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->encoding = OD_CSV_ENCODING_AUTO;
  options->on_match = OD_IMPORT_ON_MATCH_UPDATE;
}

static OdImportResult *
result_new (const char *path,
            const char *entity,
            gboolean    dry_run)
{
  OdImportResult *result = g_new0 (OdImportResult, 1);

  result->path = g_strdup (path);
  result->entity = g_strdup (entity);
  result->dry_run = dry_run;
  result->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  result->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) od_import_problem_free);
  result->notices = g_ptr_array_new_with_free_func (g_free);
  result->columns = g_ptr_array_new_with_free_func (g_free);
  result->inserted_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->updated_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return result;
}

static void
import_clear (Import *imp)
{
  sheet_clear (&imp->sheet);
  g_clear_pointer (&imp->file_name, g_free);
  g_clear_pointer (&imp->headers, g_ptr_array_unref);
  g_clear_pointer (&imp->file_column, g_free);
  g_clear_pointer (&imp->areas, g_ptr_array_unref);
  g_clear_pointer (&imp->categories, g_ptr_array_unref);
  g_clear_pointer (&imp->organizations, g_hash_table_unref);
  g_clear_pointer (&imp->plan, g_array_unref);
  if (imp->old_values != NULL)
    g_string_free (g_steal_pointer (&imp->old_values), TRUE);
}

/**
 * od_import_file:
 * @db: the database
 * @entity: "organizations" or "people"
 * @path: a .csv, .txt, .tsv or .xlsx file
 * @options: (nullable): options, or %NULL for the defaults
 * @error: return location for an error about the file as a whole
 *
 * Imports @path as described in od-import.h: every row is checked first;
 * when any has an error nothing is written and the result lists them all.
 * Otherwise, unless it is a dry run, a backup is taken and every row saved
 * in one transaction with one "import" audit entry.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
OdImportResult *
od_import_file (OdDb                   *db,
                const char             *entity,
                const char             *path,
                const OdImportOptions  *options,
                GError                **error)
{
  g_autoptr(OdImportResult) result = NULL;
  OdImportOptions defaults;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      od_import_options_init (&defaults);
      options = &defaults;
    }

  imp.entity = od_import_find_entity (entity);
  if (imp.entity == NULL)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNKNOWN_ENTITY,
                   /* Translators: the first %s is what was asked for, the second the list
                    * of what can be imported; keep the English names, they are typed */
                   _("“%s” cannot be imported. Choose one of: %s."),
                   entity != NULL ? entity : "", od_import_entities ());
      return NULL;
    }

  result = result_new (path, imp.entity->name, options->dry_run);
  imp.db = db;
  imp.options = options;
  imp.result = result;
  imp.file_name = g_filename_display_basename (path);
  imp.plan = g_array_new (FALSE, FALSE, sizeof (Plan));
  imp.organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, org_ref_free);

  ok = read_sheet (&imp, path, error) && map_columns (&imp, error);
  if (ok)
    {
      imp.areas = od_lookup_list_areas (db, error);
      ok = imp.areas != NULL;
    }
  if (ok)
    {
      imp.categories = od_lookup_list_categories (db, error);
      ok = imp.categories != NULL;
    }
  ok = ok && check_rows (&imp, error);
  /* All or nothing, unless the user chose to import the valid rows only. */
  if (ok && imp.plan->len > 0 && (result->errors->len == 0 || options->valid_rows_only))
    ok = write_rows (&imp, error);

  import_clear (&imp);
  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}

/* The header row for a preview, which is not told the entity: the row
 * find_header_row () finds for one of them (with the options' mapping
 * where it reads for that entity). When two find different rows, the one
 * with the more columns recognised wins, then the one nearer the top: a
 * people list may have "单位名称 | 宝鸡市养生协会" above its headers, which
 * would do for organizations, but its header row is recognised column
 * after column. */
static guint
peek_header_row (Import *imp)
{
  guint best = G_MAXUINT;
  guint best_score = 0;
  gboolean any_found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GPtrArray) mapping = NULL;
      gboolean found;
      guint header;
      guint score = 0;

      imp->entity = &entities[i];
      mapping = parse_mapping (imp->entity, imp->options->mapping, NULL);
      if (mapping == NULL)
        mapping = g_ptr_array_new_with_free_func (map_entry_free);
      header = find_header_row (imp, mapping, &found);
      if (!found)
        {
          if (!any_found)
            best = header;
          continue;
        }

      for (guint c = 0; c < sheet_n_fields (&imp->sheet, header); c++)
        {
          gboolean mapped;

          if (column_of_cell (imp, mapping, header, c, &mapped) != NULL)
            score++;
        }
      if (!any_found || score > best_score || (score == best_score && header < best))
        {
          best = header;
          best_score = score;
        }
      any_found = TRUE;
    }
  imp->entity = NULL;
  return best;
}

/**
 * od_import_peek:
 * @path: a .csv, .txt, .tsv or .xlsx file
 * @options: (nullable): the encoding and sheet to read with, or %NULL
 * @headers: (out) (transfer full): char *: the cells of the header row, found
 *   as od_import_file() finds it (title rows above the table passed over)
 * @rows: (out) (transfer full): GStrv: the cells of the next up to 5 non-blank rows
 * @error: return location for an error about the file
 *
 * Reads @path as od_import_file() does, for a preview and a mapping step.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
od_import_peek (const char             *path,
                const OdImportOptions  *options,
                GPtrArray             **headers,
                GPtrArray             **rows,
                GError                **error)
{
  g_autoptr(OdImportResult) result = NULL;
  g_autoptr(GPtrArray) found_headers = NULL;
  g_autoptr(GPtrArray) found_rows = NULL;
  OdImportOptions defaults;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (headers != NULL && rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      od_import_options_init (&defaults);
      options = &defaults;
    }
  result = result_new (path, "", TRUE);
  imp.options = options;
  imp.result = result;
  ok = read_sheet (&imp, path, error);
  if (ok)
    {
      guint n_rows = sheet_n_rows (&imp.sheet);
      guint header = peek_header_row (&imp);

      found_headers = g_ptr_array_new_with_free_func (g_free);
      found_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      /* Only blank rows: no headers and no rows. */
      if (!row_is_blank (&imp, header))
        for (guint c = 0; c < sheet_n_fields (&imp.sheet, header); c++)
          g_ptr_array_add (found_headers, display_header (sheet_cell (&imp.sheet, header, c)));
      for (guint row = header + 1; row < n_rows && found_rows->len < PEEK_ROWS; row++)
        {
          guint n_fields = sheet_n_fields (&imp.sheet, row);
          char **cells;

          if (row_is_blank (&imp, row))
            continue;
          cells = g_new0 (char *, n_fields + 1);
          for (guint c = 0; c < n_fields; c++)
            cells[c] = clean_cell (sheet_cell (&imp.sheet, row, c));
          g_ptr_array_add (found_rows, cells);
        }
    }
  import_clear (&imp);
  if (!ok)
    return FALSE;
  *headers = g_steal_pointer (&found_headers);
  *rows = g_steal_pointer (&found_rows);
  return TRUE;
}

char *
od_import_problem_format (const OdImportResult  *result,
                          const OdImportProblem *problem)
{
  g_return_val_if_fail (result != NULL && problem != NULL, NULL);

  if (problem->row == 0)
    return g_strdup_printf ("%s: %s", result->path, problem->message);
  if (problem->column == NULL || problem->column[0] == '\0')
    return g_strdup_printf ("%s:%u: %s", result->path, problem->row, problem->message);
  return g_strdup_printf ("%s:%u:%s: %s", result->path, problem->row, problem->column,
                          problem->message);
}

void
od_import_problem_free (OdImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

void
od_import_result_free (OdImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->entity);
  g_ptr_array_unref (result->errors);
  g_ptr_array_unref (result->warnings);
  g_ptr_array_unref (result->notices);
  g_ptr_array_unref (result->columns);
  g_array_unref (result->inserted_ids);
  g_array_unref (result->updated_ids);
  g_free (result->backup_path);
  g_free (result);
}

/* --- undo --- */

typedef struct
{
  char   *key;
  char   *type;     /* json_each's: "null", "text", "integer", … */
  char   *atom;
} OldValue;

static void
old_value_free (gpointer data)
{
  OldValue *value = data;

  g_free (value->key);
  g_free (value->type);
  g_free (value->atom);
  g_free (value);
}

typedef struct
{
  gint64                audit_id;
  const OdImportEntity *entity;
  char                 *at;
  char                 *file;
  GArray               *inserted;   /* gint64 */
  GArray               *updated;    /* gint64 */
  GHashTable           *old;        /* gint64 * id → GPtrArray of OldValue */
  guint                 n_restored;
} Undo;

static void
undo_clear (Undo *undo)
{
  g_clear_pointer (&undo->at, g_free);
  g_clear_pointer (&undo->file, g_free);
  g_clear_pointer (&undo->inserted, g_array_unref);
  g_clear_pointer (&undo->updated, g_array_unref);
  g_clear_pointer (&undo->old, g_hash_table_unref);
}

static gboolean
undo_read_ids (OdDb        *db,
               gint64       audit_id,
               const char  *path,
               GArray      *ids,
               GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT j.value FROM audit_log a, json_each (a.changes, ?2) j"
                        " WHERE a.id = ?1 AND j.type = 'integer' ORDER BY j.id", error);
  if (stmt == NULL
      || !od_stmt_bind_int64 (stmt, 1, audit_id, error)
      || !od_stmt_bind_text (stmt, 2, path, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return step == OD_STEP_DONE;
}

static gboolean
undo_read_old (OdDb     *db,
               Undo     *undo,
               GError  **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT CAST (o.key AS INTEGER), f.key, f.type, f.atom"
                        " FROM audit_log a, json_each (a.changes, '$.old') o, json_each (o.value) f"
                        " WHERE a.id = ?1 ORDER BY o.id, f.id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);
      GPtrArray *values = g_hash_table_lookup (undo->old, &id);
      OldValue *value = g_new0 (OldValue, 1);

      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (old_value_free);
          g_hash_table_insert (undo->old, g_memdup2 (&id, sizeof id), values);
        }
      value->key = g_strdup (od_stmt_get_text (stmt, 1));
      value->type = g_strdup (od_stmt_get_text (stmt, 2));
      value->atom = od_stmt_column_is_null (stmt, 3) ? NULL : g_strdup (od_stmt_get_text (stmt, 3));
      g_ptr_array_add (values, value);
    }
  return step == OD_STEP_DONE;
}

/* The import's entry: which entity, when, which file, and whether it can be
 * undone at all. */
static gboolean
undo_read_entry (OdDb    *db,
                 Undo    *undo,
                 GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, undo->audit_id);
  gboolean is_import, is_undo, has_old;
  gint64 n_updated;

  stmt = od_db_prepare (db,
                        "SELECT table_name, action = 'import', at, json_extract (changes, '$.file'),"
                        " json_type (changes, '$.undo_of') IS NOT NULL,"
                        " json_type (changes, '$.old') IS NOT NULL,"
                        " coalesce (json_array_length (changes, '$.updated'), 0)"
                        " FROM audit_log WHERE id = ?1 AND json_valid (changes)", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      break;
    case OD_STEP_DONE:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a number: the entry in the history */
                   _("The history has no import with the number %s."), number);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
  table_name = g_strdup (od_stmt_get_text (stmt, 0));
  is_import = od_stmt_get_int64 (stmt, 1) != 0;
  undo->at = g_strdup (od_stmt_get_text (stmt, 2));
  undo->file = g_strdup (od_stmt_column_is_null (stmt, 3) ? "" : od_stmt_get_text (stmt, 3));
  is_undo = od_stmt_get_int64 (stmt, 4) != 0;
  has_old = od_stmt_get_int64 (stmt, 5) != 0;
  n_updated = od_stmt_get_int64 (stmt, 6);
  undo->entity = od_import_find_entity (table_name);

  if (!is_import || undo->entity == NULL)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a number: the entry in the history */
                   _("Entry %s of the history is not an import."), number);
      return FALSE;
    }
  if (is_undo)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("This entry is the undo of the import of %s and cannot be undone itself. "
                     "Import the file again instead."), undo->file);
      return FALSE;
    }
  if (!has_old && n_updated > 0)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("The import of %s did not keep the earlier values of the records it "
                     "updated, so it cannot be undone. Restore the backup taken before it "
                     "instead."), undo->file);
      return FALSE;
    }
  return TRUE;
}

static gboolean
undo_check_not_undone (OdDb    *db,
                       Undo    *undo,
                       GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT at FROM audit_log WHERE action = 'import'"
                        " AND json_valid (changes) AND json_extract (changes, '$.undo_of') = ?1"
                        " ORDER BY id LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ROW:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("The import of %s has already been undone."), undo->file);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* Refuses when record ID was changed (or deleted, or purged) after the import. */
static gboolean
undo_check_unchanged (OdDb    *db,
                      Undo    *undo,
                      gint64   id,
                      GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *table = od_db_quote_identifier (undo->entity->name);
  gboolean changed;

  sql = g_strdup_printf ("SELECT r.name, r.updated_at > ?2 OR r.deleted_at IS NOT NULL"
                         " OR EXISTS (SELECT 1 FROM audit_log l WHERE l.table_name = ?3"
                         " AND l.row_id = r.id AND l.id > ?4)"
                         " FROM %s r WHERE r.id = ?1", table);
  stmt = od_db_prepare (db, sql, error);
  if (stmt == NULL
      || !od_stmt_bind_int64 (stmt, 1, id, error)
      || !od_stmt_bind_text (stmt, 2, undo->at, error)
      || !od_stmt_bind_text (stmt, 3, undo->entity->name, error)
      || !od_stmt_bind_int64 (stmt, 4, undo->audit_id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      break;
    case OD_STEP_DONE:
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: %s is a file name */
                   _("A record of the import of %s has been removed for good since, so the "
                     "import cannot be undone. Use the history instead."), undo->file);
      return FALSE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
  name = g_strdup (od_stmt_get_text (stmt, 0));
  changed = od_stmt_get_int64 (stmt, 1) != 0;
  if (changed)
    {
      g_set_error (error, OD_IMPORT_ERROR, OD_IMPORT_ERROR_UNDO,
                   /* Translators: the first %s is a record's name, the second a file name */
                   _("“%s” was changed after the import of %s, so the import cannot be undone. "
                     "Undo those changes first, or use the trash or the history instead."),
                   name, undo->file);
      return FALSE;
    }
  return TRUE;
}

static const OdImportColumn *
entity_column (const OdImportEntity *entity,
               const char           *key)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (g_strcmp0 (entity->columns[i].key, key) == 0)
      return &entity->columns[i];
  return NULL;
}

/* Puts back the values the import changed in record ID. */
static gboolean
undo_restore (OdDb       *db,
              Undo       *undo,
              gint64      id,
              GPtrArray  *values,
              GError    **error)
{
  const OdImportEntity *entity = undo->entity;
  gpointer record;
  gboolean ok;

  record = entity->record_load (db, id, error);
  if (record == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      const OldValue *value = g_ptr_array_index (values, i);
      const OdImportColumn *column = entity_column (entity, value->key);
      gboolean is_null = g_strcmp0 (value->type, "null") == 0 || value->atom == NULL;

      if (column == NULL)
        continue;
      switch (column->storage)
        {
        case OD_IMPORT_STORE_TEXT:
        case OD_IMPORT_STORE_NULLABLE:
          g_free (G_STRUCT_MEMBER (char *, record, column->offset));
          G_STRUCT_MEMBER (char *, record, column->offset) =
            is_null ? (column->storage == OD_IMPORT_STORE_TEXT ? g_strdup ("") : NULL)
                    : g_strdup (value->atom);
          break;
        case OD_IMPORT_STORE_INT:
        case OD_IMPORT_STORE_REF:
          G_STRUCT_MEMBER (gint64, record, column->offset) =
            is_null ? 0 : g_ascii_strtoll (value->atom, NULL, 10);
          break;
        case OD_IMPORT_STORE_ORG_TYPE:
          G_STRUCT_MEMBER (OdOrganizationType, record, column->offset) =
            od_organization_type_from_key (is_null ? "unknown" : value->atom);
          break;
        case OD_IMPORT_STORE_NONE:
        default:
          break;
        }
    }
  ok = entity->save (db, record, error) > 0;
  entity->record_free (record);
  return ok;
}

static gboolean
undo_delete (OdDb        *db,
             Undo        *undo,
             gint64       id,
             GError     **error)
{
  if (g_str_equal (undo->entity->name, "people"))
    return od_person_delete (db, id, error);
  return od_organization_delete (db, id, error);
}

static gboolean
undo_write_audit (OdDb    *db,
                  Undo    *undo,
                  GError **error)
{
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  od_json_begin_object (writer, NULL);
  od_json_int (writer, "undo_of", undo->audit_id);
  od_json_string (writer, "file", undo->file);
  ids_json (writer, "deleted", undo->inserted);
  ids_json (writer, "restored", undo->updated);
  od_json_end_object (writer);
  changes = od_json_writer_finish (g_steal_pointer (&writer));

  /* Translators: the summary of an undone import in the history; %s is a
   * file name, the numbers are records moved to the trash and restored */
  summary = g_strdup_printf (_("Undo of import %s: %u moved to the trash, %u restored"),
                             undo->file, undo->inserted->len, undo->n_restored);
  return od_audit_record (db, undo->entity->name, 0, NULL, "import", changes, summary, error);
}

static gboolean
undo_cb (OdDb      *db,
         gpointer   user_data,
         GError   **error)
{
  Undo *undo = user_data;

  if (!undo_read_entry (db, undo, error)
      || !undo_check_not_undone (db, undo, error)
      || !undo_read_ids (db, undo->audit_id, "$.inserted", undo->inserted, error)
      || !undo_read_ids (db, undo->audit_id, "$.updated", undo->updated, error)
      || !undo_read_old (db, undo, error))
    return FALSE;

  /* Every check before the first change. */
  for (guint i = 0; i < undo->inserted->len; i++)
    if (!undo_check_unchanged (db, undo, g_array_index (undo->inserted, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < undo->updated->len; i++)
    if (!undo_check_unchanged (db, undo, g_array_index (undo->updated, gint64, i), error))
      return FALSE;

  for (guint i = 0; i < undo->updated->len; i++)
    {
      gint64 id = g_array_index (undo->updated, gint64, i);
      GPtrArray *values = g_hash_table_lookup (undo->old, &id);

      if (values == NULL || values->len == 0)
        continue;
      if (!undo_restore (db, undo, id, values, error))
        return FALSE;
      undo->n_restored++;
    }
  for (guint i = 0; i < undo->inserted->len; i++)
    if (!undo_delete (db, undo, g_array_index (undo->inserted, gint64, i), error))
      return FALSE;

  return undo_write_audit (db, undo, error);
}

/**
 * od_import_undo:
 * @db: the database
 * @audit_id: the import's audit entry (#OdImportResult.audit_id)
 * @error: return location for an error
 *
 * Undoes an import as one step, as described in od-import.h.
 *
 * Returns: %TRUE when undone; %FALSE with @error set (and nothing changed)
 */
gboolean
od_import_undo (OdDb    *db,
                gint64   audit_id,
                GError **error)
{
  Undo undo = { 0 };
  gboolean ok;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  undo.audit_id = audit_id;
  undo.inserted = g_array_new (FALSE, FALSE, sizeof (gint64));
  undo.updated = g_array_new (FALSE, FALSE, sizeof (gint64));
  undo.old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  ok = od_db_transaction (db, undo_cb, &undo, error);
  undo_clear (&undo);
  return ok;
}
