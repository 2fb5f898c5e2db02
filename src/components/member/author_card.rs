use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::member::MemberSummary;

use super::{Avatar, RoleBadge};
use crate::api::url::encode;
use crate::i18n::format::number;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;

/// Who wrote something: picture, name (a link to the profile), community role, staff mark and
/// reputation.
#[component]
pub fn AuthorCard(
    /// The author.
    member: MemberSummary,
    /// Picture size in CSS pixels.
    #[prop(default = 40)]
    size: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/members/{}", encode(&member.handle));
    view! {
        <div class="author-card">
            <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=size />
            <div class="author-card__text">
                <A href=href attr:class="author-card__name">{member.display_name.clone()}</A>
                <span class="author-card__meta">
                    <RoleBadge role=member.role access=member.access />
                    <span class="author-card__reputation">
                        {number(member.reputation, i18n.locale())}" "{i18n.t(Threads::Reputation)}
                    </span>
                </span>
            </div>
        </div>
    }
}
