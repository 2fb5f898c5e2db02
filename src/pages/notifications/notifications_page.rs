use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::days::{group_by_day, notifications_href};
use super::notification_item::NotificationItem;
use crate::api::{self, first_items};
use crate::components::feedback::{EmptyState, ErrorView, Loaded};
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::notifications::Notifications;
use crate::i18n::{I18n, use_i18n};
use crate::state::unread::use_unread;

/// Notifications shown first, and added by each "load more".
const STEP: u32 = 20;

/// A day's heading: "Today", "Yesterday", else the date, in the viewer's time zone.
fn day_heading(day: &str, i18n: I18n) -> String {
    let locale = i18n.locale();
    let now = js_sys::Date::now();
    let written = |millis: f64| {
        let timestamp: String = js_sys::Date::new(&millis.into()).to_iso_string().into();
        date(&timestamp, locale, DateStyle::Long, None)
    };
    if day == written(now) {
        i18n.t(Notifications::Today).to_owned()
    } else if day == written(now - 86_400_000.0) {
        i18n.t(Notifications::Yesterday).to_owned()
    } else {
        day.to_owned()
    }
}

/// `/notifications`: the member's notifications by day, newest first; all or only unread (in the
/// address, with how many are shown); each opens what it is about and is then read.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let unread = use_unread();
    let query_map = use_query_map();
    let unread_only = Memo::new(move |_| query_map.with(|q| q.get("unread").as_deref() == Some("1")));
    let shown = Memo::new(move |_| {
        query_map.with(|q| q.get("shown").and_then(|s| s.parse::<u32>().ok()).unwrap_or(STEP).clamp(STEP, 500))
    });
    let list = LocalResource::new(move || {
        let unread_only = unread_only.get();
        first_items(shown.get(), move |cursor, limit| api::notifications::list(unread_only, cursor, limit))
    });

    let mark_all = Action::new_local(|_: &()| api::notifications::mark_all_read());
    Effect::new(move |_| {
        if let Some(Ok(count)) = mark_all.value().get() {
            unread.set(count.unread);
            list.refetch();
        }
    });
    let mark_all_error = Signal::derive(move || mark_all.value().get().and_then(Result::err));
    let mark_all_done = move || matches!(mark_all.value().get(), Some(Ok(_)));

    view! {
        <Title text=i18n.t(Notifications::Title) />
        <div class="notifications-page">
            <header class="page-head">
                <h1>{i18n.t(Notifications::Title)}</h1>
                <button
                    type="button"
                    class="button button--secondary"
                    disabled=move || mark_all.pending().get()
                    on:click=move |_| { mark_all.dispatch(()); }
                >
                    {i18n.t(Notifications::MarkAllRead)}
                </button>
            </header>
            <p class="visually-hidden" role="status">{move || mark_all_done().then(|| i18n.t(Notifications::AllMarkedRead))}</p>
            {move || mark_all_error.get().map(|error| view! {
                <ErrorView error=error on_retry=Callback::new(move |_| { mark_all.dispatch(()); }) />
            })}
            <nav class="tabs" aria-label=i18n.t(Notifications::FilterLabel)>
                {[(false, Notifications::All), (true, Notifications::UnreadOnly)].into_iter().map(|(option, text)| view! {
                    <a
                        href=notifications_href(option, None)
                        class="tabs__tab"
                        aria-current=move || (unread_only.get() == option).then_some("true")
                    >
                        {i18n.t(text)}
                    </a>
                }).collect_view()}
            </nav>
            <Loaded resource=list let:page>
                {{
                    if page.items.is_empty() {
                        let empty = if unread_only.get_untracked() { Notifications::EmptyUnread } else { Notifications::Empty };
                        return Either::Left(view! { <EmptyState text=i18n.t(empty) /> });
                    }
                    let more_available = page.next_cursor.is_some();
                    let days = group_by_day(page.items, |n| date(&n.created_at, locale, DateStyle::Long, None));
                    Either::Right(view! {
                        {days.into_iter().map(|(day, items)| view! {
                            <section class="notifications-page__day">
                                <h2 class="notifications-page__heading">{day_heading(&day, i18n)}</h2>
                                <ul class="notification-list">
                                    {items.into_iter().map(|notification| view! { <NotificationItem notification /> }).collect_view()}
                                </ul>
                            </section>
                        }).collect_view()}
                        {more_available.then(|| view! {
                            <A href=notifications_href(unread_only.get_untracked(), Some(shown.get_untracked() + STEP)) attr:class="button button--secondary load-more">
                                {i18n.t(Notifications::LoadMore)}
                            </A>
                        })}
                    })
                    }}
            </Loaded>
        </div>
    }
}
