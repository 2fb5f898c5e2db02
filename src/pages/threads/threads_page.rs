use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::Page;
use veche_api::threads::{ThreadSort, ThreadSummary};

use crate::api::threads::{self, ThreadQuery};
use crate::api::url::query;
use crate::api::{ApiResult, first_items};
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::threads::ThreadRow;
use crate::i18n::messages::threads::{self as texts, Threads};
use crate::i18n::use_i18n;

/// Threads shown first, and added by each "load more".
const STEP: u32 = 20;

const SORTS: [(ThreadSort, Threads); 4] = [
    (ThreadSort::Activity, Threads::SortActivity),
    (ThreadSort::Newest, Threads::SortNewest),
    (ThreadSort::Discussed, Threads::SortDiscussed),
    (ThreadSort::Unanswered, Threads::SortUnanswered),
];

/// Loads the first `shown` threads, following cursors, so a reloaded "load more" comes back
/// as it was.
async fn load(filter: ThreadQuery, shown: u32) -> ApiResult<Page<ThreadSummary>> {
    first_items(shown, move |cursor, limit| {
        let filter = ThreadQuery { cursor, limit: Some(limit), ..filter.clone() };
        async move { threads::list(&filter).await }
    })
    .await
}

/// `/threads`: every thread, or one space's, in the chosen order; all of it in the address.
#[component]
pub fn ThreadsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let space = Memo::new(move |_| query_map.with(|q| q.get("space").unwrap_or_default()));
    let sort = Memo::new(move |_| {
        query_map.with(|q| q.get("sort").map(|s| ThreadSort::parse(&s)).filter(|s| *s != ThreadSort::Unknown))
    });
    let shown = Memo::new(move |_| {
        query_map.with(|q| q.get("shown").and_then(|s| s.parse::<u32>().ok()).unwrap_or(STEP).clamp(STEP, 500))
    });
    let spaces = LocalResource::new(threads::spaces);
    let list = LocalResource::new(move || {
        let filter = ThreadQuery { space: space.get(), sort: sort.get(), ..ThreadQuery::default() };
        load(filter, shown.get())
    });
    let href = move |space: &str, sort: Option<ThreadSort>, shown: Option<u32>| {
        let shown = shown.map(|s| s.to_string()).unwrap_or_default();
        format!(
            "/threads{}",
            query(&[("space", space), ("sort", sort.map(|s| s.as_str()).unwrap_or_default()), ("shown", &shown)])
        )
    };
    let on_space = {
        let navigate = navigate.clone();
        move |event: leptos::ev::Event| {
            navigate(&href(&event_target_value(&event), sort.get_untracked(), None), Default::default());
        }
    };
    let more = move |_| {
        let next = shown.get_untracked() + STEP;
        navigate(&href(&space.get_untracked(), sort.get_untracked(), Some(next)), Default::default());
    };

    view! {
        <Title text=i18n.t(Threads::Title) />
        <div class="threads-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Threads::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Threads::Intro)}</p>
                </div>
                <A href=move || format!("/threads/new{}", query(&[("space", &space.get())])) attr:class="button">
                    {i18n.t(Threads::NewThread)}
                </A>
            </header>
            <div class="filters">
                <div class="field field--inline">
                    <label class="field__label" for="thread-space">{i18n.t(Threads::SpaceLabel)}</label>
                    <select id="thread-space" class="field__select" on:change=on_space>
                        <option value="" selected=move || space.get().is_empty()>{i18n.t(Threads::AllSpaces)}</option>
                        {move || spaces.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|s| {
                            let slug = s.slug.clone();
                            view! {
                                <option value=s.slug.clone() selected=move || space.get() == slug>
                                    {s.name.clone()}" ("{texts::threads(i18n.locale(), s.thread_count)}")"
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <nav class="tabs" aria-label=i18n.t(Threads::SortLabel)>
                    {SORTS.into_iter().map(|(option, text)| {
                        let current = move || sort.get().unwrap_or(ThreadSort::Activity) == option;
                        view! {
                            <A
                                href=move || href(&space.get(), Some(option).filter(|o| *o != ThreadSort::Activity), None)
                                attr:class="tabs__tab"
                                attr:aria-current=move || current().then_some("true")
                            >
                                {i18n.t(text)}
                            </A>
                        }
                    }).collect_view()}
                </nav>
            </div>
            <Loaded resource=list let:page>
                {{
                    let more_available = page.next_cursor.is_some();
                    if page.items.is_empty() {
                        leptos::either::Either::Left(view! { <EmptyState text=i18n.t(Threads::NoThreads) /> })
                    } else {
                        leptos::either::Either::Right(view! {
                            <ul class="thread-list">
                                {page.items.into_iter().map(|thread| view! { <ThreadRow thread=thread /> }).collect_view()}
                            </ul>
                            {more_available.then(|| view! {
                                <button type="button" class="button button--secondary load-more" on:click=more.clone()>
                                    {i18n.t(Threads::LoadMore)}
                                </button>
                            })}
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}
