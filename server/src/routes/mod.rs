//! The contract's paths, one module per resource.

mod auth;
mod charter;
mod community;
mod events;
mod groups;
mod ideas;
mod kb;
mod kpis;
mod members;
pub(crate) mod moderation;
mod names;
pub(crate) mod notifications;
mod privacy;
mod search;
mod sign_in_providers;
mod sign_in_settings;
mod surveys;
mod threads;

use axum::Router;
use axum::routing::get;
use veche_api::page::MAX_PAGE_LIMIT;
use veche_api::validate::Issue;

use crate::http::AppState;
use crate::http::error::{ApiError, ApiResult};
use crate::http::{self, Guard, static_files};

/// The whole service: the contract's paths under `/api/v1` and the one-click unsubscribe address
/// mail programs post to, inside what `http` puts around every request.
pub fn router(state: AppState) -> Router {
    let site = Router::new()
        // A mail's unsubscribe address: the app's page to a browser, one click to a mail program.
        .route("/unsubscribe", get(static_files::index).post(notifications::one_click_unsubscribe));
    http::service(state.clone(), api(&Guard::new(state)), site)
}

fn api(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/health", get(|| async { axum::Json(serde_json::json!({ "status": "ok" })) }))
        .merge(community::router(guard))
        .merge(charter::router(guard))
        .merge(auth::router(guard))
        .merge(sign_in_providers::router(guard))
        .merge(sign_in_settings::router(guard))
        .merge(names::router(guard))
        .merge(threads::router(guard))
        .merge(members::router(guard))
        .merge(ideas::router(guard))
        .merge(events::router(guard))
        .merge(groups::router(guard))
        .merge(surveys::router(guard))
        .merge(kpis::router(guard))
        .merge(notifications::router(guard))
        .merge(moderation::router(guard))
        .merge(search::router(guard))
        .merge(kb::router(guard))
        .merge(privacy::router(guard))
}

/// Ids in paths are decimal; anything else names nothing (404).
pub(crate) fn id(text: &str) -> ApiResult<i64> {
    text.parse().map_err(|_| ApiError::NotFound)
}

/// A list's page size: `default` when none is asked for; outside 1..=100 is a 422 on `limit`.
pub(crate) fn page_limit(requested: Option<u32>, default: u32) -> ApiResult<i64> {
    match requested {
        None => Ok(i64::from(default)),
        Some(n) if (1..=MAX_PAGE_LIMIT).contains(&n) => Ok(i64::from(n)),
        Some(_) => Err(ApiError::field("limit", Issue::OutOfRange { min: 1, max: i64::from(MAX_PAGE_LIMIT) })),
    }
}

/// A free-text query parameter (a search, a city): absent is empty; longer than `max` characters
/// is a 422 on `field`, as the contract's `maxLength` says.
pub(crate) fn query_text(value: Option<String>, field: &str, max: usize) -> ApiResult<String> {
    let text = value.unwrap_or_default();
    if text.chars().count() > max {
        return Err(ApiError::field(field, Issue::TooLong { max }));
    }
    Ok(text)
}

/// `?limit=&cursor=` of a list entered by offset.
#[derive(serde::Deserialize)]
pub(crate) struct PageQuery {
    limit: Option<u32>,
    cursor: Option<String>,
}

impl PageQuery {
    /// The page's size and where it starts: `(limit, offset)`, or a 422 on either.
    pub(crate) fn window(&self) -> ApiResult<(i64, i64)> {
        Ok((page_limit(self.limit, veche_api::page::DEFAULT_PAGE_LIMIT)?, page_offset(self.cursor.as_deref())?))
    }
}

/// Where a page starts, from the `next_cursor` of the one before (`o<offset>`; none: the start).
pub(crate) fn page_offset(cursor: Option<&str>) -> ApiResult<i64> {
    match cursor {
        None | Some("") => Ok(0),
        Some(text) => text
            .strip_prefix('o')
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| *n >= 0)
            .ok_or_else(|| ApiError::field("cursor", Issue::Invalid)),
    }
}

/// One page of a list entered by offset, its `next_cursor` set when `more` follow.
pub(crate) fn offset_page<T>(items: Vec<T>, more: bool, offset: i64, limit: i64) -> veche_api::Page<T> {
    veche_api::Page { items, next_cursor: offset_cursor(more, offset, limit), prev_cursor: None }
}

/// The `next_cursor` of a page entered by offset: where the next page starts, when `more` follow.
pub(crate) fn offset_cursor(more: bool, offset: i64, limit: i64) -> Option<String> {
    more.then(|| format!("o{}", offset + limit))
}
