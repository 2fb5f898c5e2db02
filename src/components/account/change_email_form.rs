use leptos::prelude::*;
use veche_api::auth::ChangeEmailRequest;
use veche_api::validate;

use crate::api;
use crate::components::form::{EmailField, FormAlert, FormState, PasswordField};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// Asks to change the address: a link goes to the new one, a notice to the current one.
#[component]
pub fn ChangeEmailForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::new();
    let sent = RwSignal::new(false);
    let action = Action::new_local(|request: &ChangeEmailRequest| {
        let request = request.clone();
        async move { api::auth::change_email(&request).await }
    });
    form.follow(action, move |()| {
        password.set(String::new());
        sent.set(true);
        // The account now shows the address waiting for confirmation.
        session.refresh();
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        sent.set(false);
        let request = ChangeEmailRequest { email: email.get_untracked(), current_password: password.get_untracked() };
        if form.check(&validate::email_change(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    // The password field has its own name (and so id): the password form on the same page has a
    // `current_password` field too, and each label must point at its own input.
    view! {
        <form class="form account-form" on:submit=on_submit novalidate aria-labelledby="change-email-title">
            <h2 id="change-email-title">{i18n.t(Accounts::ChangeEmailTitle)}</h2>
            <FormAlert message=form.alert() />
            <p role="status" class="account-form__done">{move || sent.get().then(|| i18n.t(Accounts::EmailChangeSent))}</p>
            <EmailField label=i18n.t(Accounts::NewEmailLabel) value=email error=form.field("email") />
            <PasswordField label=i18n.t(Accounts::CurrentPasswordLabel) name="email_current_password" value=password error=form.field("current_password") />
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Accounts::Sending) } else { i18n.t(Accounts::ChangeEmail) }}
            </button>
        </form>
    }
}
