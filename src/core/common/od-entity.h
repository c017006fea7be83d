/* od-entity.h — the entity registry: one descriptor per kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entity (organizations, people; later courses, sessions, contributions
 * …) is described once, by the domain that owns it: its table, its nouns,
 * how a record is made, loaded, checked, saved and described, and one
 * field table that serves the audit diff, the export's columns and the
 * import's headers. The choice tables (OdChoice) are the one place where
 * an enum's stored keys, their labels and the words spreadsheets use for
 * them live; the interface's combo rows read them too.
 *
 * Import, export, import undo, the trash, `orgdesk-cli import/export`, the
 * import window, the trash window and the list pages' export read the
 * registry and never compare against an entity's name. A domain registers
 * its entities with one od_entity_register() line each, in its
 * od-<domain>-entities.c; src/core/od-domains.c calls each domain's
 * registration once (od_domains_register()).
 *
 * Conventions an entity's table keeps: an integer primary key `id`, a
 * `uuid`, `updated_at`, and `deleted_at` (NULL while live) when it can go
 * to the trash.
 */
#pragma once

#include <glib.h>

#include "od-types.h"

G_BEGIN_DECLS

/* --- choices: an enum's keys, labels and spreadsheet words --- */

typedef struct
{
  const char        *key;     /* as stored: "social_group"; "" = none (a nullable column) */
  const char        *label;   /* N_(): as shown: "Social group" */
  const char *const *words;   /* as spreadsheets write it: 社会团体, 民办非企业单位; or NULL */
} OdChoice;

/* Words of an OdChoice: OD_WORDS ("社会团体", "社团"). */
#define OD_WORDS(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* CHOICES is terminated by an entry with a NULL key. */
/* The entry of KEY (NULL matches ""), or NULL. */
const OdChoice *od_choices_find    (const OdChoice *choices,
                                    const char     *key);
/* Whether KEY is one of CHOICES' non-empty keys. */
gboolean     od_choices_has_key    (const OdChoice *choices,
                                    const char     *key);

/* --- fields --- */

/* How a cell of an imported file is read into the field. */
typedef enum
{
  OD_INPUT_TEXT,        /* trimmed text */
  OD_INPUT_DATE,        /* 2017-10-19, 2017/10/19, 2017年10月19日, 20171019, a serial → YYYY-MM-DD */
  OD_INPUT_CODE,        /* credit code, ID number: od_normalize_code(); exported as text */
  OD_INPUT_PHONE,       /* full-width forms folded; the store checks; exported as text */
  OD_INPUT_MOBILE,      /* also: separators and +86 removed from 11-digit numbers */
  OD_INPUT_COUNT,       /* a whole number, thousands separators allowed */
  OD_INPUT_POINTS,      /* points with one decimal, 27.5 or 30分, into tenths (an OD_FIELD_INT);
                         * exported as points; an empty cell is not given */
  OD_INPUT_MONEY,       /* an amount as people type it (3.5万, 35,000, ¥35,000.00) → fen */
  OD_INPUT_CHOICE,      /* a word or key of the field's choices → the key */
  OD_INPUT_LOOKUP,      /* the field's lookup callback → a row id */
  OD_INPUT_UUID,        /* kept for a new record, used for matching */
  OD_INPUT_READ_ONLY,   /* written by the export, set by OrgDesk: created_at, updated_at */
} OdInput;

/* Where the value lives in the record struct, and how it is logged. */
typedef enum
{
  OD_FIELD_NONE,        /* exported only (READ_ONLY): a char * */
  OD_FIELD_TEXT,        /* char *, never NULL */
  OD_FIELD_NULLABLE,    /* char *, NULL = not given */
  OD_FIELD_INT,         /* gint64 */
  OD_FIELD_MONEY,       /* gint64 fen: yuan in CSV and XLSX, fen in JSON and the audit */
  OD_FIELD_REF,         /* gint64 row id, 0 = none (null in the audit log); shown by name */
  OD_FIELD_ENUM,        /* an int enum, stored and logged as its key (enum_to_key) */
  OD_FIELD_ID_NUMBER,   /* char *, NULL = not given; personal: masked in logs and exports */
} OdFieldKind;

/* Looks TEXT (a cell, cleaned) up: *ID gets the row id, or 0 with
 * *PROBLEM saying what is wrong and what to do. FALSE only on a database
 * error. The import asks once per distinct text. */
typedef gboolean (*OdLookupFunc) (OdDb        *db,
                                  const char  *text,
                                  gint64      *id,
                                  char       **problem,
                                  GError     **error);

typedef struct
{
  const char        *key;          /* the export's column key, the import's: "credit_code" */
  const char        *member;       /* the audit's and OdProblem's name when not KEY ("area_id"), or NULL */
  const char        *label;        /* N_(): for the import's mapping step */
  OdInput            input;
  OdFieldKind        kind;
  gsize              offset;       /* of the member in the record struct */
  gsize              text_offset;  /* REF: the char * member with the referenced name */
  const char        *ref_sql;      /* REF, for od-entity-store: that name, by id (?1) */
  const char *const *headers;      /* usual headers, NULL-terminated or NULL; the key always maps */
  const OdChoice    *choices;      /* CHOICE */
  OdLookupFunc       lookup;       /* LOOKUP */
  int              (*enum_from_key) (const char *key);   /* ENUM */
  const char      *(*enum_to_key)   (int value);         /* ENUM */
  gboolean           required;
} OdEntityField;

/* The audit's and the problems' name of FIELD: member, else key. */
const char  *od_entity_field_name      (const OdEntityField *field);
/* Whether FIELD is logged in the audit: everything the user edits. */
gboolean     od_entity_field_is_audited (const OdEntityField *field);

/* A way to recognise an existing record when importing: all KEYS given
 * in the row (up to two, NULL-terminated). SQL binds their values as ?1,
 * ?2 and returns the row id (and, when IS_UUID, whether it is in the
 * trash: a record key of a deleted record is refused, not duplicated). */
typedef struct
{
  const char *keys[3];
  const char *what;          /* N_(): "credit code" */
  const char *sql;
  gboolean    is_uuid;
} OdEntityMatch;

/* Field tables: one row of TYPE's MEMBER, the audit's and import's KEY,
 * and the usual spreadsheet headers of a field. */
#define OD_HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })
#define OD_ENTITY_FIELD(type, key_, label_, input_, kind_, member_, ...) \
  { .key = key_, .label = label_, .input = input_, .kind = kind_, \
    .offset = G_STRUCT_OFFSET (type, member_), __VA_ARGS__ }
/* The created_at and updated_at members every record has, read-only. */
#define OD_ENTITY_TIMESTAMPS(type) \
  OD_ENTITY_FIELD (type, "created_at", N_("Created at"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, \
                   created_at), \
  OD_ENTITY_FIELD (type, "updated_at", N_("Updated"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, updated_at)

/* --- entities --- */

typedef struct _OdEntity OdEntity;

/* A count's singular and plural msgids ("%" PRId64 " organization", …),
 * for g_dngettext(); NN_() marks them for xgettext. */
typedef struct
{
  const char *one;
  const char *other;
} OdCountText;

#define NN_(one, other) { one, other }

struct _OdEntity
{
  const char           *name;          /* the table: the CLI's ENTITY, the audit's and trash's table_name */
  const char           *noun;          /* N_(): "organization" */
  const char           *plural;        /* N_(): "Organizations": titles, worksheet names */
  const char           *kind;          /* N_(): "Organization": what a record is, in the trash */
  OdCountText           count_text;    /* NN_(): "412 organizations" */
  const OdEntityField  *fields;
  guint                 n_fields;
  const OdEntityMatch  *matches;       /* tried in order */
  guint                 n_matches;
  /* A failing code in REASON_FIELD needs a reason: the field REASON_KEY. */
  const char           *reason_field;
  const char           *reason_key;
  gsize                 id_offset;     /* of the gint64 row id in the record struct */
  gsize                 uuid_offset;   /* of the char * uuid */

  /* Records: the struct of fields the store reads and writes. */
  gpointer            (*record_new)   (void);
  /* A live record, or NULL (ERROR set when not found). */
  gpointer            (*record_load)  (OdDb *db, gint64 id, GError **error);
  void                (*record_free)  (gpointer record);
  GPtrArray          *(*validate)     (OdDb *db, gconstpointer record);   /* of OdProblem */
  gint64              (*save)         (OdDb *db, gconstpointer record, GError **error);
  /* How a record is named in the trash and in messages: a name, a name
   * and its organization, a date and a course. */
  char               *(*describe)     (gconstpointer record);

  /* Export: the live rows in the export's order (SQL over the table's
   * columns, fixed text: "sort_key, id"), and records loaded a chunk at a
   * time (a GPtrArray freeing its items; ITEM_RECORD gives a record). */
  const char           *list_order;
  GPtrArray          *(*load_items)   (OdDb *db, const gint64 *ids, guint n_ids, GError **error);
  gconstpointer       (*item_record)  (gpointer item);

  /* The trash (NULL when records are deleted for good at once): move to
   * the trash, and the checks restore and purge run first. */
  gboolean            (*trash)        (OdDb *db, gint64 id, GError **error);
  /* RECORD (loaded whether live or not) may come back: no live duplicate. */
  gboolean            (*check_restore)(OdDb *db, gconstpointer record, GError **error);
  /* Row ID may be removed for good: nothing refers to it; LABEL names it. */
  gboolean            (*check_purge)  (OdDb *db, gint64 id, const char *label, GError **error);
  /* Loads a record whether live or in the trash (restore, purge). */
  gpointer            (*record_load_any) (OdDb *db, gint64 id, GError **error);
};

/* Registers ENTITY (static; registered once). Entities are listed in
 * registration order: register what others refer to first (organizations
 * before people); the trash is emptied in the reverse order. */
void             od_entity_register       (const OdEntity      *entity);
/* The entity called NAME, or NULL. */
const OdEntity  *od_entity_find           (const char          *name);
/* The registered entities, in order (an array of const OdEntity *). */
const OdEntity *const *od_entity_list     (guint               *n_entities);
/* Their names, comma-separated, for messages: "organizations, people". */
char            *od_entity_names          (gboolean           (*filter) (const OdEntity *entity));
/* The importable / exportable / trashable ones (filters for the above). */
gboolean         od_entity_can_import     (const OdEntity      *entity);
gboolean         od_entity_can_export     (const OdEntity      *entity);
gboolean         od_entity_can_trash      (const OdEntity      *entity);

const OdEntityField *od_entity_find_field (const OdEntity      *entity,
                                           const char          *key);
/* Whether a field of ENTITY is personal data (ID numbers). */
gboolean         od_entity_has_personal_data (const OdEntity   *entity);

gint64           od_entity_record_id      (const OdEntity      *entity,
                                           gconstpointer        record);
const char      *od_entity_record_uuid    (const OdEntity      *entity,
                                           gconstpointer        record);

/* "412 organizations", translated. */
char            *od_entity_format_count   (const OdEntity      *entity,
                                           gint64               count);

/* The audit's {"field": [old, new], …} of the audited fields that differ;
 * OLD NULL = an insert, listing the non-empty fields as [null, new]. NULL
 * when nothing changed. ID numbers are logged masked. */
char            *od_entity_changes_json   (const OdEntity      *entity,
                                           gconstpointer        old_record,
                                           gconstpointer        new_record);
/* An error for each text field of RECORD with a control character. */
void             od_entity_check_control_chars (const OdEntity *entity,
                                                GPtrArray      *problems,
                                                gconstpointer   record);
/* Whether A and B hold the same values in every stored field. */
gboolean         od_entity_records_equal  (const OdEntity      *entity,
                                           gconstpointer        a,
                                           gconstpointer        b);

G_END_DECLS
