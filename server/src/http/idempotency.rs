//! `Idempotency-Key`: the first answer to a key is stored per caller for 24 hours and replayed
//! to every retry, so a retried vote, reply or answer never counts twice.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use veche_api::IDEMPOTENCY_KEY_HEADER;

use super::error::ApiError;
use super::rate_limit::client_address;
use super::session::Viewer;
use crate::db::{Claim, StoredResponse};
use crate::state::AppState;
use crate::tokens;

/// Bodies larger than this are not replayable (uploads answer with small JSON anyway).
const MAX_STORED_BODY: usize = 1024 * 1024;
/// Set on a replayed answer, so clients and logs can tell.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// Paths (inside `/api/v1`) whose answers carry a session cookie: never stored (signing in
/// again is harmless).
const NOT_REPLAYED: [&str; 3] = ["/auth/login", "/auth/register", "/auth/logout"];

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(key) = request.headers().get(IDEMPOTENCY_KEY_HEADER).cloned() else {
        return next.run(request).await;
    };
    let valid = (1..=255).contains(&key.len()) && key.as_bytes().iter().all(|b| (0x21..=0x7e).contains(b));
    if !valid {
        return ApiError::BadRequest("Idempotency-Key must be 1–255 visible ASCII characters".into()).into_response();
    }
    let unsafe_method = matches!(*request.method(), Method::POST | Method::PUT | Method::PATCH | Method::DELETE);
    if !unsafe_method || NOT_REPLAYED.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    let key = String::from_utf8_lossy(key.as_bytes()).into_owned();
    let Some(viewer) = request.extensions().get::<Viewer>().cloned() else {
        return ApiError::Internal(anyhow::anyhow!("idempotency needs the session layer")).into_response();
    };
    let scope = viewer.idempotency_scope(client_address(request.extensions()));

    let (parts, body) = request.into_parts();
    let body = match to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(_) => return ApiError::PayloadTooLarge.into_response(),
    };
    let mut fingerprint_input = format!("{} {}\n", parts.method, parts.uri).into_bytes();
    fingerprint_input.extend_from_slice(&body);
    let fingerprint = tokens::sha256_hex(&fingerprint_input);

    match state.db.claim_idempotency(&scope, &key, &fingerprint).await {
        Err(error) => return ApiError::Internal(error).into_response(),
        Ok(Claim::InProgress) => return ApiError::IdempotencyInProgress.into_response(),
        Ok(Claim::Mismatch) => return ApiError::IdempotencyKeyReused.into_response(),
        Ok(Claim::Replay(stored)) => return replay(stored),
        Ok(Claim::Fresh) => {}
    }

    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let status = response.status();
    let worth_retrying = status.is_server_error() || status.as_u16() == 429;
    let (parts, body) = response.into_parts();
    let body = match to_bytes(body, MAX_STORED_BODY).await {
        Ok(body) => body,
        Err(_) => {
            let _ = state.db.release_idempotency(&scope, &key).await;
            return ApiError::Internal(anyhow::anyhow!("answer too large to keep for replay")).into_response();
        }
    };
    let outcome = if worth_retrying {
        state.db.release_idempotency(&scope, &key).await
    } else {
        let header_text = |name| parts.headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_owned);
        let stored = StoredResponse {
            status: status.as_u16(),
            content_type: header_text(header::CONTENT_TYPE),
            location: header_text(header::LOCATION),
            body: body.to_vec(),
        };
        state.db.finish_idempotency(&scope, &key, &stored).await
    };
    if let Err(error) = outcome {
        tracing::warn!(%error, "could not record the idempotent answer");
    }
    Response::from_parts(parts, Body::from(body))
}

fn replay(stored: StoredResponse) -> Response {
    let mut response = Response::new(Body::from(stored.body));
    *response.status_mut() = axum::http::StatusCode::from_u16(stored.status).unwrap_or_default();
    let headers = response.headers_mut();
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    for (name, value) in [(header::CONTENT_TYPE, stored.content_type), (header::LOCATION, stored.location)] {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            headers.insert(name, value);
        }
    }
    response
}
