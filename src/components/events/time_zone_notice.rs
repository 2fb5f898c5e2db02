use leptos::prelude::*;
use veche_api::events::Occurrence;

use crate::i18n::format::known_time_zone;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// The time zones dates are shown in: an all-day event's days are its own zone's (the others are
/// shown in the viewer's zone).
pub fn all_day_zones(occurrences: &[Occurrence]) -> Vec<String> {
    occurrences.iter().filter(|o| o.all_day).map(|o| o.time_zone.clone()).collect()
}

/// Says which of `zones` the browser does not know, so their times are shown in UTC; nothing
/// when it knows them all. A backend may send any name (the contract says only "a string").
#[component]
pub fn TimeZoneNotice(
    /// The event time zones the page shows times in.
    zones: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut unknown: Vec<String> = zones.into_iter().filter(|zone| !known_time_zone(zone)).collect();
    unknown.sort();
    unknown.dedup();
    (!unknown.is_empty()).then(|| {
        let names = unknown.iter().map(|zone| format!("“{zone}”")).collect::<Vec<_>>().join(", ");
        view! { <p class="notice time-zone-notice" role="note">{i18n.t(Events::UnknownTimeZone)}" "{names}</p> }
    })
}
