//! Reporting content to the moderators and the moderators' own controls.

mod hidden_mark;
mod moderation_form;
mod report_button;

pub use hidden_mark::HiddenMark;
pub use moderation_form::ModerationForm;
pub use report_button::ReportButton;

use crate::i18n::messages::moderation::Moderation;

/// A title as shown: the placeholder when a moderator hid it from this viewer (it comes empty).
pub fn shown_title(title: &str, hidden: bool) -> String {
    if hidden && title.is_empty() {
        crate::i18n::use_i18n().t(Moderation::HiddenPlaceholder).to_owned()
    } else {
        title.to_owned()
    }
}
