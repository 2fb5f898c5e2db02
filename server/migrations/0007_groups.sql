-- Groups: open, closed and secret circles of members that own spaces, threads, ideas, events.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('open', 'closed', 'secret')),
    created_at  TEXT NOT NULL
);

-- One row per member and group: an active member (role 'member' or 'admin') or a pending
-- request (status 'requested'). A declined request is deleted, so the member may ask again.
CREATE TABLE group_members (
    group_id   INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    role       TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
    status     TEXT NOT NULL CHECK (status IN ('active', 'requested')),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by INTEGER REFERENCES members(id),
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_member ON group_members(member_id, status);

-- The group content belongs to. A thread in a group's space, and an idea's discussion, carry
-- their group here too, so every visibility check reads one column of the content's own row.
ALTER TABLE threads ADD COLUMN group_id INTEGER REFERENCES groups(id);
ALTER TABLE ideas ADD COLUMN group_id INTEGER REFERENCES groups(id);
CREATE INDEX threads_group ON threads(group_id);
CREATE INDEX ideas_group ON ideas(group_id);
CREATE INDEX events_group ON events(group_id);
