//! `GET /stream`: the live stream (server-sent events) for whoever asks, guest or member, each
//! event filtered for them when it is sent (`stream::Audience`).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{broadcast, watch};
use veche_api::stream::{StreamEvent, StreamKind};
use veche_api::validate::Issue;

use crate::access::Reader;
use crate::db::Db;
use crate::db::stream::StoredEvent;
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::session::Viewer;
use crate::stream::{Audience, concerns_access, resume};

/// Heartbeats go out when nothing else has for this long.
const HEARTBEAT: Duration = Duration::from_secs(20);

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new().route("/stream", guard.wrap(get(open)))
}

#[derive(Deserialize)]
struct StreamQuery {
    last_event_id: Option<String>,
}

/// The event a stream resumes after: the `Last-Event-ID` header (an `EventSource` reconnecting
/// by itself), else `?last_event_id=` (a new one after the app's back-off). Not a decimal id:
/// a 422 on `last_event_id`.
fn last_event_id(headers: &HeaderMap, query: &StreamQuery) -> ApiResult<Option<i64>> {
    let sent = headers.get("last-event-id").and_then(|v| v.to_str().ok()).or(query.last_event_id.as_deref());
    match sent.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|id| *id >= 0)
            .map(Some)
            .ok_or_else(|| ApiError::field("last_event_id", Issue::Invalid)),
    }
}

async fn open(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(query): Query<StreamQuery>,
) -> ApiResult<Response> {
    let after = last_event_id(&headers, &query)?;
    // Listening starts before the log is read, so nothing falls between replay and live.
    let receiver = state.hub.subscribe();
    let (newest, _) = state.db.stream_bounds().await?;
    let (backlog, reset, last_sent) = match after {
        None => (VecDeque::new(), false, newest),
        Some(after) => match resume(&state.db, after).await? {
            Some(missed) => (missed.into_iter().map(Arc::new).collect(), false, after),
            None => (VecDeque::new(), true, newest),
        },
    };
    let live = Live {
        db: state.db.clone(),
        receiver,
        closing: state.hub.closing(),
        audience: Audience::new(viewer.reader()),
        session_token: viewer.session_token.clone(),
        backlog,
        last_sent,
        reset,
    };
    let heartbeat = Event::default().event(StreamKind::Heartbeat.as_str()).data(r#"{"kind":"heartbeat"}"#);
    let mut response =
        Sse::new(live.into_stream()).keep_alive(KeepAlive::new().interval(HEARTBEAT).event(heartbeat)).into_response();
    // Proxies must pass each event on as it comes.
    response.headers_mut().insert("x-accel-buffering", axum::http::HeaderValue::from_static("no"));
    Ok(response)
}

/// One open stream.
struct Live {
    db: Db,
    receiver: broadcast::Receiver<Arc<StoredEvent>>,
    closing: watch::Receiver<bool>,
    audience: Audience,
    /// The viewer's session, looked up again when their access changes (ended: the stream ends).
    session_token: Option<String>,
    /// Missed events to send before live ones.
    backlog: VecDeque<Arc<StoredEvent>>,
    /// Events up to this id have been dealt with.
    last_sent: i64,
    /// Tell the client first that what it missed cannot be replayed.
    reset: bool,
}

impl Live {
    fn into_stream(self) -> impl Stream<Item = Result<Event, Infallible>> + Send {
        futures_util::stream::unfold(self, |mut live| async move {
            let event = live.next().await?;
            Some((Ok(event), live))
        })
    }

    /// The next event for this viewer; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        if std::mem::take(&mut self.reset) {
            let data = serde_json::to_string(&StreamEvent::new(StreamKind::Reset)).ok()?;
            return Some(Event::default().id(self.last_sent.to_string()).event(StreamKind::Reset.as_str()).data(data));
        }
        loop {
            let event = match self.backlog.pop_front() {
                Some(event) => event,
                None => self.receive().await?,
            };
            if event.id <= self.last_sent {
                continue;
            }
            self.last_sent = event.id;
            if concerns_access(&event, self.audience.reader) {
                let reader = match &self.session_token {
                    // Signed out or expired: the stream ends, and the client's next one is a guest's.
                    Some(token) => Reader::member(&self.db.session(token).await.ok()??.member),
                    None => Reader::GUEST,
                };
                self.audience.reset(reader);
                continue;
            }
            match self.audience.admits(&self.db, &event).await {
                Ok(true) => {
                    return Some(Event::default().id(event.id.to_string()).event(&event.kind).data(&event.data));
                }
                Ok(false) => continue,
                Err(error) => {
                    // Better no stream (the client reconnects and replays) than a guess.
                    tracing::warn!(%error, "the live stream could not check access");
                    return None;
                }
            }
        }
    }

    /// The next broadcast event; `None` when the server closes or this stream fell too far
    /// behind (its client reconnects with `Last-Event-ID` and replays from the log).
    async fn receive(&mut self) -> Option<Arc<StoredEvent>> {
        if *self.closing.borrow() {
            return None;
        }
        tokio::select! {
            received = self.receiver.recv() => received.ok(),
            _ = self.closing.changed() => None,
        }
    }
}
