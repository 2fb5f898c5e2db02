use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::ideas::IdeaSummary;

use crate::api::ideas;
use crate::components::feedback::{EmptyState, Loaded};
use crate::i18n::messages::ideas::{self as texts, Ideas};
use crate::i18n::use_i18n;

/// `/ideas/roadmap`: planned, in progress, implemented (latest first).
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let i18n = use_i18n();
    let roadmap = LocalResource::new(ideas::roadmap);
    let column = move |title: Ideas, id: &'static str, items: Vec<IdeaSummary>| {
        view! {
            <section class="roadmap__column" aria-labelledby=id>
                <h2 class="roadmap__title" id=id>{i18n.t(title)}" "<span class="roadmap__count">{items.len()}</span></h2>
                {if items.is_empty() {
                    leptos::either::Either::Left(view! { <EmptyState text=i18n.t(Ideas::EmptyColumn) /> })
                } else {
                    leptos::either::Either::Right(view! {
                        <ul class="roadmap__list">
                            {items.into_iter().map(|idea| view! {
                                <li class="roadmap__card">
                                    <A href=format!("/ideas/{}", idea.id)>{idea.title.clone()}</A>
                                    <p class="roadmap__meta">{idea.category.name.clone()}" · "{texts::votes(i18n.locale(), idea.vote_count)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    })
                }}
            </section>
        }
    };
    view! {
        <Title text=i18n.t(Ideas::Roadmap) />
        <header class="page-head">
            <div>
                <h1>{i18n.t(Ideas::Roadmap)}</h1>
                <p class="page-head__intro">{i18n.t(Ideas::RoadmapIntro)}</p>
            </div>
            <A href="/ideas" attr:class="button button--ghost">{i18n.t(Ideas::Title)}</A>
        </header>
        <Loaded resource=roadmap let:r>
            {view! {
                <div class="roadmap">
                    {column(Ideas::Planned, "roadmap-planned", r.planned)}
                    {column(Ideas::InProgress, "roadmap-in-progress", r.in_progress)}
                    {column(Ideas::Implemented, "roadmap-implemented", r.implemented)}
                </div>
                }}
        </Loaded>
    }
}
