//! The bell: a member's notifications, their unread count, marking them read.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::Page;
use veche_api::ProblemCode;
use veche_api::notifications::{
    Delivery, MailPreferences, MailSubscription, Notification, UnreadCount, UnsubscribeRequest,
};
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::validate::{FieldErrors, Issue};

use super::page_limit;
use crate::access::Reader;
use crate::db::notifications::NotificationFilter;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;
use crate::mail::unsubscribe;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/notifications", guard.wrap(get(list)))
        .route("/notifications/unread-count", guard.wrap(get(unread_count)))
        .route("/notifications/read-all", guard.wrap(post(read_all)))
        .route("/notifications/{id}/read", guard.wrap(post(read)))
        .route("/notifications/preferences", guard.wrap(get(preferences).put(save_preferences)))
        .route("/notifications/unsubscribe", guard.wrap(post(unsubscribe)))
        .route("/notifications/resubscribe", guard.wrap(post(resubscribe)))
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

async fn preferences(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<MailPreferences>> {
    let member = viewer.require()?;
    Ok(Json(state.db.mail_preferences(member.id).await?))
}

async fn save_preferences(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(preferences): JsonBody<MailPreferences>,
) -> ApiResult<Json<MailPreferences>> {
    let member = viewer.require()?;
    let mut errors = FieldErrors::new();
    for field in preferences.unknown_fields() {
        errors.add(field, Issue::Invalid);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    state.db.save_mail_preferences(member.id, &preferences).await?;
    Ok(Json(state.db.mail_preferences(member.id).await?))
}

/// Switches the topics an unsubscribe link names off (`on`: back on, as they were sent).
async fn switch_by_link(state: &AppState, token: &str, on: bool) -> ApiResult<MailSubscription> {
    let subscription = unsubscribe::verify(&state.db.mail_links().unsubscribe_key, token)
        .ok_or(ApiError::Link(ProblemCode::LinkInvalid))?;
    let delivery = if on { subscription.delivery } else { Delivery::Never };
    if !state.db.set_mail_topics(subscription.member_id, &subscription.topics, delivery).await? {
        // The member left the community: the link names nobody now.
        return Err(ApiError::Link(ProblemCode::LinkInvalid));
    }
    Ok(MailSubscription { topics: subscription.topics, subscribed: on })
}

async fn unsubscribe(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<UnsubscribeRequest>,
) -> ApiResult<Json<MailSubscription>> {
    Ok(Json(switch_by_link(&state, &request.token, false).await?))
}

async fn resubscribe(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<UnsubscribeRequest>,
) -> ApiResult<Json<MailSubscription>> {
    Ok(Json(switch_by_link(&state, &request.token, true).await?))
}

#[derive(Deserialize)]
pub(crate) struct OneClickQuery {
    token: Option<String>,
}

/// RFC 8058: a mail program's POST of `List-Unsubscribe=One-Click` to the address in a mail's
/// `List-Unsubscribe` header (the app's `/unsubscribe?token=…` page, whose GET shows the app).
/// No cookie and no CSRF token come with it: the signed token is the credential.
pub(crate) async fn one_click_unsubscribe(
    State(state): State<AppState>,
    QueryParams(query): QueryParams<OneClickQuery>,
) -> ApiResult<StatusCode> {
    switch_by_link(&state, query.token.as_deref().unwrap_or_default(), false).await?;
    Ok(StatusCode::OK)
}
