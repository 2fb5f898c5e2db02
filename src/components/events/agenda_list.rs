use leptos::either::Either;
use leptos::prelude::*;
use veche_api::events::Occurrence;

use super::EventChip;
use super::calendar::{Day, group_by_day};
use crate::components::feedback::EmptyState;
use crate::i18n::format::{intl_date, parse_millis};
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// Dates in order, grouped by day: what is still to come first, then — apart — what is over.
#[component]
pub fn AgendaList(
    /// First and last day of the period.
    range: (Day, Day),
    /// The dates of the period.
    occurrences: Vec<Occurrence>,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = js_sys::Date::now();
    let (past, upcoming): (Vec<Occurrence>, Vec<Occurrence>) =
        occurrences.into_iter().partition(|o| parse_millis(&o.ends_at).is_some_and(|end| end <= now));
    let section = move |title: Events, id: &'static str, dates: Vec<Occurrence>| {
        let days = group_by_day(&dates, range.0, range.1);
        view! {
            <section class="agenda" aria-labelledby=id>
                <h2 class="agenda__title" id=id>{i18n.t(title)}</h2>
                <ol class="agenda__days">
                    {days.into_iter().map(|(day, events)| view! {
                        <li class="agenda__day">
                            <h3 class="agenda__date">
                                {intl_date(&day.noon_utc(), i18n.locale(), &[("dateStyle", "full")], Some("UTC"))}
                            </h3>
                            <ul class="agenda__events">
                                {events.into_iter().map(|o| view! { <li><EventChip occurrence=o detailed=true /></li> }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    };
    if past.is_empty() && upcoming.is_empty() {
        return Either::Left(view! { <EmptyState text=i18n.t(Events::NoEvents) /> });
    }
    Either::Right(view! {
        {(!upcoming.is_empty()).then(|| section(Events::Upcoming, "agenda-upcoming", upcoming))}
        {(!past.is_empty()).then(|| section(Events::Past, "agenda-past", past))}
    })
}
