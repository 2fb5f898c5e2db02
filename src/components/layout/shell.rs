use leptos::prelude::*;

use super::{ServerBanner, SiteFooter, SiteHeader};
use crate::i18n::messages::common::Common;
use crate::i18n::use_i18n;

/// The frame around every page: skip link, header, the page, footer.
#[component]
pub fn Shell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.t(Common::SkipToContent)}</a>
        <SiteHeader />
        <ServerBanner />
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}
