/* od-import-entities.c — the entities an import fills, and lookups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organizations and people column tables and how records are matched,
 * loaded and saved (see od-import.h), and the lookups a cell goes through:
 * choice words, areas, categories and organizations by name.
 */
#define G_LOG_DOMAIN "orgdesk-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-import-private.h"
#include "od-lookup-store.h"
#include "od-organization.h"
#include "od-registry-store.h"

/* Organizations suggested when a name is not found. */
#define MAX_SUGGESTIONS 3

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

const OdImportEntity _od_import_entities[] = {
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

/* --- helpers: lookups --- */

char *
_od_import_choices_text (const OdImportChoice *choices)
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
  words = _od_import_join_list (items);
  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (items, g_strdup (g_ptr_array_index (keys, i)));
  key_list = _od_import_join_list (items);
  /* Translators: the first %s lists Chinese words (社会团体, 基金会, …), the
   * second the stored keys (social_group, foundation, …) */
  return g_strdup_printf (_("%s (or the keys %s)"), words, key_list);
}

const char *
_od_import_match_choice (const OdImportChoice *choices,
                         const char           *text)
{
  g_autofree char *wanted = _od_import_normalize_header (text);

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

gint64
_od_import_find_area (Import     *imp,
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
            return _od_import_find_area (imp, rest);
        }
    }
  return 0;
}

char *
_od_import_area_choices (Import *imp)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < imp->areas->len; i++)
    g_ptr_array_add (names, g_strdup (((OdArea *) g_ptr_array_index (imp->areas, i))->name));
  return _od_import_join_list (names);
}

gint64
_od_import_find_category (Import     *imp,
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

char *
_od_import_category_choices (Import *imp)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < imp->categories->len; i++)
    g_ptr_array_add (names,
                     g_strdup (((OdCategory *) g_ptr_array_index (imp->categories, i))->name));
  return _od_import_join_list (names);
}

void
_od_import_org_ref_free (gpointer data)
{
  OrgRef *ref = data;

  g_free (ref->message);
  g_free (ref);
}

/* A live organization by its name, else by a short name only one has;
 * cached per name. */
const OrgRef *
_od_import_find_organization (Import      *imp,
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
          g_autofree char *listed = _od_import_join_list (suggestions);

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
  _od_import_org_ref_free (ref);
  return NULL;
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
  for (guint i = 0; i < G_N_ELEMENTS (_od_import_entities); i++)
    if (g_strcmp0 (_od_import_entities[i].name, name) == 0)
      return &_od_import_entities[i];
  return NULL;
}

/* The entities, for messages. */
const char *
od_import_entities (void)
{
  return "organizations, people";
}
