//! The community charter: anyone reads it (people read the rules before they register); staff
//! change it.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use veche_api::charter::{Charter, CharterInput, check_charter};

use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/charter", guard.wrap(get(show).put(update)))
}

async fn show(State(state): State<AppState>) -> ApiResult<Json<Charter>> {
    Ok(Json(state.db.charter().await?))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(input): JsonBody<CharterInput>,
) -> ApiResult<Json<Charter>> {
    let me = viewer.require()?;
    if !me.access().is_staff() {
        return Err(ApiError::Forbidden("Only staff can change the charter."));
    }
    check_charter(&input).into_result().map_err(ApiError::Validation)?;
    if !state.db.save_charter(&input, Some(me.id)).await? {
        return Err(ApiError::Conflict(
            "Someone changed the charter after you started editing. Reload it and make your change again.".into(),
        ));
    }
    Ok(Json(state.db.charter().await?))
}
