/* od-store-util.h — what every store does the same way: values read and
 * normalized, checked, and the audit diff of a record described by its
 * field table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "od-db.h"
#include "od-problem.h"

G_BEGIN_DECLS

/* --- a record's fields, for audit entries --- */

typedef enum
{
  OD_FIELD_TEXT,        /* char *, never NULL */
  OD_FIELD_NULLABLE,    /* char *, NULL = not given */
  OD_FIELD_INT,         /* gint64 */
  OD_FIELD_REF,         /* gint64 row id, 0 = none (null in the audit log) */
  OD_FIELD_ENUM,        /* an enum (int), logged as its key (enum_to_key); 0 = not given */
  OD_FIELD_ID_NUMBER,   /* char *, NULL = not given; logged masked, never in full */
} OdFieldKind;

typedef struct
{
  const char  *name;
  OdFieldKind  kind;
  goffset      offset;
  const char *(*enum_to_key) (int value);   /* OD_FIELD_ENUM only */
} OdFieldSpec;

/* One row of a field table: the member of TYPE and its kind. */
#define OD_FIELD(type, member, kind) { #member, kind, G_STRUCT_OFFSET (type, member), NULL }
#define OD_FIELD_ENUM_KEYED(type, member, to_key) \
  { #member, OD_FIELD_ENUM, G_STRUCT_OFFSET (type, member), (const char *(*) (int)) (to_key) }

const char *od_field_spec_text            (gconstpointer       record,
                                           const OdFieldSpec  *spec);
/* {"field": [old, new], …} of the members that differ; OLD NULL = an insert,
 * listing the non-empty members as [null, new]. NULL when nothing changed. */
char       *od_store_changes_json         (const OdFieldSpec  *specs,
                                           guint               n_specs,
                                           gconstpointer       old_record,
                                           gconstpointer       new_record);
/* Text fields with a control character (ESC, BEL, a line break; notes may
 * have line breaks and tabs) get an error each. */
void        od_store_check_control_chars  (GPtrArray          *problems,
                                           const OdFieldSpec  *specs,
                                           guint               n_specs,
                                           gconstpointer       record);

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

void        od_store_check_key            (GPtrArray          *problems,
                                           const char         *field,
                                           const char         *value,
                                           const char *const  *allowed,
                                           gboolean            nullable);
/* An ISO date (YYYY-MM-DD), real, not in the future; NULL is fine. */
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

G_END_DECLS
