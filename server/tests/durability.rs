//! What survives a crash, a burst of writes to one record, a full disk and hostile bodies.

mod common;

use std::collections::HashMap;

use common::process::{Member, ServerProcess};
use serde_json::json;
use sqlx::Connection;

/// Replies per body in the database (the server stopped).
async fn replies_by_body(database: &std::path::Path, prefix: &str) -> HashMap<String, i64> {
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", database.display())).await.expect("open");
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT body, COUNT(*) FROM replies WHERE body LIKE ? || '%' GROUP BY body")
            .bind(prefix)
            .fetch_all(&mut db)
            .await
            .expect("count replies");
    rows.into_iter().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replies_cut_off_by_a_crash_complete_exactly_once_when_retried() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let database = dir.path().join("veche.sqlite3");
    let mut server = ServerProcess::start(&database).await;
    let anna = Member::sign_in(server.addr, "anna").await;
    let replies = format!("{}/replies", anna.new_thread("Power cut").await);

    // A burst of replies, each with its own key; the server is killed once a few are answered,
    // with the rest waiting, running or half-written.
    let burst = 40;
    let mut sending = tokio::task::JoinSet::new();
    for n in 0..burst {
        let (anna, replies) = (anna.clone(), replies.clone());
        sending.spawn(async move {
            anna.send("POST", &replies, &json!({ "body": format!("crash-{n}") }), Some(&format!("crash-key-{n}"))).await
        });
    }
    let mut answered = 0;
    while let Some(sent) = sending.join_next().await {
        if matches!(sent, Ok(Ok(ref answer)) if answer.status == 201) {
            answered += 1;
        }
        if answered == 3 {
            break;
        }
    }
    server.kill();
    while sending.join_next().await.is_some() {}

    // The same file, a new process: every retry with its key completes now.
    let server = ServerProcess::start(&database).await;
    let anna = anna.on(server.addr);
    for n in 0..burst {
        let retried = anna
            .send("POST", &replies, &json!({ "body": format!("crash-{n}") }), Some(&format!("crash-key-{n}")))
            .await
            .expect("retry");
        assert_eq!(retried.status, 201, "retry of reply {n}: {}", String::from_utf8_lossy(&retried.body));
    }
    drop(server);

    let saved = replies_by_body(&database, "crash-").await;
    for n in 0..burst {
        assert_eq!(saved.get(&format!("crash-{n}")), Some(&1), "reply {n} is saved exactly once");
    }
    assert_eq!(saved.len(), burst, "no other replies");
}

/// Sends the same kind of write to one record twenty times at once (half with their own keys);
/// every answer is a success or 503 with `Retry-After`, never a 500.
async fn twenty_at_once(
    server: &common::TestServer,
    writer: &mut common::Browser,
    method: axum::http::Method,
    path: &str,
    mut bodies: impl FnMut(usize) -> serde_json::Value,
) {
    writer.ensure_csrf().await;
    let mut sending = tokio::task::JoinSet::new();
    for n in 0..20 {
        let mut browser = common::Browser::with(server.router.clone(), writer.cookie.clone(), writer.csrf.clone());
        let (method, path, body) = (method.clone(), path.to_owned(), bodies(n));
        let extra =
            common::Extra { idempotency_key: (n % 2 == 0).then(|| format!("{path}-{n}")), ..Default::default() };
        sending.spawn(async move { browser.send(method, &path, Some(body), extra).await });
    }
    while let Some(answer) = sending.join_next().await {
        let answer = answer.expect("request task");
        let busy =
            answer.status == axum::http::StatusCode::SERVICE_UNAVAILABLE && answer.header("retry-after").is_some();
        assert!(answer.status.is_success() || busy, "{path}: {} {}", answer.status, answer.text);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_writes_to_one_record_never_fail_with_500() {
    use axum::http::Method;
    let server = common::TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let day = (chrono::Utc::now() + chrono::Duration::days(5)).date_naive();
    let event = |n: usize| {
        json!({ "title": format!("Busy meetup {n}"), "kind": "meetup", "description": "Many edits.",
                "starts_local": format!("{day}T18:00"), "ends_local": format!("{day}T20:00"),
                "time_zone": "Europe/Moscow", "city": "Kazan", "address": format!("Baumana {n}"), "capacity": 30 })
    };
    let created = elena.post("/api/v1/events", event(0)).await;
    assert_eq!(created.status, axum::http::StatusCode::CREATED, "{}", created.text);
    let event_path = format!("/api/v1/events/{}", created.body["id"].as_str().expect("event id"));
    // Someone going, so every change also tells them (a transaction that reads, then writes).
    let mut anna = server.signed_in("anna").await;
    let going = anna
        .send(Method::PUT, &format!("{event_path}/rsvp"), Some(json!({ "status": "going" })), common::Extra::default())
        .await;
    assert_eq!(going.status, axum::http::StatusCode::OK, "{}", going.text);
    twenty_at_once(&server, &mut elena, Method::PUT, &event_path, event).await;

    let thread = anna.new_thread("Edited by many tabs", "First words.").await;
    twenty_at_once(
        &server,
        &mut anna,
        Method::PATCH,
        &format!("/api/v1/threads/{thread}"),
        |n| json!({ "title": format!("Edited by many tabs {n}"), "body": format!("Words {n}.") }),
    )
    .await;

    let idea = anna
        .post(
            "/api/v1/ideas",
            json!({ "title": "Keyboard shortcuts in every list", "category_id": "reports", "body": "Power users." }),
        )
        .await;
    assert_eq!(idea.status, axum::http::StatusCode::CREATED, "{}", idea.text);
    let idea_path = format!("/api/v1/ideas/{}", idea.body["id"].as_str().expect("idea id"));
    twenty_at_once(
        &server,
        &mut anna,
        Method::PATCH,
        &idea_path,
        |n| json!({ "body": format!("Power users, take {n}.") }),
    )
    .await;

    let mut settings = anna.get("/api/v1/members/me/profile").await.body;
    twenty_at_once(&server, &mut anna, Method::PUT, "/api/v1/members/me/profile", move |n| {
        settings["city"] = json!(format!("Kaliningrad {n}"));
        settings.clone()
    })
    .await;
}

/// The server on a 32 MB tmpfs of its own (a mount namespace made by `unshare`, so no root is
/// needed), and a file-based switch beside it that fills that disk or frees it again.
struct SmallDisk {
    _unshare: KillOnDrop,
    control: std::path::PathBuf,
    addr: std::net::SocketAddr,
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs inside the namespace: mounts the disk, starts a helper that fills or empties it when
/// asked (a file appearing in the control directory), and becomes the server.
const SMALL_DISK_SCRIPT: &str = r#"
set -e
mount -t tmpfs -o size=32m tmpfs "$DISK"
server=$$
(
  while kill -0 "$server" 2>/dev/null; do
    if [ -e "$CONTROL/fill" ]; then rm "$CONTROL/fill"; cat /dev/zero > "$DISK/filler" 2>/dev/null || true; touch "$CONTROL/filled"; fi
    if [ -e "$CONTROL/free" ]; then rm "$CONTROL/free"; rm -f "$DISK/filler"; touch "$CONTROL/freed"; fi
    sleep 0.05
  done
) &
exec "$SERVER"
"#;

impl SmallDisk {
    async fn start(dir: &std::path::Path) -> SmallDisk {
        let (disk, control) = (dir.join("disk"), dir.join("control"));
        std::fs::create_dir_all(&disk).expect("mount point");
        std::fs::create_dir_all(&control).expect("control directory");
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port();
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
        let child = std::process::Command::new("unshare")
            .args(["--user", "--map-root-user", "--mount", "--kill-child", "sh", "-c", SMALL_DISK_SCRIPT])
            .env("DISK", &disk)
            .env("CONTROL", &control)
            .env("SERVER", env!("CARGO_BIN_EXE_veche-server"))
            .env("VECHE_ADDR", addr.to_string())
            .env("VECHE_DATABASE", disk.join("veche.sqlite3"))
            .env("VECHE_STATIC_DIR", "/nonexistent")
            .env("VECHE_WRITES_PER_MINUTE", "100000")
            .env("VECHE_AUTH_ATTEMPTS_PER_MINUTE", "1000")
            .env("RUST_LOG", "error")
            .spawn()
            .expect("unshare runs (util-linux)");
        let small = SmallDisk { _unshare: KillOnDrop(child), control, addr };
        let started = std::time::Instant::now();
        while !matches!(common::process::get(addr, "/api/v1/auth/me").await, Ok(ref a) if a.status == 200) {
            assert!(started.elapsed().as_secs() < 90, "the server on a small disk did not start");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        small
    }

    /// Asks the helper to `fill` or `free` the disk and waits until it has.
    async fn switch(&self, what: &str, done: &str) {
        std::fs::write(self.control.join(what), b"").expect("control file");
        let started = std::time::Instant::now();
        while !self.control.join(done).exists() {
            assert!(started.elapsed().as_secs() < 30, "the disk helper did not {what}");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        std::fs::remove_file(self.control.join(done)).expect("control file");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_refuses_writes_with_503_keeps_reading_and_recovers_by_itself() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let disk = SmallDisk::start(dir.path()).await;
    let member = Member::sign_in(disk.addr, "anna").await;
    let thread_path = member.new_thread("Filling the disk").await;
    let replies = format!("{thread_path}/replies");

    disk.switch("fill", "filled").await;
    let mut acknowledged = Vec::new();
    let mut refused = None;
    for n in 0..200 {
        let body = json!({ "body": format!("disk-{n} {}", "words ".repeat(500)) });
        let answer = member.send("POST", &replies, &body, Some(&format!("disk-key-{n}"))).await.expect("reply");
        match answer.status {
            201 => acknowledged.push(n),
            503 => {
                refused = Some((n, answer));
                break;
            }
            other => panic!("reply {n} answered {other}: {}", String::from_utf8_lossy(&answer.body)),
        }
    }
    let (refused_n, refusal) = refused.expect("a full disk refuses a write");
    assert!(refusal.header("content-type").is_some_and(|t| t.starts_with("application/problem+json")));
    assert_eq!(refusal.json()["code"], "unavailable");
    assert!(refusal.header("retry-after").and_then(|s| s.parse::<u64>().ok()).is_some(), "503 says when to retry");

    // Reading goes on, quickly, while writing cannot.
    let started = std::time::Instant::now();
    let read = common::process::get(disk.addr, &thread_path).await.expect("read");
    assert_eq!(read.status, 200);
    assert!(started.elapsed().as_secs() < 3, "a read took {:?}", started.elapsed());
    // Another write is answered at once, refused or (if it fits in what SQLite freed) taken:
    // never a 500, never a wait on a lock left behind.
    let started = std::time::Instant::now();
    let body = json!({ "body": format!("still full? {}", "words ".repeat(500)) });
    let still_full = member.send("POST", &replies, &body, None).await.expect("write");
    assert!([201, 503].contains(&still_full.status), "{}", String::from_utf8_lossy(&still_full.body));
    assert!(started.elapsed().as_secs() < 3, "a write took {:?}", started.elapsed());

    // Space again: the refused write goes through when retried with its key, without a restart.
    disk.switch("free", "freed").await;
    let body = json!({ "body": format!("disk-{refused_n} {}", "words ".repeat(500)) });
    let retried = member.send("POST", &replies, &body, Some(&format!("disk-key-{refused_n}"))).await.expect("retry");
    assert_eq!(retried.status, 201, "{}", String::from_utf8_lossy(&retried.body));
    acknowledged.push(refused_n);
    let again = Member::sign_in(disk.addr, "anna").await;
    assert_eq!(
        again.send("POST", &replies, &json!({ "body": "after the storm" }), None).await.expect("write").status,
        201
    );

    // Every acknowledged reply is there.
    let listed = common::process::get(disk.addr, &format!("{replies}?limit=100")).await.expect("replies").json();
    let bodies: Vec<&str> =
        listed["items"].as_array().expect("items").iter().filter_map(|r| r["body"].as_str()).collect();
    for n in acknowledged {
        assert!(bodies.iter().any(|b| b.starts_with(&format!("disk-{n} "))), "acknowledged reply {n} is kept");
    }
}
