//! The signed-in member's count of unread notifications: the bell shows it, the notifications
//! page lowers it. Asked again every minute and whenever the tab comes back into view.

use std::time::Duration;

use leptos::prelude::*;

use super::session::use_session;
use crate::api;

/// How often an open tab asks for the count.
const POLL_EVERY: Duration = Duration::from_secs(60);

#[derive(Clone, Copy)]
pub struct UnreadState {
    count: RwSignal<i64>,
}

impl UnreadState {
    /// Nothing unread known yet.
    fn new() -> UnreadState {
        UnreadState { count: RwSignal::new(0) }
    }

    /// Unread notifications, 0 when unknown or signed out (tracked).
    pub fn count(&self) -> i64 {
        self.count.get()
    }

    /// The server's word after marking read.
    pub fn set(&self, unread: i64) {
        self.count.set(unread.max(0));
    }

    /// Asks the server; a failure keeps the last count (the next poll tries again).
    pub fn reload(&self) {
        let count = self.count;
        leptos::task::spawn_local(async move {
            if let Ok(fresh) = api::notifications::unread_count().await {
                count.set(fresh.unread);
            }
        });
    }
}

/// Loads the count whenever someone signs in, forgets it on sign-out, and keeps it fresh while
/// the tab is visible.
pub fn provide_unread() -> UnreadState {
    let state = UnreadState::new();
    let session = use_session();
    Effect::new(move |_| match session.account() {
        Some(_) => state.reload(),
        None => state.count.set(0),
    });
    let refresh = move || {
        if !document().hidden() && session.signed_in() == Some(true) {
            state.reload();
        }
    };
    set_interval(refresh, POLL_EVERY);
    let _ = window_event_listener_untyped("visibilitychange", move |_| refresh());
    provide_context(state);
    state
}

pub fn use_unread() -> UnreadState {
    expect_context::<UnreadState>()
}

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    use super::*;

    #[test]
    fn the_bell_shows_what_the_server_last_said_and_never_a_negative_count() {
        let owner = Owner::new();
        owner.set();
        let unread = UnreadState::new();
        assert_eq!(unread.count(), 0, "nothing shown before the server answers");
        unread.set(4);
        assert_eq!(unread.count(), 4);
        unread.set(-1);
        assert_eq!(unread.count(), 0);
    }
}
