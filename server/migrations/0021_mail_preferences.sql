-- What reaches each member by e-mail: per kind of notification `immediately`, `daily` (one
-- digest a day) or `never`, and the weekly community digest (opt-in). A member without a row
-- has the defaults (veche_api::notifications::MailPreferences::default).
CREATE TABLE mail_preferences (
    member_id       INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    replies         TEXT NOT NULL,
    mentions        TEXT NOT NULL,
    idea_status     TEXT NOT NULL,
    events          TEXT NOT NULL,
    group_decisions TEXT NOT NULL,
    weekly_digest   INTEGER NOT NULL DEFAULT 0,
    weekly_since    TEXT,                      -- when the weekly digest was switched on: weeks that
                                               -- ended before it are not sent
    updated_at      TEXT NOT NULL
);

-- A notification's mail: NULL (none: the kind is not mailed, or it came before mail existed),
-- `mailed` (queued as its own mail, in the transaction that made it), `digest` (waits for the
-- member's daily digest), `digested` (went out in one, or was dropped from it because the member
-- may no longer read it or switched the kind off).
ALTER TABLE notifications ADD COLUMN mail_state TEXT;
CREATE INDEX notifications_digest ON notifications(member_id, id) WHERE mail_state = 'digest';

-- Each digest a member was sent (or had nothing for), by period (`daily:2026-12-06`,
-- `weekly:2026-W49`), written in the transaction that queues its mail: a period is never sent
-- twice, also across a restart or by two schedulers at once.
CREATE TABLE digest_runs (
    member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    period    TEXT NOT NULL,
    done_at   TEXT NOT NULL,
    PRIMARY KEY (member_id, period)
);

-- The one-click unsubscribe address of a mail (List-Unsubscribe and List-Unsubscribe-Post,
-- RFC 8058); NULL for account mails (confirm an address, reset a password), which are not
-- subscriptions.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe TEXT;
