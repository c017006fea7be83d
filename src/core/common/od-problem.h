/* od-problem.h — what is wrong with a record, field by field: the list that
 * every store's validation returns and every editor and the import show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OD_PROBLEM_ERROR,     /* must be fixed before saving */
  OD_PROBLEM_WARNING,   /* may be kept with a reason (credit code check) */
  OD_PROBLEM_HINT,      /* information only ("3+ party members: form a party organization") */
} OdProblemSeverity;

typedef struct
{
  char              *field;      /* the record's member name, e.g. "credit_code"; "" = the whole record */
  OdProblemSeverity  severity;
  char              *message;    /* translated: what is wrong and what to do */
  gint64             other_id;   /* for duplicates: the existing record, else 0 */
} OdProblem;

/* MESSAGE is taken. */
OdProblem  *od_problem_new            (const char         *field,
                                       OdProblemSeverity   severity,
                                       gint64              other_id,
                                       char               *message);
void        od_problem_free           (OdProblem          *problem);

/* A GPtrArray of OdProblem that frees them. */
GPtrArray  *od_problems_new           (void);
/* MESSAGE is taken. */
void        od_problems_add           (GPtrArray          *problems,
                                       const char         *field,
                                       OdProblemSeverity   severity,
                                       gint64              other_id,
                                       char               *message);
/* A database failure during validation, which has no GError, as a problem
 * of the whole record. */
void        od_problems_add_db_error  (GPtrArray          *problems,
                                       const GError       *error);
/* A copy: errors first, then warnings, then hints; in the order found
 * otherwise. */
GPtrArray  *od_problems_sorted        (GPtrArray          *problems);
/* The first problem of SEVERITY, or NULL. */
const OdProblem *od_problems_find_severity (GPtrArray     *problems,
                                       OdProblemSeverity   severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdProblem, od_problem_free)

G_END_DECLS
