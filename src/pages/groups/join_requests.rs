use leptos::either::Either;
use leptos::prelude::*;
use veche_api::groups::Decision;

use crate::api;
use crate::components::feedback::{EmptyState, Loaded, error_message};
use crate::components::members::Avatar;
use crate::i18n::messages::groups::Groups;
use crate::i18n::use_i18n;

/// The requests waiting for a group admin: approve or decline each.
#[component]
pub fn JoinRequests(
    /// The group's slug.
    slug: String,
    /// Runs after a decision (the member list changes).
    on_decided: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let queue = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move { api::groups::requests(&slug).await }
        }
    });
    let decide = Action::new_local(move |(handle, decision): &(String, Decision)| {
        let (slug, handle, decision) = (slug.clone(), handle.clone(), *decision);
        async move { api::groups::decide(&slug, &handle, decision).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = decide.value().get() {
            queue.refetch();
            on_decided.run(());
        }
    });
    let failed = move || decide.value().get().and_then(Result::err);
    view! {
        <section class="join-requests" aria-labelledby="join-requests-title">
            <h2 id="join-requests-title">{i18n.t(Groups::Requests)}</h2>
            {move || failed().map(|error| view! { <p class="form-alert__text" role="alert">{error_message(i18n, &error)}</p> })}
            <Loaded resource=queue let:page>
                {{
                    if page.items.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Groups::NoRequests) /> })
                    } else {
                        Either::Right(view! {
                            <ul class="join-requests__list">
                                {page.items.into_iter().map(|request| {
                                    let member = request.member;
                                    let (approve, decline) = (member.handle.clone(), member.handle.clone());
                                    let name = member.display_name.clone();
                                    view! {
                                        <li class="join-requests__item">
                                            <Avatar name=name.clone() handle=member.handle.clone() url=member.avatar_url.clone() size=32 />
                                            <a href=format!("/members/{}", member.handle)>{name.clone()}</a>
                                            <span class="join-requests__actions">
                                                <button
                                                    type="button"
                                                    class="button button--small"
                                                    aria-label=format!("{} {name}", i18n.t(Groups::Approve))
                                                    disabled=move || decide.pending().get()
                                                    on:click=move |_| { decide.dispatch((approve.clone(), Decision::Approve)); }
                                                >
                                                    {i18n.t(Groups::Approve)}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="button button--secondary button--small"
                                                    aria-label=format!("{} {name}", i18n.t(Groups::Decline))
                                                    disabled=move || decide.pending().get()
                                                    on:click=move |_| { decide.dispatch((decline.clone(), Decision::Decline)); }
                                                >
                                                    {i18n.t(Groups::Decline)}
                                                </button>
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })
                    }
                    }}
            </Loaded>
        </section>
    }
}
