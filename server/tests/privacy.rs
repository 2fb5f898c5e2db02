//! Privacy on a real SQLite file: the member's archive holds exactly their own things, deleting
//! an account keeps or removes the content as the community's setting says and ends every
//! session at once, staff act on requests, and every export and deletion is logged.

mod common;

use std::collections::BTreeMap;

use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use common::{Browser, Extra, PASSWORD, TestServer};
use serde_json::{Value, json};
use veche_server::seed::gradient_png;

/// The archive's files by name, read by Python's zipfile (which checks every CRC).
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let archive = dir.path().join("archive.zip");
    std::fs::write(&archive, bytes).expect("written");
    let out = dir.path().join("out");
    let extracted = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&archive)
        .arg(&out)
        .output()
        .expect("python3 runs");
    assert!(extracted.status.success(), "not a ZIP: {}", String::from_utf8_lossy(&extracted.stderr));
    let mut files = BTreeMap::new();
    let mut pending = vec![out.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).expect("listing") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path.strip_prefix(&out).unwrap().to_string_lossy().into_owned();
                files.insert(name, std::fs::read(&path).expect("file"));
            }
        }
    }
    files
}

fn json_file(files: &BTreeMap<String, Vec<u8>>, name: &str) -> Value {
    serde_json::from_slice(files.get(name).unwrap_or_else(|| panic!("{name} is in the archive"))).expect("JSON")
}

/// Every text of every file, to look for words that must not be there.
fn all_text(files: &BTreeMap<String, Vec<u8>>) -> String {
    files.values().map(|bytes| String::from_utf8_lossy(bytes).into_owned()).collect::<Vec<_>>().join("\n")
}

async fn put(browser: &mut Browser, path: &str, body: Option<Value>) -> common::Answer {
    browser.send(Method::PUT, path, body, Extra::default()).await
}

async fn first_idea_not_by(browser: &mut Browser, handle: &str) -> (String, i64) {
    let ideas = browser.get("/api/v1/ideas?sort=top").await;
    let idea = ideas.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|idea| {
            idea["author"]["handle"] != handle && (idea["status"] == "new" || idea["status"] == "under_review")
        })
        .cloned()
        .expect("an open idea");
    (idea["id"].as_str().unwrap().to_owned(), idea["vote_count"].as_i64().unwrap())
}

async fn vote_count(browser: &mut Browser, idea: &str) -> i64 {
    browser.get(&format!("/api/v1/ideas/{idea}")).await.body["vote_count"].as_i64().expect("vote count")
}

async fn log(staff: &mut Browser) -> Vec<Value> {
    let log = staff.get("/api/v1/privacy/log").await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.text);
    log.body["items"].as_array().unwrap().clone()
}

async fn delete_account(browser: &mut Browser, password: &str) -> common::Answer {
    browser.post("/api/v1/account/deletion", json!({ "password": password })).await
}

/// A member with a little of everything: a thread another member answered, a reply elsewhere,
/// an idea, a vote, an avatar.
struct Zoe {
    thread: String,
    reply: String,
    idea: String,
    voted_idea: String,
}

async fn zoe_takes_part(server: &TestServer, zoe: &mut Browser) -> Zoe {
    let thread = zoe.new_thread("Zoe asks about exports", "How do I export my dashboards?").await;
    let mut anna = server.signed_in("anna").await;
    anna.new_reply(&thread, "Anna answers with her own words").await;
    let other = anna.new_thread("Anna's question", "Does anyone use the API?").await;
    let reply = zoe.new_reply(&other, "Zoe replies: yes, daily").await;
    let idea = zoe
        .post(
            "/api/v1/ideas",
            json!({ "title": "Zoe wants dark mode", "category_id": "reports", "body": "Easier on the eyes." }),
        )
        .await;
    assert_eq!(idea.status, StatusCode::CREATED, "{}", idea.text);
    let (voted_idea, _) = first_idea_not_by(zoe, "zoe").await;
    let voted = put(zoe, &format!("/api/v1/ideas/{voted_idea}/vote"), None).await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.text);
    let png = gradient_png(24, 24, (0, 0, 0), (255, 255, 255));
    let avatar = zoe
        .send(
            Method::PUT,
            "/api/v1/members/me/avatar",
            None,
            Extra { raw_body: Some(png), content_type: Some("image/png".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(avatar.status, StatusCode::OK, "{}", avatar.text);
    Zoe { thread, reply, idea: idea.body["id"].as_str().unwrap().to_owned(), voted_idea }
}

#[tokio::test]
async fn the_archive_holds_the_members_own_things_and_nothing_of_others_or_of_groups_left() {
    let server = TestServer::start().await;
    let mut zoe = server.registered("zoe").await;
    let zoe_part = zoe_takes_part(&server, &mut zoe).await;

    // Zoe joins the closed group, writes in it, then leaves: that is the group's now.
    let asked = zoe.post("/api/v1/groups/beta-testers/join", json!({})).await;
    assert!(asked.status.is_success(), "{}", asked.text);
    let mut dmitry = server.signed_in("dmitry").await;
    let approved =
        put(&mut dmitry, "/api/v1/groups/beta-testers/requests/zoe", Some(json!({ "decision": "approve" }))).await;
    assert!(approved.status.is_success(), "{}", approved.text);
    let closed = zoe
        .post("/api/v1/threads", json!({ "space_id": "beta-lab", "title": "Beta build notes", "body": "Closed words" }))
        .await;
    assert_eq!(closed.status, StatusCode::CREATED, "{}", closed.text);
    let left = zoe.send(Method::DELETE, "/api/v1/groups/beta-testers/membership", None, Extra::default()).await;
    assert!(left.status.is_success(), "{}", left.text);

    let archive = zoe.get("/api/v1/account/export").await;
    assert_eq!(archive.status, StatusCode::OK, "{}", archive.text);
    assert_eq!(archive.header("content-type"), Some("application/zip"));
    assert!(archive.header("content-disposition").unwrap().starts_with("attachment; filename=\"veche-zoe-"));
    let files = unzip(&archive.bytes);

    let profile = json_file(&files, "profile.json");
    assert_eq!((profile["handle"].as_str(), profile["email"].as_str()), (Some("zoe"), Some("zoe@example.org")));
    let threads = json_file(&files, "threads.json");
    let titles: Vec<&str> = threads.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Zoe asks about exports"]);
    assert_eq!(threads[0]["id"], zoe_part.thread.as_str());
    let replies = json_file(&files, "replies.json");
    assert_eq!(replies.as_array().unwrap().len(), 1);
    assert_eq!(
        (replies[0]["id"].as_str(), replies[0]["body"].as_str()),
        (Some(zoe_part.reply.as_str()), Some("Zoe replies: yes, daily"))
    );
    let ideas = json_file(&files, "ideas.json");
    assert_eq!(ideas[0]["id"], zoe_part.idea.as_str());
    let votes = json_file(&files, "votes.json");
    assert!(votes.as_array().unwrap().iter().any(|v| v["kind"] == "idea" && v["id"] == zoe_part.voted_idea.as_str()));
    let groups = json_file(&files, "groups.json");
    assert_eq!(groups.as_array().unwrap().len(), 0, "left groups are not memberships: {groups}");
    let avatar = files.get("pictures/avatar.png").expect("the avatar");
    assert_eq!(image::load_from_memory(avatar).expect("a picture").width(), 24);
    assert!(files.contains_key("README.txt"));

    let everything = all_text(&files);
    for foreign in ["Anna answers with her own words", "Does anyone use the API?", "Closed words", "Beta build notes"] {
        assert!(!everything.contains(foreign), "{foreign:?} is someone else's or the closed group's");
    }

    // The download is logged, for staff only.
    let mut james = server.signed_in("james").await;
    assert_eq!(james.get("/api/v1/privacy/log").await.status, StatusCode::FORBIDDEN);
    let mut elena = server.signed_in("elena").await;
    let entries = log(&mut elena).await;
    assert_eq!(entries[0]["action"], "export");
    assert_eq!(
        (entries[0]["actor"]["handle"].as_str(), entries[0]["subject_handle"].as_str()),
        (Some("zoe"), Some("zoe"))
    );
    assert_eq!(entries[0]["on_request"], false);

    // A guest gets no archive.
    assert_eq!(server.browser().get("/api/v1/account/export").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn staff_export_a_members_archive_on_request_and_it_is_logged() {
    let server = TestServer::start().await;
    let mut zoe = server.registered("zoe").await;
    zoe.new_thread("Zoe's only thread", "Some words of mine").await;
    let mut james = server.signed_in("james").await;
    assert_eq!(james.get("/api/v1/members/zoe/export").await.status, StatusCode::FORBIDDEN);
    let mut elena = server.signed_in("elena").await;
    let archive = elena.get("/api/v1/members/zoe/export").await;
    assert_eq!(archive.status, StatusCode::OK, "{}", archive.text);
    let files = unzip(&archive.bytes);
    assert_eq!(json_file(&files, "profile.json")["handle"], "zoe");
    assert_eq!(json_file(&files, "threads.json")[0]["title"], "Zoe's only thread");
    // What zoe may read, not what staff may: nothing of the secret group elena sees.
    assert!(!all_text(&files).contains("Partner council"));
    assert_eq!(elena.get("/api/v1/members/nobody-here/export").await.status, StatusCode::NOT_FOUND);

    let entries = log(&mut elena).await;
    assert_eq!(entries[0]["action"], "export");
    assert_eq!(
        (entries[0]["actor"]["handle"].as_str(), entries[0]["subject_handle"].as_str()),
        (Some("elena"), Some("zoe"))
    );
    assert_eq!(entries[0]["on_request"], true);
}

#[tokio::test]
async fn deleting_keeps_content_as_former_member_and_ends_every_session_at_once() {
    let server = TestServer::start().await;
    let mut zoe = server.registered("zoe").await;
    let part = zoe_takes_part(&server, &mut zoe).await;
    let before_votes = vote_count(&mut zoe, &part.voted_idea).await;
    let mut zoe_elsewhere = server.browser();
    assert_eq!(zoe_elsewhere.login("zoe", PASSWORD).await.status, StatusCode::OK);
    // The mail confirming zoe's address is still queued: it must not go out after she leaves.
    let database = server.state.config.database.display().to_string();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{database}")).await.expect("database");
    let queued = "SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'zoe@example.org' AND state = 'queued'";
    assert_eq!(sqlx::query_scalar::<_, i64>(queued).fetch_one(&pool).await.unwrap(), 1);

    let wrong = delete_account(&mut zoe, "not my password").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body["errors"]["password"].is_string(), "{}", wrong.text);
    let forged = zoe
        .post_with(
            "/api/v1/account/deletion",
            json!({ "password": PASSWORD }),
            Extra { without_csrf: true, ..Extra::default() },
        )
        .await;
    assert_eq!((forged.status, forged.code()), (StatusCode::FORBIDDEN, "csrf_failed"));
    assert_eq!(zoe.get("/api/v1/auth/me").await.body["account"]["member"]["handle"], "zoe");

    let old_cookie = zoe.cookie.clone();
    let deleted = delete_account(&mut zoe, PASSWORD).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.text);
    assert_eq!(zoe.cookie, None, "the cookie is cleared");

    // Every session is dead: the old cookie and the other browser's.
    let mut replayed = Browser::with(server.router.clone(), old_cookie, None);
    assert_eq!(replayed.get("/api/v1/auth/sessions").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(zoe_elsewhere.get("/api/v1/auth/sessions").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(zoe_elsewhere.get("/api/v1/auth/me").await.body["account"], Value::Null);
    assert_eq!(server.browser().login("zoe", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sqlx::query_scalar::<_, i64>(queued).fetch_one(&pool).await.unwrap(), 0);
    pool.close().await;

    // Kept: the thread, signed "former member", others' replies in it; the vote still counts.
    let mut anna = server.signed_in("anna").await;
    let thread = anna.get(&format!("/api/v1/threads/{}", part.thread)).await;
    assert_eq!(thread.status, StatusCode::OK, "{}", thread.text);
    assert_eq!(thread.body["title"], "Zoe asks about exports");
    assert_eq!(thread.body["author"]["former"], true);
    assert_eq!(thread.body["author"]["display_name"], "Former member");
    assert!(!thread.text.contains("zoe@example.org") && !thread.text.contains("Member zoe"));
    assert_eq!(vote_count(&mut anna, &part.voted_idea).await, before_votes);
    assert_eq!(anna.get(&format!("/api/v1/ideas/{}", part.idea)).await.status, StatusCode::OK);
    // Gone from the directory and the profile address; the handle and address are free again.
    let found = anna.get("/api/v1/members?q=zoe").await;
    assert_eq!(found.body["items"].as_array().unwrap().len(), 0, "{}", found.text);
    assert_eq!(anna.get("/api/v1/members/zoe").await.status, StatusCode::NOT_FOUND);
    let mut again = server.browser();
    let rejoined = again
        .post(
            "/api/v1/auth/register",
            json!({ "handle": "zoe", "display_name": "Zoe Again", "email": "zoe@example.org", "password": PASSWORD, "accept_charter": true }),
        )
        .await;
    assert_eq!(rejoined.status, StatusCode::CREATED, "{}", rejoined.text);

    let mut elena = server.signed_in("elena").await;
    let entries = log(&mut elena).await;
    assert_eq!((entries[0]["action"].as_str(), entries[0]["subject_handle"].as_str()), (Some("delete"), Some("zoe")));
    assert_eq!(entries[0]["on_request"], false);
}

#[tokio::test]
async fn in_remove_mode_the_members_words_ideas_and_votes_go() {
    let server = TestServer::start().await;
    let mut james = server.signed_in("james").await;
    let refused = put(&mut james, "/api/v1/privacy", Some(json!({ "deleted_content": "remove" }))).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mut elena = server.signed_in("elena").await;
    let unknown = put(&mut elena, "/api/v1/privacy", Some(json!({ "deleted_content": "shred" }))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = put(&mut elena, "/api/v1/privacy", Some(json!({ "deleted_content": "remove" }))).await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    assert_eq!(server.browser().get("/api/v1/privacy").await.body["deleted_content"], "remove");

    let mut zoe = server.registered("zoe").await;
    let (_, votes_before) = first_idea_not_by(&mut zoe, "zoe").await;
    let part = zoe_takes_part(&server, &mut zoe).await;
    assert_eq!(vote_count(&mut james, &part.voted_idea).await, votes_before + 1);
    assert_eq!(delete_account(&mut zoe, PASSWORD).await.status, StatusCode::NO_CONTENT);

    // Her thread and idea are gone; her reply's place says deleted, others' words stay.
    let thread = james.get(&format!("/api/v1/threads/{}", part.thread)).await;
    assert!(!thread.text.contains("How do I export my dashboards?"), "{}", thread.text);
    assert_eq!(james.get(&format!("/api/v1/ideas/{}", part.idea)).await.status, StatusCode::NOT_FOUND);
    let reply = james.get(&format!("/api/v1/replies/{}", part.reply)).await;
    assert!(!reply.text.contains("Zoe replies"), "{}", reply.text);
    let listed = james.get("/api/v1/threads?sort=newest").await;
    assert!(!listed.text.contains("Zoe asks about exports"));
    assert!(listed.text.contains("Anna's question"));
    assert_eq!(vote_count(&mut james, &part.voted_idea).await, votes_before);
}

#[tokio::test]
async fn staff_delete_on_request_with_their_own_password_never_a_staff_account_and_it_is_logged() {
    let server = TestServer::start().await;
    let mut zoe = server.registered("zoe").await;
    let mut elena = server.signed_in("elena").await;
    let mut james = server.signed_in("james").await;
    let refused = james.post("/api/v1/members/zoe/deletion", json!({ "password": "veche-demo" })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let wrong = elena.post("/api/v1/members/zoe/deletion", json!({ "password": PASSWORD })).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "zoe's password is not elena's");
    let staff = elena.post("/api/v1/members/maria/deletion", json!({ "password": "veche-demo" })).await;
    assert_eq!(staff.status, StatusCode::FORBIDDEN);
    let done = elena
        .post("/api/v1/members/zoe/deletion", json!({ "password": "veche-demo", "note": "Asked by mail on 7 Dec" }))
        .await;
    assert_eq!(done.status, StatusCode::NO_CONTENT, "{}", done.text);
    assert_eq!(zoe.get("/api/v1/auth/sessions").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(elena.get("/api/v1/members/zoe/export").await.status, StatusCode::NOT_FOUND);

    let entries = log(&mut elena).await;
    assert_eq!(entries[0]["action"], "delete");
    assert_eq!(
        (entries[0]["actor"]["handle"].as_str(), entries[0]["subject_handle"].as_str()),
        (Some("elena"), Some("zoe"))
    );
    assert_eq!(
        (entries[0]["on_request"].as_bool(), entries[0]["note"].as_str()),
        (Some(true), Some("Asked by mail on 7 Dec"))
    );
}

#[tokio::test]
async fn leaving_gives_an_upcoming_place_to_the_first_on_the_waitlist() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let day = (Utc::now() + Duration::days(5)).date_naive();
    let event = elena
        .post(
            "/api/v1/events",
            json!({ "title": "Small room", "kind": "meetup", "starts_local": format!("{day}T18:00"),
                    "ends_local": format!("{day}T20:00"), "time_zone": "UTC", "capacity": 1 }),
        )
        .await;
    assert_eq!(event.status, StatusCode::CREATED, "{}", event.text);
    let event = event.body["id"].as_str().unwrap().to_owned();
    let rsvp = |status: &'static str| Some(json!({ "status": status }));
    let mut zoe = server.registered("zoe").await;
    let mut james = server.signed_in("james").await;
    assert_eq!(put(&mut zoe, &format!("/api/v1/events/{event}/rsvp"), rsvp("going")).await.body["status"], "going");
    let waiting = put(&mut james, &format!("/api/v1/events/{event}/rsvp"), rsvp("going")).await;
    assert_eq!(waiting.body["status"], "waitlisted", "{}", waiting.text);
    assert_eq!(delete_account(&mut zoe, PASSWORD).await.status, StatusCode::NO_CONTENT);
    let event = james.get(&format!("/api/v1/events/{event}")).await;
    assert_eq!(
        (event.body["my_status"].as_str(), event.body["going_count"].as_i64()),
        (Some("going"), Some(1)),
        "{}",
        event.text
    );
}

#[tokio::test]
async fn an_account_without_a_password_confirms_with_a_recent_sign_in_and_its_provider_account_is_unlinked() {
    let server = TestServer::start().await;
    let mut zoe = server.registered("zoe").await;
    // An account with a password must give it: an empty one is not enough.
    let empty = delete_account(&mut zoe, "").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.body["errors"]["password"], "This field is required.", "{}", empty.text);

    // Zoe's account is one made by the identity provider: no password anyone can give.
    let database = server.state.config.database.display().to_string();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{database}")).await.expect("database");
    let id = server.member_id("zoe").await;
    sqlx::query("UPDATE members SET password_hash = '!oidc:unguessable' WHERE id = ?")
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO member_identities (issuer, subject, member_id, email, created_at, last_used_at)
         VALUES ('https://id.example.org', 'zoe-subject', ?, 'zoe@example.org', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .bind(id)
    .execute(&pool)
    .await
    .unwrap();
    let signed_in_at = |minutes_ago: i64| {
        let at = veche_server::clock::format(Utc::now() - Duration::minutes(minutes_ago));
        sqlx::query("UPDATE sessions SET created_at = ? WHERE member_id = ?").bind(at).bind(id)
    };

    // Signed in eleven minutes ago: not recent enough, whatever password is sent.
    signed_in_at(11).execute(&pool).await.unwrap();
    for password in ["", "a guess"] {
        let stale = delete_account(&mut zoe, password).await;
        assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(stale.body["errors"]["password"].as_str().unwrap().contains("sign in again"), "{}", stale.text);
    }
    zoe.language = "ru".into();
    let russian = delete_account(&mut zoe, "").await;
    assert!(russian.body["errors"]["password"].as_str().unwrap().contains("войдите заново"), "{}", russian.text);
    assert_eq!(zoe.get("/api/v1/auth/me").await.body["account"]["member"]["handle"], "zoe");

    // Just signed in again through the provider: that confirms.
    signed_in_at(1).execute(&pool).await.unwrap();
    let deleted = delete_account(&mut zoe, "").await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.text);
    // The provider account no longer opens the deleted one.
    let linked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM member_identities WHERE member_id = ?")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(linked, 0);
    let found = server.state.db.member_by_identity("https://id.example.org", "zoe-subject").await.unwrap();
    assert!(found.is_none());
    pool.close().await;
}
