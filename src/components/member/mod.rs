mod avatar;
mod role_badge;

pub use avatar::Avatar;
pub use role_badge::{RoleBadge, role_text};
