use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use veche_api::surveys::SurveyInput;

use super::SaveKey;
use crate::api::surveys;
use crate::api::url::encode;
use crate::components::form::FormState;
use crate::components::surveys::{SurveyDraft, SurveyForm};
use crate::i18n::messages::surveys::Surveys;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft};

const DRAFT: &str = "survey.new";

/// `/admin/surveys/new` (staff): the survey form, kept as a draft until the server has the
/// survey; then its page with the embed snippets.
#[component]
pub fn NewSurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let draft = use_draft::<SurveyDraft>(DRAFT);
    let form = FormState::new();
    let busy = RwSignal::new(false);
    let key = SaveKey::new();
    let submit = Callback::new(move |input: SurveyInput| {
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match surveys::create(&input, key.for_input(&input)).await {
                Ok(survey) => {
                    key.done();
                    clear_draft(DRAFT);
                    navigate(&format!("/admin/surveys/{}/edit?saved=1", encode(&survey.id)), Default::default());
                }
                Err(error) => form.show_error(&error),
            }
            busy.set(false);
        });
    });
    view! {
        <Title text=i18n.t(Surveys::NewSurvey) />
        <section class="editor-page">
            <p class="page-head__links"><A href="/admin/surveys">{i18n.t(Surveys::AllSurveys)}</A></p>
            <h1>{i18n.t(Surveys::NewSurvey)}</h1>
            <SurveyForm value=draft form=form submit_label=i18n.t(Surveys::Create) busy=busy on_submit=submit />
            <p class="field__hint">{i18n.t(Surveys::DraftKept)}</p>
        </section>
    }
}
