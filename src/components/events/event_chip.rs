use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::events::{Occurrence, RsvpStatus};

use crate::api::url::query;
use crate::i18n::format::intl_date;
use crate::i18n::messages::events::{Events, kind_text};
use crate::i18n::use_i18n;

/// The page of an event, at one date for a series.
pub fn event_href(event_id: &str, occurrence: Option<&str>) -> String {
    format!("/events/{}{}", crate::api::url::encode(event_id), query(&[("occurrence", occurrence.unwrap_or_default())]))
}

/// One date of an event in a calendar: time, title (a link), type, place, and marks for
/// cancelled, full, and the viewer's own answer.
#[component]
pub fn EventChip(
    /// The date shown.
    occurrence: Occurrence,
    /// Whether the title link takes part in Tab order (a month grid keeps only the active day's).
    #[prop(optional, into)]
    tabbable: Option<Signal<bool>>,
    /// Show the type and place under the title.
    #[prop(optional)]
    detailed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let o = occurrence;
    let href = event_href(&o.event_id, o.recurring.then_some(o.starts_at.as_str()));
    let time = if o.all_day {
        i18n.t(Events::AllDay).to_owned()
    } else {
        intl_date(&o.starts_at, locale, &[("timeStyle", "short")], None)
    };
    let full = o.capacity.is_some_and(|c| o.going_count >= c) && !o.cancelled;
    let mine = match o.my_status {
        Some(RsvpStatus::Going) => Some(i18n.t(Events::Going)),
        Some(RsvpStatus::Waitlisted) => Some(i18n.t(Events::OnWaitlist)),
        Some(RsvpStatus::Interested) => Some(i18n.t(Events::Interested)),
        _ => None,
    };
    let place = if o.online { i18n.t(Events::Online).to_owned() } else { o.city.clone().unwrap_or_default() };
    view! {
        <div class="event-chip" class:event-chip--cancelled=o.cancelled class:event-chip--mine=mine.is_some()
            data-kind=o.kind.as_str()>
            <time class="event-chip__time" datetime=o.starts_at.clone()>{time}</time>
            <A href=href attr:class="event-chip__title"
                attr:tabindex=move || tabbable.is_some_and(|t| !t.get()).then_some("-1")>
                {o.title.clone()}
            </A>
            {detailed.then(|| view! {
                <span class="event-chip__meta">
                    {i18n.t(kind_text(o.kind))}
                    {(!place.is_empty()).then(|| format!(" · {place}"))}
                    {o.recurring.then(|| format!(" · {}", i18n.t(Events::Repeats)))}
                </span>
            })}
            {o.cancelled.then(|| view! { <span class="event-chip__flag event-chip__flag--cancelled">{i18n.t(Events::Cancelled)}</span> })}
            {full.then(|| view! { <span class="event-chip__flag">{i18n.t(Events::Full)}</span> })}
            {mine.map(|text| view! { <span class="event-chip__flag event-chip__flag--mine">{text}</span> })}
        </div>
    }
}
