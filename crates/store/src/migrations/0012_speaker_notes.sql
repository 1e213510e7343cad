-- Schema 12: what the presenter says, the slide's notes page in PowerPoint.
ALTER TABLE updates ADD COLUMN notes TEXT NOT NULL DEFAULT '';
