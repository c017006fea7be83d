/* od-registry-stats.c — the figures of the registry of organizations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query counts everything, over live rows only (deleted_at IS NULL:
 * what is in the trash never counts). The rules, for the state at the end
 * of a year Y (E = "Y-12-31"), or today when no year is asked for:
 *
 * - total: organizations registered on or before E, or with no
 *   registration date (registered_on IS NULL: it existed, we do not know
 *   since when); today: every live organization, whatever its status.
 * - active: of those, the ones still registered on E: status 'active', or
 *   deregistered (注销) / revoked (撤销) only after E (status_date > E).
 *   One deregistered or revoked on E or before is not active, nor is one
 *   whose status_date is missing (we cannot place it in time; the editor
 *   warns about the missing date). Today: status 'active'.
 * - members: active organizations that are member units of the
 *   association (会员单位, DESIGN.md §2): member_since set and on or before
 *   E, and member_status 'active'. A deregistered organization is no member
 *   unit, whatever its membership fields still say.
 * - by_type: the active organizations by org_type (GB 32100-2015 position
 *   2); "unknown" holds those whose type is not recorded, so the five add up
 *   to active.
 * - party building, "两个覆盖" (DESIGN.md §2): organization coverage = an
 *   independent (单独组建) or joint (联合组建) party organization; work
 *   coverage = organization coverage, or a party-building instructor or
 *   liaison assigned (party_instructor not empty). Each rate = covered ÷
 *   active organizations, between 0 and 1, 4 decimals; 0 when there are no
 *   active organizations. The counts covered are given beside the rates.
 *   The registry keeps no history of party building, so for a past year
 *   today's party fields of the organizations active then are counted.
 *
 * Dates are stored as ISO-8601 text (validated by od-registry-store), so
 * comparing text is comparing dates.
 */
#define G_LOG_DOMAIN "orgdesk-registry-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-registry-stats.h"

/* Kept in step with od_organization_fields_has_org_coverage() and
 * od_organization_fields_has_work_coverage(). */
#define ORG_COVERED "party_org_form IN ('independent', 'joint')"

/* One pass over the table; ?1 is E, or NULL for today. */
static const char organization_figures_sql[] =
  "SELECT count(*),"
  " count(*) FILTER (WHERE active),"
  " count(*) FILTER (WHERE active AND member_since IS NOT NULL"
  "                  AND (?1 IS NULL OR member_since <= ?1) AND member_status = 'active'),"
  " count(*) FILTER (WHERE active AND org_type = 'social_group'),"
  " count(*) FILTER (WHERE active AND org_type = 'social_service'),"
  " count(*) FILTER (WHERE active AND org_type = 'foundation'),"
  " count(*) FILTER (WHERE active AND org_type = 'other'),"
  " count(*) FILTER (WHERE active AND org_type = 'unknown'),"
  " count(*) FILTER (WHERE active AND " ORG_COVERED "),"
  " count(*) FILTER (WHERE active AND (" ORG_COVERED " OR party_instructor <> ''))"
  " FROM (SELECT org_type, member_since, member_status, party_org_form, party_instructor,"
  "              CASE WHEN status = 'active' THEN 1"
  "                   WHEN ?1 IS NOT NULL AND status_date IS NOT NULL AND status_date > ?1"
  "                     THEN 1"
  "                   ELSE 0 END AS active"
  "       FROM organizations"
  "       WHERE deleted_at IS NULL"
  "         AND (?1 IS NULL OR registered_on IS NULL OR registered_on <= ?1))";

enum
{
  COL_TOTAL,
  COL_ACTIVE,
  COL_MEMBERS,
  COL_SOCIAL_GROUP,
  COL_SOCIAL_SERVICE,
  COL_FOUNDATION,
  COL_OTHER,
  COL_UNKNOWN,
  COL_ORG_COVERED,
  COL_WORK_COVERED,
};

/* The lines under the first one, in od_stats_describe(). */
#define INDENT "  "

/* --- helpers --- */

static gboolean
gather_organizations (OdDb             *db,
                      int               year,
                      GVariantBuilder  *figures,
                      GError          **error)
{
  g_auto(GVariantBuilder) by_type = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree char *year_end = od_stats_year_end (year);
  g_autoptr(OdStmt) stmt = NULL;
  gint64 active, org_covered, work_covered;

  stmt = od_db_prepare (db, organization_figures_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (year_end != NULL ? !od_stmt_bind_text (stmt, 1, year_end, error)
                       : !od_stmt_bind_null (stmt, 1, error))
    return FALSE;
  /* An aggregate without GROUP BY always gives one row. */
  if (od_stmt_step (stmt, error) == OD_STEP_ERROR)
    return FALSE;

  active = od_stmt_get_int64 (stmt, COL_ACTIVE);
  org_covered = od_stmt_get_int64 (stmt, COL_ORG_COVERED);
  work_covered = od_stmt_get_int64 (stmt, COL_WORK_COVERED);

  od_stats_add_int (figures, "total", od_stmt_get_int64 (stmt, COL_TOTAL));
  od_stats_add_int (figures, "active", active);
  od_stats_add_int (figures, "members", od_stmt_get_int64 (stmt, COL_MEMBERS));
  od_stats_add_int (&by_type, "social_group", od_stmt_get_int64 (stmt, COL_SOCIAL_GROUP));
  od_stats_add_int (&by_type, "social_service", od_stmt_get_int64 (stmt, COL_SOCIAL_SERVICE));
  od_stats_add_int (&by_type, "foundation", od_stmt_get_int64 (stmt, COL_FOUNDATION));
  od_stats_add_int (&by_type, "other", od_stmt_get_int64 (stmt, COL_OTHER));
  od_stats_add_int (&by_type, "unknown", od_stmt_get_int64 (stmt, COL_UNKNOWN));
  od_stats_add_dict (figures, "by_type", &by_type);
  od_stats_add_rate (figures, "party_org_coverage", org_covered, active);
  od_stats_add_rate (figures, "party_work_coverage", work_covered, active);
  od_stats_add_int (figures, "party_org_covered", org_covered);
  od_stats_add_int (figures, "party_work_covered", work_covered);
  return TRUE;
}

/* The count at KEY of FIGURES, as text. */
static char *
count_text (GVariant   *figures,
            const char *key)
{
  return od_stats_format_count (od_stats_lookup_int (figures, key));
}

static void
describe_organizations (GVariant *figures,
                        GString  *out)
{
  gint64 active = od_stats_lookup_int (figures, "active");
  g_autofree char *total_text = count_text (figures, "total");
  g_autofree char *active_text = count_text (figures, "active");
  g_autofree char *members = count_text (figures, "members");
  g_autofree char *groups = count_text (figures, "by_type.social_group");
  g_autofree char *services = count_text (figures, "by_type.social_service");
  g_autofree char *foundations = count_text (figures, "by_type.foundation");
  g_autofree char *others = count_text (figures, "by_type.other");
  g_autofree char *unknown = count_text (figures, "by_type.unknown");
  g_autofree char *org_covered = count_text (figures, "party_org_covered");
  g_autofree char *work_covered = count_text (figures, "party_work_covered");
  g_autofree char *org_rate = od_stats_format_percent (od_stats_lookup_double (figures,
                                                                               "party_org_coverage"));
  g_autofree char *work_rate = od_stats_format_percent (od_stats_lookup_double (figures,
                                                                                "party_work_coverage"));

  /* Translators: the registry's figures; the first %s is the number of
   * organizations recorded, the second those still registered (正常) */
  g_string_append_printf (out, _("Organizations: %s (active %s)\n"), total_text, active_text);
  g_string_append (out, INDENT);
  if (od_stats_lookup_int (figures, "by_type.unknown") > 0)
    /* Translators: numbers of active organizations of each type (社会团体,
     * 社会服务机构, 基金会, 其他) and of those whose type is not recorded */
    g_string_append_printf (out, _("Active by type: social groups %s, social service "
                                   "organizations %s, foundations %s, other %s, type not "
                                   "recorded %s\n"),
                            groups, services, foundations, others, unknown);
  else
    /* Translators: numbers of active organizations of each type (社会团体,
     * 社会服务机构, 基金会, 其他) */
    g_string_append_printf (out, _("Active by type: social groups %s, social service "
                                   "organizations %s, foundations %s, other %s\n"),
                            groups, services, foundations, others);
  g_string_append (out, INDENT);
  /* Translators: active organizations that are member units (会员单位) */
  g_string_append_printf (out, _("Member units of the association: %s\n"), members);
  g_string_append (out, INDENT);
  g_string_append_printf (out,
                          /* Translators: 党的组织覆盖率; the first %s is a percentage
                           * ("45.1%"), then the organizations covered and the active
                           * organizations */
                          ngettext ("Party organization coverage: %s (%s of %s active "
                                    "organization)\n",
                                    "Party organization coverage: %s (%s of %s active "
                                    "organizations)\n", (gulong) MAX (active, 0)),
                          org_rate, org_covered, active_text);
  g_string_append (out, INDENT);
  g_string_append_printf (out,
                          /* Translators: 党的工作覆盖率 (a party organization or an
                           * instructor); the first %s is a percentage ("60.2%"), then
                           * the organizations covered and the active organizations */
                          ngettext ("Party work coverage: %s (%s of %s active "
                                    "organization)\n",
                                    "Party work coverage: %s (%s of %s active "
                                    "organizations)\n", (gulong) MAX (active, 0)),
                          work_rate, work_covered, active_text);
}

/* --- public API --- */

const OdStatsDomain od_registry_stats_domain = {
  "organizations", gather_organizations, describe_organizations,
};
