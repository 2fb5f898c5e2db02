//! `veche-server init`, run as the real program: a company founds its own community on a new
//! database, serves it without the demo and signs in as its first staff member; a second run
//! changes nothing, and bad flags are named before anything is written.

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::process::Output;

use common::process::{self, ServerProcess, get};

async fn init(database: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_veche-server"));
    command.env("VECHE_DATABASE", database).env("RUST_LOG", "warn").env_remove("VECHE_ADMIN_PASSWORD");
    if let Some(password) = password {
        command.env("VECHE_ADMIN_PASSWORD", password);
    }
    command.arg("init").args(args);
    tokio::task::spawn_blocking(move || command.output().expect("veche-server runs")).await.expect("finishes")
}

fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Signs in; answers the status and the account's access.
async fn sign_in(addr: SocketAddr, login: &str, password: &str) -> (u16, String) {
    let answer = process::sign_in(addr, login, password, &[]).await;
    (answer.status, answer.json()["account"]["member"]["access"].as_str().unwrap_or_default().to_owned())
}

const ACME: [&str; 8] = [
    "--name",
    "Acme Customers",
    "--time-zone",
    "Europe/Moscow",
    "--admin-handle",
    "olga",
    "--admin-email",
    "olga@acme.example",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_founded_community_serves_without_the_demo_and_its_first_staff_member_signs_in() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let founded = init(&database, &ACME, Some("a long first password")).await;
    assert!(founded.status.success(), "init failed: {}", said(&founded));
    assert!(!said(&founded).contains("a long first password"), "the given password was printed");

    let again = init(
        &database,
        &["--name", "Other", "--admin-handle", "ivan", "--admin-email", "ivan@x.example"],
        Some("another password"),
    )
    .await;
    assert!(again.status.success(), "a second init failed: {}", said(&again));
    assert!(said(&again).contains("nothing was changed"), "{}", said(&again));

    let server = ServerProcess::start_with(&database, &[("VECHE_SEED", "none")]).await;
    let community = get(server.addr, "/api/v1/community").await.expect("community").json();
    assert_eq!(community["name"], "Acme Customers");
    assert_eq!(community["time_zone"], "Europe/Moscow");
    let threads = get(server.addr, "/api/v1/threads").await.expect("threads").json();
    assert_eq!(threads["items"].as_array().map(Vec::len), Some(0), "the demo's threads are there: {threads}");
    assert_eq!(sign_in(server.addr, "olga", "a long first password").await, (200, "staff".to_owned()));
    assert_eq!(sign_in(server.addr, "ivan", "another password").await.0, 401, "the second init made a member");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_made_password_is_printed_once_and_signs_in() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let founded = init(&database, &ACME, None).await;
    assert!(founded.status.success(), "init failed: {}", said(&founded));
    let text = said(&founded);
    let password = text
        .split("with the password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no password printed: {text}"));
    let server = ServerProcess::start_with(&database, &[("VECHE_SEED", "none")]).await;
    assert_eq!(sign_in(server.addr, "olga@acme.example", password).await, (200, "staff".to_owned()));
}

#[tokio::test]
async fn bad_flags_are_each_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let refused = init(
        &database,
        &["--name", "A", "--time-zone", "Mars/Olympus", "--admin-handle", "olga", "--admin-email", "not an address"],
        Some("short"),
    )
    .await;
    assert!(!refused.status.success(), "bad flags were accepted");
    let text = said(&refused);
    for flag in ["--name", "--time-zone", "--admin-email", "--admin-password"] {
        assert!(text.contains(flag), "{flag} is not named: {text}");
    }
    assert!(!text.contains("--admin-handle"), "a good handle was refused: {text}");
    assert!(!database.exists(), "a database was written although nothing was founded");
}
