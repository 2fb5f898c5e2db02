-- The community charter (one row): its rules and the duties of each community role, per language,
-- each as the JSON of `veche_api::charter::CharterText`. `version` grows with each change, so an
-- edit started from an older version is refused instead of overwriting another editor's work.
CREATE TABLE charter (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    text_en    TEXT NOT NULL,
    text_ru    TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT,
    updated_by INTEGER REFERENCES members(id)
);
