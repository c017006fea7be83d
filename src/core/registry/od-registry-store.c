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
#include "od-json.h"
#include "od-pinyin.h"
#include "od-registry-store.h"
#include "od-store-util.h"
#include "od-text.h"
#include "od-validate.h"

/* Rows per `id IN (…)` when loading items: well below SQLite's limit of
 * bound values, and a screenful of rows many times over. */
#define LOAD_BATCH 500

/* Names listed when a purge is refused. */
#define MAX_NAMES_LISTED 5

G_DEFINE_QUARK (od-registry-error-quark, od_registry_error)

/* --- record descriptions, for audit entries --- */

#define ORG_FIELD(member, kind) OD_FIELD (OdOrganizationFields, member, kind)
#define PERSON_FIELD(member, kind) OD_FIELD (OdPersonFields, member, kind)

/* The stored, editable members; not sort keys or timestamps. */
static const OdFieldSpec org_field_specs[] = {
  ORG_FIELD (name, OD_FIELD_TEXT),
  ORG_FIELD (short_name, OD_FIELD_TEXT),
  ORG_FIELD (credit_code, OD_FIELD_NULLABLE),
  ORG_FIELD (credit_code_override, OD_FIELD_TEXT),
  OD_FIELD_ENUM_KEYED (OdOrganizationFields, org_type, od_organization_type_to_key),
  ORG_FIELD (category_id, OD_FIELD_REF),
  ORG_FIELD (area_id, OD_FIELD_REF),
  ORG_FIELD (registration_level, OD_FIELD_TEXT),
  ORG_FIELD (registered_on, OD_FIELD_NULLABLE),
  ORG_FIELD (supervising_unit, OD_FIELD_TEXT),
  ORG_FIELD (legal_representative, OD_FIELD_TEXT),
  ORG_FIELD (contact_person, OD_FIELD_TEXT),
  ORG_FIELD (phone, OD_FIELD_TEXT),
  ORG_FIELD (address, OD_FIELD_TEXT),
  ORG_FIELD (email, OD_FIELD_TEXT),
  ORG_FIELD (website, OD_FIELD_TEXT),
  ORG_FIELD (status, OD_FIELD_TEXT),
  ORG_FIELD (status_date, OD_FIELD_NULLABLE),
  ORG_FIELD (member_since, OD_FIELD_NULLABLE),
  ORG_FIELD (member_role, OD_FIELD_NULLABLE),
  ORG_FIELD (member_status, OD_FIELD_NULLABLE),
  ORG_FIELD (party_org_form, OD_FIELD_TEXT),
  ORG_FIELD (party_members, OD_FIELD_INT),
  ORG_FIELD (party_instructor, OD_FIELD_TEXT),
  ORG_FIELD (notes, OD_FIELD_TEXT),
};

static const OdFieldSpec person_field_specs[] = {
  PERSON_FIELD (name, OD_FIELD_TEXT),
  PERSON_FIELD (gender, OD_FIELD_TEXT),
  PERSON_FIELD (organization_id, OD_FIELD_REF),
  PERSON_FIELD (position, OD_FIELD_TEXT),
  PERSON_FIELD (mobile, OD_FIELD_TEXT),
  PERSON_FIELD (id_number, OD_FIELD_ID_NUMBER),
  PERSON_FIELD (notes, OD_FIELD_TEXT),
};

/* Allowed values of the enum columns (the CHECK constraints of 0002). */
static const char *const registration_levels[] = { "city", "county", NULL };
static const char *const org_statuses[] = { "active", "deregistered", "revoked", NULL };
static const char *const member_roles[] = { "president", "vice_president", "director", "member", NULL };
static const char *const member_statuses[] = { "active", "suspended", "withdrawn", NULL };
static const char *const party_org_forms[] = { "independent", "joint", "none", NULL };
static const char *const genders[] = { "male", "female", "unknown", NULL };

/* Lower-cased ASCII, as stored in the search text and compared with it. */
static char *
search_fold (const char *text)
{
  return g_ascii_strdown (text != NULL ? text : "", -1);
}

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

/* "'…'" with inner quotes doubled: FTS5's string syntax, so the query is
 * searched as one phrase and never parsed as FTS5 operators. */
static char *
fts5_quote (const char *text)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* --- helpers: search --- */

/* How one query is searched; see the comment at the top of the file. */
typedef struct
{
  char *fts_phrase;     /* ?1: 3+ characters, quoted for FTS5 */
  char *folded;         /* ?2: 1–2 characters, lower-cased ASCII */
  char *letters;        /* 3+ ASCII letters, lower case: subsequence of initials */
  char *first_like;     /* ?3: "b%" */
  char *first_like_sp;  /* ?4: "% b%" (a later term: alternatives, short name) */
} Search;

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->fts_phrase, g_free);
  g_clear_pointer (&search->folded, g_free);
  g_clear_pointer (&search->letters, g_free);
  g_clear_pointer (&search->first_like, g_free);
  g_clear_pointer (&search->first_like_sp, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/* FALSE when QUERY asks for nothing (NULL, empty, blank). */
static gboolean
search_init (Search     *search,
             const char *query)
{
  g_autofree char *valid = NULL;
  g_autofree char *trimmed = NULL;
  glong n_chars;
  gboolean letters_only = TRUE;

  memset (search, 0, sizeof *search);
  if (query == NULL)
    return FALSE;

  valid = g_utf8_make_valid (query, -1);
  trimmed = g_strstrip (g_strdup (valid));
  n_chars = g_utf8_strlen (trimmed, -1);
  if (n_chars == 0)
    return FALSE;

  if (n_chars >= 3)
    search->fts_phrase = fts5_quote (trimmed);
  else
    search->folded = search_fold (trimmed);

  for (const char *p = trimmed; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      letters_only = FALSE;

  /* Only from 3 letters on: "bs" as a subsequence would match nearly every
   * 宝鸡市… name, which is noise while the user is still typing. */
  if (letters_only && n_chars >= 3)
    {
      search->letters = search_fold (trimmed);
      search->first_like = g_strdup_printf ("%c%%", search->letters[0]);
      search->first_like_sp = g_strdup_printf ("%% %c%%", search->letters[0]);
    }
  return TRUE;
}

/* The fixed SQL of one searchable table (organizations or people): the
 * ids of direct matches by FTS5 (?1) or by a scan (?2), and of candidates
 * for the subsequence match (?3, ?4). */
typedef struct
{
  const char *id;           /* "o.id" */
  const char *fts;
  const char *scan;
  const char *candidates;
  const char *initials;     /* (id, initials) of the candidates */
} SearchSql;

static const SearchSql org_search_sql = {
  "o.id",
  "SELECT rowid FROM organization_fts WHERE organization_fts MATCH ?1",
  "SELECT id FROM organization_search WHERE instr (text, ?2) > 0 OR instr (initials, ?2) > 0",
  "SELECT id FROM organization_search WHERE initials LIKE ?3 OR initials LIKE ?4",
  "SELECT id, initials FROM organization_search WHERE initials LIKE ?3 OR initials LIKE ?4",
};

static const SearchSql person_search_sql = {
  "p.id",
  "SELECT rowid FROM person_fts WHERE person_fts MATCH ?1",
  "SELECT id FROM person_search WHERE instr (text, ?2) > 0 OR instr (initials, ?2) > 0",
  "SELECT id FROM person_search WHERE initials LIKE ?3 OR initials LIKE ?4",
  "SELECT id, initials FROM person_search WHERE initials LIKE ?3 OR initials LIKE ?4",
};

/* The hit column: whether a row is a direct match (1 unless subsequence
 * candidates are mixed in). */
static void
search_append_hit (GString         *sql,
                   const Search    *search,
                   const SearchSql *tables)
{
  if (search->letters == NULL)
    {
      g_string_append (sql, "1");
      return;
    }
  g_string_append_printf (sql, "%s IN (%s)", tables->id, tables->fts);
}

/* The search condition. The matching ids drive the query (SQLite reads
 * those rows by id and sorts them): measured on 100,000 rows this beats
 * reading the whole sort index, even when a third of the rows match. */
static void
search_append_condition (GString         *sql,
                         const Search    *search,
                         const SearchSql *tables)
{
  g_string_append_printf (sql, "%s IN (%s", tables->id,
                          search->fts_phrase != NULL ? tables->fts : tables->scan);
  if (search->letters != NULL)
    g_string_append_printf (sql, " UNION ALL %s", tables->candidates);
  g_string_append (sql, ")");
}

static gboolean
search_bind (OdStmt        *stmt,
             const Search  *search,
             GError       **error)
{
  if (search->fts_phrase != NULL && !od_stmt_bind_text (stmt, 1, search->fts_phrase, error))
    return FALSE;
  if (search->folded != NULL && !od_stmt_bind_text (stmt, 2, search->folded, error))
    return FALSE;
  if (search->letters != NULL
      && (!od_stmt_bind_text (stmt, 3, search->first_like, error)
          || !od_stmt_bind_text (stmt, 4, search->first_like_sp, error)))
    return FALSE;
  return TRUE;
}

/* Whether LETTERS are the initials of some characters of a term of
 * INITIALS, in order, starting with the term's first: "bjsyx" in "bjsysxh".
 * *SKIPPED gets the fewest characters left out before the last letter (over
 * all terms, leftmost matching), so that closer matches can come first. */
static gboolean
initials_subsequence (const char *initials,
                      const char *letters,
                      guint      *skipped)
{
  const char *term = initials;
  gboolean found = FALSE;

  *skipped = G_MAXUINT;
  if (initials == NULL)
    return FALSE;

  while (*term != '\0')
    {
      const char *end = strchr (term, ' ');
      const char *q = letters;
      guint n_skipped = 0;

      if (end == NULL)
        end = term + strlen (term);
      if (end > term && *term == *q)
        {
          for (const char *p = term; p < end && *q != '\0'; p++)
            {
              if (*p == *q)
                q++;
              else
                n_skipped++;
            }
          if (*q == '\0')
            {
              found = TRUE;
              *skipped = MIN (*skipped, n_skipped);
            }
        }
      term = *end == ' ' ? end + 1 : end;
    }
  return found;
}

typedef struct
{
  gint64 id;
  guint  skipped;
  guint  position;   /* in the order of the query */
} LooseMatch;

static int
compare_loose_matches (gconstpointer a,
                       gconstpointer b)
{
  const LooseMatch *ma = a, *mb = b;

  if (ma->skipped != mb->skipped)
    return ma->skipped < mb->skipped ? -1 : 1;
  return (ma->position > mb->position) - (ma->position < mb->position);
}

/* The candidates of the subsequence match that pass it: id → number of
 * characters left out + 1 (so that 0 means "not a match"). */
static GHashTable *
loose_matches (OdDb             *db,
               const Search     *search,
               const SearchSql  *tables,
               GError          **error)
{
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db, tables->initials, error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 3, search->first_like, error)
      || !od_stmt_bind_text (stmt, 4, search->first_like_sp, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      guint skipped;

      if (initials_subsequence (od_stmt_get_text (stmt, 1), search->letters, &skipped))
        {
          gint64 *id = g_new (gint64, 1);

          *id = od_stmt_get_int64 (stmt, 0);
          g_hash_table_insert (matches, id, GUINT_TO_POINTER (MIN (skipped, G_MAXUINT - 1) + 1));
        }
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&matches);
}

/* Steps a query of (id, hit) rows into ids: direct matches in the order of
 * the query, then the rows in LOOSE (if any), fewest characters left out
 * first and in the order of the query otherwise. */
static GArray *
collect_ids (OdStmt      *stmt,
             GHashTable  *loose,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) more = g_array_new (FALSE, FALSE, sizeof (LooseMatch));
  OdStep step;

  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      gint64 id = od_stmt_get_int64 (stmt, 0);
      guint skipped_1;

      if (od_stmt_get_int64 (stmt, 1) != 0)
        {
          g_array_append_val (ids, id);
        }
      else if (loose != NULL
               && (skipped_1 = GPOINTER_TO_UINT (g_hash_table_lookup (loose, &id))) != 0)
        {
          LooseMatch match = { id, skipped_1 - 1, more->len };

          g_array_append_val (more, match);
        }
    }
  if (step == OD_STEP_ERROR)
    return NULL;

  g_array_sort (more, compare_loose_matches);
  for (guint i = 0; i < more->len; i++)
    g_array_append_val (ids, g_array_index (more, LooseMatch, i).id);
  return g_steal_pointer (&ids);
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
static OdOrganizationFields *
load_org_row (OdDb      *db,
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

static void
set_org_not_found (GError **error,
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
  od_store_check_control_chars (problems, org_field_specs, G_N_ELEMENTS (org_field_specs), f);

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

  od_store_check_key (problems, "registration_level", f->registration_level, registration_levels, FALSE);
  od_store_check_key (problems, "status", f->status, org_statuses, FALSE);
  od_store_check_key (problems, "member_role", f->member_role, member_roles, TRUE);
  od_store_check_key (problems, "member_status", f->member_status, member_statuses, TRUE);
  od_store_check_key (problems, "party_org_form", f->party_org_form, party_org_forms, FALSE);

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

  return search_fold (joined);
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

  return search_fold (joined);
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

      old = load_org_row (db, f->id, FALSE, &local_error);
      if (old == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            set_org_not_found (error, f->id);
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
      changes = od_store_changes_json (org_field_specs, G_N_ELEMENTS (org_field_specs), NULL, f);
    }
  else
    {
      changes = od_store_changes_json (org_field_specs, G_N_ELEMENTS (org_field_specs), old, f);
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

static OdPersonFields *
load_person_row (OdDb      *db,
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

static void
set_person_not_found (GError **error,
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
  od_store_check_control_chars (problems, person_field_specs, G_N_ELEMENTS (person_field_specs), f);

  if (f->name[0] == '\0')
    od_problems_add (problems, "name", OD_PROBLEM_ERROR, 0, g_strdup (_("The name is required.")));

  od_store_check_key (problems, "gender", f->gender, genders, FALSE);

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

      old = load_person_row (db, f->id, FALSE, &local_error);
      if (old == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            set_person_not_found (error, f->id);
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
      changes = od_store_changes_json (person_field_specs, G_N_ELEMENTS (person_field_specs), NULL, f);
    }
  else
    {
      changes = od_store_changes_json (person_field_specs, G_N_ELEMENTS (person_field_specs), old, f);
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

/* --- the trash --- */

typedef struct
{
  const char *table_name;
  gint64      row_id;
} TrashData;

/* Only the registry's tables are handled here; SQL below is chosen by
 * comparing TABLE_NAME with these, never built from it. */
static gboolean
check_known_table (const char  *table_name,
                   GError     **error)
{
  if (g_strcmp0 (table_name, "organizations") == 0 || g_strcmp0 (table_name, "people") == 0)
    return TRUE;

  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
               /* Translators: %s is a table name such as “courses” */
               _("Records of “%s” cannot be restored or removed from here. Use the section "
                 "they belong to."), table_name != NULL ? table_name : "");
  return FALSE;
}

static gboolean
add_trash_entry (OdDb        *db,
                 const char  *table_name,
                 gint64       row_id,
                 const char  *label,
                 const char  *now,
                 GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *actor = od_audit_actor ();

  stmt = od_db_prepare (db,
                        "INSERT INTO trash (uuid, table_name, row_id, label, deleted_at,"
                        " deleted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, uuid, error)
         && od_stmt_bind_text (stmt, 2, table_name, error)
         && od_stmt_bind_int64 (stmt, 3, row_id, error)
         && od_stmt_bind_text (stmt, 4, label, error)
         && od_stmt_bind_text (stmt, 5, now, error)
         && od_stmt_bind_text (stmt, 6, actor, error)
         && od_stmt_run (stmt, error);
}

static gboolean
remove_trash_entry (OdDb        *db,
                    const char  *table_name,
                    gint64       row_id,
                    GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db, "DELETE FROM trash WHERE table_name = ?1 AND row_id = ?2", error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, table_name, error)
         && od_stmt_bind_int64 (stmt, 2, row_id, error)
         && od_stmt_run (stmt, error);
}

/* {"deleted_at": [old, new]} */
static char *
deleted_at_json (const char *old_value,
                 const char *new_value)
{
  g_autoptr(OdJsonWriter) writer = od_json_writer_new (FALSE);

  od_json_begin_object (writer, NULL);
  od_json_begin_array (writer, "deleted_at");
  od_json_string (writer, NULL, old_value);
  od_json_string (writer, NULL, new_value);
  od_json_end_array (writer);
  od_json_end_object (writer);
  return od_json_writer_finish (g_steal_pointer (&writer));
}

/* Sets deleted_at (NOW, or NULL to restore) of a row of TABLE_NAME. */
static gboolean
set_deleted_at (OdDb        *db,
                const char  *table_name,
                gint64       row_id,
                const char  *deleted_at,
                const char  *now,
                GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        g_str_equal (table_name, "organizations")
                        ? "UPDATE organizations SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3"
                        : "UPDATE people SET deleted_at = ?1, updated_at = ?2 WHERE id = ?3",
                        error);
  return stmt != NULL
         && od_stmt_bind_text (stmt, 1, deleted_at, error)
         && od_stmt_bind_text (stmt, 2, now, error)
         && od_stmt_bind_int64 (stmt, 3, row_id, error)
         && od_stmt_run (stmt, error);
}

static gboolean
org_delete_cb (OdDb      *db,
               gpointer   user_data,
               GError   **error)
{
  TrashData *data = user_data;
  g_autoptr(OdOrganizationFields) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;

  old = load_org_row (db, data->row_id, FALSE, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_org_not_found (error, data->row_id);
      return FALSE;
    }

  /* The search row stays: queries skip deleted rows, and a restore needs it. */
  changes = deleted_at_json (NULL, now);
  return set_deleted_at (db, "organizations", old->id, now, now, error)
         && add_trash_entry (db, "organizations", old->id, old->name, now, error)
         && od_audit_record (db, "organizations", old->id, old->uuid, "delete", changes,
                             old->name, error);
}

static char *
person_label (const OdPersonFields *f)
{
  if (f->organization_name != NULL && f->organization_name[0] != '\0')
    return g_strdup_printf ("%s · %s", f->name, f->organization_name);
  return g_strdup (f->name);
}

static gboolean
person_delete_cb (OdDb      *db,
                  gpointer   user_data,
                  GError   **error)
{
  TrashData *data = user_data;
  g_autoptr(OdPersonFields) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  g_autofree char *label = NULL;

  old = load_person_row (db, data->row_id, FALSE, &local_error);
  if (old == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_person_not_found (error, data->row_id);
      return FALSE;
    }

  label = person_label (old);
  changes = deleted_at_json (NULL, now);
  return set_deleted_at (db, "people", old->id, now, now, error)
         && add_trash_entry (db, "people", old->id, label, now, error)
         && od_audit_record (db, "people", old->id, old->uuid, "delete", changes, label, error);
}

/* The trash entry of a row: its label, or NULL (NOT_FOUND) when the row is
 * not in the trash. */
static char *
trash_label (OdDb        *db,
             const char  *table_name,
             gint64       row_id,
             GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT label FROM trash WHERE table_name = ?1 AND row_id = ?2", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, table_name, error)
      || !od_stmt_bind_int64 (stmt, 2, row_id, error))
    return NULL;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      return g_strdup (od_stmt_get_text (stmt, 0));
    case OD_STEP_DONE:
      g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
                   _("The record is not in the trash (any more). Reload the trash."));
      return NULL;
    case OD_STEP_ERROR:
    default:
      return NULL;
    }
}

/* Refuses (DUPLICATE) restoring an organization whose name or code a live
 * one has taken meanwhile: the unique indexes would refuse it anyway. */
static gboolean
check_org_restorable (OdDb               *db,
                      const OdOrganizationFields  *f,
                      GError            **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT id, name, name = ?1 FROM organizations WHERE deleted_at IS NULL"
                        " AND id <> ?3 AND (name = ?1 OR credit_code = ?2)"
                        " ORDER BY name = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->name, error)
      || !od_stmt_bind_text (stmt, 2, f->credit_code, error)
      || !od_stmt_bind_int64 (stmt, 3, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 2) != 0)
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: %s is an organization's name */
                     _("“%s” cannot be restored: another organization now has the same name. "
                       "Rename that organization first, then restore this one."), f->name);
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is an organization's name, the second a
                      * credit code, the third another organization's name */
                     _("“%s” cannot be restored: its credit code %s is now recorded for “%s”. "
                       "Correct or remove the code of “%s” first, then restore this one."),
                     f->name, f->credit_code, od_stmt_get_text (stmt, 1),
                     od_stmt_get_text (stmt, 1));
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
check_person_restorable (OdDb                  *db,
                         const OdPersonFields  *f,
                         GError               **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT name, id_number = ?1 FROM people WHERE deleted_at IS NULL"
                        " AND id <> ?4 AND (id_number = ?1 OR (?3 <> '' AND name = ?2"
                        " AND mobile = ?3)) ORDER BY id_number = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->id_number, error)
      || !od_stmt_bind_text (stmt, 2, f->name, error)
      || !od_stmt_bind_text (stmt, 3, f->mobile, error)
      || !od_stmt_bind_int64 (stmt, 4, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 1) != 0)
        {
          g_autofree char *masked = od_id_number_mask (f->id_number);

          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                       /* Translators: the first %s is a person's name, the second a masked
                        * ID number, the third another person's name */
                       _("%s cannot be restored: the ID number %s is now recorded for %s. "
                         "Correct that record first, then restore this one."),
                       f->name, masked, od_stmt_get_text (stmt, 0));
        }
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is a person's name, the second a mobile
                      * number */
                     _("%s cannot be restored: %s with the mobile number %s is recorded again "
                       "meanwhile. Rename or correct that record first, then restore this "
                       "one."), f->name, f->name, f->mobile);
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
restore_cb (OdDb      *db,
            gpointer   user_data,
            GError   **error)
{
  TrashData *data = user_data;
  g_autofree char *label = NULL;
  g_autofree char *now = od_db_now (db);
  g_autofree char *changes = NULL;
  g_autofree char *row_uuid = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *deleted_at = NULL;

  label = trash_label (db, data->table_name, data->row_id, error);
  if (label == NULL)
    return FALSE;

  if (g_str_equal (data->table_name, "organizations"))
    {
      g_autoptr(OdOrganizationFields) f = load_org_row (db, data->row_id, TRUE, &local_error);

      if (f == NULL)
        goto missing;
      if (!check_org_restorable (db, f, error))
        return FALSE;
      row_uuid = g_strdup (f->uuid);
    }
  else
    {
      g_autoptr(OdPersonFields) f = load_person_row (db, data->row_id, TRUE, &local_error);

      if (f == NULL)
        goto missing;
      if (!check_person_restorable (db, f, error))
        return FALSE;
      row_uuid = g_strdup (f->uuid);
    }

  {
    g_autoptr(OdStmt) stmt = NULL;

    stmt = od_db_prepare (db, "SELECT deleted_at FROM trash WHERE table_name = ?1 AND row_id = ?2",
                          error);
    if (stmt == NULL
        || !od_stmt_bind_text (stmt, 1, data->table_name, error)
        || !od_stmt_bind_int64 (stmt, 2, data->row_id, error)
        || od_stmt_step (stmt, error) != OD_STEP_ROW)
      return FALSE;
    deleted_at = g_strdup (od_stmt_get_text (stmt, 0));
  }

  changes = deleted_at_json (deleted_at, NULL);
  return set_deleted_at (db, data->table_name, data->row_id, NULL, now, error)
         && remove_trash_entry (db, data->table_name, data->row_id, error)
         && od_audit_record (db, data->table_name, data->row_id, row_uuid, "restore", changes,
                             label, error);

missing:
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_NOT_FOUND,
                 /* Translators: %s is the label of a trash entry */
                 _("“%s” no longer exists. Reload the trash."), label);
  return FALSE;
}

/* Refuses (REFERENCED) purging an organization that people still belong
 * to, live or in the trash; the message names them. */
static gboolean
check_org_unreferenced_by_people (OdDb        *db,
                                  gint64       id,
                                  const char  *label,
                                  GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;
  gint64 n = 0;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT name, count(*) OVER () FROM people WHERE organization_id = ?1"
                        " ORDER BY deleted_at IS NOT NULL, sort_key, id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      n = od_stmt_get_int64 (stmt, 1);
      if (names->len < MAX_NAMES_LISTED)
        g_ptr_array_add (names, g_strdup (od_stmt_get_text (stmt, 0)));
      else
        break;
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (n == 0)
    return TRUE;

  if (n > (gint64) names->len)
    g_ptr_array_add (names, g_strdup ("…"));
  g_ptr_array_add (names, NULL);
  /* Translators: separates names in a list */
  listed = g_strjoinv (_(", "), (char **) names->pdata);
  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED,
               /* Translators: the first %s is an organization's name, %d a number of
                * people, the last %s their names */
               ngettext ("“%s” is still referred to by %d person (%s). Move or delete them first.",
                         "“%s” is still referred to by %d people (%s). Move or delete them first.",
                         (unsigned long) n),
               label, (int) n, listed);
  return FALSE;
}

/* Refuses (REFERENCED) purging a row that rows of other tables refer to by
 * a foreign key without ON DELETE CASCADE / SET NULL.  The tables come from
 * the schema itself, so that tables added by later migrations (inspections,
 * attendance, …) are honoured without changes here. SKIP_TABLE has its own,
 * more helpful check. */
static gboolean
check_unreferenced (OdDb        *db,
                    const char  *table_name,
                    gint64       row_id,
                    const char  *label,
                    const char  *skip_table,
                    GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT m.name, f.\"from\" FROM sqlite_master m,"
                        " pragma_foreign_key_list (m.name) f"
                        " WHERE m.type = 'table' AND f.\"table\" = ?1"
                        " AND upper (f.on_delete) NOT IN ('CASCADE', 'SET NULL')"
                        " ORDER BY m.name", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, table_name, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      const char *table = od_stmt_get_text (stmt, 0);
      const char *column = od_stmt_get_text (stmt, 1);
      g_autofree char *quoted_table = NULL;
      g_autofree char *quoted_column = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(OdStmt) count = NULL;
      gint64 n = 0;

      if (g_strcmp0 (table, skip_table) == 0)
        continue;

      /* Identifiers from sqlite_master, not user text; quoted all the same. */
      quoted_table = od_db_quote_identifier (table);
      quoted_column = od_db_quote_identifier (column);
      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", quoted_table, quoted_column);
      count = od_db_prepare (db, sql, error);
      if (count == NULL || !od_stmt_bind_int64 (count, 1, row_id, error)
          || !od_stmt_step_int64 (count, &n, error))
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED,
                       /* Translators: the first %s is a record's label, %d a number of
                        * records, the last %s a table name */
                       ngettext ("“%s” is still referred to by %d record in %s. Delete or "
                                 "change it first.",
                                 "“%s” is still referred to by %d records in %s. Delete or "
                                 "change them first.", (unsigned long) n),
                       label, (int) n, table);
          return FALSE;
        }
    }
  return step == OD_STEP_DONE;
}

static gboolean
purge_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  TrashData *data = user_data;
  g_autofree char *label = NULL;
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *row_uuid = NULL;
  gboolean is_org = g_str_equal (data->table_name, "organizations");

  label = trash_label (db, data->table_name, data->row_id, error);
  if (label == NULL)
    return FALSE;

  if (is_org)
    {
      g_autoptr(OdOrganizationFields) f = load_org_row (db, data->row_id, TRUE, &local_error);

      if (f != NULL)
        row_uuid = g_strdup (f->uuid);
      if (!check_org_unreferenced_by_people (db, data->row_id, label, error)
          || !check_unreferenced (db, "organizations", data->row_id, label, "people", error))
        return FALSE;
    }
  else
    {
      g_autoptr(OdPersonFields) f = load_person_row (db, data->row_id, TRUE, &local_error);

      if (f != NULL)
        row_uuid = g_strdup (f->uuid);
      if (!check_unreferenced (db, "people", data->row_id, label, NULL, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The search row goes with it (ON DELETE CASCADE), and its FTS entry with
   * the search row's trigger.  Only a row in the trash is ever purged. */
  stmt = od_db_prepare (db,
                        is_org ? "DELETE FROM organizations WHERE id = ?1 AND deleted_at IS NOT NULL"
                               : "DELETE FROM people WHERE id = ?1 AND deleted_at IS NOT NULL",
                        error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, data->row_id, error)
      || !od_stmt_run (stmt, error))
    return FALSE;

  return remove_trash_entry (db, data->table_name, data->row_id, error)
         && od_audit_record (db, data->table_name, data->row_id, row_uuid, "purge", NULL, label,
                             error);
}

typedef struct
{
  guint n_kept;
} EmptyData;

static gboolean
empty_cb (OdDb      *db,
          gpointer   user_data,
          GError   **error)
{
  EmptyData *data = user_data;
  gboolean progress = TRUE;
  g_autoptr(GPtrArray) entries = NULL;

  /* People first, and again while anything went: an organization can be
   * purged once the people in the trash that belonged to it are gone. */
  while (progress)
    {
      progress = FALSE;
      data->n_kept = 0;
      g_clear_pointer (&entries, g_ptr_array_unref);
      entries = od_trash_list (db, error);
      if (entries == NULL)
        return FALSE;

      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < entries->len; i++)
          {
            OdTrashEntry *entry = g_ptr_array_index (entries, i);
            gboolean is_people = g_str_equal (entry->table_name, "people");
            g_autoptr(GError) local_error = NULL;

            if ((pass == 0) != is_people)
              continue;
            if (!g_str_equal (entry->table_name, "organizations") && !is_people)
              {
                /* Other sections empty their own records. */
                data->n_kept++;
                continue;
              }
            if (od_trash_purge (db, entry->table_name, entry->row_id, &local_error))
              {
                progress = TRUE;
                continue;
              }
            if (!g_error_matches (local_error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED))
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            data->n_kept++;
          }
    }
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

  searching = search_init (&search, filter->query);
  if (search.letters != NULL)
    {
      loose = loose_matches (db, &search, &org_search_sql, error);
      if (loose == NULL)
        return NULL;
    }

  g_string_append (sql, "SELECT o.id, ");
  search_append_hit (sql, &search, &org_search_sql);
  g_string_append (sql, " FROM organizations o");
  if (filter->sort == OD_ORGANIZATION_SORT_AREA)
    g_string_append (sql, " LEFT JOIN areas a ON a.id = o.area_id");
  else if (filter->sort == OD_ORGANIZATION_SORT_CATEGORY)
    g_string_append (sql, " LEFT JOIN categories c ON c.id = o.category_id");
  g_string_append (sql, " WHERE ");

  if (searching)
    {
      search_append_condition (sql, &search, &org_search_sql);
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
  if ((searching && !search_bind (stmt, &search, error))
      || (filter->type != OD_ORGANIZATION_TYPE_UNKNOWN
          && !od_stmt_bind_text (stmt, 10, od_organization_type_to_key (filter->type), error))
      || (filter->category_id != 0 && !od_stmt_bind_int64 (stmt, 11, filter->category_id, error))
      || (filter->area_id != 0 && !od_stmt_bind_int64 (stmt, 12, filter->area_id, error))
      || (filter->status != NULL && !od_stmt_bind_text (stmt, 13, filter->status, error)))
    return NULL;

  return collect_ids (stmt, loose, error);
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

  fields = load_org_row (db, id, FALSE, &local_error);
  if (fields == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_org_not_found (error, id);
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
  TrashData data = { "organizations", id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_db_transaction (db, org_delete_cb, &data, error);
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

  searching = search_init (&search, filter->query);
  if (search.letters != NULL)
    {
      loose = loose_matches (db, &search, &person_search_sql, error);
      if (loose == NULL)
        return NULL;
    }

  g_string_append (sql, "SELECT p.id, ");
  search_append_hit (sql, &search, &person_search_sql);
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
      search_append_condition (sql, &search, &person_search_sql);
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
  if ((searching && !search_bind (stmt, &search, error))
      || (filter->organization_id != 0
          && !od_stmt_bind_int64 (stmt, 10, filter->organization_id, error))
      || (filter->gender != NULL && !od_stmt_bind_text (stmt, 11, filter->gender, error)))
    return NULL;

  return collect_ids (stmt, loose, error);
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

  fields = load_person_row (db, id, FALSE, &local_error);
  if (fields == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_person_not_found (error, id);
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
  TrashData data = { "people", id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  return od_db_transaction (db, person_delete_cb, &data, error);
}

/* --- public API: the trash --- */

void
od_trash_entry_free (OdTrashEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->table_name);
  g_free (entry->label);
  g_free (entry->deleted_at);
  g_free (entry->deleted_by);
  g_free (entry);
}

/* Every entry of the trash, of every table, newest first. */
GPtrArray *
od_trash_list (OdDb    *db,
               GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) od_trash_entry_free);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  stmt = od_db_prepare (db,
                        "SELECT id, table_name, row_id, label, deleted_at, deleted_by FROM trash"
                        " ORDER BY deleted_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdTrashEntry *entry = g_new0 (OdTrashEntry, 1);

      entry->id = od_stmt_get_int64 (stmt, 0);
      entry->table_name = od_store_dup_column_or_empty (stmt, 1);
      entry->row_id = od_stmt_get_int64 (stmt, 2);
      entry->label = od_store_dup_column_or_empty (stmt, 3);
      entry->deleted_at = od_store_dup_column_or_empty (stmt, 4);
      entry->deleted_by = od_store_dup_column_or_empty (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
od_trash_restore (OdDb        *db,
                  const char  *table_name,
                  gint64       row_id,
                  GError     **error)
{
  TrashData data = { table_name, row_id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!check_known_table (table_name, error))
    return FALSE;
  return od_db_transaction (db, restore_cb, &data, error);
}

gboolean
od_trash_purge (OdDb        *db,
                const char  *table_name,
                gint64       row_id,
                GError     **error)
{
  TrashData data = { table_name, row_id };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!check_known_table (table_name, error))
    return FALSE;
  return od_db_transaction (db, purge_cb, &data, error);
}

/* Purges every organization and person in the trash that nothing refers
 * to; N_KEPT gets how many entries stay (referenced, or of other tables). */
gboolean
od_trash_empty (OdDb    *db,
                guint   *n_kept,
                GError **error)
{
  EmptyData data = { 0 };

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  if (!od_db_transaction (db, empty_cb, &data, error))
    return FALSE;
  if (n_kept != NULL)
    *n_kept = data.n_kept;
  return TRUE;
}
