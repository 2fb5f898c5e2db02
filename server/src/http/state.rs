use std::sync::Arc;
use std::time::Duration;

use super::BodyBudget;
use super::idempotency::InFlight;
use super::rate_limit::RateLimiter;
use super::static_files::AppShell;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub limiter: Arc<RateLimiter>,
    pub shell: Arc<AppShell>,
    /// Key guest CSRF tokens are derived from; kept in the database so restarts keep them valid.
    pub guest_csrf_token: Arc<str>,
    /// Idempotency keys whose first request is running in this process.
    pub idempotency_in_flight: Arc<InFlight>,
    /// Request bodies held in memory at once (`http::bounded_body`).
    pub body_budget: Arc<BodyBudget>,
    /// Rung after a mail is queued, so the sender delivers it at once.
    pub mail_queued: Arc<tokio::sync::Notify>,
    /// How members sign in when the server's environment fixes it; `None`: as staff set it
    /// (`routes::sign_in_providers::sign_in_ways`).
    pub sign_in_fixed: Option<Arc<crate::oidc::SignInWays>>,
    /// The client identity providers are reached with.
    pub oidc_http: openidconnect::reqwest::Client,
    /// The time digests are scheduled by (tests move it forward).
    pub clock: Clock,
}

impl AppState {
    pub async fn new(config: Config, db: Db) -> anyhow::Result<Self> {
        let guest_csrf_token = db.guest_csrf_token().await?;
        let shell = AppShell::load(&config.static_dir);
        let oidc_http = crate::oidc::http_client()?;
        let sign_in_fixed = crate::oidc::SignInWays::from_env(&config, &oidc_http)?.map(Arc::new);
        Ok(AppState {
            sign_in_fixed,
            oidc_http,
            limiter: Arc::new(RateLimiter::new(&config)),
            config: Arc::new(config),
            db,
            shell: Arc::new(shell),
            guest_csrf_token: guest_csrf_token.into(),
            idempotency_in_flight: Arc::default(),
            body_budget: Arc::default(),
            mail_queued: Arc::new(tokio::sync::Notify::new()),
            clock: Clock::default(),
        })
    }

    /// The mail sender for this server's configuration and queue.
    pub fn mail_sender(&self) -> anyhow::Result<crate::mail::sender::Sender> {
        crate::mail::sender::Sender::new(&self.config, self.db.clone(), self.mail_queued.clone())
    }

    /// The digest scheduler (`digests`), looking every `every` until `stop`.
    pub fn spawn_digests(
        &self,
        every: Duration,
        stop: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        crate::digests::spawn(self.db.clone(), self.clock.clone(), self.mail_queued.clone(), every, stop)
    }

    /// The community's name as mails show it.
    pub async fn community_name(&self) -> anyhow::Result<String> {
        Ok(self.db.community().await?.map(|c| c.name).unwrap_or_else(|| "Veche".to_owned()))
    }

    /// Background chores: forget expired sessions and idempotency keys, trim rate-limit state.
    pub fn spawn_housekeeping(&self) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(600));
            loop {
                tick.tick().await;
                if let Err(error) = state.db.purge_expired().await {
                    tracing::warn!(%error, "housekeeping failed");
                }
                state.limiter.forget_idle();
            }
        });
    }
}
