use chrono::{Duration, Utc};

use super::Db;
use crate::clock;

/// The first answer to a key, as replayed.
pub struct StoredResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    fingerprint: String,
    status: Option<i64>,
    content_type: Option<String>,
    location: Option<String>,
    body: Option<Vec<u8>>,
}

/// What happened when a request tried to claim its key.
pub enum Claim {
    /// First use: run the request, then `finish_idempotency` or `release_idempotency`.
    Fresh,
    /// The same request ran before: replay this.
    Replay(StoredResponse),
    /// The first request with this key has not finished yet.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

impl Db {
    pub async fn claim_idempotency(&self, scope: &str, key: &str, fingerprint: &str) -> anyhow::Result<Claim> {
        let now = Utc::now();
        let expired_before = clock::format(now - Duration::hours(24));
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND created_at < ?")
            .bind(scope)
            .bind(key)
            .bind(&expired_before)
            .execute(&mut *tx)
            .await?;
        let inserted = sqlx::query(
            "INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (scope, key) DO NOTHING",
        )
        .bind(scope)
        .bind(key)
        .bind(fingerprint)
        .bind(clock::format(now))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let claim = if inserted == 1 {
            Claim::Fresh
        } else {
            let row: StoredRow = sqlx::query_as(
                "SELECT fingerprint, status, content_type, location, body FROM idempotency_keys
                 WHERE scope = ? AND key = ?",
            )
            .bind(scope)
            .bind(key)
            .fetch_one(&mut *tx)
            .await?;
            match row.status {
                _ if row.fingerprint != fingerprint => Claim::Mismatch,
                None => Claim::InProgress,
                Some(status) => Claim::Replay(StoredResponse {
                    status: status as u16,
                    content_type: row.content_type,
                    location: row.location,
                    body: row.body.unwrap_or_default(),
                }),
            }
        };
        tx.commit().await?;
        Ok(claim)
    }

    pub async fn finish_idempotency(&self, scope: &str, key: &str, response: &StoredResponse) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, body = ?
             WHERE scope = ? AND key = ?",
        )
        .bind(response.status as i64)
        .bind(&response.content_type)
        .bind(&response.location)
        .bind(&response.body)
        .bind(scope)
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets a claim whose request failed in a way worth retrying (5xx, 429).
    pub async fn release_idempotency(&self, scope: &str, key: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL")
            .bind(scope)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
