use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use veche_api::problem::PROBLEM_CONTENT_TYPE;
use veche_api::validate::FieldErrors;
use veche_api::{Problem, ProblemCode};

use super::locale;

/// Every way a request can fail, answered as `application/problem+json`.
#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    /// 422 with the field → message map, in the request's language.
    Validation(FieldErrors),
    Unauthorized,
    InvalidCredentials,
    Forbidden(&'static str),
    /// 403 with its own code: `email_unconfirmed`, `invitation_required`, `approval_pending`.
    Refused(ProblemCode),
    /// 403 `members_only`: the content is in a closed group; tells which, never the content.
    MembersOnly(veche_api::groups::GroupGate),
    Csrf,
    NotFound,
    Conflict(String),
    /// 409 with a specific code (a vote budget used up, voting closed…).
    ConflictCode(ProblemCode, String),
    /// The thread is locked: no new replies.
    Locked,
    IdempotencyInProgress,
    IdempotencyKeyReused,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// 415 for an upload that is not a PNG, JPEG, GIF or WebP.
    NotAPicture,
    MethodNotAllowed,
    RateLimited {
        retry_after_secs: u64,
    },
    /// 503: the database cannot take the write now (disk full, or another write held it too
    /// long); nothing was written, the same request can be sent again after `Retry-After`.
    Unavailable(Storage),
    /// A mailed link that cannot be used: `link_expired` or `link_used` (410), `link_invalid` (404).
    Link(ProblemCode),
    Internal(anyhow::Error),
}

/// Why the database refused a write for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// SQLite's `SQLITE_BUSY`/`SQLITE_LOCKED`: other writes held the database past the wait.
    Busy,
    /// `SQLITE_FULL`: the disk (or the file's quota) is full.
    Full,
}

impl Storage {
    /// The trouble an error comes from, if it is one that passes by itself.
    pub fn of(error: &anyhow::Error) -> Option<Storage> {
        error.chain().find_map(|cause| cause.downcast_ref::<sqlx::Error>()).and_then(Self::of_sqlx)
    }

    fn of_sqlx(error: &sqlx::Error) -> Option<Storage> {
        let code: i32 = error.as_database_error()?.code()?.parse().ok()?;
        // Extended result codes keep the primary code in their low byte.
        match code & 0xff {
            5 | 6 => Some(Storage::Busy),
            13 => Some(Storage::Full),
            _ => None,
        }
    }

    fn retry_after_secs(self) -> u64 {
        match self {
            Storage::Busy => 1,
            Storage::Full => 30,
        }
    }
}

impl From<crate::access::Refusal> for ApiError {
    fn from(refusal: crate::access::Refusal) -> Self {
        use crate::access::Refusal;
        match refusal {
            Refusal::NotFound => ApiError::NotFound,
            Refusal::MembersOnly(gate) => ApiError::MembersOnly(gate),
            Refusal::Forbidden(why) => ApiError::Forbidden(why),
            Refusal::NoSuchGroup => ApiError::field("group", veche_api::validate::Issue::NotFound),
            Refusal::Failed(error) => ApiError::from(error),
        }
    }
}

impl ApiError {
    /// A single-field validation failure.
    pub fn field(field: &str, issue: veche_api::validate::Issue) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, issue);
        ApiError::Validation(errors)
    }

    /// The answer's problem body, its reason in the request's language where the server has
    /// that language's words for it.
    pub fn problem(&self) -> Problem {
        let mut problem = self.english_problem();
        if locale::current() == veche_api::Locale::Ru
            && let Some(russian) = problem.detail.as_deref().and_then(super::details_ru::russian)
        {
            problem.detail = Some(russian);
        }
        problem
    }

    fn english_problem(&self) -> Problem {
        use ApiError::*;
        match self {
            BadRequest(detail) => Problem::new(400, ProblemCode::BadRequest, "Bad request").with_detail(detail.clone()),
            Validation(errors) => {
                let mut problem = Problem::new(422, ProblemCode::ValidationFailed, "Some fields need attention");
                problem.errors = errors.messages(locale::current());
                problem
            }
            Unauthorized => Problem::new(401, ProblemCode::Unauthorized, "Sign in to do this"),
            InvalidCredentials => {
                Problem::new(401, ProblemCode::InvalidCredentials, "Wrong e-mail, handle or password")
            }
            Forbidden(detail) => Problem::new(403, ProblemCode::Forbidden, "Not allowed").with_detail(*detail),
            Refused(ProblemCode::EmailUnconfirmed) => {
                Problem::new(403, ProblemCode::EmailUnconfirmed, "Confirm your e-mail address first").with_detail(
                    "This community asks members to confirm their e-mail address before posting. Open the link \
                     mailed to you, or ask for a new one (POST /auth/email/verification).",
                )
            }
            Refused(ProblemCode::InvitationRequired) => {
                Problem::new(403, ProblemCode::InvitationRequired, "Joining is by invitation only")
                    .with_detail("Follow the link of an invitation mailed to you by the community's staff.")
            }
            Refused(code) => Problem::new(403, *code, "Your registration waits for approval")
                .with_detail("Staff have not decided yet; you get an e-mail either way."),
            MembersOnly(gate) => {
                let mut problem = Problem::new(403, ProblemCode::MembersOnly, "Members only")
                    .with_detail(format!("This content is available to members of {}.", gate.group.name));
                problem.group = Some(gate.clone());
                problem
            }
            Csrf => Problem::new(403, ProblemCode::CsrfFailed, "Missing or stale X-CSRF-Token")
                .with_detail("Fetch /auth/me and send its csrf_token in the X-CSRF-Token header."),
            NotFound => Problem::new(404, ProblemCode::NotFound, "Not found"),
            Conflict(detail) => Problem::new(409, ProblemCode::Conflict, "Conflict").with_detail(detail.clone()),
            ConflictCode(code, detail) => Problem::new(409, *code, "Conflict").with_detail(detail.clone()),
            Locked => Problem::new(409, ProblemCode::Locked, "This thread is locked")
                .with_detail("A moderator locked this thread; it takes no new replies."),
            IdempotencyInProgress => Problem::new(
                409,
                ProblemCode::IdempotencyInProgress,
                "The first request with this Idempotency-Key is still running",
            ),
            IdempotencyKeyReused => Problem::new(
                422,
                ProblemCode::IdempotencyKeyReused,
                "This Idempotency-Key was used for a different request",
            ),
            PayloadTooLarge => Problem::new(413, ProblemCode::PayloadTooLarge, "The request body is too large"),
            UnsupportedMediaType => {
                Problem::new(415, ProblemCode::UnsupportedMediaType, "Send the body as application/json")
            }
            NotAPicture => Problem::new(415, ProblemCode::UnsupportedMediaType, "Send a picture: PNG, JPEG, GIF or WebP"),
            MethodNotAllowed => Problem::new(405, ProblemCode::BadRequest, "Method not allowed"),
            RateLimited { .. } => Problem::new(429, ProblemCode::RateLimited, "Too many requests; try again later"),
            Unavailable(Storage::Busy) => Problem::new(503, ProblemCode::Unavailable, "The server is busy; try again shortly")
                .with_detail("Nothing was saved. Send the same request again after Retry-After seconds."),
            Unavailable(Storage::Full) => {
                Problem::new(503, ProblemCode::Unavailable, "The server cannot save anything at the moment")
                    .with_detail("Its storage is full; reading works. Nothing was saved: send the same request again after Retry-After seconds.")
            }
            Link(ProblemCode::LinkExpired) => Problem::new(410, ProblemCode::LinkExpired, "This link has expired")
                .with_detail("Ask for a new link: it is mailed again."),
            Link(ProblemCode::LinkUsed) => Problem::new(410, ProblemCode::LinkUsed, "This link was already used")
                .with_detail("Each link works once. Ask for a new one if you still need it."),
            Link(_) => Problem::new(404, ProblemCode::LinkInvalid, "This link is not valid")
                .with_detail("Copy the whole link from the mail, or ask for a new one."),
            Internal(_) => Problem::new(500, ProblemCode::Internal, "Something went wrong on our side"),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(error: anyhow::Error) -> Self {
        match Storage::of(&error) {
            Some(trouble) => {
                tracing::warn!(error = %format!("{error:#}"), "database unavailable for a write");
                ApiError::Unavailable(trouble)
            }
            None => ApiError::Internal(error),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        ApiError::from(anyhow::Error::from(error))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(error) = &self {
            tracing::error!(error = %format!("{error:#}"), "request failed");
        }
        let problem = self.problem();
        let mut response = problem_response(&problem);
        if let ApiError::RateLimited { retry_after_secs } = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs.max(1)));
        }
        if let ApiError::IdempotencyInProgress = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(1u64));
        }
        if let ApiError::Unavailable(trouble) = self {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(trouble.retry_after_secs()));
        }
        response
    }
}

pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE)], body).into_response()
}

pub type ApiResult<T> = Result<T, ApiError>;
