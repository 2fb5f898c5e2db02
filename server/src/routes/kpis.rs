//! The staff's KPIs page: participation, ideas, events and NPS per month.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::kpis::{self as contract, DEFAULT_MONTHS, Kpis};
use veche_api::validate::Issue;

use crate::db::kpis::month_starts;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::QueryParams;
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/kpis", guard.wrap(get(kpis)))
}

#[derive(Deserialize)]
struct KpisQuery {
    months: Option<u32>,
}

/// The period asked for: 6 or 12 months, anything else a 422 on `months`.
fn period(requested: Option<u32>) -> ApiResult<u32> {
    match requested {
        None => Ok(DEFAULT_MONTHS),
        Some(months) if contract::is_period(months) => Ok(months),
        Some(_) => Err(ApiError::field("months", Issue::Invalid)),
    }
}

async fn kpis(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<KpisQuery>,
) -> ApiResult<Json<Kpis>> {
    viewer.require_staff("Only staff can see the KPIs.")?;
    let months = period(query.months)?;
    let now = chrono::Utc::now();
    let starts = month_starts(now.date_naive(), months);
    Ok(Json(Kpis {
        months,
        participation: state.db.participation(now).await?,
        series: state.db.kpi_months(&starts, now).await?,
    }))
}
