//! The repository layer: every SQL statement lives under `db/`, written as runtime queries in
//! portable SQL where it can be, so the handlers never see SQLite.

pub mod accounts;
pub mod backup;
pub mod ballots;
mod charter;
mod community;
pub mod digests;
pub mod events;
pub mod groups;
pub mod ideas;
mod idempotency;
pub mod identities;
pub mod joining;
pub mod kb;
pub mod kpis;
pub mod mail;
pub mod mail_preferences;
mod media;
mod members;
mod moderation;
pub mod names;
pub mod notifications;
pub mod privacy;
pub mod profiles;
mod search;
mod sessions;
pub mod sign_in_settings;
pub mod surveys;
pub mod threads;
pub mod visibility;

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous, SqliteTransactionManager,
};
use sqlx::{Connection, Sqlite, SqliteConnection, SqlitePool, Transaction};
use sqlx_core::transaction::TransactionManager;
use tokio::sync::{Mutex, OwnedMutexGuard};

pub use accounts::{NewToken, SessionListing, TokenPurpose, TokenUse};
pub use idempotency::{Claim, StoredResponse};
pub use mail::{NewMail, QueuedMail};
pub use members::{MemberRow, NewMember};
pub use sessions::{SESSION_DAYS, SessionRow};

use crate::mail::MailLinks;
use crate::tokens;

/// One page of a list: the rows a statement fetched with `LIMIT limit + 1` (one more than the
/// page holds, to learn whether more follow without counting), cut to the page, and whether more
/// follow.
pub(crate) fn page_of<T>(mut rows: Vec<T>, limit: i64) -> (Vec<T>, bool) {
    let limit = usize::try_from(limit).unwrap_or(0);
    let more = rows.len() > limit;
    rows.truncate(limit);
    (rows, more)
}

#[derive(Clone)]
pub struct Db {
    pub(crate) pool: SqlitePool,
    /// What the mails queued with notifications link to (`Db::with_mail_links`).
    pub(crate) mail_links: Arc<MailLinks>,
}

/// How long a statement waits for another connection's write to finish before the request is
/// answered 503 with `Retry-After` (`http::error`).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema's migrations, compiled in; `Db::open` brings a database up to the newest.
static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The newest migration this server knows (a backup written by a newer one is refused).
pub fn newest_migration() -> i64 {
    MIGRATIONS.iter().map(|migration| migration.version).max().unwrap_or(0)
}

/// The one transaction of an idempotent request, shared by every statement its handler runs.
type RequestSlot = Arc<Mutex<RequestState>>;

/// Where an idempotent request's transaction is: begun by its first statement, so work before
/// it (decoding a picture) does not hold the write lock.
pub(crate) enum RequestState {
    NotStarted(SqlitePool),
    Open(Transaction<'static, Sqlite>),
    Closed,
}

tokio::task_local! {
    /// Set while an idempotent request runs (`http::idempotency`): its handler's statements and
    /// its stored answer commit together or not at all, so a crash, a dropped connection or a
    /// failed commit leaves nothing half done for the retry to trip over.
    static REQUEST_TRANSACTION: RequestSlot;
}

/// A connection for one statement or one transaction: from the pool, or the running request's
/// own transaction.
pub(crate) enum Conn {
    Pooled(PoolConnection<Sqlite>),
    Request(OwnedMutexGuard<RequestState>),
}

impl Deref for Conn {
    type Target = SqliteConnection;

    fn deref(&self) -> &SqliteConnection {
        match self {
            Conn::Pooled(connection) => connection,
            Conn::Request(state) => match &**state {
                RequestState::Open(transaction) => transaction,
                _ => unreachable!("Db::conn hands out open transactions only"),
            },
        }
    }
}

impl DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        match self {
            Conn::Pooled(connection) => connection,
            Conn::Request(state) => match &mut **state {
                RequestState::Open(transaction) => transaction,
                _ => unreachable!("Db::conn hands out open transactions only"),
            },
        }
    }
}

impl Conn {
    /// Starts a transaction that writes: `BEGIN IMMEDIATE` takes the write lock first, so a
    /// transaction never reads a snapshot another writer has since replaced (SQLite's
    /// `SQLITE_BUSY_SNAPSHOT`, which no waiting can fix); inside a request's transaction, a
    /// savepoint.
    pub(crate) async fn begin_write(&mut self) -> sqlx::Result<Transaction<'_, Sqlite>> {
        match self {
            Conn::Pooled(connection) => Connection::begin_with(&mut **connection, "BEGIN IMMEDIATE").await,
            Conn::Request(_) => Connection::begin(&mut **self).await,
        }
    }
}

/// An idempotent request's transaction: begun by its first statement, kept by `commit`, rolled
/// back when dropped.
pub struct RequestTransaction {
    slot: RequestSlot,
}

impl RequestTransaction {
    /// Runs `work` with every statement of this task inside the transaction.
    pub async fn scope<F: Future>(&self, work: F) -> F::Output {
        REQUEST_TRANSACTION.scope(self.slot.clone(), work).await
    }

    pub async fn commit(self) -> anyhow::Result<()> {
        let state = std::mem::replace(&mut *self.slot.lock().await, RequestState::Closed);
        if let RequestState::Open(transaction) = state {
            transaction.commit().await?;
        }
        Ok(())
    }
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
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            // A COMMIT that fails (a full disk) may leave SQLite and sqlx disagreeing on whether a
            // transaction is open; such a connection would refuse or wedge every later write, so
            // it is closed (which rolls back whatever it held) and the pool opens a fresh one.
            .after_release(|connection, _| {
                Box::pin(async move {
                    connection.ping().await?;
                    Ok(SqliteTransactionManager::get_transaction_depth(connection) == 0)
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("opening {}", path.display()))?;
        MIGRATIONS.run(&pool).await.context("migrating the database")?;
        let db = Db { pool, mail_links: Arc::new(MailLinks::new("http://127.0.0.1:8080", b"")) };
        let key = db.secret("mail_unsubscribe_key").await?;
        Ok(db.with_mail_links(MailLinks::new("http://127.0.0.1:8080", key.as_bytes())))
    }

    /// This database with mails linking to `links` (the server's public URL).
    pub fn with_mail_links(self, links: MailLinks) -> Db {
        Db { mail_links: Arc::new(links), ..self }
    }

    /// The unsubscribe key and the public URL of this server's mails.
    pub fn mail_links(&self) -> &MailLinks {
        &self.mail_links
    }

    /// A random secret made once per database and kept in `settings` under `key`.
    pub async fn secret(&self, key: &str) -> anyhow::Result<String> {
        let candidate = tokens::random_token(32);
        sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(&candidate)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_one(&mut *self.conn().await?)
            .await?)
    }

    /// A connection for the next statement: the running request's transaction if there is one
    /// (so the handler reads its own writes), else one from the pool.
    pub(crate) async fn conn(&self) -> anyhow::Result<Conn> {
        let Ok(slot) = REQUEST_TRANSACTION.try_with(Arc::clone) else {
            return Ok(Conn::Pooled(self.pool.acquire().await?));
        };
        // Never wait here: the holder is this same request, so waiting would never end.
        let mut state = slot
            .try_lock_owned()
            .map_err(|_| anyhow::anyhow!("a statement ran while another of the same request held its transaction"))?;
        if let RequestState::NotStarted(pool) = &*state {
            let transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
            *state = RequestState::Open(transaction);
        }
        anyhow::ensure!(matches!(*state, RequestState::Open(_)), "the request's transaction is already closed");
        Ok(Conn::Request(state))
    }

    /// The transaction an idempotent request runs in (`BEGIN IMMEDIATE` at its first statement).
    pub fn request_transaction(&self) -> RequestTransaction {
        RequestTransaction { slot: Arc::new(Mutex::new(RequestState::NotStarted(self.pool.clone()))) }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The key guest CSRF tokens come from, made once per database.
    pub async fn guest_csrf_token(&self) -> anyhow::Result<String> {
        let candidate = tokens::random_token(24);
        sqlx::query("INSERT INTO settings (key, value) VALUES ('guest_csrf_token', ?) ON CONFLICT (key) DO NOTHING")
            .bind(&candidate)
            .execute(&mut *self.conn().await?)
            .await?;
        let value: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'guest_csrf_token'")
            .fetch_one(&mut *self.conn().await?)
            .await?;
        Ok(value)
    }

    /// Drops sessions past their expiry, idempotency records older than a day, old mailed links
    /// and old delivered mail.
    pub async fn purge_expired(&self) -> anyhow::Result<()> {
        let now = crate::clock::now();
        sqlx::query("DELETE FROM sessions WHERE expires_at < ?").bind(&now).execute(&mut *self.conn().await?).await?;
        // Sign-ins that went to an identity provider and never came back.
        sqlx::query("DELETE FROM oidc_sign_ins WHERE expires_at < ?")
            .bind(&now)
            .execute(&mut *self.conn().await?)
            .await?;
        let day_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::hours(24));
        sqlx::query("DELETE FROM idempotency_keys WHERE created_at < ?")
            .bind(day_ago)
            .execute(&mut *self.conn().await?)
            .await?;
        // Mailed links a week past their expiry, and mail delivered a month ago, help nobody.
        let week_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::days(7));
        sqlx::query("DELETE FROM account_tokens WHERE expires_at < ?")
            .bind(week_ago)
            .execute(&mut *self.conn().await?)
            .await?;
        let month_ago = crate::clock::format(chrono::Utc::now() - chrono::Duration::days(30));
        sqlx::query("DELETE FROM mail_outbox WHERE state = 'sent' AND sent_at < ?")
            .bind(month_ago)
            .execute(&mut *self.conn().await?)
            .await?;
        Ok(())
    }
}
