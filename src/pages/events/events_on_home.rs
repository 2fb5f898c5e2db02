use leptos::prelude::*;

use crate::api::events::{self, RangeQuery};
use crate::components::events::UpcomingEvents;
use crate::components::events::calendar::Day;
use crate::i18n::format::parse_millis;

/// The home page's next three events (not cancelled, not over), from their own chunk.
#[component]
pub fn EventsOnHome() -> impl IntoView {
    let upcoming = LocalResource::new(|| async {
        let today = Day::today();
        let range =
            RangeQuery { from: today.to_string(), to: today.plus_days(60).to_string(), ..RangeQuery::default() };
        let now = js_sys::Date::now();
        events::list(&range).await.map(|dates| {
            dates
                .into_iter()
                .filter(|o| !o.cancelled && parse_millis(&o.ends_at).is_some_and(|end| end > now))
                .take(3)
                .collect::<Vec<_>>()
        })
    });
    // Secondary to the page: left out when it cannot be loaded.
    move || upcoming.get().and_then(Result::ok).map(|dates| view! { <UpcomingEvents dates=dates /> })
}
