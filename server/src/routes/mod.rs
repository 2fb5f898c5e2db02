//! The contract's paths, one module per resource.

mod auth;

pub use auth::hash_password;
mod community;
mod events;
mod ideas;
mod members;
mod threads;

use axum::Router;
use axum::routing::get;

use crate::http::Guard;
use crate::state::AppState;

pub fn api(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/health", get(|| async { axum::Json(serde_json::json!({ "status": "ok" })) }))
        .merge(community::router(guard))
        .merge(auth::router(guard))
        .merge(threads::router(guard))
        .merge(members::router(guard))
        .merge(ideas::router(guard))
        .merge(events::router(guard))
}
