//! Search against a real SQLite file: every kind is found by a word, case folded in every
//! script; the type filter; a closed or secret group's content (and a hidden reply or thread)
//! is neither listed nor counted for those who may not read it.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{Browser, TestServer};
use serde_json::{Value, json};

/// The `kind:title` of every result of a search.
async fn found(browser: &mut Browser, query: &str) -> Vec<String> {
    let answer = browser.get(&format!("/api/v1/search?{query}")).await;
    assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.text);
    answer.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| format!("{}:{}", item["kind"].as_str().unwrap(), item["title"].as_str().unwrap()))
        .collect()
}

async fn thread_in(author: &mut Browser, space: &str, title: &str, body: &str) -> String {
    let created = author.post("/api/v1/threads", json!({ "space_id": space, "title": title, "body": body })).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn threads_ideas_events_and_members_are_found_by_a_word_with_their_excerpt() {
    let server = TestServer::start().await;
    let mut author = server.registered("quokkafan").await;
    author.new_thread("Where do quokkas live", "Somewhere sunny.").await;
    let thread = author.new_thread("Holidays", "We could visit the QUOKKAS on the island next spring.").await;
    author.new_reply(&thread, "A reply about quokkas too.").await;
    let categories = author.get("/api/v1/idea-categories").await;
    let idea = author
        .post(
            "/api/v1/ideas",
            json!({ "title": "A quokka mascot", "body": "Cute.", "category_id": categories.body[0]["id"] }),
        )
        .await;
    assert_eq!(idea.status, StatusCode::CREATED, "{}", idea.text);
    let day = (Utc::now() + Duration::days(5)).date_naive();
    let mut staff = server.signed_in("maria").await;
    let event = staff
        .post(
            "/api/v1/events",
            json!({ "title": "Island trip", "kind": "meetup", "description": "We will meet the quokkas.",
                    "starts_local": format!("{day}T18:00"), "ends_local": format!("{day}T20:00"),
                    "time_zone": "Europe/Moscow", "city": "Kazan" }),
        )
        .await;
    assert_eq!(event.status, StatusCode::CREATED, "{}", event.text);

    let mut guest = server.browser();
    let mut all = found(&mut guest, "q=quokka").await;
    // Title matches (the member's name is its title) come first; within each part the newest
    // first, which the same second leaves undecided here.
    let mut rest = all.split_off(3);
    all.sort();
    rest.sort();
    assert_eq!(all, ["idea:A quokka mascot", "member:Member quokkafan", "thread:Where do quokkas live"]);
    assert_eq!(rest, ["event:Island trip", "thread:Holidays"]);
    let answer = guest.get("/api/v1/search?q=quokkas&type=thread").await;
    let holidays = answer.body["items"].as_array().unwrap().iter().find(|item| item["title"] == "Holidays").unwrap();
    assert_eq!(holidays["excerpt"], "We could visit the QUOKKAS on the island next spring. A reply about quokkas too.");
    assert_eq!(holidays["link"], format!("/threads/{thread}"));
    assert_eq!(found(&mut guest, "q=quokka&type=member").await, ["member:Member quokkafan"]);
    assert_eq!(found(&mut guest, "q=quokka&type=event").await, ["event:Island trip"]);
    let first = guest.get("/api/v1/search?q=quokka&limit=2").await;
    assert_eq!(first.body["items"].as_array().unwrap().len(), 2);
    let cursor = first.body["next_cursor"].as_str().unwrap().to_owned();
    assert_eq!(found(&mut guest, &format!("q=quokka&limit=2&cursor={cursor}")).await.len(), 2);
}

#[tokio::test]
async fn case_is_folded_in_cyrillic_too() {
    let server = TestServer::start().await;
    let mut author = server.registered("kazan").await;
    author.new_thread("ПРИВЕТ из Казани", "Всем хорошего дня.").await;
    let mut guest = server.browser();
    let lower = found(&mut guest, "q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82").await; // привет
    assert_eq!(lower, ["thread:ПРИВЕТ из Казани"]);
    let upper = found(&mut guest, "q=%D0%94%D0%9D%D0%AF").await; // ДНЯ
    assert_eq!(upper, ["thread:ПРИВЕТ из Казани"]);
}

#[tokio::test]
async fn closed_and_secret_content_is_found_only_by_those_who_may_read_it() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let closed = thread_in(&mut anna, "beta-lab", "Lanternfish results", "Numbers inside.").await;
    anna.new_reply(&closed, "The marmalade build is ready.").await;
    let mut sergey = server.signed_in("sergey").await;
    thread_in(&mut sergey, "partner-council", "Lanternfish budget", "Secret plans.").await;

    let mut guest = server.browser();
    let mut outsider = server.registered("outsider").await;
    for (who, browser) in [("guest", &mut guest), ("outsider", &mut outsider)] {
        for query in ["q=lanternfish", "q=marmalade", "q=lanternfish&type=thread"] {
            let answer = browser.get(&format!("/api/v1/search?{query}")).await;
            assert_eq!(answer.body["items"], Value::Array(vec![]), "{who} {query}");
            assert!(answer.body["next_cursor"].is_null(), "{who} {query}: no hint of more");
            assert!(!answer.text.to_lowercase().contains("lanternfish"), "{who} {query}");
        }
    }
    assert_eq!(found(&mut anna, "q=lanternfish").await, ["thread:Lanternfish results"]);
    assert_eq!(found(&mut anna, "q=marmalade").await, ["thread:Lanternfish results"]);
    assert_eq!(found(&mut sergey, "q=lanternfish").await, ["thread:Lanternfish budget"]);
    let mut staff = server.signed_in("maria").await;
    assert_eq!(found(&mut staff, "q=lanternfish").await.len(), 2);
}

#[tokio::test]
async fn hidden_replies_and_threads_are_not_found() {
    let server = TestServer::start().await;
    let mut author = server.registered("wombat").await;
    let thread = author.new_thread("Garden club", "Tomatoes.").await;
    let reply = author.new_reply(&thread, "Buy cheap wombatfood here").await;
    let other = author.new_thread("Wombatfood recipes", "Oats.").await;
    let mut guest = server.browser();
    assert_eq!(found(&mut guest, "q=wombatfood").await.len(), 2);
    let mut oleg = server.signed_in("oleg").await;
    for (kind, id) in [("reply", &reply), ("thread", &other)] {
        let hidden = oleg
            .post(
                "/api/v1/moderation/actions",
                json!({ "target_kind": kind, "target_id": id, "action": "hide", "note": "Spam" }),
            )
            .await;
        assert_eq!(hidden.status, StatusCode::CREATED, "{}", hidden.text);
    }
    assert_eq!(found(&mut guest, "q=wombatfood").await, Vec::<String>::new());
    assert_eq!(found(&mut guest, "q=tomatoes").await, ["thread:Garden club"]);
}

#[tokio::test]
async fn queries_outside_the_limits_and_unknown_types_are_refused() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let long = "a".repeat(101);
    for (query, field) in [
        ("q=a".to_owned(), "q"),
        (String::new(), "q"),
        (format!("q={long}"), "q"),
        ("q=ok&type=answer".to_owned(), "type"),
        ("q=ok&limit=0".to_owned(), "limit"),
    ] {
        let answer = guest.get(&format!("/api/v1/search?{query}")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", answer.text);
        assert!(answer.text.contains(&format!("\"{field}\"")), "{query}: {}", answer.text);
    }
    assert_eq!(guest.get(&format!("/api/v1/search?q={}", "a".repeat(100))).await.status, StatusCode::OK);
}
