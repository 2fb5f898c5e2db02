-- The knowledge base: staff-curated sections and articles (markdown). An article made from an
-- event's report remembers the event (one article per event) and belongs to the event's group,
-- if any: its members alone read it, like the event. Threads link to the articles that answer
-- them; the links are listed in order.
CREATE TABLE kb_sections (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE kb_articles (
    id         INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES kb_sections(id),
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    author_id  INTEGER NOT NULL REFERENCES members(id),
    event_id   INTEGER UNIQUE REFERENCES events(id),
    group_id   INTEGER REFERENCES groups(id),
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX kb_articles_section ON kb_articles(section_id, updated_at);

CREATE TABLE thread_articles (
    thread_id  INTEGER NOT NULL REFERENCES threads(id),
    article_id INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (thread_id, article_id)
);
CREATE INDEX thread_articles_article ON thread_articles(article_id);
