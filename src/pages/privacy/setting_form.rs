use leptos::prelude::*;
use veche_api::privacy::{self as contract, DeletedContent, PrivacySettings};

use crate::api;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;

/// The community's choice of what becomes of a deleted member's content: kept as "former
/// member", or removed. `choice` holds the saved value.
#[component]
pub fn SettingForm(
    /// The stored choice; updated once a new one is saved.
    choice: RwSignal<DeletedContent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let picked = RwSignal::new(choice.get_untracked());
    let form = FormState::new();
    let saved = RwSignal::new(false);
    let action = Action::new_local(|settings: &PrivacySettings| {
        let settings = settings.clone();
        async move { api::privacy::update_settings(&settings).await }
    });
    form.follow(action, move |stored: PrivacySettings| {
        choice.set(stored.deleted_content);
        saved.set(true);
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        let settings = PrivacySettings { deleted_content: picked.get_untracked() };
        if form.check(&contract::check_settings(&settings), i18n.locale()) {
            action.dispatch(settings);
        }
    };
    let options = [(DeletedContent::Keep, Privacy::ChoiceKeep), (DeletedContent::Remove, Privacy::ChoiceRemove)];
    view! {
        <form class="form" on:submit=on_submit novalidate>
            <fieldset class="privacy-choice">
                <legend class="visually-hidden">{i18n.t(Privacy::SettingTitle)}</legend>
                {options.map(|(value, text)| view! {
                    <label>
                        <input
                            type="radio"
                            name="deleted_content"
                            value=value.as_str()
                            prop:checked=move || picked.get() == value
                            on:change=move |_| picked.set(value)
                        />
                        <span>{i18n.t(text)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <FormAlert message=form.alert() />
            <p role="status" class="privacy-done">{move || saved.get().then(|| i18n.t(Privacy::SettingSaved))}</p>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Privacy::Saving) } else { i18n.t(Privacy::SaveSetting) }}
            </button>
        </form>
    }
}
