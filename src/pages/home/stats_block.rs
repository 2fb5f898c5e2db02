use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::community::CommunityStats;

use crate::i18n::format::number;
use crate::i18n::messages::home::Home;
use crate::i18n::use_i18n;

/// The community's five counters as a definition list (label, then number).
#[component]
pub fn StatsBlock(
    /// The counters, as the viewer may see them.
    stats: CommunityStats,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let counters = [
        (Home::StatMembers, stats.members),
        (Home::StatDays, stats.days),
        (Home::StatIdeas, stats.ideas),
        (Home::StatVotes, stats.votes),
        (Home::StatImplemented, stats.implemented),
    ];
    view! {
        <dl class="home-stats__list">
            {counters.into_iter().map(|(label, value)| view! {
                <div class="home-stats__item">
                    <dt class="home-stats__label">{i18n.t(label)}</dt>
                    <dd class="home-stats__value">{number(value, locale)}</dd>
                </div>
            }).collect_view()}
        </dl>
        <p class="home-stats__more"><A href="/ideas">{i18n.t(Home::AllIdeas)}</A></p>
    }
}
