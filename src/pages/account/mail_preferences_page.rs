use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{self};
use crate::components::account::MailPreferencesForm;
use crate::components::feedback::Loaded;
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/account/notifications`: what reaches the member by e-mail, per kind of notification, and
/// the weekly community digest.
#[component]
pub fn MailPreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let preferences = LocalResource::new(api::notifications::preferences);
    let unconfirmed = move || session.account().is_some_and(|account| !account.email_verified);
    view! {
        <Title text=i18n.t(Accounts::MailTitle) />
        <section class="account-page">
            <h1>{i18n.t(Accounts::MailTitle)}</h1>
            <p>{i18n.t(Accounts::MailIntro)}</p>
            {move || unconfirmed().then(|| view! { <p class="email-status__todo">{i18n.t(Accounts::MailUnconfirmed)}</p> })}
            <Loaded resource=preferences let:initial>
                {view! {
                    <MailPreferencesForm initial=initial />
                    }}
            </Loaded>
        </section>
    }
}
