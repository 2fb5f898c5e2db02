use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::ideas::IdeaSort;

use crate::api::ideas::{self, IdeaQuery};
use crate::components::ideas::StatusChip;
use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::use_i18n;

/// Ideas shown on the home page.
const TOP_IDEAS: u32 = 5;

/// The idea board's top ideas, for the home page (loaded in the ideas' chunk, so the first visit
/// does not pay for it). The home page's community counters already say how many ideas there are.
#[component]
pub fn IdeasOnHome() -> impl IntoView {
    let i18n = use_i18n();
    let top = LocalResource::new(|| async {
        ideas::list(&IdeaQuery { sort: Some(IdeaSort::Top), limit: Some(TOP_IDEAS), ..IdeaQuery::default() }).await
    });
    view! {
        <section class="home-ideas" aria-labelledby="home-ideas-title">
            <h2 id="home-ideas-title">{i18n.t(Ideas::TopIdeas)}</h2>
            {move || top.get().and_then(Result::ok).map(|page| view! {
                <ol class="top-ideas">
                    {page.items.into_iter().map(|idea| view! {
                        <li class="top-ideas__item">
                            <A href=format!("/ideas/{}", idea.id)>{idea.title.clone()}</A>
                            <span class="top-ideas__meta">
                                <StatusChip status=idea.status />" · "{texts::votes(i18n.locale(), idea.vote_count)}
                            </span>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            <p><A href="/ideas">{i18n.t(Ideas::AllIdeas)}</A></p>
        </section>
    }
}
