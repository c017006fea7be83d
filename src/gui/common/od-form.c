/* od-form.c — helpers for the record editors' forms: entry and combo rows,
 * the lookups to choose from, the rows of the problems list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "orgdesk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "od-form.h"
#include "od-lookup-store.h"

void
od_form_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
od_form_set_text (AdwEntryRow *row,
                  const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The row's text, trimmed; NULL when empty and NULLABLE. */
char *
od_form_get_text (AdwEntryRow *row,
                  gboolean     nullable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (nullable && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
od_form_set_combo_key (AdwComboRow   *row,
                       const OdLabel *labels,
                       const char    *key)
{
  adw_combo_row_set_selected (row, od_label_index (labels, key));
}

const char *
od_form_get_combo_key (AdwComboRow   *row,
                       const OdLabel *labels)
{
  return od_label_key_at (labels, adw_combo_row_get_selected (row));
}

/* The position of ID in IDS (combo position → id), or G_MAXUINT. */
guint
od_form_find_id (GArray *ids,
                 gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/* Selects ID; the first choice (none) when it is not in IDS. */
void
od_form_set_combo_id (AdwComboRow *row,
                      GArray      *ids,
                      gint64       id)
{
  guint position = od_form_find_id (ids, id);

  adw_combo_row_set_selected (row, position != G_MAXUINT ? position : 0);
}

gint64
od_form_get_combo_id (AdwComboRow *row,
                      GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* The names of ITEMS (lookup structs) after FIRST; *IDS is replaced by
 * their ids, position by position, with 0 for FIRST. */
static GtkStringList *
choices (GPtrArray  *items,
         goffset     id_offset,
         goffset     name_offset,
         const char *first,
         GArray    **ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_clear_pointer (ids, g_array_unref);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*ids, none);
  gtk_string_list_append (names, first);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      g_array_append_val (*ids, G_STRUCT_MEMBER (gint64, item, id_offset));
      gtk_string_list_append (names, G_STRUCT_MEMBER (const char *, item, name_offset));
    }
  return names;
}

/* The areas to choose from (none without DB), after FIRST ("all", "not set"). */
GtkStringList *
od_form_area_choices (OdDb        *db,
                      const char  *first,
                      GArray     **ids)
{
  g_autoptr(GPtrArray) areas = db != NULL ? od_lookup_list_areas (db, NULL) : NULL;

  return choices (areas, G_STRUCT_OFFSET (OdArea, id), G_STRUCT_OFFSET (OdArea, name), first, ids);
}

GtkStringList *
od_form_category_choices (OdDb        *db,
                          const char  *first,
                          GArray     **ids)
{
  g_autoptr(GPtrArray) categories = db != NULL ? od_lookup_list_categories (db, NULL) : NULL;

  return choices (categories, G_STRUCT_OFFSET (OdCategory, id), G_STRUCT_OFFSET (OdCategory, name),
                  first, ids);
}

static void
on_open_other_clicked_cb (GtkButton *button,
                          GtkWidget *editor)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "other-id"));

  g_signal_emit_by_name (editor, "open-record", id);
}

/* A row of the problems list. With EDITOR, a duplicate has an Open button
 * (tooltip OPEN_TOOLTIP, may be NULL) that emits the editor's
 * "open-record" with the other record's id. */
GtkWidget *
od_form_problem_row (const OdProblem *problem,
                     GtkWidget       *editor,
                     const char      *open_tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  const char *icon = problem->severity == OD_PROBLEM_ERROR ? "dialog-error-symbolic"
                     : problem->severity == OD_PROBLEM_WARNING ? "dialog-warning-symbolic"
                     : "dialog-information-symbolic";
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (problem->severity == OD_PROBLEM_ERROR)
    gtk_widget_add_css_class (image, "error");
  else if (problem->severity == OD_PROBLEM_WARNING)
    gtk_widget_add_css_class (image, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  if (problem->other_id > 0 && editor != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (open_tooltip != NULL)
        gtk_widget_set_tooltip_text (button, open_tooltip);
      g_object_set_data (G_OBJECT (button), "other-id", GSIZE_TO_POINTER (problem->other_id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_other_clicked_cb), editor, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

void
od_form_show_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}
