//! Notifications against a real SQLite file: who hears of replies, mentions, idea statuses, event
//! changes, cancellations and waitlist promotions; the unread count; marking read (one's own only).

mod common;

use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};

async fn new_thread(author: &mut Browser, title: &str, body: &str) -> String {
    let created =
        author.post("/api/v1/threads", json!({ "space_id": "integrations", "title": title, "body": body })).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().unwrap().to_owned()
}

async fn reply(member: &mut Browser, thread: &str, body: &str) -> String {
    let created = member.post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": body })).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().unwrap().to_owned()
}

/// The member's notifications, newest first.
async fn notifications(member: &mut Browser) -> Vec<Value> {
    let page = member.get("/api/v1/notifications").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    page.body["items"].as_array().unwrap().clone()
}

async fn unread(member: &mut Browser) -> i64 {
    let count = member.get("/api/v1/notifications/unread-count").await;
    assert_eq!(count.status, StatusCode::OK, "{}", count.text);
    count.body["unread"].as_i64().unwrap()
}

fn kinds(items: &[Value]) -> Vec<&str> {
    items.iter().map(|n| n["kind"].as_str().unwrap()).collect()
}

/// The one notification in `told`, checked to be of `kind`, about `title`, linking to `link`.
fn only(told: &[Value], kind: &str, title: &Value, link: &str) -> Value {
    assert_eq!(kinds(told), [kind]);
    assert_eq!(&told[0]["title"], title);
    assert_eq!(told[0]["link"], link);
    told[0].clone()
}

async fn new_event(staff: &mut Browser, title: &str, capacity: Option<i64>) -> (String, Value) {
    let day = (Utc::now() + Duration::days(3)).date_naive();
    let body = json!({
        "title": title,
        "kind": "meetup",
        "description": "We meet.",
        "starts_local": format!("{day}T18:00"),
        "ends_local": format!("{day}T20:00"),
        "time_zone": "Europe/Moscow",
        "city": "Kazan",
        "address": "Baumana 1",
        "capacity": capacity,
    });
    let created = staff.post("/api/v1/events", body.clone()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    (created.body["id"].as_str().unwrap().to_owned(), body)
}

async fn rsvp(member: &mut Browser, event: &str, status: &str) -> Value {
    let answer = member
        .send(Method::PUT, &format!("/api/v1/events/{event}/rsvp"), Some(json!({ "status": status })), Extra::default())
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    answer.body
}

#[tokio::test]
async fn a_reply_tells_the_threads_author_and_not_the_one_who_replied() {
    let server = TestServer::start().await;
    let mut author = server.registered("author").await;
    let mut replier = server.registered("replier").await;
    let thread = new_thread(&mut author, "Where do invoices go?", "Asking for the team.").await;
    assert_eq!(unread(&mut author).await, 0);

    let answer = reply(&mut replier, &thread, "To **accounting**, via the portal.").await;
    let told = notifications(&mut author).await;
    let told = only(&told, "reply", &json!("Where do invoices go?"), &format!("/threads/{thread}#reply-{answer}"));
    assert_eq!(told["excerpt"], "To accounting, via the portal.");
    assert_eq!(told["actor_name"], "Member replier");
    assert_eq!(told["read_at"], Value::Null);
    assert_eq!(unread(&mut author).await, 1);
    assert!(notifications(&mut replier).await.is_empty());

    // Replying in one's own thread tells nobody.
    reply(&mut author, &thread, "Thanks!").await;
    assert_eq!(unread(&mut author).await, 1);
    assert!(notifications(&mut replier).await.is_empty());
}

#[tokio::test]
async fn a_mention_tells_the_member_once_and_only_members_who_exist() {
    let server = TestServer::start().await;
    let mut author = server.registered("starter").await;
    let mut writer = server.registered("writer").await;
    let mut named = server.registered("named").await;
    let thread = new_thread(&mut author, "Release planning", "Who owns the notes?").await;

    let answer =
        reply(&mut writer, &thread, "@named could you, @NAMED? Not @writer, not @nobody_here, not named@example.org")
            .await;
    // One notification per mention per post.
    let told = notifications(&mut named).await;
    let told = only(&told, "mention", &json!("Release planning"), &format!("/threads/{thread}#reply-{answer}"));
    assert_eq!(told["actor_name"], "Member writer");
    assert!(notifications(&mut writer).await.is_empty(), "nobody is told of their own mention");
    assert_eq!(kinds(&notifications(&mut author).await), ["reply"]);

    // A mention of the thread's author in a reply is one notification, the mention.
    reply(&mut writer, &thread, "@starter see above").await;
    assert_eq!(kinds(&notifications(&mut author).await), ["mention", "reply"]);

    // Opening posts mention too.
    let second = new_thread(&mut writer, "Hello @named", "Welcome, @named!").await;
    let told = notifications(&mut named).await;
    assert_eq!(kinds(&told), ["mention", "mention"]);
    assert_eq!(told[0]["link"], format!("/threads/{second}"));
}

#[tokio::test]
async fn an_edit_tells_only_the_members_it_newly_mentions() {
    let server = TestServer::start().await;
    let mut author = server.registered("editor").await;
    let mut first = server.registered("first").await;
    let mut later = server.registered("later").await;
    let thread = new_thread(&mut author, "Budget review", "Numbers for @first.").await;
    let answer = reply(&mut author, &thread, "Draft attached.").await;
    assert_eq!(kinds(&notifications(&mut first).await), ["mention"]);

    let edit = |body: &str| Some(json!({ "body": body }));
    let edited = author
        .send(
            Method::PATCH,
            &format!("/api/v1/replies/{answer}"),
            edit("Draft attached, @later and @first."),
            Extra::default(),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    let told = notifications(&mut later).await;
    only(&told, "mention", &json!("Budget review"), &format!("/threads/{thread}#reply-{answer}"));
    assert_eq!(kinds(&notifications(&mut first).await), ["mention", "mention"]);
    // Saving the same mentions again tells nobody again.
    author
        .send(Method::PATCH, &format!("/api/v1/replies/{answer}"), edit("Final, @later and @first."), Extra::default())
        .await;
    assert_eq!(kinds(&notifications(&mut later).await), ["mention"]);

    // The opening post: only the newly named member hears.
    let edited = author
        .send(
            Method::PATCH,
            &format!("/api/v1/threads/{thread}"),
            edit("Numbers for @first and @later."),
            Extra::default(),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    assert_eq!(kinds(&notifications(&mut later).await), ["mention", "mention"]);
    assert_eq!(notifications(&mut later).await[0]["link"], format!("/threads/{thread}"));
    assert_eq!(kinds(&notifications(&mut first).await), ["mention", "mention"]);
}

#[tokio::test]
async fn nobody_hears_of_a_post_they_may_not_read() {
    let server = TestServer::start().await;
    // Anna and Dmitry are in the closed beta group; Ivan has only asked to join.
    let mut anna = server.signed_in("anna").await;
    let created = anna
        .post(
            "/api/v1/threads",
            json!({ "space_id": "beta-lab", "title": "Beta 5.2 build", "body": "@dmitry @ivan the build is up." }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    // Demo members have older notifications from the seed: look at this post's only.
    let about_the_post =
        |items: Vec<Value>| items.into_iter().filter(|n| n["title"] == "Beta 5.2 build").collect::<Vec<_>>();
    let mut dmitry = server.signed_in("dmitry").await;
    assert_eq!(kinds(&about_the_post(notifications(&mut dmitry).await)), ["mention"]);
    let mut ivan = server.signed_in("ivan").await;
    assert!(
        about_the_post(notifications(&mut ivan).await).is_empty(),
        "the title of closed content must not reach outsiders"
    );

    // Someone who leaves the group no longer sees what they were told about its content.
    let mut fresh = server.registered("tester").await;
    let joined = fresh.post("/api/v1/groups/beta-testers/join", json!({})).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.text);
    let approved = dmitry
        .send(
            Method::PUT,
            "/api/v1/groups/beta-testers/requests/tester",
            Some(json!({ "decision": "approve" })),
            Extra::default(),
        )
        .await;
    assert!(approved.status.is_success(), "{}", approved.text);
    let mut maria = server.signed_in("maria").await;
    let told = reply(&mut maria, created.body["id"].as_str().unwrap(), "@tester please try it too.").await;
    let before = notifications(&mut fresh).await;
    let mention = before.iter().find(|n| n["kind"] == "mention").expect("the mention").clone();
    assert!(mention["link"].as_str().unwrap().ends_with(&format!("#reply-{told}")));
    let unread_before = unread(&mut fresh).await;
    let left = fresh.send(Method::DELETE, "/api/v1/groups/beta-testers/membership", None, Extra::default()).await;
    assert!(left.status.is_success(), "{}", left.text);
    assert!(about_the_post(notifications(&mut fresh).await).is_empty());
    assert_eq!(unread(&mut fresh).await, unread_before - 1);
    let hidden =
        fresh.post(&format!("/api/v1/notifications/{}/read", mention["id"].as_str().unwrap()), json!({})).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_idea_status_change_tells_its_voters() {
    let server = TestServer::start().await;
    let mut voter = server.registered("backer").await;
    let mut bystander = server.registered("bystander").await;
    let ideas = voter.get("/api/v1/ideas?limit=1&status=new").await;
    let idea = ideas.body["items"][0].clone();
    let id = idea["id"].as_str().unwrap();
    let voted = voter.send(Method::PUT, &format!("/api/v1/ideas/{id}/vote"), None, Extra::default()).await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.text);

    let mut maria = server.signed_in("maria").await;
    let changed = maria
        .send(
            Method::PUT,
            &format!("/api/v1/ideas/{id}/status"),
            Some(json!({ "status": "planned", "answer": "We start in **spring**." })),
            Extra::default(),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);
    let told = notifications(&mut voter).await;
    let told = only(&told, "idea_status", &idea["title"], &format!("/ideas/{id}"));
    assert_eq!(told["excerpt"], "We start in spring.");
    assert!(notifications(&mut bystander).await.is_empty());
}

#[tokio::test]
async fn event_changes_and_cancellations_tell_those_who_answered() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut going = server.registered("goer").await;
    let mut interested = server.registered("curious").await;
    let mut absent = server.registered("absent").await;
    let (event, mut body) = new_event(&mut elena, "Partner breakfast", None).await;
    rsvp(&mut going, &event, "going").await;
    rsvp(&mut interested, &event, "interested").await;
    rsvp(&mut absent, &event, "not_going").await;

    // Only the description changes: nobody needs to hear.
    body["description"] = json!("We meet, with coffee.");
    let edited =
        elena.send(Method::PUT, &format!("/api/v1/events/{event}"), Some(body.clone()), Extra::default()).await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.text);
    assert!(notifications(&mut going).await.is_empty());

    body["address"] = json!("Kremlyovskaya 2");
    let moved = elena.send(Method::PUT, &format!("/api/v1/events/{event}"), Some(body), Extra::default()).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    for member in [&mut going, &mut interested] {
        let told = notifications(member).await;
        assert_eq!(kinds(&told), ["event_changed"]);
        assert_eq!(told[0]["title"], "Partner breakfast");
        assert!(told[0]["excerpt"].as_str().unwrap().contains("Kremlyovskaya 2"), "{}", told[0]);
    }

    let cancelled =
        elena.post(&format!("/api/v1/events/{event}/cancel"), json!({ "reason": "The venue closed." })).await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.text);
    let told = notifications(&mut going).await;
    assert_eq!(kinds(&told), ["event_cancelled", "event_changed"]);
    assert_eq!(told[0]["excerpt"], "The venue closed.");
    assert_eq!(told[0]["link"], format!("/events/{event}"));
    assert!(notifications(&mut absent).await.is_empty(), "not going: not concerned");
    assert!(notifications(&mut elena).await.is_empty(), "the one who made the change is not told");
}

#[tokio::test]
async fn a_waitlist_promotion_tells_the_promoted_member() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut first = server.registered("seated").await;
    let mut second = server.registered("waiting").await;
    let (event, _) = new_event(&mut elena, "Small workshop", Some(1)).await;
    rsvp(&mut first, &event, "going").await;
    assert_eq!(rsvp(&mut second, &event, "going").await["status"], "waitlisted");
    assert!(notifications(&mut second).await.is_empty());

    rsvp(&mut first, &event, "not_going").await;
    only(&notifications(&mut second).await, "waitlist_promoted", &json!("Small workshop"), &format!("/events/{event}"));
    assert!(notifications(&mut first).await.is_empty());
}

#[tokio::test]
async fn members_mark_their_own_notifications_read_one_by_one_or_all_at_once() {
    let server = TestServer::start().await;
    let mut author = server.registered("reader").await;
    let mut replier = server.registered("talker").await;
    let thread = new_thread(&mut author, "Reading notifications", "Tell me things.").await;
    for n in 1..=3 {
        reply(&mut replier, &thread, &format!("Thing number {n}.")).await;
    }
    assert_eq!(unread(&mut author).await, 3);
    let told = notifications(&mut author).await;
    assert_eq!(told[0]["excerpt"], "Thing number 3.", "newest first");
    let newest = told[0]["id"].as_str().unwrap().to_owned();

    // Someone else's notification is not found, and stays unread.
    let intruding = replier.post(&format!("/api/v1/notifications/{newest}/read"), json!({})).await;
    assert_eq!(intruding.status, StatusCode::NOT_FOUND);
    assert_eq!(unread(&mut author).await, 3);

    let read = author.post(&format!("/api/v1/notifications/{newest}/read"), json!({})).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text);
    assert!(read.body["read_at"].is_string());
    assert_eq!(unread(&mut author).await, 2);
    let unread_only = author.get("/api/v1/notifications?unread=1").await.body;
    let unread_ids: Vec<&str> =
        unread_only["items"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(unread_ids.len(), 2);
    assert!(!unread_ids.contains(&newest.as_str()));

    // Pages follow each other without repeating.
    let first = author.get("/api/v1/notifications?limit=2").await.body;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = author.get(&format!("/api/v1/notifications?limit=2&cursor={cursor}")).await.body;
    assert_eq!(second["items"][0]["excerpt"], "Thing number 1.");
    assert_eq!(second["next_cursor"], Value::Null);

    let all = author.post("/api/v1/notifications/read-all", json!({})).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(all.body["unread"], 0);
    assert_eq!(unread(&mut author).await, 0);
    assert!(author.get("/api/v1/notifications?unread=1").await.body["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn guests_have_no_notifications_and_bad_input_is_refused() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/notifications").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(guest.get("/api/v1/notifications/unread-count").await.status, StatusCode::UNAUTHORIZED);

    let mut member = server.registered("strict").await;
    for query in ["unread=yes", "limit=0", "limit=101", "cursor=x12"] {
        let refused = member.get(&format!("/api/v1/notifications?{query}")).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", refused.text);
    }
    let unknown = member.post("/api/v1/notifications/999999/read", json!({})).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let nonsense = member.post("/api/v1/notifications/abc/read", json!({})).await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);
}
