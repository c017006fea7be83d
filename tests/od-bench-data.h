/* od-bench-data.h — generated organizations and people for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Realistic, deterministic (seeded GRand) names across Baoji's areas, with
 * valid unified social credit codes, shared by bench-search and bench-import.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "od-validate.h"

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static const struct
{
  const char *code;
  const char *prefix;
} areas[] = {
  { "610300", "宝鸡市" }, { "610302", "渭滨区" }, { "610303", "金台区" }, { "610304", "陈仓区" },
  { "610322", "凤翔县" }, { "610323", "岐山县" }, { "610324", "扶风县" }, { "610326", "眉县" },
  { "610327", "陇县" }, { "610328", "千阳县" }, { "610329", "麟游县" }, { "610330", "凤县" },
  { "610331", "太白县" },
};

/* Name suffixes, with the type digit of the credit code (GB 32100). */
static const struct
{
  const char *suffix;
  char        type_digit;
} suffixes[] = {
  { "协会", '1' }, { "商会", '1' }, { "学会", '1' }, { "研究会", '1' }, { "促进会", '1' },
  { "行业协会", '1' }, { "产业协会", '1' }, { "文化研究会", '1' }, { "书法家协会", '1' },
  { "体育协会", '1' }, { "养生协会", '1' }, { "志愿者协会", '1' }, { "老年协会", '1' },
  { "联合会", '1' }, { "联谊会", '1' }, { "猕猴桃产业协会", '1' }, { "养蜂协会", '1' },
  { "服务中心", '2' }, { "社会工作服务中心", '2' }, { "公益服务中心", '2' },
  { "养老服务中心", '2' }, { "居家养老服务中心", '2' }, { "康复中心", '2' }, { "幼儿园", '2' },
  { "培训学校", '2' }, { "职业技能培训学校", '2' }, { "心理咨询服务中心", '2' },
  { "公益发展中心", '2' }, { "社区服务中心", '2' }, { "文化艺术中心", '2' }, { "养老院", '2' },
  { "基金会", '3' }, { "教育基金会", '3' },
};

/* Characters of shop-sign words ("瑞丰", "嘉和"…): two of them make a brand. */
static const char *const word_chars[] = {
  "阳", "光", "爱", "心", "同", "仁", "和", "善", "德", "春", "晖", "启", "航", "彩", "虹",
  "暖", "美", "众", "合", "博", "夕", "金", "色", "华", "青", "禾", "明", "乐", "群", "福",
  "缘", "晨", "曦", "新", "希", "望", "蓝", "天", "长", "康", "宁", "颐", "惠", "民", "秦",
  "岭", "渭", "水", "炎", "周", "原", "红", "叶", "星", "火", "雨", "露", "馨", "苑", "童",
  "智", "慧", "树", "夏", "正", "道", "大", "益", "家", "安", "慈", "恩", "朝", "瑞", "丰",
  "嘉", "泰", "盛", "隆", "兴", "鑫", "源", "诚", "信", "宏", "达", "恒", "汇", "通", "顺",
};

static const char *const surnames[] = {
  "王", "李", "张", "刘", "杨", "赵", "陈", "马", "郭", "任", "周", "吴", "徐", "孙", "朱",
  "胡", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};

static const char *const given_chars[] = {
  "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
  "娟", "涛", "明", "超", "霞", "平", "刚", "桂", "华", "建", "国", "文", "辉", "玲", "红",
};


static inline double
od_bench_ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* A field of /proc/self/status ("VmRSS:", "VmHWM:") in MB, or -1. */
static inline double
od_bench_status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field), NULL) / 1024.0;
}

/* A valid unified social credit code, unique for each N below 10^8: the
 * organization-code body is N scrambled by a multiplication coprime with
 * 10^8, completed with its GB 11714 and GB 32100 checks. */
static inline char *
od_bench_credit_code (char        type_digit,
                      const char *area_code,
                      guint       n)
{
  char code[19];
  OdCodeResult result;
  guint body = (guint) (((guint64) n * 7919u + 12345u) % 100000000u);

  g_snprintf (code, sizeof code, "5%c%s%08u00", type_digit, area_code, body);
  od_validate_credit_code (code, &result);
  code[16] = result.inner_expected;
  od_validate_credit_code (code, &result);
  code[17] = result.expected_check;
  return g_strdup (code);
}

static inline char *
od_bench_person_name (GRand *rand)
{
  if (g_rand_boolean (rand))
    return g_strconcat (PICK (rand, surnames), PICK (rand, given_chars), NULL);
  return g_strconcat (PICK (rand, surnames), PICK (rand, given_chars), PICK (rand, given_chars),
                      NULL);
}
