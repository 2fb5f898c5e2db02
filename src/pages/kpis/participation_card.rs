use leptos::prelude::*;
use veche_api::kpis::Participation;

use crate::i18n::messages::kpis::{self as texts, Kpis};
use crate::i18n::use_i18n;

/// The share of members active in the last 30 days, with the counts behind it and what "active"
/// means.
#[component]
pub fn ParticipationCard(
    /// The counts and the rate.
    participation: Participation,
) -> impl IntoView {
    let i18n = use_i18n();
    let rate = participation.rate_rounded();
    view! {
        <section class="survey-card" aria-labelledby="participation-title">
            <h2 class="survey-card__title" id="participation-title">{i18n.t(Kpis::Participation)}</h2>
            <p class="nps-score__value" data-testid="participation-rate">
                {rate.map(texts::percent).unwrap_or_else(|| "—".to_owned())}
            </p>
            <p>
                {match rate {
                    Some(_) => texts::participation_note(i18n.locale(), participation.active_members, participation.members),
                    None => i18n.t(Kpis::NoMembers).to_owned(),
                }}
            </p>
            <p class="nps-score__note">{i18n.t(Kpis::ActiveMeans)}</p>
        </section>
    }
}
