-- Community settings staff change at /admin/settings: the look (accent colour, logo), which
-- areas are on, and who may join.
ALTER TABLE community ADD COLUMN accent_color TEXT;                 -- '#rrggbb', NULL: the app's own
ALTER TABLE community ADD COLUMN logo_upload_id TEXT;               -- uploads.id (no key: an upload may go with its member)
ALTER TABLE community ADD COLUMN features TEXT NOT NULL DEFAULT 'threads,ideas,events,members,surveys,groups';
ALTER TABLE community ADD COLUMN join_policy TEXT NOT NULL DEFAULT 'anyone'; -- anyone | invitation | approval | domains
ALTER TABLE community ADD COLUMN allowed_email_domains TEXT NOT NULL DEFAULT ''; -- lower case, comma separated
ALTER TABLE community ADD COLUMN email_confirmation_required INTEGER NOT NULL DEFAULT 0;

-- Invitations staff mailed: only a hash of the link's token is kept; each is used once, expires.
CREATE TABLE invitations (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL COLLATE NOCASE,
    invited_by  INTEGER REFERENCES members(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Registrations waiting for staff approval. They are not members yet (no profile, no sign-in,
-- not in the directory or the counters) until approved; a declined one is deleted.
CREATE TABLE registration_requests (
    id            INTEGER PRIMARY KEY,
    handle        TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    locale        TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
