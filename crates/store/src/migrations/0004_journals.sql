-- Schema 4: decision journals. Until a journal is shared its body is a
-- draft edited in place; sharing writes revision 1, and every later change
-- is a new revision, hash-chained, never updated or deleted.
CREATE TABLE journals (
    id         INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    shared     INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    draft      TEXT NOT NULL
) STRICT;

CREATE TABLE journal_revisions (
    journal_id INTEGER NOT NULL REFERENCES journals (id),
    seq        INTEGER NOT NULL,
    body       TEXT NOT NULL,
    author     TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    PRIMARY KEY (journal_id, seq)
) STRICT;

CREATE TRIGGER journal_revisions_are_never_edited
BEFORE UPDATE ON journal_revisions
BEGIN
    SELECT RAISE(ABORT, 'journal revisions are never edited: add a new revision');
END;

CREATE TRIGGER journal_revisions_are_never_deleted
BEFORE DELETE ON journal_revisions
BEGIN
    SELECT RAISE(ABORT, 'journal revisions are never deleted');
END;

CREATE TABLE readings (
    journal_id INTEGER NOT NULL REFERENCES journals (id),
    metric     TEXT NOT NULL,
    date       TEXT NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (journal_id, metric, date)
) STRICT;

ALTER TABLE updates ADD COLUMN journal_id INTEGER REFERENCES journals (id);
