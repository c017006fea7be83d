/* od-training-page.c — the training section: courses, their sessions,
 * enrolment and attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A course list of a few dozen rows a year, so a plain list box refilled
 * from od_course_list(); the figures on each row (attendees: distinct
 * people present or late, DESIGN.md §2 Training) come from the model.
 */
#define G_LOG_DOMAIN "orgdesk-training-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "od-chart-view.h"
#include "od-charts-window.h"
#include "od-form.h"

#include "od-labels.h"
#include "od-render-registry.h"
#include "od-training-entities.h"
#include "od-training-page.h"
#include "od-training-query.h"

struct _OdTrainingPage
{
  OdPage          parent_instance;

  GPtrArray      *courses;     /* OdCourseSummary, as shown */
  GArray         *years;       /* int, the year drop-down's positions after "All years" */
  GPtrArray      *topics;      /* char *, the topic drop-down's after "All topics" */
  gint64          n_total;     /* live courses, unfiltered */
  gboolean        updating;

  GtkSearchEntry *search_entry;
  GtkDropDown    *year_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *topic_dropdown;
  GtkLabel       *count_label;
  GtkStack       *list_stack;
  GtkListBox     *course_list;
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_new_button;
  OdCourseEditor *editor;
};

enum
{
  TAKE_ATTENDANCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OdTrainingPage, od_training_page, OD_TYPE_PAGE)

/* --- helpers --- */

static guint
selected_index (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static void
show_error (OdTrainingPage *self,
            const GError   *error)
{
  g_debug ("training: %s", error->message);
  od_form_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
build_filter (OdTrainingPage *self,
              OdCourseFilter *filter)
{
  guint year = selected_index (self->year_dropdown);
  guint kind = selected_index (self->kind_dropdown);
  guint topic = selected_index (self->topic_dropdown);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Position 0 of every drop-down is "all". */
  memset (filter, 0, sizeof *filter);
  if (year > 0 && self->years != NULL && year - 1 < self->years->len)
    filter->year = g_array_index (self->years, int, year - 1);
  if (kind > 0)
    filter->kind = od_label_key_at (od_course_kind_choices, kind - 1);
  if (topic > 0 && self->topics != NULL && topic - 1 < self->topics->len)
    filter->topic = g_ptr_array_index (self->topics, topic - 1);
  if (query[0] != '\0')
    filter->query = query;
}

/* The four training charts of the year chosen (this year for "All
 * years"), side by side in a window; each with the chart view's menu. */
static void
charts_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdTrainingPage *self = OD_TRAINING_PAGE (widget);
  static const char *const kinds[] = {
    "attendance-by-month", "attendance-rate", "attendance-by-topic", "attendance-by-org", NULL,
  };
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdCourseFilter filter;
  OdRenderRequest request = { db, 0, 0, NULL, 0, 0 };
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window;

  if (db == NULL)
    return;
  build_filter (self, &filter);
  request.year = filter.year;
  title = filter.year != 0 ? g_strdup_printf (_("Training Charts, %d"), filter.year)
                           : g_strdup (_("Training Charts"));
  window = od_charts_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, kinds,
                                 &request, &error);
  if (window == NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

static void
add_year (GArray *years,
          int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return;
  g_array_append_val (years, year);
}

/* The years that have sessions, and the topics, as filter choices; keeps
 * what was chosen when it is still there. */
static void
reload_filters (OdTrainingPage *self,
                OdDb           *db)
{
  OdCourseFilter all = { 0 };
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) year_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) topic_model = gtk_string_list_new (NULL);
  int old_year = 0;
  g_autofree char *old_topic = NULL;
  guint year_pos = 0, topic_pos = 0;

  if (self->years != NULL && selected_index (self->year_dropdown) > 0)
    old_year = g_array_index (self->years, int, selected_index (self->year_dropdown) - 1);
  if (self->topics != NULL && selected_index (self->topic_dropdown) > 0)
    old_topic = g_strdup (g_ptr_array_index (self->topics, selected_index (self->topic_dropdown) - 1));
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->topics = g_ptr_array_new_with_free_func (g_free);
  self->n_total = 0;

  if (db != NULL)
    {
      courses = od_course_list (db, &all, &error);
      if (courses != NULL)
        topics = od_course_list_topics (db, &error);
      if (topics == NULL)
        show_error (self, error);
    }
  if (courses != NULL && topics != NULL)
    {
      self->n_total = courses->len;
      for (guint i = 0; i < courses->len; i++)
        {
          OdCourseSummary *course = g_ptr_array_index (courses, i);
          int first, last;

          if (course->first_date == NULL || course->last_date == NULL)
            continue;
          first = atoi (course->first_date);
          last = atoi (course->last_date);
          for (int year = first; year > 0 && year <= last; year++)
            add_year (self->years, year);
        }
      g_array_sort (self->years, compare_years_descending);
      for (guint i = 0; i < topics->len; i++)
        if (((char *) g_ptr_array_index (topics, i))[0] != '\0')
          g_ptr_array_add (self->topics, g_strdup (g_ptr_array_index (topics, i)));
    }

  gtk_string_list_append (year_model, _("All years"));
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, i));

      gtk_string_list_append (year_model, text);
      if (g_array_index (self->years, int, i) == old_year)
        year_pos = i + 1;
    }
  gtk_string_list_append (topic_model, _("All topics"));
  for (guint i = 0; i < self->topics->len; i++)
    {
      gtk_string_list_append (topic_model, g_ptr_array_index (self->topics, i));
      if (g_strcmp0 (g_ptr_array_index (self->topics, i), old_topic) == 0)
        topic_pos = i + 1;
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (year_model));
  gtk_drop_down_set_selected (self->year_dropdown, year_pos);
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (topic_model));
  gtk_drop_down_set_selected (self->topic_dropdown, topic_pos);
}

static GtkWidget *
course_row (const OdCourseSummary *course)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (course->title);
  GtkWidget *meta;
  GtkWidget *figures;
  g_autofree char *sessions = NULL;
  g_autofree char *meta_text = NULL;
  g_autofree char *enrolled = NULL;
  g_autofree char *figures_text = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, course->title);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  sessions = g_strdup_printf (ngettext ("%u session", "%u sessions", (gulong) course->n_sessions),
                              (guint) course->n_sessions);
  /* Translators: a course in the list: its kind, its first date, its number of sessions */
  meta_text = g_strdup_printf (_("%s · %s · %s"), od_label_for (od_course_kind_choices, course->kind),
                               course->first_date != NULL ? course->first_date : _("no date yet"),
                               sessions);
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  if (course->capacity > 0)
    enrolled = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, course->n_enrolled, course->capacity);
  else
    enrolled = g_strdup_printf ("%" G_GINT64_FORMAT, course->n_enrolled);
  /* Translators: a course in the list: enrolled (of the capacity) and the people who attended */
  figures_text = g_strdup_printf (_("Enrolled %s · Attended %u"), enrolled, (guint) course->n_attendees);
  figures = gtk_label_new (figures_text);
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_widget_add_css_class (figures, "caption");
  gtk_widget_add_css_class (figures, "numeric");
  if (course->capacity > 0 && course->n_enrolled > course->capacity)
    gtk_widget_add_css_class (figures, "warning");
  gtk_box_append (GTK_BOX (box), figures);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "od-id", g_memdup2 (&course->id, sizeof (gint64)), g_free);
  return row;
}

static void
select_row_of (OdTrainingPage *self,
               gint64          id)
{
  GtkListBoxRow *row;

  gtk_list_box_unselect_all (self->course_list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->course_list, i)) != NULL; i++)
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "od-id") == id)
      {
        gtk_list_box_select_row (self->course_list, row);
        return;
      }
}

static void
reload_list (OdTrainingPage *self)
{
  OdDb *db = od_page_get_db (OD_PAGE (self));
  OdCourseFilter filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gboolean filtered;
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->course_list))) != NULL)
    gtk_list_box_remove (self->course_list, child);
  g_clear_pointer (&self->courses, g_ptr_array_unref);

  build_filter (self, &filter);
  filtered = filter.year != 0 || filter.kind != NULL || filter.topic != NULL || filter.query != NULL;
  if (db != NULL)
    {
      self->courses = od_course_list (db, &filter, &error);
      if (self->courses == NULL)
        show_error (self, error);
    }
  if (self->courses == NULL)
    self->courses = g_ptr_array_new_with_free_func ((GDestroyNotify) od_course_summary_free);
  for (guint i = 0; i < self->courses->len; i++)
    gtk_list_box_append (self->course_list, course_row (g_ptr_array_index (self->courses, i)));
  select_row_of (self, od_course_editor_get_id (self->editor));

  if (filtered)
    count = g_strdup_printf (ngettext ("%u of %u course", "%u of %u courses", (gulong) self->n_total),
                             self->courses->len, (guint) self->n_total);
  else
    count = g_strdup_printf (ngettext ("%u course", "%u courses", (gulong) self->n_total),
                             (guint) self->n_total);
  gtk_label_set_text (self->count_label, count);

  if (self->courses->len > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      if (self->n_total == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Courses Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Plan a course: its sessions, who enrols and who attends."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Courses"));
          adw_status_page_set_description (self->empty_page,
                                           _("No course matches this year, kind, topic and search. Try other filters."));
        }
      gtk_widget_set_visible (self->empty_new_button, self->n_total == 0);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  self->updating = FALSE;
}

/* Before another course is shown: unsaved edits are saved, or the course
 * stays (the editor says what is wrong). */
static gboolean
leave_course (OdTrainingPage *self)
{
  return !od_course_editor_is_dirty (self->editor) || od_course_editor_save (self->editor);
}

/* --- callbacks --- */

static void
on_filter_changed_cb (OdTrainingPage *self)
{
  if (!self->updating)
    reload_list (self);
}

static void
on_row_selected_cb (OdTrainingPage *self,
                    GtkListBoxRow  *row)
{
  gint64 id;

  if (self->updating || row == NULL)
    return;
  id = *(gint64 *) g_object_get_data (G_OBJECT (row), "od-id");
  if (id == od_course_editor_get_id (self->editor))
    return;
  if (!leave_course (self))
    {
      self->updating = TRUE;
      select_row_of (self, od_course_editor_get_id (self->editor));
      self->updating = FALSE;
      return;
    }
  od_course_editor_load (self->editor, id);
}

static void
on_editor_saved_cb (OdTrainingPage *self,
                    gint64          id)
{
  self->updating = TRUE;
  reload_filters (self, od_page_get_db (OD_PAGE (self)));
  self->updating = FALSE;
  reload_list (self);
  if (od_course_editor_get_id (self->editor) != id)
    od_course_editor_load (self->editor, id);
  select_row_of (self, id);
}

static void
on_editor_deleted_cb (OdTrainingPage *self)
{
  self->updating = TRUE;
  reload_filters (self, od_page_get_db (OD_PAGE (self)));
  self->updating = FALSE;
  reload_list (self);
}

/* A session's date may bring a new year; a mark, new figures. */
static void
on_editor_counts_changed_cb (OdTrainingPage *self)
{
  self->updating = TRUE;
  reload_filters (self, od_page_get_db (OD_PAGE (self)));
  self->updating = FALSE;
  reload_list (self);
}

static void
new_course_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OdTrainingPage *self = OD_TRAINING_PAGE (widget);

  if (!leave_course (self))
    return;
  self->updating = TRUE;
  gtk_list_box_unselect_all (self->course_list);
  self->updating = FALSE;
  od_course_editor_load (self->editor, 0);
}

static void
take_attendance_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[TAKE_ATTENDANCE], 0, g_variant_get_int64 (parameter));
}

/* --- overrides --- */

static void
od_training_page_reload (OdPage *page)
{
  OdTrainingPage *self = OD_TRAINING_PAGE (page);
  OdDb *db = od_page_get_db (page);
  gint64 shown = od_course_editor_get_id (self->editor);

  self->updating = TRUE;
  od_course_editor_set_db (self->editor, db);
  reload_filters (self, db);
  self->updating = FALSE;
  if (db != NULL && shown > 0)
    od_course_editor_load (self->editor, shown);
  reload_list (self);
}

static gboolean
od_training_page_is_dirty (OdPage *page)
{
  return od_course_editor_is_dirty (OD_TRAINING_PAGE (page)->editor);
}

static gboolean
od_training_page_save (OdPage *page)
{
  return od_course_editor_save (OD_TRAINING_PAGE (page)->editor);
}

static void
od_training_page_discard (OdPage *page)
{
  od_course_editor_revert (OD_TRAINING_PAGE (page)->editor);
}

static void
od_training_page_dispose (GObject *object)
{
  OdTrainingPage *self = OD_TRAINING_PAGE (object);

  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  G_OBJECT_CLASS (od_training_page_parent_class)->dispose (object);
}

static void
od_training_page_class_init (OdTrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OdPageClass *page_class = OD_PAGE_CLASS (klass);

  object_class->dispose = od_training_page_dispose;
  page_class->reload = od_training_page_reload;
  page_class->is_dirty = od_training_page_is_dirty;
  page_class->save = od_training_page_save;
  page_class->discard = od_training_page_discard;

  /**
   * OdTrainingPage::take-attendance:
   * @self: the page
   * @session_id: the session whose attendance is to be taken
   *
   * The user chose "Take Attendance" on a session (the action
   * "training.take-attendance", parameter "x"). The window answers it by
   * opening the door attendance window for SESSION_ID.
   */
  signals[TAKE_ATTENDANCE] = g_signal_new ("take-attendance", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "training.new", NULL, new_course_cb);
  gtk_widget_class_install_action (widget_class, "training.take-attendance", "x", take_attendance_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "training.new", NULL);

  g_type_ensure (OD_TYPE_COURSE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/od-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, year_dropdown);
  gtk_widget_class_install_action (widget_class, "training.charts", NULL, charts_action);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, course_list);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, OdTrainingPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_counts_changed_cb);
}

static void
od_training_page_init (OdTrainingPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = TRUE;
  kinds = od_label_model (od_course_kind_choices, _("All kinds"));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  reload_filters (self, NULL);
  self->updating = FALSE;
  reload_list (self);
}

/* --- public API --- */

/* Sets every filter at once (YEAR 0, KIND/TOPIC NULL: all) and refills the
 * list without waiting for the search entry's delay. */
void
od_training_page_set_filter (OdTrainingPage *self,
                             int             year,
                             const char     *kind,
                             const char     *topic,
                             const char     *query)
{
  guint year_pos = 0, topic_pos = 0;

  g_return_if_fail (OD_IS_TRAINING_PAGE (self));

  for (guint i = 0; year != 0 && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      year_pos = i + 1;
  for (guint i = 0; topic != NULL && i < self->topics->len; i++)
    if (g_str_equal (g_ptr_array_index (self->topics, i), topic))
      topic_pos = i + 1;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, year_pos);
  gtk_drop_down_set_selected (self->kind_dropdown,
                              kind != NULL ? od_label_index (od_course_kind_choices, kind) + 1 : 0);
  gtk_drop_down_set_selected (self->topic_dropdown, topic_pos);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  self->updating = FALSE;
  reload_list (self);
}

guint
od_training_page_get_n_shown (OdTrainingPage *self)
{
  g_return_val_if_fail (OD_IS_TRAINING_PAGE (self), 0);

  return self->courses != NULL ? self->courses->len : 0;
}

gint64
od_training_page_get_course_at (OdTrainingPage *self,
                                guint           index)
{
  g_return_val_if_fail (OD_IS_TRAINING_PAGE (self), 0);

  if (self->courses == NULL || index >= self->courses->len)
    return 0;
  return ((OdCourseSummary *) g_ptr_array_index (self->courses, index))->id;
}

/* Selects course ID's row, as a click would (it shows the course). */
void
od_training_page_select_course (OdTrainingPage *self,
                                gint64          id)
{
  g_return_if_fail (OD_IS_TRAINING_PAGE (self));

  select_row_of (self, id);
}

OdCourseEditor *
od_training_page_get_editor (OdTrainingPage *self)
{
  g_return_val_if_fail (OD_IS_TRAINING_PAGE (self), NULL);

  return self->editor;
}
