//! The staff's KPIs on a fresh database with known data: who counts as active, ideas proposed
//! and implemented, events held with their "going" answers, the NPS per month; staff only.

mod common;

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use common::{Browser, Extra, PASSWORD, TestServer};
use serde_json::{Value, json};
use veche_api::events::{EventInput, EventKind, Frequency, Recurrence, RsvpStatus};
use veche_api::ideas::IdeaStatus;
use veche_server::clock;
use veche_server::db::events::{EventRecord, LOCAL_FORMAT};
use veche_server::db::surveys::SeededAnswer;

/// `YYYY-MM` of an instant.
fn month(at: DateTime<Utc>) -> String {
    at.format("%Y-%m").to_string()
}

/// A server without the demo, one staff member signed in.
async fn empty_community() -> (TestServer, Browser) {
    TestServer::without_demo("2020-01-01").await
}

/// A one-off or weekly event starting at `start` (UTC), two hours long.
async fn event(server: &TestServer, title: &str, start: DateTime<Utc>, weekly: Option<u32>, organizer: i64) -> i64 {
    let starts = start.naive_utc();
    let ends = starts + Duration::hours(2);
    let input = EventInput {
        title: title.into(),
        kind: "meetup".into(),
        description: String::new(),
        starts_local: starts.format(LOCAL_FORMAT).to_string(),
        ends_local: ends.format(LOCAL_FORMAT).to_string(),
        all_day: false,
        time_zone: "UTC".into(),
        city: "Kazan".into(),
        region: String::new(),
        address: String::new(),
        online_url: String::new(),
        capacity: None,
        recurrence: weekly.map(|count| Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            until: None,
            count: Some(count),
        }),
        group_id: None,
    };
    let record = EventRecord {
        input: &input,
        kind: EventKind::Meetup,
        zone: chrono_tz::UTC,
        starts_local: starts,
        ends_local: ends,
    };
    server.state.db.save_event(None, &record, organizer).await.unwrap()
}

async fn rsvp(server: &TestServer, event: i64, occurrence: &str, member: i64, status: RsvpStatus) {
    let row = server.state.db.event(event).await.unwrap().unwrap();
    server.state.db.rsvp(&row, occurrence, member, status).await.unwrap();
}

fn answer(n: usize, score: u8, at: DateTime<Utc>) -> SeededAnswer {
    SeededAnswer {
        id: format!("7d1e0c52-3a4b-4c5d-8e9f-{n:012}"),
        score,
        created_at: clock::format(at),
        ..SeededAnswer::default()
    }
}

/// The series as `month → row`.
fn by_month(kpis: &Value) -> HashMap<String, Value> {
    kpis["series"].as_array().unwrap().iter().map(|m| (m["month"].as_str().unwrap().to_owned(), m.clone())).collect()
}

#[tokio::test]
async fn kpis_count_the_known_data_exactly() {
    let (server, mut staff) = empty_community().await;
    let db = &server.state.db;
    let now = Utc::now();
    let boss = server.member_id("boss").await;
    let mut ids = HashMap::new();
    for handle in ["ann", "bob", "cat", "dan", "eve", "idle"] {
        server.registered(handle).await;
        ids.insert(handle, server.member_id(handle).await);
    }
    let space = db.create_space("general", "General", "", 0).await.unwrap();
    let category = db.create_idea_category("reports", "Reports", 0).await.unwrap();

    // Active in the last 30 days: ann posts a thread and proposes an idea, bob replies, cat votes,
    // dan answers an event, eve answers the community's survey. "idle" only posted 40 days ago;
    // boss (staff) only changes a status, which is not participation.
    db.create_thread(space, ids["idle"], "Long ago", "Body", &clock::format(now - Duration::days(40))).await.unwrap();
    let thread = db.create_thread(space, ids["ann"], "Recent", "Body", &clock::now()).await.unwrap();
    db.create_reply(thread, ids["bob"], "A reply", None, &clock::now()).await.unwrap();
    let fresh_idea = db.create_idea(ids["ann"], category, "Fresh idea", "Body", &clock::now()).await.unwrap();
    db.vote(fresh_idea, ids["cat"], true).await.unwrap().unwrap();

    // Ideas: one 65 days ago that is implemented now, one 8 months ago (only in the 12-month view).
    let older = now - Duration::days(65);
    let oldest = now - Duration::days(245);
    let shipped = db.create_idea(ids["idle"], category, "Shipped idea", "Body", &clock::format(older)).await.unwrap();
    db.create_idea(ids["idle"], category, "Ancient idea", "Body", &clock::format(oldest)).await.unwrap();
    db.set_idea_status(shipped, IdeaStatus::Implemented, "Done.", boss).await.unwrap();

    // Events: a meetup 10 days ago with two going (one only interested), a cancelled one and a
    // future one (neither counts), a weekly series of three past dates: bob goes to all of them,
    // cat to the second only.
    let meetup_at = now - Duration::days(10);
    let meetup = event(&server, "Meetup", meetup_at, None, boss).await;
    rsvp(&server, meetup, "", ids["dan"], RsvpStatus::Going).await;
    rsvp(&server, meetup, "", ids["bob"], RsvpStatus::Going).await;
    rsvp(&server, meetup, "", ids["cat"], RsvpStatus::Interested).await;
    let cancelled = event(&server, "Cancelled", now - Duration::days(12), None, boss).await;
    rsvp(&server, cancelled, "", ids["ann"], RsvpStatus::Going).await;
    db.cancel_event(cancelled, "Venue closed.").await.unwrap();
    let future = event(&server, "Future", now + Duration::days(3), None, boss).await;
    rsvp(&server, future, "", ids["ann"], RsvpStatus::Going).await;
    // Events start on a whole minute (their local times have no seconds).
    let series_start = clock::parse(&format!("{}:00Z", (now - Duration::days(100)).format("%Y-%m-%dT%H:%M"))).unwrap();
    let series = event(&server, "Weekly", series_start, Some(3), boss).await;
    rsvp(&server, series, "", ids["bob"], RsvpStatus::Going).await;
    let second = clock::format(series_start + Duration::weeks(1));
    rsvp(&server, series, &second, ids["cat"], RsvpStatus::Going).await;

    // NPS: three answers now (two promoters, one detractor: +33.3), one promoter 65 days ago; an
    // eNPS answer does not count.
    let nps = staff
        .post("/api/v1/surveys", json!({ "name": "NPS", "kind": "nps", "company": "Acme", "allowed_origins": [] }))
        .await;
    assert_eq!(nps.status, StatusCode::CREATED, "{}", nps.text);
    let nps_id: i64 = nps.body["id"].as_str().unwrap().parse().unwrap();
    let enps = staff
        .post("/api/v1/surveys", json!({ "name": "eNPS", "kind": "enps", "company": "Acme", "allowed_origins": [] }))
        .await;
    let enps_id: i64 = enps.body["id"].as_str().unwrap().parse().unwrap();
    db.insert_survey_answers(nps_id, &[answer(1, 10, now), answer(2, 9, now), answer(3, 10, older)]).await.unwrap();
    db.insert_survey_answers(enps_id, &[answer(4, 0, now)]).await.unwrap();
    let mut eve = server.browser();
    eve.login("eve", PASSWORD).await;
    let answered = eve
        .post_with(
            &format!("/api/v1/surveys/{nps_id}/responses"),
            json!({ "id": "7d1e0c52-3a4b-4c5d-8e9f-000000000009", "score": 2, "locale": "en" }),
            Extra::default(),
        )
        .await;
    assert_eq!(answered.status, StatusCode::CREATED, "{}", answered.text);

    let six = staff.get("/api/v1/kpis").await;
    assert_eq!(six.status, StatusCode::OK, "{}", six.text);
    assert_eq!(six.body["months"], 6);
    // 7 members (boss and six registered), 5 active: ann, bob, cat, dan, eve.
    assert_eq!(six.body["participation"]["members"], 7);
    assert_eq!(six.body["participation"]["active_members"], 5);
    assert!((six.body["participation"]["rate"].as_f64().unwrap() - 500.0 / 7.0).abs() < 1e-9);

    let series_rows = six.body["series"].as_array().unwrap();
    assert_eq!(series_rows.len(), 6);
    assert_eq!(series_rows[5]["month"], month(now), "the current month is last");
    let months = by_month(&six.body);
    let mut expected: HashMap<String, [u64; 5]> = HashMap::new(); // proposed, implemented, held, going, answers
    let mut add =
        |at: DateTime<Utc>, column: usize, count: u64| expected.entry(month(at)).or_default()[column] += count;
    add(now, 0, 1);
    add(older, 0, 1);
    add(now, 1, 1);
    add(meetup_at, 2, 1);
    add(meetup_at, 3, 2);
    for (week, going) in [(0, 1), (1, 2), (2, 1)] {
        let date = series_start + Duration::weeks(week);
        add(date, 2, 1);
        add(date, 3, going);
    }
    add(now, 4, 3);
    add(older, 4, 1);
    for (key, row) in &months {
        let want = expected.get(key).copied().unwrap_or_default();
        let got = ["ideas_proposed", "ideas_implemented", "events_held", "attendance"]
            .map(|column| row[column].as_u64().unwrap());
        let tally = &row["nps_tally"];
        let answers = ["promoters", "passives", "detractors"].map(|group| tally[group].as_u64().unwrap()).iter().sum();
        assert_eq!([got[0], got[1], got[2], got[3], answers], want, "month {key}: {row}");
    }
    // Now: 10, 9 (promoters), 2 (detractor, eve's): (2 − 1) / 3 in percent. 65 days ago: one 10.
    let current = &months[&month(now)];
    assert_eq!(current["nps_tally"], json!({ "promoters": 2, "passives": 0, "detractors": 1 }));
    assert!((current["nps"].as_f64().unwrap() - 100.0 / 3.0).abs() < 1e-9, "{current}");
    assert_eq!(months[&month(older)]["nps"].as_f64(), Some(100.0));
    let empty_month = months.iter().find(|(key, _)| !expected.contains_key(*key)).map(|(_, row)| row);
    if let Some(row) = empty_month {
        assert!(row["nps"].is_null(), "a month without answers has no score: {row}");
    }

    let twelve = staff.get("/api/v1/kpis?months=12").await;
    assert_eq!(twelve.status, StatusCode::OK);
    assert_eq!(twelve.body["series"].as_array().unwrap().len(), 12);
    assert_eq!(by_month(&twelve.body)[&month(oldest)]["ideas_proposed"], 1, "the 8-month-old idea");
    assert!(!months.contains_key(&month(oldest)));
}

#[tokio::test]
async fn only_staff_see_the_kpis_and_only_for_six_or_twelve_months() {
    let (server, mut staff) = empty_community().await;
    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/kpis").await.status, StatusCode::UNAUTHORIZED);
    let mut member = server.registered("member").await;
    let refused = member.get("/api/v1/kpis").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text);
    for months in ["0", "7", "24", "-6", "six"] {
        let answer = staff.get(&format!("/api/v1/kpis?months={months}")).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "months={months}: {}", answer.text);
    }
    // Only the staff member, who has done nothing: 0 of 2, and every month present as zeros.
    let kpis = staff.get("/api/v1/kpis?months=12").await;
    assert_eq!(kpis.body["participation"]["active_members"], 0);
    assert_eq!(kpis.body["participation"]["rate"], 0.0);
    for row in kpis.body["series"].as_array().unwrap() {
        assert_eq!(row["ideas_proposed"], 0);
        assert_eq!(row["nps_tally"], json!({ "promoters": 0, "passives": 0, "detractors": 0 }));
        assert!(row["nps"].is_null());
    }
}
