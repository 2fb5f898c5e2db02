use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

use super::{STEP, shown_param};
use crate::api::first_items;
use crate::api::members;
use crate::api::url::{encode, query};
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::members::MemberTile;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// `/members/<handle>/followers` and `/members/<handle>/following`: who follows a member, or
/// whom they follow (the address says which).
#[component]
pub fn FollowsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query_map = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let handle = Memo::new(move |_| params.with(|p| p.get("handle").unwrap_or_default()));
    let followers = Memo::new(move |_| !location.pathname.with(|path| path.ends_with("/following")));
    let shown = Memo::new(move |_| query_map.with(|q| shown_param(q.get("shown"))));
    let list = LocalResource::new(move || {
        let (handle, followers, shown) = (handle.get(), followers.get(), shown.get());
        first_items(shown, move |cursor, limit| {
            let handle = handle.clone();
            async move { members::follows(&handle, followers, cursor.as_deref(), limit).await }
        })
    });
    let title = move || i18n.t(if followers.get() { Members::FollowersTitle } else { Members::FollowingTitle });
    let more = move |_| {
        let list = if followers.get_untracked() { "followers" } else { "following" };
        let next = (shown.get_untracked() + STEP).to_string();
        navigate(
            &format!("/members/{}/{list}{}", encode(&handle.get_untracked()), query(&[("shown", &next)])),
            Default::default(),
        );
    };

    view! {
        <Title text=move || format!("{} · @{}", title(), handle.get()) />
        <div class="follows-page">
            <header class="page-head">
                <div>
                    <h1>{title}</h1>
                    <p class="page-head__intro">
                        <A href=move || format!("/members/{}", encode(&handle.get()))>
                            <span aria-hidden="true">"← "</span>{i18n.t(Members::BackToProfile)}" (@"{handle}")"
                        </A>
                    </p>
                </div>
            </header>
            <Loaded resource=list let:page>
                {{
                    if page.items.is_empty() {
                        let empty = if followers.get_untracked() { Members::NoFollowers } else { Members::NoFollowing };
                        Either::Left(view! { <EmptyState text=i18n.t(empty) /> })
                    } else {
                        let more_available = page.next_cursor.is_some();
                        Either::Right(view! {
                            <ul class="member-grid">
                                {page.items.into_iter().map(|member| view! { <MemberTile member=member /> }).collect_view()}
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
