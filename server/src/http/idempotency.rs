//! `Idempotency-Key`: the first answer to a key is stored per caller for 24 hours and replayed
//! to every retry, so a retried vote, reply or answer never counts twice.
//!
//! The handler's writes and the stored answer are one SQLite transaction
//! (`Db::request_transaction`): a request cut off by a crash, a dropped connection or a failed commit
//! leaves neither, and its retry simply runs again. "Still running" is known only to the process
//! that runs it ([`InFlight`]), so it ends with that process: nothing is left to expire.

use std::collections::HashSet;
use std::sync::Mutex;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use veche_api::IDEMPOTENCY_KEY_HEADER;

use super::AppState;
use super::body_limit;
use super::error::ApiError;
use super::rate_limit::client_address;
use super::session::Viewer;
use crate::db::{Claim, StoredResponse};

/// Bodies larger than this are not replayable (uploads answer with small JSON anyway).
const MAX_STORED_BODY: usize = 1024 * 1024;
/// Set on a replayed answer, so clients and logs can tell.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// Paths (inside `/api/v1`) whose answers carry a session cookie: never stored (signing in
/// again is harmless).
const NOT_REPLAYED: [&str; 3] = ["/auth/login", "/auth/register", "/auth/logout"];

/// The keys whose first request this process is running now.
#[derive(Default)]
pub struct InFlight(Mutex<HashSet<(String, String)>>);

/// A key marked running until dropped (also when the request's future is dropped).
struct Running<'a> {
    in_flight: &'a InFlight,
    entry: (String, String),
}

impl InFlight {
    fn enter(&self, scope: &str, key: &str) -> Option<Running<'_>> {
        let entry = (scope.to_owned(), key.to_owned());
        let mut running = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        running.insert(entry.clone()).then_some(Running { in_flight: self, entry })
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let mut running = self.in_flight.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        running.remove(&self.entry);
    }
}

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
    // The same limit as the handler's: never more than that is held for one request.
    let Ok(body) = to_bytes(body, body_limit(&parts.headers)).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    let fingerprint = fingerprint(&parts.method, &parts.uri, &body);

    let Some(_running) = state.idempotency_in_flight.enter(&scope, &key) else {
        return ApiError::IdempotencyInProgress.into_response();
    };
    match state.db.idempotent_answer(&scope, &key, &fingerprint).await {
        Err(error) => return ApiError::from(error).into_response(),
        Ok(Claim::Mismatch) => return ApiError::IdempotencyKeyReused.into_response(),
        Ok(Claim::Replay(stored)) => return replay(stored),
        Ok(Claim::Fresh) => {}
    }
    let transaction = state.db.request_transaction();
    let outcome = transaction
        .scope(async {
            let response = next.run(Request::from_parts(parts, Body::from(body))).await;
            let status = response.status();
            let (parts, body) = response.into_parts();
            let Ok(body) = to_bytes(body, MAX_STORED_BODY).await else {
                anyhow::bail!("answer too large to keep for replay");
            };
            let response = Response::from_parts(parts, Body::from(body.clone()));
            if status.is_server_error() || status.as_u16() == 429 {
                return Ok(Outcome::Discard(response));
            }
            let headers = response.headers();
            let header_text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_owned);
            let stored = StoredResponse {
                status: status.as_u16(),
                content_type: header_text(header::CONTENT_TYPE),
                location: header_text(header::LOCATION),
                body: body.to_vec(),
            };
            state.db.store_idempotent_answer(&scope, &key, &fingerprint, &stored).await?;
            Ok(Outcome::Commit(response))
        })
        .await;
    match outcome {
        // Dropping the transaction rolls back whatever the handler wrote.
        Ok(Outcome::Discard(response)) => response,
        Ok(Outcome::Commit(response)) => match transaction.commit().await {
            Ok(()) => response,
            // Not acknowledged, nothing kept: the retry runs the request again.
            Err(error) => ApiError::from(error).into_response(),
        },
        Err(error) => ApiError::from(error).into_response(),
    }
}

/// What to do with the request's transaction.
enum Outcome {
    /// Keep the writes and the stored answer.
    Commit(Response),
    /// Roll back: the answer is worth retrying (5xx, 429), so nothing of it is kept.
    Discard(Response),
}

/// What makes two requests "the same": method, address and body.
fn fingerprint(method: &Method, uri: &axum::http::Uri, body: &Bytes) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!("{method} {uri}\n").as_bytes());
    hasher.update(body);
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
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
