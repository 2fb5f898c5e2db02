//! The knowledge base: everyone reads the sections and the articles they may read; staff write
//! them, make an article of an event's report, and link articles from threads.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use veche_api::kb::{
    Article, ArticleInput, KnowledgeBase, Link, Section, SectionInput, SectionPlace, THREAD_ARTICLES_MAX,
    ThreadArticles, check_article, check_section,
};
use veche_api::validate::{FieldErrors, Issue};

use super::id;
use crate::access::{self, Need, Reader};
use crate::db::kb::{ArticleRow, SectionRemoval};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::session::Viewer;

const STAFF_ONLY: &str = "Only staff write the knowledge base.";

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/kb", guard.wrap(get(index)))
        .route("/kb/sections", guard.wrap(post(create_section)))
        .route("/kb/sections/{id}", guard.wrap(put(update_section).delete(remove_section)))
        .route("/kb/sections/{id}/place", guard.wrap(put(place_section)))
        .route("/kb/articles", guard.wrap(post(create_article)))
        .route("/kb/articles/{id}", guard.wrap(get(show).put(update_article).delete(remove_article)))
        .route("/threads/{id}/articles", guard.wrap(put(link_articles)))
}

async fn index(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<KnowledgeBase>> {
    Ok(Json(state.db.knowledge_base(viewer.reader()).await?))
}

/// The section as the staff member sees it after a change.
async fn section_view(state: &AppState, viewer: &Viewer, id: i64) -> ApiResult<Section> {
    let base = state.db.knowledge_base(viewer.reader()).await?;
    base.sections.into_iter().find(|s| s.id == id.to_string()).ok_or(ApiError::NotFound)
}

async fn create_section(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(input): JsonBody<SectionInput>,
) -> ApiResult<(StatusCode, Json<Section>)> {
    viewer.require_staff(STAFF_ONLY)?;
    check_section(&input).into_result().map_err(ApiError::Validation)?;
    let id = state.db.create_section(&input).await?;
    Ok((StatusCode::CREATED, Json(section_view(&state, &viewer, id).await?)))
}

async fn update_section(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(section): Path<String>,
    JsonBody(input): JsonBody<SectionInput>,
) -> ApiResult<Json<Section>> {
    viewer.require_staff(STAFF_ONLY)?;
    let id = id(&section)?;
    check_section(&input).into_result().map_err(ApiError::Validation)?;
    if !state.db.update_section(id, &input).await? {
        return Err(ApiError::NotFound);
    }
    Ok(Json(section_view(&state, &viewer, id).await?))
}

/// Moves a section just before another, or last; answers the knowledge base as the staff member
/// now sees it.
async fn place_section(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(section): Path<String>,
    JsonBody(input): JsonBody<SectionPlace>,
) -> ApiResult<Json<KnowledgeBase>> {
    viewer.require_staff(STAFF_ONLY)?;
    let section = id(&section)?;
    if !state.db.section_exists(section).await? {
        return Err(ApiError::NotFound);
    }
    let before = match input.before.as_deref().map(str::trim) {
        Some(before) => Some(before.parse::<i64>().map_err(|_| ApiError::field("before", Issue::NotFound))?),
        None => None,
    };
    // `before` gone since the list was loaded (deleted meanwhile).
    if !state.db.place_section(section, before).await? {
        return Err(ApiError::field("before", Issue::NotFound));
    }
    Ok(Json(state.db.knowledge_base(viewer.reader()).await?))
}

async fn remove_section(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(section): Path<String>,
) -> ApiResult<StatusCode> {
    viewer.require_staff(STAFF_ONLY)?;
    match state.db.delete_section(id(&section)?).await? {
        SectionRemoval::Removed => Ok(StatusCode::NO_CONTENT),
        SectionRemoval::NotFound => Err(ApiError::NotFound),
        SectionRemoval::NotEmpty => {
            Err(ApiError::Conflict("The section still has articles: move or delete them first.".into()))
        }
    }
}

/// The article for a reader who may read it (others: the group's gate, or 404).
async fn article_view(state: &AppState, viewer: &Viewer, row: ArticleRow) -> ApiResult<Article> {
    let reader = viewer.reader();
    let group = access::gate(&state.db, reader, row.group_id, Need::Read).await?;
    Ok(Article {
        id: row.id.to_string(),
        threads: state.db.article_threads(row.id, reader).await?,
        title: row.title,
        body: row.body,
        section: row.section,
        author: row.author,
        created_at: row.created_at,
        updated_at: row.updated_at,
        version: row.version,
        event: row.event,
        group: access::group_ref(group.as_ref()),
    })
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(article): Path<String>) -> ApiResult<Json<Article>> {
    let row = state.db.article(id(&article)?).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(article_view(&state, &viewer, row).await?))
}

/// The section an article goes into: a 422 on `section_id` when there is none such.
async fn checked_section(state: &AppState, errors: &mut FieldErrors, section: &str) -> ApiResult<Option<i64>> {
    if errors.get("section_id").is_some() {
        return Ok(None);
    }
    let found = match section.trim().parse::<i64>() {
        Ok(id) if state.db.section_exists(id).await? => Some(id),
        _ => None,
    };
    if found.is_none() {
        errors.add("section_id", Issue::NotFound);
    }
    Ok(found)
}

async fn create_article(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(input): JsonBody<ArticleInput>,
) -> ApiResult<(StatusCode, Json<Article>)> {
    let me = viewer.require_staff(STAFF_ONLY)?;
    let mut errors = check_article(&input);
    let section = checked_section(&state, &mut errors, &input.section_id).await?;
    // An article from an event's report: the event must have a report and no article yet; the
    // article belongs to the event's group.
    let mut source = None;
    if let Some(event) = input.event_id.as_deref() {
        let found = match event.trim().parse::<i64>() {
            Ok(id) => state.db.event(id).await?,
            Err(_) => None,
        };
        match found {
            None => errors.add("event_id", Issue::NotFound),
            Some(event) if event.report.as_deref().is_none_or(|r| r.trim().is_empty()) => {
                errors.add("event_id", Issue::Invalid)
            }
            Some(event) if state.db.event_article(event.id, Reader::member(me)).await?.is_some() => {
                errors.add("event_id", Issue::Taken)
            }
            Some(event) => source = Some((event.id, event.group_id)),
        }
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let section = section.ok_or(ApiError::NotFound)?;
    let (event_id, group_id) = source.map_or((None, None), |(event, group)| (Some(event), group));
    let id = state.db.create_article(section, &input, me.id, event_id, group_id).await?;
    let row = state.db.article(id).await?.ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(article_view(&state, &viewer, row).await?)))
}

async fn update_article(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(article): Path<String>,
    JsonBody(input): JsonBody<ArticleInput>,
) -> ApiResult<Json<Article>> {
    viewer.require_staff(STAFF_ONLY)?;
    let id = id(&article)?;
    state.db.article(id).await?.ok_or(ApiError::NotFound)?;
    let mut errors = check_article(&input);
    let section = checked_section(&state, &mut errors, &input.section_id).await?;
    if input.version.is_none() {
        errors.add("version", Issue::Required);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (section, version) = (section.ok_or(ApiError::NotFound)?, input.version.unwrap_or_default());
    if !state.db.update_article(id, section, &input, version).await? {
        return Err(ApiError::Conflict(
            "Someone changed the article after you started editing. Reload it and make your change again.".into(),
        ));
    }
    let row = state.db.article(id).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(article_view(&state, &viewer, row).await?))
}

async fn remove_article(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(article): Path<String>,
) -> ApiResult<StatusCode> {
    viewer.require_staff(STAFF_ONLY)?;
    if !state.db.delete_article(id(&article)?).await? {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Sets the articles a thread links to; answers them as the thread now shows them.
async fn link_articles(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(thread): Path<String>,
    JsonBody(input): JsonBody<ThreadArticles>,
) -> ApiResult<Json<Vec<Link>>> {
    let me = viewer.require_staff("Only staff link knowledge-base articles from threads.")?;
    let thread = state.db.thread(id(&thread)?, Some(me.id)).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, Reader::member(me), thread.group_id, Need::Read).await?;
    if input.article_ids.len() > THREAD_ARTICLES_MAX {
        return Err(ApiError::field("article_ids", Issue::OutOfRange { min: 0, max: THREAD_ARTICLES_MAX as i64 }));
    }
    let mut ids = Vec::new();
    for article in &input.article_ids {
        let found = match article.trim().parse::<i64>() {
            Ok(id) => state.db.article(id).await?,
            Err(_) => None,
        };
        let Some(found) = found else { return Err(ApiError::field("article_ids", Issue::NotFound)) };
        if !ids.contains(&found.id) {
            ids.push(found.id);
        }
    }
    state.db.set_thread_articles(thread.id, &ids).await?;
    Ok(Json(state.db.thread_articles(thread.id, Reader::member(me)).await?))
}
