//! The real server behind a TLS proxy (`VECHE_TRUSTED_PROXIES`): the sign-in limit counts each
//! client the proxy forwards for, not the proxy; without the setting, nobody escapes the limit by
//! writing `X-Forwarded-For` themselves.

mod common;

use std::net::SocketAddr;

use common::process::{ServerProcess, sign_in};

/// A wrong password from `client` (as `X-Forwarded-For` says); answers the status.
async fn wrong_sign_in(addr: SocketAddr, client: &str) -> u16 {
    sign_in(addr, "anna", "not her password", &[("X-Forwarded-For", client)]).await.status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let server = ServerProcess::start_with(
        &dir.path().join("veche.sqlite3"),
        &[("VECHE_AUTH_ATTEMPTS_PER_MINUTE", "2"), ("VECHE_TRUSTED_PROXIES", "127.0.0.1,::1")],
    )
    .await;
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.5").await, 401);
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.5").await, 401);
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.5").await, 429, "the third guess in a minute was let through");
    // Another customer behind the same proxy still signs in; a client's own header changes nothing.
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.6").await, 401, "one client's guesses locked out another");
    assert_eq!(
        wrong_sign_in(server.addr, "198.51.100.1, 203.0.113.5").await,
        429,
        "a written header escaped the limit"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn without_trusted_proxies_a_written_header_does_not_escape_the_limit() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let server =
        ServerProcess::start_with(&dir.path().join("veche.sqlite3"), &[("VECHE_AUTH_ATTEMPTS_PER_MINUTE", "2")]).await;
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.1").await, 401);
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.2").await, 401);
    assert_eq!(wrong_sign_in(server.addr, "203.0.113.3").await, 429, "a made-up X-Forwarded-For got more guesses");
}
