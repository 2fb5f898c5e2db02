//! Accounts by mail: links that confirm an address or reset a password (single use, expiring),
//! written together with the mails that carry them; and the member's list of sessions.

use chrono::{Duration, Utc};
use sqlx::AssertSqlSafe;

use super::mail::{NewMail, enqueue};
use super::members::MEMBER_COLUMNS;
use super::{Db, MemberRow, NewMember};
use crate::{clock, tokens};

/// What a mailed link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ChangeEmail,
    ResetPassword,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ChangeEmail => "change_email",
            TokenPurpose::ResetPassword => "reset_password",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [TokenPurpose::VerifyEmail, TokenPurpose::ChangeEmail, TokenPurpose::ResetPassword]
            .into_iter()
            .find(|purpose| purpose.as_str() == text)
    }
}

/// A link to mail: the secret goes into the mail, only its hash into the database.
pub struct NewToken<'a> {
    pub secret: &'a str,
    pub purpose: TokenPurpose,
    /// The address the link goes to (the new one when changing the address).
    pub email: &'a str,
    pub lifetime: Duration,
}

/// What a link turned out to be when it was used.
#[derive(Debug, PartialEq, Eq)]
pub enum TokenUse {
    /// Valid, and now used up.
    Used {
        member_id: i64,
        purpose: TokenPurpose,
        email: String,
    },
    Expired,
    AlreadyUsed,
    /// No such link (mistyped or forged), or one for another purpose.
    Unknown,
}

/// A session as "your sessions" lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionListing {
    pub id: String,
    pub user_agent: String,
    pub created_at: String,
    pub last_seen_at: String,
    pub token_hash: String,
}

/// How often a session's "last seen" is written: not on every request.
const LAST_SEEN_EVERY_MINUTES: i64 = 5;

async fn insert_token(
    connection: &mut sqlx::SqliteConnection,
    member_id: i64,
    token: &NewToken<'_>,
) -> anyhow::Result<()> {
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, member_id, purpose, email, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(tokens::sha256_hex(token.secret.as_bytes()))
    .bind(member_id)
    .bind(token.purpose.as_str())
    .bind(token.email)
    .bind(clock::format(now))
    .bind(clock::format(now + token.lifetime))
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// Inserts a member on `connection` with the link that confirms their address and the mail
/// carrying it (inside the caller's transaction); the new id, or `None` when the handle or
/// e-mail is taken.
pub(super) async fn insert_member_with_link(
    connection: &mut sqlx::SqliteConnection,
    member: &NewMember<'_>,
    token: &NewToken<'_>,
    mail: &NewMail,
    mail_domain: &str,
) -> anyhow::Result<Option<i64>> {
    let Some(id) = super::members::insert(&mut *connection, member).await? else {
        return Ok(None);
    };
    insert_token(&mut *connection, id, token).await?;
    enqueue(&mut *connection, mail, mail_domain).await?;
    Ok(Some(id))
}

impl Db {
    /// Inserts a member with the link that confirms their address and the mail carrying it, in
    /// one transaction; `None` when the handle or e-mail was taken in the meantime.
    pub async fn insert_member_with_mail(
        &self,
        member: &NewMember<'_>,
        token: &NewToken<'_>,
        mail: &NewMail,
        mail_domain: &str,
    ) -> anyhow::Result<Option<MemberRow>> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let Some(id) = insert_member_with_link(&mut tx, member, token, mail, mail_domain).await? else {
            return Ok(None);
        };
        tx.commit().await?;
        drop(conn);
        self.member_by_id(id).await
    }

    /// Stores a link for `member_id` and queues the mails that go with it, in one transaction.
    pub async fn create_token_with_mail(
        &self,
        member_id: i64,
        token: &NewToken<'_>,
        mails: &[NewMail],
        mail_domain: &str,
    ) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        insert_token(&mut tx, member_id, token).await?;
        for mail in mails {
            enqueue(&mut tx, mail, mail_domain).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many links for `purpose` were made for the member in the last `window`.
    pub async fn recent_tokens(&self, member_id: i64, purpose: TokenPurpose, window: Duration) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM account_tokens WHERE member_id = ? AND purpose = ? AND created_at > ?",
        )
        .bind(member_id)
        .bind(purpose.as_str())
        .bind(clock::format(Utc::now() - window))
        .fetch_one(&mut *self.conn().await?)
        .await?)
    }

    /// Uses an address link (`verify_email` or `change_email`): the member's address becomes the
    /// link's and counts as confirmed. A new address taken by someone else meanwhile is `Err`
    /// with `AddressTaken`, and the link stays unused.
    pub async fn confirm_email(&self, secret: &str) -> anyhow::Result<Result<TokenUse, AddressTaken>> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let outcome = use_token(&mut tx, secret, &[TokenPurpose::VerifyEmail, TokenPurpose::ChangeEmail]).await?;
        if let TokenUse::Used { member_id, email, .. } = &outcome {
            let updated = sqlx::query(
                "UPDATE members SET email = ?, email_verified_at = COALESCE(CASE WHEN email = ? COLLATE NOCASE
                 THEN email_verified_at END, ?) WHERE id = ?",
            )
            .bind(email)
            .bind(email)
            .bind(clock::now())
            .bind(member_id)
            .execute(&mut *tx)
            .await;
            match updated {
                Err(sqlx::Error::Database(error)) if error.is_unique_violation() => return Ok(Err(AddressTaken)),
                other => {
                    other?;
                }
            }
            // Other pending links for the old address are void now.
            sqlx::query(
                "UPDATE account_tokens SET used_at = ? WHERE member_id = ? AND used_at IS NULL
                 AND purpose IN ('verify_email', 'change_email')",
            )
            .bind(clock::now())
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Ok(outcome))
    }

    /// Uses a reset link: the new password, the address confirmed (the link reached it), every
    /// session of the member ended and one new one started for this browser, in one transaction.
    /// Returns the use and, when it was valid, the new session's cookie token and CSRF token.
    pub async fn reset_password(
        &self,
        secret: &str,
        password_hash: &str,
        user_agent: &str,
    ) -> anyhow::Result<(TokenUse, Option<(i64, String, String)>)> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let outcome = use_token(&mut tx, secret, &[TokenPurpose::ResetPassword]).await?;
        let TokenUse::Used { member_id, .. } = &outcome else {
            tx.commit().await?;
            return Ok((outcome, None));
        };
        let member_id = *member_id;
        let now = clock::now();
        sqlx::query(
            "UPDATE members SET password_hash = ?, email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?",
        )
        .bind(password_hash)
        .bind(&now)
        .bind(member_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE account_tokens SET used_at = ? WHERE member_id = ? AND purpose = 'reset_password' AND used_at IS NULL")
            .bind(&now)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE member_id = ?").bind(member_id).execute(&mut *tx).await?;
        let (token, csrf) = super::sessions::insert(&mut tx, member_id, user_agent).await?;
        tx.commit().await?;
        Ok((outcome, Some((member_id, token, csrf))))
    }

    /// Sets a new password and ends every session of the member but `keep_token`'s.
    pub async fn change_password(&self, member_id: i64, password_hash: &str, keep_token: &str) -> anyhow::Result<()> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query("UPDATE members SET password_hash = ? WHERE id = ?")
            .bind(password_hash)
            .bind(member_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE member_id = ? AND token_hash <> ?")
            .bind(member_id)
            .bind(tokens::sha256_hex(keep_token.as_bytes()))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The address a change waits to be confirmed at: the newest unused, unexpired link's.
    pub async fn pending_email(&self, member_id: i64) -> anyhow::Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT email FROM account_tokens WHERE member_id = ? AND purpose = 'change_email'
             AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT 1",
        )
        .bind(member_id)
        .bind(clock::now())
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    pub async fn member_by_email(&self, email: &str) -> anyhow::Result<Option<MemberRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE email = ? COLLATE NOCASE"
        )))
        .bind(email.trim())
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    pub async fn mark_email_verified(&self, member_id: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET email_verified_at = COALESCE(email_verified_at, created_at) WHERE id = ?")
            .bind(member_id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    /// The member's live sessions, the most recently used first.
    pub async fn sessions_of(&self, member_id: i64) -> anyhow::Result<Vec<SessionListing>> {
        Ok(sqlx::query_as(
            "SELECT substr(token_hash, 1, 16) AS id, user_agent, created_at,
                    COALESCE(last_seen_at, created_at) AS last_seen_at, token_hash
             FROM sessions WHERE member_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(member_id)
        .bind(clock::now())
        .fetch_all(&mut *self.conn().await?)
        .await?)
    }

    /// Ends every session of the member except the one behind `keep_token`; returns how many.
    pub async fn end_other_sessions(&self, member_id: i64, keep_token: &str) -> anyhow::Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE member_id = ? AND token_hash <> ?")
            .bind(member_id)
            .bind(tokens::sha256_hex(keep_token.as_bytes()))
            .execute(&mut *self.conn().await?)
            .await?
            .rows_affected())
    }

    /// Records that a session was used now, at most every few minutes per session.
    pub(super) async fn touch_session(&self, token_hash: &str) -> anyhow::Result<()> {
        let stale_before = clock::format(Utc::now() - Duration::minutes(LAST_SEEN_EVERY_MINUTES));
        sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND COALESCE(last_seen_at, '') < ?")
            .bind(clock::now())
            .bind(token_hash)
            .bind(stale_before)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}

/// The new address belongs to another member by now.
#[derive(Debug, PartialEq, Eq)]
pub struct AddressTaken;

/// Marks a link used if it is valid for one of `purposes`; otherwise says why it is not.
async fn use_token(
    connection: &mut sqlx::SqliteConnection,
    secret: &str,
    purposes: &[TokenPurpose],
) -> anyhow::Result<TokenUse> {
    let hash = tokens::sha256_hex(secret.as_bytes());
    let row: Option<(i64, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT member_id, purpose, email, expires_at, used_at FROM account_tokens WHERE token_hash = ?",
    )
    .bind(&hash)
    .fetch_optional(&mut *connection)
    .await?;
    let Some((member_id, purpose, email, expires_at, used_at)) = row else {
        return Ok(TokenUse::Unknown);
    };
    let Some(purpose) = TokenPurpose::parse(&purpose).filter(|p| purposes.contains(p)) else {
        return Ok(TokenUse::Unknown);
    };
    if used_at.is_some() {
        return Ok(TokenUse::AlreadyUsed);
    }
    let now = clock::now();
    if expires_at <= now {
        return Ok(TokenUse::Expired);
    }
    // The condition on `used_at` makes two uses at once race safely: one of them updates nothing.
    let used = sqlx::query("UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
        .bind(&now)
        .bind(&hash)
        .execute(&mut *connection)
        .await?
        .rows_affected();
    Ok(if used == 1 { TokenUse::Used { member_id, purpose, email } } else { TokenUse::AlreadyUsed })
}
