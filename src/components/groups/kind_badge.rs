use leptos::prelude::*;
use veche_api::groups::GroupKind;

use crate::i18n::messages::groups;
use crate::i18n::use_i18n;

/// "Open", "Closed" or "Secret", as a badge.
#[component]
pub fn KindBadge(
    /// The group's kind.
    kind: GroupKind,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("badge group-kind group-kind--{}", kind.as_str())>{i18n.t(groups::kind(kind))}</span> }
}
