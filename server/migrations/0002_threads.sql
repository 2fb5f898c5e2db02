-- Discussion threads: spaces, threads with their opening post, replies, kudos.
CREATE TABLE spaces (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    group_id    INTEGER,                 -- closed group owning the space (enforced with groups)
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE TABLE threads (
    id                INTEGER PRIMARY KEY,
    space_id          INTEGER NOT NULL REFERENCES spaces(id),
    author_id         INTEGER NOT NULL REFERENCES members(id),
    title             TEXT NOT NULL,
    body              TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    edited_at         TEXT,
    last_activity_at  TEXT NOT NULL,
    reply_count       INTEGER NOT NULL DEFAULT 0,
    kudos_count       INTEGER NOT NULL DEFAULT 0,
    solution_reply_id INTEGER,
    pinned            INTEGER NOT NULL DEFAULT 0,
    locked            INTEGER NOT NULL DEFAULT 0,
    deleted_at        TEXT
);
CREATE INDEX threads_activity ON threads(last_activity_at DESC, id DESC);
CREATE INDEX threads_space ON threads(space_id, last_activity_at DESC);
CREATE INDEX threads_author ON threads(author_id, created_at DESC);

-- `position` numbers replies 1, 2, 3… per thread and never changes, so links keep working.
CREATE TABLE replies (
    id             INTEGER PRIMARY KEY,
    thread_id      INTEGER NOT NULL REFERENCES threads(id),
    position       INTEGER NOT NULL,
    author_id      INTEGER NOT NULL REFERENCES members(id),
    body           TEXT NOT NULL,
    quote_reply_id INTEGER REFERENCES replies(id),
    created_at     TEXT NOT NULL,
    edited_at      TEXT,
    deleted_at     TEXT,
    kudos_count    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (thread_id, position)
);
CREATE INDEX replies_recent ON replies(thread_id, created_at);
CREATE INDEX replies_author ON replies(author_id, created_at DESC);

-- One kudos per member per post; `target` is 'thread' (its opening post) or 'reply'.
CREATE TABLE kudos (
    member_id  INTEGER NOT NULL REFERENCES members(id),
    target     TEXT NOT NULL CHECK (target IN ('thread', 'reply')),
    target_id  INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (member_id, target, target_id)
);
CREATE INDEX kudos_target ON kudos(target, target_id);
