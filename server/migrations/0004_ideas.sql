-- The idea board.
ALTER TABLE community ADD COLUMN vote_budget INTEGER NOT NULL DEFAULT 10;

-- Hidden spaces hold discussions that belong to something else (an idea's comments).
ALTER TABLE spaces ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;

CREATE TABLE idea_categories (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ideas (
    id                INTEGER PRIMARY KEY,
    author_id         INTEGER NOT NULL REFERENCES members(id),
    category_id       INTEGER NOT NULL REFERENCES idea_categories(id),
    title             TEXT NOT NULL,
    body              TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'new',
    merged_into       INTEGER REFERENCES ideas(id),
    -- Always the number of rows in idea_votes, kept in the same transaction as every vote.
    vote_count        INTEGER NOT NULL DEFAULT 0,
    discussion_id     INTEGER NOT NULL REFERENCES threads(id),
    created_at        TEXT NOT NULL,
    edited_at         TEXT,
    status_changed_at TEXT NOT NULL
);
CREATE INDEX ideas_status ON ideas(status, vote_count DESC);

CREATE TABLE idea_votes (
    idea_id    INTEGER NOT NULL REFERENCES ideas(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (idea_id, member_id)
);
CREATE INDEX idea_votes_member ON idea_votes(member_id);
CREATE INDEX idea_votes_recent ON idea_votes(created_at);

CREATE TABLE idea_history (
    id         INTEGER PRIMARY KEY,
    idea_id    INTEGER NOT NULL REFERENCES ideas(id),
    status     TEXT NOT NULL,
    answer     TEXT NOT NULL,
    author_id  INTEGER NOT NULL REFERENCES members(id),
    created_at TEXT NOT NULL
);
CREATE INDEX idea_history_idea ON idea_history(idea_id, created_at);

-- SASware-style ballots: members spread a fixed number of points over candidate improvements.
CREATE TABLE ballots (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    points_per_member INTEGER NOT NULL CHECK (points_per_member > 0),
    opens_at          TEXT NOT NULL,
    closes_at         TEXT NOT NULL,
    created_by        INTEGER NOT NULL REFERENCES members(id),
    created_at        TEXT NOT NULL
);

CREATE TABLE ballot_items (
    id          INTEGER PRIMARY KEY,
    ballot_id   INTEGER NOT NULL REFERENCES ballots(id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);

CREATE TABLE ballot_allocations (
    ballot_id INTEGER NOT NULL REFERENCES ballots(id),
    item_id   INTEGER NOT NULL REFERENCES ballot_items(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    points    INTEGER NOT NULL CHECK (points > 0),
    PRIMARY KEY (ballot_id, item_id, member_id)
);

-- In-app notifications (the bell): one row per member and event.
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    link       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
);
CREATE INDEX notifications_member ON notifications(member_id, created_at DESC);
