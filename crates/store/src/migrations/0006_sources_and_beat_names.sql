-- Schema 6: where a metric comes from and its sample (one size, or the
-- groups' sizes: "1420, 1410"), for the slide's source line and the coach.
ALTER TABLE updates ADD COLUMN metric_source TEXT NOT NULL DEFAULT '';
ALTER TABLE updates ADD COLUMN metric_sample TEXT NOT NULL DEFAULT '';

-- Whether slides print the beat names (CONTEXT, CONFLICT…) above the beats:
-- a workspace-look choice, off by default (a slide is not a memo).
ALTER TABLE branding ADD COLUMN beat_names INTEGER NOT NULL DEFAULT 0 CHECK (beat_names IN (0, 1));
