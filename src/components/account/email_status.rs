use leptos::prelude::*;
use veche_api::auth::Account;

use crate::api;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::messages::account::Accounts;
use crate::i18n::use_i18n;

/// Whether the member's address is confirmed, the address a change waits at, and a button that
/// mails a new confirmation link.
#[component]
pub fn EmailStatus(
    /// The signed-in member's account.
    account: Account,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let resent = RwSignal::new(false);
    let resend = Action::new_local(|_: &()| api::auth::resend_verification());
    form.follow(resend, move |()| resent.set(true));
    let pending = account.pending_email.clone().map(|address| {
        view! { <p class="email-status__pending">{i18n.t(Accounts::EmailPending)}" "<strong>{address}</strong></p> }
    });
    let standing = if account.email_verified {
        view! { <p class="email-status__ok">{i18n.t(Accounts::EmailConfirmed)}</p> }.into_any()
    } else {
        view! {
            <p class="email-status__todo">{i18n.t(Accounts::EmailNotConfirmed)}</p>
            <FormAlert message=form.alert() />
            <p role="status" class="email-status__sent">
                {move || resent.get().then(|| i18n.t(Accounts::LinkResent))}
            </p>
            <button
                type="button"
                class="button button--secondary"
                disabled=move || resend.pending().get()
                on:click=move |_| {
                    form.clear();
                    resend.dispatch(());
                }
            >
                {move || if resend.pending().get() { i18n.t(Accounts::Sending) } else { i18n.t(Accounts::ResendLink) }}
            </button>
        }
        .into_any()
    };
    view! { <div class="email-status">{standing}{pending}</div> }
}
