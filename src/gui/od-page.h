/* od-page.h — a section page of the window: shows the open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "od-db.h"

G_BEGIN_DECLS

#define OD_TYPE_PAGE (od_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (OdPage, od_page, OD, PAGE, AdwBin)

struct _OdPageClass
{
  AdwBinClass parent_class;

  /* Re-read what the page shows; called when the database is set, and again
   * by od_page_reload() after a change made elsewhere. */
  void     (*reload)   (OdPage *self);

  /* Unsaved edits (an open editor): the window asks before it closes or
   * another database replaces this one. */
  gboolean (*is_dirty) (OdPage *self);
  gboolean (*save)     (OdPage *self);   /* FALSE: not saved, the page says why */
  void     (*discard)  (OdPage *self);
};

OdDb *od_page_get_db (OdPage *self);
void  od_page_set_db (OdPage *self,
                      OdDb   *db);
void     od_page_reload   (OdPage *self);
gboolean od_page_is_dirty (OdPage *self);
gboolean od_page_save     (OdPage *self);
void     od_page_discard  (OdPage *self);

G_END_DECLS
