use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::member::CommunityRole;
use veche_api::members::MemberSort;

use super::{STEP, shown_param};
use crate::api::first_items;
use crate::api::members::{self, DirectoryQuery};
use crate::api::url::query;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::members::MemberTile;
use crate::components::members::role_text;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

const SORTS: [(MemberSort, Members); 3] = [
    (MemberSort::Reputation, Members::SortReputation),
    (MemberSort::Newest, Members::SortNewest),
    (MemberSort::Name, Members::SortName),
];

/// The directory's address for a search, role and order (defaults left out).
pub fn directory_href(
    search: &str,
    role: Option<CommunityRole>,
    sort: Option<MemberSort>,
    shown: Option<u32>,
) -> String {
    let shown = shown.map(|s| s.to_string()).unwrap_or_default();
    let sort = sort.filter(|s| *s != MemberSort::Reputation);
    format!(
        "/members{}",
        query(&[
            ("q", search.trim()),
            ("role", role.map(CommunityRole::as_str).unwrap_or_default()),
            ("sort", sort.map(MemberSort::as_str).unwrap_or_default()),
            ("shown", &shown),
        ])
    )
}

/// `/members`: the member directory, searched by name, company or city, filtered by role, in
/// the chosen order; all of it in the address.
#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let search = Memo::new(move |_| query_map.with(|q| q.get("q").unwrap_or_default()));
    let role = Memo::new(move |_| query_map.with(|q| q.get("role").and_then(|r| CommunityRole::parse_known(&r))));
    let sort = Memo::new(move |_| query_map.with(|q| q.get("sort").and_then(|s| MemberSort::parse_known(&s))));
    let shown = Memo::new(move |_| query_map.with(|q| shown_param(q.get("shown"))));
    let typed = RwSignal::new(search.get_untracked());
    // Back and forward bring their own search into the box.
    Effect::new(move |_| typed.set(search.get()));
    let list = LocalResource::new(move || {
        let filter =
            DirectoryQuery { search: search.get(), role: role.get(), sort: sort.get(), ..DirectoryQuery::default() };
        first_items(shown.get(), move |cursor, limit| {
            let filter = DirectoryQuery { cursor, limit: Some(limit), ..filter.clone() };
            async move { members::directory(&filter).await }
        })
    });

    let on_search = {
        let navigate = navigate.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            navigate(
                &directory_href(&typed.get_untracked(), role.get_untracked(), sort.get_untracked(), None),
                Default::default(),
            );
        }
    };
    let on_role = {
        let navigate = navigate.clone();
        move |event: leptos::ev::Event| {
            let chosen = CommunityRole::parse_known(&event_target_value(&event));
            navigate(&directory_href(&search.get_untracked(), chosen, sort.get_untracked(), None), Default::default());
        }
    };
    let more = move |_| {
        let next = shown.get_untracked() + STEP;
        navigate(
            &directory_href(&search.get_untracked(), role.get_untracked(), sort.get_untracked(), Some(next)),
            Default::default(),
        );
    };

    view! {
        <Title text=i18n.t(Members::Title) />
        <div class="members-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Members::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Members::Intro)}</p>
                </div>
                <p class="page-head__links">
                    <A href="/members/leaderboard">{i18n.t(Members::LeaderboardTitle)}</A>
                    <A href="/members/rules">{i18n.t(Members::RulesTitle)}</A>
                </p>
            </header>
            <div class="filters">
                <form class="member-search" role="search" on:submit=on_search>
                    <div class="field">
                        <label class="field__label" for="member-search">{i18n.t(Members::SearchLabel)}</label>
                        <div class="member-search__row">
                            <input id="member-search" class="field__input" type="search" maxlength="100" bind:value=typed />
                            <button type="submit" class="button">{i18n.t(Members::Search)}</button>
                        </div>
                    </div>
                </form>
                <div class="field field--inline">
                    <label class="field__label" for="member-role">{i18n.t(Members::RoleFilter)}</label>
                    <select id="member-role" class="field__select" on:change=on_role>
                        <option value="" selected=move || role.get().is_none()>{i18n.t(Members::AllRoles)}</option>
                        {CommunityRole::KNOWN.iter().map(|option| {
                            let option = *option;
                            view! {
                                <option value=option.as_str() selected=move || role.get() == Some(option)>
                                    {i18n.t(role_text(option))}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <nav class="tabs" aria-label=i18n.t(Members::SortLabel)>
                {SORTS.into_iter().map(|(option, text)| {
                    let current = move || sort.get().unwrap_or(MemberSort::Reputation) == option;
                    // A plain link (the router still takes it): `<A>` would mark every tab
                    // current, as they share one path.
                    view! {
                        <a
                            href=move || directory_href(&search.get(), role.get(), Some(option), None)
                            class="tabs__tab"
                            aria-current=move || current().then_some("true")
                        >
                            {i18n.t(text)}
                        </a>
                    }
                }).collect_view()}
            </nav>
            <Loaded resource=list let:page>
                {{
                    if page.items.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Members::NoMembers) /> })
                    } else {
                        let more_available = page.next_cursor.is_some();
                        Either::Right(view! {
                            <ul class="member-grid">
                                {page.items.into_iter().map(|card| view! { <MemberTile member=card.member city=card.city /> }).collect_view()}
                            </ul>
                            {more_available.then(|| view! {
                                <button type="button" class="button button--secondary load-more" on:click=more.clone()>
                                    {i18n.t(Members::LoadMore)}
                                </button>
                            })}
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_holds_the_search() {
        assert_eq!(directory_href("", None, None, None), "/members");
        assert_eq!(directory_href("", None, Some(MemberSort::Reputation), None), "/members");
        assert_eq!(
            directory_href(" integra ", Some(CommunityRole::Mentor), Some(MemberSort::Name), Some(48)),
            "/members?q=integra&role=mentor&sort=name&shown=48"
        );
    }
}
