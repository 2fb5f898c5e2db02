//! The live stream (`GET /stream`): one `EventSource` per tab, opened when the backend offers
//! it (`features.stream`), reconnected after a growing delay with the last event's id, so
//! nothing is missed across a short outage. Pages and the bell subscribe to its events for as
//! long as they are on screen ([`LiveState::subscribe`]). Without a stream the subscribers get
//! a `reset` now and then (every minute while the tab is visible, and when it comes back into
//! view): they read what is on screen again, as with a stream that could not replay.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use veche_api::stream::{LAST_EVENT_ID_PARAM, StreamKind};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::community::use_community;
use super::session::use_session;
use crate::api::client::api_base;

/// How often subscribers read again when there is no stream.
const REFRESH_EVERY: Duration = Duration::from_secs(60);

/// What a subscriber is told: the event's kind and its `data` (a `StreamEvent` as JSON, which
/// the page that cares reads).
type Handler = Rc<dyn Fn(StreamKind, &str)>;

/// The wait before reconnecting after `failures` failed attempts in a row: 1 s, doubling, at
/// most a minute (a server that is gone is not hammered).
pub fn reconnect_delay(failures: u32) -> Duration {
    Duration::from_secs(1u64 << failures.min(6)).min(Duration::from_secs(60))
}

/// The stream's address, resuming after `last_event_id` when there is one.
pub fn stream_url(base: &str, last_event_id: &str) -> String {
    if last_event_id.is_empty() {
        format!("{base}/stream")
    } else {
        format!("{base}/stream?{LAST_EVENT_ID_PARAM}={last_event_id}")
    }
}

#[derive(Clone, Copy)]
pub struct LiveState {
    handlers: StoredValue<Vec<(u64, Handler)>, LocalStorage>,
    next_handler: StoredValue<u64>,
    /// The open `EventSource`, if any.
    source: StoredValue<Option<web_sys::EventSource>, LocalStorage>,
    /// The last event's id, to resume after.
    last_event_id: StoredValue<String>,
}

impl LiveState {
    /// Calls `handler` with every event until the calling component leaves the page.
    pub fn subscribe(&self, handler: impl Fn(StreamKind, &str) + 'static) {
        let id = self.next_handler.get_value();
        self.next_handler.set_value(id + 1);
        self.handlers.update_value(|handlers| handlers.push((id, Rc::new(handler))));
        let handlers = self.handlers;
        on_cleanup(move || {
            handlers.try_update_value(|handlers| handlers.retain(|(other, _)| *other != id));
        });
    }

    fn tell(&self, kind: StreamKind, data: &str) {
        // A copy: a handler may subscribe or leave while being told.
        let handlers: Vec<Handler> = self.handlers.with_value(|h| h.iter().map(|(_, h)| h.clone()).collect());
        for handler in handlers {
            handler(kind, data);
        }
    }

    /// Opens an `EventSource` in place of the current one; when it fails, closes it and tries
    /// again after [`reconnect_delay`], resuming after the last event received.
    fn connect(self, failures: u32) {
        if let Some(old) = self.source.get_value() {
            old.close();
        }
        let init = web_sys::EventSourceInit::new();
        init.set_with_credentials(true);
        let url = stream_url(&api_base(), &self.last_event_id.get_value());
        let Ok(source) = web_sys::EventSource::new_with_event_source_init_dict(&url, &init) else { return };
        self.source.set_value(Some(source.clone()));
        let opened = Rc::new(std::cell::Cell::new(false));
        let on_event = {
            let opened = opened.clone();
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                opened.set(true);
                let id = event.last_event_id();
                if !id.is_empty() {
                    self.last_event_id.set_value(id);
                }
                let data = event.data().as_string().unwrap_or_default();
                self.tell(StreamKind::parse(&event.type_()), &data);
            })
        };
        // Named events reach only listeners of their name: every kind the app knows.
        for kind in StreamKind::KNOWN {
            let _ = source.add_event_listener_with_callback(kind.as_str(), on_event.as_ref().unchecked_ref());
        }
        on_event.forget();
        let on_error = Closure::<dyn Fn()>::new({
            let source = source.clone();
            move || {
                // The browser would retry by itself without a back-off: the app does it instead.
                source.close();
                let failures = if opened.get() { 0 } else { failures + 1 };
                let current = self.source.with_value(|s| s.as_ref() == Some(&source));
                if current {
                    set_timeout(move || self.connect(failures), reconnect_delay(failures));
                }
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
    }
}

/// Opens the stream once the community says there is one (again as the new viewer whenever
/// someone signs in or out); otherwise refreshes now and then.
pub fn provide_live() -> LiveState {
    let state = LiveState {
        handlers: StoredValue::new_local(Vec::new()),
        next_handler: StoredValue::new(0),
        source: StoredValue::new_local(None),
        last_event_id: StoredValue::new(String::new()),
    };
    provide_context(state);
    let community = use_community();
    let session = use_session();
    // Who is looking (once known): a new viewer gets a stream of their own.
    let viewer = Memo::new(move |_| session.signed_in().map(|_| session.account().map(|a| a.member.id)));
    let fallback_started = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(community) = community.get() else { return };
        if community.features.stream {
            if viewer.get().is_some() {
                untrack(|| state.connect(0));
            }
        } else if !fallback_started.get_value() {
            fallback_started.set_value(true);
            let refresh = move || {
                if !document().hidden() {
                    state.tell(StreamKind::Reset, "{}");
                }
            };
            set_interval(refresh, REFRESH_EVERY);
            let _ = window_event_listener_untyped("visibilitychange", move |_| refresh());
        }
    });
    state
}

pub fn use_live() -> LiveState {
    expect_context::<LiveState>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnecting_backs_off_to_a_minute() {
        let delays: Vec<u64> = (0..9).map(|n| reconnect_delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn the_stream_resumes_after_the_last_event() {
        assert_eq!(stream_url("/api/v1", ""), "/api/v1/stream");
        assert_eq!(
            stream_url("https://api.example.com/api/v1", "42"),
            "https://api.example.com/api/v1/stream?last_event_id=42"
        );
    }
}
