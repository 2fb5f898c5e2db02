//! The one request function every API call goes through, and the one error it can fail with.
//!
//! The client keeps its own small state, like a browser keeps cookies: the API base (read once
//! from `<meta name="veche-api-base">`, so a deployment can point the app at another backend
//! without rebuilding), the CSRF token the server last handed out, and the language for
//! server-written messages.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use veche_api::{CSRF_HEADER, IDEMPOTENCY_KEY_HEADER, Locale, Problem, ProblemCode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

/// Everything a request can fail with, as the app shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, server down, blocked by CORS.
    Network,
    Unauthorized,
    Forbidden {
        code: ProblemCode,
        detail: Option<String>,
    },
    /// 403 `members_only`: content of a closed group. Holds the answer's body, which names the
    /// group (`veche_api::groups::MembersOnlyProblem`): read only where the gate is shown.
    MembersOnly(String),
    NotFound,
    /// A mailed link that cannot be used (`link_expired`, `link_used`, `link_invalid`): the page
    /// that opened it says what to do next.
    LinkUnusable(ProblemCode),
    /// 409: the state changed under the request (e.g. a vote budget used up).
    Conflict {
        code: ProblemCode,
        detail: Option<String>,
    },
    /// 422: `fields` maps a field name to the message to show beside it; `detail` is the
    /// server's reason when it is not about one field.
    Validation {
        code: ProblemCode,
        fields: BTreeMap<String, String>,
        title: String,
        detail: Option<String>,
    },
    RateLimited {
        retry_after_secs: Option<u64>,
    },
    /// 5xx, or a status the contract does not use.
    Server {
        status: u16,
    },
    /// An answer that is not what the contract promises (garbage, a proxy's error page…).
    InvalidResponse,
}

impl ApiError {
    /// Worth sending again later without the member changing anything.
    pub fn is_transient(&self) -> bool {
        matches!(self, ApiError::Network | ApiError::RateLimited { .. } | ApiError::Server { .. })
    }

    /// The message for one field of a validation failure.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            ApiError::Validation { fields, .. } => fields.get(name).cloned(),
            _ => None,
        }
    }

    /// Maps a non-2xx answer to an error, from its status, `Retry-After` and problem body.
    pub fn from_response(status: u16, retry_after: Option<&str>, body: &str) -> ApiError {
        let problem: Option<Problem> = serde_json::from_str(body).ok();
        let detail = problem.as_ref().and_then(|p| p.detail.clone());
        let code = problem.as_ref().map(|p| p.code).unwrap_or(ProblemCode::Unknown);
        if status == 403 && code == ProblemCode::MembersOnly {
            return ApiError::MembersOnly(body.to_owned());
        }
        if matches!(code, ProblemCode::LinkExpired | ProblemCode::LinkUsed | ProblemCode::LinkInvalid) {
            return ApiError::LinkUnusable(code);
        }
        match status {
            401 => ApiError::Unauthorized,
            403 => ApiError::Forbidden { code, detail },
            404 | 410 => ApiError::NotFound,
            409 => ApiError::Conflict { code, detail },
            400 | 422 => ApiError::Validation {
                code,
                title: problem.as_ref().map(|p| p.title.clone()).unwrap_or_default(),
                fields: problem.map(|p| p.errors).unwrap_or_default(),
                detail,
            },
            429 => ApiError::RateLimited { retry_after_secs: retry_after.and_then(|v| v.trim().parse().ok()) },
            _ => ApiError::Server { status },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    fn is_unsafe(self) -> bool {
        self != Method::Get
    }

    pub fn parse(text: &str) -> Option<Method> {
        [Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete].into_iter().find(|m| m.as_str() == text)
    }
}

struct ClientState {
    base: String,
    csrf_token: Option<String>,
    locale: Locale,
}

thread_local! {
    static CLIENT: RefCell<ClientState> = RefCell::new(ClientState {
        base: read_api_base(),
        csrf_token: None,
        locale: Locale::En,
    });
}

/// Default when the page does not say: the same origin as the app.
const DEFAULT_API_BASE: &str = "/api/v1";

fn read_api_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name='veche-api-base']").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .map(|v| v.trim().trim_end_matches('/').to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_API_BASE.to_owned())
}

/// The API's base URL (absolute, or a path on this origin).
pub fn api_base() -> String {
    CLIENT.with(|c| c.borrow().base.clone())
}

/// Where a picture the API names (`avatar_url`, a photo's `url`) is: paths are on the API's
/// origin, which is another one when the API base is absolute.
pub fn media_url(url: &str) -> String {
    CLIENT.with(|c| resolve_media_url(&c.borrow().base, url))
}

/// `url` resolved against the origin of `base` (plain, so it is tested without a browser).
pub fn resolve_media_url(base: &str, url: &str) -> String {
    let origin = ["https://", "http://"].iter().find_map(|scheme| {
        let rest = base.strip_prefix(scheme)?;
        let host_end = rest.find('/').unwrap_or(rest.len());
        Some(&base[..scheme.len() + host_end])
    });
    match origin {
        Some(origin) if url.starts_with('/') && !url.starts_with("//") => format!("{origin}{url}"),
        _ => url.to_owned(),
    }
}

/// Remembers the token to send in `X-CSRF-Token` (from `/auth/me`, login, register, logout).
pub fn set_csrf_token(token: &str) {
    CLIENT.with(|c| c.borrow_mut().csrf_token = Some(token.to_owned()));
}

/// The language server-written messages (validation errors) should come in.
pub fn set_locale(locale: Locale) {
    CLIENT.with(|c| c.borrow_mut().locale = locale);
}

/// A fresh retry key: the same key must be reused for every retry of one action.
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e16) as u64))
}

/// Extra per-request settings.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Sent as `Idempotency-Key`; POSTs without one get a fresh key.
    pub idempotency_key: Option<String>,
}

/// Sends one request and decodes the answer. Never panics: every failure is an `ApiError`.
/// When the owning view goes away the request is aborted.
pub async fn request<T, B>(method: Method, path: &str, body: Option<&B>, options: Options) -> ApiResult<T>
where
    T: DeserializeOwned,
    B: Serialize + ?Sized,
{
    let body = match body {
        Some(body) => Some(serde_json::to_string(body).map_err(|_| ApiError::InvalidResponse)?),
        None => None,
    };
    let idempotency_key = match (method, options.idempotency_key) {
        (_, Some(key)) => Some(key),
        (Method::Post, None) => Some(new_idempotency_key()),
        _ => None,
    };
    let text = request_text(method, path, body.as_deref(), idempotency_key.as_deref()).await?;
    decode(&text)
}

/// Sends an already-encoded request and answers the body text of a 2xx answer. The outbox uses
/// it to replay stored requests with their original Idempotency-Key.
pub async fn request_text(
    method: Method,
    path: &str,
    body: Option<&str>,
    idempotency_key: Option<&str>,
) -> ApiResult<String> {
    send_with_fresh_csrf(method, path, body.map(Body::Json), idempotency_key).await
}

/// Sends a raw binary body (a picture) as `content_type` and decodes the JSON answer: the same
/// headers, retry key, CSRF refresh and error mapping as every other request.
pub async fn upload<T: DeserializeOwned>(
    method: Method,
    path: &str,
    blob: &web_sys::Blob,
    content_type: &str,
    options: Options,
) -> ApiResult<T> {
    let key = options.idempotency_key.unwrap_or_else(new_idempotency_key);
    let body = Body::Binary { blob, content_type };
    let text = send_with_fresh_csrf(method, path, Some(body), Some(&key)).await?;
    decode(&text)
}

/// What a request carries.
#[derive(Clone, Copy)]
enum Body<'a> {
    /// Already-encoded JSON.
    Json(&'a str),
    /// Bytes the browser holds (a file, a canvas export), sent as they are.
    Binary { blob: &'a web_sys::Blob, content_type: &'a str },
}

async fn send_with_fresh_csrf(
    method: Method,
    path: &str,
    body: Option<Body<'_>>,
    idempotency_key: Option<&str>,
) -> ApiResult<String> {
    let mut refreshed_csrf = false;
    loop {
        match send(method, path, body, idempotency_key).await {
            // The token went stale (server restarted, session ended elsewhere): fetch a new one
            // and try once more, so the member never sees this.
            Err(error) if method.is_unsafe() && !refreshed_csrf && is_csrf_refusal(&error) => {
                refreshed_csrf = true;
                refresh_csrf_token().await?;
            }
            Err(error) => return Err(error),
            Ok((_, text)) => return Ok(text),
        }
    }
}

fn is_csrf_refusal(error: &ApiError) -> bool {
    matches!(error, ApiError::Forbidden { code: ProblemCode::CsrfFailed, .. })
}

async fn refresh_csrf_token() -> ApiResult<()> {
    let (_, text) = send(Method::Get, "/auth/me", None, None).await?;
    let session: veche_api::auth::Session = decode(&text)?;
    set_csrf_token(&session.csrf_token);
    Ok(())
}

/// Reads a JSON answer; an empty body reads as `null` (for answers without content).
pub fn decode<T: DeserializeOwned>(text: &str) -> ApiResult<T> {
    let text = if text.trim().is_empty() { "null" } else { text };
    serde_json::from_str(text).map_err(|_| ApiError::InvalidResponse)
}

/// One round trip: the status and body of a 2xx answer, or the mapped error.
async fn send(
    method: Method,
    path: &str,
    body: Option<Body<'_>>,
    idempotency_key: Option<&str>,
) -> ApiResult<(u16, String)> {
    let (base, csrf_token, locale) = CLIENT.with(|c| {
        let c = c.borrow();
        (c.base.clone(), c.csrf_token.clone(), c.locale)
    });
    let headers = Headers::new().map_err(|_| ApiError::Network)?;
    let set = |name: &str, value: &str| headers.set(name, value).map_err(|_| ApiError::Network);
    set("Accept", "application/json, application/problem+json")?;
    set("Accept-Language", locale.tag())?;
    match body {
        Some(Body::Json(_)) => set("Content-Type", "application/json")?,
        Some(Body::Binary { content_type, .. }) => set("Content-Type", content_type)?,
        None => {}
    }
    if method.is_unsafe() {
        set(CSRF_HEADER, csrf_token.as_deref().unwrap_or(""))?;
    }
    if let Some(key) = idempotency_key {
        set(IDEMPOTENCY_KEY_HEADER, key)?;
    }

    let init = RequestInit::new();
    init.set_method(method.as_str());
    init.set_headers(&headers);
    init.set_credentials(RequestCredentials::Include);
    match body {
        Some(Body::Json(text)) => init.set_body(&JsValue::from_str(text)),
        Some(Body::Binary { blob, .. }) => init.set_body(blob),
        None => {}
    }
    let controller = AbortController::new().ok();
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
        let controller = send_wrapper::SendWrapper::new(controller.clone());
        if leptos::prelude::Owner::current().is_some() {
            leptos::prelude::on_cleanup(move || controller.abort());
        }
    }

    let window = web_sys::window().ok_or(ApiError::Network)?;
    let url = format!("{base}{path}");
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::InvalidResponse)?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.map_err(|_| ApiError::Network)?.as_string().unwrap_or_default(),
        Err(_) => String::new(),
    };
    if (200..300).contains(&status) {
        Ok((status, text))
    } else {
        Err(ApiError::from_response(status, retry_after.as_deref(), &text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_maps_fields() {
        let body = r#"{"type":"about:blank","title":"Some fields need attention","status":422,
                       "code":"validation_failed","errors":{"email":"Taken"}}"#;
        let error = ApiError::from_response(422, None, body);
        assert_eq!(error.field("email").as_deref(), Some("Taken"));
        assert!(!error.is_transient());
    }

    #[test]
    fn garbage_bodies_still_map_by_status() {
        assert_eq!(ApiError::from_response(502, None, "<html>Bad gateway</html>"), ApiError::Server { status: 502 });
        assert_eq!(ApiError::from_response(404, None, ""), ApiError::NotFound);
        assert_eq!(
            ApiError::from_response(429, Some("12"), "{}"),
            ApiError::RateLimited { retry_after_secs: Some(12) }
        );
        assert!(ApiError::from_response(503, None, "").is_transient());
    }

    #[test]
    fn media_paths_live_on_the_api_origin() {
        let base = "https://api.example.com/api/v1";
        assert_eq!(resolve_media_url(base, "/api/v1/media/7"), "https://api.example.com/api/v1/media/7");
        assert_eq!(resolve_media_url("http://127.0.0.1:9000/v1", "/media/7"), "http://127.0.0.1:9000/media/7");
        assert_eq!(resolve_media_url("https://api.example.com", "/m/1"), "https://api.example.com/m/1");
        // Same origin as the app, or already absolute: left as it is.
        assert_eq!(resolve_media_url("/api/v1", "/api/v1/media/7"), "/api/v1/media/7");
        assert_eq!(resolve_media_url(base, "https://cdn.example.net/a.png"), "https://cdn.example.net/a.png");
        assert_eq!(resolve_media_url(base, "//cdn.example.net/a.png"), "//cdn.example.net/a.png");
    }

    #[test]
    fn a_members_only_answer_names_its_group() {
        let body = r#"{"title":"Members only","status":403,"code":"members_only",
                       "group":{"group":{"id":"2","slug":"beta","name":"Beta","kind":"closed"},"can_request":true}}"#;
        match ApiError::from_response(403, None, body) {
            ApiError::MembersOnly(body) => {
                let gate = serde_json::from_str::<veche_api::groups::MembersOnlyProblem>(&body).unwrap().group;
                assert_eq!((gate.group.slug.as_str(), gate.can_request), ("beta", true));
            }
            other => panic!("{other:?}"),
        }
        let plain = r#"{"title":"Not allowed","status":403,"code":"forbidden"}"#;
        assert!(matches!(ApiError::from_response(403, None, plain), ApiError::Forbidden { .. }));
    }

    #[test]
    fn unknown_problem_codes_are_tolerated() {
        let body = r#"{"title":"x","status":409,"code":"budget_exhausted_v2"}"#;
        assert_eq!(
            ApiError::from_response(409, None, body),
            ApiError::Conflict { code: ProblemCode::Unknown, detail: None }
        );
    }
}
