use leptos::prelude::*;
use veche_api::kb::{SECTION_DESCRIPTION_MAX, SECTION_TITLE_MAX, SectionInput, check_section};

use crate::api::{self, client::new_idempotency_key};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::threads::reveal;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// A section's title and description, in place on the index page: a new section, or a change
/// to section `section_id`. Errors show beside their field, the app's and the server's alike.
#[component]
pub fn SectionForm(
    /// The section changed; none for a new one.
    section_id: Option<String>,
    /// What the fields start with.
    initial: SectionInput,
    /// Told once the server has the section.
    on_saved: Callback<()>,
    /// Closes the form without saving.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let title = RwSignal::new(initial.title);
    let description = RwSignal::new(initial.description);
    let editing = section_id.is_some();
    let section_id = StoredValue::new(section_id);
    let save = Action::new_local(move |input: &SectionInput| {
        let (input, key) = (input.clone(), new_idempotency_key());
        async move {
            match section_id.get_value() {
                Some(id) => api::kb::update_section(&id, &input, key).await.map(drop),
                None => api::kb::create_section(&input, key).await.map(drop),
            }
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => on_saved.run(()),
        Some(Err(error)) => form.show_error(&error),
        None => {}
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let input = SectionInput {
            title: title.get_untracked().trim().to_owned(),
            description: description.get_untracked().trim().to_owned(),
        };
        if form.check(&check_section(&input), i18n.locale()) && !save.pending().get_untracked() {
            save.dispatch(input);
        }
    };
    let label = i18n.t(if editing { Kb::EditSection } else { Kb::NewSection });
    // The button that opened the form may be gone (a section's tools): the keyboard goes on here.
    reveal("field-section_title".to_owned());
    view! {
        <form class="kb-section-form" aria-label=label novalidate on:submit=submit>
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(Kb::SectionTitle) name="section_title" value=title error=form.field("title")
                maxlength=SECTION_TITLE_MAX as u32 required=true />
            <TextField label=i18n.t(Kb::SectionDescription) name="section_description" value=description
                error=form.field("description") maxlength=SECTION_DESCRIPTION_MAX as u32 rows=2 />
            <div class="form__actions">
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {i18n.t(if editing { Kb::SaveSection } else { Kb::AddSection })}
                </button>
                <button type="button" class="button button--ghost" on:click=move |_| on_cancel.run(())>{i18n.t(Kb::Cancel)}</button>
            </div>
        </form>
    }
}
