//! The moderators' area: the queue of reported content and the moderation log.

mod log_page;
mod paged_list;
mod queue_page;
mod target_link;

use leptos::prelude::*;
use leptos_router::components::A;
use log_page::LogPage;
use queue_page::QueuePage;

use crate::components::feedback::StaffOnly;
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::use_i18n;
use crate::pages::area_rest;
use crate::pages::not_found::NotFoundPage;

/// Which page of the area an address (below `/moderation/`) names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Queue,
    Log,
    Unknown,
}

impl Place {
    fn of(rest: &str) -> Place {
        match rest.trim_matches('/') {
            "" => Place::Queue,
            "log" => Place::Log,
            _ => Place::Unknown,
        }
    }
}

/// `/moderation` (the queue) and `/moderation/log`, for moderators and staff; anyone else gets
/// the app's "no access". One route in the app's router serves both.
#[component]
pub fn ModerationArea() -> impl IntoView {
    let i18n = use_i18n();
    let rest = area_rest("/moderation");
    let place = Memo::new(move |_| rest.with(|rest| Place::of(rest)));
    let current = move |here: Place| move || (place.get() == here).then_some("page");
    view! {
        <StaffOnly moderators=true>
            <div class="moderation">
                <nav class="moderation__tabs" aria-label=i18n.t(Moderation::Sections)>
                    <A href="/moderation" attr:class="moderation__tab" attr:aria-current=current(Place::Queue)>
                        {i18n.t(Moderation::QueueLink)}
                    </A>
                    <A href="/moderation/log" attr:class="moderation__tab" attr:aria-current=current(Place::Log)>
                        {i18n.t(Moderation::LogLink)}
                    </A>
                </nav>
                {move || match place.get() {
                    Place::Queue => view! { <QueuePage /> }.into_any(),
                    Place::Log => view! { <LogPage /> }.into_any(),
                    Place::Unknown => view! { <NotFoundPage /> }.into_any(),
                }}
            </div>
        </StaffOnly>
    }
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn addresses_name_their_page() {
        assert_eq!(Place::of(""), Place::Queue);
        assert_eq!(Place::of("/"), Place::Queue);
        assert_eq!(Place::of("log"), Place::Log);
        assert_eq!(Place::of("log/"), Place::Log);
        assert_eq!(Place::of("reports"), Place::Unknown);
    }
}
