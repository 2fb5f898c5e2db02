use leptos::prelude::*;

use super::FormMessage;
use crate::i18n::use_i18n;

/// The form-level message (wrong password, server down, the server's reason for a refusal…),
/// announced when it appears.
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
                {message.detail.map(|detail| view! { <p class="form-alert__detail">{detail}</p> })}
            })}
        </div>
    }
}
