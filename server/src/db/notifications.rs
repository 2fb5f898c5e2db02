//! The bell: one row per member and thing that happened to them; read once opened.

use sqlx::{AssertSqlSafe, Row, SqliteConnection};
use veche_api::notifications::{EXCERPT_MAX, Notification, NotificationKind};

use super::page_of;
use super::threads::excerpt;
use super::visibility::Reader;
use super::{Db, mail_preferences};
use crate::clock;
use crate::mail::MailLinks;

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
    /// The group whose content it is about: only those who may read that group's content see
    /// it (someone who left the group no longer does).
    pub group_id: Option<i64>,
}

/// Tells each of `recipients` once, inside the caller's transaction (or on a pooled connection),
/// so a notification exists exactly when what it reports was stored; so does its mail, for those
/// who get its kind by e-mail at once (`mail_preferences`).
pub async fn insert(
    connection: &mut SqliteConnection,
    links: &MailLinks,
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
        let mail_state = mail_preferences::mail_notification(connection, links, member, notification, &text).await?;
        sqlx::query(
            "INSERT INTO notifications (member_id, kind, title, body, link, actor_id, group_id, created_at, mail_state)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(member)
        .bind(notification.kind.as_str())
        .bind(notification.title)
        .bind(&text)
        .bind(notification.link)
        .bind(notification.actor_id)
        .bind(notification.group_id)
        .bind(&now)
        .bind(mail_state)
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
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        insert(&mut tx, &self.mail_links, recipients, notification).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One page of the reader's notifications, newest first, and whether more follow.
    pub async fn notifications(
        &self,
        reader: Reader,
        filter: &NotificationFilter,
    ) -> anyhow::Result<(Vec<Notification>, bool)> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at, a.display_name AS actor_name
             FROM notifications n LEFT JOIN members a ON a.id = n.actor_id
             WHERE n.member_id = ? AND {} AND (? = 0 OR n.read_at IS NULL) AND (? IS NULL OR n.id < ?)
             ORDER BY n.id DESC LIMIT ?",
            reader.visible("n.group_id")
        )))
        .bind(reader.member_id)
        .bind(filter.unread_only)
        .bind(filter.before_id)
        .bind(filter.before_id)
        .bind(filter.limit + 1)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        let (rows, more) = page_of(rows, filter.limit);
        let items = rows
            .iter()
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

    pub async fn unread_notifications(&self, reader: Reader) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM notifications n WHERE n.member_id = ? AND n.read_at IS NULL AND {}",
            reader.visible("n.group_id")
        )))
        .bind(reader.member_id)
        .fetch_one(&mut *self.conn().await?)
        .await?)
    }

    /// Marks one of the reader's notifications read (reading it again keeps the first time).
    /// Answers it, or `None` when the reader has no such notification (or may no longer see it).
    pub async fn mark_notification_read(&self, reader: Reader, id: i64) -> anyhow::Result<Option<Notification>> {
        let filter = NotificationFilter { unread_only: false, before_id: Some(id + 1), limit: 1 };
        let (found, _) = self.notifications(reader, &filter).await?;
        let Some(mut notification) = found.into_iter().next().filter(|n| n.id == id.to_string()) else {
            return Ok(None);
        };
        if notification.read_at.is_none() {
            let now = clock::now();
            sqlx::query("UPDATE notifications SET read_at = ? WHERE id = ?")
                .bind(&now)
                .bind(id)
                .execute(&mut *self.conn().await?)
                .await?;
            notification.read_at = Some(now);
        }
        Ok(Some(notification))
    }

    pub async fn mark_all_notifications_read(&self, member: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE notifications SET read_at = ? WHERE member_id = ? AND read_at IS NULL")
            .bind(clock::now())
            .bind(member)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}
