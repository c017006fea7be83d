/* od-organization-store.c — organizations: reading, validation, saving,
 * listing and searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in one od_db_transaction() with its search row and
 * audit entry; deletes go to the trash (od-trash.h). Searching is
 * od-search.c's; SQL is fixed text chosen by code (the ORDER BY from an
 * enum), user text only ever a bound value.
 */
#define G_LOG_DOMAIN "orgdesk-organization-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-organization-type.h"
#include "od-pinyin.h"
#include "od-registry-entities.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-search.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"

static const OdSearchTables organization_search = {
  "o.id",
  "SELECT rowid FROM organization_fts WHERE organization_fts MATCH ?1",
  "SELECT id FROM organization_search WHERE instr (text, ?2) > 0 OR instr (initials, ?2) > 0",
  "SELECT id FROM organization_search WHERE initials LIKE ?3 OR initials LIKE ?4",
  "SELECT id, initials FROM organization_search WHERE initials LIKE ?3 OR initials LIKE ?4",
};

/* --- organizations: reading --- */

#define ORG_SELECT \
  "SELECT o.id, o.uuid, o.name, o.short_name, o.credit_code, o.credit_code_override," \
  " o.org_type, o.category_id, c.name, o.area_id, a.name, o.registration_level," \
  " o.registered_on, o.supervising_unit, o.legal_representative, o.contact_person," \
  " o.phone, o.address, o.email, o.website, o.status, o.status_date, o.member_since," \
  " o.member_role, o.member_status, o.party_org_form, o.party_members," \
  " o.party_instructor, o.notes, o.created_at, o.updated_at," \
  " (SELECT count(*) FROM people p WHERE p.organization_id = o.id AND p.deleted_at IS NULL)" \
  " FROM organizations o" \
  " LEFT JOIN categories c ON c.id = o.category_id" \
  " LEFT JOIN areas a ON a.id = o.area_id"

static OdOrganizationFields *
org_from_row (OdStmt *stmt)
{
  OdOrganizationFields *f = g_new0 (OdOrganizationFields, 1);
  g_autofree char *type_key = NULL;

  f->id = od_stmt_get_int64 (stmt, 0);
  f->uuid = od_store_dup_column_or_empty (stmt, 1);
  f->name = od_store_dup_column_or_empty (stmt, 2);
  f->short_name = od_store_dup_column_or_empty (stmt, 3);
  f->credit_code = od_store_dup_column (stmt, 4);
  f->credit_code_override = od_store_dup_column_or_empty (stmt, 5);
  type_key = od_store_dup_column (stmt, 6);
  f->org_type = od_organization_type_from_key (type_key);
  f->category_id = od_stmt_get_int64 (stmt, 7);
  f->category_name = od_store_dup_column_or_empty (stmt, 8);
  f->area_id = od_stmt_get_int64 (stmt, 9);
  f->area_name = od_store_dup_column_or_empty (stmt, 10);
  f->registration_level = od_store_dup_column_or_empty (stmt, 11);
  f->registered_on = od_store_dup_column (stmt, 12);
  f->supervising_unit = od_store_dup_column_or_empty (stmt, 13);
  f->legal_representative = od_store_dup_column_or_empty (stmt, 14);
  f->contact_person = od_store_dup_column_or_empty (stmt, 15);
  f->phone = od_store_dup_column_or_empty (stmt, 16);
  f->address = od_store_dup_column_or_empty (stmt, 17);
  f->email = od_store_dup_column_or_empty (stmt, 18);
  f->website = od_store_dup_column_or_empty (stmt, 19);
  f->status = od_store_dup_column_or_empty (stmt, 20);
  f->status_date = od_store_dup_column (stmt, 21);
  f->member_since = od_store_dup_column (stmt, 22);
  f->member_role = od_store_dup_column (stmt, 23);
  f->member_status = od_store_dup_column (stmt, 24);
  f->party_org_form = od_store_dup_column_or_empty (stmt, 25);
  f->party_members = od_stmt_get_int64 (stmt, 26);
  f->party_instructor = od_store_dup_column_or_empty (stmt, 27);
  f->notes = od_store_dup_column_or_empty (stmt, 28);
  f->created_at = od_store_dup_column_or_empty (stmt, 29);
  f->updated_at = od_store_dup_column_or_empty (stmt, 30);
  f->n_people = od_stmt_get_int64 (stmt, 31);

  return f;
}

/* --- organizations: validation --- */

/* A copy of IN as it would be stored: text trimmed (not the notes), empty
 * keys set to their defaults, "" dates and keys as NULL, the credit code
 * and a valid phone number normalized. */
static OdOrganizationFields *
normalize_org (const OdOrganizationFields *in)
{
  OdOrganizationFields *f = od_organization_fields_copy (in);
  g_autofree char *code = NULL;
  gboolean is_mobile;
  char *phone;

  od_store_strip_field (&f->name);
  od_store_strip_field (&f->short_name);
  od_store_strip_field (&f->credit_code_override);
  od_store_strip_field (&f->registration_level);
  od_store_strip_field (&f->supervising_unit);
  od_store_strip_field (&f->legal_representative);
  od_store_strip_field (&f->contact_person);
  od_store_strip_field (&f->phone);
  od_store_strip_field (&f->address);
  od_store_strip_field (&f->email);
  od_store_strip_field (&f->website);
  od_store_strip_field (&f->status);
  od_store_strip_field (&f->party_org_form);
  od_store_strip_field (&f->party_instructor);
  od_store_strip_nullable_field (&f->registered_on);
  od_store_strip_nullable_field (&f->status_date);
  od_store_strip_nullable_field (&f->member_since);
  od_store_strip_nullable_field (&f->member_role);
  od_store_strip_nullable_field (&f->member_status);

  od_store_default_field (&f->registration_level, "city");
  od_store_default_field (&f->status, "active");
  od_store_default_field (&f->party_org_form, "none");

  code = od_store_normalize_code_or_null (f->credit_code);
  g_free (f->credit_code);
  f->credit_code = g_steal_pointer (&code);

  phone = f->phone[0] != '\0' ? od_store_normalize_phone (f->phone, &is_mobile) : NULL;
  if (phone != NULL)
    {
      g_free (f->phone);
      f->phone = phone;
    }

  if (f->org_type < OD_ORGANIZATION_TYPE_UNKNOWN || f->org_type > OD_ORGANIZATION_TYPE_OTHER)
    f->org_type = OD_ORGANIZATION_TYPE_UNKNOWN;

  return f;
}

/* Checks F (normalized) and appends what is wrong to PROBLEMS. CODE gets
 * the credit code's check result (status OD_CODE_EMPTY without a code). */
static gboolean
validate_org (OdDb               *db,
              const OdOrganizationFields  *f,
              GPtrArray          *problems,
              OdCodeResult       *code,
              GError            **error)
{
  gboolean have_reason = f->credit_code_override[0] != '\0';
  gboolean is_mobile;
  gboolean exists;
  GDate today;

  memset (code, 0, sizeof *code);
  code->status = OD_CODE_EMPTY;
  od_store_get_today (db, &today);
  od_entity_check_control_chars (&od_organization_entity, problems, f);

  /* Name: required and unique among live organizations (the index
   * organizations_name would refuse it too, less helpfully). */
  if (f->name[0] == '\0')
    {
      od_problems_add (problems, "name", OD_PROBLEM_ERROR, 0, g_strdup (_("The name is required.")));
    }
  else
    {
      gint64 other = 0;

      if (!od_store_find_other (db, "SELECT id, name FROM organizations WHERE name = ?1"
                                    " AND deleted_at IS NULL AND id <> ?3 LIMIT 1",
                                f->name, NULL, f->id, &other, NULL, error))
        return FALSE;
      if (other != 0)
        od_problems_add (problems, "name", OD_PROBLEM_ERROR, other,
                         /* Translators: %s is an organization's name */
                         g_strdup_printf (_("Another organization is already called “%s”. Open "
                                            "that record instead, or give this one a different "
                                            "name."), f->name));
    }

  /* Credit code (GB 32100-2015, DESIGN.md §2): a failing code is a warning
   * that a reason can overrule, never a silent accept nor a hard block. */
  if (f->credit_code != NULL)
    {
      g_autofree char *other_name = NULL;
      gint64 other = 0;

      od_validate_credit_code (f->credit_code, code);
      if (code->status != OD_CODE_VALID && !have_reason)
        od_problems_add (problems, "credit_code", OD_PROBLEM_WARNING, 0,
                         od_code_result_describe (code, FALSE));

      if (!od_store_find_other (db, "SELECT id, name FROM organizations WHERE credit_code = ?1"
                                    " AND deleted_at IS NULL AND id <> ?3 LIMIT 1",
                                f->credit_code, NULL, f->id, &other, &other_name, error))
        return FALSE;
      if (other != 0)
        od_problems_add (problems, "credit_code", OD_PROBLEM_ERROR, other,
                         /* Translators: the first %s is a credit code, the second an
                          * organization's name */
                         g_strdup_printf (_("The credit code %s is already recorded for “%s”. "
                                            "Check the code, or open that organization "
                                            "instead."),
                                          f->credit_code, other_name));

      /* Position 2 is the type (GB 32100-2015); saving takes it from there. */
      if (code->status == OD_CODE_VALID && code->org_type != OD_ORGANIZATION_TYPE_UNKNOWN
          && f->org_type != OD_ORGANIZATION_TYPE_UNKNOWN && f->org_type != code->org_type)
        od_problems_add (problems, "org_type", OD_PROBLEM_WARNING, 0,
                         /* Translators: both %s are organization types such as “Social group” */
                         g_strdup_printf (_("The credit code is that of a “%s”, but the type is "
                                            "set to “%s”. The type is taken from the code when "
                                            "saving; check the code if the type is right."),
                                          od_organization_type_to_string (code->org_type),
                                          od_organization_type_to_string (f->org_type)));
    }

  if (f->category_id != 0)
    {
      if (!od_store_check_ref_exists (db, "SELECT count(*) FROM categories WHERE id = ?1",
                                      f->category_id, &exists, error))
        return FALSE;
      if (!exists)
        od_problems_add (problems, "category_id", OD_PROBLEM_ERROR, 0,
                         g_strdup (_("The category does not exist (any more). Choose a category "
                                     "from the list.")));
    }
  if (f->area_id != 0)
    {
      if (!od_store_check_ref_exists (db, "SELECT count(*) FROM areas WHERE id = ?1",
                                      f->area_id, &exists, error))
        return FALSE;
      if (!exists)
        od_problems_add (problems, "area_id", OD_PROBLEM_ERROR, 0,
                         g_strdup (_("The district or county does not exist (any more). Choose "
                                     "one from the list.")));
    }

  od_store_check_key (problems, "registration_level", f->registration_level, od_registration_level_choices, FALSE);
  od_store_check_key (problems, "status", f->status, od_organization_status_choices, FALSE);
  od_store_check_key (problems, "member_role", f->member_role, od_member_role_choices, TRUE);
  od_store_check_key (problems, "member_status", f->member_status, od_member_status_choices, TRUE);
  od_store_check_key (problems, "party_org_form", f->party_org_form, od_party_org_form_choices, FALSE);

  if (f->phone[0] != '\0')
    {
      g_autofree char *phone = od_store_normalize_phone (f->phone, &is_mobile);

      if (phone == NULL)
        od_problems_add (problems, "phone", OD_PROBLEM_ERROR, 0,
                         /* Translators: %s is what was typed as a telephone number */
                         g_strdup_printf (_("“%s” is not a telephone number. Type an 11-digit "
                                            "mobile number or a landline with its area code, "
                                            "e.g. 0917-3212345."), f->phone));
    }

  if (f->email[0] != '\0' && !od_store_looks_like_email (f->email))
    od_problems_add (problems, "email", OD_PROBLEM_ERROR, 0,
                     /* Translators: %s is what was typed as an email address */
                     g_strdup_printf (_("“%s” is not an email address. Type it as "
                                        "name@example.com, or leave the field empty."), f->email));

  od_store_check_date_field (problems, "registered_on", f->registered_on, &today);
  od_store_check_date_field (problems, "status_date", f->status_date, &today);
  od_store_check_date_field (problems, "member_since", f->member_since, &today);

  if ((g_strcmp0 (f->status, "deregistered") == 0 || g_strcmp0 (f->status, "revoked") == 0)
      && f->status_date == NULL)
    od_problems_add (problems, "status_date", OD_PROBLEM_WARNING, 0,
                     g_strdup (_("The date of the deregistration or revocation is missing. Type "
                                 "the date from the notice.")));

  if (f->member_role != NULL && f->member_since == NULL)
    od_problems_add (problems, "member_since", OD_PROBLEM_WARNING, 0,
                     g_strdup (_("The date since when it is a member of the association is "
                                 "missing. Type the date of admission.")));

  if (f->party_members < 0)
    od_problems_add (problems, "party_members", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The number of party members cannot be negative. Type 0 if there "
                                 "are none.")));
  /* DESIGN.md §2: 3 or more full members should form their own party
   * organization — a hint, not an error. */
  else if (f->party_members >= 3 && g_strcmp0 (f->party_org_form, "none") == 0)
    od_problems_add (problems, "party_org_form", OD_PROBLEM_HINT, 0,
                     g_strdup (_("With 3 or more full party members the organization should form "
                                 "its own party organization.")));

  return TRUE;
}

static GObject *
org_item_from_row (OdStmt *stmt)
{
  return G_OBJECT (od_organization_new (org_from_row (stmt)));
}

/* --- organizations: writing --- */

static char *
org_search_text (const OdOrganizationFields *f)
{
  const char *pieces[] = {
    f->name, f->short_name, f->credit_code, f->legal_representative, f->contact_person,
  };
  g_autofree char *joined = _od_registry_join_nonempty (pieces, G_N_ELEMENTS (pieces));

  return od_search_fold (joined);
}

static char *
org_search_initials (const OdOrganizationFields *f)
{
  g_autofree char *name_terms = od_pinyin_search_terms (f->name);
  g_autofree char *short_terms = od_pinyin_search_terms (f->short_name);
  const char *pieces[] = { name_terms, short_terms };

  return _od_registry_join_nonempty (pieces, G_N_ELEMENTS (pieces));
}

#define ORG_SEARCH_UPSERT \
  "INSERT INTO organization_search (id, text, initials) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, initials = excluded.initials"

/* People's search text holds their organization's name: rewritten when the
 * organization is renamed. */
static gboolean
refresh_people_search (OdDb        *db,
                       gint64       organization_id,
                       const char  *organization_name,
                       GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT p.id, p.name, p.mobile, s.initials FROM people p"
                        " LEFT JOIN person_search s ON s.id = p.id"
                        " WHERE p.organization_id = ?1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, organization_id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      g_autofree char *text = _od_registry_person_search_text (od_stmt_get_text (stmt, 1),
                                                  od_stmt_get_text (stmt, 2),
                                                  organization_name);
      g_autofree char *initials = NULL;

      if (od_stmt_column_is_null (stmt, 3))
        initials = od_pinyin_search_terms (od_stmt_get_text (stmt, 1));
      else
        initials = g_strdup (od_stmt_get_text (stmt, 3));
      if (!_od_registry_write_search_row (db, OD_REGISTRY_PERSON_SEARCH_UPSERT, od_stmt_get_int64 (stmt, 0),
                             text, initials, error))
        return FALSE;
    }
  return step == OD_STEP_DONE;
}

/* Binds ?1 uuid … ?27 sort_key, ?28 now (the column order of the
 * statements below). */
static gboolean
bind_org (OdStmt             *stmt,
          const OdOrganizationFields  *f,
          const char         *sort_key,
          const char         *now,
          GError            **error)
{
  return od_stmt_bind_text (stmt, 1, f->uuid, error)
         && od_stmt_bind_text (stmt, 2, f->name, error)
         && od_stmt_bind_text (stmt, 3, f->short_name, error)
         && od_stmt_bind_text (stmt, 4, f->credit_code, error)
         && od_stmt_bind_text (stmt, 5, f->credit_code_override, error)
         && od_stmt_bind_text (stmt, 6, od_organization_type_to_key (f->org_type), error)
         && od_store_bind_ref (stmt, 7, f->category_id, error)
         && od_store_bind_ref (stmt, 8, f->area_id, error)
         && od_stmt_bind_text (stmt, 9, f->registration_level, error)
         && od_stmt_bind_text (stmt, 10, f->registered_on, error)
         && od_stmt_bind_text (stmt, 11, f->supervising_unit, error)
         && od_stmt_bind_text (stmt, 12, f->legal_representative, error)
         && od_stmt_bind_text (stmt, 13, f->contact_person, error)
         && od_stmt_bind_text (stmt, 14, f->phone, error)
         && od_stmt_bind_text (stmt, 15, f->address, error)
         && od_stmt_bind_text (stmt, 16, f->email, error)
         && od_stmt_bind_text (stmt, 17, f->website, error)
         && od_stmt_bind_text (stmt, 18, f->status, error)
         && od_stmt_bind_text (stmt, 19, f->status_date, error)
         && od_stmt_bind_text (stmt, 20, f->member_since, error)
         && od_stmt_bind_text (stmt, 21, f->member_role, error)
         && od_stmt_bind_text (stmt, 22, f->member_status, error)
         && od_stmt_bind_text (stmt, 23, f->party_org_form, error)
         && od_stmt_bind_int64 (stmt, 24, f->party_members, error)
         && od_stmt_bind_text (stmt, 25, f->party_instructor, error)
         && od_stmt_bind_text (stmt, 26, f->notes, error)
         && od_stmt_bind_text (stmt, 27, sort_key, error)
         && od_stmt_bind_text (stmt, 28, now, error);
}

/* Checks F, then sets what a valid code says: the type (GB 32100 position
 * 2), and no reason kept for a code that now passes or is gone. */
static gboolean
check_org (OdDb       *db,
           gpointer    record,
           GPtrArray  *problems,
           GError    **error)
{
  OdOrganizationFields *f = record;
  OdCodeResult code;

  if (!validate_org (db, f, problems, &code, error))
    return FALSE;
  if (code.status == OD_CODE_VALID && code.org_type != OD_ORGANIZATION_TYPE_UNKNOWN)
    f->org_type = code.org_type;
  if (code.status == OD_CODE_VALID || code.status == OD_CODE_EMPTY)
    {
      g_free (f->credit_code_override);
      f->credit_code_override = g_strdup ("");
    }
  return TRUE;
}

/* The search row; the people's too when the name changed (theirs holds it). */
static gboolean
write_org_search (OdDb           *db,
                  gconstpointer   record,
                  gconstpointer   old_record,
                  GError        **error)
{
  const OdOrganizationFields *f = record;
  const OdOrganizationFields *old = old_record;
  g_autofree char *text = org_search_text (f);
  g_autofree char *initials = org_search_initials (f);

  return _od_registry_write_search_row (db, ORG_SEARCH_UPSERT, f->id, text, initials, error)
         && (old == NULL || g_strcmp0 (old->name, f->name) == 0
             || refresh_people_search (db, f->id, f->name, error));
}

static const OdRegistryTable organization_table = {
  .entity = &od_organization_entity,
  .select = ORG_SELECT,
  .load_sql = ORG_SELECT " WHERE o.id = ?1 AND o.deleted_at IS NULL",
  .load_any_sql = ORG_SELECT " WHERE o.id = ?1",
  .id_column = "o.id",
  .deleted_column = "o.deleted_at",
  .from_row = (gpointer (*) (OdStmt *)) org_from_row,
  .item_from_row = org_item_from_row,
  .insert_sql = "INSERT INTO organizations (uuid, name, short_name, credit_code,"
                " credit_code_override, org_type, category_id, area_id,"
                " registration_level, registered_on, supervising_unit,"
                " legal_representative, contact_person, phone, address, email,"
                " website, status, status_date, member_since, member_role,"
                " member_status, party_org_form, party_members, party_instructor,"
                " notes, sort_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
                " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?28)",
  .update_sql = "UPDATE organizations SET name = ?2, short_name = ?3,"
                " credit_code = ?4, credit_code_override = ?5, org_type = ?6,"
                " category_id = ?7, area_id = ?8, registration_level = ?9,"
                " registered_on = ?10, supervising_unit = ?11,"
                " legal_representative = ?12, contact_person = ?13, phone = ?14,"
                " address = ?15, email = ?16, website = ?17, status = ?18,"
                " status_date = ?19, member_since = ?20, member_role = ?21,"
                " member_status = ?22, party_org_form = ?23, party_members = ?24,"
                " party_instructor = ?25, notes = ?26, sort_key = ?27,"
                " updated_at = ?28 WHERE id = ?29 AND uuid = ?1",
  .id_index = 29,
  .normalize = (gpointer (*) (gconstpointer)) normalize_org,
  .check = check_org,
  .bind = (gboolean (*) (OdStmt *, gconstpointer, const char *, const char *, GError **)) bind_org,
  .write_search = write_org_search,
};

/* --- sorting --- */

static OdSortSql
org_sort_sql (OdOrganizationSort sort)
{
  switch (sort)
    {
    case OD_ORGANIZATION_SORT_SHORT_NAME:
      return (OdSortSql) { "o.short_name = ''", "o.short_name" };
    case OD_ORGANIZATION_SORT_CREDIT_CODE:
      return (OdSortSql) { "o.credit_code IS NULL", "o.credit_code" };
    case OD_ORGANIZATION_SORT_TYPE:
      return (OdSortSql) { "o.org_type = 'unknown'",
                         "CASE o.org_type WHEN 'social_group' THEN 1 WHEN 'social_service'"
                         " THEN 2 WHEN 'foundation' THEN 3 WHEN 'other' THEN 4 ELSE 5 END" };
    case OD_ORGANIZATION_SORT_AREA:
      return (OdSortSql) { "a.id IS NULL", "a.sort_order" };
    case OD_ORGANIZATION_SORT_CATEGORY:
      return (OdSortSql) { "c.id IS NULL", "c.sort_order" };
    case OD_ORGANIZATION_SORT_STATUS:
      return (OdSortSql) { NULL,
                         "CASE o.status WHEN 'active' THEN 0 WHEN 'deregistered' THEN 1"
                         " ELSE 2 END" };
    case OD_ORGANIZATION_SORT_REGISTERED_ON:
      return (OdSortSql) { "o.registered_on IS NULL", "o.registered_on" };
    case OD_ORGANIZATION_SORT_MEMBER_ROLE:
      return (OdSortSql) { "o.member_role IS NULL",
                         "CASE o.member_role WHEN 'president' THEN 0 WHEN 'vice_president'"
                         " THEN 1 WHEN 'director' THEN 2 ELSE 3 END" };
    case OD_ORGANIZATION_SORT_PARTY:
      /* Organization coverage, then work coverage only, then neither. */
      return (OdSortSql) { NULL,
                         "CASE WHEN o.party_org_form IN ('independent', 'joint') THEN 0"
                         " WHEN o.party_instructor <> '' THEN 1 ELSE 2 END" };
    case OD_ORGANIZATION_SORT_UPDATED_AT:
      return (OdSortSql) { NULL, "o.updated_at" };
    case OD_ORGANIZATION_SORT_NAME:
    default:
      return (OdSortSql) { NULL, "o.sort_key" };
    }
}

/* --- public API --- */

void
od_organization_filter_init (OdOrganizationFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->type = OD_ORGANIZATION_TYPE_UNKNOWN;
  filter->membership = -1;
  filter->party = OD_PARTY_ANY;
  filter->sort = OD_ORGANIZATION_SORT_NAME;
}

/* The filters as conditions on the organizations row ALIAS (?10–?13). */
static gboolean
append_org_filters (GString       *sql,
                    gconstpointer  data,
                    const char    *alias)
{
  const OdOrganizationFilter *filter = data;
  gsize start = sql->len;

  if (filter->type != OD_ORGANIZATION_TYPE_UNKNOWN)
    g_string_append_printf (sql, " AND %s.org_type = ?10", alias);
  if (filter->category_id != 0)
    g_string_append_printf (sql, " AND %s.category_id = ?11", alias);
  if (filter->area_id != 0)
    g_string_append_printf (sql, " AND %s.area_id = ?12", alias);
  if (filter->status != NULL)
    g_string_append_printf (sql, " AND %s.status = ?13", alias);
  if (filter->membership == 0)
    g_string_append_printf (sql, " AND %s.member_role IS NULL", alias);
  else if (filter->membership > 0)
    g_string_append_printf (sql, " AND %s.member_role IS NOT NULL", alias);

  /* DESIGN.md §2 "两个覆盖". */
  switch (filter->party)
    {
    case OD_PARTY_ORG_COVERAGE:
      g_string_append_printf (sql, " AND %s.party_org_form IN ('independent', 'joint')", alias);
      break;
    case OD_PARTY_WORK_ONLY:
      g_string_append_printf (sql, " AND %s.party_org_form = 'none'"
                                   " AND %s.party_instructor <> ''", alias, alias);
      break;
    case OD_PARTY_NONE:
      g_string_append_printf (sql, " AND %s.party_org_form = 'none'"
                                   " AND %s.party_instructor = ''", alias, alias);
      break;
    case OD_PARTY_ANY:
    default:
      break;
    }
  return sql->len > start;
}

static gboolean
bind_org_filters (OdStmt         *stmt,
                  gconstpointer   data,
                  GError        **error)
{
  const OdOrganizationFilter *filter = data;

  return (filter->type == OD_ORGANIZATION_TYPE_UNKNOWN
          || od_stmt_bind_text (stmt, 10, od_organization_type_to_key (filter->type), error))
         && (filter->category_id == 0 || od_stmt_bind_int64 (stmt, 11, filter->category_id, error))
         && (filter->area_id == 0 || od_stmt_bind_int64 (stmt, 12, filter->area_id, error))
         && (filter->status == NULL || od_stmt_bind_text (stmt, 13, filter->status, error));
}

/**
 * od_organization_query_ids:
 * @db: the database
 * @filter: what to list, and in which order
 * @error: return location for an error
 *
 * Returns: (transfer full): the ids (gint64) of the live organizations
 *   matching @filter, in its order; direct search matches come before
 *   matches of initials with characters left out.  %NULL on error.
 */
GArray *
od_organization_query_ids (OdDb                        *db,
                           const OdOrganizationFilter  *filter,
                           GError                     **error)
{
  OdListQuery query = {
    .table = "organizations",
    .alias = "o",
    .search = &organization_search,
    .append_filters = append_org_filters,
    .bind_filters = bind_org_filters,
  };

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  query.query = filter->query;
  query.filter = filter;
  if (filter->sort == OD_ORGANIZATION_SORT_AREA)
    query.joins = "LEFT JOIN areas a ON a.id = o.area_id";
  else if (filter->sort == OD_ORGANIZATION_SORT_CATEGORY)
    query.joins = "LEFT JOIN categories c ON c.id = o.category_id";
  query.sort = org_sort_sql (filter->sort);
  query.descending = filter->descending;
  /* Live names are unique (index organizations_name), so for the name sort
   * the id never breaks a tie, and reversing it too lets SQLite read the
   * index backwards instead of sorting. */
  query.ties = filter->sort == OD_ORGANIZATION_SORT_NAME && filter->descending
               ? "o.id DESC" : "o.sort_key, o.id";
  return od_search_query_ids (db, &query, error);
}

OD_REGISTRY_DEFINE_STORE (od_organization, OdOrganizationFields, organization_table)
