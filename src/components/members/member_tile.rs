use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::member::MemberSummary;

use crate::api::url::encode;
use crate::components::members::{Avatar, RoleBadge};

/// "Solutions architect · Ural Logistics", or whichever of the two the member gave.
pub fn work_line(member: &MemberSummary) -> Option<String> {
    let parts: Vec<&str> = [member.position.as_deref(), member.company.as_deref()]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A member in a list (the directory, followers): picture, name linking to the profile, work,
/// city and community role.
#[component]
pub fn MemberTile(
    /// Who.
    member: MemberSummary,
    /// Their city, when the list has it.
    #[prop(default = None)]
    city: Option<String>,
) -> impl IntoView {
    let href = format!("/members/{}", encode(&member.handle));
    let work = work_line(&member);
    view! {
        <li class="member-tile">
            <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=64 />
            <div class="member-tile__text">
                <h2 class="member-tile__name"><A href=href>{member.display_name.clone()}</A></h2>
                {work.map(|work| view! { <p class="member-tile__work">{work}</p> })}
                {city.filter(|c| !c.trim().is_empty()).map(|city| view! { <p class="member-tile__city">{city}</p> })}
                <RoleBadge role=member.role access=member.access />
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use veche_api::member::{Access, CommunityRole};

    use super::*;

    fn member(position: Option<&str>, company: Option<&str>) -> MemberSummary {
        MemberSummary {
            id: "1".into(),
            handle: "dmitry".into(),
            display_name: "Dmitry Volkov".into(),
            avatar_url: None,
            role: CommunityRole::Mentor,
            access: Access::Member,
            reputation: 0,
            position: position.map(str::to_owned),
            company: company.map(str::to_owned),
            former: false,
        }
    }

    #[test]
    fn work_shows_what_was_given() {
        assert_eq!(
            work_line(&member(Some("Architect"), Some("Ural Logistics"))).as_deref(),
            Some("Architect · Ural Logistics")
        );
        assert_eq!(work_line(&member(None, Some("Ural Logistics"))).as_deref(), Some("Ural Logistics"));
        assert_eq!(work_line(&member(Some(" "), None)), None);
    }
}
