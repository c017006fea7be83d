-- 0001: what every domain shares (DESIGN.md §3 "Data conventions").
-- Every row: integer key, uuid (stable across databases so that a trainer's
-- laptop can merge back into the office database), created_at, updated_at
-- (ISO-8601 UTC text), deleted_at for soft deletes.

CREATE TABLE settings (
  key         TEXT PRIMARY KEY NOT NULL,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every change: table, row, changed fields as JSON {"field": [old, new]},
-- when, and the workstation user. An import is one entry (batch).
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      INTEGER,
  row_uuid    TEXT,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore',
                                              'purge', 'import', 'migrate', 'demo')),
  changes     TEXT NOT NULL DEFAULT '{}',
  summary     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The trash: one entry per soft-deleted row, so that one view lists
-- everything deleted; the row itself keeps deleted_at set until it is
-- restored (entry removed) or purged (row and entry removed).
CREATE TABLE trash (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  label       TEXT NOT NULL,
  deleted_at  TEXT NOT NULL,
  deleted_by  TEXT NOT NULL,
  UNIQUE (table_name, row_id)
);

-- Districts and counties of the city (GB/T 2260). former_code keeps the code
-- an area had before a change (凤翔: county 610322 until 2021, district 610305),
-- so that older credit codes still resolve.
CREATE TABLE areas (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  code        TEXT NOT NULL UNIQUE CHECK (length (code) = 6 AND code NOT GLOB '*[^0-9]*'),
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'district', 'county')),
  parent_code TEXT,
  former_code TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at  TEXT
);

-- Business categories (业务类别), seeded with the civil-affairs statistical
-- classes; editable.
CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  key         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at  TEXT
);

-- Baoji (宝鸡市), the city of the seed article; uuids fixed so every database agrees.
INSERT INTO areas (uuid, code, name, name_en, level, parent_code, former_code, sort_order) VALUES
  ('e7098af8-b342-5200-82d4-70a22d9b8013', '610300', '宝鸡市', 'Baoji', 'city', NULL, NULL, 0),
  ('0add2735-f6d4-5ff0-bcb1-078dad823734', '610302', '渭滨区', 'Weibin', 'district', '610300', NULL, 1),
  ('5b1f8907-b4df-5ae5-95b0-927392dead68', '610303', '金台区', 'Jintai', 'district', '610300', NULL, 2),
  ('dc154795-6012-50ca-bcb4-25797a38dafe', '610304', '陈仓区', 'Chencang', 'district', '610300', NULL, 3),
  ('0e5d3427-d8dc-5ebf-b37b-3b2da457882b', '610305', '凤翔区', 'Fengxiang', 'district', '610300', '610322', 4),
  ('29514804-2c54-55b7-a136-e61e23bfeaf5', '610323', '岐山县', 'Qishan', 'county', '610300', NULL, 5),
  ('9722995c-2688-526f-9351-3bfd1894d87e', '610324', '扶风县', 'Fufeng', 'county', '610300', NULL, 6),
  ('dbab9e27-36c9-5241-b3a8-c5f83df99ce9', '610326', '眉县', 'Mei', 'county', '610300', NULL, 7),
  ('17dd86d2-695f-5de5-a372-47367c905a61', '610327', '陇县', 'Long', 'county', '610300', NULL, 8),
  ('63586a8e-796f-5e20-9d9d-c659f3935d3f', '610328', '千阳县', 'Qianyang', 'county', '610300', NULL, 9),
  ('c56313e9-b31e-51a6-b34f-f2ddcece223a', '610329', '麟游县', 'Linyou', 'county', '610300', NULL, 10),
  ('8bc6358f-7cd4-59ed-a516-2d5d1831b7db', '610330', '凤县', 'Feng', 'county', '610300', NULL, 11),
  ('882e26f0-943e-5935-8cfa-1326a12ca251', '610331', '太白县', 'Taibai', 'county', '610300', NULL, 12);

INSERT INTO categories (uuid, key, name, sort_order) VALUES
  ('b7e7ee18-f5d8-5527-bcc7-249f458aafd0', 'business', '工商服务业/行业协会商会', 0),
  ('fd381abc-7e4e-5c2d-b05a-c2121a96628a', 'science', '科技研究', 1),
  ('2e035588-e9d4-5c29-b90e-abbb54b4b9d2', 'education', '教育', 2),
  ('808278ac-77f5-5ac8-9c86-69bf8e7c9de1', 'health', '卫生', 3),
  ('4668f264-93f4-5863-af03-1174c3ace30b', 'social_services', '社会服务', 4),
  ('175df541-f8bf-5d59-aff3-c2c3bdd94623', 'culture', '文化', 5),
  ('c76d7e18-69f6-5488-8e54-13d71be9d3bf', 'sports', '体育', 6),
  ('3251d87b-779a-5bd2-99a1-18fdd57b8935', 'environment', '生态环境', 7),
  ('cbd2d696-99c6-5d42-8424-e8e8986ace39', 'law', '法律', 8),
  ('8260c300-cd12-5ea2-adbb-55b01636985d', 'religion', '宗教', 9),
  ('11c566f2-5992-510f-8179-cc503cd9192e', 'agriculture', '农业及农村发展', 10),
  ('d8b7f222-8400-5d1b-b565-934b2229fb60', 'professional', '职业及从业组织', 11),
  ('85b1e045-e0aa-5d0b-a182-a5b57774cb57', 'international', '国际及涉外', 12),
  ('ae6a72c6-cd80-574f-89ec-6f75abe22c81', 'other', '其他', 13);
