mod author_card;
mod avatar;
mod role_badge;

pub use author_card::AuthorCard;
pub use avatar::Avatar;
pub use role_badge::{RoleBadge, role_text};

use veche_api::member::MemberSummary;

use crate::i18n::I18n;
use crate::i18n::messages::members::Members;

/// The name to show for an author: "former member", in the reader's language, for someone who
/// deleted their account (whatever name the server sent).
pub fn shown_name(member: &MemberSummary, i18n: I18n) -> String {
    if member.former { i18n.t(Members::FormerMember).to_owned() } else { member.display_name.clone() }
}
