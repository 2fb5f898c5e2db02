//! The frame's two kinds of request, straight through `fetch`: same origin, no cookies (answers
//! from the embed are anonymous).

use veche_api::{API_PREFIX, IDEMPOTENCY_KEY_HEADER};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::json;

/// What came back: a status and the body, or nothing (offline, server down).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// `Retry-After` in seconds, on 429 and 503.
    pub retry_after: Option<u32>,
}

/// Sends a request to `API_PREFIX` + `path` with `init` (a `RequestInit` dictionary, made as a plain
/// object: fewer imports than web-sys's setters); `None` when no answer came.
async fn send(path: &str, init: &[(&str, JsValue)]) -> Option<Answer> {
    let init = json::object(&[init, &[("credentials", JsValue::from_str("omit"))]].concat());
    let window = web_sys::window()?;
    let url = format!("{API_PREFIX}{path}");
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(&url, init.unchecked_ref())).await.ok()?.dyn_into().ok()?;
    let retry_after = response.headers().get("Retry-After").ok().flatten().and_then(|value| value.trim().parse().ok());
    let body = JsFuture::from(response.text().ok()?).await.ok()?.as_string().unwrap_or_default();
    Some(Answer { status: response.status(), body, retry_after })
}

pub async fn get(path: &str) -> Option<Answer> {
    send(path, &[("method", JsValue::from_str("GET"))]).await
}

/// POSTs a JSON body with its Idempotency-Key (the same key on every retry of one answer).
pub async fn post(path: &str, idempotency_key: &str, body: &str) -> Option<Answer> {
    let headers = json::object(&[
        ("Content-Type", JsValue::from_str("application/json")),
        (IDEMPOTENCY_KEY_HEADER, JsValue::from_str(idempotency_key)),
    ]);
    send(path, &[("method", JsValue::from_str("POST")), ("headers", headers), ("body", JsValue::from_str(body))]).await
}
