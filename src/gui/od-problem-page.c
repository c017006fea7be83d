/* od-problem-page.c — a database that cannot be opened, and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-problem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "od-db.h"
#include "od-problem-page.h"

struct _OdProblemPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  GtkButton     *open_button;
  GtkButton     *restore_button;
};

G_DEFINE_FINAL_TYPE (OdProblemPage, od_problem_page, ADW_TYPE_BIN)

static void
od_problem_page_dispose (GObject *object)
{

  G_OBJECT_CLASS (od_problem_page_parent_class)->dispose (object);
}

static void
od_problem_page_class_init (OdProblemPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_problem_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-problem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdProblemPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, OdProblemPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, OdProblemPage, restore_button);
}

static void
od_problem_page_init (OdProblemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
od_problem_page_set_error (OdProblemPage *self,
                           const char    *path,
                           const GError  *error)
{
  const char *title = _("The Database Cannot Be Opened");
  const char *icon = "dialog-error-symbolic";
  gboolean can_restore = TRUE;
  g_autofree char *escaped = NULL;

  g_return_if_fail (OD_IS_PROBLEM_PAGE (self));
  g_return_if_fail (error != NULL);

  if (error->domain == OD_DB_ERROR)
    switch ((OdDbError) error->code)
      {
      case OD_DB_ERROR_NOT_DATABASE:
        title = _("Not an OrgDesk Database");
        icon = "dialog-question-symbolic";
        break;
      case OD_DB_ERROR_NEWER_SCHEMA:
        title = _("Made by a Newer OrgDesk");
        icon = "software-update-available-symbolic";
        can_restore = FALSE;
        break;
      case OD_DB_ERROR_READ_ONLY:
        title = _("The Database Is Read-Only");
        icon = "changes-prevent-symbolic";
        can_restore = FALSE;
        break;
      case OD_DB_ERROR_CORRUPT:
        title = _("The Database Is Damaged");
        break;
      case OD_DB_ERROR_BUSY:
        title = _("The Database Is in Use");
        icon = "dialog-warning-symbolic";
        can_restore = FALSE;
        break;
      case OD_DB_ERROR_OPEN:
      case OD_DB_ERROR_CONSTRAINT:
      case OD_DB_ERROR_MIGRATION:
      case OD_DB_ERROR_BACKUP:
      case OD_DB_ERROR_FAILED:
      default:
        break;
      }

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_icon_name (self->status_page, icon);
  /* The description is markup; a path may hold '&' or '<'. */
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), can_restore);
}
