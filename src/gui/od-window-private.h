/* od-window-private.h — shared between od-window.c and od-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "od-lookups-page.h"
#include "od-overview-page.h"
#include "od-problem-page.h"
#include "od-welcome-page.h"
#include "od-window.h"

G_BEGIN_DECLS

struct _OdWindow
{
  AdwApplicationWindow  parent_instance;

  OdDb                 *db;
  char                 *db_path;     /* also set when opening failed */
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkStack             *start_stack;
  AdwLeaflet           *leaflet;
  GtkStackSidebar      *stack_sidebar;
  GtkWidget            *back_button;
  GtkStack             *section_stack;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *section_title;
  OdWelcomePage        *welcome_page;
  OdProblemPage        *problem_page;
  OdOverviewPage       *overview_page;
  OdLookupsPage        *lookups_page;
};

void _od_window_class_install_actions (GtkWidgetClass *widget_class);
void _od_window_update_actions        (OdWindow       *self);
void _od_window_set_db                (OdWindow       *self,
                                       OdDb           *db,
                                       const char     *path);
void _od_window_show_error            (OdWindow       *self,
                                       const char     *heading,
                                       const GError   *error);

G_END_DECLS
