/* od-registry-trash.c — what the trash needs to know of organizations and
 * people: their labels, whether a live duplicate blocks a restore, who
 * still refers to an organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trash itself (moving, restoring, purging, emptying) is od-trash.c's,
 * for every entity; these are the registry entities' callbacks
 * (od-registry-entities.c registers them).
 */
#define G_LOG_DOMAIN "orgdesk-registry-trash"

#include "config.h"

#include <glib/gi18n.h>

#include "od-registry-store-private.h"
#include "od-registry-store.h"
#include "od-trash.h"
#include "od-validate.h"

/* Names listed when a purge is refused. */
#define MAX_NAMES_LISTED 5

char *
_od_registry_person_label (const OdPersonFields *f)
{
  if (f->organization_name != NULL && f->organization_name[0] != '\0')
    return g_strdup_printf ("%s · %s", f->name, f->organization_name);
  return g_strdup (f->name);
}

/* Refuses (DUPLICATE) restoring an organization whose name or code a live
 * one has taken meanwhile: the unique indexes would refuse it anyway. */
gboolean
_od_registry_org_check_restore (OdDb               *db,
                      const OdOrganizationFields  *f,
                      GError            **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT id, name, name = ?1 FROM organizations WHERE deleted_at IS NULL"
                        " AND id <> ?3 AND (name = ?1 OR credit_code = ?2)"
                        " ORDER BY name = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->name, error)
      || !od_stmt_bind_text (stmt, 2, f->credit_code, error)
      || !od_stmt_bind_int64 (stmt, 3, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 2) != 0)
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: %s is an organization's name */
                     _("“%s” cannot be restored: another organization now has the same name. "
                       "Rename that organization first, then restore this one."), f->name);
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is an organization's name, the second a
                      * credit code, the third another organization's name */
                     _("“%s” cannot be restored: its credit code %s is now recorded for “%s”. "
                       "Correct or remove the code of “%s” first, then restore this one."),
                     f->name, f->credit_code, od_stmt_get_text (stmt, 1),
                     od_stmt_get_text (stmt, 1));
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
_od_registry_person_check_restore (OdDb                  *db,
                         const OdPersonFields  *f,
                         GError               **error)
{
  g_autoptr(OdStmt) stmt = NULL;

  stmt = od_db_prepare (db,
                        "SELECT name, id_number = ?1 FROM people WHERE deleted_at IS NULL"
                        " AND id <> ?4 AND (id_number = ?1 OR (?3 <> '' AND name = ?2"
                        " AND mobile = ?3)) ORDER BY id_number = ?1 DESC LIMIT 1", error);
  if (stmt == NULL
      || !od_stmt_bind_text (stmt, 1, f->id_number, error)
      || !od_stmt_bind_text (stmt, 2, f->name, error)
      || !od_stmt_bind_text (stmt, 3, f->mobile, error)
      || !od_stmt_bind_int64 (stmt, 4, f->id, error))
    return FALSE;
  switch (od_stmt_step (stmt, error))
    {
    case OD_STEP_ROW:
      if (od_stmt_get_int64 (stmt, 1) != 0)
        {
          g_autofree char *masked = od_id_number_mask (f->id_number);

          g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                       /* Translators: the first %s is a person's name, the second a masked
                        * ID number, the third another person's name */
                       _("%s cannot be restored: the ID number %s is now recorded for %s. "
                         "Correct that record first, then restore this one."),
                       f->name, masked, od_stmt_get_text (stmt, 0));
        }
      else
        g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_DUPLICATE,
                     /* Translators: the first %s is a person's name, the second a mobile
                      * number */
                     _("%s cannot be restored: %s with the mobile number %s is recorded again "
                       "meanwhile. Rename or correct that record first, then restore this "
                       "one."), f->name, f->name, f->mobile);
      return FALSE;
    case OD_STEP_DONE:
      return TRUE;
    case OD_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* Refuses (REFERENCED) purging an organization that people still belong
 * to, live or in the trash; the message names them. */
static gboolean
check_org_unreferenced_by_people (OdDb        *db,
                                  gint64       id,
                                  const char  *label,
                                  GError     **error)
{
  g_autoptr(OdStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *listed = NULL;
  gint64 n = 0;
  OdStep step;

  stmt = od_db_prepare (db,
                        "SELECT name, count(*) OVER () FROM people WHERE organization_id = ?1"
                        " ORDER BY deleted_at IS NOT NULL, sort_key, id", error);
  if (stmt == NULL || !od_stmt_bind_int64 (stmt, 1, id, error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    {
      n = od_stmt_get_int64 (stmt, 1);
      if (names->len < MAX_NAMES_LISTED)
        g_ptr_array_add (names, g_strdup (od_stmt_get_text (stmt, 0)));
      else
        break;
    }
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (n == 0)
    return TRUE;

  if (n > (gint64) names->len)
    g_ptr_array_add (names, g_strdup ("…"));
  g_ptr_array_add (names, NULL);
  /* Translators: separates names in a list */
  listed = g_strjoinv (_(", "), (char **) names->pdata);
  g_set_error (error, OD_REGISTRY_ERROR, OD_REGISTRY_ERROR_REFERENCED,
               /* Translators: the first %s is an organization's name, %d a number of
                * people, the last %s their names */
               ngettext ("“%s” is still referred to by %d person (%s). Move or delete them first.",
                         "“%s” is still referred to by %d people (%s). Move or delete them first.",
                         (unsigned long) n),
               label, (int) n, listed);
  return FALSE;
}

/* An organization may be purged once no person belongs to it (live or in
 * the trash) and no other row refers to it. */
gboolean
_od_registry_org_check_purge (OdDb        *db,
                              gint64       id,
                              const char  *label,
                              GError     **error)
{
  return check_org_unreferenced_by_people (db, id, label, error)
         && od_trash_check_unreferenced (db, "organizations", id, label, "people", error);
}
