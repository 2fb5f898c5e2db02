//! The language of a request's human-readable messages, from `Accept-Language`, reachable
//! anywhere while the request is handled (error bodies are built far from the headers).

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use veche_api::Locale;

use crate::language::REQUEST_LOCALE;
pub use crate::language::current;

pub async fn scope(request: Request, next: Next) -> Response {
    let locale = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::negotiate)
        .unwrap_or_default();
    REQUEST_LOCALE.scope(locale, next.run(request)).await
}
