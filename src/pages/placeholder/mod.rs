use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// Stands in for an area that is not built yet, and says so plainly.
#[component]
pub fn ComingSoonPage(
    /// The area's name, used as the heading.
    title: Common,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(title) />
        <section class="notice-page">
            <h1>{i18n.t(title)}</h1>
            <p class="notice-page__badge">{i18n.t(Common::ComingSoonTitle)}</p>
            <p>{i18n.t(Common::ComingSoonText)}</p>
        </section>
    }
}
