//! Sign-in through an identity provider: the sign-ins on their way through the provider, and
//! which provider account (issuer, subject) is which member.

use chrono::{Duration, Utc};

use super::{Db, MemberRow, NewMember};
use crate::{clock, tokens};

/// A sign-in started here and not yet back from the provider.
pub struct PendingSignIn {
    pub provider: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next: String,
}

/// What finishing a sign-in found: the sign-in, or why there is none.
pub enum SignInLookup {
    Found(PendingSignIn),
    /// No such state, already used, or started in another browser.
    Unknown,
    /// Started too long ago.
    Expired,
}

/// How long a member may take at the provider.
pub fn sign_in_lifetime() -> Duration {
    Duration::minutes(10)
}

impl Db {
    /// Remembers a sign-in going to the provider: `state` and `browser` are stored as hashes.
    pub async fn start_sign_in(&self, state: &str, browser: &str, pending: &PendingSignIn) -> anyhow::Result<()> {
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO oidc_sign_ins (state_hash, browser_hash, provider, nonce, pkce_verifier, next, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(tokens::sha256_hex(state.as_bytes()))
        .bind(tokens::sha256_hex(browser.as_bytes()))
        .bind(&pending.provider)
        .bind(&pending.nonce)
        .bind(&pending.pkce_verifier)
        .bind(&pending.next)
        .bind(clock::format(now))
        .bind(clock::format(now + sign_in_lifetime()))
        .execute(&mut *self.conn().await?)
        .await?;
        Ok(())
    }

    /// Takes the sign-in with `state` out (it can be finished once), if `browser` started it.
    pub async fn take_sign_in(&self, state: &str, browser: Option<&str>) -> anyhow::Result<SignInLookup> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let row: Option<(String, String, String, String, String, String)> = sqlx::query_as(
            "DELETE FROM oidc_sign_ins WHERE state_hash = ?
             RETURNING browser_hash, provider, nonce, pkce_verifier, next, expires_at",
        )
        .bind(tokens::sha256_hex(state.as_bytes()))
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        let Some((browser_hash, provider, nonce, pkce_verifier, next, expires_at)) = row else {
            return Ok(SignInLookup::Unknown);
        };
        if browser.map(|browser| tokens::sha256_hex(browser.as_bytes())) != Some(browser_hash) {
            return Ok(SignInLookup::Unknown);
        }
        if expires_at <= clock::now() {
            return Ok(SignInLookup::Expired);
        }
        Ok(SignInLookup::Found(PendingSignIn { provider, nonce, pkce_verifier, next }))
    }

    /// The member a provider account signs in as, noting the use.
    pub async fn member_by_identity(&self, issuer: &str, subject: &str) -> anyhow::Result<Option<MemberRow>> {
        let member_id: Option<i64> = {
            let mut conn = self.conn().await?;
            sqlx::query_scalar(
                "UPDATE member_identities SET last_used_at = ? WHERE issuer = ? AND subject = ? RETURNING member_id",
            )
            .bind(clock::now())
            .bind(issuer)
            .bind(subject)
            .fetch_optional(&mut *conn)
            .await?
        };
        match member_id {
            Some(id) => self.member_by_id(id).await,
            None => Ok(None),
        }
    }

    /// Links a provider account to an existing member (whose address the provider confirmed);
    /// the member's address counts as confirmed from now on.
    pub async fn link_identity(&self, member_id: i64, issuer: &str, subject: &str, email: &str) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        insert_identity(&mut tx, member_id, issuer, subject, email).await?;
        sqlx::query("UPDATE members SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?")
            .bind(clock::now())
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A new member from a provider account, its address confirmed by the provider, linked in
    /// the same transaction; `None` when the handle or address is taken.
    pub async fn insert_member_with_identity(
        &self,
        member: &NewMember<'_>,
        issuer: &str,
        subject: &str,
    ) -> anyhow::Result<Option<MemberRow>> {
        let id = {
            let mut conn = self.conn().await?;
            let mut tx = conn.begin_write().await?;
            let Some(id) = super::members::insert(&mut tx, member).await? else {
                return Ok(None);
            };
            insert_identity(&mut tx, id, issuer, subject, member.email).await?;
            sqlx::query("UPDATE members SET email_verified_at = created_at WHERE id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            id
        };
        self.member_by_id(id).await
    }
}

async fn insert_identity(
    connection: &mut sqlx::SqliteConnection,
    member_id: i64,
    issuer: &str,
    subject: &str,
    email: &str,
) -> anyhow::Result<()> {
    let now = clock::now();
    sqlx::query(
        "INSERT INTO member_identities (issuer, subject, member_id, email, created_at, last_used_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (issuer, subject) DO NOTHING",
    )
    .bind(issuer)
    .bind(subject)
    .bind(member_id)
    .bind(email)
    .bind(&now)
    .bind(&now)
    .execute(connection)
    .await?;
    Ok(())
}
