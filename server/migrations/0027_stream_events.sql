-- The live stream's log (`GET /stream`): one row per thing that happened, written in the same
-- transaction as the change itself, so an event exists exactly when its change was stored. The
-- server fans new rows out to the open streams; a reconnecting tab replays the rows after its
-- `Last-Event-ID`. Rows carry ids and counts only (never text), and who may receive them: the
-- content's group (NULL: community-wide), one member alone (`member_id`), or only those who see
-- hidden content (`moderators_only`). Pruned by age and count (`Db::prune_stream_events`).
CREATE TABLE stream_events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT NOT NULL,
    group_id         INTEGER,
    member_id        INTEGER,
    moderators_only  INTEGER NOT NULL DEFAULT 0,
    data             TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX stream_events_created ON stream_events (created_at);
