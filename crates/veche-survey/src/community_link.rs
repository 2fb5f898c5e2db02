use leptos::prelude::*;
use veche_api::Locale;

use crate::links::Community;
use crate::texts::Text;

/// A link into the community. From the embed it opens a new tab (the survey sits in a frame on
/// another site) and says so; inside the community app it stays in the tab.
pub(crate) fn community_link(
    href: String,
    text: Text,
    community: &Community,
    locale: Locale,
    class: &'static str,
) -> impl IntoView + use<> {
    let new_tab = !community.in_app;
    view! {
        <a
            class=format!("veche-survey__link {class}")
            href=href
            target=new_tab.then_some("_blank")
            rel=new_tab.then_some("noopener")
        >
            {text.get(locale)}
            <span class="veche-survey__hidden">{new_tab.then(|| format!(" {}", Text::NewTab.get(locale)))}</span>
        </a>
    }
}
