//! NPS and eNPS surveys: configuration (staff), the public definition and answers (anyone, also
//! from frames on other sites), the in-app banner, results, the comments list and the CSV export.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Deserialize;
use veche_api::Page;
use veche_api::page::{DEFAULT_PAGE_LIMIT, SEARCH_MAX};
use veche_api::surveys::{
    self as contract, Category, FollowUpInput, PublicSurvey, ResponseInput, Survey, SurveyInput, SurveyResponse,
    SurveyResults,
};
use veche_api::validate::{FieldErrors, Issue};

use super::{offset_page, page_limit, page_offset, query_text};
use crate::db::surveys::{CommentFilter, Recorded, ResponseFilter, SurveyRow};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::rate_limit::{self, ClientAddress};
use crate::http::session::Viewer;
use crate::trend::Bucket;
use crate::{clock, csv};

/// The `source` of answers given inside the community (the in-app banner).
pub const COMMUNITY_SOURCE: &str = "community";

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/surveys", guard.wrap(get(list).post(create)))
        .route("/surveys/in-app", guard.wrap(get(in_app)))
        .route("/surveys/{id}", guard.wrap(get(show).put(update)))
        .route("/surveys/{id}/public", guard.wrap_open(get(public)))
        .route("/surveys/{id}/responses", guard.wrap(get(responses)).merge(guard.wrap_open(post(answer))))
        .route("/surveys/{id}/responses/{response_id}/follow-up", guard.wrap_open(post(follow_up)))
        .route("/surveys/{id}/dismissals", guard.wrap(post(dismiss)))
        .route("/surveys/{id}/results", guard.wrap(get(results)))
        .route("/surveys/{id}/export.csv", guard.wrap(get(export)))
}

async fn survey(state: &AppState, id: &str) -> ApiResult<SurveyRow> {
    let id = id.parse().map_err(|_| ApiError::NotFound)?;
    state.db.survey(id).await?.ok_or(ApiError::NotFound)
}

/// A survey staff are about to manage: 401 or 403 for others, before 404.
async fn staff_survey(state: &AppState, viewer: &Viewer, id: &str) -> ApiResult<SurveyRow> {
    viewer.require_staff("Only staff can manage surveys.")?;
    survey(state, id).await
}

async fn survey_view(state: &AppState, id: i64) -> ApiResult<Survey> {
    state.db.survey_with_counts(id).await?.ok_or(ApiError::NotFound)
}

fn check(input: &SurveyInput) -> ApiResult<()> {
    contract::check_survey(input).into_result().map_err(ApiError::Validation)
}

async fn list(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Vec<Survey>>> {
    viewer.require_staff("Only staff can manage surveys.")?;
    Ok(Json(state.db.surveys().await?))
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut input): JsonBody<SurveyInput>,
) -> ApiResult<(StatusCode, Json<Survey>)> {
    let me = viewer.require_staff("Only staff can manage surveys.")?;
    input.name = veche_api::validate::names::normalize(&input.name);
    check(&input)?;
    let id = state.db.create_survey(&input, Some(me.id), &clock::now()).await?;
    Ok((StatusCode::CREATED, Json(survey_view(&state, id).await?)))
}

async fn show(State(state): State<AppState>, viewer: Viewer, Path(id): Path<String>) -> ApiResult<Json<Survey>> {
    let survey = staff_survey(&state, &viewer, &id).await?;
    Ok(Json(survey_view(&state, survey.id).await?))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    JsonBody(mut input): JsonBody<SurveyInput>,
) -> ApiResult<Json<Survey>> {
    let survey = staff_survey(&state, &viewer, &id).await?;
    input.name = veche_api::validate::names::normalize(&input.name);
    check(&input)?;
    state.db.update_survey(survey.id, &input).await?;
    Ok(Json(survey_view(&state, survey.id).await?))
}

async fn public(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult<Json<PublicSurvey>> {
    Ok(Json(survey(&state, &id).await?.public(clock::today())))
}

/// Answers and follow-ups share one allowance per client address and survey.
fn limit_answers(state: &AppState, address: ClientAddress, survey: &SurveyRow) -> ApiResult<()> {
    state
        .limiter
        .take(address.0, rate_limit::Bucket::SurveyAnswers(survey.id))
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })
}

async fn answer(
    State(state): State<AppState>,
    viewer: Viewer,
    address: ClientAddress,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<ResponseInput>,
) -> ApiResult<Response> {
    let survey = survey(&state, &id).await?;
    limit_answers(&state, address, &survey)?;
    contract::check_response(&input).into_result().map_err(ApiError::Validation)?;
    if !survey.is_open(clock::today()) {
        // A retry of an answer taken while the survey was open still gets its record.
        return match state.db.survey_response(&input.id).await? {
            Some((survey_id, stored)) if survey_id == survey.id => Ok(Json(stored).into_response()),
            _ => Err(ApiError::Conflict("This survey takes no answers now.".into())),
        };
    }
    // A member answering inside the community (the banner) is recorded as such; a frame on
    // another site reports the page it was shown on.
    let (source, member) = match viewer.member_id() {
        Some(member) => (Some(COMMUNITY_SOURCE), Some(member)),
        None => (input.source.as_deref(), None),
    };
    match state.db.record_response(survey.id, &input, source, member, &clock::now()).await? {
        Recorded::Created(response) => Ok((StatusCode::CREATED, Json(response)).into_response()),
        Recorded::Existing(response) => Ok(Json(response).into_response()),
        Recorded::OtherSurvey => Err(ApiError::Conflict("This answer id belongs to another survey.".into())),
    }
}

async fn follow_up(
    State(state): State<AppState>,
    address: ClientAddress,
    Path((id, response_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<FollowUpInput>,
) -> ApiResult<Json<SurveyResponse>> {
    let survey = survey(&state, &id).await?;
    limit_answers(&state, address, &survey)?;
    let mut errors = contract::check_follow_up(&input);
    let stored = match state.db.survey_response(&response_id).await? {
        Some((survey_id, response)) if survey_id == survey.id => response,
        _ => return Err(ApiError::NotFound),
    };
    let has_email = input.contact_email.as_deref().is_some_and(|email| !email.trim().is_empty());
    if input.contact_ok && !has_email && stored.respondent.is_none() {
        errors.add("contact_email", Issue::Required);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let response = state.db.follow_up(survey.id, &response_id, &input, &clock::now()).await?;
    response.map(Json).ok_or(ApiError::NotFound)
}

async fn in_app(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Response> {
    let Some(member) = viewer.member_id() else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    Ok(match state.db.in_app_survey_due(member).await? {
        Some(survey) => Json(survey.public(clock::today())).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

async fn dismiss(State(state): State<AppState>, viewer: Viewer, Path(id): Path<String>) -> ApiResult<StatusCode> {
    let me = viewer.require()?;
    let survey = survey(&state, &id).await?;
    state.db.dismiss_survey(survey.id, me.id, &clock::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The filter every staff view of the answers shares.
#[derive(Deserialize)]
struct FilterQuery {
    from: Option<String>,
    to: Option<String>,
    source: Option<String>,
    segment: Option<String>,
}

impl FilterQuery {
    fn read(self) -> ApiResult<ResponseFilter> {
        let mut errors = FieldErrors::new();
        let mut day = |field: &str, value: Option<String>| match value {
            None => None,
            Some(text) if contract::is_day(&text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(),
            Some(_) => {
                errors.add(field, Issue::Invalid);
                None
            }
        };
        let (from, to) = (day("from", self.from), day("to", self.to));
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            errors.add("to", Issue::Invalid);
        }
        errors.into_result().map_err(ApiError::Validation)?;
        let label = |field: &str, value: Option<String>| {
            query_text(value, field, contract::LABEL_MAX).map(|text| Some(text).filter(|t| !t.is_empty()))
        };
        Ok(ResponseFilter { from, to, source: label("source", self.source)?, segment: label("segment", self.segment)? })
    }
}

#[derive(Deserialize)]
struct ResultsQuery {
    bucket: Option<String>,
}

async fn results(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    QueryParams(filter): QueryParams<FilterQuery>,
    QueryParams(query): QueryParams<ResultsQuery>,
) -> ApiResult<Json<SurveyResults>> {
    let survey = staff_survey(&state, &viewer, &id).await?;
    let bucket = match query.bucket.as_deref() {
        None => Bucket::Week,
        Some(text) => Bucket::parse(text).ok_or_else(|| ApiError::field("bucket", Issue::Invalid))?,
    };
    let filter = filter.read()?;
    Ok(Json(state.db.survey_results(survey.id, &filter, bucket).await?))
}

#[derive(Deserialize)]
struct ResponsesQuery {
    category: Option<String>,
    q: Option<String>,
    comments: Option<bool>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn responses(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    QueryParams(filter): QueryParams<FilterQuery>,
    QueryParams(query): QueryParams<ResponsesQuery>,
) -> ApiResult<Json<Page<SurveyResponse>>> {
    let survey = staff_survey(&state, &viewer, &id).await?;
    let category = match query.category.as_deref() {
        None => None,
        Some(text) => Some(Category::parse_known(text).ok_or_else(|| ApiError::field("category", Issue::Invalid))?),
    };
    let comments = CommentFilter {
        category,
        search: query_text(query.q, "q", SEARCH_MAX)?,
        with_comment: query.comments.unwrap_or(false),
        limit: page_limit(query.limit, DEFAULT_PAGE_LIMIT)?,
        offset: page_offset(query.cursor.as_deref())?,
    };
    let filter = filter.read()?;
    let (items, more) = state.db.survey_responses(survey.id, &filter, &comments).await?;
    Ok(Json(offset_page(items, more, comments.offset, comments.limit)))
}

/// Columns of the CSV export, in order.
const EXPORT_COLUMNS: [&str; 11] = [
    "id",
    "created_at",
    "score",
    "category",
    "comment",
    "contact_ok",
    "contact_email",
    "respondent",
    "segment",
    "source",
    "locale",
];

fn export_row(response: SurveyResponse) -> Vec<String> {
    vec![
        response.id,
        response.created_at,
        response.score.to_string(),
        response.category,
        response.comment.unwrap_or_default(),
        response.contact_ok.to_string(),
        response.contact_email.unwrap_or_default(),
        response.respondent.unwrap_or_default(),
        response.segment.unwrap_or_default(),
        response.source.unwrap_or_default(),
        response.locale.unwrap_or_default(),
    ]
}

async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    QueryParams(query): QueryParams<FilterQuery>,
) -> ApiResult<Response> {
    let survey = staff_survey(&state, &viewer, &id).await?;
    let filter = query.read()?;
    let answers = state.db.survey_export(survey.id, &filter).await?;
    let body = csv::document(&EXPORT_COLUMNS, answers.into_iter().map(export_row));
    let disposition = format!("attachment; filename=\"survey-{}-responses.csv\"", survey.id);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
