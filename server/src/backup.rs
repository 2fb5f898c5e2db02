//! `veche-server backup FILE` and `veche-server restore FILE`: a consistent copy of the SQLite
//! database taken while servers keep serving, and the way back to it.
//!
//! Every server holds a shared lock on `<database>.lock` while it runs; `restore` takes it
//! exclusively, so it refuses while any server uses the database instead of pulling the file
//! from under it. What the database held before a restore is kept beside it, never deleted.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::db::{self, backup::Checked};

/// Held while a server runs on a database (see the module's note).
#[derive(Debug)]
pub struct ServingLock {
    _file: File,
}

fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn open_lock(database: &Path) -> anyhow::Result<File> {
    if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let path = lock_path(database);
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))
}

/// The lock a server holds on `database` while it runs (servers share it with each other).
pub fn serving_lock(database: &Path) -> anyhow::Result<ServingLock> {
    let file = open_lock(database)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(ServingLock { _file: file }),
        Err(TryLockError::WouldBlock) => {
            bail!("{} is being restored; start the server when that is done", database.display())
        }
        Err(TryLockError::Error(error)) => Err(error).context("locking the database"),
    }
}

/// Writes a consistent copy of `database` to `file`, also while servers write to it.
pub async fn backup(database: &Path, file: &Path) -> anyhow::Result<String> {
    if file.exists() {
        bail!("{} exists already; name a new file", file.display());
    }
    let mut conn = db::backup::open_existing(database, true).await?;
    db::backup::check(&mut conn, db::newest_migration())
        .await
        .with_context(|| format!("checking {}", database.display()))?;
    db::backup::copy_into(&mut conn, file).await?;
    let checked = checked(file).await.with_context(|| format!("checking the copy {}", file.display()))?;
    Ok(format!("backed up {} to {} ({}, schema {})", database.display(), file.display(), size(file), checked.schema))
}

/// Replaces `database` with the backup `file`; the replaced files are renamed, not deleted.
pub async fn restore(database: &Path, file: &Path) -> anyhow::Result<String> {
    let checked = checked(file).await.with_context(|| format!("{} cannot be restored", file.display()))?;
    let lock = open_lock(database)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            bail!("a server is running on {}: stop every server on it, then restore", database.display())
        }
        Err(TryLockError::Error(error)) => return Err(error).context("locking the database"),
    }
    let kept = keep_current(database)?;
    let staged = with_suffix(database, ".restoring");
    std::fs::copy(file, &staged).with_context(|| format!("copying {} to {}", file.display(), staged.display()))?;
    File::open(&staged)?.sync_all()?;
    std::fs::rename(&staged, database).with_context(|| format!("moving the copy to {}", database.display()))?;
    if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        File::open(parent)?.sync_all()?;
    }
    checked_again(database, &checked).await?;
    drop(lock);
    let before = match kept {
        Some(kept) => format!("; what it held before is in {}", kept.display()),
        None => String::new(),
    };
    Ok(format!("restored {} from {} (schema {}){before}", database.display(), file.display(), checked.schema))
}

async fn checked(file: &Path) -> anyhow::Result<Checked> {
    let mut conn = db::backup::open_existing(file, true).await?;
    db::backup::check(&mut conn, db::newest_migration()).await
}

async fn checked_again(database: &Path, expected: &Checked) -> anyhow::Result<()> {
    let found = checked(database).await.with_context(|| format!("checking the restored {}", database.display()))?;
    if &found != expected {
        bail!("the restored {} is not the backup", database.display());
    }
    Ok(())
}

/// Renames the database and its write-ahead log (a pair SQLite opens together) out of the way.
fn keep_current(database: &Path) -> anyhow::Result<Option<PathBuf>> {
    if !database.exists() {
        return Ok(None);
    }
    let kept = with_suffix(database, &format!(".before-restore-{}", chrono::Utc::now().format("%Y%m%dT%H%M%SZ")));
    for suffix in ["-wal", "-shm"] {
        let part = with_suffix(database, suffix);
        if part.exists() {
            let moved = with_suffix(&kept, suffix);
            std::fs::rename(&part, &moved).with_context(|| format!("moving {} aside", part.display()))?;
        }
    }
    std::fs::rename(database, &kept).with_context(|| format!("moving {} aside", database.display()))?;
    Ok(Some(kept))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn size(file: &Path) -> String {
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
