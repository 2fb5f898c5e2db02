//! Per-address token buckets: a burst up to the per-minute allowance, refilled evenly.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use crate::config::Config;
use crate::state::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// Sign-in and registration: guessing passwords must be slow.
    Auth,
    /// Every other write.
    Write,
}

struct Tokens {
    available: f64,
    updated: Instant,
}

pub struct RateLimiter {
    per_minute: HashMap<Bucket, u32>,
    buckets: Mutex<HashMap<(IpAddr, Bucket), Tokens>>,
}

impl RateLimiter {
    pub fn new(config: &Config) -> Self {
        RateLimiter {
            per_minute: HashMap::from([
                (Bucket::Auth, config.auth_attempts_per_minute.max(1)),
                (Bucket::Write, config.writes_per_minute.max(1)),
            ]),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token; on refusal, the seconds until one is back.
    pub fn take(&self, address: IpAddr, bucket: Bucket) -> Result<(), u64> {
        let capacity = f64::from(self.per_minute[&bucket]);
        let per_second = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let tokens = buckets.entry((address, bucket)).or_insert(Tokens { available: capacity, updated: now });
        let refill = now.duration_since(tokens.updated).as_secs_f64() * per_second;
        tokens.available = (tokens.available + refill).min(capacity);
        tokens.updated = now;
        if tokens.available >= 1.0 {
            tokens.available -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - tokens.available) / per_second).ceil() as u64)
        }
    }

    /// Drops buckets that have refilled completely: they hold nothing worth remembering.
    pub fn forget_idle(&self) {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        buckets.retain(|(_, bucket), tokens| {
            let capacity = f64::from(self.per_minute[bucket]);
            let refill = now.duration_since(tokens.updated).as_secs_f64() * capacity / 60.0;
            tokens.available + refill < capacity
        });
    }
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let bucket = match *request.method() {
        Method::GET | Method::HEAD | Method::OPTIONS => None,
        // Paths are seen inside the `/api/v1` nest.
        _ if request.uri().path() == "/auth/login" || request.uri().path() == "/auth/register" => Some(Bucket::Auth),
        _ => Some(Bucket::Write),
    };
    if let Some(bucket) = bucket {
        let address = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if let Err(retry_after_secs) = state.limiter.take(address, bucket) {
            return ApiError::RateLimited { retry_after_secs }.into_response();
        }
    }
    next.run(request).await
}
