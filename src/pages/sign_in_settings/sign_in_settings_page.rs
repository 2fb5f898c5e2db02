use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::auth::{ProviderSettingsChange, SignInSettings, SignInSettingsChange};
use veche_api::validate;

use crate::api::{self};
use crate::components::feedback::{Loaded, StaffOnly};
use crate::components::form::{CheckboxField, FormAlert, FormState, TextField};
use crate::i18n::messages::sign_in_admin::SignInAdmin;
use crate::i18n::use_i18n;

/// `/admin/sign-in`: staff choose how members sign in — passwords, the organisation's identity
/// provider (OpenID Connect), or both.
#[component]
pub fn SignInSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(SignInAdmin::Title) />
        <StaffOnly>
            <SignInSettingsLoader />
        </StaffOnly>
    }
}

#[component]
fn SignInSettingsLoader() -> impl IntoView {
    let i18n = use_i18n();
    let settings = LocalResource::new(api::auth::sign_in_settings);
    view! {
        <section class="account-page">
            <h1>{i18n.t(SignInAdmin::Title)}</h1>
            <p>{i18n.t(SignInAdmin::Intro)}</p>
            <Loaded resource=settings let:settings>
                {view! { <SignInSettingsForm settings /> }}
            </Loaded>
        </section>
    }
}

/// The form, filled with what is saved.
#[component]
fn SignInSettingsForm(
    /// The settings as the server has them.
    settings: SignInSettings,
) -> impl IntoView {
    let i18n = use_i18n();
    let editable = settings.editable;
    let redirect_url = settings.redirect_url.clone();
    let provider = settings.provider.clone();
    let provider_on = RwSignal::new(provider.is_some());
    let issuer = RwSignal::new(provider.as_ref().map(|p| p.issuer.clone()).unwrap_or_default());
    let client_id = RwSignal::new(provider.as_ref().map(|p| p.client_id.clone()).unwrap_or_default());
    let client_secret = RwSignal::new(String::new());
    let has_secret = RwSignal::new(provider.as_ref().is_some_and(|p| p.has_secret));
    let label = RwSignal::new(provider.as_ref().and_then(|p| p.label.clone()).unwrap_or_default());
    let trust_email = RwSignal::new(provider.as_ref().is_some_and(|p| p.trust_email));
    let password = RwSignal::new(settings.password);
    let form = FormState::new();
    let saved = RwSignal::new(false);
    let save = Action::new_local(|(change, key): &(SignInSettingsChange, String)| {
        let (change, key) = (change.clone(), key.clone());
        async move { api::auth::change_sign_in_settings(&change, key).await }
    });
    form.follow(save, move |answer: SignInSettings| {
        client_secret.set(String::new());
        has_secret.set(answer.provider.as_ref().is_some_and(|p| p.has_secret));
        provider_on.set(answer.provider.is_some());
        password.set(answer.password);
        saved.set(true);
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        let change = SignInSettingsChange {
            password: password.get_untracked(),
            provider: provider_on.get_untracked().then(|| ProviderSettingsChange {
                issuer: issuer.get_untracked(),
                client_id: client_id.get_untracked(),
                client_secret: Some(client_secret.get_untracked()),
                label: Some(label.get_untracked()),
                trust_email: trust_email.get_untracked(),
            }),
        };
        if form.check(&validate::sign_in_settings(&change, has_secret.get_untracked()), i18n.locale()) {
            save.dispatch((change, api::client::new_idempotency_key()));
        }
    };
    view! {
        <form class="form account-form sign-in-settings" on:submit=on_submit novalidate>
            {(!editable).then(|| view! { <p class="sign-in-settings__fixed" role="note">{i18n.t(SignInAdmin::Fixed)}</p> })}
            <FormAlert message=form.alert() />
            <fieldset class="sign-in-settings__group" disabled=!editable>
                <legend>{i18n.t(SignInAdmin::ProviderTitle)}</legend>
                <CheckboxField name="provider_on" checked=provider_on error=form.field("provider")>
                    {i18n.t(SignInAdmin::ProviderOn)}
                </CheckboxField>
                <div class="sign-in-settings__provider" hidden=move || !provider_on.get()>
                    <p class="sign-in-settings__redirect">
                        <span>{i18n.t(SignInAdmin::RedirectLabel)}</span>
                        <code>{redirect_url}</code>
                    </p>
                    <TextField label=i18n.t(SignInAdmin::IssuerLabel) name="issuer" value=issuer error=form.field("provider.issuer") input_type="url" hint=i18n.t(SignInAdmin::IssuerHint) required=true maxlength=500 />
                    <TextField label=i18n.t(SignInAdmin::ClientIdLabel) name="client_id" value=client_id error=form.field("provider.client_id") autocomplete="off" required=true maxlength=200 />
                    {move || {
                        let (name, error) = ("client_secret", form.field("provider.client_secret"));
                        let secret_label = i18n.t(SignInAdmin::ClientSecretLabel);
                        if has_secret.get() {
                            Either::Left(view! { <TextField label=secret_label name value=client_secret error input_type="password" autocomplete="off" hint=i18n.t(SignInAdmin::SecretSavedHint) maxlength=500 /> })
                        } else {
                            Either::Right(view! { <TextField label=secret_label name value=client_secret error input_type="password" autocomplete="off" required=true maxlength=500 /> })
                        }
                    }}
                    <TextField label=i18n.t(SignInAdmin::LabelLabel) name="label" value=label error=form.field("provider.label") hint=i18n.t(SignInAdmin::LabelHint) maxlength=60 />
                    <CheckboxField name="trust_email" checked=trust_email error=form.field("provider.trust_email")>
                        {i18n.t(SignInAdmin::TrustEmail)}
                    </CheckboxField>
                </div>
            </fieldset>
            <fieldset class="sign-in-settings__group" disabled=!editable>
                <legend>{i18n.t(SignInAdmin::PasswordTitle)}</legend>
                <CheckboxField name="password" checked=password error=form.field("password")>
                    {i18n.t(SignInAdmin::PasswordOn)}
                </CheckboxField>
                <p class="field__hint" hidden=move || password.get()>{i18n.t(SignInAdmin::PasswordOffHint)}</p>
            </fieldset>
            <p role="status" class="account-form__done">{move || saved.get().then(|| i18n.t(SignInAdmin::Saved))}</p>
            {editable.then(|| view! {
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { i18n.t(SignInAdmin::Checking) } else { i18n.t(SignInAdmin::Save) }}
                </button>
            })}
        </form>
    }
}
