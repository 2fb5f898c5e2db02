-- The event calendar. The wall clock in the event's own zone is the truth for series (a weekly
-- 18:00 stays 18:00 across summer time); instants are also kept in UTC.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    organizer_id  INTEGER NOT NULL REFERENCES members(id),
    time_zone     TEXT NOT NULL,
    starts_local  TEXT NOT NULL,               -- YYYY-MM-DDTHH:MM in time_zone
    ends_local    TEXT NOT NULL,
    starts_at     TEXT NOT NULL,               -- the first date, UTC
    ends_at       TEXT NOT NULL,
    all_day       INTEGER NOT NULL DEFAULT 0,
    city          TEXT,
    region        TEXT,
    address       TEXT,
    online_url    TEXT,
    capacity      INTEGER,
    recurrence    TEXT,                        -- JSON of veche_api::events::Recurrence
    cancelled_at  TEXT,
    cancel_reason TEXT,
    report        TEXT,
    group_id      INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX events_start ON events(starts_at);

-- `occurrence` is the UTC start of one date of a series, or '' for a one-off event or for an
-- answer that holds for the whole series. The waitlist is in order of `since`.
CREATE TABLE rsvps (
    event_id   INTEGER NOT NULL REFERENCES events(id),
    occurrence TEXT NOT NULL DEFAULT '',
    member_id  INTEGER NOT NULL REFERENCES members(id),
    status     TEXT NOT NULL CHECK (status IN ('going', 'waitlisted', 'interested', 'not_going')),
    since      TEXT NOT NULL,
    PRIMARY KEY (event_id, occurrence, member_id)
);
CREATE INDEX rsvps_line ON rsvps(event_id, occurrence, status, since);
CREATE INDEX rsvps_member ON rsvps(member_id, status);

CREATE TABLE event_photos (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events(id),
    upload_id TEXT NOT NULL REFERENCES uploads(id),
    caption   TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL
);

-- A member's secret calendar feed address; a new token revokes the old one.
CREATE TABLE calendar_feeds (
    member_id  INTEGER PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
