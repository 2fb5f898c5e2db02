-- Mail goes out through this queue: a row is written in the same transaction as what caused it,
-- and the sender claims it (queued -> sending), sends it, then marks it sent. A graceful stop
-- lets the mail in hand finish first; a row left in `sending` by a crash is sent again with the
-- same Message-ID (receivers collapse copies with one Message-ID).
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE,      -- the Message-ID header, fixed when queued
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued', -- queued | sending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);

-- Links sent by mail (confirm an address, reset a password): only a hash of the token is kept,
-- each is used once and expires.
CREATE TABLE account_tokens (
    token_hash  TEXT PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,                 -- verify_email | change_email | reset_password
    email       TEXT NOT NULL,                 -- the address the link was sent to
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX account_tokens_member ON account_tokens(member_id, purpose, created_at);

ALTER TABLE members ADD COLUMN email_verified_at TEXT;
-- Members from before verification existed keep their standing.
UPDATE members SET email_verified_at = created_at;

-- "Your sessions": which browser, and when it was last used.
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
UPDATE sessions SET last_seen_at = created_at;
