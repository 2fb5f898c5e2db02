//! The types of Veche's HTTP API contract (`api/openapi.yaml`), shared by the app and the
//! reference server, plus the small pieces of logic both sides must agree on (validation,
//! locale negotiation). No Leptos, no server framework: any Rust client can depend on it.

mod open_enum;

pub mod auth;
pub mod charter;
pub mod community;
pub mod events;
pub mod excerpt;
pub mod groups;
pub mod ideas;
pub mod kb;
pub mod kpis;
pub mod locale;
pub mod member;
pub mod members;
pub mod moderation;
pub mod names;
pub mod notifications;
pub mod page;
pub mod privacy;
pub mod problem;
pub mod search;
pub mod surveys;
pub mod threads;
pub mod validate;

pub use locale::Locale;
pub use page::Page;
pub use problem::{Problem, ProblemCode};

/// Path prefix of every operation in the contract.
pub const API_PREFIX: &str = "/api/v1";
/// Header carrying the client's retry key on every POST; the server replays the first answer.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header every unsafe method must carry, its value taken from `/auth/me` or the login answer.
pub const CSRF_HEADER: &str = "X-CSRF-Token";
