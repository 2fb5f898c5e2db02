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

crate::open_enum! {
    /// How a kind of notification reaches the member by e-mail.
    pub enum Delivery {
        /// One mail for each, as it happens.
        Immediately = "immediately",
        /// Gathered into one mail a day.
        Daily = "daily",
        /// No mail (the bell still shows it).
        Never = "never",
    }
}

crate::open_enum! {
    /// What an unsubscribe link switches off: one kind of notification mail, or the weekly
    /// community digest.
    pub enum MailTopic {
        /// Replies to threads the member started.
        Replies = "replies",
        /// `@handle` mentions.
        Mentions = "mentions",
        /// Status changes of ideas the member voted for.
        IdeaStatus = "idea_status",
        /// Changes and cancellations of events the member answered, waitlist promotions.
        Events = "events",
        /// Decisions on the member's requests to join groups.
        GroupDecisions = "group_decisions",
        /// The weekly community digest.
        WeeklyDigest = "weekly_digest",
    }
}

impl MailTopic {
    /// The topic whose preference decides whether a notification of `kind` is mailed; `None`
    /// for a kind no preference covers (never mailed).
    pub fn of_kind(kind: NotificationKind) -> Option<MailTopic> {
        match kind {
            NotificationKind::Reply => Some(MailTopic::Replies),
            NotificationKind::Mention => Some(MailTopic::Mentions),
            NotificationKind::IdeaStatus => Some(MailTopic::IdeaStatus),
            NotificationKind::EventChanged | NotificationKind::EventCancelled | NotificationKind::WaitlistPromoted => {
                Some(MailTopic::Events)
            }
            NotificationKind::GroupAccess => Some(MailTopic::GroupDecisions),
            NotificationKind::Unknown => None,
        }
    }
}

/// `GET`/`PUT /notifications/preferences`: what reaches the member by e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPreferences {
    pub replies: Delivery,
    pub mentions: Delivery,
    pub idea_status: Delivery,
    pub events: Delivery,
    pub group_decisions: Delivery,
    /// The weekly community digest (most discussed threads, new and implemented ideas, upcoming
    /// events): only for those who opt in.
    pub weekly_digest: bool,
}

impl Default for MailPreferences {
    /// What a member gets before choosing: what is addressed to them at once, idea statuses in a
    /// daily digest, no weekly digest.
    fn default() -> Self {
        MailPreferences {
            replies: Delivery::Immediately,
            mentions: Delivery::Immediately,
            idea_status: Delivery::Daily,
            events: Delivery::Immediately,
            group_decisions: Delivery::Immediately,
            weekly_digest: false,
        }
    }
}

impl MailPreferences {
    /// The delivery of a kind's topic (`Never` for the weekly digest, which is not a kind).
    pub fn delivery(&self, topic: MailTopic) -> Delivery {
        match topic {
            MailTopic::Replies => self.replies,
            MailTopic::Mentions => self.mentions,
            MailTopic::IdeaStatus => self.idea_status,
            MailTopic::Events => self.events,
            MailTopic::GroupDecisions => self.group_decisions,
            MailTopic::WeeklyDigest | MailTopic::Unknown => Delivery::Never,
        }
    }

    /// Sets how `topic` is mailed; for the weekly digest, anything but `Never` switches it on.
    pub fn set(&mut self, topic: MailTopic, delivery: Delivery) {
        match topic {
            MailTopic::Replies => self.replies = delivery,
            MailTopic::Mentions => self.mentions = delivery,
            MailTopic::IdeaStatus => self.idea_status = delivery,
            MailTopic::Events => self.events = delivery,
            MailTopic::GroupDecisions => self.group_decisions = delivery,
            MailTopic::WeeklyDigest => self.weekly_digest = delivery != Delivery::Never,
            MailTopic::Unknown => {}
        }
    }

    /// The fields holding a value this version does not know (a server refuses to store them).
    pub fn unknown_fields(&self) -> Vec<&'static str> {
        [
            ("replies", self.replies),
            ("mentions", self.mentions),
            ("idea_status", self.idea_status),
            ("events", self.events),
            ("group_decisions", self.group_decisions),
        ]
        .into_iter()
        .filter(|(_, delivery)| *delivery == Delivery::Unknown)
        .map(|(field, _)| field)
        .collect()
    }
}

/// `POST /notifications/unsubscribe` and `/notifications/resubscribe`: the token of a mail's
/// unsubscribe link (it names the member and the topic; no session needed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnsubscribeRequest {
    pub token: String,
}

/// What an unsubscribe link switched off (or back on): the topics of the mail it came in (a
/// daily digest gathers several).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSubscription {
    pub topics: Vec<MailTopic>,
    /// Whether mail of these topics is sent now.
    pub subscribed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_but_an_unknown_one_has_a_topic() {
        for kind in NotificationKind::KNOWN {
            assert!(MailTopic::of_kind(*kind).is_some(), "{kind:?}");
        }
        assert_eq!(MailTopic::of_kind(NotificationKind::Unknown), None);
        assert_eq!(MailTopic::of_kind(NotificationKind::WaitlistPromoted), Some(MailTopic::Events));
    }

    #[test]
    fn setting_a_topic_changes_that_topic_only() {
        let mut preferences = MailPreferences { replies: Delivery::Daily, ..MailPreferences::default() };
        preferences.set(MailTopic::Replies, Delivery::Never);
        assert_eq!(preferences.replies, Delivery::Never);
        assert_eq!(preferences.mentions, Delivery::Immediately);
        preferences.set(MailTopic::WeeklyDigest, Delivery::Immediately);
        assert!(preferences.weekly_digest);
        assert_eq!(preferences.delivery(MailTopic::WeeklyDigest), Delivery::Never, "not a kind");
        preferences.set(MailTopic::Replies, Delivery::Daily);
        assert_eq!(preferences.replies, Delivery::Daily);
    }

    #[test]
    fn unknown_deliveries_are_named_by_their_field() {
        let preferences: MailPreferences = serde_json::from_str(
            r#"{"replies":"hourly","mentions":"never","idea_status":"daily","events":"immediately","group_decisions":"never","weekly_digest":true}"#,
        )
        .expect("open enums read any value");
        assert_eq!(preferences.unknown_fields(), vec!["replies"]);
    }
}
