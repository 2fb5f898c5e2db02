//! The knowledge base: sections, articles, and the threads that link to them. Every list asks
//! [`Reader::visible`] about the article's group, so a closed group's article (made from its
//! event's report) is never listed, linked or counted for someone who may not read it.

use std::collections::HashMap;

use sqlx::{AssertSqlSafe, Row};
use veche_api::groups::GroupRef;
use veche_api::kb::{ArticleInput, ArticleSummary, KnowledgeBase, Link, Section, SectionInput};
use veche_api::member::MemberSummary;

use super::Db;
use super::threads::{AUTHOR_COLUMNS, author, excerpt};
use super::visibility::Reader;
use crate::clock;

/// Characters of an article's start shown in lists.
const SUMMARY_CHARS: usize = 160;

/// An article as stored.
#[derive(Clone, Debug)]
pub struct ArticleRow {
    pub id: i64,
    pub section: Link,
    pub title: String,
    pub body: String,
    pub author: MemberSummary,
    pub event: Option<Link>,
    pub group_id: Option<i64>,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// What deleting a section did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionRemoval {
    Removed,
    NotFound,
    /// It still holds articles (any reader's): move or delete them first.
    NotEmpty,
}

fn link(id: i64, title: String) -> Link {
    Link { id: id.to_string(), title }
}

impl Db {
    /// Every section in order, each with the articles the reader may read, newest change first.
    pub async fn knowledge_base(&self, reader: Reader) -> anyhow::Result<KnowledgeBase> {
        let sections = sqlx::query("SELECT id, title, description FROM kb_sections ORDER BY position, id")
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let articles = sqlx::query(AssertSqlSafe(format!(
            "SELECT k.id, k.section_id, k.title, k.body, k.updated_at, k.group_id, k.event_id FROM kb_articles k
             WHERE {} ORDER BY k.updated_at DESC, k.id DESC",
            reader.visible("k.group_id")
        )))
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let mut groups: HashMap<i64, Option<GroupRef>> = HashMap::new();
        let mut by_section: HashMap<i64, Vec<ArticleSummary>> = HashMap::new();
        for row in articles {
            let group = match row.get::<Option<i64>, _>("group_id") {
                Some(id) => match groups.get(&id) {
                    Some(known) => known.clone(),
                    None => {
                        let found = self.group(id).await?.map(|g| g.reference());
                        groups.insert(id, found.clone());
                        found
                    }
                },
                None => None,
            };
            by_section.entry(row.get("section_id")).or_default().push(ArticleSummary {
                id: row.get::<i64, _>("id").to_string(),
                title: row.get("title"),
                summary: excerpt(row.get("body"), SUMMARY_CHARS),
                updated_at: row.get("updated_at"),
                group,
                event_id: row.get::<Option<i64>, _>("event_id").map(|id| id.to_string()),
            });
        }
        let sections = sections
            .into_iter()
            .map(|row| {
                let id: i64 = row.get("id");
                Section {
                    id: id.to_string(),
                    title: row.get("title"),
                    description: row.get("description"),
                    articles: by_section.remove(&id).unwrap_or_default(),
                }
            })
            .collect();
        Ok(KnowledgeBase { sections })
    }

    pub async fn section_exists(&self, id: i64) -> anyhow::Result<bool> {
        Ok(sqlx::query("SELECT 1 FROM kb_sections WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?
            .is_some())
    }

    /// A new section, placed last.
    pub async fn create_section(&self, input: &SectionInput) -> anyhow::Result<i64> {
        let id = sqlx::query(
            "INSERT INTO kb_sections (title, description, position, created_at)
             VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM kb_sections), ?)",
        )
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?
        .last_insert_rowid();
        Ok(id)
    }

    /// `false`: no such section.
    pub async fn update_section(&self, id: i64, input: &SectionInput) -> anyhow::Result<bool> {
        let done = sqlx::query("UPDATE kb_sections SET title = ?, description = ? WHERE id = ?")
            .bind(input.title.trim())
            .bind(input.description.trim())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Moves section `id` just before section `before`, or last; the others keep their order.
    /// `false` (nothing moves) when either section does not exist; `before` naming `id` itself
    /// leaves it where it is.
    pub async fn place_section(&self, id: i64, before: Option<i64>) -> anyhow::Result<bool> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let mut ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM kb_sections ORDER BY position, id").fetch_all(&mut *tx).await?;
        let Some(from) = ids.iter().position(|&s| s == id) else { return Ok(false) };
        if before == Some(id) {
            return Ok(true);
        }
        ids.remove(from);
        let Some(to) = before.map_or(Some(ids.len()), |before| ids.iter().position(|&s| s == before)) else {
            return Ok(false);
        };
        ids.insert(to, id);
        for (position, id) in ids.iter().enumerate() {
            sqlx::query("UPDATE kb_sections SET position = ? WHERE id = ?")
                .bind(position as i64 + 1)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn section(&self, id: i64) -> anyhow::Result<Option<Link>> {
        let row = sqlx::query("SELECT id, title FROM kb_sections WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.map(|row| link(row.get("id"), row.get("title"))))
    }

    /// Removes an empty section.
    pub async fn delete_section(&self, id: i64) -> anyhow::Result<SectionRemoval> {
        if !self.section_exists(id).await? {
            return Ok(SectionRemoval::NotFound);
        }
        let done = sqlx::query(
            "DELETE FROM kb_sections WHERE id = ? AND NOT EXISTS (SELECT 1 FROM kb_articles WHERE section_id = ?)",
        )
        .bind(id)
        .bind(id)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(if done.rows_affected() == 1 { SectionRemoval::Removed } else { SectionRemoval::NotEmpty })
    }

    /// One article, whoever may read it (the caller checks its group).
    pub async fn article(&self, id: i64) -> anyhow::Result<Option<ArticleRow>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT k.id, k.title, k.body, k.group_id, k.version, k.created_at, k.updated_at, k.event_id,
                    s.id AS section_id, s.title AS section_title, e.title AS event_title, {AUTHOR_COLUMNS}
             FROM kb_articles k JOIN kb_sections s ON s.id = k.section_id JOIN members a ON a.id = k.author_id
             LEFT JOIN events e ON e.id = k.event_id
             WHERE k.id = ?"
        )))
        .bind(id)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.map(|row| ArticleRow {
            id: row.get("id"),
            section: link(row.get("section_id"), row.get("section_title")),
            title: row.get("title"),
            body: row.get("body"),
            author: author(&row),
            event: row.get::<Option<i64>, _>("event_id").map(|id| link(id, row.get("event_title"))),
            group_id: row.get("group_id"),
            version: row.get("version"),
            created_at: row.get("created_at"),
            updated_at: row.get("updated_at"),
        }))
    }

    /// A new article (from an event's report when `event_id` is given, in `group_id`).
    pub async fn create_article(
        &self,
        section_id: i64,
        input: &ArticleInput,
        author_id: i64,
        event_id: Option<i64>,
        group_id: Option<i64>,
    ) -> anyhow::Result<i64> {
        let now = clock::now();
        let id = sqlx::query(
            "INSERT INTO kb_articles (section_id, title, body, author_id, event_id, group_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(section_id)
        .bind(input.title.trim())
        .bind(&input.body)
        .bind(author_id)
        .bind(event_id)
        .bind(group_id)
        .bind(&now)
        .bind(&now)
        .execute(&mut *self.conn().await?)
        .await?
        .last_insert_rowid();
        Ok(id)
    }

    /// Saves an edit made from `version`; `false` when the article changed since then.
    pub async fn update_article(
        &self,
        id: i64,
        section_id: i64,
        input: &ArticleInput,
        version: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE kb_articles SET section_id = ?, title = ?, body = ?, version = version + 1, updated_at = ?
             WHERE id = ? AND version = ?",
        )
        .bind(section_id)
        .bind(input.title.trim())
        .bind(&input.body)
        .bind(clock::now())
        .bind(id)
        .bind(version)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn delete_article(&self, id: i64) -> anyhow::Result<bool> {
        let done =
            sqlx::query("DELETE FROM kb_articles WHERE id = ?").bind(id).execute(&mut *self.conn().await?).await?;
        Ok(done.rows_affected() == 1)
    }

    /// The article made from an event's report, if the reader may read it.
    pub async fn event_article(&self, event_id: i64, reader: Reader) -> anyhow::Result<Option<Link>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT k.id, k.title FROM kb_articles k WHERE k.event_id = ? AND {}",
            reader.visible("k.group_id")
        )))
        .bind(event_id)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(row.map(|row| link(row.get("id"), row.get("title"))))
    }

    /// The articles a thread links to that the reader may read, in the thread's order.
    pub async fn thread_articles(&self, thread_id: i64, reader: Reader) -> anyhow::Result<Vec<Link>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT k.id, k.title FROM thread_articles ta JOIN kb_articles k ON k.id = ta.article_id
             WHERE ta.thread_id = ? AND {} ORDER BY ta.position",
            reader.visible("k.group_id")
        )))
        .bind(thread_id)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.into_iter().map(|row| link(row.get("id"), row.get("title"))).collect())
    }

    /// The threads linking to an article that the reader may read (not deleted, not hidden).
    pub async fn article_threads(&self, article_id: i64, reader: Reader) -> anyhow::Result<Vec<Link>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT t.id, t.title FROM thread_articles ta JOIN threads t ON t.id = ta.thread_id
             JOIN spaces s ON s.id = t.space_id
             WHERE ta.article_id = ? AND t.deleted_at IS NULL AND t.hidden_at IS NULL AND s.hidden = 0 AND {}
             ORDER BY t.last_activity_at DESC, t.id DESC",
            reader.visible("t.group_id")
        )))
        .bind(article_id)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.into_iter().map(|row| link(row.get("id"), row.get("title"))).collect())
    }

    /// Replaces the articles a thread links to (in this order).
    pub async fn set_thread_articles(&self, thread_id: i64, article_ids: &[i64]) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("DELETE FROM thread_articles WHERE thread_id = ?").bind(thread_id).execute(&mut *tx).await?;
        for (position, article_id) in article_ids.iter().enumerate() {
            sqlx::query("INSERT OR IGNORE INTO thread_articles (thread_id, article_id, position) VALUES (?, ?, ?)")
                .bind(thread_id)
                .bind(article_id)
                .bind(position as i64)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
