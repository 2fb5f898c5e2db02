use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use veche_api::auth::{
    Account, AccountUpdate, ChangeEmailRequest, ChangePasswordRequest, EmailConfirmed, ForgotPasswordRequest,
    LoginRequest, RegisterRequest, ResetPasswordRequest, Session, SessionInfo, SessionList, SessionsEnded,
    TokenRequest,
};
use veche_api::community::JoinPolicy;
use veche_api::validate::{self, Issue};

use crate::db::accounts::AddressTaken;
use crate::db::joining::{InvitationUse, NewRegistration};
use crate::db::{MemberRow, NewMember, NewToken, TokenPurpose, TokenUse};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::JsonBody;
use crate::http::locale;
use crate::http::session::{Viewer, cleared_session_cookie, session_cookie};
use crate::mail::{self, Letter, lifetimes};
use crate::routes::sign_in_providers::require_password_sign_in;
use crate::{clock, tokens};

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/auth/me", guard.wrap(get(me).patch(update_account)))
        .route("/auth/register", guard.wrap(post(register)))
        .route("/auth/login", guard.wrap(post(login)))
        .route("/auth/logout", guard.wrap(post(logout)))
        .route("/auth/email", guard.wrap(post(change_email)))
        .route("/auth/email/verification", guard.wrap(post(resend_verification)))
        .route("/auth/email/confirm", guard.wrap(post(confirm_email)))
        .route("/auth/password", guard.wrap(post(change_password)))
        .route("/auth/password/forgot", guard.wrap(post(forgot_password)))
        .route("/auth/password/reset", guard.wrap(post(reset_password)))
        .route("/auth/sessions", guard.wrap(get(sessions)))
        .route("/auth/sessions/end-others", guard.wrap(post(end_other_sessions)))
}

async fn me(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<Session>> {
    let account = match viewer.member.as_deref() {
        Some(member) => Some(account_of(&state, member).await?),
        None => None,
    };
    Ok(Json(Session { account, csrf_token: viewer.csrf_token }))
}

/// The member's account with the address a change waits to be confirmed at.
async fn account_of(state: &AppState, member: &MemberRow) -> ApiResult<Account> {
    let mut account = member.account();
    account.pending_email = state.db.pending_email(member.id).await?;
    Ok(account)
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
    Ok(Json(Session { account: Some(account_of(&state, &member).await?), csrf_token: viewer.csrf_token }))
}

async fn register(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    JsonBody(mut request): JsonBody<RegisterRequest>,
) -> ApiResult<Response> {
    require_password_sign_in(&state).await?;
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
    // An invitation lets its address in whatever the policy; without one the policy decides.
    let community = state.db.community().await?.ok_or(ApiError::NotFound)?;
    let invitation = request.invitation.as_deref().map(str::trim).filter(|token| !token.is_empty());
    if invitation.is_none() {
        match community.join_policy {
            JoinPolicy::Invitation => return Err(ApiError::Refused(veche_api::ProblemCode::InvitationRequired)),
            JoinPolicy::Domains
                if errors.get("email").is_none()
                    && !validate::email_domain_allowed(&request.email, &community.allowed_email_domains) =>
            {
                errors.add("email", Issue::DomainNotAllowed);
            }
            _ => {}
        }
    }
    errors.into_result().map_err(ApiError::Validation)?;

    let password_hash = tokens::hash_password(request.password.clone()).await?;
    let now = clock::now();
    let locale = request.locale.unwrap_or_else(locale::current);
    let new_member =
        NewMember::newcomer(&request.handle, &request.display_name, &request.email, &password_hash, locale, &now);
    if let Some(invitation) = invitation {
        let member_id = match state.db.join_by_invitation(invitation, &new_member).await? {
            InvitationUse::Joined(id) => id,
            InvitationUse::OtherAddress => return Err(ApiError::field("email", Issue::InvitationAddress)),
            InvitationUse::Taken => return Err(ApiError::field("handle", Issue::Taken)),
            InvitationUse::Expired => return Err(ApiError::Link(veche_api::ProblemCode::LinkExpired)),
            InvitationUse::AlreadyUsed => return Err(ApiError::Link(veche_api::ProblemCode::LinkUsed)),
            InvitationUse::Unknown => return Err(ApiError::Link(veche_api::ProblemCode::LinkInvalid)),
        };
        let member = state.db.member_by_id(member_id).await?.ok_or(ApiError::NotFound)?;
        return start_session(&state, &viewer, &headers, &member, StatusCode::CREATED).await;
    }
    if community.join_policy == JoinPolicy::Approval {
        let registration = NewRegistration {
            handle: &request.handle,
            display_name: &request.display_name,
            email: &request.email,
            password_hash: &password_hash,
            locale,
        };
        if !state.db.request_registration(&registration).await? {
            return Err(ApiError::field("handle", Issue::Taken));
        }
        // Not signed in: the registration waits for staff.
        let session = Session { account: None, csrf_token: viewer.csrf_token.clone() };
        return Ok((StatusCode::ACCEPTED, Json(session)).into_response());
    }
    let secret = tokens::random_token(32);
    let letter = Letter::VerifyEmail {
        name: request.display_name.trim(),
        email: request.email.trim(),
        link: confirm_link(&state, &secret),
    };
    let mail = mail::compose(&letter, locale, &state.community_name().await?, request.email.trim());
    let token = NewToken {
        secret: &secret,
        purpose: TokenPurpose::VerifyEmail,
        email: request.email.trim(),
        lifetime: lifetimes::verify_email(),
    };
    let member = state
        .db
        .insert_member_with_mail(&new_member, &token, &mail, &mail_domain(&state))
        .await?
        .ok_or_else(|| ApiError::field("handle", Issue::Taken))?;
    state.mail_queued.notify_one();
    start_session(&state, &viewer, &headers, &member, StatusCode::CREATED).await
}

async fn login(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    JsonBody(request): JsonBody<LoginRequest>,
) -> ApiResult<Response> {
    require_password_sign_in(&state).await?;
    validate::login(&request).into_result().map_err(ApiError::Validation)?;
    let member = state.db.member_by_login(&request.login).await?;
    // Verify against a fixed hash when there is no such member, so timing does not tell.
    let stored_hash = member.as_ref().map(|m| m.password_hash.clone()).unwrap_or_else(|| tokens::DUMMY_HASH.to_owned());
    let matches = tokens::verify_password(request.password.clone(), stored_hash).await?;
    match member {
        Some(member) if matches => start_session(&state, &viewer, &headers, &member, StatusCode::OK).await,
        Some(_) => Err(ApiError::InvalidCredentials),
        None => {
            // Someone whose registration waits for approval learns that, given their password.
            if let Some(waiting) = state.db.pending_registration_by_login(&request.login).await?
                && tokens::verify_password(request.password.clone(), waiting.password_hash).await?
            {
                return Err(ApiError::Refused(veche_api::ProblemCode::ApprovalPending));
            }
            Err(ApiError::InvalidCredentials)
        }
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
    headers: &HeaderMap,
    member: &MemberRow,
    status: StatusCode,
) -> ApiResult<Response> {
    if let Some(previous) = &viewer.session_token {
        state.db.delete_session(previous).await?;
    }
    let (token, csrf_token) = state.db.create_session(member.id, user_agent(headers)).await?;
    session_answer(state, member, &token, csrf_token, status).await
}

/// A session answer that sets `token` as this browser's cookie.
async fn session_answer(
    state: &AppState,
    member: &MemberRow,
    token: &str,
    csrf_token: String,
    status: StatusCode,
) -> ApiResult<Response> {
    let session = Session { account: Some(account_of(state, member).await?), csrf_token };
    Ok((status, [(header::SET_COOKIE, session_cookie(token, state.config.secure_cookies()))], Json(session))
        .into_response())
}

fn user_agent(headers: &HeaderMap) -> &str {
    headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("")
}

fn mail_domain(state: &AppState) -> String {
    mail::domain_of(&state.config.public_url)
}

fn confirm_link(state: &AppState, secret: &str) -> String {
    mail::app_link(&state.config.public_url, &format!("/account/confirm-email?token={secret}"))
}

/// Makes a single-use link for `purpose` to `email`, has `letters` write the mails that carry it
/// (each with its recipient), and stores the link with its mails in one transaction.
async fn mail_link<'a>(
    state: &AppState,
    member: &MemberRow,
    purpose: TokenPurpose,
    email: &str,
    letters: impl FnOnce(String) -> Vec<(Letter<'a>, &'a str)>,
) -> ApiResult<()> {
    let secret = tokens::random_token(32);
    let (link, lifetime) = match purpose {
        TokenPurpose::VerifyEmail => (confirm_link(state, &secret), lifetimes::verify_email()),
        TokenPurpose::ChangeEmail => (confirm_link(state, &secret), lifetimes::change_email()),
        TokenPurpose::ResetPassword => (
            mail::app_link(&state.config.public_url, &format!("/account/reset-password?token={secret}")),
            lifetimes::reset_password(),
        ),
    };
    let community = state.community_name().await?;
    let mails: Vec<_> = letters(link)
        .iter()
        .map(|(letter, recipient)| mail::compose(letter, member_locale(member), &community, recipient))
        .collect();
    let token = NewToken { secret: &secret, purpose, email, lifetime };
    state.db.create_token_with_mail(member.id, &token, &mails, &mail_domain(state)).await?;
    state.mail_queued.notify_one();
    Ok(())
}

/// How many links of one kind a member may be sent per hour (the rest are silently not sent,
/// so a form cannot be used to flood someone's mailbox).
const LINKS_PER_HOUR: i64 = 3;

async fn resend_verification(State(state): State<AppState>, viewer: Viewer) -> ApiResult<StatusCode> {
    let member = viewer.require()?;
    if member.email_verified_at.is_some() {
        return Err(ApiError::Conflict("This address is already confirmed.".into()));
    }
    let recent = state.db.recent_tokens(member.id, TokenPurpose::VerifyEmail, chrono::Duration::hours(1)).await?;
    if recent >= LINKS_PER_HOUR {
        return Err(ApiError::RateLimited { retry_after_secs: 3600 });
    }
    mail_link(&state, member, TokenPurpose::VerifyEmail, &member.email, |link| {
        vec![(Letter::VerifyEmail { name: &member.display_name, email: &member.email, link }, &member.email)]
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A change that needs the current password: a wrong one is an error beside its field.
async fn check_current_password(
    errors: &mut validate::FieldErrors,
    member: &MemberRow,
    password: &str,
) -> ApiResult<()> {
    if errors.get("current_password").is_none()
        && !tokens::verify_password(password.to_owned(), member.password_hash.clone()).await?
    {
        errors.add("current_password", Issue::WrongPassword);
    }
    Ok(())
}

fn member_locale(member: &MemberRow) -> veche_api::Locale {
    veche_api::Locale::from_tag(&member.locale).unwrap_or_default()
}

/// A mailed link that cannot be used, as the problem the app explains.
fn link_refusal(outcome: &TokenUse) -> ApiError {
    match outcome {
        TokenUse::Expired => ApiError::Link(veche_api::ProblemCode::LinkExpired),
        TokenUse::AlreadyUsed => ApiError::Link(veche_api::ProblemCode::LinkUsed),
        _ => ApiError::Link(veche_api::ProblemCode::LinkInvalid),
    }
}

async fn confirm_email(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<TokenRequest>,
) -> ApiResult<Json<EmailConfirmed>> {
    match state.db.confirm_email(request.token.trim()).await? {
        Ok(TokenUse::Used { email, .. }) => Ok(Json(EmailConfirmed { email })),
        Ok(other) => Err(link_refusal(&other)),
        Err(AddressTaken) => Err(ApiError::field("email", Issue::Taken)),
    }
}

async fn change_email(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<ChangeEmailRequest>,
) -> ApiResult<StatusCode> {
    let member = viewer.require()?;
    let mut errors = validate::email_change(&request);
    let new_email = request.email.trim();
    if errors.get("email").is_none() {
        if new_email.eq_ignore_ascii_case(&member.email) {
            errors.add("email", Issue::Invalid);
        } else if state.db.member_by_email(new_email).await?.is_some() {
            errors.add("email", Issue::Taken);
        }
    }
    check_current_password(&mut errors, member, &request.current_password).await?;
    errors.into_result().map_err(ApiError::Validation)?;
    let recent = state.db.recent_tokens(member.id, TokenPurpose::ChangeEmail, chrono::Duration::hours(1)).await?;
    if recent >= LINKS_PER_HOUR {
        return Err(ApiError::RateLimited { retry_after_secs: 3600 });
    }
    let account_link = mail::app_link(&state.config.public_url, "/account");
    mail_link(&state, member, TokenPurpose::ChangeEmail, new_email, |link| {
        vec![
            (Letter::ConfirmNewEmail { name: &member.display_name, email: new_email, link }, new_email),
            (
                Letter::EmailChangeNotice {
                    name: &member.display_name,
                    handle: &member.handle,
                    new_email,
                    account_link,
                },
                &member.email,
            ),
        ]
    })
    .await?;
    Ok(StatusCode::ACCEPTED)
}

async fn change_password(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(request): JsonBody<ChangePasswordRequest>,
) -> ApiResult<Json<Session>> {
    let member = viewer.require()?;
    let mut errors = validate::password_change(&request);
    check_current_password(&mut errors, member, &request.current_password).await?;
    errors.into_result().map_err(ApiError::Validation)?;
    let password_hash = tokens::hash_password(request.new_password.clone()).await?;
    let keep = viewer.session_token.as_deref().ok_or(ApiError::Unauthorized)?;
    state.db.change_password(member.id, &password_hash, keep).await?;
    Ok(Json(Session { account: Some(account_of(&state, member).await?), csrf_token: viewer.csrf_token.clone() }))
}

/// Always the same answer, whether or not an account uses the address: the form must not tell
/// who is a member.
async fn forgot_password(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<ForgotPasswordRequest>,
) -> ApiResult<StatusCode> {
    require_password_sign_in(&state).await?;
    if let Some(issue) = validate::email(&request.email) {
        return Err(ApiError::field("email", issue));
    }
    if let Some(member) = state.db.member_by_email(&request.email).await? {
        let recent = state.db.recent_tokens(member.id, TokenPurpose::ResetPassword, chrono::Duration::hours(1)).await?;
        if recent < LINKS_PER_HOUR {
            mail_link(&state, &member, TokenPurpose::ResetPassword, &member.email, |link| {
                vec![(
                    Letter::ResetPassword { name: &member.display_name, handle: &member.handle, link },
                    &member.email,
                )]
            })
            .await?;
        } else {
            tracing::warn!(member = member.id, "password reset asked for too often; no mail sent");
        }
    }
    Ok(StatusCode::ACCEPTED)
}

async fn reset_password(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ResetPasswordRequest>,
) -> ApiResult<Response> {
    require_password_sign_in(&state).await?;
    validate::password_reset(&request).into_result().map_err(ApiError::Validation)?;
    let password_hash = tokens::hash_password(request.password.clone()).await?;
    if let Some(previous) = &viewer.session_token {
        state.db.delete_session(previous).await?;
    }
    let (outcome, session) =
        state.db.reset_password(request.token.trim(), &password_hash, user_agent(&headers)).await?;
    let Some((member_id, token, csrf_token)) = session else {
        return Err(link_refusal(&outcome));
    };
    let member = state.db.member_by_id(member_id).await?.ok_or(ApiError::NotFound)?;
    session_answer(&state, &member, &token, csrf_token, StatusCode::OK).await
}

async fn sessions(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<SessionList>> {
    let member = viewer.require()?;
    let current = viewer.session_token.as_deref().map(|token| tokens::sha256_hex(token.as_bytes()));
    let items = state
        .db
        .sessions_of(member.id)
        .await?
        .into_iter()
        .map(|session| SessionInfo {
            current: current.as_deref() == Some(session.token_hash.as_str()),
            id: session.id,
            user_agent: session.user_agent,
            created_at: session.created_at,
            last_seen_at: session.last_seen_at,
        })
        .collect();
    Ok(Json(SessionList { items }))
}

async fn end_other_sessions(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<SessionsEnded>> {
    let member = viewer.require()?;
    let keep = viewer.session_token.as_deref().ok_or(ApiError::Unauthorized)?;
    let ended = state.db.end_other_sessions(member.id, keep).await?;
    Ok(Json(SessionsEnded { ended }))
}
