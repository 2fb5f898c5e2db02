use leptos::prelude::*;

use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// "Only for <group>": an article only the members of a closed group read.
#[component]
pub fn GroupBadge(
    /// The group's name.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="badge kb-badge">{i18n.t(Kb::OnlyFor)}" "{name}</span> }
}
