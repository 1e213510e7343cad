-- Schema 5: why a ready update returned to draft (an edit that gave the
-- coach an error, a linked journal's kill criterion triggered). NULL while
-- nothing sent it back.
ALTER TABLE updates ADD COLUMN status_note TEXT;

-- A shared (frozen) journal's change typed but not yet recorded as a
-- revision: kept like any other typing until recorded or discarded.
ALTER TABLE journals ADD COLUMN pending TEXT;
