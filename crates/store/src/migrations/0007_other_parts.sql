-- Schema 7: what a draft written elsewhere said besides the beats (its
-- other sections and unknown front-matter keys), kept on the update as
-- JSON: {"sections":[{"heading":…,"body":…}],"front_matter":[[key, value]]}.
-- Empty when there is nothing to keep.
ALTER TABLE updates ADD COLUMN other_parts TEXT NOT NULL DEFAULT '';
