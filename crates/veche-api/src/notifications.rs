//! In-app notifications: what happened to a member's content and plans, the bell's unread count.

use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// Why a notification was sent.
    pub enum NotificationKind {
        /// Someone replied to a thread the member started.
        Reply = "reply",
        /// Someone wrote the member's `@handle` in a thread or a reply.
        Mention = "mention",
        /// An idea the member voted for moved to another status.
        IdeaStatus = "idea_status",
        /// The time or place of an event the member answered changed.
        EventChanged = "event_changed",
        /// An event the member answered was cancelled.
        EventCancelled = "event_cancelled",
        /// A place came free and the member moved from the waitlist to going.
        WaitlistPromoted = "waitlist_promoted",
        /// A group admin decided on the member's request to join a group.
        GroupAccess = "group_access",
    }
}

/// One notification, as the bell's page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: String,
    pub kind: NotificationKind,
    /// The title of the content it is about (a thread, an idea, an event, a group).
    pub title: String,
    /// A short plain-text excerpt: the reply, the official answer, what changed; may be empty.
    pub excerpt: String,
    /// The app's path of the content (`/threads/12#reply-40`).
    pub link: String,
    /// Who caused it, when a member did (the replier, the one who mentioned).
    #[serde(default)]
    pub actor_name: Option<String>,
    pub created_at: String,
    /// When the member opened it or marked it read; absent while unread.
    #[serde(default)]
    pub read_at: Option<String>,
}

/// How many notifications the member has not read yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadCount {
    pub unread: i64,
}

/// Longest excerpt a notification carries, in characters.
pub const EXCERPT_MAX: usize = 160;
