use leptos::prelude::*;
use veche_api::surveys::Tally;

use crate::i18n::messages::surveys::{self as texts, Surveys};
use crate::i18n::use_i18n;

/// The score as staff read it: the NPS, how many answers it rests on and how far it may be
/// off; then the three groups as a bar with a legend that says each share in words.
#[component]
pub fn NpsScore(
    /// Answers per group.
    tally: Tally,
    /// Half-width of the 95 % interval, when there are enough answers.
    margin_of_error: Option<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let score = tally.nps_rounded();
    let [promoters, passives, detractors] = tally.percentages();
    let groups = [
        ("promoter", Surveys::Promoters, promoters, tally.promoters),
        ("passive", Surveys::Passives, passives, tally.passives),
        ("detractor", Surveys::Detractors, detractors, tally.detractors),
    ];
    view! {
        <section class="survey-card nps-score" aria-labelledby="nps-score-title">
            <h2 class="survey-card__title" id="nps-score-title">{i18n.t(Surveys::Score)}</h2>
            <p class="nps-score__value" data-testid="nps-score">
                {score.map(texts::signed_score).unwrap_or_else(|| "—".to_owned())}
            </p>
            <p class="nps-score__note">{i18n.t(Surveys::ScoreRange)}</p>
            <p data-testid="nps-count">{texts::answers(locale, tally.total())}</p>
            {margin_of_error.map(|m| view! { <p class="nps-score__note" data-testid="nps-margin">{texts::margin(locale, m)}</p> })}
        </section>
        <section class="survey-card nps-split" aria-labelledby="nps-split-title">
            <h2 class="survey-card__title" id="nps-split-title">{i18n.t(Surveys::Split)}</h2>
            // The legend says everything the bar shows.
            <div class="nps-split__bar" aria-hidden="true">
                {groups.map(|(class, _, percent, _)| view! {
                    <span class=class style:width=format!("{percent}%")></span>
                })}
            </div>
            <ul class="nps-split__legend">
                {groups.map(|(class, label, percent, count)| view! {
                    <li data-category=class>
                        <span class=format!("nps-split__swatch {class}")></span>
                        <span class="nps-split__label">{i18n.t(label)}": "</span>
                        <span class="nps-split__share">{texts::share(locale, percent, count)}</span>
                    </li>
                })}
            </ul>
        </section>
    }
}
