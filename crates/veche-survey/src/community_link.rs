use leptos::either::Either;
use leptos::prelude::*;
use veche_api::Locale;

use crate::links::Community;
use crate::texts::Text;

/// A link into the community. From the embed it opens a new tab (the survey sits in a frame on
/// another site) and says so; inside the community app it stays in the tab.
#[component]
pub(crate) fn CommunityLink(
    /// Where it goes.
    href: String,
    /// Its text.
    text: Text,
    /// Where the survey is shown.
    community: Community,
    /// The language of the text.
    locale: Locale,
    /// Extra classes (a link styled as a button).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let class = format!("veche-survey__link {class}");
    if community.in_app {
        Either::Left(view! { <a class=class href=href>{text.get(locale)}</a> })
    } else {
        Either::Right(view! {
            <a class=class href=href target="_blank" rel="noopener">
                {text.get(locale)}
                <span class="veche-survey__hidden">{format!(" {}", Text::NewTab.get(locale))}</span>
            </a>
        })
    }
}
