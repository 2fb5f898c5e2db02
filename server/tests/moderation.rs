//! Moderation against a real SQLite file: reports and repeated reports, the queue and who may
//! see it, hiding (the text is gone for members and guests in single answers, lists, search and
//! profiles, and stays for the author and moderators), restoring, dismissing, and the log.

mod common;

use axum::http::StatusCode;
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};

async fn act(moderator: &mut Browser, kind: &str, id: &str, action: &str, note: &str) -> common::Answer {
    moderator
        .post(
            "/api/v1/moderation/actions",
            json!({ "target_kind": kind, "target_id": id, "action": action, "note": note }),
        )
        .await
}

fn queue_item<'a>(queue: &'a Value, kind: &str, id: &str) -> Option<&'a Value> {
    queue["items"].as_array()?.iter().find(|item| item["target"]["kind"] == kind && item["target"]["id"] == id)
}

#[tokio::test]
async fn members_report_once_and_moderators_see_the_queue() {
    let server = TestServer::start().await;
    let mut author = server.registered("writer").await;
    let thread = author.new_thread("Where do I find the export?", "Looking for the export button.").await;
    let reply = author.new_reply(&thread, "Buy cheap watches at example.com").await;

    let mut reporter = server.registered("reporter").await;
    let report = json!({ "target_kind": "reply", "target_id": reply, "reason": "spam", "note": "An advert." });
    let filed = reporter
        .post_with("/api/v1/reports", report.clone(), Extra { idempotency_key: Some("r-1".into()), ..Extra::default() })
        .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
    assert_eq!(filed.body["reason"], "spam");
    let again = reporter
        .post("/api/v1/reports", json!({ "target_kind": "reply", "target_id": reply, "reason": "abuse" }))
        .await;
    assert_eq!(again.status, StatusCode::OK, "a repeat answers the open report: {}", again.text);
    assert_eq!(again.body["id"], filed.body["id"]);
    assert_eq!(again.body["reason"], "spam");

    let mut second = server.registered("witness").await;
    let other = second
        .post("/api/v1/reports", json!({ "target_kind": "reply", "target_id": reply, "reason": "off_topic" }))
        .await;
    assert_eq!(other.status, StatusCode::CREATED);

    let mut guest = server.browser();
    assert_eq!(guest.post("/api/v1/reports", report.clone()).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(guest.get("/api/v1/moderation/queue").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reporter.get("/api/v1/moderation/queue").await.status, StatusCode::FORBIDDEN);
    assert_eq!(reporter.get("/api/v1/moderation/log").await.status, StatusCode::FORBIDDEN);
    assert_eq!(act(&mut reporter, "reply", &reply, "hide", "no").await.status, StatusCode::FORBIDDEN);

    let mut oleg = server.signed_in("oleg").await;
    let queue = oleg.get("/api/v1/moderation/queue").await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.text);
    let item = queue_item(&queue.body, "reply", &reply).expect("the reply is in the queue");
    assert_eq!(item["report_count"], 2);
    assert_eq!(item["target"]["excerpt"], "Buy cheap watches at example.com");
    assert_eq!(item["target"]["thread_id"], thread.as_str());
    assert_eq!(item["target"]["author"]["handle"], "writer");
    assert_eq!(item["notes"], json!(["An advert."]));
    let reasons: Vec<&str> =
        item["reasons"].as_array().unwrap().iter().map(|r| r["reason"].as_str().unwrap()).collect();
    assert!(reasons.contains(&"spam") && reasons.contains(&"off_topic"), "{reasons:?}");
    let mut elena = server.signed_in("elena").await;
    assert_eq!(elena.get("/api/v1/moderation/queue").await.status, StatusCode::OK, "staff see the queue too");

    let dismissed = act(&mut oleg, "reply", &reply, "dismiss", "").await;
    assert_eq!(dismissed.status, StatusCode::CREATED, "{}", dismissed.text);
    assert!(queue_item(&oleg.get("/api/v1/moderation/queue").await.body, "reply", &reply).is_none());
    assert_eq!(act(&mut oleg, "reply", &reply, "dismiss", "").await.status, StatusCode::CONFLICT, "nothing left open");
    let renewed = reporter.post("/api/v1/reports", report).await;
    assert_eq!(renewed.status, StatusCode::CREATED, "after a dismissal the member may report again");
}

#[tokio::test]
async fn reports_are_checked() {
    let server = TestServer::start().await;
    let mut member = server.registered("checker").await;
    let invalid = member
        .post(
            "/api/v1/reports",
            json!({ "target_kind": "thread", "target_id": "999999", "reason": "rude", "note": "x".repeat(501) }),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["reason", "note"] {
        assert!(invalid.body["errors"][field].is_string(), "{field}: {}", invalid.text);
    }
    let missing =
        member.post("/api/v1/reports", json!({ "target_kind": "idea", "target_id": "abc", "reason": "spam" })).await;
    assert_eq!(missing.body["errors"]["target_id"], "There is no such item.");
    let mut oleg = server.signed_in("oleg").await;
    let thread = member.new_thread("A thread to hide", "Some text.").await;
    let without_note = act(&mut oleg, "thread", &thread, "hide", " ").await;
    assert_eq!(without_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without_note.body["errors"]["note"].is_string());
}

#[tokio::test]
async fn hidden_replies_threads_ideas_and_profiles_lose_their_text_for_others() {
    let server = TestServer::start().await;
    let mut author = server.registered("troll").await;
    let thread = author.new_thread("Questionable headline here", "Questionable opening post.").await;
    let reply = author.new_reply(&thread, "An insulting reply.").await;
    let quoting = author
        .post(
            &format!("/api/v1/threads/{thread}/replies"),
            json!({ "body": "Quoting myself.", "quote_reply_id": reply }),
        )
        .await;
    assert_eq!(quoting.status, StatusCode::CREATED, "{}", quoting.text);
    let idea = author
        .post(
            "/api/v1/ideas",
            json!({ "title": "Questionable idea title", "category_id": "reports", "body": "Questionable idea text." }),
        )
        .await;
    assert_eq!(idea.status, StatusCode::CREATED, "{}", idea.text);
    let idea = idea.body["id"].as_str().unwrap().to_owned();
    let saved = author
        .send(
            axum::http::Method::PUT,
            "/api/v1/members/me/profile",
            Some(json!({ "display_name": "Member troll", "bio": "Questionable bio.", "city": "Nowhere" })),
            Extra::default(),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let member_id = saved.body["member"]["id"].as_str().unwrap().to_owned();

    let mut oleg = server.signed_in("oleg").await;
    for (kind, id) in [("reply", &reply), ("thread", &thread), ("idea", &idea), ("member", &member_id)] {
        let hidden = act(&mut oleg, kind, id, "hide", "Insults other members").await;
        assert_eq!(hidden.status, StatusCode::CREATED, "{kind}: {}", hidden.text);
        assert_eq!(hidden.body["action"], "hide");
        assert_eq!(hidden.body["target"]["hidden"], true);
        assert_eq!(act(&mut oleg, kind, id, "hide", "again").await.status, StatusCode::CONFLICT);
    }

    let mut member = server.registered("bystander").await;
    let mut guest = server.browser();
    for viewer in [&mut member, &mut guest] {
        let shown = viewer.get(&format!("/api/v1/threads/{thread}")).await;
        assert_eq!(shown.body["hidden"], true);
        assert_eq!(shown.body["title"], "");
        assert_eq!(shown.body["body"], "");
        let replies = viewer.get(&format!("/api/v1/threads/{thread}/replies")).await;
        assert_eq!(replies.body["items"][0]["hidden"], true);
        assert_eq!(replies.body["items"][0]["body"], "");
        assert_eq!(replies.body["items"][1]["quote"]["excerpt"], "", "a hidden reply is not quoted");
        let single_idea = viewer.get(&format!("/api/v1/ideas/{idea}")).await;
        assert_eq!((single_idea.body["title"].as_str(), single_idea.body["body"].as_str()), (Some(""), Some("")));
        assert_eq!(single_idea.body["hidden"], true);
        let profile = viewer.get("/api/v1/members/troll").await;
        assert_eq!(profile.body["hidden"], true);
        assert_eq!(profile.body["bio"], "");
        assert!(profile.body["city"].is_null());
        let directory = viewer.get("/api/v1/members?q=troll").await;
        assert_eq!(directory.body["items"][0]["member"]["handle"], "troll");
        assert!(directory.body["items"][0]["city"].is_null(), "{}", directory.text);

        // Lists, search and the profile's activity do not send the text at all.
        for list in [
            "/api/v1/threads?sort=newest&limit=100",
            "/api/v1/ideas?sort=newest&limit=100",
            "/api/v1/ideas?q=Questionable",
            "/api/v1/ideas/similar?title=Questionable%20idea%20title",
            "/api/v1/members/troll/activity?kind=threads",
            "/api/v1/members/troll/activity?kind=replies",
            "/api/v1/members/troll/activity?kind=ideas",
        ] {
            let answer = viewer.get(list).await;
            assert_eq!(answer.status, StatusCode::OK, "{list}: {}", answer.text);
            for secret in ["Questionable headline", "Questionable opening", "insulting", "Questionable idea"] {
                assert!(!answer.text.contains(secret), "{list} leaks {secret}");
            }
        }
    }

    for viewer in [&mut author, &mut oleg] {
        let shown = viewer.get(&format!("/api/v1/threads/{thread}")).await;
        assert_eq!(
            (shown.body["hidden"].as_bool(), shown.body["title"].as_str()),
            (Some(true), Some("Questionable headline here"))
        );
        let replies = viewer.get(&format!("/api/v1/threads/{thread}/replies")).await;
        assert_eq!(replies.body["items"][0]["body"], "An insulting reply.");
        assert_eq!(viewer.get(&format!("/api/v1/ideas/{idea}")).await.body["body"], "Questionable idea text.");
        assert_eq!(viewer.get("/api/v1/members/troll").await.body["bio"], "Questionable bio.");
        assert_eq!(viewer.get("/api/v1/members?q=troll").await.body["items"][0]["city"], "Nowhere");
    }

    let restored = act(&mut oleg, "reply", &reply, "restore", "Context made it fine").await;
    assert_eq!(restored.status, StatusCode::CREATED, "{}", restored.text);
    assert_eq!(act(&mut oleg, "reply", &reply, "restore", "twice").await.status, StatusCode::CONFLICT);
    let replies = member.get(&format!("/api/v1/threads/{thread}/replies")).await;
    assert_eq!(replies.body["items"][0]["hidden"], false);
    assert_eq!(replies.body["items"][0]["body"], "An insulting reply.");

    let log = oleg.get("/api/v1/moderation/log").await;
    assert_eq!(log.status, StatusCode::OK);
    let entries = log.body["items"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(entries[0]["action"], "restore");
    assert_eq!(entries[0]["note"], "Context made it fine");
    assert_eq!(entries[0]["moderator"]["handle"], "oleg");
    assert_eq!(entries[0]["target"]["kind"], "reply");
    assert!(entries[1..].iter().all(|e| e["action"] == "hide" && e["note"] == "Insults other members"));
}

#[tokio::test]
async fn what_a_reader_may_not_see_is_neither_reported_nor_shown_in_the_queue_or_log() {
    let server = TestServer::start().await;
    // sergey belongs to the secret "Partner council"; its thread is his to read and to report.
    let mut sergey = server.signed_in("sergey").await;
    let threads = sergey.get("/api/v1/threads?group=partner-council").await;
    assert_eq!(threads.status, StatusCode::OK, "{}", threads.text);
    let secret = threads.body["items"][0]["id"].as_str().expect("the secret group's thread").to_owned();
    let report = json!({ "target_kind": "thread", "target_id": secret, "reason": "personal_data" });

    // Someone outside the group gets the answer a thread that does not exist gets.
    let mut outsider = server.registered("prober").await;
    let probed = outsider.post("/api/v1/reports", report.clone()).await;
    assert_eq!(probed.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", probed.text);
    let missing = outsider
        .post("/api/v1/reports", json!({ "target_kind": "thread", "target_id": "999999", "reason": "spam" }))
        .await;
    assert_eq!(probed.body["errors"], missing.body["errors"]);

    assert_eq!(sergey.post("/api/v1/reports", report).await.status, StatusCode::CREATED);
    // oleg moderates, but the secret group does not exist for him: not in his queue, nor can he act on it.
    let mut oleg = server.signed_in("oleg").await;
    let queue = oleg.get("/api/v1/moderation/queue").await;
    assert!(queue_item(&queue.body, "thread", &secret).is_none(), "{}", queue.text);
    assert!(!queue.text.contains("Partner pricing"), "{}", queue.text);
    assert_eq!(act(&mut oleg, "thread", &secret, "hide", "No.").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Staff see everything: the report, and after they act, the log entry that oleg does not get.
    let mut elena = server.signed_in("elena").await;
    assert!(queue_item(&elena.get("/api/v1/moderation/queue").await.body, "thread", &secret).is_some());
    assert_eq!(act(&mut elena, "thread", &secret, "dismiss", "").await.status, StatusCode::CREATED);
    assert!(elena.get("/api/v1/moderation/log").await.text.contains("Partner pricing"));
    let log = oleg.get("/api/v1/moderation/log").await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(!log.text.contains("Partner pricing"), "{}", log.text);
}
