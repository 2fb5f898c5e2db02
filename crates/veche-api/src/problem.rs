use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// The machine-readable `code` of an error answer.
    pub enum ProblemCode {
        BadRequest = "bad_request",
        ValidationFailed = "validation_failed",
        Unauthorized = "unauthorized",
        InvalidCredentials = "invalid_credentials",
        Forbidden = "forbidden",
        CsrfFailed = "csrf_failed",
        NotFound = "not_found",
        Conflict = "conflict",
        /// The thread is locked by a moderator: no new replies.
        Locked = "locked",
        /// Every vote of the member's budget is in use.
        VoteBudgetExhausted = "vote_budget_exhausted",
        /// The idea is closed (implemented, declined or merged).
        VotingClosed = "voting_closed",
        IdempotencyInProgress = "idempotency_in_progress",
        IdempotencyKeyReused = "idempotency_key_reused",
        PayloadTooLarge = "payload_too_large",
        UnsupportedMediaType = "unsupported_media_type",
        RateLimited = "rate_limited",
        /// The content belongs to a closed group the viewer is not a member of (see `group`).
        MembersOnly = "members_only",
        /// The server cannot take writes for a moment (its storage is full or busy); reads go on.
        /// Answered with 503 and `Retry-After`.
        Unavailable = "unavailable",
        /// A mailed link (confirm an address, reset a password) that is past its time.
        LinkExpired = "link_expired",
        /// A mailed link that was already used.
        LinkUsed = "link_used",
        /// A link no server made (mistyped, cut short or forged).
        LinkInvalid = "link_invalid",
        /// The community asks members to confirm their e-mail address before they post
        /// (`email_confirmation_required`); this member has not yet.
        EmailUnconfirmed = "email_unconfirmed",
        /// Joining is by invitation only, and the registration came without one.
        InvitationRequired = "invitation_required",
        /// The registration waits for staff approval: no signing in until then.
        ApprovalPending = "approval_pending",
        Internal = "internal",
    }
}

/// An error answer, `application/problem+json` (RFC 9457) with Veche's `code` and, for 422,
/// `errors`: field name → message for the person typing (in the request's `Accept-Language`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    /// With `members_only`: the group whose members may read the content. Written by servers;
    /// clients read it with [`crate::groups::MembersOnlyProblem`] where they show the gate, so
    /// every other error answer is read without it (the app's first load stays small).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub group: Option<crate::groups::GroupGate>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    pub fn new(status: u16, code: ProblemCode, title: impl Into<String>) -> Self {
        Problem {
            problem_type: about_blank(),
            title: title.into(),
            status,
            detail: None,
            code,
            errors: BTreeMap::new(),
            group: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// Media type of every error body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";
