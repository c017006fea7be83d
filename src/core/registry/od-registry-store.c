/* od-registry-store.c — organizations and people: validation, saving,
 * search, soft delete, the trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change runs in one od_db_transaction(): validation, the row, its
 * search row and one audit entry (DESIGN.md §3) succeed or fail together.
 * Deletes are soft: the row keeps deleted_at and a trash entry until it is
 * restored or purged; every query here excludes deleted rows.
 *
 * Search (od_organization_query_ids(), od_person_query_ids()) picks a path
 * by the length of the trimmed query, because SQLite's FTS5 trigram
 * tokenizer finds nothing for 1–2 character patterns (DESIGN.md §8):
 *
 * - 3 characters or more: `organization_fts MATCH ?` with the query as one
 *   FTS5 string ("…", inner quotes doubled), i.e. a substring of the text
 *   (names, code, representative, contact) or of the pinyin initials;
 * - 1–2 characters: instr() over the narrow organization_search table;
 * - 3 or more ASCII letters, in addition: the initials of a name with
 *   characters left out ("bjsyx" for 宝鸡市养生协会, bjsysxh), as a
 *   subsequence of a term of the initials starting at its first letter.
 *   Candidates come from `initials LIKE 'b%'`, the check is done in C.
 *   Those rows come after the substring matches, fewest characters left
 *   out first.
 *
 * When searching, the matching ids drive the query; without a search the
 * sort_key index is read in order and deleted or filtered-out rows are
 * tested against one set made by a single scan (measured with
 * tests/bench-search.c: every keystroke under 0.1 s with 100,000
 * organizations).
 *
 * SQL is fixed text chosen by code (the ORDER BY from an enum); user text
 * only ever reaches SQLite as a bound value.
 */
#define G_LOG_DOMAIN "orgdesk-registry-store"

#include <string.h>

#include <glib/gi18n.h>

#include "od-audit.h"
#include "od-pinyin.h"
#include "od-registry-entities.h"
#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"

/* Rows per `id IN (…)` when loading items: well below SQLite's limit of
 * bound values, and a screenful of rows many times over. */
#define LOAD_BATCH 500

/* Space-joined, dropping empty pieces. */
static char *
join_nonempty (const char *const *pieces,
               guint              n_pieces)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_pieces; i++)
    {
      if (pieces[i] == NULL || pieces[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, pieces[i]);
    }
  return g_string_free (out, FALSE);
}

/* --- helpers: problems --- */

/* Sets ERROR from the first blocking problem; FALSE when none blocks.
 * CODE_FIELD, if not NULL, is the field whose warnings need a reason. */
static gboolean
set_error_from_problems (GPtrArray   *problems,
                         const char  *code_field,
                         const char  *override,
                         GError     **error)
{
  for (guint i = 0; i < problems->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == OD_PROBLEM_ERROR)
        {
          g_set_error_literal (error, OD_REGISTRY_ERROR,
                               problem->other_id != 0 ? OD_REGISTRY_ERROR_DUPLICATE
                                                      : OD_REGISTRY_ERROR_INVALID,
                               problem->message);
          return TRUE;
        }
    }

  if (code_field == NULL || (override != NULL && override[0] != '\0'))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      OdProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == OD_PROBLEM_WARNING && g_strcmp0 (problem->field, code_field) == 0)
        {
          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NEEDS_REASON,
                       "%s %s", problem->message, _("To keep it, give a reason."));
          return TRUE;
        }
    }
  return FALSE;
}

/* --- helpers: statements --- */

/* Counts the live rows of organizations or people. */
static gint64
count_live (OdDb        *db,
            const char  *sql,
            GError     **error)
{
  gint64 n = 0;

  if (!od_db_query_int64 (db, sql, &n, error))
    return -1;
  return n;
}

/* "?,?,…" for N values: built from a count only, never from data. */
static char *
placeholders (guint n)
{
  GString *out = g_string_sized_new (n * 2);

  for (guint i = 0; i < n; i++)
    g_string_append (out, i == 0 ? "?" : ",?");
  return g_string_free (out, FALSE);
}

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

/* The row ID, live or (with INCLUDE_DELETED) in the trash; NULL without an
 * error when there is none. */
OdOrganizationFields *
_od_registry_load_org_row (OdDb      *db,
                           gint64     id,
                           gboolean   include_deleted,
                           GError   **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        include_deleted ? ORG_SELECT " WHERE o.id = ?1"
                                        : ORG_SELECT " WHERE o.id = ?1 AND o.deleted_at IS NULL",
                        error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  if (od_stmt_step (stmt, error) == OD_STEP_ROW)
    return org_from_row (stmt);
  return NULL;
}

void
_od_registry_set_org_not_found (GError **error,
                                gint64   id)
{
  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
               /* Translators: %lld is a record number */
               _("Organization %lld does not exist or is in the trash. Reload the list; "
                 "to edit it again, restore it from the trash first."),
               (long long) id);
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
      g_autoptr(OdStmt) stmt = NULL;
      gint64 other = 0;

      stmt = od_db_prepare (db,
                            "SELECT id FROM organizations WHERE name = ?1"
                            " AND deleted_at IS NULL AND id <> ?2 LIMIT 1", error);
      if (stmt == NULL
          || !od_stmt_bind_text (stmt, 1, f->name, error)
          || !od_stmt_bind_int64 (stmt, 2, f->id, error)
          || !od_stmt_step_int64 (stmt, &other, error))
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
      g_autoptr(OdStmt) stmt = NULL;
      gint64 other = 0;

      od_validate_credit_code (f->credit_code, code);
      if (code->status != OD_CODE_VALID && !have_reason)
        od_problems_add (problems, "credit_code", OD_PROBLEM_WARNING, 0,
                         od_code_result_describe (code, FALSE));

      stmt = od_db_prepare (db,
                            "SELECT id, name FROM organizations WHERE credit_code = ?1"
                            " AND deleted_at IS NULL AND id <> ?2 LIMIT 1", error);
      if (stmt == NULL
          || !od_stmt_bind_text (stmt, 1, f->credit_code, error)
          || !od_stmt_bind_int64 (stmt, 2, f->id, error))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          other = od_stmt_get_int64 (stmt, 0);
          od_problems_add (problems, "credit_code", OD_PROBLEM_ERROR, other,
                           /* Translators: the first %s is a credit code, the second an
                            * organization's name */
                           g_strdup_printf (_("The credit code %s is already recorded for “%s”. "
                                              "Check the code, or open that organization "
                                              "instead."),
                                            f->credit_code, od_stmt_get_text (stmt, 1)));
          break;
        case OD_STEP_DONE:
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }

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

/* --- organizations: writing --- */

static char *
org_search_text (const OdOrganizationFields *f)
{
  const char *pieces[] = {
    f->name, f->short_name, f->credit_code, f->legal_representative, f->contact_person,
  };
  g_autofree char *joined = join_nonempty (pieces, G_N_ELEMENTS (pieces));

  return _od_registry_search_fold (joined);
}

static char *
org_search_initials (const OdOrganizationFields *f)
{
  g_autofree char *name_terms = od_pinyin_search_terms (f->name);
  g_autofree char *short_terms = od_pinyin_search_terms (f->short_name);
  const char *pieces[] = { name_terms, short_terms };

  return join_nonempty (pieces, G_N_ELEMENTS (pieces));
}

static gboolean
write_search_row (OdDb        *db,
                  const char  *sql,
                  gint64       id,
                  const char  *text,
                  const char  *initials,
                  GError     **error)
{
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);

  return stmt != NULL
         && od_stmt_bind_int64 (stmt, 1, id, error)
         && od_stmt_bind_text (stmt, 2, text, error)
         && od_stmt_bind_text (stmt, 3, initials, error)
         && od_stmt_run (stmt, error);
}

#define ORG_SEARCH_UPSERT \
  "INSERT INTO organization_search (id, text, initials) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, initials = excluded.initials"

#define PERSON_SEARCH_UPSERT \
  "INSERT INTO person_search (id, text, initials) VALUES (?1, ?2, ?3)" \
  " ON CONFLICT (id) DO UPDATE SET text = excluded.text, initials = excluded.initials"

static char *
person_search_text (const char *name,
                    const char *mobile,
                    const char *organization_name)
{
  const char *pieces[] = { name, mobile, organization_name };
  g_autofree char *joined = join_nonempty (pieces, G_N_ELEMENTS (pieces));

  return _od_registry_search_fold (joined);
}

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
      g_autofree char *text = person_search_text (od_stmt_get_text (stmt, 1),
                                                  od_stmt_get_text (stmt, 2),
                                                  organization_name);
      g_autofree char *initials = NULL;

      if (od_stmt_column_is_null (stmt, 3))
        initials = od_pinyin_search_terms (od_stmt_get_text (stmt, 1));
      else
        initials = g_strdup (od_stmt_get_text (stmt, 3));
      if (!write_search_row (db, PERSON_SEARCH_UPSERT, od_stmt_get_int64 (stmt, 0),
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

typedef struct
{
  const OdOrganizationFields *fields;
  gint64             id;
} OrgSaveData;

static gboolean
org_save_cb (OdDb      *db,
             gpointer   user_data,
             GError   **error)
{
  OrgSaveData *data = user_data;
  g_autoptr(OdOrganizationFields) f = normalize_org (data->fields);
  g_autoptr(OdOrganizationFields) old = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *initials = NULL;
  OdCodeResult code;

  if (f->id != 0)
    {
      g_autoptr(GError) local_error = NULL;

      old = _od_registry_load_org_row (db, f->id, FALSE, &local_error);
      if (old == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            _od_registry_set_org_not_found (error, f->id);
          return FALSE;
        }
    }

  if (!validate_org (db, f, problems, &code, error))
    return FALSE;
  sorted = od_problems_sorted (problems);
  if (set_error_from_problems (sorted, "credit_code", f->credit_code_override, error))
    return FALSE;

  /* A valid code says what the organization is (GB 32100 position 2); a
   * reason kept for a code that now passes, or is gone, means nothing. */
  if (code.status == OD_CODE_VALID && code.org_type != OD_ORGANIZATION_TYPE_UNKNOWN)
    f->org_type = code.org_type;
  if (code.status == OD_CODE_VALID || code.status == OD_CODE_EMPTY)
    {
      g_free (f->credit_code_override);
      f->credit_code_override = g_strdup ("");
    }

  now = od_db_now (db);
  sort_key = od_pinyin_sort_key (f->name);

  if (old == NULL)
    {
      if (f->uuid[0] == '\0')
        {
          g_free (f->uuid);
          f->uuid = g_uuid_string_random ();
        }
      stmt = od_db_prepare (db,
                            "INSERT INTO organizations (uuid, name, short_name, credit_code,"
                            " credit_code_override, org_type, category_id, area_id,"
                            " registration_level, registered_on, supervising_unit,"
                            " legal_representative, contact_person, phone, address, email,"
                            " website, status, status_date, member_since, member_role,"
                            " member_status, party_org_form, party_members, party_instructor,"
                            " notes, sort_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
                            " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                            " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?28)", error);
      if (stmt == NULL || !bind_org (stmt, f, sort_key, now, error) || !od_stmt_run (stmt, error))
        return FALSE;
      f->id = od_db_last_insert_rowid (db);
      changes = od_entity_changes_json (&od_organization_entity, NULL, f);
    }
  else
    {
      changes = od_entity_changes_json (&od_organization_entity, old, f);
      if (changes == NULL)
        {
          /* Nothing changed: no audit entry, updated_at stays. */
          data->id = f->id;
          return TRUE;
        }
      g_free (f->uuid);
      f->uuid = g_strdup (old->uuid);
      stmt = od_db_prepare (db,
                            "UPDATE organizations SET name = ?2, short_name = ?3,"
                            " credit_code = ?4, credit_code_override = ?5, org_type = ?6,"
                            " category_id = ?7, area_id = ?8, registration_level = ?9,"
                            " registered_on = ?10, supervising_unit = ?11,"
                            " legal_representative = ?12, contact_person = ?13, phone = ?14,"
                            " address = ?15, email = ?16, website = ?17, status = ?18,"
                            " status_date = ?19, member_since = ?20, member_role = ?21,"
                            " member_status = ?22, party_org_form = ?23, party_members = ?24,"
                            " party_instructor = ?25, notes = ?26, sort_key = ?27,"
                            " updated_at = ?28 WHERE id = ?29 AND uuid = ?1", error);
      if (stmt == NULL || !bind_org (stmt, f, sort_key, now, error)
          || !od_stmt_bind_int64 (stmt, 29, f->id, error) || !od_stmt_run (stmt, error))
        return FALSE;
    }

  text = org_search_text (f);
  initials = org_search_initials (f);
  if (!write_search_row (db, ORG_SEARCH_UPSERT, f->id, text, initials, error))
    return FALSE;
  if (old != NULL && g_strcmp0 (old->name, f->name) != 0
      && !refresh_people_search (db, f->id, f->name, error))
    return FALSE;

  if (!od_audit_record (db, "organizations", f->id, f->uuid, old == NULL ? "insert" : "update",
                        changes, f->name, error))
    return FALSE;

  data->id = f->id;
  return TRUE;
}

/* --- people: reading --- */

#define PERSON_SELECT \
  "SELECT p.id, p.uuid, p.name, p.gender, p.organization_id, o.name, p.position," \
  " p.mobile, p.id_number, p.notes, p.created_at, p.updated_at" \
  " FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"

static OdPersonFields *
person_from_row (OdStmt *stmt)
{
  OdPersonFields *f = g_new0 (OdPersonFields, 1);

  f->id = od_stmt_get_int64 (stmt, 0);
  f->uuid = od_store_dup_column_or_empty (stmt, 1);
  f->name = od_store_dup_column_or_empty (stmt, 2);
  f->gender = od_store_dup_column_or_empty (stmt, 3);
  f->organization_id = od_stmt_get_int64 (stmt, 4);
  f->organization_name = od_store_dup_column_or_empty (stmt, 5);
  f->position = od_store_dup_column_or_empty (stmt, 6);
  f->mobile = od_store_dup_column_or_empty (stmt, 7);
  f->id_number = od_store_dup_column (stmt, 8);
  f->notes = od_store_dup_column_or_empty (stmt, 9);
  f->created_at = od_store_dup_column_or_empty (stmt, 10);
  f->updated_at = od_store_dup_column_or_empty (stmt, 11);

  return f;
}

OdPersonFields *
_od_registry_load_person_row (OdDb      *db,
                              gint64     id,
                              gboolean   include_deleted,
                              GError   **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        include_deleted ? PERSON_SELECT " WHERE p.id = ?1"
                                        : PERSON_SELECT " WHERE p.id = ?1 AND p.deleted_at IS NULL",
                        error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  if (od_stmt_step (stmt, error) == OD_STEP_ROW)
    return person_from_row (stmt);
  return NULL;
}

void
_od_registry_set_person_not_found (GError **error,
                                   gint64   id)
{
  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
               /* Translators: %lld is a record number */
               _("Person %lld does not exist or is in the trash. Reload the list; to edit "
                 "the record again, restore it from the trash first."),
               (long long) id);
}

/* --- people: validation --- */

static OdPersonFields *
normalize_person (const OdPersonFields *in)
{
  OdPersonFields *f = od_person_fields_copy (in);
  g_autofree char *id_number = NULL;
  gboolean is_mobile;
  char *mobile;

  od_store_strip_field (&f->name);
  od_store_strip_field (&f->gender);
  od_store_strip_field (&f->position);
  od_store_strip_field (&f->mobile);
  od_store_default_field (&f->gender, "unknown");

  mobile = f->mobile[0] != '\0' ? od_store_normalize_phone (f->mobile, &is_mobile) : NULL;
  if (mobile != NULL && is_mobile)
    {
      g_free (f->mobile);
      f->mobile = mobile;
    }
  else
    g_free (mobile);

  id_number = od_store_normalize_code_or_null (f->id_number);
  g_free (f->id_number);
  f->id_number = g_steal_pointer (&id_number);

  return f;
}

static gboolean
validate_person (OdDb                  *db,
                 const OdPersonFields  *f,
                 GPtrArray             *problems,
                 OdCodeResult          *id_result,
                 GError               **error)
{
  memset (id_result, 0, sizeof *id_result);
  id_result->status = OD_CODE_EMPTY;
  od_entity_check_control_chars (&od_person_entity, problems, f);

  if (f->name[0] == '\0')
    od_problems_add (problems, "name", OD_PROBLEM_ERROR, 0, g_strdup (_("The name is required.")));

  od_store_check_key (problems, "gender", f->gender, od_gender_choices, FALSE);

  if (f->organization_id != 0)
    {
      g_autoptr(OdStmt) stmt = NULL;

      stmt = od_db_prepare (db, "SELECT name, deleted_at IS NOT NULL FROM organizations"
                                " WHERE id = ?1", error);
      if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, f->organization_id, error))
        return FALSE;
      switch (od_stmt_step (stmt, error))
        {
        case OD_STEP_ROW:
          if (od_stmt_get_int64 (stmt, 1) != 0)
            od_problems_add (problems, "organization_id", OD_PROBLEM_ERROR, 0,
                             /* Translators: %s is an organization's name */
                             g_strdup_printf (_("“%s” is in the trash. Restore it first, or "
                                                "choose another organization."),
                                              od_stmt_get_text (stmt, 0)));
          break;
        case OD_STEP_DONE:
          od_problems_add (problems, "organization_id", OD_PROBLEM_ERROR, 0,
                           g_strdup (_("The organization does not exist (any more). Choose "
                                       "the organization again.")));
          break;
        case OD_STEP_ERROR:
        default:
          return FALSE;
        }
    }

  if (f->mobile[0] != '\0')
    {
      gboolean is_mobile = FALSE;
      g_autofree char *mobile = od_store_normalize_phone (f->mobile, &is_mobile);

      if (mobile == NULL || !is_mobile)
        od_problems_add (problems, "mobile", OD_PROBLEM_ERROR, 0,
                         /* Translators: %s is what was typed as a mobile number */
                         g_strdup_printf (_("“%s” is not a mobile number. Type the 11 digits, "
                                            "e.g. 13812345678, or leave the field empty."),
                                          f->mobile));
    }

  /* Resident ID number (GB 11643-1999): wrong numbers are errors, unlike
   * credit codes — an ID card is at hand to check it against. */
  if (f->id_number != NULL)
    {
      if (!od_validate_id_number (f->id_number, id_result))
        {
          od_problems_add (problems, "id_number", OD_PROBLEM_ERROR, 0,
                           od_code_result_describe (id_result, TRUE));
        }
      else
        {
          g_autoptr(OdStmt) stmt = NULL;

          stmt = od_db_prepare (db,
                                "SELECT id, name FROM people WHERE id_number = ?1"
                                " AND deleted_at IS NULL AND id <> ?2 LIMIT 1", error);
          if (stmt == NULL
              || !od_stmt_bind_text (stmt, 1, f->id_number, error)
              || !od_stmt_bind_int64 (stmt, 2, f->id, error))
            return FALSE;
          switch (od_stmt_step (stmt, error))
            {
            case OD_STEP_ROW:
              {
                g_autofree char *masked = od_id_number_mask (f->id_number);

                od_problems_add (problems, "id_number", OD_PROBLEM_ERROR,
                                 od_stmt_get_int64 (stmt, 0),
                                 /* Translators: the first %s is a masked ID number
                                  * (610302********123X), the second a person's name */
                                 g_strdup_printf (_("The ID number %s is already recorded for %s. "
                                                    "Open that person instead, or check the "
                                                    "number."),
                                                  masked, od_stmt_get_text (stmt, 1)));
              }
              break;
            case OD_STEP_DONE:
              break;
            case OD_STEP_ERROR:
            default:
              return FALSE;
            }
        }
    }

  if (f->name[0] != '\0' && f->mobile[0] != '\0')
    {
      g_autoptr(OdStmt) stmt = NULL;
      gint64 other = 0;

      stmt = od_db_prepare (db,
                            "SELECT id FROM people WHERE name = ?1 AND mobile = ?2"
                            " AND deleted_at IS NULL AND id <> ?3 LIMIT 1", error);
      if (stmt == NULL
          || !od_stmt_bind_text (stmt, 1, f->name, error)
          || !od_stmt_bind_text (stmt, 2, f->mobile, error)
          || !od_stmt_bind_int64 (stmt, 3, f->id, error)
          || !od_stmt_step_int64 (stmt, &other, error))
        return FALSE;
      if (other != 0)
        od_problems_add (problems, "mobile", OD_PROBLEM_ERROR, other,
                         /* Translators: the first %s is a person's name, the second a mobile number */
                         g_strdup_printf (_("%s with the mobile number %s is already recorded. "
                                            "Open that person instead; if this is someone else "
                                            "with the same name, check the number."),
                                          f->name, f->mobile));
    }

  return TRUE;
}

/* --- people: writing --- */

static char *
organization_name (OdDb    *db,
                   gint64   id,
                   GError **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  if (id == 0)
    return g_strdup ("");
  stmt = od_db_prepare (db, "SELECT name FROM organizations WHERE id = ?1", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return g_strdup (od_stmt_get_text (stmt, 0));
    case OD_STEP_DONE:
      return g_strdup ("");
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

static gboolean
bind_person (OdStmt                *stmt,
             const OdPersonFields  *f,
             const char            *sort_key,
             const char            *now,
             GError               **error)
{
  return od_stmt_bind_text (stmt, 1, f->uuid, error)
         && od_stmt_bind_text (stmt, 2, f->name, error)
         && od_stmt_bind_text (stmt, 3, f->gender, error)
         && od_store_bind_ref (stmt, 4, f->organization_id, error)
         && od_stmt_bind_text (stmt, 5, f->position, error)
         && od_stmt_bind_text (stmt, 6, f->mobile, error)
         && od_stmt_bind_text (stmt, 7, f->id_number, error)
         && od_stmt_bind_text (stmt, 8, f->notes, error)
         && od_stmt_bind_text (stmt, 9, sort_key, error)
         && od_stmt_bind_text (stmt, 10, now, error);
}

typedef struct
{
  const OdPersonFields *fields;
  gint64                id;
} PersonSaveData;

static gboolean
person_save_cb (OdDb      *db,
                gpointer   user_data,
                GError   **error)
{
  PersonSaveData *data = user_data;
  g_autoptr(OdPersonFields) f = normalize_person (data->fields);
  g_autoptr(OdPersonFields) old = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *initials = NULL;
  OdCodeResult id_result;

  if (f->id != 0)
    {
      g_autoptr(GError) local_error = NULL;

      old = _od_registry_load_person_row (db, f->id, FALSE, &local_error);
      if (old == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            _od_registry_set_person_not_found (error, f->id);
          return FALSE;
        }
    }

  if (!validate_person (db, f, problems, &id_result, error))
    return FALSE;
  sorted = od_problems_sorted (problems);
  if (set_error_from_problems (sorted, NULL, NULL, error))
    return FALSE;

  /* GB 11643-1999: an odd 17th digit is a man.  Only fills an unknown
   * gender; a gender the user chose is kept. */
  if (id_result.status == OD_CODE_VALID && g_str_equal (f->gender, "unknown"))
    {
      g_free (f->gender);
      f->gender = g_strdup (id_result.male ? "male" : "female");
    }

  now = od_db_now (db);
  sort_key = od_pinyin_sort_key (f->name);

  if (old == NULL)
    {
      if (f->uuid[0] == '\0')
        {
          g_free (f->uuid);
          f->uuid = g_uuid_string_random ();
        }
      stmt = od_db_prepare (db,
                            "INSERT INTO people (uuid, name, gender, organization_id, position,"
                            " mobile, id_number, notes, sort_key, created_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)", error);
      if (stmt == NULL || !bind_person (stmt, f, sort_key, now, error)
          || !od_stmt_run (stmt, error))
        return FALSE;
      f->id = od_db_last_insert_rowid (db);
      changes = od_entity_changes_json (&od_person_entity, NULL, f);
    }
  else
    {
      changes = od_entity_changes_json (&od_person_entity, old, f);
      if (changes == NULL)
        {
          data->id = f->id;
          return TRUE;
        }
      g_free (f->uuid);
      f->uuid = g_strdup (old->uuid);
      stmt = od_db_prepare (db,
                            "UPDATE people SET name = ?2, gender = ?3, organization_id = ?4,"
                            " position = ?5, mobile = ?6, id_number = ?7, notes = ?8,"
                            " sort_key = ?9, updated_at = ?10 WHERE id = ?11 AND uuid = ?1",
                            error);
      if (stmt == NULL || !bind_person (stmt, f, sort_key, now, error)
          || !od_stmt_bind_int64 (stmt, 11, f->id, error) || !od_stmt_run (stmt, error))
        return FALSE;
    }

  org_name = organization_name (db, f->organization_id, error);
  if (org_name == NULL)
    return FALSE;
  text = person_search_text (f->name, f->mobile, org_name);
  initials = od_pinyin_search_terms (f->name);
  if (!write_search_row (db, PERSON_SEARCH_UPSERT, f->id, text, initials, error))
    return FALSE;

  if (!od_audit_record (db, "people", f->id, f->uuid, old == NULL ? "insert" : "update",
                        changes, f->name, error))
    return FALSE;

  data->id = f->id;
  return TRUE;
}

/* --- query building --- */

/* ORDER BY pieces of one sort: PREFIX (never reversed: empty values last)
 * and the main key, which `descending` reverses. */
typedef struct
{
  const char *prefix;
  const char *key;
} SortSql;

static SortSql
org_sort_sql (OdOrganizationSort sort)
{
  switch (sort)
    {
    case OD_ORGANIZATION_SORT_SHORT_NAME:
      return (SortSql) { "o.short_name = ''", "o.short_name" };
    case OD_ORGANIZATION_SORT_CREDIT_CODE:
      return (SortSql) { "o.credit_code IS NULL", "o.credit_code" };
    case OD_ORGANIZATION_SORT_TYPE:
      return (SortSql) { "o.org_type = 'unknown'",
                         "CASE o.org_type WHEN 'social_group' THEN 1 WHEN 'social_service'"
                         " THEN 2 WHEN 'foundation' THEN 3 WHEN 'other' THEN 4 ELSE 5 END" };
    case OD_ORGANIZATION_SORT_AREA:
      return (SortSql) { "a.id IS NULL", "a.sort_order" };
    case OD_ORGANIZATION_SORT_CATEGORY:
      return (SortSql) { "c.id IS NULL", "c.sort_order" };
    case OD_ORGANIZATION_SORT_STATUS:
      return (SortSql) { NULL,
                         "CASE o.status WHEN 'active' THEN 0 WHEN 'deregistered' THEN 1"
                         " ELSE 2 END" };
    case OD_ORGANIZATION_SORT_REGISTERED_ON:
      return (SortSql) { "o.registered_on IS NULL", "o.registered_on" };
    case OD_ORGANIZATION_SORT_MEMBER_ROLE:
      return (SortSql) { "o.member_role IS NULL",
                         "CASE o.member_role WHEN 'president' THEN 0 WHEN 'vice_president'"
                         " THEN 1 WHEN 'director' THEN 2 ELSE 3 END" };
    case OD_ORGANIZATION_SORT_PARTY:
      /* Organization coverage, then work coverage only, then neither. */
      return (SortSql) { NULL,
                         "CASE WHEN o.party_org_form IN ('independent', 'joint') THEN 0"
                         " WHEN o.party_instructor <> '' THEN 1 ELSE 2 END" };
    case OD_ORGANIZATION_SORT_UPDATED_AT:
      return (SortSql) { NULL, "o.updated_at" };
    case OD_ORGANIZATION_SORT_NAME:
    default:
      return (SortSql) { NULL, "o.sort_key" };
    }
}

static SortSql
person_sort_sql (OdPersonSort sort)
{
  switch (sort)
    {
    case OD_PERSON_SORT_ORGANIZATION:
      return (SortSql) { "o.id IS NULL", "o.sort_key" };
    case OD_PERSON_SORT_POSITION:
      return (SortSql) { "p.position = ''", "p.position" };
    case OD_PERSON_SORT_GENDER:
      return (SortSql) { NULL,
                         "CASE p.gender WHEN 'male' THEN 0 WHEN 'female' THEN 1 ELSE 2 END" };
    case OD_PERSON_SORT_UPDATED_AT:
      return (SortSql) { NULL, "p.updated_at" };
    case OD_PERSON_SORT_NAME:
    default:
      return (SortSql) { NULL, "p.sort_key" };
    }
}

static void
append_order_by (GString    *sql,
                 SortSql     sort,
                 gboolean    descending,
                 const char *ties)
{
  g_string_append (sql, " ORDER BY ");
  if (sort.prefix != NULL)
    {
      g_string_append (sql, sort.prefix);
      g_string_append (sql, ", ");
    }
  g_string_append (sql, sort.key);
  g_string_append (sql, descending ? " DESC" : "");
  /* TIES start with the main key of the name sort: not repeated, since a
   * repeated key makes SQLite sort again instead of reading the index. */
  if (g_str_has_prefix (ties, sort.key) && ties[strlen (sort.key)] == ',')
    ties += strlen (sort.key) + 1;
  while (*ties == ' ')
    ties++;
  g_string_append (sql, ", ");
  g_string_append (sql, ties);
}

/* --- public API: problems --- */

/* --- public API: organizations --- */

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

/* The filters as conditions on the organizations row ALIAS. */
static gboolean
append_org_filters (GString           *sql,
                    const OdOrganizationFilter *filter,
                    const char        *alias)
{
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
od_organization_query_ids (OdDb               *db,
                           const OdOrganizationFilter  *filter,
                           GError            **error)
{
  g_auto(Search) search = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) loose = NULL;
  gboolean searching;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  searching = _od_registry_search_init (&search, filter->query);
  if (search.letters != NULL)
    {
      loose = _od_registry_loose_matches (db, &search, &_od_registry_org_search_sql, error);
      if (loose == NULL)
        return NULL;
    }

  g_string_append (sql, "SELECT o.id, ");
  _od_registry_search_append_hit (sql, &search, &_od_registry_org_search_sql);
  g_string_append (sql, " FROM organizations o");
  if (filter->sort == OD_ORGANIZATION_SORT_AREA)
    g_string_append (sql, " LEFT JOIN areas a ON a.id = o.area_id");
  else if (filter->sort == OD_ORGANIZATION_SORT_CATEGORY)
    g_string_append (sql, " LEFT JOIN categories c ON c.id = o.category_id");
  g_string_append (sql, " WHERE ");

  if (searching)
    {
      _od_registry_search_append_condition (sql, &search, &_od_registry_org_search_sql);
      g_string_append (sql, " AND o.deleted_at IS NULL");
      append_org_filters (sql, filter, "o");
    }
  else if (append_org_filters (filters, filter, "f"))
    {
      /* The rows are read in order from the sort_key index, which holds the
       * id but no other column: the rest is tested against one set, made
       * by a single scan of the table (the unary + keeps that set from
       * driving the query). */
      g_string_append_printf (sql, "+o.id IN (SELECT f.id FROM organizations f"
                                   " WHERE f.deleted_at IS NULL%s)", filters->str);
    }
  else
    {
      g_string_append (sql, "o.id NOT IN (SELECT f.id FROM organizations f"
                            " WHERE f.deleted_at IS NOT NULL)");
    }

  /* Live names are unique (index organizations_name), so for the name sort
   * the id never breaks a tie, and reversing it too lets SQLite read the
   * index backwards instead of sorting. */
  append_order_by (sql, org_sort_sql (filter->sort), filter->descending,
                   filter->sort == OD_ORGANIZATION_SORT_NAME && filter->descending ? "o.id DESC"
                                                                          : "o.sort_key, o.id");

  stmt = od_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if ((searching && !_od_registry_search_bind (stmt, &search, error))
      || (filter->type != OD_ORGANIZATION_TYPE_UNKNOWN
          && !od_stmt_bind_text (stmt, 10, od_organization_type_to_key (filter->type), error))
      || (filter->category_id != 0 && !od_stmt_bind_int64 (stmt, 11, filter->category_id, error))
      || (filter->area_id != 0 && !od_stmt_bind_int64 (stmt, 12, filter->area_id, error))
      || (filter->status != NULL && !od_stmt_bind_text (stmt, 13, filter->status, error)))
    return NULL;

  return _od_registry_collect_ids (stmt, loose, error);
}

/* Live organizations; -1 on error. */
gint64
od_organization_count (OdDb    *db,
                       GError **error)
{
  g_return_val_if_fail (OD_IS_DB (db), -1);
  return count_live (db, "SELECT count(*) FROM organizations WHERE deleted_at IS NULL", error);
}

/**
 * od_organization_load:
 *
 * Returns: (transfer full): the live organization @id with its category and
 *   area names and its number of live people; %NULL with
 *   %OD_REGISTRY_ERROR_NOT_FOUND when it does not exist or is in the trash
 */
OdOrganizationFields *
od_organization_load (OdDb    *db,
                      gint64   id,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;
  OdOrganizationFields *fields;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  fields = _od_registry_load_org_row (db, id, FALSE, &local_error);
  if (fields == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _od_registry_set_org_not_found (error, id);
    }
  return fields;
}

/* Loads the live rows among IDS into ITEMS (id → object), one batch. */
static gboolean
load_batch (OdDb          *db,
            const char    *select,
            const char    *id_column,
            const char    *deleted_column,
            const gint64  *ids,
            guint          n_ids,
            gboolean       people,
            GHashTable    *items,
            GError       **error)
{
  g_autofree char *marks = placeholders (n_ids);
  g_autofree char *sql = g_strdup_printf ("%s WHERE %s IN (%s) AND %s IS NULL",
                                          select, id_column, marks, deleted_column);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, sql, error);
  OdStep step;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (!od_stmt_bind_int64 (stmt, (int) i + 1, ids[i], error))
      return FALSE;

  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      GObject *item;

      if (people)
        item = G_OBJECT (od_person_new (person_from_row (stmt)));
      else
        item = G_OBJECT (od_organization_new (org_from_row (stmt)));
      *key = od_stmt_get_int64 (stmt, 0);
      g_hash_table_replace (items, key, item);
    }
  return step == OD_STEP_DONE;
}

static GPtrArray *
load_items (OdDb          *db,
            const char    *select,
            const char    *id_column,
            const char    *deleted_column,
            const gint64  *ids,
            guint          n_ids,
            gboolean       people,
            GError       **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_object_unref);
  g_autoptr(GPtrArray) result = g_ptr_array_new_full (n_ids, g_object_unref);

  for (guint start = 0; start < n_ids; start += LOAD_BATCH)
    if (!load_batch (db, select, id_column, deleted_column, ids + start,
                     MIN (LOAD_BATCH, n_ids - start), people, items, error))
      return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      GObject *item = g_hash_table_lookup (items, &ids[i]);

      if (item != NULL)
        g_ptr_array_add (result, g_object_ref (item));
    }
  return g_steal_pointer (&result);
}

/**
 * od_organization_load_items:
 *
 * Returns: (transfer full) (element-type OdOrganization): the live rows
 *   among @ids, in the order of @ids; ids of missing or deleted rows are
 *   skipped.  %NULL on error.
 */
GPtrArray *
od_organization_load_items (OdDb          *db,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  return load_items (db, ORG_SELECT, "o.id", "o.deleted_at", ids, n_ids, FALSE, error);
}

/**
 * od_organization_validate:
 *
 * Returns: (transfer full) (element-type OdProblem): every problem of
 *   @fields, errors first, then warnings, then hints; empty when there are
 *   none
 */
GPtrArray *
od_organization_validate (OdDb              *db,
                          const OdOrganizationFields *fields)
{
  g_autoptr(OdOrganizationFields) f = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GError) error = NULL;
  OdCodeResult code;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  f = normalize_org (fields);
  if (!validate_org (db, f, problems, &code, &error))
    od_problems_add_db_error (problems, error);
  return od_problems_sorted (problems);
}

gint64
od_organization_save (OdDb               *db,
                      const OdOrganizationFields  *fields,
                      GError            **error)
{
  OrgSaveData data = { fields, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!od_db_transaction (db, org_save_cb, &data, error))
    return 0;
  return data.id;
}

/* Moves the organization to the trash; its people stay linked to it. */
gboolean
od_organization_delete (OdDb    *db,
                        gint64   id,
                        GError **error)
{
  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_trash_move (db, &od_organization_entity, id, error);
}

/* --- public API: people --- */

void
od_person_filter_init (OdPersonFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->sort = OD_PERSON_SORT_NAME;
}

GArray *
od_person_query_ids (OdDb                  *db,
                     const OdPersonFilter  *filter,
                     GError               **error)
{
  g_auto(Search) search = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) loose = NULL;
  const char *alias;
  gboolean searching;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  searching = _od_registry_search_init (&search, filter->query);
  if (search.letters != NULL)
    {
      loose = _od_registry_loose_matches (db, &search, &_od_registry_person_search_sql, error);
      if (loose == NULL)
        return NULL;
    }

  g_string_append (sql, "SELECT p.id, ");
  _od_registry_search_append_hit (sql, &search, &_od_registry_person_search_sql);
  g_string_append (sql, " FROM people p");
  if (filter->sort == OD_PERSON_SORT_ORGANIZATION)
    g_string_append (sql, " LEFT JOIN organizations o ON o.id = p.organization_id");
  g_string_append (sql, " WHERE ");

  /* As for organizations: search matches drive the query; otherwise the
   * sort_key index is read and the rest tested against one set. */
  alias = searching ? "p" : "f";
  if (filter->organization_id != 0)
    g_string_append_printf (filters, " AND %s.organization_id = ?10", alias);
  if (filter->gender != NULL)
    g_string_append_printf (filters, " AND %s.gender = ?11", alias);

  if (searching)
    {
      _od_registry_search_append_condition (sql, &search, &_od_registry_person_search_sql);
      g_string_append_printf (sql, " AND p.deleted_at IS NULL%s", filters->str);
    }
  else if (filters->len > 0)
    g_string_append_printf (sql, "+p.id IN (SELECT f.id FROM people f"
                                 " WHERE f.deleted_at IS NULL%s)", filters->str);
  else
    g_string_append (sql, "p.id NOT IN (SELECT f.id FROM people f"
                          " WHERE f.deleted_at IS NOT NULL)");

  append_order_by (sql, person_sort_sql (filter->sort), filter->descending, "p.sort_key, p.id");

  stmt = od_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if ((searching && !_od_registry_search_bind (stmt, &search, error))
      || (filter->organization_id != 0
          && !od_stmt_bind_int64 (stmt, 10, filter->organization_id, error))
      || (filter->gender != NULL && !od_stmt_bind_text (stmt, 11, filter->gender, error)))
    return NULL;

  return _od_registry_collect_ids (stmt, loose, error);
}

gint64
od_person_count (OdDb    *db,
                 GError **error)
{
  g_return_val_if_fail (OD_IS_DB (db), -1);
  return count_live (db, "SELECT count(*) FROM people WHERE deleted_at IS NULL", error);
}

OdPersonFields *
od_person_load (OdDb    *db,
                gint64   id,
                GError **error)
{
  g_autoptr(GError) local_error = NULL;
  OdPersonFields *fields;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  fields = _od_registry_load_person_row (db, id, FALSE, &local_error);
  if (fields == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _od_registry_set_person_not_found (error, id);
    }
  return fields;
}

GPtrArray *
od_person_load_items (OdDb          *db,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  return load_items (db, PERSON_SELECT, "p.id", "p.deleted_at", ids, n_ids, TRUE, error);
}

GPtrArray *
od_person_validate (OdDb                 *db,
                    const OdPersonFields *fields)
{
  g_autoptr(OdPersonFields) f = NULL;
  g_autoptr(GPtrArray) problems = od_problems_new ();
  g_autoptr(GError) error = NULL;
  OdCodeResult id_result;

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  f = normalize_person (fields);
  if (!validate_person (db, f, problems, &id_result, &error))
    od_problems_add_db_error (problems, error);
  return od_problems_sorted (problems);
}

gint64
od_person_save (OdDb                  *db,
                const OdPersonFields  *fields,
                GError               **error)
{
  PersonSaveData data = { fields, 0 };

  g_return_val_if_fail (OD_IS_DB (db), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!od_db_transaction (db, person_save_cb, &data, error))
    return 0;
  return data.id;
}

gboolean
od_person_delete (OdDb    *db,
                  gint64   id,
                  GError **error)
{
  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_trash_move (db, &od_person_entity, id, error);
}
