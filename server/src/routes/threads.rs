//! Spaces, threads, replies, kudos and accepted answers.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch, put};
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::Page;
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::threads::{
    self as contract, DiscussedPeriod, KudosState, NewReply, NewThread, Permissions, REPLIES_PER_PAGE, Reply,
    ReplyUpdate, SolutionChoice, Space, Thread, ThreadSort, ThreadSummary, ThreadUpdate,
};
use veche_api::validate::{FieldErrors, Issue};

use super::{id, offset_page, page_limit, page_offset};
use crate::access::{self, Need, Reader};
use crate::clock;
use crate::db::MemberRow;
use crate::db::threads::{ReplyRow, ThreadFilter, ThreadRow, excerpt, position_cursor};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;
use crate::notify;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/spaces", guard.wrap(get(spaces)))
        .route("/threads", guard.wrap(get(list).post(create)))
        .route("/threads/{id}", guard.wrap(get(show).patch(update).delete(remove)))
        .route("/threads/{id}/replies", guard.wrap(get(replies).post(reply)))
        .route("/threads/{id}/kudos", guard.wrap(put(give_thread_kudos).delete(take_thread_kudos)))
        .route("/threads/{id}/solution", guard.wrap(put(accept).delete(unaccept)))
        .route("/replies/{id}", guard.wrap(patch(edit_reply).delete(remove_reply)))
        .route("/replies/{id}/kudos", guard.wrap(put(give_reply_kudos).delete(take_reply_kudos)))
}

fn is_moderator(member: Option<&MemberRow>) -> bool {
    member.is_some_and(|m| m.access().can_moderate())
}

fn thread_permissions(thread: &ThreadRow, member: Option<&MemberRow>) -> Permissions {
    let own = member.is_some_and(|m| m.id == thread.author_id);
    let moderator = is_moderator(member);
    let alive = !thread.deleted;
    Permissions {
        edit: alive && (own || moderator),
        delete: alive && (own || moderator),
        moderate: moderator,
        accept: alive && (own || moderator),
        reply: member.is_some() && alive && !thread.locked,
        kudos: member.is_some() && alive && !own,
    }
}

fn reply_permissions(reply: &ReplyRow, member: Option<&MemberRow>) -> Permissions {
    let own = member.is_some_and(|m| m.id == reply.author_id);
    let moderator = is_moderator(member);
    let alive = !reply.deleted;
    Permissions {
        edit: alive && (own || moderator),
        delete: alive && (own || moderator),
        kudos: member.is_some() && alive && !own,
        ..Permissions::default()
    }
}

fn reply_view(reply: ReplyRow, solution_id: Option<i64>, member: Option<&MemberRow>) -> Reply {
    let permissions = reply_permissions(&reply, member);
    let concealed = reply.hidden && !access::sees_hidden(member, reply.author_id);
    Reply {
        id: reply.id.to_string(),
        thread_id: reply.thread_id.to_string(),
        position: reply.position,
        solution: solution_id == Some(reply.id),
        author: reply.author,
        body: if concealed { String::new() } else { reply.body },
        created_at: reply.created_at,
        edited_at: reply.edited_at,
        deleted: reply.deleted,
        kudos_count: reply.kudos_count,
        kudos_given: reply.kudos_given,
        quote: reply.quote,
        permissions,
        hidden: reply.hidden,
    }
}

fn summary(thread: ThreadRow) -> ThreadSummary {
    ThreadSummary {
        id: thread.id.to_string(),
        excerpt: excerpt(&thread.body, 200),
        title: thread.title,
        space: thread.space,
        author: thread.author,
        created_at: thread.created_at,
        last_activity_at: thread.last_activity_at,
        reply_count: thread.reply_count,
        kudos_count: thread.kudos_count,
        solved: thread.solution_reply_id.is_some(),
        pinned: thread.pinned,
        locked: thread.locked,
    }
}

async fn spaces(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Vec<Space>>> {
    Ok(Json(state.db.spaces(viewer.reader()).await?))
}

/// The group check of `crate::access` for a thread (or the thread of a reply).
async fn gate(state: &AppState, member: Option<&MemberRow>, group: Option<i64>, need: Need) -> ApiResult<()> {
    access::gate(&state.db, member.map_or(Reader::GUEST, Reader::member), group, need).await?;
    Ok(())
}

#[derive(Deserialize)]
struct ListQuery {
    space: Option<String>,
    /// A group's slug or id: only its threads.
    group: Option<String>,
    sort: Option<String>,
    /// The window of `sort=discussed`: `week` or `month` (the default).
    period: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Page<ThreadSummary>>> {
    let reader = viewer.reader();
    let sort = match query.sort.as_deref() {
        None => ThreadSort::Activity,
        Some(text) => ThreadSort::parse_known(text).ok_or_else(|| ApiError::field("sort", Issue::Invalid))?,
    };
    let period = match query.period.as_deref() {
        None => DiscussedPeriod::Month,
        Some(text) => DiscussedPeriod::parse_known(text).ok_or_else(|| ApiError::field("period", Issue::Invalid))?,
    };
    let space_id = match query.space.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(space) => {
            Some(state.db.space_id(space, reader).await?.ok_or_else(|| ApiError::field("space", Issue::NotFound))?)
        }
    };
    let group_id = access::group_filter(&state.db, reader, query.group.as_deref()).await?;
    let limit = page_limit(query.limit, DEFAULT_PAGE_LIMIT)?;
    let offset = page_offset(query.cursor.as_deref())?;
    let filter = ThreadFilter { space_id, group_id, reader, sort, period, offset, limit };
    let (rows, more) = state.db.threads(&filter, viewer.member_id()).await?;
    Ok(Json(offset_page(rows.into_iter().map(summary).collect(), more, offset, limit)))
}

async fn thread_view(state: &AppState, id: i64, member: Option<&MemberRow>) -> ApiResult<Thread> {
    let thread = state.db.thread(id, member.map(|m| m.id)).await?.ok_or(ApiError::NotFound)?;
    let reader = member.map_or(Reader::GUEST, Reader::member);
    let group = access::gate(&state.db, reader, thread.group_id, Need::Read).await?;
    let solution = match thread.solution_reply_id {
        Some(reply_id) => state.db.reply(reply_id, member.map(|m| m.id)).await?,
        None => None,
    };
    let mut permissions = thread_permissions(&thread, member);
    if !access::may_take_part(group.as_ref()) {
        permissions.reply = false;
        permissions.kudos = false;
    }
    let solution_id = thread.solution_reply_id;
    let concealed = thread.hidden && !access::sees_hidden(member, thread.author_id);
    Ok(Thread {
        id: thread.id.to_string(),
        title: if concealed { String::new() } else { thread.title },
        space: thread.space,
        author: thread.author,
        body: if concealed { String::new() } else { thread.body },
        created_at: thread.created_at,
        edited_at: thread.edited_at,
        last_activity_at: thread.last_activity_at,
        reply_count: thread.reply_count,
        kudos_count: thread.kudos_count,
        kudos_given: thread.kudos_given,
        pinned: thread.pinned,
        locked: thread.locked,
        deleted: thread.deleted,
        hidden: thread.hidden,
        solution: solution.map(|reply| reply_view(reply, solution_id, member)),
        permissions,
        group: access::group_ref(group.as_ref()),
        articles: state.db.thread_articles(thread.id, reader).await?,
    })
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(thread): Path<String>) -> ApiResult<Json<Thread>> {
    Ok(Json(thread_view(&state, id(&thread)?, viewer.member.as_deref()).await?))
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<NewThread>,
) -> ApiResult<(StatusCode, Json<Thread>)> {
    let member = viewer.require()?;
    let mut errors = contract::new_thread(&request);
    let space_id = match state.db.space_id(request.space_id.trim(), Reader::member(member)).await? {
        Some(space) => Some(space),
        None => {
            errors.add("space_id", Issue::NotFound);
            None
        }
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let space_id = space_id.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), state.db.space_group(space_id).await?, Need::TakePart).await?;
    if state.db.space_is_news(space_id).await? && !member.access().is_staff() {
        return Err(ApiError::Forbidden("Only staff start threads in the news; reply to an announcement instead."));
    }
    let thread = state.db.create_thread(space_id, member.id, &request.title, &request.body, &clock::now()).await?;
    state.db.refresh_reputation(&[member.id]).await?;
    let created = state.db.thread(thread, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    notify::post_published(&state.db, &created, None, member.id, &request.body).await?;
    Ok((StatusCode::CREATED, Json(thread_view(&state, thread, Some(member)).await?)))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
    JsonBody(request): JsonBody<ThreadUpdate>,
) -> ApiResult<Json<Thread>> {
    let member = viewer.require()?;
    let id = id(&thread)?;
    let current = state.db.thread(id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), current.group_id, Need::Read).await?;
    let allowed = thread_permissions(&current, Some(member));
    if (request.title.is_some() || request.body.is_some()) && !allowed.edit {
        return Err(ApiError::Forbidden("Only the author or a moderator can edit this thread."));
    }
    if (request.pinned.is_some() || request.locked.is_some()) && !allowed.moderate {
        return Err(ApiError::Forbidden("Only moderators can pin or lock threads."));
    }
    let mut errors = FieldErrors::new();
    if let Some(title) = &request.title {
        contract::check_title(&mut errors, title);
    }
    if let Some(body) = &request.body {
        contract::check_body(&mut errors, body);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    if request.title.is_some() || request.body.is_some() {
        state.db.update_thread_text(id, request.title.as_deref(), request.body.as_deref()).await?;
    }
    if let Some(body) = &request.body {
        let updated = state.db.thread(id, None).await?.ok_or(ApiError::NotFound)?;
        notify::post_edited(&state.db, &updated, None, current.author_id, &current.body, body).await?;
    }
    if request.pinned.is_some() || request.locked.is_some() {
        state.db.moderate_thread(id, request.pinned, request.locked).await?;
    }
    Ok(Json(thread_view(&state, id, Some(member)).await?))
}

async fn remove(State(state): State<AppState>, viewer: Viewer, Path(thread): Path<String>) -> ApiResult<Json<Thread>> {
    let member = viewer.require()?;
    let id = id(&thread)?;
    let current = state.db.thread(id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), current.group_id, Need::Read).await?;
    if !current.deleted {
        if !thread_permissions(&current, Some(member)).delete {
            return Err(ApiError::Forbidden("Only the author or a moderator can delete this thread."));
        }
        state.db.delete_thread(id).await?;
        state.db.refresh_reputation(&[current.author_id]).await?;
    }
    Ok(Json(thread_view(&state, id, Some(member)).await?))
}

#[derive(Deserialize)]
struct RepliesQuery {
    limit: Option<u32>,
    cursor: Option<String>,
    /// A reply id: answer the page that contains it.
    around: Option<String>,
}

async fn replies(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
    QueryParams(query): QueryParams<RepliesQuery>,
) -> ApiResult<Json<Page<Reply>>> {
    let thread_id = id(&thread)?;
    let member = viewer.member.as_deref();
    let thread = state.db.thread(thread_id, member.map(|m| m.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, member, thread.group_id, Need::Read).await?;
    let limit = page_limit(query.limit, REPLIES_PER_PAGE)?;
    let start = match (query.around.as_deref(), query.cursor.as_deref()) {
        (Some(around), _) => {
            let reply =
                state.db.reply(id(around).map_err(|_| ApiError::field("around", Issue::NotFound))?, None).await?;
            let reply =
                reply.filter(|r| r.thread_id == thread_id).ok_or_else(|| ApiError::field("around", Issue::NotFound))?;
            (reply.position - 1) / limit * limit + 1
        }
        (None, None | Some("")) => 1,
        (None, Some(cursor)) => cursor
            .strip_prefix('p')
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| ApiError::field("cursor", Issue::Invalid))?,
    };
    let rows = state.db.replies(thread_id, start, limit, member.map(|m| m.id)).await?;
    let last = rows.last().map(|r| r.position).unwrap_or(start - 1);
    Ok(Json(Page {
        next_cursor: (last < thread.reply_count).then(|| position_cursor(last + 1)),
        prev_cursor: (start > 1).then(|| position_cursor((start - limit).max(1))),
        items: rows.into_iter().map(|r| reply_view(r, thread.solution_reply_id, member)).collect(),
    }))
}

async fn reply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
    JsonBody(request): JsonBody<NewReply>,
) -> ApiResult<(StatusCode, Json<Reply>)> {
    let member = viewer.require()?;
    let thread_id = id(&thread)?;
    let mut errors = contract::new_reply(&request);
    let quote = match request.quote_reply_id.as_deref().filter(|q| !q.is_empty()) {
        None => None,
        Some(quoted) => {
            let found = match quoted.parse::<i64>() {
                Ok(quoted) => state.db.reply(quoted, None).await?.filter(|r| r.thread_id == thread_id),
                Err(_) => None,
            };
            if found.is_none() {
                errors.add("quote_reply_id", Issue::NotFound);
            }
            found.map(|r| r.id)
        }
    };
    let thread = state.db.thread(thread_id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), thread.group_id, Need::TakePart).await?;
    errors.into_result().map_err(ApiError::Validation)?;
    if thread.deleted {
        return Err(ApiError::NotFound);
    }
    let created = state
        .db
        .create_reply(thread_id, member.id, &request.body, quote, &clock::now())
        .await?
        .ok_or_else(|| ApiError::Locked)?;
    state.db.refresh_reputation(&[member.id]).await?;
    notify::post_published(&state.db, &thread, Some(created), member.id, &request.body).await?;
    let reply = state.db.reply(created, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(reply_view(reply, thread.solution_reply_id, Some(member)))))
}

async fn editable_reply(state: &AppState, member: &MemberRow, reply: &str) -> ApiResult<ReplyRow> {
    let reply = state.db.reply(id(reply)?, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(state, Some(member), reply.group_id, Need::Read).await?;
    Ok(reply)
}

async fn edit_reply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(reply): Path<String>,
    JsonBody(request): JsonBody<ReplyUpdate>,
) -> ApiResult<Json<Reply>> {
    let member = viewer.require()?;
    let current = editable_reply(&state, member, &reply).await?;
    if !reply_permissions(&current, Some(member)).edit {
        return Err(ApiError::Forbidden("Only the author or a moderator can edit this reply."));
    }
    let mut errors = FieldErrors::new();
    contract::check_body(&mut errors, &request.body);
    errors.into_result().map_err(ApiError::Validation)?;
    state.db.update_reply(current.id, &request.body).await?;
    let updated = state.db.reply(current.id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    let thread = state.db.thread(updated.thread_id, None).await?.ok_or(ApiError::NotFound)?;
    notify::post_edited(&state.db, &thread, Some(current.id), current.author_id, &current.body, &request.body).await?;
    let solution = thread.solution_reply_id;
    Ok(Json(reply_view(updated, solution, Some(member))))
}

async fn remove_reply(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(reply): Path<String>,
) -> ApiResult<Json<Reply>> {
    let member = viewer.require()?;
    let current = editable_reply(&state, member, &reply).await?;
    if !current.deleted {
        if !reply_permissions(&current, Some(member)).delete {
            return Err(ApiError::Forbidden("Only the author or a moderator can delete this reply."));
        }
        state.db.delete_reply(current.id).await?;
        state.db.refresh_reputation(&[current.author_id]).await?;
    }
    let updated = state.db.reply(current.id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(reply_view(updated, None, Some(member))))
}

async fn thread_kudos(state: &AppState, viewer: &Viewer, thread: &str, give: bool) -> ApiResult<Json<KudosState>> {
    let member = viewer.require()?;
    let current = state.db.thread(id(thread)?, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(state, Some(member), current.group_id, if give { Need::TakePart } else { Need::Read }).await?;
    if give && !thread_permissions(&current, Some(member)).kudos {
        return Err(if current.author_id == member.id {
            ApiError::Forbidden("Kudos are for other members' posts.")
        } else {
            ApiError::Conflict("This post can no longer receive kudos.".into())
        });
    }
    let kudos = state.db.set_kudos(member.id, "thread", current.id, give).await?;
    state.db.refresh_reputation(&[current.author_id]).await?;
    Ok(Json(kudos))
}

async fn reply_kudos(state: &AppState, viewer: &Viewer, reply: &str, give: bool) -> ApiResult<Json<KudosState>> {
    let member = viewer.require()?;
    let current = state.db.reply(id(reply)?, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(state, Some(member), current.group_id, if give { Need::TakePart } else { Need::Read }).await?;
    if give && !reply_permissions(&current, Some(member)).kudos {
        return Err(if current.author_id == member.id {
            ApiError::Forbidden("Kudos are for other members' posts.")
        } else {
            ApiError::Conflict("This reply can no longer receive kudos.".into())
        });
    }
    let kudos = state.db.set_kudos(member.id, "reply", current.id, give).await?;
    state.db.refresh_reputation(&[current.author_id]).await?;
    Ok(Json(kudos))
}

async fn give_thread_kudos(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
) -> ApiResult<Json<KudosState>> {
    thread_kudos(&state, &viewer, &thread, true).await
}

async fn take_thread_kudos(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
) -> ApiResult<Json<KudosState>> {
    thread_kudos(&state, &viewer, &thread, false).await
}

async fn give_reply_kudos(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(reply): Path<String>,
) -> ApiResult<Json<KudosState>> {
    reply_kudos(&state, &viewer, &reply, true).await
}

async fn take_reply_kudos(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(reply): Path<String>,
) -> ApiResult<Json<KudosState>> {
    reply_kudos(&state, &viewer, &reply, false).await
}

/// Who wrote the thread's accepted answer (their reputation changes with it).
async fn solution_author(state: &AppState, thread: &ThreadRow) -> ApiResult<Option<i64>> {
    Ok(match thread.solution_reply_id {
        Some(reply) => state.db.reply(reply, None).await?.map(|r| r.author_id),
        None => None,
    })
}

async fn accept(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
    JsonBody(choice): JsonBody<SolutionChoice>,
) -> ApiResult<Json<Thread>> {
    let member = viewer.require()?;
    let thread_id = id(&thread)?;
    let current = state.db.thread(thread_id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), current.group_id, Need::Read).await?;
    if !thread_permissions(&current, Some(member)).accept {
        return Err(ApiError::Forbidden("Only the thread's author or a moderator can accept an answer."));
    }
    let reply = match choice.reply_id.parse::<i64>() {
        Ok(reply) => state.db.reply(reply, None).await?,
        Err(_) => None,
    };
    let reply = reply
        .filter(|r| r.thread_id == thread_id && !r.deleted)
        .ok_or_else(|| ApiError::field("reply_id", Issue::NotFound))?;
    let previous = solution_author(&state, &current).await?;
    state.db.set_solution(thread_id, Some(reply.id)).await?;
    state.db.refresh_reputation(&[previous, Some(reply.author_id)].into_iter().flatten().collect::<Vec<_>>()).await?;
    Ok(Json(thread_view(&state, thread_id, Some(member)).await?))
}

async fn unaccept(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
) -> ApiResult<Json<Thread>> {
    let member = viewer.require()?;
    let thread_id = id(&thread)?;
    let current = state.db.thread(thread_id, Some(member.id)).await?.ok_or(ApiError::NotFound)?;
    gate(&state, Some(member), current.group_id, Need::Read).await?;
    if !thread_permissions(&current, Some(member)).accept {
        return Err(ApiError::Forbidden("Only the thread's author or a moderator can change the accepted answer."));
    }
    let previous = solution_author(&state, &current).await?;
    state.db.set_solution(thread_id, None).await?;
    state.db.refresh_reputation(&previous.into_iter().collect::<Vec<_>>()).await?;
    Ok(Json(thread_view(&state, thread_id, Some(member)).await?))
}
