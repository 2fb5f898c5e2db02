//! The frame's two kinds of request, straight through `fetch`: same origin, no cookies (answers
//! from the embed are anonymous).

use veche_api::{API_PREFIX, IDEMPOTENCY_KEY_HEADER};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCredentials, RequestInit, Response};

/// What came back: a status and the body, or nothing (offline, server down).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// `Retry-After` in seconds, on 429 and 503.
    pub retry_after: Option<u32>,
}

/// Sends a request to `API_PREFIX` + `path`; `None` when no answer came.
async fn send(path: &str, init: RequestInit) -> Option<Answer> {
    init.set_credentials(RequestCredentials::Omit);
    let window = web_sys::window()?;
    let url = format!("{API_PREFIX}{path}");
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await.ok()?.dyn_into().ok()?;
    let retry_after = response.headers().get("Retry-After").ok().flatten().and_then(|value| value.trim().parse().ok());
    let body = JsFuture::from(response.text().ok()?).await.ok()?.as_string().unwrap_or_default();
    Some(Answer { status: response.status(), body, retry_after })
}

pub async fn get(path: &str) -> Option<Answer> {
    let init = RequestInit::new();
    init.set_method("GET");
    send(path, init).await
}

/// POSTs a JSON body with its Idempotency-Key (the same key on every retry of one answer).
pub async fn post(path: &str, idempotency_key: &str, json: &str) -> Option<Answer> {
    let headers = Headers::new().ok()?;
    headers.set("Content-Type", "application/json").ok()?;
    headers.set(IDEMPOTENCY_KEY_HEADER, idempotency_key).ok()?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(json));
    send(path, init).await
}
