use leptos::either::Either;
use leptos::prelude::*;
use veche_api::Page;

use crate::components::feedback::EmptyState;
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::use_i18n;

/// How many more rows "Load more" asks for.
pub const PAGE: u32 = 20;

/// A loaded list: `empty` when it has no rows, else the rows in a list of `class` and "Load
/// more" (which raises `shown`) while more follow.
pub fn paged_list<T, V>(
    page: Page<T>,
    empty: Moderation,
    ordered: bool,
    shown: RwSignal<u32>,
    row: impl Fn(T) -> V,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    if page.items.is_empty() {
        return Either::Left(view! { <EmptyState text=i18n.t(empty) /> });
    }
    let more = page.next_cursor.is_some();
    let rows = page.items.into_iter().map(row).collect_view();
    Either::Right(view! {
        {if ordered {
            Either::Left(view! { <ol class="moderation-list">{rows}</ol> })
        } else {
            Either::Right(view! { <ul class="moderation-list">{rows}</ul> })
        }}
        {more.then(|| view! {
            <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                {i18n.t(Moderation::LoadMore)}
            </button>
        })}
    })
}
