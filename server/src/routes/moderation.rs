//! Reports, the moderators' queue, hiding and restoring, the moderation log.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use veche_api::Page;
use veche_api::moderation::{self as contract, LogEntry, NewModerationAction, NewReport, QueueItem, Report};
use veche_api::validate::Issue;

use super::{PageQuery, offset_page};
use crate::access::{self, Need, Reader};
use crate::db::MemberRow;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/reports", guard.wrap(post(report)))
        .route("/moderation/queue", guard.wrap(get(queue)))
        .route("/moderation/actions", guard.wrap(post(act)))
        .route("/moderation/log", guard.wrap(get(log)))
}

fn require_moderator(viewer: &Viewer) -> ApiResult<&MemberRow> {
    let member = viewer.require()?;
    if !member.access().can_moderate() {
        return Err(ApiError::Forbidden("Only moderators and staff can do this."));
    }
    Ok(member)
}

/// The target's id, checked against what exists and what `member` may read (access.rs): a 422
/// on `target_id` otherwise — the same answer for content in a group the member may not read as
/// for content that does not exist, so a report cannot probe for either.
async fn existing_target(
    state: &AppState,
    member: &MemberRow,
    kind: contract::TargetKind,
    target_id: &str,
) -> ApiResult<i64> {
    let not_found = || ApiError::field("target_id", Issue::NotFound);
    let id: i64 = target_id.trim().parse().map_err(|_| not_found())?;
    state.db.moderation_target(kind, id).await?.ok_or_else(not_found)?;
    if !may_read(state, member, kind, id).await? {
        return Err(not_found());
    }
    Ok(id)
}

/// Whether `member` may read the target: a moderator outside a secret group does not see what
/// was reported in it, in the queue or the log.
async fn may_read(state: &AppState, member: &MemberRow, kind: contract::TargetKind, id: i64) -> ApiResult<bool> {
    let group = state.db.moderation_target_group(kind, id).await?;
    Ok(access::gate(&state.db, Reader::member(member), group, Need::Read).await.is_ok())
}

/// The entries whose target `member` may read.
async fn readable<T>(
    state: &AppState,
    member: &MemberRow,
    items: Vec<T>,
    target: impl Fn(&T) -> &contract::ModerationTarget,
) -> ApiResult<Vec<T>> {
    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        let shown = target(&item);
        let id = shown.id.parse().unwrap_or_default();
        if may_read(state, member, shown.kind, id).await? {
            kept.push(item);
        }
    }
    Ok(kept)
}

async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<NewReport>,
) -> ApiResult<(StatusCode, Json<Report>)> {
    let member = viewer.require()?;
    contract::check_report(&request).into_result().map_err(ApiError::Validation)?;
    let target_id = existing_target(&state, member, request.target_kind, &request.target_id).await?;
    let (report, filed) =
        state.db.create_report(member.id, request.target_kind, target_id, request.reason, &request.note).await?;
    Ok((if filed { StatusCode::CREATED } else { StatusCode::OK }, Json(report)))
}

async fn queue(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<QueueItem>>> {
    let moderator = require_moderator(&viewer)?;
    let (limit, offset) = query.window()?;
    let (items, more) = state.db.moderation_queue(offset, limit).await?;
    let items = readable(&state, moderator, items, |item| &item.target).await?;
    Ok(Json(offset_page(items, more, offset, limit)))
}

async fn act(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<NewModerationAction>,
) -> ApiResult<(StatusCode, Json<LogEntry>)> {
    let moderator = require_moderator(&viewer)?;
    contract::check_action(&request).into_result().map_err(ApiError::Validation)?;
    let target_id = existing_target(&state, moderator, request.target_kind, &request.target_id).await?;
    let logged = state
        .db
        .moderate(moderator.id, request.action, request.target_kind, target_id, &request.note)
        .await?
        .ok_or_else(|| {
            ApiError::Conflict(match request.action {
                contract::ModerationAction::Hide => "This is already hidden.".into(),
                contract::ModerationAction::Restore => "This is not hidden.".into(),
                _ => "There are no open reports on this.".into(),
            })
        })?;
    let (mut entries, _) = state.db.moderation_log(Some(logged), 0, 1).await?;
    let entry = entries.pop().ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(entry)))
}

async fn log(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<LogEntry>>> {
    let moderator = require_moderator(&viewer)?;
    let (limit, offset) = query.window()?;
    let (entries, more) = state.db.moderation_log(None, offset, limit).await?;
    let entries = readable(&state, moderator, entries, |entry| &entry.target).await?;
    Ok(Json(offset_page(entries, more, offset, limit)))
}
