use leptos::prelude::*;

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// The form-level message (wrong password, server down…), announced when it appears.
#[component]
pub fn FormAlert(
    /// What to say; nothing is rendered while `None`.
    #[prop(into)]
    message: Signal<Option<Common>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-alert" role="alert" aria-live="assertive">
            {move || message.get().map(|key| view! { <p class="form-alert__text">{i18n.t(key)}</p> })}
        </div>
    }
}
