use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// A member's role in the community, from the community charter. Shown on every author card.
    pub enum CommunityRole {
        /// Decision maker: leads the community and speaks for the company.
        President = "president",
        /// Experienced members who help newcomers.
        Mentor = "mentor",
        /// Partner companies' representatives.
        Partner = "partner",
        /// The most active and helpful members.
        Hero = "hero",
        /// Sparks discussions and brings people together.
        Catalyst = "catalyst",
        /// Finds new ideas, trends and members.
        Scout = "scout",
        /// Backs the community's initiatives.
        Supporter = "supporter",
        /// Everyone else.
        Member = "member",
    }
}

crate::open_enum! {
    /// What a member may do beyond taking part. Staff may do everything moderators may.
    pub enum Access {
        Member = "member",
        Moderator = "moderator",
        Staff = "staff",
    }
}

impl Access {
    pub fn can_moderate(self) -> bool {
        matches!(self, Access::Moderator | Access::Staff)
    }

    pub fn is_staff(self) -> bool {
        self == Access::Staff
    }
}

/// The author card: everything shown next to a post, reply, idea or event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberSummary {
    pub id: String,
    pub handle: String,
    pub display_name: String,
    #[serde(default)]
    pub avatar_url: Option<String>,
    pub role: CommunityRole,
    pub access: Access,
    #[serde(default)]
    pub reputation: i64,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    /// The member deleted their account: shown as "former member", with no profile to link to.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub former: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_roles_do_not_break_parsing() {
        let role: CommunityRole = serde_json::from_str("\"ambassador\"").unwrap();
        assert_eq!(role, CommunityRole::Unknown);
        let role: CommunityRole = serde_json::from_str("\"mentor\"").unwrap();
        assert_eq!(role, CommunityRole::Mentor);
        assert_eq!(serde_json::to_string(&CommunityRole::Hero).unwrap(), "\"hero\"");
        assert_eq!(CommunityRole::parse_known("ambassador"), None);
    }

    #[test]
    fn staff_can_moderate() {
        assert!(Access::Staff.can_moderate());
        assert!(Access::Moderator.can_moderate());
        assert!(!Access::Member.can_moderate());
        assert!(!Access::Unknown.can_moderate());
    }
}
