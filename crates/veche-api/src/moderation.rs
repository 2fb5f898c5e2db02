//! Moderation: members report posts, replies, ideas and profiles; moderators and staff work
//! through the queue of open reports, hide or restore content with a note, or dismiss the
//! reports; every action is written to the moderation log.

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::validate::{self, FieldErrors, Issue};

/// Longest note on a report or a moderator's action, in characters.
pub const NOTE_MAX: usize = 500;

crate::open_enum! {
    /// What can be reported and hidden.
    pub enum TargetKind {
        /// A thread's opening post (its title and text).
        Thread = "thread",
        /// A reply in a thread or a comment on an idea.
        Reply = "reply",
        Idea = "idea",
        /// A member's profile (what they wrote about themselves).
        Member = "member",
    }
}

crate::open_enum! {
    /// Why a member reports something.
    pub enum ReportReason {
        Spam = "spam",
        Abuse = "abuse",
        OffTopic = "off_topic",
        PersonalData = "personal_data",
        Other = "other",
    }
}

crate::open_enum! {
    /// What a moderator did.
    pub enum ModerationAction {
        /// The content is shown as "hidden by a moderator" to everyone but its author and moderators.
        Hide = "hide",
        /// Hidden content is shown again.
        Restore = "restore",
        /// The open reports are closed without hiding anything.
        Dismiss = "dismiss",
    }
}

/// `POST /reports`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewReport {
    pub target_kind: TargetKind,
    /// The id of the thread, reply, idea or member.
    pub target_id: String,
    pub reason: ReportReason,
    #[serde(default)]
    pub note: String,
}

/// A member's report, as its reporter sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub id: String,
    pub target_kind: TargetKind,
    pub target_id: String,
    pub reason: ReportReason,
    pub note: String,
    pub created_at: String,
}

/// The reported or moderated thing, as moderators see it: enough to judge it and find it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModerationTarget {
    pub kind: TargetKind,
    pub id: String,
    /// The thread's or idea's title; for a reply, the title of what it replies to; for a
    /// member, their name.
    pub title: String,
    /// The reported text as plain text, shortened.
    pub excerpt: String,
    /// Who wrote it (for a member: the member).
    pub author: MemberSummary,
    pub hidden: bool,
    /// For a thread or a reply: the thread it is in.
    #[serde(default)]
    pub thread_id: Option<String>,
    /// For an idea, or a comment on one: the idea.
    #[serde(default)]
    pub idea_id: Option<String>,
}

/// How many open reports gave one reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReasonCount {
    pub reason: ReportReason,
    pub count: i64,
}

/// One row of the queue: a target with its open reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub target: ModerationTarget,
    pub report_count: i64,
    /// Most frequent first.
    pub reasons: Vec<ReasonCount>,
    /// The reporters' notes that are not empty, newest first.
    pub notes: Vec<String>,
    pub last_reported_at: String,
}

/// `POST /moderation/actions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewModerationAction {
    pub target_kind: TargetKind,
    pub target_id: String,
    pub action: ModerationAction,
    /// Why; required to hide or restore.
    #[serde(default)]
    pub note: String,
}

/// One line of the moderation log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: String,
    pub action: ModerationAction,
    pub target: ModerationTarget,
    pub moderator: MemberSummary,
    pub note: String,
    pub created_at: String,
}

pub fn check_report_note(errors: &mut FieldErrors, note: &str) {
    errors.check("note", validate::optional_text(note, NOTE_MAX));
}

/// A reason and a target the server knows, and a note that fits.
pub fn check_report(report: &NewReport) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if report.target_kind == TargetKind::Unknown {
        errors.add("target_kind", Issue::Invalid);
    }
    if report.target_id.trim().is_empty() {
        errors.add("target_id", Issue::Required);
    }
    if report.reason == ReportReason::Unknown {
        errors.add("reason", Issue::Required);
    }
    check_report_note(&mut errors, &report.note);
    errors
}

/// Hiding and restoring say why (the log shows it to the other moderators); dismissing may.
pub fn check_action_note(errors: &mut FieldErrors, action: ModerationAction, note: &str) {
    let min = if action == ModerationAction::Dismiss { 0 } else { 1 };
    errors.check("note", validate::text(note, min, NOTE_MAX));
}

pub fn check_action(request: &NewModerationAction) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if request.target_kind == TargetKind::Unknown {
        errors.add("target_kind", Issue::Invalid);
    }
    if request.target_id.trim().is_empty() {
        errors.add("target_id", Issue::Required);
    }
    if request.action == ModerationAction::Unknown {
        errors.add("action", Issue::Invalid);
    }
    check_action_note(&mut errors, request.action, &request.note);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(reason: ReportReason, note: &str) -> NewReport {
        NewReport { target_kind: TargetKind::Reply, target_id: "7".into(), reason, note: note.into() }
    }

    #[test]
    fn a_report_needs_a_known_reason_and_a_short_note() {
        assert!(check_report(&report(ReportReason::Spam, "")).is_empty());
        assert_eq!(check_report(&report(ReportReason::Unknown, "")).get("reason"), Some(Issue::Required));
        let long = "ж".repeat(NOTE_MAX + 1);
        assert_eq!(
            check_report(&report(ReportReason::Other, &long)).get("note"),
            Some(Issue::TooLong { max: NOTE_MAX })
        );
        assert!(check_report(&report(ReportReason::Other, &"ж".repeat(NOTE_MAX))).is_empty());
    }

    #[test]
    fn a_report_names_its_target() {
        let mut unknown = report(ReportReason::Spam, "");
        unknown.target_kind = TargetKind::parse("event");
        unknown.target_id = " ".into();
        let errors = check_report(&unknown);
        assert_eq!(errors.get("target_kind"), Some(Issue::Invalid));
        assert_eq!(errors.get("target_id"), Some(Issue::Required));
    }

    #[test]
    fn hiding_and_restoring_need_a_note_dismissing_does_not() {
        let action = |action, note: &str| NewModerationAction {
            target_kind: TargetKind::Thread,
            target_id: "1".into(),
            action,
            note: note.into(),
        };
        assert_eq!(check_action(&action(ModerationAction::Hide, " ")).get("note"), Some(Issue::Required));
        assert_eq!(check_action(&action(ModerationAction::Restore, "")).get("note"), Some(Issue::Required));
        assert!(check_action(&action(ModerationAction::Dismiss, "")).is_empty());
        assert!(check_action(&action(ModerationAction::Hide, "Insults")).is_empty());
        assert_eq!(check_action(&action(ModerationAction::Unknown, "x")).get("action"), Some(Issue::Invalid));
    }

    #[test]
    fn reasons_travel_as_snake_case() {
        assert_eq!(serde_json::to_string(&ReportReason::PersonalData).unwrap(), "\"personal_data\"");
        assert_eq!(ReportReason::parse("off_topic"), ReportReason::OffTopic);
        assert_eq!(ReportReason::parse("rude"), ReportReason::Unknown);
    }
}
