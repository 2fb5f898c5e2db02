use leptos::prelude::*;

use super::FormMessage;
use crate::api;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// The form-level message (wrong password, server down, the server's reason for a refusal…),
/// announced when it appears. When the community wants a confirmed address before posting, it
/// offers to mail the link again.
#[component]
pub fn FormAlert(
    /// What to say; nothing is rendered while `None`.
    #[prop(into)]
    message: Signal<Option<FormMessage>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-alert" role="alert" aria-live="assertive">
            {move || message.get().map(|message| view! {
                <p class="form-alert__text">{i18n.t(message.text)}</p>
                {(message.text == Common::ErrorEmailUnconfirmed).then(|| view! { <ResendConfirmation /> })}
                {message.detail.map(|detail| view! { <p class="form-alert__detail">{detail}</p> })}
            })}
        </div>
    }
}

/// "Send the link again" for an address that is not confirmed yet, and what came of it.
#[component]
fn ResendConfirmation() -> impl IntoView {
    let i18n = use_i18n();
    let resend = Action::new_local(|_: &()| api::auth::resend_verification());
    let outcome = move || {
        resend.value().get().map(|result| match result {
            Ok(()) => i18n.t(Common::ConfirmationResent),
            Err(error) => i18n.t(crate::components::feedback::error_text(&error)),
        })
    };
    view! {
        <p class="form-alert__action">
            <button
                type="button"
                class="button button--secondary button--small"
                disabled=move || resend.pending().get()
                on:click=move |_| {
                    resend.dispatch(());
                }
            >
                {i18n.t(Common::ResendConfirmation)}
            </button>
            " "
            <span role="status">{outcome}</span>
        </p>
    }
}
