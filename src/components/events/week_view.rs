use leptos::prelude::*;
use veche_api::events::Occurrence;

use super::EventChip;
use super::calendar::{Day, group_by_day};
use crate::i18n::format::intl_date;
use crate::i18n::use_i18n;

/// Seven days side by side (stacked on narrow screens), each with its dates in order.
#[component]
pub fn WeekView(
    /// Monday of the week.
    first: Day,
    /// The dates to place on the days.
    occurrences: Vec<Occurrence>,
    /// Marked as today.
    today: Day,
) -> impl IntoView {
    let locale = use_i18n().locale();
    let days = group_by_day(&occurrences, first, first.plus_days(6));
    view! {
        <ol class="week">
            {(0..7).map(|i| {
                let day = first.plus_days(i);
                let events = days.get(&day).cloned().unwrap_or_default();
                let heading = intl_date(&day.noon_utc(), locale, &[("weekday", "long"), ("day", "numeric"), ("month", "long")], Some("UTC"));
                view! {
                    <li class="week__day" class:week__day--today=day == today aria-current=(day == today).then_some("date")>
                        <h3 class="week__heading">{heading}</h3>
                        <ul class="week__events">
                            {events.into_iter().map(|o| view! { <li><EventChip occurrence=o detailed=true /></li> }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
