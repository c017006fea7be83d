/* od-training-laptop.h — attendance on a laptop away from the office:
 * a course written to a small OrgDesk database of its own, and its marks
 * merged back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The laptop file is an ordinary OrgDesk database (the same application
 * opens it) holding one course, its sessions, enrolments and marks, and
 * the people and organizations they name, under the same uuids. Merging
 * matches records by uuid; people created on the laptop (walk-ins) are
 * matched by ID number or by name and mobile before a new record is made,
 * so nobody is duplicated.
 */
#pragma once

#include "od-db.h"

G_BEGIN_DECLS

typedef struct
{
  char      *backup_path;        /* the office database before the merge */
  gint64     audit_id;           /* the merge's entry in the history */
  guint      people_added;       /* walk-ins new to the office */
  guint      people_matched;     /* walk-ins the office knew (ID number, name + mobile) */
  guint      enrolments_added;
  guint      marks_added;
  guint      marks_updated;      /* conflicts where the laptop's mark was newer */
  guint      marks_unchanged;
  GPtrArray *conflicts;          /* char *: a mark both sides changed, both values */
  GPtrArray *skipped;            /* char *: what the office deleted meanwhile */
} OdMergeResult;

void            od_merge_result_free        (OdMergeResult  *result);

/* Writes course COURSE_ID with its sessions, enrolments, marks and the
 * people and organizations they name into a new database at PATH (which
 * must not exist yet). */
gboolean        od_training_export_course   (OdDb           *db,
                                             gint64          course_id,
                                             const char     *path,
                                             GError        **error);
/* Brings the attendance of the laptop database at PATH into DB, after a
 * backup, in one transaction: new walk-ins, enrolments and marks added;
 * a mark both sides set differently is a conflict, the newer one kept and
 * both reported. */
OdMergeResult  *od_training_merge           (OdDb           *db,
                                             const char     *path,
                                             GError        **error);

/* Whether the merge of RESULT is still the last change to DB, so that
 * restoring its backup undoes it and nothing else. */
gboolean        od_training_merge_is_last   (OdDb                *db,
                                             const OdMergeResult *result,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdMergeResult, od_merge_result_free)

G_END_DECLS
