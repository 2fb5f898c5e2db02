use leptos::prelude::*;
use veche_api::ideas::IdeaCounters;

use crate::i18n::format::number;
use crate::i18n::messages::ideas::Ideas;
use crate::i18n::use_i18n;

/// Ideas proposed, votes cast, ideas implemented.
#[component]
pub fn IdeaCountersView(
    /// The figures.
    counters: IdeaCounters,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    view! {
        <dl class="counters">
            <div class="counters__item"><dt>{i18n.t(Ideas::CounterIdeas)}</dt><dd>{number(counters.ideas, locale)}</dd></div>
            <div class="counters__item"><dt>{i18n.t(Ideas::CounterVotes)}</dt><dd>{number(counters.votes, locale)}</dd></div>
            <div class="counters__item"><dt>{i18n.t(Ideas::CounterImplemented)}</dt><dd>{number(counters.implemented, locale)}</dd></div>
        </dl>
    }
}
