/* od-training-entities.c — courses, sessions, enrolments and attendance
 * marks in the entity registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity's field table (audit, export, import), its choices, the
 * lookups an imported cell goes through (a course by its title, a person
 * by name, a session by course and date), and the checks of each record.
 * The stores are the generic ones of od-entity-store.h, with the defaults
 * of od-training-store.c.
 */
#define G_LOG_DOMAIN "orgdesk-training-entities"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "od-demo-training.h"
#include "od-entity-store.h"
#include "od-problem.h"
#include "od-store-util.h"
#include "od-trash.h"
#include "od-training-entities.h"
#include "od-training-stats.h"
#include "od-training-store.h"

/* --- choices --- */

/* DESIGN.md §2 "Training": 培训班 and 执行项目培训班. */
const OdChoice od_course_kind_choices[] = {
  { "general", N_("General training"), OD_WORDS ("培训班", "培训", "普通培训") },
  { "project", N_("Project-execution training"), OD_WORDS ("执行项目培训班", "项目培训", "执行项目培训") },
  { NULL, NULL, NULL }
};

const OdChoice od_enrolment_status_choices[] = {
  { "enrolled", N_("Enrolled"), OD_WORDS ("已报名", "报名") },
  { "waitlisted", N_("On the waiting list"), OD_WORDS ("候补") },
  { "cancelled", N_("Cancelled"), OD_WORDS ("已取消", "取消") },
  { NULL, NULL, NULL }
};

const OdChoice od_attendance_status_choices[] = {
  { "present", N_("Present"), OD_WORDS ("出席", "已签到", "到", "√") },
  { "late", N_("Late"), OD_WORDS ("迟到") },
  { "absent", N_("Absent"), OD_WORDS ("缺席", "未到") },
  { "excused", N_("Excused"), OD_WORDS ("请假") },
  { NULL, NULL, NULL }
};

const OdChoice od_attendance_method_choices[] = {
  { "scan", N_("Badge scan"), OD_WORDS ("扫码") },
  { "manual", N_("Marked by hand"), OD_WORDS ("手工") },
  { "paper", N_("From the paper sheet"), OD_WORDS ("签到表") },
  { "import", N_("Imported"), OD_WORDS ("导入") },
  { NULL, NULL, NULL }
};

/* --- lookups --- */


static gboolean
lookup_course (OdDb        *db,
               const char  *text,
               gint64      *id,
               char       **problem,
               GError     **error)
{
  gint64 n;

  if (!od_store_lookup_unique (db, "SELECT id FROM courses WHERE deleted_at IS NULL AND (title = ?1 OR uuid = ?1)",
                      text, id, &n, error))
    return FALSE;
  if (n == 0)
    /* Translators: %s is a course title from the file */
    *problem = g_strdup_printf (_("No course is called “%s”. Add the course first, or correct "
                                  "the title."), text);
  else if (n > 1)
    /* Translators: %s is a course title from the file */
    *problem = g_strdup_printf (_("Several courses are called “%s”. Use the course's record "
                                  "key (uuid) from an export instead."), text);
  return TRUE;
}

static gboolean
lookup_person (OdDb        *db,
               const char  *text,
               gint64      *id,
               char       **problem,
               GError     **error)
{
  gint64 n;

  if (!od_store_lookup_unique (db, "SELECT id FROM people WHERE deleted_at IS NULL AND (name = ?1 OR uuid = ?1)",
                      text, id, &n, error))
    return FALSE;
  if (n == 0)
    /* Translators: %s is a person's name from the file */
    *problem = g_strdup_printf (_("No one called %s is in the registry. Import the people "
                                  "first, or correct the name."), text);
  else if (n > 1)
    /* Translators: %s is a person's name from the file */
    *problem = g_strdup_printf (_("Several people are called %s. Use the person's record key "
                                  "(uuid) from an export instead."), text);
  return TRUE;
}

/* A session by its record key, or by "course title 2017-10-19" (the
 * label the export writes). */
static gboolean
lookup_session (OdDb        *db,
                const char  *text,
                gint64      *id,
                char       **problem,
                GError     **error)
{
  const char *space = strrchr (text, ' ');
  g_autofree char *title = space != NULL ? g_strstrip (g_strndup (text, (gsize) (space - text))) : NULL;
  g_autoptr(OdStmt) stmt = NULL;
  gint64 n = 0;
  OdStep step;

  *id = 0;
  stmt = od_db_prepare (db,
                        "SELECT s.id FROM course_sessions s JOIN courses c ON c.id = s.course_id"
                        " WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL"
                        " AND (s.uuid = ?1 OR (c.title = ?2 AND s.held_on = ?3))", error);
  if (stmt == NULL || !od_stmt_bind_text (stmt, 1, text, error)
      || !od_stmt_bind_text (stmt, 2, title != NULL ? title : "", error)
      || !od_stmt_bind_text (stmt, 3, space != NULL ? space + 1 : "", error))
    return FALSE;
  while ((step = od_stmt_step (stmt, error)) == OD_STEP_ROW)
    if (++n == 1)
      *id = od_stmt_get_int64 (stmt, 0);
  if (step == OD_STEP_ERROR)
    return FALSE;
  if (n != 1)
    {
      *id = 0;
      /* Translators: %s is a session from the file */
      *problem = g_strdup_printf (_("“%s” names no single session. Write the course title and "
                                    "the date, e.g. “法规政策培训班 2017-10-19”, or the "
                                    "session's record key."), text);
    }
  return TRUE;
}

/* --- fields --- */

static const OdEntityField course_fields[] = {
  OD_ENTITY_FIELD (OdCourseFields, "uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  OD_ENTITY_FIELD (OdCourseFields, "title", N_("Title"), OD_INPUT_TEXT, OD_FIELD_TEXT, title,
         .headers = OD_HEADERS ("培训名称", "课程名称", "班次名称", "名称"), .required = TRUE),
  OD_ENTITY_FIELD (OdCourseFields, "kind", N_("Kind"), OD_INPUT_CHOICE, OD_FIELD_TEXT, kind,
         .headers = OD_HEADERS ("类型", "培训类型"), .choices = od_course_kind_choices),
  OD_ENTITY_FIELD (OdCourseFields, "topic", N_("Topic"), OD_INPUT_TEXT, OD_FIELD_TEXT, topic,
         .headers = OD_HEADERS ("主题", "培训主题")),
  OD_ENTITY_FIELD (OdCourseFields, "organizer", N_("Organizer"), OD_INPUT_TEXT, OD_FIELD_TEXT, organizer,
         .headers = OD_HEADERS ("主办单位", "承办单位")),
  OD_ENTITY_FIELD (OdCourseFields, "venue", N_("Venue"), OD_INPUT_TEXT, OD_FIELD_TEXT, venue,
         .headers = OD_HEADERS ("地点", "培训地点")),
  OD_ENTITY_FIELD (OdCourseFields, "capacity", N_("Capacity"), OD_INPUT_COUNT, OD_FIELD_INT, capacity,
         .headers = OD_HEADERS ("人数上限", "名额")),
  OD_ENTITY_FIELD (OdCourseFields, "trainers", N_("Trainers"), OD_INPUT_TEXT, OD_FIELD_TEXT, trainers,
         .headers = OD_HEADERS ("授课人", "主讲人", "讲师")),
  OD_ENTITY_FIELD (OdCourseFields, "certificate_threshold", N_("Certificate from attendance (%)"),
         OD_INPUT_COUNT, OD_FIELD_INT, certificate_threshold,
         .headers = OD_HEADERS ("结业出勤率", "结业要求")),
  OD_ENTITY_FIELD (OdCourseFields, "notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
         .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdCourseFields),
};

static const OdEntityField session_fields[] = {
  OD_ENTITY_FIELD (OdCourseSessionFields, "uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  OD_ENTITY_FIELD (OdCourseSessionFields, "course", N_("Course"), OD_INPUT_LOOKUP, OD_FIELD_REF, course_id,
         .member = "course_id", .text_offset = G_STRUCT_OFFSET (OdCourseSessionFields, course_title),
         .ref_sql = "SELECT title FROM courses WHERE id = ?1",
         .headers = OD_HEADERS ("培训名称", "课程名称", "班次名称"), .lookup = lookup_course,
         .required = TRUE),
  OD_ENTITY_FIELD (OdCourseSessionFields, "held_on", N_("Date"), OD_INPUT_DATE, OD_FIELD_NULLABLE, held_on,
         .headers = OD_HEADERS ("日期", "培训日期", "上课日期"), .required = TRUE),
  OD_ENTITY_FIELD (OdCourseSessionFields, "starts_at", N_("Starts at"), OD_INPUT_TEXT, OD_FIELD_TEXT, starts_at,
         .headers = OD_HEADERS ("开始时间")),
  OD_ENTITY_FIELD (OdCourseSessionFields, "ends_at", N_("Ends at"), OD_INPUT_TEXT, OD_FIELD_TEXT, ends_at,
         .headers = OD_HEADERS ("结束时间")),
  OD_ENTITY_FIELD (OdCourseSessionFields, "topic", N_("Topic"), OD_INPUT_TEXT, OD_FIELD_TEXT, topic,
         .headers = OD_HEADERS ("内容", "课题", "主题")),
  OD_ENTITY_FIELD (OdCourseSessionFields, "trainer", N_("Trainer"), OD_INPUT_TEXT, OD_FIELD_TEXT, trainer,
         .headers = OD_HEADERS ("授课人", "主讲人", "讲师")),
  OD_ENTITY_FIELD (OdCourseSessionFields, "notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
         .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdCourseSessionFields),
};

static const OdEntityField enrolment_fields[] = {
  OD_ENTITY_FIELD (OdEnrolmentFields, "uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  OD_ENTITY_FIELD (OdEnrolmentFields, "course", N_("Course"), OD_INPUT_LOOKUP, OD_FIELD_REF, course_id,
         .member = "course_id", .text_offset = G_STRUCT_OFFSET (OdEnrolmentFields, course_title),
         .ref_sql = "SELECT title FROM courses WHERE id = ?1",
         .headers = OD_HEADERS ("培训名称", "课程名称", "班次名称"), .lookup = lookup_course,
         .required = TRUE),
  OD_ENTITY_FIELD (OdEnrolmentFields, "person", N_("Person"), OD_INPUT_LOOKUP, OD_FIELD_REF, person_id,
         .member = "person_id", .text_offset = G_STRUCT_OFFSET (OdEnrolmentFields, person_name),
         .ref_sql = "SELECT name FROM people WHERE id = ?1",
         .headers = OD_HEADERS ("姓名", "学员姓名", "参训人员"), .lookup = lookup_person,
         .required = TRUE),
  OD_ENTITY_FIELD (OdEnrolmentFields, "status", N_("Status"), OD_INPUT_CHOICE, OD_FIELD_TEXT, status,
         .headers = OD_HEADERS ("状态", "报名状态"), .choices = od_enrolment_status_choices),
  OD_ENTITY_FIELD (OdEnrolmentFields, "enrolled_on", N_("Enrolled on"), OD_INPUT_DATE, OD_FIELD_NULLABLE,
         enrolled_on, .headers = OD_HEADERS ("报名日期", "报名时间")),
  OD_ENTITY_FIELD (OdEnrolmentFields, "walk_in", N_("Walk-in"), OD_INPUT_COUNT, OD_FIELD_INT, walk_in,
         .headers = OD_HEADERS ("现场报名")),
  OD_ENTITY_FIELD (OdEnrolmentFields, "token", N_("Badge code"), OD_INPUT_TEXT, OD_FIELD_TEXT, token),
  OD_ENTITY_FIELD (OdEnrolmentFields, "notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
         .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdEnrolmentFields),
};

static const OdEntityField mark_fields[] = {
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "uuid", N_("Record key (uuid)"), OD_INPUT_UUID, OD_FIELD_TEXT, uuid),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "session", N_("Session"), OD_INPUT_LOOKUP, OD_FIELD_REF,
         session_id, .member = "session_id",
         .text_offset = G_STRUCT_OFFSET (OdAttendanceMarkFields, session_label),
         .ref_sql = "SELECT c.title || ' ' || s.held_on FROM course_sessions s"
                    " JOIN courses c ON c.id = s.course_id WHERE s.id = ?1",
         .headers = OD_HEADERS ("课次", "场次"), .lookup = lookup_session, .required = TRUE),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "person", N_("Person"), OD_INPUT_LOOKUP, OD_FIELD_REF, person_id,
         .member = "person_id", .text_offset = G_STRUCT_OFFSET (OdAttendanceMarkFields, person_name),
         .ref_sql = "SELECT name FROM people WHERE id = ?1",
         .headers = OD_HEADERS ("姓名", "学员姓名"), .lookup = lookup_person, .required = TRUE),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "status", N_("Attendance"), OD_INPUT_CHOICE, OD_FIELD_TEXT, status,
         .headers = OD_HEADERS ("出勤", "签到", "考勤"), .choices = od_attendance_status_choices),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "marked_at", N_("Marked at"), OD_INPUT_TEXT, OD_FIELD_TEXT,
         marked_at, .headers = OD_HEADERS ("签到时间")),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "method", N_("How it was marked"), OD_INPUT_CHOICE, OD_FIELD_TEXT,
         method, .headers = OD_HEADERS ("签到方式"), .choices = od_attendance_method_choices),
  OD_ENTITY_FIELD (OdAttendanceMarkFields, "notes", N_("Notes"), OD_INPUT_TEXT, OD_FIELD_TEXT, notes,
         .headers = OD_HEADERS ("备注")),
  OD_ENTITY_TIMESTAMPS (OdAttendanceMarkFields),
};

static const OdEntityMatch course_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM courses WHERE uuid = ?1", TRUE },
};

static const OdEntityMatch session_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM course_sessions WHERE uuid = ?1", TRUE },
};

static const OdEntityMatch enrolment_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM enrolments WHERE uuid = ?1", TRUE },
};

static const OdEntityMatch mark_matches[] = {
  { { "uuid", NULL }, N_("record key (uuid)"),
    "SELECT id, deleted_at IS NOT NULL FROM attendance_marks WHERE uuid = ?1", TRUE },
};

/* --- checks --- */

/* "09:00": two digits, a colon, two digits, a real time of day. */
static gboolean
is_time_of_day (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

static void
check_time (GPtrArray  *problems,
            const char *field,
            const char *value)
{
  if (value == NULL || value[0] == '\0' || is_time_of_day (value))
    return;
  od_problems_add (problems, field, OD_PROBLEM_ERROR, 0,
                   /* Translators: %s is what was typed as a time */
                   g_strdup_printf (_("“%s” is not a time of day. Type it as hours and minutes, "
                                      "e.g. 09:00 or 14:30."), value));
}

/* Another live row than ID with the same pair, from SQL (?1, ?2, ?3 = ID);
 * its id, or 0. */
static gint64
find_other (OdDb       *db,
            const char *sql,
            gint64      a,
            gint64      b,
            gint64      id,
            GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  gint64 other = 0;

  if (!od_store_query_row (db, sql, OD_STORE_VALUES (a, b, id), &other, NULL, &error))
    od_problems_add_db_error (problems, error);
  return other;
}

static GPtrArray *
validate_course (OdDb          *db,
                 gconstpointer  record)
{
  const OdCourseFields *f = record;
  GPtrArray *problems = od_problems_new ();

  od_entity_check_fields (&od_course_entity, problems, record);
  if (f->capacity < 0)
    od_problems_add (problems, "capacity", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The capacity cannot be negative. Type 0 for no limit.")));
  if (f->certificate_threshold < 0 || f->certificate_threshold > 100)
    od_problems_add (problems, "certificate_threshold", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The attendance for a certificate is a percentage from 0 to "
                                 "100; 0 means the course gives no certificates.")));
  return problems;
}

static GPtrArray *
validate_session (OdDb          *db,
                  gconstpointer  record)
{
  const OdCourseSessionFields *f = record;
  GPtrArray *problems = od_problems_new ();

  od_entity_check_fields (&od_course_session_entity, problems, record);
  check_time (problems, "starts_at", f->starts_at);
  check_time (problems, "ends_at", f->ends_at);
  if (is_time_of_day (f->starts_at) && is_time_of_day (f->ends_at)
      && strcmp (f->ends_at, f->starts_at) <= 0)
    od_problems_add (problems, "ends_at", OD_PROBLEM_ERROR, 0,
                     g_strdup (_("The session ends before it starts. Check the two times.")));
  return problems;
}

static GPtrArray *
validate_enrolment (OdDb          *db,
                    gconstpointer  record)
{
  const OdEnrolmentFields *f = record;
  GPtrArray *problems = od_problems_new ();
  gint64 other;

  od_entity_check_fields (&od_enrolment_entity, problems, record);
  other = find_other (db, "SELECT id FROM enrolments WHERE course_id = ?1 AND person_id = ?2"
                          " AND id <> ?3 AND deleted_at IS NULL", f->course_id, f->person_id,
                      f->id, problems);
  if (other != 0)
    od_problems_add (problems, "person_id", OD_PROBLEM_ERROR, other,
                     /* Translators: %s is a person's name */
                     g_strdup_printf (_("%s is already enrolled in this course."),
                                      f->person_name != NULL && f->person_name[0] != '\0'
                                      ? f->person_name : _("This person")));
  return problems;
}

static GPtrArray *
validate_mark (OdDb          *db,
               gconstpointer  record)
{
  const OdAttendanceMarkFields *f = record;
  GPtrArray *problems = od_problems_new ();
  gint64 other;

  od_entity_check_fields (&od_attendance_mark_entity, problems, record);
  other = find_other (db, "SELECT id FROM attendance_marks WHERE session_id = ?1"
                          " AND person_id = ?2 AND id <> ?3 AND deleted_at IS NULL",
                      f->session_id, f->person_id, f->id, problems);
  if (other != 0)
    od_problems_add (problems, "person_id", OD_PROBLEM_ERROR, other,
                     g_strdup (_("This person's attendance at this session is already "
                                 "recorded. Change that mark instead.")));
  return problems;
}

/* --- the store functions, typed --- */

static char *
describe_course (gconstpointer record)
{
  return g_strdup (((const OdCourseFields *) record)->title);
}

static char *
describe_session (gconstpointer record)
{
  const OdCourseSessionFields *f = record;

  return g_strdup_printf ("%s %s", f->course_title != NULL ? f->course_title : "",
                          f->held_on != NULL ? f->held_on : "");
}

static char *
describe_enrolment (gconstpointer record)
{
  const OdEnrolmentFields *f = record;

  return g_strdup_printf ("%s · %s", f->person_name != NULL ? f->person_name : "",
                          f->course_title != NULL ? f->course_title : "");
}

static char *
describe_mark (gconstpointer record)
{
  const OdAttendanceMarkFields *f = record;

  return g_strdup_printf ("%s · %s", f->person_name != NULL ? f->person_name : "",
                          f->session_label != NULL ? f->session_label : "");
}

OD_ENTITY_STORE_CALLBACKS (course, od_course_entity)
OD_ENTITY_STORE_CALLBACKS (session, od_course_session_entity)
OD_ENTITY_STORE_CALLBACKS (enrolment, od_enrolment_entity)
OD_ENTITY_STORE_CALLBACKS (mark, od_attendance_mark_entity)

const OdEntity od_course_entity =
  OD_ENTITY_STORE_ENTITY (OdCourseFields, "courses", N_("course"), N_("Courses"), N_("Course"),
                   course_fields, course_matches, course, "id", validate_course, od_course_save,
                   od_course_fields_free, od_course_fields_new);

const OdEntity od_course_session_entity =
  OD_ENTITY_STORE_ENTITY (OdCourseSessionFields, "course_sessions", N_("session"), N_("Sessions"),
                   N_("Session"), session_fields, session_matches, session,
                   "held_on, starts_at, id", validate_session,
                   od_course_session_save, od_course_session_fields_free,
                   od_course_session_fields_new);

const OdEntity od_enrolment_entity =
  OD_ENTITY_STORE_ENTITY (OdEnrolmentFields, "enrolments", N_("enrolment"), N_("Enrolments"),
                   N_("Enrolment"), enrolment_fields, enrolment_matches, enrolment,
                   "course_id, id", validate_enrolment, od_enrolment_save, od_enrolment_fields_free,
                   od_enrolment_fields_new);

const OdEntity od_attendance_mark_entity =
  OD_ENTITY_STORE_ENTITY (OdAttendanceMarkFields, "attendance_marks", N_("attendance mark"),
                   N_("Attendance"), N_("Attendance mark"), mark_fields, mark_matches, mark,
                   "session_id, id", validate_mark, od_attendance_mark_save, od_attendance_mark_fields_free,
                   od_attendance_mark_fields_new);

void
od_training_register_entities (void)
{
  od_entity_register (&od_course_entity);
  od_entity_register (&od_course_session_entity);
  od_entity_register (&od_enrolment_entity);
  od_entity_register (&od_attendance_mark_entity);
}

/* Marks the door logged but did not apply (the application stopped). */
static gboolean
training_open (OdDb     *db,
               GError  **error)
{
  return od_attendance_door_apply (db, NULL, error) >= 0;
}

const OdDomain od_training_domain = {
  .name = "training",
  .open = training_open,
  .register_entities = od_training_register_entities,
  .stats = &od_training_stats_domain,
  .load_demo = od_demo_load_training,
};
