//! Who is asking: the session cookie resolved once per request, and the CSRF check every unsafe
//! method must pass.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use veche_api::CSRF_HEADER;

use super::AppState;
use super::error::ApiError;
use crate::db::visibility::Reader;
use crate::db::{MemberRow, SESSION_DAYS};
use crate::tokens;

pub const SESSION_COOKIE: &str = "veche_session";

/// The caller: a signed-in member or a guest, and the CSRF token that goes with them.
#[derive(Clone)]
pub struct Viewer {
    pub member: Option<Arc<MemberRow>>,
    pub csrf_token: String,
    /// The cookie's token, to end this session on sign-out.
    pub session_token: Option<String>,
    /// When this session began (the member signed in), for operations that need a recent sign-in.
    pub signed_in_at: Option<String>,
}

impl Viewer {
    /// The signed-in member, or 401.
    pub fn require(&self) -> Result<&MemberRow, ApiError> {
        self.member.as_deref().ok_or(ApiError::Unauthorized)
    }

    /// A signed-in staff member, or 401 for a guest and 403 (saying `why`) for anyone else.
    pub fn require_staff(&self, why: &'static str) -> Result<&MemberRow, ApiError> {
        let me = self.require()?;
        if !me.access().is_staff() {
            return Err(ApiError::Forbidden(why));
        }
        Ok(me)
    }

    /// Who is reading, for the group rules (`access`, `db::visibility`).
    pub fn reader(&self) -> Reader {
        self.member.as_deref().map_or(Reader::GUEST, Reader::member)
    }

    pub fn member_id(&self) -> Option<i64> {
        self.member.as_ref().map(|m| m.id)
    }

    /// Whose idempotency keys these are: a member's own, or those of guests at one address
    /// (anonymous clients must not meet each other's keys).
    pub fn idempotency_scope(&self, address: IpAddr) -> String {
        match &self.member {
            Some(member) => format!("member:{}", member.id),
            None => format!("guest:{address}"),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("session middleware not installed")))
    }
}

/// The value of cookie `name` in a request's headers.
pub fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

async fn find_viewer(state: &AppState, headers: &HeaderMap) -> Result<Viewer, ApiError> {
    let token = cookie_value(headers, SESSION_COOKIE).map(str::to_owned);
    let session = match &token {
        Some(token) => state.db.session(token).await?,
        None => None,
    };
    Ok(match session {
        Some(session) => Viewer {
            member: Some(Arc::new(session.member)),
            csrf_token: session.csrf_token,
            session_token: token,
            signed_in_at: Some(session.created_at),
        },
        None => guest(state),
    })
}

fn guest(state: &AppState) -> Viewer {
    Viewer { member: None, csrf_token: state.guest_csrf_token.to_string(), session_token: None, signed_in_at: None }
}

fn sent_csrf(headers: &HeaderMap) -> Option<&str> {
    headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok())
}

/// Resolves the session and refuses unsafe methods without the right `X-CSRF-Token`.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let viewer = match find_viewer(&state, request.headers()).await {
        Ok(viewer) => viewer,
        Err(error) => return error.into_response(),
    };
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !tokens::constant_time_eq(sent_csrf(request.headers()).unwrap_or(""), &viewer.csrf_token) {
        return ApiError::Csrf.into_response();
    }
    if unsafe_method && let Err(refusal) = check_confirmed(&state, &viewer, request.uri().path()).await {
        return refusal.into_response();
    }
    request.extensions_mut().insert(viewer);
    next.run(request).await
}

/// Writes an unconfirmed member may still make when the community asks for a confirmed address
/// first: everything about their own account (confirming it, a new link, signing out), and
/// marking their notifications read.
fn open_to_unconfirmed(path: &str) -> bool {
    path.contains("/auth/") || path.contains("/notifications")
}

/// 403 `email_unconfirmed` for a write of a member who has not confirmed their address, when the
/// community requires it.
async fn check_confirmed(state: &AppState, viewer: &Viewer, path: &str) -> Result<(), ApiError> {
    let Some(member) = viewer.member.as_deref() else { return Ok(()) };
    if member.email_verified_at.is_some() || open_to_unconfirmed(path) {
        return Ok(());
    }
    if state.db.email_confirmation_required().await? {
        return Err(ApiError::Refused(veche_api::ProblemCode::EmailUnconfirmed));
    }
    Ok(())
}

/// For paths anyone may write to without a session (survey answers from a frame on another
/// site, whose cookies the browser may or may not send): a guest needs no token, and a session
/// counts only together with its `X-CSRF-Token`: without the header the request is a guest's,
/// with a wrong one it is refused. So a forged request can never act as the member.
pub async fn resolve_open(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let viewer = match find_viewer(&state, request.headers()).await {
        Ok(viewer) => viewer,
        Err(error) => return error.into_response(),
    };
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let viewer = match sent_csrf(request.headers()) {
        _ if viewer.member.is_none() || !unsafe_method => viewer,
        None => guest(&state),
        Some(sent) if tokens::constant_time_eq(sent, &viewer.csrf_token) => viewer,
        Some(_) => return ApiError::Csrf.into_response(),
    };
    request.extensions_mut().insert(viewer);
    next.run(request).await
}

/// `Set-Cookie` that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let max_age = SESSION_DAYS * 24 * 3600;
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("tokens are URL-safe base64")
}

/// `Set-Cookie` that ends it.
pub fn cleared_session_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"))
        .expect("static cookie")
}
