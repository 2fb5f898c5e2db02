//! The live stream (`GET /stream`) against a real SQLite file: every kind of viewer receives
//! exactly what the pages would show them (community-wide, open, closed and secret groups,
//! someone else's notifications, hidden threads), a member who leaves a closed group while
//! connected stops receiving its events at once, events arrive in order, and a stream resumed
//! with `Last-Event-ID` gets what it missed, once.
//!
//! "Did not arrive" is never waited for: each check ends with a marker event every viewer may
//! see, written last, so whatever a stream received before the marker is all it will ever get
//! of what came before it.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{Browser, TestServer};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// One received server-sent event.
#[derive(Clone, Debug)]
struct Received {
    id: Option<i64>,
    kind: String,
    data: Value,
}

/// An open stream, read message by message.
struct Stream {
    body: Body,
    buffer: String,
}

/// Opens a stream as `browser` (its cookie), resuming after `last_event_id` if given.
async fn open(server: &TestServer, browser: &Browser, last_event_id: Option<&str>) -> Stream {
    open_with(server, browser.cookie.as_deref(), last_event_id).await
}

async fn open_with(server: &TestServer, cookie: Option<&str>, last_event_id: Option<&str>) -> Stream {
    let mut request = Request::builder().method(Method::GET).uri("/api/v1/stream");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(id) = last_event_id {
        request = request.header("Last-Event-ID", id);
    }
    let response = server.router.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "text/event-stream");
    Stream { body: response.into_body(), buffer: String::new() }
}

impl Stream {
    /// The next event that is not a heartbeat; `None` when the server ended the stream. A test
    /// that waits in vain fails after a minute instead of hanging.
    async fn next(&mut self) -> Option<Received> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let message: String = self.buffer.drain(..end + 2).collect();
                let mut received = Received { id: None, kind: "message".into(), data: Value::Null };
                for line in message.lines() {
                    if let Some(id) = line.strip_prefix("id: ").or_else(|| line.strip_prefix("id:")) {
                        received.id = id.trim().parse().ok();
                    } else if let Some(kind) = line.strip_prefix("event: ").or_else(|| line.strip_prefix("event:")) {
                        received.kind = kind.trim().to_owned();
                    } else if let Some(data) = line.strip_prefix("data: ").or_else(|| line.strip_prefix("data:")) {
                        received.data = serde_json::from_str(data).expect("event data is JSON");
                    }
                }
                if received.kind == "heartbeat" || message.starts_with(':') {
                    continue;
                }
                return Some(received);
            }
            let frame = tokio::time::timeout(Duration::from_secs(60), self.body.frame())
                .await
                .expect("the stream said nothing for a minute")?
                .expect("stream body");
            if let Ok(bytes) = frame.into_data() {
                self.buffer.push_str(std::str::from_utf8(&bytes).unwrap());
            }
        }
    }

    /// Every event up to and including the reply `marker`'s creation.
    async fn until_reply(&mut self, marker: &str) -> Vec<Received> {
        let mut seen = Vec::new();
        loop {
            let event = self.next().await.expect("the stream ended before the marker");
            let done = event.kind == "reply_created" && event.data["reply_id"] == marker;
            seen.push(event);
            if done {
                return seen;
            }
        }
    }
}

/// The threads whose new replies a viewer received.
fn replied_threads(events: &[Received]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.kind == "reply_created")
        .map(|e| e.data["thread_id"].as_str().unwrap().to_owned())
        .collect()
}

/// Starts a thread in `space` as `author`; answers its id.
async fn thread_in(author: &mut Browser, space: &str, title: &str) -> String {
    let created = author.post("/api/v1/threads", json!({ "space_id": space, "title": title, "body": "Text." })).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn each_viewer_receives_what_the_pages_show_them_and_nothing_else() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await; // staff
    let community = thread_in(&mut maria, "product-questions", "Community-wide").await;
    let open_group = thread_in(&mut maria, "north-west", "Open group").await;
    let closed_group = thread_in(&mut maria, "beta-lab", "Closed group").await;
    let secret_group = thread_in(&mut maria, "partner-council", "Secret group").await;
    let mut anna = server.signed_in("anna").await;
    let annas_thread = thread_in(&mut anna, "product-questions", "Anna asks").await;
    let marker_thread = thread_in(&mut maria, "product-questions", "Markers").await;

    let guest = server.browser();
    let outsider = server.registered("newcomer").await;
    let oleg = server.signed_in("oleg").await; // moderator, in no group
    let sergey = server.signed_in("sergey").await; // the secret group's member
    let viewers = [
        ("guest", guest.cookie, vec![&community, &open_group]),
        ("outsider", outsider.cookie, vec![&community, &open_group]),
        ("anna (closed group)", anna.cookie.clone(), vec![&community, &open_group, &closed_group]),
        ("oleg (moderator)", oleg.cookie, vec![&community, &open_group, &closed_group]),
        ("maria (staff)", maria.cookie.clone(), vec![&community, &open_group, &closed_group, &secret_group]),
        ("sergey (secret group)", sergey.cookie, vec![&community, &open_group, &secret_group]),
    ];
    let mut streams = Vec::new();
    for (_, cookie, _) in &viewers {
        streams.push(open_with(&server, cookie.as_deref(), None).await);
    }

    for thread in [&community, &open_group, &closed_group, &secret_group] {
        maria.new_reply(thread, "A reply.").await;
    }
    // Someone answers anna: her bell changes, nobody else's.
    maria.new_reply(&annas_thread, "An answer for Anna.").await;
    let marker = maria.new_reply(&marker_thread, "Marker.").await;

    for ((name, _, expected), stream) in viewers.iter().zip(&mut streams) {
        let events = stream.until_reply(&marker).await;
        let mut expected: Vec<String> = expected.iter().map(|t| (*t).clone()).collect();
        expected.push(annas_thread.clone());
        expected.push(marker_thread.clone());
        assert_eq!(replied_threads(&events), expected, "{name}");
        let bells = events.iter().filter(|e| e.kind == "notifications_changed").count();
        assert_eq!(bells, usize::from(*name == "anna (closed group)"), "{name}: notifications events");
        // Ids, counts and kinds only: never the text.
        assert!(events.iter().all(|e| !e.data.to_string().contains("reply.")), "{name}");
    }
}

#[tokio::test]
async fn a_member_who_leaves_a_closed_group_stops_receiving_its_events_at_once() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await;
    let closed = thread_in(&mut maria, "beta-lab", "Closed group").await;
    let markers = thread_in(&mut maria, "product-questions", "Markers").await;
    let mut anna = server.signed_in("anna").await;
    let mut stream = open(&server, &anna, None).await;

    let before = maria.new_reply(&closed, "Before she leaves.").await;
    let first = stream.next().await.unwrap();
    assert_eq!((first.kind.as_str(), first.data["reply_id"].as_str()), ("reply_created", Some(before.as_str())));

    let left = anna.send(Method::DELETE, "/api/v1/groups/beta-testers/membership", None, Default::default()).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT, "{}", left.text);
    maria.new_reply(&closed, "After she left.").await;
    let marker = maria.new_reply(&markers, "Marker.").await;
    let events = stream.until_reply(&marker).await;
    assert_eq!(replied_threads(&events), vec![markers.clone()], "nothing of the closed group after leaving");

    // Her stream, resumed from before she left, does not replay it either.
    let mut resumed = open(&server, &anna, Some(&first.id.unwrap().to_string())).await;
    let events = resumed.until_reply(&marker).await;
    assert_eq!(replied_threads(&events), vec![markers.clone()]);
}

#[tokio::test]
async fn hidden_threads_reach_moderators_only_and_hiding_reaches_every_reader() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await;
    let mut oleg = server.signed_in("oleg").await;
    let thread = thread_in(&mut maria, "product-questions", "To be hidden").await;
    let markers = thread_in(&mut maria, "product-questions", "Markers").await;
    let guest = server.browser();
    let mut guest_stream = open(&server, &guest, None).await;
    let mut moderator_stream = open(&server, &oleg, None).await;

    let hidden = oleg
        .post(
            "/api/v1/moderation/actions",
            json!({ "target_kind": "thread", "target_id": thread, "action": "hide", "note": "Off topic" }),
        )
        .await;
    assert_eq!(hidden.status, StatusCode::CREATED, "{}", hidden.text);
    maria.new_reply(&thread, "In a hidden thread.").await;
    let marker = maria.new_reply(&markers, "Marker.").await;

    let guest_events = guest_stream.until_reply(&marker).await;
    assert_eq!(guest_events[0].kind, "post_changed");
    assert_eq!(guest_events[0].data, json!({ "kind": "post_changed", "thread_id": thread, "change": "hidden" }));
    assert_eq!(replied_threads(&guest_events), vec![markers.clone()]);
    let moderator_events = moderator_stream.until_reply(&marker).await;
    assert_eq!(replied_threads(&moderator_events), [thread, markers]);
}

#[tokio::test]
async fn events_arrive_in_order_and_a_resumed_stream_gets_what_it_missed_once() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await;
    let thread = thread_in(&mut maria, "product-questions", "Busy thread").await;
    let guest = server.browser();
    let mut stream = open(&server, &guest, None).await;
    let mut replies = Vec::new();
    for n in 0..5 {
        replies.push(maria.new_reply(&thread, &format!("Reply {n}")).await);
    }
    let mut anna = server.signed_in("anna").await;
    let kudos =
        anna.send(Method::PUT, &format!("/api/v1/replies/{}/kudos", replies[0]), None, Default::default()).await;
    assert!(kudos.status.is_success(), "{}", kudos.text);
    let mut received = Vec::new();
    for _ in 0..6 {
        received.push(stream.next().await.unwrap());
    }
    let ids: Vec<i64> = received.iter().map(|e| e.id.unwrap()).collect();
    assert!(ids.windows(2).all(|pair| pair[0] < pair[1]), "ids grow: {ids:?}");
    let order: Vec<&str> = received[..5].iter().map(|e| e.data["reply_id"].as_str().unwrap()).collect();
    assert_eq!(order, replies.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(
        received[5].data,
        json!({ "kind": "kudos_changed", "thread_id": thread, "reply_id": replies[0], "kudos_count": 1 })
    );

    // The tab was away after the second reply: it gets the third on, once each, then live ones.
    drop(stream);
    let mut resumed = open(&server, &guest, Some(&ids[1].to_string())).await;
    let later = maria.new_reply(&thread, "While resumed.").await;
    let mut again = Vec::new();
    for _ in 0..5 {
        again.push(resumed.next().await.unwrap());
    }
    let again_ids: Vec<i64> = again.iter().map(|e| e.id.unwrap()).collect();
    assert_eq!(again_ids[..4], ids[2..]);
    assert_eq!(again[4].data["reply_id"], later.as_str(), "then the live one");
    let marker = maria.new_reply(&thread, "Marker.").await;
    assert_eq!(resumed.next().await.unwrap().data["reply_id"], marker.as_str(), "nothing twice");

    // The query parameter resumes the same way (a new EventSource cannot set the header).
    let request =
        Request::builder().uri(format!("/api/v1/stream?last_event_id={}", ids[4])).body(Body::empty()).unwrap();
    let response = server.router.clone().oneshot(request).await.unwrap();
    let mut by_query = Stream { body: response.into_body(), buffer: String::new() };
    assert_eq!(by_query.next().await.unwrap().id, Some(ids[5]));

    // An id this server never gave (another database): the client must read its page again.
    let mut lost = open(&server, &guest, Some("999999")).await;
    assert_eq!(lost.next().await.unwrap().kind, "reset");
    // Not an id at all: a 422 naming the parameter.
    let bad = server
        .router
        .clone()
        .oneshot(Request::builder().uri("/api/v1/stream?last_event_id=abc").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn signing_out_ends_the_sessions_stream_and_the_community_says_it_has_one() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let community = anna.get("/api/v1/community").await;
    assert_eq!(community.body["features"]["stream"], true);
    let mut stream = open(&server, &anna, None).await;
    let out = anna.post("/api/v1/auth/logout", json!({})).await;
    assert!(out.status.is_success(), "{}", out.text);
    assert!(stream.next().await.is_none(), "the stream ends with its session");
}

/// The contract describes every kind and change the server sends, and every field it fills.
#[test]
fn the_contract_describes_every_event_the_server_sends() {
    let contract = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.yaml")).unwrap();
    let start = contract.find("\n    StreamEvent:\n").expect("StreamEvent in the contract");
    let end = start + contract[start + 1..].find("\n\n").unwrap();
    let schema = &contract[start..end];
    for kind in veche_api::stream::StreamKind::KNOWN {
        assert!(schema.contains(&format!("`{}`", kind.as_str())), "{kind:?} described");
    }
    for change in veche_api::stream::PostChange::KNOWN {
        assert!(schema.contains(change.as_str()), "{change:?} described");
    }
    let every_field = serde_json::to_value(veche_api::stream::StreamEvent {
        kind: Some(veche_api::stream::StreamKind::Reset),
        thread_id: Some(String::new()),
        reply_id: Some(String::new()),
        change: Some(veche_api::stream::PostChange::Edited),
        kudos_count: Some(0),
        idea_id: Some(String::new()),
        vote_count: Some(0),
        status: Some(veche_api::ideas::IdeaStatus::New),
        event_id: Some(String::new()),
        occurrence: Some(String::new()),
        going: Some(0),
        waitlisted: Some(0),
    })
    .unwrap();
    for field in every_field.as_object().unwrap().keys() {
        assert!(schema.contains(&format!("\n        {field}:")), "{field} in StreamEvent's properties");
    }
}
