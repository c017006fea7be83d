/* od-search.c — searching a table as the user types: FTS5 and scan
 * conditions, the pinyin-initials subsequence match, and the list query
 * built around them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a query is searched is described in od-search.h.
 */
#define G_LOG_DOMAIN "orgdesk-search"

#include "config.h"

#include <string.h>

#include "od-search.h"

/* How one query is searched (od-search.h). */
typedef struct
{
  char *fts_phrase;     /* ?1: 3+ characters, quoted for FTS5 */
  char *folded;         /* ?2: 1–2 characters, lower-cased ASCII */
  char *letters;        /* 3+ ASCII letters, lower case: subsequence of initials */
  char *first_like;     /* ?3: "b%" */
  char *first_like_sp;  /* ?4: "% b%" (a later term: alternatives, short name) */
} OdSearch;

/* Lower-cased ASCII, as stored in the search text and compared with it. */
char *
od_search_fold (const char *text)
{
  return g_ascii_strdown (text != NULL ? text : "", -1);
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

static void
search_clear (OdSearch *search)
{
  g_clear_pointer (&search->fts_phrase, g_free);
  g_clear_pointer (&search->folded, g_free);
  g_clear_pointer (&search->letters, g_free);
  g_clear_pointer (&search->first_like, g_free);
  g_clear_pointer (&search->first_like_sp, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OdSearch, search_clear)

/* FALSE when QUERY asks for nothing (NULL, empty, blank). */
static gboolean
search_init (OdSearch     *search,
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
    search->folded = od_search_fold (trimmed);

  for (const char *p = trimmed; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      letters_only = FALSE;

  /* Only from 3 letters on: "bs" as a subsequence would match nearly every
   * 宝鸡市… name, which is noise while the user is still typing. */
  if (letters_only && n_chars >= 3)
    {
      search->letters = od_search_fold (trimmed);
      search->first_like = g_strdup_printf ("%c%%", search->letters[0]);
      search->first_like_sp = g_strdup_printf ("%% %c%%", search->letters[0]);
    }
  return TRUE;
}

/* The hit column: whether a row is a direct match (1 unless subsequence
 * candidates are mixed in). */
static void
append_hit (GString         *sql,
            const OdSearch    *search,
            const OdSearchTables *tables)
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
append_condition (GString         *sql,
                  const OdSearch    *search,
                  const OdSearchTables *tables)
{
  g_string_append_printf (sql, "%s IN (%s", tables->id,
                          search->fts_phrase != NULL ? tables->fts : tables->scan);
  if (search->letters != NULL)
    g_string_append_printf (sql, " UNION ALL %s", tables->candidates);
  g_string_append (sql, ")");
}

static gboolean
search_bind (OdStmt        *stmt,
             const OdSearch  *search,
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
               const OdSearch     *search,
               const OdSearchTables  *tables,
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

/* " ORDER BY prefix, key [DESC], ties" */
static void
append_order_by (GString    *sql,
                 OdSortSql   sort,
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

GArray *
od_search_query_ids (OdDb               *db,
                     const OdListQuery  *query,
                     GError            **error)
{
  g_auto(OdSearch) search = { 0 };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) filters = g_string_new (NULL);
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GHashTable) loose = NULL;
  const char *a = query->alias;
  gboolean searching;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  searching = search_init (&search, query->query);
  if (search.letters != NULL)
    {
      loose = loose_matches (db, &search, query->search, error);
      if (loose == NULL)
        return NULL;
    }

  g_string_append_printf (sql, "SELECT %s.id, ", a);
  append_hit (sql, &search, query->search);
  g_string_append_printf (sql, " FROM %s %s%s%s WHERE ", query->table, a,
                          query->joins != NULL ? " " : "", query->joins != NULL ? query->joins : "");

  if (searching)
    {
      append_condition (sql, &search, query->search);
      g_string_append_printf (sql, " AND %s.deleted_at IS NULL", a);
      query->append_filters (sql, query->filter, a);
    }
  else if (query->append_filters (filters, query->filter, "f"))
    /* The rows are read in order from the sort_key index, which holds the
     * id but no other column: the rest is tested against one set, made by
     * a single scan of the table (the unary + keeps that set from driving
     * the query). */
    g_string_append_printf (sql, "+%s.id IN (SELECT f.id FROM %s f WHERE f.deleted_at IS NULL%s)",
                            a, query->table, filters->str);
  else
    g_string_append_printf (sql, "%s.id NOT IN (SELECT f.id FROM %s f"
                                 " WHERE f.deleted_at IS NOT NULL)", a, query->table);

  append_order_by (sql, query->sort, query->descending, query->ties);

  stmt = od_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if ((searching && !search_bind (stmt, &search, error))
      || !query->bind_filters (stmt, query->filter, error))
    return NULL;
  return collect_ids (stmt, loose, error);
}
