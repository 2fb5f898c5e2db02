//! The digests' statements: who has notifications waiting for a daily digest, who gets the
//! weekly one, what a reader may see of the week, and recording a sent digest with its mail.

use sqlx::{AssertSqlSafe, Row};
use veche_api::notifications::{Delivery, MailTopic, NotificationKind};

use super::Db;
use super::mail::enqueue;
use super::mail_preferences::{DIGESTED, WAITS_FOR_DIGEST, community_name, mail_recipient, may_read_group};
use crate::clock;
use crate::mail::notices::{self, NoticeItem, WeeklyDigest};

/// The most lines of each list in the weekly digest.
const WEEKLY_LINES: i64 = 5;

/// A digest ready to record: the period it is for, its mail (none when it had nothing to say)
/// and the notifications it settles.
pub struct Digest {
    pub member_id: i64,
    pub period: String,
    pub mail: Option<crate::db::NewMail>,
    pub settled: Vec<i64>,
}

impl Db {
    /// Members with notifications waiting for a daily digest from before `before`.
    pub async fn members_awaiting_daily_digest(&self, before: &str) -> anyhow::Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT DISTINCT member_id FROM notifications WHERE mail_state = ? AND created_at < ? ORDER BY member_id",
        )
        .bind(WAITS_FOR_DIGEST)
        .bind(before)
        .fetch_all(&mut *self.conn().await?)
        .await?)
    }

    /// The daily digest of `member` for `period`: the notifications waiting since before
    /// `before` that the member may still read and still wants by mail. Every waiting one is
    /// settled, mailed or not. `None` when the member was sent this period's digest already.
    pub async fn daily_digest(&self, member: i64, period: &str, before: &str) -> anyhow::Result<Option<Digest>> {
        let mut conn = self.conn().await?;
        if digest_done(&mut conn, member, period).await? {
            return Ok(None);
        }
        let rows = sqlx::query(
            "SELECT n.id, n.kind, n.title, n.body, n.link, n.group_id, a.display_name AS actor_name
             FROM notifications n LEFT JOIN members a ON a.id = n.actor_id
             WHERE n.member_id = ? AND n.mail_state = ? AND n.created_at < ? ORDER BY n.id",
        )
        .bind(member)
        .bind(WAITS_FOR_DIGEST)
        .bind(before)
        .fetch_all(&mut *conn)
        .await?;
        let settled = rows.iter().map(|row| row.get::<i64, _>("id")).collect();
        let Some(recipient) = mail_recipient(&mut conn, member).await? else {
            return Ok(Some(Digest { member_id: member, period: period.to_owned(), mail: None, settled }));
        };
        let mut items = Vec::new();
        for row in &rows {
            let kind = NotificationKind::parse(row.get("kind"));
            let wanted = MailTopic::of_kind(kind).is_some_and(|topic| {
                !matches!(recipient.preferences.delivery(topic), Delivery::Never | Delivery::Unknown)
            });
            if wanted && may_read_group(&mut conn, recipient.reader, row.get("group_id")).await? {
                items.push(NoticeItem {
                    kind,
                    title: row.get("title"),
                    excerpt: row.get("body"),
                    actor: row.get("actor_name"),
                    link: row.get("link"),
                });
            }
        }
        let mail = if items.is_empty() {
            None
        } else {
            let community = community_name(&mut conn).await?;
            Some(notices::daily_digest_mail(&self.mail_links, &community, &recipient.recipient(), &items))
        };
        Ok(Some(Digest { member_id: member, period: period.to_owned(), mail, settled }))
    }

    /// Members who get the weekly digest and switched it on before `week_end`.
    pub async fn weekly_digest_members(&self, week_end: &str) -> anyhow::Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT p.member_id FROM mail_preferences p JOIN members m ON m.id = p.member_id
             WHERE p.weekly_digest = 1 AND p.weekly_since < ? AND m.email_verified_at IS NOT NULL
               AND m.hidden_at IS NULL
             ORDER BY p.member_id",
        )
        .bind(week_end)
        .fetch_all(&mut *self.conn().await?)
        .await?)
    }

    /// The weekly digest of `member` for the week `[start, end)`, with the events of the two
    /// weeks after `now`, of what the member may read. `None` when sent already.
    pub async fn weekly_digest(
        &self,
        member: i64,
        period: &str,
        (start, end): (&str, &str),
        now: chrono::DateTime<chrono::Utc>,
    ) -> anyhow::Result<Option<Digest>> {
        let mut conn = self.conn().await?;
        if digest_done(&mut conn, member, period).await? {
            return Ok(None);
        }
        let done = |mail: Option<crate::db::NewMail>| -> anyhow::Result<Option<Digest>> {
            Ok(Some(Digest { member_id: member, period: period.to_owned(), mail, settled: Vec::new() }))
        };
        let Some(recipient) = mail_recipient(&mut conn, member).await? else { return done(None) };
        let reader = recipient.reader;
        let threads = sqlx::query(AssertSqlSafe(format!(
            "SELECT t.id, t.title, COUNT(r.id) AS replies FROM threads t
             JOIN spaces s ON s.id = t.space_id JOIN replies r ON r.thread_id = t.id
             WHERE t.deleted_at IS NULL AND t.hidden_at IS NULL AND s.hidden = 0 AND r.created_at >= ? AND r.created_at < ?
               AND {}
             GROUP BY t.id ORDER BY replies DESC, t.id DESC LIMIT ?",
            reader.visible("t.group_id")
        )))
        .bind(start)
        .bind(end)
        .bind(WEEKLY_LINES)
        .fetch_all(&mut *conn)
        .await?;
        let ideas = |condition: &str| {
            format!(
                "SELECT i.id, i.title FROM ideas i
                 WHERE i.hidden_at IS NULL AND i.merged_into IS NULL AND {condition} AND {}
                 ORDER BY i.vote_count DESC, i.id DESC LIMIT ?",
                reader.visible("i.group_id")
            )
        };
        let new_ideas = sqlx::query(AssertSqlSafe(ideas("i.created_at >= ? AND i.created_at < ?")))
            .bind(start)
            .bind(end)
            .bind(WEEKLY_LINES)
            .fetch_all(&mut *conn)
            .await?;
        let implemented = sqlx::query(AssertSqlSafe(ideas(
            "i.status = 'implemented' AND i.status_changed_at >= ? AND i.status_changed_at < ?",
        )))
        .bind(start)
        .bind(end)
        .bind(WEEKLY_LINES)
        .fetch_all(&mut *conn)
        .await?;
        let events = sqlx::query(AssertSqlSafe(format!(
            "SELECT e.id, e.title, e.starts_local, e.time_zone FROM events e
             WHERE e.cancelled_at IS NULL AND e.starts_at >= ? AND e.starts_at < ? AND {}
             ORDER BY e.starts_at, e.id LIMIT ?",
            reader.visible("e.group_id")
        )))
        .bind(clock::format(now))
        .bind(clock::format(now + chrono::Duration::days(14)))
        .bind(WEEKLY_LINES)
        .fetch_all(&mut *conn)
        .await?;
        let titled = |rows: &[sqlx::sqlite::SqliteRow], path: &str| -> Vec<(String, String)> {
            rows.iter().map(|row| (row.get("title"), format!("/{path}/{}", row.get::<i64, _>("id")))).collect()
        };
        let digest = WeeklyDigest {
            threads: threads
                .iter()
                .map(|row| (row.get("title"), row.get("replies"), format!("/threads/{}", row.get::<i64, _>("id"))))
                .collect(),
            new_ideas: titled(&new_ideas, "ideas"),
            implemented: titled(&implemented, "ideas"),
            events: events
                .iter()
                .map(|row| {
                    let when = format!(
                        "{} ({})",
                        row.get::<String, _>("starts_local").replace('T', " "),
                        row.get::<String, _>("time_zone")
                    );
                    (row.get("title"), when, format!("/events/{}", row.get::<i64, _>("id")))
                })
                .collect(),
        };
        if digest.is_empty() {
            return done(None);
        }
        let community = community_name(&mut conn).await?;
        done(Some(notices::weekly_digest_mail(&self.mail_links, &community, &recipient.recipient(), &digest)))
    }

    /// Records `digest` with its mail and settles its notifications, in one transaction;
    /// `false` (and nothing written) when its period was recorded meanwhile.
    pub async fn record_digest(&self, digest: &Digest) -> anyhow::Result<bool> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let recorded =
            sqlx::query("INSERT INTO digest_runs (member_id, period, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .bind(digest.member_id)
                .bind(&digest.period)
                .bind(clock::now())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if recorded == 0 {
            return Ok(false);
        }
        if let Some(mail) = &digest.mail {
            enqueue(&mut tx, mail, &self.mail_links.domain).await?;
        }
        for id in &digest.settled {
            sqlx::query("UPDATE notifications SET mail_state = ? WHERE id = ? AND mail_state = ?")
                .bind(DIGESTED)
                .bind(id)
                .bind(WAITS_FOR_DIGEST)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

async fn digest_done(conn: &mut sqlx::SqliteConnection, member: i64, period: &str) -> anyhow::Result<bool> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM digest_runs WHERE member_id = ? AND period = ?)")
        .bind(member)
        .bind(period)
        .fetch_one(&mut *conn)
        .await?)
}
