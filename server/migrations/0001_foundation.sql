-- The community itself: one row.
CREATE TABLE community (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name           TEXT NOT NULL,
    description    TEXT NOT NULL,
    founded_on     TEXT NOT NULL,              -- YYYY-MM-DD
    default_locale TEXT NOT NULL DEFAULT 'en',
    time_zone      TEXT NOT NULL DEFAULT 'UTC'
);

CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,
    handle              TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL DEFAULT 'member',
    access              TEXT NOT NULL DEFAULT 'member',
    locale              TEXT NOT NULL DEFAULT 'en',
    position            TEXT,
    company             TEXT,
    avatar_url          TEXT,
    reputation          INTEGER NOT NULL DEFAULT 0,
    charter_accepted_at TEXT,
    created_at          TEXT NOT NULL
);

-- Only a hash of the cookie's token is stored: a copy of the database opens no sessions.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_member ON sessions(member_id);

-- The first answer to each Idempotency-Key, per caller, replayed for 24 hours.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,                -- 'member:<id>' or 'guest'
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,                -- method, path and body hash of the first request
    status       INTEGER,                      -- NULL while the first request is still running
    content_type TEXT,
    location     TEXT,
    body         BLOB,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at);

-- Server-wide values that must survive restarts (e.g. the key guest CSRF tokens are derived from).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
