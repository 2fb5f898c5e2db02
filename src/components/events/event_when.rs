use leptos::prelude::*;

use super::TimeZoneNotice;
use super::calendar::day_at;
use crate::i18n::Locale;
use crate::i18n::format::{intl_date, parse_millis, usable_time_zone, viewer_time_zone};
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// "Wednesday, 16 December 2026, 18:00 – 21:00" in `zone` (the viewer's when `None`); only the
/// dates for an all-day event.
fn span(starts_at: &str, ends_at: &str, all_day: bool, locale: Locale, zone: Option<&str>) -> String {
    let (Some(start), Some(end)) = (parse_millis(starts_at), parse_millis(ends_at)) else {
        return starts_at.to_owned();
    };
    let one_day = day_at(start, zone) == day_at(end.max(start + 1.0) - 1.0, zone);
    let full: &[(&str, &str)] =
        if all_day { &[("dateStyle", "full")] } else { &[("dateStyle", "full"), ("timeStyle", "short")] };
    let from = intl_date(starts_at, locale, full, zone);
    match (all_day, one_day) {
        (true, true) => from,
        (false, true) => format!("{from} – {}", intl_date(ends_at, locale, &[("timeStyle", "short")], zone)),
        _ => format!("{from} – {}", intl_date(ends_at, locale, full, zone)),
    }
}

/// When an event takes place: in the viewer's time zone and, when the clocks there say
/// something else, in the event's own zone too. All-day events keep the event's dates.
#[component]
pub fn EventWhen(
    /// Start instant (UTC).
    starts_at: String,
    /// End instant (UTC).
    ends_at: String,
    /// Dates without times.
    all_day: bool,
    /// The event's IANA time zone.
    time_zone: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let viewer_zone = viewer_time_zone();
    let at_event = span(&starts_at, &ends_at, all_day, locale, Some(&time_zone));
    let for_viewer = if all_day { at_event.clone() } else { span(&starts_at, &ends_at, false, locale, None) };
    let both = for_viewer != at_event;
    // An unknown zone's times are shown in UTC, and named so.
    let shown_zone = usable_time_zone(&time_zone).to_owned();
    view! {
        <TimeZoneNotice zones=vec![time_zone] />
        <dl class="event-when">
            <dt>{if both { i18n.t(Events::YourTime) } else { i18n.t(Events::When) }}</dt>
            <dd>
                <time datetime=starts_at.clone()>{for_viewer}</time>
                {(!all_day).then(|| view! { " "<span class="event-when__zone">"("{viewer_zone}")"</span> })}
            </dd>
            {both.then(|| view! {
                <dt>{i18n.t(Events::EventTime)}</dt>
                <dd>{at_event}" "<span class="event-when__zone">"("{shown_zone.clone()}")"</span></dd>
            })}
        </dl>
    }
}
