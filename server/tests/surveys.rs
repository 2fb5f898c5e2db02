//! Surveys against a real SQLite file: staff-only configuration, answers without a session from
//! other sites (CORS only for the survey's origins), the per-address limit, idempotent answers,
//! follow-ups that need their score, results counted by hand, the comments list, the CSV export,
//! the in-app banner and the survey frame's page.

mod common;

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use common::{Answer, Browser, Extra, TestServer};
use serde_json::{Value, json};
use tower::ServiceExt;
use veche_server::db::surveys::SeededAnswer;

const SHOP: &str = "https://shop.example.com";
const EVIL: &str = "https://evil.example.net";

fn survey_body(name: &str, origins: &[&str]) -> Value {
    json!({ "name": name, "kind": "nps", "company": "Acme", "allowed_origins": origins })
}

/// A new survey created by staff; its id.
async fn create_survey(staff: &mut Browser, body: Value) -> String {
    let created = staff.post("/api/v1/surveys", body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().unwrap().to_owned()
}

/// An anonymous visitor's answer, as the frame sends it: no cookie, no CSRF token.
async fn answer(server: &TestServer, survey: &str, id: &str, score: u8, extra: Extra) -> Answer {
    let mut visitor = server.browser();
    let body = json!({ "id": id, "score": score, "locale": "en", "source": SHOP });
    visitor.post_with(&format!("/api/v1/surveys/{survey}/responses"), body, Extra { without_csrf: true, ..extra }).await
}

fn response_id(n: usize) -> String {
    format!("0b4c6a3e-1f2d-4c5b-9a8e-{n:012}")
}

/// A request with exactly these headers (preflights, foreign origins).
async fn raw(server: &TestServer, method: Method, path: &str, headers: &[(&str, &str)], body: Option<Value>) -> Answer {
    let mut request = Request::builder().method(method).uri(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    let response = server.router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Answer { status, headers, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null), text, bytes: bytes.to_vec() }
}

async fn preflight(server: &TestServer, path: &str, origin: &str) -> Answer {
    let headers = [
        ("Origin", origin),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type,idempotency-key"),
    ];
    raw(server, Method::OPTIONS, path, &headers, None).await
}

async fn response_count(staff: &mut Browser, survey: &str) -> u64 {
    staff.get(&format!("/api/v1/surveys/{survey}")).await.body["response_count"].as_u64().unwrap()
}

#[tokio::test]
async fn only_staff_configure_and_read_surveys() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Checkout NPS", &[SHOP])).await;
    let mut member = server.signed_in("anna").await;
    let mut guest = server.browser();
    for path in [
        "/api/v1/surveys".to_owned(),
        format!("/api/v1/surveys/{survey}"),
        format!("/api/v1/surveys/{survey}/results"),
        format!("/api/v1/surveys/{survey}/responses"),
        format!("/api/v1/surveys/{survey}/export.csv"),
    ] {
        assert_eq!(member.get(&path).await.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(guest.get(&path).await.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(staff.get(&path).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(member.post("/api/v1/surveys", survey_body("Mine", &[])).await.status, StatusCode::FORBIDDEN);
    assert_eq!(guest.post("/api/v1/surveys", survey_body("Mine", &[])).await.status, StatusCode::UNAUTHORIZED);
    let edit = member
        .send(Method::PUT, &format!("/api/v1/surveys/{survey}"), Some(survey_body("X", &[])), Extra::default())
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);

    // Staff see it in the list, newest first, and fix it with the form's field names.
    let list = staff.get("/api/v1/surveys").await;
    assert_eq!(list.body[0]["name"], "Checkout NPS");
    let mut bad = survey_body("Checkout NPS", &["https://shop.example.com/path"]);
    bad["throttle"] =
        json!({ "days_after_answer": 90, "days_after_dismiss": 30, "sample_percent": 101, "min_visits": 1 });
    bad["texts_ru"] = json!({ "detractor": "я".repeat(301) });
    let refused = staff.send(Method::PUT, &format!("/api/v1/surveys/{survey}"), Some(bad), Extra::default()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["throttle.sample_percent", "texts_ru.detractor", "allowed_origins"] {
        assert!(refused.body["errors"][field].is_string(), "{field}: {}", refused.text);
    }
    let mut renamed = survey_body("Checkout NPS 2", &[SHOP]);
    renamed["in_app"] = json!(true);
    let saved = staff.send(Method::PUT, &format!("/api/v1/surveys/{survey}"), Some(renamed), Extra::default()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["name"], "Checkout NPS 2");
    assert_eq!(saved.body["in_app"], true);
}

#[tokio::test]
async fn cross_origin_answers_only_from_the_surveys_origins() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Shop NPS", &[SHOP])).await;
    let answers = format!("/api/v1/surveys/{survey}/responses");
    let allowed = preflight(&server, &answers, SHOP).await;
    assert!(allowed.status.is_success(), "{}", allowed.status);
    assert_eq!(allowed.header("access-control-allow-origin"), Some(SHOP));
    assert!(allowed.header("access-control-allow-methods").unwrap().contains("POST"));
    assert!(allowed.header("access-control-allow-headers").unwrap().contains("idempotency-key"));
    assert_eq!(allowed.header("access-control-allow-credentials"), None);

    let stored =
        answer(&server, &survey, &response_id(1), 9, Extra { origin: Some(SHOP.into()), ..Extra::default() }).await;
    assert_eq!(stored.status, StatusCode::CREATED, "{}", stored.text);
    assert_eq!(stored.header("access-control-allow-origin"), Some(SHOP));
    assert_eq!(stored.header("access-control-allow-credentials"), None);
    let follow_up = raw(
        &server,
        Method::POST,
        &format!("{answers}/{}/follow-up", response_id(1)),
        &[("Origin", SHOP)],
        Some(json!({ "comment": "Quick delivery" })),
    )
    .await;
    assert_eq!(follow_up.status, StatusCode::OK, "{}", follow_up.text);
    assert_eq!(follow_up.header("access-control-allow-origin"), Some(SHOP));
    let public =
        raw(&server, Method::GET, &format!("/api/v1/surveys/{survey}/public"), &[("Origin", SHOP)], None).await;
    assert_eq!(public.header("access-control-allow-origin"), Some(SHOP));
    assert_eq!(public.body["open"], true);

    let refused_preflight = preflight(&server, &answers, EVIL).await;
    assert_eq!(refused_preflight.header("access-control-allow-origin"), None);
    let refused =
        answer(&server, &survey, &response_id(2), 0, Extra { origin: Some(EVIL.into()), ..Extra::default() }).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.header("access-control-allow-origin"), None);
    let unreadable =
        raw(&server, Method::GET, &format!("/api/v1/surveys/{survey}/public"), &[("Origin", EVIL)], None).await;
    assert_eq!(unreadable.status, StatusCode::OK);
    assert_eq!(unreadable.header("access-control-allow-origin"), None);
    // The staff list of answers is no embed path: no CORS for a survey's origin there.
    let staff_list = raw(&server, Method::GET, &answers, &[("Origin", SHOP)], None).await;
    assert_eq!(staff_list.header("access-control-allow-origin"), None);

    // The frame itself runs on Veche's own origin.
    let own = answer(
        &server,
        &survey,
        &response_id(3),
        7,
        Extra { origin: Some("http://127.0.0.1:8080".into()), ..Extra::default() },
    )
    .await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.text);
    assert_eq!(response_count(&mut staff, &survey).await, 2);
}

#[tokio::test]
async fn sessions_count_only_with_their_csrf_token() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Banner NPS", &[SHOP])).await;
    let path = format!("/api/v1/surveys/{survey}/responses");
    let mut member = server.signed_in("anna").await;

    // The banner inside the community: the member's answer, from the community.
    let banner = member.post(&path, json!({ "id": response_id(1), "score": 10 })).await;
    assert_eq!(banner.status, StatusCode::CREATED, "{}", banner.text);
    assert_eq!(banner.body["source"], "community");

    // The cookie came along with a frame's request, without the token: an anonymous answer.
    let body = json!({ "id": response_id(2), "score": 4, "source": SHOP });
    let framed = member.post_with(&path, body.clone(), Extra { without_csrf: true, ..Extra::default() }).await;
    assert_eq!(framed.status, StatusCode::CREATED, "{}", framed.text);
    assert_eq!(framed.body["source"], SHOP);

    // A wrong token with a session is refused.
    member.csrf = Some("stale".into());
    let forged = member.post(&path, json!({ "id": response_id(3), "score": 4 })).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(forged.code(), "csrf_failed");
    assert_eq!(response_count(&mut staff, &survey).await, 2);
}

#[tokio::test]
async fn answers_beyond_the_hourly_allowance_are_refused() {
    let server = TestServer::start_with(|config| config.survey_answers_per_hour = 3).await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Limited NPS", &[SHOP])).await;
    let other = create_survey(&mut staff, survey_body("Other NPS", &[SHOP])).await;
    for n in 0..2 {
        assert_eq!(answer(&server, &survey, &response_id(n), 9, Extra::default()).await.status, StatusCode::CREATED);
    }
    // A follow-up takes from the same allowance.
    let mut visitor = server.browser();
    let follow_up = visitor
        .post_with(
            &format!("/api/v1/surveys/{survey}/responses/{}/follow-up", response_id(0)),
            json!({ "comment": "fine" }),
            Extra { without_csrf: true, ..Extra::default() },
        )
        .await;
    assert_eq!(follow_up.status, StatusCode::OK, "{}", follow_up.text);
    let limited = answer(&server, &survey, &response_id(9), 9, Extra::default()).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.code(), "rate_limited");
    assert!(limited.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
    // Another survey has its own allowance.
    assert_eq!(answer(&server, &other, &response_id(10), 9, Extra::default()).await.status, StatusCode::CREATED);
    assert_eq!(response_count(&mut staff, &survey).await, 2);
}

#[tokio::test]
async fn a_repeated_answer_is_stored_once() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Retry NPS", &[SHOP])).await;
    let keyed = |key: &str| Extra { idempotency_key: Some(key.into()), ..Extra::default() };

    let first = answer(&server, &survey, &response_id(1), 8, keyed("key-1")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let replayed = answer(&server, &survey, &response_id(1), 8, keyed("key-1")).await;
    assert_eq!(replayed.status, StatusCode::CREATED);
    assert_eq!(replayed.header("idempotent-replayed"), Some("true"));
    assert_eq!(replayed.body, first.body);

    // The same answer with a new key (the frame reloaded): the stored record, score unchanged.
    let again = answer(&server, &survey, &response_id(1), 2, keyed("key-2")).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.body["score"], 8);
    assert_eq!(again.body["category"], "passive");
    assert_eq!(response_count(&mut staff, &survey).await, 1);

    // A late retry after the survey closed still gets the stored answer; a new answer does not.
    let mut closed = survey_body("Retry NPS", &[SHOP]);
    closed["active"] = json!(false);
    let saved = staff.send(Method::PUT, &format!("/api/v1/surveys/{survey}"), Some(closed), Extra::default()).await;
    assert_eq!(saved.status, StatusCode::OK);
    let late = answer(&server, &survey, &response_id(1), 8, keyed("key-3")).await;
    assert_eq!(late.status, StatusCode::OK, "{}", late.text);
    assert_eq!(late.body["id"], response_id(1).as_str());
    let refused = answer(&server, &survey, &response_id(2), 8, keyed("key-4")).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(response_count(&mut staff, &survey).await, 1);

    // Its id cannot be reused for another survey.
    let other = create_survey(&mut staff, survey_body("Other NPS", &[SHOP])).await;
    assert_eq!(answer(&server, &other, &response_id(1), 8, Extra::default()).await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_follow_up_needs_its_score() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = create_survey(&mut staff, survey_body("Follow NPS", &[SHOP])).await;
    let mut visitor = server.browser();
    let anonymous = || Extra { without_csrf: true, ..Extra::default() };
    let path = format!("/api/v1/surveys/{survey}/responses/{}/follow-up", response_id(1));

    let early = visitor.post_with(&path, json!({ "comment": "Too slow" }), anonymous()).await;
    assert_eq!(early.status, StatusCode::NOT_FOUND);
    assert_eq!(response_count(&mut staff, &survey).await, 0);

    answer(&server, &survey, &response_id(1), 3, Extra::default()).await;
    let no_address = visitor.post_with(&path, json!({ "comment": "Too slow", "contact_ok": true }), anonymous()).await;
    assert_eq!(no_address.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_address.body["errors"]["contact_email"].is_string());
    let body = json!({ "comment": "Too slow", "contact_ok": true, "contact_email": "kim@example.org" });
    let stored = visitor.post_with(&path, body, anonymous()).await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.text);
    assert_eq!(stored.body["comment"], "Too slow");
    assert_eq!(stored.body["contact_email"], "kim@example.org");
    let replaced = visitor.post_with(&path, json!({ "comment": "Too slow on Mondays" }), anonymous()).await;
    assert_eq!(replaced.body["comment"], "Too slow on Mondays");
    assert_eq!(replaced.body["contact_ok"], false);
    assert_eq!(replaced.body["score"], 3);

    // The answer belongs to its survey only.
    let other = create_survey(&mut staff, survey_body("Other NPS", &[SHOP])).await;
    let elsewhere = format!("/api/v1/surveys/{other}/responses/{}/follow-up", response_id(1));
    assert_eq!(
        visitor.post_with(&elsewhere, json!({ "comment": "x" }), anonymous()).await.status,
        StatusCode::NOT_FOUND
    );
}

fn dated(n: usize, at: &str, score: u8, source: &str, segment: &str, comment: Option<&str>) -> SeededAnswer {
    SeededAnswer {
        id: response_id(n),
        score,
        comment: comment.map(str::to_owned),
        source: Some(source.into()),
        segment: Some(segment.into()),
        locale: Some("en".into()),
        created_at: at.into(),
        ..SeededAnswer::default()
    }
}

/// 5 promoters, 3 passives, 2 detractors in March 2026, on two sources and two segments.
async fn counted_survey(server: &TestServer, staff: &mut Browser) -> String {
    let survey = create_survey(staff, survey_body("Counted NPS", &[SHOP])).await;
    let (a, b) = ("https://a.example", "https://b.example");
    let answers = [
        // Week of Monday 2 March: 3 promoters, 1 passive, 1 detractor (the last on Sunday night).
        dated(1, "2026-03-02T08:00:00Z", 10, a, "customer", Some("Fast, friendly support")),
        dated(2, "2026-03-03T09:00:00Z", 9, a, "customer", None),
        dated(3, "2026-03-05T10:00:00Z", 9, a, "customer", Some("=HYPERLINK(\"http://evil\")")),
        dated(4, "2026-03-06T11:00:00Z", 7, a, "customer", Some("Fine, \"mostly\"")),
        dated(5, "2026-03-08T23:59:59Z", 3, a, "customer", Some("Ужасная ПОДДЕРЖКА")),
        // Week of 9 March: 1 promoter, 2 passives.
        dated(6, "2026-03-09T00:00:00Z", 10, b, "customer", None),
        dated(7, "2026-03-11T12:00:00Z", 8, b, "customer", None),
        dated(8, "2026-03-15T12:00:00Z", 8, b, "customer", Some("ok")),
        // Nothing in the week of 16 March; week of 23 March: 1 promoter, 1 detractor (trial).
        dated(9, "2026-03-24T12:00:00Z", 9, b, "trial", None),
        dated(10, "2026-03-25T12:00:00Z", 0, b, "trial", Some("Плохая поддержка, долго ждать")),
    ];
    server.state.db.insert_survey_answers(survey.parse().unwrap(), &answers).await.unwrap();
    survey
}

#[tokio::test]
async fn results_match_a_hand_count() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = counted_survey(&server, &mut staff).await;
    let results = |query: &str| format!("/api/v1/surveys/{survey}/results?{query}");

    let all = staff.get(&results("from=2026-03-01&to=2026-03-29&bucket=week")).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(all.body["tally"], json!({ "promoters": 5, "passives": 3, "detractors": 2 }));
    assert_eq!(all.body["nps"], 30.0);
    // p = .5, d = .2, n = 10: 1.96 × 100 × √(.61 / 10) ≈ 48.41.
    assert!((all.body["margin_of_error"].as_f64().unwrap() - 48.41).abs() < 0.01);
    assert_eq!(all.body["distribution"], json!([1, 0, 0, 1, 0, 0, 0, 1, 2, 3, 2]));
    assert_eq!(all.body["sources"], json!(["https://a.example", "https://b.example"]));
    assert_eq!(all.body["segments"], json!(["customer", "trial"]));
    let trend = all.body["trend"].as_array().unwrap();
    let starts: Vec<&str> = trend.iter().map(|p| p["period_start"].as_str().unwrap()).collect();
    // 1 March is a Sunday: its week starts on 23 February.
    assert_eq!(starts, ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    assert_eq!(trend[1]["tally"], json!({ "promoters": 3, "passives": 1, "detractors": 1 }));
    assert_eq!(trend[1]["nps"], 40.0);
    assert!((trend[2]["nps"].as_f64().unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(trend[3]["nps"], Value::Null);
    assert_eq!(trend[4]["nps"], 0.0);

    let by_month = staff.get(&results("from=2026-03-01&to=2026-03-31&bucket=month")).await;
    assert_eq!(by_month.body["trend"].as_array().unwrap().len(), 1);
    assert_eq!(by_month.body["trend"][0]["period_start"], "2026-03-01");
    assert_eq!(by_month.body["trend"][0]["nps"], 30.0);

    // The last day of a range counts whole, up to 23:59:59.
    let first_week = staff.get(&results("from=2026-03-02&to=2026-03-08")).await;
    assert_eq!(first_week.body["tally"], json!({ "promoters": 3, "passives": 1, "detractors": 1 }));
    let second_week = staff.get(&results("from=2026-03-09&to=2026-03-15")).await;
    assert_eq!(second_week.body["tally"], json!({ "promoters": 1, "passives": 2, "detractors": 0 }));
    let site = staff.get(&results("source=https%3A%2F%2Fa.example")).await;
    assert_eq!(site.body["nps"], 40.0);
    // The filter's choices stay complete while one is chosen.
    assert_eq!(site.body["sources"], json!(["https://a.example", "https://b.example"]));
    let trial = staff.get(&results("segment=trial")).await;
    assert_eq!(trial.body["tally"], json!({ "promoters": 1, "passives": 0, "detractors": 1 }));
    assert_eq!(trial.body["nps"], 0.0);

    for bad in ["bucket=year", "from=2026-02-30", "from=2026-03-10&to=2026-03-01", "from=yesterday"] {
        assert_eq!(staff.get(&results(bad)).await.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    // The list shows the rounded score.
    assert_eq!(staff.get(&format!("/api/v1/surveys/{survey}")).await.body["nps"], 30);
}

#[tokio::test]
async fn comments_are_filtered_searched_and_paged() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = counted_survey(&server, &mut staff).await;
    let list = |query: &str| format!("/api/v1/surveys/{survey}/responses?{query}");
    let ids = |answer: &Answer| -> Vec<String> {
        answer.body["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_owned()).collect()
    };

    let detractors = staff.get(&list("category=detractor&comments=true")).await;
    assert_eq!(ids(&detractors), [response_id(10), response_id(5)]);
    // Case-insensitive, Cyrillic too.
    let search = staff.get(&list("q=%D0%BF%D0%BE%D0%B4%D0%B4%D0%B5%D1%80%D0%B6%D0%BA")).await;
    assert_eq!(ids(&search), [response_id(10), response_id(5)]);
    let english = staff.get(&list("q=FRIENDLY")).await;
    assert_eq!(ids(&english), [response_id(1)]);
    let with_comments = staff.get(&list("comments=true&limit=4")).await;
    assert_eq!(ids(&with_comments), [response_id(10), response_id(8), response_id(5), response_id(4)]);
    let cursor = with_comments.body["next_cursor"].as_str().unwrap().to_owned();
    let rest = staff.get(&list(&format!("comments=true&limit=4&cursor={cursor}"))).await;
    assert_eq!(ids(&rest), [response_id(3), response_id(1)]);
    assert_eq!(rest.body["next_cursor"], Value::Null);
    assert_eq!(staff.get(&list("category=fan")).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(staff.get(&list("limit=0")).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_export_is_csv_safe_for_spreadsheets() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let survey = counted_survey(&server, &mut staff).await;
    let export = staff.get(&format!("/api/v1/surveys/{survey}/export.csv?to=2026-03-08")).await;
    assert_eq!(export.status, StatusCode::OK);
    assert_eq!(export.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(export.header("content-disposition").unwrap().starts_with("attachment"));
    let lines: Vec<&str> = export.text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id,created_at,score,category,comment,contact_ok,contact_email,respondent,segment,source,locale"
    );
    assert_eq!(lines.len(), 7, "header, five answers, and the empty end: {lines:?}");
    assert_eq!(
        lines[1],
        format!(
            "{},2026-03-02T08:00:00Z,10,promoter,\"Fast, friendly support\",false,,,customer,https://a.example,en",
            response_id(1)
        )
    );
    assert!(lines[3].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), "{}", lines[3]);
    assert!(lines[4].contains(",\"Fine, \"\"mostly\"\"\","), "{}", lines[4]);
    assert!(lines[5].contains(",detractor,Ужасная ПОДДЕРЖКА,"), "{}", lines[5]);
}

#[tokio::test]
async fn the_in_app_survey_waits_after_an_answer_or_a_dismissal() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/surveys/in-app").await.status, StatusCode::NO_CONTENT);

    let mut answering = server.signed_in("ivan").await;
    let due = answering.get("/api/v1/surveys/in-app").await;
    assert_eq!(due.status, StatusCode::OK, "{}", due.text);
    assert_eq!(due.body["kind"], "nps", "the demo asks members the community NPS survey");
    assert_eq!(due.body["open"], true);
    let survey = due.body["id"].as_str().unwrap().to_owned();
    let answered = answering
        .post(&format!("/api/v1/surveys/{survey}/responses"), json!({ "id": response_id(1), "score": 9 }))
        .await;
    assert_eq!(answered.status, StatusCode::CREATED);
    assert_eq!(answering.get("/api/v1/surveys/in-app").await.status, StatusCode::NO_CONTENT);

    let mut dismissing = server.signed_in("olga").await;
    assert_eq!(dismissing.get("/api/v1/surveys/in-app").await.body["id"], survey.as_str());
    let dismissed = dismissing.post(&format!("/api/v1/surveys/{survey}/dismissals"), json!({})).await;
    assert_eq!(dismissed.status, StatusCode::NO_CONTENT);
    assert_eq!(dismissing.get("/api/v1/surveys/in-app").await.status, StatusCode::NO_CONTENT);
    assert_eq!(
        guest.post(&format!("/api/v1/surveys/{survey}/dismissals"), json!({})).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Someone else is still asked.
    let mut other = server.signed_in("pavel").await;
    assert_eq!(other.get("/api/v1/surveys/in-app").await.body["id"], survey.as_str());
}

#[tokio::test]
async fn the_frame_page_may_be_framed_by_the_surveys_origins_only() {
    let static_dir = tempfile::tempdir().unwrap();
    let frame_dir = static_dir.path().join("embed/frame");
    std::fs::create_dir_all(&frame_dir).unwrap();
    std::fs::write(frame_dir.join("index.html"), "<!doctype html><title>Survey</title><body>frame</body>").unwrap();
    std::fs::write(static_dir.path().join("embed/nps.js"), "/* loader */").unwrap();
    let dir = static_dir.path().to_path_buf();
    let server = TestServer::start_with(|config| config.static_dir = dir).await;
    let mut staff = server.signed_in("elena").await;
    let surveys = staff.get("/api/v1/surveys").await;
    let website = surveys.body.as_array().unwrap().iter().find(|s| s["name"] == "Website NPS").unwrap();
    let id = website["id"].as_str().unwrap();

    let mut browser = server.browser();
    let page = browser.get(&format!("/embed/frame/?survey={id}&locale=en&mode=inline")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains("frame"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors http://127.0.0.1:8081 http://localhost:8081;"), "{csp}");
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("form-action 'none'"), "{csp}");
    assert_eq!(page.header("x-frame-options"), None);
    assert_eq!(browser.get(&format!("/embed/frame/index.html?survey={id}")).await.status, StatusCode::OK);

    let unknown = browser.get("/embed/frame/?survey=999").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"));
    let mut closed = website.clone();
    closed["active"] = json!(false);
    let saved = staff.send(Method::PUT, &format!("/api/v1/surveys/{id}"), Some(closed), Extra::default()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(browser.get(&format!("/embed/frame/?survey={id}")).await.status, StatusCode::NOT_FOUND);

    let loader = browser.get("/embed/nps.js").await;
    assert_eq!(loader.status, StatusCode::OK);
    assert_eq!(loader.header("cache-control"), Some("public, max-age=3600"));
}
