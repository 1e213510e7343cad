-- Schema 11: the template an update started from (weekly-update, go-no-go,
-- qbr, incident-summary; '' for none), whose expectations the coach applies.
ALTER TABLE updates ADD COLUMN template TEXT NOT NULL DEFAULT ''
    CHECK (template IN ('', 'weekly-update', 'go-no-go', 'qbr', 'incident-summary'));

-- The misalignment audit of one update: its stakeholders (role, the metric
-- they judge success by, their horizon, their risk tolerances, their
-- beliefs, their acknowledgement of why users switch) and which beliefs
-- are opposed. A JSON document read back through the core's checks.
CREATE TABLE update_audits (
    update_id  INTEGER PRIMARY KEY REFERENCES updates(id) ON DELETE CASCADE,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    updated_at INTEGER NOT NULL
) STRICT;
