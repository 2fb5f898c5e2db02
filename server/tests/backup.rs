//! `veche-server backup` and `restore`, run as the real program against a real server process: a
//! copy taken while the server is busy writing is whole, a restore refuses while a server runs
//! and refuses what is not a backup, and after a restore the API serves exactly what it served
//! when the copy was taken — while what the restore replaced is kept, not lost.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::process::{Member, ServerProcess, get};

/// Runs `veche-server <args>` on `database`, off the async runtime.
async fn veche(database: &Path, args: &[&Path]) -> Output {
    let database = database.to_owned();
    let args: Vec<PathBuf> = args.iter().map(|a| a.to_path_buf()).collect();
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_veche-server"))
            .env("VECHE_DATABASE", database)
            .env("RUST_LOG", "warn")
            .args(args)
            .output()
            .expect("veche-server runs")
    })
    .await
    .expect("the command finishes")
}

fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

async fn status(server: &ServerProcess, path: &str) -> u16 {
    get(server.addr, path).await.expect("answer").status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_writing_restores_a_whole_moment_and_the_replaced_data_is_kept() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let mut server = ServerProcess::start(&database).await;
    let anna = Member::sign_in(server.addr, "anna").await;
    let before = anna.new_thread("Before the backup").await;

    // Thirty threads, one after another, while the copy is taken.
    let writer = {
        let anna = anna.clone();
        tokio::spawn(async move {
            let mut paths = Vec::new();
            for n in 0..30 {
                paths.push(anna.new_thread(&format!("During the backup {n}")).await);
            }
            paths
        })
    };
    let backed_up = veche(&database, &[Path::new("backup"), &copy]).await;
    assert!(backed_up.status.success(), "backup failed: {}", said(&backed_up));
    assert!(said(&backed_up).contains("backed up"), "{}", said(&backed_up));
    let during = writer.await.expect("the writer finishes");
    let after = anna.new_thread("After the backup").await;

    let again = veche(&database, &[Path::new("backup"), &copy]).await;
    assert!(!again.status.success(), "a backup overwrote an existing file");
    assert!(said(&again).contains("exists already"), "{}", said(&again));

    let refused = veche(&database, &[Path::new("restore"), &copy]).await;
    assert!(!refused.status.success(), "a restore ran under a running server");
    assert!(said(&refused).contains("stop every server"), "{}", said(&refused));
    assert_eq!(status(&server, &after).await, 200, "the refused restore changed the database");

    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "not a database at all, just some words to restore").expect("write");
    server.kill();
    let refused = veche(&database, &[Path::new("restore"), &not_a_backup]).await;
    assert!(!refused.status.success(), "a text file was restored");
    assert!(said(&refused).contains("cannot be restored"), "{}", said(&refused));

    let restored = veche(&database, &[Path::new("restore"), &copy]).await;
    assert!(restored.status.success(), "restore failed: {}", said(&restored));
    let server = ServerProcess::start(&database).await;
    assert_eq!(status(&server, &before).await, 200, "a thread made before the backup is gone");
    assert_eq!(status(&server, &after).await, 404, "a thread made after the backup is still there");
    // The copy is one moment: the threads written during it are a run from the first, no gaps.
    let mut statuses = Vec::new();
    for path in &during {
        statuses.push(status(&server, path).await);
    }
    let kept = statuses.iter().take_while(|s| **s == 200).count();
    assert!(statuses[kept..].iter().all(|s| *s == 404), "not one moment: {statuses:?}");
    drop(server);

    // What the restore replaced is kept beside the database, and serves what it held.
    let replaced = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| entry.expect("entry").path())
        .find(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with("veche.sqlite3.before-restore-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .expect("the replaced database is kept");
    assert!(said(&restored).contains(&replaced.display().to_string()), "{}", said(&restored));
    let old = ServerProcess::start(&replaced).await;
    assert_eq!(status(&old, &after).await, 200, "the replaced database lost a thread");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_a_restore_the_api_serves_exactly_what_it_served_at_the_backup() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let mut server = ServerProcess::start(&database).await;
    let anna = Member::sign_in(server.addr, "anna").await;
    let thread = anna.new_thread("Kept by the backup").await;
    let pages = ["/api/v1/threads", "/api/v1/ideas", "/api/v1/members", "/api/v1/community", thread.as_str()];
    let mut served = Vec::new();
    for page in pages {
        served.push(get(server.addr, page).await.expect("answer").body);
    }
    let backed_up = veche(&database, &[Path::new("backup"), &copy]).await;
    assert!(backed_up.status.success(), "backup failed: {}", said(&backed_up));
    anna.new_thread("Written after the backup").await;
    server.kill();

    let restored = veche(&database, &[Path::new("restore"), &copy]).await;
    assert!(restored.status.success(), "restore failed: {}", said(&restored));
    let server = ServerProcess::start(&database).await;
    for (page, before) in pages.iter().zip(&served) {
        let now = get(server.addr, page).await.expect("answer").body;
        assert_eq!(String::from_utf8_lossy(&now), String::from_utf8_lossy(before), "{page} changed");
    }
}
