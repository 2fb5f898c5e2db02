use leptos::prelude::*;
use veche_api::ideas::IdeaStatus;

use crate::i18n::messages::ideas::status_text;
use crate::i18n::use_i18n;

/// An idea's status: its name (never only a colour) on a colour of its own.
#[component]
pub fn StatusChip(
    /// The status to show.
    status: IdeaStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("status-chip status-chip--{}", status.as_str())>{i18n.t(status_text(status))}</span> }
}
