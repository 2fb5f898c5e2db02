use veche_api::Locale;
use veche_api::auth::Account;
use veche_api::member::{Access, CommunityRole, MemberSummary};

use sqlx::AssertSqlSafe;

use super::Db;

/// A member as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub access: String,
    pub locale: String,
    pub position: Option<String>,
    pub company: Option<String>,
    pub avatar_url: Option<String>,
    pub reputation: i64,
    pub created_at: String,
    pub city: Option<String>,
    pub bio: String,
    pub show_votes: bool,
    /// When the member proved the address is theirs (a link mailed to it); `None`: not yet.
    pub email_verified_at: Option<String>,
    /// When the account was deleted; the row stays, anonymised, as the author of kept content.
    pub deleted_at: Option<String>,
}

impl MemberRow {
    pub fn access(&self) -> Access {
        Access::parse(&self.access)
    }

    pub fn summary(&self) -> MemberSummary {
        MemberSummary {
            id: self.id.to_string(),
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            avatar_url: self.avatar_url.clone(),
            role: CommunityRole::parse(&self.role),
            access: self.access(),
            reputation: self.reputation,
            position: self.position.clone(),
            company: self.company.clone(),
            former: self.deleted_at.is_some(),
        }
    }

    pub fn account(&self) -> Account {
        Account {
            member: self.summary(),
            email: self.email.clone(),
            locale: Locale::from_tag(&self.locale).unwrap_or_default(),
            email_verified: self.email_verified_at.is_some(),
            pending_email: None,
        }
    }
}

pub struct NewMember<'a> {
    pub handle: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub role: CommunityRole,
    pub access: Access,
    pub locale: Locale,
    pub position: Option<&'a str>,
    pub company: Option<&'a str>,
    pub created_at: &'a str,
}

impl<'a> NewMember<'a> {
    /// Someone joining: a plain member, no position or company yet.
    pub fn newcomer(
        handle: &'a str,
        display_name: &'a str,
        email: &'a str,
        password_hash: &'a str,
        locale: Locale,
        created_at: &'a str,
    ) -> Self {
        NewMember {
            handle,
            display_name,
            email,
            password_hash,
            role: CommunityRole::Member,
            access: Access::Member,
            locale,
            position: None,
            company: None,
            created_at,
        }
    }
}

pub(super) const MEMBER_COLUMNS: &str = "id, handle, display_name, email, password_hash, role, access, locale, \
                              position, company, avatar_url, reputation, created_at, city, bio, show_votes, \
                              email_verified_at, deleted_at";

/// `MEMBER_COLUMNS` of a joined table: `m.id, m.handle, …` for alias `m`.
pub(super) fn member_columns_of(alias: &str) -> String {
    MEMBER_COLUMNS.split(',').map(|column| format!("{alias}.{}", column.trim())).collect::<Vec<_>>().join(", ")
}

impl Db {
    /// Whether `name` looks like a staff member's or moderator's name (other than `except`'s),
    /// or like a community role (`validate::names::imitates`).
    pub async fn imitates_staff(&self, name: &str, except: Option<i64>) -> anyhow::Result<bool> {
        let staff: Vec<String> =
            sqlx::query_scalar("SELECT display_name FROM members WHERE access IN ('staff', 'moderator') AND id != ?")
                .bind(except.unwrap_or(0))
                .fetch_all(&mut *self.conn().await?)
                .await?;
        Ok(veche_api::validate::names::imitates(name, staff.iter().map(String::as_str)))
    }

    pub async fn member_by_id(&self, id: i64) -> anyhow::Result<Option<MemberRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!("SELECT {MEMBER_COLUMNS} FROM members WHERE id = ?")))
            .bind(id)
            .fetch_optional(&mut *self.conn().await?)
            .await?)
    }

    /// Finds a member by e-mail (any case) or handle.
    pub async fn member_by_login(&self, login: &str) -> anyhow::Result<Option<MemberRow>> {
        let login = login.trim();
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {MEMBER_COLUMNS} FROM members WHERE email = ? COLLATE NOCASE OR handle = lower(?)"
        )))
        .bind(login)
        .bind(login)
        .fetch_optional(&mut *self.conn().await?)
        .await?)
    }

    /// Which of `handle` and `email` are already in use.
    pub async fn taken(&self, handle: &str, email: &str) -> anyhow::Result<(bool, bool)> {
        // A registration waiting for approval holds its handle and address too.
        let handle_taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM members WHERE handle = ?)
                 OR EXISTS (SELECT 1 FROM registration_requests WHERE handle = ?)",
        )
        .bind(handle)
        .bind(handle)
        .fetch_one(&mut *self.conn().await?)
        .await?;
        let email_taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM members WHERE email = ? COLLATE NOCASE)
                 OR EXISTS (SELECT 1 FROM registration_requests WHERE email = ? COLLATE NOCASE)",
        )
        .bind(email.trim())
        .bind(email.trim())
        .fetch_one(&mut *self.conn().await?)
        .await?;
        Ok((handle_taken, email_taken))
    }

    /// Inserts a member; `None` when the handle or e-mail was taken in the meantime.
    pub async fn insert_member(&self, member: &NewMember<'_>) -> anyhow::Result<Option<MemberRow>> {
        // The connection goes back before the next Db call (inside a request it is the same one).
        let id = {
            let mut connection = self.conn().await?;
            insert(&mut connection, member).await?
        };
        match id {
            Some(id) => self.member_by_id(id).await,
            None => Ok(None),
        }
    }

    pub async fn set_member_locale(&self, id: i64, locale: Locale) -> anyhow::Result<()> {
        sqlx::query("UPDATE members SET locale = ? WHERE id = ?")
            .bind(locale.tag())
            .bind(id)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }

    pub async fn member_count(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM members WHERE deleted_at IS NULL")
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }
}

/// Inserts a member on `connection` (inside the caller's transaction, if any); the new id, or
/// `None` when the handle or e-mail is taken.
pub(super) async fn insert(
    connection: &mut sqlx::SqliteConnection,
    member: &NewMember<'_>,
) -> anyhow::Result<Option<i64>> {
    let result = sqlx::query(
        "INSERT INTO members (handle, display_name, email, password_hash, role, access, locale,
                              position, company, charter_accepted_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(member.handle)
    .bind(member.display_name.trim())
    .bind(member.email.trim())
    .bind(member.password_hash)
    .bind(member.role.as_str())
    .bind(member.access.as_str())
    .bind(member.locale.tag())
    .bind(member.position)
    .bind(member.company)
    .bind(member.created_at)
    .bind(member.created_at)
    .execute(&mut *connection)
    .await;
    match result {
        Ok(done) => Ok(Some(done.last_insert_rowid())),
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(None),
        Err(error) => Err(error.into()),
    }
}
