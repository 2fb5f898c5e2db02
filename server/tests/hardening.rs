//! The smaller points of issue 15: answers the contract promises, for odd requests too.

mod common;

use axum::http::StatusCode;
use common::TestServer;
use common::process::{self, ServerProcess};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn a_password_longer_than_the_contract_allows_is_a_field_error_not_a_failed_sign_in() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let answer = guest.login("anna", &"p".repeat(1025)).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text);
    assert_eq!(answer.body["errors"]["password"], "Use at most 1024 characters.");
    let longest = guest.login("anna", &"p".repeat(1024)).await;
    assert_eq!(longest.status, StatusCode::UNAUTHORIZED, "the longest allowed is only a wrong password");
}

#[tokio::test]
async fn unknown_api_paths_carry_the_apis_headers() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    for path in ["/api/v1/no-such-thing", "/api/v1/threads/1/no-such-thing", "/api/v2/threads"] {
        let answer = guest.get(path).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(answer.code(), "not_found", "{path}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{path}");
        assert_eq!(
            answer.header("content-security-policy"),
            Some("default-src 'none'; frame-ancestors 'none'"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn bodies_over_their_limit_are_refused_before_they_are_read() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let long = json!({ "space_id": "integrations", "title": "Too long", "body": "x".repeat(1024 * 1024) });
    for key in [None, Some("big-1".to_owned())] {
        let extra = common::Extra { idempotency_key: key.clone(), ..Default::default() };
        let answer = anna.send(axum::http::Method::POST, "/api/v1/threads", Some(long.clone()), extra).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "key {key:?}: {}", answer.text);
        assert_eq!(answer.code(), "payload_too_large");
    }
}

/// Uploads `bytes` as james's avatar.
async fn avatar(server: &TestServer, bytes: Vec<u8>, content_type: &str) -> common::Answer {
    let mut james = server.signed_in("james").await;
    james.language = "ru".into();
    let extra = common::Extra { raw_body: Some(bytes), content_type: Some(content_type.into()), ..Default::default() };
    james.send(axum::http::Method::PUT, "/api/v1/members/me/avatar", None, extra).await
}

#[tokio::test]
async fn pictures_that_do_not_decode_or_would_unpack_to_gigabytes_are_refused_beside_the_field() {
    let server = TestServer::start().await;
    // A small PNG that says it is 12,000 × 12,000 pixels: 144 megapixels to decode.
    let real = veche_server::seed::gradient_png(20, 20, (0, 0, 0), (255, 0, 0));
    let mut bomb = real.clone();
    bomb[16..20].copy_from_slice(&12_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&12_000u32.to_be_bytes());
    let refused = avatar(&server, bomb, "image/png").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    assert_eq!(
        refused.body["errors"]["image"],
        "Картинка слишком большая: не больше 4096 пикселей в ширину и 4096 в высоту."
    );

    // 33 bytes that start like a PNG.
    let truncated = avatar(&server, real[..33].to_vec(), "image/png").await;
    assert_eq!(truncated.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", truncated.text);
    assert_eq!(truncated.body["errors"]["image"], "Файл повреждён или это не целая картинка. Попробуйте другой.");

    // Not a picture at all: said as such, not "send JSON".
    let text = avatar(&server, b"just some words".to_vec(), "image/png").await;
    assert_eq!(text.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(text.body["title"], "Send a picture: PNG, JPEG, GIF or WebP");

    let whole = avatar(&server, real, "image/png").await;
    assert_eq!(whole.status, StatusCode::OK, "{}", whole.text);
}

#[tokio::test]
async fn names_that_hide_or_impersonate_are_refused_and_names_are_stored_normalised() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let mut settings = anna.get("/api/v1/members/me/profile").await.body;
    for (name, message) in [
        (
            "\u{202e}anelE",
            "Use letters, digits, spaces and punctuation: no control, direction or invisible characters.",
        ),
        ("Anna\u{7}", "Use letters, digits, spaces and punctuation: no control, direction or invisible characters."),
        (
            "\u{200b}\u{200b}",
            "Use letters, digits, spaces and punctuation: no control, direction or invisible characters.",
        ),
        ("Elena Sokolova", "This name looks like a staff member's or a community role's. Please choose another."),
        ("Elеna Sokolova", "This name looks like a staff member's or a community role's. Please choose another."),
        ("Moderator", "This name looks like a staff member's or a community role's. Please choose another."),
    ] {
        settings["display_name"] = json!(name);
        let refused = anna
            .send(axum::http::Method::PUT, "/api/v1/members/me/profile", Some(settings.clone()), Default::default())
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{name:?}: {}", refused.text);
        assert_eq!(refused.body["errors"]["display_name"], message, "{name:?}");
    }
    settings["display_name"] = json!("  Anna   Zoe\u{301} ");
    let saved =
        anna.send(axum::http::Method::PUT, "/api/v1/members/me/profile", Some(settings), Default::default()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["member"]["display_name"], "Anna Zo\u{e9}", "NFC, spaces folded");

    let mut guest = server.browser();
    let joined = guest
        .post(
            "/api/v1/auth/register",
            json!({ "handle": "impostor", "display_name": "Oleg Smirnov", "email": "i@example.org", "password": common::PASSWORD, "accept_charter": true }),
        )
        .await;
    assert_eq!(joined.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", joined.text);
    assert!(joined.body["errors"]["display_name"].is_string());

    let mut elena = server.signed_in("elena").await;
    let group = elena
        .post(
            "/api/v1/groups",
            json!({ "slug": "hidden-name", "name": "Team\u{202e}", "description": "", "kind": "open" }),
        )
        .await;
    assert_eq!(group.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", group.text);
    assert!(group.body["errors"]["name"].is_string());
}

/// What the server process answers to `head`, read while the head is still being sent (the
/// server may answer and close before it has read all of it, as a browser would see).
async fn answer_to_head(server: &ServerProcess, head: String) -> process::RawAnswer {
    let stream = tokio::net::TcpStream::connect(server.addr).await.expect("connects");
    let (mut reader, mut writer) = stream.into_split();
    let sending = tokio::spawn(async move {
        let _ = writer.write_all(head.as_bytes()).await;
        writer
    });
    let mut raw = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match reader.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&chunk[..n]),
            // The rest of an unread head can reset the connection once the answer is out.
            Err(_) => break,
        }
    }
    drop(sending.await);
    process::parse(&raw).unwrap_or_else(|| panic!("an HTTP answer, got {:?}", String::from_utf8_lossy(&raw)))
}

#[tokio::test]
async fn requests_too_long_to_read_are_answered_as_problems_with_the_apis_headers() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let server = ServerProcess::start(&dir.path().join("veche.sqlite3")).await;
    let long_address = format!("/api/v1/threads?q={}", "a".repeat(1024 * 1024));
    let long_header = format!("X-Padding: {}\r\n", "b".repeat(600 * 1024));
    let cases = [
        (format!("GET {long_address} HTTP/1.1\r\nHost: veche\r\n\r\n"), "a 1 MB address"),
        (format!("GET /api/v1/threads?q={} HTTP/1.1\r\nHost: veche\r\n\r\n", "a".repeat(70 * 1024)), "a 70 KB address"),
        (format!("GET /api/v1/threads HTTP/1.1\r\nHost: veche\r\n{long_header}\r\n"), "a 600 KB header"),
        ("NOT HTTP AT ALL\r\n\r\n".to_owned(), "not HTTP"),
    ];
    for (head, what) in cases {
        let answer = answer_to_head(&server, head).await;
        assert!([400, 414, 431].contains(&answer.status), "{what}: {}", answer.status);
        assert_eq!(answer.header("content-type"), Some("application/problem+json"), "{what}");
        assert_eq!(answer.header("cache-control"), Some("no-store"), "{what}");
        let problem = answer.json();
        assert_eq!(problem["status"], answer.status, "{what}: {problem}");
        assert_eq!(problem["code"], "bad_request", "{what}: {problem}");
        assert!(problem["title"].as_str().is_some_and(|title| !title.is_empty()), "{what}: {problem}");
    }
    // The same server goes on answering ordinary requests.
    let fine = process::get(server.addr, "/api/v1/community").await.expect("community");
    assert_eq!(fine.status, 200);
}
