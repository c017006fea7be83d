/* od-demo-training.c — the training part of the demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic: a fixed seed, uuids and badge tokens derived from row
 * numbers. Every row goes through the training stores, as the application
 * writes it. The attendees of each course are fixed below; who they are,
 * who comes late, misses the second session or is excused is drawn.
 */
#define G_LOG_DOMAIN "orgdesk-demo-training"

#include "config.h"

#include "od-demo-registry.h"
#include "od-demo-training.h"
#include "od-registry-store.h"
#include "od-training-store.h"

typedef struct
{
  const char *date;        /* the first session */
  const char *kind;
  const char *title;
  const char *topic;
  guint       attendees;   /* distinct people present or late */
  guint       n_sessions;  /* on consecutive days */
} DemoCourse;

/* 2017: 10 general courses from March to June with 956 attendees, 9
 * project-execution courses with 1,644 (DESIGN.md §6). */
static const DemoCourse courses[] = {
  { "2016-04-12", "general", "2016年社会组织负责人培训班", "内部治理", 62, 1 },
  { "2016-06-21", "general", "2016年社会组织党建工作培训班", "党建知识", 58, 1 },
  { "2016-09-08", "project", "2016年公益创投项目执行培训班", "公益项目策划", 84, 2 },
  { "2016-11-15", "general", "2016年社会组织财务管理培训班", "法规政策", 47, 1 },
  { "2017-03-07", "general", "2017年第一期社会组织负责人培训班", "内部治理", 88, 2 },
  { "2017-03-21", "general", "2017年社会组织党建知识培训班", "党建知识", 92, 1 },
  { "2017-04-06", "general", "2017年社会组织法规政策培训班", "法规政策", 95, 1 },
  { "2017-04-18", "general", "2017年社会组织能力提升培训班", "能力提升", 97, 2 },
  { "2017-04-27", "general", "2017年社会组织信息宣传培训班", "信息宣传", 99, 1 },
  { "2017-05-09", "general", "2017年等级评估业务培训班", "等级评估业务", 101, 1 },
  { "2017-05-23", "general", "2017年社会工作理论与实务培训班", "社工理论与实务", 94, 2 },
  { "2017-06-06", "general", "2017年第二期社会组织负责人培训班", "内部治理", 96, 1 },
  { "2017-06-15", "general", "2017年四社联动专题培训班", "四社联动", 98, 1 },
  { "2017-06-27", "general", "2017年社会组织党建工作推进培训班", "党建知识", 96, 1 },
  { "2017-07-11", "project", "2017年第一期执行项目培训班", "公益项目策划", 180, 2 },
  { "2017-07-25", "project", "2017年第二期执行项目培训班", "项目专业化", 185, 2 },
  { "2017-08-08", "project", "2017年第三期执行项目培训班", "公益项目策划", 176, 1 },
  { "2017-08-22", "project", "2017年第四期执行项目培训班", "项目专业化", 190, 2 },
  { "2017-09-05", "project", "2017年第五期执行项目培训班", "公益项目策划", 178, 1 },
  { "2017-09-19", "project", "2017年第六期执行项目培训班", "项目专业化", 182, 2 },
  { "2017-10-17", "project", "2017年第七期执行项目培训班", "公益项目策划", 186, 1 },
  { "2017-11-07", "project", "2017年第八期执行项目培训班", "项目专业化", 179, 2 },
  { "2017-11-28", "project", "2017年第九期执行项目培训班", "四社联动", 188, 1 },
  { "2018-03-13", "general", "2018年社会组织负责人培训班", "内部治理", 90, 1 },
  { "2018-04-10", "project", "2018年第一期执行项目培训班", "公益项目策划", 160, 2 },
};

typedef struct
{
  OdDb    *db;
  GRand   *rand;
  GArray  *people;       /* gint64: the demo's people */
  guint    stride;
  guint    n_sessions;
  guint    n_enrolments;
  guint    n_marks;
} Demo;

static void
take_text (char **member,
           char  *value)
{
  g_free (*member);
  *member = value;
}

/* A badge token from the seed, like od_enrolment_new_token () makes. */
static char *
demo_token (Demo *demo)
{
  static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  GString *token = g_string_sized_new (12);

  for (guint i = 0; i < 12; i++)
    g_string_append_c (token, alphabet[g_rand_int_range (demo->rand, 0, sizeof alphabet - 1)]);
  return g_string_free (token, FALSE);
}

/* DATE plus DAYS, as YYYY-MM-DD. */
static char *
add_days (const char *date,
          guint       days)
{
  GDate d;
  char text[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  g_date_add_days (&d, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &d);
  return g_strdup (text);
}

static gboolean
add_mark (Demo        *demo,
          gint64       session_id,
          const char  *held_on,
          gint64       person_id,
          const char  *status,
          GError     **error)
{
  g_autoptr(OdAttendanceMarkFields) mark = od_attendance_mark_fields_new ();

  take_text (&mark->uuid, od_demo_uuid ("attendance_marks", ++demo->n_marks));
  mark->session_id = session_id;
  mark->person_id = person_id;
  take_text (&mark->status, g_strdup (status));
  take_text (&mark->method, g_strdup (g_rand_boolean (demo->rand) ? "scan" : "paper"));
  mark->marked_at = g_strdup_printf ("%sT%02d:%02d:00+08:00", held_on,
                                     g_str_equal (status, "late") ? 9 : 8,
                                     g_rand_int_range (demo->rand, 30, 60) % 60);
  return od_attendance_mark_save (demo->db, mark, error) != 0;
}

static gboolean
add_course (Demo              *demo,
            guint              number,
            const DemoCourse  *info,
            GError           **error)
{
  g_autoptr(OdCourseFields) course = od_course_fields_new ();
  g_autoptr(GArray) session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  /* The attendees, then a few who enrolled and did not come. */
  guint n_enrolled = info->attendees + info->attendees / 12 + 1;
  guint start;
  gint64 course_id;

  take_text (&course->uuid, od_demo_uuid ("courses", number));
  take_text (&course->title, g_strdup (info->title));
  take_text (&course->kind, g_strdup (info->kind));
  take_text (&course->topic, g_strdup (info->topic));
  take_text (&course->organizer, g_strdup ("宝鸡市社会组织促进会"));
  take_text (&course->venue, g_strdup (g_str_equal (info->kind, "project")
                                       ? "宝鸡市社会组织孵化基地培训室" : "宝鸡市民政局会议室"));
  course->capacity = (n_enrolled + 19) / 20 * 20;
  course_id = od_course_save (demo->db, course, error);
  if (course_id == 0)
    return FALSE;

  for (guint s = 0; s < info->n_sessions; s++)
    {
      g_autoptr(OdCourseSessionFields) session = od_course_session_fields_new ();
      gint64 id;

      take_text (&session->uuid, od_demo_uuid ("course_sessions", ++demo->n_sessions));
      session->course_id = course_id;
      session->held_on = add_days (info->date, s);
      take_text (&session->starts_at, g_strdup ("09:00"));
      take_text (&session->ends_at, g_strdup ("17:00"));
      take_text (&session->topic, g_strdup (info->topic));
      id = od_course_session_save (demo->db, session, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (session_ids, id);
      g_ptr_array_add (dates, g_strdup (session->held_on));
    }

  /* Distinct people spread over the whole list: from a drawn start, a
   * stride sharing no factor with the list's length. */
  start = (guint) g_rand_int_range (demo->rand, 0, (gint32) demo->people->len);
  for (guint i = 0; i < n_enrolled && i < demo->people->len; i++)
    {
      guint index = (guint) (((guint64) start + (guint64) i * demo->stride) % demo->people->len);
      gint64 person_id = g_array_index (demo->people, gint64, index);
      g_autoptr(OdEnrolmentFields) enrolment = od_enrolment_fields_new ();
      gboolean attends = i < info->attendees;

      take_text (&enrolment->uuid, od_demo_uuid ("enrolments", ++demo->n_enrolments));
      enrolment->course_id = course_id;
      enrolment->person_id = person_id;
      enrolment->enrolled_on = add_days (info->date, 0);
      take_text (&enrolment->token, demo_token (demo));
      if (od_enrolment_save (demo->db, enrolment, error) == 0)
        return FALSE;

      for (guint s = 0; s < session_ids->len; s++)
        {
          const char *status;

          if (!attends)
            status = g_rand_int_range (demo->rand, 0, 3) == 0 ? "excused" : "absent";
          else if (s > 0 && g_rand_int_range (demo->rand, 0, 8) == 0)
            status = "absent";
          else
            status = g_rand_int_range (demo->rand, 0, 20) == 0 ? "late" : "present";
          /* Everyone who attends is there on the first day. */
          if (attends && s == 0 && g_str_equal (status, "absent"))
            status = "present";
          if (!add_mark (demo, g_array_index (session_ids, gint64, s),
                         g_ptr_array_index (dates, s), person_id, status, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
od_demo_load_training (OdDb    *db,
                       GError **error)
{
  Demo demo = { db };
  OdPersonFilter filter;
  gboolean ok = TRUE;

  od_person_filter_init (&filter);
  demo.people = od_person_query_ids (db, &filter, error);
  if (demo.people == NULL)
    return FALSE;
  demo.rand = g_rand_new_with_seed (2017);
  /* 389 is prime: any length it does not divide will do. */
  demo.stride = demo.people->len % 389 != 0 ? 389 : 1;
  for (guint i = 0; ok && i < G_N_ELEMENTS (courses); i++)
    ok = add_course (&demo, i + 1, &courses[i], error);
  g_rand_free (demo.rand);
  g_array_unref (demo.people);
  return ok;
}
