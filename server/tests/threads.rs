//! Threads against a real SQLite file: lists and orders, replies and deep links, permissions,
//! validation, kudos, accepted answers, locks, deletion and idempotent replay.

mod common;

use axum::http::{Method, StatusCode};
use common::{Extra, TestServer};
use serde_json::{Value, json};

async fn thread_id_by_title(browser: &mut common::Browser, title: &str) -> String {
    let page = browser.get("/api/v1/threads?limit=100").await;
    page.body["items"]
        .as_array()
        .and_then(|items| items.iter().find(|t| t["title"] == title))
        .map(|t| t["id"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|| panic!("no thread titled {title}"))
}

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().into_iter().flatten().map(|t| t["id"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn spaces_list_their_counts() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let spaces = guest.get("/api/v1/spaces").await;
    assert_eq!(spaces.status, StatusCode::OK);
    let product = spaces.body.as_array().unwrap().iter().find(|s| s["slug"] == "product-questions").unwrap().clone();
    assert!(product["thread_count"].as_i64().unwrap() >= 4);
    assert!(product["reply_count"].as_i64().unwrap() >= 1200);
}

#[tokio::test]
async fn lists_sort_filter_and_page() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let activity = guest.get("/api/v1/threads").await;
    assert_eq!(activity.body["items"][0]["pinned"], true, "pinned threads come first");

    let unanswered = guest.get("/api/v1/threads?sort=unanswered").await;
    assert!(unanswered.body["items"].as_array().unwrap().iter().all(|t| t["reply_count"] == 0));
    assert!(ids(&unanswered.body).contains(&thread_id_by_title(&mut guest, "Rate limits on the reporting API?").await));

    let discussed = guest.get("/api/v1/threads?sort=discussed").await;
    assert_eq!(discussed.body["items"][0]["reply_count"], 1200, "the release thread is the most discussed");

    let newest = guest.get("/api/v1/threads?sort=newest&space=regional-clubs").await;
    let items = newest.body["items"].as_array().unwrap();
    assert!(items.iter().all(|t| t["space"]["slug"] == "regional-clubs"));
    assert!(items.windows(2).all(|w| w[0]["created_at"].as_str() >= w[1]["created_at"].as_str()));

    let first = guest.get("/api/v1/threads?limit=3").await;
    let cursor = first.body["next_cursor"].as_str().expect("more pages").to_owned();
    let second = guest.get(&format!("/api/v1/threads?limit=3&cursor={cursor}")).await;
    let (a, b) = (ids(&first.body), ids(&second.body));
    assert_eq!(a.len(), 3);
    assert!(b.iter().all(|id| !a.contains(id)), "pages do not overlap");

    assert_eq!(guest.get("/api/v1/threads?sort=loudest").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(guest.get("/api/v1/threads?space=no-such-space").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(guest.get("/api/v1/threads?limit=500").await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn long_threads_page_and_links_to_late_replies_find_their_page() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let release = thread_id_by_title(&mut guest, "Release 5.0 megathread: questions and first impressions").await;
    let first = guest.get(&format!("/api/v1/threads/{release}/replies")).await;
    assert_eq!(first.body["items"].as_array().unwrap().len(), 50);
    assert_eq!(first.body["items"][0]["position"], 1);
    assert!(first.body["prev_cursor"].is_null());

    let last = guest.get(&format!("/api/v1/threads/{release}/replies?cursor=p1151")).await;
    let late_id = last.body["items"][40]["id"].as_str().unwrap().to_owned();
    assert_eq!(last.body["items"][40]["position"], 1191);
    assert!(last.body["next_cursor"].is_null(), "1151 + 50 reaches the end");

    let around = guest.get(&format!("/api/v1/threads/{release}/replies?around={late_id}")).await;
    assert_eq!(around.status, StatusCode::OK);
    assert_eq!(around.body["items"][0]["position"], 1151);
    assert_eq!(around.body["prev_cursor"], "p1101");
    assert!(ids(&around.body).contains(&late_id));

    let elsewhere = guest.get(&format!("/api/v1/threads/{release}/replies?around=999999")).await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn members_write_threads_and_replies_and_quote() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let created = anna
        .post(
            "/api/v1/threads",
            json!({ "space_id": "integrations", "title": "Export via API?", "body": "Is there an *export* endpoint?" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let thread = created.body["id"].as_str().unwrap().to_owned();
    assert_eq!(created.body["author"]["handle"], "anna");
    assert_eq!(created.body["space"]["slug"], "integrations");
    assert_eq!(created.body["permissions"]["edit"], true);
    assert_eq!(created.body["permissions"]["kudos"], false, "no kudos to yourself");

    let mut oleg = server.signed_in("oleg").await;
    let reply =
        oleg.post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Yes: `GET /exports`." })).await;
    assert_eq!(reply.status, StatusCode::CREATED);
    assert_eq!(reply.body["position"], 1);
    let reply_id = reply.body["id"].as_str().unwrap().to_owned();

    let quoting = anna
        .post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Thanks!", "quote_reply_id": reply_id }))
        .await;
    assert_eq!(quoting.status, StatusCode::CREATED);
    assert_eq!(quoting.body["quote"]["author_name"], "Oleg Smirnov");
    assert_eq!(quoting.body["quote"]["excerpt"], "Yes: GET /exports.");

    let listed = anna.get("/api/v1/threads?space=integrations&sort=newest").await;
    assert_eq!(listed.body["items"][0]["id"], thread.as_str());
    assert_eq!(listed.body["items"][0]["reply_count"], 2);
}

#[tokio::test]
async fn bad_posts_are_refused_field_by_field() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let answer =
        anna.post("/api/v1/threads", json!({ "space_id": "nowhere", "title": " ", "body": "x".repeat(10_001) })).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = &answer.body["errors"];
    assert_eq!(errors["space_id"], "There is no such item.");
    assert_eq!(errors["title"], "This field is required.");
    assert_eq!(errors["body"], "Use at most 10000 characters.");

    let mut guest = server.browser();
    let anonymous = guest
        .post("/api/v1/threads", json!({ "space_id": "integrations", "title": "Hello there", "body": "Hi" }))
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn only_authors_and_moderators_edit_and_delete() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let thread = thread_id_by_title(&mut anna, "How do I export a report to Excel and keep the formatting?").await;
    let replies = anna.get(&format!("/api/v1/threads/{thread}/replies")).await;
    let james_reply = replies.body["items"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(replies.body["items"][0]["author"]["handle"], "james");
    assert_eq!(replies.body["items"][0]["permissions"]["edit"], false);

    let refused = anna
        .send(
            Method::PATCH,
            &format!("/api/v1/replies/{james_reply}"),
            Some(json!({ "body": "hacked" })),
            Extra::default(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = anna.send(Method::DELETE, &format!("/api/v1/replies/{james_reply}"), None, Extra::default()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut james = server.signed_in("james").await;
    let edited = james
        .send(
            Method::PATCH,
            &format!("/api/v1/replies/{james_reply}"),
            Some(json!({ "body": "Same for me (4.3)." })),
            Extra::default(),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK);
    assert!(edited.body["edited_at"].is_string());

    let mut oleg = server.signed_in("oleg").await;
    let deleted = oleg.send(Method::DELETE, &format!("/api/v1/replies/{james_reply}"), None, Extra::default()).await;
    assert_eq!(deleted.status, StatusCode::OK, "moderators may delete");
    assert_eq!(deleted.body["deleted"], true);
    assert_eq!(deleted.body["body"], "");
    let again = anna.get(&format!("/api/v1/threads/{thread}/replies")).await;
    assert_eq!(again.body["items"][0]["deleted"], true, "a deleted reply keeps its place");
    assert_eq!(again.body["items"][0]["position"], 1);

    let pin = anna
        .send(Method::PATCH, &format!("/api/v1/threads/{thread}"), Some(json!({ "pinned": true })), Extra::default())
        .await;
    assert_eq!(pin.status, StatusCode::FORBIDDEN, "members cannot pin");
}

#[tokio::test]
async fn kudos_count_once_per_member_and_can_be_taken_back() {
    let server = TestServer::start().await;
    let mut ivan = server.signed_in("ivan").await;
    let thread = thread_id_by_title(&mut ivan, "Webhook retries: what is the backoff policy?").await;
    let before = ivan.get(&format!("/api/v1/threads/{thread}")).await.body["kudos_count"].as_i64().unwrap();
    assert_eq!(ivan.get(&format!("/api/v1/threads/{thread}")).await.body["kudos_given"], true, "seeded kudos");

    let taken = ivan.send(Method::DELETE, &format!("/api/v1/threads/{thread}/kudos"), None, Extra::default()).await;
    assert_eq!(taken.body, json!({ "kudos_count": before - 1, "kudos_given": false }));
    for _ in 0..3 {
        let given = ivan.send(Method::PUT, &format!("/api/v1/threads/{thread}/kudos"), None, Extra::default()).await;
        assert_eq!(given.body, json!({ "kudos_count": before, "kudos_given": true }), "giving twice counts once");
    }

    let mut dmitry = server.signed_in("dmitry").await;
    let own = dmitry.send(Method::PUT, &format!("/api/v1/threads/{thread}/kudos"), None, Extra::default()).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);

    // A reply that was deleted meanwhile refuses kudos: the app rolls its optimistic count back.
    let replies = ivan.get(&format!("/api/v1/threads/{thread}/replies")).await;
    let reply = replies.body["items"][0]["id"].as_str().unwrap().to_owned();
    let mut elena = server.signed_in("elena").await;
    elena.send(Method::DELETE, &format!("/api/v1/replies/{reply}"), None, Extra::default()).await;
    let refused = ivan.send(Method::PUT, &format!("/api/v1/replies/{reply}/kudos"), None, Extra::default()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_author_or_a_moderator_accepts_an_answer() {
    let server = TestServer::start().await;
    let mut james = server.signed_in("james").await;
    let thread = thread_id_by_title(&mut james, "Rate limits on the reporting API?").await;
    let mut oleg = server.signed_in("oleg").await;
    let reply =
        oleg.post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "600 per minute, per token." })).await;
    let reply_id = reply.body["id"].as_str().unwrap().to_owned();

    let mut anna = server.signed_in("anna").await;
    let refused = anna
        .send(
            Method::PUT,
            &format!("/api/v1/threads/{thread}/solution"),
            Some(json!({ "reply_id": reply_id })),
            Extra::default(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let accepted = james
        .send(
            Method::PUT,
            &format!("/api/v1/threads/{thread}/solution"),
            Some(json!({ "reply_id": reply_id })),
            Extra::default(),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK);
    assert_eq!(accepted.body["solution"]["id"], reply_id.as_str());
    assert_eq!(accepted.body["solution"]["solution"], true);
    let listed = james.get("/api/v1/threads?sort=newest&space=integrations").await;
    let row = listed.body["items"].as_array().unwrap().iter().find(|t| t["id"] == thread.as_str()).unwrap().clone();
    assert_eq!(row["solved"], true);

    let cleared =
        james.send(Method::DELETE, &format!("/api/v1/threads/{thread}/solution"), None, Extra::default()).await;
    assert!(cleared.body["solution"].is_null());
}

#[tokio::test]
async fn locked_threads_take_no_replies() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let thread = thread_id_by_title(&mut anna, "Webhook retries: what is the backoff policy?").await;
    let mut oleg = server.signed_in("oleg").await;
    let locked = oleg
        .send(
            Method::PATCH,
            &format!("/api/v1/threads/{thread}"),
            Some(json!({ "locked": true, "pinned": true })),
            Extra::default(),
        )
        .await;
    assert_eq!(locked.status, StatusCode::OK);
    assert_eq!(locked.body["locked"], true);
    assert_eq!(locked.body["pinned"], true);
    assert_eq!(anna.get(&format!("/api/v1/threads/{thread}")).await.body["permissions"]["reply"], false);
    let refused = anna.post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Me too" })).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "locked");
}

#[tokio::test]
async fn a_retried_reply_is_posted_once() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let thread = thread_id_by_title(&mut anna, "Kazan user group: ideas for the spring meetup").await;
    let before = anna.get(&format!("/api/v1/threads/{thread}")).await.body["reply_count"].as_i64().unwrap();
    let retry = Extra { idempotency_key: Some("reply-7f3a".into()), ..Extra::default() };
    let first = anna
        .post_with(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Count me in" }), retry.clone())
        .await;
    let second =
        anna.post_with(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Count me in" }), retry).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(second.header("idempotent-replayed"), Some("true"));
    assert_eq!(first.body["id"], second.body["id"]);
    let after = anna.get(&format!("/api/v1/threads/{thread}")).await.body["reply_count"].as_i64().unwrap();
    assert_eq!(after, before + 1);
}

#[tokio::test]
async fn deleting_an_opening_post_keeps_the_thread() {
    let server = TestServer::start().await;
    let mut olga = server.signed_in("olga").await;
    let thread = thread_id_by_title(&mut olga, "Kazan user group: ideas for the spring meetup").await;
    let deleted = olga.send(Method::DELETE, &format!("/api/v1/threads/{thread}"), None, Extra::default()).await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(deleted.body["deleted"], true);
    assert_eq!(deleted.body["body"], "");
    let replies = olga.get(&format!("/api/v1/threads/{thread}/replies")).await;
    assert_eq!(replies.body["items"].as_array().unwrap().len(), 2, "replies stay");
}
