//! `GET /stream`: the live stream's events (server-sent events). Each message's `event:` field
//! is its kind and its `data:` one [`StreamEvent`] as JSON. Events carry ids and counts, never
//! text: a client fetches what changed through the ordinary, access-checked reads.

use serde::{Deserialize, Serialize};

use crate::ideas::IdeaStatus;

/// Query parameter that resumes a stream, for clients that cannot set `Last-Event-ID` (a new
/// `EventSource` after a back-off).
pub const LAST_EVENT_ID_PARAM: &str = "last_event_id";

crate::open_enum! {
    /// What happened. A client ignores kinds it does not know.
    pub enum StreamKind {
        /// A reply was added to a thread (`thread_id`, `reply_id`).
        ReplyCreated = "reply_created",
        /// A thread's post or one of its replies changed (`thread_id`, `reply_id` for a reply,
        /// `change`).
        PostChanged = "post_changed",
        /// A post's kudos count (`thread_id`, `reply_id` for a reply, `kudos_count`).
        KudosChanged = "kudos_changed",
        /// The thread's accepted answer (`thread_id`, `reply_id`: none when taken back).
        AnswerChanged = "answer_changed",
        /// The member's notifications changed (for that member only): read the unread count again.
        NotificationsChanged = "notifications_changed",
        /// An idea's votes or status (`idea_id`, `vote_count`, `status`).
        IdeaChanged = "idea_changed",
        /// Who goes to an event (`event_id`, `occurrence`, `going`, `waitlisted`).
        EventAttendance = "event_attendance",
        /// The server cannot replay what was missed (the `Last-Event-ID` is too old): read again
        /// everything on screen.
        Reset = "reset",
        /// Sent every 20 seconds while nothing else is, so a client can tell a quiet stream
        /// from a dead one.
        Heartbeat = "heartbeat",
    }
}

crate::open_enum! {
    /// How a post changed.
    pub enum PostChange {
        Edited = "edited",
        Hidden = "hidden",
        Restored = "restored",
        Deleted = "deleted",
    }
}

/// One event. Which fields are present depends on `kind`; every one is optional on the wire,
/// so an event a newer server adds more to still reads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StreamEvent {
    pub kind: Option<StreamKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<PostChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kudos_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idea_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<IdeaStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub going: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlisted: Option<i64>,
}

impl StreamEvent {
    pub fn new(kind: StreamKind) -> StreamEvent {
        StreamEvent { kind: Some(kind), ..StreamEvent::default() }
    }

    /// The kind, `Unknown` when missing.
    pub fn kind(&self) -> StreamKind {
        self.kind.unwrap_or(StreamKind::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_kinds_and_fields_still_read() {
        let event: StreamEvent =
            serde_json::from_str(r#"{"kind":"poll_closed","poll_id":"3","change":"pinned"}"#).unwrap();
        assert_eq!(event.kind(), StreamKind::Unknown);
        assert_eq!(event.change, Some(PostChange::Unknown));
        let empty: StreamEvent = serde_json::from_str("{}").unwrap();
        assert_eq!(empty.kind(), StreamKind::Unknown);
    }

    #[test]
    fn only_the_fields_of_the_kind_travel() {
        let mut event = StreamEvent::new(StreamKind::ReplyCreated);
        event.thread_id = Some("4".into());
        event.reply_id = Some("9".into());
        assert_eq!(
            serde_json::to_string(&event).unwrap(),
            r#"{"kind":"reply_created","thread_id":"4","reply_id":"9"}"#
        );
    }
}
