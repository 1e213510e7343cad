-- Schema 1: executive updates and workspace metadata.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE updates (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL DEFAULT '',
    audience        TEXT NOT NULL DEFAULT '',
    priority        TEXT NOT NULL DEFAULT '',
    date            TEXT NOT NULL DEFAULT '',
    context         TEXT NOT NULL DEFAULT '',
    conflict        TEXT NOT NULL DEFAULT '',
    resolution      TEXT NOT NULL DEFAULT '',
    evidence        TEXT NOT NULL DEFAULT '',
    evidence_kind   TEXT NOT NULL DEFAULT 'none' CHECK (evidence_kind IN ('none', 'metric', 'quote')),
    -- Both evidence shapes are kept, so switching kind never loses what was typed.
    metric_value    TEXT NOT NULL DEFAULT '',
    metric_unit     TEXT NOT NULL DEFAULT '',
    metric_baseline TEXT NOT NULL DEFAULT '',
    metric_window   TEXT NOT NULL DEFAULT '',
    quote_text      TEXT NOT NULL DEFAULT '',
    quote_who       TEXT NOT NULL DEFAULT '',
    quote_when      TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
    is_example      INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- Set by delete; cleared by undo. Deleted updates are hidden, not gone.
    deleted_at      INTEGER
) STRICT;

CREATE INDEX updates_newest_first ON updates (created_at DESC, id DESC) WHERE deleted_at IS NULL;
