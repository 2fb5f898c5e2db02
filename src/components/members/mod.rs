//! The pieces of profiles: directory cards, contacts, badges, the photo gallery and its viewer,
//! follows, roles, activity, and the editors of one's own profile (picture cropper, contacts,
//! gallery).

mod activity_feed;
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
mod role_picker;

pub use activity_feed::ActivityFeed;
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
pub use role_picker::RolePicker;
