use chrono::{Duration, Utc};

use super::{Db, MemberRow};
use crate::{clock, tokens};

/// How long a session lasts without being used.
pub const SESSION_DAYS: i64 = 30;

pub struct SessionRow {
    pub member: MemberRow,
    pub csrf_token: String,
    /// When the member signed in (the session began).
    pub created_at: String,
}

impl Db {
    /// Starts a session in `user_agent`; returns the cookie's token (only its hash is stored) and
    /// the CSRF token.
    pub async fn create_session(&self, member_id: i64, user_agent: &str) -> anyhow::Result<(String, String)> {
        let mut connection = self.conn().await?;
        insert(&mut connection, member_id, user_agent).await
    }

    /// The live session behind a cookie token, if any.
    pub async fn session(&self, token: &str) -> anyhow::Result<Option<SessionRow>> {
        let row: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT member_id, csrf_token, created_at FROM sessions WHERE token_hash = ? AND expires_at > ?",
        )
        .bind(tokens::sha256_hex(token.as_bytes()))
        .bind(clock::now())
        .fetch_optional(&mut *self.conn().await?)
        .await?;
        let Some((member_id, csrf_token, created_at)) = row else {
            return Ok(None);
        };
        self.touch_session(&tokens::sha256_hex(token.as_bytes())).await?;
        Ok(self.member_by_id(member_id).await?.map(|member| SessionRow { member, csrf_token, created_at }))
    }

    pub async fn delete_session(&self, token: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(tokens::sha256_hex(token.as_bytes()))
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}

/// Inserts a session on `connection`; the cookie's token and the CSRF token.
pub(super) async fn insert(
    connection: &mut sqlx::SqliteConnection,
    member_id: i64,
    user_agent: &str,
) -> anyhow::Result<(String, String)> {
    let token = tokens::random_token(32);
    let csrf_token = tokens::random_token(24);
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at, user_agent, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(tokens::sha256_hex(token.as_bytes()))
    .bind(member_id)
    .bind(&csrf_token)
    .bind(clock::format(now))
    .bind(clock::format(now + Duration::days(SESSION_DAYS)))
    .bind(user_agent.chars().take(400).collect::<String>())
    .bind(clock::format(now))
    .execute(&mut *connection)
    .await?;
    Ok((token, csrf_token))
}
