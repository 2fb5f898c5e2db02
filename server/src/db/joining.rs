//! Who may join: invitations staff mail (single-use, expiring links), and registrations that
//! wait for staff approval, each written together with the mail it causes.

use chrono::{Duration, Utc};
use veche_api::community::PendingRegistration;

use super::accounts::{NewToken, insert_member_with_link};
use super::mail::{NewMail, enqueue};
use super::{Db, MemberRow, NewMember};
use crate::{clock, tokens};

/// What an invitation link turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum InvitationUse {
    /// Valid for this address; the member was inserted and the invitation is used up.
    Joined(i64),
    /// Valid, but the registration's address is another one.
    OtherAddress,
    Expired,
    AlreadyUsed,
    Unknown,
    /// The handle or e-mail was taken in the meantime.
    Taken,
}

/// A registration asking for approval, as stored.
pub struct NewRegistration<'a> {
    pub handle: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub locale: veche_api::Locale,
}

/// A waiting registration with what approving it needs.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RegistrationRow {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub password_hash: String,
    pub locale: String,
    pub created_at: String,
}

impl RegistrationRow {
    pub fn listing(&self) -> PendingRegistration {
        PendingRegistration {
            id: self.id.to_string(),
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            email: self.email.clone(),
            created_at: self.created_at.clone(),
        }
    }
}

const REGISTRATION_COLUMNS: &str = "id, handle, display_name, email, password_hash, locale, created_at";

impl Db {
    /// Stores an invitation to `email` (the link's secret only as a hash) with the mail that
    /// carries it, in one transaction; answers when it expires.
    pub async fn create_invitation(
        &self,
        secret: &str,
        email: &str,
        invited_by: i64,
        lifetime: Duration,
        mail: &NewMail,
        mail_domain: &str,
    ) -> anyhow::Result<String> {
        let now = Utc::now();
        let expires_at = clock::format(now + lifetime);
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, email, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(tokens::sha256_hex(secret.as_bytes()))
        .bind(email.trim())
        .bind(invited_by)
        .bind(clock::format(now))
        .bind(&expires_at)
        .execute(&mut *tx)
        .await?;
        enqueue(&mut tx, mail, mail_domain).await?;
        tx.commit().await?;
        Ok(expires_at)
    }

    /// How many invitations `member_id` sent in the last `window`.
    pub async fn recent_invitations(&self, member_id: i64, window: Duration) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM invitations WHERE invited_by = ? AND created_at > ?")
            .bind(member_id)
            .bind(clock::format(Utc::now() - window))
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }

    /// Joins through an invitation: the invitation used up and the member inserted with the
    /// address counted as confirmed (the invitation reached it), in one transaction.
    pub async fn join_by_invitation(&self, secret: &str, member: &NewMember<'_>) -> anyhow::Result<InvitationUse> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let hash = tokens::sha256_hex(secret.as_bytes());
        let row: Option<(String, String, Option<String>)> =
            sqlx::query_as("SELECT email, expires_at, used_at FROM invitations WHERE token_hash = ?")
                .bind(&hash)
                .fetch_optional(&mut *tx)
                .await?;
        let now = clock::now();
        let outcome = match row {
            None => InvitationUse::Unknown,
            Some((_, _, Some(_))) => InvitationUse::AlreadyUsed,
            Some((_, expires_at, None)) if expires_at <= now => InvitationUse::Expired,
            Some((email, _, None)) if !email.eq_ignore_ascii_case(member.email.trim()) => InvitationUse::OtherAddress,
            Some(_) => {
                // The condition on `used_at` makes two uses at once race safely.
                let used = sqlx::query("UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                    .bind(&now)
                    .bind(&hash)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if used != 1 {
                    InvitationUse::AlreadyUsed
                } else {
                    match super::members::insert(&mut tx, member).await? {
                        Some(id) => {
                            sqlx::query("UPDATE members SET email_verified_at = ? WHERE id = ?")
                                .bind(&now)
                                .bind(id)
                                .execute(&mut *tx)
                                .await?;
                            InvitationUse::Joined(id)
                        }
                        None => InvitationUse::Taken,
                    }
                }
            }
        };
        if matches!(outcome, InvitationUse::Joined(_)) {
            tx.commit().await?;
        }
        Ok(outcome)
    }

    /// Puts a registration in the approval queue; `false` when its handle or address was taken
    /// in the meantime.
    pub async fn request_registration(&self, registration: &NewRegistration<'_>) -> anyhow::Result<bool> {
        let result = sqlx::query(
            "INSERT INTO registration_requests (handle, display_name, email, password_hash, locale, created_at)
             SELECT ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (SELECT 1 FROM members WHERE handle = ? OR email = ? COLLATE NOCASE)",
        )
        .bind(registration.handle)
        .bind(registration.display_name.trim())
        .bind(registration.email.trim())
        .bind(registration.password_hash)
        .bind(registration.locale.tag())
        .bind(clock::now())
        .bind(registration.handle)
        .bind(registration.email.trim())
        .execute(&mut *self.conn().await?)
        .await;
        match result {
            Ok(done) => Ok(done.rows_affected() == 1),
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// The approval queue, oldest first, after the request `after` (its id).
    pub async fn pending_registrations(&self, after: i64, limit: i64) -> anyhow::Result<Vec<RegistrationRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {REGISTRATION_COLUMNS} FROM registration_requests WHERE id > ? ORDER BY id LIMIT ?"
        )))
        .bind(after)
        .bind(limit)
        .fetch_all(&mut *self.conn().await?)
        .await?)
    }

    /// A waiting registration by its handle or address (signing in before approval).
    pub async fn pending_registration_by_login(&self, login: &str) -> anyhow::Result<Option<RegistrationRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {REGISTRATION_COLUMNS} FROM registration_requests WHERE handle = ? OR email = ? COLLATE NOCASE"
        )))
        .bind(login.trim())
        .bind(login.trim())
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    pub async fn pending_registration(&self, id: i64) -> anyhow::Result<Option<RegistrationRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {REGISTRATION_COLUMNS} FROM registration_requests WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    /// Approves a registration: it becomes a member, with a link that confirms the address,
    /// and the mail that says so, in one transaction. `None` when it was decided meanwhile (or
    /// its handle or address was taken).
    pub async fn approve_registration(
        &self,
        registration: &RegistrationRow,
        member: &NewMember<'_>,
        token: &NewToken<'_>,
        mail: &NewMail,
        mail_domain: &str,
    ) -> anyhow::Result<Option<MemberRow>> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let removed = sqlx::query("DELETE FROM registration_requests WHERE id = ?")
            .bind(registration.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed != 1 {
            return Ok(None);
        }
        let Some(id) = insert_member_with_link(&mut tx, member, token, mail, mail_domain).await? else {
            return Ok(None);
        };
        tx.commit().await?;
        drop(conn);
        self.member_by_id(id).await
    }

    /// Declines a registration: it is forgotten, and the mail that says so queued, in one
    /// transaction; `false` when it was decided meanwhile.
    pub async fn decline_registration(&self, id: i64, mail: &NewMail, mail_domain: &str) -> anyhow::Result<bool> {
        let mut conn = self.conn().await?;
        let mut tx = conn.begin_write().await?;
        let removed = sqlx::query("DELETE FROM registration_requests WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed != 1 {
            return Ok(false);
        }
        enqueue(&mut tx, mail, mail_domain).await?;
        tx.commit().await?;
        Ok(true)
    }
}
