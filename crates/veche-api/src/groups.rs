//! Groups: open, closed and secret circles of members that own spaces, threads, ideas and
//! events, with join requests decided by the group's admins.

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::names::{self, Translations};
use crate::validate::{self, FieldErrors, Issue};

pub const NAME_MAX: usize = 80;
pub const DESCRIPTION_MAX: usize = 2000;
pub const SLUG_MIN: usize = 2;
pub const SLUG_MAX: usize = 40;

crate::open_enum! {
    /// Who sees a group and its content.
    pub enum GroupKind {
        /// Anyone reads; members join at once and post.
        Open = "open",
        /// Everyone sees the group; its content is for members, who join by request.
        Closed = "closed",
        /// Only members (and staff) know the group exists.
        Secret = "secret",
    }
}

crate::open_enum! {
    /// The viewer's standing in a group.
    pub enum Membership {
        None = "none",
        /// Asked to join a closed group; an admin has not decided yet.
        Requested = "requested",
        Member = "member",
        Admin = "admin",
    }
}

crate::open_enum! {
    /// A member's role inside a group.
    pub enum GroupRole {
        Member = "member",
        /// Decides join requests, edits the group, names other admins.
        Admin = "admin",
    }
}

crate::open_enum! {
    /// What a group admin answers to a join request.
    pub enum Decision {
        Approve = "approve",
        Decline = "decline",
    }
}

/// A group as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub kind: GroupKind,
    pub member_count: i64,
    pub created_at: String,
    pub membership: Membership,
    /// The name and description as staff wrote them in each language (`name` and
    /// `description` above are the reader's).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
    /// The viewer may edit the group and decide its requests (a group admin or staff).
    #[serde(default)]
    pub can_manage: bool,
}

/// The group a piece of content belongs to, as shown on the content (and on its gate).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRef {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub kind: GroupKind,
}

/// What a `members_only` answer tells about the group whose content was refused (never the
/// content itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupGate {
    pub group: GroupRef,
    /// The viewer is signed in, not a member and has no request pending: "Request access".
    pub can_request: bool,
    /// The viewer already asked to join.
    #[serde(default)]
    pub requested: bool,
}

/// The part of a `members_only` problem answer that names the group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersOnlyProblem {
    pub group: GroupGate,
}

/// `POST /groups` (staff).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewGroup {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub kind: GroupKind,
    /// The Russian name and description (`ru`); `name` and `description` are the English.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// `PATCH /groups/{slug}`: absent fields stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<GroupKind>,
    /// `ru`: the Russian name and description, replaced together (empty: none); absent: kept.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A row of `GET /groups/{slug}/members`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    pub member: MemberSummary,
    pub role: GroupRole,
    pub joined_at: String,
}

/// A row of `GET /groups/{slug}/requests`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub member: MemberSummary,
    pub requested_at: String,
}

/// `PUT /groups/{slug}/requests/{handle}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestDecision {
    pub decision: Decision,
}

/// `PUT /groups/{slug}/members/{handle}/role`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleChange {
    pub role: GroupRole,
}

/// A slug is the group's address: `/groups/<slug>`.
pub fn check_slug(errors: &mut FieldErrors, slug: &str) {
    let length = slug.chars().count();
    let issue = if slug.is_empty() {
        Some(Issue::Required)
    } else if length < SLUG_MIN {
        Some(Issue::TooShort { min: SLUG_MIN })
    } else if length > SLUG_MAX {
        Some(Issue::TooLong { max: SLUG_MAX })
    } else if !slug.starts_with(|c: char| c.is_ascii_lowercase())
        || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Some(Issue::Invalid)
    } else {
        None
    };
    errors.check("slug", issue);
}

pub fn check_name(errors: &mut FieldErrors, name: &str) {
    errors.check("name", validate::name(name, 1, NAME_MAX));
}

pub fn check_description(errors: &mut FieldErrors, description: &str) {
    errors.check("description", validate::optional_text(description, DESCRIPTION_MAX));
}

/// A kind this version does not know is a field error, not a new kind of group.
pub fn check_kind(errors: &mut FieldErrors, kind: GroupKind) {
    if kind == GroupKind::Unknown {
        errors.add("kind", Issue::Invalid);
    }
}

pub fn check_new_group(request: &NewGroup) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_slug(&mut errors, &request.slug);
    check_name(&mut errors, &request.name);
    check_description(&mut errors, &request.description);
    check_kind(&mut errors, request.kind);
    names::check_russian(&mut errors, request.translations.ru.as_ref(), NAME_MAX, DESCRIPTION_MAX);
    errors
}

pub fn check_group_update(update: &GroupUpdate) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if let Some(name) = &update.name {
        check_name(&mut errors, name);
    }
    if let Some(description) = &update.description {
        check_description(&mut errors, description);
    }
    if let Some(kind) = update.kind {
        check_kind(&mut errors, kind);
    }
    names::check_russian(&mut errors, update.translations.ru.as_ref(), NAME_MAX, DESCRIPTION_MAX);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(slug: &str, name: &str, kind: &str) -> NewGroup {
        NewGroup {
            slug: slug.into(),
            name: name.into(),
            description: String::new(),
            kind: GroupKind::parse(kind),
            translations: Translations::default(),
        }
    }

    #[test]
    fn a_group_needs_a_slug_a_name_and_a_known_kind() {
        let errors = check_new_group(&group("", "  ", "private"));
        assert_eq!(errors.get("slug"), Some(Issue::Required));
        assert_eq!(errors.get("name"), Some(Issue::Required));
        assert_eq!(errors.get("kind"), Some(Issue::Invalid));
        assert!(check_new_group(&group("beta-testers", "Бета-тестеры", "closed")).is_empty());
    }

    #[test]
    fn slugs_are_lowercase_latin_words_joined_by_hyphens() {
        for bad in ["Beta", "бета", "1beta", "beta testers", "beta_testers"] {
            assert_eq!(check_new_group(&group(bad, "Beta", "open")).get("slug"), Some(Issue::Invalid), "{bad}");
        }
        assert_eq!(check_new_group(&group("b", "Beta", "open")).get("slug"), Some(Issue::TooShort { min: SLUG_MIN }));
        let long = "b".repeat(SLUG_MAX + 1);
        assert_eq!(check_new_group(&group(&long, "Beta", "open")).get("slug"), Some(Issue::TooLong { max: SLUG_MAX }));
    }

    #[test]
    fn names_and_descriptions_are_capped_in_characters() {
        let update = GroupUpdate {
            name: Some("я".repeat(NAME_MAX + 1)),
            description: Some("я".repeat(DESCRIPTION_MAX + 1)),
            kind: None,
            translations: Translations::default(),
        };
        let errors = check_group_update(&update);
        assert_eq!(errors.get("name"), Some(Issue::TooLong { max: NAME_MAX }));
        assert_eq!(errors.get("description"), Some(Issue::TooLong { max: DESCRIPTION_MAX }));
        let fits = GroupUpdate {
            name: Some("я".repeat(NAME_MAX)),
            description: Some("я".repeat(DESCRIPTION_MAX)),
            kind: Some(GroupKind::Secret),
            translations: Translations::default(),
        };
        assert!(check_group_update(&fits).is_empty());
        let russian = |name: &str| GroupUpdate {
            translations: Translations {
                ru: Some(names::NameText { name: name.into(), description: String::new() }),
                ..Translations::default()
            },
            ..GroupUpdate::default()
        };
        assert!(check_group_update(&russian("")).is_empty(), "no Russian name: readers see the English");
        assert_eq!(
            check_group_update(&russian(&"я".repeat(NAME_MAX + 1))).get("translations.ru.name"),
            Some(Issue::TooLong { max: NAME_MAX })
        );
        assert!(check_group_update(&GroupUpdate::default()).is_empty());
    }

    #[test]
    fn unknown_kinds_read_as_unknown_and_are_refused_as_input() {
        assert_eq!(GroupKind::parse("guild"), GroupKind::Unknown);
        assert_eq!(GroupKind::parse_known("guild"), None);
        assert_eq!(GroupKind::parse_known("secret"), Some(GroupKind::Secret));
    }
}
