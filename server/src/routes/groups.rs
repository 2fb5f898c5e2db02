//! Groups: the list, a group's page, joining and leaving, join requests decided by the group's
//! admins, roles. Who may do what is `crate::access`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use veche_api::Page;
use veche_api::groups::{
    self as contract, Group, GroupKind, GroupMember, GroupRole, GroupUpdate, JoinRequest, Membership, NewGroup,
    RequestDecision, RoleChange,
};
use veche_api::validate::Issue;

use super::{PageQuery, offset_cursor};
use crate::access::{GroupAccess, Reader};
use crate::db::MemberRow;
use crate::db::names::Named;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;

/// Why the last admin may not leave or step down.
const LAST_ADMIN: &str = "The group needs an admin: make another member admin first.";

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/groups", guard.wrap(get(list).post(create)))
        .route("/groups/{slug}", guard.wrap(get(show).patch(update)))
        .route("/groups/{slug}/members", guard.wrap(get(members)))
        .route("/groups/{slug}/join", guard.wrap(post(join)))
        .route("/groups/{slug}/membership", guard.wrap(delete(leave)))
        .route("/groups/{slug}/requests", guard.wrap(get(requests)))
        .route("/groups/{slug}/requests/{handle}", guard.wrap(put(decide)))
        .route("/groups/{slug}/members/{handle}/role", guard.wrap(put(set_role)))
}

/// A Russian name is held to the same rules as the English one (NFC and the like).
fn normalize_russian(translations: &mut veche_api::names::Translations) {
    if let Some(russian) = translations.ru.as_mut() {
        russian.name = veche_api::validate::names::normalize(&russian.name);
    }
}

fn view(access: &GroupAccess) -> Group {
    let group = &access.group;
    Group {
        id: group.id.to_string(),
        slug: group.slug.clone(),
        name: group.name.clone(),
        description: group.description.clone(),
        translations: group.translations.clone(),
        kind: group.kind,
        member_count: group.member_count,
        created_at: group.created_at.clone(),
        membership: access.membership,
        can_manage: access.can_manage(),
    }
}

/// The group at this slug as the viewer stands in it; a group the viewer may not see is not found.
async fn seen(state: &AppState, reader: Reader, slug: &str) -> ApiResult<GroupAccess> {
    let group = state.db.group_by_slug(slug).await?.ok_or(ApiError::NotFound)?;
    let access = GroupAccess::load(&state.db, reader, group.id).await?.ok_or(ApiError::NotFound)?;
    if !access.can_see_group() {
        return Err(ApiError::NotFound);
    }
    Ok(access)
}

async fn managed(state: &AppState, member: &MemberRow, slug: &str) -> ApiResult<GroupAccess> {
    let access = seen(state, Reader::member(member), slug).await?;
    if !access.can_manage() {
        return Err(ApiError::Forbidden("Only the group's admins and staff can do this."));
    }
    Ok(access)
}

async fn fresh_view(state: &AppState, reader: Reader, slug: &str) -> ApiResult<Json<Group>> {
    Ok(Json(view(&seen(state, reader, slug).await?)))
}

async fn list(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Vec<Group>>> {
    let reader = viewer.reader();
    let groups = state.db.groups(reader).await?;
    Ok(Json(groups.into_iter().map(|(group, membership)| view(&GroupAccess { group, membership, reader })).collect()))
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut request): JsonBody<NewGroup>,
) -> ApiResult<(StatusCode, Json<Group>)> {
    request.name = veche_api::validate::names::normalize(&request.name);
    normalize_russian(&mut request.translations);
    let me = viewer.require()?;
    if !me.access().is_staff() {
        return Err(ApiError::Forbidden("Only staff can create groups."));
    }
    contract::check_new_group(&request).into_result().map_err(ApiError::Validation)?;
    let id = state
        .db
        .create_group(&request.slug, &request.name, &request.description, request.kind)
        .await?
        .ok_or_else(|| ApiError::field("slug", Issue::Taken))?;
    state.db.put_member(id, me.id, GroupRole::Admin, Some(me.id)).await?;
    // The group's own space, where its members start threads (named after the group; a slug an
    // older space holds gets a suffix).
    let mut space_slug = request.slug.clone();
    if state.db.space_id(&space_slug, Reader::member(me)).await?.is_some() {
        space_slug = format!("{}-group", request.slug);
    }
    let space = state.db.create_space(&space_slug, &request.name, &request.description, 100).await?;
    state.db.set_space_group(space, id).await?;
    if let Some(russian) = &request.translations.ru {
        state.db.set_russian_words(Named::Group, &request.slug, russian).await?;
        state.db.set_russian_words(Named::Space, &space_slug, russian).await?;
    }
    Ok((StatusCode::CREATED, fresh_view(&state, Reader::member(me), &request.slug).await?))
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(slug): Path<String>) -> ApiResult<Json<Group>> {
    fresh_view(&state, viewer.reader(), &slug).await
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    JsonBody(mut request): JsonBody<GroupUpdate>,
) -> ApiResult<Json<Group>> {
    request.name = request.name.map(|name| veche_api::validate::names::normalize(&name));
    normalize_russian(&mut request.translations);
    let me = viewer.require()?;
    let access = managed(&state, me, &slug).await?;
    contract::check_group_update(&request).into_result().map_err(ApiError::Validation)?;
    state
        .db
        .update_group(
            access.group.id,
            request.name.as_deref(),
            request.description.as_deref(),
            request.translations.ru.as_ref(),
            request.kind,
        )
        .await?;
    fresh_view(&state, Reader::member(me), &slug).await
}

async fn member_page(
    state: &AppState,
    access: &GroupAccess,
    requested: bool,
    query: PageQuery,
) -> ApiResult<(Vec<crate::db::groups::GroupMemberRow>, Option<String>)> {
    let (limit, offset) = query.window()?;
    let (rows, more) = state.db.group_members(access.group.id, requested, offset, limit).await?;
    Ok((rows, offset_cursor(more, offset, limit)))
}

/// Who is in the group: for those who may read its content.
async fn members(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<GroupMember>>> {
    let access = seen(&state, viewer.reader(), &slug).await?;
    access.require_read()?;
    let (rows, next_cursor) = member_page(&state, &access, false, query).await?;
    Ok(Json(Page {
        items: rows
            .into_iter()
            .map(|row| GroupMember { member: row.member.summary(), role: row.role, joined_at: row.since })
            .collect(),
        next_cursor,
        prev_cursor: None,
    }))
}

/// Open: a member at once. Closed: a request for the admins. Secret: only for those who may
/// already see it (staff); everyone else is added by an admin.
async fn join(State(state): State<AppState>, viewer: Viewer, Path(slug): Path<String>) -> ApiResult<Json<Group>> {
    let me = viewer.require()?;
    let reader = Reader::member(me);
    let access = seen(&state, reader, &slug).await?;
    if access.membership == Membership::None {
        match access.group.kind {
            GroupKind::Closed if !reader.staff => state.db.request_membership(access.group.id, me.id).await?,
            _ => state.db.put_member(access.group.id, me.id, GroupRole::Member, None).await?,
        }
    }
    fresh_view(&state, reader, &slug).await
}

async fn leave(State(state): State<AppState>, viewer: Viewer, Path(slug): Path<String>) -> ApiResult<StatusCode> {
    let me = viewer.require()?;
    let access = seen(&state, Reader::member(me), &slug).await?;
    if state.db.is_last_admin(access.group.id, me.id).await? {
        return Err(ApiError::Conflict(LAST_ADMIN.into()));
    }
    state.db.leave_group(access.group.id, me.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn requests(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<JoinRequest>>> {
    let access = managed(&state, viewer.require()?, &slug).await?;
    let (rows, next_cursor) = member_page(&state, &access, true, query).await?;
    Ok(Json(Page {
        items: rows
            .into_iter()
            .map(|row| JoinRequest { member: row.member.summary(), requested_at: row.since })
            .collect(),
        next_cursor,
        prev_cursor: None,
    }))
}

async fn decide(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, handle)): Path<(String, String)>,
    JsonBody(request): JsonBody<RequestDecision>,
) -> ApiResult<StatusCode> {
    let me = viewer.require()?;
    let access = managed(&state, me, &slug).await?;
    if request.decision == contract::Decision::Unknown {
        return Err(ApiError::field("decision", Issue::Invalid));
    }
    let member = state.db.member_by_handle(&handle).await?.ok_or(ApiError::NotFound)?;
    if !state.db.decide_request(&access.group, member.id, request.decision, me.id).await? {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Names a member's role in the group; a member not yet in the group is added (how secret
/// groups get their members).
async fn set_role(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, handle)): Path<(String, String)>,
    JsonBody(request): JsonBody<RoleChange>,
) -> ApiResult<Json<GroupMember>> {
    let me = viewer.require()?;
    let access = managed(&state, me, &slug).await?;
    if request.role == GroupRole::Unknown {
        return Err(ApiError::field("role", Issue::Invalid));
    }
    let member = state.db.member_by_handle(&handle).await?.ok_or(ApiError::NotFound)?;
    if request.role != GroupRole::Admin && state.db.is_last_admin(access.group.id, member.id).await? {
        return Err(ApiError::Conflict(LAST_ADMIN.into()));
    }
    state.db.put_member(access.group.id, member.id, request.role, Some(me.id)).await?;
    let joined_at = state.db.membership_since(access.group.id, member.id).await?.unwrap_or_default();
    Ok(Json(GroupMember { member: member.summary(), role: request.role, joined_at }))
}
