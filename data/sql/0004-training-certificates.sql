-- 0004: certificates of completion (DESIGN.md §2 "Training"): a course
-- gives one to those who attended at least this percentage of its
-- sessions; 0 = the course gives none.

ALTER TABLE courses ADD COLUMN certificate_threshold INTEGER NOT NULL DEFAULT 0
  CHECK (certificate_threshold BETWEEN 0 AND 100);
