/* od-registry-entities.c — organizations and people in the entity registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity's one field table (audit diff, export columns, import
 * headers), the choices of their enum fields, how an import recognises an
 * existing record, the lookups a cell goes through (areas, categories,
 * organizations by name), and the store functions the import, export and
 * trash call.
 */
#define G_LOG_DOMAIN "orgdesk-registry-entities"

#include "config.h"

#include <inttypes.h>

#include <string.h>

#include <glib/gi18n.h>

#include "od-demo-registry.h"
#include "od-lookup-store.h"
#include "od-organization-type.h"
#include "od-registry-entities.h"
#include "od-registry-stats.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-text.h"
#include "od-trash.h"

/* Organizations suggested when a name is not found. */
#define MAX_SUGGESTIONS 3

/* --- choices --- */

/* DESIGN.md §2 "Codes": types from GB 32100-2015, position 2. */
const OdChoice od_organization_type_choices[] = {
  { "social_group", N_("Social group"), OD_WORDS ("社会团体") },
  { "social_service", N_("Social service organization"), OD_WORDS ("社会服务机构", "民办非企业单位") },
  { "foundation", N_("Foundation"), OD_WORDS ("基金会") },
  { "other", N_("Other"), OD_WORDS ("其他") },
  { "unknown", N_("Unknown"), OD_WORDS ("未知") },
  { NULL, NULL, NULL }
};

const OdChoice od_organization_status_choices[] = {
  { "active", N_("Active"), OD_WORDS ("正常") },
  { "deregistered", N_("Deregistered"), OD_WORDS ("注销") },
  { "revoked", N_("Revoked"), OD_WORDS ("撤销") },
  { NULL, NULL, NULL }
};

const OdChoice od_registration_level_choices[] = {
  { "city", N_("City civil-affairs bureau"), OD_WORDS ("市级") },
  { "county", N_("District or county civil-affairs bureau"), OD_WORDS ("县级", "区县级") },
  { NULL, NULL, NULL }
};

/* DESIGN.md §2: roles in the association; "" = not a member. */
const OdChoice od_member_role_choices[] = {
  { "", N_("Not a member"), NULL },
  { "president", N_("President unit"), OD_WORDS ("会长单位") },
  { "vice_president", N_("Vice-president unit"), OD_WORDS ("副会长单位") },
  { "director", N_("Director unit"), OD_WORDS ("理事单位") },
  { "member", N_("Member unit"), OD_WORDS ("会员单位") },
  { NULL, NULL, NULL }
};

const OdChoice od_member_status_choices[] = {
  { "", N_("—"), NULL },
  { "active", N_("Active member"), OD_WORDS ("正常") },
  { "suspended", N_("Suspended"), OD_WORDS ("暂停") },
  { "withdrawn", N_("Withdrawn"), OD_WORDS ("退会") },
  { NULL, NULL, NULL }
};

/* DESIGN.md §2: party organization form (单独组建 / 联合组建 / none). */
const OdChoice od_party_org_form_choices[] = {
  { "none", N_("No party organization"), OD_WORDS ("无", "未组建") },
  { "independent", N_("Independent party organization"), OD_WORDS ("单独组建") },
  { "joint", N_("Joint party organization"), OD_WORDS ("联合组建") },
  { NULL, NULL, NULL }
};

const OdChoice od_gender_choices[] = {
  { "unknown", N_("Not given"), OD_WORDS ("未知") },
  { "male", N_("Male"), OD_WORDS ("男") },
  { "female", N_("Female"), OD_WORDS ("女") },
  { NULL, NULL, NULL }
};

/* --- lookups --- */

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
find_area (GPtrArray  *areas,
           const char *text)
{
  g_autofree char *stem = NULL;
  gint64 found = 0;
  guint n_found = 0;

  for (guint i = 0; i < areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (areas, i);

      if (g_strcmp0 (area->name, text) == 0 || g_strcmp0 (area->code, text) == 0
          || g_strcmp0 (area->former_code, text) == 0)
        return area->id;
    }

  stem = area_stem (text);
  for (guint i = 0; i < areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (areas, i);
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
  for (guint i = 0; i < areas->len; i++)
    {
      OdArea *area = g_ptr_array_index (areas, i);
      const char *rest;

      if (g_strcmp0 (area->level, "city") != 0)
        continue;
      rest = strstr (text, area->name);
      if (rest != NULL)
        {
          rest += strlen (area->name);
          if (rest[0] != '\0')
            return find_area (areas, rest);
        }
    }
  return 0;
}

/* A district or county by name (凤翔县 or 凤翔区), code or former code. */
static gboolean
lookup_area (OdDb        *db,
             const char  *text,
             gint64      *id,
             char       **problem,
             GError     **error)
{
  g_autoptr(GPtrArray) areas = od_lookup_list_areas (db, error);
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *listed = NULL;

  if (areas == NULL)
    return FALSE;
  folded = od_text_fold_width (text);
  *id = find_area (areas, folded);
  if (*id != 0)
    return TRUE;

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < areas->len; i++)
    g_ptr_array_add (names, g_strdup (((OdArea *) g_ptr_array_index (areas, i))->name));
  listed = od_text_join_list (names);
  /* Translators: the first %s is a cell's text, the second the list of
   * districts and counties */
  *problem = g_strdup_printf (_("“%s” is not a district or county of the city. Write one of: "
                                "%s; or its 6-digit code."), text, listed);
  return TRUE;
}

/* A category by name or key, or one half of "工商服务业/行业协会商会". */
static gboolean
lookup_category (OdDb        *db,
                 const char  *text,
                 gint64      *id,
                 char       **problem,
                 GError     **error)
{
  g_autoptr(GPtrArray) categories = od_lookup_list_categories (db, error);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *listed = NULL;
  gint64 found = 0;
  guint n_found = 0;

  if (categories == NULL)
    return FALSE;
  *id = 0;
  for (guint i = 0; i < categories->len && *id == 0; i++)
    {
      OdCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->name, text) == 0
          || g_ascii_strcasecmp (category->key != NULL ? category->key : "", text) == 0)
        *id = category->id;
    }
  for (guint i = 0; i < categories->len && *id == 0; i++)
    {
      OdCategory *category = g_ptr_array_index (categories, i);
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
  if (*id == 0 && n_found == 1)
    *id = found;
  if (*id != 0)
    return TRUE;

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < categories->len; i++)
    g_ptr_array_add (names, g_strdup (((OdCategory *) g_ptr_array_index (categories, i))->name));
  listed = od_text_join_list (names);
  /* Translators: the first %s is a cell's text, the second the list of
   * categories */
  *problem = g_strdup_printf (_("“%s” is not a category. Write one of: %s; or add the category "
                                "in OrgDesk first."), text, listed);
  return TRUE;
}

gboolean
od_organization_lookup (OdDb        *db,
                        const char  *name,
                        gint64      *id,
                        char       **problem,
                        GError     **error)
{
  g_autofree char *code = g_ascii_strup (name, -1);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  OdStep step;

  *id = 0;
  /* An exact name, credit code or record key wins over a short name. */
  stmt = od_db_prepare (db,
                        "SELECT id, name = ?1 OR credit_code = ?2 OR uuid = ?1, count(*) OVER ()"
                        " FROM organizations WHERE deleted_at IS NULL"
                        " AND (name = ?1 OR short_name = ?1 OR credit_code = ?2 OR uuid = ?1)"
                        " ORDER BY 2 DESC LIMIT 1", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, name, error)
      || !od_stmt_bind_text (stmt, 2, code, error))
    return FALSE;
  step = od_stmt_step (stmt, error);
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (step == OD_STEP_ROW
      && (od_stmt_get_int64 (stmt, 1) != 0 || od_stmt_get_int64 (stmt, 2) == 1))
    *id = od_stmt_get_int64 (stmt, 0);
  if (*id != 0)
    return TRUE;

  g_clear_pointer (&stmt, od_stmt_free);
  suggestions = g_ptr_array_new_with_free_func (g_free);
  stmt = od_db_prepare (db,
                        "SELECT name FROM organizations WHERE deleted_at IS NULL"
                        " AND (instr (name, ?1) > 0 OR instr (?1, name) > 0)"
                        " ORDER BY sort_key LIMIT " G_STRINGIFY (MAX_SUGGESTIONS), error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, name, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    g_ptr_array_add (suggestions, g_strdup_printf ("“%s”", od_stmt_get_text (stmt, 0)));
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (suggestions->len > 0)
    {
      g_autofree char *listed = od_text_join_list (suggestions);

      /* Translators: the first %s is an organization name from the file,
       * the second a list of similar names in the registry */
      *problem = g_strdup_printf (_("No organization is called “%s”. Did you mean %s? "
                                    "Correct the name in the file."), name, listed);
    }
  else
    /* Translators: %s is an organization name from the file */
    *problem = g_strdup_printf (_("No organization is called “%s”. Import the "
                                  "organizations first, or correct the name."), name);
  return TRUE;
}

/* --- fields --- */

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })

#define ORG_FIELD(key_, label_, input_, kind_, member_, ...) \
  { .key = key_, .label = label_, .input = input_, .kind = kind_, \
    .offset = G_STRUCT_OFFSET (OdOrganizationFields, member_), __VA_ARGS__ }
#define PERSON_FIELD(key_, label_, input_, kind_, member_, ...) \
  { .key = key_, .label = label_, .input = input_, .kind = kind_, \
    .offset = G_STRUCT_OFFSET (OdPersonFields, member_), __VA_ARGS__ }

/* One table per entity: the audit diff (member names), the export (these
 * keys, in this order) and the import (headers, choices, lookups). */
static const OdEntityField organization_fields[] = {
  ORG_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  ORG_FIELD ("name", N_("Name"), OD_INPUT_TEXT, OD_FIELD_TEXT, name,
             .headers = HEADERS ("单位名称", "组织名称", "名称", "社会组织名称", "机构名称"),
             .required = TRUE),
  ORG_FIELD ("short_name", N_("Short name"), OD_INPUT_TEXT, OD_FIELD_TEXT, short_name,
             .headers = HEADERS ("简称", "单位简称")),
  ORG_FIELD ("credit_code", N_("Unified social credit code"), OD_INPUT_CODE, OD_FIELD_NULLABLE,
             credit_code, .headers = HEADERS ("统一社会信用代码", "信用代码", "社会信用代码")),
  ORG_FIELD ("credit_code_override", N_("Reason to keep a failing code"), OD_INPUT_TEXT,
             OD_FIELD_TEXT, credit_code_override, .headers = HEADERS ("保留理由")),
  ORG_FIELD ("org_type", N_("Type"), OD_INPUT_CHOICE, OD_FIELD_ENUM, org_type,
             .headers = HEADERS ("类型", "组织类型", "社会组织类型"),
             .choices = od_organization_type_choices,
             .enum_from_key = (int (*) (const char *)) od_organization_type_from_key,
             .enum_to_key = (const char *(*) (int)) od_organization_type_to_key),
  ORG_FIELD ("category", N_("Category"), OD_INPUT_LOOKUP, OD_FIELD_REF, category_id,
             .member = "category_id",
             .text_offset = G_STRUCT_OFFSET (OdOrganizationFields, category_name),
             .headers = HEADERS ("业务类别", "类别", "业务范围类别"), .lookup = lookup_category),
  ORG_FIELD ("area", N_("District or county"), OD_INPUT_LOOKUP, OD_FIELD_REF, area_id,
             .member = "area_id",
             .text_offset = G_STRUCT_OFFSET (OdOrganizationFields, area_name),
             .headers = HEADERS ("所属区县", "区县", "所在地区", "所属地区"), .lookup = lookup_area),
  ORG_FIELD ("registration_level", N_("Registered at"), OD_INPUT_CHOICE, OD_FIELD_TEXT,
             registration_level, .headers = HEADERS ("登记级别", "登记层级"),
             .choices = od_registration_level_choices),
  ORG_FIELD ("registered_on", N_("Registered on"), OD_INPUT_DATE, OD_FIELD_NULLABLE, registered_on,
             .headers = HEADERS ("登记日期", "成立日期", "成立时间", "登记时间")),
  ORG_FIELD ("supervising_unit", N_("Supervising unit"), OD_INPUT_TEXT, OD_FIELD_TEXT,
             supervising_unit, .headers = HEADERS ("业务主管单位", "主管单位")),
  ORG_FIELD ("legal_representative", N_("Legal representative"), OD_INPUT_TEXT, OD_FIELD_TEXT,
             legal_representative, .headers = HEADERS ("法定代表人", "法人代表")),
  ORG_FIELD ("contact_person", N_("Contact person"), OD_INPUT_TEXT, OD_FIELD_TEXT, contact_person,
             .headers = HEADERS ("联系人")),
  ORG_FIELD ("phone", N_("Telephone"), OD_INPUT_PHONE, OD_FIELD_TEXT, phone,
             .headers = HEADERS ("联系电话", "电话", "手机")),
  ORG_FIELD ("address", N_("Address"), OD_INPUT_TEXT, OD_FIELD_TEXT, address,
             .headers = HEADERS ("住所", "地址", "办公地址")),
  ORG_FIELD ("email", N_("Email"), OD_INPUT_TEXT, OD_FIELD_TEXT, email,
             .headers = HEADERS ("邮箱", "电子邮箱")),
  ORG_FIELD ("website", N_("Website"), OD_INPUT_TEXT, OD_FIELD_TEXT, website,
             .headers = HEADERS ("网址", "网站")),
  ORG_FIELD ("status", N_("Status"), OD_INPUT_CHOICE, OD_FIELD_TEXT, status,
             .headers = HEADERS ("状态", "登记状态"), .choices = od_organization_status_choices),
  ORG_FIELD ("status_date", N_("Status since"), OD_INPUT_DATE, OD_FIELD_NULLABLE, status_date,
             .headers = HEADERS ("注销日期", "撤销日期", "状态日期")),
  ORG_FIELD ("member_since", N_("Member since"), OD_INPUT_DATE, OD_FIELD_NULLABLE, member_since,
             .headers = HEADERS ("入会日期", "入会时间")),
  ORG_FIELD ("member_role", N_("Role in the association"), OD_INPUT_CHOICE, OD_FIELD_NULLABLE,
             member_role, .headers = HEADERS ("会员类别", "会内职务"),
             .choices = od_member_role_choices),
  ORG_FIELD ("member_status", N_("Membership status"), OD_INPUT_CHOICE, OD_FIELD_NULLABLE,
             member_status, .headers = HEADERS ("会员状态"), .choices = od_member_status_choices),
  ORG_FIELD ("party_org_form", N_("Party organization"), OD_INPUT_CHOICE, OD_FIELD_TEXT,
             party_org_form, .headers = HEADERS ("党组织形式", "党组织组建形式"),
             .choices = od_party_org_form_choices),
  ORG_FIELD ("party_members", N_("Party members"), OD_INPUT_COUNT, OD_FIELD_INT, party_members,
             .headers = HEADERS ("党员人数", "正式党员人数", "党员数")),
  ORG_FIELD ("party_instructor", N_("Party-building instructor"), OD_INPUT_TEXT, OD_FIELD_TEXT,
             party_instructor, .headers = HEADERS ("党建指导员", "党建联络员")),
  ORG_FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
             .headers = HEADERS ("备注")),
  ORG_FIELD ("created_at", N_("Created at"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, created_at),
  ORG_FIELD ("updated_at", N_("Updated"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, updated_at),
};

static const OdEntityField person_fields[] = {
  PERSON_FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  PERSON_FIELD ("name", N_("Name"), OD_INPUT_TEXT, OD_FIELD_TEXT, name,
                .headers = HEADERS ("姓名"), .required = TRUE),
  PERSON_FIELD ("gender", N_("Gender"), OD_INPUT_CHOICE, OD_FIELD_TEXT, gender,
                .headers = HEADERS ("性别"), .choices = od_gender_choices),
  PERSON_FIELD ("organization", N_("Organization"), OD_INPUT_LOOKUP, OD_FIELD_REF,
                organization_id, .member = "organization_id",
                .text_offset = G_STRUCT_OFFSET (OdPersonFields, organization_name),
                .headers = HEADERS ("所在单位", "单位", "工作单位", "单位名称"),
                .lookup = od_organization_lookup),
  PERSON_FIELD ("position", N_("Position"), OD_INPUT_TEXT, OD_FIELD_TEXT, position,
                .headers = HEADERS ("职务")),
  PERSON_FIELD ("mobile", N_("Mobile"), OD_INPUT_MOBILE, OD_FIELD_TEXT, mobile,
                .headers = HEADERS ("手机", "手机号码", "手机号", "联系电话")),
  PERSON_FIELD ("id_number", N_("ID number"), OD_INPUT_CODE, OD_FIELD_ID_NUMBER, id_number,
                .headers = HEADERS ("身份证号", "身份证号码", "公民身份号码")),
  PERSON_FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
                .headers = HEADERS ("备注")),
  PERSON_FIELD ("created_at", N_("Created at"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, created_at),
  PERSON_FIELD ("updated_at", N_("Updated"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, updated_at),
};

static const OdEntityMatch organization_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM organizations WHERE uuid = ?1", TRUE },
  { { "credit_code", NULL }, N_("credit code"),
    "SELECT id FROM organizations WHERE credit_code = ?1 AND deleted_at IS NULL", FALSE },
  { { "name", NULL }, N_("name"),
    "SELECT id FROM organizations WHERE name = ?1 AND deleted_at IS NULL", FALSE },
};

static const OdEntityMatch person_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM people WHERE uuid = ?1", TRUE },
  { { "id_number", NULL }, N_("ID number"),
    "SELECT id FROM people WHERE id_number = ?1 AND deleted_at IS NULL", FALSE },
  { { "name", "mobile", NULL }, N_("name and mobile number"),
    "SELECT id FROM people WHERE name = ?1 AND mobile = ?2 AND deleted_at IS NULL"
    " ORDER BY id LIMIT 1", FALSE },
};

/* --- the store functions, typed for the registry --- */

static gpointer
organization_record_new (void)
{
  return od_organization_fields_new ();
}

static gpointer
organization_record_load (OdDb    *db,
                          gint64   id,
                          GError **error)
{
  return od_organization_load (db, id, error);
}

static gpointer
organization_record_load_any (OdDb    *db,
                              gint64   id,
                              GError **error)
{
  return _od_organization_load_row (db, id, TRUE, error);
}

static void
organization_record_free (gpointer record)
{
  od_organization_fields_free (record);
}

static GPtrArray *
organization_validate (OdDb          *db,
                       gconstpointer  record)
{
  return od_organization_validate (db, record);
}

static gint64
organization_save (OdDb           *db,
                   gconstpointer   record,
                   GError        **error)
{
  return od_organization_save (db, record, error);
}

static char *
organization_describe (gconstpointer record)
{
  return g_strdup (((const OdOrganizationFields *) record)->name);
}

static gconstpointer
organization_item_record (gpointer item)
{
  return od_organization_get_fields (OD_ORGANIZATION (item));
}

static gboolean
organization_check_restore (OdDb           *db,
                            gconstpointer   record,
                            GError        **error)
{
  return _od_registry_org_check_restore (db, record, error);
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

static gpointer
person_record_load_any (OdDb    *db,
                        gint64   id,
                        GError **error)
{
  return _od_person_load_row (db, id, TRUE, error);
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

static char *
person_describe (gconstpointer record)
{
  return _od_registry_person_label (record);
}

static gconstpointer
person_item_record (gpointer item)
{
  return od_person_get_fields (OD_PERSON (item));
}

static gboolean
person_check_restore (OdDb           *db,
                      gconstpointer   record,
                      GError        **error)
{
  return _od_registry_person_check_restore (db, record, error);
}

/* --- the entities --- */

const OdEntity od_organization_entity = {
  .name = "organizations",
  .noun = N_("organization"),
  .plural = N_("Organizations"),
  .kind = N_("Organization"),
  .count_text = NN_ ("%" PRId64 " organization", "%" PRId64 " organizations"),
  .fields = organization_fields,
  .n_fields = G_N_ELEMENTS (organization_fields),
  .matches = organization_matches,
  .n_matches = G_N_ELEMENTS (organization_matches),
  .reason_field = "credit_code",
  .reason_key = "credit_code_override",
  .id_offset = G_STRUCT_OFFSET (OdOrganizationFields, id),
  .uuid_offset = G_STRUCT_OFFSET (OdOrganizationFields, uuid),
  .record_new = organization_record_new,
  .record_load = organization_record_load,
  .record_free = organization_record_free,
  .validate = organization_validate,
  .save = organization_save,
  .describe = organization_describe,
  .list_order = "sort_key, id",   /* the pinyin of the name */
  .load_items = od_organization_load_items,
  .item_record = organization_item_record,
  .trash = od_organization_delete,
  .check_restore = organization_check_restore,
  .check_purge = _od_registry_org_check_purge,
  .record_load_any = organization_record_load_any,
};

const OdEntity od_person_entity = {
  .name = "people",
  .noun = N_("person"),
  .plural = N_("People"),
  .kind = N_("Person"),
  .count_text = NN_ ("%" PRId64 " person", "%" PRId64 " people"),
  .fields = person_fields,
  .n_fields = G_N_ELEMENTS (person_fields),
  .matches = person_matches,
  .n_matches = G_N_ELEMENTS (person_matches),
  .id_offset = G_STRUCT_OFFSET (OdPersonFields, id),
  .uuid_offset = G_STRUCT_OFFSET (OdPersonFields, uuid),
  .record_new = person_record_new,
  .record_load = person_record_load,
  .record_free = person_record_free,
  .validate = person_validate,
  .save = person_save,
  .describe = person_describe,
  .list_order = "sort_key, id",
  .load_items = od_person_load_items,
  .item_record = person_item_record,
  .trash = od_person_delete,
  .check_restore = person_check_restore,
  .record_load_any = person_record_load_any,
};

void
od_registry_register_entities (void)
{
  od_entity_register (&od_organization_entity);
  od_entity_register (&od_person_entity);
}

/* The lookups come with the first migration. */
static const char *const registry_seeded_tables[] = { "areas", "categories", NULL };

const OdDomain od_registry_domain = {
  .seeded_tables = registry_seeded_tables,
  .name = "registry",
  .register_entities = od_registry_register_entities,
  .stats = &od_registry_stats_domain,
  .load_demo = od_demo_load_registry,
};
