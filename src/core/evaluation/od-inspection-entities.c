/* od-inspection-entities.c — annual inspections in the entity registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The field table (audit, export, import), the conclusions, the lookup an
 * imported organization goes through (its name, credit code or record
 * key), the checks of a record and the trash's check before a restore. The
 * store is the generic one of od-entity-store.h.
 *
 * An import recognises an existing inspection by its record key only: the
 * import engine matches on the text of a cell, and the organization (a
 * lookup) and the year (a number) have none. A row for an organization and
 * year already recorded is refused by the duplicate check instead, naming
 * the record to change.
 */
#define G_LOG_DOMAIN "orgdesk-inspection-entities"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "od-demo-inspection.h"
#include "od-entity-store.h"
#include "od-inspection-entities.h"
#include "od-inspection-stats.h"
#include "od-inspection-store.h"
#include "od-problem.h"
#include "od-registry-entities.h"
#include "od-stats.h"
#include "od-store-util.h"
#include "od-trash.h"

/* --- choices --- */

/* DESIGN.md §2 "Annual inspection": 合格, 基本合格, 不合格, 未参检, 免检. */
const OdChoice od_inspection_conclusion_choices[] = {
  { "qualified", N_("Qualified"), OD_WORDS ("合格", "年检合格") },
  { "basically_qualified", N_("Basically qualified"), OD_WORDS ("基本合格") },
  { "unqualified", N_("Unqualified"), OD_WORDS ("不合格", "年检不合格") },
  { "not_submitted", N_("Not submitted"), OD_WORDS ("未参检", "未参加年检", "未年检", "未报送") },
  { "exempt", N_("Exempt"), OD_WORDS ("免检", "不参检") },
  { NULL, NULL, NULL }
};

/* --- lookups --- */


/* --- fields --- */

#define HEADERS(...) ((const char *const[]) { __VA_ARGS__, NULL })

#define FIELD(key_, label_, input_, kind_, member_, ...) \
  { .key = key_, .label = label_, .input = input_, .kind = kind_, \
    .offset = G_STRUCT_OFFSET (OdInspectionFields, member_), __VA_ARGS__ }

/* Yes/no columns are read as 1 or 0, as the training's walk-in column. */
static const OdEntityField inspection_fields[] = {
  FIELD ("uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  FIELD ("organization", N_("Organization"), OD_INPUT_LOOKUP, OD_FIELD_REF, organization_id,
         .member = "organization_id",
         .text_offset = G_STRUCT_OFFSET (OdInspectionFields, organization_name),
         .ref_sql = "SELECT name FROM organizations WHERE id = ?1",
         .headers = HEADERS ("单位名称", "组织名称", "社会组织名称", "统一社会信用代码"),
         .lookup = od_organization_lookup, .required = TRUE),
  FIELD ("year", N_("Year inspected"), OD_INPUT_COUNT, OD_FIELD_INT, year,
         .headers = HEADERS ("年度", "检查年度", "年检年度"), .required = TRUE),
  FIELD ("submitted_on", N_("Submitted on"), OD_INPUT_DATE, OD_FIELD_NULLABLE, submitted_on,
         .headers = HEADERS ("提交日期", "报送日期", "上报日期")),
  FIELD ("supervising_opinion", N_("Supervising unit's opinion"), OD_INPUT_TEXT, OD_FIELD_TEXT,
         supervising_opinion, .headers = HEADERS ("业务主管单位意见", "主管单位意见")),
  FIELD ("conclusion", N_("Conclusion"), OD_INPUT_CHOICE, OD_FIELD_TEXT, conclusion,
         .headers = HEADERS ("年检结论", "结论", "检查结论"),
         .choices = od_inspection_conclusion_choices),
  FIELD ("rectification_required", N_("Rectification required"), OD_INPUT_COUNT, OD_FIELD_INT,
         rectification_required, .headers = HEADERS ("需整改", "整改")),
  FIELD ("rectified_on", N_("Rectified on"), OD_INPUT_DATE, OD_FIELD_NULLABLE, rectified_on,
         .headers = HEADERS ("整改完成日期", "整改日期")),
  FIELD ("audit_report", N_("Audit report"), OD_INPUT_COUNT, OD_FIELD_INT, audit_report,
         .headers = HEADERS ("审计报告")),
  FIELD ("penalized", N_("Administrative penalty"), OD_INPUT_COUNT, OD_FIELD_INT, penalized,
         .headers = HEADERS ("行政处罚", "受到行政处罚")),
  FIELD ("notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
         .headers = HEADERS ("备注")),
  FIELD ("created_at", N_("Created at"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, created_at),
  FIELD ("updated_at", N_("Updated"), OD_INPUT_READ_ONLY, OD_FIELD_NONE, updated_at),
};

static const OdEntityMatch inspection_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM inspections WHERE uuid = ?1", TRUE },
};

/* --- checks --- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
check_flag (GPtrArray  *problems,
            const char *field,
            gint64      value)
{
  if (value != 0 && value != 1)
    od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                     g_strdup (_("Write 1 for yes or 0 for no.")));
}

static GPtrArray *
validate_inspection (OdDb          *db,
                     gconstpointer  record)
{
  const OdInspectionFields *f = record;
  GPtrArray *problems = od_problems_new ();
  g_autoptr(GError) error = NULL;
  gint64 other = 0;

  od_entity_check_fields (&od_inspection_entity, problems, record);
  if (f->year != 0 && (f->year < OD_STATS_YEAR_MIN || f->year > OD_STATS_YEAR_MAX))
    od_problems_add (problems, "year", OD_PROBLEM_ERROR, 0,
                     /* Translators: the first number is what was typed as a year; the
                      * others are the first and last years allowed */
                     g_strdup_printf (_("%" PRId64 " is not a year an inspection can be of. "
                                        "Type a year from %d to %d, e.g. 2017."),
                                      f->year, OD_STATS_YEAR_MIN, OD_STATS_YEAR_MAX));
  check_flag (problems, "rectification_required", f->rectification_required);
  check_flag (problems, "audit_report", f->audit_report);
  check_flag (problems, "penalized", f->penalized);

  /* An ISO date compares as text in date order. */
  if (!is_empty (f->submitted_on) && !is_empty (f->rectified_on)
      && g_strcmp0 (f->rectified_on, f->submitted_on) < 0)
    od_problems_add (problems, "rectified_on", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The rectification was completed before the inspection was "
                                 "submitted. Check the two dates.")));
  if (is_empty (f->submitted_on) && g_strcmp0 (f->conclusion, "not_submitted") != 0
      && g_strcmp0 (f->conclusion, "exempt") != 0)
    od_problems_add (problems, "submitted_on", OD_PROBLEM_WARNING, 0,
                     g_strdup (_("The date the inspection was submitted is missing. Fill it "
                                 "in, or record the conclusion as not submitted or "
                                 "exempt.")));

  if (f->organization_id != 0 && f->year != 0
      && !od_inspection_find (db, f->organization_id, f->year, f->id, &other, &error))
    od_problems_add_db_error (problems, error);
  else if (other != 0)
    od_problems_add (problems, "year", OD_PROBLEM_ERROR, other,
                     /* Translators: %d is a year */
                     g_strdup_printf (_("This organization's inspection of %d is already "
                                        "recorded. Change that record instead."),
                                      (int) f->year));
  return problems;
}

/* --- the store functions, typed --- */

static char *
describe_inspection (gconstpointer record)
{
  const OdInspectionFields *f = record;

  /* Translators: an inspection as the trash names it: an organization's
   * name, then the year inspected */
  return g_strdup_printf (_("%s · annual inspection of %d"),
                          f->organization_name != NULL ? f->organization_name : "",
                          (int) f->year);
}

static gpointer
inspection_load (OdDb    *db,
                 gint64   id,
                 GError **error)
{
  return od_entity_store_load (&od_inspection_entity, db, id, FALSE, error);
}

static gpointer
inspection_load_any (OdDb    *db,
                     gint64   id,
                     GError **error)
{
  return od_entity_store_load (&od_inspection_entity, db, id, TRUE, error);
}

static GPtrArray *
inspection_load_items (OdDb          *db,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  return od_entity_store_load_records (&od_inspection_entity, db, ids, n_ids, error);
}

static gboolean
inspection_trash (OdDb    *db,
                  gint64   id,
                  GError **error)
{
  return od_trash_move (db, &od_inspection_entity, id, error);
}

static gint64
inspection_save (OdDb          *db,
                 gconstpointer  record,
                 GError       **error)
{
  return od_inspection_save (db, record, error);
}

static gconstpointer
record_itself (gpointer item)
{
  return item;
}

/* Refuses (DUPLICATE) restoring an inspection whose organization and year
 * a live one has taken meanwhile: the unique index would refuse it anyway. */
static gboolean
inspection_check_restore (OdDb           *db,
                          gconstpointer   record,
                          GError        **error)
{
  const OdInspectionFields *f = record;
  gint64 other = 0;

  if (!od_inspection_find (db, f->organization_id, f->year, f->id, &other, error))
    return FALSE;
  if (other == 0)
    return TRUE;
  g_set_error (error, OD_STORE_ERROR, OD_STORE_ERROR_DUPLICATE,
               /* Translators: %s is an organization's name, %d a year */
               _("The inspection of %s for %d cannot be restored: another one of that year is "
                 "recorded meanwhile. Delete that one first, or change it instead."),
               f->organization_name, (int) f->year);
  return FALSE;
}

const OdEntity od_inspection_entity = {
  .name = "inspections",
  .noun = N_("inspection"),
  .plural = N_("Inspections"),
  .kind = N_("Inspection"),
  .count_text = NN_ ("%" PRId64 " inspection", "%" PRId64 " inspections"),
  .fields = inspection_fields,
  .n_fields = G_N_ELEMENTS (inspection_fields),
  .matches = inspection_matches,
  .n_matches = G_N_ELEMENTS (inspection_matches),
  .id_offset = G_STRUCT_OFFSET (OdInspectionFields, id),
  .uuid_offset = G_STRUCT_OFFSET (OdInspectionFields, uuid),
  .record_new = (gpointer (*) (void)) od_inspection_fields_new,
  .record_load = inspection_load,
  .record_free = (void (*) (gpointer)) od_inspection_fields_free,
  .validate = validate_inspection,
  .save = inspection_save,
  .describe = describe_inspection,
  .list_order = "year, organization_id, id",
  .load_items = inspection_load_items,
  .item_record = record_itself,
  .trash = inspection_trash,
  .check_restore = inspection_check_restore,
  .record_load_any = inspection_load_any,
};

void
od_inspection_register_entities (void)
{
  od_entity_register (&od_inspection_entity);
}

/* The organization's latest annual inspection and the warnings of that
 * year (DESIGN.md §2 "Annual inspection"). */
static gboolean
organization_facts (OdDb       *db,
                    gint64      id,
                    GPtrArray  *facts,
                    GError    **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *conclusion = NULL;
  const OdChoice *choice;
  gint64 year = 0;

  if (!od_store_query_row (db, "SELECT year, conclusion FROM inspections WHERE organization_id = ?1"
                               " AND deleted_at IS NULL ORDER BY year DESC LIMIT 1",
                           OD_STORE_VALUES (id), &year, &conclusion, error))
    return FALSE;
  if (year == 0)
    {
      od_facts_add (facts, g_strdup (_("Annual inspection")), g_strdup (_("None recorded")), FALSE);
      return TRUE;
    }
  choice = od_choices_find (od_inspection_conclusion_choices, conclusion);
  od_facts_add (facts, g_strdup (_("Annual inspection")),
                /* Translators: a year, then a conclusion ("Qualified") */
                g_strdup_printf (_("%d: %s"), (int) year, choice != NULL ? _(choice->label) : conclusion),
                FALSE);
  if ((warnings = od_inspection_warnings (db, id, (int) year, FALSE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < warnings->len; i++)
    od_facts_add (facts, g_strdup (_("Inspection warning")),
                  g_strdup (((OdInspectionWarning *) g_ptr_array_index (warnings, i))->message), TRUE);
  return TRUE;
}

const OdDomain od_inspection_domain = {
  .organization_facts = organization_facts,
  .name = "inspection",
  .register_entities = od_inspection_register_entities,
  .stats = &od_inspection_stats_domain,
  .load_demo = od_demo_load_inspection,
};
