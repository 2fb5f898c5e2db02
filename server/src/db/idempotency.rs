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

/// What the store knows about a key.
pub enum Claim {
    /// Nothing (or only a claim an older version left behind): run the request.
    Fresh,
    /// The same request ran before: replay this.
    Replay(StoredResponse),
    /// The key was used for a different request.
    Mismatch,
}

impl Db {
    /// Looks a key up before the request runs (this process runs one request per key at a time:
    /// `http::idempotency::InFlight`).
    pub async fn idempotent_answer(&self, scope: &str, key: &str, fingerprint: &str) -> anyhow::Result<Claim> {
        let expired_before = clock::format(Utc::now() - Duration::hours(24));
        // A row without an answer is a claim an older version committed before its handler ran:
        // its owner is gone (this version never commits a claim alone), so it is forgotten.
        sqlx::query("DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND (created_at < ? OR status IS NULL)")
            .bind(scope)
            .bind(key)
            .bind(&expired_before)
            .execute(&mut *self.conn().await?)
            .await?;
        let row: Option<StoredRow> = sqlx::query_as(
            "SELECT fingerprint, status, content_type, location, body FROM idempotency_keys WHERE scope = ? AND key = ?",
        )
        .bind(scope)
        .bind(key)
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        Ok(match row {
            None => Claim::Fresh,
            Some(row) if row.fingerprint != fingerprint => Claim::Mismatch,
            Some(row) => Claim::Replay(StoredResponse {
                status: row.status.unwrap_or(500) as u16,
                content_type: row.content_type,
                location: row.location,
                body: row.body.unwrap_or_default(),
            }),
        })
    }

    /// Keeps the answer for replay, in the same transaction as the handler's writes.
    pub async fn store_idempotent_answer(
        &self,
        scope: &str,
        key: &str,
        fingerprint: &str,
        response: &StoredResponse,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO idempotency_keys (scope, key, fingerprint, created_at, status, content_type, location, body)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(scope)
        .bind(key)
        .bind(fingerprint)
        .bind(clock::now())
        .bind(response.status as i64)
        .bind(&response.content_type)
        .bind(&response.location)
        .bind(&response.body)
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }
}
