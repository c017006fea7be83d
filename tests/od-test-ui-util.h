/* od-test-ui-util.h — driving GTK widgets in tests and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

static gboolean
od_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for MS milliseconds: layout, frames, idle handlers. */
static inline void
od_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, od_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Right after map a widget is still 0 wide: wait until it is allocated. */
static inline void
od_test_wait_allocated (GtkWidget *widget)
{
  for (guint i = 0; i < 200 && (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)); i++)
    od_test_spin (10);
  od_test_spin (50);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

/* Depth-first search for the first descendant of TYPE. */
static inline GtkWidget *
od_test_find_child (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = od_test_find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Renders WIDGET (as shown now) to a PNG file. */
static inline void
od_test_save_png (GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;

  od_test_wait_allocated (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The template child NAME of WIDGET (of the class TYPE), which must exist. */
static inline gpointer
od_test_child (gpointer    widget,
               GType       type,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* Types TEXT into the editable template child NAME. */
static inline void
od_test_set_text (gpointer    widget,
                  GType       type,
                  const char *name,
                  const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (od_test_child (widget, type, name)), text);
}

/* Clicks the template child NAME, a sensitive button. */
static inline void
od_test_click (gpointer    widget,
               GType       type,
               const char *name)
{
  GtkWidget *button = od_test_child (widget, type, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  od_test_spin (20);
}
