/* od-inspection-store.c — annual inspections: saving, the year's grid and
 * counts, and the warnings they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-inspection-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-entity-store.h"
#include "od-inspection-entities.h"
#include "od-inspection-store.h"
#include "od-store-util.h"

/* Registered before this day of a year: inspected for that year (DESIGN.md
 * §2: under six months before the year's end is 免检). */
#define FIRST_EXEMPT_DAY "07-01"

/* --- saving --- */

OD_ENTITY_STORE_TYPED (od_inspection, OdInspectionFields, od_inspection_entity)

gboolean
od_inspection_find (OdDb     *db,
                    gint64    organization_id,
                    gint64    year,
                    gint64    except_id,
                    gint64   *id,
                    GError  **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  *id = 0;
  stmt = od_db_prepare (db, "SELECT id FROM inspections WHERE organization_id = ?1 AND year = ?2"
                            " AND id <> ?3 AND deleted_at IS NULL", error);
  return stmt != NULL && od_stmt_bind_int64 (stmt, 1, organization_id, error)
         && od_stmt_bind_int64 (stmt, 2, year, error)
         && od_stmt_bind_int64 (stmt, 3, except_id, error)
         && od_stmt_step_int64 (stmt, id, error);
}

/* --- the year --- */

void
od_inspection_year_row_free (OdInspectionYearRow *row)
{
  if (row == NULL)
    return;
  g_free (row->organization_name);
  g_free (row->org_type);
  od_inspection_fields_free (row->inspection);
  g_free (row);
}

/* "YEAR-07-01": who registered before it is inspected for YEAR. */
static char *
first_exempt_day (int year)
{
  return g_strdup_printf ("%04d-" FIRST_EXEMPT_DAY, year);
}

/* Gives each row of ROWS with an inspection id (in INSPECTION_IDS, 0 for
 * none, in the same order) its record, loaded in one go. */
static gboolean
attach_inspections (OdDb       *db,
                    GPtrArray  *rows,
                    GArray     *inspection_ids,
                    GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  guint next = 0;

  for (guint i = 0; i < inspection_ids->len; i++)
    if (g_array_index (inspection_ids, gint64, i) != 0)
      g_array_append_val (ids, g_array_index (inspection_ids, gint64, i));
  records = od_entity_store_load_records (&od_inspection_entity, db, (const gint64 *) ids->data,
                                          ids->len, error);
  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      OdInspectionYearRow *row = g_ptr_array_index (rows, i);
      gint64 id = g_array_index (inspection_ids, gint64, i);
      OdInspectionFields *record = next < records->len ? g_ptr_array_index (records, next) : NULL;

      if (id == 0 || record == NULL || record->id != id)
        continue;
      row->inspection = g_ptr_array_steal_index (records, next);
      /* Stealing moved the next record down to NEXT. */
    }
  return TRUE;
}

GPtrArray *
od_inspection_year_list (OdDb    *db,
                         int      year,
                         GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) od_inspection_year_row_free);
  g_autoptr(GArray) inspection_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *year_end = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  stmt = od_db_prepare (db,
                        "SELECT o.id, o.name, o.org_type, coalesce (i.id, 0) FROM organizations o"
                        " LEFT JOIN inspections i ON i.organization_id = o.id AND i.year = ?1"
                        " AND i.deleted_at IS NULL"
                        " WHERE o.deleted_at IS NULL AND o.status = 'active'"
                        " AND (o.registered_on IS NULL OR o.registered_on <= ?2 OR i.id IS NOT NULL)"
                        " ORDER BY o.sort_key, o.id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, year, error)
      || !od_stmt_bind_text (stmt, 2, year_end, error))
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      OdInspectionYearRow *row = g_new0 (OdInspectionYearRow, 1);
      gint64 inspection_id = od_stmt_get_int64 (stmt, 3);

      row->organization_id = od_stmt_get_int64 (stmt, 0);
      row->organization_name = g_strdup (od_stmt_get_text (stmt, 1));
      row->org_type = g_strdup (od_stmt_get_text (stmt, 2));
      g_ptr_array_add (rows, row);
      g_array_append_val (inspection_ids, inspection_id);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, od_stmt_free);
  if (!attach_inspections (db, rows, inspection_ids, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
od_inspection_year_counts (OdDb                *db,
                           int                  year,
                           OdInspectionCounts  *counts,
                           GError             **error)
{
  g_autofree char *exempt_from = first_exempt_day (year);
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  g_return_val_if_fail (OD_IS_DB (db), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = od_db_prepare (db,
                        "SELECT i.conclusion, count(*) FROM inspections i"
                        " JOIN organizations o ON o.id = i.organization_id"
                        " WHERE i.year = ?1 AND i.deleted_at IS NULL AND o.deleted_at IS NULL"
                        " GROUP BY i.conclusion", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, year, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      const char *conclusion = od_stmt_get_text (stmt, 0);
      gint64 n = od_stmt_get_int64 (stmt, 1);

      if (g_str_equal (conclusion, "qualified"))
        counts->qualified = n;
      else if (g_str_equal (conclusion, "basically_qualified"))
        counts->basically_qualified = n;
      else if (g_str_equal (conclusion, "unqualified"))
        counts->unqualified = n;
      else if (g_str_equal (conclusion, "not_submitted"))
        counts->not_submitted = n;
      else if (g_str_equal (conclusion, "exempt"))
        counts->exempt = n;
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, od_stmt_free);

  stmt = od_db_prepare (db,
                        "SELECT count(*) FROM organizations o WHERE o.deleted_at IS NULL"
                        " AND o.status = 'active' AND (o.registered_on IS NULL OR o.registered_on < ?2)"
                        " AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.organization_id = o.id"
                        " AND i.year = ?1 AND i.deleted_at IS NULL)", error);
  return stmt != NULL && od_stmt_bind_int64 (stmt, 1, year, error)
         && od_stmt_bind_text (stmt, 2, exempt_from, error)
         && od_stmt_step_int64 (stmt, &counts->missing, error);
}

GArray *
od_inspection_list_years (OdDb    *db,
                          GError **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(OdStmt) stmt = NULL;
  OdStep step;

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  stmt = od_db_prepare (db, "SELECT DISTINCT year FROM inspections WHERE deleted_at IS NULL"
                            " ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      int year = (int) od_stmt_get_int64 (stmt, 0);

      g_array_append_val (years, year);
    }
  if (step == OD_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&years);
}

/* --- warnings --- */

void
od_inspection_warning_free (OdInspectionWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

void
od_inspection_city_warning_free (OdInspectionCityWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->organization_name);
  od_inspection_warning_free (warning->warning);
  g_free (warning);
}

/* One organization's facts of a year: its conclusion (NULL = no row),
 * whether a row was due (registered before 1 July or on an unknown date,
 * and the year recorded at all) and whether it was penalized. */
typedef struct
{
  const char *conclusion;
  gboolean    due;
  gboolean    penalized;
} YearFacts;

typedef enum
{
  OUTCOME_FINE,
  OUTCOME_UNQUALIFIED,
  OUTCOME_NOT_SUBMITTED,
  OUTCOME_MISSING,
} Outcome;

static Outcome
outcome_of (const YearFacts *facts)
{
  if (facts->conclusion == NULL)
    return facts->due ? OUTCOME_MISSING : OUTCOME_FINE;
  if (g_str_equal (facts->conclusion, "unqualified"))
    return OUTCOME_UNQUALIFIED;
  if (g_str_equal (facts->conclusion, "not_submitted"))
    return OUTCOME_NOT_SUBMITTED;
  return OUTCOME_FINE;
}

static void
add_warning (GPtrArray               *warnings,
             OdInspectionWarningKind  kind,
             int                      year,
             char                    *message)
{
  OdInspectionWarning *warning = g_new0 (OdInspectionWarning, 1);

  warning->kind = kind;
  warning->year = year;
  warning->message = message;
  g_ptr_array_add (warnings, warning);
}

/* DESIGN.md §2 "Annual inspection": not submitted or 不合格 → a warning;
 * two years running → revocation risk; "Grade evaluation": a graded
 * organization with 不合格, 基本合格 twice running or an administrative
 * penalty → downgrade. */
static void
add_warnings (GPtrArray       *warnings,
              int              year,
              const YearFacts *this_year,
              const YearFacts *year_before,
              gboolean         graded)
{
  Outcome outcome = outcome_of (this_year);

  switch (outcome)
    {
    case OUTCOME_UNQUALIFIED:
      add_warning (warnings, OD_INSPECTION_WARNING_NOT_SUBMITTED_OR_UNQUALIFIED, year,
                   /* Translators: %d is a year */
                   g_strdup_printf (_("The annual inspection of %d concluded “unqualified”. "
                                      "See that the organization rectifies."), year));
      break;
    case OUTCOME_NOT_SUBMITTED:
      add_warning (warnings, OD_INSPECTION_WARNING_NOT_SUBMITTED_OR_UNQUALIFIED, year,
                   /* Translators: %d is a year */
                   g_strdup_printf (_("The organization did not take the annual inspection of "
                                      "%d."), year));
      break;
    case OUTCOME_MISSING:
      add_warning (warnings, OD_INSPECTION_WARNING_NOT_SUBMITTED_OR_UNQUALIFIED, year,
                   /* Translators: %d is a year */
                   g_strdup_printf (_("No annual inspection of %d is recorded for the "
                                      "organization. Enter it, or record it as not "
                                      "submitted."), year));
      break;
    case OUTCOME_FINE:
    default:
      break;
    }
  if (outcome != OUTCOME_FINE && outcome_of (year_before) != OUTCOME_FINE)
    add_warning (warnings, OD_INSPECTION_WARNING_TWO_YEARS_RUNNING, year,
                 /* Translators: both %d are years, the earlier first */
                 g_strdup_printf (_("The organization failed or missed the annual inspection "
                                    "in both %d and %d: its registration may be revoked."),
                                  year - 1, year));

  if (!graded)
    return;
  if (outcome == OUTCOME_UNQUALIFIED)
    add_warning (warnings, OD_INSPECTION_WARNING_DOWNGRADE, year,
                 /* Translators: %d is a year */
                 g_strdup_printf (_("Unqualified in the annual inspection of %d: the "
                                    "organization's grade should be lowered."), year));
  if (g_strcmp0 (this_year->conclusion, "basically_qualified") == 0
      && g_strcmp0 (year_before->conclusion, "basically_qualified") == 0)
    add_warning (warnings, OD_INSPECTION_WARNING_DOWNGRADE, year,
                 /* Translators: both %d are years, the earlier first */
                 g_strdup_printf (_("Basically qualified in the annual inspections of both %d "
                                    "and %d: the organization's grade should be lowered."),
                                  year - 1, year));
  if (this_year->penalized)
    add_warning (warnings, OD_INSPECTION_WARNING_DOWNGRADE, year,
                 /* Translators: %d is a year */
                 g_strdup_printf (_("An administrative penalty in %d: the organization's grade "
                                    "should be lowered."), year));
}

/* Each organization's facts of YEAR (?1) and the year before; ?2 and ?3
 * are their 1 July; ?4 one organization, or 0 for every active one. */
static const char warning_facts_sql[] =
  "SELECT o.id, o.name,"
  " (o.registered_on IS NULL OR o.registered_on < ?2)"
  "  AND EXISTS (SELECT 1 FROM inspections WHERE year = ?1 AND deleted_at IS NULL),"
  " (o.registered_on IS NULL OR o.registered_on < ?3)"
  "  AND EXISTS (SELECT 1 FROM inspections WHERE year = ?1 - 1 AND deleted_at IS NULL),"
  " i.conclusion, coalesce (i.penalized, 0), p.conclusion, coalesce (p.penalized, 0)"
  " FROM organizations o"
  " LEFT JOIN inspections i ON i.organization_id = o.id AND i.year = ?1 AND i.deleted_at IS NULL"
  " LEFT JOIN inspections p ON p.organization_id = o.id AND p.year = ?1 - 1"
  " AND p.deleted_at IS NULL"
  " WHERE o.deleted_at IS NULL AND CASE WHEN ?4 = 0 THEN o.status = 'active' ELSE o.id = ?4 END"
  " ORDER BY o.sort_key, o.id";

typedef void (*FactsFunc) (OdStmt          *stmt,
                           const YearFacts *this_year,
                           const YearFacts *year_before,
                           gpointer         user_data);

/* Calls FUNC with each organization's facts (see warning_facts_sql). */
static gboolean
foreach_facts (OdDb       *db,
               gint64      organization_id,
               int         year,
               FactsFunc   func,
               gpointer    user_data,
               GError    **error)
{
  g_autofree char *exempt_from = first_exempt_day (year);
  g_autofree char *exempt_from_before = first_exempt_day (year - 1);
  g_autoptr(OdStmt) stmt = od_db_prepare (db, warning_facts_sql, error);
  OdStep step;

  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, year, error)
      || !od_stmt_bind_text (stmt, 2, exempt_from, error)
      || !od_stmt_bind_text (stmt, 3, exempt_from_before, error)
      || !od_stmt_bind_int64 (stmt, 4, organization_id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      YearFacts this_year = {
        od_stmt_column_is_null (stmt, 4) ? NULL : od_stmt_get_text (stmt, 4),
        od_stmt_get_int64 (stmt, 2) != 0, od_stmt_get_int64 (stmt, 5) != 0,
      };
      YearFacts year_before = {
        od_stmt_column_is_null (stmt, 6) ? NULL : od_stmt_get_text (stmt, 6),
        od_stmt_get_int64 (stmt, 3) != 0, od_stmt_get_int64 (stmt, 7) != 0,
      };

      func (stmt, &this_year, &year_before, user_data);
    }
  return step == OD_STEP_DONE;
}

typedef struct
{
  GPtrArray *warnings;
  int        year;
  gboolean   graded;
} WarningsData;

static void
organization_facts_cb (OdStmt          *stmt,
                       const YearFacts *this_year,
                       const YearFacts *year_before,
                       gpointer         user_data)
{
  WarningsData *data = user_data;

  add_warnings (data->warnings, data->year, this_year, year_before, data->graded);
}

GPtrArray *
od_inspection_warnings (OdDb      *db,
                        gint64     organization_id,
                        int        year,
                        gboolean   graded,
                        GError   **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) od_inspection_warning_free);
  WarningsData data = { warnings, year, graded };

  g_return_val_if_fail (OD_IS_DB (db), NULL);
  g_return_val_if_fail (organization_id > 0, NULL);

  if (!foreach_facts (db, organization_id, year, organization_facts_cb, &data, error))
    return NULL;
  return g_steal_pointer (&warnings);
}

static void
city_facts_cb (OdStmt          *stmt,
               const YearFacts *this_year,
               const YearFacts *year_before,
               gpointer         user_data)
{
  WarningsData *data = user_data;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();

  add_warnings (warnings, data->year, this_year, year_before, FALSE);
  for (guint i = 0; i < warnings->len; i++)
    {
      OdInspectionCityWarning *warning = g_new0 (OdInspectionCityWarning, 1);

      warning->organization_id = od_stmt_get_int64 (stmt, 0);
      warning->organization_name = g_strdup (od_stmt_get_text (stmt, 1));
      warning->warning = g_ptr_array_index (warnings, i);
      g_ptr_array_add (data->warnings, warning);
    }
}

GPtrArray *
od_inspection_city_warnings (OdDb    *db,
                             int      year,
                             GError **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) od_inspection_city_warning_free);
  WarningsData data = { warnings, year, FALSE };

  g_return_val_if_fail (OD_IS_DB (db), NULL);

  if (!foreach_facts (db, 0, year, city_facts_cb, &data, error))
    return NULL;
  return g_steal_pointer (&warnings);
}
