//! The page inside the frame: loads the survey, shows it, queues the answers and tells the host.

use leptos::either::Either;
use leptos::prelude::*;
use veche_api::Locale;
use veche_api::surveys::{Category, FollowUpInput, PublicSurvey, ResponseInput};
use veche_survey::{Community, NpsSurvey, Text};
use wasm_bindgen::JsValue;

use crate::host::Host;
use crate::params::{FrameParams, Mode};
use crate::{http, json, outbox, random_id};

const DAY_MS: u64 = 86_400_000;

/// The survey as loaded.
#[derive(Clone, Debug)]
enum Loaded {
    Open(Box<PublicSurvey>),
    /// Unknown, closed, or not for this page: the frame has nothing to show.
    Nothing,
    /// No answer from the server: offer to try again.
    Unreachable,
}

async fn load(survey_id: String, host: Host) -> Loaded {
    let Some(answer) = http::get(&format!("/surveys/{survey_id}/public")).await else {
        return Loaded::Unreachable;
    };
    let survey = match answer.status {
        200 => json::public_survey(&answer.body),
        400..=499 => None,
        _ => return Loaded::Unreachable,
    };
    match survey {
        Some(survey) if survey.open => Loaded::Open(Box::new(survey)),
        _ => {
            host.post("close", &[]);
            Loaded::Nothing
        }
    }
}

/// Where the plain-iframe snippet remembers that this browser answered (it has no loader).
fn answered_key(survey_id: &str) -> String {
    format!("veche-nps-answered:{survey_id}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn answered_recently(survey: &PublicSurvey) -> bool {
    let answered_at = storage().and_then(|storage| storage.get_item(&answered_key(&survey.id)).ok().flatten());
    answered_at
        .and_then(|at| at.parse::<u64>().ok())
        .is_some_and(|at| now_ms().saturating_sub(at) < u64::from(survey.throttle.days_after_answer) * DAY_MS)
}

/// Milliseconds since 1970, as a whole number (no float formatting in the bundle).
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn remember_answered(survey_id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&answered_key(survey_id), &now_ms().to_string());
    }
}

/// A short message in the survey's card, with "Try again" when `retry` is given.
fn note(text: Text, locale: Locale, retry: Option<Callback<()>>) -> impl IntoView {
    let retry = retry.map(|retry| {
        view! {
            <button type="button" class="veche-survey__button" on:click=move |_| retry.run(())>
                {Text::Retry.get(locale)}
            </button>
        }
    });
    view! {
        <section class="veche-survey veche-survey__step" aria-label=Text::SurveyLabel.get(locale)>
            <p role="status">{text.get(locale)}</p>
            {retry}
        </section>
    }
}

/// The frame's content: the survey while it is being answered, then nothing (the loader removes
/// the frame) or, in the plain-iframe snippet, a thank-you note.
#[component]
pub fn Frame(
    /// The URL parameters.
    params: FrameParams,
    /// The host page, if it may be told.
    host: Host,
    /// The language to ask in.
    locale: Locale,
) -> impl IntoView {
    let survey_id = params.survey.clone();
    let is_static = params.mode == Mode::Static;
    let loaded = RwSignal::new(None::<Loaded>);
    let fetch = {
        let (survey_id, host) = (survey_id.clone(), host.clone());
        move || {
            let (survey_id, host) = (survey_id.clone(), host.clone());
            loaded.set(None);
            leptos::task::spawn_local(async move { loaded.set(Some(load(survey_id, host).await)) });
        }
    };
    fetch();
    let ended = RwSignal::new(false);
    let answered = RwSignal::new(false);
    let response_id = StoredValue::new(None::<String>);
    let community = Community {
        origin: web_sys::window().and_then(|window| window.location().origin().ok()).unwrap_or_default(),
        in_app: false,
    };

    let on_score = {
        let (host, params) = (host.clone(), params.clone());
        Callback::new(move |score: u8| {
            let answer = ResponseInput {
                id: random_id::random_uuid(),
                score,
                locale: Some(locale.tag().to_owned()),
                respondent: params.respondent.clone(),
                segment: params.segment.clone(),
                source: host.source(),
            };
            response_id.set_value(Some(answer.id.clone()));
            outbox::add_score(&params.survey, &answer);
            answered.set(true);
            if is_static {
                remember_answered(&params.survey);
            }
            let category = Category::of(score).unwrap_or(Category::Detractor).as_str();
            host.post("answered", &[("score", JsValue::from(score)), ("category", JsValue::from_str(category))]);
        })
    };
    let on_follow_up = {
        let survey_id = survey_id.clone();
        Callback::new(move |follow_up: FollowUpInput| {
            if let Some(response) = response_id.get_value() {
                outbox::add_follow_up(&survey_id, &response, &follow_up);
            }
        })
    };
    let end = move |host: &Host, message: &'static str| {
        let host = host.clone();
        Callback::new(move |()| {
            host.post(message, &[]);
            ended.set(true);
        })
    };
    let (on_dismiss, on_done) = (end(&host, "dismissed"), end(&host, "close"));

    let retry = Callback::new(move |()| fetch());
    move || {
        let shown = if ended.get() {
            (is_static && answered.get_untracked()).then_some((Text::AlreadyAnswered, None))
        } else {
            match loaded.get() {
                None | Some(Loaded::Nothing) => None,
                Some(Loaded::Unreachable) => Some((Text::LoadFailed, Some(retry))),
                Some(Loaded::Open(survey)) if is_static && answered_recently(&survey) => {
                    Some((Text::AlreadyAnswered, None))
                }
                Some(Loaded::Open(survey)) => {
                    return Either::Right(view! {
                        <NpsSurvey
                            survey=*survey
                            locale
                            community=community.clone()
                            respondent_known=params.respondent.is_some()
                            close_on_escape=params.mode == Mode::Modal
                            on_score
                            on_follow_up
                            on_dismiss
                            on_done
                        />
                    });
                }
            }
        };
        Either::Left(shown.map(|(text, retry)| note(text, locale, retry)))
    }
}
