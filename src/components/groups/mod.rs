//! Groups: the kind badge, the join/request/leave button, and the members-only page shown
//! instead of a closed group's content.

mod kind_badge;
mod members_only;
mod membership_button;

pub use kind_badge::KindBadge;
pub use members_only::{MembersOnly, gated_failure};
pub use membership_button::MembershipButton;
