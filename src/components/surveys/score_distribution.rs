use leptos::prelude::*;
use veche_api::surveys::Category;

use crate::i18n::format::number;
use crate::i18n::messages::surveys::{self as texts, Surveys, category_text};
use crate::i18n::use_i18n;

/// Height of a bar, in percent of the tallest.
fn bar_height(count: u64, tallest: u64) -> f64 {
    if tallest == 0 { 0.0 } else { 100.0 * count as f64 / tallest as f64 }
}

/// How many answers gave each score from 0 to 10, as bars with their numbers written on them.
#[component]
pub fn ScoreDistribution(
    /// Answers per score, index 0 = score 0.
    counts: Vec<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let tallest = counts.iter().copied().max().unwrap_or(0);
    view! {
        <section class="survey-card distribution" aria-labelledby="distribution-title">
            <h2 class="survey-card__title" id="distribution-title">{i18n.t(Surveys::Distribution)}</h2>
            <ol data-testid="distribution">
                {counts.into_iter().enumerate().map(|(score, count)| {
                    let category = Category::of(score as u8).unwrap_or(Category::Detractor);
                    view! {
                        <li data-score=score data-count=count>
                            <span class="visually-hidden">
                                {i18n.t(Surveys::ScoreLabel)}" "{score}" ("{i18n.t(category_text(category))}"): "
                                {texts::answers(locale, count)}
                            </span>
                            <span aria-hidden="true">{number(count as i64, locale)}</span>
                            <span class="distribution__track" aria-hidden="true">
                                <span class=category.as_str() style:height=format!("{}%", bar_height(count, tallest))></span>
                            </span>
                            <strong aria-hidden="true">{score}</strong>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::bar_height;

    #[test]
    fn bars_are_measured_against_the_tallest() {
        assert_eq!(bar_height(5, 10), 50.0);
        assert_eq!(bar_height(10, 10), 100.0);
        assert_eq!(bar_height(0, 0), 0.0);
    }
}
