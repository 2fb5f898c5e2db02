use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::auth::ForgotPasswordRequest;
use veche_api::validate::{self, FieldErrors};

use crate::api;
use crate::components::form::{EmailField, FormAlert, FormState};
use crate::i18n::messages::account::Accounts;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// `/account/forgot-password`: mails a link to choose a new password. The page says the same
/// whether or not an account uses the address.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let form = FormState::new();
    let sent = RwSignal::new(false);
    let action = Action::new_local(|request: &ForgotPasswordRequest| {
        let request = request.clone();
        async move { api::auth::forgot_password(&request).await }
    });
    form.follow(action, move |()| sent.set(true));
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = ForgotPasswordRequest { email: email.get_untracked() };
        let mut errors = FieldErrors::new();
        errors.check("email", validate::email(&request.email));
        if form.check(&errors, i18n.locale()) {
            action.dispatch(request);
        }
    };
    view! {
        <Title text=i18n.t(Accounts::ForgotTitle) />
        <section class="auth-page">
            <h1>{i18n.t(Accounts::ForgotTitle)}</h1>
            <Show
                when=move || sent.get()
                fallback=move || view! {
                    <p class="auth-page__intro">{i18n.t(Accounts::ForgotIntro)}</p>
                    <form class="form" on:submit=on_submit novalidate>
                        <FormAlert message=form.alert() />
                        <EmailField label=i18n.t(Common::EmailLabel) value=email error=form.field("email") />
                        <button type="submit" class="button button--wide" disabled=move || action.pending().get()>
                            {move || if action.pending().get() { i18n.t(Accounts::Sending) } else { i18n.t(Accounts::SendResetLink) }}
                        </button>
                    </form>
                }
            >
                <p role="status" class="auth-page__done">{i18n.t(Accounts::ResetLinkSent)}</p>
            </Show>
            <p class="auth-page__switch"><A href="/signin">{i18n.t(Accounts::BackToSignIn)}</A></p>
        </section>
    }
}
