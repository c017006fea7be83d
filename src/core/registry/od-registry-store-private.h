/* od-registry-store-private.h — what the registry store
 * (od-registry-store.c), its search helpers (od-registry-search.c) and the
 * trash (od-registry-trash.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-registry-store.h"

G_BEGIN_DECLS

/* --- od-registry-store.c --- */

OdOrganizationFields *_od_registry_load_org_row        (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);
void                  _od_registry_set_org_not_found   (GError     **error,
                                                         gint64       id);
OdPersonFields       *_od_registry_load_person_row     (OdDb        *db,
                                                         gint64       id,
                                                         gboolean     include_deleted,
                                                         GError     **error);
void                  _od_registry_set_person_not_found (GError    **error,
                                                         gint64      id);

/* --- od-registry-search.c --- */

/* How one query is searched; see the comment at the top of od-registry-store.c. */
typedef struct
{
  char *fts_phrase;     /* ?1: 3+ characters, quoted for FTS5 */
  char *folded;         /* ?2: 1–2 characters, lower-cased ASCII */
  char *letters;        /* 3+ ASCII letters, lower case: subsequence of initials */
  char *first_like;     /* ?3: "b%" */
  char *first_like_sp;  /* ?4: "% b%" (a later term: alternatives, short name) */
} Search;

void        _od_registry_search_clear            (Search           *search);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, _od_registry_search_clear)

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

extern const SearchSql _od_registry_org_search_sql;
extern const SearchSql _od_registry_person_search_sql;

char       *_od_registry_search_fold             (const char       *text);
gboolean    _od_registry_search_init             (Search           *search,
                                                  const char       *query);
void        _od_registry_search_append_hit       (GString          *sql,
                                                  const Search     *search,
                                                  const SearchSql  *tables);
void        _od_registry_search_append_condition (GString          *sql,
                                                  const Search     *search,
                                                  const SearchSql  *tables);
gboolean    _od_registry_search_bind             (OdStmt           *stmt,
                                                  const Search     *search,
                                                  GError          **error);
GHashTable *_od_registry_loose_matches           (OdDb             *db,
                                                  const Search     *search,
                                                  const SearchSql  *tables,
                                                  GError          **error);
GArray     *_od_registry_collect_ids             (OdStmt           *stmt,
                                                  GHashTable       *loose,
                                                  GError          **error);

/* --- od-registry-trash.c: the trash's callbacks (od-trash.h) --- */

char       *_od_registry_person_label            (const OdPersonFields       *f);
gboolean    _od_registry_org_check_restore       (OdDb                       *db,
                                                  const OdOrganizationFields *f,
                                                  GError                    **error);
gboolean    _od_registry_person_check_restore    (OdDb                       *db,
                                                  const OdPersonFields       *f,
                                                  GError                    **error);
gboolean    _od_registry_org_check_purge         (OdDb                       *db,
                                                  gint64                      id,
                                                  const char                 *label,
                                                  GError                    **error);

G_END_DECLS
