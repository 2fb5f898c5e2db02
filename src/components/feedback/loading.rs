use leptos::prelude::*;

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// A quiet placeholder while data loads; announced to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status" aria-live="polite">
            {i18n.t(Common::Loading)}
        </p>
    }
}
