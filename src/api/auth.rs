use veche_api::auth::{
    AccountUpdate, ChangeEmailRequest, ChangePasswordRequest, EmailConfirmed, ForgotPasswordRequest, LoginRequest,
    RegisterRequest, ResetPasswordRequest, Session, SessionList, SessionsEnded, SignInOptions, TokenRequest,
};

use super::client::{self, ApiResult, Method, Options};

/// Keeps the CSRF token of every session answer for the requests that follow.
fn remember(session: Session) -> Session {
    client::set_csrf_token(&session.csrf_token);
    session
}

pub async fn me() -> ApiResult<Session> {
    client::request::<Session, ()>(Method::Get, "/auth/me", None, Options::default()).await.map(remember)
}

pub async fn register(request: &RegisterRequest) -> ApiResult<Session> {
    client::request(Method::Post, "/auth/register", Some(request), Options::default()).await.map(remember)
}

pub async fn login(request: &LoginRequest) -> ApiResult<Session> {
    client::request(Method::Post, "/auth/login", Some(request), Options::default()).await.map(remember)
}

pub async fn logout() -> ApiResult<Session> {
    client::request::<Session, ()>(Method::Post, "/auth/logout", None, Options::default()).await.map(remember)
}

/// Changes the signed-in member's own settings (their language).
pub async fn update_account(update: &AccountUpdate) -> ApiResult<Session> {
    client::request(Method::Patch, "/auth/me", Some(update), Options::default()).await.map(remember)
}

/// Uses a mailed link that confirms an address; works signed in or not.
pub async fn confirm_email(token: &str) -> ApiResult<EmailConfirmed> {
    let request = TokenRequest { token: token.to_owned() };
    client::request(Method::Post, "/auth/email/confirm", Some(&request), Options::default()).await
}

/// Mails a new link that confirms the signed-in member's address.
pub async fn resend_verification() -> ApiResult<()> {
    client::request::<(), ()>(Method::Post, "/auth/email/verification", None, Options::default()).await
}

/// Mails a reset link to `email` if an account uses it (the answer does not say).
pub async fn forgot_password(request: &ForgotPasswordRequest) -> ApiResult<()> {
    client::request(Method::Post, "/auth/password/forgot", Some(request), Options::default()).await
}

/// Sets a new password with a mailed link; signs in this browser.
pub async fn reset_password(request: &ResetPasswordRequest) -> ApiResult<Session> {
    client::request(Method::Post, "/auth/password/reset", Some(request), Options::default()).await.map(remember)
}

pub async fn change_password(request: &ChangePasswordRequest) -> ApiResult<Session> {
    client::request(Method::Post, "/auth/password", Some(request), Options::default()).await.map(remember)
}

/// Asks to change the address; it changes once confirmed at the new one.
pub async fn change_email(request: &ChangeEmailRequest) -> ApiResult<()> {
    client::request(Method::Post, "/auth/email", Some(request), Options::default()).await
}

pub async fn sessions() -> ApiResult<SessionList> {
    client::request::<SessionList, ()>(Method::Get, "/auth/sessions", None, Options::default()).await
}

pub async fn end_other_sessions() -> ApiResult<SessionsEnded> {
    client::request::<SessionsEnded, ()>(Method::Post, "/auth/sessions/end-others", None, Options::default()).await
}

/// The ways to sign in: a password (unless switched off) and the identity providers.
pub async fn sign_in_options() -> ApiResult<SignInOptions> {
    client::request::<SignInOptions, ()>(Method::Get, "/auth/providers", None, Options::default()).await
}
