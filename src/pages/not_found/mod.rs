use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::feedback::NotFoundWays;
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Common::NotFoundTitle) />
        <section class="notice-page">
            <h1>{i18n.t(Common::NotFoundTitle)}</h1>
            <p>{i18n.t(Common::NotFoundText)}</p>
            <NotFoundWays />
        </section>
    }
}
