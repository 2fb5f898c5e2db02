//! The knowledge base: everyone reads it; staff alone write sections and articles; an edit from
//! an old version is refused; an event's report becomes an article once; threads link to
//! articles; search finds articles. (Who may read a group's article: the access matrix.)

mod common;

use axum::http::{Method, StatusCode};
use common::{Answer, Browser, Extra, TestServer};
use serde_json::{Value, json};

async fn send(browser: &mut Browser, method: Method, path: &str, body: Value) -> Answer {
    let body = if body.is_null() { None } else { Some(body) };
    browser.send(method, path, body, Extra::default()).await
}

/// The demo section called `title`.
async fn section(browser: &mut Browser, title: &str) -> Value {
    let kb = browser.get("/api/v1/kb").await;
    assert_eq!(kb.status, StatusCode::OK, "{}", kb.text);
    kb.body["sections"].as_array().unwrap().iter().find(|s| s["title"] == title).cloned().unwrap()
}

fn titles(section: &Value) -> Vec<String> {
    section["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn everyone_reads_the_sections_and_a_closed_groups_article_only_its_members() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let kb = guest.get("/api/v1/kb").await;
    let sections: Vec<&str> =
        kb.body["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(sections, ["Getting started", "Product guides", "Integrations & API", "Event reports"]);
    let guides = section(&mut guest, "Product guides").await;
    assert_eq!(titles(&guides), ["Exporting reports to Excel with the formatting kept"]);
    assert!(guides["articles"][0]["summary"].as_str().unwrap().starts_with("Use Export → Excel (formatted)"));
    let mut anna = server.signed_in("anna").await;
    let guides = section(&mut anna, "Product guides").await;
    assert!(titles(&guides).contains(&"Beta 5.1: known issues in the report designer".to_owned()));
    assert_eq!(guides["articles"][0]["group"]["slug"], "beta-testers");

    let api = section(&mut guest, "Integrations & API").await;
    let id =
        api["articles"].as_array().unwrap().iter().find(|a| a["title"] == "Reporting API: limits and tokens").unwrap()
            ["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let article = guest.get(&format!("/api/v1/kb/articles/{id}")).await;
    assert_eq!(article.status, StatusCode::OK);
    assert!(article.body["body"].as_str().unwrap().contains("**600 calls a minute**"));
    assert_eq!(article.body["section"]["title"], "Integrations & API");
    assert_eq!(article.body["author"]["handle"], "maria");
    let threads: Vec<&str> =
        article.body["threads"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert!(threads.contains(&"Rate limits on the reporting API?"), "{threads:?}");
    assert_eq!(guest.get("/api/v1/kb/articles/999999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(guest.get("/api/v1/kb/articles/abc").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_write_sections_and_articles_and_members_cannot() {
    let server = TestServer::start().await;
    let mut member = server.registered("reader").await;
    let mut guest = server.browser();
    let mut staff = server.signed_in("maria").await;
    let section_body = json!({ "title": "Billing", "description": "Invoices and plans." });
    assert_eq!(guest.post("/api/v1/kb/sections", section_body.clone()).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(member.post("/api/v1/kb/sections", section_body.clone()).await.status, StatusCode::FORBIDDEN);
    let created = staff.post("/api/v1/kb/sections", section_body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let section_id = created.body["id"].as_str().unwrap().to_owned();
    let kb = guest.get("/api/v1/kb").await;
    assert_eq!(kb.body["sections"].as_array().unwrap().last().unwrap()["title"], "Billing", "a new section goes last");

    let bad = staff.post("/api/v1/kb/sections", json!({ "title": "", "description": "x".repeat(301) })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body["errors"]["title"].is_string() && bad.body["errors"]["description"].is_string(), "{}", bad.text);

    let article_body =
        json!({ "section_id": section_id, "title": "Paying by invoice", "body": "Ask **billing** for an invoice." });
    assert_eq!(member.post("/api/v1/kb/articles", article_body.clone()).await.status, StatusCode::FORBIDDEN);
    let bad = staff.post("/api/v1/kb/articles", json!({ "section_id": "424242", "title": "Pay", "body": "" })).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["section_id", "title", "body"] {
        assert!(bad.body["errors"][field].is_string(), "{field}: {}", bad.text);
    }
    let article = staff.post("/api/v1/kb/articles", article_body).await;
    assert_eq!(article.status, StatusCode::CREATED, "{}", article.text);
    assert_eq!(article.body["version"], 1);
    let id = article.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/kb/articles/{id}");

    // Edits carry the version they started from; an older one is refused, keeping the newer text.
    let edit = |title: &str, version: Value| json!({ "section_id": section_id, "title": title, "body": "Ask billing.", "version": version });
    assert_eq!(
        send(&mut member, Method::PUT, &path, edit("Paying later", json!(1))).await.status,
        StatusCode::FORBIDDEN
    );
    let saved = send(&mut staff, Method::PUT, &path, edit("Paying by invoice or card", json!(1))).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["version"], 2);
    let stale = send(&mut staff, Method::PUT, &path, edit("Paying by cheque", json!(1))).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(guest.get(&path).await.body["title"], "Paying by invoice or card");
    let unversioned = send(&mut staff, Method::PUT, &path, edit("Paying by cheque", Value::Null)).await;
    assert_eq!(unversioned.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unversioned.body["errors"]["version"].is_string());

    // A section with articles stays; an empty one goes; a deleted article is gone.
    let section_path = format!("/api/v1/kb/sections/{section_id}");
    assert_eq!(send(&mut staff, Method::DELETE, &section_path, Value::Null).await.status, StatusCode::CONFLICT);
    assert_eq!(send(&mut member, Method::DELETE, &path, Value::Null).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&mut staff, Method::DELETE, &path, Value::Null).await.status, StatusCode::NO_CONTENT);
    assert_eq!(guest.get(&path).await.status, StatusCode::NOT_FOUND);
    let renamed = send(&mut staff, Method::PUT, &section_path, json!({ "title": "Billing and plans" })).await;
    assert_eq!(renamed.body["title"], "Billing and plans");
    assert_eq!(send(&mut staff, Method::DELETE, &section_path, Value::Null).await.status, StatusCode::NO_CONTENT);
    assert_eq!(
        send(&mut staff, Method::PUT, &section_path, json!({ "title": "Gone" })).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_event_report_becomes_an_article_once_and_the_event_links_to_it() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let reports = section(&mut staff, "Event reports").await;
    // The demo meetup's report is already an article, and the event says so.
    let demo = &reports["articles"][0];
    assert_eq!(demo["title"], "Report: Kaliningrad meetup: reporting tips");
    let article = staff.get(&format!("/api/v1/kb/articles/{}", demo["id"].as_str().unwrap())).await;
    let event_id = article.body["event"]["id"].as_str().unwrap().to_owned();
    assert_eq!(article.body["event"]["title"], "Kaliningrad meetup: reporting tips");
    // The list says which articles are reports (the app puts a new report beside them).
    assert_eq!(demo["event_id"], event_id.as_str());
    assert!(reports["articles"].as_array().unwrap().iter().skip(1).all(|a| a.get("event_id").is_none()));
    let event = server.browser().get(&format!("/api/v1/events/{event_id}")).await;
    assert_eq!(event.body["article"]["id"], demo["id"]);

    let again = staff
        .post(
            "/api/v1/kb/articles",
            json!({ "section_id": reports["id"], "title": "The meetup again", "body": "Text.", "event_id": event_id }),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body["errors"]["event_id"].as_str().unwrap().contains("taken"), "{}", again.text);

    // An event without a report has nothing to become an article yet.
    let day = (chrono::Utc::now() + chrono::Duration::days(3)).date_naive();
    let fresh = staff
        .post(
            "/api/v1/events",
            json!({ "title": "Spring webinar", "kind": "webinar", "description": "", "starts_local": format!("{day}T10:00"),
                    "ends_local": format!("{day}T11:00"), "time_zone": "Europe/Moscow", "online_url": "https://meet.example.com/x" }),
        )
        .await;
    assert_eq!(fresh.status, StatusCode::CREATED, "{}", fresh.text);
    let fresh_id = fresh.body["id"].as_str().unwrap();
    let input = json!({ "section_id": reports["id"], "title": "Spring webinar report", "body": "Slides inside.", "event_id": fresh_id });
    let early = staff.post("/api/v1/kb/articles", input.clone()).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body["errors"]["event_id"].is_string());
    let missing = staff
        .post(
            "/api/v1/kb/articles",
            json!({ "section_id": reports["id"], "title": "Nothing here", "body": "x", "event_id": "987654" }),
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    let report = send(
        &mut staff,
        Method::PUT,
        &format!("/api/v1/events/{fresh_id}/report"),
        json!({ "report": "Slides inside." }),
    )
    .await;
    assert!(report.status.is_success(), "{}", report.text);
    let made = staff.post("/api/v1/kb/articles", input).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text);
    assert_eq!(made.body["event"]["id"], fresh_id);
    let event = server.browser().get(&format!("/api/v1/events/{fresh_id}")).await;
    assert_eq!(event.body["article"]["title"], "Spring webinar report");
}

#[tokio::test]
async fn staff_link_articles_from_a_thread_and_both_sides_show_it() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let mut member = server.registered("asker").await;
    let thread = member.new_thread("Where are the invoices?", "I cannot find last month's invoice.").await;
    let start = section(&mut staff, "Getting started").await;
    let article = start["articles"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/threads/{thread}/articles");
    let body = json!({ "article_ids": [article] });
    assert_eq!(send(&mut member, Method::PUT, &path, body.clone()).await.status, StatusCode::FORBIDDEN);
    let linked = send(&mut staff, Method::PUT, &path, body.clone()).await;
    assert_eq!(linked.status, StatusCode::OK, "{}", linked.text);
    assert_eq!(linked.body[0]["title"], "How to ask a question the community can answer");
    // Setting the same list twice links once.
    send(&mut staff, Method::PUT, &path, json!({ "article_ids": [article, article] })).await;
    let shown = member.get(&format!("/api/v1/threads/{thread}")).await;
    assert_eq!(shown.body["articles"].as_array().unwrap().len(), 1, "{}", shown.text);
    let from_article = member.get(&format!("/api/v1/kb/articles/{article}")).await;
    assert!(from_article.text.contains("Where are the invoices?"));

    let unknown = send(&mut staff, Method::PUT, &path, json!({ "article_ids": ["555555"] })).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body["errors"]["article_ids"].is_string());
    let many = send(&mut staff, Method::PUT, &path, json!({ "article_ids": vec![article.clone(); 6] })).await;
    assert_eq!(many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        send(&mut staff, Method::PUT, "/api/v1/threads/999999/articles", body).await.status,
        StatusCode::NOT_FOUND
    );

    // Unlinking: an empty list.
    let cleared = send(&mut staff, Method::PUT, &path, json!({ "article_ids": [] })).await;
    assert_eq!(cleared.body, json!([]));
    assert_eq!(member.get(&format!("/api/v1/threads/{thread}")).await.body["articles"], json!([]));
}

#[tokio::test]
async fn search_finds_articles_by_their_text() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let found = guest.get("/api/v1/search?q=600%20calls&type=article").await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let items = found.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", found.text);
    assert_eq!(items[0]["kind"], "article");
    assert_eq!(items[0]["title"], "Reporting API: limits and tokens");
    assert!(items[0]["link"].as_str().unwrap().starts_with("/kb/articles/"));
    assert!(items[0]["excerpt"].as_str().unwrap().contains("600 calls a minute"));
    // The closed group's article is not found by a guest, and is by its member.
    let hidden = guest.get("/api/v1/search?q=known%20issues&type=article").await;
    assert_eq!(hidden.body["items"], json!([]));
    let mut anna = server.signed_in("anna").await;
    let shown = anna.get("/api/v1/search?q=known%20issues&type=article").await;
    assert_eq!(shown.body["items"][0]["title"], "Beta 5.1: known issues in the report designer");
}

#[tokio::test]
async fn staff_move_a_section_before_another_or_last() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let mut member = server.registered("reader").await;
    let order = |kb: &Value| -> Vec<(String, String)> {
        let sections = kb["sections"].as_array().unwrap().iter();
        sections.map(|s| (s["id"].as_str().unwrap().to_owned(), s["title"].as_str().unwrap().to_owned())).collect()
    };
    let before = order(&staff.get("/api/v1/kb").await.body);
    assert!(before.len() >= 3, "the demo has sections to move");
    let (first, last) = (before[0].clone(), before[before.len() - 1].clone());
    let place = |id: &str| format!("/api/v1/kb/sections/{id}/place");

    let refused = send(&mut member, Method::PUT, &place(&last.0), json!({ "before": first.0 })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // The last section goes first; the others keep their order after it.
    let moved = send(&mut staff, Method::PUT, &place(&last.0), json!({ "before": first.0 })).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    let mut expected = before.clone();
    let taken = expected.pop().unwrap();
    expected.insert(0, taken);
    assert_eq!(order(&moved.body), expected);
    assert_eq!(order(&server.browser().get("/api/v1/kb").await.body), expected, "readers see the new order");
    // The same request again changes nothing (a retry is harmless); `null` puts it back last.
    let again = send(&mut staff, Method::PUT, &place(&last.0), json!({ "before": first.0 })).await;
    assert_eq!(order(&again.body), expected);
    let back = send(&mut staff, Method::PUT, &place(&last.0), json!({ "before": null })).await;
    assert_eq!(order(&back.body), before);

    // A place beside a section that does not exist is refused, and nothing moves.
    let nowhere = send(&mut staff, Method::PUT, &place(&first.0), json!({ "before": "987654" })).await;
    assert_eq!(nowhere.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", nowhere.text);
    assert!(nowhere.body["errors"]["before"].is_string());
    assert_eq!(send(&mut staff, Method::PUT, &place("987654"), json!({})).await.status, StatusCode::NOT_FOUND);
    assert_eq!(order(&staff.get("/api/v1/kb").await.body), before);
}
