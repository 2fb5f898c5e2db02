use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::auth::LoginRequest;
use veche_api::validate;

use crate::api::{self, ApiError};
use crate::components::account::{SignInProviders, register_href};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::i18n::messages::account::Accounts;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;
use crate::pages::safe_next;
use crate::state::session::use_session;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::new();

    let action = Action::new_local(|request: &LoginRequest| {
        let request = request.clone();
        async move { api::auth::login(&request).await }
    });
    Effect::new(move |_| {
        let Some(result) = action.value().get() else {
            return;
        };
        match result {
            Ok(answer) => {
                session.accept(answer);
                navigate(&safe_next(query.get_untracked().get("next")), Default::default());
            }
            Err(ApiError::Unauthorized) => form.set_alert(Common::WrongCredentials),
            Err(error) => form.show_error(&error),
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = LoginRequest { login: login.get_untracked(), password: password.get_untracked() };
        if form.check(&validate::login(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    // Off where the community's identity provider is the only way in.
    let password_on = RwSignal::new(true);
    let next = Signal::derive(move || safe_next(query.get().get("next")));
    let sign_in_error = Signal::derive(move || query.get().get("sign_in_error"));
    let register_href = move || match query.get().get("next") {
        Some(next) => register_href(&next),
        None => "/register".to_owned(),
    };

    view! {
        <Title text=i18n.t(Common::SignInTitle) />
        <section class="auth-page">
            <h1>{i18n.t(Common::SignInTitle)}</h1>
            <SignInProviders next=next error=sign_in_error password_on=password_on />
            <Show
                when=move || password_on.get()
                fallback=move || view! { <p class="auth-page__intro">{i18n.t(Accounts::ProviderOnly)}</p> }
            >
            <p class="auth-page__intro">{i18n.t(Common::SignInIntro)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=form.alert() />
                <TextField
                    label=i18n.t(Common::LoginLabel)
                    name="login"
                    value=login
                    error=form.field("login")
                    autocomplete="username"
                    required=true
                />
                <TextField
                    label=i18n.t(Common::PasswordLabel)
                    name="password"
                    value=password
                    error=form.field("password")
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                />
                <button type="submit" class="button button--wide" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { i18n.t(Common::SigningIn) } else { i18n.t(Common::SignIn) }}
                </button>
            </form>
            <p class="auth-page__forgot"><A href="/account/forgot-password">{i18n.t(Accounts::ForgotPasswordLink)}</A></p>
            <p class="auth-page__switch">
                {i18n.t(Common::NoAccountYet)}" "
                <A href=register_href>{i18n.t(Common::JoinTheCommunity)}</A>
            </p>
            </Show>
        </section>
    }
}
