use leptos::prelude::*;
use veche_api::Locale;
use veche_api::community::InvitationRequest;
use veche_api::validate;

use crate::api;
use crate::components::form::{FormAlert, FormState, SelectField, TextField};
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;

/// Mails an invitation to one address, in the language chosen for it.
#[component]
pub fn InviteForm() -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let email = RwSignal::new(String::new());
    let language = RwSignal::new(i18n.locale().tag().to_owned());
    let sent_to = RwSignal::new(None::<String>);
    let action = Action::new_local(|request: &InvitationRequest| {
        let request = request.clone();
        async move { api::community::invite(&request).await }
    });
    form.follow(action, move |invitation| {
        sent_to.set(Some(invitation.email));
        email.set(String::new());
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        sent_to.set(None);
        let request = InvitationRequest {
            email: email.get_untracked().trim().to_owned(),
            locale: Locale::from_tag(&language.get_untracked()),
        };
        let mut errors = validate::FieldErrors::new();
        errors.check("email", validate::email(&request.email));
        if form.check(&errors, i18n.locale()) {
            action.dispatch(request);
        }
    };
    let languages: Vec<(String, String)> =
        [("en", "English"), ("ru", "Русский")].map(|(tag, name)| (tag.to_owned(), name.to_owned())).into();
    view! {
        <form class="form settings__section" on:submit=on_submit novalidate aria-labelledby="invite-heading">
            <h2 id="invite-heading">{i18n.t(Settings::InviteHeading)}</h2>
            <p class="field__hint">{i18n.t(Settings::InviteIntro)}</p>
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(Settings::InviteEmailLabel) name="invite_email" value=email error=form.field("email") input_type="email" autocomplete="off" required=true />
            <SelectField label=i18n.t(Settings::InviteLanguageLabel) name="invite_locale" value=language choices=languages error=form.field("locale") />
            <p role="status" class="settings__saved">
                {move || sent_to.get().map(|address| view! { {i18n.t(Settings::InvitationSent)}" "<strong>{address}</strong> })}
            </p>
            <button type="submit" class="button" disabled=move || action.pending().get()>{i18n.t(Settings::SendInvitation)}</button>
        </form>
    }
}
