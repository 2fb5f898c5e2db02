use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::threads::ThreadSummary;

use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::threads;
use crate::i18n::use_i18n;

/// A short list of threads for a home block: title (a link), date and replies.
#[component]
pub fn HomeThreadList(
    /// The threads, in the order shown.
    threads: Vec<ThreadSummary>,
    /// Show when each thread was started (news) rather than its latest activity.
    #[prop(optional)]
    started: bool,
) -> impl IntoView {
    let locale = use_i18n().locale();
    view! {
        <ol class="home-threads">
            {threads.into_iter().map(|thread| {
                let at = if started { thread.created_at } else { thread.last_activity_at };
                view! {
                    <li class="home-threads__item">
                        <A href=format!("/threads/{}", thread.id)>{thread.title}</A>
                        <span class="home-threads__meta">
                            <time datetime=at.clone()>{date(&at, locale, DateStyle::Long, None)}</time>
                            " · "{threads::replies(locale, thread.reply_count)}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
