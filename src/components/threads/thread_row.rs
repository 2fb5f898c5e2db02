use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::threads::ThreadSummary;

use crate::components::members::{Avatar, shown_name};
use crate::i18n::format::relative_time;
use crate::i18n::messages::threads::{self, Threads};
use crate::i18n::use_i18n;

/// One thread in a list: title, author, space, replies, kudos, last activity, badges.
#[component]
pub fn ThreadRow(
    /// The thread to show.
    thread: ThreadSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let href = format!("/threads/{}", thread.id);
    let space_href = format!("/threads?space={}", thread.space.slug);
    view! {
        <li class="thread-row">
            <Avatar name=shown_name(&thread.author, i18n) handle=thread.author.handle.clone() url=thread.author.avatar_url.clone() size=40 />
            <div class="thread-row__body">
                <p class="thread-row__badges">
                    {thread.pinned.then(|| view! { <span class="badge badge--pinned">{i18n.t(Threads::Pinned)}</span> })}
                    {thread.solved.then(|| view! { <span class="badge badge--solved">"✓ "{i18n.t(Threads::Solved)}</span> })}
                    {thread.locked.then(|| view! { <span class="badge">{i18n.t(Threads::Locked)}</span> })}
                </p>
                <h3 class="thread-row__title"><A href=href>{thread.title.clone()}</A></h3>
                <p class="thread-row__excerpt">{thread.excerpt.clone()}</p>
                <p class="thread-row__meta">
                    <span class="thread-row__author">{shown_name(&thread.author, i18n)}</span>
                    " · "
                    <A href=space_href attr:class="thread-row__space">{thread.space.name.clone()}</A>
                    " · "
                    <span>{threads::replies(locale, thread.reply_count)}</span>
                    " · "
                    <span aria-label=i18n.t(Threads::KudosLabel)>"♥ "{thread.kudos_count}</span>
                    " · "
                    <time datetime=thread.last_activity_at.clone() title=i18n.t(Threads::LastActivity)>
                        {relative_time(&thread.last_activity_at, locale)}
                    </time>
                </p>
            </div>
        </li>
    }
}
