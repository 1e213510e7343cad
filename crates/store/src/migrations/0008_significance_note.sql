-- Schema 8: whether slides print the 95% interval of a two-group
-- difference under the evidence (a workspace-look choice, off by default:
-- the coach says it either way).
ALTER TABLE branding ADD COLUMN significance_note INTEGER NOT NULL DEFAULT 0 CHECK (significance_note IN (0, 1));
