//! A member's own data: the archive of everything they gave the community, deleting the
//! account, what becomes of a deleted member's content, and the log of exports and deletions.

use serde::{Deserialize, Serialize};

use crate::member::MemberSummary;
use crate::validate::{FieldErrors, Issue, optional_text};

/// Longest note staff keep with a deletion done on a member's request, in characters.
pub const NOTE_MAX: usize = 500;
/// Longest password a deletion accepts (as a sign-in: older passwords may be longer than today's rule).
pub const PASSWORD_MAX: usize = 200;

crate::open_enum! {
    /// What becomes of a deleted member's content.
    pub enum DeletedContent {
        /// Threads, replies and ideas stay, signed "former member"; votes stay counted.
        Keep = "keep",
        /// Threads and replies are deleted, ideas removed, votes and answers withdrawn.
        Remove = "remove",
    }
}

crate::open_enum! {
    /// A line of the privacy log.
    pub enum PrivacyAction {
        /// An archive of a member's data was downloaded.
        Export = "export",
        /// An account was deleted.
        Delete = "delete",
    }
}

/// `GET /privacy`, `PUT /privacy`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivacySettings {
    pub deleted_content: DeletedContent,
}

/// `POST /account/deletion`, `POST /members/{handle}/deletion`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountDeletion {
    /// The password of whoever asks: the member's own, or the acting staff member's.
    pub password: String,
    /// Staff only: how the member asked.
    #[serde(default)]
    pub note: String,
}

/// One line of the privacy log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivacyLogEntry {
    pub id: String,
    pub action: PrivacyAction,
    /// Who did it: the member, or staff on their request.
    pub actor: MemberSummary,
    /// The handle the member had at the time.
    pub subject_handle: String,
    /// Done by staff on the member's request.
    pub on_request: bool,
    pub note: String,
    pub created_at: String,
}

/// The checks both sides apply before a deletion. The password itself only the server can
/// check, and only it knows whether one is needed: an account that signs in through an identity
/// provider has none and confirms with a recent sign-in instead.
pub fn check_deletion(request: &AccountDeletion) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if request.password.chars().count() > PASSWORD_MAX {
        errors.add("password", Issue::TooLong { max: PASSWORD_MAX });
    }
    errors.check("note", optional_text(&request.note, NOTE_MAX));
    errors
}

/// Whether the settings can be stored: an unknown choice cannot.
pub fn check_settings(settings: &PrivacySettings) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if settings.deleted_content == DeletedContent::Unknown {
        errors.add("deleted_content", Issue::Invalid);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deletion(password: &str, note: &str) -> AccountDeletion {
        AccountDeletion { password: password.into(), note: note.into() }
    }

    #[test]
    fn a_deletion_has_a_bounded_password_and_a_short_note() {
        assert!(check_deletion(&deletion("secret", "")).is_empty());
        assert!(check_deletion(&deletion("", "")).is_empty(), "the server says whether a password is needed");
        assert_eq!(
            check_deletion(&deletion(&"x".repeat(PASSWORD_MAX + 1), "")).get("password"),
            Some(Issue::TooLong { max: PASSWORD_MAX })
        );
        let long = "ж".repeat(NOTE_MAX + 1);
        assert_eq!(check_deletion(&deletion("secret", &long)).get("note"), Some(Issue::TooLong { max: NOTE_MAX }));
        assert!(check_deletion(&deletion("secret", &"ж".repeat(NOTE_MAX))).is_empty());
    }

    #[test]
    fn the_setting_travels_as_a_word_and_an_unknown_one_is_refused() {
        let settings: PrivacySettings = serde_json::from_str(r#"{"deleted_content":"remove"}"#).unwrap();
        assert_eq!(settings.deleted_content, DeletedContent::Remove);
        assert!(check_settings(&settings).is_empty());
        let unknown: PrivacySettings = serde_json::from_str(r#"{"deleted_content":"shred"}"#).unwrap();
        assert_eq!(check_settings(&unknown).get("deleted_content"), Some(Issue::Invalid));
    }
}
