//! A member's own data: the archive, deleting the account (by the member, or by staff on their
//! request), the community's choice of what becomes of a deleted member's content, the log.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tokio::io::AsyncWriteExt;
use veche_api::Page;
use veche_api::privacy::{self as contract, AccountDeletion, PrivacyAction, PrivacyLogEntry, PrivacySettings};
use veche_api::validate::Issue;

use super::{PageQuery, offset_page};
use crate::archive::ZipStream;
use crate::db::events::EventRow;
use crate::db::privacy::LogLine;
use crate::db::{Db, MemberRow};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::{Viewer, cleared_session_cookie};

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/account/export", guard.wrap(get(export_mine)))
        .route("/account/deletion", guard.wrap(post(delete_mine)))
        .route("/privacy", guard.wrap(get(settings).put(update_settings)))
        .route("/privacy/log", guard.wrap(get(log)))
        .route("/members/{handle}/export", guard.wrap(get(export_member)))
        .route("/members/{handle}/deletion", guard.wrap(post(delete_member)))
}

const STAFF_ONLY: &str = "Only staff can do this.";

/// What the archive says about itself, first in it.
const README: &str = "Everything you gave the community, as it was when this archive was made.\n\
\n\
profile.json         your account and profile, with your contact details and who may see them\n\
threads.json         threads you started\n\
replies.json         your replies and comments (with the thread each belongs to)\n\
ideas.json           ideas you proposed\n\
votes.json           your votes on ideas and points on ballots\n\
kudos.json           kudos you gave\n\
survey_answers.json  your survey answers\n\
rsvps.json           your answers to events\n\
groups.json          groups you belong to or asked to join\n\
follows.json         members you follow\n\
photos.json          your photos; the files are in pictures/, with your avatar\n\
\n\
Content of a group you can no longer read is not included.\n";

/// How many bytes may wait between the archive's writer and the connection: the archive is
/// written as the browser takes it, so a large one never sits in memory.
const STREAM_BUFFER: usize = 64 * 1024;

async fn export_mine(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Response> {
    let member = viewer.require()?;
    state
        .db
        .log_privacy(&LogLine { action: PrivacyAction::Export, actor_id: member.id, subject: member, note: "" })
        .await?;
    archive_response(&state, member).await
}

async fn export_member(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
) -> ApiResult<Response> {
    let staff = viewer.require_staff(STAFF_ONLY)?;
    let member = live_member(&state.db, &handle).await?;
    state
        .db
        .log_privacy(&LogLine { action: PrivacyAction::Export, actor_id: staff.id, subject: &member, note: "" })
        .await?;
    archive_response(&state, &member).await
}

/// A member who has not deleted their account, by handle.
async fn live_member(db: &Db, handle: &str) -> ApiResult<MemberRow> {
    db.member_by_handle(handle).await?.filter(|member| member.deleted_at.is_none()).ok_or(ApiError::NotFound)
}

/// The member's archive, streamed: the JSON files are read before the answer starts (so a
/// failure is an ordinary error), the pictures one at a time while it goes out.
async fn archive_response(state: &AppState, member: &MemberRow) -> ApiResult<Response> {
    let contents = state.db.archive_contents(member).await?;
    let (mut writer, reader) = tokio::io::duplex(STREAM_BUFFER);
    let db = state.db.clone();
    tokio::spawn(async move {
        let mut zip = ZipStream::new(chrono::Utc::now());
        let written: anyhow::Result<()> = async {
            writer.write_all(&zip.entry("README.txt", README.as_bytes())?).await?;
            for (name, bytes) in &contents.files {
                writer.write_all(&zip.entry(name, bytes)?).await?;
            }
            for picture in &contents.pictures {
                let Some((content_type, bytes)) = db.upload(&picture.upload_id).await? else { continue };
                let name = format!("pictures/{}.{}", picture.file_stem, extension(&content_type));
                writer.write_all(&zip.entry(&name, &bytes)?).await?;
            }
            writer.write_all(&zip.finish()?).await?;
            writer.shutdown().await?;
            Ok(())
        }
        .await;
        // Dropping the writer cuts the answer short, so the browser reports a failed download
        // rather than saving a broken archive as if it were whole.
        if let Err(error) = written {
            tracing::warn!(%error, "a data archive could not be finished");
        }
    });
    let stream = tokio_util::io::ReaderStream::new(reader);
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let file = format!("attachment; filename=\"veche-{}-{}.zip\"", member.handle, crate::clock::today());
    if let Ok(value) = HeaderValue::from_str(&file) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

fn extension(content_type: &str) -> &'static str {
    match content_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "bin",
    }
}

/// How recent a sign-in confirms a deletion for an account without a password.
const RECENT_SIGN_IN_MINUTES: i64 = 10;

/// The deletion's own checks, then the re-authentication of whoever asks (`whose` session is
/// `viewer`'s): their password against the stored hash, or, for an account that signs in only
/// through an identity provider (its stored hash is no password anyone can give), a sign-in
/// less than ten minutes old. A 422 beside `password` otherwise.
async fn check_deletion(request: &AccountDeletion, whose: &MemberRow, viewer: &Viewer) -> ApiResult<()> {
    let mut errors = contract::check_deletion(request);
    if errors.get("password").is_none() {
        if whose.password_hash.starts_with('!') {
            let recent = chrono::Utc::now() - chrono::Duration::minutes(RECENT_SIGN_IN_MINUTES);
            let signed_in = viewer.signed_in_at.as_deref().and_then(crate::clock::parse);
            if signed_in.is_none_or(|at| at < recent) {
                errors.add("password", Issue::SignInAgain);
            }
        } else if request.password.is_empty() {
            errors.add("password", Issue::Required);
        } else if !crate::tokens::verify_password(request.password.clone(), whose.password_hash.clone()).await? {
            errors.add("password", Issue::WrongPassword);
        }
    }
    errors.into_result().map_err(ApiError::Validation)
}

async fn delete_mine(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut request): JsonBody<AccountDeletion>,
) -> ApiResult<Response> {
    let member = viewer.require()?;
    // A note is for staff acting on a request; the member's own deletion has none.
    request.note.clear();
    check_deletion(&request, member, &viewer).await?;
    if member.access().is_staff() && state.db.staff_count().await? <= 1 {
        return Err(ApiError::Conflict(
            "You are the community's only staff member: give someone else staff access first.".into(),
        ));
    }
    delete_account(&state, member, member.id, "").await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared_session_cookie(state.config.secure_cookies()))])
        .into_response())
}

async fn delete_member(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(handle): Path<String>,
    JsonBody(request): JsonBody<AccountDeletion>,
) -> ApiResult<StatusCode> {
    let staff = viewer.require_staff(STAFF_ONLY)?;
    check_deletion(&request, staff, &viewer).await?;
    let member = live_member(&state.db, &handle).await?;
    if member.access().is_staff() {
        return Err(ApiError::Forbidden("A staff member's account is deleted from their own account page."));
    }
    delete_account(&state, &member, staff.id, &request.note).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraws the member's answers to events still to come (so the waitlist moves up, as when
/// anyone stops going), then deletes the account as the community's setting says.
async fn delete_account(state: &AppState, member: &MemberRow, actor_id: i64, note: &str) -> ApiResult<()> {
    for (event_id, occurrence) in state.db.upcoming_rsvps(member.id).await? {
        let event: Option<EventRow> = state.db.event(event_id).await?;
        if let Some(event) = event {
            state.db.rsvp(&event, &occurrence, member.id, veche_api::events::RsvpStatus::NotGoing).await?;
        }
    }
    let mode = state.db.deleted_content().await?;
    state.db.delete_account(&LogLine { action: PrivacyAction::Delete, actor_id, subject: member, note }, mode).await?;
    Ok(())
}

async fn settings(State(state): State<AppState>) -> ApiResult<Json<PrivacySettings>> {
    Ok(Json(PrivacySettings { deleted_content: state.db.deleted_content().await? }))
}

async fn update_settings(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<PrivacySettings>,
) -> ApiResult<Json<PrivacySettings>> {
    viewer.require_staff(STAFF_ONLY)?;
    contract::check_settings(&request).into_result().map_err(ApiError::Validation)?;
    state.db.set_deleted_content(request.deleted_content).await?;
    Ok(Json(PrivacySettings { deleted_content: state.db.deleted_content().await? }))
}

async fn log(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<PrivacyLogEntry>>> {
    viewer.require_staff(STAFF_ONLY)?;
    let (limit, offset) = query.window()?;
    let (entries, more) = state.db.privacy_log(offset, limit).await?;
    Ok(Json(offset_page(entries, more, offset, limit)))
}
