use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::SCORE_MAX;
use web_sys::KeyboardEvent;

use crate::nps_survey::{Ids, element};
use crate::texts::Text;

/// The scores as written (a table: number formatting costs the frame's bundle more).
const SCORES: [&str; SCORE_MAX as usize + 1] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// The score a key moves to from `current` (none chosen yet: from before 0), wrapping around
/// at the ends as a radio group does; `None` for keys that do not move.
fn moved(key: &str, current: Option<u8>) -> Option<u8> {
    let count = SCORE_MAX + 1;
    match key {
        "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |score| (score + 1) % count)),
        "ArrowLeft" | "ArrowUp" => Some(current.map_or(SCORE_MAX, |score| (score + count - 1) % count)),
        "Home" => Some(0),
        "End" => Some(SCORE_MAX),
        _ => None,
    }
}

/// The question with 0–10 as a group of real radio buttons inside a fieldset: Tab enters the
/// group, the arrow keys move the choice, "Send" (or Enter) sends it. The buttons keep their
/// own checked state; the step only remembers which one it is.
#[component]
pub(crate) fn ScoreStep(
    /// The question, the group's legend.
    question: String,
    /// The language of the other texts.
    locale: Locale,
    /// Element ids of this survey.
    ids: Ids,
    /// Told the score when the visitor sends it.
    on_chosen: Callback<u8>,
) -> impl IntoView {
    let chosen = StoredValue::new(None::<u8>);
    let missing = RwSignal::new(false);
    let radio_id = {
        let ids = ids.clone();
        move |score: u8| ids.of(&["score-", SCORES[usize::from(score)]].concat())
    };
    let choose = move |score: u8| {
        chosen.set_value(Some(score));
        missing.set(false);
    };
    // Handled here rather than left to the browser so every browser moves the same way.
    let on_key = {
        let radio_id = radio_id.clone();
        move |event: KeyboardEvent| {
            let from = event_target_value(&event).parse().ok().or(chosen.get_value());
            if let Some(score) = moved(&event.key(), from) {
                event.prevent_default();
                choose(score);
                if let Some(radio) = element::<web_sys::HtmlInputElement>(&radio_id(score)) {
                    radio.set_checked(true);
                    let _ = radio.focus();
                }
            }
        }
    };
    let send = {
        let first = radio_id(0);
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            match chosen.get_value() {
                Some(score) => on_chosen.run(score),
                None => {
                    missing.set(true);
                    if let Some(radio) = element::<web_sys::HtmlElement>(&first) {
                        let _ = radio.focus();
                    }
                }
            }
        }
    };
    let name = ids.of("score");
    let error_id = ids.of("score-error");
    let least_id = ids.of("least");
    let most_id = ids.of("most");
    let scores = (0..=SCORE_MAX)
        .map(|score| {
            let described_by = match score {
                0 => Some(least_id.clone()),
                SCORE_MAX => Some(most_id.clone()),
                _ => None,
            };
            view! {
                <label class="veche-survey__score">
                    <input
                        type="radio"
                        class="veche-survey__radio"
                        id=radio_id(score)
                        name=name.clone()
                        value=SCORES[usize::from(score)]
                        aria-describedby=described_by
                        on:change=move |_| choose(score)
                    />
                    <span class="veche-survey__digit">{SCORES[usize::from(score)]}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="veche-survey__step" novalidate on:submit=send>
            <fieldset class="veche-survey__fieldset" aria-describedby=error_id.clone()>
                <legend class="veche-survey__question veche-survey__lead">{question}</legend>
                <div class="veche-survey__scores" on:keydown=on_key>
                    {scores}
                </div>
                <p class="veche-survey__ends">
                    <span id=least_id>{Text::LeastLikely.get(locale)}</span>
                    <span id=most_id>{Text::MostLikely.get(locale)}</span>
                </p>
            </fieldset>
            <p class="veche-survey__error" id=error_id role="alert">
                {move || missing.get().then(|| Text::ChooseScore.get(locale))}
            </p>
            <div class="veche-survey__actions">
                <button type="submit" class="veche-survey__button">
                    {Text::Send.get(locale)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scores_are_written_in_digits() {
        for score in 0..=SCORE_MAX {
            assert_eq!(SCORES[usize::from(score)], score.to_string());
        }
    }

    #[test]
    fn arrows_move_one_step_and_wrap_around() {
        assert_eq!(moved("ArrowRight", Some(6)), Some(7));
        assert_eq!(moved("ArrowDown", Some(10)), Some(0));
        assert_eq!(moved("ArrowLeft", Some(0)), Some(10));
        assert_eq!(moved("ArrowUp", Some(9)), Some(8));
        assert_eq!(moved("ArrowRight", None), Some(0));
        assert_eq!(moved("End", Some(3)), Some(10));
        assert_eq!(moved("Home", None), Some(0));
        assert_eq!(moved("Tab", Some(3)), None);
        assert_eq!(moved("a", None), None);
    }
}
