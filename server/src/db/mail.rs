//! The mail queue: rows written in the transaction of what caused them, claimed one at a time by
//! the sender (`queued` → `sending` → `sent`, or back to `queued` with a later attempt).

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Db;
use crate::{clock, tokens};

pub use crate::mail::NewMail;

/// A mail the sender has claimed.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub message_id: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub attempts: i64,
    pub created_at: String,
    pub list_unsubscribe: Option<String>,
}

/// Writes `mail` into the queue on `connection`, so it commits or rolls back with the caller's
/// transaction. `domain` is the right-hand side of its Message-ID.
pub(super) async fn enqueue(connection: &mut SqliteConnection, mail: &NewMail, domain: &str) -> anyhow::Result<()> {
    let now = clock::now();
    sqlx::query(
        "INSERT INTO mail_outbox (message_id, recipient, subject, text_body, html_body, list_unsubscribe,
                                  next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(format!("<{}@{domain}>", tokens::random_token(18)))
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.text_body)
    .bind(&mail.html_body)
    .bind(&mail.list_unsubscribe)
    .bind(&now)
    .bind(&now)
    .execute(&mut *connection)
    .await?;
    Ok(())
}

impl Db {
    /// Claims the next mail that is due, if any: it is `sending` (and its attempt counted) once
    /// this returns, so no other sender takes it.
    pub async fn claim_due_mail(&self) -> anyhow::Result<Option<QueuedMail>> {
        loop {
            let now = clock::now();
            let next: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM mail_outbox WHERE state = 'queued' AND next_attempt_at <= ?
                 ORDER BY next_attempt_at, id LIMIT 1",
            )
            .bind(&now)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
            let Some(id) = next else { return Ok(None) };
            let claimed: Option<QueuedMail> = sqlx::query_as(
                "UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1
                 WHERE id = ? AND state = 'queued'
                 RETURNING id, message_id, recipient, subject, text_body, html_body, attempts, created_at,
                           list_unsubscribe",
            )
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?;
            if claimed.is_some() {
                return Ok(claimed);
            }
            // Another sender took it between the two statements: look again.
        }
    }

    pub async fn mark_mail_sent(&self, id: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE mail_outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")
            .bind(clock::now())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Puts a mail back in the queue for another attempt at `next_attempt`.
    pub async fn retry_mail_later(&self, id: i64, next_attempt: DateTime<Utc>, error: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE mail_outbox SET state = 'queued', next_attempt_at = ?, last_error = ? WHERE id = ?")
            .bind(clock::format(next_attempt))
            .bind(error)
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// Gives up on a mail the server refused for good (a permanent SMTP error).
    pub async fn mark_mail_failed(&self, id: i64, error: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE mail_outbox SET state = 'failed', last_error = ? WHERE id = ?")
            .bind(error)
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// After a crash: mails left `sending` go back to the queue (sent again with their own
    /// Message-ID). Returns how many.
    pub async fn requeue_interrupted_mail(&self) -> anyhow::Result<u64> {
        Ok(sqlx::query("UPDATE mail_outbox SET state = 'queued' WHERE state = 'sending'")
            .execute(&mut *self.conn().await?)
            .await?
            .rows_affected())
    }

    /// When the earliest queued mail is due, if any is queued.
    pub async fn next_mail_due(&self) -> anyhow::Result<Option<DateTime<Utc>>> {
        let next: Option<String> =
            sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM mail_outbox WHERE state = 'queued'")
                .fetch_one(&mut *self.conn().await?)
                .await?;
        Ok(next.as_deref().and_then(clock::parse))
    }

    /// Queues one mail on its own (nothing else to commit with it).
    pub async fn enqueue_mail(&self, mail: &NewMail, domain: &str) -> anyhow::Result<()> {
        let mut connection = self.conn().await?;
        enqueue(&mut connection, mail, domain).await
    }

    /// The queue's rows by state, for tests and the log: (queued, sending, sent, failed).
    pub async fn mail_counts(&self) -> anyhow::Result<(i64, i64, i64, i64)> {
        Ok(sqlx::query_as(
            "SELECT COALESCE(SUM(state = 'queued'), 0), COALESCE(SUM(state = 'sending'), 0),
                    COALESCE(SUM(state = 'sent'), 0), COALESCE(SUM(state = 'failed'), 0) FROM mail_outbox",
        )
        .fetch_one(&mut *self.conn().await?)
        .await?)
    }
}
