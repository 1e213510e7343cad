-- Schema 10: the portfolio. Each initiative is kept as JSON (its figures,
-- gates and stopping rules), with its name beside it for uniqueness and
-- dependencies; checked again whenever it is read back. The portfolio's
-- settings (periods, discount rate, targets) live in `meta`.
CREATE TABLE initiatives (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX initiatives_by_name ON initiatives (lower(name));

-- Readings of an initiative's gate and stopping-rule metrics, as a
-- journal's readings are kept.
CREATE TABLE initiative_readings (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    metric        TEXT NOT NULL,
    date          TEXT NOT NULL,
    value         REAL NOT NULL,
    PRIMARY KEY (initiative_id, metric, date)
) STRICT;
