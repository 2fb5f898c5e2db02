//! Accounts by mail: confirming an address, forgetting and changing a password, changing the
//! address, and the list of sessions. Mails are read from the `.eml` folder the server writes
//! without SMTP (tests/mail.rs covers the SMTP path).

mod common;

use axum::http::StatusCode;
use common::mail::{ReadMail, eml_files};
use common::{Browser, TestServer};
use serde_json::json;

/// Delivers the queue and answers every mail written so far.
async fn mailbox(server: &TestServer) -> Vec<ReadMail> {
    server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered");
    eml_files(&server.state)
}

/// The mails sent to `address`, oldest first.
async fn mail_to(server: &TestServer, address: &str) -> Vec<ReadMail> {
    mailbox(server).await.into_iter().filter(|mail| mail.to == address).collect()
}

/// Sets every mailed link's expiry in the past, as if an hour and more went by.
async fn age_links(server: &TestServer) {
    let database = server.state.config.database.display().to_string();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{database}")).await.expect("database");
    sqlx::query("UPDATE account_tokens SET expires_at = '2000-01-01T00:00:00Z'").execute(&pool).await.expect("aged");
    pool.close().await;
}

async fn me(browser: &mut Browser) -> serde_json::Value {
    browser.get("/api/v1/auth/me").await.body["account"].clone()
}

#[tokio::test]
async fn a_new_member_confirms_the_address_with_the_mailed_link_once() {
    let server = TestServer::start().await;
    let mut member = server.registered("nadia").await;
    assert_eq!(me(&mut member).await["email_verified"], false);

    let mails = mail_to(&server, "nadia@example.org").await;
    assert_eq!(mails.len(), 1);
    let token = mails[0].token("http://127.0.0.1:8080/account/confirm-email?token=");

    // The link works in another browser, without signing in.
    let mut elsewhere = server.browser();
    let confirmed = elsewhere.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);
    assert_eq!(confirmed.body["email"], "nadia@example.org");
    assert_eq!(me(&mut member).await["email_verified"], true);

    let again = elsewhere.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!((again.status, again.code()), (StatusCode::GONE, "link_used"));
    let forged = elsewhere.post("/api/v1/auth/email/confirm", json!({ "token": format!("{token}x") })).await;
    assert_eq!((forged.status, forged.code()), (StatusCode::NOT_FOUND, "link_invalid"));
}

#[tokio::test]
async fn an_expired_confirmation_link_says_so_and_a_new_one_can_be_sent() {
    let server = TestServer::start().await;
    let mut member = server.registered("oksana").await;
    let token =
        mail_to(&server, "oksana@example.org").await[0].token("http://127.0.0.1:8080/account/confirm-email?token=");
    age_links(&server).await;
    let expired = member.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!((expired.status, expired.code()), (StatusCode::GONE, "link_expired"));

    let resent = member.post("/api/v1/auth/email/verification", json!({})).await;
    assert_eq!(resent.status, StatusCode::NO_CONTENT, "{}", resent.text);
    let mails = mail_to(&server, "oksana@example.org").await;
    assert_eq!(mails.len(), 2);
    let token = mails[1].token("http://127.0.0.1:8080/account/confirm-email?token=");
    let confirmed = member.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);

    let needless = member.post("/api/v1/auth/email/verification", json!({})).await;
    assert_eq!(needless.status, StatusCode::CONFLICT, "a confirmed address needs no link");
}

#[tokio::test]
async fn forgot_password_does_not_tell_who_has_an_account() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let unknown = guest.post("/api/v1/auth/password/forgot", json!({ "email": "nobody@example.org" })).await;
    let known = guest.post("/api/v1/auth/password/forgot", json!({ "email": "Anna@Example.com" })).await;
    assert_eq!(unknown.status, StatusCode::ACCEPTED);
    assert_eq!((known.status, &known.text), (unknown.status, &unknown.text), "the same answer either way");
    let mails = mailbox(&server).await;
    assert_eq!(mails.len(), 1, "only the member's address gets a mail");
    assert_eq!(mails[0].to, "anna@example.com");
    assert_eq!(mails[0].subject, "Choose a new password for Sever Software Community");

    let bad = guest.post("/api/v1/auth/password/forgot", json!({ "email": "not an address" })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body["errors"]["email"].is_string());
}

#[tokio::test]
async fn a_reset_link_signs_in_here_and_out_everywhere_else_once() {
    let server = TestServer::start().await;
    let mut laptop = server.signed_in("anna").await;
    let mut phone = server.signed_in("anna").await;
    let mut guest = server.browser();
    guest.post("/api/v1/auth/password/forgot", json!({ "email": "anna@example.com" })).await;
    let mail = mail_to(&server, "anna@example.com").await.pop().expect("a reset mail");
    let token = mail.token("http://127.0.0.1:8080/account/reset-password?token=");

    let short = guest.post("/api/v1/auth/password/reset", json!({ "token": token, "password": "short" })).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body["errors"]["password"].is_string());

    let reset =
        guest.post("/api/v1/auth/password/reset", json!({ "token": token, "password": "a brand new secret" })).await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.text);
    assert_eq!(reset.body["account"]["member"]["handle"], "anna");
    assert_eq!(me(&mut guest).await["member"]["handle"], "anna", "this browser is signed in");
    assert!(me(&mut laptop).await.is_null(), "other sessions ended");
    assert!(me(&mut phone).await.is_null(), "other sessions ended");

    let again = server
        .browser()
        .post("/api/v1/auth/password/reset", json!({ "token": token, "password": "yet another secret" }))
        .await;
    assert_eq!((again.status, again.code()), (StatusCode::GONE, "link_used"));
    let old = server.browser().login("anna", veche_server::seed::DEMO_PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = server.browser().login("anna", "a brand new secret").await;
    assert_eq!(new.status, StatusCode::OK);
}

#[tokio::test]
async fn reset_links_expire_within_an_hour_and_are_limited() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    for _ in 0..5 {
        let asked = guest.post("/api/v1/auth/password/forgot", json!({ "email": "oleg@example.com" })).await;
        assert_eq!(asked.status, StatusCode::ACCEPTED);
    }
    let mails = mail_to(&server, "oleg@example.com").await;
    assert_eq!(mails.len(), 3, "at most three links an hour");

    age_links(&server).await;
    let token = mails[0].token("http://127.0.0.1:8080/account/reset-password?token=");
    let expired =
        guest.post("/api/v1/auth/password/reset", json!({ "token": token, "password": "a brand new secret" })).await;
    assert_eq!((expired.status, expired.code()), (StatusCode::GONE, "link_expired"));
    let login = server.browser().login("oleg", veche_server::seed::DEMO_PASSWORD).await;
    assert_eq!(login.status, StatusCode::OK, "the password did not change");
}

#[tokio::test]
async fn the_reset_form_is_rate_limited_per_address() {
    let server = TestServer::start_with(|config| config.auth_attempts_per_minute = 3).await;
    let mut guest = server.browser();
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(guest.post("/api/v1/auth/password/forgot", json!({ "email": "x@example.org" })).await.status);
    }
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let server = TestServer::start().await;
    let mut here = server.signed_in("ivan").await;
    let mut there = server.signed_in("ivan").await;

    let wrong = here
        .post("/api/v1/auth/password", json!({ "current_password": "not it", "new_password": "a brand new secret" }))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.body["errors"]["current_password"], "This is not your current password.");

    here.language = "ru".into();
    let short = here
        .post(
            "/api/v1/auth/password",
            json!({ "current_password": veche_server::seed::DEMO_PASSWORD, "new_password": "short" }),
        )
        .await;
    assert_eq!(short.body["errors"]["new_password"], "Нужно не меньше 8 символов.");

    let changed = here
        .post(
            "/api/v1/auth/password",
            json!({ "current_password": veche_server::seed::DEMO_PASSWORD, "new_password": "a brand new secret" }),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    assert_eq!(me(&mut here).await["member"]["handle"], "ivan", "this browser stays signed in");
    assert!(me(&mut there).await.is_null(), "the other session ended");
    assert_eq!(server.browser().login("ivan", "a brand new secret").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_new_address_counts_once_confirmed_there_and_the_old_one_is_told() {
    let server = TestServer::start().await;
    let mut member = server.signed_in("olga").await;

    let taken = member
        .post(
            "/api/v1/auth/email",
            json!({ "email": "anna@example.com", "current_password": veche_server::seed::DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(taken.body["errors"]["email"], "This is already taken.");
    let wrong =
        member.post("/api/v1/auth/email", json!({ "email": "olga@new.example", "current_password": "nope" })).await;
    assert_eq!(wrong.body["errors"]["current_password"], "This is not your current password.");

    let asked = member
        .post(
            "/api/v1/auth/email",
            json!({ "email": "olga@new.example", "current_password": veche_server::seed::DEMO_PASSWORD }),
        )
        .await;
    assert_eq!(asked.status, StatusCode::ACCEPTED, "{}", asked.text);
    let account = me(&mut member).await;
    assert_eq!(
        (account["email"].as_str(), account["pending_email"].as_str()),
        (Some("olga@example.com"), Some("olga@new.example"))
    );

    let notice = mail_to(&server, "olga@example.com").await;
    assert_eq!(notice.len(), 1);
    assert!(notice[0].text.contains("olga@new.example"), "{}", notice[0].text);
    let confirm = mail_to(&server, "olga@new.example").await;
    assert_eq!(confirm.len(), 1);
    let token = confirm[0].token("http://127.0.0.1:8080/account/confirm-email?token=");
    let confirmed = member.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);

    let account = me(&mut member).await;
    assert_eq!(account["email"], "olga@new.example");
    assert_eq!(account["email_verified"], true);
    assert!(account["pending_email"].is_null());
    assert_eq!(
        server.browser().login("olga@new.example", veche_server::seed::DEMO_PASSWORD).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_member_sees_their_sessions_and_signs_out_everywhere_else() {
    let server = TestServer::start().await;
    let mut here = server.signed_in("pavel").await;
    let mut there = server.signed_in("pavel").await;
    let _someone_else = server.signed_in("james").await;

    let listed = here.get("/api/v1/auth/sessions").await;
    assert_eq!(listed.status, StatusCode::OK);
    let items = listed.body["items"].as_array().expect("items").clone();
    assert_eq!(items.len(), 2, "only pavel's own sessions: {items:?}");
    assert_eq!(items.iter().filter(|s| s["current"] == true).count(), 1);

    let ended = here.post("/api/v1/auth/sessions/end-others", json!({})).await;
    assert_eq!(ended.status, StatusCode::OK, "{}", ended.text);
    assert_eq!(ended.body["ended"], 1);
    assert!(me(&mut there).await.is_null());
    assert_eq!(me(&mut here).await["member"]["handle"], "pavel");
    let listed = here.get("/api/v1/auth/sessions").await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));

    assert_eq!(server.browser().get("/api/v1/auth/sessions").await.status, StatusCode::UNAUTHORIZED);
}
