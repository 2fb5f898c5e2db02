//! Writes that must not be lost: a reply, a new thread, a vote or an answer is stored in this
//! browser *before* it is sent, and sent again — with the same Idempotency-Key, so the server
//! counts it once — until the server has answered. It survives reloads, crashes and a lost
//! network; "waiting for connection…" is shown while it waits.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::storage;
use crate::api::ApiError;
use crate::api::client::{self, Method};

const STORAGE_KEY: &str = "veche.outbox";
/// Longest wait between two retries while the server stays unreachable.
const MAX_BACKOFF_MS: i32 = 8_000;
/// How many times in a row the server may answer "the first attempt is still running"
/// (`idempotency_in_progress`) before the member is told and decides (about 30 s with the
/// backoff): a server that never finishes must not keep the write in a silent loop.
const STILL_RUNNING_LIMIT: u32 = 6;

/// A write waiting to be delivered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// Also the Idempotency-Key: every retry of this write carries it.
    pub key: String,
    /// Who waits for it, e.g. `thread:12` (the thread page shows its pending replies).
    pub topic: String,
    pub method: String,
    pub path: String,
    /// The JSON body as sent.
    pub body: String,
    /// The server refused it for good (status and problem body): the member decides.
    #[serde(default)]
    pub refused: Option<(u16, String)>,
    /// Answers in a row that said the first attempt was still running.
    #[serde(default)]
    pub still_running: u32,
}

impl Pending {
    /// The server's reason, for a refused write.
    pub fn error(&self) -> Option<ApiError> {
        self.refused.as_ref().map(|(status, body)| ApiError::from_response(*status, None, body))
    }
}

/// A write the server accepted, with its answer, for whoever waits on the topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub key: String,
    pub topic: String,
    pub response: String,
}

#[derive(Clone, Copy)]
pub struct Outbox {
    items: RwSignal<Vec<Pending>>,
    /// The last attempt could not reach the server.
    offline: RwSignal<bool>,
    delivered: RwSignal<Option<Delivery>>,
    flushing: StoredValue<bool>,
    backoff_ms: StoredValue<i32>,
}

impl Outbox {
    /// Stores the write, then tries to send it. Answers its key.
    pub fn send<B: Serialize>(&self, topic: &str, method: Method, path: &str, body: &B) -> String {
        let key = client::new_idempotency_key();
        self.store(key.clone(), topic, method, path, body);
        self.flush();
        key
    }

    /// Stores the write under `key` (in this browser too) without sending it yet.
    fn store<B: Serialize>(&self, key: String, topic: &str, method: Method, path: &str, body: &B) {
        let pending = Pending {
            key,
            topic: topic.to_owned(),
            method: method.as_str().to_owned(),
            path: path.to_owned(),
            // `()` sends no body at all (votes, kudos: the path says everything).
            body: serde_json::to_string(body).ok().filter(|b| b != "null").unwrap_or_default(),
            refused: None,
            still_running: 0,
        };
        self.items.update(|items| items.push(pending));
        self.persist();
    }

    /// The writes of one topic still waiting or refused (tracked).
    pub fn pending(&self, topic: &str) -> Vec<Pending> {
        self.items.with(|items| items.iter().filter(|p| p.topic == topic).cloned().collect())
    }

    /// How many writes wait for the server (tracked).
    pub fn waiting(&self) -> usize {
        self.items.with(|items| items.iter().filter(|p| p.refused.is_none()).count())
    }

    /// The server could not be reached on the last attempt (tracked).
    pub fn offline(&self) -> bool {
        self.offline.get()
    }

    /// Runs `then` for each write of `topic` the server accepts from now on (not for one
    /// delivered before the caller existed: a view rebuilt after a delivery must not act twice).
    pub fn on_delivered(&self, topic: impl Into<String>, then: impl Fn(Delivery) + 'static) {
        let topic = topic.into();
        self.on_delivered_where(move |t| t == topic, then);
    }

    /// `on_delivered` for topics chosen when a delivery comes (e.g. by the page's current id).
    pub fn on_delivered_where(&self, topic: impl Fn(&str) -> bool + 'static, then: impl Fn(Delivery) + 'static) {
        let delivered = self.delivered;
        Effect::new(move |seen: Option<Option<String>>| {
            let latest = delivered.get();
            let key = latest.as_ref().map(|d| d.key.clone());
            if let (Some(seen), Some(delivery)) = (seen, latest)
                && seen != key
                && topic(&delivery.topic)
            {
                then(delivery);
            }
            key
        });
    }

    /// Sends a refused write again as it was, with its key (so it still counts once).
    pub fn retry(&self, key: &str) {
        self.items.update(|items| {
            if let Some(item) = items.iter_mut().find(|p| p.key == key) {
                item.refused = None;
                item.still_running = 0;
            }
        });
        self.persist();
        self.flush();
    }

    /// Forgets a write (a refused one the member gave up on, or took back to edit).
    pub fn discard(&self, key: &str) {
        self.items.update(|items| items.retain(|p| p.key != key));
        self.persist();
    }

    /// The outbox as this browser kept it (empty on a first visit).
    fn restore() -> Outbox {
        let items: Vec<Pending> = storage::get_json(STORAGE_KEY).unwrap_or_default();
        Outbox {
            items: RwSignal::new(items),
            offline: RwSignal::new(false),
            delivered: RwSignal::new(None),
            flushing: StoredValue::new(false),
            backoff_ms: StoredValue::new(0),
        }
    }

    fn persist(&self) {
        self.items.with_untracked(|items| storage::set_json(STORAGE_KEY, items));
    }

    /// Sends waiting writes in order, one at a time; stops at the first that cannot get through
    /// and tries again later.
    pub fn flush(&self) {
        if self.flushing.get_value() {
            return;
        }
        self.flushing.set_value(true);
        let outbox = *self;
        leptos::task::spawn_local(async move {
            while let Some(pending) = outbox.next_to_send() {
                let method = Method::parse(&pending.method).unwrap_or(Method::Post);
                let body = (!pending.body.is_empty()).then_some(pending.body.as_str());
                let answer = client::request_text(method, &pending.path, body, Some(&pending.key)).await;
                if let Some(error) = outbox.take_answer(pending, answer) {
                    outbox.retry_later(&error);
                    break;
                }
            }
            outbox.flushing.set_value(false);
        });
    }

    /// The oldest write not refused, to send next; none left: the server is reachable again.
    fn next_to_send(&self) -> Option<Pending> {
        let next = self.items.with_untracked(|items| items.iter().find(|p| p.refused.is_none()).cloned());
        if next.is_none() {
            self.offline.set(false);
        }
        next
    }

    /// Takes the server's answer to `pending`: accepted, it leaves the outbox and whoever waits
    /// on its topic hears of it; failed, the failure is recorded on it. Answers the error to wait
    /// on before sending again (`None`: go on with the next write).
    fn take_answer(&self, pending: Pending, answer: Result<String, ApiError>) -> Option<ApiError> {
        match answer {
            Ok(response) => {
                self.items.update(|items| items.retain(|p| p.key != pending.key));
                self.persist();
                self.offline.set(false);
                self.backoff_ms.set_value(0);
                self.delivered.set(Some(Delivery { key: pending.key, topic: pending.topic, response }));
                None
            }
            Err(error) => {
                let mut answered = pending.clone();
                let wait = answer_failure(&mut answered, &error);
                self.items.update(|items| {
                    if let Some(item) = items.iter_mut().find(|p| p.key == pending.key) {
                        *item = answered;
                    }
                });
                self.persist();
                wait.then(|| {
                    self.offline.set(matches!(error, ApiError::Network));
                    error
                })
            }
        }
    }

    fn retry_later(&self, error: &ApiError) {
        let wait = match error {
            ApiError::RateLimited { retry_after_secs: Some(secs) } => (*secs as i32).saturating_mul(1000),
            _ => {
                let next = (self.backoff_ms.get_value() * 2).clamp(1_000, MAX_BACKOFF_MS);
                self.backoff_ms.set_value(next);
                next
            }
        };
        let outbox = *self;
        set_timeout(move || outbox.flush(), std::time::Duration::from_millis(wait as u64));
    }
}

/// A retry that arrived while the first attempt was still being processed.
fn is_still_running(error: &ApiError) -> bool {
    matches!(error, ApiError::Conflict { code: veche_api::ProblemCode::IdempotencyInProgress, .. })
}

/// Records a failed attempt on the write; answers whether to try again later (`false`: it is
/// refused now, and the member sees why, with the text kept).
fn answer_failure(pending: &mut Pending, error: &ApiError) -> bool {
    if is_still_running(error) {
        pending.still_running += 1;
        if pending.still_running < STILL_RUNNING_LIMIT {
            return true;
        }
    } else if error.is_transient() {
        pending.still_running = 0;
        return true;
    }
    pending.refused = Some(refusal(error));
    false
}

/// Keeps what is needed to show the refusal later, even after a reload.
fn refusal(error: &ApiError) -> (u16, String) {
    let (status, code, fields, detail) = match error {
        ApiError::Unauthorized => (401, "unauthorized", Default::default(), None),
        ApiError::Forbidden { code, detail } => (403, code.as_str(), Default::default(), detail.clone()),
        ApiError::MembersOnly(_) => (403, "members_only", Default::default(), None),
        ApiError::NotFound => (404, "not_found", Default::default(), None),
        ApiError::Conflict { code, detail } => (409, code.as_str(), Default::default(), detail.clone()),
        ApiError::Validation { code, fields, detail, .. } => (422, code.as_str(), fields.clone(), detail.clone()),
        _ => (400, "bad_request", Default::default(), None),
    };
    let mut problem = veche_api::Problem::new(status, veche_api::ProblemCode::parse(code), "");
    problem.errors = fields;
    problem.detail = detail;
    (status, serde_json::to_string(&problem).unwrap_or_default())
}

/// Restores what an earlier visit left unsent and keeps sending it whenever the network is back.
pub fn provide_outbox() -> Outbox {
    let outbox = Outbox::restore();
    provide_context(outbox);
    let online = window_event_listener(leptos::ev::online, move |_| outbox.flush());
    // Another tab may have queued or delivered writes: take its view of the outbox.
    let storage_events = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(STORAGE_KEY) {
            outbox.items.set(storage::get_json(STORAGE_KEY).unwrap_or_default());
        }
    });
    on_cleanup(move || {
        online.remove();
        storage_events.remove();
    });
    outbox.flush();
    outbox
}

pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    fn reply() -> Pending {
        Pending {
            key: "k".into(),
            topic: "thread:1".into(),
            method: "POST".into(),
            path: "/threads/1/replies".into(),
            body: r#"{"body":"My words"}"#.into(),
            refused: None,
            still_running: 0,
        }
    }

    fn outbox() -> (Owner, Outbox) {
        let owner = Owner::new();
        owner.set();
        storage::remove(STORAGE_KEY);
        (owner, Outbox::restore())
    }

    #[test]
    fn a_reply_written_offline_survives_a_reload_and_is_sent_once_with_one_key() {
        let (_owner, outbox) = outbox();
        outbox.store(
            "key-1".into(),
            "thread:1",
            Method::Post,
            "/threads/1/replies",
            &serde_json::json!({"body": "Hi"}),
        );
        let attempt = outbox.next_to_send().expect("waiting");
        assert!(outbox.take_answer(attempt, Err(ApiError::Network)).is_some(), "no network: wait and try again");
        assert!(outbox.offline(), "\"waiting for connection…\"");

        // The tab is closed and opened again: the reply is still there, as it was written.
        let reopened = Outbox::restore();
        let waiting = reopened.pending("thread:1");
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].body, r#"{"body":"Hi"}"#);

        let attempt = reopened.next_to_send().expect("still waiting");
        assert_eq!(attempt.key, "key-1", "every attempt carries the same Idempotency-Key: the server counts it once");
        assert!(reopened.take_answer(attempt, Ok(r#"{"id":"r1"}"#.into())).is_none());
        assert_eq!(reopened.next_to_send(), None, "delivered: not sent again");
        assert_eq!(reopened.waiting(), 0);
        assert!(!reopened.offline());
        assert_eq!(Outbox::restore().waiting(), 0, "nor after another reload");
        let delivered = reopened.delivered.get_untracked().expect("whoever waits hears of it");
        assert_eq!((delivered.topic.as_str(), delivered.response.as_str()), ("thread:1", r#"{"id":"r1"}"#));
    }

    #[test]
    fn a_refused_write_stays_for_the_member_to_decide_and_the_next_one_goes_on() {
        let (_owner, outbox) = outbox();
        outbox.store("vote".into(), "vote:7", Method::Put, "/ideas/7/vote", &());
        outbox.store(
            "reply".into(),
            "thread:1",
            Method::Post,
            "/threads/1/replies",
            &serde_json::json!({"body": "Hi"}),
        );
        let vote = outbox.next_to_send().expect("the vote first");
        assert_eq!((vote.key.as_str(), vote.body.as_str()), ("vote", ""), "a vote has no body");
        let closed = ApiError::Conflict { code: veche_api::ProblemCode::VotingClosed, detail: None };
        assert!(outbox.take_answer(vote, Err(closed.clone())).is_none(), "refused: go on with the next write");
        assert_eq!(outbox.next_to_send().map(|p| p.key), Some("reply".into()));
        assert_eq!(outbox.pending("vote:7")[0].error(), Some(closed), "the refusal is kept, with why");
        assert_eq!(outbox.waiting(), 1, "only the reply still waits");

        outbox.discard("vote");
        assert!(outbox.pending("vote:7").is_empty());
    }

    #[test]
    fn a_write_the_server_keeps_saying_is_running_is_handed_back_after_a_bound() {
        let still_running = ApiError::Conflict { code: veche_api::ProblemCode::IdempotencyInProgress, detail: None };
        let mut pending = reply();
        for attempt in 1..STILL_RUNNING_LIMIT {
            assert!(answer_failure(&mut pending, &still_running), "attempt {attempt} waits and retries");
        }
        assert!(!answer_failure(&mut pending, &still_running), "then it stops");
        assert_eq!(pending.error(), Some(still_running));
        assert_eq!(pending.body, r#"{"body":"My words"}"#, "the text is kept");
    }

    #[test]
    fn network_and_server_trouble_keep_retrying_and_reset_the_count() {
        let mut pending = reply();
        pending.still_running = STILL_RUNNING_LIMIT - 1;
        assert!(answer_failure(&mut pending, &ApiError::Network));
        assert!(answer_failure(&mut pending, &ApiError::Server { status: 503 }));
        assert_eq!((pending.still_running, pending.refused.is_none()), (0, true));
        let refused = ApiError::NotFound;
        assert!(!answer_failure(&mut pending, &refused));
        assert_eq!(pending.error(), Some(refused));
    }
}
