-- 0006: annual inspection (年检) — one row per organization and inspected
-- year (DESIGN.md §2 "Annual inspection"): when the report was submitted,
-- the supervising unit's opinion, the conclusion, rectification, the audit
-- report, and whether an administrative penalty was imposed that year (a
-- downgrade trigger, DESIGN.md §2 "Grade evaluation"). Enums are short
-- English keys: 合格 qualified, 基本合格 basically_qualified, 不合格
-- unqualified, 未参检 not_submitted, 免检 exempt (registered under six months
-- before the year's end).

CREATE TABLE inspections (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  organization_id INTEGER NOT NULL REFERENCES organizations (id),
  year            INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),  -- the year inspected
  submitted_on    TEXT,                                 -- ISO date, NULL when not submitted
  supervising_opinion TEXT NOT NULL DEFAULT '',
  conclusion      TEXT NOT NULL DEFAULT 'qualified'
                  CHECK (conclusion IN ('qualified', 'basically_qualified', 'unqualified', 'not_submitted', 'exempt')),
  rectification_required INTEGER NOT NULL DEFAULT 0 CHECK (rectification_required IN (0, 1)),
  rectified_on    TEXT,
  audit_report    INTEGER NOT NULL DEFAULT 0 CHECK (audit_report IN (0, 1)),
  penalized       INTEGER NOT NULL DEFAULT 0 CHECK (penalized IN (0, 1)),  -- an administrative penalty that year (a downgrade trigger)
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
-- One live inspection per organization and year; a deleted one may be re-created.
CREATE UNIQUE INDEX inspections_once ON inspections (organization_id, year) WHERE deleted_at IS NULL;
CREATE INDEX inspections_year ON inspections (year) WHERE deleted_at IS NULL;
