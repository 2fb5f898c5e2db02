use leptos::prelude::*;
use veche_api::auth::ChangePasswordRequest;
use veche_api::validate;

use crate::api;
use crate::components::form::{FormAlert, FormState, PasswordField};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// Changes the password; the current one is asked again. Other devices are signed out.
#[component]
pub fn ChangePasswordForm(
    /// Called after the change (the page reloads its list of sessions).
    #[prop(into)]
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let form = FormState::new();
    let done = RwSignal::new(false);
    let action = Action::new_local(|request: &ChangePasswordRequest| {
        let request = request.clone();
        async move { api::auth::change_password(&request).await }
    });
    form.follow(action, move |answer| {
        session.accept(answer);
        current.set(String::new());
        new.set(String::new());
        done.set(true);
        on_changed.run(());
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        done.set(false);
        let request =
            ChangePasswordRequest { current_password: current.get_untracked(), new_password: new.get_untracked() };
        if form.check(&validate::password_change(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    view! {
        <form class="form account-form" on:submit=on_submit novalidate aria-labelledby="change-password-title">
            <h2 id="change-password-title">{i18n.t(Accounts::ChangePasswordTitle)}</h2>
            <FormAlert message=form.alert() />
            <p role="status" class="account-form__done">{move || done.get().then(|| i18n.t(Accounts::PasswordChanged))}</p>
            <PasswordField label=i18n.t(Accounts::CurrentPasswordLabel) name="current_password" value=current error=form.field("current_password") />
            <PasswordField label=i18n.t(Accounts::NewPasswordLabel) name="new_password" value=new error=form.field("new_password") new=true />
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Accounts::Saving) } else { i18n.t(Accounts::ChangePassword) }}
            </button>
        </form>
    }
}
