//! The foundation's paths against a real SQLite file: accounts, sessions, CSRF, idempotent
//! replay, validation, rate limits, errors and the app shell.

mod common;

use axum::http::{Method, StatusCode};
use common::{Extra, TestServer};
use serde_json::json;

fn registration(handle: &str) -> serde_json::Value {
    json!({
        "handle": handle,
        "display_name": "Nina Orlova",
        "email": format!("{handle}@example.org"),
        "password": "long enough secret",
        "accept_charter": true,
    })
}

#[tokio::test]
async fn join_sign_out_and_sign_in_again() {
    let server = TestServer::start().await;
    let mut browser = server.browser();

    let joined = browser.post("/api/v1/auth/register", registration("nina")).await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
    assert_eq!(joined.body["account"]["member"]["handle"], "nina");
    assert_eq!(joined.body["account"]["member"]["role"], "member");
    let cookie = joined.header("set-cookie").expect("session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "no Secure flag over plain http");

    let me = browser.get("/api/v1/auth/me").await;
    assert_eq!(me.body["account"]["email"], "nina@example.org");

    let out = browser.post("/api/v1/auth/logout", json!(null)).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(out.body["account"].is_null());
    assert!(browser.get("/api/v1/auth/me").await.body["account"].is_null());

    let wrong = browser.login("nina", "not the password").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.code(), "invalid_credentials");
    let unknown = browser.login("nobody", "whatever it is").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);

    let by_email = browser.login("NINA@example.org", "long enough secret").await;
    assert_eq!(by_email.status, StatusCode::OK, "e-mail sign-in ignores case");
    assert_eq!(browser.get("/api/v1/auth/me").await.body["account"]["member"]["handle"], "nina");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let server = TestServer::start().await;
    let mut browser = server.signed_in("anna").await;
    let stolen_cookie = browser.cookie.clone();
    browser.post("/api/v1/auth/logout", json!(null)).await;
    let mut thief = server.browser();
    thief.cookie = stolen_cookie;
    assert!(thief.get("/api/v1/auth/me").await.body["account"].is_null());
}

#[tokio::test]
async fn every_bad_field_is_named_in_the_requested_language() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    browser.language = "ru-RU,ru;q=0.9".into();
    let answer = browser
        .post(
            "/api/v1/auth/register",
            json!({ "handle": "9x", "display_name": " ", "email": "no-at-sign", "password": "short", "accept_charter": false }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.code(), "validation_failed");
    assert_eq!(answer.header("content-type"), Some("application/problem+json"));
    let errors = &answer.body["errors"];
    for field in ["handle", "display_name", "email", "password", "accept_charter"] {
        assert!(errors[field].is_string(), "no message for {field}: {errors}");
    }
    assert_eq!(errors["password"], "Нужно не меньше 8 символов.");
}

#[tokio::test]
async fn taken_handles_and_emails_are_refused() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let mut request = registration("anna");
    request["email"] = json!("ANNA@example.com");
    let answer = browser.post("/api/v1/auth/register", request).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.body["errors"]["handle"], "This is already taken.");
    assert_eq!(answer.body["errors"]["email"], "This is already taken.");
}

#[tokio::test]
async fn bodies_that_do_not_fit_get_clear_errors() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let missing = browser.post("/api/v1/auth/login", json!({ "login": "anna" })).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing.body["errors"]["password"], "This field is required.");

    let wrong_type = browser.post("/api/v1/auth/login", json!({ "login": 5, "password": "x" })).await;
    assert_eq!(wrong_type.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong_type.body["errors"]["login"].is_string());

    // Every body is an object: an array is not taken for one, not even an empty one.
    for body in [json!([]), json!(["anna", "x"]), json!("anna"), json!(5)] {
        let not_object = browser.post("/api/v1/auth/login", body.clone()).await;
        assert_eq!(not_object.status, StatusCode::UNPROCESSABLE_ENTITY, "{body} was taken: {}", not_object.text);
        assert!(not_object.body["errors"]["body"].is_string(), "{}", not_object.text);
    }

    let garbage = browser
        .post_with(
            "/api/v1/auth/login",
            json!(null),
            Extra { raw_body: Some(b"{not json".to_vec()), ..Extra::default() },
        )
        .await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
    assert_eq!(garbage.code(), "bad_request");

    let form = browser
        .post_with(
            "/api/v1/auth/login",
            json!(null),
            Extra { raw_body: Some(b"login=a".to_vec()), content_type: Some("text/plain".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(form.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let nowhere = browser.get("/api/v1/no/such/path").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert_eq!(nowhere.code(), "not_found");
}

#[tokio::test]
async fn unsafe_requests_need_the_current_csrf_token() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let refused = browser
        .post_with(
            "/api/v1/auth/login",
            json!({ "login": "anna", "password": "veche-demo" }),
            Extra { without_csrf: true, ..Extra::default() },
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.code(), "csrf_failed");

    // The guest token stops working once signed in: the session has its own.
    browser.ensure_csrf().await;
    let guest_token = browser.csrf.clone();
    assert_eq!(browser.login("anna", "veche-demo").await.status, StatusCode::OK);
    assert_ne!(browser.csrf, guest_token);
    browser.csrf = guest_token;
    let stale = browser.post("/api/v1/auth/logout", json!(null)).await;
    assert_eq!(stale.status, StatusCode::FORBIDDEN);
    assert_eq!(stale.code(), "csrf_failed");
}

#[tokio::test]
async fn a_retried_request_is_answered_from_the_first_answer() {
    let server = TestServer::start().await;
    let mut browser = server.signed_in("anna").await;
    let first_key = Extra { idempotency_key: Some("key-1".into()), ..Extra::default() };
    let first =
        browser.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "ru" })), first_key.clone()).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["account"]["locale"], "ru");
    assert_eq!(first.header("idempotent-replayed"), None);

    let other = Extra { idempotency_key: Some("key-2".into()), ..Extra::default() };
    browser.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "en" })), other).await;

    // The retry of the first request does not run again: its answer is replayed.
    let retry =
        browser.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "ru" })), first_key.clone()).await;
    assert_eq!(retry.status, StatusCode::OK);
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(retry.body["account"]["locale"], "ru");
    assert_eq!(browser.get("/api/v1/auth/me").await.body["account"]["locale"], "en");

    let reused = browser.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "en" })), first_key).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.code(), "idempotency_key_reused");

    // Keys belong to their member: the same key from someone else is a new request.
    let mut maria = server.signed_in("maria").await;
    let theirs = Extra { idempotency_key: Some("key-1".into()), ..Extra::default() };
    let answer = maria.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "en" })), theirs).await;
    assert_eq!(answer.header("idempotent-replayed"), None);
    assert_eq!(answer.body["account"]["member"]["handle"], "maria");
}

#[tokio::test]
async fn guessing_passwords_is_rate_limited() {
    let server = TestServer::start_with(|config| config.auth_attempts_per_minute = 3).await;
    let mut browser = server.browser();
    for _ in 0..3 {
        assert_eq!(browser.login("anna", "wrong password").await.status, StatusCode::UNAUTHORIZED);
    }
    let limited = browser.login("anna", "veche-demo").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.code(), "rate_limited");
    let wait: u64 = limited.header("retry-after").expect("Retry-After").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
}

#[tokio::test]
async fn cors_lets_allowed_origins_read_retry_after() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let allowed = browser
        .send(
            Method::GET,
            "/api/v1/community",
            None,
            Extra { origin: Some("http://localhost:3000".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(allowed.header("access-control-allow-origin"), Some("http://localhost:3000"));
    assert_eq!(allowed.header("access-control-allow-credentials"), Some("true"));
    assert!(allowed.header("access-control-expose-headers").unwrap_or("").contains("retry-after"));

    let stranger = browser
        .send(
            Method::GET,
            "/api/v1/community",
            None,
            Extra { origin: Some("https://evil.example".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(stranger.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn the_community_is_seeded_with_members_in_every_role() {
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let community = browser.get("/api/v1/community").await;
    assert_eq!(community.status, StatusCode::OK);
    assert_eq!(community.body["locales"], json!(["en", "ru"]));
    // The areas the reference server implements are on; the app hides the others.
    let features = &community.body["features"];
    assert_eq!(
        [
            &features["threads"],
            &features["ideas"],
            &features["events"],
            &features["members"],
            &features["surveys"],
            &features["groups"]
        ],
        [&json!(true); 6]
    );
    for (handle, role) in [
        ("elena", "president"),
        ("dmitry", "mentor"),
        ("sergey", "partner"),
        ("anna", "hero"),
        ("ivan", "catalyst"),
        ("olga", "scout"),
        ("pavel", "supporter"),
    ] {
        let mut member = server.signed_in(handle).await;
        assert_eq!(member.get("/api/v1/auth/me").await.body["account"]["member"]["role"], role, "{handle}");
    }
    assert_eq!(
        server.signed_in("maria").await.get("/api/v1/auth/me").await.body["account"]["member"]["access"],
        "staff"
    );
    assert_eq!(
        server.signed_in("oleg").await.get("/api/v1/auth/me").await.body["account"]["member"]["access"],
        "moderator"
    );
}

#[tokio::test]
async fn the_app_is_served_for_every_page_path_with_a_strict_csp() {
    let site = tempfile::tempdir().expect("dir");
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><html><head><script type=module>import init from '/app.js'; await init();</script></head></html>",
    )
    .expect("write index");
    std::fs::write(site.path().join("app-0123456789abcdef.js"), "export default function init() {}").expect("write js");
    let static_dir = site.path().to_path_buf();
    let server = TestServer::start_with(move |config| config.static_dir = static_dir).await;
    let mut browser = server.browser();

    let page = browser.get("/ideas/roadmap").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("import init"));
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("'sha256-"), "the inline start-up script is allowed by its hash: {csp}");
    assert!(!csp.contains("'unsafe-inline'"), "{csp}");
    assert_eq!(page.header("cache-control"), Some("no-cache"));

    let asset = browser.get("/app-0123456789abcdef.js").await;
    assert_eq!(asset.status, StatusCode::OK);
    assert_eq!(asset.header("cache-control"), Some("public, max-age=31536000, immutable"));

    let api = browser.get("/api/v1/nothing-here").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "API paths never fall back to the app");
    assert_eq!(api.header("content-type"), Some("application/problem+json"));
}
