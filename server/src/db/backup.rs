//! The SQL of `veche-server backup` and `restore` (see `crate::backup`): SQLite's `VACUUM INTO`
//! writes a consistent copy of a database that servers are using (one read transaction's
//! snapshot, the write-ahead log included), and a copy is checked before it replaces anything.

use std::path::Path;
use std::str::FromStr;

use anyhow::{Context, bail};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use super::BUSY_TIMEOUT;

/// What a check found in a database file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The newest migration applied to it.
    pub schema: i64,
}

/// Opens an existing database file (never creating one), read-only when asked.
pub async fn open_existing(path: &Path, read_only: bool) -> anyhow::Result<SqliteConnection> {
    if !path.is_file() {
        bail!("{} is not a file", path.display());
    }
    SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .read_only(read_only)
        .busy_timeout(BUSY_TIMEOUT)
        .connect()
        .await
        .with_context(|| format!("opening {}", path.display()))
}

/// Writes a consistent copy of the database `conn` reads to `file` (which must not exist).
pub async fn copy_into(conn: &mut SqliteConnection, file: &Path) -> anyhow::Result<()> {
    let target = file.to_str().with_context(|| format!("{} is not a UTF-8 path", file.display()))?;
    sqlx::query("VACUUM INTO ?").bind(target).execute(&mut *conn).await.context("copying the database")?;
    Ok(())
}

/// Checks that `conn` reads a whole Veche database: SQLite's integrity check passes and the
/// server's migrations were applied to it, none of them newer than `newest_known`.
pub async fn check(conn: &mut SqliteConnection, newest_known: i64) -> anyhow::Result<Checked> {
    let integrity: Vec<String> =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&mut *conn).await.context("not an SQLite database")?;
    if integrity != ["ok"] {
        bail!("the database is damaged: {}", integrity.join("; "));
    }
    let has_migrations: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(&mut *conn)
    .await?;
    if !has_migrations {
        bail!("not a Veche database (no migrations were applied to it)");
    }
    let (schema, failed): (Option<i64>, i64) =
        sqlx::query_as("SELECT MAX(version), COALESCE(SUM(NOT success), 0) FROM _sqlx_migrations")
            .fetch_one(&mut *conn)
            .await?;
    let Some(schema) = schema else { bail!("not a Veche database (no migrations were applied to it)") };
    if failed > 0 {
        bail!("a migration of this database did not finish");
    }
    if schema > newest_known {
        bail!(
            "the database was written by a newer veche-server (schema {schema}; this one knows up to {newest_known})"
        );
    }
    conn.ping().await?;
    Ok(Checked { schema })
}
