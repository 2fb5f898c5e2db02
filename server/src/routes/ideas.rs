//! The idea board: ideas, votes with a budget, statuses with official answers, merging, the
//! roadmap, counters, ballots.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use veche_api::Page;
use veche_api::ProblemCode;
use veche_api::ideas::AllocationRequest;
use veche_api::ideas::{
    self as contract, Ballot, BallotItem, BallotState, BallotSummary, Idea, IdeaCategory, IdeaCounters,
    IdeaPermissions, IdeaSort, IdeaStatus, IdeaSummary, IdeaUpdate, MergeRequest, NewBallot, NewIdea, Roadmap,
    StatusUpdate, VoteBudget, VoteState,
};
use veche_api::member::MemberSummary;
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::validate::{self, FieldErrors, Issue};

use super::{id, offset_page, page_limit, page_offset, query_text};
use crate::access::{self, Need, Reader};
use crate::clock;
use crate::db::MemberRow;
use crate::db::ideas::{IdeaFilter, IdeaRow, VoteRefusal, id_set};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/ideas", guard.wrap(get(list).post(create)))
        .route("/ideas/similar", guard.wrap(get(similar)))
        .route("/ideas/roadmap", guard.wrap(get(roadmap)))
        .route("/ideas/counters", guard.wrap(get(counters)))
        .route("/ideas/budget", guard.wrap(get(budget)))
        .route("/idea-categories", guard.wrap(get(categories)))
        .route("/ideas/{id}", guard.wrap(get(show).patch(update)))
        .route("/ideas/{id}/vote", guard.wrap(put(vote).delete(unvote)))
        .route("/ideas/{id}/status", guard.wrap(put(set_status)))
        .route("/ideas/{id}/merge", guard.wrap(post(merge)))
        .route("/ideas/{id}/voters", guard.wrap(get(voters)))
        .route("/ballots", guard.wrap(get(ballots).post(create_ballot)))
        .route("/ballots/{id}", guard.wrap(get(ballot)))
        .route("/ballots/{id}/allocation", guard.wrap(put(allocate)))
        .route("/ballots/{id}/close", guard.wrap(post(close_ballot)))
}

fn is_staff(member: Option<&MemberRow>) -> bool {
    member.is_some_and(|m| m.access().is_staff())
}

fn summary(idea: IdeaRow) -> IdeaSummary {
    IdeaSummary {
        id: idea.id.to_string(),
        excerpt: idea.excerpt(),
        title: idea.title,
        status: idea.status,
        category: idea.category,
        author: idea.author,
        vote_count: idea.vote_count,
        comment_count: idea.comment_count,
        voted: idea.voted,
        created_at: idea.created_at,
    }
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    category: Option<String>,
    voted: Option<bool>,
    q: Option<String>,
    /// A group's slug or id: only its ideas.
    group: Option<String>,
    sort: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Page<IdeaSummary>>> {
    let status = match query.status.as_deref() {
        None => None,
        Some(s) => Some(IdeaStatus::parse_known(s).ok_or_else(|| ApiError::field("status", Issue::Invalid))?),
    };
    let category = match query.category.as_deref() {
        None => None,
        Some(c) => {
            Some(state.db.idea_category_id(c).await?.ok_or_else(|| ApiError::field("category", Issue::NotFound))?)
        }
    };
    let sort = match query.sort.as_deref() {
        None => IdeaSort::Top,
        Some(s) => IdeaSort::parse_known(s).ok_or_else(|| ApiError::field("sort", Issue::Invalid))?,
    };
    let voted_by = match query.voted {
        Some(true) => Some(viewer.require()?.id),
        _ => None,
    };
    let search = query_text(query.q, "q", veche_api::page::SEARCH_MAX)?;
    let (limit, offset) = (page_limit(query.limit, DEFAULT_PAGE_LIMIT)?, page_offset(query.cursor.as_deref())?);
    let reader = viewer.reader();
    let group_id = access::group_filter(&state.db, reader, query.group.as_deref()).await?;
    let filter = IdeaFilter { status, category, voted_by, search, group_id, reader, sort, offset, limit };
    let (rows, more) = state.db.ideas(&filter, viewer.member_id()).await?;
    Ok(Json(offset_page(rows.into_iter().map(summary).collect(), more, offset, limit)))
}

async fn idea_view(state: &AppState, id: i64, viewer: Option<&MemberRow>) -> ApiResult<Idea> {
    let idea = state.db.idea(id, viewer.map(|m| m.id)).await?.ok_or(ApiError::NotFound)?;
    let reader = viewer.map_or(Reader::GUEST, Reader::member);
    let group = access::gate(&state.db, reader, idea.group_id, Need::Read).await?;
    let takes_part = access::may_take_part(group.as_ref());
    let merged_into = match idea.merged_into {
        Some(target) => state.db.idea_ref(target).await?,
        None => None,
    };
    let staff = is_staff(viewer);
    let own = viewer.is_some_and(|m| m.id == idea.author_id);
    let concealed = idea.hidden && !access::sees_hidden(viewer, idea.author_id);
    let permissions = IdeaPermissions {
        vote: viewer.is_some() && idea.status.is_open() && takes_part,
        edit: own || staff,
        manage: staff,
        comment: viewer.is_some() && takes_part,
    };
    Ok(Idea {
        id: idea.id.to_string(),
        history: state.db.idea_history(idea.id).await?,
        duplicates: state.db.idea_duplicates(idea.id).await?,
        // Ideas like a hidden one would hint at its title.
        related: if concealed {
            Vec::new()
        } else {
            state.db.similar_ideas(&idea.title, Some(idea.id), 3, reader).await?
        },
        discussion_id: idea.discussion_id.to_string(),
        title: if concealed { String::new() } else { idea.title },
        body: if concealed { String::new() } else { idea.body },
        status: idea.status,
        category: idea.category,
        author: idea.author,
        vote_count: idea.vote_count,
        voted: idea.voted,
        created_at: idea.created_at,
        edited_at: idea.edited_at,
        merged_into,
        comment_count: idea.comment_count,
        permissions,
        hidden: idea.hidden,
        group: access::group_ref(group.as_ref()),
    })
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(idea): Path<String>) -> ApiResult<Json<Idea>> {
    Ok(Json(idea_view(&state, id(&idea)?, viewer.member.as_deref()).await?))
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<NewIdea>,
) -> ApiResult<(StatusCode, Json<Idea>)> {
    let me = viewer.require()?;
    let mut errors = contract::check_new_idea(&request);
    let category = state.db.idea_category_id(request.category_id.trim()).await?;
    if category.is_none() && errors.get("category_id").is_none() {
        errors.add("category_id", Issue::NotFound);
    }
    let reader = Reader::member(me);
    let group = match access::group_filter(&state.db, reader, request.group_id.as_deref()).await {
        Ok(group) => group,
        Err(_) => {
            errors.add("group_id", Issue::NotFound);
            None
        }
    };
    errors.into_result().map_err(ApiError::Validation)?;
    access::gate(&state.db, reader, group, Need::TakePart).await?;
    let category = category.ok_or(ApiError::NotFound)?;
    let idea = state.db.create_idea(me.id, category, &request.title, &request.body, &clock::now()).await?;
    if group.is_some() {
        state.db.set_idea_group(idea, group).await?;
    }
    Ok((StatusCode::CREATED, Json(idea_view(&state, idea, Some(me)).await?)))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(idea): Path<String>,
    JsonBody(request): JsonBody<IdeaUpdate>,
) -> ApiResult<Json<Idea>> {
    let me = viewer.require()?;
    let id = id(&idea)?;
    let current = state.db.idea(id, Some(me.id)).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, Reader::member(me), current.group_id, Need::Read).await?;
    if current.author_id != me.id && !is_staff(Some(me)) {
        return Err(ApiError::Forbidden("Only the author or staff can edit an idea."));
    }
    let mut errors = FieldErrors::new();
    if let Some(title) = &request.title {
        errors.check("title", validate::text(title, contract::TITLE_MIN, contract::TITLE_MAX));
    }
    if let Some(body) = &request.body {
        errors.check("body", validate::text(body, 1, contract::BODY_MAX));
    }
    let category = match request.category_id.as_deref() {
        None => None,
        Some(c) => {
            let found = state.db.idea_category_id(c).await?;
            if found.is_none() {
                errors.add("category_id", Issue::NotFound);
            }
            found
        }
    };
    errors.into_result().map_err(ApiError::Validation)?;
    state.db.update_idea(id, request.title.as_deref(), request.body.as_deref(), category).await?;
    Ok(Json(idea_view(&state, id, Some(me)).await?))
}

async fn change_vote(state: &AppState, viewer: &Viewer, idea: &str, give: bool) -> ApiResult<Json<VoteState>> {
    let me = viewer.require()?;
    let idea = state.db.idea(id(idea)?, Some(me.id)).await?.ok_or(ApiError::NotFound)?;
    let need = if give { Need::TakePart } else { Need::Read };
    access::gate(&state.db, Reader::member(me), idea.group_id, need).await?;
    match state.db.vote(idea.id, me.id, give).await? {
        Ok((vote_count, budget)) => Ok(Json(VoteState { vote_count, voted: give, budget })),
        Err(VoteRefusal::NoSuchIdea) => Err(ApiError::NotFound),
        Err(VoteRefusal::Closed) => Err(ApiError::ConflictCode(
            ProblemCode::VotingClosed,
            "Voting on this idea has ended (it was implemented, declined or merged).".into(),
        )),
        Err(VoteRefusal::BudgetUsedUp(budget)) => Err(ApiError::ConflictCode(
            ProblemCode::VoteBudgetExhausted,
            format!(
                "All {} of your votes are in use. Take one back, or wait until an idea you voted for closes.",
                budget.budget
            ),
        )),
    }
}

async fn vote(State(state): State<AppState>, viewer: Viewer, Path(idea): Path<String>) -> ApiResult<Json<VoteState>> {
    change_vote(&state, &viewer, &idea, true).await
}

async fn unvote(State(state): State<AppState>, viewer: Viewer, Path(idea): Path<String>) -> ApiResult<Json<VoteState>> {
    change_vote(&state, &viewer, &idea, false).await
}

async fn budget(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<VoteBudget>> {
    let me = viewer.require()?;
    Ok(Json(state.db.vote_budget(me.id).await?))
}

async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(idea): Path<String>,
    JsonBody(update): JsonBody<StatusUpdate>,
) -> ApiResult<Json<Idea>> {
    let me = viewer.require_staff("Only staff can do this.")?;
    let id = id(&idea)?;
    let current = state.db.idea(id, None).await?.ok_or(ApiError::NotFound)?;
    contract::check_status_update(&update).into_result().map_err(ApiError::Validation)?;
    if current.status == IdeaStatus::Duplicate {
        return Err(ApiError::ConflictCode(
            ProblemCode::Conflict,
            "A merged idea keeps its status; change the idea it was merged into.".into(),
        ));
    }
    state.db.set_idea_status(id, update.status, &update.answer, me.id).await?;
    if update.status == IdeaStatus::Implemented || current.status == IdeaStatus::Implemented {
        state.db.refresh_reputation(&[current.author_id]).await?;
    }
    Ok(Json(idea_view(&state, id, Some(me)).await?))
}

async fn merge(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(idea): Path<String>,
    JsonBody(request): JsonBody<MergeRequest>,
) -> ApiResult<Json<Idea>> {
    let me = viewer.require_staff("Only staff can do this.")?;
    let duplicate = id(&idea)?;
    let current = state.db.idea(duplicate, None).await?.ok_or(ApiError::NotFound)?;
    let target = request.into_id.parse::<i64>().ok().filter(|t| *t != duplicate);
    let target_row = match target {
        Some(t) => state.db.idea(t, None).await?,
        None => None,
    };
    let Some(target_row) = target_row else {
        return Err(ApiError::field("into_id", Issue::NotFound));
    };
    if target_row.status == IdeaStatus::Duplicate {
        return Err(ApiError::field("into_id", Issue::Invalid));
    }
    if current.status == IdeaStatus::Duplicate {
        return Err(ApiError::ConflictCode(ProblemCode::Conflict, "This idea is already merged.".into()));
    }
    if let Some(issue) = validate::optional_text(&request.answer, contract::ANSWER_MAX) {
        return Err(ApiError::field("answer", issue));
    }
    state.db.merge_ideas(duplicate, target_row.id, &request.answer, me.id).await?;
    Ok(Json(idea_view(&state, duplicate, Some(me)).await?))
}

#[derive(Deserialize)]
struct VotersQuery {
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn voters(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(idea): Path<String>,
    QueryParams(query): QueryParams<VotersQuery>,
) -> ApiResult<Json<Page<MemberSummary>>> {
    let id = id(&idea)?;
    let idea = state.db.idea(id, None).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, viewer.reader(), idea.group_id, Need::Read).await?;
    let (limit, offset) = (page_limit(query.limit, DEFAULT_PAGE_LIMIT)?, page_offset(query.cursor.as_deref())?);
    let (rows, more) = state.db.idea_voters(id, offset, limit).await?;
    Ok(Json(offset_page(rows.iter().map(MemberRow::summary).collect(), more, offset, limit)))
}

#[derive(Deserialize)]
struct SimilarQuery {
    title: String,
}

async fn similar(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<SimilarQuery>,
) -> ApiResult<Json<Vec<veche_api::ideas::IdeaRef>>> {
    let title = query_text(Some(query.title), "title", contract::TITLE_MAX)?;
    Ok(Json(state.db.similar_ideas(&title, None, 5, viewer.reader()).await?))
}

async fn roadmap(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Roadmap>> {
    let reader = viewer.reader();
    let column = |status| {
        let state = state.clone();
        async move {
            state
                .db
                .ideas_with_status(status, 50, reader)
                .await
                .map(|rows| rows.into_iter().map(summary).collect::<Vec<_>>())
        }
    };
    Ok(Json(Roadmap {
        planned: column(IdeaStatus::Planned).await?,
        in_progress: column(IdeaStatus::InProgress).await?,
        implemented: column(IdeaStatus::Implemented).await?,
    }))
}

async fn counters(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<IdeaCounters>> {
    Ok(Json(state.db.idea_counters(viewer.reader()).await?))
}

async fn categories(State(state): State<AppState>) -> ApiResult<Json<Vec<IdeaCategory>>> {
    Ok(Json(state.db.idea_categories().await?))
}

// --- ballots -------------------------------------------------------------------------------

async fn ballots(State(state): State<AppState>) -> ApiResult<Json<Vec<BallotSummary>>> {
    let now = clock::now();
    Ok(Json(
        state
            .db
            .ballots()
            .await?
            .into_iter()
            .map(|b| BallotSummary {
                id: b.id.to_string(),
                state: b.state(&now),
                title: b.title,
                opens_at: b.opens_at,
                closes_at: b.closes_at,
                participants: b.participants,
            })
            .collect(),
    ))
}

async fn ballot_view(state: &AppState, id: i64, viewer: Option<&MemberRow>) -> ApiResult<Ballot> {
    let row = state.db.ballot(id).await?.ok_or(ApiError::NotFound)?;
    let now = clock::now();
    let ballot_state = row.state(&now);
    let items = state.db.ballot_items(id, viewer.map(|m| m.id)).await?;
    let spent: i64 = items.iter().map(|i| i.3).sum();
    // Totals stay hidden while the ballot is open, so early results do not sway later voters.
    let closed = ballot_state == BallotState::Closed;
    let ranks = contract::rank_results(&items.iter().map(|i| (i.0.to_string(), i.4)).collect::<Vec<_>>());
    let mut views: Vec<BallotItem> = items
        .into_iter()
        .map(|(item_id, title, description, mine, total)| BallotItem {
            id: item_id.to_string(),
            title,
            description,
            my_points: mine,
            total_points: closed.then_some(total),
            rank: closed.then(|| ranks.iter().find(|r| r.0 == item_id.to_string()).map(|r| r.2).unwrap_or(0)),
        })
        .collect();
    if closed {
        views.sort_by_key(|i| (i.rank, i.id.clone()));
    }
    Ok(Ballot {
        id: row.id.to_string(),
        title: row.title,
        description: row.description,
        points_per_member: row.points_per_member,
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        state: ballot_state,
        items: views,
        participants: row.participants,
        my_points_left: (row.points_per_member - spent).max(0),
        can_vote: viewer.is_some() && ballot_state == BallotState::Open,
    })
}

async fn ballot(State(state): State<AppState>, viewer: Viewer, Path(ballot): Path<String>) -> ApiResult<Json<Ballot>> {
    Ok(Json(ballot_view(&state, id(&ballot)?, viewer.member.as_deref()).await?))
}

async fn allocate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(ballot): Path<String>,
    JsonBody(request): JsonBody<AllocationRequest>,
) -> ApiResult<Json<Ballot>> {
    let me = viewer.require()?;
    let id = id(&ballot)?;
    let row = state.db.ballot(id).await?.ok_or(ApiError::NotFound)?;
    if row.state(&clock::now()) != BallotState::Open {
        return Err(ApiError::ConflictCode(ProblemCode::Conflict, "This ballot is not open.".into()));
    }
    let items = state.db.ballot_items(id, None).await?;
    let known = id_set(items.iter().map(|i| i.0));
    contract::check_allocation(&request, &known, row.points_per_member).into_result().map_err(ApiError::Validation)?;
    let allocations: Vec<(i64, i64)> =
        request.allocations.iter().filter_map(|a| a.item_id.parse::<i64>().ok().map(|item| (item, a.points))).collect();
    state.db.allocate(id, me.id, &allocations).await?;
    Ok(Json(ballot_view(&state, id, Some(me)).await?))
}

/// Staff end a ballot before its planned close: the results show at once, no more points are taken.
async fn close_ballot(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(ballot): Path<String>,
) -> ApiResult<Json<Ballot>> {
    let me = viewer.require_staff("Only staff can do this.")?;
    let id = id(&ballot)?;
    state.db.ballot(id).await?.ok_or(ApiError::NotFound)?;
    if !state.db.close_ballot(id, &clock::now()).await? {
        return Err(ApiError::ConflictCode(ProblemCode::Conflict, "Only an open ballot can be closed.".into()));
    }
    Ok(Json(ballot_view(&state, id, Some(me)).await?))
}

async fn create_ballot(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<NewBallot>,
) -> ApiResult<(StatusCode, Json<Ballot>)> {
    let me = viewer.require_staff("Only staff can do this.")?;
    let mut errors = contract::check_new_ballot(&request);
    let (opens, closes) = (clock::parse(&request.opens_at), clock::parse(&request.closes_at));
    match (opens, closes) {
        (Some(o), Some(c)) if o < c => {}
        (None, _) => errors.add("opens_at", Issue::Invalid),
        _ => errors.add("closes_at", Issue::Invalid),
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let normalized = NewBallot {
        opens_at: opens.map(clock::format).unwrap_or_default(),
        closes_at: closes.map(clock::format).unwrap_or_default(),
        ..request
    };
    let id = state.db.create_ballot(&normalized, me.id).await?;
    Ok((StatusCode::CREATED, Json(ballot_view(&state, id, Some(me)).await?)))
}
