-- Moderation: members' reports, hidden content and the moderators' log.

-- Set while a moderator hides the content; others see "hidden by a moderator".
ALTER TABLE threads ADD COLUMN hidden_at TEXT;
ALTER TABLE replies ADD COLUMN hidden_at TEXT;
ALTER TABLE ideas ADD COLUMN hidden_at TEXT;
ALTER TABLE members ADD COLUMN hidden_at TEXT;

-- `target_kind` names the table: 'thread', 'reply', 'idea' or 'member'. A report is open until
-- a moderator hides its target or dismisses it (`resolution` 'hidden' or 'dismissed').
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    reporter_id INTEGER NOT NULL REFERENCES members(id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('thread', 'reply', 'idea', 'member')),
    target_id   INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    resolved_at TEXT,
    resolution  TEXT
);
-- One open report per member and target.
CREATE UNIQUE INDEX reports_open_once ON reports(reporter_id, target_kind, target_id) WHERE resolved_at IS NULL;
CREATE INDEX reports_open ON reports(target_kind, target_id) WHERE resolved_at IS NULL;

CREATE TABLE moderation_log (
    id           INTEGER PRIMARY KEY,
    moderator_id INTEGER NOT NULL REFERENCES members(id),
    action       TEXT NOT NULL CHECK (action IN ('hide', 'restore', 'dismiss')),
    target_kind  TEXT NOT NULL,
    target_id    INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE INDEX moderation_log_recent ON moderation_log(created_at DESC, id DESC);
