-- Schema 14: a journal's revisions form a graph. Two revisions made apart
-- on the same parent share their number (seq is a generation, no longer a
-- position), so revisions are kept in the order this copy received them
-- (ord), each hash once per journal, and a revision that joins a fork
-- lists its other parents in merged (a JSON array of hashes; '' for none).
-- Revisions stay never edited and never deleted: the guards are dropped
-- before the old table and recreated, word for word, on the new one.
DROP TRIGGER journal_revisions_are_never_edited;
DROP TRIGGER journal_revisions_are_never_deleted;

ALTER TABLE journal_revisions RENAME TO journal_revisions_v13;

CREATE TABLE journal_revisions (
    journal_id INTEGER NOT NULL REFERENCES journals (id),
    ord        INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    body       TEXT NOT NULL,
    author     TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    merged     TEXT NOT NULL DEFAULT '',
    hash       TEXT NOT NULL,
    PRIMARY KEY (journal_id, ord),
    UNIQUE (journal_id, hash)
) STRICT;

INSERT INTO journal_revisions (journal_id, ord, seq, body, author, at_ms, reason, prev_hash, merged, hash)
SELECT journal_id, seq, seq, body, author, at_ms, reason, prev_hash, '', hash
FROM journal_revisions_v13;

DROP TABLE journal_revisions_v13;

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
