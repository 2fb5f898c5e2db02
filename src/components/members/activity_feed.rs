use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::members::{ActivityItem, ActivityKind};

use crate::api::{ApiError, members};
use crate::components::feedback::{EmptyState, ErrorView, Loading};
use crate::components::threads::reveal;
use crate::i18n::format::{DateStyle, date, relative_time};
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// One kind of what a member created (threads, replies, ideas, events), newest first; "load
/// more" adds the next page below and takes the keyboard to its first item.
#[component]
pub fn ActivityFeed(
    /// Whose activity.
    handle: String,
    /// Which kind.
    kind: ActivityKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let items = RwSignal::new(Vec::<ActivityItem>::new());
    let next = RwSignal::new(None::<String>);
    let loading = RwSignal::new(true);
    let failed = RwSignal::new(None::<ApiError>);
    let handle = StoredValue::new(handle);
    let link_id = |item: &str| format!("activity-{item}");
    let load = Callback::new(move |cursor: Option<String>| {
        loading.set(true);
        failed.set(None);
        leptos::task::spawn_local(async move {
            match members::activity(&handle.get_value(), kind, cursor.as_deref()).await {
                Ok(page) => {
                    let first_new = page.items.first().map(|item| item.id.clone());
                    items.update(|list| list.extend(page.items));
                    next.set(page.next_cursor);
                    if let (Some(_), Some(first_new)) = (cursor, first_new) {
                        reveal(link_id(&first_new));
                    }
                }
                Err(error) => failed.set(Some(error)),
            }
            loading.set(false);
        });
    });
    load.run(None);
    let more = move |_| {
        if !loading.get_untracked() {
            load.run(next.get_untracked());
        }
    };
    view! {
        <ol class="activity-list">
            <For each=move || items.get() key=|item| item.id.clone() let:item>
                <li class="activity-item">
                    <A href=item.link.clone() attr:id=link_id(&item.id) attr:class="activity-item__title">{item.title.clone()}</A>
                    {(!item.excerpt.is_empty()).then(|| view! { <p class="activity-item__excerpt">{item.excerpt.clone()}</p> })}
                    <time class="activity-item__time" datetime=item.created_at.clone() title=date(&item.created_at, locale, DateStyle::DateTime, None)>
                        {relative_time(&item.created_at, locale)}
                    </time>
                </li>
            </For>
        </ol>
        {move || (loading.get() && items.with(Vec::is_empty)).then(|| view! { <Loading /> })}
        {move || failed.get().map(|error| view! {
            <ErrorView error=error on_retry=Callback::new(move |_| load.run(next.get_untracked())) />
        })}
        {move || (!loading.get() && failed.with(Option::is_none) && items.with(Vec::is_empty)).then(|| view! {
            <EmptyState text=i18n.t(Members::NoActivity) />
        })}
        {move || next.with(Option::is_some).then(|| view! {
            <button type="button" class="button button--secondary load-more" aria-busy=move || loading.get().to_string() on:click=more>
                {i18n.t(Members::LoadMore)}
            </button>
        })}
    }
}
