//! Members wherever they appear: an author's card, avatar and role badge, the name shown for
//! an author (`shown_name`); and the pieces of profiles: directory cards, contacts, badges, the photo gallery and its viewer,
//! follows, roles, activity, and the editors of one's own profile (picture cropper, contacts,
//! gallery).

mod activity_feed;
mod author_card;
mod avatar;
mod avatar_cropper;
mod avatar_editor;
mod badge_list;
mod contact_list;
mod contacts_editor;
mod file_picker;
mod follow_panel;
mod language_setting;
mod member_tile;
mod photo_gallery;
mod photo_manager;
mod picture_file;
mod profile_form;
mod role_badge;
mod role_picker;

pub use activity_feed::ActivityFeed;
pub use author_card::AuthorCard;
pub use avatar::Avatar;
pub use avatar_cropper::{AvatarCropper, Crop};
pub use avatar_editor::AvatarEditor;
pub use badge_list::{BadgeList, badge_sentence, badge_texts, rank_text};
pub use contact_list::{ContactLink, ContactList, contact_kind_text, contact_link};
pub use contacts_editor::{ContactRow, ContactsEditor};
pub use file_picker::FilePicker;
pub use follow_panel::FollowPanel;
pub use language_setting::LanguageSetting;
pub use member_tile::{MemberTile, work_line};
pub use photo_gallery::PhotoGallery;
pub use photo_manager::PhotoManager;
pub use picture_file::{picked_file, picture_problem, upload_failure};
pub use profile_form::ProfileForm;
pub use role_badge::{RoleBadge, role_text};
pub use role_picker::RolePicker;

use veche_api::member::MemberSummary;

use crate::i18n::I18n;
use crate::i18n::messages::members::Members;

/// The name to show for an author: "former member", in the reader's language, for someone who
/// deleted their account (whatever name the server sent).
pub fn shown_name(member: &MemberSummary, i18n: I18n) -> String {
    if member.former { i18n.t(Members::FormerMember).to_owned() } else { member.display_name.clone() }
}
