use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::threads::{DiscussedPeriod, ThreadSort};

use super::home_thread_list::HomeThreadList;
use super::stats_block::StatsBlock;
use crate::api::community;
use crate::api::threads::{self, ThreadQuery};
use crate::i18n::messages::home::Home;
use crate::i18n::use_i18n;

/// Announcements shown on the home page.
const NEWS_SHOWN: u32 = 3;
/// Threads in "most discussed this week".
const DISCUSSED_SHOWN: u32 = 5;

/// The home page's counters, latest news and most discussed threads, from their own chunk so the
/// first load does not pay for them. Each block is left out when it cannot be loaded (the page
/// stands without it).
#[component]
pub fn OverviewOnHome() -> impl IntoView {
    let i18n = use_i18n();
    let stats = LocalResource::new(community::stats);
    // The first news space's slug and its newest threads (none: no news block).
    let news = LocalResource::new(|| async {
        let spaces = threads::spaces().await?;
        let Some(space) = spaces.into_iter().find(|s| s.news) else { return Ok(None) };
        let query = ThreadQuery {
            space: space.slug.clone(),
            sort: Some(ThreadSort::Newest),
            limit: Some(NEWS_SHOWN),
            ..ThreadQuery::default()
        };
        threads::list(&query).await.map(|page| Some((space.slug, page.items)))
    });
    let discussed = LocalResource::new(|| threads::discussed(DiscussedPeriod::Week, DISCUSSED_SHOWN));
    view! {
        <section class="home-stats" aria-labelledby="home-stats-title">
            <h2 id="home-stats-title">{i18n.t(Home::StatsTitle)}</h2>
            {move || stats.get().and_then(Result::ok).map(|stats| view! { <StatsBlock stats=stats /> })}
        </section>
        <div class="home-columns">
            {move || news.get().and_then(Result::ok).flatten().map(|(slug, items)| view! {
                <section class="home-block" aria-labelledby="home-news-title">
                    <h2 id="home-news-title">{i18n.t(Home::NewsTitle)}</h2>
                    {if items.is_empty() {
                        Either::Left(view! { <p>{i18n.t(Home::NoNews)}</p> })
                    } else {
                        Either::Right(view! { <HomeThreadList threads=items started=true /> })
                    }}
                    <p><A href=format!("/threads?space={slug}")>{i18n.t(Home::AllNews)}</A></p>
                </section>
            })}
            {move || discussed.get().and_then(Result::ok).map(|page| view! {
                <section class="home-block" aria-labelledby="home-discussed-title">
                    <h2 id="home-discussed-title">{i18n.t(Home::DiscussedTitle)}</h2>
                    {if page.items.is_empty() {
                        Either::Left(view! { <p>{i18n.t(Home::NoDiscussions)}</p> })
                    } else {
                        Either::Right(view! { <HomeThreadList threads=page.items /> })
                    }}
                    <p><A href="/threads?sort=discussed">{i18n.t(Home::AllDiscussions)}</A></p>
                </section>
            })}
        </div>
    }
}
