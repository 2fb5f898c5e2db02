use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use veche_api::kb::{ARTICLE_BODY_MAX, ARTICLE_TITLE_MAX, ArticleInput, check_article};

use crate::api::{self, ApiError, client::new_idempotency_key};
use crate::components::form::{FormAlert, FormState, SelectField, TextField};
use crate::components::threads::MarkdownEditor;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft_or};

/// An article's section, title and text (markdown, with a preview). What is typed is kept in
/// this browser as a draft until it is saved; an edit over someone else's newer change is
/// refused and says so, keeping the text.
#[component]
pub fn ArticleEditor(
    /// The draft's name in this browser (one per article, one for a new one).
    draft_name: String,
    /// What the server has (or, for a new article, what the form starts with).
    saved: ArticleInput,
    /// (id, title) of every section, in order.
    sections: Vec<(String, String)>,
    /// The article changed; none for a new one.
    article_id: Option<String>,
    /// The event whose report the new article is made from (its title).
    event_title: Option<String>,
    /// Where "Cancel" goes.
    cancel_href: String,
    /// Loads the article again (after someone else's change).
    reload: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = FormState::new();
    let draft_name = StoredValue::new(draft_name);
    let preset_section = saved.section_id.clone();
    let draft = use_draft_or(&draft_name.get_value(), saved);
    let started = draft.get_untracked();
    let (event_id, version) = (started.event_id.clone(), started.version);
    // A draft begun without a section takes the one the address names now.
    let section = RwSignal::new(if started.section_id.is_empty() { preset_section } else { started.section_id });
    let title = RwSignal::new(started.title);
    let body = RwSignal::new(started.body);
    Effect::new(move |_| {
        draft.set(ArticleInput {
            section_id: section.get(),
            title: title.get(),
            body: body.get(),
            event_id: event_id.clone(),
            version,
        })
    });
    let editing = article_id.is_some();
    let article_id = StoredValue::new(article_id);
    let pending = RwSignal::new(false);
    let stale = RwSignal::new(false);

    let save = {
        let navigate = navigate.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            form.clear();
            stale.set(false);
            let input = ArticleInput { title: title.get_untracked().trim().to_owned(), ..draft.get_untracked() };
            if !form.check(&check_article(&input), i18n.locale()) || pending.get_untracked() {
                return;
            }
            pending.set(true);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let key = new_idempotency_key();
                let result = match article_id.get_value() {
                    Some(id) => api::kb::update_article(&id, &input, key).await,
                    None => api::kb::create_article(&input, key).await,
                };
                pending.set(false);
                match result {
                    Ok(article) => {
                        clear_draft(&draft_name.get_value());
                        navigate(&format!("/kb/articles/{}", article.id), Default::default());
                    }
                    Err(ApiError::Conflict { .. }) if editing => stale.set(true),
                    Err(error) => form.show_error(&error),
                }
            });
        }
    };
    let cancel = move |_| {
        clear_draft(&draft_name.get_value());
        navigate(&cancel_href, Default::default());
    };
    let load_current = move |_| {
        clear_draft(&draft_name.get_value());
        if let Some(reload) = reload {
            reload.run(());
        }
    };
    let mut choices = vec![(String::new(), i18n.t(Kb::ChooseSection).to_owned())];
    choices.extend(sections);
    let event_error = form.field("event_id");

    view! {
        <form class="form form--wide kb-editor" novalidate on:submit=save>
            {event_title.map(|event| view! {
                <div class="field" class:field--invalid=move || event_error.with(Option::is_some)>
                    <p class="notice">{i18n.t(Kb::FromReportOf)}" "<strong>{event}</strong></p>
                    <p class="field__error" role="alert" hidden=move || event_error.with(Option::is_none)>{move || event_error.get()}</p>
                </div>
            })}
            <SelectField label=i18n.t(Kb::SectionLabel) name="section_id" value=section choices=choices error=form.field("section_id") />
            <TextField label=i18n.t(Kb::TitleLabel) name="title" value=title error=form.field("title")
                maxlength=ARTICLE_TITLE_MAX as u32 required=true />
            <MarkdownEditor label=i18n.t(Kb::BodyLabel) name="body" value=body error=form.field("body") max=ARTICLE_BODY_MAX rows=16 />
            <p class="field__hint">{i18n.t(Kb::DraftKept)}</p>
            <FormAlert message=form.alert() />
            <div class="form-alert" role="alert">
                {move || stale.get().then(|| view! {
                    <p class="form-alert__text">{i18n.t(Kb::Stale)}</p>
                    <button type="button" class="button button--ghost" on:click=load_current>{i18n.t(Kb::LoadCurrent)}</button>
                })}
            </div>
            <div class="form__actions">
                <button type="submit" class="button" aria-disabled=move || pending.get().to_string()>
                    {move || i18n.t(if pending.get() { Kb::Saving } else if editing { Kb::SaveChanges } else { Kb::Publish })}
                </button>
                <button type="button" class="button button--ghost" on:click=cancel>{i18n.t(Kb::Cancel)}</button>
            </div>
        </form>
    }
}
