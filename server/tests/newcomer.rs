//! What a newcomer stumbled on (issue 20), from the server's side: spaces say who may start a
//! thread in them, a refusal's reason comes in the reader's language, leaving the waitlist, the
//! home page and the board count ideas alike, and staff-written names come in the reader's
//! language (with the other as fallback), charter roles included.

mod common;

use axum::http::{Method, StatusCode};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};

/// The spaces as `browser` gets them: slug → (name, can_post).
async fn spaces(browser: &mut Browser) -> Vec<(String, String, bool)> {
    let answer = browser.get("/api/v1/spaces").await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    answer
        .body
        .as_array()
        .expect("a list of spaces")
        .iter()
        .map(|s| {
            (
                s["slug"].as_str().unwrap().to_owned(),
                s["name"].as_str().unwrap().to_owned(),
                s["can_post"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn postable(list: &[(String, String, bool)]) -> Vec<&str> {
    list.iter().filter(|s| s.2).map(|s| s.0.as_str()).collect()
}

#[tokio::test]
async fn spaces_say_who_may_start_a_thread_in_them() {
    let server = TestServer::start().await;
    // anna belongs to the closed "Beta testers" (space beta-lab), not to the open North-West group.
    let mut anna = server.signed_in("anna").await;
    let seen = spaces(&mut anna).await;
    let offered = postable(&seen);
    assert!(offered.contains(&"product-questions") && offered.contains(&"beta-lab"), "{offered:?}");
    assert!(!offered.contains(&"news"), "only staff start threads in the news");
    assert!(!offered.contains(&"north-west"), "an open group's space is read by all, posted to by members");
    assert!(seen.iter().any(|s| s.0 == "news"), "the news space is still listed, for reading");

    let mut elena = server.signed_in("elena").await;
    let staff = spaces(&mut elena).await;
    assert_eq!(postable(&staff).len(), staff.len(), "staff start threads anywhere");

    let mut guest = server.browser();
    assert!(postable(&spaces(&mut guest).await).is_empty(), "a guest starts none");

    // What the list says is what the server does.
    for (space, expected) in [("news", StatusCode::FORBIDDEN), ("north-west", StatusCode::FORBIDDEN)] {
        let refused = anna
            .post("/api/v1/threads", json!({ "space_id": space, "title": "Can I post here?", "body": "Trying." }))
            .await;
        assert_eq!(refused.status, expected, "{space}: {}", refused.text);
    }
    let created = anna
        .post("/api/v1/threads", json!({ "space_id": "beta-lab", "title": "Beta 5.2 notes", "body": "Works." }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
}

#[tokio::test]
async fn a_refusal_gives_its_reason_in_the_readers_language() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let news = json!({ "space_id": "news", "title": "My announcement", "body": "Hello." });
    let english = anna.post("/api/v1/threads", news.clone()).await;
    assert_eq!(english.status, StatusCode::FORBIDDEN);
    assert_eq!(english.body["detail"], "Only staff start threads in the news; reply to an announcement instead.");

    anna.language = "ru".into();
    let russian = anna.post("/api/v1/threads", news).await;
    assert_eq!(russian.status, StatusCode::FORBIDDEN);
    assert_eq!(
        russian.body["detail"],
        "Обсуждения в новостях начинает только команда сообщества; ответьте на объявление."
    );
    let group = anna
        .post("/api/v1/threads", json!({ "space_id": "north-west", "title": "Можно написать?", "body": "Пробую." }))
        .await;
    assert_eq!(group.body["detail"], "Участвовать здесь могут только участники группы: сначала вступите в неё.");
}

#[tokio::test]
async fn a_member_on_the_waitlist_can_leave_it_and_the_next_one_moves_up() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let day = (chrono::Utc::now() + chrono::Duration::days(4)).date_naive();
    let created = elena
        .post(
            "/api/v1/events",
            json!({
                "title": "One seat only", "kind": "meetup", "description": "", "city": "Kazan", "address": "",
                "starts_local": format!("{day}T18:00"), "ends_local": format!("{day}T20:00"),
                "time_zone": "Europe/Moscow", "capacity": 1,
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/events/{id}/rsvp");
    let answer = async |browser: &mut Browser, status: &str| -> Value {
        let answered = browser.send(Method::PUT, &path, Some(json!({ "status": status })), Extra::default()).await;
        assert_eq!(answered.status, StatusCode::OK, "{}", answered.text);
        answered.body
    };

    let (mut first, mut second, mut third) = (
        server.registered("seatholder").await,
        server.registered("waiting1").await,
        server.registered("waiting2").await,
    );
    assert_eq!(answer(&mut first, "going").await["status"], "going");
    assert_eq!(answer(&mut second, "going").await["waitlist_position"], 1);
    assert_eq!(answer(&mut third, "going").await["waitlist_position"], 2);

    // "Leave the waitlist" answers "not going": out of the line, and the next one moves up.
    let left = answer(&mut second, "not_going").await;
    assert_eq!((left["status"].as_str(), left["waitlist_position"].as_i64()), (Some("not_going"), None));
    let event = third.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!((event["my_status"].as_str(), event["waitlist_position"].as_i64()), (Some("waitlisted"), Some(1)));
    assert_eq!(event["waitlist_count"], 1);
    assert_eq!(event["going_count"], 1, "leaving the line frees nobody's seat");
}

#[tokio::test]
async fn the_home_page_and_the_board_count_the_same_ideas() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await;
    let counts = async |browser: &mut Browser| -> (Value, Value) {
        let home = browser.get("/api/v1/community/stats").await.body;
        let board = browser.get("/api/v1/ideas/counters").await.body;
        (home, board)
    };
    let agree = |(home, board): &(Value, Value)| {
        for figure in ["ideas", "votes", "implemented"] {
            assert_eq!(home[figure], board[figure], "{figure}: home {home} vs board {board}");
        }
    };
    // The demo already holds a merged duplicate.
    let before = counts(&mut maria).await;
    agree(&before);
    agree(&counts(&mut server.browser()).await);
    agree(&counts(&mut server.signed_in("anna").await).await);

    // Two more ideas, one merged into the other: one idea more on both, not two.
    let mut propose = async |title: &str| -> String {
        let created = maria
            .post("/api/v1/ideas", json!({ "title": title, "category_id": "reports", "body": "Asked twice." }))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        created.body["id"].as_str().unwrap().to_owned()
    };
    let (target, duplicate) = (propose("Export dashboards to PDF").await, propose("Dashboards as PDF files").await);
    let merged = maria
        .post(&format!("/api/v1/ideas/{duplicate}/merge"), json!({ "into_id": target, "answer": "The same wish." }))
        .await;
    assert_eq!(merged.status, StatusCode::OK, "{}", merged.text);
    let after = counts(&mut maria).await;
    agree(&after);
    assert_eq!(after.0["ideas"].as_i64().unwrap(), before.0["ideas"].as_i64().unwrap() + 1);
}

#[tokio::test]
async fn staff_written_names_come_in_the_readers_language() {
    let server = TestServer::start().await;
    let mut reader = server.signed_in("anna").await;
    let name_of = |list: &[(String, String, bool)], slug: &str| list.iter().find(|s| s.0 == slug).unwrap().1.clone();
    assert_eq!(name_of(&spaces(&mut reader).await, "regional-clubs"), "Regional clubs");
    reader.language = "ru".into();
    assert_eq!(name_of(&spaces(&mut reader).await, "regional-clubs"), "Региональные клубы");

    let listed = reader.get("/api/v1/spaces").await.body;
    let clubs = listed.as_array().unwrap().iter().find(|s| s["slug"] == "regional-clubs").unwrap().clone();
    assert_eq!(clubs["translations"]["en"]["name"], "Regional clubs");
    assert_eq!(clubs["translations"]["ru"]["name"], "Региональные клубы");
    assert!(clubs["description"].as_str().unwrap().starts_with("Местные клубы"));

    // Where a space, category or group is named on something else, in the reader's language too.
    let threads = reader.get("/api/v1/threads?space=regional-clubs&limit=1").await.body;
    assert_eq!(threads["items"][0]["space"]["name"], "Региональные клубы");
    let categories = reader.get("/api/v1/idea-categories").await.body;
    assert_eq!(categories[0]["name"], "Отчёты и дашборды");
    assert_eq!(categories[0]["translations"]["en"]["name"], "Reports & dashboards");
    let ideas = reader.get("/api/v1/ideas?limit=50").await.body;
    let reports = ideas["items"].as_array().unwrap().iter().find(|i| i["category"]["slug"] == "reports").unwrap();
    assert_eq!(reports["category"]["name"], "Отчёты и дашборды");
    let group = reader.get("/api/v1/groups/beta-testers").await.body;
    assert_eq!(group["name"], "Бета-тестеры");
    assert_eq!(group["translations"]["en"]["name"], "Beta testers");

    // Staff create a group with words in both languages; its space takes them too.
    let mut elena = server.signed_in("elena").await;
    let created = elena
        .post(
            "/api/v1/groups",
            json!({
                "slug": "kazan-club", "name": "Kazan club", "description": "Users in Kazan.", "kind": "open",
                "translations": { "ru": { "name": "Клуб в Казани", "description": "Пользователи в Казани." } },
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["name"], "Kazan club", "elena reads English");
    assert_eq!(created.body["translations"]["ru"]["name"], "Клуб в Казани");
    assert_eq!(reader.get("/api/v1/groups/kazan-club").await.body["description"], "Пользователи в Казани.");
    assert_eq!(name_of(&spaces(&mut reader).await, "kazan-club"), "Клуб в Казани");

    // A Russian name taken away: Russian readers see the English one, never a blank.
    let mut change_kazan_club = async |change: Value| {
        elena.send(Method::PATCH, "/api/v1/groups/kazan-club", Some(change), Extra::default()).await
    };
    let cleared = change_kazan_club(json!({ "translations": { "ru": { "name": "", "description": "" } } })).await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(reader.get("/api/v1/groups/kazan-club").await.body["name"], "Kazan club");
    assert_eq!(name_of(&spaces(&mut reader).await, "kazan-club"), "Kazan club");

    // Russian names follow the rules of names.
    let refused = change_kazan_club(json!({ "translations": { "ru": { "name": "я".repeat(81) } } })).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body["errors"]["translations.ru.name"].is_string(), "{}", refused.text);
}

#[tokio::test]
async fn the_charters_roles_may_get_the_communitys_own_names_per_language() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut charter = elena.get("/api/v1/charter").await.body;
    charter["ru"]["roles"][0]["name"] = json!("Глава клуба");
    let body = json!({ "en": charter["en"], "ru": charter["ru"], "version": charter["version"] });
    let saved = elena.send(Method::PUT, "/api/v1/charter", Some(body), Extra::default()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let read = server.browser().get("/api/v1/charter").await.body;
    assert_eq!(read["ru"]["roles"][0]["name"], "Глава клуба");
    assert!(read["en"]["roles"][0].get("name").is_none(), "no name: the standard one");

    let mut too_long = read.clone();
    too_long["ru"]["roles"][0]["name"] = json!("я".repeat(61));
    let body = json!({ "en": too_long["en"], "ru": too_long["ru"], "version": too_long["version"] });
    let refused = elena.send(Method::PUT, "/api/v1/charter", Some(body), Extra::default()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let role = read["ru"]["roles"][0]["role"].as_str().unwrap();
    assert!(refused.body["errors"][format!("ru.roles.{role}.name")].is_string(), "{}", refused.text);
}
