/* od-welcome-page.c — first start on an empty database: demo, empty, open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "od-welcome-page.h"

struct _OdWelcomePage
{
  AdwBin    parent_instance;

  GtkLabel *path_label;
};

G_DEFINE_FINAL_TYPE (OdWelcomePage, od_welcome_page, ADW_TYPE_BIN)

static void
od_welcome_page_dispose (GObject *object)
{

  G_OBJECT_CLASS (od_welcome_page_parent_class)->dispose (object);
}

static void
od_welcome_page_class_init (OdWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = od_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdWelcomePage, path_label);
}

static void
od_welcome_page_init (OdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
od_welcome_page_set_path (OdWelcomePage *self,
                          const char    *path)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (OD_IS_WELCOME_PAGE (self));

  name = path != NULL ? g_filename_display_name (path) : g_strdup ("");
  /* Translators: %s is the path of the database file */
  text = g_strdup_printf (_("Database: %s"), name);
  gtk_label_set_label (self->path_label, text);
}
