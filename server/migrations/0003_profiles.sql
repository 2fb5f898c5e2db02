-- Member profiles: more about each member, contact details with their visibility, pictures,
-- follows. Reputation stays computed from what members did; `members.reputation` caches it.
ALTER TABLE members ADD COLUMN city TEXT;
ALTER TABLE members ADD COLUMN bio TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN avatar_upload_id TEXT;
ALTER TABLE members ADD COLUMN show_votes INTEGER NOT NULL DEFAULT 1;

CREATE TABLE member_contacts (
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('everyone', 'members', 'nobody')),
    PRIMARY KEY (member_id, position)
);

-- Uploaded images, checked by their first bytes; served from /api/v1/media/<id>.
CREATE TABLE uploads (
    id           TEXT PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    bytes        BLOB NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE photos (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    upload_id  TEXT NOT NULL REFERENCES uploads(id),
    caption    TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX photos_member ON photos(member_id, position);

CREATE TABLE follows (
    follower_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    followed_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (follower_id, followed_id)
);
CREATE INDEX follows_followed ON follows(followed_id, created_at DESC);

-- When an answer was accepted (reputation and badges count it from then).
ALTER TABLE threads ADD COLUMN solution_accepted_at TEXT;
