-- NPS and eNPS surveys: their configuration, the answers (anonymous ones too) and in-app dismissals.
CREATE TABLE surveys (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL,              -- 'nps' or 'enps'
    company            TEXT NOT NULL,
    texts_en           TEXT NOT NULL,              -- JSON of veche_api::surveys::SurveyTexts
    texts_ru           TEXT NOT NULL,
    allowed_origins    TEXT NOT NULL,              -- JSON array of origins
    days_after_answer  INTEGER NOT NULL,
    days_after_dismiss INTEGER NOT NULL,
    sample_percent     INTEGER NOT NULL,
    min_visits         INTEGER NOT NULL,
    in_app             INTEGER NOT NULL DEFAULT 0,
    starts_on          TEXT,                       -- YYYY-MM-DD, inclusive
    ends_on            TEXT,
    active             INTEGER NOT NULL DEFAULT 1,
    created_by         INTEGER REFERENCES members(id),
    created_at         TEXT NOT NULL
);

-- The client makes the id (a UUID), so a retried answer is recognised and a follow-up can wait
-- for its score. The score is never changed after the first answer; the follow-up may be.
CREATE TABLE survey_responses (
    id             TEXT PRIMARY KEY,
    survey_id      INTEGER NOT NULL REFERENCES surveys(id),
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment        TEXT,
    -- The comment in lower case (Unicode-aware, made by the server) for case-insensitive search.
    comment_folded TEXT,
    contact_ok     INTEGER NOT NULL DEFAULT 0,
    contact_email  TEXT,
    respondent     TEXT,
    segment        TEXT,
    source         TEXT,
    locale         TEXT,
    member_id      INTEGER REFERENCES members(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    followed_up_at TEXT
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, created_at);
CREATE INDEX survey_responses_member ON survey_responses(member_id, survey_id, created_at);

-- The latest time a member closed the in-app banner of a survey without answering.
CREATE TABLE survey_dismissals (
    survey_id    INTEGER NOT NULL REFERENCES surveys(id),
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, member_id)
);
