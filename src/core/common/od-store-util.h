/* od-store-util.h — what every store does the same way: values read and
 * normalized, checked, and the audit diff of a record described by its
 * field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-entity.h"
#include "od-problem.h"

G_BEGIN_DECLS

/* --- errors every store gives --- */

#define OD_STORE_ERROR (od_store_error_quark ())

/* Why a store refused a change; one domain for every store, so that the
 * interface handles a duplicate or a missing reason the same way in every
 * section. */
typedef enum
{
  OD_STORE_ERROR_INVALID,       /* validation problems with severity ERROR; see the problems */
  OD_STORE_ERROR_DUPLICATE,     /* the same code, name, ID number … as another record */
  OD_STORE_ERROR_NEEDS_REASON,  /* a warning (a failing credit code) needs an override reason */
  OD_STORE_ERROR_NOT_FOUND,
  OD_STORE_ERROR_REFERENCED,    /* purge refused: other records refer to it */
} OdStoreError;

GQuark      od_store_error_quark          (void);

/* --- values --- */

/* *FIELD replaced by its normal form (od-text.h; "" for NULL). */
void        od_store_strip_field          (char              **field);
/* Likewise, and "" becomes NULL (dates, optional keys). */
void        od_store_strip_nullable_field (char              **field);
void        od_store_default_field        (char              **field,
                                           const char         *value);
/* od_normalize_code(), "" as NULL. */
char       *od_store_normalize_code_or_null (const char       *text);
/* A mobile number ("13812345678") or a landline with its area code and an
 * optional extension ("0917-3212345-123") from what people type (spaces,
 * dashes, full-width forms, +86); NULL when TEXT is neither. */
char       *od_store_normalize_phone      (const char         *text,
                                           gboolean           *is_mobile);
gboolean    od_store_looks_like_email     (const char         *text);
gboolean    od_store_is_one_of            (const char         *value,
                                           const char *const  *allowed);
/* Today in the local time zone, from od_db_now() (tests pin the clock). */
void        od_store_get_today            (OdDb               *db,
                                           GDate              *today);

/* --- checks that add problems --- */

/* VALUE must be one of CHOICES' keys (NULL allowed when NULLABLE). */
void        od_store_check_key            (GPtrArray          *problems,
                                           const char         *field,
                                           const char         *value,
                                           const OdChoice     *choices,
                                           gboolean            nullable);
/* An ISO date (YYYY-MM-DD), real, and not after TODAY (unless NULL); a
 * NULL VALUE is fine. */
void        od_store_check_date_field     (GPtrArray          *problems,
                                           const char         *field,
                                           const char         *value,
                                           const GDate        *today);

/* --- statements --- */

char       *od_store_dup_column           (OdStmt             *stmt,
                                           int                 column);
char       *od_store_dup_column_or_empty  (OdStmt             *stmt,
                                           int                 column);
/* ID, or NULL for 0. */
gboolean    od_store_bind_ref             (OdStmt             *stmt,
                                           int                 index,
                                           gint64              id,
                                           GError            **error);
/* Whether SQL, run with ?1 = ID, returns a row. */
gboolean    od_store_check_ref_exists     (OdDb               *db,
                                           const char         *sql,
                                           gint64              id,
                                           gboolean           *exists,
                                           GError            **error);
/* Another live row holding a value that must be unique: SQL selects
 * "id, name" of the rows where ?1 = VALUE (and ?2 = VALUE2, NULL when SQL
 * has no ?2) other than ?3 = EXCEPT_ID ("… AND id <> ?3 LIMIT 1").
 * *OTHER_ID is 0 when there is none; *OTHER_NAME (if not NULL) gets that
 * row's name. FALSE on a database error. */
gboolean    od_store_find_other           (OdDb               *db,
                                           const char         *sql,
                                           const char         *value,
                                           const char         *value2,
                                           gint64              except_id,
                                           gint64             *other_id,
                                           char              **other_name,
                                           GError            **error);
/* The first row SQL finds with ?1, ?2, … bound to VALUES (as many of them
 * as SQL has): its first column (an integer) in *RESULT, its second (text)
 * in *TEXT if not NULL; *RESULT 0 and *TEXT NULL when there is none. */
gboolean    od_store_query_row            (OdDb               *db,
                                           const char         *sql,
                                           const gint64       *values,
                                           guint               n_values,
                                           gint64             *result,
                                           char              **text,
                                           GError            **error);
#define OD_STORE_VALUES(...) ((const gint64[]) { __VA_ARGS__ }), \
  G_N_ELEMENTS (((const gint64[]) { __VA_ARGS__ }))

/* The one live row SQL (?1 = TEXT) finds: *ID, or 0 when none or several;
 * *N_FOUND how many (for the import lookups' messages). */
gboolean    od_store_lookup_unique        (OdDb               *db,
                                           const char         *sql,
                                           const char         *text,
                                           gint64             *id,
                                           gint64             *n_found,
                                           GError            **error);

G_END_DECLS
