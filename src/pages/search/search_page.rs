use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::search::{QUERY_MAX, QUERY_MIN, SearchKind, SearchResult};
use veche_api::validate::{self, FieldErrors};

use super::highlighted::Highlighted;
use crate::api;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::form::{FormState, TextField};
use crate::i18n::messages::search::Search;
use crate::i18n::use_i18n;

/// The type filter's choices, in order (none: every kind).
const FILTERS: [(Option<SearchKind>, Search); 6] = [
    (None, Search::All),
    (Some(SearchKind::Thread), Search::Threads),
    (Some(SearchKind::Idea), Search::Ideas),
    (Some(SearchKind::Event), Search::Events),
    (Some(SearchKind::Member), Search::Members),
    (Some(SearchKind::Article), Search::Articles),
];

/// The app's address of a search.
fn search_href(text: &str, kind: Option<SearchKind>) -> String {
    format!("/search{}", api::url::query(&[("q", text), ("type", kind.map_or("", SearchKind::as_str))]))
}

fn kind_text(kind: SearchKind) -> Search {
    match kind {
        SearchKind::Thread => Search::KindThread,
        SearchKind::Idea => Search::KindIdea,
        SearchKind::Event => Search::KindEvent,
        SearchKind::Member => Search::KindMember,
        SearchKind::Article => Search::KindArticle,
        SearchKind::Unknown => Search::KindOther,
    }
}

/// `/search?q=…&type=…`: a search form, the type filter and the results with the match marked;
/// the text and the kind live in the address.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query_map = use_query_map();
    let searched = Memo::new(move |_| query_map.with(|q| q.get("q").unwrap_or_default()));
    let kind = Memo::new(move |_| query_map.with(|q| q.get("type").and_then(|t| SearchKind::parse_known(&t))));
    let text = RwSignal::new(searched.get_untracked());
    let form = FormState::new();
    let ready = move || validate::text(&searched.get(), QUERY_MIN, QUERY_MAX).is_none();
    let results = LocalResource::new(move || {
        let (searched, kind, ready) = (searched.get(), kind.get(), ready());
        async move { if ready { api::search::search(searched, kind).await.map(Some) } else { Ok(None) } }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let mut errors = FieldErrors::new();
        errors.check("q", validate::text(&text.get_untracked(), QUERY_MIN, QUERY_MAX));
        if form.check(&errors, i18n.locale()) {
            navigate(&search_href(text.get_untracked().trim(), kind.get_untracked()), Default::default());
        }
    };
    let result_view = move |result: SearchResult| {
        let query = searched.get_untracked();
        let title_query = query.clone();
        view! {
            <li class="search-result">
                <span class="search-result__kind">{i18n.t(kind_text(result.kind))}</span>
                <A href=result.link attr:class="search-result__title">
                    <Highlighted text=result.title.clone() query=title_query.clone() />
                </A>
                <p class="search-result__excerpt"><Highlighted text=result.excerpt query /></p>
            </li>
        }
    };

    view! {
        <Title text=i18n.t(Search::Title) />
        <div class="search-page">
            <h1>{i18n.t(Search::Title)}</h1>
            <form class="form search-page__form" role="search" on:submit=on_submit novalidate>
                <TextField
                    label=i18n.t(Search::Label)
                    name="q"
                    value=text
                    error=form.field("q")
                    input_type="search"
                    maxlength=QUERY_MAX as u32
                />
                <button type="submit" class="button">{i18n.t(Search::Submit)}</button>
            </form>
            <nav class="tabs" aria-label=i18n.t(Search::FilterLabel)>
                {FILTERS.into_iter().map(|(option, label)| view! {
                    <a
                        href=move || search_href(&searched.get(), option)
                        class="tabs__tab"
                        aria-current=move || (kind.get() == option).then_some("true")
                    >
                        {i18n.t(label)}
                    </a>
                }).collect_view()}
            </nav>
            <Loaded resource=results let:page>
                {match page {
                    None => Either::Left(view! { <EmptyState text=i18n.t(Search::Prompt) /> }),
                    Some(page) if page.items.is_empty() => Either::Left(view! { <EmptyState text=i18n.t(Search::Empty) /> }),
                    Some(page) => Either::Right(view! {
                        <h2 class="visually-hidden">{i18n.t(Search::Results)}</h2>
                        <ul class="search-results">{page.items.into_iter().map(result_view).collect_view()}</ul>
                    }),
                    }}
            </Loaded>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_holds_the_text_and_the_kind() {
        assert_eq!(search_href("beta", None), "/search?q=beta");
        assert_eq!(search_href("beta", Some(SearchKind::Event)), "/search?q=beta&type=event");
    }
}
