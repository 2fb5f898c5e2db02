use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use chrono::Utc;
use chrono_tz::Tz;
use veche_api::community::{Community, CommunityStats};

use crate::access::Reader;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::session::Viewer;
use crate::state::AppState;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/community", guard.wrap(get(community))).route("/community/stats", guard.wrap(get(stats)))
}

async fn community(State(state): State<AppState>) -> ApiResult<Json<Community>> {
    state.db.community().await?.map(Json).ok_or(ApiError::NotFound)
}

/// The counters of the home page, for this viewer's eyes. Days are counted in the community's
/// time zone (UTC if its name is unknown), so the number turns over at its midnight.
async fn stats(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<CommunityStats>> {
    let community = state.db.community().await?.ok_or(ApiError::NotFound)?;
    let zone: Tz = community.time_zone.parse().unwrap_or(Tz::UTC);
    let today = Utc::now().with_timezone(&zone).date_naive();
    Ok(Json(state.db.community_stats(Reader::of(&viewer), today).await?))
}
