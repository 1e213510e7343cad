-- Schema 13: the company PowerPoint template the workspace's PowerPoint
-- exports build on (checked when it is set, and again when it is used).
CREATE TABLE pptx_template (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    name  TEXT NOT NULL,
    bytes BLOB NOT NULL
) STRICT;
