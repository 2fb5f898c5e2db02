//! Search across threads, ideas, events, members and articles, leaving out what the viewer may not read.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::Page;
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::search::{QUERY_MAX, QUERY_MIN, SearchKind, SearchResult};
use veche_api::validate::Issue;

use super::{offset_page, page_limit, page_offset, query_text};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::QueryParams;
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/search", guard.wrap(get(search)))
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn search(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<SearchQuery>,
) -> ApiResult<Json<Page<SearchResult>>> {
    let text = query_text(query.q, "q", QUERY_MAX)?;
    if text.chars().count() < QUERY_MIN {
        return Err(ApiError::field("q", Issue::TooShort { min: QUERY_MIN }));
    }
    let kind = match query.kind.as_deref() {
        None => None,
        Some(kind) => Some(SearchKind::parse_known(kind).ok_or_else(|| ApiError::field("type", Issue::Invalid))?),
    };
    let limit = page_limit(query.limit, DEFAULT_PAGE_LIMIT)?;
    let offset = page_offset(query.cursor.as_deref())?;
    let found = state.db.search(viewer.reader(), text.trim(), kind).await?;
    let more = found.len() as i64 > offset + limit;
    let items = found.into_iter().skip(offset as usize).take(limit as usize).collect();
    Ok(Json(offset_page(items, more, offset, limit)))
}
