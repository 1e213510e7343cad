-- Schema 3: the workspace's branding (one row) and, per update, the coach
-- rules the author chose to silence (a JSON array of rule ids).
CREATE TABLE branding (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    accent       TEXT NOT NULL DEFAULT '#2563EB',
    footer_label TEXT NOT NULL DEFAULT '',
    logo         BLOB
) STRICT;

INSERT INTO branding (id) VALUES (1);

ALTER TABLE updates ADD COLUMN silenced_rules TEXT NOT NULL DEFAULT '[]';
