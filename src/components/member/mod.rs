mod author_card;
mod avatar;
mod role_badge;

pub use author_card::AuthorCard;
pub use avatar::Avatar;
pub use role_badge::{RoleBadge, role_text};
