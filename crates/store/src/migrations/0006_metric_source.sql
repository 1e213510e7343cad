-- Schema 6: where a metric comes from and its sample (one size, or the
-- groups' sizes: "1420, 1410"), for the slide's source line and the coach.
ALTER TABLE updates ADD COLUMN metric_source TEXT NOT NULL DEFAULT '';
ALTER TABLE updates ADD COLUMN metric_sample TEXT NOT NULL DEFAULT '';
