use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use veche_api::members::ActivityKind;
use veche_api::moderation::TargetKind;

use crate::api::members;
use crate::api::url::encode;
use crate::components::feedback::Loaded;
use crate::components::markdown::Markdown;
use crate::components::members::{
    ActivityFeed, BadgeList, ContactList, FollowPanel, PhotoGallery, RolePicker, rank_text, work_line,
};
use crate::components::members::{Avatar, RoleBadge};
use crate::components::moderation::{HiddenMark, ReportButton};
use crate::i18n::format::{DateStyle, date, number};
use crate::i18n::messages::members::Members;
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;
use crate::state::community::use_community;
use crate::state::session::use_session;

const TABS: [(ActivityKind, Members); 4] = [
    (ActivityKind::Threads, Members::TabThreads),
    (ActivityKind::Replies, Members::TabReplies),
    (ActivityKind::Ideas, Members::TabIdeas),
    (ActivityKind::Events, Members::TabEvents),
];

/// The activity tab an address asks for (`?tab=replies`); threads when it names none we know.
pub fn tab_param(value: Option<&str>) -> ActivityKind {
    value.and_then(ActivityKind::parse_known).unwrap_or(ActivityKind::Threads)
}

/// The address of a profile's activity tab (threads, the first, needs no `tab=`).
pub fn tab_href(handle: &str, kind: ActivityKind) -> String {
    let base = format!("/members/{}", encode(handle));
    if kind == ActivityKind::Threads { base } else { format!("{base}?tab={}", kind.as_str()) }
}

/// `/members/<handle>`: who a member is (picture, name, work, city, roles, reputation, rank,
/// bio, the contact details the viewer may see, badges, photos), follows, and what they
/// created, a tab per kind (the tab in the address). Staff assign the community role here.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let locale = i18n.locale();
    let community = use_community();
    let params = use_params_map();
    let query_map = use_query_map();
    let handle = Memo::new(move |_| params.with(|p| p.get("handle").unwrap_or_default()));
    let tab = Memo::new(move |_| query_map.with(|q| tab_param(q.get("tab").as_deref())));
    let profile = LocalResource::new(move || {
        let handle = handle.get();
        async move { members::profile(&handle).await }
    });

    view! {
        <Title text=move || profile.get().and_then(Result::ok).map(|p| p.member.display_name).unwrap_or_default() />
        <Loaded resource=profile let:p>
            {{
                let member = RwSignal::new(p.member.clone());
                let handle = p.member.handle.clone();
                let counts = p.counts;
                let guest = !p.permissions.follow && !p.permissions.edit;
                let bio = p.bio.clone();
                // The member and moderators still get a hidden profile's texts, with a mark.
                let moderator = session.account().is_some_and(|a| a.member.access.can_moderate());
                let concealed = p.hidden && !p.permissions.edit && !moderator;
                let tab_handle = handle.clone();
                let feed_handle = handle.clone();
                view! {
                    <article class="profile">
                        <header class="profile-head">
                            <Avatar name=p.member.display_name.clone() handle=handle.clone() url=p.member.avatar_url.clone() size=128 />
                            <div class="profile-head__text">
                                <h1 class="profile-head__name">{p.member.display_name.clone()}</h1>
                                <p class="profile-head__handle">"@"{handle.clone()}</p>
                                {work_line(&p.member).map(|work| view! { <p class="profile-head__work">{work}</p> })}
                                {p.city.clone().filter(|c| !c.trim().is_empty()).map(|city| view! { <p class="profile-head__city">{city}</p> })}
                                <p class="profile-head__roles">
                                    {move || member.with(|m| view! { <RoleBadge role=m.role access=m.access /> })}
                                </p>
                                <dl class="profile-stats">
                                    <div class="profile-stats__item">
                                        <dt>{i18n.t(Members::ReputationLabel)}</dt>
                                        <dd>{number(p.member.reputation, locale)}</dd>
                                    </div>
                                    <div class="profile-stats__item">
                                        <dt>{i18n.t(Members::RankLabel)}</dt>
                                        <dd>{i18n.t(rank_text(p.rank))}</dd>
                                    </div>
                                    <div class="profile-stats__item">
                                        <dt>{i18n.t(Members::MemberSince)}</dt>
                                        <dd><time datetime=p.joined_at.clone()>{date(&p.joined_at, locale, DateStyle::Long, None)}</time></dd>
                                    </div>
                                </dl>
                                <FollowPanel
                                    handle=handle.clone()
                                    followers=counts.followers
                                    following=counts.following
                                    followed=p.following
                                    can_follow=p.permissions.follow
                                    guest=guest
                                />
                                {p.permissions.edit.then(|| view! {
                                    <A href="/account/profile" attr:class="button button--secondary button--small">{i18n.t(Members::EditProfile)}</A>
                                })}
                                {p.permissions.follow.then(|| view! { <ReportButton kind=TargetKind::Member id=p.member.id.clone() /> })}
                            </div>
                        </header>
                        {concealed.then(|| view! { <p class="post__deleted">{i18n.t(Moderation::HiddenProfile)}</p> })}
                        {(p.hidden && !concealed).then(|| view! { <HiddenMark kind=TargetKind::Member id=p.member.id.clone() /> })}
                        {p.permissions.set_role.then(|| view! {
                            <section class="profile-section profile-section--staff" aria-labelledby="staff-heading">
                                <h2 id="staff-heading">{i18n.t(Members::StaffTools)}</h2>
                                <RolePicker handle=handle.clone() role=p.member.role on_changed=Callback::new(move |m| member.set(m)) />
                                <p><A href=format!("/admin/privacy?member={}", encode(&handle)) attr:class="button button--secondary button--small">{i18n.t(Privacy::ProfileAction)}</A></p>
                            </section>
                        })}
                        {(!bio.trim().is_empty()).then(|| view! {
                            <section class="profile-section" aria-labelledby="about-heading">
                                <h2 id="about-heading">{i18n.t(Members::About)}</h2>
                                <Markdown source=Signal::derive(move || bio.clone()) />
                            </section>
                        })}
                        {(!p.contacts.is_empty()).then(|| view! {
                            <section class="profile-section" aria-labelledby="contacts-heading">
                                <h2 id="contacts-heading">{i18n.t(Members::Contacts)}</h2>
                                <ContactList contacts=p.contacts.clone() />
                            </section>
                        })}
                        {(!p.badges.is_empty()).then(|| view! {
                            <section class="profile-section" aria-labelledby="badges-heading">
                                <h2 id="badges-heading">{i18n.t(Members::Badges)}</h2>
                                <BadgeList badges=p.badges.clone() />
                            </section>
                        })}
                        {(!p.photos.is_empty()).then(|| view! {
                            <section class="profile-section" aria-labelledby="photos-heading">
                                <h2 id="photos-heading">{i18n.t(Members::Photos)}</h2>
                                <PhotoGallery photos=p.photos.clone() />
                            </section>
                        })}
                        <section class="profile-section" aria-labelledby="activity-heading">
                            <h2 id="activity-heading">{i18n.t(Members::Activity)}</h2>
                            <nav class="tabs" aria-label=i18n.t(Members::Activity)>
                                {move || {
                                    let features = community.get().map(|c| c.features);
                                    TABS.into_iter().filter(|(kind, _)| {
                                        let count = counts_of(&counts, *kind);
                                        let offered = features.as_ref().is_none_or(|f| match kind {
                                            ActivityKind::Ideas => f.ideas,
                                            ActivityKind::Events => f.events,
                                            _ => f.threads,
                                        });
                                        offered || count > 0 || tab.get_untracked() == *kind
                                    }).map(|(kind, text)| {
                                        // A plain link (the router still takes it): `<A>` would mark every
                                        // tab current, as they share one path.
                                        view! {
                                            <a
                                                href=tab_href(&tab_handle, kind)
                                                class="tabs__tab"
                                                aria-current=move || (tab.get() == kind).then_some("true")
                                                data-noscroll="true"
                                            >
                                                {i18n.t(text)}" "<span class="tabs__count">{number(counts_of(&counts, kind), locale)}</span>
                                            </a>
                                        }
                                    }).collect_view()
                                }}
                            </nav>
                            {move || view! { <ActivityFeed handle=feed_handle.clone() kind=tab.get() /> }}
                        </section>
                    </article>
                }
                }}
        </Loaded>
    }
}

fn counts_of(counts: &veche_api::members::ProfileCounts, kind: ActivityKind) -> i64 {
    match kind {
        ActivityKind::Threads => counts.threads,
        ActivityKind::Replies => counts.replies,
        ActivityKind::Ideas => counts.ideas,
        ActivityKind::Events => counts.events,
        ActivityKind::Unknown => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tab_lives_in_the_address() {
        assert_eq!(tab_param(None), ActivityKind::Threads);
        assert_eq!(tab_param(Some("replies")), ActivityKind::Replies);
        assert_eq!(tab_param(Some("nonsense")), ActivityKind::Threads);
        assert_eq!(tab_href("oleg", ActivityKind::Threads), "/members/oleg");
        assert_eq!(tab_href("oleg", ActivityKind::Events), "/members/oleg?tab=events");
    }
}
