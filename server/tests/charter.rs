//! The community charter: anyone reads it, in both languages; only staff change it; field
//! errors name the field; an edit made from an old version is refused, so two editors never
//! silently overwrite each other.

mod common;

use axum::http::{Method, StatusCode};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};

async fn put(browser: &mut Browser, body: Value) -> common::Answer {
    browser.send(Method::PUT, "/api/v1/charter", Some(body), Extra::default()).await
}

/// The charter as read, with one change made by `change`.
async fn edited(browser: &mut Browser, change: impl FnOnce(&mut Value)) -> Value {
    let mut charter = browser.get("/api/v1/charter").await.body;
    change(&mut charter);
    json!({ "en": charter["en"], "ru": charter["ru"], "version": charter["version"] })
}

#[tokio::test]
async fn a_guest_reads_the_rules_and_every_role_in_both_languages() {
    let server = TestServer::start().await;
    let charter = server.browser().get("/api/v1/charter").await;
    assert_eq!(charter.status, StatusCode::OK);
    assert!(charter.body["en"]["rules"].as_str().unwrap().contains("Every request gets attention"));
    assert!(charter.body["ru"]["rules"].as_str().unwrap().contains("На каждое обращение отвечают"));
    for language in ["en", "ru"] {
        let roles: Vec<&str> =
            charter.body[language]["roles"].as_array().unwrap().iter().map(|r| r["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["president", "mentor", "partner", "hero", "catalyst", "scout", "supporter"]);
    }
    assert_eq!(charter.body["version"], 1);
}

#[tokio::test]
async fn staff_change_the_charter_and_members_cannot() {
    let server = TestServer::start().await;
    let mut member = server.registered("newcomer").await;
    let body = edited(&mut member, |c| c["en"]["rules"] = json!("Members may write anything.")).await;
    assert_eq!(put(&mut member, body.clone()).await.status, StatusCode::FORBIDDEN);
    let mut guest = server.browser();
    assert_eq!(put(&mut guest, body).await.status, StatusCode::UNAUTHORIZED);

    let mut staff = server.signed_in("maria").await;
    let body = edited(&mut staff, |c| c["en"]["rules"] = json!("## Be kind\nNo spam.")).await;
    let saved = put(&mut staff, body).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["version"], 2);
    assert!(saved.body["updated_at"].is_string());
    let read = server.browser().get("/api/v1/charter").await;
    assert_eq!(read.body["en"]["rules"], "## Be kind\nNo spam.");
    // The other language is kept as it was.
    assert!(read.body["ru"]["rules"].as_str().unwrap().contains("На каждое обращение отвечают"));
}

#[tokio::test]
async fn an_edit_from_an_old_version_is_refused() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut maria = server.signed_in("maria").await;
    let from_elena = edited(&mut elena, |c| c["en"]["rules"] = json!("Elena's rules.")).await;
    let from_maria = edited(&mut maria, |c| c["en"]["rules"] = json!("Maria's rules.")).await;
    assert_eq!(put(&mut elena, from_elena).await.status, StatusCode::OK);
    let late = put(&mut maria, from_maria).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(late.code(), "conflict");
    assert_eq!(server.browser().get("/api/v1/charter").await.body["en"]["rules"], "Elena's rules.");
}

#[tokio::test]
async fn bad_input_names_its_field() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let body = edited(&mut staff, |c| {
        c["en"]["rules"] = json!("");
        c["ru"]["rules"] = json!("   ");
        c["en"]["roles"][1]["description"] = json!("");
        c["ru"]["roles"].as_array_mut().unwrap().push(json!({ "role": "president", "description": "Дважды." }));
    })
    .await;
    let refused = put(&mut staff, body).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = &refused.body["errors"];
    assert!(errors["en.rules"].is_string(), "{errors}");
    assert!(errors["en.roles.mentor"].is_string(), "{errors}");
    assert!(errors["ru.roles"].is_string(), "{errors}");
    // Nothing was saved.
    assert_eq!(server.browser().get("/api/v1/charter").await.body["version"], 1);
}
