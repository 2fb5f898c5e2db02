//! Per-address token buckets: a burst up to the allowance, refilled evenly over its period.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use crate::config::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// Sign-in and registration: guessing passwords must be slow.
    Auth,
    /// Every other write.
    Write,
    /// Answers and follow-ups to one survey (its id): an open form must not be flooded.
    SurveyAnswers(i64),
}

struct Tokens {
    available: f64,
    updated: Instant,
}

pub struct RateLimiter {
    auth_per_minute: u32,
    writes_per_minute: u32,
    survey_answers_per_hour: u32,
    buckets: Mutex<HashMap<(IpAddr, Bucket), Tokens>>,
}

impl RateLimiter {
    pub fn new(config: &Config) -> Self {
        RateLimiter {
            auth_per_minute: config.auth_attempts_per_minute.max(1),
            writes_per_minute: config.writes_per_minute.max(1),
            survey_answers_per_hour: config.survey_answers_per_hour.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// A bucket's size and how many tokens come back per second.
    fn allowance(&self, bucket: Bucket) -> (f64, f64) {
        let (capacity, period_secs) = match bucket {
            Bucket::Auth => (self.auth_per_minute, 60.0),
            Bucket::Write => (self.writes_per_minute, 60.0),
            Bucket::SurveyAnswers(_) => (self.survey_answers_per_hour, 3600.0),
        };
        (f64::from(capacity), f64::from(capacity) / period_secs)
    }

    /// Takes one token; on refusal, the seconds until one is back.
    pub fn take(&self, address: IpAddr, bucket: Bucket) -> Result<(), u64> {
        let (capacity, per_second) = self.allowance(bucket);
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
            let (capacity, per_second) = self.allowance(*bucket);
            let refill = now.duration_since(tokens.updated).as_secs_f64() * per_second;
            tokens.available + refill < capacity
        });
    }
}

/// Paths in the slow `Auth` bucket: where passwords and mailed links could be guessed, and where
/// a form sends mail.
const AUTH_PATHS: [&str; 7] = [
    "/auth/login",
    "/auth/register",
    "/auth/password/forgot",
    "/auth/password/reset",
    "/auth/email/confirm",
    "/auth/email/verification",
    // Deleting an account checks a password: guessing it must be as slow as signing in.
    "/account/deletion",
];

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let bucket = match *request.method() {
        Method::GET | Method::HEAD | Method::OPTIONS => None,
        // Paths are seen inside the `/api/v1` nest.
        _ if AUTH_PATHS.contains(&request.uri().path()) => Some(Bucket::Auth),
        _ => Some(Bucket::Write),
    };
    if let Some(bucket) = bucket
        && let Err(retry_after_secs) = state.limiter.take(client_address(request.extensions()), bucket)
    {
        return ApiError::RateLimited { retry_after_secs }.into_response();
    }
    next.run(request).await
}

/// The client's address, found once per request by [`resolve_client`].
#[derive(Clone, Copy, Debug)]
struct ResolvedClient(IpAddr);

/// Finds the address a request came from: the connection's peer, or — when the peer is one of
/// `VECHE_TRUSTED_PROXIES` (a TLS proxy in front of the server) — the client it forwarded for,
/// so limits count each member's address rather than the proxy's.
pub async fn resolve_client(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = peer_address(request.extensions());
    let client = client_behind(peer, request.headers(), &state.config.trusted_proxies);
    request.extensions_mut().insert(ResolvedClient(client));
    next.run(request).await
}

/// The client behind trusted proxies: `X-Forwarded-For` read from its end, each trusted hop
/// skipped, up to the first address a trusted proxy vouches for. From an untrusted peer the
/// header is ignored (anyone can write it), and so is whatever follows a hop that is not an
/// address.
pub fn client_behind(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let mut client = peer;
    if !trusted.contains(&peer) {
        return client;
    }
    let hops: Vec<&str> = headers
        .get_all(X_FORWARDED_FOR)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .collect();
    for hop in hops.iter().rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(address) => {
                client = address;
                if !trusted.contains(&address) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    client
}

const X_FORWARDED_FOR: &str = "x-forwarded-for";

fn peer_address(extensions: &Extensions) -> IpAddr {
    extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The address the request came from (see [`resolve_client`]; unspecified when the server runs
/// without connection info).
pub fn client_address(extensions: &Extensions) -> IpAddr {
    match extensions.get::<ResolvedClient>() {
        Some(ResolvedClient(address)) => *address,
        None => peer_address(extensions),
    }
}

/// The client's address, for handlers that keep their own limits.
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(&parts.extensions)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(X_FORWARDED_FOR, value.parse().expect("header value"));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn an_untrusted_peer_cannot_claim_another_address() {
        let headers = forwarded(&["203.0.113.9"]);
        assert_eq!(client_behind(ip("198.51.100.1"), &headers, &[]), ip("198.51.100.1"));
        assert_eq!(client_behind(ip("198.51.100.1"), &headers, &[ip("127.0.0.1")]), ip("198.51.100.1"));
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_what_the_client_wrote_before_it_is_ignored() {
        let proxy = [ip("127.0.0.1")];
        assert_eq!(client_behind(ip("127.0.0.1"), &forwarded(&["203.0.113.9"]), &proxy), ip("203.0.113.9"));
        // The client sent "1.2.3.4" itself; the proxy appended the address it saw.
        let spoofed = forwarded(&["1.2.3.4, 203.0.113.9"]);
        assert_eq!(client_behind(ip("127.0.0.1"), &spoofed, &proxy), ip("203.0.113.9"));
        // Two proxies in a row, the header split over two lines.
        let chain = [ip("127.0.0.1"), ip("10.0.0.2")];
        let two = forwarded(&["1.2.3.4, 203.0.113.9", "10.0.0.2"]);
        assert_eq!(client_behind(ip("127.0.0.1"), &two, &chain), ip("203.0.113.9"));
    }

    #[test]
    fn without_a_usable_header_the_peer_is_the_client() {
        let proxy = [ip("127.0.0.1")];
        assert_eq!(client_behind(ip("127.0.0.1"), &HeaderMap::new(), &proxy), ip("127.0.0.1"));
        assert_eq!(client_behind(ip("127.0.0.1"), &forwarded(&["unknown"]), &proxy), ip("127.0.0.1"));
        assert_eq!(client_behind(ip("127.0.0.1"), &forwarded(&["203.0.113.9, junk"]), &proxy), ip("127.0.0.1"));
    }
}
