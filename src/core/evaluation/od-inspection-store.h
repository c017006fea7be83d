/* od-inspection-store.h — annual inspections: saving, the year's grid and
 * counts, and the warnings they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving and loading are od-entity-store.h's, from the field table of
 * od-inspection-entities.c; the reads here are the year grid's, the
 * dashboard's and the grade evaluation's. Refusals are OD_STORE_ERROR
 * errors.
 *
 * The warnings follow DESIGN.md §2 "Annual inspection" and the downgrade
 * triggers of "Grade evaluation". An organization "took no inspection" of a
 * year when its row says not_submitted, or when it has no row although it
 * was registered before 1 July of that year (or its registration date is
 * unknown) and the year is recorded at all (some live inspection of that
 * year exists): a year nobody entered yet is not a year everybody missed.
 */
#pragma once

#include "od-db.h"
#include "od-inspection.h"

G_BEGIN_DECLS

typedef enum
{
  /* That year not_submitted or unqualified, or missing. */
  OD_INSPECTION_WARNING_NOT_SUBMITTED_OR_UNQUALIFIED,
  /* That year and the year before both so: the registration may be revoked. */
  OD_INSPECTION_WARNING_TWO_YEARS_RUNNING,
  /* A graded organization: unqualified that year, basically qualified that
   * year and the year before, or penalized that year. */
  OD_INSPECTION_WARNING_DOWNGRADE,
} OdInspectionWarningKind;

typedef struct
{
  OdInspectionWarningKind  kind;
  int                      year;      /* the year the warning is about */
  char                    *message;   /* translated, naming the year(s) */
} OdInspectionWarning;

/* A row of the year grid: an organization and its inspection of the year. */
typedef struct
{
  gint64               organization_id;
  char                *organization_name;
  char                *org_type;       /* "social_group", … (od_organization_type_choices) */
  OdInspectionFields  *inspection;     /* NULL when there is none */
} OdInspectionYearRow;

/* The year's live inspections by conclusion, and the active organizations
 * registered before that year's 1 July (or on an unknown date) with none. */
typedef struct
{
  gint64  qualified;
  gint64  basically_qualified;
  gint64  unqualified;
  gint64  not_submitted;
  gint64  exempt;
  gint64  missing;
} OdInspectionCounts;

/* An organization with a warning, for the dashboard. */
typedef struct
{
  gint64               organization_id;
  char                *organization_name;
  OdInspectionWarning *warning;
} OdInspectionCityWarning;

gint64               od_inspection_save            (OdDb                       *db,
                                                    const OdInspectionFields   *fields,
                                                    GError                    **error);
OdInspectionFields  *od_inspection_load            (OdDb                       *db,
                                                    gint64                      id,
                                                    GError                    **error);
/* The live inspection of ORGANIZATION_ID for YEAR other than EXCEPT_ID:
 * *ID gets its id, or 0 when there is none. FALSE on a database error. */
gboolean             od_inspection_find            (OdDb                       *db,
                                                    gint64                      organization_id,
                                                    gint64                      year,
                                                    gint64                      except_id,
                                                    gint64                     *id,
                                                    GError                    **error);

/* Every live active organization registered by the end of YEAR (or with an
 * unknown date, or with an inspection of YEAR), by the pinyin of its name,
 * with its inspection of YEAR: a GPtrArray of OdInspectionYearRow freeing
 * them, or NULL on error. */
GPtrArray           *od_inspection_year_list       (OdDb                       *db,
                                                    int                         year,
                                                    GError                    **error);
gboolean             od_inspection_year_counts     (OdDb                       *db,
                                                    int                         year,
                                                    OdInspectionCounts         *counts,
                                                    GError                    **error);
/* The years with live inspections, in order: a GArray of int, or NULL on
 * error. */
GArray              *od_inspection_list_years      (OdDb                       *db,
                                                    GError                    **error);

/* What YEAR's and the year before's inspections of ORGANIZATION_ID warn
 * of (see the top of this file); GRADED says whether it holds a valid
 * grade (the grade evaluation knows). A GPtrArray of OdInspectionWarning
 * freeing them (empty when all is well), or NULL on error. */
GPtrArray           *od_inspection_warnings        (OdDb                       *db,
                                                    gint64                      organization_id,
                                                    int                         year,
                                                    gboolean                    graded,
                                                    GError                    **error);
/* The live active organizations with a warning for YEAR, by the pinyin of
 * their names, one OdInspectionCityWarning per warning (a GPtrArray
 * freeing them), or NULL on error. Grades are not known here: no
 * DOWNGRADE warnings (the grade evaluation asks od_inspection_warnings()). */
GPtrArray           *od_inspection_city_warnings   (OdDb                       *db,
                                                    int                         year,
                                                    GError                    **error);

void                 od_inspection_year_row_free      (OdInspectionYearRow      *row);
void                 od_inspection_warning_free       (OdInspectionWarning      *warning);
void                 od_inspection_city_warning_free  (OdInspectionCityWarning  *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInspectionYearRow, od_inspection_year_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInspectionWarning, od_inspection_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdInspectionCityWarning, od_inspection_city_warning_free)

G_END_DECLS
