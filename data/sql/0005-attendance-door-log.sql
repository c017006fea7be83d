-- 0005: the door's log (DESIGN.md §2 "Training": every mark committed at
-- once). Attendance mode writes each mark here as it is taken: one row in
-- a table with no index but its rowid, the cheapest committed write there
-- is. Within seconds, on leaving the door and on opening the database, the
-- rows are applied to attendance_marks with their audit entries (time and
-- method as taken) and removed, in one transaction.

CREATE TABLE attendance_door_log (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL,
  person_id   INTEGER NOT NULL,
  status      TEXT NOT NULL,
  method      TEXT NOT NULL,
  marked_at   TEXT NOT NULL
);
