/* od-demo-registry.c — the registry part of the demo data: organizations and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organizations the seed article names (DESIGN.md §6), then some 400
 * more spread over Baoji's 13 areas, with 2–4 people each. Everything is
 * drawn from one GRand seeded with 2017 and saved through
 * od_organization_save() / od_person_save(), so the demo exercises
 * validation, the search index and the audit log, and two loads give the
 * same rows (the audit log's own uuids aside).
 *
 * Credit codes follow GB 32100-2015 and ID numbers GB 11643-1999
 * (DESIGN.md §2); both are completed with the check characters that
 * od-validate computes, so every one of them is valid.
 */
#define G_LOG_DOMAIN "orgdesk-demo-registry"

#include <stdio.h>
#include <string.h>

#include "od-demo-registry.h"
#include "od-lookup-store.h"
#include "od-pinyin.h"
#include "od-registry-store.h"
#include "od-validate.h"

#define DEMO_SEED 2017

/* The demo is set in 2016–2018 (DESIGN.md §6); OD_DEMO_NOW is 2018-12-28. */
#define LAST_DATE        "2018-11-30"
#define ASSOCIATION_FROM "2013-07-01"   /* founding members joined the association */

/* What the demo needs to know about an area beyond the areas table. */
typedef struct
{
  const char *code;          /* areas.code */
  const char *code_then;     /* in credit codes and ID numbers of 2016–2018 */
  const char *name_then;     /* in organization names of those years */
  const char *seat;          /* county seat, NULL for the city and its districts */
  const char *phone_prefix;  /* first digits of a landline after 0917- */
  guint       n_generated;   /* organizations registered there (the city's are separate) */
  const char *roads;         /* space-separated */
} AreaInfo;

/* 凤翔 became a district (610305) only in 2021: in the demo years it was
 * 凤翔县 with code 610322, which areas.former_code keeps (DESIGN.md §2). */
static const AreaInfo area_infos[] = {
  { "610300", "610300", "宝鸡市", NULL, "3", 0,
    "渭滨区经二路 渭滨区红旗路 渭滨区宝光路 渭滨区清姜路 金台区中山东路 金台区东风路 "
    "金台区金台大道 高新区高新大道 渭滨区渭滨大道 高新区火炬路" },
  { "610302", "610302", "渭滨区", NULL, "3", 25,
    "经二路 经一路 清姜路 红旗路 宝光路 姜谭路 滨河南路 新华路 石鼓路 公园路" },
  { "610303", "610303", "金台区", NULL, "3", 25,
    "中山东路 中山西路 东风路 金台大道 大庆路 西宝北路 群众路 宝平路 卧龙寺路 人民路" },
  { "610304", "610304", "陈仓区", "虢镇", "6", 20,
    "陈仓大道 宝虢路 西虢大道 南环路 东大街 虢镇西街" },
  { "610305", "610322", "凤翔县", "城关镇", "7", 15,
    "东大街 西大街 南大街 北大街 雍城路 秦凤路 东湖路" },
  { "610323", "610323", "岐山县", "凤鸣镇", "82", 14,
    "周公路 西岐大道 东大街 西大街 凤鸣路 岐山大道" },
  { "610324", "610324", "扶风县", "城关镇", "52", 13,
    "七星路 美阳街 东大街 西大街 法门路 杏林路" },
  { "610326", "610326", "眉县", "首善镇", "55", 13,
    "平阳街 东大街 西大街 首善路 渭河路 横渠路" },
  { "610327", "610327", "陇县", "城关镇", "46", 11,
    "东大街 西大街 南大街 陇州路 关山路" },
  { "610328", "610328", "千阳县", "城关镇", "42", 9,
    "东大街 西大街 燕伋路 千湖路 文化路" },
  { "610329", "610329", "麟游县", "九成宫镇", "79", 8,
    "东大街 西大街 九成宫路 杜水路" },
  { "610330", "610330", "凤县", "双石铺镇", "47", 9,
    "凤州路 嘉陵路 羌州路 东大街 西大街" },
  { "610331", "610331", "太白县", "嘴头镇", "46", 7,
    "东大街 西大街 太白路 秦岭路" },
};

typedef struct
{
  const AreaInfo *info;
  gint64          id;        /* areas.id, 0 when the row is missing */
  char          **roads;
} DemoArea;

typedef struct
{
  const char *suffix;
  const char *category;      /* categories.key */
} Field;

/* Social groups registered with the city: "宝鸡市" + suffix. */
static const Field city_groups[] = {
  { "建筑业协会", "business" }, { "房地产业协会", "business" }, { "物流协会", "business" },
  { "汽车流通协会", "business" }, { "电子商务协会", "business" }, { "钛产业协会", "business" },
  { "酒业协会", "business" }, { "茶业协会", "business" }, { "烹饪协会", "business" },
  { "家具协会", "business" }, { "建筑装饰协会", "business" }, { "物业管理协会", "business" },
  { "中小企业协会", "business" }, { "民营企业家协会", "business" },
  { "个体劳动者协会", "business" }, { "旅游协会", "business" }, { "广告协会", "business" },
  { "机床行业协会", "business" }, { "石油机械行业协会", "business" },
  { "汽车维修行业协会", "business" }, { "保险行业协会", "business" },
  { "再生资源回收利用协会", "business" }, { "质量协会", "business" },
  { "美容美发协会", "business" }, { "婚庆行业协会", "business" }, { "快递行业协会", "business" },
  { "出租汽车协会", "business" }, { "会展业协会", "business" }, { "软件行业协会", "business" },
  { "浙江商会", "business" }, { "福建商会", "business" }, { "河南商会", "business" },
  { "四川商会", "business" }, { "湖北商会", "business" }, { "温州商会", "business" },
  { "山西商会", "business" }, { "甘肃商会", "business" }, { "湖南商会", "business" },
  { "安徽商会", "business" }, { "广东商会", "business" }, { "重庆商会", "business" },
  { "山东商会", "business" },
  { "机械工程学会", "science" }, { "电子学会", "science" }, { "计算机学会", "science" },
  { "农学会", "science" }, { "数学学会", "science" }, { "化学化工学会", "science" },
  { "气象学会", "science" }, { "地理学会", "science" }, { "土木建筑学会", "science" },
  { "水利学会", "science" }, { "林学会", "science" }, { "科普作家协会", "science" },
  { "青少年科技教育协会", "science" }, { "地质学会", "science" }, { "心理学会", "science" },
  { "统计学会", "science" }, { "档案学会", "science" },
  { "教育学会", "education" }, { "民办教育协会", "education" },
  { "家庭教育研究会", "education" }, { "职业教育协会", "education" },
  { "陶行知研究会", "education" }, { "学前教育研究会", "education" },
  { "医师协会", "health" }, { "护理学会", "health" }, { "中医药学会", "health" },
  { "健康管理协会", "health" }, { "医学会", "health" }, { "预防医学会", "health" },
  { "抗癌协会", "health" }, { "营养学会", "health" }, { "康复医学会", "health" },
  { "中西医结合学会", "health" }, { "口腔医学会", "health" }, { "医院协会", "health" },
  { "慈善协会", "social_services" }, { "老年协会", "social_services" },
  { "志愿者协会", "social_services" }, { "社会工作协会", "social_services" },
  { "养老服务业协会", "social_services" }, { "殡葬协会", "social_services" },
  { "老龄事业发展促进会", "social_services" }, { "婚姻家庭研究会", "social_services" },
  { "义工联合会", "social_services" }, { "见义勇为协会", "social_services" },
  { "双拥促进会", "social_services" }, { "残疾人福利协会", "social_services" },
  { "书法家协会", "culture" }, { "美术家协会", "culture" }, { "摄影家协会", "culture" },
  { "作家协会", "culture" }, { "秦腔艺术研究会", "culture" },
  { "民间文艺家协会", "culture" }, { "收藏家协会", "culture" },
  { "周秦文化研究会", "culture" }, { "青铜器文化研究会", "culture" }, { "社火协会", "culture" },
  { "剪纸协会", "culture" }, { "戏剧家协会", "culture" }, { "诗词学会", "culture" },
  { "炎帝文化研究会", "culture" }, { "音乐家协会", "culture" }, { "舞蹈家协会", "culture" },
  { "曲艺家协会", "culture" }, { "楹联学会", "culture" }, { "国学研究会", "culture" },
  { "民俗文化研究会", "culture" }, { "历史文化研究会", "culture" },
  { "根雕艺术协会", "culture" }, { "集邮协会", "culture" },
  { "篮球协会", "sports" }, { "足球协会", "sports" }, { "乒乓球协会", "sports" },
  { "羽毛球协会", "sports" }, { "围棋协会", "sports" }, { "象棋协会", "sports" },
  { "武术协会", "sports" }, { "太极拳协会", "sports" }, { "登山协会", "sports" },
  { "自行车运动协会", "sports" }, { "游泳协会", "sports" }, { "门球协会", "sports" },
  { "健身气功协会", "sports" }, { "田径协会", "sports" }, { "钓鱼协会", "sports" },
  { "老年人体育协会", "sports" }, { "桥牌协会", "sports" }, { "网球协会", "sports" },
  { "体育舞蹈协会", "sports" }, { "信鸽协会", "sports" }, { "无线电运动协会", "sports" },
  { "环境保护协会", "environment" }, { "环保志愿者协会", "environment" },
  { "野生动植物保护协会", "environment" }, { "节能协会", "environment" },
  { "水土保持学会", "environment" },
  { "律师协会", "law" }, { "人民调解协会", "law" }, { "公证协会", "law" },
  { "法律服务协会", "law" }, { "司法鉴定协会", "law" },
  { "佛教协会", "religion" }, { "伊斯兰教协会", "religion" }, { "基督教协会", "religion" },
  { "道教协会", "religion" },
  { "果业协会", "agriculture" }, { "畜牧业协会", "agriculture" }, { "蔬菜协会", "agriculture" },
  { "农村专业技术协会", "agriculture" }, { "蜂业协会", "agriculture" },
  { "农业机械化协会", "agriculture" }, { "奶山羊产业协会", "agriculture" },
  { "苗木花卉协会", "agriculture" }, { "食用菌协会", "agriculture" },
  { "会计学会", "professional" }, { "注册会计师协会", "professional" },
  { "导游协会", "professional" }, { "社会工作者协会", "professional" },
  { "保安协会", "professional" }, { "税务师协会", "professional" },
  { "资产评估协会", "professional" }, { "建设监理协会", "professional" },
  { "工程造价管理协会", "professional" }, { "人力资源服务协会", "professional" },
  { "家政服务协会", "professional" },
  { "对外友好协会", "international" }, { "翻译协会", "international" },
  { "留学人员联谊会", "international" },
  { "老科技工作者协会", "other" }, { "老教授协会", "other" }, { "退休教师协会", "other" },
  { "老年大学协会", "other" }, { "消费者协会", "other" },
};

/* Foundations (基金会), all registered with the city: "宝鸡市" + suffix. */
static const Field foundations[] = {
  { "教育发展基金会", "education" }, { "青少年发展基金会", "social_services" },
  { "见义勇为基金会", "social_services" }, { "文化艺术发展基金会", "culture" },
  { "老年事业发展基金会", "social_services" }, { "炎帝文化基金会", "culture" },
  { "助学基金会", "education" }, { "生态环境保护基金会", "environment" },
  { "医疗救助基金会", "health" },
};

/* Social groups of a district or county: area name + suffix. */
static const Field county_groups[] = {
  { "老年人体育协会", "sports" }, { "书法家协会", "culture" }, { "摄影家协会", "culture" },
  { "慈善协会", "social_services" }, { "志愿者协会", "social_services" },
  { "个体劳动者协会", "business" }, { "武术协会", "sports" }, { "篮球协会", "sports" },
  { "象棋协会", "sports" }, { "社火协会", "culture" }, { "教育学会", "education" },
  { "退休教师协会", "other" }, { "养蜂协会", "agriculture" },
  { "农村专业技术协会", "agriculture" }, { "民间文艺家协会", "culture" },
  { "太极拳协会", "sports" }, { "门球协会", "sports" }, { "诗词学会", "culture" },
  { "企业家协会", "business" }, { "商会", "business" }, { "老年协会", "social_services" },
  { "美术家协会", "culture" }, { "作家协会", "culture" }, { "秦腔自乐班协会", "culture" },
  { "果业协会", "agriculture" }, { "畜牧兽医学会", "agriculture" },
  { "中医药学会", "health" }, { "医学会", "health" }, { "家庭教育研究会", "education" },
  { "乒乓球协会", "sports" }, { "羽毛球协会", "sports" }, { "人民调解协会", "law" },
  { "环境保护协会", "environment" }, { "餐饮行业协会", "business" },
  { "建筑业协会", "business" }, { "旅游协会", "business" }, { "电子商务协会", "business" },
  { "关心下一代促进会", "social_services" }, { "残疾人福利协会", "social_services" },
};

typedef struct
{
  const char *area_code;
  const char *suffix;
  const char *category;
} Specialty;

/* What the districts and counties are known for: 眉县 kiwis, 凤翔 clay
 * figures, 岐山 noodles, 凤县 pepper, 太白 highland vegetables… */
static const Specialty specialties[] = {
  { "610302", "楼宇经济促进会", "business" },
  { "610303", "金台观文化研究会", "culture" },
  { "610304", "蔬菜产业协会", "agriculture" }, { "610304", "西秦刺绣协会", "culture" },
  { "610305", "泥塑协会", "culture" }, { "610305", "西凤酒文化研究会", "culture" },
  { "610305", "苹果产业协会", "agriculture" },
  { "610323", "臊子面协会", "business" }, { "610323", "周文化研究会", "culture" },
  { "610323", "五丈原诸葛亮研究会", "culture" },
  { "610324", "法门文化研究会", "culture" }, { "610324", "设施农业协会", "agriculture" },
  { "610326", "猕猴桃产业协会", "agriculture" }, { "610326", "张载关学研究会", "culture" },
  { "610326", "太白山旅游协会", "business" },
  { "610327", "奶山羊产业协会", "agriculture" }, { "610327", "关山旅游协会", "business" },
  { "610328", "苹果产业协会", "agriculture" }, { "610328", "布艺刺绣协会", "culture" },
  { "610329", "核桃产业协会", "agriculture" }, { "610329", "九成宫文化研究会", "culture" },
  { "610330", "花椒产业协会", "agriculture" }, { "610330", "羌族文化研究会", "culture" },
  { "610330", "旅游协会", "business" },
  { "610331", "高山蔬菜协会", "agriculture" }, { "610331", "中药材产业协会", "agriculture" },
};

/* Social service organizations (民办非企业单位): brand + service. */
static const Field services[] = {
  { "社会工作服务中心", "social_services" }, { "居家养老服务中心", "social_services" },
  { "养老院", "social_services" }, { "公益服务中心", "social_services" },
  { "青少年服务中心", "social_services" }, { "残疾人康复中心", "health" },
  { "心理咨询服务中心", "health" }, { "中医门诊部", "health" },
  { "家庭教育指导中心", "education" }, { "职业技能培训学校", "education" },
  { "幼儿园", "education" }, { "艺术培训学校", "culture" },
  { "社区服务中心", "social_services" }, { "环保公益服务中心", "environment" },
  { "法律服务中心", "law" }, { "体育健身俱乐部", "sports" },
  { "农业技术服务中心", "agriculture" }, { "科技服务中心", "science" },
  { "文化艺术中心", "culture" }, { "人才交流服务中心", "professional" },
  { "志愿服务中心", "social_services" }, { "助残服务中心", "social_services" },
};

static const char *const brands[] = {
  "阳光", "爱心", "同心", "仁和", "善德", "春晖", "启航", "向日葵", "彩虹", "暖阳",
  "和美", "众合", "博爱", "夕阳红", "金色年华", "青禾", "明德", "乐群", "福缘", "善行",
  "晨曦", "新希望", "蓝天", "长青", "康宁", "颐养", "惠民", "同德", "秦岭", "渭水",
  "炎帝", "周原", "红叶", "星火", "雨露", "馨苑", "启明星", "小太阳", "七彩", "童趣",
  "智慧树", "华夏", "正道", "德馨", "大爱", "心连心", "益家", "安康", "慈恩", "朝阳",
};

/* Supervising units (业务主管单位) by category, named after the area:
 * "宝鸡市" + "教育局", "眉县" + "教育局". */
typedef struct
{
  const char *category;
  const char *unit;          /* after the area's name: "宝鸡市" + "教育局" */
} Supervisor;

static const Supervisor supervisors[] = {
  { "business", "商务局" }, { "science", "科学技术协会" }, { "education", "教育局" },
  { "health", "卫生和计划生育局" }, { "social_services", "民政局" },
  { "culture", "文学艺术界联合会" }, { "sports", "体育局" },
  { "environment", "环境保护局" }, { "law", "司法局" },
  { "religion", "民族宗教事务局" }, { "agriculture", "农业局" },
  { "professional", "人力资源和社会保障局" }, { "international", "人民政府外事办公室" },
  { "other", "民政局" },
};

/* The organizations of the seed article (DESIGN.md §6). */
typedef struct
{
  const char *name;
  const char *short_name;
  char        type_digit;
  const char *category;
  const char *registered_on;
  const char *supervising_unit;
  const char *member_role;     /* NULL = not a member */
  const char *member_since;
  const char *party_org_form;
  int         party_members;
  gboolean    instructor;
  const char *address;
  const char *email;
  const char *website;
  const char *notes;
} NamedOrg;

static const NamedOrg named_orgs[] = {
  { "宝鸡市社会组织促进会", "社会组织促进会", '1', "social_services", "2013-05-16",
    "宝鸡市民政局", NULL, NULL, "independent", 7, FALSE,
    "宝鸡市渭滨区经二路中段社会组织孵化基地", "bjshzzcjh@163.com", "",
    "受宝鸡市民政局委托，引领、服务、协调、规范、培训全市社会组织；运营社会组织孵化基地。" },
  { "宝鸡市江苏商会", "江苏商会", '1', "business", "2008-09-26",
    "宝鸡市工商业联合会", "president", ASSOCIATION_FROM, "independent", 12, FALSE,
    "宝鸡市金台区中山东路", "bjjssh@163.com", "",
    "会长单位；参与“党建助脱贫”，与麟游县常丰镇许家村签订帮扶协议。" },
  { "宝鸡市养生协会", "养生协会", '1', "health", "2011-04-12",
    "宝鸡市卫生和计划生育局", "vice_president", ASSOCIATION_FROM, "independent", 5, FALSE,
    "宝鸡市金台区东风路", "", "",
    "党建工作受到中共宝鸡市委主要领导肯定。" },
  { "宝鸡市餐饮饭店行业协会", "餐饮饭店行业协会", '1', "business", "2005-11-08",
    "宝鸡市商务局", "vice_president", ASSOCIATION_FROM, "joint", 2, TRUE,
    "宝鸡市渭滨区红旗路", "", "",
    "与宝鸡市商务局定期沟通，弘扬宝鸡美食文化，推广陕菜。" },
  { "宝鸡市青年企业家协会", "青年企业家协会", '1', "business", "2009-05-04",
    "共青团宝鸡市委员会", "vice_president", ASSOCIATION_FROM, "independent", 9, FALSE,
    "宝鸡市高新区高新大道", "bjqnqyjxh@163.com", "",
    "引导青年企业家参与招商引资，对接互联网+电子商务，搭建兴业创新平台。" },
  { "宝鸡市上善公益援助中心", "上善公益", '2', "social_services", "2014-03-20",
    "宝鸡市民政局", "director", "2014-06-10", "joint", 2, TRUE,
    "宝鸡市金台区大庆路", "", "",
    "与团市委、市青联联合发起“暖冬行动”，为困难留守儿童送温暖。" },
  { "宝鸡市三联社会工作服务中心", "三联社工", '2', "social_services", "2012-08-15",
    "宝鸡市民政局", "director", ASSOCIATION_FROM, "joint", 1, TRUE,
    "宝鸡市渭滨区清姜路", "", "",
    "在金台、渭滨两区开展专业社会工作服务项目。" },
  { "宝鸡慧芳公益发展中心", "慧芳公益", '2', "social_services", "2016-11-22",
    "宝鸡市民政局", "member", "2017-03-15", "none", 1, TRUE,
    "宝鸡市渭滨区宝光路", "", "",
    "成立不到一年开展公益活动37场，关爱环卫工人、困境儿童。" },
  { "陕西三和专修学院", "三和学院", '2', "education", "2002-07-10",
    "宝鸡市教育局", "vice_president", ASSOCIATION_FROM, "independent", 23, FALSE,
    "宝鸡市渭滨区姜谭路", "sxshzxxy@163.com", "",
    "经过多年发展晋升为高等职业学院，填补宝鸡空白。" },
};

/* Baoji's most common surnames come first, so they are drawn more often. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "杨", "赵", "陈", "马", "郭", "任", "张", "王", "李", "刘",
  "杨", "赵", "周", "吴", "徐", "孙", "朱", "胡", "何", "高", "林", "罗", "郑", "梁",
  "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "田", "董", "袁", "潘", "于",
  "蒋", "蔡", "杜", "程", "苏", "魏", "吕", "丁", "姚", "姜", "崔", "贾", "范", "石",
  "白", "孟", "秦", "薛", "闫", "段", "雷", "侯", "史", "贺", "毛", "郝", "武", "党",
  "景", "强", "寇", "屈", "权", "呼", "南", "亢",
};

static const char *const male_chars[] = {
  "伟", "刚", "勇", "毅", "俊", "峰", "强", "军", "平", "保", "东", "文", "辉", "力",
  "明", "永", "健", "志", "义", "兴", "良", "海", "山", "波", "宁", "福", "生", "龙",
  "国", "胜", "学", "祥", "发", "武", "新", "利", "清", "飞", "彬", "涛", "昌", "成",
  "康", "光", "天", "达", "安", "岩", "进", "林", "博", "诚", "振", "思", "乐", "松",
  "庆", "磊", "民", "超", "浩", "亮", "政", "宏", "鹏", "斌", "栋", "维", "启", "翔",
  "旭", "泽", "晨", "建", "家", "德", "盛", "雄", "军", "锋", "卫", "红", "春", "宝",
};

static const char *const female_chars[] = {
  "秀", "娟", "英", "华", "慧", "巧", "美", "娜", "静", "淑", "惠", "玉", "萍", "红",
  "玲", "芬", "芳", "燕", "彩", "春", "菊", "兰", "凤", "洁", "梅", "琳", "素", "云",
  "莲", "雪", "荣", "爱", "霞", "香", "月", "媛", "艳", "瑞", "佳", "琼", "珍", "莉",
  "桂", "晶", "妍", "秋", "珊", "青", "倩", "婷", "娴", "颖", "露", "瑶", "怡", "丹",
  "蓉", "君", "琴", "蕊", "薇", "岚", "馨", "悦", "冰", "欣", "宁", "晓", "芸", "丽",
  "敏", "娇", "雯", "亚", "璐", "莎", "妮", "婕", "楠", "茜", "蕾", "萌", "霄", "琪",
};

/* Mobile prefixes in use in 2018. */
static const char *const mobile_prefixes[] = {
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
  "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "186",
  "187", "188", "189",
};

/* Where people were born: the codes of Baoji's districts and counties of
 * the time (GB/T 2260), the city districts more often. */
static const char *const birth_areas[] = {
  "610302", "610302", "610302", "610303", "610303", "610303", "610304", "610304",
  "610322", "610323", "610324", "610326", "610327", "610328", "610329", "610330",
  "610331", "610301",
};

static const char *const group_staff[] = {
  "副会长", "副秘书长", "办公室主任", "会计", "干事", "出纳",
};
static const char *const foundation_staff[] = {
  "副理事长", "项目主管", "财务负责人", "干事",
};
static const char *const service_staff[] = {
  "社工", "项目主管", "财务", "干事", "志愿者协调员", "副主任",
};
static const char *const school_staff[] = {
  "教务主任", "会计", "教师", "招生干事",
};

typedef struct
{
  OdDb       *db;
  GRand      *rand;
  GPtrArray  *areas;          /* DemoArea, in the order of area_infos */
  GHashTable *category_ids;   /* key → id, as gint64 * */
  GHashTable *used_names;
  GHashTable *used_codes;
  GHashTable *used_mobiles;
  GHashTable *used_phones;
  GHashTable *used_id_numbers;
  guint       n_orgs;
  guint       n_people;
} DemoRegistry;

/* A person to be saved with an organization. */
typedef struct
{
  char       *name;
  gboolean    male;
  const char *position;
} DemoPerson;

/* --- helpers --- */

static void
demo_area_free (DemoArea *area)
{
  g_strfreev (area->roads);
  g_free (area);
}

static void
demo_registry_free (DemoRegistry *self)
{
  g_rand_free (self->rand);
  g_ptr_array_unref (self->areas);
  g_hash_table_unref (self->category_ids);
  g_hash_table_unref (self->used_names);
  g_hash_table_unref (self->used_codes);
  g_hash_table_unref (self->used_mobiles);
  g_hash_table_unref (self->used_phones);
  g_hash_table_unref (self->used_id_numbers);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoRegistry, demo_registry_free)

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
take_text (char **field,
           char  *value)
{
  g_free (*field);
  *field = value;
}

static const char *
pick (GRand             *rand,
      const char *const *list,
      guint              n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static guint32
date_julian (const char *iso)
{
  guint y = 0, m = 0, d = 0;
  GDate date;

  if (sscanf (iso, "%u-%u-%u", &y, &m, &d) != 3)
    g_assert_not_reached ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static char *
julian_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* A day in [FROM, TO]; RECENT draws later days more often, as registries
 * grew year by year. */
static char *
random_date (GRand      *rand,
             const char *from,
             const char *to,
             gboolean    recent)
{
  guint32 lo = date_julian (from);
  guint32 hi = date_julian (to);
  double u = g_rand_double (rand);

  if (recent)
    u = MAX (u, g_rand_double (rand));
  if (hi <= lo)
    return julian_iso (lo);
  return julian_iso (lo + (guint32) (u * (hi - lo + 1)) % (hi - lo + 1));
}

static const char *
later_date (const char *a,
            const char *b)
{
  return strcmp (a, b) >= 0 ? a : b;
}

/* A stable uuid per demo row (version 5 layout over SHA-1), so that two
 * demo databases agree, as uuids must across databases (DESIGN.md §3). */
char *
od_demo_uuid (const char *table,
              guint       n)
{
  g_autofree char *seed = g_strdup_printf ("orgdesk-demo:%s:%u", table, n);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static char *
random_digits (GRand *rand,
               guint  n)
{
  GString *digits = g_string_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_string_append_c (digits, (char) ('0' + g_rand_int_range (rand, 0, 10)));
  return g_string_free (digits, FALSE);
}

static char *
random_person_name (GRand    *rand,
                    gboolean  male)
{
  const char *surname = PICK (rand, surnames);
  const char *first = male ? PICK (rand, male_chars) : PICK (rand, female_chars);

  /* Two-character given names are the most common; one in four has one. */
  if (chance (rand, 0.25))
    return g_strconcat (surname, first, NULL);
  return g_strconcat (surname, first, male ? PICK (rand, male_chars) : PICK (rand, female_chars),
                      NULL);
}

/* A unified social credit code (GB 32100-2015): department 5 (民政), the
 * type, the area code, a 9-character organization code whose last
 * character is its GB 11714 check, then the overall check. Codes issued
 * from 2016 carry the civil-affairs "MJ" prefix in the organization code. */
static char *
make_credit_code (DemoRegistry *self,
                  char          type_digit,
                  const char   *area_code,
                  gboolean      issued_2016)
{
  for (;;)
    {
      g_autofree char *body = random_digits (self->rand, issued_2016 ? 6 : 8);
      char code[19];
      OdCodeResult result;

      g_snprintf (code, sizeof code, "5%c%s%s%s00", type_digit, area_code,
                  issued_2016 ? "MJ" : "", body);
      g_assert (strlen (code) == 18);
      od_validate_credit_code (code, &result);
      code[16] = result.inner_expected;
      od_validate_credit_code (code, &result);
      code[17] = result.expected_check;
      g_assert (od_validate_credit_code (code, NULL));

      if (!g_hash_table_contains (self->used_codes, code))
        {
          g_hash_table_add (self->used_codes, g_strdup (code));
          return g_strdup (code);
        }
    }
}

/* A resident ID number (GB 11643-1999): area, birth date, a sequence whose
 * last digit is odd for men, and the check character. */
static char *
make_id_number (DemoRegistry *self,
                const char   *area_code,
                gboolean      male,
                const char   *born_from,
                const char   *born_to)
{
  for (;;)
    {
      g_autofree char *birth = random_date (self->rand, born_from, born_to, FALSE);
      guint sequence = (guint) g_rand_int_range (self->rand, 0, 1000);
      char id[19];
      OdCodeResult result;

      if ((sequence % 2 == 1) != male)
        sequence ^= 1;
      g_snprintf (id, sizeof id, "%s%.4s%.2s%.2s%03u0", area_code, birth, birth + 5, birth + 8,
                  sequence);
      od_validate_id_number (id, &result);
      id[17] = result.expected_check;
      g_assert (od_validate_id_number (id, NULL));

      if (!g_hash_table_contains (self->used_id_numbers, id))
        {
          g_hash_table_add (self->used_id_numbers, g_strdup (id));
          return g_strdup (id);
        }
    }
}

static char *
make_mobile (DemoRegistry *self)
{
  for (;;)
    {
      g_autofree char *rest = random_digits (self->rand, 8);
      char *mobile = g_strconcat (PICK (self->rand, mobile_prefixes), rest, NULL);

      if (!g_hash_table_contains (self->used_mobiles, mobile))
        {
          g_hash_table_add (self->used_mobiles, g_strdup (mobile));
          return mobile;
        }
      g_free (mobile);
    }
}

/* Baoji's area code is 0917; local numbers have 7 digits. */
static char *
make_landline (DemoRegistry   *self,
               const AreaInfo *info)
{
  for (;;)
    {
      g_autofree char *rest = random_digits (self->rand, 7 - (guint) strlen (info->phone_prefix));
      char *phone = g_strconcat ("0917-", info->phone_prefix, rest, NULL);

      /* A local number never starts with 0 or 1 after the prefix. */
      if (rest[0] == '0' || rest[0] == '1')
        phone[5 + strlen (info->phone_prefix)] = '2';
      if (!g_hash_table_contains (self->used_phones, phone))
        {
          g_hash_table_add (self->used_phones, g_strdup (phone));
          return phone;
        }
      g_free (phone);
    }
}

static char *
make_address (DemoRegistry   *self,
              const DemoArea *area)
{
  const char *road = pick (self->rand, (const char *const *) area->roads,
                           g_strv_length (area->roads));
  int number = g_rand_int_range (self->rand, 1, 260);

  if (area->info->seat != NULL && g_str_equal (area->info->code, "610304"))
    return g_strdup_printf ("宝鸡市陈仓区%s%d号", road, number);
  if (area->info->seat != NULL)
    return g_strdup_printf ("%s%s%s%d号", area->info->name_then, area->info->seat, road, number);
  if (g_str_equal (area->info->code, "610300"))
    return g_strdup_printf ("宝鸡市%s%d号", road, number);
  return g_strdup_printf ("宝鸡市%s%s%d号", area->info->name_then, road, number);
}

static gint64
category_id (DemoRegistry *self,
             const char   *key)
{
  gint64 *id = g_hash_table_lookup (self->category_ids, key);

  return id != NULL ? *id : 0;
}

static const DemoArea *
find_area (DemoRegistry *self,
           const char   *code)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      const DemoArea *area = g_ptr_array_index (self->areas, i);

      if (g_str_equal (area->info->code, code))
        return area;
    }
  g_assert_not_reached ();
  return NULL;
}

static char *
supervising_unit (const DemoArea *area,
                  const char     *name,
                  const char     *category,
                  const char     *registered_on)
{
  /* Business associations registered since 2016 have no supervising unit:
   * they register directly with civil affairs (行业协会商会直接登记). */
  if (g_str_equal (category, "business") && strcmp (registered_on, "2016-01-01") >= 0)
    return g_strdup ("");
  if (g_str_has_suffix (name, "商会"))
    return g_strconcat (area->info->name_then, "工商业联合会", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (supervisors); i++)
    if (g_str_equal (supervisors[i].category, category))
      return g_strconcat (area->info->name_then, supervisors[i].unit, NULL);
  return g_strconcat (area->info->name_then, "民政局", NULL);
}

/* The legal representative's and the contact's positions, and the staff's. */
static void
positions_for (const char          *name,
               char                 type_digit,
               const char         **representative,
               const char         **contact,
               const char *const  **staff,
               guint               *n_staff)
{
  if (type_digit == '1')
    {
      *representative = "会长";
      *contact = "秘书长";
      *staff = group_staff;
      *n_staff = G_N_ELEMENTS (group_staff);
    }
  else if (type_digit == '3')
    {
      *representative = "理事长";
      *contact = "秘书长";
      *staff = foundation_staff;
      *n_staff = G_N_ELEMENTS (foundation_staff);
    }
  else if (g_str_has_suffix (name, "幼儿园"))
    {
      *representative = "园长";
      *contact = "副园长";
      *staff = school_staff;
      *n_staff = G_N_ELEMENTS (school_staff);
    }
  else if (g_str_has_suffix (name, "学校") || g_str_has_suffix (name, "学院"))
    {
      *representative = g_str_has_suffix (name, "学院") ? "院长" : "校长";
      *contact = "办公室主任";
      *staff = school_staff;
      *n_staff = G_N_ELEMENTS (school_staff);
    }
  else
    {
      *representative = g_str_has_suffix (name, "养老院") ? "院长" : "主任";
      *contact = "办公室主任";
      *staff = service_staff;
      *n_staff = G_N_ELEMENTS (service_staff);
    }
}

static gboolean
load_lookups (DemoRegistry  *self,
              GError       **error)
{
  g_autoptr(GPtrArray) areas = od_lookup_list_areas (self->db, error);
  g_autoptr(GPtrArray) categories = NULL;

  if (areas == NULL)
    return FALSE;
  categories = od_lookup_list_categories (self->db, error);
  if (categories == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (area_infos); i++)
    {
      DemoArea *area = g_new0 (DemoArea, 1);

      area->info = &area_infos[i];
      area->roads = g_strsplit (area_infos[i].roads, " ", -1);
      for (guint j = 0; j < areas->len; j++)
        {
          const OdArea *row = g_ptr_array_index (areas, j);

          if (g_str_equal (row->code, area_infos[i].code))
            area->id = row->id;
        }
      g_ptr_array_add (self->areas, area);
    }

  for (guint i = 0; i < categories->len; i++)
    {
      const OdCategory *row = g_ptr_array_index (categories, i);

      g_hash_table_insert (self->category_ids, g_strdup (row->key),
                           g_memdup2 (&row->id, sizeof row->id));
    }
  return TRUE;
}

/* --- saving --- */

static gboolean
save_people (DemoRegistry  *self,
             gint64         org_id,
             const DemoArea *area,
             DemoPerson    *people,
             guint          n_people,
             GError       **error)
{
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(OdPersonFields) fields = od_person_fields_new ();
      const char *born_from = i == 0 ? "1955-01-01" : i == 1 ? "1965-01-01" : "1975-01-01";
      const char *born_to = i == 0 ? "1985-12-31" : "2000-12-31";

      take_text (&fields->uuid, od_demo_uuid ("people", ++self->n_people));
      set_text (&fields->name, people[i].name);
      set_text (&fields->gender, people[i].male ? "male" : "female");
      fields->organization_id = org_id;
      set_text (&fields->position, people[i].position);
      take_text (&fields->mobile, make_mobile (self));
      /* About half of the people gave their ID number, most of them born
       * where the organization works. */
      if (chance (self->rand, 0.5))
        {
          const char *born_in = area->info->seat != NULL && chance (self->rand, 0.7)
                                ? area->info->code_then
                                : PICK (self->rand, birth_areas);

          take_text (&fields->id_number,
                     make_id_number (self, born_in, people[i].male, born_from, born_to));
        }
      else
        g_clear_pointer (&fields->id_number, g_free);

      if (od_person_save (self->db, fields, error) <= 0)
        {
          g_prefix_error (error, "%s: ", people[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Draws membership, party building and status for a generated organization. */
static void
draw_generated (DemoRegistry *self,
                OdOrganizationFields  *fields)
{
  double u;

  /* A few organizations were deregistered (注销) or had their registration
   * revoked (撤销, typically after missing annual inspections). */
  u = g_rand_double (self->rand);
  if (strcmp (fields->registered_on, "2016-01-01") < 0 && u < 0.06)
    {
      set_text (&fields->status, u < 0.035 ? "deregistered" : "revoked");
      take_text (&fields->status_date,
                 random_date (self->rand, later_date (fields->registered_on, "2015-03-01"),
                              LAST_DATE, FALSE));
    }
  else
    {
      set_text (&fields->status, "active");
      g_clear_pointer (&fields->status_date, g_free);
    }

  /* About 60% of all organizations are member units of the association. */
  g_clear_pointer (&fields->member_role, g_free);
  g_clear_pointer (&fields->member_since, g_free);
  g_clear_pointer (&fields->member_status, g_free);
  if (strcmp (fields->registered_on, "2018-09-30") <= 0 && chance (self->rand, 0.64))
    {
      const char *until = g_str_equal (fields->status, "active") ? LAST_DATE : fields->status_date;
      const char *from = later_date (fields->registered_on, ASSOCIATION_FROM);

      if (strcmp (from, until) < 0)
        {
          double r = g_rand_double (self->rand);

          if (strcmp (fields->registered_on, ASSOCIATION_FROM) < 0 && chance (self->rand, 0.4))
            set_text (&fields->member_since, ASSOCIATION_FROM);
          else
            take_text (&fields->member_since, random_date (self->rand, from, until, FALSE));
          set_text (&fields->member_role, r < 0.035 ? "vice_president"
                                          : r < 0.17 ? "director" : "member");
          set_text (&fields->member_status,
                    g_str_equal (fields->status, "active") ? "active" : "withdrawn");
        }
    }

  /* Party building (两个覆盖): about 30% have their own party organization,
   * 20% a joint one, the rest none; instructors cover some of those. */
  u = g_rand_double (self->rand);
  if (u < 0.30)
    {
      set_text (&fields->party_org_form, "independent");
      fields->party_members = 3 + g_rand_int_range (self->rand, 0, chance (self->rand, 0.2) ? 20 : 7);
    }
  else if (u < 0.50)
    {
      set_text (&fields->party_org_form, "joint");
      fields->party_members = g_rand_int_range (self->rand, 1, 3);
    }
  else
    {
      double r = g_rand_double (self->rand);

      set_text (&fields->party_org_form, "none");
      fields->party_members = r < 0.75 ? 0 : r < 0.92 ? 1 : 2;
    }
  {
    double p = g_str_equal (fields->party_org_form, "none") ? 0.4
               : g_str_equal (fields->party_org_form, "joint") ? 0.3 : 0.1;

    if (chance (self->rand, p))
      take_text (&fields->party_instructor, random_person_name (self->rand, chance (self->rand, 0.6)));
    else
      set_text (&fields->party_instructor, "");
  }
}

/* Saves one organization and its people. NAMED is NULL for generated ones. */
static gboolean
add_organization (DemoRegistry    *self,
                  const char      *name,
                  const char      *short_name,
                  char             type_digit,
                  const char      *category,
                  const DemoArea  *area,
                  const NamedOrg  *named,
                  GError         **error)
{
  g_autoptr(OdOrganizationFields) fields = od_organization_fields_new ();
  DemoPerson people[4] = { { NULL } };
  const char *rep_position, *contact_position;
  const char *const *staff;
  guint n_staff_positions, n_people;
  gboolean issued_2016;
  gint64 id;
  gboolean ok;

  g_hash_table_add (self->used_names, g_strdup (name));

  take_text (&fields->uuid, od_demo_uuid ("organizations", ++self->n_orgs));
  set_text (&fields->name, name);
  set_text (&fields->short_name, short_name != NULL ? short_name : "");
  fields->org_type = type_digit == '1' ? OD_ORGANIZATION_TYPE_SOCIAL_GROUP
                     : type_digit == '2' ? OD_ORGANIZATION_TYPE_SOCIAL_SERVICE
                     : OD_ORGANIZATION_TYPE_FOUNDATION;
  fields->category_id = category_id (self, category);
  fields->area_id = area->id;
  set_text (&fields->registration_level, area->info->seat == NULL
                                         && g_str_equal (area->info->code, "610300")
                                         ? "city" : "county");
  if (named != NULL)
    set_text (&fields->registered_on, named->registered_on);
  else
    take_text (&fields->registered_on,
               random_date (self->rand,
                            type_digit == '1' ? "1990-01-01"
                            : type_digit == '2' ? "2001-01-01" : "1998-01-01",
                            type_digit == '3' ? "2016-06-30" : "2018-10-31", TRUE));
  issued_2016 = strcmp (fields->registered_on, "2016-01-01") >= 0;
  take_text (&fields->credit_code,
             make_credit_code (self, type_digit, area->info->code_then, issued_2016));
  set_text (&fields->credit_code_override, "");
  if (named != NULL)
    set_text (&fields->supervising_unit, named->supervising_unit);
  else
    take_text (&fields->supervising_unit,
               supervising_unit (area, name, category, fields->registered_on));

  /* People first: the organization names its representative and contact. */
  positions_for (name, type_digit, &rep_position, &contact_position, &staff, &n_staff_positions);
  n_people = 2 + (guint) g_rand_int_range (self->rand, 0, 3);
  people[0].male = chance (self->rand, 0.72);
  people[0].position = rep_position;
  people[1].male = chance (self->rand, 0.4);
  people[1].position = contact_position;
  for (guint i = 2; i < n_people; i++)
    {
      people[i].male = chance (self->rand, 0.45);
      people[i].position = pick (self->rand, staff, n_staff_positions);
    }
  for (guint i = 0; i < n_people; i++)
    people[i].name = random_person_name (self->rand, people[i].male);
  set_text (&fields->legal_representative, people[0].name);
  set_text (&fields->contact_person, people[1].name);

  if (chance (self->rand, 0.7))
    take_text (&fields->phone, make_landline (self, area->info));
  else
    take_text (&fields->phone, make_mobile (self));

  if (named != NULL)
    {
      set_text (&fields->address, named->address);
      set_text (&fields->email, named->email);
      set_text (&fields->website, named->website);
      set_text (&fields->notes, named->notes);
      set_text (&fields->status, "active");
      g_clear_pointer (&fields->status_date, g_free);
      set_text (&fields->member_role, named->member_role);
      set_text (&fields->member_since, named->member_since);
      set_text (&fields->member_status, named->member_role != NULL ? "active" : NULL);
      set_text (&fields->party_org_form, named->party_org_form);
      fields->party_members = named->party_members;
      if (named->instructor)
        take_text (&fields->party_instructor, random_person_name (self->rand, TRUE));
      else
        set_text (&fields->party_instructor, "");
    }
  else
    {
      take_text (&fields->address, make_address (self, area));
      if (chance (self->rand, 0.25))
        {
          g_autofree char *initials = od_pinyin_initials (name);

          take_text (&fields->email,
                     chance (self->rand, 0.3)
                     ? g_strdup_printf ("%d@qq.com", g_rand_int_range (self->rand, 10000000, 999999999))
                     : g_strdup_printf ("%s%s", initials, chance (self->rand, 0.5) ? "@163.com" : "@126.com"));
        }
      else
        set_text (&fields->email, "");
      set_text (&fields->website, "");
      set_text (&fields->notes, "");
      draw_generated (self, fields);
    }

  id = od_organization_save (self->db, fields, error);
  if (id <= 0)
    {
      g_prefix_error (error, "%s: ", name);
      ok = FALSE;
    }
  else
    ok = save_people (self, id, area, people, n_people, error);

  for (guint i = 0; i < n_people; i++)
    g_free (people[i].name);
  return ok;
}

static gboolean
add_named (DemoRegistry  *self,
           GError       **error)
{
  const DemoArea *city = find_area (self, "610300");

  for (guint i = 0; i < G_N_ELEMENTS (named_orgs); i++)
    {
      const NamedOrg *named = &named_orgs[i];

      if (!add_organization (self, named->name, named->short_name, named->type_digit,
                             named->category, city, named, error))
        return FALSE;
    }
  return TRUE;
}

/* City-level organizations: short names drop the city, as people say them. */
static gboolean
add_city_fields (DemoRegistry  *self,
                 const Field   *fields,
                 guint          n_fields,
                 char           type_digit,
                 GError       **error)
{
  const DemoArea *city = find_area (self, "610300");

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strconcat ("宝鸡市", fields[i].suffix, NULL);

      if (g_hash_table_contains (self->used_names, name))
        continue;
      if (!add_organization (self, name, chance (self->rand, 0.3) ? fields[i].suffix : NULL,
                             type_digit, fields[i].category, city, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_city_services (DemoRegistry  *self,
                   guint          n,
                   GError       **error)
{
  const DemoArea *city = find_area (self, "610300");

  for (guint added = 0; added < n;)
    {
      const Field *service = &services[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (services))];
      const char *brand = PICK (self->rand, brands);
      g_autofree char *name = g_strconcat (chance (self->rand, 0.5) ? "宝鸡市" : "宝鸡", brand,
                                           service->suffix, NULL);

      if (g_hash_table_contains (self->used_names, name))
        continue;
      if (!add_organization (self, name, NULL, '2', service->category, city, NULL, error))
        return FALSE;
      added++;
    }
  return TRUE;
}

/* A district's or county's own organizations: its specialties first, then
 * common social groups and social service organizations. */
static gboolean
add_area (DemoRegistry    *self,
          const DemoArea  *area,
          GError         **error)
{
  const char *prefix = area->info->name_then;
  guint added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (specialties); i++)
    {
      g_autofree char *name = NULL;

      if (!g_str_equal (specialties[i].area_code, area->info->code))
        continue;
      name = g_strconcat (prefix, specialties[i].suffix, NULL);
      if (!add_organization (self, name, NULL, '1', specialties[i].category, area, NULL, error))
        return FALSE;
      added++;
    }

  while (added < area->info->n_generated)
    {
      g_autofree char *name = NULL;
      const Field *field;
      char type_digit;

      if (chance (self->rand, 0.55))
        {
          field = &county_groups[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (county_groups))];
          name = g_strconcat (prefix, field->suffix, NULL);
          type_digit = '1';
        }
      else
        {
          field = &services[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (services))];
          name = g_strconcat (prefix, PICK (self->rand, brands), field->suffix, NULL);
          type_digit = '2';
        }
      if (g_hash_table_contains (self->used_names, name))
        continue;
      if (!add_organization (self, name, NULL, type_digit, field->category, area, NULL, error))
        return FALSE;
      added++;
    }
  return TRUE;
}

/* --- public API --- */

/* The number of social service organizations registered with the city,
 * which brings the demo to a little over 400 organizations. */
#define N_CITY_SERVICES 60

/**
 * od_demo_load_registry:
 * @db: the database, inside the demo's transaction with the clock pinned
 * @error: return location for an error
 *
 * Writes the organizations and people of the demo (DESIGN.md §6). Runs
 * as a part of od_demo_load().
 *
 * Returns: %TRUE on success
 */
gboolean
od_demo_load_registry (OdDb    *db,
                       GError **error)
{
  g_autoptr(DemoRegistry) self = g_new0 (DemoRegistry, 1);

  g_return_val_if_fail (OD_IS_DB (db), FALSE);

  self->db = db;
  self->rand = g_rand_new_with_seed (DEMO_SEED);
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_area_free);
  self->category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_mobiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_id_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_lookups (self, error))
    return FALSE;

  if (!add_named (self, error)
      || !add_city_fields (self, foundations, G_N_ELEMENTS (foundations), '3', error)
      || !add_city_fields (self, city_groups, G_N_ELEMENTS (city_groups), '1', error)
      || !add_city_services (self, N_CITY_SERVICES, error))
    return FALSE;

  for (guint i = 0; i < self->areas->len; i++)
    if (!add_area (self, g_ptr_array_index (self->areas, i), error))
      return FALSE;

  return TRUE;
}
