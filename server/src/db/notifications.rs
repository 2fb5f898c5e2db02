//! The bell: one row per member and thing that happened to them; read once opened.

use sqlx::{Row, SqliteConnection};
use veche_api::notifications::{EXCERPT_MAX, Notification, NotificationKind};

use super::Db;
use super::threads::excerpt;
use crate::clock;

/// What to tell each recipient.
pub struct NewNotification<'a> {
    pub kind: NotificationKind,
    /// The title of the content it is about.
    pub title: &'a str,
    /// Markdown or plain text; stored as a short plain-text excerpt.
    pub text: &'a str,
    /// The app's path of the content.
    pub link: &'a str,
    /// The member who caused it, if one did.
    pub actor_id: Option<i64>,
}

/// Tells each of `recipients` once, inside the caller's transaction (or on a pooled connection),
/// so a notification exists exactly when what it reports was stored.
pub async fn insert(
    connection: &mut SqliteConnection,
    recipients: &[i64],
    notification: &NewNotification<'_>,
) -> anyhow::Result<()> {
    let now = clock::now();
    let text = excerpt(notification.text, EXCERPT_MAX);
    let mut told = Vec::with_capacity(recipients.len());
    for &member in recipients {
        if told.contains(&member) {
            continue;
        }
        told.push(member);
        sqlx::query(
            "INSERT INTO notifications (member_id, kind, title, body, link, actor_id, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(member)
        .bind(notification.kind.as_str())
        .bind(notification.title)
        .bind(&text)
        .bind(notification.link)
        .bind(notification.actor_id)
        .bind(&now)
        .execute(&mut *connection)
        .await?;
    }
    Ok(())
}

/// Which of a member's notifications a page shows.
pub struct NotificationFilter {
    pub unread_only: bool,
    /// Only notifications older than this one (the cursor), newest first.
    pub before_id: Option<i64>,
    pub limit: i64,
}

impl Db {
    /// Tells each of `recipients` once.
    pub async fn notify(&self, recipients: &[i64], notification: &NewNotification<'_>) -> anyhow::Result<()> {
        if recipients.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        insert(&mut tx, recipients, notification).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One page of a member's notifications, newest first, and whether more follow.
    pub async fn notifications(
        &self,
        member: i64,
        filter: &NotificationFilter,
    ) -> anyhow::Result<(Vec<Notification>, bool)> {
        let rows = sqlx::query(
            "SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at, a.display_name AS actor_name
             FROM notifications n LEFT JOIN members a ON a.id = n.actor_id
             WHERE n.member_id = ? AND (? = 0 OR n.read_at IS NULL) AND (? IS NULL OR n.id < ?)
             ORDER BY n.id DESC LIMIT ?",
        )
        .bind(member)
        .bind(filter.unread_only)
        .bind(filter.before_id)
        .bind(filter.before_id)
        .bind(filter.limit + 1)
        .fetch_all(&self.pool)
        .await?;
        let more = rows.len() as i64 > filter.limit;
        let items = rows
            .iter()
            .take(filter.limit as usize)
            .map(|row| Notification {
                id: row.get::<i64, _>("id").to_string(),
                kind: NotificationKind::parse(row.get("kind")),
                title: row.get("title"),
                excerpt: row.get("body"),
                link: row.get("link"),
                actor_name: row.get("actor_name"),
                created_at: row.get("created_at"),
                read_at: row.get("read_at"),
            })
            .collect();
        Ok((items, more))
    }

    pub async fn unread_notifications(&self, member: i64) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE member_id = ? AND read_at IS NULL")
            .bind(member)
            .fetch_one(&self.pool)
            .await?)
    }

    /// Marks one of the member's notifications read (reading it again keeps the first time).
    /// Answers it, or `None` when the member has no such notification.
    pub async fn mark_notification_read(&self, member: i64, id: i64) -> anyhow::Result<Option<Notification>> {
        let done =
            sqlx::query("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND member_id = ?")
                .bind(clock::now())
                .bind(id)
                .bind(member)
                .execute(&self.pool)
                .await?;
        if done.rows_affected() == 0 {
            return Ok(None);
        }
        let filter = NotificationFilter { unread_only: false, before_id: Some(id + 1), limit: 1 };
        let (mut items, _) = self.notifications(member, &filter).await?;
        Ok(items.pop())
    }

    pub async fn mark_all_notifications_read(&self, member: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE notifications SET read_at = ? WHERE member_id = ? AND read_at IS NULL")
            .bind(clock::now())
            .bind(member)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
