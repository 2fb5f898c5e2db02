//! Reports, hidden content and the moderation log.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};
use veche_api::moderation::{
    LogEntry, ModerationAction, ModerationTarget, QueueItem, ReasonCount, Report, ReportReason, TargetKind,
};

use super::Db;
use super::page_of;
use super::threads::{AUTHOR_COLUMNS, author, excerpt};
use crate::clock;

/// The table each kind of target lives in.
fn table(kind: TargetKind) -> Option<&'static str> {
    match kind {
        TargetKind::Thread => Some("threads"),
        TargetKind::Reply => Some("replies"),
        TargetKind::Idea => Some("ideas"),
        TargetKind::Member => Some("members"),
        TargetKind::Unknown => None,
    }
}

/// Selects `id, title, body, hidden_at, thread_id, idea_id` and the author columns of a target.
fn target_sql(kind: TargetKind) -> Option<String> {
    let (columns, from) = match kind {
        TargetKind::Thread => (
            "t.id, t.title, t.body, t.hidden_at, t.id AS thread_id, i.id AS idea_id",
            "threads t JOIN members a ON a.id = t.author_id LEFT JOIN ideas i ON i.discussion_id = t.id WHERE t.id = ?",
        ),
        TargetKind::Reply => (
            "r.id, COALESCE(i.title, t.title) AS title, r.body, r.hidden_at, t.id AS thread_id, i.id AS idea_id",
            "replies r JOIN threads t ON t.id = r.thread_id JOIN members a ON a.id = r.author_id
             LEFT JOIN ideas i ON i.discussion_id = t.id WHERE r.id = ?",
        ),
        TargetKind::Idea => (
            "i.id, i.title, i.body, i.hidden_at, NULL AS thread_id, i.id AS idea_id",
            "ideas i JOIN members a ON a.id = i.author_id WHERE i.id = ?",
        ),
        TargetKind::Member => (
            "a.id, a.display_name AS title, a.bio AS body, a.hidden_at, NULL AS thread_id, NULL AS idea_id",
            "members a WHERE a.id = ?",
        ),
        TargetKind::Unknown => return None,
    };
    Some(format!("SELECT {columns}, {AUTHOR_COLUMNS} FROM {from}"))
}

fn target_row(kind: TargetKind, row: &SqliteRow) -> ModerationTarget {
    let thread_id: Option<i64> = row.get("thread_id");
    let idea_id: Option<i64> = row.get("idea_id");
    ModerationTarget {
        kind,
        id: row.get::<i64, _>("id").to_string(),
        title: row.get("title"),
        excerpt: excerpt(row.get("body"), 300),
        author: author(row),
        hidden: row.get::<Option<String>, _>("hidden_at").is_some(),
        // An idea's discussion is reached through the idea.
        thread_id: thread_id.filter(|_| idea_id.is_none()).map(|id| id.to_string()),
        idea_id: idea_id.map(|id| id.to_string()),
    }
}

fn report_row(row: &SqliteRow) -> Report {
    Report {
        id: row.get::<i64, _>("id").to_string(),
        target_kind: TargetKind::parse(row.get("target_kind")),
        target_id: row.get::<i64, _>("target_id").to_string(),
        reason: ReportReason::parse(row.get("reason")),
        note: row.get("note"),
        created_at: row.get("created_at"),
    }
}

/// A target with open reports, before its details are looked up.
struct OpenTarget {
    kind: TargetKind,
    id: i64,
    report_count: i64,
    last_reported_at: String,
}

impl Db {
    /// The reported or moderated thing, with its text for moderators.
    pub async fn moderation_target(&self, kind: TargetKind, id: i64) -> anyhow::Result<Option<ModerationTarget>> {
        let Some(sql) = target_sql(kind) else { return Ok(None) };
        let row = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *self.conn().await?).await?;
        Ok(row.map(|row| target_row(kind, &row)))
    }

    /// The group whose members may read the target (none: community-wide, or a profile).
    pub async fn moderation_target_group(&self, kind: TargetKind, id: i64) -> anyhow::Result<Option<i64>> {
        let sql = match kind {
            TargetKind::Thread => "SELECT group_id FROM threads WHERE id = ?",
            TargetKind::Reply => "SELECT t.group_id FROM replies r JOIN threads t ON t.id = r.thread_id WHERE r.id = ?",
            TargetKind::Idea => "SELECT group_id FROM ideas WHERE id = ?",
            TargetKind::Member | TargetKind::Unknown => return Ok(None),
        };
        let group: Option<Option<i64>> =
            sqlx::query_scalar(sql).bind(id).fetch_optional(&mut *self.conn().await?).await?;
        Ok(group.flatten())
    }

    /// Whether a moderator has hidden the thing.
    pub async fn is_hidden(&self, kind: TargetKind, id: i64) -> anyhow::Result<bool> {
        let Some(table) = table(kind) else { return Ok(false) };
        let hidden: Option<bool> =
            sqlx::query_scalar(AssertSqlSafe(format!("SELECT hidden_at IS NOT NULL FROM {table} WHERE id = ?")))
                .bind(id)
                .fetch_optional(&mut *self.conn().await?)
                .await?;
        Ok(hidden.unwrap_or(false))
    }

    /// Which of `ids` a moderator has hidden.
    pub async fn hidden_among(&self, kind: TargetKind, ids: &[i64]) -> anyhow::Result<Vec<i64>> {
        let Some(table) = table(kind) else { return Ok(Vec::new()) };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let hidden = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT id FROM {table} WHERE hidden_at IS NOT NULL AND id IN ({list})"
        )))
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(hidden)
    }

    /// Files a report; a member's second report on a target they have an open report on is not
    /// filed again: the open one comes back, with `false`.
    pub async fn create_report(
        &self,
        reporter_id: i64,
        kind: TargetKind,
        target_id: i64,
        reason: ReportReason,
        note: &str,
    ) -> anyhow::Result<(Report, bool)> {
        let inserted = sqlx::query(
            "INSERT INTO reports (reporter_id, target_kind, target_id, reason, note, created_at)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(reporter_id)
        .bind(kind.as_str())
        .bind(target_id)
        .bind(reason.as_str())
        .bind(note.trim())
        .bind(clock::now())
        .execute(&mut *self.conn().await?)
        .await?
        .rows_affected()
            > 0;
        let row = sqlx::query(
            "SELECT id, target_kind, target_id, reason, note, created_at FROM reports
             WHERE reporter_id = ? AND target_kind = ? AND target_id = ? AND resolved_at IS NULL",
        )
        .bind(reporter_id)
        .bind(kind.as_str())
        .bind(target_id)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok((report_row(&row), inserted))
    }

    /// Targets with open reports, the most recently reported first, and whether more follow.
    pub async fn moderation_queue(&self, offset: i64, limit: i64) -> anyhow::Result<(Vec<QueueItem>, bool)> {
        let rows = sqlx::query(
            "SELECT target_kind, target_id, COUNT(*) AS report_count, MAX(created_at) AS last_reported_at
             FROM reports WHERE resolved_at IS NULL GROUP BY target_kind, target_id
             ORDER BY last_reported_at DESC, target_kind, target_id LIMIT ? OFFSET ?",
        )
        .bind(limit + 1)
        .bind(offset)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let (rows, more) = page_of(rows, limit);
        let open: Vec<OpenTarget> = rows
            .iter()
            .map(|row| OpenTarget {
                kind: TargetKind::parse(row.get("target_kind")),
                id: row.get("target_id"),
                report_count: row.get("report_count"),
                last_reported_at: row.get("last_reported_at"),
            })
            .collect();
        let mut items = Vec::with_capacity(open.len());
        for entry in open {
            let Some(target) = self.moderation_target(entry.kind, entry.id).await? else { continue };
            let reasons = sqlx::query(
                "SELECT reason, COUNT(*) AS count FROM reports
                 WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL
                 GROUP BY reason ORDER BY count DESC, reason",
            )
            .bind(entry.kind.as_str())
            .bind(entry.id)
            .fetch_all(&mut *self.conn().await?)
            .await?
            .iter()
            .map(|row| ReasonCount { reason: ReportReason::parse(row.get("reason")), count: row.get("count") })
            .collect();
            let notes = sqlx::query_scalar(
                "SELECT note FROM reports WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL
                 AND note <> '' ORDER BY created_at DESC, id DESC",
            )
            .bind(entry.kind.as_str())
            .bind(entry.id)
            .fetch_all(&mut *self.conn().await?)
            .await?;
            items.push(QueueItem {
                target,
                report_count: entry.report_count,
                reasons,
                notes,
                last_reported_at: entry.last_reported_at,
            });
        }
        Ok((items, more))
    }

    /// Carries out a moderator's action and logs it, in one transaction. Answers the log entry's
    /// id, or `None` when the action changes nothing (hiding what is hidden, restoring what is
    /// shown, dismissing when no report is open).
    pub async fn moderate(
        &self,
        moderator_id: i64,
        action: ModerationAction,
        kind: TargetKind,
        target_id: i64,
        note: &str,
    ) -> anyhow::Result<Option<i64>> {
        let Some(table) = table(kind) else { return Ok(None) };
        let now = clock::now();
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let changed = match action {
            ModerationAction::Hide => sqlx::query(AssertSqlSafe(format!(
                "UPDATE {table} SET hidden_at = ? WHERE id = ? AND hidden_at IS NULL"
            )))
            .bind(&now)
            .bind(target_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            ModerationAction::Restore => sqlx::query(AssertSqlSafe(format!(
                "UPDATE {table} SET hidden_at = NULL WHERE id = ? AND hidden_at IS NOT NULL"
            )))
            .bind(target_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            ModerationAction::Dismiss => 0,
            ModerationAction::Unknown => return Ok(None),
        };
        // Hiding answers the open reports; dismissing closes them without hiding.
        let resolution = match action {
            ModerationAction::Hide => Some("hidden"),
            ModerationAction::Dismiss => Some("dismissed"),
            _ => None,
        };
        let resolved = match resolution {
            Some(resolution) => sqlx::query(
                "UPDATE reports SET resolved_at = ?, resolution = ?
                 WHERE target_kind = ? AND target_id = ? AND resolved_at IS NULL",
            )
            .bind(&now)
            .bind(resolution)
            .bind(kind.as_str())
            .bind(target_id)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            None => 0,
        };
        let acted = match action {
            ModerationAction::Dismiss => resolved > 0,
            _ => changed > 0,
        };
        if !acted {
            return Ok(None);
        }
        let logged = sqlx::query(
            "INSERT INTO moderation_log (moderator_id, action, target_kind, target_id, note, created_at)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(moderator_id)
        .bind(action.as_str())
        .bind(kind.as_str())
        .bind(target_id)
        .bind(note.trim())
        .bind(&now)
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
        tx.commit().await?;
        Ok(Some(logged))
    }

    /// The moderation log, newest first, and whether more follow; `only` picks one entry.
    pub async fn moderation_log(
        &self,
        only: Option<i64>,
        offset: i64,
        limit: i64,
    ) -> anyhow::Result<(Vec<LogEntry>, bool)> {
        let sql = format!(
            "SELECT l.id, l.action, l.target_kind, l.target_id, l.note, l.created_at, {AUTHOR_COLUMNS}
             FROM moderation_log l JOIN members a ON a.id = l.moderator_id
             WHERE (? IS NULL OR l.id = ?) ORDER BY l.created_at DESC, l.id DESC LIMIT ? OFFSET ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(only)
            .bind(only)
            .bind(limit + 1)
            .bind(offset)
            .fetch_all(&mut *self.conn().await?)
            .await?;
        let (rows, more) = page_of(rows, limit);
        let mut entries = Vec::new();
        for row in rows.iter() {
            let kind = TargetKind::parse(row.get("target_kind"));
            let Some(target) = self.moderation_target(kind, row.get("target_id")).await? else { continue };
            entries.push(LogEntry {
                id: row.get::<i64, _>("id").to_string(),
                action: ModerationAction::parse(row.get("action")),
                target,
                moderator: author(row),
                note: row.get("note"),
                created_at: row.get("created_at"),
            });
        }
        Ok((entries, more))
    }
}
