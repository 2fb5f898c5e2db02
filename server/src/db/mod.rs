//! The repository layer: every SQL statement lives under `db/`, written as runtime queries in
//! portable SQL where it can be, so the handlers never see SQLite.

pub mod accounts;
mod charter;
mod community;
pub mod events;
pub mod groups;
pub mod ideas;
mod idempotency;
pub mod kb;
pub mod kpis;
pub mod mail;
mod media;
mod members;
mod moderation;
pub mod notifications;
pub mod profiles;
mod search;
mod sessions;
pub mod surveys;
pub mod threads;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use accounts::{NewToken, SessionListing, TokenPurpose, TokenUse};
pub use idempotency::{Claim, StoredResponse};
pub use mail::{NewMail, QueuedMail};
pub use members::{MemberRow, NewMember};
pub use sessions::{SESSION_DAYS, SessionRow};

use crate::tokens;

#[derive(Clone)]
pub struct Db {
    pub(crate) pool: SqlitePool,
}

impl Db {
    /// Opens (creating if needed) the SQLite file and brings its schema up to date.
    pub async fn open(path: &Path) -> anyhow::Result<Db> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(15));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .with_context(|| format!("opening {}", path.display()))?;
        sqlx::migrate!("./migrations").run(&pool).await.context("migrating the database")?;
        Ok(Db { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The key guest CSRF tokens come from, made once per database.
    pub async fn guest_csrf_token(&self) -> anyhow::Result<String> {
        let candidate = tokens::random_token(24);
        sqlx::query("INSERT INTO settings (key, value) VALUES ('guest_csrf_token', ?) ON CONFLICT (key) DO NOTHING")
            .bind(&candidate)
            .execute(&self.pool)
            .await?;
        let value: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'guest_csrf_token'")
            .fetch_one(&self.pool)
            .await?;
        Ok(value)
    }

    /// Drops sessions past their expiry, idempotency records older than a day, old mailed links
    /// and old delivered mail.
    pub async fn purge_expired(&self) -> anyhow::Result<()> {
        let now = crate::clock::now();
        sqlx::query("DELETE FROM sessions WHERE expires_at < ?").bind(&now).execute(&self.pool).await?;
        let day_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::hours(24));
        sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?").bind(day_ago).execute(&self.pool).await?;
        // Mailed links a week past their expiry, and mail delivered a month ago, help nobody.
        let week_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::days(7));
        sqlx::query("DELETE FROM account_tokens WHERE expires_at < ?").bind(week_ago).execute(&self.pool).await?;
        let month_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::days(30));
        sqlx::query("DELETE FROM mail_outbox WHERE state = 'sent' AND sent_at < ?")
            .bind(month_ago)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
