//! The contract's paths, one module per resource.

mod auth;

pub use auth::hash_password;
mod community;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn api() -> Router<AppState> {
    Router::new()
        .route(
            "/health",
            get(|| async { axum::Json(serde_json::json!({ "status": "ok" })) }),
        )
        .merge(community::router())
        .merge(auth::router())
}
