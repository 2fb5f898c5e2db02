use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use veche_api::auth::{AccountUpdate, LoginRequest, RegisterRequest, Session};
use veche_api::member::{Access, CommunityRole};
use veche_api::validate::{self, Issue};

use crate::db::{MemberRow, NewMember};
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::locale;
use crate::http::session::{Viewer, cleared_session_cookie, session_cookie};
use crate::state::AppState;
use crate::{clock, tokens};

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/auth/me", guard.wrap(get(me).patch(update_account)))
        .route("/auth/register", guard.wrap(post(register)))
        .route("/auth/login", guard.wrap(post(login)))
        .route("/auth/logout", guard.wrap(post(logout)))
}

async fn me(viewer: Viewer) -> Json<Session> {
    Json(Session { account: viewer.member.as_deref().map(MemberRow::account), csrf_token: viewer.csrf_token })
}

async fn update_account(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(update): JsonBody<AccountUpdate>,
) -> ApiResult<Json<Session>> {
    let member = viewer.require()?;
    if let Some(locale) = update.locale {
        state.db.set_member_locale(member.id, locale).await?;
    }
    let member = state.db.member_by_id(member.id).await?.ok_or(ApiError::Unauthorized)?;
    Ok(Json(Session { account: Some(member.account()), csrf_token: viewer.csrf_token }))
}

async fn register(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(mut request): JsonBody<RegisterRequest>,
) -> ApiResult<Response> {
    request.display_name = validate::names::normalize(&request.display_name);
    let mut errors = validate::registration(&request);
    if errors.get("display_name").is_none() && state.db.imitates_staff(&request.display_name, None).await? {
        errors.add("display_name", Issue::NameImitates);
    }
    if errors.is_empty() {
        let (handle_taken, email_taken) = state.db.taken(&request.handle, &request.email).await?;
        if handle_taken {
            errors.add("handle", Issue::Taken);
        }
        if email_taken {
            errors.add("email", Issue::Taken);
        }
    }
    errors.into_result().map_err(ApiError::Validation)?;

    let password_hash = hash_password(request.password.clone()).await?;
    let now = clock::now();
    let member = state
        .db
        .insert_member(&NewMember {
            handle: &request.handle,
            display_name: &request.display_name,
            email: &request.email,
            password_hash: &password_hash,
            role: CommunityRole::Member,
            access: Access::Member,
            locale: request.locale.unwrap_or_else(locale::current),
            position: None,
            company: None,
            created_at: &now,
        })
        .await?
        .ok_or_else(|| ApiError::field("handle", Issue::Taken))?;
    start_session(&state, &viewer, &member, StatusCode::CREATED).await
}

async fn login(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<LoginRequest>,
) -> ApiResult<Response> {
    validate::login(&request).into_result().map_err(ApiError::Validation)?;
    let member = state.db.member_by_login(&request.login).await?;
    // Verify against a fixed hash when there is no such member, so timing does not tell.
    let stored_hash = member.as_ref().map(|m| m.password_hash.clone()).unwrap_or_else(|| DUMMY_HASH.to_owned());
    let matches = verify_password(request.password.clone(), stored_hash).await?;
    match member {
        Some(member) if matches => start_session(&state, &viewer, &member, StatusCode::OK).await,
        _ => Err(ApiError::InvalidCredentials),
    }
}

async fn logout(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Response> {
    if let Some(token) = &viewer.session_token {
        state.db.delete_session(token).await?;
    }
    let session = Session { account: None, csrf_token: state.guest_csrf_token.to_string() };
    Ok(([(header::SET_COOKIE, cleared_session_cookie(state.config.secure_cookies()))], Json(session)).into_response())
}

/// Replaces any previous session of this browser with a new one for `member`.
async fn start_session(
    state: &AppState,
    viewer: &Viewer,
    member: &MemberRow,
    status: StatusCode,
) -> ApiResult<Response> {
    if let Some(previous) = &viewer.session_token {
        state.db.delete_session(previous).await?;
    }
    let (token, csrf_token) = state.db.create_session(member.id).await?;
    let session = Session { account: Some(member.account()), csrf_token };
    Ok((status, [(header::SET_COOKIE, session_cookie(&token, state.config.secure_cookies()))], Json(session))
        .into_response())
}

/// An argon2 hash of a password nobody has, for constant-time refusals.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9lR5hnkDvzXq+Ux1iHkjZSSfsB7nQhRs0jqQfd6tHZQ";

/// Argon2id with the crate's recommended parameters, off the async threads.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&tokens::random_bytes(16)).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("hashing: {e}"))
    })
    .await?
}

async fn verify_password(password: String, stored: String) -> anyhow::Result<bool> {
    Ok(tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
            .unwrap_or(false)
    })
    .await?)
}
