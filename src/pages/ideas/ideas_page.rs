use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::Page;
use veche_api::ideas::{IdeaSort, IdeaStatus, IdeaSummary};

use crate::api::ideas::{self, IdeaQuery};
use crate::api::url::query;
use crate::api::{ApiResult, first_items};
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::ideas::{IdeaCard, IdeaCountersView, VotesLeft};
use crate::i18n::messages::ideas::{Ideas, status_text};
use crate::i18n::use_i18n;
use crate::state::session::use_session;

const STEP: u32 = 20;

const SORTS: [(IdeaSort, Ideas); 4] = [
    (IdeaSort::Top, Ideas::SortTop),
    (IdeaSort::Trending, Ideas::SortTrending),
    (IdeaSort::Newest, Ideas::SortNewest),
    (IdeaSort::Discussed, Ideas::SortDiscussed),
];

/// The board's filters, as they stand in the address.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    status: Option<IdeaStatus>,
    category: String,
    voted: bool,
    search: String,
    sort: Option<IdeaSort>,
    shown: u32,
}

impl Filters {
    fn href(&self) -> String {
        let shown = if self.shown > STEP { self.shown.to_string() } else { String::new() };
        format!(
            "/ideas{}",
            query(&[
                ("status", self.status.map(|s| s.as_str()).unwrap_or_default()),
                ("category", &self.category),
                ("mine", if self.voted { "1" } else { "" }),
                ("q", &self.search),
                ("sort", self.sort.filter(|s| *s != IdeaSort::Top).map(|s| s.as_str()).unwrap_or_default()),
                ("shown", &shown),
            ])
        )
    }
}

async fn load(filters: Filters) -> ApiResult<Page<IdeaSummary>> {
    let filter = IdeaQuery {
        status: filters.status,
        category: filters.category,
        voted: filters.voted,
        search: filters.search,
        sort: filters.sort,
        ..IdeaQuery::default()
    };
    first_items(filters.shown, move |cursor, limit| {
        let filter = IdeaQuery { cursor, limit: Some(limit), ..filter.clone() };
        async move { ideas::list(&filter).await }
    })
    .await
}

/// `/ideas`: the board, its counters and the member's votes left; filters in the address.
#[component]
pub fn IdeasPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let filters = Memo::new(move |_| {
        query_map.with(|q| Filters {
            status: q.get("status").and_then(|s| IdeaStatus::parse_known(&s)),
            category: q.get("category").unwrap_or_default(),
            voted: q.get("mine").is_some_and(|m| m == "1"),
            search: q.get("q").unwrap_or_default(),
            sort: q.get("sort").and_then(|s| IdeaSort::parse_known(&s)),
            shown: q.get("shown").and_then(|s| s.parse().ok()).unwrap_or(STEP).clamp(STEP, 500),
        })
    });
    let list = LocalResource::new(move || load(filters.get()));
    let counters = LocalResource::new(ideas::counters);
    let categories = LocalResource::new(ideas::categories);
    // Changing a filter starts the list again from the top.
    let apply =
        Callback::new(move |change: Filters| navigate(&Filters { shown: STEP, ..change }.href(), Default::default()));
    let search = RwSignal::new(filters.get_untracked().search);

    view! {
        <Title text=i18n.t(Ideas::Title) />
        <div class="ideas-page">
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Ideas::Title)}</h1>
                    <p class="page-head__intro">{i18n.t(Ideas::Intro)}</p>
                </div>
                <div class="page-head__actions">
                    <A href="/ideas/roadmap" attr:class="button button--ghost">{i18n.t(Ideas::Roadmap)}</A>
                    <A href="/ideas/ballots" attr:class="button button--ghost">{i18n.t(Ideas::Ballots)}</A>
                    <A href="/ideas/new" attr:class="button">{i18n.t(Ideas::Propose)}</A>
                </div>
            </header>
            {move || counters.get().and_then(Result::ok).map(|c| view! { <IdeaCountersView counters=c /> })}
            <VotesLeft />
            <form class="filters" role="search" on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                apply.run(Filters { search: search.get_untracked(), ..filters.get_untracked() });
            }>
                <div class="field field--inline">
                    <label class="field__label" for="idea-search">{i18n.t(Ideas::Search)}</label>
                    <input id="idea-search" class="field__input" type="search" bind:value=search />
                </div>
                <div class="field field--inline">
                    <label class="field__label" for="idea-status">{i18n.t(Ideas::StatusLabel)}</label>
                    <select id="idea-status" class="field__select" on:change=move |event| {
                        let status = IdeaStatus::parse_known(&event_target_value(&event));
                        apply.run(Filters { status, ..filters.get_untracked() });
                    }>
                        <option value="" selected=move || filters.get().status.is_none()>{i18n.t(Ideas::AnyStatus)}</option>
                        {IdeaStatus::KNOWN.iter().map(|&status| view! {
                            <option value=status.as_str() selected=move || filters.get().status == Some(status)>
                                {i18n.t(status_text(status))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field--inline">
                    <label class="field__label" for="idea-category">{i18n.t(Ideas::CategoryLabel)}</label>
                    <select id="idea-category" class="field__select" on:change=move |event| {
                        apply.run(Filters { category: event_target_value(&event), ..filters.get_untracked() });
                    }>
                        <option value="" selected=move || filters.get().category.is_empty()>{i18n.t(Ideas::AnyCategory)}</option>
                        {move || categories.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| {
                            let slug = c.slug.clone();
                            view! { <option value=c.slug.clone() selected=move || filters.get().category == slug>{c.name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || session.signed_in() == Some(true)>
                    <div class="field field--checkbox">
                        <input id="idea-mine" class="field__checkbox" type="checkbox" prop:checked=move || filters.get().voted
                            on:change=move |event| {
                                apply.run(Filters { voted: event_target_checked(&event), ..filters.get_untracked() });
                            } />
                        <label class="field__label field__label--inline" for="idea-mine">{i18n.t(Ideas::MyVotes)}</label>
                    </div>
                </Show>
            </form>
            <nav class="tabs" aria-label=i18n.t(Ideas::SortLabel)>
                {SORTS.into_iter().map(|(option, text)| {
                    let current = move || filters.get().sort.unwrap_or(IdeaSort::Top) == option;
                    view! {
                        <A href=move || Filters { sort: Some(option), shown: STEP, ..filters.get() }.href()
                            attr:class="tabs__tab" attr:aria-current=move || current().then_some("true")>
                            {i18n.t(text)}
                        </A>
                    }
                }).collect_view()}
            </nav>
            <Loaded resource=list let:page>
                {{
                    let more = page.next_cursor.is_some();
                    if page.items.is_empty() {
                        Either::Left(view! { <EmptyState text=i18n.t(Ideas::NoIdeas) /> })
                    } else {
                        Either::Right(view! {
                            <ul class="idea-list">
                                {page.items.into_iter().map(|idea| view! { <IdeaCard idea=idea /> }).collect_view()}
                            </ul>
                            {more.then(|| view! {
                                <A href=move || { let f = filters.get(); Filters { shown: f.shown + STEP, ..f }.href() }
                                    attr:class="button button--secondary load-more">{i18n.t(Ideas::LoadMore)}</A>
                            })}
                        })
                    }
                    }}
            </Loaded>
        </div>
    }
}
