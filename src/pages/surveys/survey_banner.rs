use leptos::prelude::*;
use veche_api::surveys::{FollowUpInput, PublicSurvey, ResponseInput};
use veche_survey::{Community, NpsSurvey};

use crate::api::client::{Method, new_idempotency_key};
use crate::api::surveys::{self, dismissals_path, follow_up_path, responses_post_path, survey_path};
use crate::components::surveys::survey_styles;
use crate::i18n::messages::surveys::Surveys;
use crate::i18n::use_i18n;
use crate::state::outbox::{Outbox, use_outbox};

/// The outbox topic of survey answers, follow-ups and dismissals.
const TOPIC: &str = "survey";

/// A write for this survey is still waiting in the outbox (answered offline, then reloaded):
/// the member has answered, the server just does not know yet.
fn waiting_for(outbox: Outbox, survey_id: &str) -> bool {
    let prefix = format!("{}/", survey_path(survey_id));
    outbox.pending(TOPIC).iter().any(|pending| pending.path.starts_with(&prefix))
}

/// The survey the community asks this member now, if any, as a banner at the bottom of the
/// window (it covers nothing's place, so nothing moves when it comes). Answers go through the
/// outbox with the app's Idempotency-Keys: a lost connection only delays them.
#[component]
pub fn SurveyBanner() -> impl IntoView {
    let outbox = use_outbox();
    let due = LocalResource::new(|| {
        let styles = survey_styles();
        async move {
            let due = surveys::in_app().await;
            let _ = styles.await;
            due
        }
    });
    let open = RwSignal::new(true);
    move || {
        let survey = due.get().and_then(Result::ok).flatten()?;
        (open.get() && !untrack(|| waiting_for(outbox, &survey.id)))
            .then(|| view! { <Banner survey=survey open=open /> })
    }
}

#[component]
fn Banner(
    /// The survey asked.
    survey: PublicSurvey,
    /// Cleared when the member closes the banner.
    open: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let locale = i18n.locale();
    let survey_id = StoredValue::new(survey.id.clone());
    // Made here, so the follow-up can be queued behind the answer before the server has either.
    let response_id = StoredValue::new(new_idempotency_key());
    let on_score = Callback::new(move |score: u8| {
        let answer = ResponseInput {
            id: response_id.get_value(),
            score,
            locale: Some(locale.tag().to_owned()),
            respondent: None,
            segment: None,
            source: None,
        };
        outbox.send(TOPIC, Method::Post, &responses_post_path(&survey_id.get_value()), &answer);
    });
    let on_follow_up = Callback::new(move |input: FollowUpInput| {
        let path = follow_up_path(&survey_id.get_value(), &response_id.get_value());
        outbox.send(TOPIC, Method::Post, &path, &input);
    });
    let on_dismiss = Callback::new(move |()| {
        outbox.send(TOPIC, Method::Post, &dismissals_path(&survey_id.get_value()), &());
        open.set(false);
    });
    let on_done = Callback::new(move |()| open.set(false));
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    view! {
        <aside class="survey-banner" aria-label=i18n.t(Surveys::BannerLabel)>
            <NpsSurvey
                survey=survey
                locale=locale
                community=Community { origin, in_app: true }
                respondent_known=true
                on_score=on_score
                on_follow_up=on_follow_up
                on_dismiss=on_dismiss
                on_done=on_done
            />
        </aside>
    }
}
