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
}

/// `GET /auth/me` and the answer to login/register: who is signed in (if anyone) and the token
/// to send in `X-CSRF-Token` on every unsafe request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub account: Option<Account>,
    pub csrf_token: String,
}
