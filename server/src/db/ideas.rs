//! Ideas, votes with a budget, statuses and official answers, merging, the roadmap.

use std::collections::BTreeSet;

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::ideas::{
    IdeaCategory, IdeaCounters, IdeaRef, IdeaSort, IdeaStatus, StatusChange, TRENDING_DAYS, VoteBudget, similarity,
};
use veche_api::names::Translations;
use veche_api::notifications::NotificationKind;

use super::Db;
use super::names::translations;
use super::notifications::{self, NewNotification};
use super::page_of;
use super::threads::{AUTHOR_COLUMNS, author, excerpt};
use super::visibility::Reader;
use crate::{clock, language};

/// The open statuses, as SQL.
const OPEN: &str = "('new', 'under_review', 'planned', 'in_progress')";

/// Hidden space holding the comment threads of ideas.
pub const DISCUSSIONS_SPACE: &str = "idea-discussions";

#[derive(Clone, Debug)]
pub struct IdeaRow {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub status: IdeaStatus,
    pub category: IdeaCategory,
    pub author: veche_api::member::MemberSummary,
    pub author_id: i64,
    pub vote_count: i64,
    pub comment_count: i64,
    pub voted: bool,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub merged_into: Option<i64>,
    pub discussion_id: i64,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// The group the idea was proposed in.
    pub group_id: Option<i64>,
}

const IDEA_SELECT: &str =
    "SELECT i.id, i.title, i.body, i.status, i.author_id, i.vote_count, i.created_at, i.edited_at,
       i.merged_into, i.discussion_id, i.hidden_at, i.group_id, c.id AS c_id, c.slug AS c_slug, c.name AS c_name,
       c.name_ru AS c_name_ru, c.description AS c_description, c.description_ru AS c_description_ru,
       (SELECT reply_count FROM threads d WHERE d.id = i.discussion_id) AS comment_count,
       EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.member_id = ?1) AS voted";

fn idea_row(row: &SqliteRow) -> IdeaRow {
    IdeaRow {
        id: row.get("id"),
        title: row.get("title"),
        body: row.get("body"),
        status: IdeaStatus::parse(row.get("status")),
        category: IdeaCategory {
            id: row.get::<i64, _>("c_id").to_string(),
            slug: row.get("c_slug"),
            name: language::pick(row.get("c_name"), row.get("c_name_ru")),
            description: language::pick(row.get("c_description"), row.get("c_description_ru")),
            translations: Translations::default(),
        },
        author: author(row),
        author_id: row.get("author_id"),
        vote_count: row.get("vote_count"),
        comment_count: row.get("comment_count"),
        voted: row.get("voted"),
        created_at: row.get("created_at"),
        edited_at: row.get("edited_at"),
        merged_into: row.get("merged_into"),
        discussion_id: row.get("discussion_id"),
        hidden: row.get::<Option<String>, _>("hidden_at").is_some(),
        group_id: row.get("group_id"),
    }
}

impl IdeaRow {
    pub fn reference(&self) -> IdeaRef {
        IdeaRef { id: self.id.to_string(), title: self.title.clone(), status: self.status, vote_count: self.vote_count }
    }

    pub fn excerpt(&self) -> String {
        excerpt(&self.body, 180)
    }
}

/// Which ideas a board shows.
pub struct IdeaFilter {
    pub status: Option<IdeaStatus>,
    pub category: Option<i64>,
    /// Only ideas this member voted for.
    pub voted_by: Option<i64>,
    pub search: String,
    /// Only the ideas of this group.
    pub group_id: Option<i64>,
    /// Whose eyes: ideas of groups the reader may not read are left out.
    pub reader: Reader,
    pub sort: IdeaSort,
    pub offset: i64,
    pub limit: i64,
}

/// Why a vote was not counted.
#[derive(Debug, PartialEq, Eq)]
pub enum VoteRefusal {
    NoSuchIdea,
    /// Implemented, declined or merged: voting has ended.
    Closed,
    BudgetUsedUp(VoteBudget),
}

/// The idea counters as the columns `ideas`, `votes` and `implemented` of a SELECT, the same on
/// the home page and the board: ideas the reader may read, without duplicates merged into
/// another (counted in the idea they joined) or ideas hidden by a moderator; votes on those and
/// on merged duplicates (where they were given).
pub(super) fn idea_counter_columns(reader: Reader) -> String {
    let visible = reader.visible("i.group_id");
    format!(
        "(SELECT COUNT(*) FROM ideas i
          WHERE i.status <> 'duplicate' AND i.hidden_at IS NULL AND {visible}) AS ideas,
         (SELECT COUNT(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
          WHERE i.hidden_at IS NULL AND {visible}) AS votes,
         (SELECT COUNT(*) FROM ideas i
          WHERE i.status = 'implemented' AND i.hidden_at IS NULL AND {visible}) AS implemented"
    )
}

impl Db {
    pub async fn idea_categories(&self) -> anyhow::Result<Vec<IdeaCategory>> {
        let rows = sqlx::query(
            "SELECT id, slug, name, description, name_ru, description_ru FROM idea_categories ORDER BY position, id",
        )
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .iter()
            .map(|r| IdeaCategory {
                id: r.get::<i64, _>("id").to_string(),
                slug: r.get("slug"),
                name: language::pick(r.get("name"), r.get("name_ru")),
                description: language::pick(r.get("description"), r.get("description_ru")),
                translations: translations(r),
            })
            .collect())
    }

    pub async fn create_idea_category(&self, slug: &str, name: &str, position: i64) -> anyhow::Result<i64> {
        let done = sqlx::query("INSERT INTO idea_categories (slug, name, position) VALUES (?, ?, ?)")
            .bind(slug)
            .bind(name)
            .bind(position)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(done.last_insert_rowid())
    }

    pub async fn idea_category_id(&self, id_or_slug: &str) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM idea_categories WHERE CAST(id AS TEXT) = ? OR slug = ?")
            .bind(id_or_slug)
            .bind(id_or_slug)
            .fetch_optional(&mut *self.conn().await?)
            .await?)
    }

    pub async fn vote_budget(&self, member_id: i64) -> anyhow::Result<VoteBudget> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT (SELECT vote_budget FROM community WHERE id = 1) AS budget,
                    (SELECT COUNT(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
                      WHERE v.member_id = ? AND i.status IN {OPEN}) AS used"
        )))
        .bind(member_id)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok(VoteBudget::new(row.get::<Option<i64>, _>("budget").unwrap_or(0), row.get("used")))
    }

    pub async fn set_vote_budget(&self, budget: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE community SET vote_budget = ? WHERE id = 1")
            .bind(budget)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn ideas(&self, filter: &IdeaFilter, viewer: Option<i64>) -> anyhow::Result<(Vec<IdeaRow>, bool)> {
        let since = clock::format(chrono::Utc::now() - chrono::Duration::days(TRENDING_DAYS));
        let order = match filter.sort {
            IdeaSort::Newest => "i.created_at DESC, i.id DESC",
            IdeaSort::Trending => "recent DESC, i.vote_count DESC, i.created_at DESC, i.id DESC",
            IdeaSort::Discussed => "comment_count DESC, i.vote_count DESC, i.id DESC",
            IdeaSort::Top | IdeaSort::Unknown => "i.vote_count DESC, i.created_at DESC, i.id DESC",
        };
        let pattern =
            format!("%{}%", filter.search.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let sql = format!(
            "{IDEA_SELECT}, {AUTHOR_COLUMNS},
                (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = i.id AND v.created_at >= ?2) AS recent
             FROM ideas i JOIN idea_categories c ON c.id = i.category_id JOIN members a ON a.id = i.author_id
             WHERE (?3 IS NULL OR i.status = ?3) AND (?4 IS NULL OR i.category_id = ?4)
               AND (?5 IS NULL OR EXISTS (SELECT 1 FROM idea_votes mv WHERE mv.idea_id = i.id AND mv.member_id = ?5))
               AND (i.title LIKE ?6 ESCAPE '\\' OR i.body LIKE ?6 ESCAPE '\\')
               AND (?3 IS NOT NULL OR i.status <> 'duplicate') AND i.hidden_at IS NULL
               AND (?9 IS NULL OR i.group_id = ?9) AND {visible}
             ORDER BY {order} LIMIT ?7 OFFSET ?8",
            visible = filter.reader.visible("i.group_id")
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(since)
            .bind(filter.status.map(IdeaStatus::as_str))
            .bind(filter.category)
            .bind(filter.voted_by)
            .bind(pattern)
            .bind(filter.limit + 1)
            .bind(filter.offset)
            .bind(filter.group_id)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let (rows, more) = page_of(rows, filter.limit);
        Ok((rows.iter().map(idea_row).collect(), more))
    }

    pub async fn idea(&self, id: i64, viewer: Option<i64>) -> anyhow::Result<Option<IdeaRow>> {
        let sql = format!(
            "{IDEA_SELECT}, {AUTHOR_COLUMNS} FROM ideas i JOIN idea_categories c ON c.id = i.category_id
             JOIN members a ON a.id = i.author_id WHERE i.id = ?2"
        );
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(viewer.unwrap_or(0))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.as_ref().map(idea_row))
    }

    /// Creates an idea with its (hidden) discussion thread.
    pub async fn create_idea(
        &self,
        author_id: i64,
        category: i64,
        title: &str,
        body: &str,
        at: &str,
    ) -> anyhow::Result<i64> {
        let space = self.hidden_space(DISCUSSIONS_SPACE, "Idea discussions").await?;
        let discussion = self.create_thread(space, author_id, title, "", at).await?;
        let done = sqlx::query(
            "INSERT INTO ideas (author_id, category_id, title, body, discussion_id, created_at, status_changed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(author_id)
        .bind(category)
        .bind(title.trim())
        .bind(body)
        .bind(discussion)
        .bind(at)
        .bind(at)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(done.last_insert_rowid())
    }

    pub async fn update_idea(
        &self,
        id: i64,
        title: Option<&str>,
        body: Option<&str>,
        category: Option<i64>,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE ideas SET title = COALESCE(?, title), body = COALESCE(?, body), category_id = COALESCE(?, category_id),
                              edited_at = ? WHERE id = ?",
        )
        .bind(title.map(str::trim))
        .bind(body)
        .bind(category)
        .bind(clock::now())
        .bind(id)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Gives or takes back a member's vote. One transaction that starts by writing, so it holds
    /// the database's write lock before it reads the budget: two quick votes cannot both pass
    /// the check, and `vote_count` is recounted from the vote rows every time.
    pub async fn vote(
        &self,
        idea_id: i64,
        member_id: i64,
        give: bool,
    ) -> anyhow::Result<Result<(i64, VoteBudget), VoteRefusal>> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let locked = sqlx::query("UPDATE ideas SET vote_count = vote_count WHERE id = ?")
            .bind(idea_id)
            .execute(&mut *tx)
            .await?;
        if locked.rows_affected() == 0 {
            return Ok(Err(VoteRefusal::NoSuchIdea));
        }
        let status: String =
            sqlx::query_scalar("SELECT status FROM ideas WHERE id = ?").bind(idea_id).fetch_one(&mut *tx).await?;
        if !IdeaStatus::parse(&status).is_open() {
            return Ok(Err(VoteRefusal::Closed));
        }
        if give {
            let already: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM idea_votes WHERE idea_id = ? AND member_id = ?)")
                    .bind(idea_id)
                    .bind(member_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if !already {
                let row = sqlx::query(AssertSqlSafe(format!(
                    "SELECT (SELECT vote_budget FROM community WHERE id = 1) AS budget,
                            (SELECT COUNT(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
                              WHERE v.member_id = ? AND i.status IN {OPEN}) AS used"
                )))
                .bind(member_id)
                .fetch_one(&mut *tx)
                .await?;
                let budget = VoteBudget::new(row.get::<Option<i64>, _>("budget").unwrap_or(0), row.get("used"));
                if !budget.allows_another() {
                    return Ok(Err(VoteRefusal::BudgetUsedUp(budget)));
                }
                sqlx::query("INSERT INTO idea_votes (idea_id, member_id, created_at) VALUES (?, ?, ?)")
                    .bind(idea_id)
                    .bind(member_id)
                    .bind(clock::now())
                    .execute(&mut *tx)
                    .await?;
            }
        } else {
            sqlx::query("DELETE FROM idea_votes WHERE idea_id = ? AND member_id = ?")
                .bind(idea_id)
                .bind(member_id)
                .execute(&mut *tx)
                .await?;
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idea_votes WHERE idea_id = ?")
            .bind(idea_id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("UPDATE ideas SET vote_count = ? WHERE id = ?").bind(count).bind(idea_id).execute(&mut *tx).await?;
        tx.commit().await?;
        // The budget is read on its own connection turn: this one goes back first.
        drop(conn);
        Ok(Ok((count, self.vote_budget(member_id).await?)))
    }

    /// Moves an idea to a status with an official answer; tells its voters. Answers them.
    pub async fn set_idea_status(
        &self,
        idea_id: i64,
        status: IdeaStatus,
        answer: &str,
        staff_id: i64,
    ) -> anyhow::Result<Vec<i64>> {
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE ideas SET status = ?, status_changed_at = ? WHERE id = ?")
            .bind(status.as_str())
            .bind(&now)
            .bind(idea_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO idea_history (idea_id, status, answer, author_id, created_at) VALUES (?, ?, ?, ?, ?)")
            .bind(idea_id)
            .bind(status.as_str())
            .bind(answer.trim())
            .bind(staff_id)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        let voters: Vec<i64> = sqlx::query_scalar("SELECT member_id FROM idea_votes WHERE idea_id = ?")
            .bind(idea_id)
            .fetch_all(&mut *tx)
            .await?;
        let (title, group_id): (String, Option<i64>) =
            sqlx::query_as("SELECT title, group_id FROM ideas WHERE id = ?").bind(idea_id).fetch_one(&mut *tx).await?;
        let notification = NewNotification {
            kind: NotificationKind::IdeaStatus,
            title: &title,
            text: answer,
            link: &format!("/ideas/{idea_id}"),
            actor_id: Some(staff_id),
            group_id,
        };
        notifications::insert(&mut tx, &self.mail_links, &voters, &notification).await?;
        tx.commit().await?;
        Ok(voters)
    }

    /// Dates an idea's latest status change at `at` (the demo's ideas moved over months, not all
    /// on the day the demo was made).
    pub async fn date_latest_status_change(&self, idea_id: i64, at: &str) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE idea_history SET created_at = ?1
             WHERE id = (SELECT MAX(id) FROM idea_history WHERE idea_id = ?2)",
        )
        .bind(at)
        .bind(idea_id)
        .execute(&mut *self.conn().await?)
        .await?;
        sqlx::query("UPDATE ideas SET status_changed_at = ? WHERE id = ?")
            .bind(at)
            .bind(idea_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Merges `duplicate` into `target`: its voters vote for the target (each once), it closes
    /// as a duplicate pointing at the target (and keeps its own count, as history).
    pub async fn merge_ideas(&self, duplicate: i64, target: i64, answer: &str, staff_id: i64) -> anyhow::Result<()> {
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query(
            "INSERT INTO idea_votes (idea_id, member_id, created_at)
             SELECT ?, member_id, created_at FROM idea_votes WHERE idea_id = ? ON CONFLICT DO NOTHING",
        )
        .bind(target)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM idea_votes WHERE idea_id = ?1) WHERE id = ?1")
            .bind(target)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE ideas SET status = 'duplicate', merged_into = ?, status_changed_at = ? WHERE id = ?")
            .bind(target)
            .bind(&now)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO idea_history (idea_id, status, answer, author_id, created_at) VALUES (?, 'duplicate', ?, ?, ?)")
            .bind(duplicate)
            .bind(answer.trim())
            .bind(staff_id)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn idea_history(&self, idea_id: i64) -> anyhow::Result<Vec<StatusChange>> {
        let sql = format!(
            "SELECT h.status, h.answer, h.created_at, {AUTHOR_COLUMNS} FROM idea_history h JOIN members a ON a.id = h.author_id
             WHERE h.idea_id = ? ORDER BY h.created_at, h.id"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(idea_id).fetch_all(&mut *self.conn().await?).await?;
        Ok(rows
            .iter()
            .map(|r| StatusChange {
                status: IdeaStatus::parse(r.get("status")),
                answer: r.get("answer"),
                author: author(r),
                created_at: r.get("created_at"),
            })
            .collect())
    }

    /// Ideas merged into this one.
    pub async fn idea_duplicates(&self, idea_id: i64) -> anyhow::Result<Vec<IdeaRef>> {
        let rows = sqlx::query(
            "SELECT id, title, status, vote_count FROM ideas WHERE merged_into = ? AND hidden_at IS NULL ORDER BY id",
        )
        .bind(idea_id)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.iter().map(idea_ref).collect())
    }

    pub async fn idea_ref(&self, id: i64) -> anyhow::Result<Option<IdeaRef>> {
        // A hidden idea is still linked to (it exists), without its title.
        let row = sqlx::query(
            "SELECT id, CASE WHEN hidden_at IS NULL THEN title ELSE '' END AS title, status, vote_count FROM ideas WHERE id = ?",
        )
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
        Ok(row.as_ref().map(idea_ref))
    }

    /// Ideas whose titles look like `title` (for "did you mean…" and related ideas), best first.
    pub async fn similar_ideas(
        &self,
        title: &str,
        except: Option<i64>,
        limit: usize,
        reader: Reader,
    ) -> anyhow::Result<Vec<IdeaRef>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT id, title, status, vote_count FROM ideas
             WHERE status <> 'duplicate' AND hidden_at IS NULL AND id <> ? AND {}",
            reader.visible("ideas.group_id")
        )))
        .bind(except.unwrap_or(0))
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let mut scored: Vec<(u32, IdeaRef)> = rows
            .iter()
            .map(idea_ref)
            .map(|idea| (similarity(title, &idea.title), idea))
            .filter(|(score, _)| *score >= 250)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.vote_count.cmp(&a.1.vote_count)));
        Ok(scored.into_iter().take(limit).map(|(_, idea)| idea).collect())
    }

    /// Voters who chose to show their votes.
    pub async fn idea_voters(
        &self,
        idea_id: i64,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<super::MemberRow>, bool)> {
        let columns = super::members::member_columns_of("m");
        let rows: Vec<super::MemberRow> = sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {columns} FROM idea_votes v JOIN members m ON m.id = v.member_id
             WHERE v.idea_id = ? AND m.show_votes = 1 ORDER BY v.created_at DESC, m.id LIMIT ? OFFSET ?"
        )))
        .bind(idea_id)
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(page_of(rows, limit))
    }

    pub async fn ideas_with_status(
        &self,
        status: IdeaStatus,
        limit: i64,
        reader: Reader,
    ) -> anyhow::Result<Vec<IdeaRow>> {
        let sql = format!(
            "{IDEA_SELECT}, {AUTHOR_COLUMNS} FROM ideas i JOIN idea_categories c ON c.id = i.category_id
             JOIN members a ON a.id = i.author_id WHERE i.status = ?2 AND i.hidden_at IS NULL AND {}
             ORDER BY i.status_changed_at DESC, i.id DESC LIMIT ?3",
            reader.visible("i.group_id")
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(reader.member_id.unwrap_or(0))
            .bind(status.as_str())
            .bind(limit)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        Ok(rows.iter().map(idea_row).collect())
    }

    /// What the reader may see of the board, counted as the home page counts it.
    pub async fn idea_counters(&self, reader: Reader) -> anyhow::Result<IdeaCounters> {
        let row = sqlx::query(AssertSqlSafe(format!("SELECT {}", idea_counter_columns(reader))))
            .fetch_one(&mut *self.conn().await?)
            .await?;
        Ok(IdeaCounters { ideas: row.get("ideas"), votes: row.get("votes"), implemented: row.get("implemented") })
    }

    /// The number of vote rows of an idea (for checking `vote_count` never drifts).
    pub async fn vote_rows(&self, idea_id: i64) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM idea_votes WHERE idea_id = ?")
            .bind(idea_id)
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }
}

fn idea_ref(row: &SqliteRow) -> IdeaRef {
    IdeaRef {
        id: row.get::<i64, _>("id").to_string(),
        title: row.get("title"),
        status: IdeaStatus::parse(row.get("status")),
        vote_count: row.get("vote_count"),
    }
}

/// Ids of a set of rows, for checks.
pub fn id_set(ids: impl IntoIterator<Item = i64>) -> BTreeSet<String> {
    ids.into_iter().map(|id| id.to_string()).collect()
}
