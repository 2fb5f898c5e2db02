use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::community::Features;

use crate::components::feedback::{Loaded, Loading};
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;
use crate::pages::lazy::LazyPage;
use crate::state::community::use_community;
use crate::state::session::use_session;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let community = use_community();
    let session = use_session();
    let offers = move |area: fn(&Features) -> bool| community.get().is_some_and(|c| area(&c.features));
    // Nothing shows until both the community and the visitor are known: the welcome (for guests
    // only) and the blocks below then appear together, and nothing already shown moves.
    let visitor_known = move || session.signed_in().is_some();
    view! {
        <Title text=i18n.t(Common::NavHome) />
        <Show when=visitor_known fallback=Loading>
            <Loaded resource=community.resource let:community>
                {{
                    let founded = community.founded_on.clone();
                    view! {
                        <section class="hero">
                            <p class="hero__kicker">{i18n.t(Common::WelcomeTo)}</p>
                            <h1 class="hero__title">{community.name.clone()}</h1>
                            <p class="hero__text">{community.description.clone()}</p>
                            <p class="hero__meta">
                                {i18n.t(Common::CommunitySince)}" "
                                <time datetime=founded.clone()>
                                    {date(&founded, i18n.locale(), DateStyle::Long, Some("UTC"))}
                                </time>
                            </p>
                            <Show when=move || session.signed_in() == Some(false)>
                                // The first-visit welcome: what the community is for.
                                <ul class="hero__points">
                                    <li>{i18n.t(Common::WelcomeAsk)}</li>
                                    <li>{i18n.t(Common::WelcomePropose)}</li>
                                    <li>{i18n.t(Common::WelcomeMeet)}</li>
                                </ul>
                                <div class="hero__actions">
                                    <A href="/register" attr:class="button">{i18n.t(Common::JoinTheCommunity)}</A>
                                    <A href="/signin" attr:class="button button--ghost">{i18n.t(Common::SignIn)}</A>
                                </div>
                            </Show>
                        </section>
                    }
                    }}
            </Loaded>
            <Show when=move || community.get().is_some()>
                // Its height is reserved in CSS: the blocks below do not jump when it arrives.
                <div class="home-overview">
                    <LazyPage load=|| Box::pin(overview_on_home()) />
                </div>
                // Only the areas the backend offers.
                {move || offers(|f| f.ideas).then(|| view! { <LazyPage load=|| Box::pin(ideas_on_home()) /> })}
                {move || offers(|f| f.events).then(|| view! { <LazyPage load=|| Box::pin(events_on_home()) /> })}
                // Members may be asked the community's survey (signing in again rebuilds it).
                {move || {
                    (session.signed_in() == Some(true) && offers(|f| f.surveys))
                        .then(|| view! { <LazyPage load=|| Box::pin(survey_banner()) quiet=true /> })
                }}
            </Show>
        </Show>
    }
}

crate::lazy_page!(overview_on_home, super::OverviewOnHome);
crate::lazy_page!(ideas_on_home, crate::pages::ideas::IdeasOnHome);
crate::lazy_page!(events_on_home, crate::pages::events::EventsOnHome);
crate::lazy_page!(survey_banner, crate::pages::surveys::SurveyBanner);

// A link to the home page needs the blocks every visitor sees (not the members' survey banner):
// index.html starts fetching their code with the main module's.
crate::route_code!("" => overview_on_home ideas_on_home events_on_home);
