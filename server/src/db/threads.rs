//! Spaces, threads, replies and kudos.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::member::{Access, CommunityRole, MemberSummary};
use veche_api::threads::{DiscussedPeriod, KudosState, Quote, Space, SpaceRef, ThreadSort};

use super::Db;
use super::names::translations;
use super::page_of;
use super::visibility::Reader;
use crate::{clock, language};

/// The author columns every query selects, prefixed `a_`, joined as `a`.
pub const AUTHOR_COLUMNS: &str = "a.id AS a_id, a.handle AS a_handle, a.display_name AS a_name, a.avatar_url AS a_avatar, \
                      a.role AS a_role, a.access AS a_access, a.reputation AS a_reputation, \
                      a.position AS a_position, a.company AS a_company, a.deleted_at IS NOT NULL AS a_former";

pub fn author(row: &SqliteRow) -> MemberSummary {
    MemberSummary {
        id: row.get::<i64, _>("a_id").to_string(),
        handle: row.get("a_handle"),
        display_name: row.get("a_name"),
        avatar_url: row.get("a_avatar"),
        role: CommunityRole::parse(row.get::<&str, _>("a_role")),
        access: Access::parse(row.get::<&str, _>("a_access")),
        reputation: row.get("a_reputation"),
        position: row.get("a_position"),
        company: row.get("a_company"),
        former: row.get("a_former"),
    }
}

/// A thread as stored, with what the viewer needs to know about it.
#[derive(Clone, Debug)]
pub struct ThreadRow {
    pub id: i64,
    pub space: SpaceRef,
    pub space_group: Option<i64>,
    /// The group the thread belongs to (its space's, or its idea's for a discussion).
    pub group_id: Option<i64>,
    pub author: MemberSummary,
    pub author_id: i64,
    pub title: String,
    pub body: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub last_activity_at: String,
    pub reply_count: i64,
    pub kudos_count: i64,
    pub kudos_given: bool,
    pub solution_reply_id: Option<i64>,
    pub pinned: bool,
    pub locked: bool,
    pub deleted: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
}

#[derive(Clone, Debug)]
pub struct ReplyRow {
    pub id: i64,
    pub thread_id: i64,
    pub position: i64,
    pub author: MemberSummary,
    pub author_id: i64,
    pub body: String,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub deleted: bool,
    pub kudos_count: i64,
    pub kudos_given: bool,
    pub quote: Option<Quote>,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// The group of the reply's thread.
    pub group_id: Option<i64>,
}

/// What a thread list shows.
pub struct ThreadFilter {
    pub space_id: Option<i64>,
    /// Only the threads of this group.
    pub group_id: Option<i64>,
    /// Whose eyes: threads of groups the reader may not read are left out.
    pub reader: Reader,
    pub sort: ThreadSort,
    /// The window `ThreadSort::Discussed` counts replies in.
    pub period: DiscussedPeriod,
    pub offset: i64,
    pub limit: i64,
}

const THREAD_SELECT: &str = "SELECT t.id, t.title, t.body, t.created_at, t.edited_at, t.last_activity_at, \
     t.reply_count, t.kudos_count, t.solution_reply_id, t.pinned, t.locked, t.deleted_at, t.author_id, t.hidden_at, t.group_id, \
     s.id AS s_id, s.slug AS s_slug, s.name AS s_name, s.name_ru AS s_name_ru, s.group_id AS s_group, \
     EXISTS (SELECT 1 FROM kudos k WHERE k.target = 'thread' AND k.target_id = t.id AND k.member_id = ?) AS given";

fn thread_row(row: &SqliteRow) -> ThreadRow {
    let deleted = row.get::<Option<String>, _>("deleted_at").is_some();
    ThreadRow {
        id: row.get("id"),
        space: SpaceRef {
            id: row.get::<i64, _>("s_id").to_string(),
            slug: row.get("s_slug"),
            name: language::pick(row.get("s_name"), row.get("s_name_ru")),
        },
        space_group: row.get("s_group"),
        group_id: row.get("group_id"),
        author: author(row),
        author_id: row.get("author_id"),
        title: row.get("title"),
        body: if deleted { String::new() } else { row.get("body") },
        created_at: row.get("created_at"),
        edited_at: row.get("edited_at"),
        last_activity_at: row.get("last_activity_at"),
        reply_count: row.get("reply_count"),
        kudos_count: row.get("kudos_count"),
        kudos_given: row.get("given"),
        solution_reply_id: row.get("solution_reply_id"),
        pinned: row.get("pinned"),
        locked: row.get("locked"),
        deleted,
        hidden: row.get::<Option<String>, _>("hidden_at").is_some(),
    }
}

const REPLY_SELECT: &str = "SELECT r.id, r.thread_id, r.position, r.body, r.created_at, r.edited_at, r.deleted_at, \
     r.kudos_count, r.author_id, r.hidden_at, \
     (SELECT gt.group_id FROM threads gt WHERE gt.id = r.thread_id) AS group_id, \
     q.id AS q_id, q.body AS q_body, q.deleted_at AS q_deleted, q.hidden_at AS q_hidden, qa.display_name AS q_author, \
     EXISTS (SELECT 1 FROM kudos k WHERE k.target = 'reply' AND k.target_id = r.id AND k.member_id = ?) AS given";

fn reply_row(row: &SqliteRow) -> ReplyRow {
    let deleted = row.get::<Option<String>, _>("deleted_at").is_some();
    let quote = row.get::<Option<i64>, _>("q_id").map(|id| {
        // A hidden reply is not quoted to anyone: quotes are shown to every reader.
        let quoted_deleted =
            row.get::<Option<String>, _>("q_deleted").is_some() || row.get::<Option<String>, _>("q_hidden").is_some();
        Quote {
            reply_id: id.to_string(),
            author_name: row.get("q_author"),
            excerpt: if quoted_deleted { String::new() } else { excerpt(row.get("q_body"), 240) },
        }
    });
    ReplyRow {
        id: row.get("id"),
        thread_id: row.get("thread_id"),
        position: row.get("position"),
        author: author(row),
        author_id: row.get("author_id"),
        body: if deleted { String::new() } else { row.get("body") },
        created_at: row.get("created_at"),
        edited_at: row.get("edited_at"),
        deleted,
        kudos_count: row.get("kudos_count"),
        kudos_given: row.get("given"),
        quote,
        hidden: row.get::<Option<String>, _>("hidden_at").is_some(),
        group_id: row.get("group_id"),
    }
}

/// The preview of a markdown document in lists: its plain text, shortened by the rule the app
/// uses too (`veche_api::excerpt::shorten`).
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    veche_api::excerpt::shorten(&plain_text(markdown), max_chars)
}

/// The text of a markdown document, its words separated by single spaces.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            // Inline markup ends inside a word or before punctuation: no space there.
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a new thread's replies list starts: `p<position>`; thread lists use `o<offset>`.
pub fn position_cursor(position: i64) -> String {
    format!("p{position}")
}

impl Db {
    /// The spaces whose threads the reader may read (a group's space is its members'), each
    /// saying whether the reader may start a thread there (a news space: staff only).
    pub async fn spaces(&self, reader: Reader) -> anyhow::Result<Vec<Space>> {
        let staff = i64::from(reader.staff);
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT s.id, s.slug, s.name, s.description, s.name_ru, s.description_ru, s.group_id, s.news,
                    (SELECT COUNT(*) FROM threads t WHERE t.space_id = s.id AND t.deleted_at IS NULL) AS thread_count,
                    (SELECT COALESCE(SUM(t.reply_count), 0) FROM threads t WHERE t.space_id = s.id) AS reply_count,
                    ((s.news = 0 OR {staff} = 1) AND {}) AS can_post
             FROM spaces s WHERE s.hidden = 0 AND {} ORDER BY s.position, s.id",
            reader.takes_part("s.group_id"),
            reader.visible("s.group_id")
        )))
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|row| Space {
                id: row.get::<i64, _>("id").to_string(),
                slug: row.get("slug"),
                name: language::pick(row.get("name"), row.get("name_ru")),
                description: language::pick(row.get("description"), row.get("description_ru")),
                translations: translations(row),
                thread_count: row.get("thread_count"),
                reply_count: row.get("reply_count"),
                group_id: row.get::<Option<i64>, _>("group_id").map(|g| g.to_string()),
                news: row.get("news"),
                can_post: row.get("can_post"),
            })
            .collect())
    }

    /// A visible space by id or slug, if the reader may read its threads.
    pub async fn space_id(&self, id_or_slug: &str, reader: Reader) -> anyhow::Result<Option<i64>> {
        let visible = reader.visible("group_id");
        Ok(sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT id FROM spaces WHERE (CAST(id AS TEXT) = ? OR slug = ?) AND hidden = 0 AND {visible}"
        )))
        .bind(id_or_slug)
        .bind(id_or_slug)
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    pub async fn create_space(&self, slug: &str, name: &str, description: &str, position: i64) -> anyhow::Result<i64> {
        self.insert_space(slug, name, description, position, false).await
    }

    /// Makes a space a news space (or an ordinary one again).
    pub async fn set_space_news(&self, space: i64, news: bool) -> anyhow::Result<()> {
        sqlx::query("UPDATE spaces SET news = ? WHERE id = ?")
            .bind(news)
            .bind(space)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Only staff start threads in a news space.
    pub async fn space_is_news(&self, space: i64) -> anyhow::Result<bool> {
        Ok(sqlx::query_scalar("SELECT news FROM spaces WHERE id = ?")
            .bind(space)
            .fetch_optional(&mut *self.conn().await?)
            .await?
            .unwrap_or(false))
    }

    /// The hidden space that holds discussions of other things (idea comments), made on first use.
    pub async fn hidden_space(&self, slug: &str, name: &str) -> anyhow::Result<i64> {
        let existing = sqlx::query_scalar("SELECT id FROM spaces WHERE slug = ?")
            .bind(slug)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        match existing {
            Some(id) => Ok(id),
            None => self.insert_space(slug, name, "", 999, true).await,
        }
    }

    async fn insert_space(
        &self,
        slug: &str,
        name: &str,
        description: &str,
        position: i64,
        hidden: bool,
    ) -> anyhow::Result<i64> {
        let done = sqlx::query(
            "INSERT INTO spaces (slug, name, description, position, hidden, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(slug)
        .bind(name)
        .bind(description)
        .bind(position)
        .bind(hidden)
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.last_insert_rowid())
    }

    /// One page of a thread list, and whether more follow.
    pub async fn threads(&self, filter: &ThreadFilter, viewer: Option<i64>) -> anyhow::Result<(Vec<ThreadRow>, bool)> {
        let window_start = clock::format(chrono::Utc::now() - chrono::Duration::days(filter.period.days()));
        let (condition, order) = match filter.sort {
            ThreadSort::Newest => ("1", "t.pinned DESC, t.created_at DESC, t.id DESC"),
            ThreadSort::Discussed => ("1", "recent DESC, t.reply_count DESC, t.id DESC"),
            ThreadSort::Unanswered => ("t.reply_count = 0", "t.created_at DESC, t.id DESC"),
            ThreadSort::Activity | ThreadSort::Unknown => ("1", "t.pinned DESC, t.last_activity_at DESC, t.id DESC"),
        };
        let space_condition = if filter.space_id.is_some() { "t.space_id = ?" } else { "? IS NULL" };
        let group_condition = if filter.group_id.is_some() { "t.group_id = ?" } else { "? IS NULL" };
        let visible = filter.reader.visible("t.group_id");
        let sql = format!(
            "{THREAD_SELECT}, {AUTHOR_COLUMNS},
                (SELECT COUNT(*) FROM replies r WHERE r.thread_id = t.id AND r.created_at >= ?) AS recent
             FROM threads t JOIN spaces s ON s.id = t.space_id JOIN members a ON a.id = t.author_id
             WHERE t.deleted_at IS NULL AND t.hidden_at IS NULL AND s.hidden = 0 AND {condition} AND {space_condition}
               AND {group_condition} AND {visible}
             ORDER BY {order} LIMIT ? OFFSET ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(window_start)
            .bind(filter.space_id)
            .bind(filter.group_id)
            .bind(filter.limit + 1)
            .bind(filter.offset)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let (rows, more) = page_of(rows, filter.limit);
        Ok((rows.iter().map(thread_row).collect(), more))
    }

    pub async fn thread(&self, id: i64, viewer: Option<i64>) -> anyhow::Result<Option<ThreadRow>> {
        let sql = format!(
            "{THREAD_SELECT}, {AUTHOR_COLUMNS} FROM threads t JOIN spaces s ON s.id = t.space_id
             JOIN members a ON a.id = t.author_id WHERE t.id = ?"
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.as_ref().map(thread_row))
    }

    /// The id of the thread with this exact title (the demo seed finds its own threads by title).
    pub async fn thread_id_by_title(&self, title: &str) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM threads WHERE title = ?")
            .bind(title)
            .fetch_optional(&mut *self.conn().await?)
            .await?)
    }

    pub async fn create_thread(
        &self,
        space_id: i64,
        author_id: i64,
        title: &str,
        body: &str,
        created_at: &str,
    ) -> anyhow::Result<i64> {
        let done = sqlx::query(
            "INSERT INTO threads (space_id, author_id, title, body, created_at, last_activity_at, group_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT group_id FROM spaces WHERE id = ?1))",
        )
        .bind(space_id)
        .bind(author_id)
        .bind(title.trim())
        .bind(body)
        .bind(created_at)
        .bind(created_at)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.last_insert_rowid())
    }

    pub async fn update_thread_text(&self, id: i64, title: Option<&str>, body: Option<&str>) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE threads SET title = COALESCE(?, title), body = COALESCE(?, body), edited_at = ? WHERE id = ?",
        )
        .bind(title.map(str::trim))
        .bind(body)
        .bind(clock::now())
        .bind(id)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    pub async fn moderate_thread(&self, id: i64, pinned: Option<bool>, locked: Option<bool>) -> anyhow::Result<()> {
        sqlx::query("UPDATE threads SET pinned = COALESCE(?, pinned), locked = COALESCE(?, locked) WHERE id = ?")
            .bind(pinned)
            .bind(locked)
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn delete_thread(&self, id: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE threads SET deleted_at = ?, body = '' WHERE id = ? AND deleted_at IS NULL")
            .bind(clock::now())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Replies from `start` (a position) on, at most `limit`.
    pub async fn replies(
        &self,
        thread_id: i64,
        start: i64,
        limit: i64,
        viewer: Option<i64>,
    ) -> anyhow::Result<Vec<ReplyRow>> {
        let sql = format!(
            "{REPLY_SELECT}, {AUTHOR_COLUMNS} FROM replies r JOIN members a ON a.id = r.author_id
             LEFT JOIN replies q ON q.id = r.quote_reply_id LEFT JOIN members qa ON qa.id = q.author_id
             WHERE r.thread_id = ? AND r.position >= ? ORDER BY r.position LIMIT ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(thread_id)
            .bind(start)
            .bind(limit)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows.iter().map(reply_row).collect())
    }

    pub async fn reply(&self, id: i64, viewer: Option<i64>) -> anyhow::Result<Option<ReplyRow>> {
        let sql = format!(
            "{REPLY_SELECT}, {AUTHOR_COLUMNS} FROM replies r JOIN members a ON a.id = r.author_id
             LEFT JOIN replies q ON q.id = r.quote_reply_id LEFT JOIN members qa ON qa.id = q.author_id
             WHERE r.id = ?"
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.as_ref().map(reply_row))
    }

    /// Adds a reply at the end of the thread; `None` if the thread is locked (checked in the
    /// same transaction, so a lock cannot slip between check and insert).
    pub async fn create_reply(
        &self,
        thread_id: i64,
        author_id: i64,
        body: &str,
        quote_reply_id: Option<i64>,
        created_at: &str,
    ) -> anyhow::Result<Option<i64>> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO replies (thread_id, position, author_id, body, quote_reply_id, created_at)
             SELECT t.id, t.reply_count + 1, ?, ?, ?, ? FROM threads t
             WHERE t.id = ? AND t.locked = 0 AND t.deleted_at IS NULL",
        )
        .bind(author_id)
        .bind(body)
        .bind(quote_reply_id)
        .bind(created_at)
        .bind(thread_id)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(None);
        }
        let id = inserted.last_insert_rowid();
        sqlx::query(
            "UPDATE threads SET reply_count = reply_count + 1,
                    last_activity_at = MAX(last_activity_at, ?) WHERE id = ?",
        )
        .bind(created_at)
        .bind(thread_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Appends many replies in one transaction (demo data).
    pub async fn append_replies(&self, thread_id: i64, replies: &[(i64, String, String)]) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let mut position: i64 = sqlx::query_scalar("SELECT reply_count FROM threads WHERE id = ?")
            .bind(thread_id)
            .fetch_one(&mut *tx)
            .await?;
        for (author_id, body, created_at) in replies {
            position += 1;
            sqlx::query(
                "INSERT INTO replies (thread_id, position, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(thread_id)
            .bind(position)
            .bind(author_id)
            .bind(body)
            .bind(created_at)
            .execute(&mut *tx)
            .await?;
        }
        let last = replies.last().map(|r| r.2.clone()).unwrap_or_default();
        sqlx::query("UPDATE threads SET reply_count = ?, last_activity_at = MAX(last_activity_at, ?) WHERE id = ?")
            .bind(position)
            .bind(last)
            .bind(thread_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn update_reply(&self, id: i64, body: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE replies SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL")
            .bind(body)
            .bind(clock::now())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Deletes a reply's text; the reply keeps its place ("deleted") and stops being a solution.
    pub async fn delete_reply(&self, id: i64) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE replies SET deleted_at = ?, body = '' WHERE id = ? AND deleted_at IS NULL")
            .bind(clock::now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE threads SET solution_reply_id = NULL, solution_accepted_at = NULL WHERE solution_reply_id = ?",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives (or takes back) one member's kudos; counting happens in the same transaction as
    /// the change, so the count never drifts from the kudos rows.
    pub async fn set_kudos(
        &self,
        member_id: i64,
        target: &str,
        target_id: i64,
        give: bool,
    ) -> anyhow::Result<KudosState> {
        let table = if target == "thread" { "threads" } else { "replies" };
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let changed = if give {
            sqlx::query(
                "INSERT INTO kudos (member_id, target, target_id, created_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT DO NOTHING",
            )
            .bind(member_id)
            .bind(target)
            .bind(target_id)
            .bind(clock::now())
            .execute(&mut *tx)
            .await?
            .rows_affected()
        } else {
            sqlx::query("DELETE FROM kudos WHERE member_id = ? AND target = ? AND target_id = ?")
                .bind(member_id)
                .bind(target)
                .bind(target_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        };
        if changed > 0 {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE {table} SET kudos_count = (SELECT COUNT(*) FROM kudos WHERE target = ? AND target_id = ?) WHERE id = ?"
            )))
            .bind(target)
            .bind(target_id)
            .bind(target_id)
            .execute(&mut *tx)
            .await?;
        }
        let kudos_count: i64 =
            sqlx::query_scalar(AssertSqlSafe(format!("SELECT kudos_count FROM {table} WHERE id = ?")))
                .bind(target_id)
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(KudosState { kudos_count, kudos_given: give })
    }

    pub async fn set_solution(&self, thread_id: i64, reply_id: Option<i64>) -> anyhow::Result<()> {
        sqlx::query("UPDATE threads SET solution_reply_id = ?, solution_accepted_at = ? WHERE id = ?")
            .bind(reply_id)
            .bind(reply_id.map(|_| clock::now()))
            .bind(thread_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_are_plain_text_cut_at_words() {
        assert_eq!(excerpt("# Title\n\nSome **bold** and `code`.", 100), "Title Some bold and code.");
        assert_eq!(excerpt("one two three four", 9), "one two…");
        assert_eq!(excerpt("<b>raw</b> stays text", 100), "<b>raw</b> stays text");
    }
}
