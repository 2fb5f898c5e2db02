-- Privacy: deleted accounts and the log of data exports and deletions.

-- Set when the member deleted their account (or staff did on their request). The row stays, so
-- content kept under the community's setting still has an author ("former member"); its name,
-- handle, e-mail and password are replaced with anonymous values at the same moment.
ALTER TABLE members ADD COLUMN deleted_at TEXT;

-- Who downloaded or deleted whose data. `subject_handle` is the handle the member had then, kept
-- after a deletion so staff can show that a request was carried out. `on_request`: staff acted.
-- The community's choice of what becomes of a deleted member's content is the `settings` row
-- `deleted_content` ('keep' when absent).
CREATE TABLE privacy_log (
    id             INTEGER PRIMARY KEY,
    action         TEXT NOT NULL CHECK (action IN ('export', 'delete')),
    actor_id       INTEGER NOT NULL REFERENCES members(id),
    subject_id     INTEGER NOT NULL REFERENCES members(id),
    subject_handle TEXT NOT NULL,
    on_request     INTEGER NOT NULL DEFAULT 0,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX privacy_log_recent ON privacy_log(created_at DESC, id DESC);
