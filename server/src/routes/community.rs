//! The community: what it is (anyone reads it), its settings (staff change them at
//! `/admin/settings`: the look, the areas that are on, who may join), invitations and the queue
//! of registrations waiting for approval.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::Utc;
use chrono_tz::Tz;
use veche_api::Page;
use veche_api::community::{
    Community, CommunitySettings, CommunityStats, Invitation, InvitationRequest, PendingRegistration,
    RegistrationDecision, RegistrationDecisionRequest,
};
use veche_api::page::DEFAULT_PAGE_LIMIT;
use veche_api::validate::{self, Issue};

use super::{PageQuery, page_limit};
use crate::db::{NewMember, NewToken, TokenPurpose, page_of};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::locale;
use crate::http::session::Viewer;
use crate::mail::{self, Letter, lifetimes};
use crate::routes::members::picture_within;
use crate::{clock, tokens};

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/community", guard.wrap(get(community).put(update)))
        .route("/community/stats", guard.wrap(get(stats)))
        .route("/community/logo", guard.wrap(put(upload_logo).delete(remove_logo)))
        .route("/community/invitations", guard.wrap(post(invite)))
        .route("/community/registrations", guard.wrap(get(registrations)))
        .route("/community/registrations/{id}", guard.wrap(put(decide)))
}

const STAFF_ONLY: &str = "Only staff can change the community's settings.";

async fn community(State(state): State<AppState>) -> ApiResult<Json<Community>> {
    state.db.community().await?.map(Json).ok_or(ApiError::NotFound)
}

/// The counters of the home page, for this viewer's eyes. Days are counted in the community's
/// time zone (UTC if its name is unknown), so the number turns over at its midnight.
async fn stats(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<CommunityStats>> {
    let community = state.db.community().await?.ok_or(ApiError::NotFound)?;
    let zone: Tz = community.time_zone.parse().unwrap_or(Tz::UTC);
    let today = Utc::now().with_timezone(&zone).date_naive();
    Ok(Json(state.db.community_stats(viewer.reader(), today).await?))
}

/// Every setting at once. The name is stored normalised like other names; domains in lower
/// case, each once.
async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut settings): JsonBody<CommunitySettings>,
) -> ApiResult<Json<Community>> {
    viewer.require_staff(STAFF_ONLY)?;
    settings.name = validate::names::normalize(&settings.name);
    let mut domains: Vec<String> = settings
        .allowed_email_domains
        .iter()
        .map(|domain| domain.trim().trim_start_matches('@').to_ascii_lowercase())
        .filter(|domain| !domain.is_empty())
        .collect();
    domains.dedup();
    settings.allowed_email_domains = domains;
    settings.accent_color = settings.accent_color.filter(|color| !color.trim().is_empty());
    let mut errors = validate::community_settings(&settings);
    if errors.get("time_zone").is_none() && settings.time_zone.trim().parse::<Tz>().is_err() {
        errors.add("time_zone", Issue::TimeZoneUnknown);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    state.db.update_community(&settings).await?;
    community(State(state)).await
}

/// The logo: decoded, checked and encoded again like every picture, and made to fit a square of
/// [`LOGO_SIDE`] pixels (the header shows it at 40).
async fn upload_logo(State(state): State<AppState>, viewer: Viewer, bytes: Bytes) -> ApiResult<Json<Community>> {
    let me = viewer.require_staff(STAFF_ONLY)?;
    let logo = picture_within(bytes, Some(LOGO_SIDE)).await?;
    let upload = state.db.insert_upload(me.id, logo.info, &logo.bytes).await?;
    state.db.set_community_logo(Some(&upload)).await?;
    community(State(state)).await
}

/// Largest side of a stored logo: sharp at 40 CSS pixels on a 3× screen, and then some.
pub const LOGO_SIDE: u32 = 256;

async fn remove_logo(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Community>> {
    viewer.require_staff(STAFF_ONLY)?;
    state.db.set_community_logo(None).await?;
    community(State(state)).await
}

/// How many invitations one staff member may send per hour (a mailbox-flooding brake).
const INVITATIONS_PER_HOUR: i64 = 50;

/// Mails an invitation whose link (`/register?invitation=…`) lets the address join whatever the
/// join policy says, once, for a week.
async fn invite(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<InvitationRequest>,
) -> ApiResult<(StatusCode, Json<Invitation>)> {
    let me = viewer.require_staff("Only staff can invite people.")?;
    let email = request.email.trim();
    if let Some(issue) = validate::email(email) {
        return Err(ApiError::field("email", issue));
    }
    if state.db.member_by_email(email).await?.is_some() {
        return Err(ApiError::field("email", Issue::Taken));
    }
    if state.db.recent_invitations(me.id, chrono::Duration::hours(1)).await? >= INVITATIONS_PER_HOUR {
        return Err(ApiError::RateLimited { retry_after_secs: 3600 });
    }
    let community = state.db.community().await?.ok_or(ApiError::NotFound)?;
    let locale = request.locale.unwrap_or(community.default_locale);
    let secret = tokens::random_token(32);
    let link = mail::app_link(&state.config.public_url, &format!("/register?invitation={secret}"));
    let letter = Letter::Invitation { inviter: &me.display_name, link };
    let mail = mail::compose(&letter, locale, &community.name, email);
    let expires_at = state
        .db
        .create_invitation(
            &secret,
            email,
            me.id,
            lifetimes::invitation(),
            &mail,
            &mail::domain_of(&state.config.public_url),
        )
        .await?;
    state.mail_queued.notify_one();
    Ok((StatusCode::CREATED, Json(Invitation { email: email.to_owned(), expires_at })))
}

/// The approval queue, oldest first; the cursor is the last id shown.
async fn registrations(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<PageQuery>,
) -> ApiResult<Json<Page<PendingRegistration>>> {
    viewer.require_staff("Only staff can see registrations waiting for approval.")?;
    let limit = page_limit(query.limit, DEFAULT_PAGE_LIMIT)?;
    let after = match query.cursor.as_deref() {
        None => 0,
        Some(cursor) => cursor.parse::<i64>().map_err(|_| ApiError::field("cursor", Issue::Invalid))?,
    };
    let (rows, more) = page_of(state.db.pending_registrations(after, limit + 1).await?, limit);
    let next_cursor = more.then(|| rows.last().map(|row| row.id.to_string())).flatten();
    Ok(Json(Page { items: rows.iter().map(|row| row.listing()).collect(), next_cursor, prev_cursor: None }))
}

/// Approve (the person becomes a member and is mailed a link that confirms the address) or
/// decline (the registration is deleted and the person told).
async fn decide(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<RegistrationDecisionRequest>,
) -> ApiResult<StatusCode> {
    viewer.require_staff("Only staff can decide registrations.")?;
    if request.decision == RegistrationDecision::Unknown {
        return Err(ApiError::field("decision", Issue::Invalid));
    }
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let registration = state.db.pending_registration(id).await?.ok_or(ApiError::NotFound)?;
    let locale = veche_api::Locale::from_tag(&registration.locale).unwrap_or_else(locale::current);
    let community = state.community_name().await?;
    let domain = mail::domain_of(&state.config.public_url);
    let decided = if request.decision == RegistrationDecision::Approve {
        let secret = tokens::random_token(32);
        let link = mail::app_link(&state.config.public_url, &format!("/account/confirm-email?token={secret}"));
        let letter =
            Letter::RegistrationApproved { name: &registration.display_name, handle: &registration.handle, link };
        let mail = mail::compose(&letter, locale, &community, &registration.email);
        let now = clock::now();
        let member = NewMember::newcomer(
            &registration.handle,
            &registration.display_name,
            &registration.email,
            &registration.password_hash,
            locale,
            &now,
        );
        let token = NewToken {
            secret: &secret,
            purpose: TokenPurpose::VerifyEmail,
            email: &registration.email,
            lifetime: lifetimes::verify_email(),
        };
        state.db.approve_registration(&registration, &member, &token, &mail, &domain).await?.is_some()
    } else {
        let mail = mail::compose(
            &Letter::RegistrationDeclined { name: &registration.display_name },
            locale,
            &community,
            &registration.email,
        );
        state.db.decline_registration(registration.id, &mail, &domain).await?
    };
    if !decided {
        return Err(ApiError::NotFound);
    }
    state.mail_queued.notify_one();
    Ok(StatusCode::NO_CONTENT)
}
