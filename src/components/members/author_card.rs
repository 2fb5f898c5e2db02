use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::member::MemberSummary;

use super::{Avatar, RoleBadge, shown_name};
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
    let name = shown_name(&member, i18n);
    let label = name.clone();
    // A former member has no profile left to open.
    let name_view = if member.former {
        Either::Left(view! { <span class="author-card__name author-card__name--former">{label}</span> })
    } else {
        let href = format!("/members/{}", encode(&member.handle));
        Either::Right(view! { <A href=href attr:class="author-card__name">{label}</A> })
    };
    view! {
        <div class="author-card">
            <Avatar name=name handle=member.handle.clone() url=member.avatar_url.clone() size=size />
            <div class="author-card__text">
                {name_view}
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
