//! What every path shares, and the assembly of the whole service.

pub mod details_ru;
pub mod embed;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod listener;
pub mod locale;
pub mod rate_limit;
pub mod session;
pub mod state;
pub mod static_files;

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, any, get};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use self::error::ApiError;
pub use self::state::AppState;

/// Largest request body (photo uploads are at most 5 MB).
pub const MAX_BODY_BYTES: usize = 6 * 1024 * 1024;
/// Largest JSON body: the longest text the contract allows (a 40,000-character article), with
/// room for JSON's escapes.
pub const MAX_JSON_BODY_BYTES: usize = 1024 * 1024;
/// Request bodies held in memory at once, all requests together, in KiB. A request waits for its
/// share (its declared length, or its type's limit when it does not declare one) before a byte of
/// its body is read, so hostile uploads cannot add up past this.
const BODY_BUDGET_KIB: usize = 48 * 1024;

/// The most a request's body may be: JSON is small, only pictures need more.
pub fn body_limit(headers: &axum::http::HeaderMap) -> usize {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .is_some_and(|mime| {
            mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
        });
    if is_json { MAX_JSON_BODY_BYTES } else { MAX_BODY_BYTES }
}

/// The shared allowance of [`BODY_BUDGET_KIB`].
pub struct BodyBudget(tokio::sync::Semaphore);

impl Default for BodyBudget {
    fn default() -> Self {
        BodyBudget(tokio::sync::Semaphore::new(BODY_BUDGET_KIB))
    }
}

/// The whole service around the contract's operations (`api`, mounted at `/api/v1`) and the
/// site's own addresses outside it (`site`): the middleware every request passes, the API's
/// fallbacks and headers, and the app's files.
pub fn service(state: AppState, api: Router<AppState>, site: Router<AppState>) -> Router {
    let api = api
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit::layer))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), bounded_body))
        .layer(cors(&state))
        .layer(middleware::from_fn_with_state(state.clone(), embed::cors))
        .layer(middleware::from_fn(api_headers));

    let app_files = ServeDir::new(&state.shell.dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(axum::routing::get(static_files::index).with_state(state.clone()));

    Router::new()
        .nest("/api/v1", api)
        // Other API versions and paths outside `/api/v1`: the API's own headers too.
        .route("/api/{*rest}", any(|| async { ApiError::NotFound }).layer(middleware::from_fn(api_headers)))
        .merge(site)
        .route("/embed/frame", get(embed::frame_page))
        .route("/embed/frame/", get(embed::frame_page))
        .route("/embed/frame/index.html", get(embed::frame_page))
        .fallback_service(app_files)
        .layer(middleware::from_fn_with_state(state.clone(), static_files::headers))
        .layer(middleware::from_fn(security_headers))
        .layer(middleware::from_fn(locale::scope))
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(|_| ApiError::Internal(anyhow::anyhow!("a handler panicked")).into_response()))
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit::resolve_client))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Puts the session (with its CSRF check) and idempotent replay around an operation's handlers
/// only, so a request with a wrong method still gets its plain 405.
#[derive(Clone)]
pub struct Guard(AppState);

impl Guard {
    pub fn new(state: AppState) -> Self {
        Guard(state)
    }

    pub fn wrap(&self, operations: MethodRouter<AppState>) -> MethodRouter<AppState> {
        operations
            .route_layer(middleware::from_fn_with_state(self.0.clone(), idempotency::layer))
            .route_layer(middleware::from_fn_with_state(self.0.clone(), session::resolve))
    }

    /// As `wrap`, for operations anyone may call from another site without a session (survey
    /// answers): see `session::resolve_open`.
    pub fn wrap_open(&self, operations: MethodRouter<AppState>) -> MethodRouter<AppState> {
        operations
            .route_layer(middleware::from_fn_with_state(self.0.clone(), idempotency::layer))
            .route_layer(middleware::from_fn_with_state(self.0.clone(), session::resolve_open))
    }
}

/// Credentialed CORS for the configured origins only (an app served from another origin).
fn cors(state: &AppState) -> CorsLayer {
    let origins: Vec<HeaderValue> = state
        .config
        .allowed_origins
        .iter()
        .filter_map(|origin| match HeaderValue::from_str(origin.trim()) {
            Ok(value) => Some(value),
            Err(_) => {
                tracing::warn!(origin, "ignoring an allowed origin that is not a valid header value");
                None
            }
        })
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("x-csrf-token"),
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER, header::LOCATION, HeaderName::from_static("idempotent-replayed")])
        .max_age(Duration::from_secs(600))
}

/// A body that says it is larger than its limit is refused before a byte of it is read; one that
/// does not say (chunked) is cut off at the limit by whatever reads it (`to_bytes` with
/// [`body_limit`], `DefaultBodyLimit`). Either waits for its share of the [`BodyBudget`] first.
async fn bounded_body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    use axum::body::HttpBody;
    let limit = body_limit(request.headers());
    let declared = request.body().size_hint().exact();
    if declared.is_some_and(|length| length > limit as u64) {
        return ApiError::PayloadTooLarge.into_response();
    }
    let expected = declared.map_or(limit, |length| length as usize);
    if expected == 0 {
        return next.run(request).await;
    }
    let Ok(_share) = state.body_budget.0.acquire_many(expected.div_ceil(1024) as u32).await else {
        return ApiError::Internal(anyhow::anyhow!("the body budget was closed")).into_response();
    };
    next.run(request).await
}

async fn api_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    response
}

async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    response
}
