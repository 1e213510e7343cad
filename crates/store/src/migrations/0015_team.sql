-- Schema 15: a team workspace. `team` holds the one team this workspace
-- joined (the team id is a secret capability: whoever has it can read and
-- write the team's documents). `team_items` marks what the user shares and
-- keeps, per item, the record as last agreed with the team and the team
-- document's heads at that moment, so local edits merge with the team's as
-- if made there. `team_blobs` is the sync engine's storage: the team
-- document and its sync state, so they survive restarts in this one file.
CREATE TABLE team (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    server_url      TEXT NOT NULL,
    team_id         TEXT NOT NULL,
    team_name       TEXT NOT NULL DEFAULT '',
    allow_plain     INTEGER NOT NULL DEFAULT 0 CHECK (allow_plain IN (0, 1)),
    joined_at       INTEGER NOT NULL,
    last_sync_at    INTEGER,
    last_error      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE team_items (
    kind       TEXT NOT NULL CHECK (kind IN ('journal', 'initiative', 'update', 'portfolio-settings')),
    local_id   INTEGER NOT NULL,
    key        TEXT NOT NULL UNIQUE,
    base       TEXT NOT NULL DEFAULT '',
    base_heads TEXT NOT NULL DEFAULT '',
    changed_by TEXT NOT NULL DEFAULT '',
    changed_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, local_id)
) STRICT;

CREATE TABLE team_blobs (
    key  TEXT PRIMARY KEY,
    data BLOB NOT NULL
) STRICT;
