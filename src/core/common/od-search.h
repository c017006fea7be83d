/* od-search.h — searching a table as the user types, and the list query
 * built around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable table keeps a narrow search table (id, text, initials: the
 * folded text and the pinyin initials of its names) and an FTS5 trigram
 * index over it. A query picks a path by the length of the trimmed query,
 * because FTS5's trigram tokenizer finds nothing for 1–2 character
 * patterns (DESIGN.md §8):
 *
 * - 3 characters or more: the FTS5 index, with the query as one FTS5
 *   string ("…", inner quotes doubled), i.e. a substring of the text or of
 *   the pinyin initials;
 * - 1–2 characters: instr() over the narrow search table;
 * - 3 or more ASCII letters, in addition: the initials of a name with
 *   characters left out ("bjsyx" for 宝鸡市养生协会, bjsysxh), as a
 *   subsequence of a term of the initials starting at its first letter.
 *   Candidates come from `initials LIKE 'b%'`, the check is done in C.
 *   Those rows come after the substring matches, fewest characters left
 *   out first.
 *
 * When searching, the matching ids drive the query; without a search the
 * table's sort_key index is read in order and deleted or filtered-out rows
 * are tested against one set made by a single scan (tests/bench-search.c:
 * every keystroke under 0.1 s with 100,000 organizations).
 *
 * SQL is fixed text chosen by the store; user text only ever reaches
 * SQLite as a bound value (?1–?4 are the search's, ?10 on the filters').
 */
#pragma once

#include <glib.h>

#include "od-db.h"

G_BEGIN_DECLS

/* The fixed SQL of one searchable table: the ids of direct matches by
 * FTS5 (?1) or by a scan (?2), and of candidates for the subsequence
 * match (?3, ?4). */
typedef struct
{
  const char *id;           /* the listed row's id: "o.id" */
  const char *fts;
  const char *scan;
  const char *candidates;
  const char *initials;     /* (id, initials) of the candidates */
} OdSearchTables;

/* ORDER BY pieces of one sort: PREFIX (never reversed: empty values last)
 * and the main key, which DESCENDING reverses. */
typedef struct
{
  const char *prefix;
  const char *key;
} OdSortSql;

/* One list query: the live rows of TABLE (as ALIAS) matching QUERY and the
 * store's filters, in the order asked for. */
typedef struct
{
  const char           *table;        /* "organizations" */
  const char           *alias;        /* "o" */
  const OdSearchTables *search;
  const char           *query;        /* what the user typed, or NULL */
  const char           *joins;        /* LEFT JOINs the sort needs, or NULL */
  /* Appends " AND ALIAS.column = ?10 …" for the filters; TRUE if any. */
  gboolean            (*append_filters) (GString *sql, gconstpointer filter, const char *alias);
  gboolean            (*bind_filters)   (OdStmt *stmt, gconstpointer filter, GError **error);
  gconstpointer         filter;
  OdSortSql             sort;
  gboolean              descending;
  const char           *ties;         /* what breaks ties: "o.sort_key, o.id" */
} OdListQuery;

/* Lower-cased ASCII, as stored in the search text and compared with it. */
char     *od_search_fold       (const char         *text);
/* The ids (gint64) of the rows QUERY lists, in its order; direct search
 * matches before matches of initials with characters left out. */
GArray   *od_search_query_ids  (OdDb               *db,
                                const OdListQuery  *query,
                                GError            **error);

G_END_DECLS
