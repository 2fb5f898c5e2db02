use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <A href="/charter" attr:class="site-footer__link">{i18n.t(Common::CommunityRules)}</A>
            <p class="site-footer__note">{i18n.t(Common::PoweredBy)}</p>
        </footer>
    }
}
