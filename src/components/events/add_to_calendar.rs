use leptos::prelude::*;
use veche_api::events::{EventDetail, google_calendar_link};

use crate::api::events::ics_url;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// An `.ics` file of the event (its whole series) and a Google Calendar link for the date shown.
#[component]
pub fn AddToCalendar(
    /// The event.
    event: EventDetail,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = [event.address.clone(), event.city.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
    let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let google = google_calendar_link(&event.title, &event.starts_at, &event.ends_at, &page, &location);
    view! {
        <section class="add-to-calendar" aria-labelledby="add-to-calendar-title">
            <h2 id="add-to-calendar-title">{i18n.t(Events::AddToCalendar)}</h2>
            <ul class="add-to-calendar__links">
                <li><a class="button button--secondary button--small" href=ics_url(&event.id) download=format!("event-{}.ics", event.id)>
                    {i18n.t(Events::DownloadIcs)}
                </a></li>
                <li><a class="button button--secondary button--small" href=google target="_blank" rel="noopener noreferrer">
                    {i18n.t(Events::GoogleCalendar)}
                </a></li>
            </ul>
        </section>
    }
}
