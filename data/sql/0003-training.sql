-- 0003: training — courses, their sessions, who enrolled, who came
-- (DESIGN.md §2 "Training"). Enums are short English keys.

CREATE TABLE courses (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL CHECK (title <> ''),
  -- 培训班 (general) or 执行项目培训班 (project-execution training).
  kind        TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general', 'project')),
  topic       TEXT NOT NULL DEFAULT '',
  organizer   TEXT NOT NULL DEFAULT '',
  venue       TEXT NOT NULL DEFAULT '',
  -- 0 = no limit.
  capacity    INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  trainers    TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX courses_kind ON courses (kind) WHERE deleted_at IS NULL;

-- A session (课次) of a course. Removing a course for good takes its
-- sessions, enrolments and marks with it.
CREATE TABLE course_sessions (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  course_id   INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  held_on     TEXT NOT NULL,
  starts_at   TEXT NOT NULL DEFAULT '',   -- "09:00", or '' when not set
  ends_at     TEXT NOT NULL DEFAULT '',
  topic       TEXT NOT NULL DEFAULT '',
  trainer     TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX course_sessions_course ON course_sessions (course_id, held_on, starts_at);
CREATE INDEX course_sessions_held_on ON course_sessions (held_on) WHERE deleted_at IS NULL;

-- Enrolment (报名) of a person in a course; walk-ins are enrolled on the spot.
CREATE TABLE enrolments (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  course_id   INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id),
  status      TEXT NOT NULL DEFAULT 'enrolled'
              CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  enrolled_on TEXT NOT NULL,
  walk_in     INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
  -- What a badge's QR code carries: random, never the ID number.
  token       TEXT NOT NULL UNIQUE,
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE UNIQUE INDEX enrolments_once ON enrolments (course_id, person_id) WHERE deleted_at IS NULL;
CREATE INDEX enrolments_person ON enrolments (person_id);

-- Attendance of a person at a session; no row = not yet marked.
CREATE TABLE attendance_marks (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  session_id  INTEGER NOT NULL REFERENCES course_sessions (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id),
  status      TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent', 'excused')),
  marked_at   TEXT NOT NULL,
  method      TEXT NOT NULL DEFAULT 'manual' CHECK (method IN ('scan', 'manual', 'paper', 'import')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE UNIQUE INDEX attendance_marks_once ON attendance_marks (session_id, person_id)
  WHERE deleted_at IS NULL;
CREATE INDEX attendance_marks_person ON attendance_marks (person_id);
