//! The home page's data: the counters on a fresh database with known content (as a guest and as
//! a closed group's member, who sees more), news spaces where only staff start threads, and the
//! "most discussed" window.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{Browser, TestServer};
use serde_json::json;
use veche_api::Locale;
use veche_api::groups::{GroupKind, GroupRole};
use veche_api::ideas::IdeaStatus;
use veche_api::member::{Access, CommunityRole};
use veche_api::moderation::{ModerationAction, TargetKind};
use veche_server::clock;
use veche_server::config::SeedMode;
use veche_server::db::NewMember;

const PASSWORD: &str = "long enough secret";

/// A community founded ten days ago (UTC) with no content and one staff member signed in.
async fn empty_community() -> (TestServer, Browser) {
    let server = TestServer::start_with(|config| config.seed = SeedMode::None).await;
    let db = &server.state.db;
    let founded = (Utc::now().date_naive() - Duration::days(10)).format("%Y-%m-%d").to_string();
    db.create_community("Test", "A community for counting.", &founded, "UTC").await.unwrap();
    let hash = veche_server::tokens::hash_password(PASSWORD.to_owned()).await.unwrap();
    db.insert_member(&NewMember {
        handle: "boss",
        display_name: "Boss",
        email: "boss@example.org",
        password_hash: &hash,
        role: CommunityRole::President,
        access: Access::Staff,
        locale: Locale::En,
        position: None,
        company: None,
        created_at: &clock::now(),
    })
    .await
    .unwrap();
    let mut staff = server.browser();
    let signed_in = staff.login("boss", PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.text);
    (server, staff)
}

async fn id_of(server: &TestServer, handle: &str) -> i64 {
    server.state.db.member_by_login(handle).await.unwrap().unwrap().id
}

async fn stats(browser: &mut Browser) -> serde_json::Value {
    let answer = browser.get("/api/v1/community/stats").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    answer.body
}

#[tokio::test]
async fn the_counters_count_what_the_viewer_may_read() {
    let (server, _staff) = empty_community().await;
    let mut alice = server.registered("alice").await;
    let _bob = server.registered("bob").await;
    let _carl = server.registered("carl").await;
    let db = &server.state.db;
    let (boss, alice_id, bob, carl) = (
        id_of(&server, "boss").await,
        id_of(&server, "alice").await,
        id_of(&server, "bob").await,
        id_of(&server, "carl").await,
    );
    // Carl's profile is hidden by a moderator: he no longer counts as a member.
    db.moderate(boss, ModerationAction::Hide, TargetKind::Member, carl, "spam").await.unwrap();
    let lab = db.create_group("lab", "Lab", "", GroupKind::Closed).await.unwrap().unwrap();
    db.put_member(lab, alice_id, GroupRole::Member, None).await.unwrap();
    let category = db.create_idea_category("general", "General", 0).await.unwrap();
    let at = clock::now();
    let idea = |title: &'static str| db.create_idea(boss, category, title, "", &at);
    let (open_new, open_done, open_duplicate, open_hidden) = (
        idea("An open idea").await.unwrap(),
        idea("An implemented open idea").await.unwrap(),
        idea("The same open idea again").await.unwrap(),
        idea("A hidden open idea").await.unwrap(),
    );
    let (lab_new, lab_done) = (idea("A lab idea").await.unwrap(), idea("An implemented lab idea").await.unwrap());
    for lab_idea in [lab_new, lab_done] {
        db.set_idea_group(lab_idea, Some(lab)).await.unwrap();
    }
    for (voted, voter) in [
        (open_new, alice_id),
        (open_new, bob),
        (open_done, bob),
        (open_hidden, bob),
        (lab_new, alice_id),
        (lab_done, alice_id),
    ] {
        db.vote(voted, voter, true).await.unwrap().unwrap();
    }
    db.set_idea_status(open_done, IdeaStatus::Implemented, "Done.", boss).await.unwrap();
    db.set_idea_status(lab_done, IdeaStatus::Implemented, "Done.", boss).await.unwrap();
    db.merge_ideas(open_duplicate, open_new, "Same as the first.", boss).await.unwrap();
    db.moderate(boss, ModerationAction::Hide, TargetKind::Idea, open_hidden, "off topic").await.unwrap();

    // Boss, alice and bob; two open ideas (the duplicate and the hidden one left out) with
    // three votes, one implemented.
    let guest = stats(&mut server.browser()).await;
    assert_eq!(guest, json!({ "members": 3, "days": 10, "ideas": 2, "votes": 3, "implemented": 1 }));
    // Alice reads the lab too: two more ideas, their two votes, one more implemented.
    assert_eq!(stats(&mut alice).await, json!({ "members": 3, "days": 10, "ideas": 4, "votes": 5, "implemented": 2 }));
    // Bob is signed in but not in the lab: what a guest sees.
    let mut bob_browser = server.browser();
    bob_browser.login("bob", PASSWORD).await;
    assert_eq!(stats(&mut bob_browser).await, guest);
}

#[tokio::test]
async fn only_staff_start_threads_in_a_news_space_and_members_reply() {
    let (server, mut staff) = empty_community().await;
    let db = &server.state.db;
    let news = db.create_space("news", "News", "Announcements.", 0).await.unwrap();
    db.set_space_news(news, true).await.unwrap();
    db.create_space("talk", "Talk", "Anything.", 1).await.unwrap();
    let spaces = server.browser().get("/api/v1/spaces").await;
    let flags: Vec<(String, bool)> = spaces
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["slug"].as_str().unwrap().to_owned(), s["news"].as_bool().unwrap()))
        .collect();
    assert_eq!(flags, [("news".to_owned(), true), ("talk".to_owned(), false)]);

    let mut member = server.registered("member").await;
    let thread = json!({ "space_id": "news", "title": "My own news", "body": "Members may not announce." });
    let refused = member.post("/api/v1/threads", thread.clone()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text);
    let elsewhere =
        member.post("/api/v1/threads", json!({ "space_id": "talk", "title": "Hello there", "body": "Hi." })).await;
    assert_eq!(elsewhere.status, StatusCode::CREATED, "{}", elsewhere.text);

    let announced = staff.post("/api/v1/threads", thread).await;
    assert_eq!(announced.status, StatusCode::CREATED, "{}", announced.text);
    let id = announced.body["id"].as_str().unwrap();
    member.new_reply(id, "Thanks for the news!").await;
    let listed = server.browser().get("/api/v1/threads?space=news").await;
    assert_eq!(listed.body["items"][0]["reply_count"], 1);
}

#[tokio::test]
async fn discussed_this_week_counts_only_the_last_seven_days() {
    let (server, mut staff) = empty_community().await;
    let db = &server.state.db;
    db.create_space("talk", "Talk", "Anything.", 0).await.unwrap();
    let boss = id_of(&server, "boss").await;
    let mut ids = Vec::new();
    for title in ["Busy two weeks ago", "Busy this week"] {
        let created = staff.post("/api/v1/threads", json!({ "space_id": "talk", "title": title, "body": "." })).await;
        ids.push(created.body["id"].as_str().unwrap().parse::<i64>().unwrap());
    }
    let (busy_before, busy_now) = (ids[0], ids[1]);
    let ten_days_ago = clock::format(Utc::now() - Duration::days(10));
    for _ in 0..3 {
        db.create_reply(busy_before, boss, "Then.", None, &ten_days_ago).await.unwrap();
    }
    db.create_reply(busy_now, boss, "Now.", None, &clock::now()).await.unwrap();

    let titles = |body: &serde_json::Value| -> Vec<String> {
        body["items"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap().to_owned()).collect()
    };
    let mut guest = server.browser();
    let month = guest.get("/api/v1/threads?sort=discussed").await;
    assert_eq!(titles(&month.body), ["Busy two weeks ago", "Busy this week"]);
    let week = guest.get("/api/v1/threads?sort=discussed&period=week").await;
    assert_eq!(titles(&week.body), ["Busy this week", "Busy two weeks ago"]);
    let unknown = guest.get("/api/v1/threads?sort=discussed&period=year").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}
