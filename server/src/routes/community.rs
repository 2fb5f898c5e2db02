use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use veche_api::community::Community;

use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::state::AppState;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/community", guard.wrap(get(community)))
}

async fn community(State(state): State<AppState>) -> ApiResult<Json<Community>> {
    state.db.community().await?.map(Json).ok_or(ApiError::NotFound)
}
