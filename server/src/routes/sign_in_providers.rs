//! Sign-in through the company's identity provider (OpenID Connect). `GET /auth/providers` tells
//! the app the ways in; `/auth/oidc/{id}/start` sends the browser to the provider; the provider
//! sends it back to `/auth/oidc/{id}/callback`, which signs the member in — creating the member
//! at their first sign-in, or linking the member whose address the provider confirmed — and
//! sends the browser on to the app. Whatever goes wrong, the browser lands on the app's sign-in
//! page with `sign_in_error=<code>`, which the app explains.
//!
//! A sign-in is bound to the browser that started it (a short-lived cookie whose hash is kept
//! with the state), so a link to the callback made in someone else's browser signs nobody in.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use veche_api::Locale;
use veche_api::auth::{SignInError, SignInOptions, SignInProvider};
use veche_api::member::{Access, CommunityRole};
use veche_api::validate;

use crate::db::identities::{PendingSignIn, SignInLookup};
use crate::db::{MemberRow, NewMember};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::locale;
use crate::http::rate_limit::{Bucket, ClientAddress};
use crate::http::session::{Viewer, cookie_value, session_cookie};
use crate::oidc::{Failure, Identity, Provider, SignInWays};
use crate::{clock, mail, tokens};

/// The cookie that ties a sign-in to the browser that started it.
const BROWSER_COOKIE: &str = "veche_sign_in";

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/auth/providers", guard.wrap(get(providers)))
        .route("/auth/oidc/{provider}/start", guard.wrap(get(start)))
        .route("/auth/oidc/{provider}/callback", guard.wrap(get(callback)))
}

async fn providers(State(state): State<AppState>) -> ApiResult<Json<SignInOptions>> {
    let ways = sign_in_ways(&state).await?;
    let providers = ways
        .provider
        .iter()
        .map(|provider| SignInProvider {
            id: provider.id.to_owned(),
            label: provider.label.clone().unwrap_or_else(|| default_label(locale::current()).to_owned()),
            start_url: mail::app_link(&state.config.public_url, &format!("/api/v1/auth/oidc/{}/start", provider.id)),
        })
        .collect();
    Ok(Json(SignInOptions { password: ways.password, providers }))
}

/// How members sign in now: as the server's environment fixes it, or as staff saved it (read
/// at each sign-in, so a change counts at once, on every instance).
pub async fn sign_in_ways(state: &AppState) -> ApiResult<Arc<SignInWays>> {
    if let Some(fixed) = &state.sign_in_fixed {
        return Ok(fixed.clone());
    }
    let saved = state.db.sign_in_settings().await?;
    let provider = match &saved.provider {
        Some(config) => Some(Arc::new(Provider::new(config, &state.config.public_url, state.oidc_http.clone())?)),
        None => None,
    };
    Ok(Arc::new(SignInWays { password: saved.password, provider }))
}

/// The button's words when staff gave none: "Sign in with …" / "Войти через …".
fn default_label(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "корпоративную учётную запись",
        _ => "your organisation's account",
    }
}

/// Refuses password sign-in, sign-up and resets where the identity provider is the only way in.
pub async fn require_password_sign_in(state: &AppState) -> ApiResult<()> {
    if sign_in_ways(state).await?.password {
        Ok(())
    } else {
        Err(ApiError::Forbidden("Members of this community sign in through its identity provider."))
    }
}

async fn provider_named(state: &AppState, id: &str) -> ApiResult<Arc<Provider>> {
    sign_in_ways(state).await?.provider.clone().filter(|provider| provider.id == id).ok_or(ApiError::NotFound)
}

async fn start(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    ClientAddress(address): ClientAddress,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult<Response> {
    let provider = provider_named(&state, &provider).await?;
    state.limiter.take(address, Bucket::Auth).map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let next = safe_next(query.get("next").map(String::as_str));
    let start = match provider.start().await {
        Ok(start) => start,
        Err(failure) => return Ok(back_to_sign_in(&state, failure_code(&failure), &next)),
    };
    let browser = tokens::random_token(32);
    let pending = PendingSignIn {
        provider: provider.id.to_owned(),
        nonce: start.nonce,
        pkce_verifier: start.pkce_verifier,
        next,
    };
    state.db.start_sign_in(&start.state, &browser, &pending).await?;
    let mut response = see_other(&start.url);
    response.headers_mut().append(header::SET_COOKIE, browser_cookie(&browser, state.config.secure_cookies()));
    Ok(response)
}

async fn callback(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult<Response> {
    let provider = provider_named(&state, &provider).await?;
    let browser = cookie_value(&headers, BROWSER_COOKIE);
    let lookup = match query.get("state") {
        Some(sign_in) => state.db.take_sign_in(sign_in, browser).await?,
        None => SignInLookup::Unknown,
    };
    let pending = match lookup {
        SignInLookup::Found(pending) if pending.provider == provider.id => pending,
        SignInLookup::Expired => return Ok(back_to_sign_in(&state, SignInError::Expired, "/")),
        _ => return Ok(back_to_sign_in(&state, SignInError::StateInvalid, "/")),
    };
    if let Some(error) = query.get("error") {
        tracing::info!(error, description = query.get("error_description"), "the identity provider refused a sign-in");
        let code = if error == "access_denied" { SignInError::Cancelled } else { SignInError::ProviderRefused };
        return Ok(back_to_sign_in(&state, code, &pending.next));
    }
    let Some(code) = query.get("code") else {
        return Ok(back_to_sign_in(&state, SignInError::ProviderRefused, &pending.next));
    };
    let identity = match provider.finish(code, &pending.nonce, &pending.pkce_verifier).await {
        Ok(identity) => identity,
        Err(failure) => return Ok(back_to_sign_in(&state, failure_code(&failure), &pending.next)),
    };
    let member = match member_for(&state, &identity).await? {
        Ok(member) => member,
        Err(code) => return Ok(back_to_sign_in(&state, code, &pending.next)),
    };
    if let Some(previous) = &viewer.session_token {
        state.db.delete_session(previous).await?;
    }
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (token, _csrf) = state.db.create_session(member.id, user_agent).await?;
    let mut response = see_other(&mail::app_link(&state.config.public_url, &pending.next));
    let secure = state.config.secure_cookies();
    response.headers_mut().append(header::SET_COOKIE, session_cookie(&token, secure));
    response.headers_mut().append(header::SET_COOKIE, browser_cookie("", secure));
    Ok(response)
}

/// The member a provider account signs in as: linked before, or the member whose address the
/// provider confirmed, or a new member.
async fn member_for(state: &AppState, identity: &Identity) -> ApiResult<Result<MemberRow, SignInError>> {
    let Some(email) = identity.email.as_deref().map(str::trim).filter(|email| validate::email(email).is_none()) else {
        return Ok(match state.db.member_by_identity(&identity.issuer, &identity.subject).await? {
            Some(member) => Ok(member),
            None => Err(SignInError::EmailMissing),
        });
    };
    let mut new_member = None;
    // A second sign-in of the same account at the same moment (a double click) may create or
    // link the member first: then this one finds it on the next round.
    for attempt in 0..20 {
        if let Some(member) = state.db.member_by_identity(&identity.issuer, &identity.subject).await? {
            return Ok(Ok(member));
        }
        // An address the provider has not confirmed could be anybody's: it neither opens an
        // existing account nor makes a new one.
        if !identity.email_verified {
            return Ok(Err(SignInError::EmailUnverified));
        }
        if let Some(member) = state.db.member_by_email(email).await? {
            state.db.link_identity(member.id, &identity.issuer, &identity.subject, email).await?;
            tracing::info!(member = member.id, issuer = identity.issuer, "linked an identity provider account");
            return Ok(Ok(member));
        }
        let (base, display_name) = match &new_member {
            Some(known) => Clone::clone(known),
            None => {
                let base = handle_base(identity, email);
                let display_name = display_name(state, identity, &base).await?;
                new_member.insert((base, display_name)).clone()
            }
        };
        let handle = if attempt == 0 { base.clone() } else { numbered(&base, attempt + 1) };
        if state.db.taken(&handle, email).await?.0 {
            continue;
        }
        let locale = identity.locale.as_deref().and_then(Locale::from_tag).unwrap_or_else(locale::current);
        let now = clock::now();
        // Not a password anyone can give: this member signs in through the provider (or sets a
        // password with "forgot password").
        let password_hash = format!("!oidc:{}", tokens::random_token(16));
        let member = NewMember {
            handle: &handle,
            display_name: &display_name,
            email,
            password_hash: &password_hash,
            role: CommunityRole::Member,
            access: Access::Member,
            locale,
            position: None,
            company: None,
            created_at: &now,
        };
        if let Some(member) = state.db.insert_member_with_identity(&member, &identity.issuer, &identity.subject).await?
        {
            tracing::info!(
                member = member.id,
                issuer = identity.issuer,
                "a member joined through the identity provider"
            );
            return Ok(Ok(member));
        }
    }
    Err(ApiError::Conflict("No free handle was found for this account.".into()))
}

/// A handle from the provider's username or the address: lower-case letters, digits, `_` and
/// `-`, starting with a letter, 3 to 26 characters (room for a number).
fn handle_base(identity: &Identity, email: &str) -> String {
    let source = identity.preferred_username.as_deref().unwrap_or_else(|| email.split('@').next().unwrap_or(email));
    let mut handle: String = source
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' { c } else { '_' })
        .skip_while(|c| !c.is_ascii_lowercase())
        .take(26)
        .collect();
    while handle.len() < 3 {
        handle.insert_str(0, "member");
        handle.truncate(26);
    }
    handle
}

fn numbered(base: &str, number: usize) -> String {
    let suffix = number.to_string();
    let keep = base.len().min(30 - suffix.len());
    format!("{}{suffix}", &base[..keep])
}

/// The provider's name for the member when it is a name this community accepts; else the handle.
async fn display_name(state: &AppState, identity: &Identity, handle: &str) -> ApiResult<String> {
    if let Some(name) = identity.name.as_deref() {
        let name = validate::names::normalize(name);
        let acceptable = validate::name(&name, 2, validate::DISPLAY_NAME_MAX).is_none()
            && !state.db.imitates_staff(&name, None).await?;
        if acceptable {
            return Ok(name);
        }
    }
    Ok(handle.to_owned())
}

fn failure_code(failure: &Failure) -> SignInError {
    match failure {
        Failure::Unavailable(error) => {
            tracing::warn!(error = %format!("{error:#}"), "the identity provider is unavailable");
            SignInError::ProviderUnavailable
        }
        Failure::Refused(error) => {
            tracing::warn!(error = %format!("{error:#}"), "a sign-in through the identity provider was refused");
            SignInError::ProviderRefused
        }
    }
}

/// An address of the app to return to: a path on this site, never another site.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(next)
            if next.starts_with('/')
                && !next.starts_with("//")
                && !next.contains('\\')
                && next.len() <= 2048
                && !next.chars().any(char::is_control) =>
        {
            next.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn back_to_sign_in(state: &AppState, error: SignInError, next: &str) -> Response {
    let path = format!("/signin?sign_in_error={}&next={}", error.as_str(), encode(next));
    see_other(&mail::app_link(&state.config.public_url, &path))
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(location) => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, location), (header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        )
            .into_response(),
        Err(_) => ApiError::Internal(anyhow::anyhow!("a redirect address that is not a header value")).into_response(),
    }
}

/// The browser-binding cookie (empty: cleared), only sent back to the callback.
fn browser_cookie(value: &str, secure: bool) -> HeaderValue {
    let max_age = if value.is_empty() { 0 } else { crate::db::identities::sign_in_lifetime().num_seconds() };
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{BROWSER_COOKIE}={value}; Path=/api/v1/auth/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("tokens are URL-safe base64")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(username: Option<&str>) -> Identity {
        Identity {
            issuer: "https://login.example".into(),
            subject: "1".into(),
            email: Some("x@example.org".into()),
            email_verified: true,
            name: None,
            preferred_username: username.map(str::to_owned),
            locale: None,
        }
    }

    #[test]
    fn handles_follow_the_handle_rules() {
        for (username, email) in [
            (Some("Ada.Lovelace"), "a@b.c"),
            (None, "9.ivan.petrov+news@corp.example"),
            (Some("Борис"), "b@corp.example"),
            (Some("x"), "x@corp.example"),
            (Some(&*"long".repeat(20)), "l@corp.example"),
        ] {
            let base = handle_base(&identity(username), email);
            assert_eq!(validate::handle(&base), None, "{username:?} {email} → {base}");
            assert_eq!(validate::handle(&numbered(&base, 17)), None, "{base} numbered");
        }
        assert_eq!(handle_base(&identity(Some("Ada.Lovelace")), "a@b.c"), "ada_lovelace");
    }

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        assert_eq!(safe_next(Some("/threads/2?x=1")), "/threads/2?x=1");
        for bad in ["https://evil.example/", "//evil.example/", "/\\evil.example", "threads", "/a\nb"] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
