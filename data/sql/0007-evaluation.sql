-- 0007: grade evaluation (社会组织等级评估, DESIGN.md §2 "Grade evaluation"):
-- rating schemes as data (cut-offs differ by locality), their indicator
-- trees, the rounds (评估批次), the organizations taking part in a round and
-- their scores. Points are kept in tenths (27.5 points is 275), so that
-- totals add up exactly. Enums are short English keys.

-- A rating scheme: grades 5A…1A ('grade') or 1–5 stars ('stars', such as
-- the party-building 评星晋级). A scheme used by a confirmed evaluation is
-- frozen (the store refuses changes; copy it to change it).
CREATE TABLE rating_schemes (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL CHECK (name <> ''),
  kind             TEXT NOT NULL DEFAULT 'grade' CHECK (kind IN ('grade', 'stars')),
  -- Space-separated organization types it applies to; '' = every type.
  org_types        TEXT NOT NULL DEFAULT '',
  max_score        INTEGER NOT NULL CHECK (max_score > 0),
  bonus_cap        INTEGER NOT NULL DEFAULT 0 CHECK (bonus_cap >= 0),
  -- The least total for each grade (5 = 5A or 5 stars); a total below
  -- threshold_1 gets no grade.
  threshold_5      INTEGER NOT NULL,
  threshold_4      INTEGER NOT NULL,
  threshold_3      INTEGER NOT NULL,
  threshold_2      INTEGER NOT NULL,
  threshold_1      INTEGER NOT NULL,
  validity_years   INTEGER NOT NULL DEFAULT 5 CHECK (validity_years BETWEEN 1 AND 20),
  -- 'next_year': from 1 January after the announcement to 31 December of
  -- the last year (the 2026 rule); 'announcement': from the announcement.
  validity_rule    TEXT NOT NULL DEFAULT 'next_year'
                   CHECK (validity_rule IN ('next_year', 'announcement')),
  party_required_top INTEGER NOT NULL DEFAULT 0 CHECK (party_required_top IN (0, 1)),
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT
);

-- A node of a scheme's indicator tree (up to 4 levels); only the leaves
-- are scored. The children of a node should add up to its maximum.
CREATE TABLE scheme_indicators (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  scheme_id   INTEGER NOT NULL REFERENCES rating_schemes (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES scheme_indicators (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  name        TEXT NOT NULL CHECK (name <> ''),
  max_points  INTEGER NOT NULL CHECK (max_points >= 0),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX scheme_indicators_tree ON scheme_indicators (scheme_id, parent_id, position);

-- A round (评估批次): its year and the dates of its steps.
CREATE TABLE evaluation_rounds (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  name               TEXT NOT NULL CHECK (name <> ''),
  year               INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  kind               TEXT NOT NULL DEFAULT 'grade' CHECK (kind IN ('grade', 'stars')),
  applications_until TEXT,
  first_review_on    TEXT,
  publicity_from     TEXT,
  publicity_until    TEXT,
  announced_on       TEXT,
  notes              TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
);
CREATE INDEX evaluation_rounds_year ON evaluation_rounds (year) WHERE deleted_at IS NULL;

-- An organization in a round, through the steps of DESIGN.md §2: applied →
-- eligible → scored → proposed → publicized → (review) → confirmed /
-- rejected / withdrawn. Grades are 1–5 (5A or 5 stars), 0 = none.
CREATE TABLE evaluations (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  round_id           INTEGER NOT NULL REFERENCES evaluation_rounds (id) ON DELETE CASCADE,
  organization_id    INTEGER NOT NULL REFERENCES organizations (id),
  scheme_id          INTEGER NOT NULL REFERENCES rating_schemes (id),
  state              TEXT NOT NULL DEFAULT 'applied'
                     CHECK (state IN ('applied', 'eligible', 'scored', 'proposed', 'publicized',
                                      'review', 'confirmed', 'rejected', 'withdrawn')),
  applied_on         TEXT,
  -- Why it takes part although an eligibility check failed; '' = none needed.
  eligibility_reason TEXT NOT NULL DEFAULT '',
  bonus              INTEGER NOT NULL DEFAULT 0 CHECK (bonus >= 0),
  comments           TEXT NOT NULL DEFAULT '',
  proposed_grade     INTEGER NOT NULL DEFAULT 0 CHECK (proposed_grade BETWEEN 0 AND 5),
  -- The committee's grade when it differs from the proposed one, with its
  -- reason; -1 = as proposed.
  decided_grade      INTEGER NOT NULL DEFAULT -1 CHECK (decided_grade BETWEEN -1 AND 5),
  decision_reason    TEXT NOT NULL DEFAULT '',
  valid_from         TEXT,
  valid_until        TEXT,
  certificate_no     TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT
);
CREATE UNIQUE INDEX evaluations_once ON evaluations (round_id, organization_id)
  WHERE deleted_at IS NULL;
CREATE INDEX evaluations_organization ON evaluations (organization_id, state);
CREATE INDEX evaluations_scheme ON evaluations (scheme_id, state);

-- The points of one leaf indicator: the organization's own assessment and
-- the experts' (-1 = not given yet).
CREATE TABLE evaluation_scores (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  indicator_id  INTEGER NOT NULL REFERENCES scheme_indicators (id),
  self_score    INTEGER NOT NULL DEFAULT -1 CHECK (self_score >= -1),
  expert_score  INTEGER NOT NULL DEFAULT -1 CHECK (expert_score >= -1),
  comment       TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE UNIQUE INDEX evaluation_scores_once ON evaluation_scores (evaluation_id, indicator_id)
  WHERE deleted_at IS NULL;
