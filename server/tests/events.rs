//! The event calendar against a real SQLite file: capacity under simultaneous answers, the
//! waitlist moving up, series, the personal feed and its revocation, `.ics` files, staff-only
//! management, cancelled and past dates, reports with photos.

mod common;

use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};
use veche_server::seed::gradient_png;

/// A local time `days` from now at 18:00 in the event's zone, and two hours later.
fn evening(days: i64) -> (String, String) {
    let day = (Utc::now() + Duration::days(days)).date_naive();
    (format!("{day}T18:00"), format!("{day}T20:00"))
}

fn event(title: &str, capacity: Option<i64>) -> Value {
    let (starts, ends) = evening(3);
    json!({
        "title": title,
        "kind": "meetup",
        "description": "We meet **in person**.",
        "starts_local": starts,
        "ends_local": ends,
        "time_zone": "Europe/Moscow",
        "city": "Kazan",
        "address": "Baumana 1",
        "capacity": capacity,
    })
}

async fn create(staff: &mut Browser, body: Value) -> Value {
    let created = staff.post("/api/v1/events", body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body
}

async fn register(server: &TestServer, handle: &str) -> Browser {
    let mut browser = server.browser();
    let joined = browser
        .post(
            "/api/v1/auth/register",
            json!({ "handle": handle, "display_name": format!("Member {handle}"), "email": format!("{handle}@example.org"), "password": "long enough secret", "accept_charter": true }),
        )
        .await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
    browser
}

async fn rsvp(browser: &mut Browser, event: &str, status: &str) -> common::Answer {
    browser
        .send(Method::PUT, &format!("/api/v1/events/{event}/rsvp"), Some(json!({ "status": status })), Extra::default())
        .await
}

/// The server's own path of an absolute URL it gave out.
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/".to_owned(), |slash| rest[slash..].to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn capacity_is_never_exceeded_by_simultaneous_answers() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let id = create(&mut elena, event("Small room", Some(3))).await["id"].as_str().unwrap().to_owned();

    let mut members = Vec::new();
    for n in 0..10 {
        members.push(register(&server, &format!("rush{n}")).await);
    }
    let mut tasks = Vec::new();
    for member in &members {
        let (router, cookie, csrf, id) =
            (server.router.clone(), member.cookie.clone(), member.csrf.clone(), id.clone());
        tasks.push(tokio::spawn(async move {
            let mut browser = Browser::with(router, cookie, csrf);
            let answer = rsvp(&mut browser, &id, "going").await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
            answer.body
        }));
    }
    let mut going = 0;
    let mut positions = Vec::new();
    for task in tasks {
        let state = task.await.unwrap();
        assert!(state["going_count"].as_i64().unwrap() <= 3, "{state}");
        match state["status"].as_str().unwrap() {
            "going" => going += 1,
            "waitlisted" => positions.push(state["waitlist_position"].as_i64().unwrap()),
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(going, 3);
    positions.sort_unstable();
    assert_eq!(positions, (1..=7).collect::<Vec<_>>(), "everyone in line has a place of their own");

    let detail = elena.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!((detail["going_count"].as_i64(), detail["waitlist_count"].as_i64()), (Some(3), Some(7)));
    let attendees = elena.get(&format!("/api/v1/events/{id}/attendees?limit=2")).await.body;
    assert_eq!(attendees["items"].as_array().unwrap().len(), 2);
    let rest = elena
        .get(&format!("/api/v1/events/{id}/attendees?limit=2&cursor={}", attendees["next_cursor"].as_str().unwrap()))
        .await;
    assert_eq!(rest.body["items"].as_array().unwrap().len(), 1);
    let too_many = elena.get(&format!("/api/v1/events/{id}/attendees?limit=101")).await;
    assert!(too_many.body["errors"]["limit"].is_string(), "{}", too_many.text);
}

#[tokio::test]
async fn a_place_that_comes_free_goes_to_the_first_in_line() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut body = event("Online office hours", Some(1));
    body["online_url"] = json!("https://meet.example.org/office-hours");
    let id = create(&mut elena, body).await["id"].as_str().unwrap().to_owned();

    let mut first = register(&server, "firstin").await;
    let mut second = register(&server, "secondin").await;
    let mut third = register(&server, "thirdin").await;
    assert_eq!(rsvp(&mut first, &id, "going").await.body["status"], "going");
    let waiting = rsvp(&mut second, &id, "going").await.body;
    assert_eq!((waiting["status"].as_str(), waiting["waitlist_position"].as_i64()), (Some("waitlisted"), Some(1)));
    assert_eq!(rsvp(&mut third, &id, "going").await.body["waitlist_position"], 2);

    // The join link is for those going only.
    let seen_by_second = second.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!(seen_by_second["online_url"], Value::Null);
    assert_eq!(seen_by_second["my_status"], "waitlisted");
    let seen_by_first = first.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!(seen_by_first["online_url"], "https://meet.example.org/office-hours");

    // The first member cannot come after all: the second gets the place on their next visit.
    assert_eq!(rsvp(&mut first, &id, "not_going").await.body["status"], "not_going");
    let promoted = second.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!(promoted["my_status"], "going");
    assert_eq!(promoted["online_url"], "https://meet.example.org/office-hours");
    assert_eq!(promoted["going_count"], 1);
    let still_waiting = third.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!(
        (still_waiting["my_status"].as_str(), still_waiting["waitlist_position"].as_i64()),
        (Some("waitlisted"), Some(1))
    );

    // Answering "going" again does not jump the line, nor lose the place.
    assert_eq!(rsvp(&mut third, &id, "going").await.body["waitlist_position"], 1);
    assert_eq!(rsvp(&mut second, &id, "going").await.body["status"], "going");
    // Leaving the line frees nobody's place and keeps the count.
    assert_eq!(rsvp(&mut third, &id, "interested").await.body["going_count"], 1);
}

#[tokio::test]
async fn the_personal_feed_lists_what_the_member_goes_to_until_its_address_is_revoked() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let going = create(&mut elena, event("Feed: going", None)).await["id"].as_str().unwrap().to_owned();
    let maybe = create(&mut elena, event("Feed: interested", None)).await["id"].as_str().unwrap().to_owned();

    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/calendar/feed").await.status, StatusCode::UNAUTHORIZED);

    let mut member = register(&server, "subscriber").await;
    rsvp(&mut member, &going, "going").await;
    rsvp(&mut member, &maybe, "interested").await;
    let link = member.get("/api/v1/calendar/feed").await.body;
    let url = link["url"].as_str().unwrap().to_owned();
    assert!(link["webcal_url"].as_str().unwrap().starts_with("webcal://"));
    assert_eq!(member.get("/api/v1/calendar/feed").await.body["url"], url, "the address stays until revoked");

    // Calendar apps fetch it without any cookie.
    let feed = guest.get(&path_of(&url)).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.header("content-type").unwrap().starts_with("text/calendar"));
    assert!(feed.text.contains(&format!("UID:event-{going}@")));
    assert!(feed.text.contains("SUMMARY:Feed: going"));
    assert!(!feed.text.contains("Feed: interested"), "only events the member goes to");

    let rotated = member.post("/api/v1/calendar/feed/rotate", json!({})).await.body;
    let new_url = rotated["url"].as_str().unwrap();
    assert_ne!(new_url, url);
    assert_eq!(guest.get(&path_of(&url)).await.status, StatusCode::NOT_FOUND, "the old address is dead");
    assert_eq!(guest.get(&path_of(new_url)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_calendar_expands_series_within_the_range_and_filters() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    let today = Utc::now().date_naive();
    let to = today + Duration::days(60);
    let dates = guest.get(&format!("/api/v1/events?from={today}&to={to}")).await;
    assert_eq!(dates.status, StatusCode::OK, "{}", dates.text);
    let dates = dates.body.as_array().unwrap().clone();
    let webinars = dates.iter().filter(|d| d["title"] == "Product webinar: what's new this week").count();
    assert!(webinars >= 7, "a weekly series shows once a week: {webinars}");
    let starts: Vec<&str> = dates.iter().map(|d| d["starts_at"].as_str().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "in order of time");

    let only_webinars = guest.get(&format!("/api/v1/events?from={today}&to={to}&kind=webinar")).await.body;
    assert!(only_webinars.as_array().unwrap().iter().all(|d| d["kind"] == "webinar"));
    let kazan = guest.get(&format!("/api/v1/events?from={today}&to={to}&city=kazan")).await.body;
    assert!(!kazan.as_array().unwrap().is_empty());
    assert!(kazan.as_array().unwrap().iter().all(|d| d["city"] == "Kazan"));

    assert_eq!(
        guest.get(&format!("/api/v1/events?from={today}&to={to}&mine=true")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let too_long = guest.get(&format!("/api/v1/events?from={today}&to={}", today + Duration::days(400))).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body["errors"]["to"].is_string());
    let nonsense = guest.get("/api/v1/events?from=tomorrow&to=2026-13-01").await;
    assert!(nonsense.body["errors"]["from"].is_string());
    // 81 characters outside the basic plane: the limit counts characters, not bytes.
    let long_city = "%F0%9F%8F%99".repeat(81);
    let city = guest.get(&format!("/api/v1/events?from={today}&to={to}&city={long_city}")).await;
    assert_eq!(city.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(city.body["errors"]["city"].is_string(), "{}", city.text);
    let eighty = "%F0%9F%8F%99".repeat(80);
    assert_eq!(guest.get(&format!("/api/v1/events?from={today}&to={to}&city={eighty}")).await.status, StatusCode::OK);

    // "My events" for a member: what they answered, nothing else.
    let mut member = register(&server, "mine").await;
    // A date still ahead (today's may already be over, whenever the test runs).
    let ahead =
        |d: &&Value| chrono::DateTime::parse_from_rfc3339(d["starts_at"].as_str().unwrap()).unwrap() > Utc::now();
    let webinar = dates.iter().filter(ahead).find(|d| d["kind"] == "webinar").unwrap();
    let id = webinar["event_id"].as_str().unwrap();
    let answer = member
        .send(
            Method::PUT,
            &format!("/api/v1/events/{id}/rsvp"),
            Some(json!({ "status": "going", "occurrence": webinar["starts_at"] })),
            Extra::default(),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let mine = member.get(&format!("/api/v1/events?from={today}&to={to}&mine=true")).await.body;
    let mine = mine.as_array().unwrap();
    assert_eq!(mine.len(), 1, "one date of the series: {mine:?}");
    assert_eq!(mine[0]["my_status"], "going");
}

#[tokio::test]
async fn a_series_with_places_takes_answers_per_date_and_one_without_for_every_date() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut limited = event("Weekly clinic", Some(10));
    limited["recurrence"] = json!({ "frequency": "weekly", "interval": 1, "count": 4 });
    let limited = create(&mut elena, limited).await;
    assert_eq!(limited["recurrence"]["count"], 4);
    let id = limited["id"].as_str().unwrap();
    let mut member = register(&server, "series").await;
    let whole = rsvp(&mut member, id, "going").await;
    assert_eq!(whole.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(whole.body["errors"]["occurrence"].is_string());
    let not_a_date = member
        .send(
            Method::PUT,
            &format!("/api/v1/events/{id}/rsvp"),
            Some(json!({ "status": "going", "occurrence": "2020-01-01T00:00:00Z" })),
            Extra::default(),
        )
        .await;
    assert_eq!(not_a_date.status, StatusCode::UNPROCESSABLE_ENTITY);
    let empty = member.get(&format!("/api/v1/events/{id}?occurrence=")).await;
    assert!(empty.body["errors"]["occurrence"].is_string(), "{}", empty.text);

    let mut open = event("Weekly open call", None);
    open["recurrence"] = json!({ "frequency": "weekly", "interval": 2, "count": 3 });
    let open = create(&mut elena, open).await;
    let open_id = open["id"].as_str().unwrap();
    // An edit starts from the series' own first date, whichever date is shown.
    assert_eq!(
        (open["starts_local"].as_str(), open["ends_local"].as_str()),
        (Some(evening(3).0.as_str()), Some(evening(3).1.as_str()))
    );
    assert_eq!(rsvp(&mut member, open_id, "going").await.body["status"], "going");
    let today = Utc::now().date_naive();
    let dates = member.get(&format!("/api/v1/events?from={today}&to={}&mine=true", today + Duration::days(60))).await;
    let every_date: Vec<&Value> =
        dates.body.as_array().unwrap().iter().filter(|d| d["event_id"].as_str() == Some(open_id)).collect();
    assert_eq!(every_date.len(), 3, "every other week, three times");
    assert!(every_date.iter().all(|d| d["my_status"] == "going"));
}

#[tokio::test]
async fn only_staff_manage_events_and_bad_input_is_explained_field_by_field() {
    let server = TestServer::start().await;
    let mut member = server.signed_in("dmitry").await;
    let refused = member.post("/api/v1/events", event("Not mine to make", None)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut elena = server.signed_in("elena").await;
    let mut bad = event("Ok", None);
    bad["time_zone"] = json!("Mars/Olympus");
    bad["ends_local"] = bad["starts_local"].clone();
    bad["online_url"] = json!("javascript:alert(1)");
    let invalid = elena.post("/api/v1/events", bad).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["title", "time_zone", "ends_local", "online_url"] {
        assert!(invalid.body["errors"][field].is_string(), "{field}: {}", invalid.text);
    }

    let created = create(&mut elena, event("Kazan breakfast", Some(20))).await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["permissions"]["manage"], true);
    assert_eq!(member.get(&format!("/api/v1/events/{id}")).await.body["permissions"]["manage"], false);
    let mut edited = event("Kazan breakfast, new place", Some(20));
    edited["address"] = json!("Kremlyovskaya 2");
    let edit = elena.send(Method::PUT, &format!("/api/v1/events/{id}"), Some(edited.clone()), Extra::default()).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.text);
    assert_eq!(edit.body["address"], "Kremlyovskaya 2");
    let by_member = member.send(Method::PUT, &format!("/api/v1/events/{id}"), Some(edited), Extra::default()).await;
    assert_eq!(by_member.status, StatusCode::FORBIDDEN);

    // Cancelling needs a reason; the event stays visible with it and takes no more answers.
    let no_reason = elena.post(&format!("/api/v1/events/{id}/cancel"), json!({ "reason": "" })).await;
    assert!(no_reason.body["errors"]["reason"].is_string());
    let cancelled =
        elena.post(&format!("/api/v1/events/{id}/cancel"), json!({ "reason": "The venue is closed." })).await;
    assert_eq!(cancelled.body["cancelled"], true);
    let shown = member.get(&format!("/api/v1/events/{id}")).await.body;
    assert_eq!(
        (shown["cancelled"].as_bool(), shown["cancel_reason"].as_str()),
        (Some(true), Some("The venue is closed."))
    );
    assert_eq!(shown["permissions"]["rsvp"], false);
    assert_eq!(rsvp(&mut member, id, "going").await.status, StatusCode::CONFLICT);
    let ics = member.get(&format!("/api/v1/events/{id}/ics")).await;
    assert!(ics.text.contains("STATUS:CANCELLED\r\n"));

    let mut guest = server.browser();
    assert_eq!(rsvp(&mut guest, id, "going").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(guest.get("/api/v1/events/999999").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn past_dates_take_no_answers_and_show_their_report_with_photos() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let today = Utc::now().date_naive();
    let past = elena.get(&format!("/api/v1/events?from={}&to={today}", today - Duration::days(60))).await.body;
    let reported = past
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["ends_at"].as_str().unwrap() < Utc::now().to_rfc3339().as_str() && d["kind"] == "meetup")
        .expect("the demo has a past meetup");
    let id = reported["event_id"].as_str().unwrap();
    let detail = elena.get(&format!("/api/v1/events/{id}")).await.body;
    assert!(detail["report"].as_str().is_some_and(|r| !r.is_empty()), "the past meetup has a report");
    assert_eq!(detail["permissions"]["rsvp"], false);
    let mut member = register(&server, "latecomer").await;
    assert_eq!(rsvp(&mut member, id, "going").await.status, StatusCode::CONFLICT);

    let report = elena
        .send(
            Method::PUT,
            &format!("/api/v1/events/{id}/report"),
            Some(json!({ "report": "Thirty people came; slides are attached." })),
            Extra::default(),
        )
        .await;
    assert_eq!(report.body["report"], "Thirty people came; slides are attached.");
    let photos_before = report.body["photos"].as_array().unwrap().len();
    let png = gradient_png(40, 30, (10, 20, 30), (200, 100, 50));
    let upload = |bytes: Vec<u8>, content_type: &str| Extra {
        raw_body: Some(bytes),
        content_type: Some(content_type.into()),
        ..Extra::default()
    };
    let added = elena
        .send(
            Method::POST,
            &format!("/api/v1/events/{id}/photos?caption=The%20room"),
            None,
            upload(png.clone(), "image/png"),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text);
    let photos = added.body["photos"].as_array().unwrap();
    assert_eq!(photos.len(), photos_before + 1);
    let photo = photos.last().unwrap();
    assert_eq!((photo["caption"].as_str(), photo["width"].as_i64()), (Some("The room"), Some(40)));
    let served = elena.get(photo["url"].as_str().unwrap()).await;
    assert_eq!(served.header("content-type"), Some("image/png"));

    let script = elena
        .send(
            Method::POST,
            &format!("/api/v1/events/{id}/photos"),
            None,
            upload(b"<svg onload=alert(1)>".to_vec(), "image/png"),
        )
        .await;
    assert_eq!(script.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let by_member =
        member.send(Method::POST, &format!("/api/v1/events/{id}/photos"), None, upload(png, "image/png")).await;
    assert_eq!(by_member.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_event_file_is_valid_icalendar_with_a_stable_uid() {
    let server = TestServer::start().await;
    let mut elena = server.signed_in("elena").await;
    let mut body = event("Встреча клуба пользователей: отчёты, дашборды и всё, что вы хотели спросить", None);
    body["description"] = json!("Line one; with, commas\nline two");
    body["recurrence"] = json!({ "frequency": "monthly_by_weekday", "interval": 1, "count": 6 });
    let id = create(&mut elena, body).await["id"].as_str().unwrap().to_owned();
    let mut guest = server.browser();
    let first = guest.get(&format!("/api/v1/events/{id}/ics")).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.header("content-type").unwrap().starts_with("text/calendar"));
    assert!(first.header("content-disposition").unwrap().contains(".ics"));
    let text = &first.text;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    assert!(text.split("\r\n").all(|line| line.len() <= 75), "lines are folded at 75 octets");
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded
            .contains("SUMMARY:Встреча клуба пользователей: отчёты\\, дашборды и всё\\, что вы хотели спросить\r\n")
    );
    assert!(unfolded.contains("DESCRIPTION:Line one\\; with\\, commas"), "{unfolded}");
    assert!(unfolded.contains("DTSTART;TZID=Europe/Moscow:"));
    assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow"));
    assert!(unfolded.contains("RRULE:FREQ=MONTHLY;") && unfolded.contains("COUNT=6"));
    assert!(unfolded.contains("DTSTAMP:"));
    let uid = |text: &str| text.lines().find(|l| l.starts_with("UID:")).map(str::to_owned);
    let again = guest.get(&format!("/api/v1/events/{id}/ics")).await;
    assert_eq!(uid(&first.text), uid(&again.text));
    assert!(uid(&first.text).unwrap().starts_with(&format!("UID:event-{id}@")));
}
