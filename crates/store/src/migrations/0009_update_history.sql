-- Schema 9: every update keeps its history, and what hid a triggered kill
-- criterion is on record.
--
-- An update's revisions: its story as Markdown (the app's own round-trip
-- format) and its status at that moment. Edits within two minutes of a
-- revision's first write are folded into it; a status change, an import
-- and a restore are revisions of their own.
CREATE TABLE update_revisions (
    id         INTEGER PRIMARY KEY,
    update_id  INTEGER NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
    first_ms   INTEGER NOT NULL,
    at_ms      INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('created', 'edit', 'status', 'import', 'restore')),
    status     TEXT NOT NULL CHECK (status IN ('draft', 'ready')),
    story      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX update_revisions_by_update ON update_revisions (update_id, id);

-- What happened beside the edits: an update that stopped backing a journal
-- while one of its kill criteria was triggered, recorded on both sides.
CREATE TABLE history_events (
    id         INTEGER PRIMARY KEY,
    at_ms      INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('unlinked-while-triggered')),
    update_id  INTEGER REFERENCES updates (id) ON DELETE CASCADE,
    journal_id INTEGER REFERENCES journals (id),
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX history_events_by_update ON history_events (update_id);
CREATE INDEX history_events_by_journal ON history_events (journal_id);
