-- Schema 2: the update's one chart, as JSON (kind, title, alt, highlight, unit, data).
ALTER TABLE updates ADD COLUMN chart TEXT;
