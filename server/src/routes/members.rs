//! Profiles, the member directory, pictures, follows, roles, reputation and the leaderboard.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use veche_api::Page;
use veche_api::member::{Access, CommunityRole, MemberSummary};
use veche_api::members::{
    self as contract, ActivityItem, ActivityKind, Contact, ContactSetting, IMAGE_MAX_BYTES, LeaderboardEntry,
    LeaderboardPeriod, MemberCard, MemberSort, PHOTO_CAPTION_MAX, PHOTOS_MAX, Photo, PhotoOrder, PhotoUpdate, Profile,
    ProfilePermissions, ProfileSettings, ReputationRules, RoleChange, Visibility,
};
use veche_api::moderation::TargetKind;
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::validate::{self, Issue};

use super::{offset_page, page_limit, page_offset, query_text};
use crate::access::{self, Reader};
use crate::db::MemberRow;
use crate::db::profiles::month_start;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;
use crate::images;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/members", guard.wrap(get(directory)))
        .route("/members/me/profile", guard.wrap(get(own_settings).put(save_settings)))
        .route("/members/me/avatar", guard.wrap(put(upload_avatar).delete(remove_avatar)))
        .route("/members/me/photos", guard.wrap(axum::routing::post(upload_photo)))
        .route("/members/me/photos/order", guard.wrap(put(reorder_photos)))
        .route("/members/{handle}", guard.wrap(get(profile)))
        .route("/members/{handle}/activity", guard.wrap(get(activity)))
        .route("/members/{handle}/followers", guard.wrap(get(followers)))
        .route("/members/{handle}/following", guard.wrap(get(following)))
        .route("/members/{handle}/follow", guard.wrap(put(follow).delete(unfollow)))
        .route("/members/{handle}/role", guard.wrap(put(set_role)))
        .route("/photos/{id}", guard.wrap(axum::routing::patch(update_photo).delete(remove_photo)))
        .route("/media/{id}", get(media))
        .route("/reputation/rules", guard.wrap(get(rules)))
        .route("/leaderboard", guard.wrap(get(leaderboard)))
}

async fn member(state: &AppState, handle: &str) -> ApiResult<MemberRow> {
    state.db.member_by_handle(handle).await?.ok_or(ApiError::NotFound)
}

#[derive(Deserialize)]
struct DirectoryQuery {
    q: Option<String>,
    role: Option<String>,
    sort: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn directory(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<DirectoryQuery>,
) -> ApiResult<Json<Page<MemberCard>>> {
    let role = match query.role.as_deref() {
        None => None,
        Some(role) => Some(CommunityRole::parse_known(role).ok_or_else(|| ApiError::field("role", Issue::Invalid))?),
    };
    let sort = match query.sort.as_deref() {
        None => MemberSort::Reputation,
        Some(sort) => MemberSort::parse_known(sort).ok_or_else(|| ApiError::field("sort", Issue::Invalid))?,
    };
    let search = query_text(query.q, "q", veche_api::page::SEARCH_MAX)?;
    let (limit, offset) = (page_limit(query.limit, DEFAULT_PAGE_LIMIT)?, page_offset(query.cursor.as_deref())?);
    let (rows, more) = state.db.directory(&search, role, sort, offset, limit).await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let hidden = state.db.hidden_among(TargetKind::Member, &ids).await?;
    let viewing = viewer.member.as_deref();
    // A hidden profile's city is its own words, like its bio.
    let concealed = |m: &MemberRow| hidden.contains(&m.id) && !access::sees_hidden(viewing, m.id);
    let cards = rows
        .iter()
        .map(|m| MemberCard {
            member: m.summary(),
            city: if concealed(m) { None } else { m.city.clone() },
            joined_at: m.created_at.clone(),
        })
        .collect();
    Ok(Json(offset_page(cards, more, offset, limit)))
}

/// The contact details `viewer` may see of `owner`.
fn visible_contacts(contacts: Vec<ContactSetting>, owner: &MemberRow, viewer: Option<&MemberRow>) -> Vec<Contact> {
    let is_self = viewer.is_some_and(|v| v.id == owner.id);
    contacts
        .into_iter()
        .filter(|c| match c.visibility {
            Visibility::Everyone => true,
            Visibility::Members => viewer.is_some(),
            Visibility::Nobody | Visibility::Unknown => is_self,
        })
        .map(|c| Contact { kind: c.kind, value: c.value })
        .collect()
}

async fn build_profile(state: &AppState, owner: &MemberRow, viewer: Option<&MemberRow>) -> ApiResult<Profile> {
    let hidden = state.db.is_hidden(TargetKind::Member, owner.id).await?;
    // A hidden profile keeps the name on the card; what the member wrote about themselves goes.
    let concealed = hidden && !access::sees_hidden(viewer, owner.id);
    let contacts = if concealed { Vec::new() } else { state.db.contacts(owner.id).await? };
    let following = match viewer {
        Some(v) if v.id != owner.id => state.db.is_following(v.id, owner.id).await?,
        _ => false,
    };
    Ok(Profile {
        member: owner.summary(),
        city: if concealed { None } else { owner.city.clone() },
        bio: if concealed { String::new() } else { owner.bio.clone() },
        joined_at: owner.created_at.clone(),
        rank: contract::rank(owner.reputation),
        badges: state.db.badges(owner.id).await?,
        contacts: visible_contacts(contacts, owner, viewer),
        photos: if concealed { Vec::new() } else { state.db.photos(owner.id).await? },
        counts: state.db.profile_counts(owner.id, viewer.map_or(Reader::GUEST, Reader::member)).await?,
        following,
        permissions: ProfilePermissions {
            edit: viewer.is_some_and(|v| v.id == owner.id),
            set_role: viewer.is_some_and(|v| v.access().is_staff()),
            follow: viewer.is_some_and(|v| v.id != owner.id),
        },
        hidden,
    })
}

async fn profile(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
) -> ApiResult<Json<Profile>> {
    let owner = member(&state, &handle).await?;
    Ok(Json(build_profile(&state, &owner, viewer.member.as_deref()).await?))
}

async fn own_settings(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<ProfileSettings>> {
    let me = viewer.require()?;
    Ok(Json(ProfileSettings {
        display_name: me.display_name.clone(),
        position: me.position.clone().unwrap_or_default(),
        company: me.company.clone().unwrap_or_default(),
        city: me.city.clone().unwrap_or_default(),
        bio: me.bio.clone(),
        contacts: state.db.contacts(me.id).await?,
        show_votes: me.show_votes,
    }))
}

async fn save_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut settings): JsonBody<ProfileSettings>,
) -> ApiResult<Json<Profile>> {
    let me = viewer.require()?;
    settings.display_name = validate::names::normalize(&settings.display_name);
    let mut errors = contract::check_settings(&settings);
    if errors.get("display_name").is_none()
        && !me.access().is_staff()
        && state.db.imitates_staff(&settings.display_name, Some(me.id)).await?
    {
        errors.add("display_name", Issue::NameImitates);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    state.db.save_profile(me.id, &settings).await?;
    let updated = state.db.member_by_id(me.id).await?.ok_or(ApiError::Unauthorized)?;
    Ok(Json(build_profile(&state, &updated, Some(&updated)).await?))
}

/// Pictures decoded at once (each may take 64 MiB: `images::MAX_SIDE`).
static DECODING: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(1)));

/// Reads an uploaded picture: at most 5 MB, really a picture by its bytes, decoded and encoded
/// again without its metadata (`images::reencode`), one at a time, off the async threads.
pub(crate) async fn picture(bytes: Bytes) -> ApiResult<images::Picture> {
    picture_within(bytes, None).await
}

/// As [`picture`], made to fit a `side` × `side` square when given (`images::reencode_within`).
pub(crate) async fn picture_within(bytes: Bytes, side: Option<u32>) -> ApiResult<images::Picture> {
    if bytes.len() > IMAGE_MAX_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    if bytes.is_empty() {
        return Err(ApiError::field("image", Issue::Required));
    }
    let turn = DECODING.clone().acquire_owned().await.map_err(anyhow::Error::from)?;
    let decoded = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        images::reencode_within(&bytes, side)
    })
    .await
    .map_err(anyhow::Error::from)?;
    decoded.map_err(|refusal| match refusal {
        images::Refusal::NotAPicture => ApiError::NotAPicture,
        images::Refusal::Broken => ApiError::field("image", Issue::PictureBroken),
        images::Refusal::TooLarge => {
            ApiError::field("image", Issue::PictureTooLarge { max: images::MAX_SIDE as usize })
        }
    })
}

async fn upload_avatar(State(state): State<AppState>, viewer: Viewer, bytes: Bytes) -> ApiResult<Json<MemberSummary>> {
    let me = viewer.require()?;
    let picture = picture(bytes).await?;
    let upload = state.db.insert_upload(me.id, picture.info, &picture.bytes).await?;
    state.db.set_avatar(me.id, Some(&upload)).await?;
    Ok(Json(state.db.member_by_id(me.id).await?.ok_or(ApiError::Unauthorized)?.summary()))
}

async fn remove_avatar(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<MemberSummary>> {
    let me = viewer.require()?;
    state.db.set_avatar(me.id, None).await?;
    Ok(Json(state.db.member_by_id(me.id).await?.ok_or(ApiError::Unauthorized)?.summary()))
}

#[derive(Deserialize)]
struct UploadQuery {
    caption: Option<String>,
}

async fn upload_photo(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<UploadQuery>,
    bytes: Bytes,
) -> ApiResult<(StatusCode, Json<Photo>)> {
    let me = viewer.require()?;
    let caption = query.caption.unwrap_or_default();
    if let Some(issue) = validate::optional_text(&caption, PHOTO_CAPTION_MAX) {
        return Err(ApiError::field("caption", issue));
    }
    // Decoded first: no database turn is held meanwhile.
    let picture = picture(bytes).await?;
    if state.db.photo_count(me.id).await? >= PHOTOS_MAX as i64 {
        return Err(ApiError::Conflict(format!("A gallery holds at most {PHOTOS_MAX} photos.")));
    }
    let upload = state.db.insert_upload(me.id, picture.info, &picture.bytes).await?;
    let id = state.db.add_photo(me.id, &upload, &caption).await?;
    let photo = state.db.photos(me.id).await?.into_iter().find(|p| p.id == id.to_string()).ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(photo)))
}

async fn own_photo(state: &AppState, me: &MemberRow, id: &str) -> ApiResult<i64> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    match state.db.photo_owner(id).await? {
        None => Err(ApiError::NotFound),
        Some(owner) if owner != me.id => Err(ApiError::Forbidden("Only the owner can change a photo.")),
        Some(_) => Ok(id),
    }
}

async fn update_photo(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    JsonBody(update): JsonBody<PhotoUpdate>,
) -> ApiResult<Json<Photo>> {
    let me = viewer.require()?;
    let id = own_photo(&state, me, &id).await?;
    if let Some(caption) = &update.caption {
        if let Some(issue) = validate::optional_text(caption, PHOTO_CAPTION_MAX) {
            return Err(ApiError::field("caption", issue));
        }
        state.db.set_photo_caption(id, caption).await?;
    }
    let photo = state.db.photos(me.id).await?.into_iter().find(|p| p.id == id.to_string()).ok_or(ApiError::NotFound)?;
    Ok(Json(photo))
}

async fn remove_photo(State(state): State<AppState>, viewer: Viewer, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let me = viewer.require()?;
    let id = own_photo(&state, me, &id).await?;
    state.db.delete_photo(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn reorder_photos(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(order): JsonBody<PhotoOrder>,
) -> ApiResult<Json<Vec<Photo>>> {
    let me = viewer.require()?;
    let mut current: Vec<String> = state.db.photos(me.id).await?.into_iter().map(|p| p.id).collect();
    let mut wanted = order.ids.clone();
    current.sort();
    wanted.sort();
    if current != wanted {
        return Err(ApiError::field("ids", Issue::Invalid));
    }
    let ids: Vec<i64> = order.ids.iter().filter_map(|id| id.parse().ok()).collect();
    state.db.reorder_photos(me.id, &ids).await?;
    Ok(Json(state.db.photos(me.id).await?))
}

async fn media(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Response> {
    let (content_type, bytes) = state.db.upload(&id).await?.ok_or(ApiError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            // Uploads never change under their id.
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable".to_owned()),
            (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
struct ActivityQuery {
    kind: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn activity(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
    QueryParams(query): QueryParams<ActivityQuery>,
) -> ApiResult<Json<Page<ActivityItem>>> {
    let owner = member(&state, &handle).await?;
    let kind = match query.kind.as_deref() {
        None => ActivityKind::Threads,
        Some(kind) => ActivityKind::parse_known(kind).ok_or_else(|| ApiError::field("kind", Issue::Invalid))?,
    };
    let (limit, offset) = (page_limit(query.limit, DEFAULT_PAGE_LIMIT)?, page_offset(query.cursor.as_deref())?);
    let (items, more) = state.db.activity(owner.id, kind, offset, limit, viewer.reader()).await?;
    Ok(Json(offset_page(items, more, offset, limit)))
}

#[derive(Deserialize)]
struct ListQuery {
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn follow_list(
    state: &AppState,
    handle: &str,
    query: ListQuery,
    followers: bool,
) -> ApiResult<Json<Page<MemberSummary>>> {
    let owner = member(state, handle).await?;
    let (limit, offset) = (page_limit(query.limit, DEFAULT_PAGE_LIMIT)?, page_offset(query.cursor.as_deref())?);
    let (rows, more) = state.db.follow_list(owner.id, followers, offset, limit).await?;
    Ok(Json(offset_page(rows.iter().map(MemberRow::summary).collect(), more, offset, limit)))
}

async fn followers(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Page<MemberSummary>>> {
    follow_list(&state, &handle, query, true).await
}

async fn following(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Page<MemberSummary>>> {
    follow_list(&state, &handle, query, false).await
}

/// After following or unfollowing.
#[derive(Serialize)]
struct FollowState {
    following: bool,
    followers: i64,
}

async fn change_follow(state: &AppState, viewer: &Viewer, handle: &str, follow: bool) -> ApiResult<Json<FollowState>> {
    let me = viewer.require()?;
    let owner = member(state, handle).await?;
    if owner.id == me.id {
        return Err(ApiError::Forbidden("Members cannot follow themselves."));
    }
    state.db.set_following(me.id, owner.id, follow).await?;
    Ok(Json(FollowState {
        following: follow,
        followers: state.db.profile_counts(owner.id, Reader::member(me)).await?.followers,
    }))
}

async fn follow(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
) -> ApiResult<Json<FollowState>> {
    change_follow(&state, &viewer, &handle, true).await
}

async fn unfollow(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
) -> ApiResult<Json<FollowState>> {
    change_follow(&state, &viewer, &handle, false).await
}

async fn set_role(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
    JsonBody(change): JsonBody<RoleChange>,
) -> ApiResult<Json<MemberSummary>> {
    let me = viewer.require()?;
    if !me.access().is_staff() {
        return Err(ApiError::Forbidden("Only staff can assign community roles."));
    }
    let owner = member(&state, &handle).await?;
    if change.role == CommunityRole::Unknown {
        return Err(ApiError::field("role", Issue::Invalid));
    }
    if change.access == Some(Access::Unknown) {
        return Err(ApiError::field("access", Issue::Invalid));
    }
    state.db.set_role(owner.id, change.role, change.access).await?;
    Ok(Json(state.db.member_by_id(owner.id).await?.ok_or(ApiError::NotFound)?.summary()))
}

async fn rules() -> Json<ReputationRules> {
    Json(contract::rules())
}

#[derive(Deserialize)]
struct LeaderboardQuery {
    period: Option<String>,
    limit: Option<u32>,
}

async fn leaderboard(
    State(state): State<AppState>,
    QueryParams(query): QueryParams<LeaderboardQuery>,
) -> ApiResult<Json<Vec<LeaderboardEntry>>> {
    let period = match query.period.as_deref() {
        None => LeaderboardPeriod::Month,
        Some(p) => LeaderboardPeriod::parse_known(p).ok_or_else(|| ApiError::field("period", Issue::Invalid))?,
    };
    let limit = page_limit(query.limit, DEFAULT_PAGE_LIMIT)? as usize;
    let since = (period == LeaderboardPeriod::Month).then(month_start);
    let mut scored: Vec<(i64, i64)> = state
        .db
        .all_facts(since.as_deref())
        .await?
        .into_iter()
        .map(|(id, f)| (id, f.points()))
        .filter(|(_, p)| *p > 0)
        .collect();
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut entries = Vec::new();
    for (id, points) in scored.into_iter().take(limit) {
        if let Some(member) = state.db.member_by_id(id).await? {
            entries.push(LeaderboardEntry { member: member.summary(), points });
        }
    }
    Ok(Json(entries))
}
