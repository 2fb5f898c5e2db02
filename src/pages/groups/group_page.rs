use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::Page;
use veche_api::events::Occurrence;
use veche_api::groups::{Group, GroupKind, GroupMember, Membership};
use veche_api::ideas::IdeaSummary;
use veche_api::threads::ThreadSummary;

use super::join_requests::JoinRequests;
use crate::api::{self, ApiResult};
use crate::components::events::UpcomingEvents;
use crate::components::events::calendar::Day;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::groups::{KindBadge, MembershipButton};
use crate::components::ideas::IdeaCard;
use crate::components::members::Avatar;
use crate::components::threads::ThreadRow;
use crate::i18n::messages::groups::{self as texts, Groups};
use crate::i18n::use_i18n;

/// Everything the group page shows below its head, loaded together.
#[derive(Clone)]
struct GroupContent {
    threads: Page<ThreadSummary>,
    ideas: Page<IdeaSummary>,
    events: Vec<Occurrence>,
    members: Page<GroupMember>,
}

async fn content(slug: String) -> ApiResult<GroupContent> {
    let today = Day::today();
    Ok(GroupContent {
        threads: api::groups::threads(&slug).await?,
        ideas: api::groups::ideas(&slug).await?,
        events: api::groups::events(&slug, &today.to_string(), &today.plus_days(90).to_string()).await?,
        members: api::groups::members(&slug).await?,
    })
}

/// The viewer may read the group's content (an open group, a member, an admin or staff).
fn readable(group: &Group) -> bool {
    group.kind == GroupKind::Open
        || matches!(group.membership, Membership::Member | Membership::Admin)
        || group.can_manage
}

/// `/groups/<slug>`: the group's description, the way in, its threads, ideas, events and
/// members; for its admins, the requests to decide.
#[component]
pub fn GroupPage(
    /// The group's address.
    slug: String,
) -> impl IntoView {
    let group = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move { api::groups::group(&slug).await }
        }
    });
    view! {
        <Loaded resource=group let:found>
            {view! { <GroupView group=found /> }}
        </Loaded>
    }
    .into_any()
}

#[component]
fn GroupView(
    /// The group as loaded.
    group: Group,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let (name, description, kind, slug) =
        (group.name.clone(), group.description.clone(), group.kind, group.slug.clone());
    let manages = group.can_manage;
    let group = RwSignal::new(group);
    let can_read = Memo::new(move |_| group.with(readable));
    let body = LocalResource::new({
        let slug = slug.clone();
        move || {
            let (slug, can_read) = (slug.clone(), can_read.get());
            async move { if can_read { content(slug).await.map(Some) } else { Ok(None) } }
        }
    });
    view! {
        <Title text=name.clone() />
        <article class="group-page">
            <header class="page-head">
                <div>
                    <h1>{name}</h1>
                    <p class="group-card__meta">
                        <KindBadge kind=kind />" "
                        <span>{move || texts::members(locale, group.with(|g| g.member_count))}</span>
                    </p>
                </div>
                <MembershipButton group=group />
            </header>
            <p class="group-page__description">{description}</p>
            {manages.then(|| view! { <JoinRequests slug=slug.clone() on_decided=Callback::new(move |_| body.refetch()) /> })}
            <Loaded resource=body let:loaded>
                {match loaded {
                    None => Either::Left(view! { <p class="group-page__gate">{i18n.t(Groups::ContentForMembers)}</p> }),
                    Some(content) => Either::Right(view! { <GroupSections content=content /> }),
                    }}
            </Loaded>
        </article>
    }
}

#[component]
fn GroupSections(
    /// The group's threads, ideas, events and members.
    content: GroupContent,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = move || view! { <EmptyState text=i18n.t(Groups::NothingYet) /> };
    view! {
        <section class="group-page__section" aria-labelledby="group-threads">
            <h2 id="group-threads">{i18n.t(Groups::Threads)}</h2>
            {if content.threads.items.is_empty() {
                Either::Left(empty())
            } else {
                Either::Right(view! {
                    <ul class="thread-list">
                        {content.threads.items.into_iter().map(|thread| view! { <ThreadRow thread=thread /> }).collect_view()}
                    </ul>
                })
            }}
        </section>
        <section class="group-page__section" aria-labelledby="group-ideas">
            <h2 id="group-ideas">{i18n.t(Groups::Ideas)}</h2>
            {if content.ideas.items.is_empty() {
                Either::Left(empty())
            } else {
                Either::Right(view! {
                    <ul class="idea-list">
                        {content.ideas.items.into_iter().map(|idea| view! { <IdeaCard idea=idea /> }).collect_view()}
                    </ul>
                })
            }}
        </section>
        <UpcomingEvents dates=content.events />
        <section class="group-page__section" aria-labelledby="group-members">
            <h2 id="group-members">{i18n.t(Groups::Members)}</h2>
            <ul class="group-members">
                {content.members.items.into_iter().map(|row| {
                    let member = row.member;
                    let admin = row.role == veche_api::groups::GroupRole::Admin;
                    view! {
                        <li class="group-members__item">
                            <Avatar name=member.display_name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=32 />
                            <a href=format!("/members/{}", member.handle)>{member.display_name.clone()}</a>
                            {admin.then(|| view! { <span class="badge">{i18n.t(Groups::AdminBadge)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
