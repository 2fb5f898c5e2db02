use leptos::either::EitherOf3;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use veche_api::Locale;
use veche_api::surveys::{Category, FollowUpInput, PublicSurvey};

use crate::follow_up_step::{FollowUpDraft, FollowUpStep};
use crate::links::Community;
use crate::score_step::ScoreStep;
use crate::texts::{self, Text};
use crate::thanks_step::ThanksStep;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Score,
    FollowUp(u8),
    Thanks(u8),
}

/// Element ids of one survey on the page (labels and messages point at them).
#[derive(Clone, Debug)]
pub(crate) struct Ids(String);

impl Ids {
    fn new(survey_id: &str) -> Self {
        let safe: String = survey_id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        Ids(format!("veche-survey-{safe}"))
    }

    pub(crate) fn of(&self, part: &str) -> String {
        format!("{}-{part}", self.0)
    }
}

/// The element with this id, if it is of type `E`.
pub(crate) fn element<E: JsCast>(id: &str) -> Option<E> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// A button's click handler that runs `callback`: every button of the survey shares this one
/// handler type (each distinct one costs the embed's bundle its own copy of Leptos's event code).
pub(crate) fn runs(callback: Callback<()>) -> impl FnMut(ev::MouseEvent) + Clone + 'static {
    move |_| callback.run(())
}

/// Moves the keyboard (and a screen reader) to the start of a step once it is on the page: the
/// steps replace each other, and focus must not fall back to the top of the document.
fn focus_when_shown(id: String) {
    request_animation_frame(move || {
        if let Some(target) = element::<web_sys::HtmlElement>(&id) {
            let _ = target.focus();
        }
    });
}

/// The survey, step by step: the score (told at once through `on_score`, so it counts even if
/// the visitor goes no further), the follow-up for the score's group, then a thank-you that
/// invites promoters into the community and offers detractors contact or an idea. The close
/// button at the top dismisses the survey before a score, and ends it after one.
#[component]
pub fn NpsSurvey(
    /// The survey as `GET /surveys/{id}/public` gives it.
    survey: PublicSurvey,
    /// The language to ask in.
    locale: Locale,
    /// Where the community's pages are, for the links to join it and to propose an idea.
    community: Community,
    /// The company already knows who answers (`data-respondent`) or the member is signed in: an
    /// e-mail for contact is optional.
    #[prop(optional)]
    respondent_known: bool,
    /// Escape closes the survey, as the close button does (the embed's modal).
    #[prop(optional)]
    close_on_escape: bool,
    /// The visitor sent a score (0–10).
    on_score: Callback<u8>,
    /// The visitor sent the follow-up (checked); sending it again replaces it.
    on_follow_up: Callback<FollowUpInput>,
    /// Closed before giving a score.
    on_dismiss: Callback<()>,
    /// Closed, or "Done", after giving a score.
    on_done: Callback<()>,
) -> impl IntoView {
    let ids = Ids::new(&survey.id);
    let step = RwSignal::new(Step::Score);
    let draft = FollowUpDraft::new();
    let email_required = !respondent_known && !community.in_app;
    let close = Callback::new(move |()| match step.get_untracked() {
        Step::Score => on_dismiss.run(()),
        Step::FollowUp(_) | Step::Thanks(_) => on_done.run(()),
    });
    if close_on_escape {
        let listener = window_event_listener(ev::keydown, move |event| {
            if event.key() == "Escape" {
                close.run(());
            }
        });
        on_cleanup(move || listener.remove());
    }

    let question = texts::question(&survey, locale);
    let go = {
        let ids = ids.clone();
        move |next: Step| {
            step.set(next);
            let start = match next {
                Step::Score => return,
                Step::FollowUp(_) if draft.contact_ok.get_untracked() => "email",
                Step::FollowUp(_) => "comment",
                Step::Thanks(_) => "thanks",
            };
            focus_when_shown(ids.of(start));
        }
    };
    let chosen = {
        let go = go.clone();
        Callback::new(move |score: u8| {
            on_score.run(score);
            go(Step::FollowUp(score));
        })
    };
    let current_step = move || match step.get() {
        Step::Score => {
            EitherOf3::A(view! { <ScoreStep question=question.clone() locale ids=ids.clone() on_chosen=chosen /> })
        }
        Step::FollowUp(score) => {
            let category = Category::of(score).unwrap_or(Category::Detractor);
            let sent = {
                let go = go.clone();
                Callback::new(move |input: FollowUpInput| {
                    draft.sent.set(true);
                    on_follow_up.run(input);
                    go(Step::Thanks(score));
                })
            };
            let skipped = {
                let go = go.clone();
                Callback::new(move |()| go(Step::Thanks(score)))
            };
            EitherOf3::B(view! {
                <FollowUpStep
                    question=texts::follow_up_question(&survey, locale, category)
                    category
                    draft
                    email_required
                    community=community.clone()
                    locale
                    ids=ids.clone()
                    on_send=sent
                    on_skip=skipped
                />
            })
        }
        Step::Thanks(score) => {
            let go = go.clone();
            let ask_contact = Callback::new(move |()| {
                draft.contact_ok.set(true);
                go(Step::FollowUp(score));
            });
            EitherOf3::C(view! {
                <ThanksStep
                    category=Category::of(score).unwrap_or(Category::Detractor)
                    company=survey.company.clone()
                    draft
                    community=community.clone()
                    locale
                    ids=ids.clone()
                    on_ask_contact=ask_contact
                    on_done=on_done
                />
            })
        }
    };
    view! {
        <section class="veche-survey" aria-label=Text::SurveyLabel.get(locale)>
            <button type="button" class="veche-survey__close" aria-label=Text::Close.get(locale) on:click=runs(close)>
                "×"
            </button>
            {current_step}
        </section>
    }
}
