//! Search over what a reader may read. SQLite's `LIKE` folds only ASCII case, so the rows the
//! reader may see are matched here with [`find_match`], which folds every script.

use std::cmp::Reverse;

use sqlx::{AssertSqlSafe, Row};
use veche_api::search::{EXCERPT_MAX, SearchKind, SearchResult, excerpt_around, find_match};

use super::Db;
use super::threads::plain_text;
use super::visibility::Reader;

/// One row that may be found: its title and the markdown searched besides the title.
struct Candidate {
    kind: SearchKind,
    id: i64,
    title: String,
    text: String,
    link: String,
    created_at: String,
}

impl Candidate {
    /// The result when `query` occurs in the title or the text, and whether the title matched.
    fn found(self, query: &str) -> Option<(bool, SearchResult)> {
        let in_title = find_match(&self.title, query).is_some();
        let plain = plain_text(&self.text);
        let excerpt = match find_match(&plain, query) {
            Some(found) => excerpt_around(&plain, found, EXCERPT_MAX),
            None if in_title => excerpt_around(&plain, 0..0, EXCERPT_MAX),
            None => return None,
        };
        let result = SearchResult {
            kind: self.kind,
            id: self.id.to_string(),
            title: self.title,
            excerpt,
            link: self.link,
            created_at: self.created_at,
        };
        Some((in_title, result))
    }
}

/// Every result: title matches first, then the newest.
fn rank(candidates: Vec<Candidate>, query: &str) -> Vec<SearchResult> {
    let mut found: Vec<(bool, SearchResult)> = candidates.into_iter().filter_map(|c| c.found(query)).collect();
    found.sort_by(|(a_title, a), (b_title, b)| {
        (Reverse(*a_title), Reverse(&a.created_at), a.kind, &a.id).cmp(&(
            Reverse(*b_title),
            Reverse(&b.created_at),
            b.kind,
            &b.id,
        ))
    });
    found.into_iter().map(|(_, result)| result).collect()
}

impl Db {
    /// Everything of `kind` (all kinds: none) the reader may read that mentions `query`, ranked.
    pub async fn search(
        &self,
        reader: Reader,
        query: &str,
        kind: Option<SearchKind>,
    ) -> anyhow::Result<Vec<SearchResult>> {
        let wanted = |k: SearchKind| kind.is_none_or(|only| only == k);
        // A thread is found by its opening post and by the replies others may see.
        let threads = format!(
            "SELECT t.id, t.title, t.body || char(10) || char(10) || COALESCE((SELECT group_concat(r.body, char(10) || char(10))
                 FROM replies r WHERE r.thread_id = t.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL), '') AS text,
                 '/threads/' || t.id AS link, t.created_at
             FROM threads t JOIN spaces s ON s.id = t.space_id
             WHERE t.deleted_at IS NULL AND t.hidden_at IS NULL AND s.hidden = 0 AND {}",
            reader.visible("t.group_id")
        );
        let ideas = format!(
            "SELECT i.id, i.title, i.body AS text, '/ideas/' || i.id AS link, i.created_at FROM ideas i
             WHERE i.hidden_at IS NULL AND {}",
            reader.visible("i.group_id")
        );
        let events = format!(
            "SELECT e.id, e.title, e.description AS text, '/events/' || e.id AS link, e.created_at FROM events e WHERE {}",
            reader.visible("e.group_id")
        );
        let members = "SELECT m.id, m.display_name AS title, '@' || m.handle AS text, '/members/' || m.handle AS link,
             m.created_at FROM members m WHERE m.hidden_at IS NULL AND m.deleted_at IS NULL";
        let articles = format!(
            "SELECT k.id, k.title, k.body AS text, '/kb/articles/' || k.id AS link, k.created_at FROM kb_articles k WHERE {}",
            reader.visible("k.group_id")
        );
        let sources = [
            (SearchKind::Thread, threads),
            (SearchKind::Idea, ideas),
            (SearchKind::Event, events),
            (SearchKind::Member, members.to_owned()),
            (SearchKind::Article, articles),
        ];
        let mut candidates = Vec::new();
        for (source_kind, sql) in sources.into_iter().filter(|(k, _)| wanted(*k)) {
            for row in sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *self.conn().await?).await? {
                candidates.push(Candidate {
                    kind: source_kind,
                    id: row.get("id"),
                    title: row.get("title"),
                    text: row.get("text"),
                    link: row.get("link"),
                    created_at: row.get("created_at"),
                });
            }
        }
        Ok(rank(candidates, query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64, title: &str, text: &str, created_at: &str) -> Candidate {
        Candidate {
            kind: SearchKind::Thread,
            id,
            title: title.into(),
            text: text.into(),
            link: format!("/threads/{id}"),
            created_at: created_at.into(),
        }
    }

    #[test]
    fn title_matches_come_first_then_the_newest() {
        let ranked = rank(
            vec![
                candidate(1, "Other", "about the garden", "2026-01-03T00:00:00Z"),
                candidate(2, "Garden day", "plants", "2026-01-01T00:00:00Z"),
                candidate(3, "Unrelated", "nothing", "2026-01-05T00:00:00Z"),
                candidate(4, "More", "a GARDEN party", "2026-01-04T00:00:00Z"),
            ],
            "garden",
        );
        let ids: Vec<&str> = ranked.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["2", "4", "1"]);
        assert_eq!(ranked[0].excerpt, "plants");
        assert_eq!(ranked[1].excerpt, "a GARDEN party");
    }

    #[test]
    fn excerpts_are_plain_text() {
        let ranked = rank(vec![candidate(1, "T", "Some **bold** needle", "2026-01-01T00:00:00Z")], "needle");
        assert_eq!(ranked[0].excerpt, "Some bold needle");
    }
}
