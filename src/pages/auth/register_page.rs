use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::auth::RegisterRequest;
use veche_api::validate;

use veche_api::community::JoinPolicy;

use crate::api::{self, ApiError};
use crate::components::account::{SignInProviders, sign_in_href};
use crate::components::form::{CheckboxField, FormAlert, FormState, TextField};
use crate::i18n::messages::account::Accounts;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;
use crate::pages::safe_next;
use crate::state::community::use_community;
use crate::state::session::use_session;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let handle = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let accept_charter = RwSignal::new(false);
    let form = FormState::new();
    let community = use_community();
    // The token of the invitation link that opened the page, if one did.
    let invitation =
        query.with_untracked(|q| q.get("invitation")).map(|token| token.trim().to_owned()).filter(|t| !t.is_empty());
    let invited = invitation.is_some();
    let invitation = StoredValue::new(invitation);
    let policy = move || community.get().map(|c| c.join_policy).unwrap_or_default();
    // The registration waits for staff (`join_policy` approval): the page says so instead.
    let waiting = RwSignal::new(false);

    let action = Action::new_local(|request: &RegisterRequest| {
        let request = request.clone();
        async move { api::auth::register(&request).await }
    });
    Effect::new(move |_| {
        let Some(result) = action.value().get() else {
            return;
        };
        match result {
            Ok(answer) if answer.account.is_none() => waiting.set(true),
            Ok(answer) => {
                session.accept(answer);
                navigate(&safe_next(query.get_untracked().get("next")), Default::default());
            }
            Err(ApiError::LinkUnusable(_)) => form.set_alert(Common::InvitationUnusable),
            Err(error) => form.show_error(&error),
        }
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        let request = RegisterRequest {
            handle: handle.get_untracked().trim().to_owned(),
            display_name: display_name.get_untracked(),
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
            locale: Some(i18n.locale()),
            accept_charter: accept_charter.get_untracked(),
            invitation: invitation.get_value(),
        };
        if form.check(&validate::registration(&request), i18n.locale()) {
            action.dispatch(request);
        }
    };
    // Off where the community's identity provider is the only way in.
    let password_on = RwSignal::new(true);
    let next = Signal::derive(move || safe_next(query.get().get("next")));
    let sign_in_href = move || match query.get().get("next") {
        Some(next) => sign_in_href(&next),
        None => "/signin".to_owned(),
    };

    // What the community's join policy means for this person, above the form.
    let policy_note = move || {
        if invited {
            return Some(view! { <p class="auth-page__note">{i18n.t(Settings::RegisterInvited)}</p> }.into_any());
        }
        match policy() {
            JoinPolicy::Approval => {
                Some(view! { <p class="auth-page__note">{i18n.t(Settings::RegisterApprovalNote)}</p> }.into_any())
            }
            JoinPolicy::Domains => {
                let domains = community.get().map(|c| c.allowed_email_domains.join(", ")).unwrap_or_default();
                Some(
                    view! {
                        <p class="auth-page__note" id="field-email-domains">
                            {i18n.t(Settings::RegisterDomainsNote)}" "<strong>{domains}</strong>
                        </p>
                    }
                    .into_any(),
                )
            }
            _ => None,
        }
    };
    let closed = move || !invited && policy() == JoinPolicy::Invitation;

    view! {
        <Title text=i18n.t(Common::RegisterTitle) />
        <section class="auth-page">
            <h1>{move || if waiting.get() { i18n.t(Settings::PendingTitle) } else { i18n.t(Common::RegisterTitle) }}</h1>
            <Show when=move || !waiting.get() fallback=move || view! {
                <p class="auth-page__intro" role="status">{i18n.t(Settings::PendingText)}</p>
            }>
            <SignInProviders next=next password_on=password_on />
            <Show
                when=move || password_on.get()
                fallback=move || view! { <p class="auth-page__intro">{i18n.t(Accounts::ProviderOnly)}</p> }
            >
            <p class="auth-page__intro">{i18n.t(Common::RegisterIntro)}</p>
            {policy_note}
            <Show when=move || !closed() fallback=move || view! {
                <p class="auth-page__note auth-page__note--closed" role="status">{i18n.t(Common::InvitationRequired)}</p>
            }>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert message=form.alert() />
                <TextField
                    label=i18n.t(Common::DisplayNameLabel)
                    name="display_name"
                    value=display_name
                    error=form.field("display_name")
                    autocomplete="name"
                    required=true
                    maxlength=60
                />
                <TextField
                    label=i18n.t(Common::HandleLabel)
                    name="handle"
                    value=handle
                    error=form.field("handle")
                    hint=i18n.t(Common::HandleHint)
                    autocomplete="username"
                    required=true
                    maxlength=30
                />
                <TextField
                    label=i18n.t(Common::EmailLabel)
                    name="email"
                    value=email
                    error=form.field("email")
                    input_type="email"
                    autocomplete="email"
                    required=true
                />
                <TextField
                    label=i18n.t(Common::PasswordLabel)
                    name="password"
                    value=password
                    error=form.field("password")
                    hint=i18n.t(Common::NewPasswordHint)
                    input_type="password"
                    autocomplete="new-password"
                    required=true
                />
                <CheckboxField name="accept_charter" checked=accept_charter error=form.field("accept_charter")>
                    {i18n.t(Common::AcceptRulesBefore)}" "
                    <A href="/charter" attr:target="_blank">{i18n.t(Common::AcceptRulesLink)}</A>
                </CheckboxField>
                <button type="submit" class="button button--wide" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { i18n.t(Common::Joining) } else { i18n.t(Common::Join) }}
                </button>
            </form>
            </Show>
            <p class="auth-page__switch">
                {i18n.t(Common::AlreadyMember)}" "
                <A href=sign_in_href>{i18n.t(Common::SignIn)}</A>
            </p>
            </Show>
            </Show>
        </section>
    }
}
