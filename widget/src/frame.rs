//! The page inside the frame: loads the survey, shows it, queues the answers and tells the host.

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

/// A short message in the survey's card, with "Try again" (which loads the page anew) when
/// `retry`.
fn note(text: Text, locale: Locale, retry: bool) -> impl IntoView {
    let retry = retry.then(|| {
        view! {
            <button type="button" class="veche-survey__button" on:click=|_| reload()>
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

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Loads the survey, then puts on the page what there is to show: the survey, a note, or nothing
/// (the loader removes the frame). Deciding once, before anything is mounted, keeps the page free
/// of a view that swaps whole views.
pub async fn show(params: FrameParams, host: Host, locale: Locale) {
    let note_of = match load(params.survey.clone(), host.clone()).await {
        Loaded::Nothing => return,
        Loaded::Unreachable => (Text::LoadFailed, true),
        Loaded::Open(survey) if !(params.mode == Mode::Static && answered_recently(&survey)) => {
            leptos::mount::mount_to_body(move || view! { <Frame survey=*survey params host locale /> });
            return;
        }
        Loaded::Open(_) => (Text::AlreadyAnswered, false),
    };
    leptos::mount::mount_to_body(move || note(note_of.0, locale, note_of.1));
}

/// The survey while it is being answered, then nothing (the loader removes the frame) or, in the
/// plain-iframe snippet, a thank-you note: both are on the page from the start, and `hidden`
/// shows one at a time.
#[component]
fn Frame(
    /// The open survey.
    survey: PublicSurvey,
    /// The URL parameters.
    params: FrameParams,
    /// The host page, if it may be told.
    host: Host,
    /// The language to ask in.
    locale: Locale,
) -> impl IntoView {
    let survey_id = params.survey.clone();
    let is_static = params.mode == Mode::Static;
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
    let on_follow_up = Callback::new(move |follow_up: FollowUpInput| {
        if let Some(response) = response_id.get_value() {
            outbox::add_follow_up(&survey_id, &response, &follow_up);
        }
    });
    // Once ended, the hidden survey says nothing more (Escape in the modal included).
    let end = move |host: &Host, message: &'static str| {
        let host = host.clone();
        Callback::new(move |()| {
            if !ended.get_untracked() {
                host.post(message, &[]);
                ended.set(true);
            }
        })
    };
    let (on_dismiss, on_done) = (end(&host, "dismissed"), end(&host, "close"));
    let thanks = is_static.then(|| {
        view! {
            <div class="veche-frame__part" hidden=move || !(ended.get() && answered.get())>
                {note(Text::AlreadyAnswered, locale, false)}
            </div>
        }
    });
    view! {
        <div class="veche-frame__part" hidden=move || ended.get()>
            <NpsSurvey
                survey
                locale
                community
                respondent_known=params.respondent.is_some()
                close_on_escape=params.mode == Mode::Modal
                on_score
                on_follow_up
                on_dismiss
                on_done
            />
        </div>
        {thanks}
    }
}
