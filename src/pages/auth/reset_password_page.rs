use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use veche_api::ProblemCode;
use veche_api::auth::ResetPasswordRequest;
use veche_api::validate;

use crate::api::{self, ApiError};
use crate::components::account::LinkProblem;
use crate::components::form::{FormAlert, FormState, PasswordField};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/account/reset-password?token=…`: the page a reset mail links to. A new password signs in
/// here and out everywhere else; an expired, used or broken link says to ask for a new one.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let password = RwSignal::new(String::new());
    let form = FormState::new();
    let done = RwSignal::new(false);
    let unusable = RwSignal::new(None::<ProblemCode>);
    let action = Action::new_local(|request: &ResetPasswordRequest| {
        let request = request.clone();
        async move { api::auth::reset_password(&request).await }
    });
    Effect::new(move |_| match action.value().get() {
        Some(Ok(answer)) => {
            session.accept(answer);
            done.set(true);
        }
        Some(Err(ApiError::LinkUnusable(code))) => unusable.set(Some(code)),
        Some(Err(error)) => form.show_error(&error),
        None => {}
    });
    let token = move || query.get().get("token").unwrap_or_default();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = ResetPasswordRequest { token: token(), password: password.get_untracked() };
        if request.token.is_empty() {
            unusable.set(Some(ProblemCode::LinkInvalid));
        } else if form.check(&validate::password_reset(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    let form_view = move || {
        view! {
            <p class="auth-page__intro">{i18n.t(Accounts::ResetIntro)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=form.alert() />
                <PasswordField label=i18n.t(Accounts::NewPasswordLabel) name="password" value=password error=form.field("password") new=true />
                <button type="submit" class="button button--wide" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { i18n.t(Accounts::Saving) } else { i18n.t(Accounts::SetPassword) }}
                </button>
            </form>
        }
    };
    view! {
        <Title text=i18n.t(Accounts::ResetTitle) />
        <section class="auth-page">
            <h1>{i18n.t(Accounts::ResetTitle)}</h1>
            {move || match (done.get(), unusable.get()) {
                (true, _) => view! {
                    <p role="status" class="auth-page__done">{i18n.t(Accounts::PasswordChanged)}</p>
                    <p><A href="/account" attr:class="button">{i18n.t(Accounts::ToAccount)}</A></p>
                }.into_any(),
                (false, Some(code)) => view! {
                    <LinkProblem
                        code=code
                        next_step=Accounts::ResetNextStep
                        href="/account/forgot-password"
                        action=Accounts::AskNewResetLink
                    />
                }.into_any(),
                (false, None) => form_view().into_any(),
            }}
        </section>
    }
}
