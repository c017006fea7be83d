-- 0002: the registry — organizations and the people who act for them
-- (DESIGN.md §2 "Organizations"). Enums are short English keys.

CREATE TABLE organizations (
  id                    INTEGER PRIMARY KEY,
  uuid                  TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL CHECK (name <> ''),
  short_name            TEXT NOT NULL DEFAULT '',
  -- Unified social credit code (GB 32100-2015), normalized; NULL when unknown.
  credit_code           TEXT,
  -- Why a code that fails the check was kept (real registries hold such codes).
  credit_code_override  TEXT NOT NULL DEFAULT '',
  org_type              TEXT NOT NULL DEFAULT 'unknown'
                        CHECK (org_type IN ('unknown', 'social_group', 'social_service',
                                            'foundation', 'other')),
  category_id           INTEGER REFERENCES categories (id),
  area_id               INTEGER REFERENCES areas (id),
  registration_level    TEXT NOT NULL DEFAULT 'city'
                        CHECK (registration_level IN ('city', 'county')),
  registered_on         TEXT,
  supervising_unit      TEXT NOT NULL DEFAULT '',
  legal_representative  TEXT NOT NULL DEFAULT '',
  contact_person        TEXT NOT NULL DEFAULT '',
  phone                 TEXT NOT NULL DEFAULT '',
  address               TEXT NOT NULL DEFAULT '',
  email                 TEXT NOT NULL DEFAULT '',
  website               TEXT NOT NULL DEFAULT '',
  status                TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'deregistered', 'revoked')),
  status_date           TEXT,
  -- Membership of the association: member_role NULL = not a member.
  member_since          TEXT,
  member_role           TEXT CHECK (member_role IN ('president', 'vice_president', 'director',
                                                    'member')),
  member_status         TEXT CHECK (member_status IN ('active', 'suspended', 'withdrawn')),
  -- Party building ("两个覆盖"): organization coverage = independent or joint;
  -- work coverage = organization coverage or an instructor/liaison assigned.
  party_org_form        TEXT NOT NULL DEFAULT 'none'
                        CHECK (party_org_form IN ('independent', 'joint', 'none')),
  party_members         INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
  party_instructor      TEXT NOT NULL DEFAULT '',
  notes                 TEXT NOT NULL DEFAULT '',
  -- Pinyin sort key of the name (od-pinyin), so order does not depend on the locale.
  sort_key              TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
);
-- Duplicates are refused among live records; a deleted one may be re-created.
CREATE UNIQUE INDEX organizations_credit_code ON organizations (credit_code)
  WHERE credit_code IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX organizations_name ON organizations (name) WHERE deleted_at IS NULL;
CREATE INDEX organizations_sort ON organizations (sort_key);
-- Lists show live rows in name order: read straight from this index.
CREATE INDEX organizations_live_sort ON organizations (sort_key) WHERE deleted_at IS NULL;
CREATE INDEX organizations_area ON organizations (area_id);
CREATE INDEX organizations_category ON organizations (category_id);

CREATE TABLE people (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL CHECK (name <> ''),
  gender           TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  organization_id  INTEGER REFERENCES organizations (id),
  position         TEXT NOT NULL DEFAULT '',
  mobile           TEXT NOT NULL DEFAULT '',
  -- Resident ID number (GB 11643-1999): personal data, masked wherever shown.
  id_number        TEXT,
  notes            TEXT NOT NULL DEFAULT '',
  sort_key         TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT
);
CREATE UNIQUE INDEX people_id_number ON people (id_number)
  WHERE id_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX people_name_mobile ON people (name, mobile);
CREATE INDEX people_organization ON people (organization_id);
CREATE INDEX people_sort ON people (sort_key);
CREATE INDEX people_live_sort ON people (sort_key) WHERE deleted_at IS NULL;

-- Search. One compact row per record: the searchable text (names, code,
-- representative, contact) and the pinyin initials. FTS5 trigram finds 3+
-- character substrings; 1–2 character queries scan this narrow table
-- (DESIGN.md §8: trigram returns nothing for them).
CREATE TABLE organization_search (
  id        INTEGER PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  text      TEXT NOT NULL,
  initials  TEXT NOT NULL
);
CREATE VIRTUAL TABLE organization_fts USING fts5 (
  text, initials, content = 'organization_search', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER organization_search_ai AFTER INSERT ON organization_search BEGIN
  INSERT INTO organization_fts (rowid, text, initials) VALUES (new.id, new.text, new.initials);
END;
CREATE TRIGGER organization_search_ad AFTER DELETE ON organization_search BEGIN
  INSERT INTO organization_fts (organization_fts, rowid, text, initials)
    VALUES ('delete', old.id, old.text, old.initials);
END;
CREATE TRIGGER organization_search_au AFTER UPDATE ON organization_search BEGIN
  INSERT INTO organization_fts (organization_fts, rowid, text, initials)
    VALUES ('delete', old.id, old.text, old.initials);
  INSERT INTO organization_fts (rowid, text, initials) VALUES (new.id, new.text, new.initials);
END;

CREATE TABLE person_search (
  id        INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  text      TEXT NOT NULL,
  initials  TEXT NOT NULL
);
CREATE VIRTUAL TABLE person_fts USING fts5 (
  text, initials, content = 'person_search', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER person_search_ai AFTER INSERT ON person_search BEGIN
  INSERT INTO person_fts (rowid, text, initials) VALUES (new.id, new.text, new.initials);
END;
CREATE TRIGGER person_search_ad AFTER DELETE ON person_search BEGIN
  INSERT INTO person_fts (person_fts, rowid, text, initials)
    VALUES ('delete', old.id, old.text, old.initials);
END;
CREATE TRIGGER person_search_au AFTER UPDATE ON person_search BEGIN
  INSERT INTO person_fts (person_fts, rowid, text, initials)
    VALUES ('delete', old.id, old.text, old.initials);
  INSERT INTO person_fts (rowid, text, initials) VALUES (new.id, new.text, new.initials);
END;
