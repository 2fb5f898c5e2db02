//! Discussion threads: spaces, threads, replies, kudos, accepted answers.

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::names::Translations;
use crate::validate::{self, FieldErrors};

/// Longest post or reply, in characters.
pub const BODY_MAX: usize = 10_000;
pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 150;
/// Replies per page of a thread.
pub const REPLIES_PER_PAGE: u32 = 50;

/// A topic area threads belong to ("Product questions", "Partners", …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Space {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub thread_count: i64,
    pub reply_count: i64,
    /// The closed group the space belongs to, if any; its content is for that group's members.
    #[serde(default)]
    pub group_id: Option<String>,
    /// A news space: only staff start threads (announcements); members reply.
    #[serde(default)]
    pub news: bool,
    /// The viewer may start a thread here (signed in; a news space only for staff, a group's
    /// space only for the group's members). Absent: no.
    #[serde(default)]
    pub can_post: bool,
    /// The name and description as staff wrote them in each language (`name` and
    /// `description` above are the reader's).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// The space a thread sits in, as shown on the thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpaceRef {
    pub id: String,
    pub slug: String,
    pub name: String,
}

crate::open_enum! {
    /// Orders of the thread list.
    pub enum ThreadSort {
        /// Latest activity first (the default).
        Activity = "activity",
        Newest = "newest",
        /// Most replies in the last 30 days.
        Discussed = "discussed",
        /// No replies yet, newest first.
        Unanswered = "unanswered",
    }
}

crate::open_enum! {
    /// The window `ThreadSort::Discussed` counts replies in.
    pub enum DiscussedPeriod {
        /// The last 7 days.
        Week = "week",
        /// The last 30 days (the default).
        Month = "month",
    }
}

impl DiscussedPeriod {
    /// The window's length in days.
    pub fn days(self) -> i64 {
        match self {
            DiscussedPeriod::Week => 7,
            DiscussedPeriod::Month | DiscussedPeriod::Unknown => 30,
        }
    }
}

/// A row of a thread list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    pub id: String,
    pub title: String,
    pub space: SpaceRef,
    pub author: MemberSummary,
    pub created_at: String,
    pub last_activity_at: String,
    pub reply_count: i64,
    pub kudos_count: i64,
    pub solved: bool,
    pub pinned: bool,
    pub locked: bool,
    /// The opening post's text, shortened, for previews.
    pub excerpt: String,
}

/// What the viewer may do with a post or reply (the server decides; the app only hides).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Permissions {
    pub edit: bool,
    pub delete: bool,
    /// Pin and lock (threads).
    pub moderate: bool,
    /// Mark a reply as the accepted answer (threads).
    pub accept: bool,
    pub reply: bool,
    pub kudos: bool,
}

/// A thread with its opening post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thread {
    pub id: String,
    pub title: String,
    pub space: SpaceRef,
    pub author: MemberSummary,
    /// Markdown; empty when deleted.
    pub body: String,
    pub created_at: String,
    #[serde(default)]
    pub edited_at: Option<String>,
    pub last_activity_at: String,
    pub reply_count: i64,
    pub kudos_count: i64,
    pub kudos_given: bool,
    pub pinned: bool,
    pub locked: bool,
    pub deleted: bool,
    /// Hidden by a moderator: others get no title or text; the author and moderators still do.
    #[serde(default)]
    pub hidden: bool,
    /// The accepted answer, shown under the question.
    #[serde(default)]
    pub solution: Option<Reply>,
    pub permissions: Permissions,
    /// The group the content belongs to; absent for community-wide content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<crate::groups::GroupRef>,
    /// Knowledge-base articles the thread links to (those the reader may read).
    #[serde(default)]
    pub articles: Vec<crate::kb::Link>,
}

/// A short quotation of another reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub reply_id: String,
    pub author_name: String,
    pub excerpt: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: String,
    pub thread_id: String,
    /// 1 for the first reply; stable, so links to replies survive deletions.
    pub position: i64,
    pub author: MemberSummary,
    /// Markdown; empty when deleted.
    pub body: String,
    pub created_at: String,
    #[serde(default)]
    pub edited_at: Option<String>,
    pub deleted: bool,
    pub kudos_count: i64,
    pub kudos_given: bool,
    #[serde(default)]
    pub quote: Option<Quote>,
    /// This reply is the thread's accepted answer.
    pub solution: bool,
    pub permissions: Permissions,
    /// Hidden by a moderator: others get no text; the author and moderators still do.
    #[serde(default)]
    pub hidden: bool,
}

/// `POST /threads`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewThread {
    pub space_id: String,
    pub title: String,
    pub body: String,
}

/// `PATCH /threads/{id}`: absent fields stay; title and body by the author or a moderator,
/// pinned and locked by a moderator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
}

/// `POST /threads/{id}/replies`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewReply {
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_reply_id: Option<String>,
}

/// `PATCH /replies/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplyUpdate {
    pub body: String,
}

/// The answer to giving or taking back kudos.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct KudosState {
    pub kudos_count: i64,
    pub kudos_given: bool,
}

/// `PUT /threads/{id}/solution`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SolutionChoice {
    pub reply_id: String,
}

pub fn check_title(errors: &mut FieldErrors, title: &str) {
    errors.check("title", validate::text(title, TITLE_MIN, TITLE_MAX));
}

pub fn check_body(errors: &mut FieldErrors, body: &str) {
    errors.check("body", validate::text(body, 1, BODY_MAX));
}

pub fn new_thread(request: &NewThread) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if request.space_id.trim().is_empty() {
        errors.add("space_id", validate::Issue::Required);
    }
    check_title(&mut errors, &request.title);
    check_body(&mut errors, &request.body);
    errors
}

pub fn new_reply(request: &NewReply) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_body(&mut errors, &request.body);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Issue;

    #[test]
    fn a_thread_needs_a_space_a_title_and_a_body() {
        let errors = new_thread(&NewThread { space_id: "".into(), title: "Hi".into(), body: "  ".into() });
        assert_eq!(errors.get("space_id"), Some(Issue::Required));
        assert_eq!(errors.get("title"), Some(Issue::TooShort { min: TITLE_MIN }));
        assert_eq!(errors.get("body"), Some(Issue::Required));
    }

    #[test]
    fn bodies_are_capped_at_ten_thousand_characters() {
        let long = "ж".repeat(BODY_MAX + 1);
        assert_eq!(
            new_reply(&NewReply { body: long, quote_reply_id: None }).get("body"),
            Some(Issue::TooLong { max: BODY_MAX })
        );
        let fits = "ж".repeat(BODY_MAX);
        assert!(new_reply(&NewReply { body: fits, quote_reply_id: None }).is_empty());
    }
}
