//! The idea board against a real SQLite file: votes with a budget (also under concurrent
//! requests), statuses with answers giving votes back, merging without double counting, the
//! roadmap, counters, ballots and permissions.

mod common;

use axum::http::{Method, StatusCode};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};

async fn idea_id(browser: &mut Browser, title: &str) -> String {
    let page = browser.get("/api/v1/ideas?limit=100&sort=newest").await;
    page.body["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["title"] == title))
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("no idea titled {title}"))
}

async fn open_ideas(browser: &mut Browser) -> Vec<String> {
    let page = browser.get("/api/v1/ideas?limit=100&status=new").await;
    page.body["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
}

async fn register(server: &TestServer, handle: &str) -> Browser {
    let mut browser = server.browser();
    let joined = browser
        .post(
            "/api/v1/auth/register",
            json!({ "handle": handle, "display_name": "Voter Test", "email": format!("{handle}@example.org"), "password": "long enough secret", "accept_charter": true }),
        )
        .await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
    browser
}

async fn vote(browser: &mut Browser, idea: &str) -> common::Answer {
    browser.send(Method::PUT, &format!("/api/v1/ideas/{idea}/vote"), None, Extra::default()).await
}

#[tokio::test]
async fn a_member_votes_until_the_budget_is_used_up() {
    let server = TestServer::start().await;
    let mut voter = register(&server, "budgeted").await;
    let budget = voter.get("/api/v1/ideas/budget").await;
    assert_eq!(budget.body, json!({ "budget": 10, "used": 0, "left": 10 }));
    let ideas = open_ideas(&mut voter).await;
    assert!(ideas.len() > 10, "the demo has more open ideas than a budget");
    for (n, idea) in ideas.iter().take(10).enumerate() {
        let answer = vote(&mut voter, idea).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        assert_eq!(answer.body["budget"]["left"], 9 - n as i64);
    }
    let refused = vote(&mut voter, &ideas[10]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.code(), "vote_budget_exhausted");
    assert!(refused.body["detail"].as_str().unwrap().contains("All 10 of your votes are in use"));

    // Voting twice for the same idea is not a second vote.
    let again = vote(&mut voter, &ideas[0]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["budget"]["used"], 10);

    // Taking one back frees it.
    let taken = voter.send(Method::DELETE, &format!("/api/v1/ideas/{}/vote", ideas[0]), None, Extra::default()).await;
    assert_eq!(taken.body["voted"], false);
    assert_eq!(taken.body["budget"]["left"], 1);
    assert_eq!(vote(&mut voter, &ideas[10]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn votes_come_back_when_an_idea_is_implemented_and_the_idea_keeps_its_count() {
    let server = TestServer::start().await;
    let mut voter = register(&server, "returns").await;
    let ideas = open_ideas(&mut voter).await;
    for idea in ideas.iter().take(10) {
        vote(&mut voter, idea).await;
    }
    let target = ideas[0].clone();
    let count = voter.get(&format!("/api/v1/ideas/{target}")).await.body["vote_count"].as_i64().unwrap();

    let mut anna = server.signed_in("anna").await;
    let refused = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ideas/{target}/status"),
            Some(json!({ "status": "implemented", "answer": "Done" })),
            Extra::default(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "only staff change statuses");

    let mut maria = server.signed_in("maria").await;
    let missing_answer = maria
        .send(
            Method::PUT,
            &format!("/api/v1/ideas/{target}/status"),
            Some(json!({ "status": "implemented", "answer": " " })),
            Extra::default(),
        )
        .await;
    assert_eq!(missing_answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = maria
        .send(
            Method::PUT,
            &format!("/api/v1/ideas/{target}/status"),
            Some(json!({ "status": "implemented", "answer": "Shipped in 5.1." })),
            Extra::default(),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text);
    assert_eq!(done.body["status"], "implemented");
    assert_eq!(done.body["vote_count"], count, "the idea keeps its votes");
    let last = done.body["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["answer"], "Shipped in 5.1.");
    assert_eq!(last["author"]["handle"], "maria");

    assert_eq!(voter.get("/api/v1/ideas/budget").await.body["left"], 1, "the vote came back");
    let closed = vote(&mut voter, &target).await;
    assert_eq!(closed.status, StatusCode::CONFLICT);
    assert_eq!(closed.code(), "voting_closed");
}

#[tokio::test]
async fn merging_carries_votes_over_counting_each_voter_once() {
    let server = TestServer::start().await;
    let mut maria = server.signed_in("maria").await;
    let duplicate = idea_id(&mut maria, "Export to Power BI").await;
    let target = idea_id(&mut maria, "Official Python client for the API").await;
    // anna voted for Power BI; dmitry for the Python client; olga votes for both.
    let mut olga = server.signed_in("olga").await;
    vote(&mut olga, &target).await;
    let before_target = maria.get(&format!("/api/v1/ideas/{target}")).await.body["vote_count"].as_i64().unwrap();
    let before_duplicate = maria.get(&format!("/api/v1/ideas/{duplicate}")).await.body["vote_count"].as_i64().unwrap();
    assert_eq!((before_target, before_duplicate), (2, 2));

    let merged = maria
        .post(
            &format!("/api/v1/ideas/{duplicate}/merge"),
            json!({ "into_id": target, "answer": "Both ask for an easier way to script the API." }),
        )
        .await;
    assert_eq!(merged.status, StatusCode::OK, "{}", merged.text);
    assert_eq!(merged.body["status"], "duplicate");
    assert_eq!(merged.body["merged_into"]["id"], target.as_str());
    let after = maria.get(&format!("/api/v1/ideas/{target}")).await;
    assert_eq!(after.body["vote_count"], 3, "dmitry + olga + anna: olga counts once");
    assert_eq!(after.body["duplicates"][0]["id"], duplicate.as_str());
    let voted: Vec<String> = olga.get("/api/v1/ideas?voted=true&limit=100").await.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(voted.contains(&target));
    let into_itself = maria.post(&format!("/api/v1/ideas/{target}/merge"), json!({ "into_id": target })).await;
    assert_eq!(into_itself.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_votes_never_count_twice_nor_overdraw_the_budget() {
    let server = TestServer::start().await;
    let mut voter = register(&server, "racer").await;
    let ideas = open_ideas(&mut voter).await;
    let target = ideas[0].clone();

    // The same vote sent 12 times at once: one vote.
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let (router, cookie, csrf, target) =
            (server.router.clone(), voter.cookie.clone(), voter.csrf.clone(), target.clone());
        tasks.push(tokio::spawn(async move {
            let mut browser = Browser::with(router, cookie, csrf);
            browser.send(Method::PUT, &format!("/api/v1/ideas/{target}/vote"), None, Extra::default()).await.status
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(voter.get("/api/v1/ideas/budget").await.body["used"], 1);

    // Votes for 14 different ideas at once on a budget of 10 (one already used): 9 more pass.
    let mut tasks = Vec::new();
    for idea in ideas.iter().skip(1).take(14) {
        let idea = idea.clone();
        let (router, cookie, csrf) = (server.router.clone(), voter.cookie.clone(), voter.csrf.clone());
        tasks.push(tokio::spawn(async move {
            let mut browser = Browser::with(router, cookie, csrf);
            browser.send(Method::PUT, &format!("/api/v1/ideas/{idea}/vote"), None, Extra::default()).await.status
        }));
    }
    let mut passed = 0;
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::OK => passed += 1,
            StatusCode::CONFLICT => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(passed, 9);
    assert_eq!(voter.get("/api/v1/ideas/budget").await.body, json!({ "budget": 10, "used": 10, "left": 0 }));

    // Many members voting and unvoting at once on one idea: the count always equals the rows.
    let mut tasks = Vec::new();
    for handle in ["anna", "ivan", "olga", "pavel", "james", "dmitry", "sergey", "oleg"] {
        let mut member = server.signed_in(handle).await;
        let target = ideas[1].clone();
        tasks.push(tokio::spawn(async move {
            for round in 0..6 {
                let method = if round % 2 == 0 { Method::PUT } else { Method::DELETE };
                member.send(method, &format!("/api/v1/ideas/{target}/vote"), None, Extra::default()).await;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let id: i64 = ideas[1].parse().unwrap();
    let shown = voter.get(&format!("/api/v1/ideas/{}", ideas[1])).await.body["vote_count"].as_i64().unwrap();
    assert_eq!(shown, server.state.db.vote_rows(id).await.unwrap());
}

#[tokio::test]
async fn the_board_sorts_filters_and_searches() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let top = guest.get("/api/v1/ideas?sort=top").await;
    let counts: Vec<i64> =
        top.body["items"].as_array().unwrap().iter().map(|i| i["vote_count"].as_i64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    assert!(
        top.body["items"].as_array().unwrap().iter().all(|i| i["status"] != "duplicate"),
        "duplicates stay off the board"
    );
    let planned = guest.get("/api/v1/ideas?status=planned").await;
    assert!(planned.body["items"].as_array().unwrap().iter().all(|i| i["status"] == "planned"));
    let mobile = guest.get("/api/v1/ideas?category=mobile").await;
    assert!(mobile.body["items"].as_array().unwrap().iter().all(|i| i["category"]["slug"] == "mobile"));
    let found = guest.get("/api/v1/ideas?q=webhook").await;
    assert_eq!(found.body["items"][0]["title"], "Webhooks for order status changes");
    assert_eq!(guest.get("/api/v1/ideas?voted=true").await.status, StatusCode::UNAUTHORIZED);
    let similar = guest.get("/api/v1/ideas/similar?title=Dark%20theme%20please").await;
    assert_eq!(similar.body[0]["title"], "Dark mode for dashboards", "a duplicate suggestion");
    let trending = guest.get("/api/v1/ideas?sort=trending").await;
    assert_eq!(trending.status, StatusCode::OK);
}

#[tokio::test]
async fn roadmap_and_counters_follow_the_statuses() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let counters = guest.get("/api/v1/ideas/counters").await.body;
    let roadmap = guest.get("/api/v1/ideas/roadmap").await.body;
    let titles = |column: &str, roadmap: &Value| -> Vec<String> {
        roadmap[column].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap().to_owned()).collect()
    };
    assert!(titles("planned", &roadmap).contains(&"Schedule reports to send as Excel attachments".to_owned()));
    assert!(titles("in_progress", &roadmap).contains(&"Webhooks for order status changes".to_owned()));
    // Latest first: the demo's ideas were implemented over the last months.
    assert_eq!(
        titles("implemented", &roadmap),
        [
            "Dark mode for dashboards",
            "Copy a role with all its permissions",
            "Import from CSV files larger than 100 MB"
        ]
    );

    let mut maria = server.signed_in("maria").await;
    let webhooks = idea_id(&mut maria, "Webhooks for order status changes").await;
    maria
        .send(
            Method::PUT,
            &format!("/api/v1/ideas/{webhooks}/status"),
            Some(json!({ "status": "implemented", "answer": "Live for everyone." })),
            Extra::default(),
        )
        .await;
    let roadmap = guest.get("/api/v1/ideas/roadmap").await.body;
    assert_eq!(titles("implemented", &roadmap)[0], "Webhooks for order status changes", "latest first");
    let after = guest.get("/api/v1/ideas/counters").await.body;
    assert_eq!(after["implemented"], counters["implemented"].as_i64().unwrap() + 1);

    let mut member = server.signed_in("anna").await;
    let created = member.post("/api/v1/ideas", json!({ "title": "Keyboard shortcuts everywhere", "category_id": "reports", "body": "Power users want them." })).await;
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(guest.get("/api/v1/ideas/counters").await.body["ideas"], after["ideas"].as_i64().unwrap() + 1);
    let invalid = member.post("/api/v1/ideas", json!({ "title": "Hi", "category_id": "nope", "body": "" })).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "category_id", "body"] {
        assert!(invalid.body["errors"][field].is_string(), "{field}");
    }
}

#[tokio::test]
async fn ballots_take_points_while_open_and_show_results_when_closed() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let ballots = anna.get("/api/v1/ballots").await.body;
    let open =
        ballots.as_array().unwrap().iter().find(|b| b["state"] == "open").unwrap()["id"].as_str().unwrap().to_owned();
    let closed =
        ballots.as_array().unwrap().iter().find(|b| b["state"] == "closed").unwrap()["id"].as_str().unwrap().to_owned();

    let ballot = anna.get(&format!("/api/v1/ballots/{open}")).await.body;
    assert!(ballot["items"][0]["total_points"].is_null(), "no results while open");
    let items: Vec<String> =
        ballot["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();
    let too_many = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ballots/{open}/allocation"),
            Some(
                json!({ "allocations": [{ "item_id": items[0], "points": 8 }, { "item_id": items[1], "points": 3 }] }),
            ),
            Extra::default(),
        )
        .await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    let spread = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ballots/{open}/allocation"),
            Some(
                json!({ "allocations": [{ "item_id": items[0], "points": 6 }, { "item_id": items[1], "points": 4 }] }),
            ),
            Extra::default(),
        )
        .await;
    assert_eq!(spread.status, StatusCode::OK, "{}", spread.text);
    assert_eq!(spread.body["my_points_left"], 0);
    assert_eq!(spread.body["items"][0]["my_points"], 6);

    let results = anna.get(&format!("/api/v1/ballots/{closed}")).await.body;
    assert_eq!(results["state"], "closed");
    assert_eq!(results["items"][0]["rank"], 1);
    assert_eq!(results["items"][0]["title"], "Role-based dashboards");
    assert_eq!(results["items"][0]["total_points"], 16);
    let late = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ballots/{closed}/allocation"),
            Some(json!({ "allocations": [] })),
            Extra::default(),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);

    let refused = anna.post("/api/v1/ballots", json!({ "title": "Mine", "points_per_member": 5, "opens_at": "2026-01-01T00:00:00Z", "closes_at": "2026-02-01T00:00:00Z", "items": [{ "title": "One thing" }, { "title": "Other thing" }] })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_retried_vote_counts_once() {
    let server = TestServer::start().await;
    let mut voter = register(&server, "retrier").await;
    let idea = open_ideas(&mut voter).await[0].clone();
    let before = voter.get(&format!("/api/v1/ideas/{idea}")).await.body["vote_count"].as_i64().unwrap();
    let key = Extra { idempotency_key: Some("vote-1".into()), ..Extra::default() };
    voter.send(Method::PUT, &format!("/api/v1/ideas/{idea}/vote"), None, key.clone()).await;
    let replay = voter.send(Method::PUT, &format!("/api/v1/ideas/{idea}/vote"), None, key).await;
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
    assert_eq!(voter.get(&format!("/api/v1/ideas/{idea}")).await.body["vote_count"], before + 1);
}

#[tokio::test]
async fn staff_close_a_ballot_early_and_its_results_show_at_once() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let created = elena
        .post(
            "/api/v1/ballots",
            json!({ "title": "Closed early", "points_per_member": 10, "opens_at": "2020-01-01T00:00:00Z", "closes_at": "2099-01-01T00:00:00Z", "items": [{ "title": "Faster exports" }, { "title": "Offline mode" }] }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let ballot = created.body["id"].as_str().unwrap().to_owned();
    let items: Vec<String> =
        created.body["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect();

    let mut anna = server.signed_in("anna").await;
    let spread = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ballots/{ballot}/allocation"),
            Some(
                json!({ "allocations": [{ "item_id": items[0], "points": 3 }, { "item_id": items[1], "points": 7 }] }),
            ),
            Extra::default(),
        )
        .await;
    assert_eq!(spread.status, StatusCode::OK, "{}", spread.text);
    assert!(spread.body["items"][1]["total_points"].is_null(), "no results while open");

    let close = format!("/api/v1/ballots/{ballot}/close");
    let not_staff = anna.send(Method::POST, &close, None, Extra::default()).await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
    assert_eq!(
        server.browser().send(Method::POST, &close, None, Extra::default()).await.status,
        StatusCode::UNAUTHORIZED
    );

    let closed = elena.send(Method::POST, &close, None, Extra::default()).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    assert_eq!(closed.body["state"], "closed");
    assert_eq!(closed.body["can_vote"], false);

    let results = anna.get(&format!("/api/v1/ballots/{ballot}")).await.body;
    assert_eq!(results["state"], "closed");
    assert_eq!(results["participants"], 1);
    assert_eq!(results["items"][0]["title"], "Offline mode");
    assert_eq!(results["items"][0]["rank"], 1);
    assert_eq!(results["items"][0]["total_points"], 7);
    assert_eq!(results["items"][1]["total_points"], 3);
    assert_eq!(results["items"][0]["my_points"], 7);

    let late = anna
        .send(
            Method::PUT,
            &format!("/api/v1/ballots/{ballot}/allocation"),
            Some(json!({ "allocations": [{ "item_id": items[0], "points": 10 }] })),
            Extra::default(),
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "no points after closing");
    let twice = elena.send(Method::POST, &close, None, Extra::default()).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "a closed ballot stays closed");
    assert_eq!(
        elena.send(Method::POST, "/api/v1/ballots/999999/close", None, Extra::default()).await.status,
        StatusCode::NOT_FOUND
    );
}
