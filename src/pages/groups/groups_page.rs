use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::groups::Group;

use crate::api;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::groups::{KindBadge, MembershipButton};
use crate::i18n::messages::groups::{self as texts, Groups};
use crate::i18n::use_i18n;

/// `/groups`: every group the viewer may see, with its kind, size and the way in.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let groups = LocalResource::new(api::groups::list);
    view! {
        <Title text=i18n.t(Groups::Title) />
        <div class="groups-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Groups::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Groups::Intro)}</p>
                </div>
            </header>
            <Loaded resource=groups let:groups>
                {{
                    if groups.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Groups::NoGroups) /> })
                    } else {
                        Either::Right(view! {
                            <ul class="group-list">
                                {groups.into_iter().map(|group| view! { <GroupCard group=group /> }).collect_view()}
                            </ul>
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}

/// One group in the list.
#[component]
fn GroupCard(
    /// The group.
    group: Group,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/groups/{}", group.slug);
    let (name, description, kind) = (group.name.clone(), group.description.clone(), group.kind);
    let group = RwSignal::new(group);
    view! {
        <li class="group-card">
            <h2 class="group-card__name"><A href=href>{name}</A></h2>
            <p class="group-card__meta">
                <KindBadge kind=kind />" "
                <span>{move || texts::members(i18n.locale(), group.with(|g| g.member_count))}</span>
            </p>
            <p class="group-card__description">{description}</p>
            <MembershipButton group=group />
        </li>
    }
}
