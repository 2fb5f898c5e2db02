//! What surveys embedded on other sites need: CORS for their few public paths, only for the
//! origins each survey allows and never with credentials, and the survey frame's page with a
//! `frame-ancestors` naming those origins.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::static_files::inline_scripts;
use crate::clock;
use crate::config::Config;
use crate::db::surveys::SurveyRow;
use crate::tokens;

/// The survey an embeddable operation belongs to (paths as seen inside `/api/v1`): reading the
/// public definition, answering, and the follow-up. Staff paths are not among them.
fn embedded_survey(path: &str, method: &Method) -> Option<i64> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let id = match (method, segments.as_slice()) {
        (&Method::GET, ["surveys", id, "public"])
        | (&Method::POST, ["surveys", id, "responses"])
        | (&Method::POST, ["surveys", id, "responses", _, "follow-up"]) => id,
        _ => return None,
    };
    id.parse().ok()
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => &url[..after_scheme + slash],
        None => url,
    }
}

/// Veche's own origins: the one it is reached at (the `Host` the request names), its public
/// URL, and the app origins it was configured to allow (credentialed CORS covers those).
fn is_own_origin(config: &Config, origin: &str, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let authority = origin.split_once("://").map(|(_, rest)| rest);
    (host.is_some() && authority == host)
        || origin == origin_of(&config.public_url)
        || config.allowed_origins.iter().any(|allowed| allowed.trim() == origin)
}

fn set(headers: &mut HeaderMap, name: HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(name, value);
    }
}

/// CORS for the embeddable survey paths, outside the app's credentialed CORS: a survey's allowed
/// origin may read and answer it (no cookies), any other foreign origin may not write at all.
pub async fn cors(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(origin) = request.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_owned) else {
        return next.run(request).await;
    };
    let requested_method = request.headers().get(header::ACCESS_CONTROL_REQUEST_METHOD);
    let preflight = request.method() == Method::OPTIONS && requested_method.is_some();
    let method = match requested_method.and_then(|v| Method::from_bytes(v.as_bytes()).ok()) {
        Some(method) if preflight => method,
        _ => request.method().clone(),
    };
    let Some(survey_id) = embedded_survey(request.uri().path(), &method) else {
        return next.run(request).await;
    };
    if is_own_origin(&state.config, &origin, request.headers()) {
        return next.run(request).await;
    }
    let allowed = match state.db.survey(survey_id).await {
        Ok(survey) => survey.is_some_and(|survey| survey.allows_origin(&origin)),
        Err(error) => return ApiError::from(error).into_response(),
    };
    let refusal = || ApiError::Forbidden("This site is not among the survey's allowed origins.").into_response();
    let mut response = match (allowed, preflight) {
        (false, true) => return refusal(),
        (false, false) if method == Method::POST => return refusal(),
        (false, false) => return next.run(request).await,
        (true, true) => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            let headers = response.headers_mut();
            set(headers, header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
            set(headers, header::ACCESS_CONTROL_ALLOW_HEADERS, "content-type, accept-language, idempotency-key");
            set(headers, header::ACCESS_CONTROL_MAX_AGE, "600");
            response
        }
        (true, false) => next.run(request).await,
    };
    let headers = response.headers_mut();
    set(headers, header::ACCESS_CONTROL_ALLOW_ORIGIN, &origin);
    set(headers, header::ACCESS_CONTROL_EXPOSE_HEADERS, "retry-after, idempotent-replayed");
    headers.remove(header::ACCESS_CONTROL_ALLOW_CREDENTIALS);
    headers.append(header::VARY, HeaderValue::from_static("origin"));
    response
}

/// The survey frame's page (`/embed/frame/?survey=<id>&…`): the built frame's `index.html`,
/// framable only by the survey's allowed origins.
pub async fn frame_page(State(state): State<AppState>, request: Request) -> Response {
    let survey_id = request
        .uri()
        .query()
        .and_then(|query| form_urlencoded::parse(query.as_bytes()).find(|(name, _)| name == "survey"))
        .and_then(|(_, id)| id.parse::<i64>().ok());
    let survey = match survey_id {
        Some(id) => match state.db.survey(id).await {
            Ok(survey) => survey.filter(|survey| survey.is_open(clock::today())),
            Err(error) => return ApiError::from(error).into_response(),
        },
        None => None,
    };
    let Some(survey) = survey else {
        return plain_page(StatusCode::NOT_FOUND, "This survey does not exist or is closed.");
    };
    let path = state.shell.dir.join("embed/frame/index.html");
    let Ok(html) = tokio::fs::read_to_string(&path).await else {
        tracing::warn!(path = %path.display(), "the survey frame is not built");
        return plain_page(StatusCode::SERVICE_UNAVAILABLE, "The survey frame is not built yet.");
    };
    let mut response = Html(html.clone()).into_response();
    set(response.headers_mut(), header::CONTENT_SECURITY_POLICY, &frame_csp(&html, &survey));
    response
}

/// What the frame may load (its own files, its WebAssembly, the API) and who may frame it.
fn frame_csp(html: &str, survey: &SurveyRow) -> String {
    let script_hashes: String = inline_scripts(html)
        .into_iter()
        .map(|script| format!(" 'sha256-{}'", tokens::sha256_base64(script.as_bytes())))
        .collect();
    let ancestors = if survey.input.allowed_origins.is_empty() {
        "'none'".to_owned()
    } else {
        survey.input.allowed_origins.join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors {ancestors}; base-uri 'none'; form-action 'none'"
    )
}

fn plain_page(status: StatusCode, message: &str) -> Response {
    let html = format!("<!doctype html><html lang=\"en\"><title>Veche survey</title><p>{message}</p></html>");
    let mut response = (status, Html(html)).into_response();
    set(response.headers_mut(), header::CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_public_answer_and_follow_up_paths_are_embeddable() {
        assert_eq!(embedded_survey("/surveys/4/public", &Method::GET), Some(4));
        assert_eq!(embedded_survey("/surveys/4/responses", &Method::POST), Some(4));
        assert_eq!(embedded_survey("/surveys/4/responses/abc-def12/follow-up", &Method::POST), Some(4));
        assert_eq!(embedded_survey("/surveys/4/responses", &Method::GET), None);
        assert_eq!(embedded_survey("/surveys/4/results", &Method::GET), None);
        assert_eq!(embedded_survey("/surveys/4", &Method::GET), None);
        assert_eq!(embedded_survey("/surveys/x/public", &Method::GET), None);
    }

    #[test]
    fn origins_are_cut_from_urls() {
        assert_eq!(origin_of("https://veche.example.com/app"), "https://veche.example.com");
        assert_eq!(origin_of("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
    }
}
