-- 0008: the rating schemes OrgDesk ships (DESIGN.md §2 "Grade evaluation"):
-- thresholds 5A ≥ 900 … 1A ≥ 500 of 1000 points and the indicator trees of
-- 社会团体, 社会服务机构 and 基金会, plus a party-building star scheme
-- (评星晋级, 1–5 stars of 100 points). They are OrgDesk's own defaults,
-- modelled on published local schemes (such as Luoyang Chanhe 2025), not a
-- national standard; Shaanxi's cut-offs are not public. Editable and
-- copyable; points in tenths.

INSERT INTO rating_schemes (uuid, name, kind, org_types, max_score, bonus_cap, threshold_5, threshold_4, threshold_3, threshold_2, threshold_1, validity_years, validity_rule, party_required_top, notes, created_at, updated_at)
  VALUES ('scheme-social-group', '社会团体等级评估（默认）', 'grade', 'social_group', 10000, 500, 9000, 8000, 7000, 6000, 5000, 5, 'next_year', 1, '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), NULL, 1, '基础条件', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-1-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-1'), 1, '法人资格', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-1-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-1'), 2, '章程', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-1-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-1'), 3, '登记备案', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-1-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-1'), 4, '年度检查', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), NULL, 2, '内部治理', 3000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 1, '发展规划', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 2, '组织机构', 800, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 3, '人力资源', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 4, '领导班子', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 5, '档案证章', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-2-6', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-2'), 6, '财务资产', 700, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), NULL, 3, '工作绩效', 4000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-3'), 1, '提供服务', 1500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-3'), 2, '反映诉求', 800, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-3'), 3, '规范行为', 700, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-3'), 4, '信息公开与宣传', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-3-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-3'), 5, '特色工作', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), NULL, 4, '社会评价', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-4-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-4'), 1, '内部评价', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-4-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-4'), 2, '外部评价', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), NULL, 5, '党的建设', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-5-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-5'), 1, '组织建设', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-5-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-5'), 2, '党建活动', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-group-5-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-group'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-group-5'), 3, '作用发挥', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO rating_schemes (uuid, name, kind, org_types, max_score, bonus_cap, threshold_5, threshold_4, threshold_3, threshold_2, threshold_1, validity_years, validity_rule, party_required_top, notes, created_at, updated_at)
  VALUES ('scheme-social-service', '社会服务机构等级评估（默认）', 'grade', 'social_service', 10000, 500, 9000, 8000, 7000, 6000, 5000, 5, 'next_year', 1, '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), NULL, 1, '基础条件', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-1-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-1'), 1, '法人资格', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-1-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-1'), 2, '章程', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-1-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-1'), 3, '登记备案', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-1-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-1'), 4, '年度检查', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), NULL, 2, '内部治理', 3000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 1, '发展规划', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 2, '组织机构', 800, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 3, '人力资源', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 4, '领导班子', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 5, '档案证章', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-2-6', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-2'), 6, '财务资产', 700, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), NULL, 3, '业务活动和诚信建设', 4000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-3-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-3'), 1, '业务活动', 2000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-3-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-3'), 2, '诚信建设', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-3-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-3'), 3, '信息公开与宣传', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-3-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-3'), 4, '特色工作', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), NULL, 4, '社会评价', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-4-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-4'), 1, '内部评价', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-4-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-4'), 2, '外部评价', 500, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), NULL, 5, '党的建设', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-5-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-5'), 1, '组织建设', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-5-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-5'), 2, '党建活动', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-social-service-5-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-social-service'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-social-service-5'), 3, '作用发挥', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO rating_schemes (uuid, name, kind, org_types, max_score, bonus_cap, threshold_5, threshold_4, threshold_3, threshold_2, threshold_1, validity_years, validity_rule, party_required_top, notes, created_at, updated_at)
  VALUES ('scheme-foundation', '基金会等级评估（默认）', 'grade', 'foundation', 10000, 500, 9000, 8000, 7000, 6000, 5000, 5, 'next_year', 1, '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), NULL, 1, '基础条件', 800, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-1-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-1'), 1, '法人资格', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-1-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-1'), 2, '章程', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-1-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-1'), 3, '登记备案', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-1-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-1'), 4, '年度检查', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), NULL, 2, '内部治理', 3200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 1, '发展规划', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 2, '组织机构', 700, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 3, '人力资源', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 4, '领导班子', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 5, '档案证章', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-2-6', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-2'), 6, '财务资产', 1100, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), NULL, 3, '工作绩效', 4000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-3-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-3'), 1, '公益活动', 2000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-3-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-3'), 2, '项目管理', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-3-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-3'), 3, '信息公开', 600, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-3-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-3'), 4, '特色工作', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), NULL, 4, '社会评价', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-4-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-4'), 1, '内部评价', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-4-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-4'), 2, '外部评价', 600, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), NULL, 5, '党的建设', 1000, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-5-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-5'), 1, '组织建设', 400, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-5-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-5'), 2, '党建活动', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-foundation-5-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-foundation'), (SELECT id FROM scheme_indicators WHERE uuid = 'scheme-foundation-5'), 3, '作用发挥', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO rating_schemes (uuid, name, kind, org_types, max_score, bonus_cap, threshold_5, threshold_4, threshold_3, threshold_2, threshold_1, validity_years, validity_rule, party_required_top, notes, created_at, updated_at)
  VALUES ('scheme-party-stars', '党建工作评星晋级（默认）', 'stars', '', 1000, 0, 900, 800, 700, 600, 500, 1, 'announcement', 0, '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-party-stars-1', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-party-stars'), NULL, 1, '组织建设', 300, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-party-stars-2', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-party-stars'), NULL, 2, '党员队伍', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-party-stars-3', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-party-stars'), NULL, 3, '活动开展', 200, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-party-stars-4', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-party-stars'), NULL, 4, '制度建设', 150, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
INSERT INTO scheme_indicators (uuid, scheme_id, parent_id, position, name, max_points, created_at, updated_at)
  VALUES ('scheme-party-stars-5', (SELECT id FROM rating_schemes WHERE uuid = 'scheme-party-stars'), NULL, 5, '作用发挥', 150, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
