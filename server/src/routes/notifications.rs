//! The bell: a member's notifications, their unread count, marking them read.

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::Page;
use veche_api::notifications::{Notification, UnreadCount};
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::validate::Issue;

use super::page_limit;
use crate::access::Reader;
use crate::db::notifications::NotificationFilter;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::QueryParams;
use crate::http::session::Viewer;
use crate::state::AppState;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/notifications", guard.wrap(get(list)))
        .route("/notifications/unread-count", guard.wrap(get(unread_count)))
        .route("/notifications/read-all", guard.wrap(post(read_all)))
        .route("/notifications/{id}/read", guard.wrap(post(read)))
}

#[derive(Deserialize)]
struct ListQuery {
    unread: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

/// The cursor of the page after the one ending with notification `id`.
fn cursor_after(id: &str) -> String {
    format!("b{id}")
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Page<Notification>>> {
    let member = viewer.require()?;
    let unread_only = match query.unread.as_deref() {
        None | Some("0") => false,
        Some("1") => true,
        Some(_) => return Err(ApiError::field("unread", Issue::Invalid)),
    };
    let before_id = match query.cursor.as_deref() {
        None | Some("") => None,
        Some(cursor) => Some(
            cursor
                .strip_prefix('b')
                .and_then(|id| id.parse::<i64>().ok())
                .ok_or_else(|| ApiError::field("cursor", Issue::Invalid))?,
        ),
    };
    let limit = page_limit(query.limit, DEFAULT_PAGE_LIMIT)?;
    let filter = NotificationFilter { unread_only, before_id, limit };
    let (items, more) = state.db.notifications(Reader::member(member), &filter).await?;
    let next_cursor = if more { items.last().map(|n| cursor_after(&n.id)) } else { None };
    Ok(Json(Page { items, next_cursor, prev_cursor: None }))
}

async fn unread_count(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<UnreadCount>> {
    let member = viewer.require()?;
    Ok(Json(UnreadCount { unread: state.db.unread_notifications(Reader::member(member)).await? }))
}

async fn read(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(notification): Path<String>,
) -> ApiResult<Json<Notification>> {
    let member = viewer.require()?;
    let id: i64 = notification.parse().map_err(|_| ApiError::NotFound)?;
    // Someone else's notification is as unknown as one that never was.
    let read = state.db.mark_notification_read(Reader::member(member), id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(read))
}

async fn read_all(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<UnreadCount>> {
    let member = viewer.require()?;
    state.db.mark_all_notifications_read(member.id).await?;
    Ok(Json(UnreadCount { unread: state.db.unread_notifications(Reader::member(member)).await? }))
}
