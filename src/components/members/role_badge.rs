use leptos::prelude::*;
use veche_api::member::{Access, CommunityRole};

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

pub fn role_text(role: CommunityRole) -> Common {
    match role {
        CommunityRole::President => Common::RolePresident,
        CommunityRole::Mentor => Common::RoleMentor,
        CommunityRole::Partner => Common::RolePartner,
        CommunityRole::Hero => Common::RoleHero,
        CommunityRole::Catalyst => Common::RoleCatalyst,
        CommunityRole::Scout => Common::RoleScout,
        CommunityRole::Supporter => Common::RoleSupporter,
        CommunityRole::Member | CommunityRole::Unknown => Common::RoleMember,
    }
}

/// The community role (from the charter) and, for staff and moderators, that mark too.
#[component]
pub fn RoleBadge(
    /// The member's community role.
    role: CommunityRole,
    /// The member's permissions; staff and moderators get a second badge.
    access: Access,
) -> impl IntoView {
    let i18n = use_i18n();
    let access_text = match access {
        Access::Staff => Some(Common::AccessStaff),
        Access::Moderator => Some(Common::AccessModerator),
        Access::Member | Access::Unknown => None,
    };
    view! {
        <span class="role-badges">
            {(role != CommunityRole::Member && role != CommunityRole::Unknown).then(|| view! {
                <span class=format!("badge badge--role badge--{}", role.as_str())>{i18n.t(role_text(role))}</span>
            })}
            {access_text.map(|text| view! {
                <span class="badge badge--staff">{i18n.t(text)}</span>
            })}
        </span>
    }
}
