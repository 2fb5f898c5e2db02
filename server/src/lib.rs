//! Veche's reference backend: one implementation of `api/openapi.yaml`, on axum and SQLite.
//! `routes` maps the contract's paths to handlers, `db` is the repository layer (runtime
//! queries, so another SQL database can follow), `http` holds the cross-cutting parts every
//! path shares: errors, sessions, CSRF, idempotent replay, rate limits, static files.

pub mod access;
pub mod archive;
pub mod backup;
pub mod clock;
pub mod config;
pub mod csv;
pub mod db;
pub mod digests;
pub mod founding;
pub mod http;
pub mod ics;
pub mod images;
pub mod language;
pub mod mail;
pub mod notify;
pub mod oidc;
pub mod recurrence;
pub mod routes;
pub mod seed;
pub mod tokens;
pub mod trend;

use std::net::SocketAddr;

use anyhow::Context;
use axum::serve::ListenerExt;
use tokio::net::TcpListener;

pub use config::Config;
pub use http::AppState;

/// Opens the database (migrating and seeding it as configured) and builds the whole service.
pub async fn build(config: Config) -> anyhow::Result<(axum::Router, AppState)> {
    let db = db::Db::open(&config.database).await?;
    let links = mail::MailLinks::new(&config.public_url, &db.mail_links().unsubscribe_key);
    let db = db.with_mail_links(links);
    if config.seed == config::SeedMode::Demo {
        seed::demo(&db).await.context("seeding the demo community")?;
    }
    let state = AppState::new(config, db).await?;
    Ok((routes::router(state.clone()), state))
}

/// How often the server looks for digests that are due.
const DIGEST_LOOK: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs the server until Ctrl-C or SIGTERM, then finishes the requests in flight.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let addr = config.addr;
    // Held until the server stops: `veche-server restore` waits for no server to hold it.
    let _serving = backup::serving_lock(&config.database)?;
    let (router, state) = build(config).await?;
    state.spawn_housekeeping();
    let (stop_mail, mail_stopped) = tokio::sync::watch::channel(false);
    let sender = state.mail_sender()?.spawn(mail_stopped.clone());
    let digests = state.spawn_digests(DIGEST_LOOK, mail_stopped);
    let listener = TcpListener::bind(addr).await.with_context(|| format!("binding {addr}"))?;
    tracing::info!(address = %listener.local_addr()?, "veche-server listening");
    // Answers go out as soon as they are written: with Nagle's algorithm a response written in
    // two pieces (headers, then a file's body) waited for the client's delayed ACK, about 40 ms
    // per static file on a reused connection.
    let listener = http::listener::Listener(listener).tap_io(|connection| {
        if let Err(error) = connection.get_ref().set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    // The mail in hand is finished before the database closes, so a restart sends it once.
    let _ = stop_mail.send(true);
    let _ = digests.await;
    if tokio::time::timeout(std::time::Duration::from_secs(40), sender).await.is_err() {
        tracing::warn!("the mail sender did not stop within 40 s");
    }
    state.db.close().await;
    tracing::info!("veche-server stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
