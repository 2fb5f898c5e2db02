use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::messages::threads::{self, Threads};
use crate::i18n::use_i18n;

/// Moves between pages of a long thread's replies.
#[component]
pub fn ReplyPager(
    /// The thread's address (without query).
    base: String,
    /// Position of the first reply shown.
    first: i64,
    /// Position of the last reply shown.
    last: i64,
    /// Replies in the thread.
    total: i64,
    /// Cursor of the page before, if any.
    prev: Option<String>,
    /// Cursor of the page after, if any.
    next: Option<String>,
    /// Replies per page.
    per_page: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    let page_href = |cursor: &str| format!("{base}?page={cursor}#replies");
    let last_start = ((total - 1).max(0) / per_page) * per_page + 1;
    view! {
        <nav class="pager" aria-label=i18n.t(Threads::RepliesNavigation)>
            <p class="pager__range">{threads::reply_range(i18n.locale(), first, last, total)}</p>
            <ul class="pager__links">
                {prev.is_some().then(|| view! {
                    <li><A href=format!("{base}#replies")>{"« "}{i18n.t(Threads::FirstReplies)}</A></li>
                })}
                {prev.as_deref().map(|cursor| view! {
                    <li><A href=page_href(cursor) attr:rel="prev">{"‹ "}{i18n.t(Threads::EarlierReplies)}</A></li>
                })}
                {next.as_deref().map(|cursor| view! {
                    <li><A href=page_href(cursor) attr:rel="next">{i18n.t(Threads::LaterReplies)}{" ›"}</A></li>
                })}
                {next.is_some().then(|| view! {
                    <li><A href=page_href(&format!("p{last_start}"))>{i18n.t(Threads::LatestReplies)}{" »"}</A></li>
                })}
            </ul>
        </nav>
    }
}
