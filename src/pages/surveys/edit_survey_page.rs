use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use veche_api::surveys::{Survey, SurveyInput};

use super::SaveKey;
use crate::api::surveys;
use crate::api::url::encode;
use crate::components::feedback::Loaded;
use crate::components::form::FormState;
use crate::components::surveys::{EmbedSnippets, SurveyDraft, SurveyForm};
use crate::i18n::messages::surveys::Surveys;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft_or};

/// `/admin/surveys/<id>/edit` (staff): how to embed the survey, and its settings (changes kept
/// as a draft until saved).
#[component]
pub fn EditSurveyPage(
    /// The survey's id, from the address.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let results_href = format!("/admin/surveys/{}", encode(&id));
    let survey = LocalResource::new(move || {
        let id = id.clone();
        async move { surveys::survey(&id).await }
    });
    view! {
        <Title text=i18n.t(Surveys::EditSurvey) />
        <section class="editor-page">
            <p class="page-head__links">
                <A href="/admin/surveys">{i18n.t(Surveys::AllSurveys)}</A>
                <A href=results_href>{i18n.t(Surveys::Results)}</A>
            </p>
            <h1>{i18n.t(Surveys::EditSurvey)}</h1>
            <Loaded resource=survey let:data>
                {view! { <Editor survey=data /> }}
            </Loaded>
        </section>
    }
}

/// The snippets and the form of a loaded survey.
#[component]
fn Editor(
    /// The survey as the server has it.
    survey: Survey,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let draft_name = format!("survey.{}", survey.id);
    let draft = use_draft_or(&draft_name, SurveyDraft::of(&survey.input));
    let form = FormState::new();
    let busy = RwSignal::new(false);
    // Just created (the new-survey page comes here) or just saved here.
    let saved = RwSignal::new(query.with_untracked(|q| q.get("saved").is_some()));
    let key = SaveKey::new();
    let id = StoredValue::new(survey.id.clone());
    let submit = Callback::new(move |input: SurveyInput| {
        let draft_name = draft_name.clone();
        busy.set(true);
        saved.set(false);
        leptos::task::spawn_local(async move {
            match surveys::update(&id.get_value(), &input, key.for_input(&input)).await {
                Ok(_) => {
                    key.done();
                    clear_draft(&draft_name);
                    saved.set(true);
                }
                Err(error) => form.show_error(&error),
            }
            busy.set(false);
        });
    });
    view! {
        <p role="status">
            {move || saved.get().then(|| view! { <span class="status-chip status-chip--implemented">{i18n.t(Surveys::Saved)}</span> })}
        </p>
        <EmbedSnippets survey_id=survey.id.clone() />
        <h2>{i18n.t(Surveys::Settings)}</h2>
        <SurveyForm value=draft form=form submit_label=i18n.t(Surveys::Save) busy=busy on_submit=submit />
        <p class="field__hint">{i18n.t(Surveys::DraftKept)}</p>
    }
}
