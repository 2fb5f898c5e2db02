use veche_api::auth::{AccountUpdate, LoginRequest, RegisterRequest, Session};

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
