use serde::{Deserialize, Serialize};

use crate::Locale;
use crate::member::MemberSummary;

/// `POST /auth/register`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterRequest {
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub locale: Option<Locale>,
    /// The community charter must be accepted to join.
    pub accept_charter: bool,
    /// The token of the invitation link the person followed (joining by invitation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<String>,
}

/// `POST /auth/login`: `login` is the e-mail address or the handle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

/// `PATCH /auth/me`: change the signed-in member's own settings. Absent fields stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
}

/// The signed-in member's own account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub member: MemberSummary,
    pub email: String,
    #[serde(deserialize_with = "Locale::deserialize_or_default")]
    pub locale: Locale,
    /// Whether the member confirmed `email` through the link mailed to it.
    #[serde(default)]
    pub email_verified: bool,
    /// A new address waiting to be confirmed through the link mailed to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_email: Option<String>,
}

/// `GET /auth/me` and the answer to login/register: who is signed in (if anyone) and the token
/// to send in `X-CSRF-Token` on every unsafe request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub account: Option<Account>,
    pub csrf_token: String,
}

/// `POST /auth/email/confirm`: the token of a link mailed to confirm an address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TokenRequest {
    pub token: String,
}

/// The answer to `POST /auth/email/confirm`: the address that is now confirmed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmailConfirmed {
    pub email: String,
}

/// `POST /auth/password/forgot`: where to send a reset link (if an account uses it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ForgotPasswordRequest {
    pub email: String,
}

/// `POST /auth/password/reset`: the mailed link's token and the new password.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResetPasswordRequest {
    pub token: String,
    pub password: String,
}

/// `POST /auth/password`: change the password of the signed-in member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `POST /auth/email`: change the address; it takes effect once confirmed at the new address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeEmailRequest {
    pub email: String,
    pub current_password: String,
}

/// One place the member is signed in (`GET /auth/sessions`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: String,
    /// The browser's own description of itself (its `User-Agent`), as sent when signing in.
    pub user_agent: String,
    pub created_at: String,
    pub last_seen_at: String,
    /// This is the session of the browser asking.
    pub current: bool,
}

/// `GET /auth/sessions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionList {
    pub items: Vec<SessionInfo>,
}

/// The answer to `POST /auth/sessions/end-others`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionsEnded {
    pub ended: u64,
}

/// `GET /admin/sign-in`: how members sign in, as staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInSettings {
    /// `false`: the server's own configuration fixes these settings; a change answers 409.
    pub editable: bool,
    /// Whether members sign in and join with a password.
    pub password: bool,
    #[serde(default)]
    pub provider: Option<ProviderSettings>,
    /// The address to register at the provider as the community's redirect URI.
    pub redirect_url: String,
}

/// The identity provider of [`SignInSettings`]; the client secret is never sent back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderSettings {
    pub issuer: String,
    pub client_id: String,
    pub has_secret: bool,
    #[serde(default)]
    pub label: Option<String>,
    pub trust_email: bool,
}

/// `PUT /admin/sign-in`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInSettingsChange {
    pub password: bool,
    #[serde(default)]
    pub provider: Option<ProviderSettingsChange>,
}

/// The provider of [`SignInSettingsChange`]: an empty or missing secret keeps the saved one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderSettingsChange {
    pub issuer: String,
    pub client_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub trust_email: bool,
}

impl ProviderSettingsChange {
    /// The new secret, if one was given.
    pub fn new_secret(&self) -> Option<&str> {
        self.client_secret.as_deref().map(str::trim).filter(|secret| !secret.is_empty())
    }

    /// The button's words, if any were given.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref().map(str::trim).filter(|label| !label.is_empty())
    }
}

/// `GET /auth/providers`: the ways to sign in this community offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// Whether members sign in (and join) with a password; `false` when an identity provider is
    /// the only way in.
    pub password: bool,
    #[serde(default)]
    pub providers: Vec<SignInProvider>,
}

/// An identity provider members can sign in with (OpenID Connect).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignInProvider {
    pub id: String,
    /// The button's words, in the request's language when the server has them in it.
    pub label: String,
    /// Where the browser goes to sign in; clients add `next` (an address of the app to come
    /// back to) as a query parameter.
    pub start_url: String,
}

crate::open_enum! {
    /// Why a sign-in through an identity provider did not finish: the server sends the browser
    /// back to the app's `/signin?sign_in_error=<code>`.
    pub enum SignInError {
        /// The sign-in was not started in this browser, or was already finished.
        StateInvalid = "state_invalid",
        /// The sign-in took longer than a few minutes; start again.
        Expired = "expired",
        /// The member cancelled at the provider.
        Cancelled = "cancelled",
        /// The provider refused the sign-in or its answer did not check out.
        ProviderRefused = "provider_refused",
        /// The provider could not be reached.
        ProviderUnavailable = "provider_unavailable",
        /// The provider has not confirmed the member's e-mail address.
        EmailUnverified = "email_unverified",
        /// The provider gave no e-mail address.
        EmailMissing = "email_missing",
    }
}
