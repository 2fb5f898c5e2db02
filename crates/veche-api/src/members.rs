//! Member profiles, the directory, follows, reputation, ranks and badges.
//!
//! Reputation is computed from what members did (the "facts"); the rules are here so that the
//! server computes them and the rules page shows the same numbers.

use serde::{Deserialize, Serialize};

use crate::member::{Access, CommunityRole, MemberSummary};
use crate::validate::{self, FieldErrors, Issue};

crate::open_enum! {
    /// Who may see a contact detail.
    pub enum Visibility {
        Everyone = "everyone",
        Members = "members",
        Nobody = "nobody",
    }
}

crate::open_enum! {
    /// A kind of contact detail or social link.
    pub enum ContactKind {
        Email = "email",
        Phone = "phone",
        Website = "website",
        LinkedIn = "linkedin",
        X = "x",
        Vk = "vk",
        Telegram = "telegram",
        GitHub = "github",
    }
}

/// A contact detail as stored and edited by its owner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactSetting {
    pub kind: ContactKind,
    pub value: String,
    pub visibility: Visibility,
}

/// A contact detail as shown to a viewer allowed to see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
}

crate::open_enum! {
    /// Recognition for milestones.
    pub enum BadgeKind {
        FirstPost = "first_post",
        FirstAcceptedAnswer = "first_accepted_answer",
        TenKudos = "ten_kudos",
        HundredKudos = "hundred_kudos",
        IdeaImplemented = "idea_implemented",
        FiveMeetups = "five_meetups",
        FiftyReplies = "fifty_replies",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Badge {
    pub kind: BadgeKind,
    /// When the milestone was reached.
    pub earned_at: String,
}

crate::open_enum! {
    /// Ranks by reputation.
    pub enum Rank {
        Newcomer = "newcomer",
        Contributor = "contributor",
        Regular = "regular",
        Expert = "expert",
        Guru = "guru",
    }
}

/// Points for each thing a member does; shown on the rules page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointRules {
    pub reply: i64,
    pub thread: i64,
    pub kudos_received: i64,
    pub accepted_answer: i64,
    pub idea_implemented: i64,
    pub event_attended: i64,
}

pub const POINTS: PointRules = PointRules {
    reply: 2,
    thread: 3,
    kudos_received: 5,
    accepted_answer: 15,
    idea_implemented: 25,
    event_attended: 10,
};

/// Reputation needed for each rank, lowest first.
pub const RANKS: [(Rank, i64); 5] =
    [(Rank::Newcomer, 0), (Rank::Contributor, 20), (Rank::Regular, 100), (Rank::Expert, 400), (Rank::Guru, 1000)];

/// What a member has done, counted by the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pub threads: i64,
    pub replies: i64,
    pub kudos_received: i64,
    pub accepted_answers: i64,
    pub ideas_implemented: i64,
    pub events_attended: i64,
}

impl Facts {
    pub fn points(&self) -> i64 {
        self.threads * POINTS.thread
            + self.replies * POINTS.reply
            + self.kudos_received * POINTS.kudos_received
            + self.accepted_answers * POINTS.accepted_answer
            + self.ideas_implemented * POINTS.idea_implemented
            + self.events_attended * POINTS.event_attended
    }
}

/// The rank for a reputation.
pub fn rank(points: i64) -> Rank {
    RANKS.iter().rev().find(|(_, needed)| points >= *needed).map(|(rank, _)| *rank).unwrap_or(Rank::Newcomer)
}

/// The badge milestones: which fact, and how many of it.
pub const BADGE_RULES: [(BadgeKind, Milestone, i64); 7] = [
    (BadgeKind::FirstPost, Milestone::Posts, 1),
    (BadgeKind::FiftyReplies, Milestone::Replies, 50),
    (BadgeKind::FirstAcceptedAnswer, Milestone::AcceptedAnswers, 1),
    (BadgeKind::TenKudos, Milestone::KudosReceived, 10),
    (BadgeKind::HundredKudos, Milestone::KudosReceived, 100),
    (BadgeKind::IdeaImplemented, Milestone::IdeasImplemented, 1),
    (BadgeKind::FiveMeetups, Milestone::EventsAttended, 5),
];

crate::open_enum! {
    /// What a badge counts.
    pub enum Milestone {
        /// Threads and replies.
        Posts = "posts",
        Replies = "replies",
        AcceptedAnswers = "accepted_answers",
        KudosReceived = "kudos_received",
        IdeasImplemented = "ideas_implemented",
        EventsAttended = "events_attended",
    }
}

impl Milestone {
    pub fn count(self, facts: &Facts) -> i64 {
        match self {
            Milestone::Posts => facts.threads + facts.replies,
            Milestone::Replies => facts.replies,
            Milestone::AcceptedAnswers => facts.accepted_answers,
            Milestone::KudosReceived => facts.kudos_received,
            Milestone::IdeasImplemented => facts.ideas_implemented,
            Milestone::EventsAttended => facts.events_attended,
            // A backend's own milestone: nothing this version counts.
            Milestone::Unknown => 0,
        }
    }
}

/// The badges these facts have earned, in the order of the rules.
pub fn earned_badges(facts: &Facts) -> Vec<BadgeKind> {
    BADGE_RULES
        .iter()
        .filter(|(_, milestone, needed)| milestone.count(facts) >= *needed)
        .map(|(kind, _, _)| *kind)
        .collect()
}

/// `GET /reputation/rules`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReputationRules {
    pub points: PointRules,
    pub ranks: Vec<RankRule>,
    pub badges: Vec<BadgeRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankRule {
    pub rank: Rank,
    pub points: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadgeRule {
    pub kind: BadgeKind,
    pub milestone: Milestone,
    pub count: i64,
}

pub fn rules() -> ReputationRules {
    ReputationRules {
        points: POINTS,
        ranks: RANKS.iter().map(|(rank, points)| RankRule { rank: *rank, points: *points }).collect(),
        badges: BADGE_RULES
            .iter()
            .map(|(kind, milestone, count)| BadgeRule { kind: *kind, milestone: *milestone, count: *count })
            .collect(),
    }
}

/// Counts shown on the activity tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileCounts {
    pub threads: i64,
    pub replies: i64,
    pub ideas: i64,
    pub events: i64,
    pub followers: i64,
    pub following: i64,
}

/// What the viewer may do with a profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfilePermissions {
    pub edit: bool,
    pub set_role: bool,
    pub follow: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub id: String,
    pub url: String,
    pub caption: String,
    pub width: i64,
    pub height: i64,
}

/// `GET /members/{handle}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub member: MemberSummary,
    #[serde(default)]
    pub city: Option<String>,
    pub bio: String,
    pub joined_at: String,
    pub rank: Rank,
    pub badges: Vec<Badge>,
    /// Only the details this viewer may see; the rest is not sent at all.
    pub contacts: Vec<Contact>,
    pub photos: Vec<Photo>,
    pub counts: ProfileCounts,
    pub following: bool,
    pub permissions: ProfilePermissions,
    /// Hidden by a moderator: others get no city, bio, contacts or photos; the member and
    /// moderators still do.
    #[serde(default)]
    pub hidden: bool,
}

/// The owner's own editable profile: `GET /members/me/profile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileSettings {
    pub display_name: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub contacts: Vec<ContactSetting>,
    /// Whether others see the ideas this member voted for.
    #[serde(default = "yes")]
    pub show_votes: bool,
}

fn yes() -> bool {
    true
}

pub const BIO_MAX: usize = 2_000;
pub const SHORT_MAX: usize = 80;
pub const CONTACTS_MAX: usize = 10;

fn looks_like_url(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > 10
        && !lower.contains(char::is_whitespace)
}

/// Phone numbers: digits with the usual separators, 6 to 20 digits.
fn looks_like_phone(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits) && value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

pub fn check_settings(settings: &ProfileSettings) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.check("display_name", validate::name(&settings.display_name, 2, validate::DISPLAY_NAME_MAX));
    errors.check("position", validate::optional_text(&settings.position, SHORT_MAX));
    errors.check("company", validate::optional_text(&settings.company, SHORT_MAX));
    errors.check("city", validate::optional_text(&settings.city, SHORT_MAX));
    errors.check("bio", validate::optional_text(&settings.bio, BIO_MAX));
    if settings.contacts.len() > CONTACTS_MAX {
        errors.add("contacts", Issue::TooLong { max: CONTACTS_MAX });
    }
    for (index, contact) in settings.contacts.iter().enumerate() {
        let field = format!("contacts.{index}.value");
        let value = contact.value.trim();
        let issue = match contact.kind {
            _ if value.is_empty() => Some(Issue::Required),
            ContactKind::Email => validate::email(value),
            ContactKind::Phone => (!looks_like_phone(value)).then_some(Issue::Invalid),
            ContactKind::Telegram => validate::text(value, 2, 64),
            ContactKind::Unknown => Some(Issue::Invalid),
            _ => (!looks_like_url(value) || value.len() > 300).then_some(Issue::Invalid),
        };
        errors.check(&field, issue);
        if contact.visibility == Visibility::Unknown {
            errors.add(&format!("contacts.{index}.visibility"), Issue::Invalid);
        }
    }
    errors
}

/// A card of the member directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberCard {
    pub member: MemberSummary,
    #[serde(default)]
    pub city: Option<String>,
    pub joined_at: String,
}

crate::open_enum! {
    pub enum MemberSort {
        Reputation = "reputation",
        Newest = "newest",
        Name = "name",
    }
}

crate::open_enum! {
    /// Tabs of a profile's activity.
    pub enum ActivityKind {
        Threads = "threads",
        Replies = "replies",
        Ideas = "ideas",
        Events = "events",
    }
}

/// One thing a member created, as listed on their profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityItem {
    pub kind: ActivityKind,
    pub id: String,
    pub title: String,
    pub excerpt: String,
    /// Where it lives in the app, e.g. `/threads/12#reply-40`.
    pub link: String,
    pub created_at: String,
}

/// `PUT /members/{handle}/role` (staff only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleChange {
    pub role: CommunityRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderboardEntry {
    pub member: MemberSummary,
    pub points: i64,
}

crate::open_enum! {
    pub enum LeaderboardPeriod {
        Month = "month",
        All = "all",
    }
}

/// `PATCH /photos/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PhotoUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// `PUT /members/{handle}/photos/order`: every photo id, in the new order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PhotoOrder {
    pub ids: Vec<String>,
}

pub const PHOTO_CAPTION_MAX: usize = 200;
/// Largest image accepted, in bytes.
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;
pub const PHOTOS_MAX: usize = 30;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_add_up_by_the_rules() {
        let facts = Facts {
            threads: 2,
            replies: 10,
            kudos_received: 4,
            accepted_answers: 1,
            ideas_implemented: 1,
            events_attended: 2,
        };
        assert_eq!(facts.points(), 2 * 3 + 10 * 2 + 4 * 5 + 15 + 25 + 2 * 10);
        assert_eq!(Facts::default().points(), 0);
    }

    #[test]
    fn ranks_start_at_their_threshold() {
        assert_eq!(rank(0), Rank::Newcomer);
        assert_eq!(rank(19), Rank::Newcomer);
        assert_eq!(rank(20), Rank::Contributor);
        assert_eq!(rank(399), Rank::Regular);
        assert_eq!(rank(400), Rank::Expert);
        assert_eq!(rank(1_000_000), Rank::Guru);
        assert_eq!(rank(-5), Rank::Newcomer);
    }

    #[test]
    fn badges_come_at_their_milestones() {
        assert!(earned_badges(&Facts::default()).is_empty());
        let facts = Facts { replies: 1, kudos_received: 10, ..Facts::default() };
        assert_eq!(earned_badges(&facts), vec![BadgeKind::FirstPost, BadgeKind::TenKudos]);
        let veteran = Facts {
            threads: 5,
            replies: 60,
            kudos_received: 120,
            accepted_answers: 3,
            ideas_implemented: 1,
            events_attended: 5,
        };
        assert_eq!(earned_badges(&veteran).len(), BADGE_RULES.len());
    }

    #[test]
    fn contact_details_are_checked_by_kind() {
        let settings = ProfileSettings {
            display_name: "Anna".into(),
            contacts: vec![
                ContactSetting {
                    kind: ContactKind::Email,
                    value: "not-an-email".into(),
                    visibility: Visibility::Members,
                },
                ContactSetting {
                    kind: ContactKind::Phone,
                    value: "+7 (912) 345-67-89".into(),
                    visibility: Visibility::Nobody,
                },
                ContactSetting {
                    kind: ContactKind::LinkedIn,
                    value: "javascript:alert(1)".into(),
                    visibility: Visibility::Everyone,
                },
                ContactSetting {
                    kind: ContactKind::Website,
                    value: "https://example.com/anna".into(),
                    visibility: Visibility::Unknown,
                },
            ],
            ..ProfileSettings::default()
        };
        let errors = check_settings(&settings);
        assert_eq!(errors.get("contacts.0.value"), Some(Issue::EmailFormat));
        assert_eq!(errors.get("contacts.1.value"), None);
        assert_eq!(errors.get("contacts.2.value"), Some(Issue::Invalid));
        assert_eq!(errors.get("contacts.3.visibility"), Some(Issue::Invalid));
    }
}
