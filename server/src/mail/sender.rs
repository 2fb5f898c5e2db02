//! Delivers the mail queue: through SMTP when `VECHE_SMTP_URL` is set, otherwise into `.eml`
//! files in a folder (beside the database by default) for a newcomer to open.
//!
//! Exactly once, as far as SMTP allows: a mail is claimed (`sending`) before it is handed over
//! and marked `sent` right after the server accepted it. When the server is unreachable or
//! answers with a temporary error, the mail goes back to the queue with a later attempt
//! (doubling from `VECHE_MAIL_RETRY_SECONDS`, at most an hour apart), so an outage delays mail and
//! loses none. On shutdown the sender finishes the mail in hand before it stops, so a restart
//! sends nothing twice; only a crash in the middle of one SMTP conversation can leave a mail
//! `sending`, and it is sent again on the next start under the same Message-ID.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use crate::clock;
use crate::config::Config;
use crate::db::{Db, QueuedMail};

/// The longest wait between two attempts at one mail.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// The longest the sender sleeps before looking at the queue again (one indexed query).
const IDLE_LOOK: Duration = Duration::from_secs(2);
/// A mail still not accepted after this long is given up (and the log says so).
const GIVE_UP_AFTER_HOURS: i64 = 72;

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

/// Why one attempt failed.
enum Failure {
    /// Worth trying again later (the server is down, busy, or said "try later").
    Temporary(String),
    /// The server refused the mail for good (a 5xx answer, a malformed address).
    Permanent(String),
}

pub struct Sender {
    db: Db,
    transport: Transport,
    from: Mailbox,
    retry_base: Duration,
    wake: Arc<Notify>,
}

impl Sender {
    /// The sender `config` asks for; `wake` is notified whenever a mail is queued.
    pub fn new(config: &Config, db: Db, wake: Arc<Notify>) -> anyhow::Result<Sender> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .with_context(|| format!("VECHE_MAIL_FROM is not an address: {}", config.mail_from))?;
        let transport = match &config.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("VECHE_SMTP_URL is not an SMTP URL (smtp://host:port, smtps://user:pass@host)")?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Transport::Smtp(transport)
            }
            None => Transport::Folder(config.mail_folder()),
        };
        Ok(Sender { db, transport, from, retry_base: Duration::from_secs(config.mail_retry_seconds), wake })
    }

    /// Says in the log where mail goes.
    pub fn announce(&self) {
        match &self.transport {
            Transport::Smtp(_) => tracing::info!("mail is sent through SMTP (VECHE_SMTP_URL)"),
            Transport::Folder(folder) => tracing::info!(
                folder = %folder.display(),
                "no SMTP server set (VECHE_SMTP_URL): mail is written as .eml files into {}",
                folder.display()
            ),
        }
    }

    /// Delivers every mail that is due now; returns how many were delivered.
    pub async fn deliver_due(&self) -> anyhow::Result<usize> {
        self.deliver_while(|| true).await
    }

    /// Delivers due mail one at a time while `go_on` says so (checked between mails, never in
    /// the middle of one).
    async fn deliver_while(&self, go_on: impl Fn() -> bool) -> anyhow::Result<usize> {
        let mut delivered = 0;
        while go_on() {
            let Some(mail) = self.db.claim_due_mail().await? else { break };
            if self.deliver_one(&mail).await? {
                delivered += 1;
            }
        }
        Ok(delivered)
    }

    /// One claimed mail: sent and marked, or put back for later, or given up.
    async fn deliver_one(&self, mail: &QueuedMail) -> anyhow::Result<bool> {
        match self.send(mail).await {
            Ok(()) => {
                self.db.mark_mail_sent(mail.id).await?;
                tracing::info!(mail = mail.id, to = %mail.recipient, "mail sent");
                Ok(true)
            }
            Err(Failure::Permanent(error)) => {
                tracing::error!(mail = mail.id, to = %mail.recipient, %error, "mail refused for good");
                self.db.mark_mail_failed(mail.id, &error).await?;
                Ok(false)
            }
            Err(Failure::Temporary(error)) => {
                let age = clock::parse(&mail.created_at).map(|created| Utc::now() - created);
                if age.is_some_and(|age| age > chrono::Duration::hours(GIVE_UP_AFTER_HOURS)) {
                    tracing::error!(mail = mail.id, to = %mail.recipient, %error, "mail given up after 72 hours of failures");
                    self.db.mark_mail_failed(mail.id, &error).await?;
                } else {
                    let wait = backoff(self.retry_base, mail.attempts);
                    tracing::warn!(mail = mail.id, attempt = mail.attempts, retry_in_secs = wait.as_secs(), %error, "mail not sent yet");
                    let next = Utc::now() + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                    self.db.retry_mail_later(mail.id, next, &error).await?;
                }
                Ok(false)
            }
        }
    }

    async fn send(&self, mail: &QueuedMail) -> Result<(), Failure> {
        let message = self.message(mail).map_err(|error| Failure::Permanent(format!("{error:#}")))?;
        match &self.transport {
            Transport::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|error| {
                if error.is_permanent() {
                    Failure::Permanent(error.to_string())
                } else {
                    Failure::Temporary(error.to_string())
                }
            }),
            Transport::Folder(folder) => write_eml(folder, mail, &message.formatted())
                .await
                .map_err(|error| Failure::Temporary(format!("{error:#}"))),
        }
    }

    fn message(&self, mail: &QueuedMail) -> anyhow::Result<Message> {
        let to: Mailbox = mail.recipient.parse().context("the recipient's address")?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .message_id(Some(mail.message_id.clone()));
        if let Some(url) = &mail.list_unsubscribe {
            // RFC 8058: mail programs offer "unsubscribe" and POST `List-Unsubscribe=One-Click`
            // to the address, which switches this kind of mail off without signing in.
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost("List-Unsubscribe=One-Click".to_owned()));
        }
        Ok(builder.multipart(MultiPart::alternative_plain_html(mail.text_body.clone(), mail.html_body.clone()))?)
    }

    /// Runs until `stop` turns true: delivers what is due, then sleeps until the next mail is
    /// due or one is queued. A mail in hand is finished before stopping.
    pub fn spawn(self, mut stop: watch::Receiver<bool>) -> JoinHandle<()> {
        tokio::spawn(async move {
            match self.db.requeue_interrupted_mail().await {
                Ok(0) => {}
                Ok(count) => tracing::warn!(count, "mail interrupted by a crash goes out again (same Message-ID)"),
                Err(error) => tracing::error!(%error, "could not look for interrupted mail"),
            }
            self.announce();
            loop {
                if *stop.borrow() {
                    break;
                }
                let wait = match self.deliver_while(|| !*stop.borrow()).await {
                    Ok(_) => self.until_next_due().await,
                    Err(error) => {
                        tracing::error!(error = %format!("{error:#}"), "mail queue failed; trying again in a minute");
                        Duration::from_secs(60)
                    }
                };
                tokio::select! {
                    _ = stop.changed() => {}
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(wait) => {}
                }
            }
            tracing::info!("mail sender stopped");
        })
    }

    /// How long to sleep when nothing is due sooner. A wake-up may come before the mail it
    /// announces is committed (an idempotent request commits its statements after the handler
    /// returns, `http::idempotency`), so the queue is looked at again within `IDLE_LOOK` anyway.
    async fn until_next_due(&self) -> Duration {
        match self.db.next_mail_due().await {
            Ok(Some(due)) => {
                (due - Utc::now()).to_std().unwrap_or(Duration::ZERO).clamp(Duration::from_millis(200), IDLE_LOOK)
            }
            Ok(None) => IDLE_LOOK,
            Err(_) => Duration::from_secs(60),
        }
    }
}

/// Declares a header lettre does not know, carried as given (ASCII).
macro_rules! raw_header {
    ($name:ident, $wire:literal) => {
        #[derive(Clone)]
        struct $name(String);

        impl Header for $name {
            fn name() -> HeaderName {
                HeaderName::new_from_ascii_str($wire)
            }

            fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok($name(value.to_owned()))
            }

            fn display(&self) -> HeaderValue {
                HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

raw_header!(ListUnsubscribe, "List-Unsubscribe");
raw_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

/// The wait before attempt `attempts + 1`: `base`, doubling with each failure, at most an hour.
pub fn backoff(base: Duration, attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    base.saturating_mul(2u32.saturating_pow(doublings)).min(MAX_BACKOFF)
}

/// Writes a mail as `<folder>/<queued at>-<id>.eml`, through a temporary file, so a crash leaves
/// either the whole file or none, and writing it again replaces it (never a second copy).
async fn write_eml(folder: &std::path::Path, mail: &QueuedMail, bytes: &[u8]) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(folder).await.with_context(|| format!("creating {}", folder.display()))?;
    let stamp: String = mail.created_at.chars().filter(char::is_ascii_alphanumeric).collect();
    let name = format!("{stamp}-{:06}.eml", mail.id);
    let partial = folder.join(format!(".{name}.part"));
    tokio::fs::write(&partial, bytes).await.with_context(|| format!("writing {}", partial.display()))?;
    tokio::fs::rename(&partial, folder.join(&name)).await.with_context(|| format!("naming {name}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_an_hour() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 1), Duration::from_secs(30));
        assert_eq!(backoff(base, 2), Duration::from_secs(60));
        assert_eq!(backoff(base, 4), Duration::from_secs(240));
        assert_eq!(backoff(base, 40), MAX_BACKOFF);
    }
}
