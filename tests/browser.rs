//! Component tests in headless Chromium (`wasm-bindgen-test`): the request function's error
//! mapping against a scripted `fetch` (the one place a backend is mocked), and a whole form.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use serde_json::{Value, json};
use veche::api::{self, ApiError};
use veche_api::ProblemCode;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function script_fetch(steps) {
  window.__fetchCalls = [];
  const queue = JSON.parse(steps);
  window.fetch = async (url, init) => {
    const headers = {};
    if (init && init.headers) { for (const [k, v] of init.headers.entries()) headers[k] = v; }
    window.__fetchCalls.push({ url: String(url), method: init && init.method, headers, body: init && init.body });
    const step = queue.length > 1 ? queue.shift() : queue[0];
    if (step.reject) { throw new TypeError('Failed to fetch'); }
    return new Response(step.body, { status: step.status, headers: step.headers || {} });
  };
}
export function fetch_calls() { return JSON.stringify(window.__fetchCalls || []); }
export function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
"#)]
extern "C" {
    fn script_fetch(steps: &str);
    fn fetch_calls() -> String;
    fn sleep(ms: u32) -> js_sys::Promise;
}

/// Answers every `fetch` with the given steps, in order (the last one repeats).
fn answer_with(steps: Value) {
    script_fetch(&steps.to_string());
}

fn calls() -> Vec<Value> {
    serde_json::from_str(&fetch_calls()).unwrap_or_default()
}

async fn settle() {
    JsFuture::from(sleep(30)).await.expect("timer");
}

fn problem(status: u16, code: &str, errors: Value) -> Value {
    json!({
        "status": status,
        "headers": { "Content-Type": "application/problem+json" },
        "body": json!({ "title": "x", "status": status, "code": code, "errors": errors }).to_string(),
    })
}

#[wasm_bindgen_test]
async fn validation_answers_become_field_messages() {
    answer_with(json!([problem(422, "validation_failed", json!({ "email": "This is already taken." }))]));
    let error = api::auth::login(&Default::default()).await.expect_err("422");
    assert_eq!(error.field("email").as_deref(), Some("This is already taken."));
    assert!(matches!(error, ApiError::Validation { code: ProblemCode::ValidationFailed, .. }));
}

#[wasm_bindgen_test]
async fn no_answer_is_a_network_error() {
    answer_with(json!([{ "reject": true }]));
    assert_eq!(api::community::get().await, Err(ApiError::Network));
}

#[wasm_bindgen_test]
async fn garbage_is_never_taken_for_data() {
    answer_with(json!([{ "status": 200, "body": "<html>captive portal</html>" }]));
    assert_eq!(api::community::get().await, Err(ApiError::InvalidResponse));
    answer_with(json!([{ "status": 502, "body": "Bad gateway" }]));
    assert_eq!(api::community::get().await, Err(ApiError::Server { status: 502 }));
}

#[wasm_bindgen_test]
async fn rate_limits_carry_the_wait() {
    answer_with(json!([{ "status": 429, "headers": { "Retry-After": "7" }, "body": "{}" }]));
    assert_eq!(api::community::get().await, Err(ApiError::RateLimited { retry_after_secs: Some(7) }));
}

#[wasm_bindgen_test]
async fn a_stale_csrf_token_is_refreshed_once_and_the_write_retried() {
    let session = json!({ "account": null, "csrf_token": "fresh-token" }).to_string();
    answer_with(json!([
        problem(403, "csrf_failed", json!({})),
        { "status": 200, "body": session },
        { "status": 200, "body": session },
    ]));
    api::client::set_csrf_token("stale-token");
    api::auth::logout().await.expect("retried after refreshing the token");
    let calls = calls();
    assert_eq!(calls.len(), 3, "{calls:?}");
    assert_eq!(calls[0]["headers"]["x-csrf-token"], "stale-token");
    assert_eq!(calls[1]["method"], "GET");
    assert_eq!(calls[2]["headers"]["x-csrf-token"], "fresh-token");
}

#[wasm_bindgen_test]
async fn every_post_carries_an_idempotency_key_and_the_language() {
    answer_with(json!([{ "status": 200, "body": json!({ "account": null, "csrf_token": "t" }).to_string() }]));
    api::client::set_locale(veche_api::Locale::Ru);
    api::auth::logout().await.expect("ok");
    let calls = calls();
    assert!(calls[0]["headers"]["idempotency-key"].as_str().is_some_and(|k| k.len() >= 16), "{calls:?}");
    assert_eq!(calls[0]["headers"]["accept-language"], "ru");
    api::client::set_locale(veche_api::Locale::En);
}

// --- a whole form: the sign-in page, mounted with the app's contexts -------------------------

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

fn input(selector: &str) -> web_sys::HtmlInputElement {
    document().query_selector(selector).ok().flatten().expect(selector).dyn_into().expect("input")
}

fn type_into(selector: &str, text: &str) {
    let field = input(selector);
    field.set_value(text);
    field.dispatch_event(&web_sys::Event::new("input").expect("event")).expect("dispatch");
}

fn submit() {
    let button: web_sys::HtmlElement = document()
        .query_selector("form button[type=submit]")
        .ok()
        .flatten()
        .expect("submit")
        .dyn_into()
        .expect("button");
    button.click();
}

fn text_of(selector: &str) -> String {
    document().query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

fn mount_sign_in() {
    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let handle = leptos::mount::mount_to(host.dyn_into().expect("element"), || {
        veche::i18n::provide_i18n();
        veche::state::session::provide_session();
        view! {
            <leptos_router::components::Router>
                <veche::pages::auth::SignInPage />
            </leptos_router::components::Router>
        }
    });
    handle.forget();
}

#[wasm_bindgen_test]
async fn the_sign_in_form_checks_fields_then_shows_the_servers_answer() {
    veche::state::storage::set("veche.locale", "en");
    answer_with(json!([{ "status": 200, "body": json!({ "account": null, "csrf_token": "t" }).to_string() }]));
    mount_sign_in();
    settle().await;
    let calls_before = calls().len();

    // Empty form: the app says what is missing without asking the server.
    submit();
    settle().await;
    assert_eq!(text_of("#field-login-error"), "This field is required.");
    assert_eq!(input("#field-login").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(calls().len(), calls_before, "nothing sent for an incomplete form");
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("field-login"),
        "focus moves to the first field to fix"
    );

    // Wrong password: the server's 401 becomes one clear message; the typed text stays.
    answer_with(json!([problem(401, "invalid_credentials", json!({}))]));
    type_into("#field-login", "anna");
    type_into("#field-password", "wrong password");
    submit();
    settle().await;
    assert_eq!(text_of(".form-alert"), "Wrong e-mail, handle or password.");
    assert_eq!(input("#field-login").value(), "anna");
    assert!(text_of("#field-login-error").is_empty(), "the field error cleared");
    let sent = calls();
    let login = sent.last().expect("a request");
    assert_eq!(login["url"], "/api/v1/auth/login");
    assert_eq!(
        serde_json::from_str::<Value>(login["body"].as_str().unwrap_or("{}")).ok(),
        Some(json!({ "login": "anna", "password": "wrong password" }))
    );
}

/// Mounts an event's times and answers the texts of its `<dt>` and `<dd>` entries.
async fn event_times(starts_at: &str, ends_at: &str, all_day: bool, time_zone: &str) -> Vec<(String, String)> {
    veche::state::storage::set("veche.locale", "en");
    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let (starts_at, ends_at, time_zone) = (starts_at.to_owned(), ends_at.to_owned(), time_zone.to_owned());
    let handle = leptos::mount::mount_to(host.clone().dyn_into().expect("element"), move || {
        veche::i18n::provide_i18n();
        view! { <veche::components::events::EventWhen starts_at ends_at all_day time_zone /> }
    });
    settle().await;
    let texts = |tag: &str| {
        (1..)
            .map_while(|n| host.query_selector(&format!("{tag}:nth-of-type({n})")).ok().flatten())
            .map(|e| e.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let entries = texts("dt").into_iter().zip(texts("dd")).collect();
    drop(handle);
    host.remove();
    entries
}

#[wasm_bindgen_test]
async fn event_times_show_the_viewers_clock_and_the_events_own_when_they_differ() {
    let viewer = veche::i18n::format::viewer_time_zone();
    // 15:00 UTC is 03:00 the next day in Kamchatka (UTC+12), whatever the viewer's zone.
    let times = event_times("2026-12-16T15:00:00Z", "2026-12-16T17:00:00Z", false, "Asia/Kamchatka").await;
    assert_eq!(times.len(), 2, "{times:?}");
    assert_eq!(times[0].0, "Your time");
    assert!(times[0].1.contains(&format!("({viewer})")), "{times:?}");
    assert_eq!(times[1].0, "At the event");
    let at_event = &times[1].1;
    assert!(at_event.contains("Thursday, December 17, 2026") && at_event.contains("3:00") && at_event.contains("5:00"));
    assert!(at_event.contains("AM") && at_event.contains("(Asia/Kamchatka)"), "{at_event}");

    // Summer time: 22:00 UTC in July is 18:00 in New York, as 23:00 UTC is in December.
    for (starts, ends) in
        [("2026-07-01T22:00:00Z", "2026-07-01T23:30:00Z"), ("2026-12-01T23:00:00Z", "2026-12-02T00:30:00Z")]
    {
        let times = event_times(starts, ends, false, "America/New_York").await;
        let at_event = &times.last().expect("a time").1;
        assert!(at_event.contains("6:00") && at_event.contains("7:30") && at_event.contains("PM"), "{times:?}");
    }

    // An all-day event keeps its own dates everywhere: one line, no zone.
    let times = event_times("2026-12-15T12:00:00Z", "2026-12-16T12:00:00Z", true, "Asia/Kamchatka").await;
    assert_eq!(times.len(), 1, "{times:?}");
    assert_eq!(times[0].0, "When");
    assert!(times[0].1.contains("December 16, 2026") && !times[0].1.contains("Kamchatka"), "{times:?}");
}

#[wasm_bindgen_test]
async fn an_unknown_time_zone_falls_back_to_utc_and_the_page_says_so() {
    // Any string is a time zone by the contract; `Intl` throws for the ones the browser lacks.
    let times = event_times("2026-12-16T15:00:00Z", "2026-12-16T17:00:00Z", false, "Mars/Olympus_Mons").await;
    let at_event = &times.last().expect("a time").1;
    assert!(at_event.contains("3:00") && at_event.contains("5:00") && at_event.contains("PM"), "{times:?}");
    assert!(!at_event.contains("Mars"), "the times are UTC's, not the unknown zone's: {times:?}");

    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let handle = leptos::mount::mount_to(host.clone().dyn_into().expect("element"), || {
        veche::i18n::provide_i18n();
        view! {
            <veche::components::events::TimeZoneNotice zones=vec!["Mars/Olympus_Mons".to_owned(), "Europe/Moscow".to_owned()] />
        }
    });
    settle().await;
    let notice = host.text_content().unwrap_or_default();
    assert!(notice.contains("does not know") && notice.contains("UTC"), "{notice}");
    assert!(notice.contains("Mars/Olympus_Mons") && !notice.contains("Moscow"), "{notice}");
    drop(handle);
    host.remove();

    // An all-day date in that zone still lands on its day (UTC's) in the calendar.
    let occurrence: veche_api::events::Occurrence = serde_json::from_value(json!({
        "event_id": "e1", "title": "Fair", "kind": "exhibition", "starts_at": "2026-12-16T10:00:00Z",
        "ends_at": "2026-12-17T10:00:00Z", "all_day": true, "time_zone": "Mars/Olympus_Mons", "online": false,
        "going_count": 0, "cancelled": false, "recurring": false
    }))
    .expect("an occurrence");
    let days = veche::components::events::calendar::occurrence_days(&occurrence).expect("its days");
    assert_eq!((days.0.to_string(), days.1.to_string()), ("2026-12-16".to_owned(), "2026-12-17".to_owned()));
}
