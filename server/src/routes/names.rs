//! Staff give spaces and idea categories their words in each language
//! (`PUT /spaces/{slug}/words`, `PUT /idea-categories/{slug}/words`).

use axum::extract::{Path, State};
use axum::routing::put;
use axum::{Json, Router};
use veche_api::names::{WordsChange, check_words};
use veche_api::validate::names::normalize;

use crate::db::names::Named;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::session::Viewer;

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/spaces/{slug}/words", guard.wrap(put(space_words)))
        .route("/idea-categories/{slug}/words", guard.wrap(put(category_words)))
}

async fn space_words(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    JsonBody(words): JsonBody<WordsChange>,
) -> ApiResult<Json<WordsChange>> {
    set_words(&state, &viewer, Named::Space, &slug, words).await
}

async fn category_words(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    JsonBody(words): JsonBody<WordsChange>,
) -> ApiResult<Json<WordsChange>> {
    set_words(&state, &viewer, Named::IdeaCategory, &slug, words).await
}

async fn set_words(
    state: &AppState,
    viewer: &Viewer,
    named: Named,
    slug: &str,
    mut words: WordsChange,
) -> ApiResult<Json<WordsChange>> {
    viewer.require_staff("Only staff name spaces and categories.")?;
    for text in [&mut words.en, &mut words.ru] {
        text.name = normalize(&text.name);
        text.description = text.description.trim().to_owned();
    }
    check_words(&words).into_result().map_err(ApiError::Validation)?;
    if !state.db.set_words(named, slug, &words).await? {
        return Err(ApiError::NotFound);
    }
    Ok(Json(words))
}
