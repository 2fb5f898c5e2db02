use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::auth::SignInError;

use crate::api;
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// The identity providers a member can sign in with (`GET /auth/providers`): links that start the
/// provider's sign-in and come back to `next`; above them, why the last try failed when the
/// server sent the browser back with `sign_in_error`. Tells the page whether passwords are on, so
/// it can hide its password form where a provider is the only way in.
#[component]
pub fn SignInProviders(
    /// The app's address to come back to after signing in.
    #[prop(into)]
    next: Signal<String>,
    /// Why the last sign-in through a provider failed (the `sign_in_error` query parameter).
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Set to `false` once the server says members sign in only through a provider.
    password_on: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = LocalResource::new(api::auth::sign_in_options);
    Effect::new(move |_| {
        if let Some(Ok(options)) = options.get() {
            password_on.set(options.password);
        }
    });
    let failure = move || {
        error.get().map(|code| {
            let text = match SignInError::parse(&code) {
                SignInError::StateInvalid => Accounts::SignInStateInvalid,
                SignInError::Expired => Accounts::SignInExpired,
                SignInError::Cancelled => Accounts::SignInCancelled,
                SignInError::ProviderRefused => Accounts::SignInProviderRefused,
                SignInError::ProviderUnavailable => Accounts::SignInProviderUnavailable,
                SignInError::EmailUnverified => Accounts::SignInEmailUnverified,
                SignInError::EmailMissing => Accounts::SignInEmailMissing,
                SignInError::Unknown => Accounts::SignInFailed,
            };
            view! { <div class="form-alert" role="alert"><p class="form-alert__text">{i18n.t(text)}</p></div> }
        })
    };
    let providers = move || {
        let options = options.get().and_then(Result::ok)?;
        if options.providers.is_empty() {
            return None;
        }
        let links = options
            .providers
            .into_iter()
            .map(|provider| {
                let separator = if provider.start_url.contains('?') { '&' } else { '?' };
                let href = move || format!("{}{separator}next={}", provider.start_url, api::url::encode(&next.get()));
                // `external`: a navigation to the server (then the provider), not a route of the app.
                view! {
                    <a class="button button--wide button--secondary" href=href rel="external nofollow">
                        {i18n.t(Accounts::SignInWith)}" "{provider.label.clone()}
                    </a>
                }
            })
            .collect_view();
        Some(view! {
            <div class="sign-in-providers">
                {links}
                <p class="sign-in-providers__note">
                    {i18n.t(Accounts::ProviderJoinNote)}" "<A href="/charter">{i18n.t(Accounts::ReadCharter)}</A>
                </p>
                {options.password.then(|| view! { <p class="sign-in-providers__or">{i18n.t(Accounts::OrWithPassword)}</p> })}
            </div>
        })
    };
    view! {
        {failure}
        <Transition fallback=|| ()>{providers}</Transition>
    }
}
